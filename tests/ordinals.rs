//! The ordinal kind, added end to end as the proof that a claim kind is one
//! unit (`src/kinds/ordinal.rs`): "the fifth meeting", "for the first time",
//! "the 267th pope", "the third-largest economy".

use serde_json::Value;

use crate::common::{claims, factcheck, write};

const FACTS: &str = r#"
[sources.s]
title = "Record"

[[fact]]
id = "coalition.meeting"
about = ["met", "meeting", "gathering"]
ordinal = 5
unit = ["meeting", "gathering"]
source = "s"

[[fact]]
id = "economy.rank"
about = ["economy"]
ordinal = 3
unit = ["largest economy"]
source = "s"
"#;

fn check(text: &str) -> Vec<Value> {
    let dir = tempfile::tempdir().unwrap();
    let facts = write(dir.path(), "facts.toml", FACTS);
    let out = factcheck()
        .args([
            "check",
            "-",
            "--format",
            "json",
            "--published",
            "2026-01-07",
            "--isolated",
            "-f",
        ])
        .arg(&facts)
        .write_stdin(text.to_owned())
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    claims(&report).clone()
}

fn one(claims: &[Value]) -> &Value {
    let ordinals: Vec<&Value> = claims.iter().filter(|c| c["kind"] == "ordinal").collect();
    assert_eq!(ordinals.len(), 1, "{claims:#?}");
    ordinals[0]
}

#[test]
fn a_wrong_rank_is_a_discrepancy_at_exactly_its_span_with_a_correction_in_the_same_style() {
    let c = check("The coalition met for its sixth meeting in Paris.");
    let o = one(&c);
    assert_eq!(
        (o["verdict"].as_str(), o["rule"].as_str(), o["text"].as_str()),
        (Some("discrepancy"), Some("D110"), Some("sixth meeting"))
    );
    assert_eq!((o["found"].as_u64(), o["expected"].as_u64()), (Some(6), Some(5)));
    assert_eq!(o["suggestion"], "fifth meeting", "words stay words");

    let c = check("The coalition met for its 6th meeting.");
    assert_eq!(one(&c)["suggestion"], "5th meeting", "digits stay digits");

    // Full-width digits are read as digits; the span and the correction take the whole run.
    let c = check("The coalition met for its \u{FF16}th meeting.");
    let o = one(&c);
    assert_eq!(
        (o["verdict"].as_str(), o["text"].as_str(), o["suggestion"].as_str()),
        (Some("discrepancy"), Some("\u{FF16}th meeting"), Some("5th meeting"))
    );
    assert_eq!(
        one(&check("The coalition met for its \u{FF15}th meeting."))["verdict"],
        "match"
    );

    let c = check("China is the economy ranked as the second-largest economy in the world.");
    let o = one(&c);
    assert_eq!(
        (o["verdict"].as_str(), o["text"].as_str()),
        (Some("discrepancy"), Some("second-largest economy"))
    );
    assert_eq!(o["suggestion"], "third-largest economy");
}

#[test]
fn the_right_rank_reworded_is_a_match() {
    for text in [
        "The coalition met for its fifth meeting in Paris.",
        "The coalition met for its 5th meeting.",
        "Its Fifth gathering was held in Paris.",
        "The economy is now the third-largest economy.",
    ] {
        let c = check(text);
        assert_eq!(one(&c)["verdict"], "match", "{text}: {c:#?}");
    }
}

#[test]
fn ordinals_without_a_unit_or_a_fact_are_no_claims_or_unverifiable() {
    // No ordinal fact counts in "round": not a claim of the kind at all.
    assert!(
        check("The first round of talks began.")
            .iter()
            .all(|c| c["kind"] != "ordinal")
    );
    // A unit an ordinal fact uses, but no phrase of it: confirm only, never contradict.
    let c = check("Delegates arrived for the ninth gathering.");
    assert_eq!(one(&c)["verdict"], "unverifiable");
}

#[test]
fn the_kind_is_listed_validated_and_corrected_by_diff() {
    let dir = tempfile::tempdir().unwrap();
    let facts = write(dir.path(), "facts.toml", FACTS);
    let article = write(
        dir.path(),
        "a.md",
        "---\npublished: 2026-01-07\n---\n\nThe coalition met for its sixth meeting.\n",
    );
    let out = factcheck()
        .args(["check", "--diff", "-f"])
        .arg(&facts)
        .arg(&article)
        .output()
        .unwrap();
    let diff = String::from_utf8(out.stdout).unwrap();
    assert!(diff.contains("+The coalition met for its fifth meeting."), "{diff}");
    let bad = write(
        dir.path(),
        "bad.toml",
        "[[fact]]\nid = \"x\"\nabout = [\"met\"]\nordinal = 0\nunit = [\"meeting\"]\n",
    );
    let out = factcheck().args(["facts", "validate"]).arg(&bad).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("bad.toml:4:11: `ordinal` must be a whole number of one or more"),
    );
    let out = factcheck()
        .args(["facts", "list", "--kind", "ordinal", "-f"])
        .arg(&facts)
        .output()
        .unwrap();
    let listed = String::from_utf8(out.stdout).unwrap();
    assert!(
        listed.contains("coalition.meeting") && listed.contains("economy.rank"),
        "{listed}"
    );
}
