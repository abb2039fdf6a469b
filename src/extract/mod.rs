//! Typed mentions: the checkable statements an article makes.
//!
//! Each extractor reads the article's prose (see [`crate::article`]) one
//! sentence at a time and emits mentions with byte spans into the file.
//! Extractors run from the most specific shape to the least (a date before
//! the numbers inside it, an amount before a bare count), and each marks the
//! bytes it used so that one span yields one claim.

mod dates;
pub mod names;
mod numbers;
mod people;
mod quotes;

use jiff::civil::{Date, Weekday};
use serde::Serialize;

use crate::article::Article;
use crate::facts::{AboutHit, FactBase, Index};
use crate::lexicon::{Qualifier, Range};
use crate::span::{Span, starting_in};

pub use names::SharedMention;
pub use numbers::{AGE, fraction_value, is_age_unit};
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
    /// Span of the digits or number words alone (of both ends, for a range).
    pub number: Span,
    /// Written in words ("thirty-five").
    pub words: bool,
    /// A share in words ("a fifth of"): a round figure by nature, read as
    /// "about".
    pub vague: bool,
    /// Written in dozens ("two dozen"): exact unless qualified (D113).
    pub dozen: bool,
    /// The place of the last digit written, in the value's units: 1 for
    /// "35", 0.1 for "73.3%", 100 million for "$1.4 billion" (D114).
    pub precision: f64,
    /// The upper end of a range ("between 30 and 40 countries", "30-40"):
    /// `value` is then the lower end.
    pub to: Option<f64>,
}

impl Amount {
    /// What the words allow, before rounding: a qualifier's range, a range's
    /// two ends, a share in words read as "about"; None for a bare figure.
    pub fn bounds(&self) -> Option<Range> {
        if let Some(to) = self.to {
            return Some(Range::closed(self.value.min(to), self.value.max(to)));
        }
        let mut r = match self.qualifier {
            Some(q) => q.range(self.value),
            None if self.vague => Qualifier::About.range(self.value),
            None => return None,
        };
        // "Some two dozen", "roughly a fifth": round words are rounder than
        // digits, so a hedge on them reaches further (on its hedged sides).
        if self.vague || self.dozen {
            let extra = (self.value * 0.15).max(3.0);
            let hedged = matches!(self.qualifier, None | Some(Qualifier::About));
            if hedged || matches!(self.qualifier, Some(Qualifier::Nearly)) {
                r.min = r.min.map(|l| l.min(self.value - extra));
            }
            if hedged {
                r.max = r.max.map(|h| h.max(self.value + extra));
            }
        }
        Some(r)
    }

    /// Every value the figure allows: its words' range, or for a bare figure
    /// every value that rounds to it at the precision written ("$44
    /// billion" is $43.5 to $44.5 billion; "35" is 35).
    pub fn allowed(&self) -> Range {
        self.bounds().unwrap_or_else(|| {
            let half = self.precision / 2.0;
            Range::closed(self.value - half, self.value + half)
        })
    }

    /// Whether the figure allows `x`.
    pub fn allows(&self, x: f64) -> bool {
        self.allowed().contains(x)
    }

