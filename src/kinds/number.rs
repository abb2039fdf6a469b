//! What counts, sums of money and percentages share: a number as written,
//! with the range its wording allows, its comparison with the fact's value,
//! and its correction in the same words.
//!
//! A bare figure allows every value that rounds to it at the precision it
//! is written ("$44 billion" is $43.5 to $44.5 billion, "73%" is 72.5% to
//! 73.5%, "35 countries" is 35). Words widen or bound it: see
//! [`crate::lexicon::Qualifier`]. When a figure is wrong only because of
//! how its words are read, the discrepancy names that reading's rule:
//! D111 (a strict bound at the fact's own value), D112 ("nearly" at or above
//! it), D113 (a bare dozen that is not exact), D114 (a rounded figure that
//! is not the fact rounded).

use crate::extract::{Amount, Mention};
use crate::lexicon::{Qualifier, Range};
use crate::rules::Rule;

use super::Cx;
use super::words::{fmt_num, group_thousands, number_words, same_case};

/// How close two values must be to be the same.
fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Whether the range the claim's words allow meets the fact's value ± tolerance.
pub fn fits_range(amount: &Amount, value: f64, tolerance: f64) -> bool {
    amount.allowed().meets(value - tolerance, value + tolerance)
}

/// The fact's value at the precision the figure is written, when the figure
/// is a bare one written coarser than the fact ("$44 billion" for
/// $44.062 billion): what a matching figure would have said.
pub fn rounded(amount: &Amount, value: f64) -> Option<f64> {
    if amount.bounds().is_some() || amount.dozen || amount.precision <= 0.0 {
        return None;
    }
    let r = round_to(value, amount.precision);
    (!same(r, value)).then_some(r)
}

/// `value` rounded to a multiple of `precision` (a power of ten, or such a
/// power times a scale word), without binary noise: 41.31 to 0.1 is 41.3.
fn round_to(value: f64, precision: f64) -> f64 {
    let r = (value / precision).round() * precision;
    let decimals = (-precision.log10()).ceil().max(0.0) as usize;
    format!("{r:.decimals$}").parse().unwrap_or(r)
}

/// How many steps of its last digit a rounded figure may miss the fact by
/// and still be read as a rounding of it (D114); further off, the figure is
/// simply wrong (D105, D107, D109).
const ROUNDING_STEPS: f64 = 5.0;

/// The range to report beside a verdict: what the words allow when they
/// are approximate (a qualifier, a range, a share in words, a dozen), or
/// the rounding a bare figure allows when the fact's value has more digits
/// than the figure (a match or a miss by rounding); None for an exact figure.
pub fn reported_range(amount: &Amount, value: f64) -> Option<Range> {
    match amount.bounds() {
        Some(r) => Some(r),
        None if amount.dozen => Some(Range::closed(amount.value, amount.value)),
        None => rounded(amount, value).map(|_| amount.allowed()),
    }
}

/// The qualifier as the article writes it ("more than", "over"), from the
/// claim's text before its number.
fn qualifier_words(cx: Cx<'_>, m: &Mention, amount: &Amount) -> String {
    let head = cx.text.get(m.span.start..amount.number.start).unwrap_or("");
    head.trim_end_matches(|c: char| !c.is_alphabetic())
        .trim()
        .to_lowercase()
}

