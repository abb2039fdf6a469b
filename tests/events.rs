//! Occasions in the fact base (`[[event]]`, `event = ID`), through the CLI:
//! validation, an event's date and place checked like facts, phrases
//! inherited by its facts, and two occasions of one name told apart by what
//! the article writes (or its publication date), never guessed.

use serde_json::Value;

use crate::common::{claims, factcheck, root};

const G7: &str = "tests/fixtures/events/g7.toml";

/// Check `text` against the G7 fixture, published on `published` (or not at all).
fn check(text: &str, published: Option<&str>) -> Vec<Value> {
    let mut cmd = factcheck();
    cmd.args([
        "check",
        "-",
        "--format",
        "json",
        "--isolated",
        "--fail-on",
        "never",
        "-f",
        G7,
    ]);
    if let Some(d) = published {
        cmd.args(["--published", d]);
    }
    let out = cmd.write_stdin(text.to_owned()).output().unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!("{e}: {}", String::from_utf8_lossy(&out.stderr));
    });
    claims(&report).clone()
}

/// The claim of `text`, or a panic listing what there is.
fn claim<'a>(claims: &'a [Value], text: &str) -> &'a Value {
    claims
        .iter()
        .find(|c| c["text"] == text)
        .unwrap_or_else(|| panic!("no claim {text:?} in {claims:#?}"))
}

