//! Quotations and who said them.
//!
//! A quotation is a claim when a speech verb attributes it to someone and it
//! is long enough to be a statement ([`MIN_WORDS`] words or more), or when it
//! is a true excerpt of a quote on record (two words or more). Its speaker is
//! the subject of the speech verb that governs it ("Witkoff said Trump
//! "strongly backs" the protocols" quotes Witkoff), never merely the nearest
//! name. Names and labels in quotation marks ("the so-called "Multinational
//! Force for Ukraine"") and short fragments are not claims.

use super::{EntityMention, Kind, Mention, SharedMention, Value, word_spans};
use crate::article::Article;
use crate::facts::{EntityKind, FactBase, Index};
use crate::lexicon::lang;
use crate::span::Span;

/// Pairs of opening and closing marks, as (open, close).
const MARKS: &[(char, char)] = &[
    ('\u{201c}', '\u{201d}'),
    ('"', '"'),
    ('\u{2018}', '\u{2019}'),
    ('\u{ab}', '\u{bb}'),
];

/// Words a comparison sees: lower case, no punctuation, one list per
/// stretch between ellipses or bracketed insertions.
pub fn quote_segments(text: &str) -> Vec<Vec<String>> {
    let mut segments = vec![Vec::new()];
    let mut cleaned = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '[' => {
                depth += 1;
                cleaned.push('\u{1}');
            }
            ']' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            '\u{2026}' => cleaned.push('\u{1}'),
            _ => cleaned.push(c),
        }
    }
    let cleaned = cleaned.replace("...", "\u{1}");
    let mut word = String::new();
    let flush = |word: &mut String, segments: &mut Vec<Vec<String>>| {
        let w = word.trim_matches(|c: char| c == '\'' || c == '-').to_lowercase();
        if !w.is_empty() {
            segments.last_mut().expect("one segment").push(w);
        }
        word.clear();
    };
    for c in cleaned.chars() {
        if c == '\u{1}' {
            flush(&mut word, &mut segments);
            if !segments.last().expect("one segment").is_empty() {
                segments.push(Vec::new());
            }
        } else if c.is_alphanumeric() || c == '\'' || c == '\u{2019}' || c == '-' {
            word.push(if c == '\u{2019}' { '\'' } else { c });
        } else {
            flush(&mut word, &mut segments);
        }
    }
    flush(&mut word, &mut segments);
    segments.retain(|s| !s.is_empty());
    segments
}

/// Whether every segment of `quote` appears, in order, in `record`.
pub fn is_excerpt(quote: &[Vec<String>], record: &[String]) -> bool {
    let mut from = 0;
    for seg in quote {
        let Some(i) = (from..=record.len().saturating_sub(seg.len()))
            .find(|&i| record.len() >= seg.len() && record[i..i + seg.len()] == seg[..])
        else {
            return false;
        };
        from = i + seg.len();
    }
    !quote.is_empty()
}

/// Quotations in one block, as spans of their inner text.
fn quotations(prose: &str, block: Span) -> Vec<Span> {
    let text = &prose[block.start..block.end];
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let Some(&(_, close)) = MARKS.iter().find(|(o, _)| *o == c) else {
            continue;
        };
        // A single curly quote opens only at the start of a word.
        if c == '\u{2018}' && text[..i].chars().next_back().is_some_and(char::is_alphanumeric) {
            continue;
        }
        let inner_start = i + c.len_utf8();
        let mut end = None;
        for (j, d) in text[inner_start..].char_indices() {
            let next = text[inner_start + j + d.len_utf8()..].chars().next();
            if d == close && !(close == '\u{2019}' && next.is_some_and(char::is_alphanumeric)) {
                end = Some(inner_start + j);
                break;
            }
        }
        let Some(end) = end else { continue };
        let inner = Span::new(block.start + inner_start, block.start + end);
        let trimmed_start =
            inner.start + (prose[inner.start..inner.end].len() - prose[inner.start..inner.end].trim_start().len());
        // American style puts the sentence's comma inside the marks: not part of the quote.
        let trimmed_end = inner.start
            + prose[inner.start..inner.end]
                .trim_end_matches([',', ' ', ':', ';'])
                .len();
        if trimmed_start < trimmed_end {
            out.push(Span::new(trimmed_start, trimmed_end));
        }
        // Skip past the closing mark.
        while chars.peek().is_some_and(|&(k, _)| k <= end) {
            chars.next();
        }
    }
    out
}

const PRONOUNS: &[&str] = &["he", "she", "He", "She"];

/// Fewer words than this and a quotation is a fragment: a claim only when it
/// is, word for word, part of a quote on record (rules D401, U008, U015).
pub const MIN_WORDS: usize = 6;

