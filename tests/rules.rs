//! The rules' own examples, run as tests (`lang/en/rules.toml`), and the
//! command line that shows them: `factcheck rules`, `ignore` comments and
//! settings, SARIF rule ids.
//!
//! Every rule has sentences it must fire on and sentences it must not. They
//! are checked through the CLI against the project's fact base, as an editor
//! would run it. The examples that keep a false alarm away (what a `D` rule
//! allows, what an `L` or `U` rule fires on) must raise no discrepancy at all.

use serde_json::Value;

use factcheck::rules::{Example, Group, Rule, docs};

use crate::common::{claims, factcheck, write};

/// Check one example; the claims of the report.
fn run(e: &Example) -> Vec<Value> {
    let mut cmd = factcheck();
    cmd.args(["check", "-", "--format", "json", "--isolated", "--fail-on", "never"]);
    match e.published.as_deref() {
        Some("none") => {}
        Some(d) => {
            cmd.args(["--published", d]);
        }
        None => {
            cmd.args(["--published", "2026-01-07"]);
        }
    }
    if let Some(f) = &e.facts {
        cmd.args(["-f", f]);
    }
    let out = cmd.write_stdin(e.text.clone()).output().expect("runs");
    let report: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|err| panic!("{:?}: {err}; {}", e.text, String::from_utf8_lossy(&out.stderr)));
    claims(&report).clone()
}

fn show(claims: &[Value]) -> String {
    claims
        .iter()
        .map(|c| format!("{} {} {:?}: {}", c["verdict"], c["rule"], c["text"], c["message"]))
        .collect::<Vec<_>>()
        .join("\n    ")
}

#[test]
fn every_rule_has_examples_that_fire_and_examples_that_do_not() {
    for d in docs() {
        assert!(!d.fires.is_empty(), "{} has no example it fires on", d.code);
        assert!(!d.allows.is_empty(), "{} has no example it must not fire on", d.code);
    }
}

