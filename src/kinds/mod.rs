//! Claim kinds: what each kind of claim compares, and how it says and
//! corrects a value.
//!
//! The value kinds (a date, a weekday, a year, a count, an amount, a
//! percentage, an ordinal) are each one module behind [`ValueKind`]: which
//! facts a mention of the kind can be compared with ([`ValueKind::fits`]),
//! the comparison itself with the expected value and the correction in the
//! article's own style ([`ValueKind::compare`]), and the fact's value as a
//! reader says it ([`ValueKind::describe`]). Their mentions are found by
//! `crate::extract` (a kind whose words no other extractor reads brings its
//! own, see [`ValueKind::extract`]); which fact a mention is compared with is
//! `crate::link`'s decision.
//!
//! The named kinds judge a claim by the names it holds rather than by a
//! linked value, and each is one module too: [`entity`] (a place, an actor,
//! a list of them), [`role`] (a title before a known person), [`name`] (a
//! misspelt name) and [`quote`] (a quotation and its speaker).
//!
//! Adding a value kind: a module implementing [`ValueKind`], a line in
//! [`of`], and the fact-base key that holds its value.

use jiff::civil::Date;
use serde_json::Value as Json;

use crate::extract::{Kind, Mention};
use crate::facts::Fact;
use crate::finding::Shown;
use crate::rules::Rule;
use crate::span::Span;

mod amount;
mod count;
mod date;
pub mod entity;
pub mod name;
mod number;
mod ordinal;
mod percent;
pub mod quote;
pub mod role;
mod weekday;
pub mod words;
mod year;

pub use count::is_age;
pub use number::{fits_range, reported_range};

/// What a kind's own extractor reads: the article's prose and the index
/// (the units its facts use, say).
pub struct ExtractCx<'a> {
    pub prose: &'a str,
    pub index: &'a crate::facts::Index,
}

/// What a comparison needs of the article.
#[derive(Debug, Clone, Copy)]
pub struct Cx<'a> {
    /// The article's text, as on disk (claims are rewritten from it).
    pub text: &'a str,
    pub published: Option<Date>,
}

/// A value claim compared with a fact.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub ok: bool,
    /// The fact's value, normalised as the report shows it.
    pub expected: Json,
    /// How a message shows the fact's value.
    pub shown: Shown,
    /// The claim rewritten with the fact's value, in the article's style.
    pub suggestion: Option<String>,
    /// The rule a disagreement comes from.
    pub rule: Rule,
}

/// One kind of value claim.
pub trait ValueKind: Sync {
    /// The kind, as the report names it.
    fn kind(&self) -> Kind;

    /// Whether `fact` holds a value a mention of this kind can be compared
    /// with (its unit for a count, a date for a weekday, ...).
    fn fits(&self, m: &Mention, fact: &Fact) -> bool;

    /// Compare the mention with the fact.
    fn compare(&self, cx: Cx<'_>, m: &Mention, fact: &Fact) -> Comparison;

    /// The fact's value as a reader would say it: "35 countries", "€90 billion".
    fn describe(&self, fact: &Fact) -> String;

    /// Find mentions no other extractor finds, in one sentence, after the
    /// shared extractors have taken their spans (most kinds share the number
    /// and date extractors, and find nothing more here).
    fn extract(&self, _cx: &ExtractCx<'_>, _sentence: Span, _taken: &mut Vec<Span>, _out: &mut Vec<Mention>) {}
}

/// The value kinds, in the order the report's kinds are listed.
pub const VALUE_KINDS: &[&dyn ValueKind] = &[
    &date::Date,
    &weekday::Weekday,
    &year::Year,
    &count::Count,
    &amount::Amount,
    &percent::Percent,
    &ordinal::Ordinal,
];

/// The value kind of a kind of claim, if it is one.
pub fn of(kind: Kind) -> Option<&'static dyn ValueKind> {
    VALUE_KINDS.iter().copied().find(|k| k.kind() == kind)
}

/// Whether `fact` can be compared with what `m` says, whatever its kind.
pub fn fits(m: &Mention, fact: &Fact) -> bool {
    of(m.kind).is_some_and(|k| k.fits(m, fact))
}
