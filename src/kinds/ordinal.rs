//! Ordinals and ranks: "the coalition's fifth meeting", "for the first time",
//! "the 267th pope", "the third-largest economy". An ordinal is compared with
//! an `ordinal` fact of its unit ("meeting", "time", "pope", "largest
//! economy"); a correction keeps words as words and digits as digits
//! ("fifth" → "sixth", "267th" → "266th").
//!
//! Its words are read by no other extractor, so the kind brings its own:
//! an ordinal word or numeral (with a hyphenated superlative, "third-largest",
//! as part of its unit) followed by the unit of some ordinal fact.

use serde_json::json;

use crate::extract::{Kind, Mention, Value};
use crate::facts::{Fact, FactValue};
use crate::finding::Shown;
use crate::rules::Rule;
use crate::span::Span;

use super::words::same_case;
use super::{Comparison, Cx, ExtractCx, ValueKind};

pub struct Ordinal;

/// Ordinal words by value, below twenty.
const ORDINALS: [&str; 20] = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];

/// Ordinal words of the tens, by value / 10.
const TENTHS: [&str; 10] = [
    "",
    "",
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
];

/// The value of an ordinal word or numeral ("fifth", "twenty-first", "21st", "267th").
pub fn value_of(word: &str) -> Option<u64> {
    let w = word.to_ascii_lowercase();
    if let Some(digits) = ["st", "nd", "rd", "th"].iter().find_map(|s| w.strip_suffix(s))
        && !digits.is_empty()
        && digits.len() <= 6
        && digits.bytes().all(|b| b.is_ascii_digit())
    {
        return digits.parse().ok();
    }
    if let Some(n) = ORDINALS.iter().position(|o| *o == w) {
        return Some(n as u64);
    }
    if let Some(n) = TENTHS.iter().position(|o| !o.is_empty() && *o == w) {
        return Some(n as u64 * 10);
    }
    let (tens, ones) = w.split_once('-')?;
    let t = crate::lexicon::TENS.iter().position(|x| !x.is_empty() && *x == tens)?;
    let o = ORDINALS
        .iter()
        .position(|x| *x == ones)
        .filter(|&o| (1..10).contains(&o))?;
    Some((t * 10 + o) as u64)
}

/// `n` as an ordinal word, below one hundred ("fifth", "twenty-first").
fn in_words(n: u64) -> Option<String> {
    match n {
        0..=19 => Some(ORDINALS[n as usize].to_owned()),
        20..=99 if n.is_multiple_of(10) => Some(TENTHS[(n / 10) as usize].to_owned()),
        21..=99 => Some(format!(
            "{}-{}",
            crate::lexicon::TENS[(n / 10) as usize],
            ORDINALS[(n % 10) as usize]
        )),
        _ => None,
    }
}

/// `n` as a numeral ("1st", "22nd", "113th").
fn in_digits(n: u64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// Where an ordinal fact's unit starts at a position of the text: `(text,
/// at, limit)` to the unit's span and the unit as the fact writes it.
pub type UnitAt<'a> = dyn Fn(&str, usize, usize) -> Option<(Span, String)> + 'a;

/// Find the ordinals of one sentence whose unit some ordinal fact counts in.
pub fn extract(prose: &str, sentence: Span, units: &UnitAt<'_>, taken: &mut Vec<Span>, out: &mut Vec<Mention>) {
    let words = crate::extract::word_spans(prose, sentence);
    for (i, w) in words.iter().enumerate() {
        let word = &prose[w.start..w.end];
        // "third-largest": the ordinal is the first part, the superlative part of the unit.
        let (ord, rest) = match word.split_once('-') {
            Some((a, b)) if value_of(a).is_some() && value_of(word).is_none() && b.ends_with("est") => {
                (a, Some(w.start + a.len() + 1))
            }
            _ => (word, None),
        };
        let Some(n) = value_of(ord) else {
            continue;
        };
        let number = Span::new(w.start, w.start + ord.len());
        if taken.iter().any(|t| t.overlaps(number)) {
            continue;
        }
        // The unit starts right after the ordinal (or at its superlative).
        let unit_from = rest.unwrap_or_else(|| words.get(i + 1).map_or(w.end, |n| n.start));
        if rest.is_none() && !prose[w.end..unit_from].chars().all(char::is_whitespace) {
            continue;
        }
        let Some((unit_span, unit)) = units(prose, unit_from, sentence.end) else {
            continue;
        };
        let span = Span::new(number.start, unit_span.end);
        taken.push(span);
        out.push(Mention {
            kind: Kind::Ordinal,
            span,
            sentence,
            value: Value::Ordinal {
                value: n,
                number,
                unit,
                words: !ord.bytes().next().is_some_and(|b| b.is_ascii_digit()),
            },
        });
    }
}

impl ValueKind for Ordinal {
    fn kind(&self) -> Kind {
        Kind::Ordinal
    }

    fn extract(&self, cx: &ExtractCx<'_>, sentence: Span, taken: &mut Vec<Span>, out: &mut Vec<Mention>) {
        if !cx.index.has_ordinals() {
            return;
        }
        let units = |text: &str, at: usize, limit: usize| {
            cx.index
                .ordinal_unit_at(text, at, limit)
                .map(|(span, unit)| (span, unit.to_owned()))
        };
        extract(cx.prose, sentence, &units, taken, out);
    }

    fn fits(&self, m: &Mention, fact: &Fact) -> bool {
        matches!((&m.value, &fact.value), (Value::Ordinal { unit, .. }, FactValue::Ordinal(_))
            if fact.unit.iter().any(|u| u.eq_ignore_ascii_case(unit)))
    }

    fn compare(&self, cx: Cx<'_>, m: &Mention, fact: &Fact) -> Comparison {
        let (
            Value::Ordinal {
                value, number, words, ..
            },
            FactValue::Ordinal(n),
        ) = (&m.value, &fact.value)
        else {
            unreachable!("compared only when it fits")
        };
        let written = &cx.text[number.start..number.end];
        let right = if *words {
            in_words(*n).map(|w| same_case(written, w))
        } else {
            Some(in_digits(*n))
        };
        let suggestion = right.map(|r| {
            let text = &cx.text[m.span.start..m.span.end];
            format!("{r}{}", &text[number.end - m.span.start..])
        });
        Comparison {
            ok: value == n,
            expected: json!(n),
            shown: Shown::Value(self.describe(fact)),
            suggestion,
            rule: Rule::OrdinalDiffers,
        }
    }

    fn describe(&self, fact: &Fact) -> String {
        let FactValue::Ordinal(n) = fact.value else {
            return fact.value.to_string();
        };
        match fact.unit.first() {
            Some(u) => format!("{} {u}", in_digits(n)),
            None => in_digits(n),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_are_read_in_words_and_digits() {
        for (w, n) in [
            ("first", 1),
            ("Fifth", 5),
            ("twelfth", 12),
            ("twentieth", 20),
            ("twenty-first", 21),
            ("ninety-ninth", 99),
            ("1st", 1),
            ("22nd", 22),
            ("113th", 113),
            ("267th", 267),
        ] {
            assert_eq!(value_of(w), Some(n), "{w}");
        }
        for w in ["firsts", "twenty", "th", "12", "one-first"] {
            assert_eq!(value_of(w), None, "{w}");
        }
        assert_eq!(in_digits(111), "111th");
        assert_eq!(in_digits(22), "22nd");
        assert_eq!(in_words(21).as_deref(), Some("twenty-first"));
    }
}
