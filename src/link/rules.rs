//! The link rules: reasons a link between a claim and a fact is too weak to
//! judge by (`L` rules, see `lang/en/rules.toml`). Each looks at what the
//! sentence says around the claim and its phrase: a denial, a deadline, a
//! cue of another occasion, a share of another whole, a part counted apart.
//! [`against_link`] applies them to the best phrase link in order; the
//! first that holds is the reason reported, with its rule.

use std::borrow::Cow;

use jiff::civil::Date;

use crate::extract::{Kind, Mention, word_spans};
use crate::facts::{AboutHit, At, FactBase};
use crate::finding::Weak;
use crate::lexicon::lang;
use crate::span::{Span, starting_in};

use super::{Link, MAX_DISTANCE};

/// "by Wednesday", "until January 10": a date that bounds something else.
pub(super) fn deadline_before(prose: &str, mention: &Mention) -> Option<String> {
    if !matches!(mention.kind, Kind::Date | Kind::Weekday | Kind::Year) {
        return None;
    }
    let before = word_spans(prose, Span::new(mention.sentence.start, mention.span.start));
    // "said on Wednesday that the summit ...", "Recorded on Wednesday 7 January":
    // the date is the saying's (skip "on", "the" and a weekday written before the date).
    let word = before
        .iter()
        .rev()
        .map(|w| prose[w.start..w.end].to_lowercase())
        .find(|w| !matches!(w.as_str(), "on" | "the") && crate::lexicon::weekday(w).is_none())?;
    (lang().cues.deadline.contains(&word) || lang().cues.speech_verbs.contains(&word)).then_some(word)
}

/// Words that set a figure apart from the thing a phrase names: before the
/// phrase ("on top of the loan", "besides the loan") or between the two
/// ("the loan is part of a €200 billion package").
pub(super) fn beside_the_phrase(prose: &str, mention: &Mention, hit: Span) -> Option<String> {
    let between = if hit.end <= mention.span.start {
        Span::new(hit.end, mention.span.start)
    } else if mention.span.end <= hit.start {
        Span::new(mention.span.end, hit.start)
    } else {
        return None;
    };
    let lower = |w: &Span| prose[w.start..w.end].to_lowercase();
    let before: Vec<String> = word_spans(prose, Span::new(mention.sentence.start.min(hit.start), hit.start))
        .iter()
        .rev()
        .take(5)
        .rev()
        .map(lower)
        .collect();
    let inside: Vec<String> = word_spans(prose, between).iter().map(lower).collect();
    // "part of" (not "took part in"), "on top of", "in addition to", "besides", ...
    let apart = |words: &[String]| {
        words.iter().enumerate().find_map(|(i, w)| {
            let prev = i.checked_sub(1).map(|p| words[p].as_str());
            let next = words.get(i + 1).map(|n| n.as_ref());
            let hit = match w.as_str() {
                "besides" | "excluding" | "except" | "beyond" => true,
                "apart" => next == Some("from"),
                "part" => next == Some("of"),
                "top" => prev == Some("on") && next == Some("of"),
                "addition" => prev == Some("in") && next == Some("to"),
                _ => false,
            };
            hit.then(|| w.clone())
        })
    };
    apart(&before).or_else(|| apart(&inside))
}

/// "about 70% of Donetsk", "30% of Ukrainians": a share whose whole is a
/// proper name other than a country's (a region, a city) or a people. A
/// share of a country ("20% of Ukraine", "of Ukrainian territory") or of
/// something unnamed ("of the country") is left to the phrase that links it.
pub(super) fn share_of_another_whole(prose: &str, mention: &Mention) -> Option<String> {
    if mention.kind != Kind::Percent {
        return None;
    }
    let words = word_spans(prose, Span::new(mention.span.end, mention.sentence.end));
    let (of, whole) = (words.first()?, words.get(1)?);
    if !prose[of.start..of.end].eq_ignore_ascii_case("of") || !prose[mention.span.end..of.start].trim().is_empty() {
        return None;
    }
    let word = prose[whole.start..whole.end]
        .trim_end_matches("'s")
        .trim_end_matches("\u{2019}s");
    if !word.starts_with(char::is_uppercase) {
        return None;
    }
    let people = crate::gazetteer::people_of(word).is_some();
    (people || !crate::gazetteer::is_country_word(word)).then(|| word.to_owned())
}

/// "the other eight countries", "the remaining 12 nations": a count of some
/// of the fact's things, written right after one of these words.
pub(super) fn part_of_whole(prose: &str, mention: &Mention) -> Option<String> {
    if mention.kind != Kind::Count {
        return None;
    }
    word_spans(prose, Span::new(mention.sentence.start, mention.span.start))
        .iter()
        .rev()
        .take(2)
        .map(|w| prose[w.start..w.end].to_lowercase())
        .find(|w| lang().cues.part_of.contains(w))
}