/// Compare a figure with the fact's value: whether it agrees, the rule of a
/// disagreement that comes from how its words are read (None: the kind's
/// own rule), and how the message shows the fact's value. `shown` is the
/// fact's value as a reader says it; `say` says another value the same way.
pub fn judge(
    cx: Cx<'_>,
    m: &Mention,
    amount: &Amount,
    value: f64,
    tolerance: f64,
    shown: String,
    say: impl Fn(f64) -> String,
) -> (bool, Option<Rule>, String) {
    if fits_range(amount, value, tolerance) {
        return (true, None, shown);
    }
    let (lo, hi) = (value - tolerance, value + tolerance);
    let n = amount.value;
    let written = || say(n);
    if amount.to.is_none() {
        match amount.qualifier {
            // "More than 35" when the fact is 35: right but for the bound.
            Some(q @ (Qualifier::MoreThan | Qualifier::JustOver | Qualifier::FewerThan | Qualifier::JustUnder))
                if lo <= n + 1e-9 && n <= hi + 1e-9 =>
            {
                let words = qualifier_words(cx, m, amount);
                let side = if matches!(q, Qualifier::MoreThan | Qualifier::JustOver) {
                    "above"
                } else {
                    "below"
                };
                return (
                    false,
                    Some(Rule::BoundExcludesFigure),
                    format!("{shown}; \"{words}\" says {side} {}, which excludes it", written()),
                );
            }
            // "Nearly 30" when the fact is 30 or a little more.
            Some(Qualifier::Nearly) if hi >= n - 1e-9 && lo <= n + Qualifier::slack(n) => {
                let words = qualifier_words(cx, m, amount);
                return (
                    false,
                    Some(Rule::NearlyNotBelow),
                    format!("{shown}; \"{words}\" says a little below {}", written()),
                );
            }
            None if amount.dozen => {
                // What "about" would have allowed: close, but a dozen is exact.
                let loose = Amount {
                    qualifier: Some(Qualifier::About),
                    ..amount.clone()
                };
                if fits_range(&loose, value, tolerance) {
                    return (
                        false,
                        Some(Rule::DozenNotExact),
                        format!("{shown}; a dozen is exact, and {} is not", fmt_num(value)),
                    );
                }
            }
            None => {
                if let Some(r) = rounded(amount, value)
                    && (n - value).abs() <= ROUNDING_STEPS * amount.precision
                {
                    return (
                        false,
                        Some(Rule::RoundedFigureDiffers),
                        format!("{shown}, which rounds to {}", say(r)),
                    );
                }
            }
            _ => {}
        }
    }
    (false, None, shown)
}

/// Digits after the decimal point in a written figure.
fn decimals(written: &str) -> usize {
    written.split_once('.').map_or(0, |(_, d)| d.len())
}

/// The claim rewritten with the fact's number, qualifier dropped, words kept
/// as words, at the precision the figure is written ("$44.2 billion" for
/// $44.062 billion becomes "$44.1 billion").
pub fn rewrite(cx: Cx<'_>, m: &Mention, amount: &Amount, value: f64) -> Option<String> {
    let text = &cx.text[m.span.start..m.span.end];
    let written = &cx.text[amount.number.start..amount.number.end];
    // A range ("between 30 and 40 countries") becomes the fact's figure.
    // (Its number is the second figure's.)
    let (from_value, number_start) = match amount.to {
        Some(to) => (to, m.span.start),
        None => (amount.value, amount.number.start),
    };
    let scale = written
        .replace(',', "")
        .parse::<f64>()
        .ok()
        .filter(|w| *w != 0.0)
        .map_or(1.0, |w| from_value / w);
    let scaled = value / scale;
    let fraction = crate::extract::fraction_value(&written.to_ascii_lowercase()).is_some();
    let replacement = if fraction {
        format!("{}%", fmt_num(value))
    } else if amount.words {
        same_case(written, number_words(scaled.round() as u64)?)
    } else if written.contains(',') && scaled >= 1000.0 {
        group_thousands(scaled.round() as u64)
    } else {
        // As many decimals as written: "$44.2 billion" for $44.062 billion
        // becomes "$44.1 billion", "73%" for 78.4% "78%".
        format!("{scaled:.*}", decimals(written))
    };
    let from = number_start - m.span.start;
    let to = amount.number.end - m.span.start;
    let head = &text[..from];
    // "about 30%" -> "about 20%": a hedge that fits stays. "more than 40
    // countries" -> "35 countries": a bound is dropped, a currency kept; so
    // is "nearly", which never fits the fact's own figure.
    let hedge = amount.to.is_none() && matches!(amount.qualifier, None | Some(Qualifier::About));
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
    // The claim may end before the number's end (a qualifier after it is
    // part of the claim, "172 or more seats": dropped with the bound).
    let rest = text.get(to..).unwrap_or("");
    let rest = match amount.qualifier {
        Some(q) if q.bound() => strip_after_qualifier(rest),
        _ => rest.to_owned(),
    };
    Some(format!("{head}{replacement}{rest}"))
}

/// "or more seats" -> " seats": a qualifier after the number is dropped
/// with the bound it sets.
fn strip_after_qualifier(rest: &str) -> String {
    let lower = rest.to_ascii_lowercase();
    let trimmed = lower.trim_start();
    let lead = rest.len() - trimmed.len();
    for (phrase, _) in &crate::lexicon::lang().qualifiers_after {
        if trimmed.starts_with(phrase.as_str()) {
            return rest[lead + phrase.len()..].to_owned();
        }
    }
    rest.to_owned()
}
