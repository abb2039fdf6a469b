//! Verdicts: each mention compared with the fact it links to.
//!
//! One function per kind of comparison. Every verdict carries its evidence:
//! the fact id, its source, what was found and what the fact base expects,
//! and, for a discrepancy, why the link was made and a correction written in
//! the article's own style.

use jiff::civil::Date;
use serde_json::{Value as Json, json};

use crate::article::Article;
use crate::extract::{EntityMention, Extraction, Kind, Mention, Value, word_spans};
use crate::facts::{At, EntityKind, Fact, FactBase, FactValue, Index};
use crate::kinds::words::{join_names, num};
use crate::lexicon::weekday_name;
use crate::link::{Link, Linked, SetClaim, link, link_by_unit, link_nearby, place_agreements, sets};
use crate::rules::Rule;
use crate::span::{Span, one_line, starting_in};

pub use crate::finding::{Because, Finding, FormerWhy, ListPart, Reason, Shown, SourceRef, Verdict, Weak};

/// Units that count people, as the start of the unit ("leaders", "heads of state ...").
const PEOPLE_UNITS: &[&str] = &[
    "leaders",
    "signatories",
    "signatures",
    "heads of",
    "people",
    "presidents",
    "prime ministers",
];

/// Units that count countries.
const COUNTRY_UNITS: &[&str] = &["countries", "nations", "states", "governments"];

/// Candidate facts a "not linked to" message names; the rest are counted.
const NAMED_CANDIDATES: usize = 5;

/// Check every claim in an article.
pub fn check(article: &Article, base: &FactBase, index: &Index) -> Vec<Finding> {
    let ex = crate::extract::extract(article, base, index);
    judge(article, base, index, &ex)
}

