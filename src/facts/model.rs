//! Types of the fact base.
//!
//! Roles and facts may hold for a period (`from`, `until`): a claim is judged
//! at the article's publication date, so "Prime Minister Rishi Sunak" can be
//! true in 2023 and false in 2026 against the same fact base.

use std::collections::{BTreeMap, HashMap};

use jiff::civil::Date;

use serde::{Deserialize, Serialize};

use super::fxhash::FxHashMap;

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum EntityKind {
    Person,
    Country,
    Place,
    Organisation,
}

impl EntityKind {
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "person" => EntityKind::Person,
            "country" => EntityKind::Country,
            "place" => EntityKind::Place,
            "organisation" | "organization" => EntityKind::Organisation,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Country => "country",
            EntityKind::Place => "place",
            EntityKind::Organisation => "organisation",
        }
    }
}

/// A person, country, place or organisation, with the spellings that name it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Entity {
    pub id: String,
    pub kind: EntityKind,
    pub name: String,
    pub aliases: Vec<String>,
    pub roles: Vec<Role>,
    /// The place (or country) it lies in (`within = ID`): "Ahmedabad" for
    /// the city's airport. A place within the fact's place, or one the fact's
    /// place lies in, says nothing false of it.
    pub within: Option<String>,
}

impl Entity {
    /// The name and every alias.
    pub fn spellings(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// The period a role or fact holds for: `from` is the first day it holds,
/// `until` the first day it no longer does, so a successor's `from` can equal
/// a predecessor's `until`. Either end may be open; both open means always.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Validity {
    #[serde(with = "compact_date::option")]
    pub from: Option<Date>,
    #[serde(with = "compact_date::option")]
    pub until: Option<Date>,
}

/// Whether something dated applies at an article's date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum At {
    /// It holds then (or it is not dated at all).
    Holds,
    /// It does not hold then.
    DoesNot,
    /// It is dated, but the article has no date to judge at.
    Unknown,
}

impl Validity {
    /// True when neither end is given.
    pub fn is_always(&self) -> bool {
        self.from.is_none() && self.until.is_none()
    }

    /// Whether it holds on `date`.
    pub fn contains(&self, date: Date) -> bool {
        self.from.is_none_or(|f| f <= date) && self.until.is_none_or(|u| date < u)
    }

    /// Whether it applies at `date` (the article's publication date, if known).
    pub fn at(&self, date: Option<Date>) -> At {
        match date {
            _ if self.is_always() => At::Holds,
            None => At::Unknown,
            Some(d) if self.contains(d) => At::Holds,
            Some(_) => At::DoesNot,
        }
    }

    /// Whether it had ended by `date`.
    pub fn ended_by(&self, date: Date) -> bool {
        self.until.is_some_and(|u| u <= date)
    }

    /// Whether the two periods share at least one day.
    pub fn overlaps(&self, other: &Validity) -> bool {
        let start = self.from.max(other.from);
        let end = match (self.until, other.until) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        match (start, end) {
            (Some(s), Some(e)) => s < e,
            _ => true,
        }
    }
}

impl std::fmt::Display for Validity {
    /// "from 2024-07-05", "until 2024-07-05", "2022-10-25 to 2024-07-05"; empty when always.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.from, self.until) {
            (None, None) => Ok(()),
            (Some(a), None) => write!(f, "from {a}"),
            (None, Some(b)) => write!(f, "until {b}"),
            (Some(a), Some(b)) => write!(f, "{a} to {b}"),
        }
    }
}

/// A title that may stand before a person's name, and when it held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    pub title: String,
    pub valid: Validity,
    /// A key of `[sources]` for the dates (optional).
    pub source: Option<String>,
}

impl Role {
    /// An undated role.
    pub fn always(title: &str) -> Role {
        Role {
            title: title.to_owned(),
            valid: Validity::default(),
            source: None,
        }
    }

    /// "UK Prime Minister (2022-10-25 to 2024-07-05)", or the plain title when undated.
    pub fn describe(&self) -> String {
        if self.valid.is_always() {
            self.title.clone()
        } else {
            format!("{} ({})", self.title, self.valid)
        }
    }

