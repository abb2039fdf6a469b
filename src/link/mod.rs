//! Linking: which fact, if any, a claim speaks about.
//!
//! The stage in four parts:
//!
//! - the phrase route ([`link`], here): a mention's candidate facts are those
//!   of a compatible kind (its kind says: a count to a count fact of its unit,
//!   a date to a date fact ...) whose `about` phrase stands in its sentence;
//!   they are ranked by the subject the sentence names near the claim, then
//!   the phrase's distance (clause breaks count), the kind, the phrase's
//!   length; a tie between facts that disagree is ambiguous, unless the
//!   occasion decides ([`crate::occasion`]);
//! - the link rules ([`rules`]): the reasons the best link is too weak to
//!   judge by, each an `L` rule with a code;
//! - the decision ([`decide`]): one function per claim that goes down the
//!   routes in order, the strong ones first, then those that may only agree;
//! - lists ([`sets`]): places, actors and members tied to entity facts.
//!
//! Only a strong link can produce a discrepancy: a false alarm costs an
//! editor more than a miss.

pub mod decide;
mod rules;
mod sets;

pub use decide::{Decision, Linker};
pub use rules::{cued_against, negated};
pub use sets::{SetClaim, place_agreements, set_kind, sets};

use rules::against_link;

use crate::extract::{Extraction, Mention, Value, word_spans};
use jiff::civil::Date;

use crate::facts::{AboutHit, At, FactBase, FactKind, FactValue};
use crate::finding::Weak;
use crate::lexicon::lang;
use crate::span::{Span, starting_in};

/// The farthest (in words, after penalties) an `about` phrase may stand from a mention.
pub(crate) const MAX_DISTANCE: usize = 12;

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
/// standing after it (unless right after it) and for each clause break
/// between them.
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
        .filter(|w| lang().cues.clause_breaks.contains(prose[w.start..w.end].to_lowercase()))
        .count()
        + prose[from..to].matches(';').count();
    // A phrase right after the claim is nearly its own ("242 people aboard");
    // further after, it counts for a little less than one as far before.
    let penalty = match (after, words.is_empty()) {
        (false, _) => 0,
        (true, true) => 1,
        (true, false) => 2,
    };
    words.len() + penalty + 4 * breaks
}

pub(crate) fn same_value(base: &FactBase, a: usize, b: usize) -> bool {
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
    // A phrase inside a person's title ("Conservative candidate Barbara Bal
    // received 23,600 votes") describes the person, not the figure.
    let titles: Vec<Span> = starting_in(&ex.mentions, mention.sentence, |o| o.span.start)
        .iter()
        .filter_map(|o| match &o.value {
            Value::Role { title_span, .. } if mention.sentence.contains(*title_span) => Some(*title_span),
            _ => None,
        })
        .collect();
    let usable = |h: &&AboutHit| {
        mention.sentence.contains(h.span)
            && !h.span.overlaps(mention.span)
            && !others.iter().any(|o| h.span.contains(*o))
            && !titles.iter().any(|t| t.contains(h.span))
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
    // Facts about someone a shared name in the sentence may or may not be:
    // when no other fact links, the claim waits on the name (U016).
    if scored.is_empty() {
        let mut held: Vec<(usize, &(Span, Vec<usize>))> = hits
            .iter()
            .flat_map(|h| h.facts.iter().copied())
            .filter(|&f| fits(f))
            .filter_map(|f| subjects.held(base, f).map(|n| (f, n)))
            .collect();
        held.sort_unstable_by_key(|(f, _)| *f);
        held.dedup_by_key(|(f, _)| *f);
        if let Some((_, (span, candidates))) = held.first() {
            return Linked::Weak {
                facts: held.iter().map(|(f, _)| *f).collect(),
                reason: Weak::SharedName {
                    name: prose[span.start..span.end].to_owned(),
                    candidates: candidates.iter().map(|&e| base.entities[e].id.clone()).collect(),
                    names: candidates.iter().map(|&e| base.entities[e].name.clone()).collect(),
                },
            };
        }
    }
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
        let cues = crate::occasion::Cues::of(base, ex, prose, mention.sentence, published).near(mention.span);
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
    /// Each name several entities share in the sentence that nothing
    /// decided (see `crate::extract::names`): where, and its candidates.
    shared: Vec<(Span, Vec<usize>)>,
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
        let shared = starting_in(&ex.shared, mention.sentence, |m| m.span.start)
            .iter()
            .filter(|m| mention.sentence.contains(m.span))
            .map(|m| (m.span, m.candidates.clone()))
            .collect();
        Subjects {
            named,
            shared,
            at: mention.span,
        }
    }

    /// Whether a fact about a subject may be what the sentence speaks of:
    /// not when it names others of the subject's kind and not the subject
    /// ("Francis was born in 1936" is not Leo XIV's birth year).
    fn allow(&self, base: &FactBase, fact: usize) -> bool {
        let Some(s) = base.subject_position_of(fact) else {
            return true;
        };
        let kind = base.entities[s].kind;
        let mut same_kind = self.named.iter().filter(|(e, _)| base.entities[*e].kind == kind);
        (same_kind.clone().next().is_none() || same_kind.any(|(e, _)| *e == s)) && self.held(base, fact).is_none()
    }

    /// The name several entities share, if any, that keeps a fact about a
    /// subject from the sentence: one that may be another of the subject's
    /// kind ("Johnson was born in 1964": Boris Johnson's birth year, or Mike
    /// Johnson's?). Its span and candidates.
    fn held(&self, base: &FactBase, fact: usize) -> Option<&(Span, Vec<usize>)> {
        let s = base.facts[fact]
            .subject
            .as_deref()
            .and_then(|s| base.entity_position(s))?;
        let kind = base.entities[s].kind;
        self.shared
            .iter()
            .find(|(_, c)| c.iter().any(|&e| e != s && base.entities[e].kind == kind))
    }

    /// How far from the claim the sentence names the fact's subject, in
    /// bytes; a fact of no subject, or one not named, comes after.
    fn gap(&self, base: &FactBase, fact: usize) -> usize {
        let Some(s) = base.subject_position_of(fact) else {
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
        // People of an age are many: a close age is no evidence (U010).
        (Value::Count { unit, .. }, _) if unit == crate::extract::AGE => false,
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
