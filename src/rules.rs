//! The rules: every verdict other than a plain match comes from one, named by
//! a stable code (ruff's `F401` style).
//!
//! The codes are Rust (a [`Rule`] is what the engine returns, so a typo is a
//! compile error); everything said about a rule (its name, summary,
//! explanation and the example sentences that must fire and must not) is data,
//! in `lang/en/rules.toml`, loaded once and checked against the enum by a test.
//! Each example is run through the checker by `tests/rules.rs`.

use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

macro_rules! rules {
    ($($(#[$doc:meta])* $variant:ident = $code:literal,)*) => {
        /// One rule of the engine, by its stable code.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Rule {
            $($(#[$doc])* $variant,)*
        }

        impl Rule {
            /// Every rule, in code order.
            pub const ALL: &[Rule] = &[$(Rule::$variant,)*];

            /// The stable code: `D105`.
            pub fn code(self) -> &'static str {
                match self {
                    $(Rule::$variant => $code,)*
                }
            }
        }
    };
}

rules! {
    /// A date differs from the fact's.
    DateDiffers = "D101",
    /// A weekday differs from the fact's date's, or names another week.
    WeekdayDiffers = "D102",
    /// A weekday beside its own date is not that date's weekday.
    WeekdayCalendar = "D103",
    /// A year differs from the fact's.
    YearDiffers = "D104",
    /// A count lies outside what the fact allows.
    CountDiffers = "D105",
    /// A part larger than its whole.
    PartExceedsWhole = "D106",
    /// An amount differs from the fact's.
    AmountDiffers = "D107",
    /// An amount in another currency than the fact's.
    CurrencyDiffers = "D108",
    /// A percentage differs from the fact's.
    PercentDiffers = "D109",
    /// An ordinal or rank differs from the fact's.
    OrdinalDiffers = "D110",
    /// "More than 35" or "under 35" when the fact is 35: a strict bound excludes its number.
    BoundExcludesFigure = "D111",
    /// "Nearly 30" when the fact is 30 or a little more.
    NearlyNotBelow = "D112",
    /// "Two dozen" unqualified when the fact is near but not 24.
    DozenNotExact = "D113",
    /// A rounded figure that is not the fact rounded the same way.
    RoundedFigureDiffers = "D114",
    /// A place or actor differs from the fact's.
    EntityDiffers = "D201",
    /// A list has members the fact lacks, or omits some of a complete one.
    ListDiffers = "D202",
    /// A list said not to have done what the fact's members did.
    FalseDenial = "D203",
    /// A title that is not one of the person's roles.
    TitleWrong = "D301",
    /// A title held at another time than the article's date.
    TitleNotThen = "D302",
    /// "Former" for an office still held.
    TitleStillHeld = "D303",
    /// A near-miss spelling of a known name.
    NameMisspelt = "D304",
    /// A quotation whose words differ from the record.
    QuoteDiffers = "D401",
    /// A quotation on record, attributed to someone else.
    QuoteMisattributed = "D402",
    /// The only phrase stands too far from the claim.
    PhraseTooFar = "L001",
    /// The article denies the claim.
    Denied = "L002",
    /// The phrase names something of the occasion, not when it was.
    PossessivePhrase = "L003",
    /// A share of another whole than the fact's.
    ShareOfAnotherWhole = "L004",
    /// The figure is set apart from what the phrase names.
    SetApart = "L005",
    /// A count of a part, not the whole.
    PartNotWhole = "L006",
    /// A date counted from the occasion.
    CountedFromOccasion = "L007",
    /// A date that bounds or dates something else.
    DatesSomethingElse = "L008",
    /// A cue of another occasion.
    OtherOccasion = "L009",
    /// The phrase belongs to a closer claim.
    PhraseOwnedByCloser = "L010",
    /// The sentence places the claim elsewhere than its occasion.
    PlacedElsewhere = "L011",
    /// The sentence is dated far from the occasion.
    DatedElsewhere = "L012",
    /// A place in a sentence dated another day than its occasion.
    AnotherDay = "L013",
    /// A value quoted in a correction notice.
    CorrectionNotice = "L014",
    /// A wrong value put right in the same paragraph.
    CorrectedNearby = "L015",
    /// The value is another fact's, one the article speaks of elsewhere.
    ValueOfAnother = "L030",
    /// A count after a partitive is the whole, not the part the verb counts.
    WholeOfPart = "L031",
    /// A list before a passive may be what was done, not who did it.
    PassiveSubject = "L032",
    /// A list before something not asserted.
    NotAsserted = "L033",
    /// A figure of another magnitude than the fact's, not a slip of scale.
    OtherMagnitude = "L034",
    /// An end of a range of years, not judged alone against a fact of the range.
    RangeEnd = "L016",
    /// No fact of this kind could apply.
    NoFact = "U001",
    /// No phrase in the sentence ties the claim to a fact.
    NoPhrase = "U002",
    /// Several facts that disagree fit equally well.
    Ambiguous = "U003",
    /// The fact or title is dated and the article is not.
    NeedsPublicationDate = "U004",
    /// A titled person the fact base does not know.
    UnknownPerson = "U005",
    /// A known person with no roles on record.
    NoRoles = "U006",
    /// A "former" title with no dates to judge it by.
    FormerUndated = "U007",
    /// A quotation not on record.
    QuoteNotOnRecord = "U008",
    /// The fact is a draft with no source.
    DraftFact = "U009",
    /// A quotation attributed to someone the fact base does not know.
    QuoteByStranger = "U015",
    /// A name several entities share, and nothing tells which is meant.
    AmbiguousName = "U016",
    /// An age or a span of years with no fact of its kind.
    AgeOrSpanUnmatched = "U010",
}

impl Rule {
    /// The rule with this code (any ASCII case), if there is one.
    pub fn from_code(code: &str) -> Option<Rule> {
        Rule::ALL
            .iter()
            .copied()
            .find(|r| r.code().eq_ignore_ascii_case(code.trim()))
    }

    /// What is said about the rule in the language file.
    pub fn doc(self) -> &'static RuleDoc {
        docs()
            .iter()
            .find(|d| d.code == self.code())
            .expect("every rule is documented (tested)")
    }

    pub fn name(self) -> &'static str {
        &self.doc().name
    }

    pub fn summary(self) -> &'static str {
        &self.doc().summary
    }
}

impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// The three groups of rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Group {
    /// A check that finds a contradiction.
    Discrepancy,
    /// A reason a link is too weak to judge by.
    Link,
    /// No fact to judge by, or no way to choose one.
    Unverifiable,
}

/// An example sentence of a rule: the text, and how it is checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Example {
    pub text: String,
    /// The publication date it is checked at (`"none"` for an undated
    /// article); by default 2026-01-07.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// The fact base it is checked against; by default the project's `claims/`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub facts: Option<String>,
    /// The claim the rule must fire on (or not), as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claim: Option<String>,
}

impl<'de> Deserialize<'de> for Example {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Example, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Full {
            text: String,
            published: Option<String>,
            facts: Option<String>,
            claim: Option<String>,
        }
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Text(String),
            Full(Full),
        }
        Ok(match Raw::deserialize(d)? {
            Raw::Text(text) => Example {
                text,
                published: None,
                facts: None,
                claim: None,
            },
            Raw::Full(f) => Example {
                text: f.text,
                published: f.published,
                facts: f.facts,
                claim: f.claim,
            },
        })
    }
}

/// What the language file says about one rule.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RuleDoc {
    pub code: String,
    /// kebab-case, as ruff names its rules.
    pub name: String,
    pub group: Group,
    /// One line.
    pub summary: String,
    /// What it checks and why.
    pub explanation: String,
    /// The word lists of `lang/en/words.toml` the rule reads ("cues.negators").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<String>,
    /// Sentences it must fire on.
    #[serde(default)]
    pub fires: Vec<Example>,
    /// Sentences it must not fire on.
    #[serde(default)]
    pub allows: Vec<Example>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    rule: Vec<RuleDoc>,
}

/// The English rules file, compiled in: the binary needs nothing beside it.
pub const RULES_TOML: &str = include_str!("../lang/en/rules.toml");

/// Every rule's documentation, in file order, parsed once.
pub fn docs() -> &'static [RuleDoc] {
    static DOCS: LazyLock<Vec<RuleDoc>> = LazyLock::new(|| {
        toml::from_str::<RulesFile>(RULES_TOML)
            .expect("lang/en/rules.toml is valid (tested)")
            .rule
    });
    &DOCS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_is_documented_once_and_every_documented_code_is_a_rule() {
        let docs = docs();
        for r in Rule::ALL {
            assert_eq!(docs.iter().filter(|d| d.code == r.code()).count(), 1, "{r}");
        }
        for d in docs {
            assert!(Rule::from_code(&d.code).is_some(), "{} is no rule", d.code);
            assert!(!d.summary.contains('\n') && !d.summary.ends_with('.'), "{}", d.code);
            assert!(d.name.chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{}", d.name);
            for list in &d.words {
                assert!(
                    crate::lexicon::lang().list(list).is_some(),
                    "{}: no word list {list}",
                    d.code
                );
            }
        }
        let mut names: Vec<&str> = docs.iter().map(|d| d.name.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), docs.len(), "rule names are unique");
    }

    #[test]
    fn codes_match_their_group() {
        for r in Rule::ALL {
            let want = match r.doc().group {
                Group::Discrepancy => 'D',
                Group::Link => 'L',
                Group::Unverifiable => 'U',
            };
            assert!(r.code().starts_with(want), "{r}");
        }
        assert_eq!(Rule::from_code("d105"), Some(Rule::CountDiffers));
        assert_eq!(Rule::from_code("X999"), None);
    }
}
