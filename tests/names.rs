//! Shared names (rule U016): a fact base where two entities share a spelling
//! loads, and each cue decides between them in both directions (the right
//! one agrees, a wrong title is a discrepancy at exactly its span), or the
//! claim is unverifiable naming the candidates, never a discrepancy.
//!
//! The fixture (`tests/fixtures/rules/names.toml`) holds Boris Johnson and
//! Mike Johnson (both "Johnson", titles dated at different times, each in an
//! occasion of his own), the writer Jack London ("London") and the city.

use std::io::Write;

use serde_json::Value;

use crate::common::{factcheck, root};

const FACTS: &str = "tests/fixtures/rules/names.toml";

/// Check `text` against the fixture as published on `published`: (claims, stderr).
fn check_at(published: &str, text: &str) -> (Vec<Value>, String) {
    let out = factcheck()
        .args(["check", "-", "--format", "json", "--isolated", "--fail-on", "never"])
        .args(["--published", published, "-f", FACTS])
        .write_stdin(text.to_owned())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let claims = report["articles"][0]["claims"].as_array().expect("claims").clone();
    (claims, String::from_utf8(out.stderr).unwrap())
}

fn check(text: &str) -> Vec<Value> {
    check_at("2024-04-21", text).0
}

/// (verdict, rule, kind, text, entity) of each claim.
fn brief(claims: &[Value]) -> Vec<(String, String, String, String, String)> {
    let s = |v: &Value| v.as_str().unwrap_or("-").to_owned();
    claims
        .iter()
        .map(|c| {
            (
                s(&c["verdict"]),
                s(&c["rule"]),
                s(&c["kind"]),
                s(&c["text"]),
                s(&c["entity"]),
            )
        })
        .collect()
}

fn one(
    verdict: &str,
    rule: &str,
    kind: &str,
    text: &str,
    entity: &str,
) -> Vec<(String, String, String, String, String)> {
    vec![(verdict.into(), rule.into(), kind.into(), text.into(), entity.into())]
}

/// The one claim of `kind`.
fn of_kind<'a>(claims: &'a [Value], kind: &str) -> &'a Value {
    let found: Vec<&Value> = claims.iter().filter(|c| c["kind"] == kind).collect();
    assert_eq!(found.len(), 1, "{:?}", brief(claims));
    found[0]
}

#[test]
fn a_base_where_entities_share_names_loads_and_stays_quiet() {
    let out = factcheck().args(["facts", "validate", FACTS]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "",
        "a shared surname is no warning"
    );
    let (claims, stderr) = check_at(
        "2024-04-21",
        "Speaker Johnson said the aid bill would pass. Chancellor Johnson disagreed. \
         The centenary reading was held in London.",
    );
    assert_eq!(stderr, "", "check says nothing about shared names");
    assert_eq!(claims.len(), 3, "{:?}", brief(&claims));
}

#[test]
fn a_first_name_decides() {
    // "Michael" is a form of Mike's name (`names.forms`): Mike, whose title is right ...
    assert_eq!(
        brief(&check("Michael Johnson, the Speaker, spoke.")),
        one("match", "-", "role", "Johnson, the Speaker", "mike")
    );
    // ... or wrong, at exactly the title and name.
    assert_eq!(
        brief(&check("Michael Johnson, the Prime Minister, spoke.")),
        one("discrepancy", "D301", "role", "Johnson, the Prime Minister", "mike")
    );
    // The full name decides as well: a wrong title for Boris Johnson.
    assert_eq!(
        brief(&check("Speaker Boris Johnson spoke.")),
        one("discrepancy", "D301", "role", "Speaker Boris Johnson", "boris")
    );
    // A near miss of a first name is that person's, misspelt.
    let claims = check("Borris Johnson spoke.");
    assert_eq!(
        brief(&claims),
        one("discrepancy", "D304", "name", "Borris Johnson", "boris")
    );
    assert_eq!(claims[0]["suggestion"], "Boris Johnson");
    // A first name neither has is someone else: no claim about either.
    assert_eq!(brief(&check("Dwayne Johnson, the Speaker, spoke.")), vec![]);
    // "Mr" is no first name.
    assert_eq!(
        brief(&check("Mr Johnson, the Speaker, spoke.")),
        one("match", "-", "role", "Johnson, the Speaker", "mike")
    );
}

