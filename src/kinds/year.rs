//! Years: "in 2014", "February 2022". Compared with a year fact, or with a
//! date fact's year (and month, when written).

use serde_json::json;

use crate::extract::{Kind, Mention, Value};
use crate::facts::{Fact, FactValue};
use crate::finding::Shown;
use crate::lexicon::MONTH_NAMES;
use crate::rules::Rule;

use super::{Comparison, Cx, ValueKind};

pub struct Year;

impl ValueKind for Year {
    fn kind(&self) -> Kind {
        Kind::Year
    }

    fn fits(&self, m: &Mention, fact: &Fact) -> bool {
        matches!(
            (&m.value, &fact.value),
            (Value::Year { .. }, FactValue::Year(_)) | (Value::Year { month: Some(_), .. }, FactValue::Date(_))
        )
    }

    fn compare(&self, _cx: Cx<'_>, m: &Mention, fact: &Fact) -> Comparison {
        let Value::Year { year, month } = &m.value else {
            unreachable!("compared only when it fits")
        };
        let (ok, expected, suggestion) = match &fact.value {
            FactValue::Year(y) => {
                let suggestion = match month {
                    Some(mo) => format!("{} {y}", MONTH_NAMES[(*mo - 1) as usize]),
                    None => y.to_string(),
                };
                (year == y, json!(y), suggestion)
            }
            FactValue::Date(d) => {
                let ok = *year == i64::from(d.year()) && month.is_none_or(|mo| mo == d.month());
                let suggestion = format!("{} {}", MONTH_NAMES[(d.month() - 1) as usize], d.year());
                (ok, json!(d.year()), suggestion)
            }
            _ => unreachable!("compared only when it fits"),
        };
        Comparison {
            ok,
            shown: Shown::Value(expected.to_string()),
            expected,
            suggestion: Some(suggestion),
            rule: Rule::YearDiffers,
        }
    }

    fn describe(&self, fact: &Fact) -> String {
        match fact.value {
            FactValue::Date(d) => d.year().to_string(),
            _ => fact.value.to_string(),
        }
    }
}
