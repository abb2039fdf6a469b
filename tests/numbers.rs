//! The number families of issue 13, each in both directions: a true variant
//! that must match and a false one that must be a discrepancy at exactly its
//! span, with the rule that says why.
//!
//! - bounds in newsroom semantics (D111 "more than 35" for 35, D112 "nearly
//!   30" for 30, D113 a bare "two dozen" for 27), with the range an
//!   approximate match allowed in the JSON `range`;
//! - rounding at the precision written (D114: "$44 billion" for $44.062
//!   billion matches, "$44.2 billion" does not);
//! - scale words ("1.4 billion Catholics") and qualifiers on money;
//! - "more than 6,000%", one figure;
//! - ranges, one claim ("between 30 and 40 countries") or two years read
//!   together ("from 2015 to 2023", L016);
//! - ages and spans of years, never years (U010);
//! - Markdown tables, a cell read with its row label and column header.

use serde_json::Value;

use crate::common::{claims, factcheck, write};

const FACTS: &str = r#"
[sources.s]
title = "Record"

[[entity]]
id = "prevost"
kind = "person"
name = "Robert Prevost"
aliases = ["Prevost"]

[[entity]]
id = "francis"
kind = "person"
name = "Jorge Bergoglio"
aliases = ["Bergoglio"]

[[fact]]
id = "summit.countries"
about = ["took part", "gathered", "drew"]
count = 35
unit = ["countries", "nations"]
source = "s"

[[fact]]
id = "summit.leaders"
about = ["took part", "including", "in person"]
count = 27
unit = ["heads of state", "leaders"]
source = "s"

[[fact]]
id = "quarter.revenue"
about = ["revenue"]
amount = 44_062_000_000
currency = "USD"
source = "s"

[[fact]]
id = "quarter.margin"
about = ["gross margin"]
percent = 73.3
source = "s"

[[fact]]
id = "quarter.growth"
about = ["grew"]
percent = 6200
source = "s"

[[fact]]
id = "quarter.charge"
about = ["charge"]
amount = 40_000_000
currency = "USD"
source = "s"

[[fact]]
id = "church.members"
about = ["Catholics", "church"]
count = 1_406_000_000
unit = ["Catholics", "members"]
source = "s"

[[fact]]
id = "polls.advance"
about = ["advance polls"]
count = 7_280_975
unit = ["people", "voters"]
source = "s"

[[fact]]
id = "prevost.age"
about = ["aged", "age"]
count = 69
unit = ["years old", "years"]
source = "s"

[[fact]]
id = "prevost.ordination_age"
about = ["ordained"]
count = 26
unit = ["age"]
source = "s"

[[fact]]
id = "francis.pontificate"
about = ["as pope", "pontificate"]
count = 12
unit = ["years"]
source = "s"

[[fact]]
id = "prevost.bishop_from"
about = ["bishop of Chiclayo", "bishop in Chiclayo"]
year = 2015
source = "s"

[[fact]]
id = "prevost.bishop_until"
about = ["bishop of Chiclayo", "bishop in Chiclayo"]
year = 2023
source = "s"

[[fact]]
id = "prevost.elected"
about = ["elected"]
year = 2025
source = "s"
"#;

/// The claims of `text` (Markdown when it opens with front matter).
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
            "2025-05-08",
            "--isolated",
            "--fail-on",
            "never",
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

/// The one claim whose text is `text`.
fn claim<'a>(claims: &'a [Value], text: &str) -> &'a Value {
    let found: Vec<&Value> = claims.iter().filter(|c| c["text"] == text).collect();
    assert_eq!(found.len(), 1, "one claim {text:?} in {claims:#?}");
    found[0]
}

/// The verdict and rule of the one claim `text` in `sentence`.
fn verdict(sentence: &str, text: &str) -> (String, Option<String>) {
    let c = check(sentence);
    let c = claim(&c, text);
    (
        c["verdict"].as_str().unwrap().to_owned(),
        c["rule"].as_str().map(str::to_owned),
    )
}

fn matches(sentence: &str, text: &str) {
    assert_eq!(verdict(sentence, text), ("match".to_owned(), None), "{sentence}");
}

fn differs(sentence: &str, text: &str, rule: &str) {
    assert_eq!(
        verdict(sentence, text),
        ("discrepancy".to_owned(), Some(rule.to_owned())),
        "{sentence}"
    );
}

