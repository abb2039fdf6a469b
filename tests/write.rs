//! `check --write`: the corrections of `--diff`, saved in place, atomically,
//! only where they are unambiguous; a second run changes nothing.

use std::path::Path;

use serde_json::Value;

use crate::common::{self, factcheck_in, fixture, run};

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// `factcheck check a.md -f facts.toml ARGS` in `dir`.
fn check(dir: &Path, args: &[&str]) -> common::Run {
    run(factcheck_in(dir).args(["check", "a.md", "-f", "facts.toml"]).args(args))
}

fn json(dir: &Path) -> Value {
    let r = check(dir, &["--format", "json"]);
    serde_json::from_str(&r.stdout).expect("JSON report")
}

/// The lines a unified diff removes and adds.
fn diff_lines(diff: &str) -> (Vec<&str>, Vec<&str>) {
    let body = diff.lines().filter(|l| !l.starts_with("---") && !l.starts_with("+++"));
    let (mut minus, mut plus) = (Vec::new(), Vec::new());
    for l in body {
        if let Some(r) = l.strip_prefix('-') {
            minus.push(r);
        } else if let Some(a) = l.strip_prefix('+') {
            plus.push(a);
        }
    }
    (minus, plus)
}

#[test]
fn write_applies_exactly_the_diff_and_lists_what_it_could_not_fix() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture::copy_into(dir.path(), "a.md");
    let before = std::fs::read_to_string(&path).unwrap();

    let diff = check(dir.path(), &["--diff"]);
    assert_eq!(diff.code, 1, "{}", diff.stderr);
    let (removed, added) = diff_lines(&diff.stdout);
    assert!(!added.is_empty(), "{}", diff.stdout);

    let w = check(dir.path(), &["--write"]);
    assert_eq!(w.stderr, "");
    let after = std::fs::read_to_string(&path).unwrap();
    let lines: Vec<&str> = w.stdout.lines().collect();
    assert_eq!(lines[0], "a.md: 8 corrections written", "{}", w.stdout);
    assert!(
        lines[1].starts_with("a.md:12:2: not corrected: discrepancy[quote]: ")
            && lines[1].ends_with("(no single correction)"),
        "{}",
        w.stdout
    );
    assert_eq!(
        lines[2], "1 file changed, 8 corrections written; 1 discrepancy left for an editor",
        "{}",
        w.stdout
    );
    assert_eq!(w.code, 1, "the misquote is still a discrepancy");

    // The file now holds what the diff showed: its added lines, none it removed.
    for line in &added {
        assert!(after.lines().any(|l| l == *line), "missing {line:?} in\n{after}");
    }
    for line in &removed {
        assert!(!after.lines().any(|l| l == *line), "left {line:?} in\n{after}");
    }
    // Every correctable kind was corrected in the article's own style.
    for (old, new) in [
        ("Wednesday, January 7", "Tuesday, January 6"),
        ("thirty-six countries", "thirty-five countries"),
        (
            "French Prime Minister Emmanuel Macron",
            "French President Emmanuel Macron",
        ),
        ("Kier Starmer", "Keir Starmer"),
        ("in 2015", "in 2014"),
        ("€80 billion", "€90 billion"),
        ("about 30%", "about 20%"),
    ] {
        assert!(before.contains(old) && !after.contains(old), "{old}");
        assert!(after.contains(new), "{new} in\n{after}");
    }
    // Everything else is byte for byte the same.
    assert_eq!(after.lines().count(), before.lines().count());
    assert!(
        after.contains("as long as it pays"),
        "the misquote is left to an editor"
    );

    // Checked again, only what could not be corrected remains.
    let report = json(dir.path());
    let verdicts: Vec<(&str, &str)> = report["articles"][0]["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["verdict"] != "match")
        .map(|c| (c["verdict"].as_str().unwrap(), c["kind"].as_str().unwrap()))
        .collect();
    assert_eq!(verdicts, [("discrepancy", "quote"), ("unverifiable", "count")]);
}

