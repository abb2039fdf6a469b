//! Numbers: money ("€90 billion", "90 billion euros", "EUR 90bn"),
//! percentages ("about 20%", "20 per cent"), years ("in 2014") and counts
//! ("35 countries", "thirty-five nations", "two dozen", "more than 30").

use std::sync::LazyLock;

use regex_lite::Regex;

use super::{ascii_regex, hint, if_digits, if_holds};
use text2num::{Language, text2digits};

use super::{Amount, Kind, Mention, Value, is_taken, word_spans};
use crate::facts::Index;
use crate::lexicon::{Qualifier, lang};
use crate::span::Span;

static DIGITS: LazyLock<Regex> = LazyLock::new(|| ascii_regex(r"\b(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\b"));

static MONEY_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(
        r"(?P<cur>US\$|€|\$|£|\bEUR|\bUSD|\bGBP)\s?(?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?:\s?(?P<mult>billion|bn|million|mn|m|thousand|k|trillion|tn)\b)?",
    )
});

static MONEY_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(
        r"(?i)\b(?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?:\s?(?P<mult>billions?|bn|millions?|mn|thousands?|trillions?)\b)?\s+(?P<cur>euros?|dollars?|pounds?(?:\s+sterling)?|EUR|USD|GBP)\b",
    )
});

/// A currency word right after a number in words.
static CURRENCY_WORD: LazyLock<Regex> = LazyLock::new(|| ascii_regex(r"(?i)^\s+(?P<cur>euros?|dollars?|pounds?)\b"));

static PERCENT: LazyLock<Regex> =
    LazyLock::new(|| ascii_regex(r"\b(?P<num>\d+(?:\.\d+)?)\s?(?:%|per\s?cent\b|percent\b)(?P<points>\s+points?\b)?"));

static FRACTION: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(
        r"(?i)\b(?P<f>(?:a|one)[- ](?:half|third|quarter|fifth|sixth|tenth)|(?:two|three|four)[- ](?:thirds|quarters|fifths)|half)\s+of\b",
    )
});

/// The share, in percent, a fraction in words stands for.
pub fn fraction_value(written: &str) -> Option<f64> {
    let w = written.replace('-', " ");
    let mut parts = w.split_whitespace();
    let (count, part) = match (parts.next()?, parts.next()) {
        ("half", None) => return Some(50.0),
        (n, Some(p)) => (n, p),
        _ => return None,
    };
    let n = match count {
        "a" | "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        _ => return None,
    };
    let d = match part.trim_end_matches('s') {
        "half" | "halve" => 2.0,
        "third" => 3.0,
        "quarter" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "tenth" => 10.0,
        _ => return None,
    };
    Some((100.0_f64 * n / d * 100.0).round() / 100.0)
}

/// What every match of [`MONEY_BEFORE`] holds (case-sensitive, as it is).
static MONEY_SIGN: LazyLock<aho_corasick::AhoCorasick> =
    LazyLock::new(|| aho_corasick::AhoCorasick::new(["$", "€", "£", "EUR", "USD", "GBP"]).expect("plain words"));

/// A word every match of [`MONEY_AFTER`] holds.
static MONEY_WORD: LazyLock<aho_corasick::AhoCorasick> =
    LazyLock::new(|| hint(&["eur", "dollar", "pound", "usd", "gbp"]));

/// A word every match of [`FRACTION`] holds.
static FRACTION_HINT: LazyLock<aho_corasick::AhoCorasick> =
    LazyLock::new(|| hint(&["half", "third", "quarter", "fifth", "sixth", "tenth"]));

/// Number words and "dozen": a sentence without any has no number in words.
static NUMBER_HINT: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    let words: Vec<&str> = crate::lexicon::ONES
        .iter()
        .chain(crate::lexicon::TENS.iter())
        .chain(SCALE_WORDS)
        .copied()
        .filter(|w| !w.is_empty())
        .chain(["dozen"])
        .collect();
    hint(&words)
});

