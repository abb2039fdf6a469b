//! Drafts for the fact base from an article's unverifiable claims
//! (`factcheck suggest`).
//!
//! Every unverifiable claim becomes a fact skeleton a researcher can finish:
//! a proposed unique id, `about` phrases taken from the claim's sentence (the
//! content words nearest the claim, the same words linking will look for),
//! the article's value under the kind's value key, and `source = ""` with a
//! comment, since nothing is verified until a source backs it. A titled
//! person the fact base does not know becomes an `[[entity]]` skeleton.
//! A fact whose claim is about exactly one occasion of the fact base (an
//! event its sentence names, else the one the article names) gets `event =
//! ID`, so it inherits that occasion's date, place and phrases.
//!
//! Drafts are `toml_edit` tables, so `--append` can add them to a fact-base
//! file without touching a byte of what is already there.

use std::collections::BTreeSet;

use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Table, value};

use crate::Checker;
use crate::article::Article;
use crate::extract::{Extraction, Kind, Mention, Value, word_spans};
use crate::facts::{FactBase, words};
use crate::finding::Weak;
use crate::lexicon::lang;
use crate::link::{Linked, link};
use crate::span::Span;
use crate::verdict::{Verdict, judge};

/// One proposed `[[fact]]` or `[[entity]]`.
#[derive(Debug, Clone)]
pub struct Draft {
    /// `fact` or `entity`: the array of tables it belongs to.
    pub array: &'static str,
    pub id: String,
    /// Where the claim is, `path:line:column`.
    pub at: String,
    /// The claim's bytes in its article (see [`links_back`]).
    pub span: Span,
    /// The claim as written.
    pub text: String,
    pub table: Table,
}

/// An unverifiable claim no draft can help, and what to do instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub at: String,
    pub text: String,
    pub why: String,
}

/// Everything `suggest` proposes for one or more articles.
#[derive(Debug, Clone, Default)]
pub struct Suggestions {
    pub drafts: Vec<Draft>,
    pub skipped: Vec<Skipped>,
}

/// Words that never make a good `about` phrase, beyond the stop words.
fn weak_word(w: &str) -> bool {
    const NUMBER_WORDS: &[&str] = &[
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty",
        "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million",
        "billion", "trillion", "dozen", "dozens", "percent", "per", "cent", "first", "many", "much", "several", "lot",
        "lots", "new", "another", "least", "almost", "nearly", "around", "roughly", "figure", "number", "total",
    ];
    words::is_stop_word(w)
        || w.chars().count() < 3
        || !w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        || NUMBER_WORDS.contains(&w)
        || w.split('-').any(|part| NUMBER_WORDS.contains(&part))
        || lang().cues.other_occasion.contains(w)
        || lang().cues.deadline.contains(w)
        || lang().cues.clause_breaks.contains(w)
        || lang().cues.time_words.contains(w)
        || lang().titles.words.contains(w)
        || lang().qualifiers.iter().any(|(q, _)| q.split(' ').any(|p| p == w))
        || crate::lexicon::month_number(w).is_some()
        || crate::lexicon::weekday(w).is_some()
}

/// Verbs that say little about what a figure counts ("keep", "make",
/// "come") and speech verbs ("said", "told", "talked"): a sentence of any
/// story may hold them, so they would tie it to the draft. Adverbs too.
fn light_word(w: &str) -> bool {
    // Light verbs in all their forms, speech verbs, adverbs and other glue.
    const LIGHT: &str = "\
        keep keeps kept keeping make makes made making take takes took taken taking give gives gave given \
        giving get gets got gotten getting going goes went gone come comes came coming put puts putting set \
        sets setting bring brings brought bringing work works worked working seem seems seemed become becomes \
        became becoming remain remains remained include includes included including use uses used using let \
        lets want wants wanted need needs needed try tries tried help helps helped show shows showed shown see \
        sees saw seen look looks looked know knows knew known think thinks thought find finds found call calls \
        called leave leaves left begin begins began begun stand stands stood \
        say says said saying tell tells told telling talk talks talked talking speak speaks spoke spoken \
        speaking add adds added adding state states stated note notes noted explain explains explained ask \
        asks asked claim claims claimed report reports reported reporting describe describes described mention \
        mentions mentioned insist insists insisted suggest suggests suggested reply replied write writes wrote \
        written briefed according \
        together far open still already also even just only ever never soon later earlier yet again away back \
        well more most less some such other others same own whole very quite rather instead thus though \
        although while whose would could should might must will shall can may were been being have has had \
        having does did done doing";
    // Adverbs in -ly ("roughly", "publicly"), not nouns that end so.
    const LY_NOUNS: &[&str] = &[
        "assembly", "supply", "ally", "rally", "family", "anomaly", "monopoly", "reply",
    ];
    LIGHT.split_whitespace().any(|l| l == w) || w.len() > 4 && w.ends_with("ly") && !LY_NOUNS.contains(&w)
}

