//! Verdicts: each mention compared with the fact it links to.
//!
//! One function per kind of comparison. Every verdict carries its evidence:
//! the fact id, its source, what was found and what the fact base expects,
//! and, for a discrepancy, why the link was made and a correction written in
//! the article's own style.

use serde_json::{Value as Json, json};

use crate::article::Article;
use crate::extract::{Extraction, Mention, Value};
use crate::facts::{Fact, FactBase, FactValue, Index};
use crate::kinds::words::{join_names, num};
use crate::lexicon::{lang, weekday_name};
use crate::link::{Decision, Link, Linker, place_agreements, sets};
use crate::rules::Rule;
use crate::span::{Span, one_line};

mod ranges;

pub use crate::finding::{Because, Finding, FormerWhy, ListPart, Reason, Shown, SourceRef, Verdict, Weak};

/// Candidate facts a "not linked to" message names; the rest are counted.
const NAMED_CANDIDATES: usize = 5;

/// Check every claim in an article.
pub fn check(article: &Article, base: &FactBase, index: &Index) -> Vec<Finding> {
    let ex = crate::extract::extract(article, base, index);
    judge(article, base, index, &ex)
}

/// Turn extracted mentions into verdicts.
pub fn judge(article: &Article, base: &FactBase, index: &Index, ex: &Extraction) -> Vec<Finding> {
    let linker = Linker::new(article, base, ex);
    let judge = Judge {
        article,
        base,
        index,
        linker: &linker,
    };
    let mut claims: Vec<Finding> = ex.mentions.iter().map(|m| judge.mention(m)).collect();
    judge.year_ranges(ex, &mut claims);
    let sets = sets(&article.prose, ex, base, article.published);
    let mut taken: Vec<Span> = sets.iter().map(|s| s.span).collect();
    taken.sort_unstable();
    for set in &sets {
        claims.push(judge.set(set, ex));
    }
    // A place no phrase in its sentence links can still agree with the fact
    // whose phrase the article uses elsewhere; it is never held against it.
    for place in place_agreements(&article.prose, ex, base, article.published, &taken) {
        let mut c = judge.set(&place, ex);
        if c.verdict == Verdict::Match {
            c.because = Some(Because::Place {
                phrase: place.link.phrase.clone(),
                fact: base.facts[place.link.fact].id.clone(),
            });
            claims.push(c);
        }
    }
    claims.sort_by_key(|c| (c.span, c.kind));
    corrections(article, &mut claims);
    for c in &mut claims {
        drafts(base, c);
    }
    claims
}

/// A fact with no source (`source = ""`, as `factcheck suggest` drafts
/// them) neither confirms nor contradicts: the claim it would judge is
/// unverifiable, and says the fact is a draft (rule U009).
fn drafts(base: &FactBase, c: &mut Finding) {
    if c.verdict == Verdict::Unverifiable {
        return;
    }
    let Some(id) = c.fact.clone() else {
        return;
    };
    if base.fact_index(&id).is_none_or(|i| base.facts[i].source.is_some()) {
        return;
    }
    c.verdict = Verdict::Unverifiable;
    c.rule = Some(Rule::DraftFact);
    c.reason = Reason::Draft { fact: id };
    c.source = None;
    c.suggestion = None;
}

