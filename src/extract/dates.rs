//! Dates ("January 6", "6 January 2026", "Tuesday (January 6)", "2026-01-06"),
//! weekdays on their own ("held on Monday") and month-years ("February 2022").

use std::sync::LazyLock;

use jiff::civil::Date;
use regex_lite::Regex;

use super::{ascii_regex, hint, if_digits, if_holds};

use super::{DateStyle, Kind, Mention, Value, is_taken};
use crate::lexicon::{MONTH_PATTERN, WEEKDAY_PATTERN, month_number, weekday};
use crate::span::Span;

static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(&format!(
        r"(?:\b(?P<wd>{WEEKDAY_PATTERN}),?\s+(?:\(\s*)?)?\b(?P<m>{MONTH_PATTERN})\b\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>\d{{4}})\b)?"
    ))
});

static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(&format!(
        r"(?:\b(?P<wd>{WEEKDAY_PATTERN}),?\s+(?:\(\s*)?(?:the\s+)?)?\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{MONTH_PATTERN})\b\.?(?:,?\s+(?P<y>\d{{4}})\b)?"
    ))
});

/// A wire dateline before a date: "PARIS, " or "KYIV, Ukraine, ".
static DATELINE_HEAD: LazyLock<Regex> =
    LazyLock::new(|| ascii_regex(r"^[A-Z][A-Z.' -]*[A-Z.](?:,\s*[A-Z][A-Za-z.' -]*)?,\s*$"));

/// What follows a dateline's date: an optional agency, then a dash.
static DATELINE_TAIL: LazyLock<Regex> = LazyLock::new(|| ascii_regex(r"^\s*(?:\([^)]*\)\s*)?[-\u{2013}\u{2014}]"));

static DOTTED: LazyLock<Regex> = LazyLock::new(|| ascii_regex(r"\b(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})\b"));
static ISO: LazyLock<Regex> = LazyLock::new(|| ascii_regex(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"));

static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| ascii_regex(&format!(r"\b(?P<wd>{WEEKDAY_PATTERN})\b")));

static MONTH_YEAR: LazyLock<Regex> =
    LazyLock::new(|| ascii_regex(&format!(r"\b(?P<m>{MONTH_PATTERN})\b\.?,?\s+(?P<y>\d{{4}})\b")));

/// The start of every name in [`MONTH_PATTERN`] (case-sensitive, as the patterns are).
static MONTH_HINT: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::new([
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ])
    .expect("twelve plain words")
});

/// The year for a date written without one: the publication year, or the
/// year before when that would put the date months after publication.
fn resolve(month: i8, day: i8, year: Option<i16>, published: Option<Date>) -> Option<Date> {
    let year = match (year, published) {
        (Some(y), _) => y,
        (None, Some(p)) => {
            let same = Date::new(p.year(), month, day).ok()?;
            if same > p && (same.month() - p.month()) > 1 {
                p.year() - 1
            } else {
                p.year()
            }
        }
        (None, None) => return None,
    };
    Date::new(year, month, day).ok()
}

