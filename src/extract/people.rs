//! People, countries and places by name; titles before names; misspelt names.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::names::{Around, Cue, Named, Resolved, SharedMention, resolve};
use super::{Kind, Mention, Value, word_spans};
use crate::facts::titles::{JOINERS, TitleVocab};
use crate::facts::{AliasHit, EntityKind, FactBase, Index};
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
    /// A period cue follows the title ("the secretary of state under Pope
    /// Francis"): it was held then, not necessarily at publication.
    pub period: bool,
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

/// Whether a word can be part of a title: an office word or a nationality
/// form of the built-in lists, or a word of a title the fact base's roles
/// hold ("Cardinal", "CEO", "ceremonies").
pub(super) fn is_title_word(word: &str, vocab: &TitleVocab) -> bool {
    let key = nation_key(word);
    let titles = &lang().titles.words;
    titles.contains(&key)
        || key.split('-').all(|p| titles.contains(p))
        || NATION_WORDS.contains(key.as_str())
        || crate::gazetteer::is_country_word(&key)
        || vocab.has_word(&key)
}

/// Whether a word names an office: in the built-in list, or the head of a
/// title the fact base's roles hold ("prefect", "master", "ceo").
pub(super) fn is_office_word(word: &str, vocab: &TitleVocab) -> bool {
    let key = nation_key(word);
    let offices = &lang().titles.offices;
    offices.contains(&key) || key.split('-').any(|p| offices.contains(p)) || vocab.has_office(&key)
}

/// A word that ends in a possessive ("leader's"): it belongs to the noun
/// after it, so a title never ends on one.
fn is_possessive(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("\u{2019}s") || word.ends_with('\'') || word.ends_with('\u{2019}')
}

/// Whether `word` is a month name ("May", "June"): after a lower-case title
/// or before a day, it is a date, not a person called May (rule D304's
/// neighbour, see `entities`).
fn is_month(word: &str) -> bool {
    word.len() > 2 && crate::lexicon::month_number(word).is_some() && !word.ends_with('.')
}

/// The title that ends right before `at`, if the words there make one.
fn title_before(prose: &str, sentence: Span, at: usize, vocab: &TitleVocab) -> Option<Span> {
    let words = word_spans(prose, Span::new(sentence.start, at));
    let mut start = None;
    let mut end = at;
    for w in words.iter().rev() {
        // Only spaces between title words, or the full stop of "U.K.". Two
        // titles joined by "and" before a name are two claims at most: the
        // one next to the name is checked ("France and Ukraine's President").
        let gap_ok = prose[w.end..end].trim_start_matches('.').trim().is_empty();
        let word = &prose[w.start..w.end];
        if !gap_ok || !is_title_word(word, vocab) || matches!(word, "and" | "&") {
            break;
        }
        start = Some(w.start);
        end = w.start;
    }
    let start = start?;
    // Trim leading words that only join ("the", "of", "for").
    let words: Vec<Span> = word_spans(prose, Span::new(start, at));
    let first = words
        .iter()
        .position(|w| !JOINERS.contains(&nation_key(&prose[w.start..w.end]).as_str()))?;
    let last = words.last()?;
    let span = Span::new(words[first].start, last.end);
    words[first..]
        .iter()
        .any(|w| is_office_word(&prose[w.start..w.end], vocab))
        .then_some(span)
}

/// "Germany's chancellor, Friedrich Merz": a title set off by a comma before the name.
fn title_before_comma(prose: &str, sentence: Span, at: usize, vocab: &TitleVocab) -> Option<Span> {
    let head = prose[sentence.start..at].trim_end();
    let comma = sentence.start + head.strip_suffix(',')?.len();
    let title = title_before(prose, sentence, comma, vocab)?;
    // The title must end on its office ("chancellor"), not on a stray word.
    let last = word_spans(prose, title).pop()?;
    is_office_word(&prose[last.start..last.end], vocab).then_some(title)
}

/// Words that may follow a title in apposition ("Parolin, the secretary of
/// state under Pope Francis", "Huang, Nvidia's CEO, said"): a title followed
/// by any other lower-case word is the start of a longer noun phrase ("the
/// chief negotiators", "the US leader's son-in-law"), not a title.
fn closes_apposition(word: &str) -> bool {
    let w = word.to_lowercase();
    lang().titles.after.contains(&w) || lang().cues.speech_verbs.contains(&w)
}

