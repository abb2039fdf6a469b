//! Findings: what the engine concludes about one claim, as typed data.
//!
//! A finding holds no English: the rule that decided it, the reason with its
//! fields, why the claim was tied to its fact, what was found and what the
//! fact base expects, and a correction. Every sentence a user reads is built
//! from these in [`crate::report::words`], in one place.

use serde::Serialize;
use serde_json::Value as Json;

use crate::extract::Kind;
use crate::rules::Rule;
use crate::span::Span;

/// The three verdicts of the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Match,
    Discrepancy,
    Unverifiable,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Match => "match",
            Verdict::Discrepancy => "discrepancy",
            Verdict::Unverifiable => "unverifiable",
        }
    }
}

/// A source as shown next to a verdict.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceRef {
    pub id: String,
    pub title: Option<String>,
    pub url: Option<String>,
}

/// One claim with its verdict and evidence, as the engine decided it.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub verdict: Verdict,
    pub kind: Kind,
    pub span: Span,
    pub sentence: Span,
    pub found: Json,
    pub expected: Option<Json>,
    /// The range an approximation allows ("more than 30": above 30), or a
    /// rounded figure ("$44 billion": $43.5 to $44.5 billion).
    pub range: Option<crate::lexicon::Range>,
    pub fact: Option<String>,
    pub source: Option<SourceRef>,
    /// The rule behind every verdict but a plain match.
    pub rule: Option<Rule>,
    pub reason: Reason,
    pub suggestion: Option<String>,
    /// Why the claim was tied to its fact.
    pub because: Option<Because>,
    /// The entity a role or name claim was checked against.
    pub entity: Option<String>,
}

/// How an expected value is shown in a message.
#[derive(Debug, Clone, PartialEq)]
pub enum Shown {
    /// The value as a reader would say it: "35 countries", "€90 billion".
    Value(String),
    /// The right weekday, but read against publication another week.
    OtherWeek {
        date: String,
        published: String,
        weekday: String,
        resolved: String,
    },
}

/// One part of a list's difference from its fact.
#[derive(Debug, Clone, PartialEq)]
pub enum ListPart {
    /// Members of the fact the list leaves out, as names.
    Missing(String),
    /// Members of the list the fact does not hold, as names.
    Extra(String),
}

pub use crate::facts::FormerWhy;

/// What the verdict rests on, with the fields its message needs. The
/// claim's own text (`what`) is read from the article by the report.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// The claim agrees with the fact (shown).
    Agrees { fact: String, shown: String },
    /// A count agrees with the size of a complete list.
    AgreesWithList {
        fact: String,
        members: usize,
        names: String,
        because: Because,
    },
    /// A quotation on record.
    QuoteAgrees { short: String, fact: String, who: String },
    /// A title among the person's roles.
    TitleAgrees { title: String, name: String, role: String },
    /// A list or place that agrees with its fact.
    ListAgrees { fact: String, names: String },
    /// A list denied the phrase, none of whom the fact holds.
    DenialAgrees { fact: String, names: String },
    /// A list denied the phrase, some of whom the fact holds.
    DenialFalse {
        fact: String,
        held: String,
        because: Because,
    },
    /// A place within the fact's place, or one it lies in.
    PlaceWithin { fact: String, inner: String, outer: String },
    /// A weekday right for the date beside it.
    CalendarAgrees { date: String, weekday: String },
    /// The claim contradicts its fact.
    Differs {
        fact: String,
        shown: Shown,
        because: Because,
    },
    /// A list with extra or missing members.
    ListDiffers {
        fact: String,
        expected: String,
        because: Because,
        parts: Vec<ListPart>,
    },
    /// A part larger than its whole.
    PartExceedsWhole { whole: String },
    /// A weekday wrong for the date beside it.
    CalendarDiffers { said: String, date: String, right: String },
    /// A quotation said by someone else.
    QuoteMisattributed {
        short: String,
        name: String,
        said_by: String,
        fact: String,
    },
    /// A quotation whose words differ from the record.
    QuoteDiffers { fact: String, diff: String },
    /// A title the person held at another time.
    TitleNotThen {
        title: String,
        date: String,
        name: String,
        ended: bool,
        role: String,
        period: String,
        holders: Option<String>,
    },
    /// "Former" for an office still held.
    TitleStillHeld {
        title: String,
        date: String,
        name: String,
        role: String,
    },
    /// A title that is none of the person's roles.
    TitleWrong { title: String, name: String, roles: String },
    /// A near-miss spelling.
    Misspelt {
        found: String,
        expected: String,
        name: String,
    },
    /// Several facts fit equally and disagree.
    Ambiguous { facts: Vec<String> },
    /// A list that two facts fit equally.
    ListAmbiguous { fact: String, rival: String },
    /// A name several entities share, and nothing in the article tells which
    /// is meant: `name` as written, the candidates' ids and the names shown
    /// (the first few; `more` counts the rest).
    AmbiguousName {
        name: String,
        ids: Vec<String>,
        names: Vec<String>,
        more: usize,
    },
    /// Facts of the kind exist, but the link is too weak.
    NotLinked {
        facts: Vec<String>,
        more: usize,
        weak: Weak,
    },
    /// A list not judged against its fact.
    ListNotJudged { fact: String, weak: Weak },
    /// No fact of the claim's kind.
    NoFact,
    /// An age (or, `age` false, a span of time) and no fact of its kind.
    NoAgeFact { age: bool },
    /// No quotation on record matches.
    QuoteNotOnRecord { speaker: Option<String> },
    /// A quotation whose speaker the fact base does not know.
    QuoteByStranger,
    /// A titled person the fact base does not know.
    UnknownPerson { title: String, name: String },
    /// A person with no roles on record.
    NoRoles { name: String },
    /// A "former" title that cannot be judged.
    FormerUndated {
        title: String,
        name: String,
        why: FormerWhy,
    },
    /// A dated role, and no publication date.
    TitleNeedsDate {
        title: String,
        name: String,
        full_name: String,
        role: String,
    },
    /// A value quoted in a correction notice.
    CorrectionNotice,
    /// A wrong value put right nearby.
    CorrectedNearby { said: String, fact: String },
    /// The fact that would judge the claim is a draft.
    Draft { fact: String },
}

