//! Occasions: which summit, election or meeting a fact (and a sentence) is about.
//!
//! A fact of an `[[event]]` has its event's date and place as its occasion. A
//! fact without one has the dates and places of the facts that share a phrase
//! with it (the summit's date for its head count, in a fact base written
//! before events existed). Rules that ask "is this sentence about the fact's
//! occasion?" (another place, another date) ask here.
//!
//! Two events may share a name ("G7 summit" in 2024 and in 2025). When the
//! facts that fit a claim equally well belong to several of them, what is
//! written around the claim decides: a date or year, a place, and failing
//! those the publication date when it lies clearly nearest one of them. When
//! nothing decides, the claim is ambiguous (unverifiable), never a
//! discrepancy.

use jiff::civil::Date;

use crate::extract::{Extraction, Value};
use crate::facts::{EntityKind, FactBase, FactValue};
use crate::span::{Span, starting_in};

/// The dates of the occasions a fact belongs to.
pub fn dates(base: &FactBase, fact: usize) -> Vec<Date> {
    if let Some(event) = base.event_of(fact) {
        let mut out: Vec<Date> = event.date.into_iter().collect();
        for &f in base.facts_of_event(&event.id) {
            if let FactValue::Date(d) = base.facts[f].value
                && !out.contains(&d)
            {
                out.push(d);
            }
        }
        return out;
    }
    // Looked up by phrase, not found by a walk over every fact.
    let mut dates: Vec<usize> = base.facts[fact]
        .about
        .iter()
        .flat_map(|a| base.dates_about(a).iter().copied())
        .collect();
    dates.sort_unstable();
    dates.dedup();
    dates
        .into_iter()
        .filter_map(|f| match base.facts[f].value {
            FactValue::Date(d) => Some(d),
            _ => None,
        })
        .collect()
}

/// The places (entity ids) of the occasions a fact belongs to.
pub fn places(base: &FactBase, fact: usize) -> Vec<&str> {
    let is_place = |id: &str| base.entity(id).is_some_and(|e| e.kind == EntityKind::Place);
    let mut places: Vec<&str> = if let Some(event) = base.event_of(fact) {
        event
            .place
            .as_deref()
            .into_iter()
            .chain(
                base.facts_of_event(&event.id)
                    .iter()
                    .filter_map(|&f| match &base.facts[f].value {
                        FactValue::Entity(e) if is_place(e) => Some(e.as_str()),
                        _ => None,
                    }),
            )
            .collect()
    } else {
        base.facts[fact]
            .about
            .iter()
            .flat_map(|a| base.entity_facts_about(a).iter())
            .filter_map(|&f| match &base.facts[f].value {
                FactValue::Entity(e) if is_place(e) => Some(e.as_str()),
                _ => None,
            })
            .collect()
    };
    places.sort_unstable();
    places.dedup();
    places
}

/// What a sentence says of when and where: the cues that tell two occasions
/// of one name apart.
#[derive(Debug, Default)]
pub struct Cues {
    /// Days written in full (with a year, or read against publication).
    pub days: Vec<Date>,
    /// Years written, alone or with a day or month.
    pub years: Vec<i64>,
    /// Places (entity indexes) named.
    pub places: Vec<usize>,
    /// Events named by a name or alias, each name with the events it names.
    pub named: Vec<Vec<usize>>,
    /// Where each of `named` is written.
    pub named_at: Vec<Span>,
    /// Whether each of `named` is a proper name (a capital or a digit:
    /// "Apulia summit", "Q1 FY26"), not common words ("a year earlier").
    pub proper: Vec<bool>,
    /// Events an `about` phrase of theirs names ("expects" of an outlook),
    /// each phrase with the events it names, and where it is written.
    pub phrased: Vec<Vec<usize>>,
    pub phrased_at: Vec<Span>,
    /// The claim the cues are for, when one: of two occasions named in its
    /// sentence, the one named nearest it is its own.
    pub claim: Option<Span>,
    /// The sentence's typed claims: a name of common words ("a year
    /// earlier") is the cue of the claim nearest it only.
    pub claims: Vec<Span>,
    pub published: Option<Date>,
}

