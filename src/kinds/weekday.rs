//! Weekdays: "on Tuesday", "last Tuesday". Compared with a date fact's
//! weekday, and with the week it names read against publication ("on
//! Tuesday" in a piece published a week later is the wrong Tuesday).

use serde_json::json;

use crate::extract::{DateStyle, Kind, Mention, Value};
use crate::facts::{Fact, FactValue};
use crate::finding::Shown;
use crate::lexicon::weekday_name;
use crate::rules::Rule;

use super::words::write_date;
use super::{Comparison, Cx, ValueKind};

pub struct Weekday;

impl ValueKind for Weekday {
    fn kind(&self) -> Kind {
        Kind::Weekday
    }

    fn fits(&self, m: &Mention, fact: &Fact) -> bool {
        matches!((&m.value, &fact.value), (Value::Weekday { .. }, FactValue::Date(_)))
    }

    fn compare(&self, cx: Cx<'_>, m: &Mention, fact: &Fact) -> Comparison {
        let (Value::Weekday { day, resolved, .. }, FactValue::Date(d)) = (&m.value, &fact.value) else {
            unreachable!("compared only when it fits")
        };
        // Right day of the week, but read against publication it is another week.
        let this_week = resolved.is_empty() || resolved.contains(d);
        let right_day = *day == d.weekday();
        let ok = right_day && this_week;
        let suggestion = if right_day {
            write_date(*d, DateStyle::DayMonth, true)
        } else {
            weekday_name(d.weekday()).to_owned()
        };
        let shown = match resolved.first() {
            Some(r) if !ok && right_day => Shown::OtherWeek {
                date: d.to_string(),
                published: cx.published.map(|p| p.to_string()).unwrap_or_default(),
                weekday: weekday_name(*day).to_owned(),
                resolved: r.to_string(),
            },
            _ => Shown::Value(self.describe(fact)),
        };
        Comparison {
            ok,
            expected: json!(weekday_name(d.weekday())),
            shown,
            suggestion: Some(suggestion),
            rule: Rule::WeekdayDiffers,
        }
    }

    fn describe(&self, fact: &Fact) -> String {
        match fact.value {
            FactValue::Date(d) => format!("{} ({d})", weekday_name(d.weekday())),
            _ => fact.value.to_string(),
        }
    }
}