/// Fewer words than this and a quotation is never a claim, even on record
/// ("break"): one word says nothing about who said what.
pub const MIN_EXCERPT: usize = 2;

/// Who a quotation is attributed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Said {
    /// A known person, and where the sentence names them (None for "he said").
    By(usize, Option<Span>),
    /// A speech verb gives the words to someone the fact base does not know
    /// ("a resident said", "Poonam Patni told AFP"), or to "he" after a
    /// sentence that names two people.
    Stranger,
    /// Nothing says whose words they are.
    Unknown,
}

fn is_speech_verb(word: &str) -> bool {
    let w = word.to_lowercase();
    lang().cues.speech_verbs.contains(&w) || lang().quotes.verbs.contains(&w)
}

/// Whether the text between a speaker and the verb keeps them together:
/// spaces, an appositive between commas ("Macron, in a statement, said"), or
/// a few words such as "also" or "later".
fn joins_speaker(gap: &str) -> bool {
    let t = gap.trim();
    if t.is_empty() {
        return true;
    }
    // "Starmer, who has staked a good deal on the plan, later told".
    let t = match t
        .strip_prefix(',')
        .and_then(|r| r.rfind(',').map(|i| (&r[..i], &r[i + 1..])))
    {
        Some((apposition, rest)) if apposition.split_whitespace().count() <= 15 => rest.trim(),
        _ => t,
    };
    let words: Vec<&str> = t.trim_matches(',').split_whitespace().collect();
    words.len() <= 3 && words.iter().all(|w| lang().quotes.between.contains(w.to_lowercase()))
}

/// "A so-called "Multinational Force for Ukraine"", "the "Coalition of the
/// Willing"", a plan "dubbed the Paris Declaration": a name or a label in
/// quotation marks, not anyone's words. `title_case` is whether a phrase in
/// title case counts (not for words on record).
fn is_label(prose: &str, inner: Span, sentence: Span, title_case: bool) -> bool {
    let labels = &lang().quotes.labels;
    let text = prose[inner.start..inner.end].to_lowercase();
    if labels.iter().any(|l| text.starts_with(&format!("{l} "))) {
        return true;
    }
    let before: Vec<String> = word_spans(prose, Span::new(sentence.start.min(inner.start), inner.start))
        .iter()
        .rev()
        .map(|w| prose[w.start..w.end].to_lowercase())
        .skip_while(|w| matches!(w.as_str(), "the" | "a" | "an"))
        .take(2)
        .collect();
    let cue = |n: usize| {
        before
            .get(..n)
            .map(|w| w.iter().rev().cloned().collect::<Vec<_>>().join(" "))
    };
    if (1..=2).any(|n| cue(n).is_some_and(|c| labels.contains(&c))) {
        return true;
    }
    // Title case: every word capitalised but the joiners, no sentence in it.
    let words = word_spans(prose, inner);
    title_case
        && words.len() >= 2
        && !prose[inner.start..inner.end].contains(['.', ',', '!', '?', ';', ':'])
        && words.iter().enumerate().all(|(i, w)| {
            let word = &prose[w.start..w.end];
            word.starts_with(char::is_uppercase) || (i > 0 && crate::facts::titles::JOINERS.contains(&word))
        })
}