impl Cues {
    /// The cues of `sentence`.
    pub fn of(base: &FactBase, ex: &Extraction, prose: &str, sentence: Span, published: Option<Date>) -> Cues {
        let mut cues = Cues {
            published,
            ..Cues::default()
        };
        for m in starting_in(&ex.mentions, sentence, |m| m.span.start) {
            if !sentence.contains(m.span) {
                continue;
            }
            cues.claims.push(m.span);
            match &m.value {
                Value::Date {
                    resolved: Some(d),
                    year,
                    ..
                } => {
                    cues.days.push(*d);
                    if year.is_some() {
                        cues.years.push(i64::from(d.year()));
                    }
                }
                Value::Year { year, .. } => cues.years.push(*year),
                _ => {}
            }
        }
        for (span, events) in starting_in(&ex.event_names, sentence, |(s, _)| s.start) {
            if sentence.contains(*span) {
                cues.named.push(events.clone());
                cues.named_at.push(*span);
                cues.proper.push(
                    prose[span.start..span.end]
                        .chars()
                        .any(|c| c.is_uppercase() || c.is_ascii_digit()),
                );
            }
        }
        for h in starting_in(&ex.about, sentence, |h| h.span.start) {
            if !sentence.contains(h.span) {
                continue;
            }
            let mut events: Vec<usize> = h
                .occasion
                .iter()
                .chain(&h.facts)
                .filter_map(|&f| base.facts[f].event.as_deref())
                .filter_map(|id| base.event_position(id))
                .filter(|&i| base.events[i].about.iter().any(|a| a.eq_ignore_ascii_case(&h.phrase)))
                .collect();
            events.sort_unstable();
            events.dedup();
            if !events.is_empty() {
                cues.phrased.push(events);
                cues.phrased_at.push(h.span);
            }
        }
        for e in starting_in(&ex.entities, sentence, |e| e.span.start) {
            if sentence.contains(e.span) && base.entities[e.entity].kind == EntityKind::Place {
                cues.places.push(e.entity);
            }
        }
        cues
    }

    /// The same cues, for the claim at `span`.
    pub fn near(mut self, span: Span) -> Cues {
        self.claim = Some(span);
        self
    }
}

/// Of the events of `facts` (two or more distinct ones), the one the cues
/// decide, if any: a name that is that event's alone, a day written, then a
/// year, then a place, then the publication date when it lies clearly nearest
/// one event's date.
pub fn decide<'b>(base: &'b FactBase, facts: &[usize], cues: &Cues) -> Option<&'b str> {
    decide_how(base, facts, cues).map(|(e, _)| e)
}

/// How firmly the cues decide between occasions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Firmly {
    /// A proper name, a day, a year or a place written in the sentence.
    Written,
    /// Common words ("a year earlier"), a phrase of the event, or the
    /// publication date: a figure that is exactly the other occasion's may
    /// still be that occasion's.
    Loosely,
}

