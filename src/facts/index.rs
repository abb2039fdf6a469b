//! Search structures built once from the fact base: every alias, `about`
//! phrase and unit in one Aho-Corasick automaton each, so an article is
//! scanned once per kind of evidence whatever the size of the fact base.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};

use super::model::{FactBase, FactValue};
use crate::lexicon::Title;
use crate::span::Span;

/// An alias of an entity found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AliasHit {
    pub entity: usize,
    pub span: Span,
}

/// An `about` phrase found in the text, with every fact that lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AboutHit {
    pub facts: Vec<usize>,
    pub span: Span,
    pub phrase: String,
}

/// Lookup structures over a [`FactBase`].
pub struct Index {
    aliases: AhoCorasick,
    alias_entity: Vec<usize>,
    alias_text: Vec<String>,
    about: AhoCorasick,
    about_facts: Vec<Vec<usize>>,
    about_text: Vec<String>,
    units: AhoCorasick,
    unit_text: Vec<String>,
    /// Parsed roles, per entity.
    pub roles: Vec<Vec<Title>>,
    /// Single-word spellings (lower case, ASCII-folded) for near-miss search.
    pub name_words: Vec<(String, usize)>,
}

fn automaton<I: AsRef<[u8]>>(patterns: &[I]) -> AhoCorasick {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .start_kind(StartKind::Both)
        .build(patterns)
        .expect("patterns are plain strings, within automaton limits")
}

/// True when `span` is not glued to letters or digits on either side.
pub fn at_word_bounds(text: &str, span: Span) -> bool {
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    let glued = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    !glued(before) && !glued(after)
}

/// Dedupe phrases case-insensitively, keeping for each the list of owners.
fn group<'a>(pairs: impl Iterator<Item = (&'a str, usize)>) -> (Vec<String>, Vec<Vec<usize>>) {
    let mut map: std::collections::BTreeMap<String, (String, Vec<usize>)> = Default::default();
    for (phrase, owner) in pairs {
        let phrase = phrase.trim();
        if phrase.is_empty() {
            continue;
        }
        let entry = map
            .entry(phrase.to_lowercase())
            .or_insert_with(|| (phrase.to_owned(), Vec::new()));
        if !entry.1.contains(&owner) {
            entry.1.push(owner);
        }
    }
    map.into_values().unzip()
}

impl Index {
    pub fn new(base: &FactBase) -> Index {
        let mut alias_text = Vec::new();
        let mut alias_entity = Vec::new();
        for (i, e) in base.entities.iter().enumerate() {
            for s in e.spellings() {
                if !s.trim().is_empty() {
                    alias_text.push(s.trim().to_owned());
                    alias_entity.push(i);
                }
            }
        }
        let (about_text, mut about_facts) = group(
            base.facts
                .iter()
                .enumerate()
                .flat_map(|(i, f)| f.about.iter().map(move |a| (a.as_str(), i))),
        );
        // The automaton finds the longest phrase ("gathered in"); the facts of any
        // phrase inside it ("gathered") are evidence too.
        let inner = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .build(&about_text)
            .expect("patterns are plain strings, within automaton limits");
        for (p, phrase) in about_text.iter().enumerate() {
            let mut extra: Vec<usize> = inner
                .find_overlapping_iter(phrase.as_str())
                .filter(|m| m.pattern().as_usize() != p)
                .filter(|m| at_word_bounds(phrase, Span::new(m.start(), m.end())))
                .flat_map(|m| about_facts[m.pattern().as_usize()].clone())
                .collect();
            extra.retain(|f| !about_facts[p].contains(f));
            extra.sort_unstable();
            extra.dedup();
            about_facts[p].extend(extra);
        }
        let (unit_text, _) = group(
            base.facts
                .iter()
                .enumerate()
                .filter(|(_, f)| matches!(f.value, FactValue::Count(_)))
                .flat_map(|(i, f)| f.unit.iter().map(move |u| (u.as_str(), i))),
        );
        let roles = base
            .entities
            .iter()
            .map(|e| e.roles.iter().map(|r| Title::parse(&r.title)).collect())
            .collect();
        // Surnames and one-word names of people, for near-miss spellings.
        let mut name_words = Vec::new();
        for (i, e) in base.entities.iter().enumerate() {
            for s in e.spellings() {
                if let Some(last) = s.split_whitespace().last() {
                    let folded = deunicode::deunicode(last).to_lowercase();
                    if folded.len() >= 5 && !name_words.contains(&(folded.clone(), i)) {
                        name_words.push((folded, i));
                    }
                }
            }
        }
        Index {
            aliases: automaton(&alias_text),
            alias_entity,
            alias_text,
            about: automaton(&about_text),
            about_facts,
            about_text,
            units: automaton(&unit_text),
            unit_text,
            roles,
            name_words,
        }
    }

    /// Every entity alias in `text[range]`, leftmost-longest, at word bounds.
    ///
    /// All-capital aliases ("US", "UK") must match exactly, so that "us" the
    /// pronoun is not the United States; other aliases must start with a
    /// capital letter in the text.
    pub fn aliases_in(&self, text: &str, range: Span) -> Vec<AliasHit> {
        let input = Input::new(text).span(range.start..range.end);
        self.aliases
            .find_iter(input)
            .filter_map(|m| {
                let span = Span::new(m.start(), m.end());
                let found = &text[m.start()..m.end()];
                let alias = &self.alias_text[m.pattern().as_usize()];
                let acronym = alias.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_uppercase());
                let case_ok = if acronym {
                    found == alias
                } else {
                    found.chars().next().is_some_and(char::is_uppercase)
                };
                (case_ok && at_word_bounds(text, span)).then_some(AliasHit {
                    entity: self.alias_entity[m.pattern().as_usize()],
                    span,
                })
            })
            .collect()
    }

    /// Every `about` phrase in `text[range]`.
    pub fn about_in(&self, text: &str, range: Span) -> Vec<AboutHit> {
        let input = Input::new(text).span(range.start..range.end);
        self.about
            .find_iter(input)
            .filter_map(|m| {
                let span = Span::new(m.start(), m.end());
                at_word_bounds(text, span).then(|| AboutHit {
                    facts: self.about_facts[m.pattern().as_usize()].clone(),
                    span,
                    phrase: self.about_text[m.pattern().as_usize()].clone(),
                })
            })
            .collect()
    }

    /// The unit phrase of some count fact that starts exactly at `at`, if any.
    pub fn unit_at(&self, text: &str, at: usize, limit: usize) -> Option<(Span, &str)> {
        let input = Input::new(text).span(at..limit).anchored(Anchored::Yes);
        let m = self.units.find(input)?;
        let span = Span::new(m.start(), m.end());
        at_word_bounds(text, span).then(|| (span, self.unit_text[m.pattern().as_usize()].as_str()))
    }
}