    /// As [`Role::describe`] for use inside parentheses: "UK Prime Minister, from 2024-07-05".
    pub fn describe_inline(&self) -> String {
        if self.valid.is_always() {
            self.title.clone()
        } else {
            format!("{}, {}", self.title, self.valid)
        }
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.title)
    }
}

/// A named source that facts cite.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Source {
    pub id: String,
    pub title: Option<String>,
    pub url: Option<String>,
}

/// The value a fact holds: exactly one per fact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum FactValue {
    Date(#[serde(with = "compact_date")] Date),
    Year(i64),
    Count(u64),
    Entity(String),
    Entities(Vec<String>),
    Quote(String),
    Amount(f64),
    Percent(f64),
    /// A rank or ordinal ("the fifth meeting"), with `unit`.
    Ordinal(u64),
}

impl FactValue {
    /// The contract's name for the value key.
    pub fn key(&self) -> &'static str {
        match self {
            FactValue::Date(_) => "date",
            FactValue::Year(_) => "year",
            FactValue::Count(_) => "count",
            FactValue::Entity(_) => "entity",
            FactValue::Entities(_) => "entities",
            FactValue::Quote(_) => "quote",
            FactValue::Amount(_) => "amount",
            FactValue::Percent(_) => "percent",
            FactValue::Ordinal(_) => "ordinal",
        }
    }

    /// The value as JSON, normalised as in the report (dates as `YYYY-MM-DD`).
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::json;
        match self {
            FactValue::Date(d) => json!(d.to_string()),
            FactValue::Year(y) => json!(y),
            FactValue::Count(n) => json!(n),
            FactValue::Entity(e) => json!(e),
            FactValue::Entities(list) => json!(list),
            FactValue::Quote(q) => json!(q),
            FactValue::Amount(a) | FactValue::Percent(a) => crate::kinds::words::num(*a),
            FactValue::Ordinal(n) => json!(n),
        }
    }
}

impl std::fmt::Display for FactValue {
    /// The value as written in TOML, short: `35`, `2026-01-06`, `["uk", "france"]`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FactValue::Entity(e) => write!(f, "\"{e}\""),
            FactValue::Entities(list) => {
                let quoted: Vec<String> = list.iter().map(|e| format!("\"{e}\"")).collect();
                write!(f, "[{}]", quoted.join(", "))
            }
            FactValue::Quote(q) => write!(f, "\"{q}\""),
            FactValue::Date(d) => write!(f, "{d}"),
            other => write!(f, "{}", other.to_json()),
        }
    }
}

/// Where something was defined, for messages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    pub file: String,
    pub line: usize,
    pub column: usize,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

/// An occasion that many facts share: one summit, one election, one G7
/// meeting of one year. Its date and place are facts of their own (ids
/// `EVENT.date` and `EVENT.place`); the facts that belong to it
/// (`event = ID`) inherit its phrases.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    pub name: String,
    /// Other names an article may use for it ("Paris summit").
    pub aliases: Vec<String>,
    #[serde(with = "compact_date::option")]
    pub date: Option<Date>,
    /// An entity id of kind place.
    pub place: Option<String>,
    /// Phrases that tie a sentence to this occasion.
    pub about: Vec<String>,
    pub source: Option<String>,
    pub note: Option<String>,
    pub origin: Origin,
}

impl Event {
    /// The phrases that tie a sentence to the occasion: its `about`, its
    /// name and its aliases. (Names are also cues: "the Apulia summit" names
    /// one occasion of two.)
    pub fn phrases(&self) -> impl Iterator<Item = &str> {
        self.about.iter().map(String::as_str).chain(self.names())
    }

    /// Whether `fact` is the fact of this event's own date or place.
    pub fn owns(&self, fact: &Fact) -> bool {
        fact.event.as_deref() == Some(&self.id)
            && (fact.id == Event::date_fact(&self.id) || fact.id == Event::place_fact(&self.id))
    }

    /// Its name and aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }

