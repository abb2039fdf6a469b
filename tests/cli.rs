//! The command line of the contract: exit codes, the error table (one clear
//! line on stderr naming the file, never a panic), output and colour flags,
//! stdin, CRLF, folders and `factcheck claims`.

use std::path::Path;

use serde_json::Value;

use crate::common::{self, check_text, check_text_with, claims, write};

/// Holds every claim kind the small article below produces, with one
/// discrepancy (36 countries) and one unverifiable claim (12 observers).
const ARTICLE: &str = "The summit was held in Paris on Tuesday, January 6, 2026.\n\
\n\
At the Élysée, the summit gathered delegations from 36 countries. Officials said 12 observers would arrive.\n";

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(cmd: &mut assert_cmd::Command) -> Run {
    let out = cmd.env("RUST_BACKTRACE", "1").output().expect("runs");
    let r = Run {
        code: out.status.code().expect("exit code"),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(!r.stderr.contains("panicked"), "panic: {}", r.stderr);
    assert!(!r.stderr.contains("RUST_BACKTRACE"), "backtrace hint: {}", r.stderr);
    r
}

/// Run `factcheck ARGS` expecting exit 2, nothing on stdout and one line on
/// stderr; returns that line.
fn error_line(args: &[&str]) -> String {
    let r = run(common::factcheck().args(args));
    assert_eq!(r.code, 2, "exit code for {args:?}; stderr: {}", r.stderr);
    assert_eq!(r.stdout, "", "stdout for {args:?}");
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "one line on stderr for {args:?}, got:\n{}", r.stderr);
    assert!(lines[0].starts_with("error: "), "{}", lines[0]);
    lines[0].to_owned()
}

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 temp path")
}

fn write_bytes(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

// --- Exit codes -------------------------------------------------------------

#[test]
fn clean_article_exits_0() {
    let (code, report) = check_text("The summit was held in Paris on Tuesday, January 6, 2026.");
    assert!(!claims(&report).is_empty());
    assert!(claims(&report).iter().all(|c| c["verdict"] == "match"), "{report:#}");
    assert_eq!(code, 0);
}

#[test]
fn discrepancy_exits_1() {
    let (code, report) = check_text("Delegations from 36 countries met at the summit.");
    assert_eq!(report["summary"]["discrepancy"], 1, "{report:#}");
    assert_eq!(code, 1);
}

#[test]
fn fail_on_unverifiable() {
    let text = "Officials said 12 observers would arrive.";
    let (code, report) = check_text(text);
    assert_eq!(report["summary"]["discrepancy"], 0, "{report:#}");
    assert!(report["summary"]["unverifiable"].as_u64().unwrap() >= 1, "{report:#}");
    assert_eq!(code, 0, "unverifiable alone passes by default");
    let (code, _) = check_text_with(text, &["--fail-on", "unverifiable"]);
    assert_eq!(code, 1);
    // A clean article still passes with the stricter level.
    let (code, _) = check_text_with("The summit was held in Paris.", &["--fail-on", "unverifiable"]);
    assert_eq!(code, 0);
}

#[test]
fn fail_on_never() {
    let (code, report) = check_text_with(
        "Delegations from 36 countries met at the summit.",
        &["--fail-on", "never"],
    );
    assert_eq!(report["summary"]["discrepancy"], 1);
    assert_eq!(code, 0);
}

#[test]
fn help_and_version_exit_0() {
    let r = run(common::factcheck().arg("--help"));
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("check"), "{}", r.stdout);
    let r = run(common::factcheck().args(["check", "--help"]));
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("--fail-on"), "{}", r.stdout);
    let r = run(common::factcheck().arg("--version"));
    assert_eq!(r.code, 0);
    assert_eq!(r.stdout.trim(), format!("factcheck {}", env!("CARGO_PKG_VERSION")));
}

// --- The error table: exit 2, one line naming the file ----------------------

#[test]
fn missing_article_file() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("missing.md");
    assert_eq!(
        error_line(&["check", s(&p)]),
        format!("error: {}: no such file or directory", s(&p))
    );
}

#[test]
fn folder_without_articles() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "notes.rst", "36 countries");
    assert_eq!(
        error_line(&["check", s(dir.path())]),
        format!(
            "error: {}: no articles (*.md, *.markdown, *.txt) in this folder",
            s(dir.path())
        )
    );
}