#[test]
fn a_title_decides_at_the_articles_date() {
    assert_eq!(
        brief(&check_at("2020-01-15", "Prime Minister Johnson spoke.").0),
        one("match", "-", "role", "Prime Minister Johnson", "boris")
    );
    assert_eq!(
        brief(&check("Speaker Johnson spoke.")),
        one("match", "-", "role", "Speaker Johnson", "mike")
    );
    // Held by one of them, but not at the article's date: his, and out of date.
    let claims = check("Prime Minister Johnson spoke.");
    assert_eq!(
        brief(&claims),
        one("discrepancy", "D302", "role", "Prime Minister Johnson", "boris")
    );
    assert_eq!(claims[0]["suggestion"], "Former Prime Minister Johnson");
    // Held by neither: nothing decides (below, `ambiguous_...`).
}

#[test]
fn the_kind_the_context_needs_decides() {
    // A place after "in": the city.
    let claims = check("The centenary reading was held in London.");
    assert_eq!(brief(&claims), one("match", "-", "entity", "London", "-"));
    assert_eq!(claims[0]["found"], "london");
    // A person before "said": the writer, whose words these are ...
    let claims = check("\u{201c}I would rather be ashes than dust,\u{201d} London said.");
    assert_eq!(of_kind(&claims, "quote")["verdict"], "match");
    assert_eq!(of_kind(&claims, "quote")["fact"], "quote.london");
    // ... or are not.
    let claims = check("\u{201c}Let's get Brexit done,\u{201d} London said.");
    let quote = of_kind(&claims, "quote");
    assert_eq!(
        (&quote["verdict"], &quote["rule"]),
        (&"discrepancy".into(), &"D402".into())
    );
    assert!(
        quote["message"].as_str().unwrap().contains("attributed to Jack London"),
        "{quote}"
    );
}

#[test]
fn the_occasion_of_the_sentence_decides() {
    // Boris Johnson signed the withdrawal agreement; Mike Johnson brought the aid bill.
    let claims = check("Johnson and Juncker signed the withdrawal agreement.");
    assert_eq!(
        brief(&claims),
        one("match", "-", "entities", "Johnson and Juncker", "-")
    );
    assert_eq!(claims[0]["found"], serde_json::json!(["boris", "juncker"]));
    let claims = check("Johnson and Tusk signed the withdrawal agreement.");
    assert_eq!(
        brief(&claims),
        one("discrepancy", "D202", "entities", "Johnson and Tusk", "-")
    );
    assert!(
        claims[0]["message"]
            .as_str()
            .unwrap()
            .ends_with("missing Jean-Claude Juncker; not in the fact base's list: Donald Tusk"),
        "{}",
        claims[0]["message"]
    );
    // "Signed" ties both occasions; the occasion's name decides.
    let claims = check("Johnson signed the withdrawal agreement.");
    assert_eq!(claims[0]["found"], serde_json::json!(["boris"]), "{:?}", brief(&claims));
    let claims = check("Johnson signed it.");
    assert!(
        claims.iter().all(|c| c["verdict"] == "unverifiable"),
        "{:?}",
        brief(&claims)
    );
    let claims = check("Johnson brought the aid bill to a vote.");
    assert_eq!(brief(&claims), one("match", "-", "entity", "Johnson", "-"));
    assert_eq!(claims[0]["found"], "mike");
    // A date of the sentence is the withdrawal agreement's: Boris Johnson,
    // and a title he never held is a discrepancy at its span.
    let claims = check("On October 17, 2019, Chancellor Johnson arrived.");
    assert_eq!(
        brief(&[of_kind(&claims, "role").clone()]),
        one("discrepancy", "D301", "role", "Chancellor Johnson", "boris")
    );
}

