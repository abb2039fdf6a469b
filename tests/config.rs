//! `factcheck.toml`: found in the nearest ancestor, `--config`, `--isolated`,
//! strict keys with file:line:column, and flags that override it.

use std::path::Path;

use serde_json::Value;

use crate::common::{factcheck_in, fixture, run, write};

/// A project: `factcheck.toml` (`config`), `facts/facts.toml`,
/// `articles/a.md`, `articles/drafts/b.md` and `articles/notes/c.txt`
/// (all the fixture article).
fn project(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for sub in ["facts", "articles/drafts", "articles/notes"] {
        std::fs::create_dir_all(d.join(sub)).unwrap();
    }
    write(&d.join("facts"), "facts.toml", &fixture::facts());
    write(&d.join("articles"), "a.md", &fixture::article());
    write(&d.join("articles/drafts"), "b.md", &fixture::article());
    write(
        &d.join("articles/notes"),
        "c.txt",
        "Representatives from 35 countries attended.",
    );
    write(d, "factcheck.toml", config);
    dir
}

const CONFIG: &str = r#"# The newsroom's settings
facts = ["facts"]
include = ["articles"]
exclude = ["articles/drafts"]
fail-on = "never"
format = "json"
"#;

fn paths(report: &Value) -> Vec<String> {
    report["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .map(|a| a["path"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn the_nearest_config_supplies_articles_facts_format_and_fail_on() {
    let dir = project(CONFIG);
    let r = run(factcheck_in(dir.path()).arg("check"));
    assert_eq!(r.code, 0, "fail-on = never; stderr: {}", r.stderr);
    let report: Value = serde_json::from_str(&r.stdout).expect("format = json");
    assert_eq!(
        paths(&report),
        ["articles/a.md", "articles/notes/c.txt"],
        "drafts excluded"
    );
    assert_eq!(report["facts"]["files"][0], "facts/facts.toml");

    // From a subfolder the same file is found, and paths stay relative.
    let sub = dir.path().join("articles/notes");
    let r = run(factcheck_in(&sub).arg("check"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let report: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(paths(&report), ["../../articles/a.md", "../../articles/notes/c.txt"]);
}

#[test]
fn command_line_flags_override_the_config() {
    let dir = project(CONFIG);
    let r = run(factcheck_in(dir.path()).args(["check", "--format", "jsonl", "--fail-on", "discrepancy"]));
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stdout.lines().all(|l| l.starts_with('{')), "jsonl: {}", r.stdout);
    // Named articles replace `include`; a named excluded file is still checked.
    let r = run(factcheck_in(dir.path()).args(["check", "articles/drafts/b.md"]));
    let report: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(paths(&report), ["articles/drafts/b.md"]);
    // A walked folder drops what `exclude` names, and --exclude adds to it.
    let r = run(factcheck_in(dir.path()).args(["check", "articles", "--exclude", "*.txt"]));
    let report: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(paths(&report), ["articles/a.md"]);
    // -f replaces `facts`.
    let r = run(factcheck_in(dir.path()).args(["check", "-f", "nowhere.toml"]));
    assert_eq!(r.code, 2);
    assert_eq!(r.stderr, "error: nowhere.toml: no such file or directory\n");
}

#[test]
fn isolated_ignores_the_config_and_config_names_one() {
    let dir = project(CONFIG);
    let r = run(factcheck_in(dir.path()).args(["check", "--isolated"]));
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "error: no articles to check: name files or folders (or - for standard input), or set `include` in factcheck.toml\n"
    );
    let r = run(factcheck_in(dir.path()).args(["check", "--isolated", "articles/a.md", "-f", "facts"]));
    assert_eq!(r.code, 1, "defaults again: fail on discrepancy");
    assert!(r.stdout.contains("discrepancy[count]"), "human format: {}", r.stdout);

    std::fs::create_dir(dir.path().join("other")).unwrap();
    write(
        &dir.path().join("other"),
        "ci.toml",
        "facts = \"../facts\"\ninclude = \"../articles/notes/*.txt\"\nformat = \"github\"\n",
    );
    let r = run(factcheck_in(dir.path()).args(["check", "--config", "other/ci.toml"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout, "::notice title=factcheck::1 article, 1 claim: 1 match, 0 discrepancies, 0 unverifiable\n",
        "only c.txt, in the github format"
    );
    let r = run(factcheck_in(dir.path()).args(["check", "--config", "other/ci.toml", "--isolated"]));
    assert_eq!(r.code, 2, "the two contradict each other");
}

#[test]
fn unknown_keys_and_bad_values_name_file_line_and_column() {
    let cases: &[(&str, &str)] = &[
        (
            "format = \"json\"\n  fail_onn = \"never\"\n",
            "error: factcheck.toml:2:3: unknown key `fail_onn` (did you mean `fail-on`?)",
        ),
        (
            "[check]\nformat = \"json\"\n",
            "error: factcheck.toml:1:2: unknown key `check` (expected one of: facts, include, exclude, fail-on, format, published, ignore)",
        ),
        (
            "format = \"pdf\"\n",
            "error: factcheck.toml:1:10: unknown report format `pdf`; expected one of human, json, jsonl, sarif, github, junit, html",
        ),
        (
            "fail-on = true\n",
            "error: factcheck.toml:1:11: `fail-on` must be a string, found a boolean",
        ),
        (
            "exclude = [\"ok\", 3]\n",
            "error: factcheck.toml:1:18: `exclude` must be a string, found an integer",
        ),
        ("published = 2026-02-30\n", "error: factcheck.toml:1:13: invalid TOML: "),
    ];
    for (config, expected) in cases {
        let dir = project(config);
        let r = run(factcheck_in(dir.path()).args(["check", "articles/a.md"]));
        assert_eq!(r.code, 2, "{config}");
        assert_eq!(r.stdout, "");
        assert_eq!(r.stderr.lines().count(), 1, "one line: {}", r.stderr);
        assert!(r.stderr.starts_with(expected), "{config}: {}", r.stderr);
    }
    let dir = project("format = \"json\"\n");
    std::fs::write(dir.path().join("factcheck.toml"), b"format = \"js\xF6n\"\n").unwrap();
    let r = run(factcheck_in(dir.path()).args(["check", "articles/a.md"]));
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "error: factcheck.toml:1:13: not valid UTF-8 (TOML files must be UTF-8)\n"
    );
    // From a subfolder, the file is named by its full path.
    let dir = project("colour = \"never\"\n");
    let r = run(factcheck_in(&dir.path().join("articles")).args(["check", "a.md"]));
    let file = dir.path().join("factcheck.toml");
    assert_eq!(
        r.stderr,
        format!(
            "error: {}:1:1: unknown key `colour` (expected one of: facts, include, exclude, fail-on, format, published, ignore)\n",
            file.display()
        )
    );
}

#[test]
fn published_policy_required_and_fixed_date() {
    let dir = project("facts = \"facts\"\npublished = \"required\"\n");
    write(dir.path(), "undated.txt", "The summit was held on January 6.");
    let r = run(factcheck_in(dir.path()).args(["check", "undated.txt"]));
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .starts_with("error: undated.txt: no publication date; add `published: YYYY-MM-DD` to its front matter"),
        "{}",
        r.stderr
    );
    // --published satisfies the policy; front matter does too.
    let r = run(factcheck_in(dir.path()).args(["check", "undated.txt", "--published", "2026-01-07"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(run(factcheck_in(dir.path()).args(["check", "articles/a.md"])).code, 1);

    let dir = project("facts = \"facts\"\npublished = 2026-01-07\nformat = \"json\"\n");
    write(dir.path(), "undated.txt", "The summit was held on January 6.");
    let r = run(factcheck_in(dir.path()).args(["check", "undated.txt"]));
    let report: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(report["articles"][0]["published"], "2026-01-07");
    assert_eq!(report["articles"][0]["claims"][0]["found"], "2026-01-06");
}

#[test]
fn facts_validate_reads_the_config_too() {
    let dir = project(CONFIG);
    let r = run(factcheck_in(dir.path()).args(["facts", "validate"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("facts/facts.toml: "), "{}", r.stdout);
}

#[test]
fn no_config_means_the_old_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let r = run(factcheck_in(dir.path()).arg("check"));
    assert_eq!(r.code, 2);
    assert!(r.stderr.starts_with("error: no articles to check"), "{}", r.stderr);
    let sub = Path::new("claims");
    let r = run(factcheck_in(dir.path())
        .args(["check", "-"])
        .write_stdin("36 countries"));
    assert_eq!(
        r.stderr,
        format!(
            "error: {}: no such file or directory (the default fact base; name one with -f PATH, \
             or set `facts = [\"PATH\"]` in factcheck.toml)\n",
            sub.display()
        )
    );
}

/// Issue 15, item 13: `facts validate|list|show` and `suggest` read the
/// settings file as `check` does: `--config PATH` names one, `--isolated`
/// ignores them all (and falls back to ./claims).
#[test]
fn fact_base_commands_and_suggest_take_config_and_isolated() {
    let dir = project(CONFIG);
    let d = dir.path();
    std::fs::create_dir_all(d.join("other/base")).unwrap();
    write(
        &d.join("other/base"),
        "f.toml",
        &fixture::facts().replace("count = 35", "count = 36"),
    );
    write(&d.join("other"), "ci.toml", "facts = \"base\"\n");
    write(
        &d.join("articles"),
        "new.txt",
        "The summit agreed to send 120 monitors soon.\n",
    );

    let r = run(factcheck_in(d).args(["facts", "validate", "--config", "other/ci.toml"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("other/base/f.toml: "), "{}", r.stdout);
    let r = run(factcheck_in(d).args(["facts", "validate", "--format", "json", "--config", "other/ci.toml"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("other/base/f.toml"), "{}", r.stdout);
    let r = run(factcheck_in(d).args(["facts", "list", "--kind", "count", "--config", "other/ci.toml"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("36 countries"), "{}", r.stdout);
    let r = run(factcheck_in(d).args(["facts", "show", "summit.countries", "--config", "other/ci.toml"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("36"), "{}", r.stdout);
    let r = run(factcheck_in(d).args(["suggest", "articles/new.txt", "--config", "other/ci.toml"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("count = 120"), "{}", r.stdout);

    // Without a flag, the project's own factcheck.toml (facts/) is used.
    let r = run(factcheck_in(d).args(["facts", "list", "--kind", "count"]));
    assert!(r.stdout.contains("35 countries"), "{}", r.stdout);
    // --isolated: no settings file, so ./claims, which this project lacks.
    for args in [
        &["facts", "validate"][..],
        &["facts", "list"],
        &["facts", "show", "summit.countries"],
        &["suggest", "articles/new.txt"],
    ] {
        let r = run(factcheck_in(d).args(args).arg("--isolated"));
        assert_eq!(r.code, 2, "{args:?}: {}{}", r.stdout, r.stderr);
        assert!(
            r.stderr.starts_with("error: claims: no such file or directory"),
            "{args:?}: {}",
            r.stderr
        );
        let r = run(factcheck_in(d)
            .args(args)
            .args(["--isolated", "--config", "other/ci.toml"]));
        assert_eq!(r.code, 2, "{args:?}: the two contradict each other");
    }
}