/// Why a link is too weak to judge by.
#[derive(Debug, Clone, PartialEq)]
pub enum Weak {
    TooFar {
        phrase: String,
    },
    Denied,
    Possessive {
        phrase: String,
    },
    ShareOf {
        whole: String,
    },
    SetApart {
        word: String,
        phrase: String,
    },
    PartNotWhole {
        word: String,
    },
    CountedFrom {
        word: String,
    },
    DatesSomethingElse {
        word: String,
    },
    OtherOccasion {
        cue: String,
    },
    NeedsDate {
        period: String,
    },
    NoPhrase,
    OwnedByCloser {
        phrase: String,
        other: String,
    },
    PlacedElsewhere {
        place: String,
        occasion: String,
    },
    DatedElsewhere {
        dated: String,
        fact: String,
    },
    AnotherDay {
        dated: String,
    },
    /// The value differs from the linked fact's and is another fact's, one
    /// the article speaks of elsewhere.
    ValueOfAnother {
        fact: String,
    },
    /// A count after a partitive ("most of the"): the whole, not the part
    /// the sentence's verb counts.
    WholeOfPart {
        word: String,
    },
    /// A figure ten times larger or smaller than the fact's, not a slip of scale.
    OtherMagnitude {
        fact: String,
    },
    /// A list before a passive ("was announced"): maybe what was done.
    PassiveSubject {
        word: String,
    },
    /// A list before something not asserted ("to win", "could sign").
    NotAsserted {
        word: String,
    },
    /// An end of a range of years, the fact's year inside the range or
    /// judged by the other end.
    RangeEnd {
        range: String,
    },
    /// The facts are about people (or places) a name in the sentence that
    /// several share may or may not be: `name` as written, its candidates'
    /// ids and names (U016).
    SharedName {
        name: String,
        candidates: Vec<String>,
        names: Vec<String>,
    },
}

impl Weak {
    /// The rule that gives this reason.
    pub fn rule(&self) -> Rule {
        match self {
            Weak::TooFar { .. } => Rule::PhraseTooFar,
            Weak::Denied => Rule::Denied,
            Weak::Possessive { .. } => Rule::PossessivePhrase,
            Weak::ShareOf { .. } => Rule::ShareOfAnotherWhole,
            Weak::SetApart { .. } => Rule::SetApart,
            Weak::PartNotWhole { .. } => Rule::PartNotWhole,
            Weak::CountedFrom { .. } => Rule::CountedFromOccasion,
            Weak::DatesSomethingElse { .. } => Rule::DatesSomethingElse,
            Weak::OtherOccasion { .. } => Rule::OtherOccasion,
            Weak::NeedsDate { .. } => Rule::NeedsPublicationDate,
            Weak::NoPhrase => Rule::NoPhrase,
            Weak::OwnedByCloser { .. } => Rule::PhraseOwnedByCloser,
            Weak::PlacedElsewhere { .. } => Rule::PlacedElsewhere,
            Weak::DatedElsewhere { .. } => Rule::DatedElsewhere,
            Weak::AnotherDay { .. } => Rule::AnotherDay,
            Weak::ValueOfAnother { .. } => Rule::ValueOfAnother,
            Weak::WholeOfPart { .. } => Rule::WholeOfPart,
            Weak::PassiveSubject { .. } => Rule::PassiveSubject,
            Weak::OtherMagnitude { .. } => Rule::OtherMagnitude,
            Weak::NotAsserted { .. } => Rule::NotAsserted,
            Weak::RangeEnd { .. } => Rule::RangeEnd,
            Weak::SharedName { .. } => Rule::AmbiguousName,
        }
    }
}

/// Why a claim was tied to its fact: the route it came by.
#[derive(Debug, Clone, PartialEq)]
pub enum Because {
    /// An `about` phrase in the sentence (and, for a count, its unit).
    Phrase { phrase: String, unit: Option<String> },
    /// A headline figure, held against the body's link.
    Headline { fact: String },
    /// A phrase nearby and a value close to the fact's.
    Nearby { phrase: String },
    /// Its unit (currency, percentage, date) fits one fact alone.
    UnitAlone { basis: String, fact: String },
    /// Of the facts its sentence or paragraph speaks of, the one whose value
    /// it has (rather than `instead`, the link's first choice, which differs).
    ValueDecides { phrase: String, instead: Option<String> },
    /// A count of a complete list's members.
    CompleteList { phrase: String, fact: String },
    /// A phrase of the fact's occasion, and a value that agrees.
    Occasion { phrase: String, fact: String },
    /// A place where it happened, the fact's phrase elsewhere.
    Place { phrase: String, fact: String },
    /// The date written next to a weekday.
    Calendar,
    /// A title by the name after it.
    Name { name: String },
    /// A quotation by its words.
    QuoteWords,
    /// A reworded quotation by its speaker and most of its words.
    SpeakerWords { speaker: String, percent: String },
    /// A near-miss of a known spelling.
    NearMiss,
    /// A part and its whole.
    Arithmetic { whole: String },
    /// An end of a range of years that is the year of a fact tied to the range.
    Range { range: String, fact: String },
}