/// "most of the 242 people on board were killed", "241 of the 242 aboard
/// died": a count after a partitive ("most of the", "N of the") is the whole
/// a part is taken from, and the sentence's verb counts the part. Not when
/// the phrase stands in a relative clause on the whole ("one of the 35
/// countries that attended"), nor in the claim's own words.
pub(super) fn whole_of_a_part(prose: &str, mention: &Mention, hit: Span) -> Option<String> {
    if mention.kind != Kind::Count || hit.overlaps(mention.span) {
        return None;
    }
    let before: Vec<String> = word_spans(prose, Span::new(mention.sentence.start, mention.span.start))
        .iter()
        .rev()
        .take(3)
        .map(|w| prose[w.start..w.end].to_lowercase())
        .collect();
    let quantifier = match before.as_slice() {
        [the, of, q, ..] if matches!(the.as_str(), "the" | "those" | "these") && of == "of" => q,
        [of, q, ..] if of == "of" => q,
        _ => return None,
    };
    let partitive = lang().cues.partitive.contains(quantifier)
        || quantifier.chars().all(|c| c.is_ascii_digit() || c == ',')
        || crate::lexicon::ONES.contains(&quantifier.as_str())
        || crate::lexicon::TENS.contains(&quantifier.as_str());
    if !partitive {
        return None;
    }
    if hit.start >= mention.span.end {
        // "the 242 people aboard": right after the claim, the phrase is the whole's own.
        let between = word_spans(prose, Span::new(mention.span.end, hit.start));
        let relative = between.iter().any(|w| {
            matches!(
                prose[w.start..w.end].to_lowercase().as_str(),
                "that" | "who" | "which" | "whose"
            )
        });
        if relative || between.is_empty() {
            return None;
        }
    }
    Some(format!("{} of", quantifier))
}

/// "On Wednesday, a day after the summit": the phrase that links a date
/// stands after "after", "before", "since" or "until", so the date is
/// counted from the occasion, not the occasion's own.
pub(super) fn relative_to_occasion(prose: &str, mention: &Mention, hit: Span) -> Option<String> {
    if !matches!(mention.kind, Kind::Date | Kind::Weekday | Kind::Year) || hit.overlaps(mention.span) {
        return None;
    }
    // A date written before that word ("On Wednesday, a day after the summit"), or
    // after the phrase but set off from it ("two days before the summit, on 4
    // January"); one inside the phrase names the occasion ("after yesterday's
    // summit", "since the invasion of February 2022").
    let from = if mention.span.end <= hit.start {
        mention.span.end
    } else if prose[hit.end..mention.span.start].contains([',', ';', '(']) {
        mention.sentence.start.min(hit.start)
    } else {
        return None;
    };
    word_spans(prose, Span::new(from, hit.start))
        .iter()
        .rev()
        .take(3)
        .map(|w| prose[w.start..w.end].to_lowercase())
        .find(|w| lang().cues.relative.contains(w))
}

/// A cue for another occasion anywhere before the end of the claim or its
/// `about` phrase ("A later summit in Rome gathered 20 countries").
pub(super) fn other_occasion(
    prose: &str,
    sentence: Span,
    hit: Span,
    target: Span,
    about: &[AboutHit],
) -> Option<String> {
    let about = starting_in(about, sentence, |h| h.span.start);
    let hi = hit.end.max(target.end);
    let spans = word_spans(prose, Span::new(sentence.start, hi));
    // Most words are in lower case already: only the others are copied.
    let words: Vec<Cow<str>> = spans
        .iter()
        .map(|w| {
            let word = &prose[w.start..w.end];
            if word.is_ascii() && !word.bytes().any(|b| b.is_ascii_uppercase()) {
                Cow::Borrowed(word)
            } else {
                Cow::Owned(word.to_lowercase())
            }
        })
        .collect();
    words.iter().enumerate().find_map(|(i, w)| {
        // The claim's own words ("about a third") and any fact's phrase ("first invaded") are no cue.
        if target.overlaps(spans[i]) || hit.overlaps(spans[i]) || about.iter().any(|h| h.span.overlaps(spans[i])) {
            return None;
        }
        // "last month", "earlier this week": a time, not another occasion.
        let time_follows = words.get(i + 1).is_some_and(|n| {
            let n = n.trim_end_matches("'s").trim_end_matches("\u{2019}s");
            lang().cues.time_words.contains(n)
        });
        let timely = matches!(w.as_ref(), "last" | "earlier" | "later") && time_follows;
        // "among the first to help", "a third of Ukraine": a rank or a share, not an occasion.
        let next = words.get(i + 1).map(|n| n.as_ref());
        let share = i > 0 && matches!(words[i - 1].as_ref(), "a" | "one") && next == Some("of");
        // "for the first time": a count of times, not an occasion.
        let no_noun = matches!(next, Some("to" | "time")) || share;
        (lang().cues.other_occasion.contains(w) && !timely && !no_noun).then(|| w.clone().into_owned())
    })
}

