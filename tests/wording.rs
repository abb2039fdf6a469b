//! Two families of the outside text (issue 13): an `about` phrase written
//! in another verb form ("had taken part" for "took part"), and a denial
//! ("Starmer did not sign the declaration"), a claim turned round (D203).
//! Each both ways: the fact changed is a discrepancy at exactly its span,
//! the fact reworded is none.

use serde_json::Value;

use crate::common::{check_text, claims};

/// (verdict, rule, text) of every claim of `kind` in `text`.
fn of_kind(text: &str, kind: &str) -> Vec<(String, String, String)> {
    let (_, report) = check_text(text);
    let s = |v: &Value| v.as_str().unwrap_or("-").to_owned();
    claims(&report)
        .iter()
        .filter(|c| c["kind"] == kind)
        .map(|c| (s(&c["verdict"]), s(&c["rule"]), s(&c["text"])))
        .collect()
}

fn one(verdict: &str, rule: &str, text: &str) -> Vec<(String, String, String)> {
    vec![(verdict.to_owned(), rule.to_owned(), text.to_owned())]
}

#[test]
fn a_phrase_matches_in_its_other_verb_forms() {
    // "took part" in the fact base; "had taken part", "are taking part" in the article.
    for (text, claim) in [
        (
            "Representatives of 35 countries had taken part in the summit.",
            "35 countries",
        ),
        (
            "Thirty-five countries are taking part in the summit in Paris.",
            "Thirty-five countries",
        ),
    ] {
        assert_eq!(of_kind(text, "count"), one("match", "-", claim), "{text}");
    }
    // The same shapes with the fact changed: a discrepancy, where the verbatim
    // phrase alone left them unlinked before.
    assert_eq!(
        of_kind("Representatives of 36 countries had taken part in the summit.", "count"),
        one("discrepancy", "D105", "36 countries")
    );
    assert_eq!(
        of_kind("Thirty-six countries are taking part in the summit in Paris.", "count"),
        one("discrepancy", "D105", "Thirty-six countries")
    );
}

#[test]
fn a_lone_generic_verb_and_a_third_person_take_no_other_form() {
    // "holds" is not "was held on": nothing links, so nothing is held
    // against the summit's date; written as the fact base has it, it links.
    assert_eq!(
        of_kind("If the truce holds on Thursday, markets will rise.", "weekday"),
        one("unverifiable", "U002", "Thursday")
    );
    assert_eq!(
        of_kind("The ceremony was held on Thursday.", "weekday"),
        one("discrepancy", "D102", "Thursday")
    );
}

#[test]
fn a_false_denial_is_a_discrepancy_and_a_true_one_a_match() {
    assert_eq!(
        of_kind("Keir Starmer did not sign the declaration of intent.", "entities"),
        one("discrepancy", "D203", "Keir Starmer")
    );
    assert_eq!(
        of_kind("Macron and Merz never signed the declaration of intent.", "entities"),
        one("discrepancy", "D203", "Macron and Merz")
    );
    assert_eq!(
        of_kind("Starmer didn't sign the declaration of intent.", "entities"),
        one("discrepancy", "D203", "Starmer")
    );
    // The complete list holds neither: the denial is true.
    assert_eq!(
        of_kind("Friedrich Merz did not sign the declaration of intent.", "entities"),
        one("match", "-", "Friedrich Merz")
    );
    assert_eq!(
        of_kind(
            "Merz and Meloni did not even sign the declaration of intent.",
            "entities"
        ),
        one("match", "-", "Merz and Meloni")
    );
}

#[test]
fn a_negation_that_denies_less_is_not_judged() {
    for text in [
        "Merz has not yet signed the declaration of intent.",
        "Starmer not only signed the declaration of intent but spoke first.",
        "Merz would not sign the declaration of intent, officials said.",
        "Starmer did not attend but signed the declaration of intent.",
    ] {
        let claims = of_kind(text, "entities");
        assert!(claims.iter().all(|(v, _, _)| v != "discrepancy"), "{text}: {claims:?}");
    }
}
