//! People, titles, names and quotations (issue 13), through the CLI, each
//! family in both directions: a true variant that must match or stay
//! silent, a false one that must be a discrepancy at exactly its span. The
//! fact base is `tests/fixtures/rules/people.toml`, whose titles the built-in
//! word lists do not know.

use serde_json::Value;

use crate::common::{claims, factcheck, write};

const FACTS: &str = include_str!("fixtures/rules/people.toml");

fn check_at(text: &str, published: &str) -> Vec<Value> {
    let dir = tempfile::tempdir().unwrap();
    let facts = write(dir.path(), "facts.toml", FACTS);
    let out = factcheck()
        .args(["check", "-", "--format", "json", "--isolated", "--fail-on", "never"])
        .args(["--published", published, "-f"])
        .arg(&facts)
        .write_stdin(text.to_owned())
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    claims(&report).clone()
}

fn check(text: &str) -> Vec<Value> {
    check_at(text, "2025-05-08")
}

/// The claims of one kind, as (verdict, rule, text).
fn of_kind(claims: &[Value], kind: &str) -> Vec<(String, String, String)> {
    claims
        .iter()
        .filter(|c| c["kind"] == kind)
        .map(|c| {
            (
                c["verdict"].as_str().unwrap().to_owned(),
                c["rule"].as_str().unwrap_or("").to_owned(),
                c["text"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn one(text: &str, kind: &str) -> (String, String, String) {
    let c = check(text);
    let found = of_kind(&c, kind);
    assert_eq!(found.len(), 1, "{text}: {c:#?}");
    found[0].clone()
}

fn discrepancy(rule: &str, span: &str) -> (String, String, String) {
    ("discrepancy".to_owned(), rule.to_owned(), span.to_owned())
}

fn none_of(text: &str, kind: &str) {
    let c = check(text);
    assert!(of_kind(&c, kind).is_empty(), "{text}: {c:#?}");
}

fn no_discrepancy(text: &str) {
    let c = check(text);
    assert!(c.iter().all(|c| c["verdict"] != "discrepancy"), "{text}: {c:#?}");
}

#[test]
fn reported_speech_belongs_to_the_subject_of_the_speech_verb() {
    // The words are Witkoff's: he said them, about Trump.
    let (verdict, _, text) = one("Witkoff said Trump \"strongly backs the protocols\".", "quote");
    assert_eq!(
        (verdict.as_str(), text.as_str()),
        ("match", "strongly backs the protocols")
    );
    // Given to Trump by the verb, the same words are misattributed, from the name on.
    assert_eq!(
        one("Trump said Witkoff \"strongly backs the protocols\".", "quote"),
        discrepancy("D402", "Trump said Witkoff \"strongly backs the protocols")
    );
    // "said X" after the quotation, and "according to X".
    let deal = "We will never accept a deal that leaves Ukraine without strong guarantees";
    assert_eq!(one(&format!("\"{deal},\" said Trump."), "quote").0, "match");
    assert_eq!(one(&format!("According to Trump, \"{deal}\"."), "quote").0, "match");
    assert_eq!(one(&format!("\"{deal},\" Witkoff told reporters."), "quote").1, "D402");
}

#[test]
fn a_quotation_whose_speaker_cannot_be_told_is_never_misattributed() {
    // "he" after a sentence that names two people.
    no_discrepancy(
        "Trump met Witkoff. \"We will never accept a deal that leaves Ukraine without strong guarantees,\" he said.",
    );
    // No speech verb: the nearest name is not the speaker.
    no_discrepancy("Witkoff praised the \"territorial question\" talks.");
    // Someone the fact base does not know: U015, not a discrepancy.
    let (verdict, rule, _) = one(
        "A resident, Poonam Patni, said: \"When we reached the spot, there were several bodies lying around.\"",
        "quote",
    );
    assert_eq!((verdict.as_str(), rule.as_str()), ("unverifiable", "U015"));
}

#[test]
fn a_quotation_with_no_verb_continues_the_one_before() {
    let c = check(
        "\"I met the envoy today,\" Trump said. \"We will never accept a deal that leaves Ukraine without strong guarantees.\"",
    );
    let quotes = of_kind(&c, "quote");
    assert_eq!(quotes.last().map(|q| q.0.as_str()), Some("match"), "{c:#?}");
    let c = check(
        "\"I met the envoy today,\" Witkoff said. \"We will never accept a deal that leaves Ukraine without strong guarantees.\"",
    );
    assert_eq!(
        of_kind(&c, "quote").last().map(|q| q.1.as_str()),
        Some("D402"),
        "{c:#?}"
    );
}

#[test]
fn names_and_labels_in_quotation_marks_are_no_quotations() {
    for text in [
        "The so-called \"Multinational Force for Ukraine\" met, Trump said.",
        "The \"Coalition of the Willing\" gathered, Witkoff said.",
        "Trump backed a plan dubbed \"the Paris Declaration\" on Tuesday.",
        "Trump backed a plan \"dubbed the Paris Declaration\" on Tuesday.",
    ] {
        none_of(text, "quote");
    }
}

#[test]
fn short_misquotes_are_never_claims_but_short_true_excerpts_are() {
    none_of("Meloni spoke of \"the territory question\" in Rome.", "quote");
    none_of("Meloni said \"territory\" twice.", "quote");
    assert_eq!(
        one("Meloni spoke of \"the territorial question\" in Rome.", "quote").0,
        "match"
    );
    // A quotation of six words or more is compared word by word.
    assert_eq!(
        one(
            "Trump said: \"We will never accept a deal that leaves Ukraine without guarantees.\"",
            "quote"
        )
        .1,
        "D401"
    );
    // One that holds the whole quote on record agrees.
    assert_eq!(
        one(
            "Trump said: \"As I said, we will never accept a deal that leaves Ukraine without strong guarantees.\"",
            "quote"
        )
        .0,
        "match"
    );
}

#[test]
fn appositives_that_are_not_titles_are_no_role_claims() {
    none_of("Jared Kushner, the US leader's son-in-law, came.", "role");
    none_of("Witkoff and Kushner, the chief negotiators, arrived.", "role");
    none_of("Ravelli, the papal nuncio, spoke.", "role");
    // A title in apposition is still one.
    assert_eq!(
        one("Steve Witkoff, the special envoy, arrived.", "role"),
        (
            "match".to_owned(),
            String::new(),
            "Steve Witkoff, the special envoy".to_owned()
        )
    );
    // A title no list or role knows is none ("chief negotiator"); a known one is checked.
    none_of("Steve Witkoff, the chief negotiator, arrived.", "role");
    assert_eq!(
        one("Steve Witkoff, the US President, arrived.", "role"),
        discrepancy("D301", "Steve Witkoff, the US President")
    );
    assert_eq!(one("Steve Witkoff, the US leader's envoy, arrived.", "role").0, "match");
}

#[test]
fn titles_the_word_lists_lack_are_read_from_the_roles() {
    assert_eq!(one("Cardinal Robert Prevost prayed.", "role").0, "match");
    assert_eq!(one("Cardinal Prevost prayed.", "role").0, "match");
    assert_eq!(
        one("Archbishop Ravelli, the master of ceremonies, spoke.", "role").0,
        "match"
    );
    assert_eq!(
        one("Mara Lund, founder and CEO of Acme Corp., spoke.", "role").0,
        "match"
    );
    assert_eq!(one("Acme CEO Mara Lund spoke.", "role").0, "match");
    assert_eq!(
        one("Archbishop Mara Lund spoke.", "role"),
        discrepancy("D301", "Archbishop Mara Lund")
    );
    assert_eq!(
        one("Mara Lund, the CEO of Apple, spoke.", "role"),
        discrepancy("D301", "Mara Lund, the CEO of Apple")
    );
    // Dated roles: a cardinal until his election, a prefect until 21 April.
    let c = check_at("Cardinal Prevost prayed.", "2025-06-01");
    assert_eq!(of_kind(&c, "role"), [discrepancy("D302", "Cardinal Prevost")]);
    assert_eq!(
        one("Prevost, the prefect of the Dicastery for Bishops, spoke.", "role").1,
        "D302"
    );
    // "under Pope Francis" gives the title its own period.
    assert_eq!(
        one(
            "Prevost, the prefect of the Dicastery for Bishops under Pope Francis, spoke.",
            "role"
        )
        .0,
        "match"
    );
}

#[test]
fn a_month_name_after_a_lower_case_title_or_before_a_day_is_no_person() {
    none_of("He was elected the 267th pope May 8.", "role");
    let c = check("He was elected the 267th pope May 8.");
    assert!(c.iter().all(|c| c["verdict"] != "discrepancy"), "{c:#?}");
    // The person is still read where a person is written.
    assert_eq!(one("Green Party leader May spoke.", "role").0, "match");
}

#[test]
fn given_names_longer_forms_and_common_words() {
    assert_eq!(
        one("Georgia Meloni spoke.", "name"),
        discrepancy("D304", "Georgia Meloni")
    );
    none_of("Steven Witkoff arrived.", "name");
    none_of("Steve Witkoff arrived.", "name");
    none_of("Change is coming, Chang said.", "name");
    assert_eq!(one("Wade Chnag spoke.", "name"), discrepancy("D304", "Wade Chnag"));
}