/// In a correction ("Representatives of 35 countries attended, not 36 as
/// stated"), the wrong value is quoted to be put right: a discrepancy whose
/// fact the same paragraph also states correctly is not flagged when the
/// paragraph (or the whole piece) reads as a correction.
fn corrections(article: &Article, claims: &mut [Finding]) {
    let heading = article
        .blocks
        .first()
        .map_or("", |b| &article.text[b.start..b.end])
        .to_lowercase();
    let title = article
        .front_matter
        .get("title")
        .and_then(|t| t.as_str())
        .unwrap_or("")
        .to_lowercase();
    let notice = ["correction", "clarification"]
        .iter()
        .any(|w| heading.contains(w) || title.contains(w));
    for block in &article.blocks {
        let text = article.prose[block.start..block.end].to_lowercase();
        let cued = notice
            || lang().cues.correction.iter().any(|cue| {
                text.match_indices(cue).any(|(i, _)| {
                    let before = text[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
                    let after = text[i + cue.len()..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphanumeric());
                    before && after
                })
            });
        if !cued {
            continue;
        }
        // Claims are sorted by span: the block's are found by position, not by a walk.
        let in_block = claims.partition_point(|c| c.span.start < block.start)
            ..claims.partition_point(|c| c.span.start < block.end);
        let right: Vec<(String, String)> = claims[in_block.clone()]
            .iter()
            .filter(|c| c.verdict == Verdict::Match && block.contains(c.span))
            .filter_map(|c| {
                c.fact
                    .clone()
                    .map(|f| (f, one_line(&article.text[c.span.start..c.span.end])))
            })
            .collect();
        for c in claims[in_block]
            .iter_mut()
            .filter(|c| c.verdict == Verdict::Discrepancy && block.contains(c.span))
        {
            if notice && !right.iter().any(|(f, _)| c.fact.as_ref() == Some(f)) {
                // A correction notice states the error it corrects.
                c.verdict = Verdict::Unverifiable;
                c.rule = Some(Rule::CorrectionNotice);
                c.reason = Reason::CorrectionNotice;
                c.suggestion = None;
            } else if let Some((fact, said)) = right.iter().find(|(f, _)| c.fact.as_ref() == Some(f)) {
                c.verdict = Verdict::Unverifiable;
                c.rule = Some(Rule::CorrectedNearby);
                c.reason = Reason::CorrectedNearby {
                    said: said.clone(),
                    fact: fact.clone(),
                };
                c.suggestion = None;
            }
        }
    }
}

/// What judging an article's claims reads: the article, the fact base and
/// its index, and every typed mention's links, made once. Each claim kind's
/// judging is a method on it, in that kind's module (`crate::kinds`).
pub(crate) struct Judge<'a> {
    pub(crate) article: &'a Article,
    pub(crate) base: &'a FactBase,
    pub(crate) index: &'a Index,
    /// Which fact each claim is judged against, decided once per article.
    pub(crate) linker: &'a Linker<'a>,
}