/// "Emmanuel Macron, the French president": a title in apposition after the
/// name. Returns the title and whether a period cue follows it ("the
/// secretary of state under Pope Francis": held then, not necessarily now).
fn title_after(prose: &str, sentence: Span, at: usize, vocab: &TitleVocab) -> Option<(Span, bool)> {
    let rest = &prose[at..sentence.end];
    let after_comma = rest.strip_prefix(',')?;
    let start = at + 1 + (after_comma.len() - after_comma.trim_start().len());
    let words = word_spans(prose, Span::new(start, sentence.end));
    let text = |w: &Span| &prose[w.start..w.end];
    let mut i = 0;
    if words
        .first()
        .is_some_and(|w| matches!(text(w).to_lowercase().as_str(), "the" | "a" | "an"))
    {
        i = 1;
    }
    words.get(i)?;
    // The run of title words (joiners only between two of them), with only
    // spaces between; after an "of" that follows an office, capitalised words
    // too, the name of what the office is of ("of Nvidia Corp.").
    let mut run = i;
    let mut tail = false;
    let capitalised = |w: &Span| text(w).starts_with(char::is_uppercase);
    while run < words.len() {
        let w = &words[run];
        if run > i
            && !prose[words[run - 1].end..w.start]
                .trim_start_matches('.')
                .trim()
                .is_empty()
        {
            break;
        }
        let key = nation_key(text(w));
        let joiner = JOINERS.contains(&key.as_str());
        // "under Pope Francis" gives the title a period; it is no part of it.
        if lang().titles.period.contains(&key) {
            break;
        }
        if joiner && run > i {
            let opens_tail = matches!(key.as_str(), "of" | "for" | "at")
                && words[i..run].iter().any(|o| is_office_word(text(o), vocab));
            let next_ok = words.get(run + 1).is_some_and(|n| {
                prose[w.end..n.start].trim().is_empty()
                    && (is_title_word(text(n), vocab) || ((tail || opens_tail) && capitalised(n)))
            });
            if !next_ok {
                break;
            }
            tail |= opens_tail;
        } else if joiner || !(is_title_word(text(w), vocab) || (tail && capitalised(w))) {
            break;
        }
        run += 1;
    }
    if run == i {
        return None;
    }
    let mut run_words = &words[i..run];
    // A possessive belongs to the noun after it: "the US leader's son-in-law"
    // is no title, and in "the US leader's envoy" the title is "envoy" (a
    // country's possessive stays: "Ukraine's president").
    if run_words.last().is_some_and(|w| is_possessive(text(w))) {
        return None;
    }
    if let Some(p) = run_words
        .iter()
        .rposition(|w| is_possessive(text(w)) && crate::lexicon::nation_code(text(w)).is_none())
    {
        run_words = &run_words[p + 1..];
    }
    // The title is named by its last office word; after it only an "of ..."
    // tail may follow ("founder and CEO of Nvidia").
    let office = run_words.iter().rposition(|w| is_office_word(text(w), vocab))?;
    let tail = &run_words[office + 1..];
    if let Some(first) = tail.first()
        && !matches!(nation_key(text(first)).as_str(), "of" | "for" | "at")
    {
        return None;
    }
    let end = *run_words.last()?;
    let span = Span::new(run_words[0].start, end.end);
    // "Macron, Ukrainian President Volodymyr Zelenskyy": a title followed by a
    // name belongs to that name, not in apposition to the one before.
    let next = prose[end.end..sentence.end].trim_start();
    let next_word = word_spans(prose, Span::new(sentence.end - next.len(), sentence.end))
        .first()
        .map(|w| &prose[w.start..w.end]);
    let punctuation = next.is_empty() || next.starts_with([',', '.', ';', ':', ')', '\u{2014}', '\u{2013}']);
    let closes = punctuation || next_word.is_some_and(|w| next.starts_with(w) && closes_apposition(w));
    let period = next_word.is_some_and(|w| !punctuation && lang().titles.period.contains(w.to_lowercase()));
    closes.then_some((span, period))
}

