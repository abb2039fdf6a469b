//! Verdicts: each mention compared with the fact it links to.
//!
//! One function per kind of comparison. Every verdict carries its evidence:
//! the fact id, its source, what was found and what the fact base expects,
//! and, for a discrepancy, why the link was made and a correction written in
//! the article's own style.

use jiff::civil::Date;
use serde_json::{Value as Json, json};
use similar::{ChangeTag, TextDiff};

use crate::article::Article;
use crate::extract::{Amount, DateStyle, EntityMention, Extraction, Kind, Mention, Value, quote_segments, word_spans};
use crate::facts::{At, EntityKind, Fact, FactBase, FactValue, Index, RoleFinding, judge_role};
use crate::lexicon::{MONTH_NAMES, Qualifier, Title, weekday_name};
use crate::link::{Link, Linked, SetClaim, link, link_by_unit, link_nearby, place_agreements, set_kind, sets};
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
    let mut claims: Vec<Finding> = ex
        .mentions
        .iter()
        .map(|m| Judge { article, base, index }.mention(m, ex))
        .collect();
    let sets = sets(&article.prose, ex, base, article.published);
    let mut taken: Vec<Span> = sets.iter().map(|s| s.span).collect();
    taken.sort_unstable();
    for set in &sets {
        claims.push(Judge { article, base, index }.set(set, ex));
    }
    // A place no phrase in its sentence links can still agree with the fact
    // whose phrase the article uses elsewhere; it is never held against it.
    for place in place_agreements(&article.prose, ex, base, article.published, &taken) {
        let mut c = Judge { article, base, index }.set(&place, ex);
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

/// A number as JSON: an integer when it is whole.
pub fn num(v: f64) -> Json {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        json!(v as i64)
    } else {
        json!(v)
    }
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// English words for 0..=999_999 ("thirty-five").
pub fn number_words(n: u64) -> Option<String> {
    use crate::lexicon::{ONES, TENS};
    fn below_1000(n: u64) -> String {
        let (h, rest) = (n / 100, n % 100);
        let rest_words = match rest {
            0 => String::new(),
            1..=19 => ONES[rest as usize].to_owned(),
            _ if rest % 10 == 0 => TENS[(rest / 10) as usize].to_owned(),
            _ => format!("{}-{}", TENS[(rest / 10) as usize], ONES[(rest % 10) as usize]),
        };
        match (h, rest) {
            (0, _) => rest_words,
            (_, 0) => format!("{} hundred", ONES[h as usize]),
            _ => format!("{} hundred and {rest_words}", ONES[h as usize]),
        }
    }
    match n {
        0 => Some("zero".into()),
        1..=999 => Some(below_1000(n)),
        1000..=999_999 => {
            let (t, rest) = (n / 1000, n % 1000);
            Some(if rest == 0 {
                format!("{} thousand", below_1000(t))
            } else {
                format!("{} thousand {}", below_1000(t), below_1000(rest))
            })
        }
        _ => None,
    }
}

/// Keep the capitalisation of the first letter of `like`.
fn same_case(like: &str, s: String) -> String {
    if like.starts_with(char::is_uppercase) {
        let mut c = s.chars();
        c.next().map_or(s.clone(), |f| f.to_uppercase().chain(c).collect())
    } else {
        s
    }
}

/// A date written in the same style as the claim.
fn write_date(d: Date, style: DateStyle, with_year: bool) -> String {
    let month = MONTH_NAMES[(d.month() - 1) as usize];
    match (style, with_year) {
        (DateStyle::Iso, _) => d.to_string(),
        (DateStyle::Dotted, _) => format!("{}.{}.{}", d.day(), d.month(), d.year()),
        (DateStyle::Relative, _) => format!("{} {month} {}", d.day(), d.year()),
        (DateStyle::MonthDay, true) => format!("{month} {}, {}", d.day(), d.year()),
        (DateStyle::MonthDay, false) => format!("{month} {}", d.day()),
        (DateStyle::DayMonth, true) => format!("{} {month} {}", d.day(), d.year()),
        (DateStyle::DayMonth, false) => format!("{} {month}", d.day()),
    }
}

struct Judge<'a> {
    article: &'a Article,
    base: &'a FactBase,
    index: &'a Index,
}

