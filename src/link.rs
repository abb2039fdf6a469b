//! Linking: which fact, if any, a mention speaks about.
//!
//! A mention links to a fact of a compatible kind (a count to a count fact
//! with the same unit, a date to a date fact, ...) only when one of the
//! fact's `about` phrases stands in the same sentence. The closer phrase
//! wins; a tie between facts that disagree is ambiguous; a cue that the
//! sentence is about another occasion ("the next summit") makes the link
//! weak. Only a strong link can produce a discrepancy: a false alarm costs
//! an editor more than a miss.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::extract::{EntityMention, Extraction, Kind, Mention, Value, word_spans};
use jiff::civil::Date;

use crate::facts::{AboutHit, At, EntityKind, FactBase, FactKind, FactValue};
use crate::finding::Weak;
use crate::lexicon::{CLAUSE_BREAKS, DEADLINE_WORDS, OTHER_OCCASION, SPEECH_VERBS, TIME_WORDS};
use crate::span::{Span, starting_in};

/// The farthest (in words, after penalties) an `about` phrase may stand from a mention.
const MAX_DISTANCE: usize = 12;

/// Why a mention was tied to a fact, for the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub fact: usize,
    /// The `about` phrase that tied them.
    pub phrase: String,
    pub distance: usize,
    /// Where that phrase stands.
    pub hit: Span,
}

/// What linking found for one mention.
#[derive(Debug, Clone, PartialEq)]
pub enum Linked {
    Strong(Link),
    /// Two or more facts with different values fit equally well.
    Ambiguous(Vec<usize>),
    /// Facts of the right kind exist, but the evidence is too weak to judge.
    Weak {
        facts: Vec<usize>,
        reason: Weak,
    },
    /// No fact of this kind could apply.
    Nothing,
}

/// Whether `fact` can be compared with what `mention` says.
pub fn fits(base: &FactBase, fact: usize, mention: &Mention) -> bool {
    compatible(base, fact, mention)
}

/// Whether `fact` can be compared with what `mention` says: its kind says
/// (see [`crate::kinds::ValueKind::fits`]).
fn compatible(base: &FactBase, fact: usize, mention: &Mention) -> bool {
    crate::kinds::fits(mention, &base.facts[fact])
}

/// The facts of the kinds `mention` could be compared with, each list in
/// fact order: a superset of the [`compatible`] ones, looked up rather than
/// found by a walk over the whole fact base.
fn of_kind<'a>(base: &'a FactBase, mention: &Mention) -> [&'a [usize]; 2] {
    match &mention.value {
        Value::Date { .. } | Value::Weekday { .. } | Value::DateRange { .. } => [base.facts_of(FactKind::Date), &[]],
        Value::Year { month: Some(_), .. } => [base.facts_of(FactKind::Year), base.facts_of(FactKind::Date)],
        Value::Year { .. } => [base.facts_of(FactKind::Year), &[]],
        Value::Count { unit, .. } => [base.facts_of(FactKind::Count(unit)), &[]],
        Value::Money { .. } => [base.facts_of(FactKind::Amount), &[]],
        Value::Percent { .. } => [base.facts_of(FactKind::Percent), &[]],
        Value::Ordinal { unit, .. } => [base.facts_of(FactKind::Ordinal(unit)), &[]],
        _ => [&[], &[]],
    }
}

/// Kind preference when two facts tie: a year fact before a date fact for a year mention.
fn kind_rank(base: &FactBase, fact: usize, mention: &Mention) -> usize {
    match (&mention.value, &base.facts[fact].value) {
        (Value::Year { .. }, FactValue::Date(_)) => 1,
        _ => 0,
    }
}

/// Distance in words from an `about` phrase to a span, with penalties for
/// standing after it and for each clause break between them.
pub fn distance(prose: &str, hit: Span, target: Span) -> usize {
    let (from, to, after) = if hit.end <= target.start {
        (hit.end, target.start, false)
    } else if target.end <= hit.start {
        (target.end, hit.start, true)
    } else {
        return 0;
    };
    let words = word_spans(prose, Span::new(from, to));
    let breaks = words
        .iter()
        .filter(|w| CLAUSE_BREAKS.contains(&prose[w.start..w.end].to_lowercase().as_str()))
        .count()
        + prose[from..to].matches(';').count();
    words.len() + if after { 2 } else { 0 } + 4 * breaks
}

/// "by Wednesday", "until January 10": a date that bounds something else.
fn deadline_before(prose: &str, mention: &Mention) -> Option<String> {
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
    (DEADLINE_WORDS.contains(&word.as_str()) || SPEECH_VERBS.contains(&word.as_str())).then_some(word)
}