#[test]
fn invalid_utf8_names_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let p = write_bytes(dir.path(), "a.txt", b"The summit.\nIn Paris \xE9t\xE9.\n");
    assert_eq!(
        error_line(&["check", s(&p)]),
        format!(
            "error: {}:2:10: not valid UTF-8 (byte 0xE9); save the file as UTF-8",
            s(&p)
        )
    );
}

#[test]
fn invalid_utf8_column_counts_characters() {
    let dir = tempfile::tempdir().unwrap();
    let p = write_bytes(dir.path(), "a.txt", "Élysée \u{2014} ".as_bytes());
    let mut bytes = std::fs::read(&p).unwrap();
    bytes.push(0xFF);
    std::fs::write(&p, bytes).unwrap();
    // "Élysée — " is 9 characters (13 bytes); the bad byte is the 10th.
    assert_eq!(
        error_line(&["check", s(&p)]),
        format!(
            "error: {}:1:10: not valid UTF-8 (byte 0xFF); save the file as UTF-8",
            s(&p)
        )
    );
}

#[test]
fn utf16_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = vec![0xFF, 0xFE];
    for u in "36 countries".encode_utf16() {
        bytes.extend(u.to_le_bytes());
    }
    let p = write_bytes(dir.path(), "a.md", &bytes);
    assert_eq!(
        error_line(&["check", s(&p)]),
        format!(
            "error: {}: file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8",
            s(&p)
        )
    );
}

#[test]
fn nul_byte() {
    let dir = tempfile::tempdir().unwrap();
    let p = write_bytes(dir.path(), "a.txt", b"hello\nwor\0ld\n");
    assert_eq!(
        error_line(&["check", s(&p)]),
        format!(
            "error: {}:2:4: file contains a NUL byte; it looks like a binary file, not an article",
            s(&p)
        )
    );
}

#[test]
fn unterminated_front_matter() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "a.md", "---\ntitle: x\n\n36 countries met.\n");
    assert_eq!(
        error_line(&["check", s(&p)]),
        format!("error: {}:1:1: front matter opened with `---` is never closed", s(&p))
    );
}

#[test]
fn invalid_yaml_front_matter_points_into_the_file() {
    let dir = tempfile::tempdir().unwrap();
    // Line 3 of the file (line 2 of the front matter); `[` is the 9th character.
    let p = write(
        dir.path(),
        "a.md",
        "---\ntitle: x\nÉlysée: [a, b\n---\n\n36 countries met.\n",
    );
    assert_eq!(
        error_line(&["check", s(&p)]),
        format!("error: {}:3:9: invalid YAML front matter: unclosed bracket '['", s(&p))
    );
}

#[test]
fn yaml_front_matter_that_is_not_a_mapping() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "a.md", "---\n- a\n- b\n---\n\nText.\n");
    assert_eq!(
        error_line(&["check", s(&p)]),
        format!("error: {}:2:1: YAML front matter must be `key: value` lines", s(&p))
    );
}

#[test]
fn invalid_toml_front_matter() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "a.md",
        "+++\ntitle = \"x\"\npublished = 2026-01-07 x\n+++\n\nText.\n",
    );
    let line = error_line(&["check", s(&p)]);
    let prefix = format!("error: {}:3:", s(&p));
    assert!(line.starts_with(&prefix), "{line}");
    assert!(line.contains(": invalid TOML front matter: "), "{line}");
}

#[test]
fn bad_published_in_front_matter() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "a.md",
        "---\ntitle: x\npublished: 7 January 2026\n---\n\nText.\n",
    );
    assert_eq!(
        error_line(&["check", s(&p)]),
        format!(
            "error: {}:3:12: front matter `published` must be a date (YYYY-MM-DD), found \"7 January 2026\"",
            s(&p)
        )
    );
    // Trailing junk after a good date is not a date either.
    let p = write(
        dir.path(),
        "b.md",
        "+++\npublished = \"2026-01-07 or so\"\n+++\n\nText.\n",
    );
    assert_eq!(
        error_line(&["check", s(&p)]),
        format!(
            "error: {}:2:13: front matter `published` must be a date (YYYY-MM-DD), found \"2026-01-07 or so\"",
            s(&p)
        )
    );
}