fn no_discrepancy(sentence: &str) {
    let c = check(sentence);
    assert!(c.iter().all(|c| c["verdict"] != "discrepancy"), "{sentence}: {c:#?}");
}

#[test]
fn strict_bounds_exclude_their_number_and_inclusive_ones_include_it() {
    // The fact is 35.
    differs(
        "The summit drew more than 35 countries.",
        "more than 35 countries",
        "D111",
    );
    differs("The summit drew over 35 countries.", "over 35 countries", "D111");
    differs(
        "The summit drew fewer than 35 countries.",
        "fewer than 35 countries",
        "D111",
    );
    differs("The summit drew under 35 countries.", "under 35 countries", "D111");
    matches("The summit drew more than 34 countries.", "more than 34 countries");
    matches("The summit drew under 36 countries.", "under 36 countries");
    matches("The summit drew at least 35 countries.", "at least 35 countries");
    matches("The summit drew up to 35 countries.", "up to 35 countries");
    matches("The summit drew 35 or more countries.", "35 or more countries");
    differs(
        "The summit drew at least 36 countries.",
        "at least 36 countries",
        "D105",
    );
    differs("The summit drew at most 34 countries.", "at most 34 countries", "D105");
    // "Nearly" lies a little below its number, never at it.
    differs("The summit drew nearly 35 countries.", "nearly 35 countries", "D112");
    differs("The summit drew almost 35 countries.", "almost 35 countries", "D112");
    matches("The summit drew nearly 36 countries.", "nearly 36 countries");
    matches("The summit drew almost 37 countries.", "almost 37 countries");
    differs("The summit drew nearly 50 countries.", "nearly 50 countries", "D105");
    // "About" a little either side.
    matches("The summit drew about 33 countries.", "about 33 countries");
    matches("The summit drew some 37 countries.", "some 37 countries");
    differs("The summit drew about 30 countries.", "about 30 countries", "D105");
}

#[test]
fn a_bound_is_dropped_from_the_correction_and_the_message_says_why() {
    let c = check("The summit drew more than 35 countries.");
    let c = claim(&c, "more than 35 countries");
    assert_eq!(c["suggestion"], "35 countries");
    let message = c["message"].as_str().unwrap();
    assert!(
        message.contains("\"more than\" says above 35 countries, which excludes it"),
        "{message}"
    );
    let c = check("The summit drew nearly 35 countries.");
    assert_eq!(claim(&c, "nearly 35 countries")["suggestion"], "35 countries");
}

#[test]
fn an_approximate_match_reports_the_range_it_allowed() {
    let c = check("The summit drew more than 30 countries.");
    assert_eq!(
        claim(&c, "more than 30 countries")["range"],
        serde_json::json!({"min": 30, "max": null, "min_exclusive": true})
    );
    let c = check("The summit drew nearly 36 countries.");
    let r = &claim(&c, "nearly 36 countries")["range"];
    assert_eq!(
        (r["max"].as_f64(), r["max_exclusive"].as_bool()),
        (Some(36.0), Some(true))
    );
    let c = check("The summit drew at least 35 countries.");
    assert_eq!(
        claim(&c, "at least 35 countries")["range"],
        serde_json::json!({"min": 35, "max": null})
    );
    // A rounded figure reports the rounding it allowed; an exact one none.
    let c = check("Revenue was $44 billion.");
    assert_eq!(
        claim(&c, "$44 billion")["range"],
        serde_json::json!({"min": 43_500_000_000u64, "max": 44_500_000_000u64})
    );
    let c = check("The summit drew 35 countries.");
    assert_eq!(claim(&c, "35 countries")["range"], Value::Null);
}

#[test]
fn a_bare_dozen_is_exact_and_a_qualified_one_is_round() {
    let c = check("Delegates from 35 countries, including two dozen heads of state, took part.");
    let d = claim(&c, "two dozen heads of state");
    assert_eq!(
        (d["verdict"].as_str(), d["rule"].as_str()),
        (Some("discrepancy"), Some("D113"))
    );
    assert_eq!(d["suggestion"], "twenty-seven heads of state");
    matches(
        "Delegates from 35 countries, including more than two dozen heads of state, took part.",
        "more than two dozen heads of state",
    );
    matches(
        "Delegates from 35 countries, including some two dozen heads of state, took part.",
        "some two dozen heads of state",
    );
    // Far off, the figure is simply wrong.
    differs(
        "Delegates from 35 countries, including four dozen heads of state, took part.",
        "four dozen heads of state",
        "D105",
    );
}