    /// The id of the fact that holds the event's date.
    pub fn date_fact(id: &str) -> String {
        format!("{id}.date")
    }

    /// The id of the fact that holds the event's place.
    pub fn place_fact(id: &str) -> String {
        format!("{id}.place")
    }
}

/// One checked statement of the fact base.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Fact {
    pub id: String,
    /// The fact's own phrases (its event's phrases are inherited, see [`Event`]).
    pub about: Vec<String>,
    /// The occasion it belongs to, an event id.
    pub event: Option<String>,
    /// The entity it is about (`subject = ID`, or the entity whose id its
    /// own id starts with: `leo14.birth_year` is about `leo14`). A sentence
    /// that names another of that kind is about someone else; an article that
    /// never names it is another story.
    pub subject: Option<String>,
    pub value: FactValue,
    /// Nouns a count is of ("countries", "nations").
    pub unit: Vec<String>,
    /// Who said a quote.
    pub speaker: Option<String>,
    /// ISO 4217 code of an amount.
    pub currency: Option<String>,
    /// For `entities`: the list is the whole set, so an omission is a discrepancy.
    pub complete: bool,
    /// Absolute difference still counted as a match.
    pub tolerance: f64,
    pub source: Option<String>,
    pub note: Option<String>,
    /// When the value holds; a fact that changes over time is several facts
    /// with distinct ids and periods that do not overlap.
    pub valid: Validity,
    pub origin: Origin,
}

/// Optional `[meta]` table.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Meta {
    pub title: Option<String>,
    /// When the facts were last verified; with several files, the oldest.
    #[serde(with = "compact_date::option")]
    pub as_of: Option<Date>,
    /// Where that `as_of` is written.
    pub as_of_origin: Option<Origin>,
    /// Each file's own `as_of`, with where it is written: an article is
    /// stale against the files whose facts it uses, not against every file.
    #[serde(with = "compact_date::pairs")]
    pub as_of_by_file: Vec<(Date, Origin)>,
}

/// Every fact, entity and source, loaded together from one or more files.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct FactBase {
    /// The files read, in load order.
    pub files: Vec<String>,
    pub meta: Meta,
    pub sources: BTreeMap<String, Source>,
    pub entities: Vec<Entity>,
    pub facts: Vec<Fact>,
    pub events: Vec<Event>,
    entity_index: FxHashMap<String, usize>,
    event_index: FxHashMap<String, usize>,
    fact_index: FxHashMap<String, usize>,
    by_kind: ByKind,
    /// Per fact, the position of its event in `events` ([`NO_EVENT`] for
    /// none, or an unknown id): linking asks it of every fact that shares a
    /// phrase, thousands for "founded".
    fact_event: Vec<u32>,
    /// Per fact, the position of its subject in `entities` (as
    /// [`FactBase::entity_position`] of its `subject`), or [`NO_EVENT`].
    fact_subject: Vec<u32>,
    /// The events defined in each file, in order.
    file_events: FxHashMap<String, Vec<usize>>,
}

/// No event (or no subject), in [`FactBase`]'s per-fact positions.
const NO_EVENT: u32 = u32::MAX;

/// Fact indexes grouped by what a mention must be to link to them, each list
/// in fact order: linking looks up the facts of one kind instead of walking
/// the whole base for every mention.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct ByKind {
    dates: Vec<usize>,
    years: Vec<usize>,
    amounts: Vec<usize>,
    percents: Vec<usize>,
    /// Count facts by unit, the unit in ASCII lower case.
    counts: HashMap<String, Vec<usize>>,
    /// Ordinal facts by unit, likewise.
    ordinals: HashMap<String, Vec<usize>>,
    /// Date facts by `about` phrase (lower case): the occasions of the facts
    /// that share a phrase with them.
    dates_by_about: HashMap<String, Vec<usize>>,
    /// Date facts by their date.
    #[serde(with = "compact_date::keys")]
    dates_by_value: HashMap<Date, Vec<usize>>,
    /// Facts whose value is one entity, by `about` phrase (lower case).
    entity_by_about: HashMap<String, Vec<usize>>,
    /// Facts by the event they belong to.
    by_event: HashMap<String, Vec<usize>>,
}

