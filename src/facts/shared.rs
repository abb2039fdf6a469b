//! Entities that share a spelling ("Johnson" for Boris Johnson and Mike
//! Johnson; "London" for the city and for Jack London): what the fact base
//! says of each that a sentence may use to tell them apart.
//!
//! Built once with the index, for the entities that share some spelling
//! only: the occasions they take part in (an event whose place, members or
//! speakers they are) and the facts of no occasion that name them (as a
//! value, a member or a speaker). A sentence about one of those occasions or
//! facts speaks of that entity (see `crate::extract::names`). Facts *about*
//! an entity (`subject`) are left out on purpose: "Johnson was born in 1964"
//! must not pick the Johnson whose birth year the base holds and then agree
//! with it.

use std::collections::HashMap;

use super::model::{FactBase, FactValue};

/// What may tell one entity of a shared spelling from the others.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Occasions {
    /// Events it takes part in, ascending.
    pub events: Vec<usize>,
    /// Facts of no event whose value, members or speaker it is, ascending.
    pub facts: Vec<usize>,
}

/// [`Occasions`] per entity that shares a spelling with another.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct SharedNames {
    of: HashMap<usize, Occasions>,
}

impl SharedNames {
    /// For the entities of every group in `groups` (the owners of one
    /// spelling, two or more): one walk over the facts, whatever the number
    /// of entities that share a spelling (500 people called "Smith" cost
    /// what 500 names do, not 500 times 500).
    pub fn new<'a>(base: &FactBase, groups: impl Iterator<Item = &'a Vec<u32>>) -> SharedNames {
        let mut of: HashMap<usize, Occasions> = HashMap::new();
        for group in groups {
            for &e in group {
                of.entry(e as usize).or_default();
            }
        }
        if of.is_empty() {
            return SharedNames { of };
        }
        for (i, fact) in base.facts.iter().enumerate() {
            let named: Vec<&str> = match &fact.value {
                FactValue::Entity(x) => vec![x.as_str()],
                FactValue::Entities(list) => list.iter().map(String::as_str).collect(),
                _ => Vec::new(),
            };
            let event = fact.event.as_deref().and_then(|id| base.event_position(id));
            for id in named.into_iter().chain(fact.speaker.as_deref()) {
                let Some(entry) = base.entity_position(id).and_then(|e| of.get_mut(&e)) else {
                    continue;
                };
                match event {
                    Some(ev) => entry.events.push(ev),
                    None => entry.facts.push(i),
                }
            }
        }
        for (ev, event) in base.events.iter().enumerate() {
            if let Some(entry) = event
                .place
                .as_deref()
                .and_then(|id| base.entity_position(id))
                .and_then(|e| of.get_mut(&e))
            {
                entry.events.push(ev);
            }
        }
        for entry in of.values_mut() {
            entry.events.sort_unstable();
            entry.events.dedup();
            entry.facts.sort_unstable();
            entry.facts.dedup();
        }
        SharedNames { of }
    }

    /// Whether `entity` shares a spelling with another entity.
    pub fn is_shared(&self, entity: usize) -> bool {
        self.of.contains_key(&entity)
    }

    /// The occasions of `entity`, if it shares a spelling.
    pub fn occasions(&self, entity: usize) -> Option<&Occasions> {
        self.of.get(&entity)
    }
}

#[cfg(test)]
mod tests {
    use super::super::Index;
    use crate::span::Span;

    #[test]
    fn a_spelling_is_found_once_per_entity_and_its_entities_know_their_occasions() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules/names.toml");
        let base = crate::facts::load_paths(&[path]).expect("the fixture loads");
        let index = Index::new(&base);
        let id = |e: usize| base.entities[e].id.as_str();
        let text = "Johnson met Juncker in London.";
        let hits: Vec<(&str, &str)> = index
            .aliases_in(text, Span::new(0, text.len()))
            .iter()
            .map(|h| (&text[h.span.start..h.span.end], id(h.entity)))
            .collect();
        assert_eq!(
            hits,
            [
                ("Johnson", "boris"),
                ("Johnson", "mike"),
                ("Juncker", "juncker"),
                ("London", "jack_london"),
                ("London", "london"),
            ]
        );
        let at = |id: &str| base.entity_position(id).unwrap();
        let events = |id: &str| -> Vec<&str> {
            let o = index.shared.occasions(at(id)).expect("shared");
            o.events.iter().map(|&e| base.events[e].id.as_str()).collect()
        };
        assert_eq!(events("boris"), ["deal"]);
        assert_eq!(events("mike"), ["aid"]);
        assert_eq!(events("london"), ["reading"], "an event's place takes part in it");
        assert!(
            index
                .shared
                .occasions(at("jack_london"))
                .is_some_and(|o| o.events.is_empty())
        );
        assert!(
            !index.shared.is_shared(at("juncker")),
            "only who shares a spelling is kept"
        );
    }
}
