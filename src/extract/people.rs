//! People, countries and places by name; titles before names; misspelt names.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::{Kind, Mention, Value, word_spans};
use crate::facts::{EntityKind, FactBase, Index};
use crate::lexicon::{lang, nation_code, nation_key};
use crate::span::Span;

/// A known entity named in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntityMention {
    pub entity: usize,
    /// The name or alias as written.
    pub span: Span,
    /// The title written before it ("UK Prime Minister"), if any.
    pub title: Option<Span>,
    /// A country's possessive before it ("Ukraine's Volodymyr Zelensky").
    pub possessive: Option<Span>,
    pub sentence: Span,
}

impl EntityMention {
    /// Possessive, title and name together.
    pub fn full(&self) -> Span {
        let with_title = self.title.map_or(self.span, |t| t.cover(self.span));
        self.possessive.map_or(with_title, |p| p.cover(with_title))
    }
}

/// "Ukraine's" or "France’s" right before `at`.
fn possessive_before(prose: &str, sentence: Span, at: usize) -> Option<Span> {
    let w = *word_spans(prose, Span::new(sentence.start, at)).last()?;
    let word = &prose[w.start..w.end];
    let is_possessive = word.ends_with("'s") || word.ends_with("\u{2019}s");
    (is_possessive && prose[w.end..at].trim().is_empty() && nation_code(word).is_some()).then_some(w)
}

/// Every word of every nationality form ("united", "kingdom", "french"), for [`is_title_word`].
static NATION_WORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| lang().nations.keys().flat_map(|n| n.split(' ')).collect());

/// Whether a word can be part of a title: an office word or a nationality form.
fn is_title_word(word: &str) -> bool {
    let key = nation_key(word);
    let titles = &lang().titles.words;
    titles.contains(&key)
        || key.split('-').all(|p| titles.contains(p))
        || NATION_WORDS.contains(key.as_str())
        || crate::gazetteer::is_country_word(&key)
}

fn is_office_word(word: &str) -> bool {
    let key = nation_key(word);
    let offices = &lang().titles.offices;
    offices.contains(&key) || key.split('-').any(|p| offices.contains(p))
}

/// The title that ends right before `at`, if the words there make one.
fn title_before(prose: &str, sentence: Span, at: usize) -> Option<Span> {
    let words = word_spans(prose, Span::new(sentence.start, at));
    let mut start = None;
    let mut end = at;
    for w in words.iter().rev() {
        // Only spaces between title words, or the full stop of "U.K.".
        let gap_ok = prose[w.end..end].trim_start_matches('.').trim().is_empty();
        if !gap_ok || !is_title_word(&prose[w.start..w.end]) {
            break;
        }
        start = Some(w.start);
        end = w.start;
    }
    let start = start?;
    // Trim leading words that only join ("the", "of").
    let words: Vec<Span> = word_spans(prose, Span::new(start, at));
    let first = words
        .iter()
        .position(|w| !matches!(nation_key(&prose[w.start..w.end]).as_str(), "the" | "of"))?;
    let last = words.last()?;
    let span = Span::new(words[first].start, last.end);
    words[first..]
        .iter()
        .any(|w| is_office_word(&prose[w.start..w.end]))
        .then_some(span)
}

/// "Germany's chancellor, Friedrich Merz": a title set off by a comma before the name.
fn title_before_comma(prose: &str, sentence: Span, at: usize) -> Option<Span> {
    let head = prose[sentence.start..at].trim_end();
    let comma = sentence.start + head.strip_suffix(',')?.len();
    let title = title_before(prose, sentence, comma)?;
    // The title must end on its office ("chancellor"), not on a stray word.
    let last = word_spans(prose, title).pop()?;
    is_office_word(&prose[last.start..last.end]).then_some(title)
}

