//! The title vocabulary of one fact base: the words of every title that an
//! entity's `roles` hold ("Cardinal", "Archbishop", "master of ceremonies",
//! "Chief Executive"), on top of the built-in title words of
//! `lang/en/words.toml`.
//!
//! A title the built-in lists lack is still a title when the fact base gives
//! it to someone, so it is found before a name and checked against the
//! person's roles (rules D301-D303). The vocabulary is built once per fact
//! base, from its distinct titles only: tens of thousands of people share a
//! few thousand titles.

use std::collections::HashSet;

use super::model::FactBase;
use crate::lexicon::{lang, nation_key};

/// Words that join the parts of a title ("Prefect of the Dicastery for
/// Bishops", "founder and CEO"): never a title's office, never its first word.
pub const JOINERS: &[&str] = &[
    "of", "the", "for", "and", "at", "in", "on", "to", "under", "a", "an", "&",
];

/// The words titles are made of, and those that name an office.
#[derive(Debug, Default, Clone)]
pub struct TitleVocab {
    /// Words of the fact base's titles (lower case, no full stops), and
    /// the parts of the hyphenated ones.
    words: HashSet<String>,
    /// The head of each part of each title: the word a title is named for
    /// ("prefect" in "Prefect of the Dicastery for Bishops", "ceo" and
    /// "founder" in "founder and CEO").
    offices: HashSet<String>,
}

/// The parts of a hyphenated word worth knowing apart ("co-founder" gives
/// "founder", "archbishop-bishop" gives both).
fn parts(key: &str) -> impl Iterator<Item = &str> {
    key.split('-')
        .filter(|p| p.chars().count() >= 3 && !JOINERS.contains(p))
}

impl TitleVocab {
    /// The vocabulary of every title in the fact base.
    pub fn build(base: &FactBase) -> TitleVocab {
        let titles: HashSet<&str> = base
            .entities
            .iter()
            .flat_map(|e| e.roles.iter().map(|r| r.title.as_str()))
            .collect();
        let mut vocab = TitleVocab::default();
        for title in titles {
            let keys: Vec<String> = title
                .split(|c: char| c.is_whitespace() || c == ',')
                .filter(|w| !w.is_empty())
                .map(nation_key)
                .filter(|k| !k.is_empty())
                .collect();
            for k in &keys {
                vocab.words.extend(parts(k).map(str::to_owned));
                vocab.words.insert(k.clone());
            }
            // Each part of "founder and CEO" names an office by the last word
            // before its qualifier ("Prefect" of "Prefect of the Dicastery").
            for part in keys.split(|k| matches!(k.as_str(), "and" | "&")) {
                let lead = part
                    .iter()
                    .position(|k| !JOINERS.contains(&k.as_str()))
                    .unwrap_or(part.len());
                let part = &part[lead..];
                let stop = part
                    .iter()
                    .position(|k| JOINERS.contains(&k.as_str()))
                    .unwrap_or(part.len());
                let Some(head) = part[..stop]
                    .iter()
                    .rev()
                    .find(|k| k.as_str() != "former" && crate::lexicon::nation_code(k).is_none())
                else {
                    continue;
                };
                if lang().titles.filler.contains(head) {
                    continue;
                }
                vocab.offices.extend(parts(head).map(str::to_owned));
                vocab.offices.insert(head.clone());
            }
        }
        vocab
    }

    /// Whether `key` (see [`nation_key`]) is a word of some title of the fact base.
    pub fn has_word(&self, key: &str) -> bool {
        self.words.contains(key)
    }

    /// Whether `key` (see [`nation_key`]) names an office in some title of the fact base.
    pub fn has_office(&self, key: &str) -> bool {
        self.offices.contains(key) || key.split('-').any(|p| self.offices.contains(p))
    }
}
