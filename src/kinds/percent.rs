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
        let (ok, rule, said) = number::judge(cx, m, amount, *n, fact.tolerance, self.describe(fact), |v| {
            format!("{}%", fmt_num(v))
        });
        Comparison {
            ok,
            expected: num(*n),
            shown: Shown::Value(said),
            suggestion: number::rewrite(cx, m, amount, *n),
            rule: rule.unwrap_or(Rule::PercentDiffers),
        }
    }

    fn describe(&self, fact: &Fact) -> String {
        match fact.value {
            FactValue::Percent(p) => format!("{}%", fmt_num(p)),
            _ => fact.value.to_string(),
        }
    }
}