/// A lower-case ASCII slug for ids: "Black Sea" → "black_sea".
fn slug(s: &str) -> String {
    let folded = deunicode::deunicode(s).to_lowercase();
    let parts: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|p| !p.is_empty())
        .collect();
    parts.join("_")
}

/// What a run's drafts so far have taken, so that later ones (of the same
/// article or the next) stay apart: ids, and `about` sets by value kind.
#[derive(Debug, Clone, Default)]
pub struct Taken {
    /// Ids in the fact base and already proposed.
    pub ids: BTreeSet<String>,
    /// (value key and unit, sorted `about` words) of every draft so far.
    about: Vec<(String, Vec<String>)>,
}

struct Drafter<'a> {
    article: &'a Article,
    base: &'a FactBase,
    ex: &'a Extraction,
    taken: &'a mut Taken,
    /// Every `about` phrase already in the fact base, lower case.
    known_about: BTreeSet<String>,
    /// Every name and alias already in the fact base, lower case.
    known_names: BTreeSet<String>,
}

/// Propose drafts for every unverifiable claim of `article`. `taken` holds
/// what must not be proposed again (the fact base's ids, earlier drafts').
pub fn suggest(checker: &Checker, article: &Article, taken: &mut Taken) -> Suggestions {
    let base = &checker.base;
    let ex = crate::extract::extract(article, base, &checker.index);
    let claims = judge(article, base, &checker.index, &ex);
    taken.ids.extend(base.facts.iter().map(|f| f.id.clone()));
    taken.ids.extend(base.entities.iter().map(|e| e.id.clone()));
    let mut drafter = Drafter {
        article,
        base,
        ex: &ex,
        taken,
        known_about: base
            .facts
            .iter()
            .flat_map(|f| f.about.iter().map(|a| a.trim().to_lowercase()))
            .collect(),
        known_names: base
            .entities
            .iter()
            .flat_map(|e| e.spellings().map(|s| s.trim().to_lowercase()))
            .collect(),
    };
    let mut out = Suggestions::default();
    // A claim that links to a draft already has its fact: it waits for a source.
    let drafted = |c: &crate::finding::Finding| c.rule == Some(crate::rules::Rule::DraftFact);
    for claim in claims
        .iter()
        .filter(|c| c.verdict == Verdict::Unverifiable && !drafted(c))
    {
        let text = crate::report::one_line(&article.text[claim.span.start..claim.span.end]);
        let pos = article.lines.position(&article.text, claim.span.start);
        let at = format!("{}:{}:{}", article.path, pos.line, pos.column);
        // A link too weak to judge by stays as weak with a new fact (a value
        // a correction puts right, a date of another occasion), unless the
        // only trouble was a phrase too far or taken by a closer claim.
        if let Some(rule) = claim.rule.filter(|r| {
            r.doc().group == crate::rules::Group::Link
                && !matches!(
                    r,
                    crate::rules::Rule::PhraseTooFar | crate::rules::Rule::PhraseOwnedByCloser
                )
        }) {
            out.skipped.push(Skipped {
                at,
                text,
                why: format!(
                    "a new fact would not link either: {} ({rule})",
                    rule.summary().to_lowercase()
                ),
            });
            continue;
        }
        let mention = ex
            .mentions
            .iter()
            .find(|m| m.span == claim.span && m.kind == claim.kind);
        let result = match mention {
            Some(m) => drafter.draft(
                m,
                &crate::report::words::message(&text, claim.kind.as_str(), &claim.reason),
            ),
            None => Err(format!(
                "an {} list that two facts fit equally well: make their `about` phrases distinct",
                claim.kind.as_str()
            )),
        };
        match result {
            Ok((array, id, table)) => out.drafts.push(Draft {
                array,
                id,
                at,
                span: claim.span,
                text,
                table,
            }),
            Err(why) => out.skipped.push(Skipped { at, text, why }),
        }
    }
    out
}