#[test]
fn a_figure_matches_what_rounds_to_it_at_the_precision_written() {
    matches("Revenue was $44 billion.", "$44 billion");
    matches("Revenue was $44.1 billion.", "$44.1 billion");
    matches("Revenue was $44.06 billion.", "$44.06 billion");
    matches("The gross margin was 73%.", "73%");
    matches("The gross margin was 73.3%.", "73.3%");
    let c = check("Revenue was $44.2 billion.");
    let d = claim(&c, "$44.2 billion");
    assert_eq!(
        (d["verdict"].as_str(), d["rule"].as_str()),
        (Some("discrepancy"), Some("D114"))
    );
    assert_eq!(
        d["suggestion"], "$44.1 billion",
        "the fact at the figure's own precision"
    );
    assert!(d["message"].as_str().unwrap().contains("which rounds to $44.1 billion"));
    let c = check("The gross margin was 74%.");
    let d = claim(&c, "74%");
    assert_eq!(
        (d["rule"].as_str(), d["suggestion"].as_str()),
        (Some("D114"), Some("73%"))
    );
    // Far off, the figure is simply wrong.
    differs("The gross margin was 80.5%.", "80.5%", "D109");
    differs("Revenue was $60 billion.", "$60 billion", "D107");
}

#[test]
fn scale_words_belong_to_the_figure_and_qualifiers_apply_to_money() {
    matches("The church has 1.4 billion Catholics.", "1.4 billion Catholics");
    matches("The 1.4 billion members of the church.", "1.4 billion members");
    matches("At advance polls 7.3 million people voted.", "7.3 million people");
    differs(
        "At advance polls 8.3 million people voted.",
        "8.3 million people",
        "D105",
    );
    let c = check("The church has 1.4 billion Catholics.");
    assert_eq!(claim(&c, "1.4 billion Catholics")["found"], 1_400_000_000u64);
    // Money: the qualifier before the currency sign counts.
    differs("The charge was over $40 million.", "over $40 million", "D111");
    differs("The charge was under $40 million.", "under $40 million", "D111");
    matches("The charge was at least $40 million.", "at least $40 million");
    matches("The charge was up to $40 million.", "up to $40 million");
    matches("The charge was more than $39 million.", "more than $39 million");
    differs("The charge was more than $41 million.", "more than $41 million", "D107");
}

#[test]
fn a_percentage_with_a_thousands_separator_is_one_figure() {
    let c = check("Revenue grew more than 6,000% in the period.");
    let p = claim(&c, "more than 6,000%");
    assert_eq!(
        (p["verdict"].as_str(), p["found"].as_u64()),
        (Some("match"), Some(6000))
    );
    assert_eq!(c.iter().filter(|c| c["kind"] == "percent").count(), 1);
    differs(
        "Revenue grew more than 6,200% in the period.",
        "more than 6,200%",
        "D111",
    );
}

#[test]
fn a_range_is_one_claim_that_agrees_when_it_holds_the_fact() {
    for (sentence, text) in [
        (
            "The summit drew between 30 and 40 countries.",
            "between 30 and 40 countries",
        ),
        ("The summit drew 30-40 countries.", "30-40 countries"),
        ("The summit drew 30 to 40 countries.", "30 to 40 countries"),
    ] {
        let c = check(sentence);
        assert_eq!(c.iter().filter(|c| c["kind"] == "count").count(), 1, "{c:#?}");
        let r = claim(&c, text);
        assert_eq!(r["verdict"], "match", "{sentence}");
        assert_eq!(r["range"], serde_json::json!({"min": 30, "max": 40}));
    }
    let c = check("The summit drew between 40 and 50 countries.");
    assert_eq!(c.iter().filter(|c| c["kind"] == "count").count(), 1, "{c:#?}");
    let d = claim(&c, "between 40 and 50 countries");
    assert_eq!(
        (d["verdict"].as_str(), d["rule"].as_str()),
        (Some("discrepancy"), Some("D105"))
    );
    assert_eq!(d["suggestion"], "35 countries");
    // A change is no range: the figure it ends at is the claim.
    let c = check("The summit grew from 30 to 35 countries.");
    assert_eq!(claim(&c, "35 countries")["verdict"], "match");
    // Not ranges: a model number, a score.
    let c = check("A Boeing 787-8 flew over 35 countries.");
    assert!(c.iter().all(|c| c["text"] != "787-8"), "{c:#?}");
}

