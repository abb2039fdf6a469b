//! Quotations: the words of a quotation attributed to a speaker, compared
//! with the quotes on record. A quotation on record said by someone else is
//! misattributed; one whose words are mostly a record of its speaker's, but
//! not all, is misquoted (a word-level diff); anything else is not on record.
//! Quotations are found by `crate::extract::quotes`.

use serde_json::json;
use similar::{ChangeTag, TextDiff};

use crate::extract::{Kind, MIN_WORDS, Mention, is_excerpt, quote_segments};
use crate::facts::{Fact, FactValue};
use crate::finding::{Because, Finding, Reason, Verdict};
use crate::rules::Rule;
use crate::span::Span;
use crate::verdict::Judge;

impl Judge<'_> {
    pub(crate) fn quote(
        &self,
        m: &Mention,
        text: &str,
        speaker: Option<usize>,
        speaker_span: Option<Span>,
        stranger: bool,
    ) -> Finding {
        let segments = quote_segments(text);
        let words: Vec<String> = segments.concat();
        let found = json!(text);
        let speaker_name = speaker.map(|s| self.base.entities[s].name.clone());
        let speaker_id = speaker.map(|s| self.base.entities[s].id.as_str());
        // The quotes on record this one is an excerpt of, found through the index.
        let excerpts: Vec<&Fact> = self
            .index
            .quote_excerpts(&segments)
            .map(|(f, _)| &self.base.facts[f])
            .collect();
        let mine = |f: &Fact| speaker_id.is_none() || f.speaker.as_deref() == speaker_id;
        let base_claim = |verdict, expected, fact: Option<&Fact>, rule, reason, because| Finding {
            verdict,
            kind: Kind::Quote,
            span: m.span,
            sentence: m.sentence,
            found: found.clone(),
            expected,
            range: None,
            fact: fact.map(|f| f.id.clone()),
            source: fact.and_then(|f| self.source(f)),
            rule,
            reason,
            suggestion: None,
            because,
            entity: None,
        };
        if let Some(f) = excerpts.iter().find(|f| mine(f)) {
            let who = f.speaker.as_deref().map_or("the record", |s| self.base.entity_name(s));
            return base_claim(
                Verdict::Match,
                Some(json!(quote_text(f))),
                Some(f),
                None,
                Reason::QuoteAgrees {
                    short: short(text),
                    fact: f.id.clone(),
                    who: who.to_owned(),
                },
                None,
            );
        }
        if let (Some(f), Some(name)) = (excerpts.iter().find(|f| !mine(f)), &speaker_name) {
            let said_by = f
                .speaker
                .as_deref()
                .map_or("someone else", |s| self.base.entity_name(s));
            // The wrong part is the attribution: the claim runs from the name to the quotation.
            let mut claim = base_claim(
                Verdict::Discrepancy,
                Some(json!(f.speaker.clone())),
                Some(f),
                Some(Rule::QuoteMisattributed),
                Reason::QuoteMisattributed {
                    short: short(text),
                    name: name.clone(),
                    said_by: said_by.to_owned(),
                    fact: f.id.clone(),
                },
                Some(Because::QuoteWords),
            );
            if let Some(s) = speaker_span {
                claim.span = claim.span.cover(s);
            }
            return claim;
        }
        // A longer quotation that holds a whole quote of its speaker's on
        // record, word for word: the part on record agrees, and the rest is
        // not held against it.
        let holds = speaker_id
            .into_iter()
            .flat_map(|s| self.index.quotes_by(s))
            .find(|(_, record)| is_excerpt(&[record.to_vec()], &words));
        if let Some((f, _)) = holds {
            let f = &self.base.facts[f];
            return base_claim(
                Verdict::Match,
                Some(json!(quote_text(f))),
                Some(f),
                None,
                Reason::QuoteAgrees {
                    short: short(text),
                    fact: f.id.clone(),
                    who: speaker_name.clone().unwrap_or_default(),
                },
                None,
            );
        }
        if stranger {
            return base_claim(
                Verdict::Unverifiable,
                None,
                None,
                Some(Rule::QuoteByStranger),
                Reason::QuoteByStranger,
                None,
            );
        }
        // A reworded quotation: most of its words are on record for this
        // speaker. A short fragment is never compared word by word.
        let best = speaker_id
            .filter(|_| words.len() >= MIN_WORDS)
            .into_iter()
            .flat_map(|s| self.index.quotes_by(s))
            .map(|(f, r)| (word_overlap(&words, r), &self.base.facts[f], r))
            .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.id.cmp(&a.1.id)));
        if let Some((ratio, f, record)) = best
            && ratio >= 0.6
        {
            return base_claim(
                Verdict::Discrepancy,
                Some(json!(quote_text(f))),
                Some(f),
                Some(Rule::QuoteDiffers),
                Reason::QuoteDiffers {
                    fact: f.id.clone(),
                    diff: word_diff(record, &words),
                },
                Some(Because::SpeakerWords {
                    speaker: speaker_name.clone().unwrap_or_default(),
                    percent: format!("{:.0}", ratio * 100.0),
                }),
            );
        }
        base_claim(
            Verdict::Unverifiable,
            None,
            None,
            Some(Rule::QuoteNotOnRecord),
            Reason::QuoteNotOnRecord { speaker: speaker_name },
            None,
        )
    }
}

