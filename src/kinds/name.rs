//! Names: a near miss of a known person's spelling that is not one of its
//! aliases ("Kier Starmer"). Found by `crate::extract::people`.

use serde_json::json;

use crate::extract::{Kind, Mention};
use crate::finding::{Because, Finding, Reason, Verdict};
use crate::rules::Rule;
use crate::verdict::Judge;

impl Judge<'_> {
    pub(crate) fn name(&self, m: &Mention, entity: usize, found: &str, expected: &str) -> Finding {
        let e = &self.base.entities[entity];
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
                name: e.name.clone(),
            },
            suggestion: Some(expected.to_owned()),
            because: Some(Because::NearMiss),
            entity: Some(e.id.clone()),
        }
    }
}