/// Turn extracted mentions into verdicts.
pub fn judge(article: &Article, base: &FactBase, index: &Index, ex: &Extraction) -> Vec<Finding> {
    let memo = Memo::new(article, base, ex);
    let judge = Judge {
        article,
        base,
        index,
        memo: &memo,
    };
    let mut claims: Vec<Finding> = ex.mentions.iter().map(|m| judge.mention(m, ex)).collect();
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

/// Words that mark a paragraph as correcting an earlier error.
const CORRECTION_CUES: &[&str] = &[
    "not",
    "wrongly",
    "incorrectly",
    "erroneously",
    "mistakenly",
    "misstated",
    "as stated",
    "as reported",
    "we reported",
    "we said",
    "we also said",
    "also reported",
    "correction",
    "corrected",
    "rather than",
    "instead of",
];

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
            || CORRECTION_CUES.iter().any(|cue| {
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
    /// Judging one claim reads the others' links here instead of linking
    /// them again.
    memo: &'a Memo<'a>,
}

/// The links of an article's typed mentions, each made once.
struct Memo<'a> {
    ex: &'a Extraction,
    /// The phrase route's outcome, per mention (in `ex.mentions` order).
    phrase: Vec<Linked>,
    /// The unit-alone link, per mention, made on first use.
    unit: Vec<std::cell::OnceCell<Option<Link>>>,
    article: &'a Article,
    base: &'a FactBase,
}

impl<'a> Memo<'a> {
    fn new(article: &'a Article, base: &'a FactBase, ex: &'a Extraction) -> Memo<'a> {
        let phrase = ex
            .mentions
            .iter()
            .map(|m| match m.value {
                Value::Quote { .. } | Value::Role { .. } | Value::Name { .. } => Linked::Nothing,
                _ => link(&article.prose, m, ex, base, article.published),
            })
            .collect();
        Memo {
            ex,
            phrase,
            unit: ex.mentions.iter().map(|_| std::cell::OnceCell::new()).collect(),
            article,
            base,
        }
    }

    /// The position of `m` in `ex.mentions` (sorted by span, then kind).
    fn at(&self, m: &Mention) -> usize {
        let key = (m.span.start, m.span.end, m.kind);
        self.ex
            .mentions
            .binary_search_by(|o| (o.span.start, o.span.end, o.kind).cmp(&key))
            .expect("a mention of this article")
    }

    /// How the phrase route links `m`.
    fn phrase(&self, m: &Mention) -> &Linked {
        &self.phrase[self.at(m)]
    }

    /// How `m`'s unit alone links it, if it does.
    fn unit(&self, m: &Mention) -> Option<&Link> {
        self.unit[self.at(m)]
            .get_or_init(|| link_by_unit(&self.article.prose, m, self.ex, self.base, self.article.published))
            .as_ref()
    }
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

    pub(crate) fn range(m: &Mention) -> Option<(Option<f64>, Option<f64>)> {
        match &m.value {
            Value::Count { amount, .. } | Value::Money { amount, .. } | Value::Percent { amount } => {
                amount.qualifier.map(|_| amount.range())
            }
            _ => None,
        }
    }

    fn mention(&self, m: &Mention, ex: &Extraction) -> Finding {
        match &m.value {
            Value::Quote {
                text,
                speaker,
                speaker_span,
            } => return self.quote(m, text, *speaker, *speaker_span),
            Value::Role {
                entity,
                title,
                name,
                title_span,
            } => return self.role(m, *entity, title, name, *title_span),
            Value::Name {
                entity,
                found,
                expected,
            } => return self.name(m, *entity, found, expected),
            _ => {}
        }
        let found = self.found(m);
        let mut linked = self.memo.phrase(m).clone();
        let mut in_paragraph = false;
        // A headline figure the headline cannot link is held against the body's.
        let mut from_body = false;
        if matches!(linked, Linked::Weak { .. }) {
            let near = |scope: Span, tight: bool| {
                link_nearby(
                    &self.article.prose,
                    m,
                    &ex.about,
                    self.base,
                    self.article.published,
                    scope,
                    tight,
                )
            };
            // Its paragraph first; then the whole article, for a value very close to a fact's.
            let whole = Span::new(0, self.article.text.len());
            let found_link = self
                .article
                .block_of(m.span)
                .and_then(|paragraph| near(paragraph, false));
            if let Some(l) = found_link {
                linked = Linked::Strong(l);
                in_paragraph = true;
            } else if let Some(l) = self.headline_link(m, ex) {
                linked = Linked::Strong(l);
                from_body = true;
            } else if let Some(l) = near(whole, true) {
                linked = Linked::Strong(l);
                in_paragraph = true;
            }
        }
        // A strong link can still be overruled by what else the sentence says.
        let linked = match linked {
            Linked::Strong(l) => match self.overruled(m, &l, ex) {
                Some(reason) => Linked::Weak {
                    facts: vec![l.fact],
                    reason,
                },
                None => Linked::Strong(l),
            },
            other => other,
        };
        if !matches!(linked, Linked::Strong(_))
            && let Some(c) = self.part_larger_than_whole(m, ex, found.clone())
        {
            return c;
        }
        match linked {
            Linked::Strong(l) if from_body => {
                let why = Because::Headline {
                    fact: self.base.facts[l.fact].id.clone(),
                };
                self.compare_because(m, found, &l, why)
            }
            Linked::Strong(l) if in_paragraph => {
                let why = Because::Nearby {
                    phrase: l.phrase.clone(),
                };
                self.compare_because(m, found, &l, why)
            }
            Linked::Strong(l) => self.compare(m, found, &l),
            Linked::Ambiguous(facts) => {
                let ids: Vec<String> = facts.iter().map(|&f| self.base.facts[f].id.clone()).collect();
                let mut c = self.unverifiable(m, found, Rule::Ambiguous, Reason::Ambiguous { facts: ids });
                c.range = Self::range(m);
                c
            }
            Linked::Weak { facts, reason } => {
                if let Some(c) = self
                    .by_unit_alone(m, ex, found.clone())
                    .or_else(|| self.size_of_set(m, ex, found.clone()))
                    .or_else(|| {
                        matches!(reason, Weak::NoPhrase)
                            .then(|| self.by_occasion(m, ex, found.clone()))
                            .flatten()
                    })
                {
                    return c;
                }
                let self_check = self.calendar(m, found.clone());
                self_check.unwrap_or_else(|| {
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
                })
            }
            Linked::Nothing => self.calendar(m, found.clone()).unwrap_or_else(|| {
                let mut c = self.unverifiable(m, found, Rule::NoFact, Reason::NoFact);
                c.range = Self::range(m);
                c
            }),
        }
    }

    /// A claim whose sentence holds no phrase of a fitting fact, only a phrase
    /// of the occasion fitting facts belong to ("At the summit, 35 countries
    /// ..." where the count has phrases of its own): the occasion says which
    /// summit, not which of its figures, so such a link can confirm a fact
    /// but never contradict it. Of two occasions of one name, the sentence or
    /// the publication date must decide which ([`crate::occasion::decide`]).
    fn by_occasion(&self, m: &Mention, ex: &Extraction, found: Json) -> Option<Finding> {
        let published = self.article.published;
        let hits: Vec<(usize, &crate::facts::AboutHit)> = starting_in(&ex.about, m.sentence, |h| h.span.start)
            .iter()
            .filter(|h| m.sentence.contains(h.span) && !h.span.overlaps(m.span))
            .flat_map(|h| h.occasion.iter().map(move |&f| (f, h)))
            .filter(|&(f, _)| crate::link::fits(self.base, f, m) && self.base.facts[f].valid.at(published) == At::Holds)
            .collect();
        let (first, _) = hits.first()?;
        let mut facts: Vec<usize> = hits.iter().map(|(f, _)| *f).collect();
        facts.sort_unstable();
        facts.dedup();
        if facts
            .iter()
            .any(|&f| self.base.facts[f].event != self.base.facts[*first].event)
        {
            let cues = crate::occasion::Cues::of(self.base, ex, m.sentence, published);
            let event = crate::occasion::decide(self.base, &facts, &cues)?;
            facts.retain(|&f| self.base.facts[f].event.as_deref() == Some(event));
        }
        let fact = *facts.first()?;
        if facts
            .iter()
            .any(|&f| self.base.facts[f].value != self.base.facts[fact].value)
            || crate::link::cued_against(&self.article.prose, m, &ex.about)
            || self.dated_elsewhere(m.sentence, fact, ex).is_some()
        {
            return None;
        }
        let (_, hit) = hits.iter().find(|(f, _)| *f == fact)?;
        let l = Link {
            fact,
            phrase: hit.phrase.clone(),
            distance: 0,
            hit: hit.span,
        };
        let why = Because::Occasion {
            phrase: hit.phrase.clone(),
            fact: self.base.facts[fact].id.clone(),
        };
        let c = self.compare_because(m, found, &l, why);
        (c.verdict == Verdict::Match).then_some(c)
    }

    /// A figure no phrase links, tied to the one fact of its unit
    /// ([`link_by_unit`]): a match when it agrees, else nothing (the caller
    /// says unverifiable).
    fn by_unit_alone(&self, m: &Mention, ex: &Extraction, found: Json) -> Option<Finding> {
        let l = self.memo.unit(m)?.clone();
        if self.dated_elsewhere(m.sentence, l.fact, ex).is_some() {
            return None;
        }
        // "on Tuesday" may be any Tuesday's news: it is the occasion's day only
        // beside a figure of that occasion ("On Tuesday, 35 countries ...").
        if m.kind == Kind::Weekday && !self.beside_its_occasion(m, l.fact, ex) {
            return None;
        }
        let why = Because::UnitAlone {
            basis: l.phrase.clone(),
            fact: self.base.facts[l.fact].id.clone(),
        };
        let c = self.compare_because(m, found, &l, why);
        (c.verdict == Verdict::Match).then_some(c)
    }

    /// "Three leaders signed the declaration": a count of the members of a
    /// complete list whose phrase stands in the sentence, in a unit that fits
    /// them (people for people, countries for countries). Like
    /// [`Self::by_unit_alone`], it can only agree: "27 leaders" beside "signed"
    /// may count those present, not the signatories.
    fn size_of_set(&self, m: &Mention, ex: &Extraction, found: Json) -> Option<Finding> {
        let Value::Count { amount, unit, .. } = &m.value else {
            return None;
        };
        let unit = unit.to_lowercase();
        let kind = if PEOPLE_UNITS.iter().any(|u| unit.starts_with(u)) {
            EntityKind::Person
        } else if COUNTRY_UNITS.contains(&unit.as_str()) {
            EntityKind::Country
        } else {
            return None;
        };
        let (lo, hi) = amount.range();
        let fits = |n: usize| lo.is_none_or(|l| n as f64 >= l) && hi.is_none_or(|h| n as f64 <= h);
        let published = self.article.published;
        let (index, hit) = starting_in(&ex.about, m.sentence, |h| h.span.start)
            .iter()
            .filter(|h| m.sentence.contains(h.span) && !h.span.overlaps(m.span))
            .flat_map(|h| h.facts.iter().map(move |&f| (f, h)))
            .find(|&(f, _)| {
                let fact = &self.base.facts[f];
                let FactValue::Entities(list) = &fact.value else {
                    return false;
                };
                fact.complete
                    && fact.valid.at(published) == At::Holds
                    && fits(list.len())
                    && list.iter().all(|e| self.base.entity(e).is_some_and(|e| e.kind == kind))
            })?;
        let fact = &self.base.facts[index];
        let FactValue::Entities(list) = &fact.value else {
            return None;
        };
        if self.dated_elsewhere(m.sentence, index, ex).is_some() {
            return None;
        }
        let names = join_names(&list.iter().map(|id| self.base.entity_name(id)).collect::<Vec<_>>());
        let because = Because::CompleteList {
            phrase: hit.phrase.clone(),
            fact: fact.id.clone(),
        };
        Some(Finding {
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
        })
    }

    /// Whether another figure of `m`'s sentence is tied to a fact of the
    /// occasion that the date fact `date_fact` dates.
    fn beside_its_occasion(&self, m: &Mention, date_fact: usize, ex: &Extraction) -> bool {
        let FactValue::Date(day) = self.base.facts[date_fact].value else {
            return false;
        };
        starting_in(&ex.mentions, m.sentence, |o| o.span.start).iter().any(|o| {
            if o.sentence != m.sentence || matches!(o.kind, Kind::Date | Kind::Weekday | Kind::Year) {
                return false;
            }
            let tied = match self.memo.phrase(o) {
                Linked::Strong(l) => Some(l),
                _ => self.memo.unit(o),
            };
            tied.is_some_and(|l| crate::occasion::dates(self.base, l.fact).contains(&day))
        })
    }

    /// A count in the headline ("Thirty-six nations sign up") that links to no
    /// fact takes the fact a body count of the same unit links to.
    fn headline_link(&self, m: &Mention, ex: &Extraction) -> Option<Link> {
        let Value::Count { unit, .. } = &m.value else {
            return None;
        };
        let headline = *self.article.blocks.first()?;
        if !headline.contains(m.span) {
            return None;
        }
        ex.mentions.iter().filter(|o| !headline.contains(o.span)).find_map(|o| {
            let Value::Count { .. } = &o.value else { return None };
            match self.memo.phrase(o) {
                Linked::Strong(l)
                    if self.base.facts[l.fact]
                        .unit
                        .iter()
                        .any(|u| u.eq_ignore_ascii_case(unit))
                        && self.overruled(o, l, ex).is_none() =>
                {
                    Some(l.clone())
                }
                _ => None,
            }
        })
    }

    /// "35 countries, including 37 heads of state": a part larger than its
    /// whole is wrong whatever the facts say.
    fn part_larger_than_whole(&self, m: &Mention, ex: &Extraction, found: Json) -> Option<Finding> {
        let Value::Count { amount, .. } = &m.value else {
            return None;
        };
        let whole = ex.mentions.iter().rev().find(|o| {
            o.sentence == m.sentence && o.span.end <= m.span.start && matches!(o.value, Value::Count { .. })
        })?;
        let Value::Count {
            amount: whole_amount, ..
        } = &whole.value
        else {
            return None;
        };
        let between = self.article.prose[whole.span.end..m.span.start]
            .trim()
            .trim_start_matches(',')
            .trim()
            .to_lowercase();
        if !matches!(
            between.as_str(),
            "including" | "of which" | "of whom" | "among them" | "among whom"
        ) {
            return None;
        }
        let (part_low, _) = amount.range();
        let (_, whole_high) = whole_amount.range();
        let (Some(low), Some(high)) = (part_low, whole_high) else {
            return None;
        };
        if low <= high {
            return None;
        }
        let whole_text = one_line(self.text(whole.span));
        Some(Finding {
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
        })
    }

    /// Why a strong link should not be judged after all, if it should not:
    /// a closer claim of the same kind owns its `about` phrase ("over 2025,
    /// four years after the full-scale invasion in February 2022"), or the
    /// sentence is dated far from the fact's occasion.
    fn overruled(&self, m: &Mention, l: &Link, ex: &Extraction) -> Option<Weak> {
        let closer = starting_in(&ex.mentions, m.sentence, |o| o.span.start)
            .iter()
            .find(|o| {
                o.kind == m.kind
                    && o.span != m.span
                    && o.sentence == m.sentence
                    && matches!(self.memo.phrase(o),
                    Linked::Strong(ol) if ol.fact == l.fact && ol.hit == l.hit && ol.distance < l.distance)
            });
        if let Some(o) = closer {
            return Some(Weak::OwnedByCloser {
                phrase: l.phrase.clone(),
                other: one_line(self.text(o.span)),
            });
        }
        if let Some(reason) = self.placed_elsewhere(l, ex) {
            return Some(reason);
        }
        if matches!(m.kind, Kind::Date | Kind::Weekday | Kind::Year) {
            return None;
        }
        self.dated_elsewhere(m.sentence, l.fact, ex)
    }

    /// "flew in from talks in Miami on Monday", "On Wednesday, ministers met
    /// in Brussels": the sentence of the phrase that links the claim places
    /// it somewhere other than its occasion, so it is another occasion. A
    /// place counts when it comes right after the phrase ("talks in Miami",
    /// "met in Brussels"), or is a known place written "in" or "at" anywhere
    /// in the sentence.
    fn placed_elsewhere(&self, l: &Link, ex: &Extraction) -> Option<Weak> {
        let prose = &self.article.prose;
        // The phrase's own sentence: a link from nearby has it in another one.
        let sentence = self.article.sentence_of(Span::new(l.hit.start, l.hit.start))?;
        if sentence.end < l.hit.end {
            return None;
        }
        // "in Paris", "at Kyiv": the word before ends with a preposition of place.
        let after_prep = |at: usize| {
            let before = prose[sentence.start..at].trim_end().to_ascii_lowercase();
            before == "in" || before == "at" || before.ends_with(" in") || before.ends_with(" at")
        };
        // The candidates first (most sentences have none), the occasion's places after.
        // Right after the phrase, whether or not the phrase ends with "in" ("met in").
        let mut window = sentence.end.min(l.hit.end + 80);
        while !prose.is_char_boundary(window) {
            window += 1;
        }
        let words = word_spans(prose, Span::new(l.hit.end, window));
        let next = words.iter().take(2).find(|w| {
            after_prep(w.start) && (w.start == words[0].start || prose[l.hit.end..words[0].start].trim().is_empty())
        });
        let right_after = next
            .map(|w| {
                prose[w.start..w.end]
                    .trim_end_matches("'s")
                    .trim_end_matches("\u{2019}s")
            })
            .filter(|place| {
                place.starts_with(char::is_uppercase)
                    && crate::lexicon::month_number(place).is_none()
                    && crate::lexicon::weekday(place).is_none()
            });
        // A known place "in" or "at" anywhere in the sentence.
        let located: Vec<&EntityMention> = starting_in(&ex.entities, sentence, |m| m.span.start)
            .iter()
            .filter(|m| self.base.entities[m.entity].kind == EntityKind::Place && after_prep(m.span.start))
            .collect();
        if right_after.is_none() && located.is_empty() {
            return None;
        }
        let occasion = crate::occasion::places(self.base, l.fact);
        if occasion.is_empty() {
            return None;
        }
        let is_occasion = |name: &str, rest: &str| {
            occasion.iter().filter_map(|id| self.base.entity(id)).any(|e| {
                e.spellings()
                    .any(|s| rest.starts_with(s) || s.split_whitespace().next() == Some(name))
            })
        };
        // "met in France" may be Paris: a country holds its capital.
        let holds_occasion = |word: &str| {
            crate::gazetteer::country_code(word).is_some_and(|code| {
                occasion
                    .iter()
                    .filter_map(|id| self.base.entity(id))
                    .any(|e| crate::gazetteer::capital_of(&e.name) == Some(code))
            })
        };
        let right_after = right_after
            .filter(|place| !holds_occasion(place) && !is_occasion(place, &prose[next.map_or(0, |w| w.start)..]));
        let place = right_after.or_else(|| {
            located.iter().find_map(|m| {
                let name = &prose[m.span.start..m.span.end];
                (!is_occasion(name, &prose[m.span.start..])).then_some(name)
            })
        })?;
        Some(Weak::PlacedElsewhere {
            place: place.to_owned(),
            occasion: occasion
                .iter()
                .map(|id| self.base.entity_name(id))
                .collect::<Vec<_>>()
                .join(", "),
        })
    }

    /// "On Wednesday, foreign ministers met in Brussels": a place given in a
    /// sentence that names a day other than its occasion's is another
    /// meeting's place. (A wrong day beside the right place is still the
    /// date's discrepancy; the place is then left unjudged.)
    pub(crate) fn on_another_day(&self, set: &SetClaim, ex: &Extraction) -> Option<Weak> {
        let FactValue::Entity(e) = &self.base.facts[set.link.fact].value else {
            return None;
        };
        if self.base.entity(e).is_none_or(|e| e.kind != EntityKind::Place) {
            return None;
        }
        let occasions = crate::occasion::dates(self.base, set.link.fact);
        if occasions.is_empty() {
            return None;
        }
        starting_in(&ex.mentions, set.sentence, |m| m.span.start)
            .iter()
            .filter(|m| m.sentence == set.sentence)
            .find_map(|m| {
                let days: Vec<Date> = match &m.value {
                    Value::Date { resolved: Some(d), .. } => vec![*d],
                    Value::Weekday { resolved, of_date, .. } => of_date.map_or_else(|| resolved.clone(), |d| vec![d]),
                    _ => return None,
                };
                (!days.is_empty() && !days.iter().any(|d| occasions.contains(d))).then(|| Weak::AnotherDay {
                    dated: self.text(m.span).to_owned(),
                })
            })
    }

    /// "The group first met in London in March 2025, when 18 countries took
    /// part": a sentence dated well away from the fact's occasion is about
    /// another one.
    pub(crate) fn dated_elsewhere(&self, sentence: Span, fact: usize, ex: &Extraction) -> Option<Weak> {
        let occasions = crate::occasion::dates(self.base, fact);
        if occasions.is_empty() {
            return None;
        }
        let near_day = |d: Date| {
            occasions
                .iter()
                .any(|o| (d - *o).get_days().abs() <= 31 || (*o - d).get_days().abs() <= 31)
        };
        let near_month = |year: Option<i64>, month: Option<i8>| {
            occasions.iter().any(|o| {
                year.is_none_or(|y| y == i64::from(o.year()))
                    && month.is_none_or(|m| (i32::from(m) - i32::from(o.month())).abs() <= 1)
            })
        };
        let mut dated: Vec<(Span, bool)> = Vec::new();
        // "the summit took place on 6 January 2025": a date the sentence ties to
        // the occasion's own date fact is a claim about that occasion, right or
        // wrong (the date's own verdict says which), not another occasion.
        let of_the_occasion = |m: &Mention| match self.memo.phrase(m) {
            Linked::Strong(l) => matches!(self.base.facts[l.fact].value, FactValue::Date(d) if occasions.contains(&d)),
            _ => false,
        };
        for m in starting_in(&ex.mentions, sentence, |m| m.span.start)
            .iter()
            .filter(|m| sentence.contains(m.span))
        {
            if matches!(m.value, Value::Date { .. }) && of_the_occasion(m) {
                dated.push((m.span, true));
                continue;
            }
            match &m.value {
                Value::Date { resolved: Some(d), .. } => dated.push((m.span, near_day(*d))),
                Value::Date { month, .. } => dated.push((m.span, near_month(None, Some(*month)))),
                Value::Year { year, month } => dated.push((m.span, near_month(Some(*year), *month))),
                Value::DateRange { from, to } => dated.push((m.span, near_day(*from) || near_day(*to))),
                _ => {}
            }
        }
        // "a December meeting": a month name on its own.
        for w in crate::extract::word_spans(&self.article.prose, sentence) {
            let word = &self.article.prose[w.start..w.end];
            if word.chars().count() > 3
                && word.starts_with(char::is_uppercase)
                && !dated.iter().any(|(s, _)| s.overlaps(w))
                && let Some(month) = crate::lexicon::month_number(word)
            {
                dated.push((w, near_month(None, Some(month))));
            }
        }
        if dated.is_empty() || dated.iter().any(|(_, near)| *near) {
            return None;
        }
        let (span, _) = dated[0];
        Some(Weak::DatedElsewhere {
            dated: one_line(self.text(span)),
            fact: self.base.facts[fact].id.clone(),
        })
    }

    /// A weekday written next to its own date needs no fact: the calendar decides.
    fn calendar(&self, m: &Mention, found: Json) -> Option<Finding> {
        let Value::Weekday {
            day,
            of_date: Some(date),
            ..
        } = &m.value
        else {
            return None;
        };
        let right = date.weekday();
        let ok = right == *day;
        Some(Finding {
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
        })
    }

    /// Compare a linked mention with its fact.
    fn compare(&self, m: &Mention, found: Json, l: &Link) -> Finding {
        let because = Because::Phrase {
            phrase: l.phrase.clone(),
            unit: match &m.value {
                Value::Count { unit, .. } => Some(unit.clone()),
                _ => None,
            },
        };
        self.compare_because(m, found, l, because)
    }

    /// [`Self::compare`], the link having come by the route `because` says.
    fn compare_because(&self, m: &Mention, found: Json, l: &Link, because: Because) -> Finding {
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
            range: Self::range(m),
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
