//! Which fact a claim is judged against, when several could be: the value
//! that is exactly another fact's (L030), the whole a part is taken from
//! (L031), places that lie in one another (`within`), the occasion named
//! nearest a figure, and common-word names of occasions. Each family is
//! tested both ways: the fact changed in the article is a discrepancy at
//! exactly its span; the fact reworded, or another fact's figure in its
//! place, is none.

use serde_json::Value;

use crate::common::{claims, factcheck, write};

/// A flight: everyone aboard, those of them killed, and the dead on the
/// ground; places that lie in one another; and a company's results for two
/// quarters, each an occasion of its own.
const FACTS: &str = r#"
[sources.report]
title = "Official report"

[[entity]]
id = "gujarat"
kind = "place"
name = "Gujarat"

[[entity]]
id = "ahmedabad"
kind = "place"
name = "Ahmedabad"
within = "gujarat"

[[entity]]
id = "airport"
kind = "place"
name = "Sardar Vallabhbhai Patel International Airport"
aliases = ["Ahmedabad airport"]
within = "ahmedabad"

[[entity]]
id = "mumbai"
kind = "place"
name = "Mumbai"

[[fact]]
id = "flight.aboard"
about = ["aboard", "on board"]
count = 242
unit = ["people"]
source = "report"

[[fact]]
id = "flight.killed_aboard"
about = ["killed", "died"]
count = 241
unit = ["people"]
source = "report"

[[fact]]
id = "flight.ground"
about = ["on the ground"]
count = 19
unit = ["people"]
source = "report"

[[fact]]
id = "flight.origin"
about = ["took off from", "departed from", "left"]
entity = "airport"
source = "report"

[[event]]
id = "q1"
name = "first quarter of 2026"
aliases = ["Q1 2026", "a year later"]
date = 2026-05-28
source = "report"

[[event]]
id = "q0"
name = "first quarter of 2025"
aliases = ["Q1 2025", "a year earlier"]
date = 2025-05-22
source = "report"

[[fact]]
id = "q1.revenue"
event = "q1"
about = ["revenue"]
amount = 44_000_000_000
currency = "USD"
source = "report"

[[fact]]
id = "q0.revenue"
event = "q0"
about = ["revenue"]
amount = 26_000_000_000
currency = "USD"
source = "report"
"#;

fn check(text: &str, published: &str) -> Vec<Value> {
    let dir = tempfile::tempdir().unwrap();
    let facts = write(dir.path(), "facts.toml", FACTS);
    let out = factcheck()
        .args([
            "check",
            "-",
            "--format",
            "json",
            "--isolated",
            "--fail-on",
            "never",
            "--published",
            published,
            "-f",
        ])
        .arg(&facts)
        .write_stdin(text.to_owned())
        .output()
        .unwrap();
    let report: Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    claims(&report).clone()
}

/// (verdict, rule, fact) of the claim written `text`.
fn verdict(claims: &[Value], text: &str) -> (String, Option<String>, Option<String>) {
    let c = claims
        .iter()
        .find(|c| c["text"] == text)
        .unwrap_or_else(|| panic!("no claim {text:?} in {claims:#?}"));
    (
        c["verdict"].as_str().unwrap().to_owned(),
        c["rule"].as_str().map(str::to_owned),
        c["fact"].as_str().map(str::to_owned),
    )
}

fn is(v: &(String, Option<String>, Option<String>), verdict: &str, rule: Option<&str>, fact: Option<&str>) -> bool {
    v.0 == verdict && v.1.as_deref() == rule && v.2.as_deref() == fact
}

/// (sentence, claim, verdict, rule, fact).
type Case = (
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
);

