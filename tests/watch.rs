//! Watch mode: save an article or the fact base and the report changes.
//!
//! The child's output is read on threads and waited for with generous
//! deadlines; nothing sleeps a fixed time hoping an event has arrived.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::common::fixture;

const DEADLINE: Duration = Duration::from_secs(60);

/// A running `factcheck watch`, killed when dropped.
struct Watch {
    child: Child,
    status: Receiver<String>,
    stdout: Arc<Mutex<String>>,
}

impl Watch {
    fn start(dir: &Path, args: &[&str]) -> Watch {
        let mut child = Command::new(env!("CARGO_BIN_EXE_factcheck"))
            .args(args)
            .current_dir(dir)
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("factcheck watch starts");
        let (tx, status) = channel();
        let stderr = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let stdout = Arc::new(Mutex::new(String::new()));
        let sink = Arc::clone(&stdout);
        let mut out = child.stdout.take().unwrap();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = out.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        Watch { child, status, stdout }
    }

    /// The next stderr line containing `want`; every line seen is returned
    /// in the panic message if it never comes.
    fn wait_for(&self, want: &str) -> String {
        let end = Instant::now() + DEADLINE;
        let mut seen = Vec::new();
        while let Some(left) = end.checked_duration_since(Instant::now()) {
            match self.status.recv_timeout(left) {
                Ok(line) if line.contains(want) => return line,
                Ok(line) => seen.push(line),
                Err(_) => break,
            }
        }
        panic!(
            "no status line with {want:?} within {DEADLINE:?}; stderr was:\n{}",
            seen.join("\n")
        );
    }

    /// Every stderr line that arrives within `time`: how the test sees that
    /// nothing happens (a watch that re-checks for no reason prints).
    fn lines_within(&self, time: Duration) -> Vec<String> {
        let end = Instant::now() + time;
        let mut lines = Vec::new();
        while let Some(left) = end.checked_duration_since(Instant::now()) {
            match self.status.recv_timeout(left) {
                Ok(line) => lines.push(line),
                Err(_) => break,
            }
        }
        lines
    }

    fn stdout(&self) -> String {
        self.stdout.lock().unwrap().clone()
    }

    /// Wait until stdout contains `want`: it is read on its own thread, so
    /// it may lag behind the status line on stderr.
    fn wait_stdout(&self, want: &str) {
        let end = Instant::now() + DEADLINE;
        while !self.stdout().contains(want) {
            assert!(
                Instant::now() < end,
                "no {want:?} on stdout within {DEADLINE:?}:\n{}",
                self.stdout()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Save `text` to `path` the way many editors do: a new file renamed over the old.
fn save(path: &Path, text: &str) {
    let tmp = path.with_extension("swp");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

#[test]
fn saving_an_article_or_the_fact_base_re_checks() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("facts.toml"), fixture::facts()).unwrap();
    let article = dir.path().join("a.md");
    std::fs::write(&article, "Representatives from 36 countries attended.\n").unwrap();
    let w = Watch::start(dir.path(), &["watch", "a.md", "-f", "facts.toml"]);

    let first = w.wait_for("claim");
    assert!(
        first.contains("1 article, 1 claim: 0 matches, 1 discrepancy"),
        "{first}"
    );
    assert!(first.contains("watching 2 paths (Ctrl-C to stop)"), "{first}");
    let time = &first[..10];
    assert!(
        time.starts_with('[') && time.ends_with(']') && time[1..9].chars().filter(|c| *c == ':').count() == 2,
        "time of the check: {first}"
    );
    w.wait_stdout("expected 35 countries");

    // The editor fixes the article (written in place).
    std::fs::write(&article, "Representatives from 35 countries attended.\n").unwrap();
    let second = w.wait_for("1 match, 0 discrepancies");
    assert!(second.contains("1 article, 1 claim"), "{second}");

    // The fact base changes under it (saved by rename).
    let facts = fixture::facts().replace("count = 35", "count = 36");
    save(&dir.path().join("facts.toml"), &facts);
    w.wait_for("0 matches, 1 discrepancy");
    w.wait_stdout("expected 36 countries");

    // A broken fact base is reported and the watch goes on.
    save(&dir.path().join("facts.toml"), "[[fact]\n");
    let error = w.wait_for("error: ");
    assert!(error.contains("facts.toml:1:"), "{error}");
    w.wait_for("could not check");
    save(&dir.path().join("facts.toml"), &fixture::facts());
    w.wait_for("1 match, 0 discrepancies");
}

#[test]
fn check_watch_rewrites_the_output_file_and_watches_folders() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("facts.toml"), fixture::facts()).unwrap();
    std::fs::create_dir(dir.path().join("articles")).unwrap();
    std::fs::write(
        dir.path().join("articles/a.txt"),
        "Representatives from 36 countries attended.\n",
    )
    .unwrap();
    let w = Watch::start(
        dir.path(),
        &[
            "check",
            "--watch",
            "articles",
            "-f",
            "facts.toml",
            "--format",
            "json",
            "-o",
            "report.json",
        ],
    );
    w.wait_for("1 article, 1 claim");
    let report = std::fs::read_to_string(dir.path().join("report.json")).unwrap();
    assert!(report.contains("\"discrepancy\": 1"), "{report}");
    assert_eq!(w.stdout(), "", "the report goes to the file");

    // A new article in the watched folder is picked up; other files are not.
    std::fs::write(dir.path().join("articles/notes.log"), "ignored").unwrap();
    std::fs::write(
        dir.path().join("articles/b.md"),
        "Representatives from 35 countries attended.\n",
    )
    .unwrap();
    w.wait_for("2 articles, 2 claims: 1 match, 1 discrepancy");
    let report = std::fs::read_to_string(dir.path().join("report.json")).unwrap();
    assert!(report.contains("articles/b.md"), "{report}");
}

#[test]
fn watch_needs_something_to_watch() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("facts.toml"), fixture::facts()).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_factcheck"))
        .args(["watch", "-", "-f", "facts.toml"])
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: watch mode cannot watch standard input (-); name files or folders\n"
    );
    let out = Command::new(env!("CARGO_BIN_EXE_factcheck"))
        .args(["watch", "missing.md", "-f", "facts.toml"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: missing.md: no such file or directory\n"
    );
}