#[cfg(unix)]
#[test]
fn a_second_write_changes_nothing() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let path = fixture::copy_into(dir.path(), "a.md");
    assert_eq!(check(dir.path(), &["--write"]).code, 1);
    let first = std::fs::read(&path).unwrap();
    let inode = std::fs::metadata(&path).unwrap().ino();

    let again = check(dir.path(), &["--write"]);
    assert_eq!(again.code, 1);
    assert!(
        again
            .stdout
            .ends_with("0 files changed, 0 corrections written; 1 discrepancy left for an editor\n"),
        "{}",
        again.stdout
    );
    assert_eq!(std::fs::read(&path).unwrap(), first);
    assert_eq!(
        std::fs::metadata(&path).unwrap().ino(),
        inode,
        "the file was not even replaced"
    );
    assert_eq!(check(dir.path(), &["--diff"]).stdout, "", "nothing left to diff");
}

#[cfg(unix)]
#[test]
fn permissions_are_kept_and_read_only_files_are_refused() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = fixture::copy_into(dir.path(), "a.md");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    assert_eq!(check(dir.path(), &["--write"]).code, 1);
    assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o640);

    let ro = fixture::copy_into(dir.path(), "a.md");
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o444)).unwrap();
    let r = check(dir.path(), &["--write"]);
    assert_eq!(r.code, 2);
    assert_eq!(r.stderr, "error: a.md: file is read-only; not changed\n");
    assert!(r.stdout.ends_with("1 file not written\n"), "{}", r.stdout);
    assert_eq!(std::fs::read_to_string(&ro).unwrap(), fixture::article(), "untouched");
    // (The fact base's cache may sit beside it: it is no temporary file.)
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n != ".factcheck_cache")
        .collect();
    assert_eq!(names.len(), 2, "no temporary file left behind: {names:?}");
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o644)).unwrap();
}

