//! Quotations against a small fact base of quotes by two fictional people.

use serde_json::Value;

use crate::common::{factcheck, write};

const FACTS: &str = r#"
[sources.transcript]
title = "Press conference transcript"

[[entity]]
id = "ada"
kind = "person"
name = "Ada Lindqvist"
aliases = ["Lindqvist"]
roles = ["Defence Minister"]

[[entity]]
id = "bo"
kind = "person"
name = "Bo Marten"
aliases = ["Marten"]

[[fact]]
id = "ada.guarantees"
quote = "These guarantees are the strongest commitment our partners have ever made to Ukraine."
speaker = "ada"
source = "transcript"

[[fact]]
id = "bo.peace"
quote = "Peace will require compromise from Moscow, and we are not there yet."
speaker = "bo"
source = "transcript"
"#;

/// The quote claims of `text`, checked against FACTS.
fn quote_claims(text: &str) -> Vec<Value> {
    let dir = tempfile::tempdir().expect("tempdir");
    let facts = write(dir.path(), "quotes.toml", FACTS);
    let out = factcheck()
        .args(["check", "-", "--format", "json", "--published", "2026-01-07", "--facts"])
        .arg(&facts)
        .write_stdin(text.to_owned())
        .output()
        .expect("runs");
    let report: Value = serde_json::from_slice(&out.stdout).expect("json");
    report["articles"][0]["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .filter(|c| c["kind"] == "quote")
        .cloned()
        .collect()
}

fn verdict_of(text: &str) -> (String, Value) {
    let claims = quote_claims(text);
    assert_eq!(claims.len(), 1, "one quote claim expected in {text:?}: {claims:?}");
    (claims[0]["verdict"].as_str().unwrap().to_owned(), claims[0].clone())
}

#[test]
fn the_whole_quote_or_a_true_excerpt_matches() {
    for text in [
        "Lindqvist said: \"These guarantees are the strongest commitment our partners have ever made to Ukraine.\"",
        "\u{201c}These guarantees are the strongest commitment our partners have ever made,\u{201d} Lindqvist said.",
        "Lindqvist called them \"the strongest commitment our partners have ever made\".",
        "Lindqvist said \"these guarantees are ... ever made to Ukraine\".",
        "Lindqvist said \"[the] guarantees are the strongest commitment\" so far.",
        "Lindqvist said \u{2018}the strongest commitment\u{2019} was made today, and \"our partners have ever made\" it clear.",
    ] {
        let claims = quote_claims(text);
        assert!(!claims.is_empty(), "{text}");
        for c in claims {
            assert_eq!(c["verdict"], "match", "{text}: {c}");
            assert_eq!(c["fact"], "ada.guarantees");
        }
    }
}

#[test]
fn a_reworded_quote_is_a_discrepancy_with_a_word_diff() {
    let (verdict, c) = verdict_of(
        "Lindqvist said: \"These guarantees are the firmest commitment our partners have ever made to Ukraine.\"",
    );
    assert_eq!(verdict, "discrepancy");
    assert_eq!(c["fact"], "ada.guarantees");
    let message = c["message"].as_str().unwrap();
    assert!(message.contains("[-strongest-] {+firmest+}"), "{message}");
    assert_eq!(
        c["text"],
        "These guarantees are the firmest commitment our partners have ever made to Ukraine."
    );
}

#[test]
fn a_quote_given_to_the_wrong_speaker_is_a_discrepancy_spanning_the_attribution() {
    let (verdict, c) =
        verdict_of("Marten said the guarantees were \"the strongest commitment our partners have ever made\".");
    assert_eq!(verdict, "discrepancy");
    assert_eq!(c["expected"], "ada");
    assert!(c["text"].as_str().unwrap().starts_with("Marten said"), "{}", c["text"]);
    assert!(c["message"].as_str().unwrap().contains("Ada Lindqvist"));
}

#[test]
fn a_quote_not_on_record_is_unverifiable() {
    let (verdict, c) = verdict_of("Lindqvist said: \"We will meet again in the spring.\"");
    assert_eq!(verdict, "unverifiable");
    assert_eq!(c["fact"], Value::Null);
}

#[test]
fn he_or_she_said_takes_the_last_person_named() {
    let (verdict, c) = verdict_of(
        "Lindqvist spoke first. She said: \"These guarantees are the strongest commitment our partners have ever made to Ukraine.\"",
    );
    assert_eq!(verdict, "match", "{c}");
}