static WORD: LazyLock<Regex> = LazyLock::new(|| ascii_regex(r"\b[A-Za-z]+(?:-[A-Za-z]+)*\b"));

/// Number words that scale ("two hundred", "ninety billion").
const SCALE_WORDS: &[&str] = &["hundred", "thousand", "million", "billion"];

fn is_number_word(w: &str) -> bool {
    crate::lexicon::ONES.contains(&w)
        || (!w.is_empty() && crate::lexicon::TENS.contains(&w))
        || SCALE_WORDS.contains(&w)
}

/// Words that follow a number without being what it counts.
const NOT_UNITS: &[&str] = &[
    "of", "and", "or", "to", "in", "on", "at", "per", "a", "an", "the", "from", "by", "with", "for", "is", "was",
    "were", "are", "as", "than", "percent", "p", "am", "pm",
];

fn currency_code(s: &str) -> &'static str {
    let s = s.to_ascii_lowercase();
    if s.starts_with('€') || s.starts_with("eur") {
        "EUR"
    } else if s.starts_with('£') || s.starts_with("gbp") || s.starts_with("pound") {
        "GBP"
    } else {
        "USD"
    }
}

fn multiplier(s: Option<&str>) -> f64 {
    match s.map(|s| s.to_ascii_lowercase()).as_deref() {
        Some("billion" | "billions" | "bn") => 1e9,
        Some("million" | "millions" | "mn" | "m") => 1e6,
        Some("thousand" | "thousands" | "k") => 1e3,
        Some("trillion" | "trillions" | "tn") => 1e12,
        _ => 1.0,
    }
}

fn parse_digits(s: &str) -> Option<f64> {
    s.replace(',', "").parse().ok()
}

/// The qualifier phrase that ends right before `at` ("more than 30"), if any.
fn qualifier_before(prose: &str, sentence: Span, at: usize) -> Option<(Qualifier, usize)> {
    let before = prose[sentence.start..at].trim_end();
    let lower = before.to_ascii_lowercase();
    for (phrase, q) in &lang().qualifiers {
        if let Some(head) = lower.strip_suffix(phrase.as_str()) {
            let glued = head.chars().next_back().is_some_and(|c| c.is_alphanumeric());
            if !glued {
                return Some((*q, sentence.start + head.len()));
            }
        }
    }
    None
}

fn amount(prose: &str, sentence: Span, number: Span, value: f64, words: bool) -> (Amount, usize) {
    let written = prose[number.start..number.end].to_ascii_lowercase();
    // "two dozen" and "a fifth" are round by nature.
    let vague = words && (written.ends_with("dozen") || fraction_value(&written).is_some());
    let (qualifier, start) = match qualifier_before(prose, sentence, number.start) {
        Some((q, s)) => (Some(q), s),
        None => (None, number.start),
    };
    (
        Amount {
            value,
            qualifier,
            number,
            words,
            vague,
        },
        start,
    )
}