#[cfg(unix)]
#[test]
fn a_symlinked_article_is_corrected_where_it_points() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("real")).unwrap();
    let target = fixture::copy_into(&dir.path().join("real"), "article.md");
    std::fs::copy(dir.path().join("real/facts.toml"), dir.path().join("facts.toml")).unwrap();
    std::os::unix::fs::symlink("real/article.md", dir.path().join("a.md")).unwrap();
    assert_eq!(check(dir.path(), &["--write"]).code, 1);
    assert!(
        std::fs::symlink_metadata(dir.path().join("a.md"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(std::fs::read_to_string(&target).unwrap().contains("Keir Starmer"));
}

#[test]
fn crlf_line_endings_survive() {
    let dir = tempfile::tempdir().unwrap();
    fixture::copy_into(dir.path(), "a.md");
    let crlf = fixture::article().replace('\n', "\r\n");
    std::fs::write(dir.path().join("a.md"), &crlf).unwrap();
    assert_eq!(check(dir.path(), &["--write"]).code, 1);
    let after = std::fs::read_to_string(dir.path().join("a.md")).unwrap();
    assert!(after.contains("Keir Starmer"));
    assert_eq!(after.matches("\r\n").count(), crlf.matches("\r\n").count());
    assert_eq!(after.matches('\n').count(), after.matches("\r\n").count(), "no bare LF");
}

#[test]
fn the_sample_draft_is_fully_corrected() {
    // Engine-agnostic: whatever the engine finds in the draft, every
    // discrepancy with a suggestion is corrected and none comes back.
    let dir = tempfile::tempdir().unwrap();
    let draft = common::root().join("articles/drafts/paris-summit-errors.md");
    std::fs::copy(&draft, dir.path().join("draft.md")).unwrap();
    let claims = common::root().join("claims");
    let args = ["check", "draft.md", "-f", s(&claims), "--format", "json"];
    let before: Value = serde_json::from_str(&run(factcheck_in(dir.path()).args(args)).stdout).unwrap();
    let fixable = before["articles"][0]["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["verdict"] == "discrepancy" && c["suggestion"].is_string())
        .count();
    assert!(fixable >= 5, "{before:#}");
    let w = run(factcheck_in(dir.path()).args(["check", "draft.md", "-f", s(&claims), "--write"]));
    assert!(
        w.stdout
            .starts_with(&format!("draft.md: {fixable} corrections written\n")),
        "{}",
        w.stdout
    );
    let after: Value = serde_json::from_str(&run(factcheck_in(dir.path()).args(args)).stdout).unwrap();
    let left: Vec<&Value> = after["articles"][0]["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["verdict"] == "discrepancy" && c["suggestion"].is_string())
        .collect();
    assert!(left.is_empty(), "still to correct after --write: {left:#?}");
}

#[test]
fn write_refuses_stdin_and_diff() {
    let dir = tempfile::tempdir().unwrap();
    fixture::copy_into(dir.path(), "a.md");
    let r = run(factcheck_in(dir.path())
        .args(["check", "-", "-f", "facts.toml", "--write"])
        .write_stdin(fixture::article()));
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "error: --write cannot correct standard input (-); use --diff, or name the file\n"
    );
    let r = check(dir.path(), &["--write", "--diff"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("--diff") && r.stderr.contains("--write"),
        "{}",
        r.stderr
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.md")).unwrap(),
        fixture::article()
    );
}

/// A correction can make another claim judgeable: the count is not judged
/// in a sentence dated far from the summit, and once the date is set right
/// it is. `--write` follows that through, so a second `--write` changes
/// nothing and the run is clean.
#[cfg(unix)]
#[test]
fn write_twice_changes_nothing_the_second_time_even_after_a_cascade() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let claims = common::root().join("claims");
    let path = common::write(
        dir.path(),
        "a.txt",
        "Leaders from more than 41 countries gathered in Paris on 7 January 3137.\n",
    );
    let args = ["check", "a.txt", "-f", s(&claims), "--published", "2026-01-07"];
    let corrected = "Leaders from 35 countries gathered in Paris on 6 January 2026.\n";

    // One pass alone corrects only the date; --diff shows both corrections.
    let diff = run(factcheck_in(dir.path()).args(args).arg("--diff"));
    assert_eq!(diff.code, 1, "{}", diff.stderr);
    assert_eq!(diff_lines(&diff.stdout).1, [corrected.trim_end()], "{}", diff.stdout);

    let first = run(factcheck_in(dir.path()).args(args).arg("--write"));
    assert_eq!(
        (first.code, first.stderr.as_str()),
        (0, ""),
        "nothing is left to fail on"
    );
    assert_eq!(
        first.stdout,
        "a.txt: 2 corrections written\n1 file changed, 2 corrections written\n"
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        corrected,
        "exactly what --diff showed"
    );
    let inode = std::fs::metadata(&path).unwrap().ino();

    let second = run(factcheck_in(dir.path()).args(args).arg("--write"));
    assert_eq!((second.code, second.stderr.as_str()), (0, ""));
    assert_eq!(second.stdout, "0 files changed, 0 corrections written\n");
    assert_eq!(std::fs::read(&path).unwrap(), corrected.as_bytes(), "byte for byte");
    assert_eq!(std::fs::metadata(&path).unwrap().ino(), inode, "not even replaced");
    let diff = run(factcheck_in(dir.path()).args(args).arg("--diff"));
    assert_eq!((diff.code, diff.stdout.as_str()), (0, ""));
}

/// Issue 15, item 7: `--diff` and `--write` print a diff and a summary, not
/// a report, so an explicit `--format` other than human is refused (exit 2,
/// one line, nothing written); `format` in factcheck.toml does not apply.
#[test]
fn diff_and_write_refuse_a_report_format() {
    let dir = tempfile::tempdir().unwrap();
    fixture::copy_into(dir.path(), "a.md");
    for (flag, format) in [
        ("--diff", "json"),
        ("--write", "sarif"),
        ("--diff", "github"),
        ("--write", "html"),
    ] {
        let r = check(dir.path(), &[flag, "--format", format]);
        assert_eq!(r.code, 2, "{flag} {format}");
        assert_eq!(r.stdout, "");
        assert!(
            r.stderr.starts_with(&format!("error: {flag} prints "))
                && r.stderr.contains(&format!(
                    "not a {format} report: drop --format {format}, or add --report {format}=PATH"
                )),
            "{}",
            r.stderr
        );
        assert_eq!(r.stderr.lines().count(), 1);
    }
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.md")).unwrap(),
        fixture::article()
    );
    let r = check(dir.path(), &["--diff", "--format", "human"]);
    assert_eq!(r.code, 1);
    assert!(r.stdout.starts_with("--- a/a.md\n+++ b/a.md\n"), "{}", r.stdout);
    // A project's default format is for reports; --diff still prints its diff.
    std::fs::write(dir.path().join("factcheck.toml"), "format = \"json\"\n").unwrap();
    let r = check(dir.path(), &["--diff"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stdout.starts_with("--- a/a.md\n"), "{}", r.stdout);
    // With --report, the same run also writes a report.
    let r = check(dir.path(), &["--diff", "--report", "json=report.json"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let report: Value = serde_json::from_slice(&std::fs::read(dir.path().join("report.json")).unwrap()).unwrap();
    assert_eq!(report["articles"][0]["path"], "a.md");
}

/// Issue 15, item 11: a correction keeps "a"/"an" in agreement with what
/// it writes ("an €80 billion" becomes "a €90 billion", "a 30%" becomes
/// "an 18%"), in --diff, --write and the suggestion every report shows.
#[test]
fn corrections_keep_a_and_an_in_agreement() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("facts.toml"),
        fixture::facts().replace("percent = 20", "percent = 18"),
    )
    .unwrap();
    let article = "---\npublished: 2026-01-07\n---\n\n\
                   Leaders backed an €80 billion loan. Russia occupies a 30% share of Ukraine.\n\
                   An €80 billion loan was backed by the leaders at the\nsummit.\n";
    std::fs::write(d.join("a.md"), article).unwrap();
    let want = "---\npublished: 2026-01-07\n---\n\n\
                Leaders backed a €90 billion loan. Russia occupies an 18% share of Ukraine.\n\
                A €90 billion loan was backed by the leaders at the\nsummit.\n";

    let r = check(d, &["--diff"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let (minus, plus) = diff_lines(&r.stdout);
    assert_eq!(
        minus,
        [
            "Leaders backed an €80 billion loan. Russia occupies a 30% share of Ukraine.",
            "An €80 billion loan was backed by the leaders at the"
        ]
    );
    assert_eq!(
        plus,
        [
            "Leaders backed a €90 billion loan. Russia occupies an 18% share of Ukraine.",
            "A €90 billion loan was backed by the leaders at the"
        ]
    );
    let human = check(d, &[]).stdout;
    assert!(human.contains("help: write \"a €90 billion\""), "{human}");
    assert!(human.contains("help: write \"an 18%\""), "{human}");
    assert!(human.contains("help: write \"A €90 billion\""), "{human}");
    let github = check(d, &["--format", "github"]).stdout;
    assert!(github.contains("help: write \"an 18%25\""), "{github}");
    let sarif: Value = serde_json::from_str(&check(d, &["--format", "sarif"]).stdout).unwrap();
    let fixes: Vec<(&str, u64)> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| {
            let rep = &r["fixes"][0]["artifactChanges"][0]["replacements"][0];
            Some((
                rep["insertedContent"]["text"].as_str()?,
                rep["deletedRegion"]["charLength"].as_u64()?,
            ))
        })
        .collect();
    assert!(
        fixes.contains(&("a €90 billion", "an €80 billion".chars().count() as u64)),
        "{fixes:?}"
    );

    let r = check(d, &["--write"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert_eq!(std::fs::read_to_string(d.join("a.md")).unwrap(), want);
    let r = check(d, &["--write"]);
    assert!(r.stdout.starts_with("0 files changed"), "{}", r.stdout);
}