impl Drafter<'_> {
    /// A unique id built from `parts`: "figure.troops", then "figure.troops_2".
    fn unique_id(&mut self, parts: &[String]) -> String {
        let parts: Vec<String> = parts.iter().map(|p| slug(p)).filter(|p| !p.is_empty()).collect();
        let stem = if parts.is_empty() {
            "draft".to_owned()
        } else {
            parts.join(".")
        };
        let mut id = stem.clone();
        let mut n = 2;
        while self.taken.ids.contains(&id) {
            id = format!("{stem}_{n}");
            n += 1;
        }
        self.taken.ids.insert(id.clone());
        id
    }

    /// Content words of the claim's sentence, nearest the claim first (a
    /// word after the claim counts two further, as in linking).
    ///
    /// Only words that tie a sentence to what the claim is about qualify:
    /// no stop words, numbers, months, weekdays, titles, light or speech
    /// verbs ("keep", "said") or adverbs, and no names. A capitalised word
    /// is a name or part of one ("Black" in "Black Sea", "Élysée Palace"),
    /// which the fact base keeps as entities; at the start of a sentence it
    /// counts, in lower case, unless the next word is capitalised too.
    /// Every candidate is returned, best first: the caller takes three.
    fn about_words(&self, m: &Mention) -> Vec<String> {
        let prose = &self.article.prose;
        let words = word_spans(prose, m.sentence);
        let names: Vec<Span> = self
            .ex
            .entities
            .iter()
            .map(|e| e.full())
            .chain(self.ex.shared.iter().map(|m| m.full()))
            .collect();
        let claim_at = words.iter().position(|w| w.end > m.span.start).unwrap_or(words.len());
        let claim_end = words.iter().position(|w| w.start >= m.span.end).unwrap_or(words.len());
        let capitalised = |i: usize| {
            words
                .get(i)
                .is_some_and(|w| prose[w.start..w.end].starts_with(char::is_uppercase))
        };
        // A word that speaks of another occasion ("the first rotation", "the
        // next summit") after the claim: linking reads the sentence up to
        // the phrase, so a phrase past it would make the link weak.
        let lower_at = |i: usize| words.get(i).map(|w| prose[w.start..w.end].to_lowercase());
        let cue = (claim_end..words.len()).find(|&i| {
            let w = lower_at(i).unwrap_or_default();
            let next = lower_at(i + 1).unwrap_or_default();
            let timely = matches!(w.as_str(), "last" | "earlier" | "later") && lang().cues.time_words.contains(&next);
            lang().cues.other_occasion.contains(&w) && !timely && !matches!(next.as_str(), "to" | "time" | "of")
        });
        let mut scored: Vec<(usize, usize, String)> = Vec::new();
        for (i, w) in words.iter().enumerate() {
            if cue.is_some_and(|c| i > c) {
                break;
            }
            let word = &prose[w.start..w.end];
            let lower = word.to_lowercase();
            let name = capitalised(i) && (i > 0 || capitalised(i + 1));
            // A word of another claim ("delegations" in "35 delegations")
            // belongs to that claim when linking.
            let in_other_claim = self.ex.mentions.iter().any(|o| o.span != m.span && o.span.overlaps(*w));
            if w.overlaps(m.span)
                || in_other_claim
                || name
                || names.iter().any(|n| n.overlaps(*w))
                || weak_word(&lower)
                || light_word(&lower)
                || self.known_about.contains(&lower)
            {
                continue;
            }
            let distance = if i < claim_at {
                claim_at - i - 1
            } else {
                i - claim_end + 2
            };
            if !scored.iter().any(|(_, _, s)| *s == lower) {
                scored.push((distance, i, lower));
            }
        }
        scored.sort();
        scored.into_iter().map(|(_, _, w)| w).collect()
    }

    /// Three `about` words for a draft of `key` (and `unit`), from the
    /// candidates best first, never the same three as an earlier draft of
    /// the same kind: two such drafts with different values would
    /// contradict each other, and the fact base would not load.
    fn pick_about(&mut self, candidates: Vec<String>, key: &str, unit: Option<&str>) -> Option<Vec<String>> {
        let kind = format!("{key}/{}", unit.unwrap_or(""));
        let mut about: Vec<String> = candidates.iter().take(3).cloned().collect();
        let mut next = 3;
        loop {
            let mut set = about.clone();
            set.sort();
            let taken = self.taken.about.iter().any(|(k, s)| *k == kind && *s == set);
            if !taken {
                self.taken.about.push((kind, set));
                return Some(about);
            }
            let other = candidates.get(next)?;
            next += 1;
            about.pop();
            about.push(other.clone());
        }
    }

    /// The event a draft of `m` belongs to: the one event its sentence
    /// names (of several named, the one that what is written near the claim
    /// decides, as linking decides between occasions of one name), else the
    /// one event the article names, else none. Only names that bring their
    /// event into the article count (see [`Extraction::present`]): a draft
    /// of an event the article is not about would never be judged in it.
    fn event_of(&self, m: &Mention) -> Option<String> {
        let base = self.base;
        let about = |e: usize| self.ex.present.get(e).copied().unwrap_or(false);
        let named = |within: Option<Span>| -> Vec<usize> {
            let mut events: Vec<usize> = self
                .ex
                .event_names
                .iter()
                .filter(|(at, _)| within.is_none_or(|w| w.contains(*at)))
                .flat_map(|(_, events)| events.iter().copied())
                .filter(|&e| about(e))
                .collect();
            events.sort_unstable();
            events.dedup();
            events
        };
        let id = |e: usize| base.events[e].id.clone();
        match named(Some(m.sentence)).as_slice() {
            [] => {}
            [e] => return Some(id(*e)),
            several => {
                let facts: Vec<usize> = several
                    .iter()
                    .filter_map(|&e| base.facts_of_event(&base.events[e].id).first().copied())
                    .collect();
                let cues =
                    crate::occasion::Cues::of(base, self.ex, &self.article.prose, m.sentence, self.article.published)
                        .near(m.span);
                return crate::occasion::decide(base, &facts, &cues).map(str::to_owned);
            }
        }
        match named(None).as_slice() {
            [e] => Some(id(*e)),
            _ => None,
        }
    }

    /// A draft for one mention: (array, id, table), or why there is none.
    fn draft(&mut self, m: &Mention, message: &str) -> Result<(&'static str, String, Table), String> {
        // A name several entities share: the base knows them; the article must say which.
        if let Value::Role { shared, .. } | Value::Quote { shared, .. } = &m.value
            && !shared.is_empty()
        {
            return Err(
                "the name is one several entities of the fact base share: write a first name or a title that tells which"
                    .into(),
            );
        }
        if let Value::Role {
            entity, title, name, ..
        } = &m.value
        {
            return self.entity_draft(*entity, title, name, message);
        }
        if let Value::Quote { text, speaker, .. } = &m.value {
            let speaker = speaker.map(|s| self.base.entities[s].id.clone());
            let id = self.unique_id(&[speaker.clone().unwrap_or_else(|| "quote".into()), "quote".into()]);
            let mut t = Table::new();
            t["id"] = value(id.clone());
            if let Some(e) = self.event_of(m) {
                t["event"] = value(e);
            }
            t["quote"] = value(text.clone());
            match &speaker {
                Some(s) => t["speaker"] = value(s.clone()),
                None => t
                    .decor_mut()
                    .set_prefix("# Who said it? Add `speaker = \"entity id\"`.\n"),
            }
            source_placeholder(&mut t);
            return Ok(("fact", id, t));
        }
        // A new fact only helps when nothing but a missing fact stood in the way.
        match link(&self.article.prose, m, self.ex, self.base, self.article.published) {
            Linked::Ambiguous(_) => {
                return Err("two facts fit equally well: make their `about` phrases distinct".into());
            }
            Linked::Weak { reason, .. } if !matches!(reason, Weak::NoPhrase | Weak::TooFar { .. }) => {
                return Err(format!(
                    "a new fact would not link either: {}",
                    crate::report::words::weak(&reason)
                ));
            }
            _ => {}
        }
        let candidates = self.about_words(m);
        if candidates.is_empty() {
            return Err("its sentence has no content word to use as an `about` phrase".into());
        }
        let (key, item, tail, unit): (&str, Item, String, Option<String>) = match &m.value {
            Value::Date { resolved: Some(d), .. } => {
                let date = toml_edit::Date {
                    year: d.year() as u16,
                    month: d.month() as u8,
                    day: d.day() as u8,
                };
                let dt = toml_edit::Datetime {
                    date: Some(date),
                    time: None,
                    offset: None,
                };
                ("date", value(dt), "date".into(), None)
            }
            Value::Date { .. } => {
                return Err("the date has no year and the article no publication date (pass --published)".into());
            }
            Value::DateRange { .. } => {
                return Err("a stretch of days (\"last week\"): add a `date` fact for the day it refers to".into());
            }
            Value::Weekday { .. } => {
                return Err(
                    "a weekday alone: add a `date` fact for the day, and the weekday is checked against it".into(),
                );
            }
            Value::Year { year, .. } => ("year", value(*year), "year".into(), None),
            Value::Count { amount, unit, .. } => {
                if amount.value.fract() != 0.0 || amount.value < 0.0 {
                    return Err("a count that is not a whole number".into());
                }
                ("count", value(amount.value as i64), unit.clone(), Some(unit.clone()))
            }
            Value::Money { amount, currency } => {
                ("amount", number(amount.value), "amount".into(), Some(currency.clone()))
            }
            Value::Percent { amount } => ("percent", number(amount.value), "percent".into(), None),
            Value::Ordinal { value: n, unit, .. } => ("ordinal", value(*n as i64), unit.clone(), Some(unit.clone())),
            Value::Quote { .. } | Value::Role { .. } | Value::Name { .. } => {
                return Err(format!("{} claims are not drafted", m.kind.as_str()));
            }
        };
        let Some(about) = self.pick_about(candidates, key, unit.as_deref()) else {
            return Err(
                "its sentence has no content words but those of another draft of the same kind: \
                 write its `about` phrases by hand"
                    .into(),
            );
        };
        let id = self.unique_id(&[about[0].clone(), tail]);
        let mut t = Table::new();
        t["id"] = value(id.clone());
        if let Some(e) = self.event_of(m) {
            t["event"] = value(e);
        }
        t["about"] = value(Array::from_iter(about.iter().map(String::as_str)));
        t[key] = item;
        match (m.kind, unit) {
            (Kind::Count | Kind::Ordinal, Some(u)) => t["unit"] = value(Array::from_iter([u.as_str()])),
            (Kind::Amount, Some(c)) => t["currency"] = value(c),
            _ => {}
        }
        source_placeholder(&mut t);
        Ok(("fact", id, t))
    }

    /// An `[[entity]]` for a titled person the fact base does not know.
    fn entity_draft(
        &mut self,
        entity: Option<usize>,
        title: &str,
        name: &str,
        message: &str,
    ) -> Result<(&'static str, String, Table), String> {
        if let Some(e) = entity {
            let e = &self.base.entities[e];
            return Err(if e.roles.is_empty() {
                format!("add `roles = [\"{title}\"]` to entity `{}`", e.id)
            } else {
                message.to_owned()
            });
        }
        let parsed = crate::lexicon::Title::parse(title);
        if parsed.former {
            return Err(format!(
                "a former title: add {name} as an entity with the past role and its `from`/`until` dates"
            ));
        }
        if self.known_names.contains(&name.to_lowercase()) {
            return Err(format!("\"{name}\" is already a spelling of another entity"));
        }
        let surname = name.split_whitespace().last().unwrap_or(name);
        let id = self.unique_id(&[surname.to_owned()]);
        let mut t = Table::new();
        t["id"] = value(id.clone());
        t["kind"] = value("person");
        t["name"] = value(name);
        if surname != name && !self.known_names.contains(&surname.to_lowercase()) {
            t["aliases"] = value(Array::from_iter([surname]));
        }
        t["roles"] = value(Array::from_iter([title]));
        t.decor_mut()
            .set_prefix("# Add `from`/`until` dates to the role if the office changes hands.\n");
        Ok(("entity", id, t))
    }
}