#[test]
fn event_problems_name_file_line_and_column() {
    let out = factcheck()
        .args(["facts", "validate", "tests/fixtures/events/bad-event.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let f = "tests/fixtures/events/bad-event.toml";
    let want = [
        format!("error: {f}:13:9: an event's `place` must be an entity of kind place, but `france` is a country"),
        format!("error: {f}:16:1: duplicate event id `summit` (first defined at {f}:9:1)"),
        format!("error: {f}:20:1: [[event]] needs `id`"),
        format!("error: {f}:25:9: event `sumit` is not a known event id (did you mean `summit`?)"),
        format!(
            "error: {f}:31:1: fact `b` belongs to event `summit` of 2026-01-06, a date out of its range (until 2025-01-01): fix `from`/`until` or the event"
        ),
        format!("error: {f}:43:1: unknown key `dte` in [[event]] (did you mean `date`?)"),
    ];
    let stderr = String::from_utf8(out.stderr).unwrap();
    for line in &want {
        assert!(stderr.lines().any(|l| l == line), "missing {line}\n{stderr}");
    }
    assert!(stderr.ends_with("6 errors, 0 warnings\n"), "{stderr}");
}

#[test]
fn an_events_date_and_place_are_checked_like_facts_with_their_own_ids() {
    let c = check("The G7 summit opened on 14 June 2025.", None);
    let d = claim(&c, "14 June 2025");
    assert_eq!(
        (d["verdict"].as_str(), d["rule"].as_str(), d["fact"].as_str()),
        (Some("discrepancy"), Some("D101"), Some("g7-2025.date"))
    );
    assert_eq!(d["expected"], "2025-06-15");
    assert_eq!(d["source"]["id"], "g7", "the event's source backs its date");
    assert_eq!(d["suggestion"], "15 June 2025");

    let c = check("The 2024 G7 summit was held in Kananaskis.", Some("2025-06-20"));
    let p = claim(&c, "Kananaskis");
    assert_eq!(
        (p["verdict"].as_str(), p["fact"].as_str(), p["expected"].as_str()),
        (Some("discrepancy"), Some("g7-2024.place"), Some("apulia"))
    );
}

#[test]
fn two_occasions_of_one_name_are_told_apart_by_what_is_written_or_the_publication_date() {
    // (sentence, published, claim, verdict, fact)
    type Case<'a> = (&'a str, Option<&'a str>, &'a str, &'a str, Option<&'a str>);
    let cases: &[Case] = &[
        // A day written in full, or its year.
        (
            "The G7 summit opened on 15 June 2025.",
            None,
            "15 June 2025",
            "match",
            Some("g7-2025.date"),
        ),
        (
            "The G7 summit opened on 13 June 2024.",
            None,
            "13 June 2024",
            "match",
            Some("g7-2024.date"),
        ),
        // A place.
        (
            "The G7 summit in Kananaskis drew 10 leaders.",
            None,
            "10 leaders",
            "discrepancy",
            Some("g7-2025.leaders"),
        ),
        (
            "The G7 summit in Borgo Egnazia drew 11 leaders.",
            None,
            "11 leaders",
            "match",
            Some("g7-2024.leaders"),
        ),
        // A name only one of them has.
        (
            "The Apulia summit drew 11 leaders.",
            None,
            "11 leaders",
            "match",
            Some("g7-2024.leaders"),
        ),
        // The publication date, when clearly nearest one of them.
        (
            "The G7 summit drew 9 leaders.",
            Some("2025-06-20"),
            "9 leaders",
            "match",
            Some("g7-2025.leaders"),
        ),
        (
            "The G7 summit drew 9 leaders.",
            Some("2024-06-14"),
            "9 leaders",
            "discrepancy",
            Some("g7-2024.leaders"),
        ),
        (
            "The G7 summit opened on 16 June.",
            Some("2025-06-20"),
            "16 June",
            "discrepancy",
            Some("g7-2025.date"),
        ),
        // Nothing decides: unverifiable, never a discrepancy.
        ("The G7 summit drew 9 leaders.", None, "9 leaders", "unverifiable", None),
        (
            "The G7 summit drew 10 leaders.",
            None,
            "10 leaders",
            "unverifiable",
            None,
        ),
        (
            "The G7 summit opened on 16 June.",
            None,
            "16 June",
            "unverifiable",
            None,
        ),
        (
            "The G7 summit drew 10 leaders.",
            Some("2024-12-14"),
            "10 leaders",
            "unverifiable",
            None,
        ),
    ];
    let mut failures = Vec::new();
    for &(sentence, published, text, verdict, fact) in cases {
        let c = check(sentence, published);
        let got = claim(&c, text);
        if got["verdict"] != verdict || got["fact"].as_str() != fact {
            failures.push(format!("{sentence} ({published:?}): {text} -> {}", got["message"]));
        }
        if verdict == "unverifiable" {
            assert_eq!(got["rule"], "U003", "{sentence}: {}", got["message"]);
            let msg = got["message"].as_str().unwrap();
            assert!(
                msg.contains("g7-2024") && msg.contains("g7-2025"),
                "the candidates are named: {msg}"
            );
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn an_events_phrase_alone_confirms_a_fact_with_phrases_of_its_own_but_never_contradicts_it() {
    // "pledged" is the fact's own phrase: a strong link, right or wrong.
    let c = check("At the 2025 G7 summit, members pledged $3 billion.", None);
    assert_eq!(claim(&c, "$3 billion")["verdict"], "discrepancy");
    // Only the occasion's phrase: it agrees, or it says nothing.
    let c = check("At the 2025 G7 summit, $2 billion in aid was announced.", None);
    let m = claim(&c, "$2 billion");
    assert_eq!(
        (m["verdict"].as_str(), m["fact"].as_str()),
        (Some("match"), Some("g7-2025.pledge"))
    );
    assert!(
        m["because"].as_str().unwrap().contains("names the occasion"),
        "{}",
        m["because"]
    );
    let c = check("At the 2025 G7 summit, $3 billion in aid was announced.", None);
    assert_eq!(claim(&c, "$3 billion")["verdict"], "unverifiable");
}

#[test]
fn the_projects_fact_base_is_on_events() {
    let text = std::fs::read_to_string(root().join("claims/paris-summit.toml")).unwrap();
    assert!(text.contains("[[event]]"));
    // Another occasion's signing is not this summit's ("Lists" in the accuracy issue).
    let (_, report) = crate::common::check_text("In January 2024, Sunak and Zelenskyy signed a bilateral agreement.");
    assert!(
        claims(&report).iter().all(|c| c["verdict"] != "discrepancy"),
        "{report:#}"
    );
}
