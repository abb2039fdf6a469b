//! Entities and lists of them: the place or actor an `entity` fact names
//! ("a summit in Paris", "the U.S. will lead"), and the members of an
//! `entities` fact ("Macron, Zelenskyy and Starmer signed"): extra members,
//! and with `complete = true` missing ones. Lists are found and tied to their
//! facts by `crate::link::sets`.

use serde_json::json;

use crate::extract::{Extraction, Kind};
use crate::facts::FactValue;
use crate::finding::{Because, Finding, ListPart, Reason, Shown, Verdict};
use crate::link::{SetClaim, set_kind};
use crate::rules::Rule;
use crate::span::{Span, one_line};
use crate::verdict::Judge;

use super::words::join_names;

impl Judge<'_> {
    pub(crate) fn set(&self, set: &SetClaim, ex: &Extraction) -> Finding {
        // Two occasions of one name fit equally: what the sentence says (or the
        // publication date) may decide which is meant.
        let mut decided;
        let set = match set.rival {
            Some(rival) if self.base.facts[rival].event != self.base.facts[set.link.fact].event => {
                let cues =
                    crate::occasion::Cues::of(self.base, ex, &self.article.prose, set.sentence, self.article.published)
                        .near(set.span);
                match crate::occasion::decide(self.base, &[set.link.fact, rival], &cues) {
                    Some(event) => {
                        decided = set.clone();
                        decided.rival = None;
                        if self.base.facts[rival].event.as_deref() == Some(event) {
                            decided.link.fact = rival;
                        }
                        &decided
                    }
                    None => set,
                }
            }
            _ => set,
        };
        let fact = &self.base.facts[set.link.fact];
        let kind = set_kind(self.base, set);
        let ids: Vec<&str> = set.members.iter().map(|&e| self.base.entities[e].id.as_str()).collect();
        let found = match ids.as_slice() {
            [one] if kind == Kind::Entity => json!(one),
            [] if kind == Kind::Entity => json!(null),
            _ => json!(ids),
        };
        let because = Because::Phrase {
            phrase: set.link.phrase.clone(),
            unit: None,
        };
        let mut claim = Finding {
            verdict: Verdict::Match,
            kind,
            span: set.span,
            sentence: set.sentence,
            found,
            expected: None,
            range: None,
            fact: Some(fact.id.clone()),
            source: self.source(fact),
            rule: None,
            reason: Reason::NoFact,
            suggestion: None,
            because: Some(because.clone()),
            entity: None,
        };
        // Another day only keeps a place from being held against the fact: the
        // right place on a wrong day still agrees (the day is the date's error).
        let within = |a: &str, b: &str| self.base.lies_within(a, b);
        let agrees = matches!(&fact.value, FactValue::Entity(e)
            if ids == [e.as_str()] || ids.len() == 1 && (within(ids[0], e) || within(e, ids[0])));
        let reason = self
            .linker
            .dated_elsewhere(set.sentence, set.link.fact)
            .or_else(|| self.linker.on_another_day(set).filter(|_| !agrees));
        if let Some(weak) = reason {
            claim.verdict = Verdict::Unverifiable;
            claim.fact = None;
            claim.source = None;
            claim.rule = Some(weak.rule());
            claim.reason = Reason::ListNotJudged {
                fact: fact.id.clone(),
                weak,
            };
            return claim;
        }
        if let Some(rival) = set.rival {
            claim.verdict = Verdict::Unverifiable;
            claim.fact = None;
            claim.source = None;
            claim.rule = Some(Rule::Ambiguous);
            claim.reason = Reason::ListAmbiguous {
                fact: fact.id.clone(),
                rival: self.base.facts[rival].id.clone(),
            };
            return claim;
        }
        let expected: Vec<&str> = match &fact.value {
            FactValue::Entity(e) => vec![e.as_str()],
            FactValue::Entities(list) => list.iter().map(String::as_str).collect(),
            _ => Vec::new(),
        };
        if set.denied {
            return self.denial(claim, set, &ids, &expected);
        }
        claim.expected = Some(if kind == Kind::Entity {
            json!(expected[0])
        } else {
            json!(expected)
        });
        // "left Ahmedabad" of a flight from the city's airport, "crashed into a
        // hostel of BJ Medical College" of a crash in Ahmedabad: a place that
        // lies in the fact's place, or one the fact's place lies in.
        if let ([claimed], [right]) = (ids.as_slice(), expected.as_slice())
            && kind == Kind::Entity
            && claimed != right
        {
            let (inner, outer) = if within(claimed, right) {
                (claimed, right)
            } else {
                (right, claimed)
            };
            if within(inner, outer) {
                claim.reason = Reason::PlaceWithin {
                    fact: fact.id.clone(),
                    inner: self.base.entity_name(inner).to_owned(),
                    outer: self.base.entity_name(outer).to_owned(),
                };
                return claim;
            }
        }
        let names = |list: &[&str]| join_names(&list.iter().map(|id| self.base.entity_name(id)).collect::<Vec<_>>());
        let extra: Vec<&str> = ids.iter().copied().filter(|id| !expected.contains(id)).collect();
        // A name several entities share (U016) is none of them for certain: it
        // never makes the list differ, and a member it may be is not missing.
        let maybe = |id: &str| {
            set.shared
                .iter()
                .any(|(_, c)| c.iter().any(|&e| self.base.entities[e].id == id))
        };
        let missing: Vec<&str> = expected
            .iter()
            .copied()
            .filter(|id| !ids.contains(id) && !maybe(id))
            .collect();
        let unsure = set.shared.iter().find(|(_, c)| {
            c.iter()
                .any(|&e| !expected.contains(&self.base.entities[e].id.as_str()))
        });
        // A titled person the fact base does not know is no member of a complete list.
        let strangers: &[String] = if fact.complete && kind == Kind::Entities {
            &set.strangers
        } else {
            &[]
        };
        // Naming one member of a complete set is true; listing several but not
        // all is an omission (a shared name never makes it one: it is not
        // known to be a second member).
        let omission = fact.complete && ids.len() + strangers.len() >= 2 && !missing.is_empty() && !set.open;
        // Right but for a shared name that may be someone the fact does not
        // hold: whichever is meant decides, and nothing says (U016).
        if extra.is_empty()
            && strangers.is_empty()
            && !omission
            && let Some((name, candidates)) = unsure
        {
            claim.verdict = Verdict::Unverifiable;
            claim.fact = None;
            claim.source = None;
            claim.expected = None;
            claim.rule = Some(Rule::AmbiguousName);
            claim.reason = self.ambiguous_reason(name, candidates);
            return claim;
        }
        if extra.is_empty() && strangers.is_empty() && !omission {
            claim.reason = Reason::ListAgrees {
                fact: fact.id.clone(),
                names: names(&expected),
            };
            return claim;
        }
        let mut parts = Vec::new();
        if !missing.is_empty() && (omission || kind == Kind::Entity) {
            parts.push(ListPart::Missing(names(&missing)));
        }
        if !extra.is_empty() || !strangers.is_empty() {
            let mut all: Vec<String> = extra.iter().map(|id| self.base.entity_name(id).to_owned()).collect();
            all.extend(strangers.iter().map(|s| one_line(s)));
            let all: Vec<&str> = all.iter().map(String::as_str).collect();
            parts.push(ListPart::Extra(join_names(&all)));
        }
        // A list whose part in the phrase is unsure confirms, never contradicts.
        if let Some(weak) = &set.weak {
            claim.verdict = Verdict::Unverifiable;
            claim.fact = None;
            claim.source = None;
            claim.expected = None;
            claim.rule = Some(weak.rule());
            claim.reason = Reason::ListNotJudged {
                fact: fact.id.clone(),
                weak: weak.clone(),
            };
            return claim;
        }
        claim.verdict = Verdict::Discrepancy;
        if kind == Kind::Entity {
            let right = self.base.entity_name(expected[0]);
            claim.rule = Some(Rule::EntityDiffers);
            claim.reason = Reason::Differs {
                fact: fact.id.clone(),
                shown: Shown::Value(right.to_owned()),
                because,
            };
            claim.suggestion = Some(self.name_in_place(set.span, set.sentence, right));
            return claim;
        }
        claim.rule = Some(Rule::ListDiffers);
        claim.reason = Reason::ListDiffers {
            fact: fact.id.clone(),
            expected: names(&expected),
            because,
            parts,
        };
        let titled = self.text(set.span).split_whitespace().count() > set.members.len() * 2;
        if !titled {
            claim.suggestion = Some(names(&expected));
        }
        claim
    }

    /// "Starmer did not sign the declaration": the claim turned round. A
    /// member the fact holds makes the denial false (D203); when the fact
    /// holds none of them and is the whole list (`complete`, or one place or
    /// actor), the denial agrees; otherwise nothing says they did not (L002).
    /// A list whose part is unsure (passive, not asserted) or that holds a
    /// shared name is not judged.
    fn denial(&self, mut claim: Finding, set: &SetClaim, ids: &[&str], expected: &[&str]) -> Finding {
        let fact = &self.base.facts[set.link.fact];
        let names = |list: &[&str]| join_names(&list.iter().map(|id| self.base.entity_name(id)).collect::<Vec<_>>());
        let held: Vec<&str> = ids.iter().copied().filter(|id| expected.contains(id)).collect();
        let whole = fact.complete || matches!(fact.value, FactValue::Entity(_));
        let unjudged = |mut claim: Finding, weak: crate::finding::Weak| {
            claim.verdict = Verdict::Unverifiable;
            claim.fact = None;
            claim.source = None;
            claim.rule = Some(weak.rule());
            claim.reason = Reason::ListNotJudged {
                fact: fact.id.clone(),
                weak,
            };
            claim
        };
        if let Some(weak) = &set.weak {
            return unjudged(claim, weak.clone());
        }
        if ids.is_empty() || !set.shared.is_empty() || !set.strangers.is_empty() {
            return unjudged(claim, crate::finding::Weak::Denied);
        }
        claim.expected = Some(if claim.kind == Kind::Entity {
            json!(expected[0])
        } else {
            json!(expected)
        });
        if !held.is_empty() {
            claim.verdict = Verdict::Discrepancy;
            claim.rule = Some(Rule::FalseDenial);
            claim.reason = Reason::DenialFalse {
                fact: fact.id.clone(),
                held: names(&held),
                because: claim.because.clone().expect("a list's link has a phrase"),
            };
            return claim;
        }
        if whole {
            claim.reason = Reason::DenialAgrees {
                fact: fact.id.clone(),
                names: names(expected),
            };
            return claim;
        }
        claim.expected = None;
        unjudged(claim, crate::finding::Weak::Denied)
    }

    /// An entity's name to put at `span`: "the United States" mid-sentence,
    /// "The United States" at its start, plain "Paris".
    pub(crate) fn name_in_place(&self, span: Span, sentence: Span, name: &str) -> String {
        let needs_the = name.starts_with("United ") || name.starts_with("European ") || name == "Netherlands";
        let before = self.article.text[sentence.start.min(span.start)..span.start].trim_end();
        if !needs_the || before.to_lowercase().ends_with(" the") || before.eq_ignore_ascii_case("the") {
            name.to_owned()
        } else if before.is_empty() {
            format!("The {name}")
        } else {
            format!("the {name}")
        }
    }
}