#[test]
fn watch_without_arguments_follows_the_config_and_its_edits() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("facts.toml"), fixture::facts()).unwrap();
    std::fs::write(
        dir.path().join("facts36.toml"),
        fixture::facts().replace("count = 35", "count = 36"),
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("articles")).unwrap();
    std::fs::write(
        dir.path().join("articles/a.txt"),
        "Representatives from 36 countries attended.\n",
    )
    .unwrap();
    let config = dir.path().join("factcheck.toml");
    std::fs::write(&config, "facts = \"facts.toml\"\ninclude = [\"articles\"]\n").unwrap();
    let w = Watch::start(dir.path(), &["watch"]);
    let first = w.wait_for("1 article, 1 claim: 0 matches, 1 discrepancy");
    assert!(
        first.contains("watching 3 paths"),
        "articles, facts.toml, factcheck.toml: {first}"
    );
    save(&config, "facts = \"facts36.toml\"\ninclude = [\"articles\"]\n");
    w.wait_for("1 article, 1 claim: 1 match, 0 discrepancies");
    save(&config, "facts = \"facts36.toml\"\ninclud = [\"articles\"]\n");
    let error = w.wait_for("error: ");
    assert!(error.contains("factcheck.toml:2:1: unknown key `includ`"), "{error}");
}

/// An article that cannot be read is named, and the others are still
/// checked and shown; once it is saved as UTF-8 it is checked too.
#[test]
fn a_bad_article_does_not_stop_the_others() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("facts.toml"), fixture::facts()).unwrap();
    std::fs::create_dir(dir.path().join("arts")).unwrap();
    std::fs::write(
        dir.path().join("arts/a.md"),
        "Representatives from 36 countries attended.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("arts/b.md"), b"caf\xE9 with 35 countries\n").unwrap();
    let w = Watch::start(dir.path(), &["watch", "arts", "-f", "facts.toml"]);

    let error = w.wait_for("error: ");
    assert_eq!(
        error,
        "error: arts/b.md:1:4: not valid UTF-8 (byte 0xE9); save the file as UTF-8"
    );
    let status = w.wait_for("watching");
    assert!(
        status.contains("1 article, 1 claim: 0 matches, 1 discrepancy, 0 unverifiable · 1 article not read"),
        "{status}"
    );
    w.wait_stdout("expected 35 countries");

    save(
        &dir.path().join("arts/b.md"),
        "Representatives from 35 countries attended.\n",
    );
    let status = w.wait_for("2 articles");
    assert!(status.contains("2 claims: 1 match, 1 discrepancy"), "{status}");
    assert!(!status.contains("not read"), "{status}");
}

/// Issue 15, item 1: a check reads the article and the fact base, and the
/// watch must not take its own reads for saves (it re-checked in a loop,
/// about 13 times a second). With nothing changed there is exactly one
/// check; one save makes exactly one more; the report it rewrites is no
/// save either.
#[test]
fn nothing_changed_means_one_check_and_a_save_one_more() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("facts.toml"), fixture::facts()).unwrap();
    let article = dir.path().join("a.md");
    std::fs::write(&article, "Representatives from 36 countries attended.\n").unwrap();
    let w = Watch::start(
        dir.path(),
        &[
            "watch",
            "a.md",
            "-f",
            "facts.toml",
            "--format",
            "html",
            "-o",
            "report.html",
        ],
    );
    let first = w.wait_for("watching");
    assert!(first.contains("1 discrepancy"), "{first}");
    let idle = w.lines_within(Duration::from_secs(3));
    assert!(idle.is_empty(), "nothing changed, yet:\n{}", idle.join("\n"));

    std::fs::write(&article, "Representatives from 35 countries attended.\n").unwrap();
    let second = w.wait_for("watching");
    assert!(second.contains("1 match, 0 discrepancies"), "{second}");
    let idle = w.lines_within(Duration::from_secs(2));
    assert!(idle.is_empty(), "one save, one check; then:\n{}", idle.join("\n"));
    let page = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    assert!(page.contains("35 countries"));
}

/// A report the watch writes into the folder it watches (`-o report.md`)
/// is neither a save that starts a check nor an article to check.
#[test]
fn a_report_written_into_the_watched_folder_is_no_article() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("facts.toml"), fixture::facts()).unwrap();
    std::fs::create_dir(dir.path().join("news")).unwrap();
    let article = dir.path().join("news/a.md");
    std::fs::write(&article, "Representatives from 36 countries attended.\n").unwrap();
    let w = Watch::start(
        dir.path(),
        &["watch", "news", "-f", "facts.toml", "-o", "news/report.md"],
    );
    let first = w.wait_for("watching");
    assert!(first.contains("1 article, 1 claim"), "{first}");
    let idle = w.lines_within(Duration::from_secs(2));
    assert!(idle.is_empty(), "the report is no save:\n{}", idle.join("\n"));
    assert!(dir.path().join("news/report.md").is_file());
    std::fs::write(&article, "Representatives from 35 countries attended.\n").unwrap();
    let second = w.wait_for("watching");
    assert!(
        second.contains("1 article, 1 claim: 1 match"),
        "the report is no article: {second}"
    );
}
