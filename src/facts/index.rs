//! Search structures built once from the fact base: every alias, `about`
//! phrase and unit in one Aho-Corasick automaton each, so an article is
//! scanned once per kind of evidence whatever the size of the fact base.
//!
//! The fuzzy look-ups are indexed too: a misspelt name is compared only with
//! the known names that share a deletion neighbour with it (the known name
//! or the written one with a letter or two left out: any two words within
//! that many edits share one), and a quotation only with the quotes on record
//! that hold its first word or have its speaker.

use std::collections::{HashMap, HashSet};

use aho_corasick::AhoCorasickBuilder;
use serde::{Deserialize, Serialize};

use super::model::{EntityKind, FactBase, FactValue};
use super::trie::Trie;
use crate::lexicon::Title;
use crate::span::Span;

/// An alias of an entity found in the text. A spelling several entities
/// share ("Johnson") is found once per entity, the hits side by side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AliasHit {
    pub entity: usize,
    pub span: Span,
}

/// An `about` phrase found in the text, with every fact that lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AboutHit {
    /// The facts it ties to: those that list it, and those with no phrase of
    /// their own whose event lists it (or names it).
    pub facts: Vec<usize>,
    /// Facts whose event lists it but which have phrases of their own: it
    /// names their occasion, not which of the occasion's facts is meant.
    pub occasion: Vec<usize>,
    pub span: Span,
    pub phrase: String,
}

/// Lookup structures over a [`FactBase`]; the fact-base cache stores them
/// (see [`Index::restore`] for what it does not).
#[derive(Serialize, Deserialize)]
pub struct Index {
    aliases: Trie,
    /// The entities of each spelling (lower case, one pattern each):
    /// `alias_owners[alias_from[p]..alias_from[p + 1]]`. Flat, so that 500
    /// people called "Smith" are one pattern and 500 numbers, not 500 patterns.
    alias_owners: Vec<u32>,
    alias_from: Vec<u32>,
    alias_text: Vec<String>,
    /// Per entity that shares a spelling with another: what may tell it
    /// apart in a sentence (see [`super::shared`]).
    pub shared: super::shared::SharedNames,
    about: Trie,
    about_facts: Vec<Vec<usize>>,
    about_occasion: Vec<Vec<usize>>,
    about_text: Vec<String>,
    units: Trie,
    unit_text: Vec<String>,
    /// The units of ordinal facts ("meeting", "pope"), apart from counts'.
    ordinal_units: Trie,
    ordinal_unit_text: Vec<String>,
    /// Events' names and aliases, the events each names, and the facts each
    /// ties (strongly, and as their occasion only), in the same order.
    event_names: Trie,
    event_name_text: Vec<String>,
    event_name_owners: Vec<Vec<usize>>,
    /// Per event: the people, places and organisations its facts name (its
    /// place, places, members, speakers), sorted; countries are named by too
    /// many stories to tell. An article that names none of them, nor the
    /// event, is not about it.
    pub event_entities: Vec<Vec<usize>>,
    /// The same, turned round: per entity, the events whose facts name it
    /// (ascending), so that an article finds the occasions of the people it
    /// names without walking every event.
    entity_events: HashMap<usize, Vec<usize>>,
    /// Events by the phrases of their own `about` (lower case).
    event_about: HashMap<String, Vec<usize>>,
    name_facts: Vec<Vec<usize>>,
    name_occasion: Vec<Vec<usize>>,
    /// The length of the longest unit, in bytes.
    unit_max: usize,
    /// Parsed roles, per entity (not stored: parsed again by [`Index::restore`]).
    #[serde(skip)]
    pub roles: Vec<Vec<Title>>,
    /// The words of every title the roles hold (see [`super::titles`]; not
    /// stored: built again by [`Index::restore`], from the distinct titles only).
    #[serde(skip)]
    pub titles: super::titles::TitleVocab,
    /// Single-word spellings (lower case, ASCII-folded) for near-miss search.
    pub name_words: Vec<(String, usize)>,
    /// Deletion keys of the people's `name_words`: (key, position in `name_words`), sorted.
    name_word_keys: Keys,
    /// People's spellings of two words or more: (entity, spelling's position
    /// in [`Entity::spellings`](super::Entity::spellings), folded spelling).
    full_names: Vec<(usize, usize, String)>,
    /// Deletion keys of the last word of each of `full_names`: (key, position), sorted.
    full_name_keys: Keys,
    /// Quotes on record: (fact, words as [`crate::extract::quote_segments`] sees them), in fact order.
    quotes: Vec<(usize, Vec<String>)>,
    /// Positions in `quotes` by word, and by speaker id.
    /// Keyed by [`words_key`] of each word and each pair of neighbouring words.
    quote_words: HashMap<u64, Vec<u32>>,
    quote_speakers: HashMap<String, Vec<u32>>,
}