    /// The bounds its words set (None = open), an excluded end given as is
    /// ("more than 30": 30 and up); a bare figure's own value at both ends.
    pub fn range(&self) -> (Option<f64>, Option<f64>) {
        self.bounds()
            .map_or((Some(self.value), Some(self.value)), |r| r.bounds())
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
        /// For an age, the person it is the age of (an entity id): the one
        /// it stands beside ("Prevost, 69,") or the nearest named.
        of: Option<String>,
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
        /// The speaker is a name several people share that nothing decided
        /// (entity indexes): the quotes on record may (U016).
        shared: Vec<usize>,
    },
    Role {
        entity: Option<usize>,
        title: String,
        name: String,
        title_span: Span,
        /// A period cue follows the title ("under Pope Francis"): judged as
        /// held at some time, not at publication.
        ever: bool,
        /// The name is one several people share that nothing decided
        /// (entity indexes; `entity` is then None): unverifiable (U016).
        shared: Vec<usize>,
    },
    Name {
        entity: usize,
        found: String,
        /// The right spelling.
        expected: String,
        /// Other people whose name the right spelling is too ("Johnson").
        others: Vec<usize>,
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
    /// Names several entities share that nothing in the article decided
    /// (see [`names`]), in text order.
    pub shared: Vec<SharedMention>,
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
    // Who the article has named so far, for a later bare name several share.
    let mut named = names::Named::default();
    for &sentence in &article.sentences {
        let mut taken: Vec<Span> = Vec::new();
        let mut out: Vec<Mention> = Vec::new();
        dates::extract(prose, sentence, article.published, last_date, &mut taken, &mut out);
        last_date = out
            .iter()
            .filter_map(|m| match m.value {
                Value::Date { resolved, .. } => resolved,
                _ => None,
            })
            .next_back()
            .or(last_date);
        let about = index.about_in(prose, sentence);
        let event_names = index.event_names_in(prose, sentence);
        let (entities, shared) = {
            let dates: Vec<Date> = out
                .iter()
                .filter_map(|m| match m.value {
                    Value::Date { resolved, .. } => resolved,
                    _ => None,
                })
                .collect();
            let events: Vec<usize> = event_names.iter().flat_map(|(_, e)| e.iter().copied()).collect();
            let around = names::Around {
                prose,
                sentence,
                base,
                index,
                published: article.published,
                dates: &dates,
                about: &about,
                events: &events,
                places: &[],
            };
            people::entities(&around, &mut named)
        };
        // An age beside a name several people share is of someone the base
        // cannot tell ("" is no entity's id): never held against one of them.
        let people: Vec<(Span, &str)> = entities
            .iter()
            .filter(|e| base.entities[e.entity].kind == crate::facts::EntityKind::Person)
            .map(|e| (e.span, base.entities[e.entity].id.as_str()))
            .chain(shared.iter().map(|m| (m.span, "")))
            .collect();
        let cells: Vec<(Span, String)> = starting_in(&article.cells, sentence, |c| c.span.start)
            .iter()
            .filter(|c| sentence.contains(c.span))
            .filter_map(|c| cell_unit(prose, index, c).map(|u| (c.span, u)))
            .collect();
        let around = numbers::Around {
            people: &people,
            cells: &cells,
        };
        numbers::extract(prose, sentence, index, &around, &mut taken, &mut out);
        // Kinds whose words no extractor above reads bring their own.
        let cx = crate::kinds::ExtractCx { prose, index };
        for kind in crate::kinds::VALUE_KINDS {
            kind.extract(&cx, sentence, &mut taken, &mut out);
        }
        people::roles(prose, sentence, &entities, &shared, base, index, &mut out);
        people::near_misses(prose, sentence, &entities, &shared, base, index, &mut out);
        let mut about = about;
        about.extend(age_words(index, &out));
        let about = specific_age_phrases(base, &out, about);
        // Only a sentence with some phrase can tie a stand-in to a fact.
        if !about.is_empty() {
            ex.stand_ins
                .extend(people::stand_ins(prose, sentence, &entities, base, index));
        }
        ex.about.extend(about);
        ex.event_names
            .extend(event_names.into_iter().map(|(span, events)| (span, events.to_vec())));
        ex.entities.extend(entities);
        ex.shared.extend(shared);
        ex.mentions.extend(out);
    }
    ex.mentions.sort_by_key(|m| (m.span.start, m.span.end, m.kind));
    table_context(article, base, &mut ex);
    quotes::extract(article, &ex.entities, &ex.shared, base, index, &mut ex.mentions);
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
        // The news of the day: of a story the article speaks of, the occasion
        // on or just before its publication date (within a month) is present
        // too, named or not ("the quarter ending on April 27" of results
        // reported the day before).
        if let Some(published) = article.published {
            for file in files {
                let latest = base
                    .events_of_file(file)
                    .into_iter()
                    .filter_map(|e| {
                        let days = i64::from((published - base.events[e].date?).get_days());
                        (0..=31).contains(&days).then_some((days, e))
                    })
                    .min();
                if let Some((_, e)) = latest {
                    present[e] = true;
                }
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

/// A table cell's column header works like an `about` phrase for the
/// cell's figure, as its row's label does, both read as if they stood at
/// the start of the cell (`| % of votes | 43.6% |` under `Liberal`): the
/// facts both the label and the header tie first (`| Revenue | ... | 69% |`
/// under `Change YoY` is the change of revenue); failing any of the
/// figure's kind, the label's (`| Operating income | ... | 28% |`); failing
/// those, the header's. The header's occasion names count too (`$44.06
/// billion` under `Fiscal Q1 2026`).
fn table_context(article: &Article, base: &FactBase, ex: &mut Extraction) {
    let mut hits = Vec::new();
    let mut names = Vec::new();
    let ties = |h: &AboutHit| h.facts.iter().chain(&h.occasion).copied().collect::<Vec<usize>>();
    for cell in &article.cells {
        let Some(header) = cell.header else { continue };
        let figures: Vec<&Mention> = starting_in(&ex.mentions, cell.span, |m| m.span.start)
            .iter()
            .filter(|m| cell.span.contains(m.span))
            .collect();
        let fits = |f: usize| figures.iter().any(|m| crate::kinds::fits(m, &base.facts[f]));
        let at = Span::new(cell.span.start, cell.span.start);
        let in_header: Vec<&AboutHit> = ex.about.iter().filter(|h| header.contains(h.span)).collect();
        let in_label: Vec<&AboutHit> = cell
            .label
            .map(|l| ex.about.iter().filter(|h| l.contains(h.span)).collect())
            .unwrap_or_default();
        let header_ties: Vec<usize> = in_header.iter().flat_map(|h| ties(h)).collect();
        let mut narrowed = false;
        for h in &in_label {
            let both: Vec<usize> = ties(h)
                .into_iter()
                .filter(|&f| header_ties.contains(&f) && fits(f))
                .collect();
            if !both.is_empty() {
                narrowed = true;
                hits.push(AboutHit {
                    span: at,
                    facts: both,
                    occasion: Vec::new(),
                    phrase: h.phrase.clone(),
                });
            }
        }
        let label_fits: Vec<&AboutHit> = in_label
            .iter()
            .copied()
            .filter(|h| ties(h).into_iter().any(fits))
            .collect();
        if !narrowed {
            // The label's phrases, else the header's, at the cell: a row of
            // many cells parts them with semicolons, which a phrase's
            // distance would count as clause breaks.
            let from = if label_fits.is_empty() { &in_header } else { &label_fits };
            hits.extend(from.iter().map(|h| AboutHit {
                span: at,
                ..(*h).clone()
            }));
        }
        names.extend(
            ex.event_names
                .iter()
                .filter(|(s, _)| header.contains(*s))
                .map(|(_, events)| (at, events.clone())),
        );
    }
    ex.about.extend(hits);
    ex.event_names.extend(names);
    ex.event_names.sort_by_key(|(s, _)| (s.start, s.end));
}

/// The unit a table cell's row label or column header names
/// (`| Countries represented | 36 |`: countries), if the fact base knows it.
fn cell_unit(prose: &str, index: &Index, cell: &crate::article::TableCell) -> Option<String> {
    [cell.label, cell.header].into_iter().flatten().find_map(|span| {
        word_spans(prose, span)
            .iter()
            .find_map(|w| index.unit_at(prose, w.start, span.end).map(|(_, u)| u.to_owned()))
    })
}

/// An age of a named person ("Robert Prevost, 69,", "the 69-year-old
/// Prevost") reads as "aged 69": the fact base's phrases of the age words
/// (`numbers.age_cues`) are read as if they stood right before it. (Of no
/// one named, an age ties nothing by its form alone.)
fn age_words(index: &Index, mentions: &[Mention]) -> Vec<AboutHit> {
    let mut hits = Vec::new();
    for m in mentions {
        let Value::Count { unit, of: Some(_), .. } = &m.value else {
            continue;
        };
        if unit != AGE {
            continue;
        }
        let at = Span::new(m.span.start, m.span.start);
        for cue in crate::lexicon::lang().numbers.age_cues.iter() {
            hits.extend(
                index
                    .about_in(cue, Span::new(0, cue.len()))
                    .into_iter()
                    .filter(|h| h.phrase.eq_ignore_ascii_case(cue))
                    .map(|h| AboutHit { span: at, ..h }),
            );
        }
    }
    hits
}

/// An age word right before an age ("at age 27", "aged 69") says it is an
/// age, not which one: where the sentence holds a phrase of an age fact
/// besides ("Ordained in 1982 at age 27"), that phrase decides, and the
/// bare age words of the sentence tie nothing (U010). A phrase inside an
/// age's own words ("year-old" in "a 69-year-old") is no such phrase.
fn specific_age_phrases(base: &FactBase, mentions: &[Mention], about: Vec<AboutHit>) -> Vec<AboutHit> {
    let ages: Vec<Span> = mentions
        .iter()
        .filter(|m| matches!(&m.value, Value::Count { unit, .. } if unit == AGE))
        .map(|m| m.span)
        .collect();
    if ages.is_empty() {
        return about;
    }
    let cue = |h: &AboutHit| {
        crate::lexicon::lang()
            .numbers
            .age_cues
            .contains(h.phrase.to_lowercase())
    };
    // A phrase inside an age's own words ("year-old") is its form, not a
    // specific phrase.
    let specific = about.iter().any(|h| {
        !cue(h)
            && !ages.iter().any(|a| a.overlaps(h.span))
            && h.facts.iter().any(|&f| crate::kinds::is_age(&base.facts[f]))
    });
    if !specific {
        return about;
    }
    about.into_iter().filter(|h| !cue(h)).collect()
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