impl Judge<'_> {
    pub(crate) fn text(&self, span: Span) -> &str {
        &self.article.text[span.start..span.end]
    }

    pub(crate) fn source(&self, fact: &Fact) -> Option<SourceRef> {
        let id = fact.source.as_ref()?;
        let s = self.base.source(id)?;
        Some(SourceRef {
            id: id.clone(),
            title: s.title.clone(),
            url: s.url.clone(),
        })
    }

    /// The ids of `facts`, the first [`NAMED_CANDIDATES`] of them and a
    /// count of the rest: against a large fact base a claim can have
    /// thousands of candidates.
    fn some_ids(&self, facts: &[usize]) -> (Vec<String>, usize) {
        let ids = facts
            .iter()
            .take(NAMED_CANDIDATES)
            .map(|&f| self.base.facts[f].id.clone())
            .collect();
        (ids, facts.len().saturating_sub(NAMED_CANDIDATES))
    }

    /// A claim with no fact behind it.
    pub(crate) fn unverifiable(&self, m: &Mention, found: Json, rule: Rule, reason: Reason) -> Finding {
        Finding {
            verdict: Verdict::Unverifiable,
            kind: m.kind,
            span: m.span,
            sentence: m.sentence,
            found,
            expected: None,
            range: None,
            fact: None,
            source: None,
            rule: Some(rule),
            reason,
            suggestion: None,
            because: None,
            entity: None,
        }
    }

    /// A claim that rests on a name several entities share, nothing in the
    /// article telling which (U016): unverifiable, naming them. Never a
    /// discrepancy: whichever is meant may be right.
    pub(crate) fn ambiguous_name(&self, m: &Mention, found: Json, name: &str, candidates: &[usize]) -> Finding {
        self.unverifiable(m, found, Rule::AmbiguousName, self.ambiguous_reason(name, candidates))
    }

    /// The reason of [`Self::ambiguous_name`].
    pub(crate) fn ambiguous_reason(&self, name: &str, candidates: &[usize]) -> Reason {
        let entities = candidates.iter().map(|&e| &self.base.entities[e]);
        Reason::AmbiguousName {
            name: one_line(name),
            ids: entities.clone().map(|e| e.id.clone()).collect(),
            names: entities.take(NAMED_CANDIDATES).map(|e| e.name.clone()).collect(),
            more: candidates.len().saturating_sub(NAMED_CANDIDATES),
        }
    }

    fn found(&self, m: &Mention) -> Json {
        match &m.value {
            Value::Date {
                month, day, resolved, ..
            } => match resolved {
                Some(d) => json!(d.to_string()),
                None => json!(format!("--{month:02}-{day:02}")),
            },
            Value::Weekday { day, .. } => json!(weekday_name(*day)),
            Value::DateRange { from, to } => json!(format!("{from}/{to}")),
            Value::Year { year, .. } => json!(year),
            Value::Count { amount, .. } | Value::Money { amount, .. } | Value::Percent { amount } => num(amount.value),
            Value::Ordinal { value, .. } => json!(value),
            Value::Quote { text, .. } => json!(text),
            Value::Role { title, .. } => json!(title),
            Value::Name { found, .. } => json!(found),
        }
    }

    /// The range a figure's words allow, when they are approximate.
    pub(crate) fn range(m: &Mention) -> Option<crate::lexicon::Range> {
        match &m.value {
            Value::Count { amount, .. } | Value::Money { amount, .. } | Value::Percent { amount } => amount.bounds(),
            _ => None,
        }
    }

    /// The range a figure allows as compared with `fact`: its words' range,
    /// or the rounding that made it agree (or not) with the fact's value.
    fn range_against(m: &Mention, fact: &Fact) -> Option<crate::lexicon::Range> {
        let value = match fact.value {
            FactValue::Count(n) => n as f64,
            FactValue::Amount(v) | FactValue::Percent(v) => v,
            _ => return Self::range(m),
        };
        match &m.value {
            Value::Count { amount, .. } | Value::Money { amount, .. } | Value::Percent { amount } => {
                crate::kinds::reported_range(amount, value)
            }
            _ => None,
        }
    }

    fn mention(&self, m: &Mention) -> Finding {
        match &m.value {
            Value::Quote {
                text,
                speaker,
                speaker_span,
                stranger,
                shared,
            } => {
                if !shared.is_empty() {
                    return self.quote_by_one_of(m, text, shared, *speaker_span);
                }
                return self.quote(m, text, *speaker, *speaker_span, *stranger);
            }
            Value::Role {
                entity,
                title,
                name,
                title_span,
                ever,
                shared,
            } => {
                if !shared.is_empty() {
                    return self.ambiguous_name(m, json!(title), name, shared);
                }
                return self.role(m, *entity, title, name, *title_span, *ever);
            }
            Value::Name {
                entity,
                found,
                expected,
                others,
            } => return self.name(m, *entity, found, expected, others),
            _ => {}
        }
        let found = self.found(m);
        match self.linker.decide(m) {
            Decision::Linked { link, because } => self.compare_because(m, found, &link, because),
            Decision::ListSize { fact, phrase } => self.list_size(m, found, fact, phrase),
            Decision::PartExceedsWhole { whole } => self.part_exceeds_whole(m, found, whole),
            Decision::Calendar => self.calendar(m, found),
            Decision::Ambiguous(facts) => {
                let ids: Vec<String> = facts.iter().map(|&f| self.base.facts[f].id.clone()).collect();
                let mut c = self.unverifiable(m, found, Rule::Ambiguous, Reason::Ambiguous { facts: ids });
                c.range = Self::range(m);
                c
            }
            Decision::Unlinked { facts, reason } => {
                let (ids, more) = self.some_ids(&facts);
                let rule = reason.rule();
                let reason = Reason::NotLinked {
                    facts: ids,
                    more,
                    weak: reason,
                };
                let mut c = self.unverifiable(m, found, rule, reason);
                c.range = Self::range(m);
                c
            }
            Decision::NoFact => {
                // An age or a span of years with no fact of its kind: said
                // so, and never held against a year (U010).
                let (rule, reason) = match &m.value {
                    Value::Count { unit, .. } if unit == crate::extract::AGE => {
                        (Rule::AgeOrSpanUnmatched, Reason::NoAgeFact { age: true })
                    }
                    Value::Count { unit, .. } if lang().numbers.time_units.contains(unit.to_lowercase()) => {
                        (Rule::AgeOrSpanUnmatched, Reason::NoAgeFact { age: false })
                    }
                    _ => (Rule::NoFact, Reason::NoFact),
                };
                let mut c = self.unverifiable(m, found, rule, reason);
                c.range = Self::range(m);
                c
            }
        }
    }

    /// A count that agrees with the size of a complete list ("three leaders signed").
    fn list_size(&self, m: &Mention, found: Json, fact: usize, phrase: String) -> Finding {
        let fact = &self.base.facts[fact];
        let FactValue::Entities(list) = &fact.value else {
            unreachable!("decided on a list fact")
        };
        let names = join_names(&list.iter().map(|id| self.base.entity_name(id)).collect::<Vec<_>>());
        let because = Because::CompleteList {
            phrase,
            fact: fact.id.clone(),
        };
        Finding {
            verdict: Verdict::Match,
            kind: m.kind,
            span: m.span,
            sentence: m.sentence,
            found,
            expected: Some(json!(list.len())),
            range: Self::range(m),
            fact: Some(fact.id.clone()),
            source: self.source(fact),
            rule: None,
            reason: Reason::AgreesWithList {
                fact: fact.id.clone(),
                members: list.len(),
                names,
                because: because.clone(),
            },
            suggestion: None,
            because: Some(because),
            entity: None,
        }
    }

    /// "35 countries, including 37 heads of state": wrong whatever the facts say.
    fn part_exceeds_whole(&self, m: &Mention, found: Json, whole: Span) -> Finding {
        let whole_text = one_line(self.text(whole));
        Finding {
            verdict: Verdict::Discrepancy,
            kind: m.kind,
            span: m.span,
            sentence: m.sentence,
            found,
            expected: None,
            range: Self::range(m),
            fact: None,
            source: None,
            rule: Some(Rule::PartExceedsWhole),
            reason: Reason::PartExceedsWhole {
                whole: whole_text.clone(),
            },
            suggestion: None,
            because: Some(Because::Arithmetic { whole: whole_text }),
            entity: None,
        }
    }

    /// A weekday written next to its own date needs no fact: the calendar decides.
    fn calendar(&self, m: &Mention, found: Json) -> Finding {
        let Value::Weekday {
            day,
            of_date: Some(date),
            ..
        } = &m.value
        else {
            unreachable!("decided on a weekday beside its date")
        };
        let right = date.weekday();
        let ok = right == *day;
        Finding {
            verdict: if ok { Verdict::Match } else { Verdict::Discrepancy },
            kind: m.kind,
            span: m.span,
            sentence: m.sentence,
            found,
            expected: Some(json!(weekday_name(right))),
            range: None,
            fact: None,
            source: None,
            rule: (!ok).then_some(Rule::WeekdayCalendar),
            reason: if ok {
                Reason::CalendarAgrees {
                    date: date.to_string(),
                    weekday: weekday_name(right).to_owned(),
                }
            } else {
                Reason::CalendarDiffers {
                    said: weekday_name(*day).to_owned(),
                    date: date.to_string(),
                    right: weekday_name(right).to_owned(),
                }
            },
            suggestion: (!ok).then(|| weekday_name(right).to_owned()),
            because: Some(Because::Calendar),
            entity: None,
        }
    }

    /// Compare a mention with the fact it is linked to, by the route `because` says.
    pub(super) fn compare_because(&self, m: &Mention, found: Json, l: &Link, because: Because) -> Finding {
        let fact = &self.base.facts[l.fact];
        let kind = crate::kinds::of(m.kind).expect("a value claim");
        let cx = crate::kinds::Cx {
            text: &self.article.text,
            published: self.article.published,
        };
        let c = kind.compare(cx, m, fact);
        let reason = if c.ok {
            Reason::Agrees {
                fact: fact.id.clone(),
                shown: kind.describe(fact),
            }
        } else {
            Reason::Differs {
                fact: fact.id.clone(),
                shown: c.shown,
                because: because.clone(),
            }
        };
        Finding {
            verdict: if c.ok { Verdict::Match } else { Verdict::Discrepancy },
            kind: m.kind,
            span: m.span,
            sentence: m.sentence,
            found,
            expected: Some(c.expected),
            range: Self::range_against(m, fact),
            fact: Some(fact.id.clone()),
            source: self.source(fact),
            rule: (!c.ok).then_some(c.rule),
            reason,
            suggestion: if c.ok { None } else { c.suggestion },
            because: Some(because),
            entity: None,
        }
    }
}