pub(super) fn extract(
    prose: &str,
    sentence: Span,
    published: Option<Date>,
    last_date: Option<Date>,
    taken: &mut Vec<Span>,
    out: &mut Vec<Mention>,
) {
    let text = &prose[sentence.start..sentence.end];
    let at = |s: usize, e: usize| Span::new(sentence.start + s, sentence.start + e);
    // Only the weekday and relative patterns match without a digit; all
    // but ISO dates need a month name, which starts with its abbreviation.
    let with_digits = if_digits(text);
    let with_month = if MONTH_HINT.is_match(with_digits) {
        with_digits
    } else {
        ""
    };
    for (re, style) in [(&*MONTH_DAY, DateStyle::MonthDay), (&*DAY_MONTH, DateStyle::DayMonth)] {
        for caps in re.captures_iter(with_month) {
            let whole = caps.get(0).expect("group 0");
            if is_taken(taken, at(whole.start(), whole.end())) {
                continue;
            }
            let (Some(m), Some(d)) = (caps.name("m"), caps.name("d")) else {
                continue;
            };
            let Some(month) = month_number(m.as_str()) else {
                continue;
            };
            let day: i8 = d.as_str().parse().unwrap_or(0);
            let year: Option<i16> = caps.name("y").and_then(|y| y.as_str().parse().ok());
            // "May 5" is a date; "may 5" is not, and day 0 or 32 is no date at all.
            if !m.as_str().starts_with(char::is_uppercase) || !(1..=31).contains(&day) {
                continue;
            }
            let date_start = m.start().min(d.start());
            let date_end = caps.name("y").map_or(m.end().max(d.end()), |y| y.end());
            // "PARIS, Jan. 7 (AP) -": the dateline gives when the story was filed, not a claim.
            if DATELINE_HEAD.is_match(&text[..whole.start()]) && DATELINE_TAIL.is_match(&text[date_end..]) {
                taken.push(at(whole.start(), whole.end()));
                continue;
            }
            // Keep a trailing full stop of an abbreviated month out of the span
            // unless the day follows it ("Jan. 6").
            let date_span = at(date_start, date_end);
            let resolved = resolve(month, day, year, published);
            let wd = caps.name("wd").and_then(|w| weekday(w.as_str()).map(|d| (w, d)));
            taken.push(at(whole.start(), whole.end()));
            if let Some((w, wday)) = wd {
                out.push(Mention {
                    kind: Kind::Weekday,
                    span: at(w.start(), w.end()),
                    sentence,
                    value: Value::Weekday {
                        day: wday,
                        of_date: resolved,
                        resolved: Vec::new(),
                    },
                });
            }
            out.push(Mention {
                kind: Kind::Date,
                span: date_span,
                sentence,
                value: Value::Date {
                    month,
                    day,
                    year,
                    resolved,
                    style,
                },
            });
        }
    }
    let iso = ISO.captures_iter(if with_digits.contains('-') { with_digits } else { "" });
    let dotted = DOTTED.captures_iter(if with_digits.contains('.') { with_digits } else { "" });
    for (caps, style) in iso
        .map(|c| (c, DateStyle::Iso))
        .chain(dotted.map(|c| (c, DateStyle::Dotted)))
    {
        let whole = caps.get(0).expect("group 0");
        let span = at(whole.start(), whole.end());
        if is_taken(taken, span) {
            continue;
        }
        let num = |n: &str| caps.name(n).and_then(|m| m.as_str().parse::<i16>().ok());
        let (Some(y), Some(m), Some(d)) = (num("y"), num("m"), num("d")) else {
            continue;
        };
        // "1.5.2026" is a date; a version or a figure such as "3.10.2026" with a month past 12 is not.
        let Ok(date) = Date::new(y, m as i8, d as i8) else {
            continue;
        };
        taken.push(span);
        out.push(Mention {
            kind: Kind::Date,
            span,
            sentence,
            value: Value::Date {
                month: date.month(),
                day: date.day(),
                year: Some(y),
                resolved: Some(date),
                style,
            },
        });
    }
    for caps in MONTH_YEAR.captures_iter(with_month) {
        let whole = caps.get(0).expect("group 0");
        let span = at(whole.start(), whole.end());
        let m = caps.name("m").expect("month group");
        if is_taken(taken, span) || !m.as_str().starts_with(char::is_uppercase) {
            continue;
        }
        let (Some(month), Some(year)) = (
            month_number(m.as_str()),
            caps.name("y").and_then(|y| y.as_str().parse::<i64>().ok()),
        ) else {
            continue;
        };
        taken.push(span);
        out.push(Mention {
            kind: Kind::Year,
            span,
            sentence,
            value: Value::Year {
                year,
                month: Some(month),
            },
        });
    }
    // "Recorded on 7 January, a day after the summit": the date just written counts.
    let last_in_sentence = out
        .iter()
        .filter_map(|m| match m.value {
            Value::Date { resolved, .. } => resolved,
            _ => None,
        })
        .next_back();
    relative(text, sentence, published, last_in_sentence.or(last_date), taken, out);
    // Every weekday name ends in "day".
    let with_day = if text.contains("day") { text } else { "" };
    for caps in WEEKDAY.captures_iter(with_day) {
        let w = caps.name("wd").expect("weekday group");
        let span = at(w.start(), w.end());
        if is_taken(taken, span) {
            continue;
        }
        let Some(day) = weekday(w.as_str()) else {
            continue;
        };
        // "on Tuesday": the nearest Tuesday on or before publication;
        // "last Tuesday" may also mean the one a week before that.
        let last = text[..w.start()].trim_end().to_ascii_lowercase().ends_with("last");
        let resolved = published
            .and_then(|p| {
                (0..7)
                    .map(|back| p - jiff::Span::new().days(back))
                    .find(|d| d.weekday() == day)
            })
            .map(|d| {
                if last {
                    vec![d, d - jiff::Span::new().days(7)]
                } else {
                    vec![d]
                }
            })
            .unwrap_or_default();
        taken.push(span);
        out.push(Mention {
            kind: Kind::Weekday,
            span,
            sentence,
            value: Value::Weekday {
                day,
                of_date: None,
                resolved,
            },
        });
    }
}

/// Days written relative to publication, or to the last date written.
static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(
        r"(?i)\b(yesterday|today|tonight|the day before|a day earlier|the previous day|a week ago|a fortnight ago|two weeks ago|last week|earlier this week|this week|earlier this month|last month|last year)\b",
    )
});

/// A word every phrase of [`RELATIVE`] holds.
static RELATIVE_HINT: LazyLock<aho_corasick::AhoCorasick> =
    LazyLock::new(|| hint(&["day", "tonight", "week", "fortnight", "month", "year"]));