/// "Emmanuel Macron, the French president": a title in apposition after the name.
fn title_after(prose: &str, sentence: Span, at: usize) -> Option<Span> {
    let rest = &prose[at..sentence.end];
    let after_comma = rest.strip_prefix(',')?;
    let start = at + 1 + (after_comma.len() - after_comma.trim_start().len());
    let words = word_spans(prose, Span::new(start, sentence.end));
    let mut i = 0;
    if words
        .first()
        .is_some_and(|w| prose[w.start..w.end].eq_ignore_ascii_case("the"))
    {
        i = 1;
    }
    let first = *words.get(i)?;
    let mut end = None;
    for (k, w) in words.iter().enumerate().skip(i) {
        let gap_ok = k == i || prose[words[k - 1].end..w.start].trim().is_empty();
        if !gap_ok || !is_title_word(&prose[w.start..w.end]) {
            break;
        }
        end = Some(*w);
    }
    let end = end?;
    let span = Span::new(first.start, end.end);
    let last_is_office = is_office_word(&prose[end.start..end.end]);
    // "Macron, Ukrainian President Volodymyr Zelenskyy": a title followed by a
    // name belongs to that name, not in apposition to the one before.
    let next = prose[end.end..sentence.end].trim_start();
    let closes = next.is_empty() || next.starts_with([',', '.', ';', ':', ')']) || next.starts_with(char::is_lowercase);
    (last_is_office && closes).then_some(span)
}

/// Every known entity named in the sentence, with titles attached to people.
pub(super) fn entities(prose: &str, sentence: Span, base: &FactBase, index: &Index) -> Vec<EntityMention> {
    let mut out: Vec<EntityMention> = index
        .aliases_in(prose, sentence)
        .into_iter()
        .map(|hit| {
            let person = base.entities[hit.entity].kind == EntityKind::Person;
            let title = person
                .then(|| {
                    title_before(prose, sentence, hit.span.start)
                        .or_else(|| title_before_comma(prose, sentence, hit.span.start))
                        .or_else(|| title_after(prose, sentence, hit.span.end))
                })
                .flatten();
            let lead = title.map_or(hit.span.start, |t| t.start);
            let possessive = person.then(|| possessive_before(prose, sentence, lead)).flatten();
            EntityMention {
                entity: hit.entity,
                span: hit.span,
                title,
                possessive,
                sentence,
            }
        })
        .collect();
    // "UK" in "UK Prime Minister Keir Starmer" and "Ukraine" in "Ukraine's
    // Volodymyr Zelensky" belong to the person, not mentions of their own.
    let prefixes: Vec<Span> = out
        .iter()
        .filter(|m| m.full() != m.span)
        .map(|m| Span::new(m.full().start, m.span.start))
        .collect();
    out.retain(|m| !prefixes.iter().any(|t| t.contains(m.span)));
    out
}

/// A role claim for each titled person, known or not.
pub(super) fn roles(
    prose: &str,
    sentence: Span,
    entities: &[EntityMention],
    base: &FactBase,
    index: &Index,
    out: &mut Vec<Mention>,
) {
    for m in entities {
        let Some(title) = m.title else { continue };
        out.push(Mention {
            kind: Kind::Role,
            span: m.full(),
            sentence,
            value: Value::Role {
                entity: Some(m.entity),
                title: prose[title.start..title.end].to_owned(),
                name: prose[m.span.start..m.span.end].to_owned(),
                title_span: title,
            },
        });
    }
    // Titled people the fact base does not know: "NATO Secretary General Mark Rutte".
    let words = word_spans(prose, sentence);
    let capital = |w: &Span| {
        let s = &prose[w.start..w.end];
        s.starts_with(char::is_uppercase)
            && s.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'')
            && !is_title_word(s)
    };
    let mut i = 0;
    while i < words.len() {
        if !capital(&words[i]) || (i > 0 && capital(&words[i - 1])) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < words.len() && capital(&words[j + 1]) && prose[words[j].end..words[j + 1].start].trim().is_empty()
        {
            j += 1;
        }
        let name = Span::new(words[i].start, words[j].end);
        let count = j - i + 1;
        let known = entities.iter().any(|m| m.full().overlaps(name));
        if (2..=3).contains(&count)
            && !known
            && let Some(title) = title_before(prose, sentence, name.start)
            && prose[title.start..].starts_with(char::is_uppercase)
        {
            // "German Chancellor Friedrich Mertz": a misspelt known person keeps the title check.
            let written = &prose[name.start..name.end];
            let entity = near_full_name(written, base, index).map(|(e, _)| e);
            out.push(Mention {
                kind: Kind::Role,
                span: title.cover(name),
                sentence,
                value: Value::Role {
                    entity,
                    title: prose[title.start..title.end].to_owned(),
                    name: prose[name.start..name.end].to_owned(),
                    title_span: title,
                },
            });
        }
        i = j + 1;
    }
}

