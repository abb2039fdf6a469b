//! Reading the fact base back: `factcheck facts list` and `facts show`, and
//! `facts validate --format json`.
//!
//! Facts, entities and problems as JSON values (one shape for every command
//! that shows them) and as short human lines.

use serde_json::{Value as Json, json};

use super::model::{Entity, Fact, FactBase, FactValue, Origin, Validity};
use super::problem::{Problem, Severity};

/// Version of the JSON that `facts list`, `facts show` and `facts validate` write.
pub const FACTS_JSON_VERSION: u32 = 1;

/// Facts whose value key is `kind` (if given) and whose id starts with `prefix` (if given).
pub fn select<'a>(base: &'a FactBase, kind: Option<&str>, prefix: Option<&str>) -> Vec<&'a Fact> {
    base.facts
        .iter()
        .filter(|f| kind.is_none_or(|k| f.value.key() == k))
        .filter(|f| prefix.is_none_or(|p| f.id.starts_with(p)))
        .collect()
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

/// An entity as JSON: id, kind, name, aliases, roles with their periods.
pub fn entity_json(e: &Entity) -> Json {
    let roles: Vec<Json> = e
        .roles
        .iter()
        .map(|r| {
            let (from, until) = validity_json(&r.valid);
            json!({ "title": r.title, "from": from, "until": until, "source": r.source })
        })
        .collect();
    json!({ "id": e.id, "kind": e.kind.as_str(), "name": e.name, "aliases": e.aliases, "roles": roles })
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
    let source = f.source.as_deref().map_or(Json::Null, |id| match base.source(id) {
        Some(s) => json!({ "id": id, "title": s.title, "url": s.url }),
        None => json!({ "id": id, "title": null, "url": null }),
    });
    let entities: Vec<Json> = named_entities(f)
        .iter()
        .filter_map(|id| base.entity(id))
        .map(entity_json)
        .collect();
    json!({
        "id": f.id,
        "kind": f.value.key(),
        "value": f.value.to_json(),
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

/// One line per fact: id, kind, value, period and source, in columns.
pub fn list_lines(base: &FactBase, facts: &[&Fact]) -> Vec<String> {
    let id_width = facts.iter().map(|f| f.id.chars().count()).max().unwrap_or(0);
    facts
        .iter()
        .map(|f| {
            let mut line = format!("{:id_width$}  {:8}  {}", f.id, f.value.key(), value_text(base, f));
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

fn quoted(list: &[String]) -> String {
    list.iter().map(|s| format!("\"{s}\"")).collect::<Vec<_>>().join(", ")
}

/// An entity in a few human lines, indented by `indent`.
pub fn entity_lines(e: &Entity, indent: &str) -> Vec<String> {
    let mut out = vec![format!("{indent}{} ({}, {})", e.id, e.kind.as_str(), e.name)];
    if !e.aliases.is_empty() {
        out.push(format!("{indent}  aliases: {}", quoted(&e.aliases)));
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
    match f.source.as_deref() {
        None => out.push("  source:    none".into()),
        Some(id) => {
            let s = base.source(id);
            let title = s.and_then(|s| s.title.as_deref()).unwrap_or("(no title)");
            let url = s
                .and_then(|s| s.url.as_deref())
                .map(|u| format!(" <{u}>"))
                .unwrap_or_default();
            out.push(format!("  source:    {id}: {title}{url}"));
        }
    }
    let entities: Vec<&Entity> = named_entities(f).iter().filter_map(|id| base.entity(id)).collect();
    if !entities.is_empty() {
        out.push("  entities:".into());
        for e in entities {
            out.extend(entity_lines(e, "    "));
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