#[test]
fn every_example_of_every_rule_holds() {
    let mut failures = Vec::new();
    for d in docs() {
        for (e, fires) in d
            .fires
            .iter()
            .map(|e| (e, true))
            .chain(d.allows.iter().map(|e| (e, false)))
        {
            let claims = run(e);
            let hit = claims
                .iter()
                .any(|c| c["rule"] == d.code.as_str() && e.claim.as_ref().is_none_or(|t| c["text"] == t.as_str()));
            let guard = (fires && d.group != Group::Discrepancy) || (!fires && d.group == Group::Discrepancy);
            let false_alarm = guard && claims.iter().any(|c| c["verdict"] == "discrepancy");
            if hit != fires || false_alarm {
                failures.push(format!(
                    "{} {} {:?}{}\n    {}",
                    d.code,
                    if fires { "must fire on" } else { "must not fire on" },
                    e.text,
                    if false_alarm { " (and raise no discrepancy)" } else { "" },
                    show(&claims)
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} examples fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn rules_lists_every_rule_and_explains_one() {
    let out = factcheck().args(["rules"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    for r in Rule::ALL {
        assert!(text.contains(r.code()) && text.contains(r.name()), "{r}");
    }
    let out = factcheck().args(["rules", "--format", "json"]).output().unwrap();
    let list: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(list.len(), Rule::ALL.len());
    for r in &list {
        for key in ["code", "name", "summary", "group", "explanation", "fires", "allows"] {
            assert!(r.get(key).is_some(), "{key} in {r}");
        }
    }
    assert_eq!(list[0]["code"], "D101");

    let out = factcheck().args(["rules", "d105"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("D105 count-differs (discrepancy)\n"), "{text}");
    assert!(
        text.contains("Fires on:\n  The summit gathered representatives from 36 countries."),
        "{text}"
    );
    assert!(text.contains("Does not fire on:\n"), "{text}");

    let out = factcheck()
        .args(["rules", "L009", "--format", "json"])
        .output()
        .unwrap();
    let one: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (one["code"].as_str(), one["name"].as_str()),
        (Some("L009"), Some("other-occasion"))
    );

    let out = factcheck().args(["rules", "X123"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: unknown rule `X123`; `factcheck rules` lists them\n"
    );
}

const WRONG: &str = "The summit gathered representatives from 36 countries.";

fn check_file(dir: &std::path::Path, name: &str, text: &str, extra: &[&str]) -> (i32, Value) {
    let path = write(dir, name, text);
    let out = factcheck()
        .args(["check", "--format", "json", "--published", "2026-01-07"])
        .args(extra)
        .arg(&path)
        .current_dir(dir)
        .arg("-f")
        .arg(crate::common::root().join("claims"))
        .output()
        .unwrap();
    (out.status.code().unwrap(), serde_json::from_slice(&out.stdout).unwrap())
}

#[test]
fn an_ignore_comment_suppresses_its_line_or_the_next_and_never_fails_the_run() {
    let dir = tempfile::tempdir().unwrap();
    // At the end of the line: that line.
    let (code, report) = check_file(
        dir.path(),
        "a.md",
        &format!("{WRONG} <!-- factcheck: ignore -->\n"),
        &[],
    );
    assert_eq!(code, 0, "a suppressed discrepancy does not fail the run");
    let c = &claims(&report)[0];
    assert_eq!(
        (c["verdict"].as_str(), c["suppressed"].as_bool()),
        (Some("discrepancy"), Some(true))
    );
    let summary = &report["articles"][0]["summary"];
    assert_eq!(
        (summary["discrepancy"].as_u64(), summary["suppressed"].as_u64()),
        (Some(0), Some(1))
    );
    assert_eq!(report["summary"]["suppressed"], 1);

    // Alone on a line: the next line only.
    let text = format!("<!-- factcheck: ignore -->\n{WRONG}\n\n{WRONG}\n");
    let (code, report) = check_file(dir.path(), "b.md", &text, &[]);
    assert_eq!(code, 1, "the second, unsuppressed line still fails");
    let flags: Vec<bool> = claims(&report).iter().map(|c| c.get("suppressed").is_some()).collect();
    assert_eq!(flags, [true, false]);

    // With codes: only those rules; the same in a plain-text article.
    let text = format!(
        "{WRONG} <!-- factcheck: ignore L009, D105 -->\nRussia first invaded Ukraine in 2015. <!-- factcheck: ignore D105 -->\n"
    );
    let (code, report) = check_file(dir.path(), "c.txt", &text, &[]);
    assert_eq!(code, 1);
    let got: Vec<(String, bool)> = claims(&report)
        .iter()
        .map(|c| (c["rule"].as_str().unwrap().to_owned(), c.get("suppressed").is_some()))
        .collect();
    assert_eq!(got, [("D105".to_owned(), true), ("D104".to_owned(), false)]);
}

#[test]
fn ignore_in_the_config_suppresses_a_rule_everywhere_and_an_unknown_code_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "factcheck.toml", "ignore = [\"d105\"]\n");
    let out = factcheck()
        .args(["check", "a.md", "--format", "json", "--published", "2026-01-07", "-f"])
        .arg(crate::common::root().join("claims"))
        .current_dir(dir.path())
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "a.md does not exist yet");
    write(
        dir.path(),
        "a.md",
        &format!("{WRONG}\nRussia first invaded Ukraine in 2015.\n"),
    );
    let out = factcheck()
        .args(["check", "a.md", "--format", "sarif", "--published", "2026-01-07", "-f"])
        .arg(crate::common::root().join("claims"))
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "D104 is not ignored");
    let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let d105 = results.iter().find(|r| r["ruleId"] == "D105").expect("still reported");
    assert_eq!(d105["suppressions"][0]["kind"], "external");
    let d104 = results.iter().find(|r| r["ruleId"] == "D104").unwrap();
    assert!(d104.get("suppressions").is_none());

    write(
        dir.path(),
        "factcheck.toml",
        "fail-on = \"discrepancy\"\nignore = [\"D105\", \"Z999\"]\n",
    );
    let out = factcheck()
        .args(["check", "a.md"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: factcheck.toml:2:19: `ignore`: unknown rule `Z999` (`factcheck rules` lists them)\n"
    );
}

#[test]
fn a_suppressed_result_is_marked_in_source_in_sarif() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "a.md",
        &format!("{WRONG} <!-- factcheck: ignore D105 -->\n"),
    );
    let out = factcheck()
        .args(["check", "--format", "sarif", "--published", "2026-01-07"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
    let r = &sarif["runs"][0]["results"][0];
    assert_eq!(r["ruleId"], "D105");
    assert_eq!(r["suppressions"][0]["kind"], "inSource");
}

#[test]
fn the_human_report_marks_a_suppressed_claim_on_one_line_and_counts_it_apart() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "a.md", &format!("{WRONG} <!-- factcheck: ignore -->\n"));
    let out = factcheck()
        .args(["check", "--color", "never", "--published", "2026-01-07", "-f"])
        .arg(crate::common::root().join("claims"))
        .arg(&path)
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let marked: Vec<&str> = stdout.lines().filter(|l| l.starts_with("suppressed[D105]: ")).collect();
    assert_eq!(marked.len(), 1, "{stdout}");
    assert!(marked[0].ends_with("(ignore comment on line 1)"), "{stdout}");
    assert!(!stdout.contains("discrepancy[count]"), "{stdout}");
    assert!(
        stdout.contains("0 discrepancies, 0 unverifiable (1 suppressed)"),
        "{stdout}"
    );
}
