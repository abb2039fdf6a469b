//! Quotations and who said them.
//!
//! A quotation is a claim when it is attributed to a known person and long
//! enough to be a statement (four words or more), or when it is a true
//! excerpt of a quote on record. Short unattributed phrases in quotation
//! marks ("coalition of the willing") are scare quotes, not claims.

use super::{EntityMention, Kind, Mention, Value, word_spans};
use crate::article::Article;
use crate::facts::{EntityKind, FactBase, Index};
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

pub(super) fn extract(
    article: &Article,
    entities: &[EntityMention],
    base: &FactBase,
    index: &Index,
    out: &mut Vec<Mention>,
) {
    let prose = article.prose.as_str();
    let people: Vec<&EntityMention> = entities
        .iter()
        .filter(|m| base.entities[m.entity].kind == EntityKind::Person)
        .collect();
    for &block in &article.blocks {
        for inner in quotations(prose, block) {
            let Some(sentence) = article.sentence_of(Span::new(inner.start, inner.start)) else {
                continue;
            };
            let last_sentence = article.sentence_of(Span::new(inner.end, inner.end)).unwrap_or(sentence);
            let text = prose[inner.start..inner.end].to_owned();
            let segments = quote_segments(&text);
            let words: usize = segments.iter().map(Vec::len).sum();
            // The speaker: the nearest person named in the quote's sentences, outside it.
            let area = sentence.cover(last_sentence);
            // People come sentence by sentence: those of the area are found by position.
            let from = people.partition_point(|m| m.sentence.end <= area.start);
            let speaker = people[from..]
                .iter()
                .take_while(|m| m.sentence.start < area.end)
                .filter(|m| area.contains(m.span) && !inner.contains(m.span))
                .min_by_key(|m| {
                    if m.span.end <= inner.start {
                        inner.start - m.span.end
                    } else {
                        m.span.start - inner.end
                    }
                })
                .map(|m| (m.entity, Some(m.span)))
                .or_else(|| {
                    // "he said": the last person named before, within three sentences.
                    let has_pronoun = word_spans(prose, area)
                        .iter()
                        .any(|w| !inner.contains(*w) && PRONOUNS.contains(&&prose[w.start..w.end]));
                    let si = article.sentences.partition_point(|s| s.end <= sentence.start);
                    let window_start = article.sentences[si.saturating_sub(3)].start;
                    let from = people.partition_point(|m| m.sentence.end <= window_start);
                    has_pronoun
                        .then(|| {
                            people[from..]
                                .iter()
                                .take_while(|m| m.sentence.start < inner.start)
                                .filter(|m| m.span.start >= window_start && m.span.end <= inner.start)
                                .max_by_key(|m| m.span.start)
                                .map(|m| (m.entity, None))
                        })
                        .flatten()
                });
            // "Asked about the "territorial question", Macron said ...": a phrase
            // quoted as the topic is nobody's words in this sentence.
            let topic = word_spans(prose, Span::new(sentence.start.min(inner.start), inner.start))
                .iter()
                .rev()
                .map(|w| prose[w.start..w.end].to_lowercase())
                .find(|w| !matches!(w.as_str(), "the" | "a" | "an" | "so-called"))
                .is_some_and(|w| matches!(w.as_str(), "about" | "on" | "over" | "regarding" | "concerning"));
            let speaker = if topic { None } else { speaker };
            // The quotes on record are indexed by word (see `Index::quote_excerpts`).
            let on_record = index.quote_excerpts(&segments).next().is_some();
            if (words >= 4 && speaker.is_some()) || on_record {
                out.push(Mention {
                    kind: Kind::Quote,
                    span: inner,
                    sentence,
                    value: Value::Quote {
                        text,
                        speaker: speaker.map(|s| s.0),
                        speaker_span: speaker.and_then(|s| s.1),
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
