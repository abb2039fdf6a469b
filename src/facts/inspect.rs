//! Reading the fact base back: `factcheck facts list` and `facts show`, and
//! `facts validate --format json`.
//!
//! Facts, entities and problems as JSON values (one shape for every command
//! that shows them) and as short human lines.

use serde_json::{Value as Json, json};

use super::model::{Entity, Event, Fact, FactBase, FactValue, Origin, Validity};
use super::problem::{Problem, Severity};

/// Version of the JSON that `facts list`, `facts show` and `facts validate` write.
pub const FACTS_JSON_VERSION: u32 = 1;

/// Facts whose value key is `kind` (if given), whose id starts with `prefix`
/// (if given) and that belong to `event` (if given).
pub fn select<'a>(base: &'a FactBase, kind: Option<&str>, prefix: Option<&str>, event: Option<&str>) -> Vec<&'a Fact> {
    base.facts
        .iter()
        .filter(|f| kind.is_none_or(|k| f.value.key() == k))
        .filter(|f| prefix.is_none_or(|p| f.id.starts_with(p)))
        .filter(|f| event.is_none_or(|e| f.event.as_deref() == Some(e)))
        .collect()
}

/// Events whose id starts with `prefix` (if given), in load order.
pub fn select_events<'a>(base: &'a FactBase, prefix: Option<&str>) -> Vec<&'a Event> {
    base.events
        .iter()
        .filter(|e| prefix.is_none_or(|p| e.id.starts_with(p)))
        .collect()
}

fn source_json(base: &FactBase, id: Option<&str>) -> Json {
    id.map_or(Json::Null, |id| match base.source(id) {
        Some(s) => json!({ "id": id, "title": s.title, "url": s.url }),
        None => json!({ "id": id, "title": null, "url": null }),
    })
}

fn origin_json(o: &Origin) -> Json {
    json!({ "file": o.file, "line": o.line, "column": o.column })
}

fn date_json(d: Option<jiff::civil::Date>) -> Json {
    d.map_or(Json::Null, |d| json!(d.to_string()))
}

fn validity_json(v: &Validity) -> (Json, Json) {
    (date_json(v.from), date_json(v.until))
}

/// An entity as JSON: id, kind, name, aliases, roles with their periods,
/// and the place it lies in (`within`, an entity id or null).
pub fn entity_json(e: &Entity) -> Json {
    let roles: Vec<Json> = e
        .roles
        .iter()
        .map(|r| {
            let (from, until) = validity_json(&r.valid);
            json!({ "title": r.title, "from": from, "until": until, "source": r.source })
        })
        .collect();
    json!({
        "id": e.id,
        "kind": e.kind.as_str(),
        "name": e.name,
        "aliases": e.aliases,
        "roles": roles,
        "within": e.within,
    })
}

/// Entity ids a fact names: its value's and its speaker.
pub fn named_entities(fact: &Fact) -> Vec<&str> {
    let mut ids: Vec<&str> = match &fact.value {
        FactValue::Entity(e) => vec![e.as_str()],
        FactValue::Entities(list) => list.iter().map(String::as_str).collect(),
        _ => Vec::new(),
    };
    if let Some(s) = &fact.speaker
        && !ids.contains(&s.as_str())
    {
        ids.push(s);
    }
    ids
}

/// A fact as JSON, with its source and the entities it names resolved.
pub fn fact_json(base: &FactBase, f: &Fact) -> Json {
    let (from, until) = validity_json(&f.valid);
    let source = source_json(base, f.source.as_deref());
    let entities: Vec<Json> = named_entities(f)
        .iter()
        .filter_map(|id| base.entity(id))
        .map(entity_json)
        .collect();
    json!({
        "id": f.id,
        "kind": f.value.key(),
        "value": f.value.to_json(),
        "event": f.event,
        "subject": f.subject,
        "about": f.about,
        "unit": f.unit,
        "speaker": f.speaker,
        "currency": f.currency,
        "complete": f.complete,
        "tolerance": crate::kinds::words::num(f.tolerance),
        "from": from,
        "until": until,
        "source": source,
        "note": f.note,
        "origin": origin_json(&f.origin),
        "entities": entities,
    })
}