/// Whether the claim a fact draft came from, checked in `report` (its
/// article checked against the fact base with the drafts in it), links to
/// that draft: its `fact` is the draft's id.
/// Entity drafts pass (a titled person is checked by name, not linked).
pub fn links_back(d: &Draft, report: &crate::report::ArticleReport) -> Result<(), String> {
    if d.array != "fact" {
        return Ok(());
    }
    let Some(claim) = report.claims.iter().find(|c| c.span == d.span) else {
        return Err("with the draft, the claim is no longer found".into());
    };
    if claim.fact.as_deref() == Some(d.id.as_str()) {
        Ok(())
    } else {
        Err(format!("the draft would not link back to it ({})", claim.message))
    }
}

/// A number as TOML: an integer when whole.
fn number(v: f64) -> Item {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        value(v as i64)
    } else {
        value(v)
    }
}

/// `source = ""` with a comment: the researcher's part.
fn source_placeholder(t: &mut Table) {
    t["source"] = value("");
    if let Some(v) = t["source"].as_value_mut() {
        v.decor_mut()
            .set_suffix(" # TODO: cite a key of [sources]; the claim stays unchecked until a source backs it");
    }
}

/// The comment above a draft: where it comes from and what to check.
fn header(d: &Draft) -> String {
    format!(
        "\n# Suggested from {} \"{}\": check the value against a source.\n",
        d.at, d.text
    )
}