/// Words that set a figure apart from the thing a phrase names: before the
/// phrase ("on top of the loan", "besides the loan") or between the two
/// ("the loan is part of a €200 billion package").
fn beside_the_phrase(prose: &str, mention: &Mention, hit: Span) -> Option<String> {
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
fn share_of_another_whole(prose: &str, mention: &Mention) -> Option<String> {
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
fn part_of_whole(prose: &str, mention: &Mention) -> Option<String> {
    if mention.kind != Kind::Count {
        return None;
    }
    word_spans(prose, Span::new(mention.sentence.start, mention.span.start))
        .iter()
        .rev()
        .take(2)
        .map(|w| prose[w.start..w.end].to_lowercase())
        .find(|w| matches!(w.as_str(), "other" | "remaining" | "further" | "additional" | "extra"))
}

/// "On Wednesday, a day after the summit": the phrase that links a date
/// stands after "after", "before", "since" or "until", so the date is
/// counted from the occasion, not the occasion's own.
fn relative_to_occasion(prose: &str, mention: &Mention, hit: Span) -> Option<String> {
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
        .find(|w| {
            matches!(
                w.as_str(),
                "after" | "before" | "since" | "until" | "till" | "following" | "ahead" | "prior"
            )
        })
}

/// A cue for another occasion anywhere before the end of the claim or its
/// `about` phrase ("A later summit in Rome gathered 20 countries").
fn other_occasion(prose: &str, sentence: Span, hit: Span, target: Span, about: &[AboutHit]) -> Option<String> {
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
            TIME_WORDS.contains(&n)
        });
        let timely = matches!(w.as_ref(), "last" | "earlier" | "later") && time_follows;
        // "among the first to help", "a third of Ukraine": a rank or a share, not an occasion.
        let next = words.get(i + 1).map(|n| n.as_ref());
        let share = i > 0 && matches!(words[i - 1].as_ref(), "a" | "one") && next == Some("of");
        // "for the first time": a count of times, not an occasion.
        let no_noun = matches!(next, Some("to" | "time")) || share;
        (OTHER_OCCASION.contains(&w.as_ref()) && !timely && !no_noun).then(|| w.clone().into_owned())
    })
}

fn same_value(base: &FactBase, a: usize, b: usize) -> bool {
    base.facts[a].value == base.facts[b].value
}

/// Link one typed mention (date, weekday, year, count, amount, percent).
///
/// Judged at `published`: a fact whose `from`/`until` exclude that date is no
/// candidate, and a dated fact is never judged when the date is unknown.
pub fn link(prose: &str, mention: &Mention, ex: &Extraction, base: &FactBase, published: Option<Date>) -> Linked {
    // Only the sentence's phrases count; finding them by position keeps a long article linear.
    let about = starting_in(&ex.about, mention.sentence, |h| h.span.start);
    let fits = |f: usize| {
        compatible(base, f, mention) && base.facts[f].valid.at(published) != At::DoesNot && ex.admits(base, f)
    };
    let [kind, more] = of_kind(base, mention);
    if !kind.iter().chain(more).any(|&f| fits(f)) {
        return Linked::Nothing;
    }
    // Only the facts of the sentence's phrases can score: taken from the
    // phrases, so the cost does not grow with the fact base.
    let subjects = Subjects::of(base, ex, mention);
    // A phrase that holds another claim of the kind is that claim's ("elected
    // Pope in 2013" ties 2013, not 1936 earlier in the sentence).
    let others: Vec<Span> = starting_in(&ex.mentions, mention.sentence, |o| o.span.start)
        .iter()
        .filter(|o| o.kind == mention.kind && o.span != mention.span && mention.sentence.contains(o.span))
        .map(|o| o.span)
        .collect();
    let usable = |h: &&AboutHit| {
        mention.sentence.contains(h.span)
            && !h.span.overlaps(mention.span)
            && !others.iter().any(|o| h.span.contains(*o))
    };
    let hits: Vec<&AboutHit> = about.iter().filter(usable).collect();
    let mut named: Vec<usize> = hits
        .iter()
        .flat_map(|h| h.facts.iter().copied())
        .filter(|&f| fits(f) && subjects.allow(base, f))
        .collect();
    named.sort_unstable();
    named.dedup();
    // Best (distance, phrase) per candidate fact, from hits in the same
    // sentence; a fact whose subject the sentence names nearer the claim
    // first ("Pius XI was elected in 1922, John XXIII in 1958").
    let mut scored: Vec<Scored> = Vec::new();
    for &fact in &named {
        let best = hits
            .iter()
            .filter(|h| h.facts.contains(&fact))
            .map(|h| (distance(prose, h.span, mention.span), *h))
            .min_by_key(|(d, h)| (*d, usize::MAX - h.phrase.len()));
        if let Some((d, h)) = best {
            scored.push((
                (subjects.gap(base, fact), d),
                kind_rank(base, fact, mention),
                usize::MAX - h.phrase.len(),
                Link {
                    fact,
                    phrase: h.phrase.clone(),
                    distance: d,
                    hit: h.span,
                },
                h.span,
            ));
        }
    }
    scored.sort_by_key(|s| (s.0, s.1, s.2, s.3.fact));
    let Some((d, rank, plen, best, _)) = scored.first().cloned() else {
        let subjects = &subjects;
        let fits = |f: usize| fits(f) && subjects.allow(base, f);
        let mut candidates: Vec<usize> = kind.iter().chain(more).copied().filter(|&f| fits(f)).collect();
        candidates.sort_unstable();
        return Linked::Weak {
            facts: candidates,
            reason: Weak::NoPhrase,
        };
    };
    if let Some(reason) = against_link(prose, mention, about, base, published, &best) {
        return Linked::Weak {
            facts: vec![best.fact],
            reason,
        };
    }
    let rivals: Vec<usize> = scored
        .iter()
        .filter(|s| (s.0, s.1, s.2) == (d, rank, plen) && !same_value(base, s.3.fact, best.fact))
        .map(|s| s.3.fact)
        .collect();
    if !rivals.is_empty() {
        let mut all = vec![best.fact];
        all.extend(rivals);
        // Facts of two occasions of one name: what the sentence says of when
        // and where (or the publication date) may decide which is meant.
        let tied: Vec<&Scored> = scored.iter().filter(|s| (s.0, s.1, s.2) == (d, rank, plen)).collect();
        let facts: Vec<usize> = tied.iter().map(|s| s.3.fact).collect();
        let cues = crate::occasion::Cues::of(base, ex, mention.sentence, published);
        if let Some(event) = crate::occasion::decide(base, &facts, &cues) {
            let mine: Vec<&Link> = tied
                .iter()
                .filter(|s| base.facts[s.3.fact].event.as_deref() == Some(event))
                .map(|s| &s.3)
                .collect();
            if let Some(first) = mine.first()
                && mine.iter().all(|l| same_value(base, l.fact, first.fact))
            {
                let chosen = (*first).clone();
                if let Some(reason) = against_link(prose, mention, about, base, published, &chosen) {
                    return Linked::Weak {
                        facts: vec![chosen.fact],
                        reason,
                    };
                }
                return Linked::Strong(chosen);
            }
        }
        return Linked::Ambiguous(all);
    }
    Linked::Strong(best)
}