impl Judge<'_> {
    /// A quotation whose speaker is a name several people share, nothing in
    /// the article telling which ("Johnson said ..."): the quotes on record
    /// decide. One of theirs that it is an excerpt of, or holds whole, is a
    /// match (and names the speaker); a quote on record of someone else, or
    /// a rewording of one of theirs, cannot be held against the one meant,
    /// who is not known: unverifiable (U016). With no record of any of them,
    /// it is not on record (U008).
    pub(crate) fn quote_by_one_of(
        &self,
        m: &Mention,
        text: &str,
        candidates: &[usize],
        speaker_span: Option<Span>,
    ) -> Finding {
        let segments = quote_segments(text);
        let words: Vec<String> = segments.concat();
        let ids: Vec<&str> = candidates.iter().map(|&e| self.base.entities[e].id.as_str()).collect();
        let theirs = |f: &Fact| f.speaker.as_deref().is_some_and(|s| ids.contains(&s));
        let excerpt = self
            .index
            .quote_excerpts(&segments)
            .map(|(f, _)| f)
            .find(|&f| theirs(&self.base.facts[f]));
        let whole = || {
            ids.iter()
                .flat_map(|s| self.index.quotes_by(s))
                .find(|(_, record)| is_excerpt(&[record.to_vec()], &words))
                .map(|(f, _)| f)
        };
        let name = speaker_span.map(|s| self.text(s).to_owned());
        if let Some(f) = excerpt.or_else(whole) {
            let f = &self.base.facts[f];
            let who = f.speaker.as_deref().map_or("the record", |s| self.base.entity_name(s));
            return Finding {
                verdict: Verdict::Match,
                kind: Kind::Quote,
                span: m.span,
                sentence: m.sentence,
                found: json!(text),
                expected: Some(json!(quote_text(f))),
                range: None,
                fact: Some(f.id.clone()),
                source: self.source(f),
                rule: None,
                reason: Reason::QuoteAgrees {
                    short: short(text),
                    fact: f.id.clone(),
                    who: who.to_owned(),
                },
                suggestion: None,
                because: None,
                entity: None,
            };
        }
        let on_record = self.index.quote_excerpts(&segments).next().is_some()
            || ids.iter().any(|s| self.index.quotes_by(s).next().is_some());
        if on_record {
            return self.ambiguous_name(m, json!(text), name.as_deref().unwrap_or("the speaker"), candidates);
        }
        self.unverifiable(
            m,
            json!(text),
            Rule::QuoteNotOnRecord,
            Reason::QuoteNotOnRecord { speaker: name },
        )
    }
}

/// A quotation cut to a readable length for messages.
fn short(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= 12 {
        words.join(" ")
    } else {
        format!("{} …", words[..12].join(" "))
    }
}

fn quote_text(f: &Fact) -> String {
    match &f.value {
        FactValue::Quote(q) => q.clone(),
        _ => String::new(),
    }
}

fn as_strs(words: &[String]) -> Vec<&str> {
    words.iter().map(String::as_str).collect()
}

/// Share of the quotation's words found, in order, in the record.
fn word_overlap(quote: &[String], record: &[String]) -> f64 {
    if quote.is_empty() {
        return 0.0;
    }
    let (record, quote) = (as_strs(record), as_strs(quote));
    let diff = TextDiff::configure().diff_slices(&record, &quote);
    let same = diff.iter_all_changes().filter(|c| c.tag() == ChangeTag::Equal).count();
    same as f64 / quote.len() as f64
}

/// Word-level diff of the quotation against the record, limited to where they meet.
fn word_diff(record: &[String], quote: &[String]) -> String {
    let (record, quote) = (as_strs(record), as_strs(quote));
    let diff = TextDiff::configure().diff_slices(&record, &quote);
    let changes: Vec<(ChangeTag, String)> = diff
        .iter_all_changes()
        .map(|c| (c.tag(), c.value().to_owned()))
        .collect();
    let first = changes.iter().position(|(t, _)| *t != ChangeTag::Delete).unwrap_or(0);
    let last = changes
        .iter()
        .rposition(|(t, _)| *t != ChangeTag::Delete)
        .unwrap_or(changes.len().saturating_sub(1));
    let mut out = Vec::new();
    for (tag, word) in changes.iter().take(last + 1).skip(first) {
        out.push(match tag {
            ChangeTag::Equal => word.clone(),
            ChangeTag::Delete => format!("[-{word}-]"),
            ChangeTag::Insert => format!("{{+{word}+}}"),
        });
    }
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_diff_marks_changed_words() {
        let record: Vec<String> = ["we", "will", "stand", "with", "ukraine"].map(String::from).to_vec();
        let quote: Vec<String> = ["we", "will", "stay", "with", "ukraine"].map(String::from).to_vec();
        assert_eq!(word_diff(&record, &quote), "we will [-stand-] {+stay+} with ukraine");
        assert!((word_overlap(&quote, &record) - 0.8).abs() < 1e-9);
    }
}
