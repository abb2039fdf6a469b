//! Numbers: money ("€90 billion", "90 billion euros", "EUR 90bn"),
//! percentages ("about 20%", "20 per cent", "more than 6,000%"), years ("in
//! 2014") and counts ("35 countries", "thirty-five nations", "two dozen",
//! "more than 30", "1.4 billion Catholics").
//!
//! Each figure keeps what its words allow (see [`Amount`]): a qualifier
//! before or after it ("more than 30", "172 or more"), the precision it is
//! written at ("1.4 billion" is rounded to the hundred million), the other
//! end of a range ("between 30 and 40 countries", "30-40 countries": one
//! claim), and whether it is an age ("Prevost, 69,", "aged 69"): an age is a
//! count of unit `age`, never a year.

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

static PERCENT: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(
        r"\b(?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s?(?:%|per\s?cent\b|percent\b)(?P<points>\s+points?\b)?",
    )
});

/// Two figures that make one range: "between 30 and 40", "from 2015 to
/// 2023", "30-40", "10% to 15%", "$30 million to $40 million".
static RANGE: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(
        r"(?i)(?:\b(?P<kw>between|from)\s+)?(?:US\$|€|\$|£)?\b(?P<a>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?:\s?(?P<ma>trillion|billion|million|thousand|bn|mn|tn)\b)?(?:\s?(?:%|per\s?cent\b|percent\b))?\s*(?P<sep>-|\x{2013}|\x{2014}|\bto\b|\band\b)\s*(?:US\$|€|\$|£)?(?P<b>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\b(?:\s?(?P<mb>trillion|billion|million|thousand|bn|mn|tn)\b)?",
    )
});

/// "-year-old", " years old" right after a number: an age.
static YEARS_OLD: LazyLock<Regex> = LazyLock::new(|| ascii_regex(r"(?i)^(?:-|\s)years?(?:-|\s)olds?\b"));

/// A scale word right after digits: "1.4 billion Catholics", "7.3 million people".
static SCALE_AFTER: LazyLock<Regex> =
    LazyLock::new(|| ascii_regex(r"(?i)^\s?(?P<mult>trillion|billion|million|thousand|bn|mn)\b"));

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