impl Judge<'_> {
    fn text(&self, span: Span) -> &str {
        &self.article.text[span.start..span.end]
    }

    fn source(&self, fact: &Fact) -> Option<SourceRef> {
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
    fn unverifiable(&self, m: &Mention, found: Json, rule: Rule, reason: Reason) -> Finding {
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
            Value::Quote { text, .. } => json!(text),
            Value::Role { title, .. } => json!(title),
            Value::Name { found, .. } => json!(found),
        }
    }

    fn range(m: &Mention) -> Option<(Option<f64>, Option<f64>)> {
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
        let mut linked = link(&self.article.prose, m, ex, self.base, self.article.published);
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
        let l = link_by_unit(&self.article.prose, m, ex, self.base, self.article.published)?;
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
        let prose = &self.article.prose;
        let published = self.article.published;
        starting_in(&ex.mentions, m.sentence, |o| o.span.start).iter().any(|o| {
            if o.sentence != m.sentence || matches!(o.kind, Kind::Date | Kind::Weekday | Kind::Year) {
                return false;
            }
            let tied = match link(prose, o, ex, self.base, published) {
                Linked::Strong(l) => Some(l),
                _ => link_by_unit(prose, o, ex, self.base, published),
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
            match link(&self.article.prose, o, ex, self.base, self.article.published) {
                Linked::Strong(l)
                    if self.base.facts[l.fact]
                        .unit
                        .iter()
                        .any(|u| u.eq_ignore_ascii_case(unit))
                        && self.overruled(o, &l, ex).is_none() =>
                {
                    Some(l)
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
        let prose = &self.article.prose;
        let closer = starting_in(&ex.mentions, m.sentence, |o| o.span.start)
            .iter()
            .find(|o| {
                o.kind == m.kind
                    && o.span != m.span
                    && o.sentence == m.sentence
                    && matches!(link(prose, o, ex, self.base, self.article.published),
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
    fn on_another_day(&self, set: &SetClaim, ex: &Extraction) -> Option<Weak> {
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
    fn dated_elsewhere(&self, sentence: Span, fact: usize, ex: &Extraction) -> Option<Weak> {
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
        let of_the_occasion = |m: &Mention| match link(&self.article.prose, m, ex, self.base, self.article.published) {
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
        let rule = match (&m.value, &fact.value) {
            (Value::Date { .. } | Value::DateRange { .. }, _) => Rule::DateDiffers,
            (Value::Weekday { .. }, _) => Rule::WeekdayDiffers,
            (Value::Year { .. }, _) => Rule::YearDiffers,
            (Value::Count { .. }, _) => Rule::CountDiffers,
            (Value::Money { currency, .. }, _) if fact.currency.as_deref() != Some(currency) => Rule::CurrencyDiffers,
            (Value::Money { .. }, _) => Rule::AmountDiffers,
            _ => Rule::PercentDiffers,
        };
        let (ok, expected, suggestion): (bool, Json, Option<String>) = match (&m.value, &fact.value) {
            (
                Value::Date {
                    month,
                    day,
                    resolved,
                    style,
                    year,
                },
                FactValue::Date(d),
            ) => {
                let ok = match resolved {
                    Some(r) => r == d,
                    None => *month == d.month() && *day == d.day(),
                };
                (ok, json!(d.to_string()), Some(write_date(*d, *style, year.is_some())))
            }
            (Value::Weekday { day, resolved, .. }, FactValue::Date(d)) => {
                // Right day of the week, but read against publication it is another week.
                let this_week = resolved.is_empty() || resolved.contains(d);
                let suggestion = if *day == d.weekday() {
                    write_date(*d, DateStyle::DayMonth, true)
                } else {
                    weekday_name(d.weekday()).to_owned()
                };
                (
                    *day == d.weekday() && this_week,
                    json!(weekday_name(d.weekday())),
                    Some(suggestion),
                )
            }
            (Value::DateRange { from, to }, FactValue::Date(d)) => (
                from <= d && d <= to,
                json!(d.to_string()),
                Some(write_date(*d, DateStyle::DayMonth, true)),
            ),
            (Value::Year { year, month }, FactValue::Year(y)) => {
                let suggestion = match month {
                    Some(mo) => format!("{} {y}", MONTH_NAMES[(*mo - 1) as usize]),
                    None => y.to_string(),
                };
                (year == y, json!(y), Some(suggestion))
            }
            (Value::Year { year, month }, FactValue::Date(d)) => {
                let ok = *year == i64::from(d.year()) && month.is_none_or(|mo| mo == d.month());
                (
                    ok,
                    json!(d.year()),
                    Some(format!("{} {}", MONTH_NAMES[(d.month() - 1) as usize], d.year())),
                )
            }
            (Value::Count { amount, .. }, FactValue::Count(n)) => {
                let n = *n as f64;
                (
                    self.fits(amount, n, fact.tolerance),
                    num(n),
                    self.rewrite_number(m, amount, n),
                )
            }
            (Value::Money { amount, currency }, FactValue::Amount(n)) if fact.currency.as_deref() != Some(currency) => {
                let right = money(*n, fact.currency.as_deref().unwrap_or(""));
                (false, num(*n), Some(right))
            }
            (Value::Money { amount, .. }, FactValue::Amount(n))
            | (Value::Percent { amount }, FactValue::Percent(n)) => (
                self.fits(amount, *n, fact.tolerance),
                num(*n),
                self.rewrite_number(m, amount, *n),
            ),
            _ => (false, Json::Null, None),
        };
        let value = display(&expected, fact);
        let mut shown = Shown::Value(value.clone());
        // "on Tuesday" in a piece published a week later is the wrong Tuesday.
        if let (Value::Weekday { day, resolved, .. }, FactValue::Date(d), false) = (&m.value, &fact.value, ok)
            && *day == d.weekday()
            && let Some(r) = resolved.first()
        {
            shown = Shown::OtherWeek {
                date: d.to_string(),
                published: self.article.published.map(|p| p.to_string()).unwrap_or_default(),
                weekday: weekday_name(*day).to_owned(),
                resolved: r.to_string(),
            };
        }
        let reason = if ok {
            Reason::Agrees {
                fact: fact.id.clone(),
                shown: value,
            }
        } else {
            Reason::Differs {
                fact: fact.id.clone(),
                shown,
                because: because.clone(),
            }
        };
        Finding {
            verdict: if ok { Verdict::Match } else { Verdict::Discrepancy },
            kind: m.kind,
            span: m.span,
            sentence: m.sentence,
            found,
            expected: Some(expected),
            range: Self::range(m),
            fact: Some(fact.id.clone()),
            source: self.source(fact),
            rule: (!ok).then_some(rule),
            reason,
            suggestion: if ok { None } else { suggestion },
            because: Some(because),
            entity: None,
        }
    }

    /// Whether the range the claim's words allow meets the fact's value ± tolerance.
    fn fits(&self, amount: &Amount, value: f64, tolerance: f64) -> bool {
        let (lo, hi) = amount.range();
        let (flo, fhi) = (value - tolerance, value + tolerance);
        lo.is_none_or(|lo| fhi >= lo - 1e-9) && hi.is_none_or(|hi| flo <= hi + 1e-9)
    }

    /// The claim rewritten with the fact's number, qualifier dropped, words kept as words.
    fn rewrite_number(&self, m: &Mention, amount: &Amount, value: f64) -> Option<String> {
        let text = self.text(m.span);
        let written = self.text(amount.number);
        let scale = written
            .replace(',', "")
            .parse::<f64>()
            .ok()
            .filter(|w| *w != 0.0)
            .map_or(1.0, |w| amount.value / w);
        let scaled = value / scale;
        let fraction = crate::extract::fraction_value(&written.to_ascii_lowercase()).is_some();
        let replacement = if fraction {
            format!("{}%", fmt_num(value))
        } else if amount.words {
            same_case(written, number_words(scaled as u64)?)
        } else if written.contains(',') && scaled >= 1000.0 {
            group_thousands(scaled as u64)
        } else {
            fmt_num(scaled)
        };
        let from = amount.number.start - m.span.start;
        let to = amount.number.end - m.span.start;
        let head = &text[..from];
        // "about 30%" -> "about 20%": a hedge that fits stays. "more than 40
        // countries" -> "35 countries": a bound is dropped, a currency kept.
        let hedge = matches!(amount.qualifier, None | Some(Qualifier::About | Qualifier::Nearly));
        let head = if hedge {
            head.to_owned()
        } else {
            let q_end = head
                .char_indices()
                .rfind(|&(_, c)| c.is_alphabetic())
                .map_or(0, |(i, c)| i + c.len_utf8());
            let tail = &head[q_end..];
            // Keep "EUR " or "€", lose "more than ".
            let code = head
                .trim_end()
                .rsplit(' ')
                .next()
                .filter(|w| w.len() == 3 && w.chars().all(|c| c.is_ascii_uppercase()));
            match code {
                Some(code) => format!("{code}{}", &head[head.trim_end().len()..]),
                None => tail.trim_start().to_owned(),
            }
        };
        Some(format!("{head}{replacement}{}", &text[to..]))
    }

    fn quote(&self, m: &Mention, text: &str, speaker: Option<usize>, speaker_span: Option<Span>) -> Finding {
        let segments = quote_segments(text);
        let words: Vec<String> = segments.concat();
        let found = json!(text);
        let speaker_name = speaker.map(|s| self.base.entities[s].name.clone());
        let speaker_id = speaker.map(|s| self.base.entities[s].id.as_str());
        // The quotes on record this one is an excerpt of, found through the index.
        let excerpts: Vec<&Fact> = self
            .index
            .quote_excerpts(&segments)
            .map(|(f, _)| &self.base.facts[f])
            .collect();
        let mine = |f: &Fact| speaker_id.is_none() || f.speaker.as_deref() == speaker_id;
        let base_claim = |verdict, expected, fact: Option<&Fact>, rule, reason, because| Finding {
            verdict,
            kind: Kind::Quote,
            span: m.span,
            sentence: m.sentence,
            found: found.clone(),
            expected,
            range: None,
            fact: fact.map(|f| f.id.clone()),
            source: fact.and_then(|f| self.source(f)),
            rule,
            reason,
            suggestion: None,
            because,
            entity: None,
        };
        if let Some(f) = excerpts.iter().find(|f| mine(f)) {
            let who = f.speaker.as_deref().map_or("the record", |s| self.base.entity_name(s));
            return base_claim(
                Verdict::Match,
                Some(json!(quote_text(f))),
                Some(f),
                None,
                Reason::QuoteAgrees {
                    short: short(text),
                    fact: f.id.clone(),
                    who: who.to_owned(),
                },
                None,
            );
        }
        if let (Some(f), Some(name)) = (excerpts.iter().find(|f| !mine(f)), &speaker_name) {
            let said_by = f
                .speaker
                .as_deref()
                .map_or("someone else", |s| self.base.entity_name(s));
            // The wrong part is the attribution: the claim runs from the name to the quotation.
            let mut claim = base_claim(
                Verdict::Discrepancy,
                Some(json!(f.speaker.clone())),
                Some(f),
                Some(Rule::QuoteMisattributed),
                Reason::QuoteMisattributed {
                    short: short(text),
                    name: name.clone(),
                    said_by: said_by.to_owned(),
                    fact: f.id.clone(),
                },
                Some(Because::QuoteWords),
            );
            if let Some(s) = speaker_span {
                claim.span = claim.span.cover(s);
            }
            return claim;
        }
        // A reworded quotation: most of its words are on record for this speaker.
        let best = speaker_id
            .into_iter()
            .flat_map(|s| self.index.quotes_by(s))
            .map(|(f, r)| (word_overlap(&words, r), &self.base.facts[f], r))
            .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.id.cmp(&a.1.id)));
        if let Some((ratio, f, record)) = best
            && ratio >= 0.6
        {
            return base_claim(
                Verdict::Discrepancy,
                Some(json!(quote_text(f))),
                Some(f),
                Some(Rule::QuoteDiffers),
                Reason::QuoteDiffers {
                    fact: f.id.clone(),
                    diff: word_diff(record, &words),
                },
                Some(Because::SpeakerWords {
                    speaker: speaker_name.clone().unwrap_or_default(),
                    percent: format!("{:.0}", ratio * 100.0),
                }),
            );
        }
        base_claim(
            Verdict::Unverifiable,
            None,
            None,
            Some(Rule::QuoteNotOnRecord),
            Reason::QuoteNotOnRecord { speaker: speaker_name },
            None,
        )
    }

    fn role(&self, m: &Mention, entity: Option<usize>, title: &str, name: &str, title_span: Span) -> Finding {
        let found = json!(title);
        let Some(e) = entity else {
            let reason = Reason::UnknownPerson {
                title: title.to_owned(),
                name: name.to_owned(),
            };
            return self.unverifiable(m, found, Rule::UnknownPerson, reason);
        };
        let entity = &self.base.entities[e];
        let parsed = Title::parse(title);
        // Roles may hold for a period: judged at the article's date (see facts::judge_role).
        let finding = judge_role(self.base, self.index, e, &parsed, self.article.published);
        let mut claim = Finding {
            verdict: Verdict::Match,
            kind: Kind::Role,
            span: m.span,
            sentence: m.sentence,
            found: found.clone(),
            expected: None,
            range: None,
            fact: None,
            source: None,
            rule: None,
            reason: Reason::NoFact,
            suggestion: None,
            because: Some(Because::Name { name: name.to_owned() }),
            entity: Some(entity.id.clone()),
        };
        // The claim around its title: "UK Prime Minister| Keir Starmer" or
        // "Emmanuel Macron, the |French president".
        let head = &self.article.text[m.span.start..title_span.start.max(m.span.start)];
        let rest = &self.article.text[title_span.end..m.span.end];
        let roles = &entity.roles;
        let names = |list: &[usize]| {
            join_names(
                &list
                    .iter()
                    .map(|&h| self.base.entities[h].name.as_str())
                    .collect::<Vec<_>>(),
            )
        };
        match finding {
            RoleFinding::NoRoles => {
                let reason = Reason::NoRoles {
                    name: entity.name.clone(),
                };
                return self.unverifiable(m, found, Rule::NoRoles, reason);
            }
            RoleFinding::CannotTell(why) => {
                let rule = match why {
                    FormerWhy::NoPublicationDate => Rule::NeedsPublicationDate,
                    FormerWhy::NoPastRoleFits | FormerWhy::RoleUndated => Rule::FormerUndated,
                };
                let reason = Reason::FormerUndated {
                    title: title.to_owned(),
                    name: name.to_owned(),
                    why,
                };
                return self.unverifiable(m, found, rule, reason);
            }
            RoleFinding::NoDate { role } => {
                let reason = Reason::TitleNeedsDate {
                    title: title.to_owned(),
                    name: name.to_owned(),
                    full_name: entity.name.clone(),
                    role: roles[role].describe(),
                };
                return self.unverifiable(m, found, Rule::NeedsPublicationDate, reason);
            }
            RoleFinding::Holds { role: i } | RoleFinding::Held { role: i } => {
                let right = &roles[i];
                let shown = if parsed.former {
                    format!("former {right}")
                } else {
                    right.title.clone()
                };
                claim.expected = Some(json!(shown));
                claim.reason = Reason::TitleAgrees {
                    title: title.to_owned(),
                    name: entity.name.clone(),
                    role: right.describe_inline(),
                };
            }
            RoleFinding::NotThen {
                role,
                date,
                ended,
                holders,
            } => {
                let right = &roles[role];
                claim.verdict = Verdict::Discrepancy;
                claim.rule = Some(Rule::TitleNotThen);
                claim.reason = Reason::TitleNotThen {
                    title: title.to_owned(),
                    date: date.to_string(),
                    name: entity.name.clone(),
                    ended,
                    role: right.title.clone(),
                    period: right.valid.to_string(),
                    holders: (!holders.is_empty()).then(|| names(&holders)),
                };
                if ended {
                    claim.expected = Some(json!(format!("former {}", right.title)));
                    let written = &self.article.text[title_span.start..title_span.end];
                    let former = if title_span.start == m.sentence.start {
                        "Former"
                    } else {
                        "former"
                    };
                    claim.suggestion = Some(format!("{head}{former} {written}{rest}"));
                }
            }
            RoleFinding::StillHolds { role, date } => {
                let right = &roles[role];
                claim.verdict = Verdict::Discrepancy;
                claim.rule = Some(Rule::TitleStillHeld);
                claim.expected = Some(json!(right.title));
                claim.reason = Reason::TitleStillHeld {
                    title: title.to_owned(),
                    date: date.to_string(),
                    name: entity.name.clone(),
                    role: right.describe_inline(),
                };
                let written = &self.article.text[title_span.start..title_span.end];
                let current = written
                    .split_once(char::is_whitespace)
                    .filter(|(first, _)| first.eq_ignore_ascii_case("former"))
                    .map_or(written, |(_, after)| after.trim_start());
                claim.suggestion = Some(format!("{head}{current}{rest}"));
            }
            RoleFinding::Wrong { best, shown, ended } => {
                let right = &roles[best];
                let listed: Vec<String> = shown.iter().map(|&i| roles[i].describe()).collect();
                claim.verdict = Verdict::Discrepancy;
                claim.rule = Some(Rule::TitleWrong);
                claim.expected = Some(json!(right.title));
                claim.reason = Reason::TitleWrong {
                    title: title.to_owned(),
                    name: entity.name.clone(),
                    roles: listed.join(" / "),
                };
                let former = if ended { "former " } else { "" };
                claim.suggestion = Some(format!("{head}{former}{}{rest}", right.title));
            }
        }
        claim
    }

    fn name(&self, m: &Mention, entity: usize, found: &str, expected: &str) -> Finding {
        let e = &self.base.entities[entity];
        Finding {
            verdict: Verdict::Discrepancy,
            kind: Kind::Name,
            span: m.span,
            sentence: m.sentence,
            found: json!(found),
            expected: Some(json!(expected)),
            range: None,
            fact: None,
            source: None,
            rule: Some(Rule::NameMisspelt),
            reason: Reason::Misspelt {
                found: found.to_owned(),
                expected: expected.to_owned(),
                name: e.name.clone(),
            },
            suggestion: Some(expected.to_owned()),
            because: Some(Because::NearMiss),
            entity: Some(e.id.clone()),
        }
    }

    fn set(&self, set: &SetClaim, ex: &Extraction) -> Finding {
        // Two occasions of one name fit equally: what the sentence says (or the
        // publication date) may decide which is meant.
        let mut decided;
        let set = match set.rival {
            Some(rival) if self.base.facts[rival].event != self.base.facts[set.link.fact].event => {
                let cues = crate::occasion::Cues::of(self.base, ex, set.sentence, self.article.published);
                match crate::occasion::decide(self.base, &[set.link.fact, rival], &cues) {
                    Some(event) => {
                        decided = set.clone();
                        decided.rival = None;
                        if self.base.facts[rival].event.as_deref() == Some(event) {
                            decided.link.fact = rival;
                        }
                        &decided
                    }
                    None => set,
                }
            }
            _ => set,
        };
        let fact = &self.base.facts[set.link.fact];
        let kind = set_kind(self.base, set);
        let ids: Vec<&str> = set.members.iter().map(|&e| self.base.entities[e].id.as_str()).collect();
        let found = if kind == Kind::Entity && ids.len() == 1 {
            json!(ids[0])
        } else {
            json!(ids)
        };
        let because = Because::Phrase {
            phrase: set.link.phrase.clone(),
            unit: None,
        };
        let mut claim = Finding {
            verdict: Verdict::Match,
            kind,
            span: set.span,
            sentence: set.sentence,
            found,
            expected: None,
            range: None,
            fact: Some(fact.id.clone()),
            source: self.source(fact),
            rule: None,
            reason: Reason::NoFact,
            suggestion: None,
            because: Some(because.clone()),
            entity: None,
        };
        // Another day only keeps a place from being held against the fact: the
        // right place on a wrong day still agrees (the day is the date's error).
        let agrees = matches!(&fact.value, FactValue::Entity(e) if ids == [e.as_str()]);
        let reason = self
            .dated_elsewhere(set.sentence, set.link.fact, ex)
            .or_else(|| self.on_another_day(set, ex).filter(|_| !agrees));
        if let Some(weak) = reason {
            claim.verdict = Verdict::Unverifiable;
            claim.fact = None;
            claim.source = None;
            claim.rule = Some(weak.rule());
            claim.reason = Reason::ListNotJudged {
                fact: fact.id.clone(),
                weak,
            };
            return claim;
        }
        if let Some(rival) = set.rival {
            claim.verdict = Verdict::Unverifiable;
            claim.fact = None;
            claim.source = None;
            claim.rule = Some(Rule::Ambiguous);
            claim.reason = Reason::ListAmbiguous {
                fact: fact.id.clone(),
                rival: self.base.facts[rival].id.clone(),
            };
            return claim;
        }
        let expected: Vec<&str> = match &fact.value {
            FactValue::Entity(e) => vec![e.as_str()],
            FactValue::Entities(list) => list.iter().map(String::as_str).collect(),
            _ => Vec::new(),
        };
        claim.expected = Some(if kind == Kind::Entity {
            json!(expected[0])
        } else {
            json!(expected)
        });
        let names = |list: &[&str]| join_names(&list.iter().map(|id| self.base.entity_name(id)).collect::<Vec<_>>());
        let extra: Vec<&str> = ids.iter().copied().filter(|id| !expected.contains(id)).collect();
        let missing: Vec<&str> = expected.iter().copied().filter(|id| !ids.contains(id)).collect();
        // A titled person the fact base does not know is no member of a complete list.
        let strangers: &[String] = if fact.complete && kind == Kind::Entities {
            &set.strangers
        } else {
            &[]
        };
        // Naming one member of a complete set is true; listing several but not all is an omission.
        let omission = fact.complete && ids.len() + strangers.len() >= 2 && !missing.is_empty() && !set.open;
        if extra.is_empty() && strangers.is_empty() && !omission {
            claim.reason = Reason::ListAgrees {
                fact: fact.id.clone(),
                names: names(&expected),
            };
            return claim;
        }
        let mut parts = Vec::new();
        if !missing.is_empty() && (omission || kind == Kind::Entity) {
            parts.push(ListPart::Missing(names(&missing)));
        }
        if !extra.is_empty() || !strangers.is_empty() {
            let mut all: Vec<String> = extra.iter().map(|id| self.base.entity_name(id).to_owned()).collect();
            all.extend(strangers.iter().map(|s| one_line(s)));
            let all: Vec<&str> = all.iter().map(String::as_str).collect();
            parts.push(ListPart::Extra(join_names(&all)));
        }
        claim.verdict = Verdict::Discrepancy;
        if kind == Kind::Entity {
            let right = self.base.entity_name(expected[0]);
            claim.rule = Some(Rule::EntityDiffers);
            claim.reason = Reason::Differs {
                fact: fact.id.clone(),
                shown: Shown::Value(right.to_owned()),
                because,
            };
            claim.suggestion = Some(self.name_in_place(set.span, set.sentence, right));
            return claim;
        }
        claim.rule = Some(Rule::ListDiffers);
        claim.reason = Reason::ListDiffers {
            fact: fact.id.clone(),
            expected: names(&expected),
            because,
            parts,
        };
        let titled = self.text(set.span).split_whitespace().count() > set.members.len() * 2;
        if !titled {
            claim.suggestion = Some(names(&expected));
        }
        claim
    }

    /// An entity's name to put at `span`: "the United States" mid-sentence,
    /// "The United States" at its start, plain "Paris".
    fn name_in_place(&self, span: Span, sentence: Span, name: &str) -> String {
        let needs_the = name.starts_with("United ") || name.starts_with("European ") || name == "Netherlands";
        let before = self.article.text[sentence.start.min(span.start)..span.start].trim_end();
        if !needs_the || before.to_lowercase().ends_with(" the") || before.eq_ignore_ascii_case("the") {
            name.to_owned()
        } else if before.is_empty() {
            format!("The {name}")
        } else {
            format!("the {name}")
        }
    }
}

/// A quotation cut to a readable length for messages.
fn short(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= 12 {
        words.join(" ")
    } else {
        format!("{} …", words[..12].join(" "))
    }
}

/// "€90 billion", "$270 million", "1,500 CHF".
pub fn money(value: f64, currency: &str) -> String {
    let (scaled, word) = [(1e12, " trillion"), (1e9, " billion"), (1e6, " million")]
        .iter()
        .find(|(s, _)| value.abs() >= *s)
        .map_or((value, ""), |(s, w)| (value / s, *w));
    let number = format!("{}{word}", fmt_num((scaled * 100.0).round() / 100.0));
    match currency {
        "EUR" => format!("€{number}"),
        "USD" => format!("${number}"),
        "GBP" => format!("£{number}"),
        other => format!("{number} {other}"),
    }
}

fn quote_text(f: &Fact) -> String {
    match &f.value {
        FactValue::Quote(q) => q.clone(),
        _ => String::new(),
    }
}

fn as_strs(words: &[String]) -> Vec<&str> {
    words.iter().map(String::as_str).collect()
}

/// Share of the quotation's words found, in order, in the record.
fn word_overlap(quote: &[String], record: &[String]) -> f64 {
    if quote.is_empty() {
        return 0.0;
    }
    let (record, quote) = (as_strs(record), as_strs(quote));
    let diff = TextDiff::configure().diff_slices(&record, &quote);
    let same = diff.iter_all_changes().filter(|c| c.tag() == ChangeTag::Equal).count();
    same as f64 / quote.len() as f64
}

/// Word-level diff of the quotation against the record, limited to where they meet.
fn word_diff(record: &[String], quote: &[String]) -> String {
    let (record, quote) = (as_strs(record), as_strs(quote));
    let diff = TextDiff::configure().diff_slices(&record, &quote);
    let changes: Vec<(ChangeTag, String)> = diff
        .iter_all_changes()
        .map(|c| (c.tag(), c.value().to_owned()))
        .collect();
    let first = changes.iter().position(|(t, _)| *t != ChangeTag::Delete).unwrap_or(0);
    let last = changes
        .iter()
        .rposition(|(t, _)| *t != ChangeTag::Delete)
        .unwrap_or(changes.len().saturating_sub(1));
    let mut out = Vec::new();
    for (tag, word) in changes.iter().take(last + 1).skip(first) {
        out.push(match tag {
            ChangeTag::Equal => word.clone(),
            ChangeTag::Delete => format!("[-{word}-]"),
            ChangeTag::Insert => format!("{{+{word}+}}"),
        });
    }
    out.join(" ")
}

fn group_thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// "A, B and C".
pub fn join_names(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The expected value as a reader would say it.
fn display(expected: &Json, fact: &Fact) -> String {
    match (&fact.value, expected) {
        (FactValue::Count(n), _) => match fact.unit.first() {
            Some(u) => format!("{n} {u}"),
            None => n.to_string(),
        },
        (FactValue::Amount(a), _) => money(*a, fact.currency.as_deref().unwrap_or("")),
        (FactValue::Percent(p), _) => format!("{}%", fmt_num(*p)),
        (FactValue::Date(d), Json::String(s)) if s.len() > 3 && s.chars().all(char::is_alphabetic) => {
            format!("{s} ({d})")
        }
        (_, Json::String(s)) => s.clone(),
        (_, other) => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_words_read_like_a_newspaper() {
        assert_eq!(number_words(35).as_deref(), Some("thirty-five"));
        assert_eq!(number_words(27).as_deref(), Some("twenty-seven"));
        assert_eq!(number_words(100).as_deref(), Some("one hundred"));
        assert_eq!(number_words(2014).as_deref(), Some("two thousand fourteen"));
    }

    #[test]
    fn quote_diff_marks_changed_words() {
        let record: Vec<String> = ["we", "will", "stand", "with", "ukraine"].map(String::from).to_vec();
        let quote: Vec<String> = ["we", "will", "stay", "with", "ukraine"].map(String::from).to_vec();
        assert_eq!(word_diff(&record, &quote), "we will [-stand-] {+stay+} with ukraine");
        assert!((word_overlap(&quote, &record) - 0.8).abs() < 1e-9);
    }
}
