//! The words: every sentence a user reads about a claim is built here, from
//! the engine's typed findings ([`crate::finding`]).
//!
//! One function a part of speech: the message, the reason a link is weak, the
//! route a link came by. The emitters only ever show these strings.

use crate::article::Article;
use crate::finding::{Because, Finding, FormerWhy, ListPart, Reason, Shown, Weak};
use crate::span::one_line;

use super::Claim;

/// A finding as the reports show it: its message and reason in words.
pub fn claim(article: &Article, f: Finding) -> Claim {
    let what = one_line(&article.text[f.span.start..f.span.end]);
    let message = message(&what, f.kind.as_str(), &f.reason);
    let candidates = match &f.reason {
        Reason::AmbiguousName { ids, .. }
        | Reason::NotLinked {
            weak: Weak::SharedName { candidates: ids, .. },
            ..
        } => Some(ids.clone()),
        _ => None,
    };
    Claim {
        verdict: f.verdict,
        kind: f.kind,
        span: f.span,
        sentence: f.sentence,
        found: f.found,
        expected: f.expected,
        range: f.range,
        fact: f.fact,
        source: f.source,
        rule: f.rule,
        message,
        suggestion: f.suggestion,
        because: f.because.as_ref().map(because),
        entity: f.entity,
        candidates,
        suppressed: None,
    }
}