/// [`decide`], and how firmly.
pub fn decide_how<'b>(base: &'b FactBase, facts: &[usize], cues: &Cues) -> Option<(&'b str, Firmly)> {
    use Firmly::{Loosely, Written};
    let mut events: Vec<&str> = facts.iter().filter_map(|&f| base.facts[f].event.as_deref()).collect();
    events.sort_unstable();
    events.dedup();
    if events.len() < 2 {
        return None;
    }
    let only = |keep: &dyn Fn(&str) -> bool| -> Option<&'b str> {
        let mut it = events.iter().copied().filter(|e| keep(e));
        let first = it.next()?;
        it.next().is_none().then_some(first)
    };
    // A name or alias that names one of them only ("the Apulia summit").
    // A name of common words ("a year earlier") counts for the claim nearest it only.
    let gap = |a: Span, b: Span| {
        if a.end <= b.start {
            b.start - a.end
        } else {
            a.start.saturating_sub(b.end)
        }
    };
    let counts = |at: Span, proper: bool| {
        proper
            || cues
                .claim
                .is_none_or(|c| !cues.claims.iter().any(|&o| o != c && gap(at, o) < gap(at, c)))
    };
    let named = |id: &str| {
        cues.named
            .iter()
            .zip(&cues.named_at)
            .zip(&cues.proper)
            .any(|((names, &at), &proper)| {
                names.iter().any(|&i| base.events[i].id == id) && names.len() < events.len() && counts(at, proper)
            })
    };
    let proper_named = |id: &str| {
        cues.named.iter().zip(&cues.proper).any(|(names, &proper)| {
            proper && names.iter().any(|&i| base.events[i].id == id) && names.len() < events.len()
        })
    };
    if let Some(e) = only(&proper_named) {
        return Some((e, Written));
    }
    if let Some(e) = only(&named) {
        return Some((e, Loosely));
    }
    // "Revenue rose to $44 billion in the first quarter, from $26 billion a year
    // earlier": each figure is of the occasion named nearest it.
    if let Some(e) = nearest(base, &events, &cues.named, &cues.named_at, cues.claim) {
        return Some((e, Loosely));
    }
    let date_of = |id: &str| base.event(id).and_then(|e| e.date);
    if let Some(e) = only(&|e| date_of(e).is_some_and(|d| cues.days.contains(&d))) {
        return Some((e, Written));
    }
    if let Some(e) = only(&|e| date_of(e).is_some_and(|d| cues.years.contains(&i64::from(d.year())))) {
        return Some((e, Written));
    }
    // The event's place, or the places its facts give.
    let places_of = |id: &str| -> Vec<&str> {
        let mut out: Vec<&str> = base.event(id).and_then(|e| e.place.as_deref()).into_iter().collect();
        for &f in base.facts_of_event(id) {
            if let FactValue::Entity(p) = &base.facts[f].value
                && base.entity(p).is_some_and(|e| e.kind == EntityKind::Place)
            {
                out.push(p);
            }
        }
        out
    };
    // A phrase of one event's own ("expects" of an outlook), or the one nearest the claim.
    let phrased = |id: &str| {
        cues.phrased
            .iter()
            .any(|evs| evs.iter().any(|&i| base.events[i].id == id) && evs.len() < events.len())
    };
    if let Some(e) = only(&phrased) {
        return Some((e, Loosely));
    }
    if let Some(e) = nearest(base, &events, &cues.phrased, &cues.phrased_at, cues.claim) {
        return Some((e, Loosely));
    }
    if let Some(e) = only(&|e| {
        places_of(e)
            .iter()
            .any(|p| cues.places.iter().any(|&i| base.entities[i].id == *p))
    }) {
        return Some((e, Written));
    }
    // Nothing written: the occasion nearest the publication date, if it is
    // clearly the nearest (less than half as far as the next).
    let published = cues.published?;
    let mut by_distance: Vec<(i64, &str)> = events
        .iter()
        .filter_map(|&e| {
            let d = date_of(e)?;
            let days = i64::from((d - published).get_days()).abs();
            Some((days, e))
        })
        .collect();
    by_distance.sort_unstable();
    match by_distance.as_slice() {
        [(near, e), (next, _), ..] if near * 2 < *next && by_distance.len() == events.len() => Some((e, Loosely)),
        _ => None,
    }
}

/// Of the `events` that `names` (written at `at`) name one of alone, the one
/// named nearest `claim`, if it is nearer than every other.
fn nearest<'b>(
    base: &'b FactBase,
    events: &[&'b str],
    names: &[Vec<usize>],
    at: &[Span],
    claim: Option<Span>,
) -> Option<&'b str> {
    let claim = claim?;
    let gap = |s: &Span| {
        if s.end <= claim.start {
            claim.start - s.end
        } else {
            s.start.saturating_sub(claim.end)
        }
    };
    let mut near: Vec<(usize, &'b str)> = names
        .iter()
        .zip(at)
        .filter_map(|(names, at)| {
            let mine: Vec<&'b str> = names
                .iter()
                .map(|&i| base.events[i].id.as_str())
                .filter(|id| events.contains(id))
                .collect();
            (mine.len() == 1).then(|| (gap(at), mine[0]))
        })
        .collect();
    near.sort_unstable();
    match near.as_slice() {
        [(first, e), rest @ ..]
            if rest.iter().any(|(_, o)| o != e) && rest.iter().all(|(g, o)| o == e || g > first) =>
        {
            Some(e)
        }
        _ => None,
    }
}