/// The value of digits times a scale word, and the place of the last digit
/// written in the same units: ("1.4", 1e9) is 1.4 billion, to the hundred
/// million. Computed from the digits as an integer, so 1.4 billion is
/// exactly 1 400 000 000.
pub(crate) fn scaled(digits: &str, mult: f64) -> Option<(f64, f64)> {
    let plain = digits.replace(',', "");
    let decimals = plain.split_once('.').map_or(0, |(_, d)| d.len()) as i32;
    let mantissa: f64 = plain.replace('.', "").parse().ok()?;
    let unit = 10f64.powi(decimals);
    // Divide last: a whole result stays whole.
    Some((mantissa * mult / unit, mult / unit))
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

/// The qualifier phrase that follows a claim ("172 or more seats": the
/// phrase starts at `at`), and where it ends.
fn qualifier_after(prose: &str, sentence: Span, at: usize) -> Option<(Qualifier, usize)> {
    let rest = &prose[at..sentence.end];
    let trimmed = rest.trim_start();
    let lower = trimmed.to_ascii_lowercase();
    for (phrase, q) in &lang().qualifiers_after {
        if lower.starts_with(phrase.as_str()) && !lower[phrase.len()..].starts_with(|c: char| c.is_alphanumeric()) {
            return Some((*q, at + (rest.len() - trimmed.len()) + phrase.len()));
        }
    }
    None
}

/// A figure as written: its number's span, its value, the place of its last
/// digit (see [`Amount::precision`]) and whether it is in words.
#[derive(Debug, Clone, Copy)]
struct Written {
    number: Span,
    value: f64,
    precision: f64,
    words: bool,
}

fn amount(prose: &str, sentence: Span, w: Written) -> (Amount, usize) {
    amount_from(prose, sentence, w, w.number.start)
}

/// [`amount`] for a figure whose text starts at `lead` (a currency sign
/// before its digits: "more than $40 million").
fn amount_from(prose: &str, sentence: Span, w: Written, lead: usize) -> (Amount, usize) {
    let written = prose[w.number.start..w.number.end].to_ascii_lowercase();
    // "a fifth" is round by nature; "two dozen" is exact unless qualified (D113).
    let vague = w.words && fraction_value(&written).is_some();
    let dozen = w.words && written.ends_with("dozen");
    let (qualifier, start) = match qualifier_before(prose, sentence, lead) {
        Some((q, s)) => (Some(q), s),
        None => (None, lead),
    };
    (
        Amount {
            value: w.value,
            qualifier,
            number: w.number,
            words: w.words,
            vague,
            dozen,
            precision: w.precision,
            to: None,
        },
        start,
    )
}

/// The first of two figures that make one range, and where the claim starts.
#[derive(Debug, Clone, Copy)]
struct RangeHead {
    /// Where the claim starts ("between", "from" or the first figure).
    start: usize,
    /// The first figure's digits.
    low: Span,
    low_value: f64,
    /// Where the second figure's digits start.
    high: Span,
}

/// Whether the word before `at` is one of `list`.
fn word_before_in(prose: &str, sentence: Span, at: usize, list: &crate::lexicon::List) -> bool {
    let words = word_spans(prose, Span::new(sentence.start, at));
    words
        .last()
        .is_some_and(|w| list.contains(prose[w.start..w.end].to_lowercase()))
}

/// Ranges of the sentence: "between 30 and 40 countries", "30-40", "from
/// 2015 to 2023". A change ("grew from 338 to 343") is no range; nor are
/// two figures of which the second is not the larger ("787-8", "3-2").
/// Returns the heads of the ranges of figures, and the spans of the years of
/// year ranges ("2015–2023"), which stay two year claims.
fn ranges(prose: &str, sentence: Span, taken: &[Span]) -> (Vec<RangeHead>, Vec<Span>) {
    let text = &prose[sentence.start..sentence.end];
    let at = |s: usize, e: usize| Span::new(sentence.start + s, sentence.start + e);
    let mut heads = Vec::new();
    let mut years = Vec::new();
    for caps in RANGE.captures_iter(if_digits(text)) {
        let whole = caps.get(0).expect("group 0");
        let (a, b) = (caps.name("a").expect("a"), caps.name("b").expect("b"));
        let sep = caps.name("sep").expect("sep").as_str().to_ascii_lowercase();
        let kw = caps.name("kw").map(|k| k.as_str().to_ascii_lowercase());
        let fits = match (kw.as_deref(), sep.as_str()) {
            (_, "and") => kw.as_deref() == Some("between"),
            (Some("between"), "to") => false,
            _ => true,
        };
        let start = caps.name("kw").map_or(a.start(), |k| k.start());
        let span = at(whole.start(), whole.end());
        if !fits || is_taken(taken, span) {
            continue;
        }
        // "grew from 338 to 343", "rose 5% to 10%": a change, not a range.
        let from = at(start, start).start;
        if word_before_in(prose, sentence, from, &lang().numbers.change_verbs) {
            continue;
        }
        // Glued to a word ("COVID-19", "F-35"): a name, not a range.
        if prose[..sentence.start + a.start()]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphabetic() || c == '-')
        {
            continue;
        }
        let mb = multiplier(caps.name("mb").map(|m| m.as_str()));
        let ma = caps.name("ma").map_or(mb, |m| multiplier(Some(m.as_str())));
        let (Some((low, _)), Some((high, _))) = (scaled(a.as_str(), ma), scaled(b.as_str(), mb)) else {
            continue;
        };
        if high <= low {
            continue;
        }
        let is_year = |m: regex_lite::Match<'_>, v: f64| m.as_str().len() == 4 && (1800.0..=2099.0).contains(&v);
        if is_year(a, low) && is_year(b, high) && caps.name("ma").is_none() && caps.name("mb").is_none() {
            years.push(at(a.start(), a.end()));
            years.push(at(b.start(), b.end()));
            continue;
        }
        heads.push(RangeHead {
            start: sentence.start + start,
            low: at(a.start(), a.end()),
            low_value: low,
            high: at(b.start(), b.end()),
        });
    }
    (heads, years)
}

/// Make `amount` the range `head` opens, if its number is the range's second
/// figure; the claim then starts where the range does.
fn join_range(heads: &[RangeHead], amount: &mut Amount, start: &mut usize) {
    if let Some(h) = heads.iter().find(|h| h.high.start == amount.number.start) {
        amount.to = Some(amount.value);
        amount.value = h.low_value;
        amount.qualifier = None;
        amount.vague = false;
        amount.dozen = false;
        *start = h.start;
    }
}

/// Whether `span` is the first figure of a range (taken by the second).
fn range_low(heads: &[RangeHead], span: Span) -> bool {
    heads.iter().any(|h| h.low.overlaps(span))
}