#[test]
fn published_date_and_time_in_front_matter_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "a.md",
        "---\npublished: 2026-01-07T09:30:00+01:00\n---\n\nText.\n",
    );
    let r = run(common::factcheck().args(["check", s(&p), "--format", "json"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let json: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(json["articles"][0]["published"], "2026-01-07");
}

#[test]
fn bad_published_flag() {
    let line = error_line(&["check", "--published", "2026-02-30", "-"]);
    assert!(line.contains("'2026-02-30'") && line.contains("--published"), "{line}");
    assert!(line.contains("YYYY-MM-DD"), "{line}");
}

#[test]
fn unknown_option() {
    let line = error_line(&["check", "--frmat", "json", "-"]);
    assert!(line.contains("'--frmat'"), "{line}");
    assert!(line.contains("'--format'"), "the did-you-mean survives: {line}");
    let line = error_line(&["check", "--format", "xml", "-"]);
    assert!(line.contains("'xml'") && line.contains("--format"), "{line}");
}

/// Issue 15, item 14: clap's "some similar subcommands exist" tip (a plural)
/// survives the one-line error, as a question with the closest name first.
#[test]
fn a_mistyped_subcommand_gets_a_did_you_mean() {
    let line = error_line(&["chek", "articles"]);
    assert!(
        line.starts_with("error: unrecognized subcommand 'chek' (did you mean 'check'"),
        "{line}"
    );
    assert!(line.ends_with("?); see --help"), "{line}");
    let line = error_line(&["facts", "valdate"]);
    assert!(line.contains("(did you mean 'validate'?)"), "{line}");
    let line = error_line(&["check", "--formt", "json", "-"]);
    assert!(line.contains("(did you mean '--format'?)"), "{line}");
}

#[test]
fn missing_fact_base() {
    let dir = tempfile::tempdir().unwrap();
    let facts = dir.path().join("nope.toml");
    let article = write(dir.path(), "a.txt", "36 countries met.");
    assert_eq!(
        error_line(&["check", "-f", s(&facts), s(&article)]),
        format!("error: {}: no such file or directory", s(&facts))
    );
}

/// Issue 7: the good articles are still checked and reported, the bad one is
/// named on stderr, and the run fails (exit 2) rather than passing.
#[test]
fn one_bad_article_among_good_ones_is_named_and_the_others_reported() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", ARTICLE);
    let bad = write_bytes(dir.path(), "b.md", b"caf\xE9\n");
    write(dir.path(), "c.md", ARTICLE);
    let r = run(common::factcheck().args(["check", s(dir.path()), "--format", "json"]));
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        format!(
            "error: {}:1:4: not valid UTF-8 (byte 0xE9); save the file as UTF-8\n",
            s(&bad)
        )
    );
    let report: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(report["summary"]["articles"], 2, "{report:#}");
}

#[test]
fn odd_inputs_never_panic() {
    let dir = tempfile::tempdir().unwrap();
    let cases: &[(&str, &[u8])] = &[
        ("empty.txt", b""),
        ("blank.txt", b"  \n\n\t\n"),
        ("bom.txt", b"\xEF\xBB\xBF"),
        ("fm-only.md", b"---\n---\n"),
        ("toml-fm-only.md", b"+++\n+++"),
        ("big.txt", b"In 99999999999999999999999999 countries, 1e400% of $99999999999999999999999 trillion on February 30, 2026, year 0."),
        ("quotes.txt", "\u{201c}Unbalanced\u{201d} \u{201d} \u{201c} said 35 \u{20ac} 5 % on Tuesday January 35".as_bytes()),
        ("combining.txt", "e\u{301}\u{301} 35 countries\n".as_bytes()),
        ("cr-only.txt", b"Line\rCR only\rline 35 countries\r"),
        ("md.md", b"# \n\n- \n\n> 35 countries\n\n| a | 35 countries |\n|---|---|\n| 36 | nations |\n\n[35 countries](http://x/36) `36` <b>36 countries</b>\n"),
    ];
    for (name, bytes) in cases {
        let p = write_bytes(dir.path(), name, bytes);
        for format in ["human", "json", "jsonl"] {
            let r = run(common::factcheck().args(["check", s(&p), "--format", format]));
            assert!(
                r.code == 0 || r.code == 1,
                "{name} --format {format}: exit {}: {}",
                r.code,
                r.stderr
            );
        }
        let r = run(common::factcheck().args(["claims", s(&p)]));
        assert_eq!(r.code, 0, "claims {name}: {}", r.stderr);
    }
}

// --- Output and colour --------------------------------------------------------