/// Every known entity named in the sentence, with titles attached to people;
/// and the names several entities share that nothing decided (see
/// [`super::names`]). `named` remembers who the article has named so far.
pub(super) fn entities(around: &Around<'_>, named: &mut Named) -> (Vec<EntityMention>, Vec<SharedMention>) {
    let (prose, sentence, base, index) = (around.prose, around.sentence, around.base, around.index);
    let vocab = &index.titles;
    // The title around a span, found once for all the people of one spelling.
    let mut last_title: Option<(Span, (Option<Span>, bool))> = None;
    let mut title_of = |span: Span| -> (Option<Span>, bool) {
        if let Some((at, found)) = last_title
            && at == span
        {
            return found;
        }
        let found = title_before(prose, sentence, span.start, vocab)
            .or_else(|| title_before_comma(prose, sentence, span.start, vocab))
            .map(|t| (Some(t), false))
            .or_else(|| title_after(prose, sentence, span.end, vocab).map(|(t, p)| (Some(t), p)))
            .unwrap_or((None, false));
        last_title = Some((span, found));
        found
    };
    // The possessive before a lead, found once for all the people of one spelling.
    let mut last_possessive: Option<(usize, Option<Span>)> = None;
    let mut possessive_of = |lead: usize| -> Option<Span> {
        if let Some((at, found)) = last_possessive
            && at == lead
        {
            return found;
        }
        let found = possessive_before(prose, sentence, lead);
        last_possessive = Some((lead, found));
        found
    };
    let mut mention_of = |hit: AliasHit| -> Option<EntityMention> {
        let entity = &base.entities[hit.entity];
        let person = entity.kind == EntityKind::Person;
        let written = &prose[hit.span.start..hit.span.end];
        // "the 267th pope May 8": a month name before a day is a date, not Elizabeth May.
        let after = prose[hit.span.end..sentence.end].trim_start();
        if person && is_month(written) && after.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        // An alias that opens with a title of the person's roles ("Cardinal
        // Prevost", "Pope Leo XIV"): the title is checked like one written
        // before the name.
        let mut span = hit.span;
        if person && !entity.roles.is_empty() {
            let inner = word_spans(prose, hit.span);
            let lead = inner
                .iter()
                .take_while(|w| is_title_word(&prose[w.start..w.end], vocab))
                .count();
            if lead > 0
                && lead < inner.len()
                && inner[..lead]
                    .iter()
                    .any(|w| is_office_word(&prose[w.start..w.end], vocab))
            {
                span = Span::new(inner[lead].start, hit.span.end);
            }
        }
        let (title, period) = if person { title_of(span) } else { (None, false) };
        // "pope May": a lower-case title before a month name is no person's.
        if person
            && is_month(&prose[span.start..span.end])
            && title.is_some_and(|t| prose[t.start..].starts_with(char::is_lowercase))
        {
            return None;
        }
        let lead = title.map_or(span.start, |t| t.start.min(span.start));
        let possessive = person.then(|| possessive_of(lead)).flatten();
        Some(EntityMention {
            entity: hit.entity,
            span,
            title,
            possessive,
            period,
            sentence,
        })
    };
    // The hits of one spelling are side by side, one per entity that has it.
    let hits = index.aliases_in(prose, sentence);
    let groups: Vec<&[AliasHit]> = hits.chunk_by(|a, b| a.span == b.span).collect();
    // Places named by a spelling of their own: an occasion's place (see `names`).
    let places: Vec<usize> = groups
        .iter()
        .filter(|g| g.len() == 1 && matches!(base.entities[g[0].entity].kind, EntityKind::Place | EntityKind::Country))
        .map(|g| g[0].entity)
        .collect();
    let around = Around {
        places: &places,
        ..*around
    };
    let mut out: Vec<EntityMention> = Vec::new();
    let mut shared: Vec<SharedMention> = Vec::new();
    for group in groups {
        let found: Vec<EntityMention> = group.iter().filter_map(|&h| mention_of(h)).collect();
        if let [one] = found.as_slice() {
            named.insert(one.entity);
            out.push(*one);
            continue;
        }
        if found.is_empty() {
            continue;
        }
        match resolve(&around, &found, named) {
            Resolved::One(m, cue) => {
                // A first name or a title names the person as well as a
                // spelling of their own: a later bare surname is theirs.
                if matches!(cue, Cue::GivenName | Cue::Title) {
                    named.insert(m.entity);
                }
                out.push(m);
            }
            Resolved::Nobody => {}
            Resolved::Shared(m) => shared.push(m),
        }
    }
    // "UK" in "UK Prime Minister Keir Starmer" and "Ukraine" in "Ukraine's
    // Volodymyr Zelensky" belong to the person, not mentions of their own.
    let prefixes: Vec<Span> = out
        .iter()
        .filter(|m| m.full().start < m.span.start)
        .map(|m| Span::new(m.full().start, m.span.start))
        .chain(
            shared
                .iter()
                .filter(|m| m.full().start < m.span.start)
                .map(|m| Span::new(m.full().start, m.span.start)),
        )
        .collect();
    out.retain(|m| !prefixes.iter().any(|t| t.contains(m.span)));
    shared.retain(|m| !prefixes.iter().any(|t| t.contains(m.span)));
    (out, shared)
}