/// The lookups of a [`FactBase`]: entities by id, facts by kind.
pub(crate) struct Lookups {
    entity_index: FxHashMap<String, usize>,
    fact_index: FxHashMap<String, usize>,
    by_kind: ByKind,
}

impl Lookups {
    /// From the entities' ids and the facts, in their order.
    pub(crate) fn new<'a>(entity_ids: impl Iterator<Item = &'a str>, facts: &[Fact]) -> Lookups {
        Lookups {
            entity_index: entity_ids.enumerate().map(|(i, id)| (id.to_owned(), i)).collect(),
            fact_index: facts.iter().enumerate().map(|(i, f)| (f.id.clone(), i)).collect(),
            by_kind: ByKind::new(facts),
        }
    }
}

impl ByKind {
    fn new(facts: &[Fact]) -> ByKind {
        let mut by = ByKind::default();
        for (i, f) in facts.iter().enumerate() {
            if let Some(e) = &f.event {
                by.by_event.entry(e.clone()).or_default().push(i);
            }
            match &f.value {
                FactValue::Entity(_) => {
                    for a in &f.about {
                        let list = by.entity_by_about.entry(a.to_lowercase()).or_default();
                        if list.last() != Some(&i) {
                            list.push(i);
                        }
                    }
                }
                FactValue::Date(d) => {
                    by.dates.push(i);
                    by.dates_by_value.entry(*d).or_default().push(i);
                    for a in &f.about {
                        let list = by.dates_by_about.entry(a.to_lowercase()).or_default();
                        if list.last() != Some(&i) {
                            list.push(i);
                        }
                    }
                }
                FactValue::Year(_) => by.years.push(i),
                FactValue::Amount(_) => by.amounts.push(i),
                FactValue::Percent(_) => by.percents.push(i),
                FactValue::Ordinal(_) => {
                    for u in &f.unit {
                        let list = by.ordinals.entry(u.to_ascii_lowercase()).or_default();
                        if list.last() != Some(&i) {
                            list.push(i);
                        }
                    }
                }
                FactValue::Count(_) => {
                    // An age fact is also found by the unit every age is read
                    // with ("Prevost, 69,": see `crate::kinds`).
                    let age = crate::kinds::is_age(f).then(|| crate::extract::AGE.to_owned());
                    for u in f.unit.iter().map(|u| u.to_ascii_lowercase()).chain(age) {
                        let list = by.counts.entry(u).or_default();
                        if list.last() != Some(&i) {
                            list.push(i);
                        }
                    }
                }
                FactValue::Entities(_) | FactValue::Quote(_) => {}
            }
        }
        by
    }
}