#[test]
fn output_file_gets_the_report_and_stdout_stays_empty() {
    let dir = tempfile::tempdir().unwrap();
    let article = write(dir.path(), "a.txt", ARTICLE);
    let out = dir.path().join("report.json");
    let r = run(common::factcheck().args([
        "check",
        s(&article),
        "--published",
        "2026-01-07",
        "--format",
        "json",
        "-o",
        s(&out),
    ]));
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(r.stdout, "");
    assert_eq!(r.stderr, "");
    let json: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(json["articles"][0]["path"], s(&article));
    assert_eq!(json["summary"]["discrepancy"], 1);
}

fn human(args: &[&str], env: &[(&str, &str)]) -> String {
    let mut cmd = common::factcheck();
    cmd.args(["check", "-", "--published", "2026-01-07"])
        .args(args)
        .write_stdin(ARTICLE);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let r = run(&mut cmd);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stdout.contains("36 countries"), "{}", r.stdout);
    r.stdout
}

#[test]
fn colour_flags_and_environment() {
    const ESC: &str = "\x1b[";
    // common::factcheck() sets NO_COLOR=1: --color always still wins.
    assert!(human(&["--color", "always"], &[]).contains(ESC));
    assert!(!human(&["--color", "never"], &[]).contains(ESC));
    assert!(!human(&[], &[]).contains(ESC), "NO_COLOR with auto");
    assert!(!human(&["--color", "never"], &[("NO_COLOR", ""), ("CLICOLOR_FORCE", "1")]).contains(ESC));
    // Auto with stdout piped: no colour unless CLICOLOR_FORCE.
    assert!(!human(&["--color", "auto"], &[("NO_COLOR", "")]).contains(ESC));
    assert!(human(&["--color", "auto"], &[("NO_COLOR", ""), ("CLICOLOR_FORCE", "1")]).contains(ESC));
    assert!(!human(&[], &[("NO_COLOR", ""), ("CLICOLOR_FORCE", "0")]).contains(ESC));
}

/// Issue 15, item 8: on a real terminal `auto` means colour, unless
/// NO_COLOR, CLICOLOR=0 or TERM=dumb say otherwise (CLICOLOR_FORCE wins).
#[cfg(unix)]
#[test]
fn colour_on_a_terminal_follows_clicolor_and_term() {
    const ESC: &str = "\x1b[";
    let screen = |env: &[(&str, &str)]| {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_factcheck"));
        cmd.current_dir(common::fixture::dir())
            .args(["check", "article.md", "-f", "facts.toml"])
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR")
            .env_remove("CLICOLOR_FORCE")
            .env_remove("COLUMNS")
            .env("TERM", "xterm-256color");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let screen = common::pty::run(&mut cmd, 120);
        assert_eq!(screen.code, 1, "{}", screen.text);
        let plain = regex_lite::Regex::new("\x1b\\[[0-9;]*m")
            .unwrap()
            .replace_all(&screen.text, "");
        assert!(plain.contains("expected thirty-five countries"), "{}", screen.text);
        screen.text
    };
    assert!(screen(&[]).contains(ESC), "a terminal gets colour");
    assert!(screen(&[("CLICOLOR", "1")]).contains(ESC));
    assert!(!screen(&[("CLICOLOR", "0")]).contains(ESC), "CLICOLOR=0");
    assert!(!screen(&[("TERM", "dumb")]).contains(ESC), "TERM=dumb");
    assert!(!screen(&[("NO_COLOR", "1")]).contains(ESC), "NO_COLOR");
    assert!(
        screen(&[("TERM", "dumb"), ("CLICOLOR", "0"), ("CLICOLOR_FORCE", "1")]).contains(ESC),
        "CLICOLOR_FORCE wins"
    );
    assert!(
        !screen(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]).contains(ESC),
        "NO_COLOR first"
    );
}

#[test]
fn json_is_never_coloured() {
    let r = run(common::factcheck()
        .args(["check", "-", "--format", "json", "--color", "always"])
        .write_stdin(ARTICLE));
    assert!(!r.stdout.contains('\x1b'));
    serde_json::from_str::<Value>(&r.stdout).expect("JSON");
}

// --- Inputs ---------------------------------------------------------------------

