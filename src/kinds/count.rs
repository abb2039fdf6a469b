//! Counts: "35 countries", "thirty-five nations", "more than 30 delegations".
//! A count is compared with a `count` fact of its unit; approximations are
//! ranges.

use crate::extract::{Kind, Mention, Value};
use crate::facts::{Fact, FactValue};
use crate::finding::Shown;
use crate::rules::Rule;

use super::words::num;
use super::{Comparison, Cx, ValueKind, number};

pub struct Count;

impl ValueKind for Count {
    fn kind(&self) -> Kind {
        Kind::Count
    }

    fn fits(&self, m: &Mention, fact: &Fact) -> bool {
        matches!((&m.value, &fact.value), (Value::Count { unit, .. }, FactValue::Count(_))
            if fact.unit.iter().any(|u| u.eq_ignore_ascii_case(unit)))
    }

    fn compare(&self, cx: Cx<'_>, m: &Mention, fact: &Fact) -> Comparison {
        let (Value::Count { amount, .. }, FactValue::Count(n)) = (&m.value, &fact.value) else {
            unreachable!("compared only when it fits")
        };
        let n = *n as f64;
        Comparison {
            ok: number::fits_range(amount, n, fact.tolerance),
            expected: num(n),
            shown: Shown::Value(self.describe(fact)),
            suggestion: number::rewrite(cx, m, amount, n),
            rule: Rule::CountDiffers,
        }
    }

    fn describe(&self, fact: &Fact) -> String {
        let FactValue::Count(n) = fact.value else {
            return fact.value.to_string();
        };
        match fact.unit.first() {
            Some(u) => format!("{n} {u}"),
            None => n.to_string(),
        }
    }
}
