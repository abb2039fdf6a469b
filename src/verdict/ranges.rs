//! Ranges of years and of days: "from 2015 to 2023", "2015–2023", "between
//! 2001 and 2013", "from August 7, 2016 to September 11, 2021".
//!
//! A range stays two claims (each end may be a fact of its
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
//! claim already (`crate::extract`): only years and days are settled here.

use crate::extract::{Extraction, Kind, Mention, Value};
use crate::facts::{FactBase, FactValue};
use crate::finding::{Because, Finding, Reason, Verdict, Weak};
use crate::link::Decision;
use crate::rules::Rule;
use crate::span::{Span, one_line};

use super::Judge;

/// When a mention of a range's end is: a year, or a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Point {
    Year(i64),
    Day(jiff::civil::Date),
}

fn point(m: &Mention) -> Option<Point> {
    match &m.value {
        Value::Year { year, month: None, .. } => Some(Point::Year(*year)),
        Value::Date { resolved: Some(d), .. } => Some(Point::Day(*d)),
        _ => None,
    }
}

/// The pairs of year (or day) mentions (indexes into `ex.mentions`) that
/// make a range.
pub(super) fn year_pairs(prose: &str, ex: &Extraction) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let ends: Vec<usize> = (0..ex.mentions.len())
        .filter(|&i| point(&ex.mentions[i]).is_some())
        .collect();
    for w in ends.windows(2) {
        let (a, b) = (&ex.mentions[w[0]], &ex.mentions[w[1]]);
        if a.sentence != b.sentence || a.span.end > b.span.start {
            continue;
        }
        let (Some(pa), Some(pb)) = (point(a), point(b)) else {
            continue;
        };
        let same_kind = matches!(
            (pa, pb),
            (Point::Year(_), Point::Year(_)) | (Point::Day(_), Point::Day(_))
        );
        if !same_kind || pb <= pa {
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
            "to" | "until" | "through" => !ends_with_word("between"),
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

/// A fact's value as a point of the same kind as `like`: its year for a
/// year, its day for a day (a year fact has no day).
fn point_of(base: &FactBase, fact: usize, like: Point) -> Option<Point> {
    match (like, &base.facts[fact].value) {
        (Point::Year(_), _) => year_of(base, fact).map(Point::Year),
        (Point::Day(_), FactValue::Date(d)) => Some(Point::Day(*d)),
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
            let (Some(ya), Some(yb)) = (point(a), point(b)) else {
                continue;
            };
            facts.retain(|&f| point_of(self.base, f, ya).is_some());
            if facts.is_empty() {
                continue;
            }
            let range = one_line(self.text(Span::new(a.span.start, b.span.end)));
            let inside: Vec<usize> = facts
                .iter()
                .copied()
                .filter(|&f| point_of(self.base, f, ya).is_some_and(|y| ya < y && y < yb))
                .collect();
            for (i, m, y) in [(ia, a, ya), (ib, b, yb)] {
                if let Some(&f) = facts.iter().find(|&&f| point_of(self.base, f, y) == Some(y)) {
                    if claims[i].verdict != Verdict::Match {
                        claims[i] = self.range_end_agrees(m, f, &range);
                    }
                } else if let Some(&f) = inside.first() {
                    claims[i] = self.range_end_weak(m, f, &range, &claims[i]);
                }
            }
            // One end agrees with a fact of the range's phrase: the other end
            // is the phrase's other fact on its side ("from August 8, 2016 to
            // September 11, 2021", the term's start and end facts both
            // "chief minister"), judged against it when it is the only one.
            for (i, j, m, side) in [
                (ia, ib, a, std::cmp::Ordering::Less),
                (ib, ia, b, std::cmp::Ordering::Greater),
            ] {
                if claims[i].verdict == Verdict::Match || claims[j].verdict != Verdict::Match {
                    continue;
                }
                let Some(fj) = claims[j].fact.as_deref().and_then(|id| self.base.fact_index(id)) else {
                    continue;
                };
                let Some(pj) = point_of(self.base, fj, ya) else {
                    continue;
                };
                let mine: Vec<usize> = facts
                    .iter()
                    .copied()
                    .filter(|&f| f != fj && point_of(self.base, f, ya).is_some_and(|p| p.cmp(&pj) == side))
                    .collect();
                if let [f] = mine.as_slice() {
                    let because = Because::Range {
                        range: range.clone(),
                        fact: self.base.facts[*f].id.clone(),
                    };
                    let link = crate::link::Link {
                        fact: *f,
                        phrase: range.clone(),
                        distance: 0,
                        hit: m.span,
                    };
                    claims[i] = self.compare_because(m, claims[i].found.clone(), &link, because);
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
                let Some(y) = point_of(self.base, f, y_end) else {
                    continue;
                };
                if distance(y, other) < distance(y, y_end) {
                    claims[i] = self.range_end_weak(m, f, &range, &claims[i]);
                }
            }
        }
    }

    /// An end of a range that is the year (or day) of a fact tied to the range.
    fn range_end_agrees(&self, m: &Mention, fact: usize, range: &str) -> Finding {
        let f = &self.base.facts[fact];
        let because = Because::Range {
            range: range.to_owned(),
            fact: f.id.clone(),
        };
        let (kind, value, shown) = match point(m).and_then(|p| point_of(self.base, fact, p)) {
            Some(Point::Day(d)) => (Kind::Date, serde_json::json!(d.to_string()), d.to_string()),
            _ => {
                let year = year_of(self.base, fact).expect("a year or date fact");
                (Kind::Year, serde_json::json!(year), year.to_string())
            }
        };
        Finding {
            verdict: Verdict::Match,
            kind,
            span: m.span,
            sentence: m.sentence,
            found: value.clone(),
            expected: Some(value),
            range: None,
            fact: Some(f.id.clone()),
            source: self.source(f),
            rule: None,
            reason: Reason::Agrees {
                fact: f.id.clone(),
                shown,
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

/// How far apart two points of one kind are (in years or days).
fn distance(a: Point, b: Point) -> i64 {
    match (a, b) {
        (Point::Year(a), Point::Year(b)) => (a - b).abs(),
        (Point::Day(a), Point::Day(b)) => i64::from((a - b).get_days()).abs(),
        _ => i64::MAX,
    }
}
