//! Types of the fact base.

use std::collections::BTreeMap;

use jiff::civil::Date;

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
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
#[derive(Debug, Clone)]
pub struct Entity {
    pub id: String,
    pub kind: EntityKind,
    pub name: String,
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
}

impl Entity {
    /// The name and every alias.
    pub fn spellings(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// A named source that facts cite.
#[derive(Debug, Clone)]
pub struct Source {
    pub id: String,
    pub title: Option<String>,
    pub url: Option<String>,
}

/// The value a fact holds: exactly one per fact.
#[derive(Debug, Clone, PartialEq)]
pub enum FactValue {
    Date(Date),
    Year(i64),
    Count(u64),
    Entity(String),
    Entities(Vec<String>),
    Quote(String),
    Amount(f64),
    Percent(f64),
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
        }
    }
}

/// Where something was defined, for messages.
#[derive(Debug, Clone, PartialEq, Eq)]
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

/// One checked statement of the fact base.
#[derive(Debug, Clone)]
pub struct Fact {
    pub id: String,
    pub about: Vec<String>,
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
    pub origin: Origin,
}

/// Optional `[meta]` table.
#[derive(Debug, Clone, Default)]
pub struct Meta {
    pub title: Option<String>,
    pub as_of: Option<Date>,
}

/// Every fact, entity and source, loaded together from one or more files.
#[derive(Debug, Clone, Default)]
pub struct FactBase {
    /// The files read, in load order.
    pub files: Vec<String>,
    pub meta: Meta,
    pub sources: BTreeMap<String, Source>,
    pub entities: Vec<Entity>,
    pub facts: Vec<Fact>,
    entity_index: BTreeMap<String, usize>,
}

impl FactBase {
    pub fn new(
        files: Vec<String>,
        meta: Meta,
        sources: BTreeMap<String, Source>,
        entities: Vec<Entity>,
        facts: Vec<Fact>,
    ) -> Self {
        let entity_index = entities.iter().enumerate().map(|(i, e)| (e.id.clone(), i)).collect();
        FactBase {
            files,
            meta,
            sources,
            entities,
            facts,
            entity_index,
        }
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