/// A candidate link and its rank: ((subject gap, distance), kind rank,
/// phrase length (inverted), the link, its phrase's span).
type Scored = ((usize, usize), usize, usize, Link, Span);

/// The subjects a sentence names, for facts about a subject.
struct Subjects {
    /// (entity, where it is named).
    named: Vec<(usize, Span)>,
    /// The claim's span.
    at: Span,
}

impl Subjects {
    fn of(base: &FactBase, ex: &Extraction, mention: &Mention) -> Subjects {
        let _ = base;
        let named = starting_in(&ex.entities, mention.sentence, |m| m.span.start)
            .iter()
            .filter(|m| mention.sentence.contains(m.span))
            .map(|m| (m.entity, m.span))
            .collect();
        Subjects {
            named,
            at: mention.span,
        }
    }

    /// Whether a fact about a subject may be what the sentence speaks of:
    /// not when it names others of the subject's kind and not the subject
    /// ("Francis was born in 1936" is not Leo XIV's birth year).
    fn allow(&self, base: &FactBase, fact: usize) -> bool {
        let Some(s) = base.facts[fact]
            .subject
            .as_deref()
            .and_then(|s| base.entity_position(s))
        else {
            return true;
        };
        let kind = base.entities[s].kind;
        let mut same_kind = self.named.iter().filter(|(e, _)| base.entities[*e].kind == kind);
        same_kind.clone().next().is_none() || same_kind.any(|(e, _)| *e == s)
    }

    /// How far from the claim the sentence names the fact's subject, in
    /// bytes; a fact of no subject, or one not named, comes after.
    fn gap(&self, base: &FactBase, fact: usize) -> usize {
        let Some(s) = base.facts[fact]
            .subject
            .as_deref()
            .and_then(|s| base.entity_position(s))
        else {
            return usize::MAX;
        };
        self.named
            .iter()
            .filter(|(e, _)| *e == s)
            .map(|(_, span)| {
                if span.end <= self.at.start {
                    self.at.start - span.end
                } else {
                    span.start.saturating_sub(self.at.end)
                }
            })
            .min()
            .unwrap_or(usize::MAX)
    }
}