#[test]
fn a_range_of_years_is_two_years_read_together() {
    for sentence in [
        "Prevost was bishop of Chiclayo from 2015 to 2023.",
        "Prevost was bishop of Chiclayo (2015–2023).",
        "Prevost was bishop of Chiclayo between 2015 and 2023.",
    ] {
        let c = check(sentence);
        let from = claim(&c, "2015");
        let until = claim(&c, "2023");
        assert_eq!(
            (from["verdict"].as_str(), from["fact"].as_str()),
            (Some("match"), Some("prevost.bishop_from")),
            "{sentence}"
        );
        assert_eq!(
            (until["verdict"].as_str(), until["fact"].as_str()),
            (Some("match"), Some("prevost.bishop_until")),
            "{sentence}"
        );
    }
    // A range that holds the facts' years is not a discrepancy at either end.
    let c = check("Prevost was bishop of Chiclayo from 2014 to 2024.");
    assert_eq!(claim(&c, "2014")["rule"], "L016");
    assert_eq!(claim(&c, "2024")["rule"], "L016");
    // A single year outside is still a discrepancy.
    differs("Prevost was elected in 2024.", "2024", "D104");
}

#[test]
fn ages_and_spans_of_years_are_counts_of_their_own_never_years() {
    matches("Robert Prevost, 69, was elected in 2025.", "69");
    matches("Prevost, aged 69, was elected in 2025.", "69");
    matches("The 69-year-old Prevost was elected in 2025.", "69-year-old");
    differs("Prevost, aged 70, was elected in 2025.", "70", "D105");
    // An age is never a year, nor compared with the year of the sentence.
    let c = check("Robert Prevost, 69, was elected in 2025.");
    assert_eq!(claim(&c, "69")["kind"], "count");
    assert_eq!(claim(&c, "2025")["verdict"], "match");
    // A specific phrase decides which age ("ordained", not the bare "age").
    let c = check("Prevost was ordained in 1982 at age 27.");
    let d = claim(&c, "27");
    assert_eq!(
        (d["verdict"].as_str(), d["fact"].as_str()),
        (Some("discrepancy"), Some("prevost.ordination_age"))
    );
    assert_eq!(claim(&c, "1982")["kind"], "year");
    // One person's age is not another's.
    no_discrepancy("Jorge Bergoglio, 88, was elected in 2025.");
    // A span of years is compared with a span, never an age or a year.
    matches("Bergoglio served 12 years as pope.", "12 years");
    differs("Bergoglio served 13 years as pope.", "13 years", "D105");
    let c = check("The church, with 2000 years of history, elected Prevost in 2025.");
    assert!(c.iter().all(|c| c["kind"] != "year" || c["text"] == "2025"), "{c:#?}");
    let u = claim(&c, "2000 years");
    assert_eq!(
        (u["verdict"].as_str(), u["rule"].as_str()),
        (Some("unverifiable"), Some("U010"))
    );
}

#[test]
fn a_table_cell_is_read_with_its_row_label_and_column_header() {
    let table = "---\npublished: 2025-05-08\n---\n\n\
| At the summit | Figure |\n|---|---|\n| Countries that took part | 36 |\n| Heads of state in person | 27 |\n\n\
| Took part | Countries | Heads of state |\n|---|---|---|\n| In person | 35 | 28 |\n";
    let c = check(table);
    let counts: Vec<(&str, &str)> = c
        .iter()
        .filter(|c| c["kind"] == "count")
        .map(|c| (c["text"].as_str().unwrap(), c["verdict"].as_str().unwrap()))
        .collect();
    assert_eq!(
        counts,
        [
            ("36", "discrepancy"),
            ("27", "match"),
            ("35", "match"),
            ("28", "discrepancy")
        ],
        "{c:#?}"
    );
    // The header narrows the row label to the fact both name.
    let d = &c.iter().filter(|c| c["text"] == "28").collect::<Vec<_>>()[0];
    assert_eq!(d["fact"], "summit.leaders");
}