/// What a mention must be for a fact to be compared with it, for [`FactBase::facts_of`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactKind<'a> {
    Date,
    Year,
    Amount,
    Percent,
    /// A count fact with this unit (any ASCII case).
    Count(&'a str),
    /// An ordinal fact with this unit (any ASCII case).
    Ordinal(&'a str),
}

impl FactBase {
    pub fn new(
        files: Vec<String>,
        meta: Meta,
        sources: BTreeMap<String, Source>,
        entities: Vec<Entity>,
        facts: Vec<Fact>,
    ) -> Self {
        let lookups = Lookups::new(entities.iter().map(|e| e.id.as_str()), &facts);
        FactBase::with_lookups(files, meta, sources, entities, facts, Vec::new(), lookups)
    }

    /// The base with `extra` entities after its own: the same base as
    /// [`FactBase::new`] would make of all of them, without building its
    /// lookups again (an id already taken now names the newer entity).
    pub fn with_entities(mut self, extra: Vec<Entity>) -> Self {
        let mut added: FxHashMap<&str, usize> = FxHashMap::default();
        for (k, e) in extra.iter().enumerate() {
            added.insert(e.id.as_str(), self.entities.len() + k);
        }
        // The facts about an entity of those ids now name the newer one.
        for (f, fact) in self.facts.iter().enumerate() {
            if let Some(&at) = fact.subject.as_deref().and_then(|s| added.get(s))
                && let Some(slot) = self.fact_subject.get_mut(f)
            {
                *slot = at as u32;
            }
        }
        drop(added);
        for e in extra {
            self.entity_index.insert(e.id.clone(), self.entities.len());
            self.entities.push(e);
        }
        self
    }

    /// As [`FactBase::new`], with the lookups built beforehand from the same
    /// entities and facts.
    pub(crate) fn with_lookups(
        files: Vec<String>,
        meta: Meta,
        sources: BTreeMap<String, Source>,
        entities: Vec<Entity>,
        facts: Vec<Fact>,
        events: Vec<Event>,
        Lookups {
            entity_index,
            fact_index,
            by_kind,
        }: Lookups,
    ) -> Self {
        let event_index: FxHashMap<String, usize> = events.iter().enumerate().map(|(i, e)| (e.id.clone(), i)).collect();
        let fact_event = facts
            .iter()
            .map(|f| {
                f.event
                    .as_deref()
                    .and_then(|id| event_index.get(id))
                    .map_or(NO_EVENT, |&i| i as u32)
            })
            .collect();
        let fact_subject = facts
            .iter()
            .map(|f| {
                f.subject
                    .as_deref()
                    .and_then(|id| entity_index.get(id))
                    .map_or(NO_EVENT, |&i| i as u32)
            })
            .collect();
        let mut file_events: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (i, e) in events.iter().enumerate() {
            file_events.entry(e.origin.file.clone()).or_default().push(i);
        }
        FactBase {
            files,
            meta,
            sources,
            entities,
            facts,
            events,
            entity_index,
            event_index,
            fact_index,
            by_kind,
            fact_event,
            fact_subject,
            file_events,
        }
    }

    /// The events (indexes) defined in `file`, in order.
    pub fn events_of_file(&self, file: &str) -> Vec<usize> {
        self.file_events.get(file).cloned().unwrap_or_default()
    }

    /// The index of the entity fact `fact` is about (as
    /// [`FactBase::entity_position`] of its `subject`), without hashing its id.
    pub fn subject_position_of(&self, fact: usize) -> Option<usize> {
        self.fact_subject
            .get(fact)
            .copied()
            .filter(|&e| e != NO_EVENT)
            .map(|e| e as usize)
    }

    /// The index of the event fact `fact` belongs to (as [`FactBase::event_position`]
    /// of its `event`), without hashing its id.
    pub fn event_position_of(&self, fact: usize) -> Option<usize> {
        self.fact_event
            .get(fact)
            .copied()
            .filter(|&e| e != NO_EVENT)
            .map(|e| e as usize)
    }

    /// The index of the event with this id.
    pub fn event_position(&self, id: &str) -> Option<usize> {
        self.event_index.get(id).copied()
    }

    /// The event with this id.
    /// Whether the place `inner` lies in `outer`, by the entities' `within`
    /// (at any depth; the same place is not within itself).
    pub fn lies_within(&self, inner: &str, outer: &str) -> bool {
        let mut at = self.entity(inner).and_then(|e| e.within.as_deref());
        for _ in 0..64 {
            match at {
                Some(id) if id == outer => return true,
                Some(id) => at = self.entity(id).and_then(|e| e.within.as_deref()),
                None => return false,
            }
        }
        false
    }

    pub fn event(&self, id: &str) -> Option<&Event> {
        self.event_index.get(id).map(|&i| &self.events[i])
    }

    /// Indexes of the facts that belong to event `id`, in fact order.
    pub fn facts_of_event(&self, id: &str) -> &[usize] {
        self.by_kind.by_event.get(id).map_or(&[], Vec::as_slice)
    }

    /// The event a fact belongs to.
    pub fn event_of(&self, fact: usize) -> Option<&Event> {
        self.facts[fact].event.as_deref().and_then(|id| self.event(id))
    }

    /// Indexes of the facts of one kind, in fact order.
    pub fn facts_of(&self, kind: FactKind<'_>) -> &[usize] {
        let by = &self.by_kind;
        match kind {
            FactKind::Date => &by.dates,
            FactKind::Year => &by.years,
            FactKind::Amount => &by.amounts,
            FactKind::Percent => &by.percents,
            FactKind::Count(unit) => by
                .counts
                .get(unit.to_ascii_lowercase().as_str())
                .map_or(&[], Vec::as_slice),
            FactKind::Ordinal(unit) => by
                .ordinals
                .get(unit.to_ascii_lowercase().as_str())
                .map_or(&[], Vec::as_slice),
        }
    }

    /// Indexes of the date facts that list `phrase` (any case) in `about`, in fact order.
    pub fn dates_about(&self, phrase: &str) -> &[usize] {
        self.by_kind
            .dates_by_about
            .get(phrase.to_lowercase().as_str())
            .map_or(&[], Vec::as_slice)
    }

    /// Indexes of the facts whose value is one entity and that list `phrase`
    /// (any case) in `about`, in fact order.
    pub fn entity_facts_about(&self, phrase: &str) -> &[usize] {
        self.by_kind
            .entity_by_about
            .get(phrase.to_lowercase().as_str())
            .map_or(&[], Vec::as_slice)
    }

    /// Indexes of the date facts whose date is `date`, in fact order.
    pub fn dates_on(&self, date: Date) -> &[usize] {
        self.by_kind.dates_by_value.get(&date).map_or(&[], Vec::as_slice)
    }

    /// The index of the fact with this id.
    pub fn fact_index(&self, id: &str) -> Option<usize> {
        self.fact_index.get(id).copied()
    }

    /// The index of the entity with this id.
    pub fn entity_position(&self, id: &str) -> Option<usize> {
        self.entity_index.get(id).copied()
    }

    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entity_index.get(id).map(|&i| &self.entities[i])
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.get(id)
    }

    /// Display name of an entity id (the id itself when unknown).
    pub fn entity_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.entity(id).map_or(id, |e| e.name.as_str())
    }
}

