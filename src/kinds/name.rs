//! Names: a near miss of a known person's spelling that is not one of its
//! aliases ("Kier Starmer"). Found by `crate::extract::people`.

use serde_json::json;

use crate::extract::{Kind, Mention};
use crate::finding::{Because, Finding, Reason, Verdict};
use crate::rules::Rule;
use crate::verdict::Judge;

impl Judge<'_> {
    /// `others`: people whose name the right spelling is too; the message
    /// names them all.
    pub(crate) fn name(&self, m: &Mention, entity: usize, found: &str, expected: &str, others: &[usize]) -> Finding {
        let e = &self.base.entities[entity];
        let mut names: Vec<&str> = std::iter::once(entity)
            .chain(others.iter().copied())
            .map(|i| self.base.entities[i].name.as_str())
            .collect();
        names.dedup();
        let name = match names.as_slice() {
            [init @ .., last] if !init.is_empty() => format!("{} or {last}", init.join(", ")),
            _ => e.name.clone(),
        };
        Finding {
            verdict: Verdict::Discrepancy,
            kind: Kind::Name,
            span: m.span,
            sentence: m.sentence,
            found: json!(found),
            expected: Some(json!(expected)),
            range: None,
            fact: None,
            source: None,
            rule: Some(Rule::NameMisspelt),
            reason: Reason::Misspelt {
                found: found.to_owned(),
                expected: expected.to_owned(),
                name,
            },
            suggestion: Some(expected.to_owned()),
            because: Some(Because::NearMiss),
            // The first entity of the spelling: the claim is about the
            // spelling, which is the same for all of them.
            entity: Some(e.id.clone()),
        }
    }
}