/// The message of a claim whose text (on one line) is `what`.
pub fn message(what: &str, kind: &str, reason: &Reason) -> String {
    match reason {
        Reason::Agrees { fact, shown } => format!("{what} agrees with {fact} ({shown})"),
        Reason::AgreesWithList {
            fact,
            members,
            names,
            because: why,
        } => format!(
            "{what} agrees with the {members} members of {fact} ({names}; {})",
            because(why)
        ),
        Reason::QuoteAgrees { short, fact, who } => format!("\"{short}\" agrees with {fact} ({who})"),
        Reason::TitleAgrees { title, name, role } => format!("{title} agrees with the roles of {name} ({role})"),
        Reason::ListAgrees { fact, names } => format!("{what} agrees with {fact} ({names})"),
        Reason::DenialAgrees { fact, names } => {
            format!("{what}: the denial agrees with {fact}, which holds only {names}")
        }
        Reason::DenialFalse {
            fact,
            held,
            because: why,
        } => format!(
            "{what}: denied, but the fact base holds {held} ({fact}; {})",
            because(why)
        ),
        Reason::PlaceWithin { fact, inner, outer } => format!("{what} agrees with {fact} ({inner} lies in {outer})"),
        Reason::CalendarAgrees { date, weekday } => format!("{date} is a {weekday}"),
        Reason::Differs {
            fact,
            shown,
            because: why,
        } => format!(
            "{what}, but the fact base says {} ({fact}; {})",
            shown_value(shown),
            because(why)
        ),
        Reason::ListDiffers {
            fact,
            expected,
            because: why,
            parts,
        } => {
            let parts: Vec<String> = parts
                .iter()
                .map(|p| match p {
                    ListPart::Missing(names) => format!("missing {names}"),
                    ListPart::Extra(names) => format!("not in the fact base's list: {names}"),
                })
                .collect();
            format!(
                "the fact base says {expected} ({fact}; {}): {}",
                because(why),
                parts.join("; ")
            )
        }
        Reason::PartExceedsWhole { whole } => format!("{what} is more than the {whole} it is part of"),
        Reason::CalendarDiffers { said, date, right } => format!("{said}, but {date} is a {right} (calendar)"),
        Reason::QuoteMisattributed {
            short,
            name,
            said_by,
            fact,
        } => format!("\"{short}\" is attributed to {name}, but the fact base records it as said by {said_by} ({fact})"),
        Reason::QuoteDiffers { fact, diff } => format!("quotation differs from the record ({fact}): {diff}"),
        Reason::TitleNotThen {
            title,
            date,
            name,
            ended,
            role,
            period,
            holders,
        } => {
            let then = holders
                .as_ref()
                .map_or_else(String::new, |h| format!("; {h} held that office then"));
            let when = if *ended { "no longer" } else { "not yet" };
            format!("{title}, but on {date} {name} was {when} {role} ({period}){then}")
        }
        Reason::TitleStillHeld {
            title,
            date,
            name,
            role,
        } => {
            format!("{title}, but on {date} {name} still held that office ({role})")
        }
        Reason::TitleWrong { title, name, roles } => format!("{title}, but the fact base gives {name} as {roles}"),
        Reason::Misspelt { found, expected, name } => {
            format!("\"{found}\" looks like a misspelling of {expected} ({name})")
        }
        Reason::Ambiguous { facts } => format!(
            "{what}: ambiguous, {} fit equally well; not judged",
            facts.join(" and ")
        ),
        Reason::ListAmbiguous { fact, rival } => format!("ambiguous: {fact} and {rival} fit equally well; not judged"),
        Reason::AmbiguousName { name, names, more, .. } => format!(
            "{name}: {}; nothing in the article tells which one is meant, so this is not judged",
            alternatives(names, *more)
        ),
        Reason::NotLinked { facts, more, weak: w } => {
            let ids = match more {
                0 => facts.join(", "),
                more => format!("{} and {more} more", facts.join(", ")),
            };
            format!("{what}: not linked to {ids}: {}", weak(w))
        }
        Reason::ListNotJudged { fact, weak: w } => format!("not judged against {fact}: {}", weak(w)),
        Reason::NoFact => format!("{what}: no {kind} fact in the fact base covers this"),
        Reason::QuoteByStranger => {
            "who said this is not a person of the fact base (or cannot be told), and no quotation on record matches it"
                .to_owned()
        }
        Reason::NoAgeFact { age: true } => {
            format!("{what}: an age, and no age fact in the fact base covers it (an age is never compared with a year)")
        }
        Reason::NoAgeFact { age: false } => format!(
            "{what}: a span of time, and no fact in the fact base counts one (it is never compared with a year)"
        ),
        Reason::QuoteNotOnRecord { speaker } => {
            let who = speaker.as_ref().map_or_else(String::new, |n| format!(" of {n}"));
            format!("no quotation{who} on record matches this")
        }
        Reason::UnknownPerson { title, name } => format!("{title} {name}: this person is not in the fact base"),
        Reason::NoRoles { name } => format!("no roles on record for {name}"),
        Reason::FormerUndated { title, name, why } => {
            let why = match why {
                FormerWhy::NoPublicationDate => "the article has no publication date to judge \"former\" at",
                FormerWhy::NoPastRoleFits => "no past role on record fits it",
                FormerWhy::RoleUndated => "the fact base gives no dates for that role",
            };
            format!("{title} {name}: {why}")
        }
        Reason::TitleNeedsDate {
            title,
            name,
            full_name,
            role,
        } => format!(
            "{title} {name}: {full_name} was {role}; the article has no publication date to judge at (pass --published)"
        ),
        Reason::CorrectionNotice => format!("{what} is quoted in a correction notice; not judged"),
        Reason::CorrectedNearby { said, fact } => {
            format!("{what} is put right in the same paragraph (\"{said}\", {fact}); read as a correction, not judged")
        }
        Reason::Draft { fact } => format!(
            "{what}: {fact} is a draft (it cites no source yet); a draft fact never confirms or contradicts a claim"
        ),
    }
}

/// An expected value as a message shows it.
fn shown_value(shown: &Shown) -> String {
    match shown {
        Shown::Value(v) => v.clone(),
        Shown::OtherWeek {
            date,
            published,
            weekday,
            resolved,
        } => format!("{date}; read against publication on {published}, this {weekday} is {resolved}"),
    }
}

