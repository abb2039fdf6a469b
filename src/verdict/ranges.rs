//! Year ranges: "from 2015 to 2023", "2015–2023", "between 2001 and 2013".
//!
//! A range of years stays two year claims (each end may be a fact of its
//! own: a bishop "from 2015 to 2023" is one fact for the start and one for
//! the end), but the two are read together, never as two claims judged
//! against one fact (rule L016):
//!
//! - an end that is the year of a fact tied to either end's sentence
//!   phrases agrees with that fact, even where the phrase alone could not
//!   tell the start's fact from the end's (both are "bishop of Chiclayo");
//! - a fact whose year lies inside the range is neither end: both ends are
//!   unverifiable rather than wrong;
//! - a fact outside the range that both ends are tied to is judged against
//!   the end nearer to it only.
//!
//! Ranges of counts, sums and shares ("between 30 and 40 countries") are one
//! claim already (`crate::extract`): only years are settled here.

use crate::extract::{Extraction, Kind, Mention, Value};
use crate::facts::{FactBase, FactValue};
use crate::finding::{Because, Finding, Reason, Verdict, Weak};
use crate::link::Decision;
use crate::rules::Rule;
use crate::span::{Span, one_line};

use super::Judge;

/// The pairs of year mentions (indexes into `ex.mentions`) that make a range.
pub(super) fn year_pairs(prose: &str, ex: &Extraction) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let years: Vec<usize> = (0..ex.mentions.len())
        .filter(|&i| matches!(ex.mentions[i].value, Value::Year { month: None, .. }))
        .collect();
    for w in years.windows(2) {
        let (a, b) = (&ex.mentions[w[0]], &ex.mentions[w[1]]);
        if a.sentence != b.sentence || a.span.end > b.span.start {
            continue;
        }
        let (Value::Year { year: ya, .. }, Value::Year { year: yb, .. }) = (&a.value, &b.value) else {
            continue;
        };
        if yb <= ya {
            continue;
        }
        let between = prose[a.span.end..b.span.start].trim().to_ascii_lowercase();
        let lead = prose[a.sentence.start..a.span.start].trim_end().to_ascii_lowercase();
        let ends_with_word = |w: &str| {
            lead.strip_suffix(w)
                .is_some_and(|h| !h.ends_with(|c: char| c.is_alphanumeric()))
        };
        let joined = match between.as_str() {
            "-" | "\u{2013}" | "\u{2014}" => true,
            "to" => !ends_with_word("between"),
            "and" => ends_with_word("between"),
            _ => false,
        };
        if joined {
            out.push((w[0], w[1]));
        }
    }
    out
}

/// The year a fact holds, if it holds one.
fn year_of(base: &FactBase, fact: usize) -> Option<i64> {
    match base.facts[fact].value {
        FactValue::Year(y) => Some(y),
        FactValue::Date(d) => Some(i64::from(d.year())),
        _ => None,
    }
}

/// The facts a decision ties a mention to through a phrase of its
/// sentence: the linked fact, the tied ones, or those a link rule weakened
/// (not those no phrase names: any year would do for them).
fn tied(d: &Decision) -> Vec<usize> {
    match d {
        Decision::Linked {
            link,
            because: Because::Phrase { .. },
        } => vec![link.fact],
        Decision::Ambiguous(facts) => facts.clone(),
        Decision::Unlinked {
            reason: Weak::NoPhrase, ..
        } => Vec::new(),
        Decision::Unlinked { facts, .. } => facts.clone(),
        _ => Vec::new(),
    }
}

impl Judge<'_> {
    /// Settle the claims of the year ranges of an article (`claims` in
    /// mention order, one per mention).
    pub(super) fn year_ranges(&self, ex: &Extraction, claims: &mut [Finding]) {
        let prose = &self.article.prose;
        for (ia, ib) in year_pairs(prose, ex) {
            let (a, b) = (&ex.mentions[ia], &ex.mentions[ib]);
            let mut facts: Vec<usize> = tied(&self.linker.decide(a));
            facts.extend(tied(&self.linker.decide(b)));
            facts.sort_unstable();
            facts.dedup();
            facts.retain(|&f| year_of(self.base, f).is_some());
            if facts.is_empty() {
                continue;
            }
            let range = one_line(self.text(Span::new(a.span.start, b.span.end)));
            let (Value::Year { year: ya, .. }, Value::Year { year: yb, .. }) = (&a.value, &b.value) else {
                continue;
            };
            let (ya, yb) = (*ya, *yb);
            let inside: Vec<usize> = facts
                .iter()
                .copied()
                .filter(|&f| year_of(self.base, f).is_some_and(|y| ya < y && y < yb))
                .collect();
            for (i, m, y) in [(ia, a, ya), (ib, b, yb)] {
                if let Some(&f) = facts.iter().find(|&&f| year_of(self.base, f) == Some(y)) {
                    if claims[i].verdict != Verdict::Match {
                        claims[i] = self.range_end_agrees(m, f, &range);
                    }
                } else if let Some(&f) = inside.first() {
                    claims[i] = self.range_end_weak(m, f, &range, &claims[i]);
                }
            }
            // A fact outside the range is judged against the nearer end
            // only: the far end is never held against it.
            for (i, m, y_end, other) in [(ia, a, ya, yb), (ib, b, yb, ya)] {
                if claims[i].verdict != Verdict::Discrepancy {
                    continue;
                }
                let Some(f) = claims[i].fact.as_deref().and_then(|id| self.base.fact_index(id)) else {
                    continue;
                };
                let Some(y) = year_of(self.base, f) else { continue };
                if (y - other).abs() < (y - y_end).abs() {
                    claims[i] = self.range_end_weak(m, f, &range, &claims[i]);
                }
            }
        }
    }

    /// An end of a range that is the year of a fact tied to the range.
    fn range_end_agrees(&self, m: &Mention, fact: usize, range: &str) -> Finding {
        let f = &self.base.facts[fact];
        let because = Because::Range {
            range: range.to_owned(),
            fact: f.id.clone(),
        };
        let year = year_of(self.base, fact).expect("a year fact");
        Finding {
            verdict: Verdict::Match,
            kind: Kind::Year,
            span: m.span,
            sentence: m.sentence,
            found: serde_json::json!(year),
            expected: Some(serde_json::json!(year)),
            range: None,
            fact: Some(f.id.clone()),
            source: self.source(f),
            rule: None,
            reason: Reason::Agrees {
                fact: f.id.clone(),
                shown: year.to_string(),
            },
            suggestion: None,
            because: Some(because),
            entity: None,
        }
    }

    /// An end of a range that is not judged: a fact of the range lies inside
    /// it, or the other end judges that fact (L016).
    fn range_end_weak(&self, m: &Mention, fact: usize, range: &str, was: &Finding) -> Finding {
        let id = self.base.facts[fact].id.clone();
        let reason = Reason::NotLinked {
            facts: vec![id],
            more: 0,
            weak: Weak::RangeEnd {
                range: range.to_owned(),
            },
        };
        self.unverifiable(m, was.found.clone(), Rule::RangeEnd, reason)
    }
}
