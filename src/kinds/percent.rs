//! Percentages: "about 20%", "a fifth of", "52.3 per cent".

use crate::extract::{Kind, Mention, Value};
use crate::facts::{Fact, FactValue};
use crate::finding::Shown;
use crate::rules::Rule;

use super::words::{fmt_num, num};
use super::{Comparison, Cx, ValueKind, number};

pub struct Percent;

impl ValueKind for Percent {
    fn kind(&self) -> Kind {
        Kind::Percent
    }

    fn fits(&self, m: &Mention, fact: &Fact) -> bool {
        matches!((&m.value, &fact.value), (Value::Percent { .. }, FactValue::Percent(_)))
    }

    fn compare(&self, cx: Cx<'_>, m: &Mention, fact: &Fact) -> Comparison {
        let (Value::Percent { amount }, FactValue::Percent(n)) = (&m.value, &fact.value) else {
            unreachable!("compared only when it fits")
        };
        Comparison {
            ok: number::fits_range(amount, *n, fact.tolerance),
            expected: num(*n),
            shown: Shown::Value(self.describe(fact)),
            suggestion: number::rewrite(cx, m, amount, *n),
            rule: Rule::PercentDiffers,
        }
    }

    fn describe(&self, fact: &Fact) -> String {
        match fact.value {
            FactValue::Percent(p) => format!("{}%", fmt_num(p)),
            _ => fact.value.to_string(),
        }
    }
}