#[test]
fn an_earlier_full_mention_decides() {
    // Newsroom style: the full name first, the surname after.
    let claims = check("Mike Johnson spoke first. \u{201c}Let's get Brexit done,\u{201d} Johnson said.");
    let quote = of_kind(&claims, "quote");
    assert_eq!(quote["rule"], "D402", "{quote}");
    assert!(
        quote["message"]
            .as_str()
            .unwrap()
            .contains("attributed to Mike Johnson"),
        "{quote}"
    );
    let claims = check("Mike Johnson spoke first. \u{201c}We will do our job and pass the bill,\u{201d} Johnson said.");
    assert_eq!(of_kind(&claims, "quote")["verdict"], "match");
    assert_eq!(
        brief(&check("Boris Johnson spoke first. Later, Chancellor Johnson agreed.")),
        one("discrepancy", "D301", "role", "Chancellor Johnson", "boris")
    );
    // A title names as well as a full name does.
    assert_eq!(
        brief(&check("Speaker Johnson spoke first. Later, Chancellor Johnson agreed.")),
        vec![
            (
                "match".into(),
                "-".into(),
                "role".into(),
                "Speaker Johnson".into(),
                "mike".into()
            ),
            (
                "discrepancy".into(),
                "D301".into(),
                "role".into(),
                "Chancellor Johnson".into(),
                "mike".into()
            ),
        ]
    );
}

/// A U016 claim: unverifiable, no fact, the candidates named in the message and listed.
fn assert_ambiguous(c: &Value, kind: &str, text: &str) {
    assert_eq!(
        (
            c["verdict"].as_str(),
            c["rule"].as_str(),
            c["kind"].as_str(),
            c["text"].as_str()
        ),
        (Some("unverifiable"), Some("U016"), Some(kind), Some(text)),
        "{c}"
    );
    assert!(
        c["message"]
            .as_str()
            .unwrap()
            .starts_with("Johnson: Boris Johnson or Mike Johnson; nothing in the article tells which one is meant"),
        "{c}"
    );
    assert_eq!(c["candidates"], serde_json::json!(["boris", "mike"]));
    assert!(c["fact"].is_null() && c["expected"].is_null(), "{c}");
}

#[test]
fn ambiguous_names_are_unverifiable_never_a_discrepancy() {
    // A title neither holds.
    let claims = check("Chancellor Johnson spoke to reporters.");
    assert_eq!(claims.len(), 1, "{:?}", brief(&claims));
    assert_ambiguous(&claims[0], "role", "Chancellor Johnson");
    // Both named before: the later bare name may be either.
    let claims = check("Boris Johnson met Mike Johnson. Chancellor Johnson spoke.");
    assert_ambiguous(of_kind(&claims, "role"), "role", "Chancellor Johnson");
    // A list with a Johnson who is not among the guests, whichever he is:
    // unverifiable, and no guest is "missing" because of him.
    let claims = check("Johnson and Juncker had dinner.");
    assert_eq!(claims.len(), 1, "{:?}", brief(&claims));
    assert_ambiguous(&claims[0], "entities", "Johnson and Juncker");
    // But a member the fact lacks is still one, whoever Johnson is.
    let claims = check("Johnson, Juncker and Jack London had dinner.");
    assert_eq!(
        brief(&claims),
        one(
            "discrepancy",
            "D202",
            "entities",
            "Johnson, Juncker and Jack London",
            "-"
        )
    );
    assert!(
        claims[0]["message"]
            .as_str()
            .unwrap()
            .ends_with("not in the fact base's list: Jack London"),
        "{}",
        claims[0]["message"]
    );
    // A quotation on record of someone else: not held against the Johnson meant.
    let claims = check("\u{201c}A special place in hell,\u{201d} Johnson said.");
    assert_ambiguous(of_kind(&claims, "quote"), "quote", "A special place in hell");
    // A quotation on record of one of them: his.
    let claims = check("\u{201c}Let's get Brexit done,\u{201d} Johnson said.");
    assert_eq!(of_kind(&claims, "quote")["fact"], "quote.boris");
    // A fact about one of them is not linked where the name may be the other.
    let claims = check("Boris Johnson met Mike Johnson. Johnson was born in 1972.");
    let year = of_kind(&claims, "year");
    assert_eq!(
        (year["verdict"].as_str(), year["rule"].as_str()),
        (Some("unverifiable"), Some("U016"))
    );
    assert_eq!(year["candidates"], serde_json::json!(["boris", "mike"]));
    // Named in full, it is.
    let claims = check("Mike Johnson was born in 1964.");
    assert_eq!(of_kind(&claims, "year")["rule"], "D104");
}