#[test]
fn a_figure_that_is_another_facts_value_is_that_facts() {
    // Each (sentence, claim, verdict, rule, fact).
    let cases: &[Case] = &[
        // The value decides over a few words of distance.
        (
            "The crash killed 241 of the 242 people aboard.",
            "242 people",
            "match",
            None,
            Some("flight.aboard"),
        ),
        (
            "Most of the 242 people on board died.",
            "242 people",
            "match",
            None,
            Some("flight.aboard"),
        ),
        // The same sentence shapes with a wrong figure: still discrepancies, at the figure.
        (
            "The crash killed 240 people.",
            "240 people",
            "discrepancy",
            Some("D105"),
            Some("flight.killed_aboard"),
        ),
        (
            "The crash killed 241 of the 250 people aboard.",
            "250 people",
            "discrepancy",
            Some("D105"),
            Some("flight.aboard"),
        ),
        // A certain link (its phrase right by the figure) is not moved by the value.
        (
            "The crash killed 242 people on board.",
            "242 people",
            "discrepancy",
            Some("D105"),
            Some("flight.killed_aboard"),
        ),
        // A part's whole ("most of the 250"), tied to the verb of the part: not judged.
        (
            "Most of the 250 people were killed.",
            "250 people",
            "unverifiable",
            Some("L031"),
            None,
        ),
        // The other fact spoken of only in another paragraph: not judged either way.
        (
            "Nineteen people on the ground died.\n\nOfficials said 19 people were aboard.",
            "19 people",
            "unverifiable",
            Some("L030"),
            None,
        ),
    ];
    let mut failures = Vec::new();
    for &(text, claim, want, rule, fact) in cases {
        let got = verdict(&check(text, "2026-01-07"), claim);
        if !is(&got, want, rule, fact) {
            failures.push(format!("{text:?} / {claim}: {got:?}, wanted {want} {rule:?} {fact:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn places_that_lie_in_one_another_agree_and_others_differ() {
    for (text, claim) in [
        ("The plane took off from Ahmedabad.", "Ahmedabad"),
        ("The plane took off from Gujarat.", "Gujarat"),
        ("The plane took off from Ahmedabad airport.", "Ahmedabad airport"),
    ] {
        let c = check(text, "2026-01-07");
        let got = verdict(&c, claim);
        assert!(is(&got, "match", None, Some("flight.origin")), "{text}: {got:?}");
    }
    let c = check("The plane took off from Mumbai.", "2026-01-07");
    let got = verdict(&c, "Mumbai");
    assert!(is(&got, "discrepancy", Some("D201"), Some("flight.origin")), "{got:?}");
    let message = c.iter().find(|c| c["text"] == "Gujarat").map(|c| c["message"].clone());
    assert!(message.is_none());
    let c = check("The plane took off from Gujarat.", "2026-01-07");
    let m = c.iter().find(|c| c["text"] == "Gujarat").unwrap()["message"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(m.contains("lies in Gujarat"), "{m}");
}

#[test]
fn within_must_name_a_known_place_and_never_lead_back() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(
        dir.path(),
        "bad.toml",
        r#"[[entity]]
id = "a"
kind = "place"
name = "A"
within = "b"

[[entity]]
id = "b"
kind = "place"
name = "B"
within = "a"

[[entity]]
id = "c"
kind = "place"
name = "C"
within = "nowhere"

[[entity]]
id = "d"
kind = "place"
name = "D"
within = "org"

[[entity]]
id = "org"
kind = "organisation"
name = "Org"
"#,
    );
    let out = factcheck()
        .args(["facts", "validate", "--isolated"])
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    for want in [
        ":1:1: `within` of `a` leads back to it",
        ":7:1: `within` of `b` leads back to it",
        ":17:10: within `nowhere` is not a known entity id",
        ":23:10: `within` must name a place or a country, but `org` is a organisation",
    ] {
        assert!(err.contains(want), "{want}\n{err}");
    }
}

#[test]
fn of_two_occasions_the_figure_belongs_to_the_one_named_nearest_or_its_own_value() {
    let published = "2026-05-29";
    // Named outright: the nearest occasion's figure.
    let c = check(
        "Revenue was $44 billion in Q1 2026, against $26 billion in Q1 2025.",
        published,
    );
    assert!(is(&verdict(&c, "$44 billion"), "match", None, Some("q1.revenue")));
    assert!(is(&verdict(&c, "$26 billion"), "match", None, Some("q0.revenue")));
    // Last year's figure given as this year's, the quarter named outright: a discrepancy.
    let c = check("Revenue was $26 billion in Q1 2026.", published);
    assert!(
        is(
            &verdict(&c, "$26 billion"),
            "discrepancy",
            Some("D107"),
            Some("q1.revenue")
        ),
        "{c:#?}"
    );
    // Common words ("a year earlier") and the publication date decide loosely:
    // a figure that is exactly the other quarter's is that quarter's.
    let c = check(
        "Revenue rose to $44 billion, from $26 billion a year earlier.",
        published,
    );
    assert!(
        is(&verdict(&c, "$44 billion"), "match", None, Some("q1.revenue")),
        "{c:#?}"
    );
    assert!(
        is(&verdict(&c, "$26 billion"), "match", None, Some("q0.revenue")),
        "{c:#?}"
    );
    // A wrong figure in the same shape stays a discrepancy.
    let c = check(
        "Revenue rose to $45 billion, from $26 billion a year earlier.",
        published,
    );
    assert!(
        is(
            &verdict(&c, "$45 billion"),
            "discrepancy",
            Some("D107"),
            Some("q1.revenue")
        ),
        "{c:#?}"
    );
}

/// (verdict, rule) of every claim of `text` against the lists fixture, by claim text.
fn lists(text: &str) -> Vec<(String, String, Option<String>)> {
    let out = factcheck()
        .args([
            "check",
            "-",
            "--format",
            "json",
            "--isolated",
            "--fail-on",
            "never",
            "--published",
            "2026-01-07",
        ])
        .args(["-f", "tests/fixtures/rules/lists.toml"])
        .write_stdin(text.to_owned())
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    claims(&report)
        .iter()
        .map(|c| {
            (
                c["text"].as_str().unwrap().to_owned(),
                c["verdict"].as_str().unwrap().to_owned(),
                c["rule"].as_str().map(str::to_owned),
            )
        })
        .collect()
}

fn one(text: &str, claim: &str) -> (String, Option<String>) {
    let all = lists(text);
    let found: Vec<_> = all.iter().filter(|(t, _, _)| t == claim).collect();
    assert_eq!(found.len(), 1, "{text}: {all:?}");
    (found[0].1.clone(), found[0].2.clone())
}

#[test]
fn only_the_subject_of_a_phrase_is_its_actor() {
    let d = |rule: &str| ("discrepancy".to_owned(), Some(rule.to_owned()));
    let u = |rule: &str| ("unverifiable".to_owned(), Some(rule.to_owned()));
    let m = ("match".to_owned(), None);
    // Active: the subject is the actor, right or wrong.
    assert_eq!(one("Mamberti announced the new pope.", "Mamberti"), m);
    assert_eq!(one("Prevost announced the new pope.", "Prevost"), d("D201"));
    // Passive: what was done, maybe; it confirms, never contradicts.
    assert_eq!(one("Prevost was announced as the new pope.", "Prevost"), u("L032"));
    assert_eq!(one("Mamberti was announced as the speaker.", "Mamberti"), m);
    assert_eq!(one("The new pope was announced by Mamberti.", "Mamberti"), m);
    assert_eq!(one("The new pope was announced by Prevost.", "Prevost"), d("D201"));
    // Not asserted: a prospect confirms, never contradicts.
    assert_eq!(one("The Greens won the election.", "Greens"), d("D201"));
    assert_eq!(one("The Greens are on course to win two seats.", "Greens"), u("L033"));
    assert_eq!(one("The Liberals are on course to win.", "Liberals"), m);
    // An owner before another noun is not the subject; nor is a list before another subject.
    let owner = lists("Mark Carney's Liberal Party won the election.");
    assert!(!owner.iter().any(|(t, _, _)| t.contains("Carney")), "{owner:?}");
    assert!(
        owner.iter().any(|(t, v, _)| t == "Liberal Party" && v == "match"),
        "{owner:?}"
    );
    let pronoun = lists("He was then still Robert Prevost, and he announced nothing.");
    assert!(pronoun.iter().all(|(_, v, _)| v != "discrepancy"), "{pronoun:?}");
    // A list after a preposition of direction is its object, not the subject.
    let to = lists("The plane flying to Mumbai took off from Ahmedabad airport.");
    assert!(!to.iter().any(|(t, _, _)| t == "Mumbai"), "{to:?}");
    assert!(
        to.iter().any(|(t, v, _)| t == "Ahmedabad airport" && v == "match"),
        "{to:?}"
    );
    assert_eq!(
        one(
            "The plane from Delhi, Mumbai, took off from Ahmedabad airport.",
            "Ahmedabad airport"
        ),
        m
    );
    // The owner's own phrase right after it: the owner is the subject.
    assert_eq!(one("Carney won his seat in Ottawa.", "Carney"), d("D201"));
}

#[test]
fn a_fact_about_a_namespaced_entity_needs_it_named() {
    let facts = r#"
[sources.bio]
title = "Biography"

[[entity]]
id = "people.francis"
kind = "person"
name = "Pope Francis"
aliases = ["Francis"]

[[entity]]
id = "people.leo"
kind = "person"
name = "Robert Prevost"
aliases = ["Prevost"]

[[entity]]
id = "buenos_aires"
kind = "place"
name = "Buenos Aires"

[[entity]]
id = "chicago"
kind = "place"
name = "Chicago"

[[fact]]
id = "francis.birthplace"
about = ["born in"]
entity = "buenos_aires"
source = "bio"

[[entity]]
id = "rome"
kind = "place"
name = "Rome"

[[fact]]
id = "vatican.francis.burial"
about = ["buried in"]
entity = "rome"
source = "bio"
"#;
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "facts.toml", facts);
    let verdicts = |text: &str| -> Vec<String> {
        let out = factcheck()
            .args([
                "check",
                "-",
                "--format",
                "json",
                "--isolated",
                "--fail-on",
                "never",
                "-f",
            ])
            .arg(&path)
            .write_stdin(text.to_owned())
            .output()
            .unwrap();
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        claims(&report)
            .iter()
            .map(|c| format!("{} {}", c["text"].as_str().unwrap(), c["verdict"].as_str().unwrap()))
            .collect()
    };
    // `francis.` is about `people.francis`: another person's birthplace is not his.
    assert_eq!(verdicts("Francis was born in Chicago."), ["Chicago discrepancy"]);
    assert_eq!(verdicts("Francis was born in Buenos Aires."), ["Buenos Aires match"]);
    // "vatican.francis.burial": any part of the id before the last names the subject.
    assert_eq!(verdicts("Francis was buried in Chicago."), ["Chicago discrepancy"]);
    let buried = verdicts("Prevost was buried in Chicago.");
    assert!(buried.iter().all(|v| !v.ends_with("discrepancy")), "{buried:?}");
    let other = verdicts("Prevost was born in Chicago.");
    assert!(other.iter().all(|v| !v.ends_with("discrepancy")), "{other:?}");
}

#[test]
fn a_range_of_days_is_read_together_each_end_against_its_own_fact() {
    let run = |text: &str| -> Vec<String> {
        let out = factcheck()
            .args([
                "check",
                "-",
                "--format",
                "json",
                "--isolated",
                "--fail-on",
                "never",
                "--published",
                "2025-06-13",
            ])
            .args(["-f", "tests/fixtures/rules/numbers.toml"])
            .write_stdin(text.to_owned())
            .output()
            .unwrap();
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        claims(&report)
            .iter()
            .filter(|c| c["kind"] == "date")
            .map(|c| {
                format!(
                    "{} {} {}",
                    c["text"].as_str().unwrap(),
                    c["verdict"].as_str().unwrap(),
                    c["fact"]
                )
            })
            .collect()
    };
    assert_eq!(
        run("Rupani was chief minister from August 7, 2016 to September 11, 2021."),
        [
            "August 7, 2016 match \"rupani.cm_from\"",
            "September 11, 2021 match \"rupani.cm_until\""
        ]
    );
    assert_eq!(
        run("Rupani was chief minister from August 8, 2016 to September 11, 2021."),
        [
            "August 8, 2016 discrepancy \"rupani.cm_from\"",
            "September 11, 2021 match \"rupani.cm_until\""
        ]
    );
    assert_eq!(
        run("Rupani was chief minister from August 7, 2016 to September 13, 2021."),
        [
            "August 7, 2016 match \"rupani.cm_from\"",
            "September 13, 2021 discrepancy \"rupani.cm_until\""
        ]
    );
}