/// Why the best link of a mention is too weak to judge it by, if it is: the
/// phrase stands too far, the article denies it, or a cue says the claim is
/// about something else than the fact (checked in this order; the first
/// reason found is the one reported).
fn against_link(
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

/// Whether a mention's value lies close to a fact's: close enough that,
/// written in a paragraph about the fact, it is that figure (right or wrong)
/// rather than another one ("40 nations" for the 35 that attended, not "two
/// countries" that sent ships).
///
/// `tight` is the bar for a link from anywhere in the article: within 10%,
/// a date only on the very day, and never a weekday or a year.
fn close_value(mention: &Mention, fact: &FactValue, tight: bool) -> bool {
    // From afar only the very same day links a date, and a weekday never does.
    let (share, days) = if tight { (0.10, 0) } else { (0.25, 7) };
    let near = |a: f64, b: f64| b != 0.0 && ((a - b) / b).abs() <= share;
    match (&mention.value, fact) {
        (Value::Count { amount, .. }, FactValue::Count(n)) => near(amount.value, *n as f64),
        (Value::Money { amount, .. }, FactValue::Amount(n)) | (Value::Percent { amount }, FactValue::Percent(n)) => {
            near(amount.value, *n)
        }
        (Value::Date { resolved: Some(d), .. }, FactValue::Date(f)) => (*d - *f).get_days().abs() <= days,
        (Value::Weekday { resolved, .. }, FactValue::Date(f)) => {
            !tight && resolved.iter().any(|d| (*d - *f).get_days().abs() <= days)
        }
        (Value::Year { year, .. }, FactValue::Year(y)) => !tight && (year - y).abs() <= 1,
        _ => false,
    }
}

/// A second chance for a mention whose sentence holds no `about` phrase of
/// any fact that could fit it: a phrase elsewhere in `scope` (its paragraph,
/// or with `tight` the whole article), when the value written is close to
/// the fact's. Cues against the link still apply.
pub fn link_nearby(
    prose: &str,
    mention: &Mention,
    about: &[AboutHit],
    base: &FactBase,
    published: Option<Date>,
    paragraph: Span,
    tight: bool,
) -> Option<Link> {
    let about = starting_in(about, paragraph, |h| h.span.start);
    let candidate = |f: usize| compatible(base, f, mention) && base.facts[f].valid.at(published) == At::Holds;
    let in_sentence = about
        .iter()
        .any(|h| mention.sentence.contains(h.span) && h.facts.iter().any(|&f| candidate(f)));
    if in_sentence {
        return None;
    }
    let gap = |h: &AboutHit| {
        if h.span.end <= mention.span.start {
            mention.span.start - h.span.end
        } else {
            h.span.start.saturating_sub(mention.span.end)
        }
    };
    let mut options: Vec<(usize, usize, &AboutHit)> = about
        .iter()
        .filter(|h| paragraph.contains(h.span))
        .flat_map(|h| h.facts.iter().filter(|&&f| candidate(f)).map(move |&f| (gap(h), f, h)))
        .filter(|(_, f, _)| close_value(mention, &base.facts[*f].value, tight))
        .collect();
    options.sort_by_key(|(g, f, _)| (*g, *f));
    let (_, fact, hit) = options.first()?;
    // Two facts that disagree and are both close: not ours to choose.
    if options.iter().any(|(_, f, _)| !same_value(base, *f, *fact)) {
        return None;
    }
    if cued_against(prose, mention, about) {
        return None;
    }
    Some(Link {
        fact: *fact,
        phrase: hit.phrase.clone(),
        distance: MAX_DISTANCE,
        hit: hit.span,
    })
}

/// A last chance for a figure no `about` phrase ties to anything: its unit
/// alone ("35 nations" where only one count fact counts nations; "90
/// billion euros" where only one amount is in euros; a share where the fact
/// base holds one percentage), or for a day, its date (the facts of that
/// day). Such a link is good for agreement only: the caller keeps it when
/// the value agrees with the fact, and otherwise says unverifiable, since a
/// figure in the fact's unit may be about anything. Cues against a link (a
/// denial, a deadline, another occasion) still apply.
pub fn link_by_unit(
    prose: &str,
    mention: &Mention,
    ex: &Extraction,
    base: &FactBase,
    published: Option<Date>,
) -> Option<Link> {
    let about = &ex.about;
    // A phrase of a fact it could fit stands in its sentence: that link was tried, and failed.
    let phrased = starting_in(about, mention.sentence, |h| h.span.start).iter().any(|h| {
        mention.sentence.contains(h.span)
            && !h.span.overlaps(mention.span)
            && h.facts.iter().any(|&f| compatible(base, f, mention))
    });
    if phrased {
        return None;
    }
    let none: &[usize] = &[];
    let (facts, phrase, currency): (&[usize], String, Option<&str>) = match &mention.value {
        Value::Count { unit, .. } => (base.facts_of(FactKind::Count(unit)), format!("unit \"{unit}\""), None),
        Value::Money { currency, .. } => (
            base.facts_of(FactKind::Amount),
            format!("currency {currency}"),
            Some(currency.as_str()),
        ),
        Value::Percent { .. } => (base.facts_of(FactKind::Percent), "percentage".to_owned(), None),
        Value::Ordinal { unit, .. } => (base.facts_of(FactKind::Ordinal(unit)), format!("unit \"{unit}\""), None),
        // A day named outright, or a weekday read against publication as one day:
        // the facts of that very date.
        Value::Date { resolved: Some(d), .. } => (base.dates_on(*d), format!("date {d}"), None),
        Value::Weekday {
            resolved,
            of_date: None,
            ..
        } if resolved.len() == 1 => (base.dates_on(resolved[0]), format!("date {}", resolved[0]), None),
        _ => (none, String::new(), None),
    };
    // Lazily: in a large fact base the second fact that differs comes soon,
    // so the walk stops long before the end of a long list.
    let mut live = facts.iter().copied().filter(|&f| {
        ex.admits(base, f)
            && compatible(base, f, mention)
            && base.facts[f].valid.at(published) == At::Holds
            && currency.is_none_or(|c| base.facts[f].currency.as_deref() == Some(c))
    });
    let fact = live.next()?;
    let mut rival = live.find(|&f| !same_value(base, f, fact));
    let mut fact = fact;
    if rival.is_some() {
        // Several facts of the unit disagree: the one the article speaks of
        // elsewhere (a phrase of it stands somewhere in the article) may still
        // be alone. A walk over the article's phrases, not over the facts.
        let mut spoken: Vec<usize> = ex
            .about
            .iter()
            .flat_map(|h| h.facts.iter().chain(&h.occasion).copied())
            .filter(|&f| facts.binary_search(&f).is_ok())
            .filter(|&f| {
                compatible(base, f, mention)
                    && base.facts[f].valid.at(published) == At::Holds
                    && currency.is_none_or(|c| base.facts[f].currency.as_deref() == Some(c))
            })
            .collect();
        spoken.sort_unstable();
        spoken.dedup();
        let first = *spoken.first()?;
        rival = spoken.iter().copied().find(|&f| !same_value(base, f, first));
        fact = first;
    }
    if rival.is_some() {
        return None;
    }
    if cued_against(prose, mention, &[]) {
        return None;
    }
    Some(Link {
        fact,
        phrase,
        distance: MAX_DISTANCE,
        hit: mention.span,
    })
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

/// A set of entities that a sentence ties to an `entity` or `entities` fact
/// ("Macron, Zelenskyy and Starmer signed ...").
#[derive(Debug, Clone, PartialEq)]
pub struct SetClaim {
    pub span: Span,
    pub sentence: Span,
    /// Entity indexes, in the order written.
    pub members: Vec<usize>,
    /// Titled people in the list whom the fact base does not know, as written.
    pub strangers: Vec<String>,
    pub link: Link,
    /// Another fact fits equally and disagrees.
    pub rival: Option<usize>,
    /// The list may go on before its first known member (", British PM Keir
    /// Starmer and ..."), so a member it seems to leave out may be there.
    pub open: bool,
}

/// Words that may stand between an `about` phrase and the entity it names
/// ("a summit in Paris", "a coordination cell will be set up in Paris").
const LEADS_TO: &[&str] = &[
    "in",
    "at",
    "held",
    "hosted",
    "by",
    "the",
    "was",
    "were",
    "is",
    "be",
    "been",
    "will",
    "would",
    "take",
    "takes",
    "took",
    "place",
    "to",
    "set",
    "up",
    "based",
    "located",
    "city",
    "of",
    "led",
    "run",
    "organised",
    "organized",
    "capital",
    "opened",
    "open",
];

/// Verbs between a subject and a fact's phrase that make the subject
/// something other than the fact's actor: a reaction to it, a part in it, a
/// question about it ("Germany and Poland praised the military hubs",
/// "Britain would join the monitoring mechanism").
const NOT_THE_AGENT: &[&str] = &[
    "join",
    "joins",
    "joined",
    "joining",
    "support",
    "supports",
    "supported",
    "supporting",
    "back",
    "backs",
    "backed",
    "backing",
    "praise",
    "praised",
    "praises",
    "welcome",
    "welcomed",
    "welcomes",
    "criticise",
    "criticised",
    "criticize",
    "criticized",
    "oppose",
    "opposed",
    "opposes",
    "reject",
    "rejected",
    "rejects",
    "question",
    "questioned",
    "doubt",
    "doubted",
    "hail",
    "hailed",
    "condemn",
    "condemned",
    "discuss",
    "discussed",
    "debate",
    "debated",
    "attend",
    "attended",
    "observe",
    "observed",
    "contribute",
    "contributed",
    "participate",
    "participated",
    "fund",
    "funded",
    "visit",
    "visited",
];

/// Whether the text from an `about` phrase to a following entity only leads
/// to it: a few linking words or a proper name (a venue), no punctuation.
fn leads_to(prose: &str, from: usize, to: usize) -> bool {
    let gap = &prose[from..to];
    // "signed the declaration of intent: Macron, Starmer and Zelensky",
    // "three signatures: those of ...": a colon introduces the list.
    if let Some(colon) = gap.rfind(':') {
        let rest = word_spans(prose, Span::new(from + colon, to));
        // "Venue: Élysée Palace, Paris": a venue's name may come before its city.
        let venue = rest.len() <= 4
            && !rest.is_empty()
            && rest
                .iter()
                .all(|w| prose[w.start..w.end].starts_with(char::is_uppercase))
            && gap[colon + 1..].trim_end().ends_with(',');
        return !gap[..colon].contains(['.', ';'])
            && (venue
                || rest.iter().all(|w| {
                    matches!(
                        prose[w.start..w.end].to_lowercase().as_str(),
                        "those" | "of" | "the" | "by"
                    )
                }));
    }
    if gap
        .chars()
        .any(|c| c.is_ascii_punctuation() && !matches!(c, '-' | '\'' | '.'))
    {
        return false;
    }
    let words = word_spans(prose, Span::new(from, to));
    // "the summit of the coalition of the willing in Paris": a place right after "in" or "at".
    let ends_in_place = words
        .last()
        .is_some_and(|w| matches!(prose[w.start..w.end].to_lowercase().as_str(), "in" | "at"));
    // "will be set up in Berlin", "was held in Paris": a verb of place lets
    // a clause stand between ("the cell that will link the planners will be set up in").
    let placed = words.len() >= 2 && {
        let verb = prose[words[words.len() - 2].start..words[words.len() - 2].end].to_lowercase();
        ends_in_place && matches!(verb.as_str(), "up" | "based" | "located" | "held" | "hosted" | "housed")
    };
    (placed && words.len() <= 12)
        || (ends_in_place && words.len() <= 8)
        || words.len() <= 6
            && (ends_in_place
                || words.iter().all(|w| {
                    let word = &prose[w.start..w.end];
                    LEADS_TO.contains(&word.to_lowercase().as_str()) || word.starts_with(char::is_uppercase)
                }))
}

/// "led by the United States": the words before an entity end with "by".
fn by_agent(prose: &str, from: usize, to: usize) -> bool {
    let gap = &prose[from..to];
    if gap
        .chars()
        .any(|c| c.is_ascii_punctuation() && !matches!(c, '-' | '\'' | '.'))
    {
        return false;
    }
    let words = word_spans(prose, Span::new(from, to));
    if words.len() > 6 {
        return false;
    }
    let last = words
        .iter()
        .rev()
        .map(|w| prose[w.start..w.end].to_lowercase())
        .find(|w| w != "the");
    last.as_deref() == Some("by")
}

/// Whether the text between a list and its `about` phrase holds more of the
/// list: a comma or "and" followed by words.
fn continues_after(prose: &str, end: usize, hit: usize) -> bool {
    let gap = prose[end..hit].trim();
    let lower = gap.to_lowercase();
    !gap.is_empty() && (gap.starts_with(',') || lower.starts_with("and ") || lower.starts_with("as well as"))
}

/// "not 36 as stated", "never on Wednesday": the article denies it.
pub fn negated(prose: &str, sentence: Span, span: Span) -> bool {
    let before = word_spans(prose, Span::new(sentence.start, span.start));
    before
        .iter()
        .rev()
        .take(2)
        .map(|w| prose[w.start..w.end].to_lowercase())
        .any(|w| matches!(w.as_str(), "not" | "never" | "nor"))
}

/// Whether the text before a list reads as more of the same list: after
/// dropping capitalised words (an unknown name or title), a comma or "and".
fn continues_before(prose: &str, sentence: Span, at: usize) -> bool {
    let mut head = prose[sentence.start..at].trim_end();
    loop {
        // Past the space, whatever its width (a no-break space is two bytes).
        let word_start = head
            .char_indices()
            .rfind(|&(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let word = &head[word_start..];
        if word.is_empty() || !word.starts_with(char::is_uppercase) || word.ends_with(',') {
            break;
        }
        head = head[..word_start].trim_end();
    }
    head.ends_with(',') || head.ends_with(';') || head.ends_with(" and") || head.ends_with(" or")
}

/// Text that may stand between two members of one list.
fn joins_list(gap: &str) -> bool {
    // A semicolon ends a list of names ("... and Starmer; Merz and Meloni watched").
    if gap.contains(';') {
        return false;
    }
    let g = gap.trim().trim_start_matches(',').trim();
    // "France and the UK": an article before the next member.
    let g = g.strip_suffix(" the").or_else(|| g.strip_suffix(" The")).unwrap_or(g);
    matches!(
        g,
        "" | "-" | "/" | "and" | "&" | "as well as" | "along with" | "together with" | "plus" | "or"
    ) || (gap.trim().starts_with(',') && matches!(g, "and" | "as well as" | "along with" | "or"))
}

/// One list of entities as written: the known members, and titled people the
/// fact base does not know ("Spanish Prime Minister Pedro Sánchez") among them.
struct Run<'a> {
    members: Vec<&'a EntityMention>,
    strangers: Vec<Span>,
    /// Where the list starts and ends: its first and last item, whole.
    start: usize,
    end: usize,
    /// The end of the last item's name (a known member's title comes before it).
    name_end: usize,
}

/// Runs of entity mentions (and of the `strangers` among them) written as
/// one list. A run starts with a known member; a stranger ends one only
/// after "and" ("Macron, Starmer and Spanish Prime Minister Pedro Sánchez"),
/// never after a bare comma, which may start another clause ("..., Spanish
/// Prime Minister Pedro Sánchez said").
fn runs<'a>(prose: &str, mentions: &[&'a EntityMention], strangers: &[Span]) -> Vec<Run<'a>> {
    let mut items: Vec<(Span, Option<&'a EntityMention>)> = mentions.iter().map(|m| (m.full(), Some(*m))).collect();
    items.extend(
        strangers
            .iter()
            .filter(|s| !mentions.iter().any(|m| m.full().overlaps(**s)))
            .map(|s| (*s, None)),
    );
    if !strangers.is_empty() {
        items.sort_by_key(|(span, m)| (span.start, m.is_none()));
    }
    // Lists of items, each with the text that joined it to the one before.
    let mut lists: Vec<Vec<(Span, Option<&'a EntityMention>, &str)>> = Vec::new();
    for (span, m) in items {
        match lists.last_mut() {
            Some(list)
                if {
                    let end = list.last().expect("never empty").0.end;
                    end <= span.start && joins_list(&prose[end..span.start])
                } =>
            {
                let end = list.last().expect("never empty").0.end;
                list.push((span, m, &prose[end..span.start]));
            }
            _ => lists.push(vec![(span, m, "")]),
        }
    }
    let mut out = Vec::new();
    for mut list in lists {
        while list.first().is_some_and(|(_, m, _)| m.is_none()) {
            list.remove(0);
        }
        while list.last().is_some_and(|(_, m, joined)| {
            let j = joined.trim().trim_start_matches(',').trim().to_lowercase();
            m.is_none() && !(j.starts_with("and") || j.starts_with('&') || j.starts_with("as well as"))
        }) {
            list.pop();
        }
        let (Some(first), Some(last)) = (list.first(), list.last()) else {
            continue;
        };
        out.push(Run {
            start: first.0.start,
            end: last.0.end,
            name_end: last.1.map_or(last.0.end, |m| m.span.end),
            members: list.iter().filter_map(|(_, m, _)| *m).collect(),
            strangers: list
                .iter()
                .filter(|(_, m, _)| m.is_none())
                .map(|(s, _, _)| *s)
                .collect(),
        });
    }
    out
}

/// Entity kinds a fact's members have.
fn member_kinds(base: &FactBase, fact: usize) -> Vec<EntityKind> {
    let ids: Vec<&str> = match &base.facts[fact].value {
        FactValue::Entity(e) => vec![e.as_str()],
        FactValue::Entities(list) => list.iter().map(String::as_str).collect(),
        _ => return Vec::new(),
    };
    let mut kinds: Vec<EntityKind> = ids.iter().filter_map(|id| base.entity(id)).map(|e| e.kind).collect();
    kinds.sort();
    kinds.dedup();
    kinds
}

/// Find every list of entities that a sentence ties to an entity fact.
///
/// Per fact and sentence one list is taken: the subject before an `about`
/// phrase ("The UK and France pledged ...") over a list after it ("a summit
/// in Paris"), the nearest first.
pub fn sets(prose: &str, ex: &Extraction, base: &FactBase, published: Option<Date>) -> Vec<SetClaim> {
    // (after the phrase?, words between, claim) for each fact and sentence.
    let mut best: Vec<((bool, usize), SetClaim)> = Vec::new();
    for hit in &ex.about {
        for &fact in &hit.facts {
            // Only facts that hold at the article's date (dated ones need a date).
            if base.facts[fact].valid.at(published) != At::Holds {
                continue;
            }
            let kinds = member_kinds(base, fact);
            if kinds.is_empty() {
                continue;
            }
            // Entities come sentence by sentence: those of the hit's sentence are found by position.
            let from = ex.entities.partition_point(|m| m.sentence.end <= hit.span.start);
            let mut mentions: Vec<&EntityMention> = ex.entities[from..]
                .iter()
                .take_while(|m| m.sentence.start <= hit.span.start)
                .filter(|m| m.sentence.contains(hit.span) && !m.full().overlaps(hit.span))
                .filter(|m| kinds.contains(&base.entities[m.entity].kind))
                .collect();
            // "Washington will lead the monitoring": a capital or a people for its country.
            if kinds.contains(&EntityKind::Country) {
                let from = ex.stand_ins.partition_point(|m| m.sentence.end <= hit.span.start);
                let before = mentions.len();
                mentions.extend(
                    ex.stand_ins[from..]
                        .iter()
                        .take_while(|m| m.sentence.start <= hit.span.start)
                        .filter(|m| m.sentence.contains(hit.span) && !m.full().overlaps(hit.span)),
                );
                if mentions.len() > before {
                    mentions.sort_by_key(|m| (m.full().start, base.entities[m.entity].kind != EntityKind::Country));
                    mentions.dedup_by(|b, a| a.full() == b.full());
                }
            }
            // Titled people the fact base does not know, for a list of people.
            let strangers: Vec<Span> = match mentions.first() {
                Some(known) if kinds.contains(&EntityKind::Person) => {
                    starting_in(&ex.mentions, known.sentence, |m| m.span.start)
                        .iter()
                        .filter(|m| matches!(m.value, Value::Role { entity: None, .. }) && !m.span.overlaps(hit.span))
                        .map(|m| m.span)
                        .collect()
                }
                _ => Vec::new(),
            };
            let runs = runs(prose, &mentions, &strangers);
            let before = runs
                .iter()
                .filter(|r| r.end <= hit.span.start)
                .map(|r| (distance(prose, Span::new(r.start, r.end), hit.span), r))
                // Up to six words between, none of them ending a clause ("after", "but").
                .filter(|(d, r)| {
                    let gap = word_spans(prose, Span::new(r.end, hit.span.start));
                    // A place stands right before its occasion ("the Paris summit", "Paris
                    // hosted the summit"), not as the subject of a clause ("Riga, agreed to
                    // hold a summit").
                    let place_ok = !kinds.iter().all(|k| *k == EntityKind::Place)
                        || (!prose[r.end..hit.span.start].contains([',', ';', ':'])
                            && gap.iter().all(|w| {
                                matches!(
                                    prose[w.start..w.end].to_lowercase().as_str(),
                                    "hosted"
                                        | "hosts"
                                        | "host"
                                        | "to"
                                        | "will"
                                        | "the"
                                        | "a"
                                        | "an"
                                        | "has"
                                        | "had"
                                        | "was"
                                        | "is"
                                )
                            }));
                    place_ok
                        && *d <= 6
                        && *d == gap.len()
                        // "Merz did not sign": a denial, not a list of signatories; "Germany
                        // praised the hubs", "Britain would join the monitoring": another part.
                        && !gap.iter().any(|w| {
                            let w = prose[w.start..w.end].to_lowercase();
                            matches!(w.as_str(), "not" | "never")
                                || w.ends_with("n't")
                                || w.ends_with("n\u{2019}t")
                                || NOT_THE_AGENT.contains(&w.as_str())
                                || SPEECH_VERBS.contains(&w.as_str())
                        })
                })
                .min_by_key(|(d, _)| *d)
                .map(|(d, r)| ((false, d), r));
            let after = runs
                .iter()
                // After the phrase comes a place ("a summit in Paris"), an agent ("signed
                // this evening by Macron ..."), or a list after a colon; "hubs in Ukraine"
                // names where, not who.
                .filter(|r| {
                    let (from, to) = (hit.span.end, r.start);
                    from <= to
                        && ((kinds.contains(&EntityKind::Place) && leads_to(prose, from, to))
                            || by_agent(prose, from, to)
                            || (prose[from..to].contains(':') && leads_to(prose, from, to)))
                })
                .map(|r| (distance(prose, hit.span, Span::new(r.start, r.end)), r))
                .min_by_key(|(d, _)| *d)
                .map(|(d, r)| ((true, d), r));
            // "... would be led by the U.S.": a passive's agent is who did it, whoever
            // else the sentence names before the phrase.
            let agent = runs
                .iter()
                .filter(|r| hit.span.end <= r.start && by_agent(prose, hit.span.end, r.start))
                .map(|r| (distance(prose, hit.span, Span::new(r.start, r.end)), r))
                .min_by_key(|(d, _)| *d)
                // Ranked first, before any subject another phrase of the sentence finds.
                .map(|(_, r)| ((false, 0), r));
            let Some((score, run)) = agent.or(before).or(after) else {
                continue;
            };
            let sentence = run.members[0].sentence;
            // "The previous summit, held in London": another occasion, not this fact's.
            let list = Span::new(run.start, run.name_end);
            // "a summit in Helsinki next Tuesday": a cue right after the list counts too.
            let tail = word_spans(prose, Span::new(run.end, sentence.end))
                .iter()
                .take(3)
                .next_back()
                .map_or(run.end, |w| w.end);
            if other_occasion(prose, sentence, hit.span, list, &ex.about).is_some()
                || other_occasion(prose, sentence, Span::new(tail, tail), list, &ex.about).is_some()
                || negated(prose, sentence, list)
            {
                continue;
            }
            let claim = SetClaim {
                span: list,
                sentence,
                members: run.members.iter().map(|m| m.entity).collect(),
                strangers: run.strangers.iter().map(|s| prose[s.start..s.end].to_owned()).collect(),
                link: Link {
                    fact,
                    phrase: hit.phrase.clone(),
                    distance: score.1,
                    hit: hit.span,
                },
                rival: None,
                // "Zelensky, Starmer and the French president signed": the list goes
                // on past its last known member, so a member it seems to omit may be there.
                open: continues_before(prose, sentence, list.start)
                    || (list.end <= hit.span.start && continues_after(prose, list.end, hit.span.start)),
            };
            // Hits come in order, so this sentence's claims are the last ones.
            match best
                .iter_mut()
                .rev()
                .take_while(|(_, c)| c.sentence == claim.sentence)
                .find(|(_, c)| c.link.fact == fact)
            {
                Some(entry) if score < entry.0 => *entry = (score, claim),
                Some(_) => {}
                None => best.push((score, claim)),
            }
        }
    }
    // One verdict per list: the closest fact; a tie with a fact that disagrees is a rival.
    best.sort_by_key(|(score, claim)| (claim.span, *score, claim.link.fact));
    let mut out: Vec<SetClaim> = Vec::new();
    let mut scores: Vec<(bool, usize)> = Vec::new();
    for (score, claim) in best {
        match out.last_mut() {
            Some(prev) if prev.span == claim.span => {
                let prev_score = *scores.last().expect("parallel to out");
                if score == prev_score && !same_value(base, prev.link.fact, claim.link.fact) {
                    prev.rival = Some(claim.link.fact);
                }
            }
            _ => {
                out.push(claim);
                scores.push(score);
            }
        }
    }
    out
}

/// Kind of claim a set makes: one entity or several.
pub fn set_kind(base: &FactBase, claim: &SetClaim) -> Kind {
    match base.facts[claim.link.fact].value {
        FactValue::Entity(_) => Kind::Entity,
        _ => Kind::Entities,
    }
}

/// Places written "in Paris" or "at Kyiv" (or "the Paris meeting") that no
/// sentence phrase ties to a fact, each tied to a place fact whose value it
/// is and whose `about` phrase the article uses somewhere: the nearest such
/// phrase names the fact. As with [`link_by_unit`], such a link can only
/// agree: a place unlike the fact's is not linked at all, since the article
/// may name it for anything. `taken` are the spans the sentence-linked sets
/// already claim, sorted.
pub fn place_agreements(
    prose: &str,
    ex: &Extraction,
    base: &FactBase,
    published: Option<Date>,
    taken: &[Span],
) -> Vec<SetClaim> {
    // The phrases of place facts, by the place they name, in text order: each
    // mention then looks only at its place's phrases, by position.
    let mut phrases: HashMap<&str, Vec<(Span, usize, &AboutHit)>> = HashMap::new();
    for h in &ex.about {
        for &f in &h.facts {
            if let FactValue::Entity(e) = &base.facts[f].value
                && base.facts[f].valid.at(published) == At::Holds
            {
                phrases.entry(e.as_str()).or_default().push((h.span, f, h));
            }
        }
    }
    let mut out = Vec::new();
    for m in &ex.entities {
        let entity = &base.entities[m.entity];
        if entity.kind != EntityKind::Place {
            continue;
        }
        let Some(list) = phrases.get(entity.id.as_str()) else {
            continue;
        };
        // `taken` is sorted: a span overlapping this one starts just before its end.
        let upto = taken.partition_point(|t| t.start < m.full().end);
        if taken[upto.saturating_sub(4)..upto].iter().any(|t| t.overlaps(m.full())) {
            continue;
        }
        let before = word_spans(prose, Span::new(m.sentence.start, m.full().start));
        let located = before
            .last()
            .is_some_and(|w| matches!(prose[w.start..w.end].to_lowercase().as_str(), "in" | "at"))
            && prose[before.last().map_or(m.full().start, |w| w.end)..m.full().start]
                .trim()
                .is_empty();
        // "the Paris meeting": the place names an occasion a phrase right after it gives.
        let names_occasion = starting_in(&ex.about, Span::new(m.span.end, m.sentence.end), |h| h.span.start)
            .first()
            .is_some_and(|h| prose[m.span.end..h.span.start].trim().is_empty());
        if !(located || names_occasion) {
            continue;
        }
        if negated(prose, m.sentence, m.full())
            || other_occasion(prose, m.sentence, Span::new(m.span.start, m.span.start), m.full(), &[]).is_some()
        {
            continue;
        }
        let gap = |h: Span| {
            if h.end <= m.span.start {
                m.span.start - h.end
            } else {
                h.start.saturating_sub(m.span.end)
            }
        };
        // The nearest phrase stands just before or just after the mention.
        let at = list.partition_point(|(h, _, _)| h.start < m.span.start);
        let near = &list[at.saturating_sub(4)..(at + 4).min(list.len())];
        let Some(&(_, fact, hit)) = near.iter().min_by_key(|(h, f, _)| (gap(*h), *f)) else {
            continue;
        };
        out.push(SetClaim {
            span: m.full(),
            sentence: m.sentence,
            members: vec![m.entity],
            strangers: Vec::new(),
            link: Link {
                fact,
                phrase: hit.phrase.clone(),
                distance: MAX_DISTANCE,
                hit: hit.span,
            },
            rival: None,
            open: false,
        });
    }
    out
}