#[test]
fn five_hundred_people_of_one_surname_load_and_check() {
    // The alias index keeps one pattern for the 500 and each entity once:
    // linear in the people, not quadratic (timings belong in benches).
    let dir = tempfile::tempdir().unwrap();
    let facts = dir.path().join("smiths.toml");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&facts).unwrap());
    writeln!(f, "[sources.s]\ntitle = \"Register\"\n").unwrap();
    for i in 0..500 {
        let role = if i == 250 {
            "roles = [\"Senator\"]\n"
        } else {
            "roles = [\"Teacher\"]\n"
        };
        writeln!(
            f,
            "[[entity]]\nid = \"smith{i}\"\nkind = \"person\"\nname = \"Person{i} Smith\"\naliases = [\"Smith\"]\n{role}"
        )
        .unwrap();
    }
    writeln!(
        f,
        "[[fact]]\nid = \"q\"\nquote = \"the register will be kept in good order by all of us\"\nspeaker = \"smith7\"\nsource = \"s\"\n"
    )
    .unwrap();
    drop(f);
    let out = factcheck().arg("facts").arg("validate").arg(&facts).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    // (The order matters: after "Senator Smith", a bare Smith is the senator.)
    let text = "Chancellor Smith did not speak. \
                \u{201c}The register will be kept in good order by all of us,\u{201d} Smith said. \
                Senator Smith spoke. Person42 Smith, the Teacher, agreed.";
    let out = factcheck()
        .args([
            "check",
            "-",
            "--format",
            "json",
            "--isolated",
            "--published",
            "2026-01-07",
            "-f",
        ])
        .arg(&facts)
        .write_stdin(text)
        .current_dir(root())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let claims = report["articles"][0]["claims"].as_array().unwrap();
    let got: Vec<(String, String, String, String, String)> = brief(claims);
    let s = |a: &str, b: &str, c: &str, d: &str, e: &str| (a.into(), b.into(), c.into(), d.into(), e.into());
    assert_eq!(
        got,
        vec![
            s("unverifiable", "U016", "role", "Chancellor Smith", "-"),
            s(
                "match",
                "-",
                "quote",
                "The register will be kept in good order by all of us",
                "-"
            ),
            s("match", "-", "role", "Senator Smith", "smith250"),
            s("match", "-", "role", "Person42 Smith, the Teacher", "smith42"),
        ]
    );
    assert!(
        claims[1]["message"].as_str().unwrap().contains("(Person7 Smith)"),
        "{}",
        claims[1]
    );
    let chancellor = &claims[0];
    assert_eq!(chancellor["candidates"].as_array().map(Vec::len), Some(500));
    assert!(
        chancellor["message"].as_str().unwrap().starts_with(
            "Smith: Person0 Smith, Person1 Smith, Person2 Smith, Person3 Smith, Person4 Smith or 495 more;"
        ),
        "{}",
        chancellor["message"]
    );
}

#[test]
fn two_entities_of_one_full_name_are_a_grouped_warning() {
    let dir = tempfile::tempdir().unwrap();
    let facts = dir.path().join("twins.toml");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&facts).unwrap());
    for i in 0..6 {
        writeln!(
            f,
            "[[entity]]\nid = \"smith{i}\"\nkind = \"person\"\nname = \"John Smith\"\nroles = [\"Teacher\"]\n"
        )
        .unwrap();
    }
    drop(f);
    let out = factcheck().arg("facts").arg("validate").arg(&facts).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "a warning, not an error");
    let stderr = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = stderr.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 4, "three shown and one line for the rest: {stderr}");
    assert!(
        lines[0].contains(":10:8: warning: \"John Smith\" is the name of both `smith0` (at "),
        "{stderr}"
    );
    assert!(
        lines[3].starts_with("warning: ... and 2 more of entities of one name"),
        "{stderr}"
    );
    // `check` sums them up in one line.
    let out = factcheck()
        .args(["check", "-", "--isolated", "--published", "2026-01-07", "-f"])
        .arg(&facts)
        .write_stdin("John Smith, the Teacher, spoke.")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "warning: 5 warnings in the fact base; run `factcheck facts validate` to see them\n"
    );
}
