//! Checks that look across the whole fact base once every file is loaded:
//! facts that contradict each other, names claimed by two entities, entities
//! and sources that nothing uses.
//!
//! Each finding says what a researcher should change, and points at the
//! later of the two places involved (the earlier one is named in the text).

use std::collections::{BTreeMap, BTreeSet};

use super::load::{Problem, Severity};
use super::model::{Entity, EntityKind, Fact, FactValue, Origin};

/// What the loader gathered, borrowed for the checks.
pub(super) struct Input<'a> {
    pub entities: Vec<(&'a Entity, &'a Origin)>,
    pub facts: &'a [Fact],
    pub source_origins: &'a BTreeMap<String, Origin>,
    pub cited_sources: BTreeSet<&'a str>,
    pub named_entities: BTreeSet<&'a str>,
    pub spellings: &'a [(String, String, Origin)],
}

fn at(origin: &Origin, severity: Severity, message: String) -> Problem {
    Problem {
        file: origin.file.clone(),
        line: origin.line,
        column: origin.column,
        severity,
        message,
    }
}

/// The checks, with a kind per entity id at hand.
struct Checks<'a, 'b> {
    input: &'b Input<'a>,
    kinds: BTreeMap<&'a str, EntityKind>,
}

impl Input<'_> {
    pub fn check(&self) -> Vec<Problem> {
        let checks = Checks {
            input: self,
            kinds: self.entities.iter().map(|(e, _)| (e.id.as_str(), e.kind)).collect(),
        };
        let mut out = Vec::new();
        checks.conflicts(&mut out);
        checks.shared_spellings(&mut out);
        checks.unused(&mut out);
        out
    }
}

impl Checks<'_, '_> {
    /// Member kinds of an `entity`/`entities` fact, for telling lists apart.
    fn member_kinds(&self, fact: &Fact) -> Vec<EntityKind> {
        let ids: Vec<&str> = match &fact.value {
            FactValue::Entity(e) => vec![e.as_str()],
            FactValue::Entities(list) => list.iter().map(String::as_str).collect(),
            _ => return Vec::new(),
        };
        let mut kinds: Vec<EntityKind> = ids.iter().filter_map(|id| self.kinds.get(id).copied()).collect();
        kinds.sort();
        kinds.dedup();
        kinds
    }

    /// What a mention must be for it to link to `fact`: two facts with the
    /// same key and a shared `about` phrase compete for the same claims.
    fn link_keys(&self, fact: &Fact) -> Vec<String> {
        match &fact.value {
            FactValue::Date(_) => vec!["`date` facts".into()],
            FactValue::Year(_) => vec!["`year` facts".into()],
            FactValue::Percent(_) => vec!["`percent` facts".into()],
            FactValue::Amount(_) => vec![format!(
                "`amount` facts in {}",
                fact.currency.as_deref().unwrap_or("no currency")
            )],
            FactValue::Count(_) if fact.unit.is_empty() => vec!["`count` facts without a unit".into()],
            FactValue::Count(_) => fact
                .unit
                .iter()
                .map(|u| format!("`count` facts of \"{}\"", u.trim().to_lowercase()))
                .collect(),
            FactValue::Entity(_) | FactValue::Entities(_) => {
                let kinds: Vec<&str> = self.member_kinds(fact).iter().map(|k| k.as_str()).collect();
                vec![format!("`{}` facts about a {}", fact.value.key(), kinds.join(" or "))]
            }
            // Quotations link by their words and speaker, not by `about`.
            FactValue::Quote(_) => Vec::new(),
        }
    }