/// Runs of number words ("thirty-five", "two hundred and fifty", "two dozen").
fn word_numbers(prose: &str, sentence: Span) -> Vec<(Span, f64)> {
    let en = Language::english();
    let text = &prose[sentence.start..sentence.end];
    // A run starts at a number word or "a dozen": without one, no run.
    let tokens: Vec<(usize, usize, String)> = WORD
        .find_iter(if_holds(text, &NUMBER_HINT))
        .map(|m| (m.start(), m.end(), m.as_str().to_ascii_lowercase()))
        .collect();
    let is_number = |w: &str| w.split('-').all(is_number_word);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let (start, _, ref w) = tokens[i];
        if !(is_number(w) || (w == "a" && tokens.get(i + 1).is_some_and(|t| t.2 == "dozen"))) {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut end = tokens[i].1;
        let mut words = vec![w.replace('-', " ")];
        // Extend over further number words, "and" between them, separated by spaces only.
        while let Some(next) = tokens.get(j + 1) {
            let gap = &text[end..next.0];
            let joins = gap.trim().is_empty();
            let and_then_number = next.2 == "and"
                && tokens
                    .get(j + 2)
                    .is_some_and(|t| is_number(&t.2) && text[next.1..t.0].trim().is_empty());
            if joins && (is_number(&next.2) || and_then_number) && w != "a" {
                words.push(next.2.replace('-', " "));
                end = next.1;
                j += 1;
            } else {
                break;
            }
        }
        let mut value = if words == ["a"] {
            Some(1.0)
        } else {
            text2digits(&words.join(" "), &en)
                .ok()
                .and_then(|d| d.parse::<f64>().ok())
        };
        // "two dozen", "a dozen", "half a dozen"
        if let Some(next) = tokens
            .get(j + 1)
            .filter(|t| t.2 == "dozen" && text[end..t.0].trim().is_empty())
        {
            value = value.map(|v| v * 12.0);
            end = next.1;
            j += 1;
        } else if words == ["a"] {
            value = None;
        }
        if let Some(v) = value {
            out.push((Span::new(sentence.start + start, sentence.start + end), v));
        }
        i = j + 1;
    }
    out
}

/// The noun a number counts: a known unit within two words, else the next word.
fn unit_after(prose: &str, sentence: Span, index: &Index, from: usize) -> Option<(Span, String, bool)> {
    let words = word_spans(prose, Span::new(from, sentence.end));
    for w in words.iter().take(3) {
        // Only spaces and adjectives may come between a number and its unit.
        let gap = &prose[from..w.start];
        if gap.chars().any(|c| c.is_ascii_punctuation() && c != '-') {
            break;
        }
        if let Some((span, unit)) = index.unit_at(prose, w.start, sentence.end) {
            return Some((span, unit.to_owned(), true));
        }
        if !prose[w.start..w.end].chars().all(char::is_alphabetic) {
            break;
        }
    }
    let first = words.first()?;
    if !prose[from..first.start].trim().is_empty() {
        return None;
    }
    let word = &prose[first.start..first.end];
    let lower = word.to_lowercase();
    let alphabetic = word.chars().all(|c| c.is_alphabetic());
    if !alphabetic || NOT_UNITS.contains(&lower.as_str()) || word.starts_with(char::is_uppercase) {
        return None;
    }
    Some((*first, lower, false))
}