/// Runs of number words ("thirty-five", "two hundred and fifty", "two
/// dozen"), with the place of their last digit: a run that ends in
/// "thousand", "million" or "billion" is rounded to it ("seven million").
fn word_numbers(prose: &str, sentence: Span) -> Vec<(Span, f64, f64)> {
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
            let precision = match words.last().map(String::as_str) {
                Some("thousand") => 1e3,
                Some("million") => 1e6,
                Some("billion") => 1e9,
                _ => 1.0,
            };
            out.push((Span::new(sentence.start + start, sentence.start + end), v, precision));
        }
        i = j + 1;
    }
    out
}

/// The noun a number counts: a known unit within two words, else the next
/// word. A unit glued to the number by a hyphen that the fact base lists
/// with its hyphen ("1.4 billion-member church": `-member`) counts too.
fn unit_after(prose: &str, sentence: Span, index: &Index, from: usize) -> Option<(Span, String, bool)> {
    if prose[from..sentence.end].starts_with('-') {
        let word = word_spans(prose, Span::new(from + 1, sentence.end));
        if let Some(w) = word.first().filter(|w| w.start == from + 1) {
            let glued = format!("-{}", &prose[w.start..w.end]);
            if let Some((_, unit)) = index.unit_at(&glued, 0, glued.len()) {
                return Some((Span::new(from, w.end), unit.to_owned(), true));
            }
        }
    }
    let words = word_spans(prose, Span::new(from, sentence.end));
    for w in words.iter().take(3) {
        // Only spaces and adjectives may come between a number and its unit
        // (not a dash: "2018 — seven years" is a year, then a span).
        let gap = &prose[from..w.start];
        if gap
            .chars()
            .any(|c| (c.is_ascii_punctuation() && c != '-') || matches!(c, '\u{2013}' | '\u{2014}'))
        {
            break;
        }
        if let Some((span, unit)) = index.unit_at(prose, w.start, sentence.end) {
            return Some((span, unit.to_owned(), true));
        }
        let word = &prose[w.start..w.end];
        if !word.chars().all(char::is_alphabetic) || is_number_word(&word.to_lowercase()) {
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

/// The unit of an age: a count of it is compared only with a count fact
/// that lists an age unit (`numbers.age_units`), see [`crate::kinds`].
pub const AGE: &str = "age";

/// Whether a unit makes a count an age ("years old", "year-old").
pub fn is_age_unit(unit: &str) -> bool {
    lang().numbers.age_units.contains(unit.to_lowercase())
}

/// Whether the number at `number` is an age by what stands around it: an
/// age word right before it ("aged 69", "at the age of 88"), or a comma
/// apposition to a person's name ("Robert Prevost, 69, ...").
fn age_by_context(prose: &str, sentence: Span, number: Span, people: &[(Span, &str)]) -> bool {
    let before = prose[sentence.start..number.start].trim_end();
    let lower = before.to_ascii_lowercase();
    let cue = lang().numbers.age_cues.iter().any(|c| {
        lower
            .strip_suffix(c)
            .is_some_and(|head| !head.ends_with(|ch: char| ch.is_alphanumeric()))
    });
    if cue {
        return true;
    }
    // "Prevost, 69," or "Prevost, 69." / "(69)": a name, a comma, the number, a break.
    let Some(head) = before.strip_suffix(',').or_else(|| before.strip_suffix('(')) else {
        return false;
    };
    let head = head.trim_end();
    let after = prose[number.end..sentence.end].trim_start();
    let closes = after.is_empty() || after.starts_with([',', ')', '.', ';']);
    closes && people.iter().any(|(p, _)| sentence.start + head.len() == p.end)
}

/// Whose age the number at `number` is: the person named nearest before it
/// in the sentence ("Pope Francis, who died at 88"), else the nearest after.
fn age_of(number: Span, people: &[(Span, &str)]) -> Option<String> {
    let before = people
        .iter()
        .filter(|(p, _)| p.end <= number.start)
        .max_by_key(|(p, _)| p.end);
    let after = people
        .iter()
        .filter(|(p, _)| p.start >= number.end)
        .min_by_key(|(p, _)| p.start);
    before.or(after).map(|(_, id)| (*id).to_owned())
}

/// What stands around a sentence's numbers.
pub(super) struct Around<'a> {
    /// The persons it names, where and who (for an age: "Prevost, 69,").
    pub people: &'a [(Span, &'a str)],
    /// Its table cells whose row label or column header names a unit the
    /// fact base knows, and that unit (`| Countries represented | 36 |`).
    pub cells: &'a [(Span, String)],
}

