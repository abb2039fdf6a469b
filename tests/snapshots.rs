//! Golden output for every report format, so a changed report shows in review.
//!
//! The input is the small fixed article and fact base in `tests/fixtures/cli`
//! (not `articles/` and `claims/`, which grow), checked from that folder so
//! that paths are short and the same everywhere. When a change to the
//! engine or a format changes a report on purpose, review and accept the new
//! snapshot: `INSTA_UPDATE=always cargo test snapshots` (or `cargo insta review`),
//! then commit `tests/snapshots/`.

use crate::common::{factcheck_in, fixture, run};

fn report(args: &[&str]) -> String {
    let r = run(factcheck_in(&fixture::dir())
        .args(["check", "article.md", "-f", "facts.toml", "--color", "never"])
        .args(args));
    assert_eq!(r.code, 1, "the fixture has discrepancies; stderr: {}", r.stderr);
    assert_eq!(r.stderr, "");
    r.stdout
}

#[test]
fn human() {
    insta::assert_snapshot!("human", report(&["--format", "human"]));
}

#[test]
fn json() {
    insta::assert_snapshot!("json", report(&["--format", "json"]));
}

#[test]
fn jsonl() {
    insta::assert_snapshot!("jsonl", report(&["--format", "jsonl"]));
}

#[test]
fn sarif() {
    insta::assert_snapshot!("sarif", report(&["--format", "sarif"]));
}

#[test]
fn github() {
    insta::assert_snapshot!("github", report(&["--format", "github"]));
}

#[test]
fn junit() {
    insta::assert_snapshot!("junit", report(&["--format", "junit"]));
}

#[test]
fn html() {
    insta::assert_snapshot!("html", report(&["--format", "html"]));
}

#[test]
fn diff() {
    insta::assert_snapshot!("diff", report(&["--diff"]));
}