/// Why a link is too weak to judge by, as a clause.
pub fn weak(w: &Weak) -> String {
    match w {
        Weak::TooFar { phrase } => format!("its `about` phrase \"{phrase}\" stands too far from the claim"),
        Weak::Denied => "the article says it is not so".to_owned(),
        Weak::Possessive { phrase } => format!("\"{phrase}\" names something of the occasion, not when it was"),
        Weak::ShareOf { whole } => format!("it is a share of {whole}, which no fact's phrase names"),
        Weak::SetApart { word, phrase } => format!("\"{word}\" sets it apart from what \"{phrase}\" names"),
        Weak::PartNotWhole { word } => format!("after \"{word}\" it counts a part, not the whole"),
        Weak::CountedFrom { word } => format!("it is dated \"{word}\" the occasion, not on it"),
        Weak::DatesSomethingElse { word } => format!("after \"{word}\" it dates something else than the fact"),
        Weak::OtherOccasion { cue } => format!("\"{cue}\" suggests another occasion than the fact's"),
        Weak::NeedsDate { period } => {
            format!("the fact holds {period} only, and the article has no publication date")
        }
        Weak::NoPhrase => "none of their `about` phrases is in this sentence".to_owned(),
        Weak::OwnedByCloser { phrase, other } => format!("\"{phrase}\" belongs to the closer \"{other}\""),
        Weak::PlacedElsewhere { place, occasion } => {
            format!("the sentence places it in {place}, not at its occasion ({occasion})")
        }
        Weak::DatedElsewhere { dated, fact } => {
            format!("the sentence is dated \"{dated}\", away from the occasion of {fact}")
        }
        Weak::AnotherDay { dated } => format!("the sentence is dated \"{dated}\", another day than its occasion's"),
        Weak::WholeOfPart { word } => {
            format!("after \"{word}\" it counts the whole a part is taken from, not what the sentence says of the part")
        }
        Weak::OtherMagnitude { fact } => {
            format!(
                "it is more than ten times off {fact}'s figure, and not that figure on another scale: another quantity"
            )
        }
        Weak::PassiveSubject { word } => {
            format!("after \"{word}\" the list may be what was done, not who did it")
        }
        Weak::NotAsserted { word } => format!("after \"{word}\" the sentence does not say it happened"),
        Weak::ValueOfAnother { fact } => {
            format!("its value is that of {fact}, which the article also speaks of; which one it means is not clear")
        }
        Weak::RangeEnd { range } => {
            format!("it is an end of the range \"{range}\", and the fact is the range's other end or inside it")
        }
        Weak::SharedName { name, names, .. } => {
            format!(
                "\"{name}\" may be {}, and nothing in the article tells which",
                alternatives(names, 0)
            )
        }
    }
}

/// "A or B", "A, B or C", "A, B, C or 12 more".
fn alternatives(names: &[String], more: usize) -> String {
    match (names, more) {
        ([init @ .., last], 0) if !init.is_empty() => format!("{} or {last}", init.join(", ")),
        (all, 0) => all.join(""),
        (all, more) => format!("{} or {more} more", all.join(", ")),
    }
}

/// The route a link came by, as a clause.
pub fn because(b: &Because) -> String {
    match b {
        Because::Phrase { phrase, unit: None } => format!("linked by \"{phrase}\""),
        Because::Phrase {
            phrase,
            unit: Some(unit),
        } => format!("linked by \"{phrase}\" and unit \"{unit}\""),
        Because::Headline { fact } => format!("a headline figure, held against the body's link to {fact}"),
        Because::Nearby { phrase } => {
            format!("linked by \"{phrase}\" nearby in the article and a value close to the fact's")
        }
        Because::UnitAlone { basis, fact } => {
            format!("no phrase links it, but its {basis} fits {fact} alone, and the value agrees")
        }
        Because::ValueDecides { phrase, instead: None } => {
            format!("linked by \"{phrase}\"; of the facts that fit equally, the one with its value")
        }
        Because::ValueDecides {
            phrase,
            instead: Some(other),
        } => format!("linked by \"{phrase}\"; its value is this fact's, not {other}'s"),
        Because::CompleteList { phrase, fact } => format!("linked by \"{phrase}\" to the complete list of {fact}"),
        Because::Place { phrase, fact } => {
            format!("a place written as where it happened, and \"{phrase}\" elsewhere in the article names {fact}")
        }
        Because::Occasion { phrase, fact } => format!(
            "no phrase of its own links it, but \"{phrase}\" names the occasion of {fact}, and the value agrees"
        ),
        Because::Calendar => "the date written next to it".to_owned(),
        Because::Name { name } => format!("linked by the name \"{name}\""),
        Because::QuoteWords => "linked by the quotation's words".to_owned(),
        Because::SpeakerWords { speaker, percent } => {
            format!("linked by speaker {speaker} and {percent}% of the words")
        }
        Because::NearMiss => "a near-miss of a known spelling".to_owned(),
        Because::Arithmetic { whole } => format!("arithmetic: a part of \"{whole}\""),
        Because::Range { range, fact } => format!("an end of the range \"{range}\", which {fact} opens or closes"),
    }
}
