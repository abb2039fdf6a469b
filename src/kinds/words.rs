//! Values as a reader says them: numbers in words, dates in the article's
//! style, sums of money, lists of names. (Value formatting, not sentences:
//! the sentences are built in `crate::report::words`.)

use jiff::civil::Date;
use serde_json::{Value as Json, json};

use crate::extract::DateStyle;
use crate::lexicon::MONTH_NAMES;

/// A number as JSON: an integer when it is whole.
pub fn num(v: f64) -> Json {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        json!(v as i64)
    } else {
        json!(v)
    }
}

/// A number as text: without a fraction when it is whole.
pub fn fmt_num(v: f64) -> String {
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
pub fn same_case(like: &str, s: String) -> String {
    if like.starts_with(char::is_uppercase) {
        let mut c = s.chars();
        c.next().map_or(s.clone(), |f| f.to_uppercase().chain(c).collect())
    } else {
        s
    }
}

/// A date written in the same style as the claim.
pub fn write_date(d: Date, style: DateStyle, with_year: bool) -> String {
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

/// "12,500".
pub fn group_thousands(n: u64) -> String {
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
    fn money_and_lists_read_naturally() {
        assert_eq!(money(90e9, "EUR"), "€90 billion");
        assert_eq!(money(1500.0, "CHF"), "1500 CHF");
        assert_eq!(join_names(&["A", "B", "C"]), "A, B and C");
        assert_eq!(group_thousands(12500), "12,500");
    }
}