/// The value as a reader would say it: "35 countries", "€90 billion", "Paris".
pub fn value_text(base: &FactBase, f: &Fact) -> String {
    match &f.value {
        FactValue::Count(n) => match f.unit.first() {
            Some(u) => format!("{n} {u}"),
            None => n.to_string(),
        },
        FactValue::Amount(a) => crate::kinds::words::money(*a, f.currency.as_deref().unwrap_or("")),
        FactValue::Percent(p) => format!("{}%", crate::kinds::words::num(*p)),
        FactValue::Ordinal(n) => n.to_string(),
        FactValue::Entity(e) => base.entity_name(e).to_owned(),
        FactValue::Entities(list) => {
            let names: Vec<&str> = list.iter().map(|e| base.entity_name(e)).collect();
            crate::kinds::words::join_names(&names)
        }
        FactValue::Quote(q) => match &f.speaker {
            Some(s) => format!("\"{q}\" ({})", base.entity_name(s)),
            None => format!("\"{q}\""),
        },
        FactValue::Date(d) => d.to_string(),
        FactValue::Year(y) => y.to_string(),
    }
}

/// One line per fact: id, kind, event (when one of them has one), value,
/// period and source, in columns.
pub fn list_lines(base: &FactBase, facts: &[&Fact]) -> Vec<String> {
    let with_event = facts.iter().any(|f| f.event.is_some());
    fact_lines(base, facts, with_event)
}

/// As [`list_lines`], with the event column (`-` for a fact of no event) or without.
pub fn fact_lines(base: &FactBase, facts: &[&Fact], event_column: bool) -> Vec<String> {
    let id_width = facts.iter().map(|f| f.id.chars().count()).max().unwrap_or(0);
    let event_width = facts
        .iter()
        .map(|f| f.event.as_deref().map_or(1, |e| e.chars().count()))
        .max()
        .unwrap_or(0);
    facts
        .iter()
        .map(|f| {
            let mut line = format!("{:id_width$}  {:8}  ", f.id, f.value.key());
            if event_column {
                line.push_str(&format!("{:event_width$}  ", f.event.as_deref().unwrap_or("-")));
            }
            line.push_str(&value_text(base, f));
            if !f.valid.is_always() {
                line.push_str(&format!(" ({})", f.valid));
            }
            match &f.source {
                Some(s) => line.push_str(&format!("  [{s}]")),
                None => line.push_str("  [no source]"),
            }
            line
        })
        .collect()
}

/// The other events that share a name or an alias with `event`.
pub fn same_name<'a>(base: &'a FactBase, event: &Event) -> Vec<&'a Event> {
    let names: Vec<String> = event.names().map(str::to_lowercase).collect();
    base.events
        .iter()
        .filter(|o| o.id != event.id && o.names().any(|n| names.contains(&n.to_lowercase())))
        .collect()
}

/// The facts of an event, in fact order.
fn event_facts<'a>(base: &'a FactBase, event: &Event) -> Vec<&'a Fact> {
    base.facts_of_event(&event.id).iter().map(|&i| &base.facts[i]).collect()
}

/// "G7 summit, 2025-06-15, Kananaskis": an event's name, date and place.
fn event_summary(base: &FactBase, e: &Event) -> String {
    let mut out = e.name.clone();
    if let Some(d) = e.date {
        out.push_str(&format!(", {d}"));
    }
    if let Some(p) = &e.place {
        out.push_str(&format!(", {}", base.entity_name(p)));
    }
    out
}

/// One line per event: id, date, name and place, how many facts, source.
pub fn event_list_lines(base: &FactBase, events: &[&Event]) -> Vec<String> {
    let id_width = events.iter().map(|e| e.id.chars().count()).max().unwrap_or(0);
    events
        .iter()
        .map(|e| {
            let date = e.date.map_or("-".to_owned(), |d| d.to_string());
            let mut line = format!("{:id_width$}  {date:10}  {}", e.id, e.name);
            if let Some(p) = &e.place {
                line.push_str(&format!(", {}", base.entity_name(p)));
            }
            let n = base.facts_of_event(&e.id).len();
            line.push_str(&format!("  ({})", crate::report::plural(n, "fact", "facts")));
            match &e.source {
                Some(s) => line.push_str(&format!("  [{s}]")),
                None => line.push_str("  [no source]"),
            }
            line
        })
        .collect()
}