/// The known person whose full name ("Friedrich Merz") `written` ("Friedrich
/// Mertz") misspells, with the right spelling.
fn near_full_name<'a>(written: &str, base: &'a FactBase, index: &Index) -> Option<(usize, &'a str)> {
    let fold = |s: &str| deunicode::deunicode(s).to_lowercase();
    let w = fold(written);
    // Only names whose last word is within one edit of the written one can pass.
    index
        .full_name_candidates(&w)
        .filter(|(_, _, f)| {
            let d = strsim::damerau_levenshtein(&w, f);
            // Each word near its counterpart: "Friedrich Mertz", not "Friedrich Ebert".
            let words_near = w.split(' ').count() == f.split(' ').count()
                && w.split(' ')
                    .zip(f.split(' '))
                    .all(|(a, b)| strsim::damerau_levenshtein(a, b) <= 1);
            d > 0 && d <= 2 && words_near
        })
        .min_by_key(|(i, _, f)| (strsim::damerau_levenshtein(&w, f), *i))
        .and_then(|(i, k, _)| Some((i, base.entities[i].spellings().nth(k)?)))
}

/// Edit distance allowed for a near-miss of a word this long.
fn near(a: &str, b: &str) -> bool {
    let d = strsim::damerau_levenshtein(a, b);
    d > 0 && d <= if b.chars().count() >= 8 { 2 } else { 1 }
}

/// Misspelt known names: "Kier Starmer", "Emanuel Macron", "Zelenski".
pub(super) fn near_misses(
    prose: &str,
    sentence: Span,
    entities: &[EntityMention],
    base: &FactBase,
    index: &Index,
    out: &mut Vec<Mention>,
) {
    let fold = |s: &str| deunicode::deunicode(s).to_lowercase();
    // A first name written wrong before a correctly written surname.
    for m in entities {
        let entity = &base.entities[m.entity];
        let written = &prose[m.span.start..m.span.end];
        if entity.kind != EntityKind::Person || written.contains(' ') {
            continue;
        }
        let Some(prev) = word_spans(prose, Span::new(sentence.start, m.span.start)).pop() else {
            continue;
        };
        let word = &prose[prev.start..prev.end];
        if prose[prev.end..m.span.start] != *" " || !word.starts_with(char::is_uppercase) || is_title_word(word) {
            continue;
        }
        let full = entity.spellings().find(|s| {
            let parts: Vec<&str> = s.split_whitespace().collect();
            parts.len() >= 2 && fold(parts[parts.len() - 1]) == fold(written)
        });
        let Some(full) = full else { continue };
        let first = full.split_whitespace().next().unwrap_or("");
        if fold(first) != fold(word) && near(&fold(word), &fold(first)) {
            out.push(Mention {
                kind: Kind::Name,
                span: Span::new(prev.start, m.span.end),
                sentence,
                value: Value::Name {
                    entity: m.entity,
                    found: format!("{word} {written}"),
                    expected: format!("{first} {written}"),
                },
            });
        }
    }
    // A whole name written wrong: "Friedrich Mertz", "Giorgia Melloni".
    let words = word_spans(prose, sentence);
    for pair in words.windows(2) {
        let span = Span::new(pair[0].start, pair[1].end);
        let written = &prose[span.start..span.end];
        let capitalised = pair
            .iter()
            .all(|w| prose[w.start..w.end].starts_with(char::is_uppercase));
        if !capitalised
            || prose[pair[0].end..pair[1].start] != *" "
            || entities.iter().any(|m| m.span.overlaps(span))
            || out.iter().any(|m| m.kind == Kind::Name && m.span.overlaps(span))
        {
            continue;
        }
        if let Some((entity, right)) = near_full_name(written, base, index) {
            out.push(Mention {
                kind: Kind::Name,
                span,
                sentence,
                value: Value::Name {
                    entity,
                    found: written.to_owned(),
                    expected: right.to_owned(),
                },
            });
        }
    }
    // A surname written wrong on its own.
    let covered: Vec<Span> = entities.iter().map(|m| m.full()).collect();
    for w in word_spans(prose, sentence) {
        let word = &prose[w.start..w.end];
        if word.chars().count() < 6
            || !word.starts_with(char::is_uppercase)
            || !word.chars().all(char::is_alphabetic)
            || covered.iter().any(|c| c.overlaps(w))
            || out.iter().any(|m| m.kind == Kind::Name && m.span.overlaps(w))
        {
            continue;
        }
        let folded = fold(word);
        let best = index
            .name_word_candidates(&folded)
            .filter(|(n, e)| base.entities[*e].kind == EntityKind::Person && n.chars().next() == folded.chars().next())
            .filter(|(n, _)| near(&folded, n))
            .min_by_key(|(n, _)| (strsim::damerau_levenshtein(&folded, n), n.clone()));
        if let Some((name, entity)) = best {
            let expected = base.entities[*entity]
                .spellings()
                .flat_map(str::split_whitespace)
                .find(|s| fold(s) == *name)
                .unwrap_or(name)
                .to_owned();
            out.push(Mention {
                kind: Kind::Name,
                span: w,
                sentence,
                value: Value::Name {
                    entity: *entity,
                    found: word.to_owned(),
                    expected,
                },
            });
        }
    }
}

