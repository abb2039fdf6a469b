//! Sums of money: "€90 billion", "ninety billion euros", "$40 million". A sum
//! in another currency than the fact's is a discrepancy of its own (the figure
//! may be right, the currency is not).

use crate::extract::{Kind, Mention, Value};
use crate::facts::{Fact, FactValue};
use crate::finding::Shown;
use crate::rules::Rule;

use super::words::{money, num};
use super::{Comparison, Cx, ValueKind, number};

pub struct Amount;

impl ValueKind for Amount {
    fn kind(&self) -> Kind {
        Kind::Amount
    }

    fn fits(&self, m: &Mention, fact: &Fact) -> bool {
        // Another currency is still the same sum, misreported ("$90 billion" for €90 billion).
        matches!((&m.value, &fact.value), (Value::Money { .. }, FactValue::Amount(_)))
    }

    fn compare(&self, cx: Cx<'_>, m: &Mention, fact: &Fact) -> Comparison {
        let (Value::Money { amount, currency }, FactValue::Amount(n)) = (&m.value, &fact.value) else {
            unreachable!("compared only when it fits")
        };
        let shown = Shown::Value(self.describe(fact));
        if fact.currency.as_deref() != Some(currency) {
            return Comparison {
                ok: false,
                expected: num(*n),
                shown,
                suggestion: Some(money(*n, fact.currency.as_deref().unwrap_or(""))),
                rule: Rule::CurrencyDiffers,
            };
        }
        let Shown::Value(said) = shown else {
            unreachable!("a value")
        };
        let code = fact.currency.as_deref().unwrap_or("");
        let (ok, rule, said) = number::judge(cx, m, amount, *n, fact.tolerance, said, |v| money(v, code));
        Comparison {
            ok,
            expected: num(*n),
            shown: Shown::Value(said),
            suggestion: number::rewrite(cx, m, amount, *n),
            rule: rule.unwrap_or(Rule::AmountDiffers),
        }
    }

    fn describe(&self, fact: &Fact) -> String {
        match fact.value {
            FactValue::Amount(a) => money(a, fact.currency.as_deref().unwrap_or("")),
            _ => fact.value.to_string(),
        }
    }
}