/// An event as JSON: its names, date, place, phrases, source, where it is
/// defined, the events that share a name with it, and its facts (id, kind
/// and value).
pub fn event_json(base: &FactBase, e: &Event) -> Json {
    let facts: Vec<Json> = event_facts(base, e)
        .iter()
        .map(|f| json!({ "id": f.id, "kind": f.value.key(), "value": f.value.to_json() }))
        .collect();
    let same: Vec<&str> = same_name(base, e).iter().map(|o| o.id.as_str()).collect();
    json!({
        "id": e.id,
        "name": e.name,
        "aliases": e.aliases,
        "date": date_json(e.date),
        "place": e.place,
        "about": e.about,
        "source": source_json(base, e.source.as_deref()),
        "note": e.note,
        "origin": origin_json(&e.origin),
        "same_name": same,
        "facts": facts,
    })
}

/// An event in full, for `facts show`.
pub fn event_lines(base: &FactBase, e: &Event) -> Vec<String> {
    let mut out = vec![format!("{} (event, {})", e.id, e.origin)];
    out.push(format!("  name:      {}", e.name));
    if !e.aliases.is_empty() {
        out.push(format!("  aliases:   {}", quoted(&e.aliases)));
    }
    if let Some(d) = e.date {
        out.push(format!("  date:      {d}"));
    }
    if let Some(p) = &e.place {
        out.push(format!("  place:     {p} ({})", base.entity_name(p)));
    }
    if !e.about.is_empty() {
        out.push(format!("  about:     {}", quoted(&e.about)));
    }
    if let Some(n) = &e.note {
        out.push(format!("  note:      {n}"));
    }
    out.push(source_line(base, e.source.as_deref()));
    let same = same_name(base, e);
    if !same.is_empty() {
        let ids: Vec<&str> = same.iter().map(|o| o.id.as_str()).collect();
        out.push(format!(
            "  same name: {} (a date, year, place or name written near a mention, or the publication date, decides)",
            ids.join(", ")
        ));
    }
    let facts = event_facts(base, e);
    if facts.is_empty() {
        out.push("  facts:     none".into());
    } else {
        out.push("  facts:".into());
        out.extend(fact_lines(base, &facts, false).into_iter().map(|l| format!("    {l}")));
    }
    out
}

/// The phrases a fact inherits from its event, and whether they tie it as
/// its own phrases do (it has none of its own, or it is the event's date or
/// place) or only name its occasion (they may confirm it, never contradict
/// it); `None` for a fact of no event.
pub fn inherited<'a>(base: &'a FactBase, f: &Fact) -> Option<(&'a Event, bool)> {
    let e = f.event.as_deref().and_then(|id| base.event(id))?;
    Some((e, f.about.is_empty() || e.owns(f)))
}

/// The inherited phrases as JSON (see [`inherited`]), or null.
pub fn inherited_json(base: &FactBase, f: &Fact) -> Json {
    inherited(base, f).map_or(Json::Null, |(e, strong)| {
        json!({
            "event": e.id,
            "about": e.about,
            "names": e.names().collect::<Vec<_>>(),
            "can_contradict": strong,
        })
    })
}

fn source_line(base: &FactBase, id: Option<&str>) -> String {
    match id {
        None => "  source:    none".into(),
        Some(id) => {
            let s = base.source(id);
            let title = s.and_then(|s| s.title.as_deref()).unwrap_or("(no title)");
            let url = s
                .and_then(|s| s.url.as_deref())
                .map(|u| format!(" <{u}>"))
                .unwrap_or_default();
            format!("  source:    {id}: {title}{url}")
        }
    }
}

fn quoted(list: &[String]) -> String {
    list.iter().map(|s| format!("\"{s}\"")).collect::<Vec<_>>().join(", ")
}

