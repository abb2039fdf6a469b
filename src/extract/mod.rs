//! Typed mentions: the checkable statements an article makes.
//!
//! Each extractor reads the article's prose (see [`crate::article`]) one
//! sentence at a time and emits mentions with byte spans into the file.
//! Extractors run from the most specific shape to the least (a date before
//! the numbers inside it, an amount before a bare count), and each marks the
//! bytes it used so that one span yields one claim.

mod dates;
mod numbers;
mod people;
mod quotes;

use jiff::civil::{Date, Weekday};
use serde::Serialize;

use crate::article::Article;
use crate::facts::{AboutHit, FactBase, Index};
use crate::lexicon::Qualifier;
use crate::span::Span;

pub use numbers::fraction_value;
pub use people::EntityMention;
pub use quotes::{MIN_WORDS, is_excerpt, quote_segments};

/// The kinds of claim, as named in the JSON report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Date,
    Weekday,
    Year,
    Count,
    Entity,
    Entities,
    Role,
    Name,
    Quote,
    Amount,
    Percent,
    /// An ordinal or rank ("fifth meeting"): an addition to the contract's kinds.
    Ordinal,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Date => "date",
            Kind::Weekday => "weekday",
            Kind::Year => "year",
            Kind::Count => "count",
            Kind::Entity => "entity",
            Kind::Entities => "entities",
            Kind::Role => "role",
            Kind::Name => "name",
            Kind::Quote => "quote",
            Kind::Amount => "amount",
            Kind::Percent => "percent",
            Kind::Ordinal => "ordinal",
        }
    }

    /// The contract's kinds, then the additions.
    pub const ALL: [Kind; 12] = [
        Kind::Date,
        Kind::Weekday,
        Kind::Year,
        Kind::Count,
        Kind::Entity,
        Kind::Entities,
        Kind::Role,
        Kind::Name,
        Kind::Quote,
        Kind::Amount,
        Kind::Percent,
        Kind::Ordinal,
    ];
}

/// How a date was written, so a correction can keep the article's style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateStyle {
    /// "January 6", "Jan. 6, 2026"
    MonthDay,
    /// "6 January", "6 January 2026"
    DayMonth,
    /// "2026-01-06"
    Iso,
    /// "24.2.2022", "06.01.2026": day, month and year with full stops.
    Dotted,
    /// "yesterday", "a day earlier": corrected to an explicit date.
    Relative,
}

/// A number as written, with the range its wording allows.
#[derive(Debug, Clone, PartialEq)]
pub struct Amount {
    pub value: f64,
    pub qualifier: Option<Qualifier>,
    /// Span of the digits or number words alone.
    pub number: Span,
    /// Written in words ("thirty-five").
    pub words: bool,
    /// A round figure by nature ("two dozen"): read as approximate.
    pub vague: bool,
}

impl Amount {
    /// Inclusive bounds (None = open).
    pub fn range(&self) -> (Option<f64>, Option<f64>) {
        let (lo, hi) = match self.qualifier {
            Some(q) => q.range(self.value),
            None if self.vague => Qualifier::About.range(self.value),
            None => (Some(self.value), Some(self.value)),
        };
        // "Some two dozen": dozens are rounder than digits, so the range is wider.
        if self.vague {
            let extra = (self.value * 0.15).max(3.0);
            (
                lo.map(|l| l.min(self.value - extra)),
                hi.map(|h| h.max(self.value + extra)),
            )
        } else {
            (lo, hi)
        }
    }
}

/// What a mention says.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Date {
        month: i8,
        day: i8,
        /// As written; None when the article leaves it out.
        year: Option<i16>,
        /// The full date, the year taken from `published` when missing.
        resolved: Option<Date>,
        style: DateStyle,
    },
    Weekday {
        day: Weekday,
        /// The date written next to it ("Tuesday (January 6)"), if any.
        of_date: Option<Date>,
        /// The days it can mean, read against `published`: the nearest such
        /// day on or before it ("on Tuesday"), or also the one a week
        /// earlier ("last Tuesday").
        resolved: Vec<Date>,
    },
    /// A stretch of days written relative to publication ("last week",
    /// "earlier this month").
    DateRange {
        from: Date,
        to: Date,
    },
    Year {
        year: i64,
        month: Option<i8>,
    },
    Count {
        amount: Amount,
        unit: String,
        /// The unit is one some count fact uses.
        known_unit: bool,
    },
    Money {
        amount: Amount,
        currency: String,
    },
    Percent {
        amount: Amount,
    },
    /// "fifth meeting", "267th pope", "third-largest economy".
    Ordinal {
        value: u64,
        /// Span of the ordinal word or numeral alone.
        number: Span,
        /// The unit, as an ordinal fact writes it.
        unit: String,
        /// Written in words ("fifth"), not digits ("5th").
        words: bool,
    },
    Quote {
        text: String,
        /// Entity index of the person it is attributed to.
        speaker: Option<usize>,
        /// Where the speaker is named, when in the same sentence.
        speaker_span: Option<Span>,
        /// A speech verb gives it to someone the fact base does not know.
        stranger: bool,
    },
    Role {
        entity: Option<usize>,
        title: String,
        name: String,
        title_span: Span,
        /// A period cue follows the title ("under Pope Francis"): judged as
        /// held at some time, not at publication.
        ever: bool,
    },
    Name {
        entity: usize,
        found: String,
        /// The right spelling.
        expected: String,
    },
}