/// The speaker of the quotation at `inner`: the subject of the speech verb
/// nearest to it in its sentence ("X said", "said X", "X told reporters",
/// "according to X", "she wrote"), not the nearest name.
fn attribution(article: &Article, inner: Span, area: Span, quotes: &[Span], people: &[&EntityMention]) -> Said {
    let prose = article.prose.as_str();
    let outside = |s: Span| !quotes.iter().any(|q| q.contains(s));
    let words: Vec<Span> = word_spans(prose, area).into_iter().filter(|w| outside(*w)).collect();
    let text = |w: &Span| &prose[w.start..w.end];
    let verbs = words.iter().enumerate().filter(|(i, w)| {
        let word = text(w);
        is_speech_verb(word)
            && (!word.eq_ignore_ascii_case("according") || words.get(i + 1).is_some_and(|n| text(n) == "to"))
    });
    let distance = |w: &Span| {
        if w.end <= inner.start {
            inner.start - w.end
        } else {
            w.start.saturating_sub(inner.end)
        }
    };
    let from = people.partition_point(|m| m.sentence.end <= area.start);
    let near: Vec<&EntityMention> = people[from..]
        .iter()
        .take_while(|m| m.sentence.start < area.end)
        .filter(|m| area.contains(m.span) && outside(m.span))
        .copied()
        .collect();
    let Some((v, verb)) = verbs.min_by_key(|(_, w)| distance(w)) else {
        // "Macron: the "territorial question" must be settled": a name that
        // opens the sentence and a colon give the words to that person.
        return near
            .iter()
            .find(|m| {
                let lead = prose[area.start..m.full().start].trim_start_matches(['#', ' ', '*', '\n']);
                lead.is_empty() && m.full().end < inner.start && prose[m.full().end..].starts_with(':')
            })
            .map_or(Said::Unknown, |m| Said::By(m.entity, Some(m.span)));
    };
    let before = |at: usize| {
        near.iter()
            .filter(|m| m.full().end <= at && joins_speaker(&prose[m.full().end..at]))
            .max_by_key(|m| m.full().end)
            .map(|m| Said::By(m.entity, Some(m.span)))
    };
    let after = |at: usize| {
        near.iter()
            .filter(|m| m.full().start >= at && prose[at..m.full().start].trim().is_empty())
            .min_by_key(|m| m.full().start)
            .map(|m| Said::By(m.entity, Some(m.span)))
    };
    // "he said", "said she": the person named in the last sentence before the
    // pronoun that names anyone, within three sentences; when that sentence
    // names two people, the speaker cannot be told.
    let pronoun = |w: Option<&Span>| {
        let w = *w?;
        PRONOUNS.contains(&text(&w)).then_some(())?;
        let sentence = article.sentence_of(Span::new(w.start, w.start))?;
        let si = article.sentences.partition_point(|s| s.end <= sentence.start);
        let window = article.sentences[si.saturating_sub(3)].start;
        let from = people.partition_point(|m| m.sentence.end <= window);
        let named: Vec<&&EntityMention> = people[from..]
            .iter()
            .take_while(|m| m.sentence.start < w.start)
            .filter(|m| m.span.start >= window && m.span.end <= w.start && outside(m.span))
            .collect();
        let last = named.last()?;
        let mut who: Vec<usize> = named
            .iter()
            .filter(|m| m.sentence == last.sentence)
            .map(|m| m.entity)
            .collect();
        who.sort_unstable();
        who.dedup();
        // Two people: someone said it, but who cannot be told.
        Some(if who.len() == 1 {
            Said::By(who[0], None)
        } else {
            Said::Stranger
        })
    };
    // The subject of the verb at `v`, written before it: "Macron said",
    // "she told", "Macron met Starmer, adding", "X said ..., and told".
    let subject_before = |v: usize| -> Option<Said> {
        let verb = words[v];
        if let Some(s) = before(verb.start).or_else(|| v.checked_sub(1).and_then(|p| pronoun(words.get(p)))) {
            return Some(s);
        }
        let prev = v.checked_sub(1).map(|p| text(&words[p]).to_lowercase());
        if matches!(prev.as_deref(), Some("and" | "but" | "then")) {
            // Coordinated verbs share the subject of the verb before them.
            let earlier = (0..v).rev().find(|&k| is_speech_verb(text(&words[k])))?;
            return before(words[earlier].start).or_else(|| earlier.checked_sub(1).and_then(|p| pronoun(words.get(p))));
        }
        if text(&verb).to_lowercase().ends_with("ing") {
            // A participle's subject is the clause's: the first person named
            // before it, or the pronoun that opens the sentence.
            return near
                .iter()
                .filter(|m| m.full().end <= verb.start)
                .min_by_key(|m| m.full().start)
                .map(|m| Said::By(m.entity, Some(m.span)))
                .or_else(|| {
                    words
                        .first()
                        .filter(|w| w.start < verb.start)
                        .and_then(|w| pronoun(Some(w)))
                });
        }
        None
    };
    let word = text(verb).to_lowercase();
    let inverts = !lang().quotes.objects.contains(&word);
    let said = if word == "according" {
        words.get(v + 1).and_then(|to| after(to.end))
    } else if verb.start >= inner.end {
        // ""...," said Macron" or ""...," Macron said"; never ""...," he told Modi".
        inverts
            .then(|| after(verb.end).or_else(|| pronoun(words.get(v + 1))))
            .flatten()
            .or_else(|| before(verb.start).filter(|s| matches!(s, Said::By(_, Some(n)) if n.start >= inner.end)))
            .or_else(|| v.checked_sub(1).and_then(|p| pronoun(words.get(p))))
    } else {
        // "Macron said ...", "she told reporters ...", "..., adding that ...".
        subject_before(v)
    };
    said.unwrap_or(Said::Stranger)
}