fn with_header(d: &Draft) -> Table {
    let mut t = d.table.clone();
    let own = t.decor().prefix().and_then(|p| p.as_str()).unwrap_or("").to_owned();
    t.decor_mut().set_prefix(format!("{}{own}", header(d)));
    t
}

/// The drafts as a TOML document of their own, for stdout.
pub fn render(s: &Suggestions) -> String {
    let mut out = String::from(
        "# Drafts from `factcheck suggest`: every value comes from the article, not from a source.\n\
         # Verify each one, fill in `source`, then add them to a file in claims/ (or use --append).\n",
    );
    for k in &s.skipped {
        out.push_str(&format!("# Not drafted: {} \"{}\": {}\n", k.at, k.text, k.why));
    }
    let mut doc = DocumentMut::new();
    for d in &s.drafts {
        let array = doc
            .entry(d.array)
            .or_insert(Item::ArrayOfTables(ArrayOfTables::new()))
            .as_array_of_tables_mut()
            .expect("built as an array of tables");
        array.push(with_header(d));
    }
    out.push_str(&doc.to_string());
    out
}

/// The largest table position in a document, so appended tables come last.
fn last_position(table: &Table, max: &mut isize) {
    if let Some(p) = table.position() {
        *max = (*max).max(p);
    }
    for (_, item) in table.iter() {
        match item {
            Item::Table(t) => last_position(t, max),
            Item::ArrayOfTables(a) => a.iter().for_each(|t| last_position(t, max)),
            _ => {}
        }
    }
}

