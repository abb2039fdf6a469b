//! A false discrepancy costs an editor more than a miss: sentences that
//! mention the fact base's words about some other matter must not be
//! flagged, and weak links must say unverifiable.
//!
//! The sentences that once fooled the checker now stand next to the rule
//! they exercise, as its examples (`lang/en/rules.toml`, run by
//! `tests/rules.rs`): each false alarm it must never raise is an example the
//! rule that prevents it fires on, or that the discrepancy rule allows.

use crate::common::{check_text, claims, with_verdict};

#[test]
fn a_weak_link_is_unverifiable_and_says_why() {
    let (_, report) = check_text("The next summit is planned for March 3.");
    let c = &claims(&report)[0];
    assert_eq!(c["verdict"], "unverifiable");
    assert_eq!(c["kind"], "date");
    assert!(c["message"].as_str().unwrap().contains("\"next\""), "{}", c["message"]);
    assert_eq!(c["fact"], serde_json::Value::Null);
}

#[test]
fn a_count_without_an_about_phrase_is_unverifiable_not_judged() {
    let (code, report) = check_text("Twelve countries sent ships.");
    assert_eq!(code, 0);
    let c = &claims(&report)[0];
    assert_eq!(
        (c["verdict"].as_str(), c["kind"].as_str(), c["text"].as_str()),
        (Some("unverifiable"), Some("count"), Some("Twelve countries"))
    );
    assert_eq!(c["found"], 12);
    assert!(
        c["message"].as_str().unwrap().contains("summit.countries"),
        "{}",
        c["message"]
    );
}

#[test]
fn scare_quotes_are_not_quote_claims() {
    let (_, report) = check_text("Leaders of the \"coalition of the willing\" met in Paris.");
    assert!(claims(&report).iter().all(|c| c["kind"] != "quote"), "{report}");
}

#[test]
fn every_discrepancy_says_why_it_was_linked() {
    let (code, report) = check_text("The summit gathered representatives from 36 countries.");
    assert_eq!(code, 1);
    let c = &with_verdict(&report, "discrepancy")[0];
    assert_eq!(c["because"], "linked by \"representatives\" and unit \"countries\"");
    assert!(c["message"].as_str().unwrap().contains("linked by \"representatives\""));
    assert_eq!(c["suggestion"], "35 countries");
    assert_eq!(c["source"]["id"], "elysee");
}

#[test]
fn a_headline_figure_is_held_against_the_body() {
    let (code, report) = crate::common::check_text(
        "36 nations back Ukraine\n\nThe summit gathered representatives from 35 countries.\n",
    );
    assert_eq!(code, 1);
    let c = &with_verdict(&report, "discrepancy")[0];
    assert_eq!(c["text"], "36 nations");
    assert_eq!(c["fact"], "summit.countries");
    assert!(c["because"].as_str().unwrap().contains("headline"), "{}", c["because"]);
}

/// A claim that no fact's `about` phrase reaches names the first five
/// candidate facts and counts the rest: against a large fact base it would
/// otherwise list thousands.
#[test]
fn not_linked_names_five_candidates_and_counts_the_rest() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut facts = String::from("[sources.s]\ntitle = \"Record\"\n");
    for i in 0..8 {
        facts += &format!(
            "\n[[fact]]\nid = \"gala{i}\"\nabout = [\"gala number {i}\"]\ndate = 2011-0{}-1{i}\nsource = \"s\"\n",
            i + 1
        );
    }
    crate::common::write(dir.path(), "facts.toml", &facts);
    let article = crate::common::write(dir.path(), "a.md", "The ceremony took place on 3 March 2025.\n");
    let out = crate::common::factcheck()
        .args(["check", "--format", "json", "--published", "2026-01-07", "--facts"])
        .arg(dir.path().join("facts.toml"))
        .arg(&article)
        .output()
        .expect("runs");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    let messages: Vec<&str> = claims(&report).iter().filter_map(|c| c["message"].as_str()).collect();
    assert!(
        messages.iter().any(|m| m.contains(
            "not linked to gala0, gala1, gala2, gala3, gala4 and 3 more: none of their `about` phrases is in this sentence"
        )),
        "{messages:?}"
    );
}