/// Dates as (year, month, day) numbers in the fact-base cache
/// (`facts::cache`), not as text to parse again; an impossible date read
/// back is an error, as any other damage to the cache.
mod compact_date {
    use std::collections::HashMap;

    use jiff::civil::Date;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    fn parts(d: &Date) -> (i16, i8, i8) {
        (d.year(), d.month(), d.day())
    }

    fn date<'de, D: Deserializer<'de>>((y, m, d): (i16, i8, i8)) -> Result<Date, D::Error> {
        Date::new(y, m, d).map_err(serde::de::Error::custom)
    }

    pub(super) fn serialize<S: Serializer>(d: &Date, s: S) -> Result<S::Ok, S::Error> {
        parts(d).serialize(s)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        date::<D>(Deserialize::deserialize(d)?)
    }

    pub(super) mod option {
        use super::*;

        pub(crate) fn serialize<S: Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
            d.as_ref().map(parts).serialize(s)
        }

        pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
            Option::<(i16, i8, i8)>::deserialize(d)?.map(date::<D>).transpose()
        }
    }

    pub(super) mod pairs {
        use super::*;
        use crate::facts::Origin;

        pub(crate) fn serialize<S: Serializer>(v: &[(Date, Origin)], s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq(v.iter().map(|(d, o)| (parts(d), o)))
        }

        pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<(Date, Origin)>, D::Error> {
            Vec::<((i16, i8, i8), Origin)>::deserialize(d)?
                .into_iter()
                .map(|(p, o)| Ok((date::<D>(p)?, o)))
                .collect()
        }
    }

    pub(super) mod keys {
        use super::*;

        pub(crate) fn serialize<S: Serializer>(m: &HashMap<Date, Vec<usize>>, s: S) -> Result<S::Ok, S::Error> {
            s.collect_map(m.iter().map(|(d, v)| (parts(d), v)))
        }

        pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<HashMap<Date, Vec<usize>>, D::Error> {
            HashMap::<(i16, i8, i8), Vec<usize>>::deserialize(d)?
                .into_iter()
                .map(|(p, v)| Ok((date::<D>(p)?, v)))
                .collect()
        }
    }
}