fn relative(
    text: &str,
    sentence: Span,
    published: Option<Date>,
    last_date: Option<Date>,
    taken: &mut Vec<Span>,
    out: &mut Vec<Mention>,
) {
    let days = |n: i64| jiff::Span::new().days(n);
    for m in RELATIVE.find_iter(if_holds(text, &RELATIVE_HINT)) {
        let span = Span::new(sentence.start + m.start(), sentence.start + m.end());
        if is_taken(taken, span) {
            continue;
        }
        let phrase = m.as_str().to_ascii_lowercase();
        // "The day before" counts back from the last date written, if any,
        // else from publication.
        let anchor = match phrase.as_str() {
            "the day before" | "a day earlier" | "the previous day" => last_date.or(published),
            _ => published,
        };
        let Some(p) = anchor else { continue };
        let value = match phrase.as_str() {
            "yesterday" | "the day before" | "a day earlier" | "the previous day" | "today" | "tonight"
            | "a week ago" | "a fortnight ago" | "two weeks ago" => {
                let back = match phrase.as_str() {
                    "today" | "tonight" => 0,
                    "a week ago" => 7,
                    "a fortnight ago" | "two weeks ago" => 14,
                    _ => 1,
                };
                let d = p - days(back);
                Value::Date {
                    month: d.month(),
                    day: d.day(),
                    year: Some(d.year()),
                    resolved: Some(d),
                    style: DateStyle::Relative,
                }
            }
            "last week" => {
                let monday = p - days(i64::from(p.weekday().to_monday_zero_offset()) + 7);
                Value::DateRange {
                    from: monday,
                    to: monday + days(6),
                }
            }
            "this week" => {
                let monday = p - days(i64::from(p.weekday().to_monday_zero_offset()));
                Value::DateRange {
                    from: monday,
                    to: monday + days(6),
                }
            }
            "earlier this week" => Value::DateRange {
                from: p - days(i64::from(p.weekday().to_monday_zero_offset())),
                to: p,
            },
            "earlier this month" => Value::DateRange {
                from: p.first_of_month(),
                to: p,
            },
            "last month" => {
                let first = p.first_of_month() - days(1);
                Value::DateRange {
                    from: first.first_of_month(),
                    to: first,
                }
            }
            _ => Value::Year {
                year: i64::from(p.year()) - 1,
                month: None,
            },
        };
        taken.push(span);
        out.push(Mention {
            kind: if matches!(value, Value::Year { .. }) {
                Kind::Year
            } else {
                Kind::Date
            },
            span,
            sentence,
            value,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Vec<(Kind, String, Value)> {
        let mut out = Vec::new();
        let mut taken = Vec::new();
        extract(
            text,
            Span::new(0, text.len()),
            Some(jiff::civil::date(2026, 1, 7)),
            None,
            &mut taken,
            &mut out,
        );
        out.into_iter()
            .map(|m| (m.kind, text[m.span.start..m.span.end].to_string(), m.value))
            .collect()
    }

    #[test]
    fn newsroom_date_forms() {
        let jan6 = Some(jiff::civil::date(2026, 1, 6));
        for (text, span) in [
            ("held on January 6 in Paris", "January 6"),
            ("held on 6 January 2026.", "6 January 2026"),
            ("held on Jan. 6, 2026.", "Jan. 6, 2026"),
            ("held on Tuesday (January 6).", "January 6"),
            ("held on Tuesday, 6 January.", "6 January"),
            ("held on the 6th of January.", "6th of January"),
            ("held on 2026-01-06.", "2026-01-06"),
        ] {
            let got = run(text);
            let date = got
                .iter()
                .find(|(k, _, _)| *k == Kind::Date)
                .unwrap_or_else(|| panic!("{text}"));
            assert_eq!(date.1, span, "{text}");
            match &date.2 {
                Value::Date { resolved, .. } => assert_eq!(*resolved, jan6, "{text}"),
                other => panic!("{other:?}"),
            }
        }
        let got = run("on Tuesday (January 6)");
        assert_eq!(got[0].0, Kind::Weekday);
        assert_eq!(got[0].1, "Tuesday");
    }

    #[test]
    fn a_dateline_is_not_a_claim() {
        assert!(run("PARIS, Jan. 7 (Reuters) - Leaders met.").is_empty());
        assert!(run("KYIV, Ukraine, January 7 \u{2014} Leaders met.").is_empty());
        assert_eq!(run("In Paris, January 6 - a day to remember").len(), 1);
    }

    #[test]
    fn month_year_and_lone_weekday() {
        let got = run("in February 2022, and again on Monday");
        assert_eq!(got[0].1, "February 2022");
        assert_eq!(got[0].0, Kind::Year);
        assert_eq!(got[1].1, "Monday");
    }

    #[test]
    fn a_date_without_year_before_publication_stays_in_that_year() {
        assert_eq!(
            resolve(12, 30, None, Some(jiff::civil::date(2026, 1, 7))),
            Some(jiff::civil::date(2025, 12, 30))
        );
        assert_eq!(
            resolve(1, 6, None, Some(jiff::civil::date(2026, 1, 7))),
            Some(jiff::civil::date(2026, 1, 6))
        );
    }
}