#[test]
fn stdin_is_read_as_an_article() {
    let (code, report) = check_text(ARTICLE);
    assert_eq!(code, 1);
    assert_eq!(report["articles"][0]["path"], "<stdin>");
    assert_eq!(report["articles"][0]["published"], "2026-01-07");
    let texts: Vec<&str> = claims(&report).iter().map(|c| c["text"].as_str().unwrap()).collect();
    assert!(texts.contains(&"36 countries"), "{texts:?}");
}

/// (verdict, kind, text, line, column, end_line, end_column) of every claim.
fn shape(report: &Value) -> Vec<(String, String, String, u64, u64, u64, u64)> {
    claims(report)
        .iter()
        .map(|c| {
            let sp = &c["span"];
            (
                c["verdict"].as_str().unwrap().to_owned(),
                c["kind"].as_str().unwrap().to_owned(),
                c["text"].as_str().unwrap().replace("\r\n", "\n"),
                sp["line"].as_u64().unwrap(),
                sp["column"].as_u64().unwrap(),
                sp["end_line"].as_u64().unwrap(),
                sp["end_column"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn crlf_article_gives_the_same_verdicts_and_positions() {
    let lf = format!(
        "{ARTICLE}French President Emmanuel Macron and UK Prime\nMinister Keir Starmer signed the declaration.\n"
    );
    let crlf = lf.replace('\n', "\r\n");
    let dir = tempfile::tempdir().unwrap();
    let lf_path = write(dir.path(), "lf.md", &lf);
    let crlf_path = write(dir.path(), "crlf.md", &crlf);
    let report = |p: &Path| {
        let r = run(common::factcheck().args(["check", s(p), "--published", "2026-01-07", "--format", "json"]));
        assert_eq!(r.code, 1, "{}", r.stderr);
        serde_json::from_str::<Value>(&r.stdout).unwrap()
    };
    let (a, b) = (report(&lf_path), report(&crlf_path));
    assert!(claims(&a).len() >= 5, "{a:#}");
    assert_eq!(shape(&a), shape(&b));
    // Byte offsets differ by the CRs before the claim, and still slice the text.
    for c in claims(&b) {
        let (start, end) = (
            c["span"]["start"].as_u64().unwrap() as usize,
            c["span"]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&crlf[start..end], c["text"].as_str().unwrap());
        assert!(!c["text"].as_str().unwrap().ends_with('\r'));
    }
    // The sentence is shown on one line, without the CR.
    assert!(
        claims(&b)
            .iter()
            .all(|c| !c["sentence"].as_str().unwrap().contains('\r'))
    );
}

#[test]
fn directory_is_recursed_in_sorted_order() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join("b")).unwrap();
    std::fs::create_dir_all(d.join("a")).unwrap();
    write(&d.join("b"), "z.md", "In 2014 it began.");
    write(&d.join("a"), "y.txt", "36 countries met at the summit.");
    write(d, "c.markdown", "The summit was held in Paris.");
    write(d, "B.md", "Capital letters sort first.");
    write(d, "notes.rst", "Not an article.");
    write(d, ".draft.md", "Hidden.");
    let r = run(common::factcheck().args(["check", s(d), "--format", "json"]));
    assert!(r.code == 0 || r.code == 1, "{}", r.stderr);
    let json: Value = serde_json::from_str(&r.stdout).unwrap();
    let paths: Vec<&str> = json["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["path"].as_str().unwrap())
        .collect();
    let root = s(d);
    assert_eq!(
        paths,
        [
            format!("{root}/B.md"),
            format!("{root}/a/y.txt"),
            format!("{root}/b/z.md"),
            format!("{root}/c.markdown"),
        ]
    );
    assert_eq!(json["summary"]["articles"], 4);
}

/// Issue 15, item 6: one file named twice, under different spellings, is
/// checked once, under the spelling met first.
#[test]
fn a_file_named_twice_is_checked_once() {
    let paths = |args: &[&str]| -> Vec<String> {
        let r = run(common::factcheck()
            .arg("check")
            .args(args)
            .args(["--format", "json", "--fail-on", "never"]));
        assert_eq!(r.code, 0, "{}", r.stderr);
        let json: Value = serde_json::from_str(&r.stdout).unwrap();
        assert_eq!(json["summary"]["articles"], json["articles"].as_array().unwrap().len());
        json["articles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["path"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        paths(&[
            "articles",
            "./articles/paris-summit.md",
            "articles/../articles/paris-summit.md"
        ]),
        [
            "articles/drafts/paris-summit-errors.md",
            "articles/drafts/unverifiable.md",
            "articles/paris-summit-brief.txt",
            "articles/paris-summit.md",
        ]
    );
    assert_eq!(
        paths(&["./articles/paris-summit.md", "articles/drafts/", "articles"]),
        [
            "articles/paris-summit.md",
            "articles/drafts/paris-summit-errors.md",
            "articles/drafts/unverifiable.md",
            "articles/paris-summit-brief.txt",
        ]
    );
}

#[cfg(unix)]
#[test]
fn symlinked_folders_are_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", "The summit was held in Paris.");
    std::os::unix::fs::symlink(".", dir.path().join("loop")).unwrap();
    let r = run(common::factcheck().args(["check", s(dir.path()), "--format", "json"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let json: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(json["summary"]["articles"], 1, "{json:#}");
}

#[test]
fn explicit_file_with_another_extension_is_read_as_plain_text() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "notes.rst",
        "Delegations from 36 countries met at the summit.",
    );
    let r = run(common::factcheck().args(["check", s(&p), "--format", "json"]));
    assert_eq!(r.code, 1, "{}", r.stderr);
}

// --- factcheck claims ---------------------------------------------------------

#[test]
fn claims_lists_typed_claims() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "article.txt", ARTICLE);
    let r = run(common::factcheck().args(["claims", s(&p)]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let prefix = format!("{}:", s(&p));
    let found: Vec<(String, String)> = r
        .stdout
        .lines()
        .filter_map(|l| l.strip_prefix(&prefix))
        .map(|l| {
            let rest = l.splitn(3, ':').nth(2).unwrap().trim_start();
            let (kind, rest) = rest.split_once(' ').unwrap();
            let text = rest.trim_start().split("  = ").next().unwrap();
            (kind.to_owned(), text.to_owned())
        })
        .collect();
    let want: Vec<(String, String)> = [
        ("entity", "Paris"),
        ("weekday", "Tuesday"),
        ("date", "January 6, 2026"),
        ("count", "36 countries"),
        ("count", "12 observers"),
    ]
    .iter()
    .map(|(k, t)| (k.to_string(), t.to_string()))
    .collect();
    assert_eq!(found, want, "{}", r.stdout);
    assert!(
        r.stdout.contains(&format!("{prefix}3:53:")),
        "line:column of 36 countries: {}",
        r.stdout
    );
    assert_eq!(r.stdout.lines().last(), Some("5 claims"));
}

#[test]
fn claims_as_json() {
    let r = run(common::factcheck()
        .args(["claims", "-", "--format", "json"])
        .write_stdin(ARTICLE));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let json: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(json["version"], 1);
    let list = json["claims"].as_array().expect("an array of claims");
    let kinds: Vec<(&str, &str)> = list
        .iter()
        .map(|c| (c["kind"].as_str().unwrap(), c["text"].as_str().unwrap()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("entity", "Paris"),
            ("weekday", "Tuesday"),
            ("date", "January 6, 2026"),
            ("count", "36 countries"),
            ("count", "12 observers"),
        ]
    );
    for c in list {
        assert_eq!(c["path"], "<stdin>");
        let (start, end) = (
            c["span"]["start"].as_u64().unwrap() as usize,
            c["span"]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&ARTICLE[start..end], c["text"].as_str().unwrap());
        assert!(c.get("verdict").is_none(), "claims does not check: {c}");
    }
    assert_eq!(list[3]["found"], 36);
    assert_eq!(list[2]["found"], "2026-01-06");
    assert_eq!(list[3]["span"]["line"], 3);
    assert_eq!(list[3]["span"]["column"], 53);
}

/// Issue 15, item 3: `-o` and `--report` never write over an input: an
/// article being checked, a fact-base file or the settings file (exit 2,
/// one line, the file untouched). A new file, even in the fact-base folder,
/// is fine.
#[test]
fn reports_never_overwrite_their_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("base")).unwrap();
    write(&d.join("base"), "facts.toml", &common::fixture::facts());
    let article = common::fixture::copy_into(d, "a.md");
    write(d, "factcheck.toml", "facts = \"base\"\n");
    #[cfg(unix)]
    std::os::unix::fs::symlink("a.md", d.join("link.md")).unwrap();
    let refused = |args: &[&str], what: &str| {
        let r = run(common::factcheck_in(d).args(args));
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert_eq!(r.stdout, "", "{args:?}");
        let lines: Vec<&str> = r.stderr.lines().collect();
        assert_eq!(lines.len(), 1, "{args:?}: {}", r.stderr);
        assert!(lines[0].starts_with("error: "), "{}", lines[0]);
        assert!(
            lines[0].contains(&format!("that is {what}; refusing to write a report over it")),
            "{args:?}: {}",
            lines[0]
        );
    };
    refused(&["check", "a.md", "-o", "a.md"], "an article being checked");
    refused(
        &["check", ".", "-o", "./a.md", "--format", "json"],
        "an article being checked",
    );
    #[cfg(unix)]
    refused(&["check", "a.md", "-o", "link.md"], "an article being checked");
    refused(
        &["check", "a.md", "--report", "json=base/facts.toml"],
        "a fact-base file",
    );
    refused(
        &["check", "a.md", "-f", "facts.toml", "--report", "sarif=facts.toml"],
        "a fact-base file",
    );
    refused(
        &["check", "a.md", "--diff", "-o", "factcheck.toml"],
        "the settings file",
    );
    refused(&["check", "a.md", "--write", "-o", "a.md"], "an article being checked");
    refused(&["watch", "a.md", "-o", "a.md"], "an article being checked");
    refused(
        &["check", "-", "--stdin-filename", "a.md", "-o", "a.md"],
        "an article being checked",
    );
    assert_eq!(std::fs::read_to_string(&article).unwrap(), common::fixture::article());
    assert_eq!(
        std::fs::read_to_string(d.join("base/facts.toml")).unwrap(),
        common::fixture::facts()
    );
    assert_eq!(
        std::fs::read_to_string(d.join("factcheck.toml")).unwrap(),
        "facts = \"base\"\n"
    );

    // New files are fine, in the fact-base folder too (a .json is no fact-base file).
    let r = run(common::factcheck_in(d).args(["check", "a.md", "-o", "new.txt", "--report", "json=base/report.json"]));
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(d.join("new.txt").is_file() && d.join("base/report.json").is_file());
}

/// Issue 15, item 4: in the human report a match takes one line; the
/// discrepancies and unverifiable claims keep their snippet. `--quiet`
/// leaves only the discrepancies and the closing summary line.
#[test]
fn matches_take_one_line_and_quiet_leaves_the_discrepancies() {
    let dir = common::fixture::dir();
    let r = run(common::factcheck_in(&dir).args(["check", "article.md", "-f", "facts.toml"]));
    assert_eq!(r.code, 1);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(
        &lines[..2],
        [
            "match[entity]: Paris agrees with summit.place (Paris) --> article.md:6:19",
            "match[entity]: Paris agrees with summit.place (Paris) --> article.md:8:24",
        ]
    );
    assert_eq!(r.stdout.matches("match[").count(), 2, "{}", r.stdout);
    assert!(!r.stdout.contains("matches the fact base"), "no snippet for a match");
    assert!(r.stdout.contains("unverifiable[count]: 12 observers"));
    assert!(
        r.stdout.contains("^^^^^^^^^^^^ no fact to check against"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("article.md: 12 claims: 2 matches"));

    for flag in ["-q", "--quiet"] {
        let r = run(common::factcheck_in(&dir).args(["check", "article.md", "-f", "facts.toml", flag]));
        assert_eq!(r.code, 1);
        assert_eq!(r.stderr, "");
        let headlines: Vec<&str> = r
            .stdout
            .lines()
            .filter(|l| l.contains('[') && l.contains("]: "))
            .collect();
        assert_eq!(headlines.len(), 9, "{}", r.stdout);
        assert!(headlines.iter().all(|l| l.starts_with("discrepancy[")), "{headlines:?}");
        assert!(r.stdout.contains("help: write \"Tuesday\""));
        assert!(
            r.stdout
                .ends_with("\n\n1 article, 12 claims: 2 matches, 9 discrepancies, 1 unverifiable\n"),
            "{}",
            r.stdout
        );
        assert!(!r.stdout.contains("article.md: 12 claims"), "no per-article line");
    }
    // A clean article, quietly: the summary line alone.
    let r = run(common::factcheck()
        .args(["check", "-", "-q", "--published", "2026-01-07"])
        .write_stdin("The summit was held in Paris on Tuesday, January 6, 2026."));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout.lines().count(), 1, "{}", r.stdout);
    assert!(r.stdout.starts_with("1 article, "), "{}", r.stdout);
}

/// The snippet lines of a human report (`12 | text`) and, under each, the
/// column of its first caret: (line as shown, caret column, claim text).
fn snippets(report: &str) -> Vec<(String, usize)> {
    let lines: Vec<&str> = report.lines().collect();
    let mut out = Vec::new();
    for pair in lines.windows(2) {
        let (source, carets) = (pair[0], pair[1]);
        let gutter = source.find(" | ");
        let is_source = gutter.is_some_and(|g| source[..g].trim().parse::<usize>().is_ok());
        if is_source && carets.trim_start().starts_with('|') && carets.contains('^') {
            let col = carets.chars().position(|c| c == '^').unwrap();
            out.push((source.to_owned(), col));
        }
    }
    out
}

/// Issue 15, item 9: snippets are trimmed to the terminal's width (COLUMNS,
/// or the terminal's own size), rustc-style, with the carets still under
/// the claim; the progress bar fits the terminal too.
#[test]
fn snippets_and_the_progress_bar_fit_a_narrow_terminal() {
    let dir = common::fixture::dir();
    let check = |cols: Option<&str>| {
        let mut cmd = common::factcheck_in(&dir);
        cmd.args(["check", "article.md", "-f", "facts.toml"]);
        if let Some(c) = cols {
            cmd.env("COLUMNS", c);
        } else {
            cmd.env_remove("COLUMNS");
        }
        run(&mut cmd).stdout
    };
    let wide = check(None);
    let narrow = check(Some("50"));
    let wide_snippets = snippets(&wide);
    let narrow_snippets = snippets(&narrow);
    assert_eq!(wide_snippets.len(), 10, "{wide}");
    assert_eq!(narrow_snippets.len(), 10, "{narrow}");
    assert!(
        wide_snippets.iter().any(|(l, _)| l.chars().count() > 50),
        "piped without COLUMNS: whole lines"
    );
    let claims = [
        "Wednesday",
        "January 7",
        "thirty-six countries",
        "French Prime Minister Emmanuel Macron",
        "Kier Starmer",
        "We will stand with Ukraine for as long as it pays",
        "2015",
        "€80 billion",
        "about 30%",
        "12 observers",
    ];
    for ((line, col), claim) in narrow_snippets.iter().zip(claims) {
        let width = line.chars().count();
        assert!(
            width <= 50 || line.contains("...") && width <= claim.chars().count() + 12,
            "{width} columns: {line}"
        );
        let under: String = line.chars().skip(*col).take(claim.chars().count()).collect();
        assert_eq!(under, claim, "the carets stand under the claim:\n{line}");
    }
    assert!(narrow.contains("..."), "{narrow}");

    // The same on a terminal 50 columns wide that sets no COLUMNS.
    #[cfg(unix)]
    {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_factcheck"));
        cmd.current_dir(&dir)
            .args(["check", "article.md", "-f", "facts.toml", "--color", "never"])
            .env_remove("COLUMNS")
            .env("TERM", "xterm");
        let screen = common::pty::run(&mut cmd, 50);
        assert_eq!(snippets(&screen.text), narrow_snippets);

        // The progress bar (shown on a terminal for 50 articles or more).
        let many = tempfile::tempdir().unwrap();
        for i in 0..60 {
            std::fs::write(many.path().join(format!("a{i:02}.txt")), "36 countries met.\n").unwrap();
        }
        std::fs::write(many.path().join("facts.toml"), common::fixture::facts()).unwrap();
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_factcheck"));
        cmd.current_dir(many.path())
            .args([
                "check",
                ".",
                "-f",
                "facts.toml",
                "--format",
                "json",
                "-o",
                "report.json",
            ])
            .env_remove("COLUMNS")
            .env("TERM", "xterm");
        let screen = common::pty::run(&mut cmd, 50);
        let ansi = regex_lite::Regex::new("\x1b\\[[0-9;?]*[A-Za-z]").unwrap();
        let plain = ansi.replace_all(&screen.text, "");
        let frames: Vec<&str> = plain.split(['\r', '\n']).filter(|f| f.contains("checking")).collect();
        assert!(!frames.is_empty(), "a progress bar: {:?}", screen.text);
        for f in frames {
            let w = f.trim_end().chars().count();
            assert!((40..50).contains(&w), "{w} columns: {f:?}");
        }
    }
}
