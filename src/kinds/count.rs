//! Counts: "35 countries", "thirty-five nations", "more than 30 delegations",
//! ages ("Prevost, 69,", "aged 69") and spans of years ("12 years as pope").
//! A count is compared with a `count` fact of its unit; approximations are
//! ranges (see [`crate::extract::Amount`]).
//!
//! An age and a span of years are both counted in years, but they are not
//! the same fact: an age (unit `age`) is compared only with a count fact that
//! lists an age unit ("years old", "age"), and a count of years only with
//! one that does not (rule U010 when neither exists). Neither is ever a year.

use crate::extract::{AGE, Kind, Mention, Value, is_age_unit};
use crate::facts::{Fact, FactValue};
use crate::finding::Shown;

use super::words::num;
use super::{Comparison, Cx, ValueKind, number};

pub struct Count;

/// Whether the fact is a count of years of age: one of its units is an age
/// unit ("years old", "age"; `numbers.age_units`).
pub fn is_age(fact: &Fact) -> bool {
    matches!(fact.value, FactValue::Count(_)) && fact.unit.iter().any(|u| is_age_unit(u))
}

impl ValueKind for Count {
    fn kind(&self) -> Kind {
        Kind::Count
    }

    fn fits(&self, m: &Mention, fact: &Fact) -> bool {
        let (Value::Count { unit, of, .. }, FactValue::Count(_)) = (&m.value, &fact.value) else {
            return false;
        };
        if unit == AGE {
            // The age of one person is not another's ("Prevost, 69," is not
            // Francis's age at his death).
            let same_person = match (of, &fact.subject) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            };
            return is_age(fact) && same_person;
        }
        // "12 years as pope" is not an age, even where an age fact lists "years".
        let of_time = crate::lexicon::lang().numbers.time_units.contains(unit.to_lowercase());
        fact.unit.iter().any(|u| u.eq_ignore_ascii_case(unit)) && !(of_time && is_age(fact))
    }

    fn compare(&self, cx: Cx<'_>, m: &Mention, fact: &Fact) -> Comparison {
        let (Value::Count { amount, .. }, FactValue::Count(n)) = (&m.value, &fact.value) else {
            unreachable!("compared only when it fits")
        };
        let n = *n as f64;
        let (ok, rule, shown) = number::judge(cx, m, amount, n, fact.tolerance, self.describe(fact), |v| {
            self.describe_value(fact, v)
        });
        Comparison {
            ok,
            expected: num(n),
            shown: Shown::Value(shown),
            suggestion: number::rewrite(cx, m, amount, n),
            rule: rule.unwrap_or(crate::rules::Rule::CountDiffers),
        }
    }

    fn describe(&self, fact: &Fact) -> String {
        let FactValue::Count(n) = fact.value else {
            return fact.value.to_string();
        };
        self.describe_value(fact, n as f64)
    }
}

impl Count {
    /// A value in the fact's unit: "35 countries", "69 years old".
    fn describe_value(&self, fact: &Fact, v: f64) -> String {
        let n = super::words::fmt_num(v);
        if is_age(fact) {
            return format!("{n} years old");
        }
        match fact.unit.first() {
            Some(u) => format!("{n} {u}"),
            None => n,
        }
    }
}
