//! Checks that look across the whole fact base once every file is loaded:
//! facts that contradict each other, two entities of one name, entities
//! and sources that nothing uses.
//!
//! Each finding says what a researcher should change, and points at the
//! later of the two places involved (the earlier one is named in the text).

use std::collections::{BTreeMap, BTreeSet};

use super::fxhash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::model::{Entity, EntityKind, Event, Fact, FactValue, Origin};
use super::problem::{Problem, Severity};

/// What the loader gathered, borrowed for the checks.
pub(super) struct Input<'a> {
    pub entities: Vec<(&'a Entity, &'a Origin)>,
    pub facts: &'a [Fact],
    pub events: &'a [Event],
    pub source_origins: &'a BTreeMap<String, Origin>,
    pub cited_sources: HashSet<&'a str>,
    pub named_entities: HashSet<&'a str>,
    pub spellings: &'a [(String, String, Origin)],
    /// Whether to run the checks on two threads (for a large base).
    pub parallel: bool,
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

/// What a fact's key for [`Checks::conflicts`] depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum KeyShape<'f> {
    /// `date`, `year`, `percent`, or `count` without a unit.
    Value(&'static str),
    Currency(Option<&'f str>),
    /// A count's unit as written.
    Unit(&'f str),
    /// An ordinal's unit as written.
    OrdinalUnit(&'f str),
    /// `entity` or `entities`, and the kinds of the members (a bit each).
    Members(&'static str, u8),
}

/// `rayon::join` when `parallel`, else one after the other.
fn join<A: Send, B: Send>(parallel: bool, a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B + Send) -> (A, B) {
    if parallel { rayon::join(a, b) } else { (a(), b()) }
}

/// The checks, with a kind per entity id at hand.
struct Checks<'a, 'b> {
    input: &'b Input<'a>,
    kinds: HashMap<&'a str, EntityKind>,
}

impl Input<'_> {
    pub fn check(&self) -> Vec<Problem> {
        let checks = Checks {
            input: self,
            kinds: self.entities.iter().map(|(e, _)| (e.id.as_str(), e.kind)).collect(),
        };
        // Independent of each other: the conflicts take about as long as the rest.
        let (mut out, mut rest) = join(
            self.parallel,
            || {
                let mut out = Vec::new();
                checks.conflicts(&mut out);
                out
            },
            || {
                let mut out = Vec::new();
                checks.shared_names(&mut out);
                checks.unused(&mut out);
                out
            },
        );
        out.append(&mut rest);
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
            FactValue::Ordinal(_) if fact.unit.is_empty() => vec!["`ordinal` facts without a unit".into()],
            FactValue::Ordinal(_) => fact
                .unit
                .iter()
                .map(|u| format!("`ordinal` facts of \"{}\"", u.trim().to_lowercase()))
                .collect(),
            FactValue::Entity(_) | FactValue::Entities(_) => {
                let kinds: Vec<&str> = self.member_kinds(fact).iter().map(|k| k.as_str()).collect();
                vec![format!("`{}` facts about a {}", fact.value.key(), kinds.join(" or "))]
            }
            // Quotations link by their words and speaker, not by `about`.
            FactValue::Quote(_) => Vec::new(),
        }
    }

    /// What decides each of [`Self::link_keys`], in the same order, without
    /// spelling it out: facts of one shape have the same keys.
    fn key_shapes<'f>(&self, fact: &'f Fact) -> Vec<KeyShape<'f>> {
        match &fact.value {
            FactValue::Count(_) if !fact.unit.is_empty() => fact.unit.iter().map(|u| KeyShape::Unit(u)).collect(),
            FactValue::Ordinal(_) if !fact.unit.is_empty() => {
                fact.unit.iter().map(|u| KeyShape::OrdinalUnit(u)).collect()
            }
            FactValue::Entity(_) | FactValue::Entities(_) => {
                let mask = self.member_kinds(fact).iter().fold(0u8, |m, k| m | 1 << (*k as u8));
                vec![KeyShape::Members(fact.value.key(), mask)]
            }
            FactValue::Quote(_) => Vec::new(),
            FactValue::Amount(_) => vec![KeyShape::Currency(fact.currency.as_deref())],
            _ => vec![KeyShape::Value(fact.value.key())],
        }
    }

    /// Facts of one kind that share an `about` phrase, hold at the same time
    /// and disagree: a sentence with that phrase cannot tell them apart.
    fn conflicts(&self, out: &mut Vec<Problem>) {
        // Phrases and keys by number, each spelt once: a fact base of 100,000
        // facts shares some 10,000 phrases and a few dozen keys. Then one
        // (phrase, key, fact) per fact and phrase and key, sorted: the facts
        // of each bucket in fact order.
        let mut phrase_ids: HashMap<String, usize> = HashMap::default();
        let mut written: HashMap<&str, usize> = HashMap::default();
        let mut key_ids: HashMap<String, usize> = HashMap::default();
        // Facts of two occasions never contradict: the occasion decides between them.
        // Nor do facts about two subjects ("born" for two people).
        let mut shapes: HashMap<(KeyShape<'_>, Option<&str>, Option<&str>), usize> = HashMap::default();
        let events: HashMap<&str, &Event> = self.input.events.iter().map(|e| (e.id.as_str(), e)).collect();
        let mut entries: Vec<(usize, usize, usize)> = Vec::with_capacity(self.input.facts.len() * 2);
        let mut keys: Vec<usize> = Vec::new();
        let mut phrases: Vec<usize> = Vec::new();
        for (i, fact) in self.input.facts.iter().enumerate() {
            keys.clear();
            for (n, shape) in self.key_shapes(fact).into_iter().enumerate() {
                let id = *shapes
                    .entry((shape, fact.event.as_deref(), fact.subject.as_deref()))
                    .or_insert_with(|| {
                        let mut key = self.link_keys(fact).swap_remove(n);
                        if let Some(e) = &fact.event {
                            key.push_str(&format!(" of event `{e}`"));
                        }
                        if let Some(s) = &fact.subject {
                            key.push_str(&format!(" about `{s}`"));
                        }
                        let next = key_ids.len();
                        *key_ids.entry(key).or_insert(next)
                    });
                keys.push(id);
            }
            if keys.is_empty() {
                continue;
            }
            phrases.clear();
            // A fact with no phrase of its own is linked by its event's.
            let inherited: Vec<&str> = match fact.event.as_deref().and_then(|e| events.get(e)) {
                Some(e) if fact.about.is_empty() => e.phrases().collect(),
                _ => Vec::new(),
            };
            for about in fact.about.iter().map(String::as_str).chain(inherited) {
                let id = *written.entry(about).or_insert_with(|| {
                    let phrase = about.trim().to_lowercase();
                    if phrase.is_empty() {
                        return usize::MAX;
                    }
                    let next = phrase_ids.len();
                    *phrase_ids.entry(phrase).or_insert(next)
                });
                if id != usize::MAX {
                    phrases.push(id);
                }
            }
            phrases.sort_unstable();
            phrases.dedup();
            for &phrase in &phrases {
                for &key in &keys {
                    entries.push((phrase, key, i));
                }
            }
        }
        // Ranks of the phrases and keys in alphabetical order: the buckets
        // are walked in the order of (phrase, key), as the message about a
        // pair of facts in several buckets names the first.
        let rank = |ids: HashMap<String, usize>| {
            let mut names: Vec<(String, usize)> = ids.into_iter().collect();
            names.sort_unstable();
            let mut ranks = vec![0; names.len()];
            for (r, (_, id)) in names.iter().enumerate() {
                ranks[*id] = r;
            }
            (names.into_iter().map(|(name, _)| name).collect::<Vec<String>>(), ranks)
        };
        let (phrase_names, phrase_rank) = rank(phrase_ids);
        let (key_names, key_rank) = rank(key_ids);
        for e in &mut entries {
            *e = (phrase_rank[e.0], key_rank[e.1], e.2);
        }
        entries.sort_unstable();
        // A bucket of one fact holds no conflict.
        let buckets = entries
            .chunk_by(|a, b| (a.0, a.1) == (b.0, b.1))
            .filter(|bucket| bucket.len() > 1)
            .map(|bucket| {
                let (p, k, _) = bucket[0];
                let facts: Vec<usize> = bucket.iter().map(|e| e.2).collect();
                ((phrase_names[p].as_str(), key_names[k].as_str()), facts)
            });
        let mut reported: HashSet<(usize, usize)> = HashSet::default();
        for ((phrase, key), facts) in buckets {
            // Compare each fact with one representative of every distinct
            // (value, period) seen so far: linear in a sane fact base.
            let mut seen: Vec<usize> = Vec::new();
            for &j in &facts {
                let b = &self.input.facts[j];
                let rival = seen.iter().copied().find(|&i| {
                    let a = &self.input.facts[i];
                    a.value != b.value && a.valid.overlaps(&b.valid)
                });
                if let Some(i) = rival
                    && reported.insert((i, j))
                {
                    out.extend(self.conflict(i, j, phrase, key));
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

    /// The warning for two facts that disagree and share `phrase`, when no
    /// phrase tells them apart. Sharing only some phrases is the normal
    /// state of a real base (the shares of five parties all say "of the
    /// vote"): the other phrases, names and occasions decide, and a sentence
    /// that gives nothing else gets no verdict from them (ambiguous).
    fn conflict(&self, i: usize, j: usize, phrase: &str, key: &str) -> Option<Problem> {
        let (a, b) = (&self.input.facts[i], &self.input.facts[j]);
        let set = |f: &Fact| -> BTreeSet<String> { f.about.iter().map(|p| p.trim().to_lowercase()).collect() };
        let (sa, sb) = (set(a), set(b));
        // Told apart by no phrase at all: a warning (the base loads; a claim
        // they both fit is ambiguous, never a discrepancy).
        let indistinct = sa.is_subset(&sb) || sb.is_subset(&sa);
        if !indistinct {
            return None;
        }
        let when = if a.valid.is_always() && b.valid.is_always() {
            String::new()
        } else {
            " at overlapping dates".to_owned()
        };
        let message = format!(
            "fact `{}` contradicts fact `{}` (at {}): both are {key} linked by \"{phrase}\"{when}, but one says {} and the other {}; no phrase tells them apart, so a claim they both fit is unverifiable; give them different `about` phrases, or `from`/`until` dates that do not overlap",
            b.id, a.id, a.origin, b.value, a.value,
        );
        Some(at(&b.origin, Severity::Warning, message))
    }

    /// Two entities of one full name ("John Smith" twice): a warning, since
    /// an article that writes it needs a title, an occasion or an earlier
    /// mention to tell them apart. A spelling shared otherwise (the surname
    /// "Johnson" of two people, "London" for a city and a writer) is normal
    /// in a newsroom's base and says nothing: the context decides, or the
    /// claim is unverifiable (U016, see `crate::extract::names`).
    fn shared_names(&self, out: &mut Vec<Problem>) {
        let names: HashMap<&str, &str> = self
            .input
            .entities
            .iter()
            .map(|(e, _)| (e.id.as_str(), e.name.trim()))
            .collect();
        let mut first: HashMap<String, (&str, &Origin)> = HashMap::default();
        let mut seen: HashSet<&str> = HashSet::default();
        for (spelling, id, origin) in self.input.spellings {
            // Each entity's own name, where it is written (its first spelling).
            if names.get(id.as_str()) != Some(&spelling.as_str()) || !seen.insert(id.as_str()) {
                continue;
            }
            let key = spelling.to_lowercase();
            if key.is_empty() {
                continue;
            }
            match first.get(&key) {
                Some((other, where_)) if *other != id => out.push(at(
                    origin,
                    Severity::Warning,
                    format!(
                        "\"{spelling}\" is the name of both `{other}` (at {where_}) and `{id}`: where an article writes it, only a title, a first name, the occasion or an earlier mention tells them apart, else its claims are unverifiable (U016); an alias with a middle name or an initial helps"
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