/// A letter-skipping FNV-1a hash: the key of `chars` without the letters at `skip`.
fn deletion_key(chars: &[char], skip: [usize; 2]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, c) in chars.iter().enumerate() {
        if i == skip[0] || i == skip[1] {
            continue;
        }
        h = (h ^ u64::from(*c)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Keys of `word` and of every string made from it by deleting up to
/// `depth` (at most 2) letters. Two words within `depth` edits (insertions,
/// deletions, substitutions, adjacent transpositions) share a key.
fn deletion_keys(word: &str, depth: usize, out: &mut Vec<u64>) {
    const NONE: usize = usize::MAX;
    let chars: Vec<char> = word.chars().collect();
    let start = out.len();
    out.push(deletion_key(&chars, [NONE, NONE]));
    if depth >= 1 {
        for i in 0..chars.len() {
            out.push(deletion_key(&chars, [i, NONE]));
            if depth >= 2 {
                for j in i + 1..chars.len() {
                    out.push(deletion_key(&chars, [i, j]));
                }
            }
        }
    }
    out[start..].sort_unstable();
    let mut kept = start;
    for k in start..out.len() {
        if k == start || out[k] != out[kept - 1] {
            out[kept] = out[k];
            kept += 1;
        }
    }
    out.truncate(kept);
}

/// A hash of a run of words (FNV-1a, a separator after each word).
fn words_key(words: &[String]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for w in words {
        for b in w.bytes().chain([0xFF]) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

/// `a` and `b`, on two threads when `parallel`.
fn both<A: Send, B: Send>(parallel: bool, a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B + Send) -> (A, B) {
    if parallel { rayon::join(a, b) } else { (a(), b()) }
}

/// (key, position) pairs sorted by key, with a directory by the key's top
/// bits: a look-up reads one directory entry and a few pairs, not the
/// twenty scattered ones of a binary search over a million.
#[derive(Serialize, Deserialize)]
struct Keys {
    /// The keys, sorted, and the position filed under each, side by side.
    #[serde(with = "super::trie::raw64")]
    keys: Vec<u64>,
    #[serde(with = "super::trie::raw32")]
    positions: Vec<u32>,
    /// `dir[b]`: the first key whose top `bits` bits are `b` or more.
    #[serde(with = "super::trie::raw32")]
    dir: Vec<u32>,
    /// About one directory entry per pair, at most 2^16 of them.
    bits: u32,
}

impl Keys {
    fn new(mut pairs: Vec<(u64, u32)>) -> Keys {
        pairs.sort_unstable();
        let bits = pairs.len().max(2).ilog2().min(16);
        let mut dir = Vec::with_capacity((1 << bits) + 1);
        let mut at = 0;
        for b in 0..=(1u64 << bits) {
            while at < pairs.len() && pairs[at].0 >> (64 - bits) < b {
                at += 1;
            }
            dir.push(at as u32);
        }
        let (keys, positions) = pairs.into_iter().unzip();
        Keys {
            keys,
            positions,
            dir,
            bits,
        }
    }

    /// Positions filed under any of `keys`, ascending and distinct.
    fn positions(&self, keys: &[u64]) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        for &k in keys {
            let b = (k >> (64 - self.bits)) as usize;
            let (from, to) = (self.dir[b] as usize, self.dir[b + 1] as usize);
            let start = from + self.keys[from..to].partition_point(|key| *key < k);
            let end = start + self.keys[start..to].iter().take_while(|key| **key == k).count();
            out.extend(self.positions[start..end].iter().map(|&p| p as usize));
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// A trie of `patterns` that ignores ASCII case, to search text passed
/// through [`lowered`]: the patterns are lowered (ASCII only, so offsets do
/// not move), and found leftmost-longest as by an Aho-Corasick automaton
/// (see [`Trie`], which the fact-base cache can store).
fn automaton<I: AsRef<[u8]>>(patterns: &[I]) -> Trie {
    Trie::new(patterns.iter().map(|p| p.as_ref().to_ascii_lowercase()))
}

/// `text[range]` with its ASCII letters in lower case, for the tries
/// built by [`automaton`]: the same length, so a match's offsets plus
/// `range.start` are its offsets in `text`.
fn lowered(text: &str, range: std::ops::Range<usize>) -> Vec<u8> {
    text.as_bytes()[range].to_ascii_lowercase()
}

/// True when `span` is not glued to letters or digits on either side.
pub fn at_word_bounds(text: &str, span: Span) -> bool {
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    let glued = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    !glued(before) && !glued(after)
}

/// Owners numbered `2 * fact` (a phrase of the fact) or `2 * fact + 1` (a
/// phrase of its occasion only), split into the two lists, a fact in the
/// first not repeated in the second.
/// The patterns to search the `about` phrases by: each phrase, then the
/// other verb forms of the phrases ([`super::forms`]: "had taken part" for
/// "took part") that are no phrase of their own. A form stands for the
/// phrases it comes from: it is pushed onto `text` as the first of them, with
/// the facts and occasions of them all, so that a hit on it reads as a hit on
/// the phrase the fact base wrote.
fn with_other_forms(
    text: &mut Vec<String>,
    facts: &mut Vec<Vec<usize>>,
    occasion: &mut Vec<Vec<usize>>,
) -> Vec<String> {
    let mut patterns = text.clone();
    let known: HashSet<String> = text.iter().map(|a| a.trim().to_lowercase()).collect();
    let mut by_form: std::collections::BTreeMap<String, Vec<usize>> = Default::default();
    for (p, phrase) in text.iter().enumerate() {
        for form in super::forms::forms(phrase) {
            if !known.contains(&form) {
                by_form.entry(form).or_default().push(p);
            }
        }
    }
    for (form, from) in by_form {
        let of = |lists: &Vec<Vec<usize>>| {
            let mut all: Vec<usize> = from.iter().flat_map(|&p| lists[p].iter().copied()).collect();
            all.sort_unstable();
            all.dedup();
            all
        };
        let strong = of(facts);
        let mut weak = of(occasion);
        weak.retain(|f| !strong.contains(f));
        let phrase = text[from[0]].clone();
        facts.push(strong);
        occasion.push(weak);
        text.push(phrase);
        patterns.push(form);
    }
    patterns
}

fn split_owners(owners: Vec<Vec<usize>>) -> (Vec<Vec<usize>>, Vec<Vec<usize>>) {
    owners
        .into_iter()
        .map(|list| {
            let strong: Vec<usize> = list.iter().filter(|o| *o % 2 == 0).map(|o| o / 2).collect();
            let weak: Vec<usize> = list
                .iter()
                .filter(|o| *o % 2 == 1 && !strong.contains(&(*o / 2)))
                .map(|o| o / 2)
                .collect();
            (strong, weak)
        })
        .unzip()
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

/// The entities' roles, parsed. Many people share a title ("Finance
/// Minister"): each is parsed once.
fn roles(base: &FactBase) -> Vec<Vec<Title>> {
    let mut titles: HashMap<&str, Title> = HashMap::new();
    base.entities
        .iter()
        .map(|e| {
            e.roles
                .iter()
                .map(|r| titles.entry(&r.title).or_insert_with(|| Title::parse(&r.title)).clone())
                .collect()
        })
        .collect()
}

impl Index {
    /// What the cache does not store, made again from `base` (the base the
    /// index was built from): the parsed titles, which name their country
    /// by a static string of the lexicon, and the title vocabulary.
    pub(crate) fn restore(&mut self, base: &FactBase) {
        self.roles = roles(base);
        self.titles = super::titles::TitleVocab::build(base);
    }

    pub fn new(base: &FactBase) -> Index {
        // One pattern per spelling, whoever writes it: the owners of each in
        // entity order (a name and an alias of one entity count once).
        let mut alias_text: Vec<String> = Vec::new();
        let mut owners: Vec<Vec<u32>> = Vec::new();
        let mut pattern_of: HashMap<String, usize> = HashMap::new();
        for (i, e) in base.entities.iter().enumerate() {
            for s in e.spellings() {
                let s = s.trim();
                if s.is_empty() {
                    continue;
                }
                let p = *pattern_of.entry(s.to_ascii_lowercase()).or_insert_with(|| {
                    alias_text.push(s.to_owned());
                    owners.push(Vec::new());
                    alias_text.len() - 1
                });
                if owners[p].last() != Some(&(i as u32)) {
                    owners[p].push(i as u32);
                }
            }
        }
        drop(pattern_of);
        let mut alias_from = Vec::with_capacity(owners.len() + 1);
        let mut alias_owners = Vec::with_capacity(owners.len());
        for list in &owners {
            alias_from.push(alias_owners.len() as u32);
            alias_owners.extend_from_slice(list);
        }
        alias_from.push(alias_owners.len() as u32);
        let shared = super::shared::SharedNames::new(base, owners.iter().filter(|o| o.len() > 1));
        drop(owners);
        // A fact's phrases are its own; its event's phrases (`about`, then
        // name and aliases, searched apart) are its own too when it has none,
        // or when it is the event's date or place; otherwise they name its
        // occasion only. Owners are numbered `2 * fact + 1` for the occasion.
        let events: HashMap<&str, &super::model::Event> = base.events.iter().map(|e| (e.id.as_str(), e)).collect();
        let weak_of = |f: &super::model::Fact| {
            let event = f.event.as_deref().and_then(|e| events.get(e).copied());
            let weak = usize::from(!f.about.is_empty() && !event.is_some_and(|e| e.owns(f)));
            (event, weak)
        };
        let (mut about_text, owners) = group(base.facts.iter().enumerate().flat_map(|(i, f)| {
            let (event, weak) = weak_of(f);
            let inherited = event.into_iter().flat_map(|e| e.about.iter().map(String::as_str));
            f.about
                .iter()
                .map(move |a| (a.as_str(), 2 * i))
                .chain(inherited.map(move |a| (a, 2 * i + weak)))
        }));
        let (mut about_facts, mut about_occasion) = split_owners(owners);
        // The automaton finds the longest phrase ("gathered in"); the facts of any
        // phrase inside it ("gathered") are evidence too.
        let inner = AhoCorasickBuilder::new()
            .build(about_text.iter().map(|a| a.to_ascii_lowercase()))
            .expect("patterns are plain strings, within automaton limits");
        for (p, phrase) in about_text.iter().enumerate() {
            let mut extra: Vec<usize> = inner
                .find_overlapping_iter(&lowered(phrase, 0..phrase.len()))
                .filter(|m| m.pattern().as_usize() != p)
                .filter(|m| at_word_bounds(phrase, Span::new(m.start(), m.end())))
                .flat_map(|m| about_facts[m.pattern().as_usize()].clone())
                .collect();
            extra.retain(|f| !about_facts[p].contains(f));
            extra.sort_unstable();
            extra.dedup();
            about_facts[p].extend(extra);
        }
        let about_patterns = with_other_forms(&mut about_text, &mut about_facts, &mut about_occasion);
        let (event_name_text, event_name_owners) = group(
            base.events
                .iter()
                .enumerate()
                .flat_map(|(i, e)| e.names().map(move |n| (n, i))),
        );
        let event_names = automaton(&event_name_text);
        // The facts each name ties, as for the events' other phrases.
        let (tied_names, tied) = group(base.facts.iter().enumerate().flat_map(|(i, f)| {
            let (event, weak) = weak_of(f);
            event
                .into_iter()
                .flat_map(move |e| e.names().map(move |n| (n, 2 * i + weak)))
        }));
        // In the order of `event_name_text` (an event may have no facts).
        let mut tied: HashMap<String, Vec<usize>> = tied_names.iter().map(|n| n.to_lowercase()).zip(tied).collect();
        let name_owners = event_name_text
            .iter()
            .map(|n| tied.remove(&n.to_lowercase()).unwrap_or_default())
            .collect();
        let (name_facts, name_occasion) = split_owners(name_owners);
        let mut event_about: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, e) in base.events.iter().enumerate() {
            for a in &e.about {
                let list = event_about.entry(a.trim().to_lowercase()).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        let event_entities: Vec<Vec<usize>> = base
            .events
            .iter()
            .map(|e| {
                let facts = base.facts_of_event(&e.id).iter().map(|&f| &base.facts[f]);
                let mut ids: Vec<usize> = e
                    .place
                    .iter()
                    .map(String::as_str)
                    .chain(facts.flat_map(|f| {
                        let values: Vec<&str> = match &f.value {
                            FactValue::Entity(x) => vec![x.as_str()],
                            FactValue::Entities(list) => list.iter().map(String::as_str).collect(),
                            _ => Vec::new(),
                        };
                        values.into_iter().chain(f.speaker.as_deref())
                    }))
                    .filter_map(|id| base.entity_position(id))
                    .filter(|&i| base.entities[i].kind != EntityKind::Country)
                    .collect();
                ids.sort_unstable();
                ids.dedup();
                ids
            })
            .collect();
        let (ordinal_unit_text, _) = group(
            base.facts
                .iter()
                .enumerate()
                .filter(|(_, f)| matches!(f.value, FactValue::Ordinal(_)))
                .flat_map(|(i, f)| f.unit.iter().map(move |u| (u.as_str(), i))),
        );
        let ordinal_units = automaton(&ordinal_unit_text);
        let mut entity_events: HashMap<usize, Vec<usize>> = HashMap::new();
        for (e, entities) in event_entities.iter().enumerate() {
            for &x in entities {
                entity_events.entry(x).or_default().push(e);
            }
        }
        let (unit_text, _) = group(
            base.facts
                .iter()
                .enumerate()
                .filter(|(_, f)| matches!(f.value, FactValue::Count(_)))
                .flat_map(|(i, f)| f.unit.iter().map(move |u| (u.as_str(), i))),
        );
        // The automata and the fuzzy indexes are built side by side: on a large
        // base each takes a good part of the time to load it.
        let large = alias_text.len() + about_text.len() > 10_000;
        let (
            (aliases, about, units),
            (roles, name_words, name_word_keys, full_names, full_name_keys, quotes, quote_words, quote_speakers),
        ) = both(
            large,
            || {
                (
                    automaton(&alias_text),
                    automaton(&about_patterns),
                    automaton(&unit_text),
                )
            },
            || {
                let roles = roles(base);
                // Surnames and one-word names of people, for near-miss spellings.
                let mut name_words = Vec::new();
                let mut seen: HashSet<(String, usize)> = HashSet::new();
                for (i, e) in base.entities.iter().enumerate() {
                    for s in e.spellings() {
                        if let Some(last) = s.split_whitespace().last() {
                            let folded = deunicode::deunicode(last).to_lowercase();
                            if folded.len() >= 5 && seen.insert((folded.clone(), i)) {
                                name_words.push((folded, i));
                            }
                        }
                    }
                }
                // Near misses are looked for among people only: up to two edits for
                // names of eight letters or more, one for shorter ones.
                let mut name_word_keys = Vec::new();
                let mut keys = Vec::new();
                for (k, (word, e)) in name_words.iter().enumerate() {
                    if base.entities[*e].kind == EntityKind::Person {
                        keys.clear();
                        deletion_keys(word, if word.chars().count() >= 8 { 2 } else { 1 }, &mut keys);
                        name_word_keys.extend(keys.iter().map(|&key| (key, k as u32)));
                    }
                }
                let name_word_keys = Keys::new(name_word_keys);
                let fold = |s: &str| deunicode::deunicode(s).to_lowercase();
                let full_names: Vec<(usize, usize, String)> = base
                    .entities
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| e.kind == EntityKind::Person)
                    .flat_map(|(i, e)| {
                        e.spellings()
                            .enumerate()
                            .filter(|(_, s)| s.contains(' '))
                            .map(move |(k, s)| (i, k, fold(s)))
                    })
                    .collect();
                let mut full_name_keys = Vec::new();
                for (k, (_, _, name)) in full_names.iter().enumerate() {
                    keys.clear();
                    deletion_keys(name.split(' ').next_back().unwrap_or(""), 1, &mut keys);
                    full_name_keys.extend(keys.iter().map(|&key| (key, k as u32)));
                }
                let full_name_keys = Keys::new(full_name_keys);
                let quotes: Vec<(usize, Vec<String>)> = base
                    .facts
                    .iter()
                    .enumerate()
                    .filter_map(|(i, f)| match &f.value {
                        FactValue::Quote(q) => Some((i, crate::extract::quote_segments(q).concat())),
                        _ => None,
                    })
                    .collect();
                let mut quote_words: HashMap<u64, Vec<u32>> = HashMap::new();
                let mut quote_speakers: HashMap<String, Vec<u32>> = HashMap::new();
                for (k, (fact, words)) in quotes.iter().enumerate() {
                    let singles = words.chunks(1);
                    for w in singles.chain(words.windows(2)) {
                        let list = quote_words.entry(words_key(w)).or_default();
                        if list.last() != Some(&(k as u32)) {
                            list.push(k as u32);
                        }
                    }
                    if let Some(speaker) = &base.facts[*fact].speaker {
                        quote_speakers.entry(speaker.clone()).or_default().push(k as u32);
                    }
                }
                (
                    roles,
                    name_words,
                    name_word_keys,
                    full_names,
                    full_name_keys,
                    quotes,
                    quote_words,
                    quote_speakers,
                )
            },
        );
        Index {
            titles: super::titles::TitleVocab::build(base),
            aliases,
            alias_owners,
            alias_from,
            alias_text,
            shared,
            about,
            about_facts,
            about_occasion,
            about_text,
            units,
            event_names,
            event_name_text,
            event_name_owners,
            entity_events,
            event_entities,
            event_about,
            name_facts,
            name_occasion,
            unit_max: unit_text
                .iter()
                .chain(&ordinal_unit_text)
                .map(String::len)
                .max()
                .unwrap_or(0),
            ordinal_units,
            ordinal_unit_text,
            unit_text,
            roles,
            name_words,
            name_word_keys,
            full_names,
            full_name_keys,
            quotes,
            quote_words,
            quote_speakers,
        }
    }

    /// The entries of `name_words` that belong to people and may be within
    /// two edits of `folded` (lower case, ASCII-folded), in their order: a
    /// superset of the near misses, to be confirmed by an edit distance.
    pub fn name_word_candidates(&self, folded: &str) -> impl Iterator<Item = &(String, usize)> {
        let mut keys = Vec::new();
        deletion_keys(folded, 2, &mut keys);
        self.name_word_keys
            .positions(&keys)
            .into_iter()
            .map(|k| &self.name_words[k])
    }

    /// People's spellings of two words or more whose last word may be within
    /// one edit of the last word of `folded` (a name, lower case,
    /// ASCII-folded, words split at single spaces), in entity and spelling
    /// order: (entity, position in its spellings, folded spelling).
    pub fn full_name_candidates(&self, folded: &str) -> impl Iterator<Item = (usize, usize, &str)> {
        let mut keys = Vec::new();
        deletion_keys(folded.split(' ').next_back().unwrap_or(""), 1, &mut keys);
        self.full_name_keys.positions(&keys).into_iter().map(|k| {
            let (e, s, name) = &self.full_names[k];
            (*e, *s, name.as_str())
        })
    }

    /// The quotes on record of which `segments` (see
    /// [`crate::extract::quote_segments`]) is an excerpt, in fact order:
    /// (fact, the record's words).
    pub fn quote_excerpts<'a>(&'a self, segments: &'a [Vec<String>]) -> impl Iterator<Item = (usize, &'a [String])> {
        // Every excerpt holds every word of the quotation, and each two
        // neighbours in a stretch side by side: the records that hold its two
        // rarest words or pairs are the only ones worth comparing.
        let mut lists: Vec<&[u32]> = segments
            .iter()
            .flat_map(|seg| seg.chunks(1).chain(seg.windows(2)))
            .map(|w| self.quote_words.get(&words_key(w)).map_or(&[][..], Vec::as_slice))
            .collect();
        lists.sort_by_key(|l| l.len());
        let candidates: Vec<u32> = match lists.as_slice() {
            [] => Vec::new(),
            [only] => only.to_vec(),
            [a, b, ..] => a.iter().copied().filter(|k| b.binary_search(k).is_ok()).collect(),
        };
        candidates
            .into_iter()
            .map(|k| &self.quotes[k as usize])
            .filter(|(_, record)| crate::extract::is_excerpt(segments, record))
            .map(|(fact, record)| (*fact, record.as_slice()))
    }

    /// The quotes on record said by `speaker` (an entity id), in fact order: (fact, the record's words).
    pub fn quotes_by(&self, speaker: &str) -> impl Iterator<Item = (usize, &[String])> {
        self.quote_speakers
            .get(speaker)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|&k| {
                let (fact, record) = &self.quotes[k as usize];
                (*fact, record.as_slice())
            })
    }

    /// Every entity alias in `text[range]`, leftmost-longest, at word bounds:
    /// a spelling that several entities share once per entity, in entity
    /// order, the hits side by side.
    ///
    /// All-capital aliases ("US", "UK") must match exactly, so that "us" the
    /// pronoun is not the United States; other aliases must start with a
    /// capital letter in the text.
    pub fn aliases_in(&self, text: &str, range: Span) -> Vec<AliasHit> {
        let mut out = Vec::new();
        for m in self.aliases.find_iter(&lowered(text, range.start..range.end)) {
            let span = Span::new(range.start + m.start, range.start + m.end);
            let found = &text[span.start..span.end];
            let p = m.pattern;
            let alias = &self.alias_text[p];
            let acronym = alias.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_uppercase());
            let case_ok = if acronym {
                found == alias
            } else {
                found.chars().next().is_some_and(char::is_uppercase)
            };
            if case_ok && at_word_bounds(text, span) {
                let owners = &self.alias_owners[self.alias_from[p] as usize..self.alias_from[p + 1] as usize];
                out.extend(owners.iter().map(|&e| AliasHit {
                    entity: e as usize,
                    span,
                }));
            }
        }
        out
    }

    /// Every `about` phrase in `text[range]`, and every event name (searched
    /// apart, so that "Paris summit" does not hide "summit"), in text order.
    pub fn about_in(&self, text: &str, range: Span) -> Vec<AboutHit> {
        let lowered = lowered(text, range.start..range.end);
        let mut hits: Vec<AboutHit> = self
            .about
            .find_iter(&lowered)
            .filter_map(|m| {
                let span = Span::new(range.start + m.start, range.start + m.end);
                at_word_bounds(text, span).then(|| AboutHit {
                    facts: self.about_facts[m.pattern].clone(),
                    occasion: self.about_occasion[m.pattern].clone(),
                    span,
                    phrase: self.about_text[m.pattern].clone(),
                })
            })
            .collect();
        if self.name_facts.is_empty() {
            return hits;
        }
        for m in self.event_names.find_iter(&lowered) {
            let span = Span::new(range.start + m.start, range.start + m.end);
            let p = m.pattern;
            // A name that is also an `about` phrase is found once.
            if at_word_bounds(text, span) && !hits.iter().any(|h| h.span == span) {
                hits.push(AboutHit {
                    facts: self.name_facts[p].clone(),
                    occasion: self.name_occasion[p].clone(),
                    span,
                    phrase: self.event_name_text[p].clone(),
                });
            }
        }
        hits.sort_by_key(|h| (h.span.start, h.span.end));
        hits
    }

    /// The events whose facts name entity `entity` (see `event_entities`), ascending.
    pub fn events_naming(&self, entity: usize) -> &[usize] {
        self.entity_events.get(&entity).map_or(&[], Vec::as_slice)
    }

    /// The events whose own `about` list holds the phrase of `hit`.
    pub fn events_evoked(&self, hit: &AboutHit) -> &[usize] {
        self.event_about
            .get(hit.phrase.to_lowercase().as_str())
            .map_or(&[], Vec::as_slice)
    }

    /// Every event name or alias in `text[range]`, with the events it names.
    pub fn event_names_in(&self, text: &str, range: Span) -> Vec<(Span, &[usize])> {
        if self.event_name_owners.is_empty() {
            return Vec::new();
        }
        self.event_names
            .find_iter(&lowered(text, range.start..range.end))
            .filter_map(|m| {
                let span = Span::new(range.start + m.start, range.start + m.end);
                at_word_bounds(text, span).then(|| (span, self.event_name_owners[m.pattern].as_slice()))
            })
            .collect()
    }

    /// Whether any fact holds an ordinal.
    pub fn has_ordinals(&self) -> bool {
        !self.ordinal_unit_text.is_empty()
    }

    /// The unit phrase of some ordinal fact that starts exactly at `at`, if any.
    pub fn ordinal_unit_at(&self, text: &str, at: usize, limit: usize) -> Option<(Span, &str)> {
        let text_at = lowered(text, at..limit.min(at + self.unit_max));
        let m = self.ordinal_units.prefix(&text_at)?;
        let span = Span::new(at + m.start, at + m.end);
        at_word_bounds(text, span).then(|| (span, self.ordinal_unit_text[m.pattern].as_str()))
    }

    /// The unit phrase of some count fact that starts exactly at `at`, if any.
    pub fn unit_at(&self, text: &str, at: usize, limit: usize) -> Option<(Span, &str)> {
        // No unit runs further than the longest: the rest of a long sentence is not copied.
        let text_at = lowered(text, at..limit.min(at + self.unit_max));
        let m = self.units.prefix(&text_at)?;
        let span = Span::new(at + m.start, at + m.end);
        at_word_bounds(text, span).then(|| (span, self.unit_text[m.pattern].as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> (FactBase, Index) {
        let claims = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("claims");
        let base = crate::facts::load_paths(&[claims]).expect("the project's fact base loads");
        let index = Index::new(&base);
        (base, index)
    }

    fn found(text: &str, spans: impl Iterator<Item = Span>) -> Vec<&str> {
        spans.map(|s| &text[s.start..s.end]).collect()
    }

    /// The automata are built on lowered patterns and search lowered text:
    /// ASCII case is ignored, other letters are not, and every span is an
    /// offset in the whole text, wherever the searched range starts.
    #[test]
    fn the_automata_ignore_ascii_case_and_keep_offsets() {
        let (base, index) = index();
        let text = "Élysée: KEIR STARMER told us the US and Zelenskyy's ZELENSKIY had MET AT the Summit.";
        let from = text.find("KEIR").unwrap();
        let range = Span::new(from, text.len());
        let hits = index.aliases_in(text, range);
        assert_eq!(
            found(text, hits.iter().map(|h| h.span)),
            ["KEIR STARMER", "US", "Zelenskyy", "ZELENSKIY"],
            "\"us\" the pronoun is not the US: an acronym matches only as written"
        );
        let id = |h: &AliasHit| base.entities[h.entity].id.as_str();
        assert!(id(&hits[0]).contains("starmer"), "{}", id(&hits[0]));
        assert_eq!(id(&hits[2]), id(&hits[3]), "two spellings of one person");
        // A range that cuts a name short finds no more of it than it holds.
        let cut = Span::new(from, from + "KEIR STARM".len());
        assert!(index.aliases_in(text, cut).is_empty());
        let about = index.about_in(text, range);
        assert_eq!(found(text, about.iter().map(|h| h.span)), ["MET AT", "Summit"]);
        assert!(about.iter().all(|h| !h.facts.is_empty()));
        // Units are read from where the number ends, in any ASCII case, never past the limit.
        let text = "Leaders of 35 COUNTRY DELEGATIONS came.";
        let at = text.find("COUNTRY").unwrap();
        let (span, unit) = index.unit_at(text, at, text.len()).expect("a unit");
        assert_eq!(
            (&text[span.start..span.end], unit),
            ("COUNTRY DELEGATIONS", "country delegations")
        );
        assert_eq!(index.unit_at(text, at, at + "COUNTRY DEL".len()), None);
        let text = "Leaders of 35 Countries";
        let at = text.find("Countries").unwrap();
        assert_eq!(index.unit_at(text, at, text.len()).map(|(_, u)| u), Some("countries"));
    }
}