/// One checkable statement found in the article.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub kind: Kind,
    pub span: Span,
    pub sentence: Span,
    pub value: Value,
}

/// Everything the extractors found in one article.
#[derive(Debug, Default)]
pub struct Extraction {
    pub mentions: Vec<Mention>,
    pub entities: Vec<EntityMention>,
    /// Countries written as their capital or their people ("Washington",
    /// "the French"), for facts whose members are countries.
    pub stand_ins: Vec<EntityMention>,
    pub about: Vec<AboutHit>,
    /// Events named (by name or alias), each with the events its words name.
    pub event_names: Vec<(Span, Vec<usize>)>,
    /// Per event of the fact base: whether the article is about it at all
    /// (see [`Extraction::admits`]).
    pub present: Vec<bool>,
    /// The entities the article names (sorted), for facts about a subject.
    pub named: Vec<usize>,
}

impl Extraction {
    /// Whether `fact` may be judged in this article: a fact of an event the
    /// article never names, whose place and people it never names either, is
    /// another story's, whatever phrase it shares with this one ("the cost
    /// of the hubs" is not a chip maker's cost). Facts of no event always may.
    ///
    /// Likewise a fact about a subject (see [`crate::facts::Fact::subject`])
    /// and of no event: the article must name its subject.
    pub fn admits(&self, base: &FactBase, fact: usize) -> bool {
        ex_admits(base, &self.present, &self.named, fact)
    }
}

/// Find every typed mention in the article.
pub fn extract(article: &Article, base: &FactBase, index: &Index) -> Extraction {
    let prose = article.prose.as_str();
    let mut ex = Extraction::default();
    // The last date written, for "a day earlier".
    let mut last_date: Option<Date> = None;
    for &sentence in &article.sentences {
        let mut taken: Vec<Span> = Vec::new();
        let mut out: Vec<Mention> = Vec::new();
        let entities = people::entities(prose, sentence, base, index);
        dates::extract(prose, sentence, article.published, last_date, &mut taken, &mut out);
        last_date = out
            .iter()
            .filter_map(|m| match m.value {
                Value::Date { resolved, .. } => resolved,
                _ => None,
            })
            .next_back()
            .or(last_date);
        numbers::extract(prose, sentence, index, &mut taken, &mut out);
        // Kinds whose words no extractor above reads bring their own.
        let cx = crate::kinds::ExtractCx { prose, index };
        for kind in crate::kinds::VALUE_KINDS {
            kind.extract(&cx, sentence, &mut taken, &mut out);
        }
        people::roles(prose, sentence, &entities, base, index, &mut out);
        people::near_misses(prose, sentence, &entities, base, index, &mut out);
        let about = index.about_in(prose, sentence);
        // Only a sentence with some phrase can tie a stand-in to a fact.
        if !about.is_empty() {
            ex.stand_ins
                .extend(people::stand_ins(prose, sentence, &entities, base, index));
        }
        ex.about.extend(about);
        ex.event_names.extend(
            index
                .event_names_in(prose, sentence)
                .into_iter()
                .map(|(span, events)| (span, events.to_vec())),
        );
        ex.entities.extend(entities);
        ex.mentions.extend(out);
    }
    quotes::extract(article, &ex.entities, base, index, &mut ex.mentions);
    // Which occasions the article is about: those it names, or whose place,
    // members or speakers it names; when it names none, any. An article that
    // names one occasion is not about another that only shares a word with
    // it ("met", "cost"): the phrases of the occasions it is not about tie
    // nothing. A name of common words ("last quarter", "a year earlier") is
    // no proper name: it brings in its occasion only beside another of the
    // same story (fact-base file) that the article names properly.
    if !base.events.is_empty() {
        let mut present = vec![false; base.events.len()];
        let mut loosely = Vec::new();
        for (span, events) in &ex.event_names {
            let proper = prose[span.start..span.end]
                .chars()
                .any(|c| c.is_uppercase() || c.is_ascii_digit());
            for &e in events {
                if proper {
                    present[e] = true;
                } else {
                    loosely.push(e);
                }
            }
        }
        let named: std::collections::HashSet<usize> =
            ex.entities.iter().chain(&ex.stand_ins).map(|m| m.entity).collect();
        for &x in &named {
            for &e in index.events_naming(x) {
                present[e] = true;
            }
        }
        let files: std::collections::HashSet<&str> = (0..present.len())
            .filter(|&e| present[e])
            .map(|e| base.events[e].origin.file.as_str())
            .collect();
        for e in loosely {
            if files.contains(base.events[e].origin.file.as_str()) {
                present[e] = true;
            }
        }
        // Nothing names any: none is ruled out. (A phrase alone that some
        // occasion lists, "met", is not enough to rule out the others.)
        if !present.contains(&true) {
            present.fill(true);
        }
        ex.present = present;
    }
    ex.named = ex.entities.iter().chain(&ex.stand_ins).map(|m| m.entity).collect();
    ex.named.sort_unstable();
    ex.named.dedup();
    {
        let keep = |f: &usize| ex_admits(base, &ex.present, &ex.named, *f);
        for hit in &mut ex.about {
            hit.facts.retain(keep);
            hit.occasion.retain(keep);
        }
        ex.about.retain(|h| !h.facts.is_empty() || !h.occasion.is_empty());
    }
    if !article.folded.is_empty() {
        // Matches on folded full-width digits start in their padding.
        for m in &mut ex.mentions {
            m.span = article.unfold(m.span);
            if let Value::Count { amount, .. } | Value::Money { amount, .. } | Value::Percent { amount, .. } =
                &mut m.value
            {
                amount.number = article.unfold(amount.number);
            }
            if let Value::Ordinal { number, .. } = &mut m.value {
                *number = article.unfold(*number);
            }
        }
    }
    ex.mentions.sort_by_key(|m| (m.span.start, m.span.end, m.kind));
    ex.mentions.dedup_by(|a, b| a.span == b.span && a.kind == b.kind);
    // Linking binary-searches the phrases by position (`span::starting_in`);
    // they are found sentence by sentence, so this only guarantees the order.
    ex.about.sort_by_key(|h| (h.span.start, h.span.end));
    ex
}