    /// Facts of one kind that share an `about` phrase, hold at the same time
    /// and disagree: a sentence with that phrase cannot tell them apart.
    fn conflicts(&self, out: &mut Vec<Problem>) {
        let mut buckets: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
        for (i, fact) in self.input.facts.iter().enumerate() {
            let keys = self.link_keys(fact);
            let mut phrases: Vec<String> = fact.about.iter().map(|a| a.trim().to_lowercase()).collect();
            phrases.sort();
            phrases.dedup();
            for phrase in phrases.into_iter().filter(|p| !p.is_empty()) {
                for key in &keys {
                    buckets.entry((phrase.clone(), key.clone())).or_default().push(i);
                }
            }
        }
        let mut reported: BTreeSet<(usize, usize)> = BTreeSet::new();
        for ((phrase, key), facts) in &buckets {
            // Compare each fact with one representative of every distinct
            // (value, period) seen so far: linear in a sane fact base.
            let mut seen: Vec<usize> = Vec::new();
            for &j in facts {
                let b = &self.input.facts[j];
                let rival = seen.iter().copied().find(|&i| {
                    let a = &self.input.facts[i];
                    a.value != b.value && a.valid.overlaps(&b.valid)
                });
                if let Some(i) = rival
                    && reported.insert((i, j))
                {
                    out.push(self.conflict(i, j, phrase, key));
                }
                if !seen
                    .iter()
                    .any(|&i| self.input.facts[i].value == b.value && self.input.facts[i].valid == b.valid)
                {
                    seen.push(j);
                }
            }
        }
    }

    fn conflict(&self, i: usize, j: usize, phrase: &str, key: &str) -> Problem {
        let (a, b) = (&self.input.facts[i], &self.input.facts[j]);
        let set = |f: &Fact| -> BTreeSet<String> { f.about.iter().map(|p| p.trim().to_lowercase()).collect() };
        let (sa, sb) = (set(a), set(b));
        // Told apart by no phrase at all: an error. Sharing only some phrases,
        // the closest phrase still decides most sentences: a warning.
        let indistinct = sa.is_subset(&sb) || sb.is_subset(&sa);
        let when = if a.valid.is_always() && b.valid.is_always() {
            String::new()
        } else {
            " at overlapping dates".to_owned()
        };
        let message = format!(
            "fact `{}` contradicts fact `{}` (at {}): both are {key} linked by \"{phrase}\"{when}, but one says {} and the other {}; {}",
            b.id,
            a.id,
            a.origin,
            b.value,
            a.value,
            if indistinct {
                "give them different `about` phrases, or `from`/`until` dates that do not overlap"
            } else {
                "a sentence with only that phrase cannot tell them apart"
            }
        );
        let severity = if indistinct { Severity::Error } else { Severity::Warning };
        at(&b.origin, severity, message)
    }

    /// One name or alias written for two entities: the tool cannot tell who is meant.
    fn shared_spellings(&self, out: &mut Vec<Problem>) {
        let mut first: BTreeMap<String, (&str, &Origin)> = BTreeMap::new();
        for (spelling, id, origin) in self.input.spellings {
            let key = spelling.to_lowercase();
            if key.is_empty() {
                continue;
            }
            match first.get(&key) {
                Some((other, where_)) if *other != id => out.push(at(
                    origin,
                    Severity::Error,
                    format!(
                        "\"{spelling}\" names both `{other}` (at {where_}) and `{id}`: an article that writes it cannot be checked against either; keep it on one entity"
                    ),
                )),
                Some(_) => {}
                None => {
                    first.insert(key, (id, origin));
                }
            }
        }
    }

    /// Entities and sources that no fact uses.
    fn unused(&self, out: &mut Vec<Problem>) {
        let member_kinds: BTreeSet<EntityKind> = self.input.facts.iter().flat_map(|f| self.member_kinds(f)).collect();
        for (e, origin) in &self.input.entities {
            if self.input.named_entities.contains(e.id.as_str())
                || !e.roles.is_empty()
                || member_kinds.contains(&e.kind)
            {
                continue;
            }
            out.push(at(
                origin,
                Severity::Warning,
                format!(
                    "entity `{}` is never used: no fact names it, it has no `roles`, and no `entity` or `entities` fact lists {}",
                    e.id,
                    match e.kind {
                        EntityKind::Person => "people",
                        EntityKind::Country => "countries",
                        EntityKind::Place => "places",
                        EntityKind::Organisation => "organisations",
                    }
                ),
            ));
        }
        for (id, origin) in self.input.source_origins {
            if !self.input.cited_sources.contains(id.as_str()) {
                out.push(at(
                    origin,
                    Severity::Warning,
                    format!("source `{id}` is never cited by a fact"),
                ));
            }
        }
    }
}