pub(super) fn extract(prose: &str, sentence: Span, index: &Index, taken: &mut Vec<Span>, out: &mut Vec<Mention>) {
    let text = &prose[sentence.start..sentence.end];
    let at = |s: usize, e: usize| Span::new(sentence.start + s, sentence.start + e);

    // Money needs a digit and a currency sign, code or word.
    let before = if MONEY_SIGN.is_match(text) { if_digits(text) } else { "" };
    let after = if_holds(if_digits(text), &MONEY_WORD);
    for (re, haystack) in [(&*MONEY_BEFORE, before), (&*MONEY_AFTER, after)] {
        for caps in re.captures_iter(haystack) {
            let whole = caps.get(0).expect("group 0");
            let span = at(whole.start(), whole.end());
            if is_taken(taken, span) {
                continue;
            }
            let num = caps.name("num").expect("num group");
            let Some(value) = parse_digits(num.as_str()) else {
                continue;
            };
            let value = value * multiplier(caps.name("mult").map(|m| m.as_str()));
            let currency = currency_code(caps.name("cur").expect("cur group").as_str());
            let (amount, start) = amount(prose, sentence, at(num.start(), num.end()), value, false);
            taken.push(span);
            out.push(Mention {
                kind: Kind::Amount,
                span: Span::new(start.min(span.start), span.end),
                sentence,
                value: Value::Money {
                    amount,
                    currency: currency.to_owned(),
                },
            });
        }
    }

    // "a fifth of Ukraine", "nearly a third of": shares in words.
    for caps in FRACTION.captures_iter(if_holds(text, &FRACTION_HINT)) {
        let f = caps.name("f").expect("fraction group");
        let span = at(f.start(), f.end());
        if is_taken(taken, span) {
            continue;
        }
        let Some(value) = fraction_value(&f.as_str().to_ascii_lowercase()) else {
            continue;
        };
        taken.push(span);
        let (amount, start) = amount(prose, sentence, span, value, true);
        out.push(Mention {
            kind: Kind::Percent,
            span: Span::new(start, span.end),
            sentence,
            value: Value::Percent { amount },
        });
    }

    let with_percent = if text.contains('%') || text.contains("per") {
        if_digits(text)
    } else {
        ""
    };
    for caps in PERCENT.captures_iter(with_percent) {
        let whole = caps.get(0).expect("group 0");
        let span = at(whole.start(), whole.end());
        if is_taken(taken, span) {
            continue;
        }
        taken.push(span);
        // Percentage points are a difference, not a share: never a percent claim.
        if caps.name("points").is_some() {
            continue;
        }
        let num = caps.name("num").expect("num group");
        let Some(value) = parse_digits(num.as_str()) else {
            continue;
        };
        let (amount, start) = amount(prose, sentence, at(num.start(), num.end()), value, false);
        out.push(Mention {
            kind: Kind::Percent,
            span: Span::new(start, span.end),
            sentence,
            value: Value::Percent { amount },
        });
    }

    let mut numbers: Vec<(Span, f64, bool)> = DIGITS
        .find_iter(if_digits(text))
        .filter_map(|m| parse_digits(m.as_str()).map(|v| (at(m.start(), m.end()), v, false)))
        .collect();
    numbers.extend(word_numbers(prose, sentence).into_iter().map(|(s, v)| (s, v, true)));
    numbers.sort_by_key(|n| n.0);

    for (span, value, words) in numbers {
        if is_taken(taken, span) {
            continue;
        }
        // "ninety billion euros": money in words.
        if words && let Some(cur) = CURRENCY_WORD.captures(&prose[span.end..sentence.end]) {
            let whole = cur.get(0).expect("group 0");
            let (amount, start) = amount(prose, sentence, span, value, true);
            let end = span.end + whole.end();
            taken.push(Span::new(span.start, end));
            out.push(Mention {
                kind: Kind::Amount,
                span: Span::new(start, end),
                sentence,
                value: Value::Money {
                    amount,
                    currency: currency_code(cur.name("cur").expect("cur group").as_str()).to_owned(),
                },
            });
            continue;
        }
        // Times ("10:30"), decimals glued to letters ("3D") and ordinals are not counts.
        let next = prose[span.end..].chars().next();
        let prev = prose[..span.start].chars().next_back();
        if matches!(next, Some(':' | '/' | '\u{2013}')) || matches!(prev, Some(':' | '/' | '#' | '-')) {
            continue;
        }
        let raw = &prose[span.start..span.end];
        let unit = unit_after(prose, sentence, index, span.end);
        let is_year = !words && raw.len() == 4 && (1800.0..=2099.0).contains(&value);
        if is_year && !unit.as_ref().is_some_and(|u| u.2) {
            taken.push(span);
            out.push(Mention {
                kind: Kind::Year,
                span,
                sentence,
                value: Value::Year {
                    year: value as i64,
                    month: None,
                },
            });
            continue;
        }
        let Some((unit_span, unit, known_unit)) = unit else {
            continue;
        };
        // Without a unit the fact base knows, only a clear count is worth a verdict:
        // digits of 2 or more, or words of 10 or more ("the two leaders" is not a claim).
        if !known_unit && (value < 2.0 || (words && value < 10.0)) {
            continue;
        }
        let (amount, start) = amount(prose, sentence, span, value, words);
        let claim = Span::new(start, unit_span.end);
        taken.push(claim);
        out.push(Mention {
            kind: Kind::Count,
            span: claim,
            sentence,
            value: Value::Count {
                amount,
                unit,
                known_unit,
            },
        });
    }
}
