//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// What the fuzz targets do with one input (`fuzz/harness.rs`), for replaying
/// their corpora and for the property tests.
#[path = "../../fuzz/harness.rs"]
pub mod harness;

/// Scoring a labelled corpus (shared with `examples/accuracy.rs`).
pub mod accuracy;

#[cfg(unix)]
pub mod pty;

/// The project root (where `claims/` and `articles/` live).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `factcheck` run from the project root, with colour off.
pub fn factcheck() -> Command {
    let mut cmd = Command::cargo_bin("factcheck").expect("binary built");
    cmd.current_dir(root())
        .env_remove("CLICOLOR_FORCE")
        .env("NO_COLOR", "1");
    cmd
}

/// Check `text` (plain text on stdin) against the project's fact base,
/// published 2026-01-07; returns (exit code, JSON report).
pub fn check_text(text: &str) -> (i32, Value) {
    check_text_with(text, &[])
}

/// As [`check_text`], with extra arguments.
pub fn check_text_with(text: &str, args: &[&str]) -> (i32, Value) {
    let out = factcheck()
        .args(["check", "-", "--format", "json", "--published", "2026-01-07"])
        .args(args)
        .write_stdin(text.to_owned())
        .output()
        .expect("runs");
    let code = out.status.code().expect("exit code");
    let json: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}); stdout: {}; stderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (code, json)
}

/// All claims of the first article of a report.
pub fn claims(report: &Value) -> &Vec<Value> {
    report["articles"][0]["claims"].as_array().expect("claims array")
}

/// Claims with the given verdict.
pub fn with_verdict<'a>(report: &'a Value, verdict: &str) -> Vec<&'a Value> {
    claims(report).iter().filter(|c| c["verdict"] == verdict).collect()
}

/// Write `contents` to `dir/name` and return the path.
pub fn write(dir: &Path, name: &str, contents: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, contents).expect("write fixture");
    p
}

/// The small fixed article and fact base of the CLI tests (`tests/fixtures/cli`).
pub mod fixture {
    use std::path::{Path, PathBuf};

    pub fn dir() -> PathBuf {
        super::root().join("tests/fixtures/cli")
    }

    /// Nine claims: one match, eight discrepancies with a correction (weekday,
    /// date, count in words, role, name, year, amount, percent), one
    /// misquote without a correction, one unverifiable count.
    pub fn article() -> String {
        std::fs::read_to_string(dir().join("article.md")).expect("fixture article")
    }

    pub fn facts() -> String {
        std::fs::read_to_string(dir().join("facts.toml")).expect("fixture facts")
    }

    /// Copy the fixture article (as `name`) and fact base (as `facts.toml`) into `to`.
    pub fn copy_into(to: &Path, name: &str) -> PathBuf {
        std::fs::write(to.join("facts.toml"), facts()).expect("copy facts");
        super::write(to, name, &article())
    }
}

/// `factcheck` run in `dir`, with colour off.
pub fn factcheck_in(dir: &Path) -> Command {
    let mut cmd = factcheck();
    cmd.current_dir(dir);
    cmd
}

/// The result of one run, with text streams; fails the test on a panic.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn run(cmd: &mut Command) -> Run {
    let out = cmd.output().expect("runs");
    let r = Run {
        code: out.status.code().expect("exit code"),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(!r.stderr.contains("panicked"), "panic: {}", r.stderr);
    r
}