/// An entity in a few human lines, indented by `indent`.
pub fn entity_lines(base: &FactBase, e: &Entity, indent: &str) -> Vec<String> {
    let mut out = vec![format!("{indent}{} ({}, {})", e.id, e.kind.as_str(), e.name)];
    if !e.aliases.is_empty() {
        out.push(format!("{indent}  aliases: {}", quoted(&e.aliases)));
    }
    if let Some(w) = &e.within {
        // The whole chain: "meghaninagar (Meghaninagar), in ahmedabad (Ahmedabad), in ...".
        let mut chain = vec![format!("{w} ({})", base.entity_name(w))];
        let mut up = base.entity(w).and_then(|x| x.within.as_deref());
        while let Some(id) = up.filter(|_| chain.len() < 16) {
            chain.push(format!("{id} ({})", base.entity_name(id)));
            up = base.entity(id).and_then(|x| x.within.as_deref());
        }
        out.push(format!("{indent}  within:  {}", chain.join(", in ")));
    }
    for r in &e.roles {
        let source = r.source.as_deref().map(|s| format!(" [{s}]")).unwrap_or_default();
        out.push(format!("{indent}  role:    {}{source}", r.describe()));
    }
    out
}

/// A fact in full, for `facts show`: value, links, period, note, source, entities.
pub fn show_lines(base: &FactBase, f: &Fact) -> Vec<String> {
    let mut out = vec![format!("{} ({} fact, {})", f.id, f.value.key(), f.origin)];
    out.push(format!("  value:     {}", value_text(base, f)));
    if !f.about.is_empty() {
        out.push(format!("  about:     {}", quoted(&f.about)));
    }
    if let Some((e, strong)) = inherited(base, f) {
        out.push(format!("  event:     {} ({})", e.id, event_summary(base, e)));
        let mut phrases = quoted(&e.about);
        let names: Vec<String> = e.names().map(str::to_owned).collect();
        if !phrases.is_empty() {
            phrases.push_str("; ");
        }
        phrases.push_str(&format!("names {}", quoted(&names)));
        out.push(format!("  inherits:  {phrases}"));
        out.push(
            if !strong {
                "             (it has phrases of its own: these name its occasion, so they can confirm it, never contradict it)"
            } else if f.about.is_empty() {
                "             (it has no phrases of its own: these tie it, to confirm or to contradict)"
            } else {
                "             (it is the event's own date or place: these tie it, to confirm or to contradict)"
            }
            .to_owned(),
        );
    } else if let Some(e) = &f.event {
        out.push(format!("  event:     {e} (unknown)"));
    }
    if let Some(s) = &f.subject {
        out.push(format!("  subject:   {s} ({})", base.entity_name(s)));
    }
    if !f.unit.is_empty() {
        out.push(format!("  unit:      {}", quoted(&f.unit)));
    }
    if f.tolerance != 0.0 {
        out.push(format!("  tolerance: {}", crate::kinds::words::num(f.tolerance)));
    }
    if f.complete {
        out.push("  complete:  the list is the whole set".into());
    }
    out.push(format!(
        "  holds:     {}",
        if f.valid.is_always() {
            "always".to_owned()
        } else {
            f.valid.to_string()
        }
    ));
    if let Some(n) = &f.note {
        out.push(format!("  note:      {n}"));
    }
    out.push(source_line(base, f.source.as_deref()));
    let entities: Vec<&Entity> = named_entities(f).iter().filter_map(|id| base.entity(id)).collect();
    if !entities.is_empty() {
        out.push("  entities:".into());
        for e in entities {
            out.extend(entity_lines(base, e, "    "));
        }
    }
    out
}

/// `facts validate --format json`: every problem, and a summary.
pub fn problems_json(base: Option<&FactBase>, problems: &[Problem]) -> Json {
    let errors = problems.iter().filter(|p| p.severity == Severity::Error).count();
    let list: Vec<Json> = problems
        .iter()
        .map(|p| {
            json!({
                "file": p.file,
                "line": p.line,
                "column": p.column,
                "severity": match p.severity { Severity::Error => "error", Severity::Warning => "warning" },
                "message": p.message,
            })
        })
        .collect();
    json!({
        "version": FACTS_JSON_VERSION,
        "valid": errors == 0,
        "files": base.map(|b| b.files.clone()).unwrap_or_default(),
        "summary": {
            "errors": errors,
            "warnings": problems.len() - errors,
            "facts": base.map_or(0, |b| b.facts.len()),
            "entities": base.map_or(0, |b| b.entities.len()),
            "sources": base.map_or(0, |b| b.sources.len()),
        },
        "problems": list,
    })
}
