//! Dates: "6 January 2026", "January 7", "yesterday", and stretches of days
//! ("last week"). A date without a year takes the publication's; a
//! correction keeps the article's style.

use serde_json::json;

use crate::extract::{DateStyle, Kind, Mention, Value};
use crate::facts::{Fact, FactValue};
use crate::finding::Shown;
use crate::rules::Rule;

use super::words::write_date;
use super::{Comparison, Cx, ValueKind};

pub struct Date;

impl ValueKind for Date {
    fn kind(&self) -> Kind {
        Kind::Date
    }

    fn fits(&self, m: &Mention, fact: &Fact) -> bool {
        matches!(
            (&m.value, &fact.value),
            (Value::Date { .. } | Value::DateRange { .. }, FactValue::Date(_))
        )
    }

    fn compare(&self, _cx: Cx<'_>, m: &Mention, fact: &Fact) -> Comparison {
        let FactValue::Date(d) = &fact.value else {
            unreachable!("compared only when it fits")
        };
        let (ok, suggestion) = match &m.value {
            Value::Date {
                month,
                day,
                resolved,
                style,
                year,
            } => {
                let ok = match resolved {
                    Some(r) => r == d,
                    None => *month == d.month() && *day == d.day(),
                };
                (ok, write_date(*d, *style, year.is_some()))
            }
            Value::DateRange { from, to } => (from <= d && d <= to, write_date(*d, DateStyle::DayMonth, true)),
            _ => unreachable!("compared only when it fits"),
        };
        Comparison {
            ok,
            expected: json!(d.to_string()),
            shown: Shown::Value(self.describe(fact)),
            suggestion: Some(suggestion),
            rule: Rule::DateDiffers,
        }
    }

    fn describe(&self, fact: &Fact) -> String {
        fact.value.to_string()
    }
}
