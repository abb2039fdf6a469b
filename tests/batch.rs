//! Many articles: folders walked with `.gitignore` respected, checked in
//! parallel with output in a fixed order, a progress bar only on a terminal.

use std::path::Path;
use std::process::Command as Std;

use serde_json::Value;

use crate::common::{factcheck_in, fixture, run, write};

fn paths(report: &Value) -> Vec<&str> {
    report["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .map(|a| a["path"].as_str().unwrap())
        .collect()
}

/// `n` small articles `batch/NNN.txt`, each with a different count.
fn batch(dir: &Path, n: usize) {
    std::fs::create_dir_all(dir.join("batch")).unwrap();
    std::fs::write(dir.join("facts.toml"), fixture::facts()).unwrap();
    for i in 0..n {
        write(
            &dir.join("batch"),
            &format!("{i:03}.txt"),
            &format!("Representatives from {} countries attended.", 30 + i % 10),
        );
    }
}

#[test]
fn gitignored_and_hidden_files_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("facts.toml"), fixture::facts()).unwrap();
    std::fs::create_dir_all(d.join("articles/build")).unwrap();
    std::fs::create_dir_all(d.join("articles/.cache")).unwrap();
    write(d, ".gitignore", "articles/build/\n*.bak.md\n");
    write(&d.join("articles"), ".ignore", "scratch.txt\n");
    for name in ["a.md", "b.bak.md", "scratch.txt", "z.txt"] {
        write(&d.join("articles"), name, "The summit was held in Paris.");
    }
    write(&d.join("articles/build"), "out.md", "The summit was held in Paris.");
    write(&d.join("articles/.cache"), "c.md", "The summit was held in Paris.");
    let r = run(factcheck_in(d).args(["check", "articles", "-f", "facts.toml", "--format", "json"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let report: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(paths(&report), ["articles/a.md", "articles/z.txt"]);
    // A file named on the command line is read even when ignored.
    let r = run(factcheck_in(d).args(["check", "articles/b.bak.md", "-f", "facts.toml", "--format", "json"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn parallel_checking_keeps_the_order_and_the_bytes() {
    let dir = tempfile::tempdir().unwrap();
    batch(dir.path(), 80);
    let args = [
        "check",
        "batch",
        "-f",
        "facts.toml",
        "--format",
        "jsonl",
        "--fail-on",
        "never",
    ];
    let first = run(factcheck_in(dir.path()).args(args));
    assert_eq!(first.code, 0, "{}", first.stderr);
    let lines: Vec<Value> = first.stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let order: Vec<&str> = lines.iter().map(|c| c["path"].as_str().unwrap()).collect();
    let expected: Vec<String> = (0..80).map(|i| format!("batch/{i:03}.txt")).collect();
    assert_eq!(order, expected);
    for (i, c) in lines.iter().enumerate() {
        assert_eq!(
            c["found"],
            30 + i as u64 % 10,
            "article {i} got another article's claim"
        );
    }
    for _ in 0..3 {
        assert_eq!(run(factcheck_in(dir.path()).args(args)).stdout, first.stdout);
    }
    // The same articles named one by one, in another order, keep that order.
    let named = run(factcheck_in(dir.path()).args([
        "check",
        "batch/002.txt",
        "batch/001.txt",
        "batch/002.txt",
        "-f",
        "facts.toml",
        "--format",
        "json",
    ]));
    let report: Value = serde_json::from_str(&named.stdout).unwrap();
    assert_eq!(paths(&report), ["batch/002.txt", "batch/001.txt"], "duplicates dropped");
}

/// Bad articles do not stop the others (issue 7): each is named, in list
/// order whatever the scheduling, and the run fails.
#[test]
fn every_bad_article_is_named_in_order_and_the_others_checked() {
    let dir = tempfile::tempdir().unwrap();
    batch(dir.path(), 60);
    std::fs::write(dir.path().join("batch/017.txt"), b"caf\xE9").unwrap();
    std::fs::write(dir.path().join("batch/052.txt"), b"\xFF\xFE").unwrap();
    for _ in 0..3 {
        let r = run(factcheck_in(dir.path()).args(["check", "batch", "-f", "facts.toml", "--format", "json"]));
        assert_eq!(r.code, 2);
        let report: Value = serde_json::from_str(&r.stdout).unwrap();
        assert_eq!(paths(&report).len(), 58);
        assert!(!paths(&report).contains(&"batch/017.txt"));
        assert_eq!(
            r.stderr,
            "error: batch/017.txt:1:4: not valid UTF-8 (byte 0xE9); save the file as UTF-8\n\
             error: batch/052.txt: file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8\n"
        );
        // The report itself says which articles it does not cover, and why.
        assert_eq!(
            report["errors"],
            serde_json::json!([
                {"path": "batch/017.txt",
                 "error": "batch/017.txt:1:4: not valid UTF-8 (byte 0xE9); save the file as UTF-8",
                 "message": "batch/017.txt:1:4: not valid UTF-8 (byte 0xE9); save the file as UTF-8"},
                {"path": "batch/052.txt",
                 "error": "batch/052.txt: file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8",
                 "message": "batch/052.txt: file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8"},
            ])
        );
        assert_eq!(report["summary"]["articles"], 58);
    }
    // A run where every article could be read has no `errors` at all.
    std::fs::remove_file(dir.path().join("batch/017.txt")).unwrap();
    std::fs::remove_file(dir.path().join("batch/052.txt")).unwrap();
    let r = run(factcheck_in(dir.path()).args(["check", "batch", "-f", "facts.toml", "--format", "json"]));
    let report: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(report.get("errors").is_none(), "{}", r.stdout);
}

/// The CI formats say which articles they do not cover, each in its own way:
/// an `::error` annotation on the file, a JUnit test case in error, a SARIF
/// tool-execution notification on an unsuccessful invocation.
#[test]
fn unread_articles_appear_in_every_ci_format() {
    let dir = tempfile::tempdir().unwrap();
    batch(dir.path(), 3);
    std::fs::write(dir.path().join("batch/001.txt"), b"\xFF\xFE").unwrap();
    let error = "batch/001.txt: file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8";
    let report = |format: &str| {
        let r = run(factcheck_in(dir.path()).args(["check", "batch", "-f", "facts.toml", "--format", format]));
        assert_eq!(r.code, 2, "{format}: {}", r.stderr);
        r.stdout
    };
    let github = report("github");
    assert!(
        github.contains(&format!(
            "::error file=batch/001.txt,title=factcheck%3A article not read::{error}\n"
        )),
        "{github}"
    );
    let junit = report("junit");
    assert!(
        junit.contains(r#"<testsuite name="batch/001.txt" tests="1" skipped="0" errors="1" failures="0">"#),
        "{junit}"
    );
    assert!(
        junit.contains(&format!(r#"<error message="{error}" type="unread"/>"#)),
        "{junit}"
    );
    let sarif: Value = serde_json::from_str(&report("sarif")).unwrap();
    let invocation = &sarif["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notes = invocation["toolExecutionNotifications"].as_array().unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0]["level"], "error");
    assert_eq!(notes[0]["message"]["text"], error);
    assert_eq!(
        notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "batch/001.txt"
    );
    // Every article read: no invocation is written (the report is as before).
    std::fs::remove_file(dir.path().join("batch/001.txt")).unwrap();
    let r = run(factcheck_in(dir.path()).args(["check", "batch", "-f", "facts.toml", "--format", "sarif"]));
    let sarif: Value = serde_json::from_str(&r.stdout).unwrap();
    assert!(sarif["runs"][0].get("invocations").is_none());
}

/// `factcheck claims`, as `check`: a bad article is named on one line, the
/// others are listed, and the run exits 2 at the end.
#[test]
fn claims_lists_the_readable_articles_and_names_the_others() {
    let dir = tempfile::tempdir().unwrap();
    batch(dir.path(), 5);
    std::fs::write(dir.path().join("batch/002.txt"), b"caf\xE9").unwrap();
    let r = run(factcheck_in(dir.path()).args(["claims", "batch", "-f", "facts.toml"]));
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "error: batch/002.txt:1:4: not valid UTF-8 (byte 0xE9); save the file as UTF-8\n"
    );
    let listed: Vec<&str> = r.stdout.lines().filter_map(|l| l.split(':').next()).collect();
    for n in ["000", "001", "003", "004"] {
        assert!(listed.contains(&format!("batch/{n}.txt").as_str()), "{}", r.stdout);
    }
    assert!(!r.stdout.contains("002"), "{}", r.stdout);
    let r = run(factcheck_in(dir.path()).args(["claims", "batch", "-f", "facts.toml", "--format", "json"]));
    assert_eq!(r.code, 2);
    let listing: Value = serde_json::from_str(&r.stdout).expect("JSON of the others");
    assert_eq!(
        listing["claims"].as_array().map(Vec::len),
        Some(4),
        "one claim per good article"
    );
    assert_eq!(listing["errors"][0]["path"], "batch/002.txt", "and the one not read");
    // Nothing readable at all: no listing, only the error.
    let r = run(factcheck_in(dir.path()).args(["claims", "batch/002.txt", "-f", "facts.toml"]));
    assert_eq!((r.code, r.stdout.as_str()), (2, ""));
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
}

#[test]
fn no_progress_bar_off_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    batch(dir.path(), 120);
    let r = run(factcheck_in(dir.path()).args(["check", "batch", "-f", "facts.toml", "--format", "json"]));
    assert_eq!(r.code, 1);
    assert_eq!(r.stderr, "", "stderr is a pipe: no progress bar");
}

/// `script` (util-linux) runs the command on a pseudo-terminal.
#[cfg(unix)]
#[test]
fn a_progress_bar_on_a_terminal_for_large_batches_only() {
    if Std::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: `script` (util-linux) is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    batch(dir.path(), 120);
    let bin = env!("CARGO_BIN_EXE_factcheck");
    let on_tty = |articles: &str| {
        // stdout goes to a file so that only stderr is on the terminal.
        let cmd = format!("{bin} check {articles} -f facts.toml --format json > out.json");
        let out = Std::new("script")
            .args(["-qec", &cmd, "/dev/null"])
            .current_dir(dir.path())
            .env("NO_COLOR", "1")
            .output()
            .expect("script runs");
        let json: Value = serde_json::from_slice(&std::fs::read(dir.path().join("out.json")).unwrap()).unwrap();
        (String::from_utf8_lossy(&out.stdout).into_owned(), json)
    };
    let (terminal, json) = on_tty("batch");
    assert!(terminal.contains("checking"), "terminal output: {terminal:?}");
    assert!(terminal.contains("/120 articles"), "terminal output: {terminal:?}");
    assert_eq!(json["summary"]["articles"], 120, "the report is whole");
    let (terminal, _) = on_tty("batch/000.txt batch/001.txt");
    assert!(!terminal.contains("checking"), "two articles need no bar: {terminal:?}");
}

/// Articles are read while the fact base loads; a broken base is still the
/// only error, before any article's, and nothing is reported.
#[test]
fn a_broken_fact_base_is_the_one_error_even_beside_bad_articles() {
    let dir = tempfile::tempdir().unwrap();
    batch(dir.path(), 30);
    std::fs::write(dir.path().join("batch/017.txt"), b"caf\xE9").unwrap();
    write(dir.path(), "broken.toml", "[[facts]]\nid = \"x\"\nvalue = \n");
    let r =
        run(factcheck_in(dir.path()).args(["check", "batch", "missing.md", "-f", "broken.toml", "--format", "json"]));
    assert_eq!(r.code, 2);
    assert_eq!(r.stdout, "");
    assert_eq!(
        r.stderr,
        "error: broken.toml:3:9: invalid TOML: string values must be quoted, expected literal string\n"
    );
}