/// Why the best link of a mention is too weak to judge it by, if it is: the
/// phrase stands too far, the article denies it, or a cue says the claim is
/// about something else than the fact (checked in this order; the first
/// reason found is the one reported).
pub(super) fn against_link(
    prose: &str,
    mention: &Mention,
    about: &[AboutHit],
    base: &FactBase,
    published: Option<Date>,
    best: &Link,
) -> Option<Weak> {
    if best.distance > MAX_DISTANCE {
        return Some(Weak::TooFar {
            phrase: best.phrase.clone(),
        });
    }
    if negated(prose, mention.sentence, mention.span) {
        return Some(Weak::Denied);
    }
    // "after yesterday's summit": a date that names the occasion is its date.
    let names_occasion = best.hit.start >= mention.span.end
        && prose[mention.span.end..best.hit.start]
            .trim_start_matches(['\'', '\u{2019}', 's'])
            .trim()
            .is_empty();
    // "The summit's host ... on Monday": the phrase names something of the
    // occasion (its host, its agenda), and the date may be anything's.
    let possessive = prose[best.hit.end..].starts_with("'s") || prose[best.hit.end..].starts_with("\u{2019}s");
    if possessive && matches!(mention.kind, Kind::Date | Kind::Weekday | Kind::Year) && !names_occasion {
        return Some(Weak::Possessive {
            phrase: prose[best.hit.start..best.hit.end].to_owned(),
        });
    }
    // "about 70% of Donetsk", "30% of Ukrainians": a share of some other whole.
    if let Some(whole) = share_of_another_whole(prose, mention) {
        return Some(Weak::ShareOf { whole });
    }
    // "€150 billion in support, on top of the new loan", "the loan is part of a
    // €200 billion package": the figure is set beside the fact's thing, not its.
    if let Some(word) = beside_the_phrase(prose, mention, best.hit) {
        return Some(Weak::SetApart {
            word,
            phrase: prose[best.hit.start..best.hit.end].to_owned(),
        });
    }
    // "the other eight countries", "the remaining 12": a part, not the fact's whole.
    if let Some(word) = part_of_whole(prose, mention) {
        return Some(Weak::PartNotWhole { word });
    }
    if let Some(word) = whole_of_a_part(prose, mention, best.hit) {
        return Some(Weak::WholeOfPart { word });
    }
    if let Some(word) = relative_to_occasion(prose, mention, best.hit) {
        return Some(Weak::CountedFrom { word });
    }
    if let Some(word) = deadline_before(prose, mention).filter(|_| !names_occasion) {
        return Some(Weak::DatesSomethingElse { word });
    }
    // A date that names the occasion is judged by what stands right before it
    // ("the next day's summit"), not by cues in another clause of its sentence.
    let scope = if names_occasion {
        word_spans(prose, Span::new(mention.sentence.start, mention.span.start))
            .last()
            .map_or(mention.span, |w| Span::new(w.start, mention.sentence.end))
    } else {
        mention.sentence
    };
    if let Some(cue) = other_occasion(prose, scope, best.hit, mention.span, about) {
        return Some(Weak::OtherOccasion { cue });
    }
    if base.facts[best.fact].valid.at(published) == At::Unknown {
        return Some(Weak::NeedsDate {
            period: base.facts[best.fact].valid.to_string(),
        });
    }
    None
}

/// Whether the mention's sentence speaks against any link made from afar: a
/// denial, a deadline before it, or a cue of another occasion.
pub fn cued_against(prose: &str, mention: &Mention, about: &[AboutHit]) -> bool {
    negated(prose, mention.sentence, mention.span)
        || deadline_before(prose, mention).is_some()
        || other_occasion(
            prose,
            mention.sentence,
            Span::new(mention.span.start, mention.span.start),
            mention.span,
            about,
        )
        .is_some()
}

/// "not 36 as stated", "never on Wednesday": the article denies it.
/// Whether the words in `gap`, between a list and a fact's phrase, deny the
/// list the phrase: `None` when no negator stands there, `Some(true)` for a
/// plain denial ("did not sign", "has never signed", "didn't sign"),
/// `Some(false)` for a negation that is no denial of it ("not yet", "not
/// only", "would not", "did not attend but"): such a list is not judged.
pub fn denial(prose: &str, gap: Span) -> Option<bool> {
    let words: Vec<String> = word_spans(prose, gap)
        .iter()
        .map(|w| prose[w.start..w.end].to_lowercase().replace('\u{2019}', "'"))
        .collect();
    let at = words
        .iter()
        .position(|w| lang().cues.negators.contains(w) || w.ends_with("n't"))?;
    let modal = words[..=at]
        .iter()
        .any(|w| lang().cues.hypothetical.contains(w.trim_end_matches("n't")) || w == "won't" || w == "can't");
    let plain = words[at + 1..].iter().all(|w| lang().cues.denial.contains(w));
    Some(plain && !modal && words[at] != "nor")
}

pub fn negated(prose: &str, sentence: Span, span: Span) -> bool {
    let before = word_spans(prose, Span::new(sentence.start, span.start));
    before
        .iter()
        .rev()
        .take(2)
        .map(|w| prose[w.start..w.end].to_lowercase())
        .any(|w| lang().cues.negators.contains(w))
}