/// `existing` (a fact-base file's text) with the drafts appended at its end;
/// every byte already there is kept. Fails when the file is not TOML or
/// uses `fact`/`entity` for something else than an array of tables.
pub fn append(existing: &str, s: &Suggestions) -> Result<String, String> {
    let mut doc: DocumentMut = existing
        .parse()
        .map_err(|e: toml_edit::TomlError| format!("not valid TOML: {}", e.message().trim().replace('\n', "; ")))?;
    let mut position = 0;
    last_position(doc.as_table(), &mut position);
    for d in &s.drafts {
        let item = doc.entry(d.array).or_insert(Item::ArrayOfTables(ArrayOfTables::new()));
        let Some(array) = item.as_array_of_tables_mut() else {
            return Err(format!("`{}` is not an array of tables (`[[{}]]`)", d.array, d.array));
        };
        position += 1;
        let mut t = with_header(d);
        t.set_position(Some(position));
        array.push(t);
    }
    let mut text = doc.to_string();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii_ids() {
        assert_eq!(slug("Black Sea"), "black_sea");
        assert_eq!(slug("Élysée"), "elysee");
    }

    #[test]
    fn append_keeps_every_existing_byte() {
        let existing =
            "# comment\n[meta]\ntitle = \"x\"  # trailing\n\n[[fact]]\nid = \"a\"\nabout = [\"b\"]\nyear = 2014\n";
        let mut t = Table::new();
        t["id"] = value("c");
        let s = Suggestions {
            drafts: vec![Draft {
                array: "fact",
                id: "c".into(),
                at: "a.md:1:1".into(),
                span: Span::new(0, 4),
                text: "2015".into(),
                table: t,
            }],
            skipped: Vec::new(),
        };
        let out = append(existing, &s).expect("appends");
        assert!(out.starts_with(existing), "{out}");
        assert!(out.ends_with("[[fact]]\nid = \"c\"\n"), "{out}");
    }
}