/// A role claim for each titled person, known or not.
pub(super) fn roles(
    prose: &str,
    sentence: Span,
    entities: &[EntityMention],
    shared: &[SharedMention],
    base: &FactBase,
    index: &Index,
    out: &mut Vec<Mention>,
) {
    let vocab = &index.titles;
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
                ever: m.period,
                shared: Vec::new(),
            },
        });
    }
    // A title before a name several people share, that the title did not
    // decide ("Chancellor Johnson"): unverifiable, naming them (U016).
    for m in shared {
        let Some(title) = m.title else { continue };
        out.push(Mention {
            kind: Kind::Role,
            span: m.full(),
            sentence,
            value: Value::Role {
                entity: None,
                title: prose[title.start..title.end].to_owned(),
                name: prose[m.span.start..m.span.end].to_owned(),
                title_span: title,
                ever: m.period,
                shared: m.candidates.clone(),
            },
        });
    }
    // Titled people the fact base does not know: "NATO Secretary General Mark Rutte".
    let words = word_spans(prose, sentence);
    let capital = |w: &Span| {
        let s = &prose[w.start..w.end];
        s.starts_with(char::is_uppercase)
            && s.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'')
            && !is_title_word(s, vocab)
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
        let known = entities.iter().any(|m| m.full().overlaps(name)) || shared.iter().any(|m| m.full().overlaps(name));
        if (2..=3).contains(&count)
            && !known
            && let Some(title) = title_before(prose, sentence, name.start, vocab)
            && prose[title.start..].starts_with(char::is_uppercase)
        {
            // "German Chancellor Friedrich Mertz": a misspelt known person keeps the title check.
            let written = &prose[name.start..name.end];
            // "French cardinal Dominique Mamberti": the lower-case title kept
            // the alias "Cardinal Dominique Mamberti" from matching, so the
            // name is looked up on its own.
            let entity =
                exact_full_name(written, index).or_else(|| near_full_name(written, base, index).map(|(e, _)| e));
            out.push(Mention {
                kind: Kind::Role,
                span: title.cover(name),
                sentence,
                value: Value::Role {
                    entity,
                    title: prose[title.start..title.end].to_owned(),
                    name: prose[name.start..name.end].to_owned(),
                    title_span: title,
                    ever: false,
                    shared: Vec::new(),
                },
            });
        }
        i = j + 1;
    }
}

/// The known person whose full name (or alias of two words or more) is
/// exactly `written`.
fn exact_full_name(written: &str, index: &Index) -> Option<usize> {
    let w = deunicode::deunicode(written).to_lowercase();
    index
        .full_name_candidates(&w)
        .find(|(_, _, f)| *f == w)
        .map(|(e, _, _)| e)
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
            // "Steven Witkoff" for "Steve Witkoff": a longer form of the given name.
            let (wf, ff) = (w.split(' ').next().unwrap_or(""), f.split(' ').next().unwrap_or(""));
            let same_name = wf != ff && same_given_name(wf, ff) && w[wf.len()..] == f[ff.len()..];
            // Each word written differently must be able to misspell a name.
            let words_may = w.split(' ').zip(f.split(' ')).all(|(a, b)| a == b || may_misspell(a));
            d > 0 && d <= 2 && words_near && !same_name && words_may
        })
        .min_by_key(|(i, _, f)| (strsim::damerau_levenshtein(&w, f), *i))
        .and_then(|(i, k, _)| Some((i, base.entities[i].spellings().nth(k)?)))
}