/// [`Extraction::admits`], before the extraction is whole.
fn ex_admits(base: &FactBase, present: &[bool], named: &[usize], fact: usize) -> bool {
    let f = &base.facts[fact];
    if let Some(e) = base.event_position_of(fact) {
        return present.get(e).copied().unwrap_or(true);
    }
    if let Some(s) = base.subject_position_of(fact) {
        return named.binary_search(&s).is_ok();
    }
    // A fact of no event in a file that has events belongs to that file's
    // story: judged only where one of its occasions is.
    let story = base.events_of_file(&f.origin.file);
    story.is_empty() || story.iter().any(|&e| present.get(e).copied().unwrap_or(true))
}

/// Whether `span` overlaps anything already taken.
fn is_taken(taken: &[Span], span: Span) -> bool {
    taken.iter().any(|t| t.overlaps(span))
}

/// Byte spans of the words (letters, digits, inner apostrophes, dots, hyphens) in `text[range]`.
pub fn word_spans(text: &str, range: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let slice = &text[range.start..range.end];
    let mut iter = slice.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let inner = matches!(c, '\'' | '\u{2019}' | '-' | '.')
            && start.is_some()
            && iter.peek().is_some_and(|(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || inner {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push(Span::new(range.start + s, range.start + i));
        }
    }
    if let Some(s) = start {
        out.push(Span::new(range.start + s, range.end));
    }
    out
}

/// Number of words strictly between two byte offsets.
pub fn words_between(text: &str, from: usize, to: usize) -> usize {
    if from >= to {
        return 0;
    }
    word_spans(text, Span::new(from, to)).len()
}

/// `text` when it holds an ASCII digit, else "": patterns that need a digit
/// (`\d` is ASCII in regex-lite) then skip the many sentences without one.
/// regex-lite has no literal prefilter of its own, and its matcher visits
/// every byte of every sentence.
pub(crate) fn if_digits(text: &str) -> &str {
    if text.bytes().any(|b| b.is_ascii_digit()) {
        text
    } else {
        ""
    }
}

/// `text` when it holds one of the words `hint` was built from (ASCII case
/// insensitive, as regex-lite's `(?i)` is), else "": a pattern that needs one
/// of those words is skipped on the sentences without any.
pub(crate) fn if_holds<'t>(text: &'t str, hint: &aho_corasick::AhoCorasick) -> &'t str {
    if hint.is_match(text) { text } else { "" }
}

/// An ASCII case-insensitive search for any of `words`, for [`if_holds`].
pub(crate) fn hint(words: &[&str]) -> aho_corasick::AhoCorasick {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(words)
        .expect("a few plain words")
}

/// Compile one of the extractors' built-in patterns.
///
/// `regex-lite` rather than `regex`: its classes (`\b`, `\d`, `\s`) are ASCII,
/// which is what digits and word edges in news copy need, and it builds a
/// pattern in a fraction of the time. With `regex`, building the date and
/// number patterns took most of a whole run on one article; sentences are
/// short, so matching speed matters less than start-up.
pub(crate) fn ascii_regex(pattern: &str) -> regex_lite::Regex {
    regex_lite::Regex::new(pattern).expect("valid built-in pattern")
}