/// Countries written as something else: a capital standing for its
/// government ("Washington will lead", "London and Paris pledged") or a
/// people ("the Germans and the French have pledged"). Each is a mention of
/// the fact base's own entity for that country; only facts whose members are
/// countries read them (see `link::sets`), so "a summit in Paris" stays a place.
pub(super) fn stand_ins(
    prose: &str,
    sentence: Span,
    entities: &[EntityMention],
    base: &FactBase,
    index: &Index,
) -> Vec<EntityMention> {
    let country_entity = |code: &str| -> Option<usize> {
        let c = crate::gazetteer::countries().iter().find(|c| c.code == code)?;
        index
            .aliases_in(&c.name, Span::new(0, c.name.len()))
            .into_iter()
            .find(|h| h.span.len() == c.name.len() && base.entities[h.entity].kind == EntityKind::Country)
            .map(|h| h.entity)
    };
    let mention = |entity: usize, span: Span| EntityMention {
        entity,
        span,
        title: None,
        possessive: None,
        sentence,
    };
    // "Leaders in Paris agreed ...": after a preposition a capital is where, not who.
    let located = |m: &EntityMention| {
        word_spans(prose, Span::new(sentence.start, m.span.start))
            .last()
            .is_some_and(|w| PLACE_PREPOSITIONS.contains(&prose[w.start..w.end].to_lowercase().as_str()))
    };
    let mut out: Vec<EntityMention> = entities
        .iter()
        .filter(|m| base.entities[m.entity].kind == EntityKind::Place && m.full() == m.span && !located(m))
        .filter_map(|m| {
            let name = &prose[m.span.start..m.span.end];
            // "Brussels" stands for the European Union far more often than for Belgium.
            if name == "Brussels" {
                return None;
            }
            let code = crate::gazetteer::capital_of(name)?;
            Some(mention(country_entity(code)?, m.span))
        })
        .collect();
    let words = word_spans(prose, sentence);
    for (i, w) in words.iter().enumerate() {
        let word = &prose[w.start..w.end];
        if !word.starts_with(char::is_uppercase) || i == 0 {
            continue;
        }
        if !prose[words[i - 1].start..words[i - 1].end].eq_ignore_ascii_case("the")
            || entities.iter().any(|m| m.full().overlaps(*w))
        {
            continue;
        }
        // "the Germans", "the French": a people, not "the French President".
        let next = words.get(i + 1).map(|n| prose[n.start..n.end].to_lowercase());
        let between = words
            .get(i + 1)
            .map_or(&prose[w.end..sentence.end], |n| &prose[w.end..n.start]);
        let ends_here = next.is_none() || between.contains([',', ';', ':', '.', ')']);
        if !ends_here && !next.as_deref().is_some_and(|n| PEOPLE_FOLLOWERS.contains(&n)) {
            continue;
        }
        let Some(code) = crate::gazetteer::people_of(word) else {
            continue;
        };
        if let Some(e) = country_entity(code) {
            out.push(mention(e, *w));
        }
    }
    out.sort_by_key(|m| m.span.start);
    out
}

/// Words before a place that make it a location ("in Paris"), not an actor.
const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "at", "from", "to", "near", "outside", "around", "across", "via", "into", "through", "of", "for", "toward",
    "towards",
];

/// Words that may follow a people named as actors ("the French have pledged").
const PEOPLE_FOLLOWERS: &[&str] = &[
    "and", "or", "have", "has", "had", "will", "would", "are", "were", "also", "did", "do", "pledged", "promised",
    "agreed", "signed", "said", "together", "both",
];