/// The unit of a figure that stands alone in a table cell whose label or
/// header names one: the figure is what the row or column says it is.
fn cell_unit(prose: &str, cells: &[(Span, String)], end: usize) -> Option<(Span, String, bool)> {
    let (cell, unit) = cells.iter().find(|(c, _)| c.start < end && end <= c.end)?;
    prose[end..cell.end]
        .trim()
        .is_empty()
        .then(|| (Span::new(end, end), unit.clone(), true))
}

/// Find the numbers of one sentence.
pub(super) fn extract(
    prose: &str,
    sentence: Span,
    index: &Index,
    around: &Around<'_>,
    taken: &mut Vec<Span>,
    out: &mut Vec<Mention>,
) {
    let people = around.people;
    let text = &prose[sentence.start..sentence.end];
    let at = |s: usize, e: usize| Span::new(sentence.start + s, sentence.start + e);
    let (heads, range_years) = ranges(prose, sentence, taken);

    // Money needs a digit and a currency sign, code or word.
    let before = if MONEY_SIGN.is_match(text) { if_digits(text) } else { "" };
    let after = if_holds(if_digits(text), &MONEY_WORD);
    for (re, haystack) in [(&*MONEY_BEFORE, before), (&*MONEY_AFTER, after)] {
        for caps in re.captures_iter(haystack) {
            let whole = caps.get(0).expect("group 0");
            let span = at(whole.start(), whole.end());
            let num = caps.name("num").expect("num group");
            let number = at(num.start(), num.end());
            if is_taken(taken, span) || range_low(&heads, number) {
                continue;
            }
            let mult = multiplier(caps.name("mult").map(|m| m.as_str()));
            let Some((value, precision)) = scaled(num.as_str(), mult) else {
                continue;
            };
            let currency = currency_code(caps.name("cur").expect("cur group").as_str());
            let written = Written {
                number,
                value,
                precision,
                words: false,
            };
            let (mut amount, mut start) = amount_from(prose, sentence, written, span.start.min(number.start));
            join_range(&heads, &mut amount, &mut start);
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
        let written = Written {
            number: span,
            value,
            precision: 1.0,
            words: true,
        };
        let (amount, start) = amount(prose, sentence, written);
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
        let num = caps.name("num").expect("num group");
        let number = at(num.start(), num.end());
        if is_taken(taken, span) {
            continue;
        }
        taken.push(span);
        // Percentage points are a difference, not a share: never a percent
        // claim. The first figure of a range is its second's.
        if caps.name("points").is_some() || range_low(&heads, number) {
            continue;
        }
        let Some((value, precision)) = scaled(num.as_str(), 1.0) else {
            continue;
        };
        let written = Written {
            number,
            value,
            precision,
            words: false,
        };
        let (mut amount, mut start) = amount(prose, sentence, written);
        join_range(&heads, &mut amount, &mut start);
        out.push(Mention {
            kind: Kind::Percent,
            span: Span::new(start, span.end),
            sentence,
            value: Value::Percent { amount },
        });
    }

    let mut numbers: Vec<Written> = DIGITS
        .find_iter(if_digits(text))
        .filter_map(|m| {
            let number = at(m.start(), m.end());
            // "1.4 billion Catholics": a scale word belongs to the figure.
            let rest = &prose[number.end..sentence.end];
            let mult = SCALE_AFTER.captures(rest).and_then(|c| c.name("mult"));
            let (value, precision) = scaled(m.as_str(), multiplier(mult.map(|m| m.as_str())))?;
            Some(Written {
                number,
                value,
                precision,
                words: false,
            })
        })
        .collect();
    numbers.extend(
        word_numbers(prose, sentence)
            .into_iter()
            .map(|(number, value, precision)| Written {
                number,
                value,
                precision,
                words: true,
            }),
    );
    numbers.sort_by_key(|n| n.number);

    for w in numbers {
        let (span, value, words) = (w.number, w.value, w.words);
        if is_taken(taken, span) || range_low(&heads, span) {
            continue;
        }
        // "ninety billion euros": money in words.
        if words && let Some(cur) = CURRENCY_WORD.captures(&prose[span.end..sentence.end]) {
            let whole = cur.get(0).expect("group 0");
            let (amount, start) = amount(prose, sentence, w);
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
        // Times ("10:30"), decimals glued to letters ("3D") and ordinals are
        // not counts; a range's figures are read as one ("30-40 countries",
        // "2015–2023").
        let in_range = range_years.contains(&span) || heads.iter().any(|h| h.high.start == span.start);
        let next = prose[span.end..].chars().next();
        let prev = prose[..span.start].chars().next_back();
        if !in_range && (matches!(next, Some(':' | '/' | '\u{2013}')) || matches!(prev, Some(':' | '/' | '#' | '-'))) {
            continue;
        }
        // Where the figure ends: after its scale word, if any.
        let scale_end = if words {
            span.end
        } else {
            SCALE_AFTER
                .find(&prose[span.end..sentence.end])
                .map_or(span.end, |m| span.end + m.end())
        };
        let raw = &prose[span.start..span.end];
        let whole = !words && value.fract() == 0.0 && scale_end == span.end;
        // "aged 69", "Prevost, 69,": an age, whatever follows.
        if whole && (0.0..=130.0).contains(&value) && age_by_context(prose, sentence, span, people) {
            let (amount, _) = amount(prose, sentence, w);
            taken.push(span);
            out.push(Mention {
                kind: Kind::Count,
                span,
                sentence,
                value: Value::Count {
                    amount,
                    unit: AGE.to_owned(),
                    known_unit: true,
                    of: age_of(span, people),
                },
            });
            continue;
        }
        // "a 69-year-old", "69 years old": an age.
        if whole && let Some(old) = YEARS_OLD.find(&prose[span.end..sentence.end]) {
            let (amount, start) = amount(prose, sentence, w);
            let claim = Span::new(start, span.end + old.end());
            taken.push(claim);
            out.push(Mention {
                kind: Kind::Count,
                span: claim,
                sentence,
                value: Value::Count {
                    amount,
                    unit: AGE.to_owned(),
                    known_unit: true,
                    of: age_of(span, people),
                },
            });
            continue;
        }
        // An age unit counts only right after its number ("69 years old"):
        // "in 1982 at age 27" is a year, then an age.
        let adjacent_age = |u: &(Span, String, bool)| {
            !is_age_unit(&u.1)
                || prose[scale_end..u.0.start]
                    .trim_matches(|c: char| c == '-' || c.is_whitespace())
                    .is_empty()
        };
        let unit = unit_after(prose, sentence, index, scale_end)
            .filter(adjacent_age)
            .or_else(|| cell_unit(prose, around.cells, scale_end))
            // "more than 5 million" and nothing after: a figure of millions.
            .or_else(|| {
                (scale_end > span.end).then(|| {
                    let word = prose[span.end..scale_end].trim().to_ascii_lowercase();
                    (Span::new(scale_end, scale_end), word, false)
                })
            });
        // "2000 years", "a 1,000-year-old church": a span of time, never a year.
        let of_time = unit
            .as_ref()
            .is_some_and(|u| lang().numbers.time_units.contains(u.1.trim_start_matches('-')));
        let is_year = !words && raw.len() == 4 && (1800.0..=2099.0).contains(&value) && scale_end == span.end;
        if is_year && !of_time && !unit.as_ref().is_some_and(|u| u.2) {
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
        let (unit, unit_end) = if is_age_unit(&unit) {
            (AGE.to_owned(), unit_span.end)
        } else {
            (unit, unit_span.end)
        };
        // Without a unit the fact base knows, only a clear count is worth a verdict:
        // digits of 2 or more, or words of 10 or more ("the two leaders" is not a claim).
        if !known_unit && (value < 2.0 || (words && value < 10.0)) {
            continue;
        }
        let (mut amount, mut start) = amount(prose, sentence, w);
        join_range(&heads, &mut amount, &mut start);
        // "voting over two days": across them, not more than two (D111).
        if amount.qualifier == Some(Qualifier::MoreThan)
            && lang().numbers.time_units.contains(unit.to_lowercase())
            && prose[start..span.start].trim().eq_ignore_ascii_case("over")
        {
            amount.qualifier = Some(Qualifier::AtLeast);
        }
        let mut end = unit_end;
        if amount.qualifier.is_none()
            && amount.to.is_none()
            && let Some((q, q_end)) = qualifier_after(prose, sentence, span.end)
        {
            // "172 or more seats": the qualifier after the number, before its unit.
            if q_end <= unit_span.start {
                amount.qualifier = Some(q);
            }
        }
        if amount.qualifier.is_none()
            && amount.to.is_none()
            && let Some((q, q_end)) = qualifier_after(prose, sentence, end)
        {
            // "35 countries or more".
            amount.qualifier = Some(q);
            end = q_end;
        }
        let claim = Span::new(start, end);
        taken.push(claim);
        out.push(Mention {
            kind: Kind::Count,
            span: claim,
            sentence,
            value: Value::Count {
                of: (unit == AGE).then(|| age_of(span, people)).flatten(),
                amount,
                unit,
                known_unit,
            },
        });
    }
}