/// Whether two given names (lower case, folded) are one name: the same, a
/// longer form of a name of four letters or more ("steve", "steven"), or
/// forms of one name in the word lists (`names.forms`: "jon", "john").
pub(super) fn same_given_name(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    a == b || (short.chars().count() >= 4 && long.starts_with(short)) || lang().names.same(a, b)
}

/// Whether a written word can be a misspelling of a name at all: a common
/// English word ("Change" for "Chang") never is.
pub(super) fn may_misspell(word: &str) -> bool {
    !crate::lexicon::is_common_word(word)
}

/// Edit distance allowed for a near-miss of a word this long.
pub(super) fn near(a: &str, b: &str) -> bool {
    let d = strsim::damerau_levenshtein(a, b);
    d > 0 && d <= if b.chars().count() >= 8 { 2 } else { 1 }
}

/// Misspelt known names: "Kier Starmer", "Emanuel Macron", "Zelenski".
pub(super) fn near_misses(
    prose: &str,
    sentence: Span,
    entities: &[EntityMention],
    shared: &[SharedMention],
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
        // A capitalised word before a known surname is a given name, unless it
        // makes a title ("Georgia Meloni" is Giorgia misspelt; "Prime Minister
        // Meloni" is not).
        let titled = m.title.is_some() || is_office_word(word, &index.titles);
        if prose[prev.end..m.span.start] != *" " || !word.starts_with(char::is_uppercase) || titled {
            continue;
        }
        let full = entity.spellings().find(|s| {
            let parts: Vec<&str> = s.split_whitespace().collect();
            parts.len() >= 2 && fold(parts[parts.len() - 1]) == fold(written)
        });
        let Some(full) = full else { continue };
        let first = full.split_whitespace().next().unwrap_or("");
        let (given, right) = (fold(word), fold(first));
        if given != right && near(&given, &right) && !same_given_name(&given, &right) && may_misspell(word) {
            out.push(Mention {
                kind: Kind::Name,
                span: Span::new(prev.start, m.span.end),
                sentence,
                value: Value::Name {
                    entity: m.entity,
                    found: format!("{word} {written}"),
                    expected: format!("{first} {written}"),
                    others: Vec::new(),
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
            || shared.iter().any(|m| m.span.overlaps(span))
            || out.iter().any(|m| m.kind == Kind::Name && m.span.overlaps(span))
        {
            continue;
        }
        if let Some((entity, right)) = near_full_name(written, base, index) {
            // Others of the very same full name ("John Smith" twice).
            let folded = fold(right);
            let mut others: Vec<usize> = index
                .full_name_candidates(&folded)
                .filter(|(e, _, f)| *e != entity && *f == folded)
                .map(|(e, _, _)| e)
                .collect();
            others.dedup();
            out.push(Mention {
                kind: Kind::Name,
                span,
                sentence,
                value: Value::Name {
                    entity,
                    found: written.to_owned(),
                    expected: right.to_owned(),
                    others,
                },
            });
        }
    }
    // A surname written wrong on its own.
    let covered: Vec<Span> = entities
        .iter()
        .map(|m| m.full())
        .chain(shared.iter().map(|m| m.full()))
        .collect();
    for w in word_spans(prose, sentence) {
        let word = &prose[w.start..w.end];
        if word.chars().count() < 6
            || !word.starts_with(char::is_uppercase)
            || !word.chars().all(char::is_alphabetic)
            || covered.iter().any(|c| c.overlaps(w))
            || out.iter().any(|m| m.kind == Kind::Name && m.span.overlaps(w))
            || !may_misspell(word)
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
            // "Jonson" misspells "Johnson" whichever Johnson is meant: the
            // people who share the spelling are named together (U016's kin).
            let others: Vec<usize> = index
                .name_word_candidates(name)
                .filter(|(n, e)| n == name && e != entity && base.entities[*e].kind == EntityKind::Person)
                .map(|(_, e)| *e)
                .collect();
            out.push(Mention {
                kind: Kind::Name,
                span: w,
                sentence,
                value: Value::Name {
                    entity: *entity,
                    found: word.to_owned(),
                    expected,
                    others,
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
        period: false,
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