pub(super) fn extract(
    article: &Article,
    entities: &[EntityMention],
    shared: &[SharedMention],
    base: &FactBase,
    index: &Index,
    out: &mut Vec<Mention>,
) {
    let prose = article.prose.as_str();
    // Who may speak: the people named, and the names several people share
    // ("Johnson said"), numbered after the entities (`base.entities.len() +
    // k` for the k-th of `shared`) so that attribution treats both alike.
    let n = base.entities.len();
    let person = |e: &usize| base.entities[*e].kind == EntityKind::Person;
    let stand_ins: Vec<EntityMention> = shared
        .iter()
        .enumerate()
        .filter(|(_, m)| m.candidates.iter().any(person))
        .map(|(k, m)| EntityMention {
            entity: n + k,
            span: m.span,
            title: m.title,
            possessive: None,
            period: m.period,
            sentence: m.sentence,
        })
        .collect();
    let mut people: Vec<&EntityMention> = entities
        .iter()
        .filter(|m| person(&m.entity))
        .chain(&stand_ins)
        .collect();
    people.sort_by_key(|m| (m.span.start, m.entity));
    // The last attributed quotation's sentences and speaker: a quotation that
    // follows it with nothing between ("...," Carney said. "These are not
    // idle threats.") continues it.
    let mut last: Option<(Span, Said)> = None;
    for &block in &article.blocks {
        let spans = quotations(prose, block);
        for &inner in &spans {
            let Some(sentence) = article.sentence_of(Span::new(inner.start, inner.start)) else {
                continue;
            };
            let last_sentence = article.sentence_of(Span::new(inner.end, inner.end)).unwrap_or(sentence);
            let text = prose[inner.start..inner.end].to_owned();
            let segments = quote_segments(&text);
            let words: usize = segments.iter().map(Vec::len).sum();
            if words < MIN_EXCERPT {
                continue;
            }
            let area = sentence.cover(last_sentence);
            // The quotes on record are indexed by word (see `Index::quote_excerpts`).
            let on_record = index.quote_excerpts(&segments).next().is_some();
            if is_label(prose, inner, sentence, !on_record) {
                continue;
            }
            let mut said = attribution(article, inner, area, &spans, &people);
            if said == Said::Unknown
                && let Some((before, who)) = last
                && before.end <= inner.start
                && prose[before.end..inner.start]
                    .chars()
                    .all(|c| c.is_whitespace() || MARKS.iter().any(|(o, _)| *o == c))
            {
                said = who;
            }
            if said != Said::Unknown {
                last = Some((area, said));
            }
            // "Asked about the "territorial question", Macron said ...": a phrase
            // quoted as the topic is nobody's words in this sentence.
            let topic = word_spans(prose, Span::new(sentence.start.min(inner.start), inner.start))
                .iter()
                .rev()
                .map(|w| prose[w.start..w.end].to_lowercase())
                .find(|w| !matches!(w.as_str(), "the" | "a" | "an" | "so-called"))
                .is_some_and(|w| matches!(w.as_str(), "about" | "on" | "over" | "regarding" | "concerning"));
            let said = if topic { Said::Unknown } else { said };
            let (speaker, shared_speaker) = match said {
                Said::By(e, _) if e >= n => (None, shared[e - n].candidates.iter().copied().filter(person).collect()),
                Said::By(e, span) => (Some((e, span)), Vec::new()),
                _ => (None, Vec::new()),
            };
            let speaker_span = match said {
                Said::By(_, span) => span,
                _ => None,
            };
            let attributed = said != Said::Unknown;
            if (words >= MIN_WORDS && attributed) || on_record {
                out.push(Mention {
                    kind: Kind::Quote,
                    span: inner,
                    sentence,
                    value: Value::Quote {
                        text,
                        speaker: speaker.map(|s| s.0),
                        speaker_span,
                        stranger: said == Said::Stranger,
                        shared: shared_speaker,
                    },
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_split_at_ellipses_and_brackets() {
        let s = quote_segments("We will [continue to] stand… with Ukraine's people");
        assert_eq!(
            s,
            vec![vec!["we", "will"], vec!["stand"], vec!["with", "ukraine's", "people"]]
        );
        let record = quote_segments("We will continue to stand firmly with Ukraine's people").concat();
        assert!(is_excerpt(&s, &record));
        assert!(!is_excerpt(&quote_segments("we will stand with Russia"), &record));
    }

    #[test]
    fn finds_curly_and_straight_quotations() {
        let text = "He said \u{201c}we are ready\u{201d} and \"it isn't over\" today.";
        let q: Vec<&str> = quotations(text, Span::new(0, text.len()))
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect();
        assert_eq!(q, vec!["we are ready", "it isn't over"]);
    }
}
