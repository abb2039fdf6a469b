//! The fact-base cache (`.factcheck_cache/`), through the CLI: a cached run
//! reports byte for byte what an uncached one does; a file changed, added or
//! removed is seen at once; a damaged cache is ignored and written anew; a
//! folder that cannot hold it, `--no-cache` and `FACTCHECK_NO_CACHE=1` mean
//! no cache and no difference. (The key's parts, the binary's version among
//! them, are unit-tested in `src/facts/cache.rs`.)

use std::path::{Path, PathBuf};

use crate::common::{factcheck, root};

const FACTS: &str = r#"[meta]
title = "Cache test"

[sources.press]
title = "Press release"
url = "https://example.org/press"

[[fact]]
id = "summit.countries"
about = ["summit"]
count = 35
unit = ["countries"]
source = "press"
"#;

const MORE: &str = r#"[[fact]]
id = "summit.troops"
about = ["summit"]
count = 12
unit = ["troops"]
source = "press"
"#;

const ARTICLE: &str = "The summit brought together 35 countries, which pledged 12 troops.\n";

/// `check` of `article` against `facts` with the JSON report; extra
/// environment and flags; returns (exit code, stdout, stderr).
fn run(dir: &Path, article: &str, facts: &str, env: &[(&str, &str)], flags: &[&str]) -> (i32, String, String) {
    let mut cmd = factcheck();
    cmd.current_dir(dir)
        .env_remove("FACTCHECK_NO_CACHE")
        .env_remove("FACTCHECK_CACHE_DIR")
        .args(["check", article, "-f", facts, "--format", "json", "--isolated"])
        .args(["--published", "2026-01-07", "--fail-on", "never"])
        .args(flags);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("runs");
    (
        out.status.code().expect("exit code"),
        String::from_utf8(out.stdout).expect("UTF-8"),
        String::from_utf8(out.stderr).expect("UTF-8"),
    )
}

/// The verdicts of a report, in order.
fn verdicts(report: &str) -> Vec<(String, String)> {
    let v: serde_json::Value = serde_json::from_str(report).expect("JSON");
    v["articles"][0]["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .map(|c| {
            (
                c["text"].as_str().unwrap_or_default().to_owned(),
                c["verdict"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

/// The one cache file in `dir`.
fn cache_file(dir: &Path) -> PathBuf {
    let files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("a cache folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "bin"))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files.into_iter().next().expect("one")
}

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("claims")).expect("claims folder");
    std::fs::write(dir.path().join("claims/a.toml"), FACTS).expect("facts");
    std::fs::write(dir.path().join("article.txt"), ARTICLE).expect("article");
    dir
}

#[test]
fn the_cache_sits_beside_the_fact_base_and_git_ignores_it() {
    let dir = setup();
    let (code, _, stderr) = run(dir.path(), "article.txt", "claims", &[], &[]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    let cache = dir.path().join(".factcheck_cache");
    assert_eq!(
        std::fs::read_to_string(cache.join(".gitignore")).expect("a .gitignore"),
        "# Created by factcheck.\n*\n"
    );
    assert!(cache.join("CACHEDIR.TAG").is_file());
    cache_file(&cache);
}

#[test]
fn a_fact_file_changed_added_or_removed_is_seen_at_once() {
    let dir = setup();
    let (_, first, _) = run(dir.path(), "article.txt", "claims", &[], &[]);
    let want = |count: &str, troops: &str| {
        vec![
            ("35 countries".to_owned(), count.to_owned()),
            ("12 troops".to_owned(), troops.to_owned()),
        ]
    };
    assert_eq!(verdicts(&first), want("match", "unverifiable"));
    // The same size, written at once: only the bytes tell.
    std::fs::write(dir.path().join("claims/a.toml"), FACTS.replace("35", "36")).expect("edit");
    let (_, changed, _) = run(dir.path(), "article.txt", "claims", &[], &[]);
    assert_eq!(verdicts(&changed), want("discrepancy", "unverifiable"));
    std::fs::write(dir.path().join("claims/b.toml"), MORE).expect("add");
    let (_, added, _) = run(dir.path(), "article.txt", "claims", &[], &[]);
    assert_eq!(verdicts(&added), want("discrepancy", "match"));
    std::fs::remove_file(dir.path().join("claims/b.toml")).expect("remove");
    let (_, removed, _) = run(dir.path(), "article.txt", "claims", &[], &[]);
    assert_eq!(removed, changed, "as before the file was added");
    // Each state against the files themselves, with no cache.
    let (_, fresh, _) = run(dir.path(), "article.txt", "claims", &[], &["--no-cache"]);
    assert_eq!(removed, fresh);
}

#[test]
fn a_damaged_cache_is_ignored_and_written_anew() {
    let dir = setup();
    let (_, want, _) = run(dir.path(), "article.txt", "claims", &[], &["--no-cache"]);
    run(dir.path(), "article.txt", "claims", &[], &[]);
    let file = cache_file(&dir.path().join(".factcheck_cache"));
    let good = std::fs::read(&file).expect("cache");
    let mut flipped = good.clone();
    let last = flipped.len() - 1;
    flipped[last] ^= 0x55;
    let damaged: Vec<(&str, Vec<u8>)> = vec![
        ("a byte changed", flipped),
        ("cut short", good[..good.len() / 2].to_vec()),
        ("empty", Vec::new()),
        ("not a cache", b"factcheck-cache\n but nothing else of one".to_vec()),
    ];
    for (what, bytes) in damaged {
        std::fs::write(&file, &bytes).expect("damage");
        let (code, got, stderr) = run(dir.path(), "article.txt", "claims", &[], &[]);
        assert_eq!((code, stderr.as_str()), (0, ""), "{what}");
        assert_eq!(got, want, "{what}: the report of the files themselves");
        let again = std::fs::read(&file).expect("cache written anew");
        assert!(
            again.starts_with(b"factcheck-cache\n") && again != bytes,
            "{what}: written anew"
        );
        // And read back next time (not written again), to the same report.
        assert_eq!(run(dir.path(), "article.txt", "claims", &[], &[]).1, want, "{what}");
        assert_eq!(std::fs::read(&file).expect("cache"), again, "{what}: read back");
    }
}

#[test]
fn no_cache_where_it_cannot_be_written_or_is_turned_off() {
    let dir = setup();
    let (_, want, _) = run(dir.path(), "article.txt", "claims", &[], &["--no-cache"]);
    assert!(
        !dir.path().join(".factcheck_cache").exists(),
        "--no-cache writes nothing"
    );
    let (_, got, _) = run(dir.path(), "article.txt", "claims", &[("FACTCHECK_NO_CACHE", "1")], &[]);
    assert_eq!(got, want);
    assert!(
        !dir.path().join(".factcheck_cache").exists(),
        "FACTCHECK_NO_CACHE=1 writes nothing"
    );
    // A folder that cannot be made (a file stands in its way): no cache, no complaint.
    let blocked = dir.path().join("article.txt").join("cache");
    let env = [("FACTCHECK_CACHE_DIR", blocked.to_str().expect("UTF-8 path"))];
    for _ in 0..2 {
        let (code, got, stderr) = run(dir.path(), "article.txt", "claims", &env, &[]);
        assert_eq!((code, got.as_str(), stderr.as_str()), (0, want.as_str(), ""));
    }
    assert!(!dir.path().join(".factcheck_cache").exists());
}

/// Every corpus of the goldens, and the sample articles: the report of a run
/// that writes the cache, of one that reads it, and of one with no cache,
/// byte for byte the same; and the run that reads it leaves it as it was.
#[test]
fn cached_runs_report_byte_for_byte_what_uncached_runs_do() {
    let corpora = [
        ("articles", "claims"),
        ("tests/corpus", "claims"),
        ("tests/corpus-heldout", "claims"),
        ("tests/stories/conclave-2025", "claims"),
        ("tests/goldens/archive/articles", "tests/goldens/archive/claims"),
        ("tests/fixtures/cli/article.md", "tests/fixtures/cli/facts.toml"),
    ];
    for (articles, facts) in corpora {
        let cache = tempfile::tempdir().expect("temp dir");
        let env = [("FACTCHECK_CACHE_DIR", cache.path().to_str().expect("UTF-8 path"))];
        let check = |env: &[(&str, &str)], flags: &[&str]| run(&root(), articles, facts, env, flags);
        let uncached = check(&[], &["--no-cache"]);
        let written = check(&env, &[]);
        let file = cache_file(cache.path());
        let bytes = std::fs::read(&file).expect("cache");
        let read = check(&env, &[]);
        assert_eq!(
            written, uncached,
            "{articles} against {facts}: the run that writes the cache"
        );
        assert_eq!(read, uncached, "{articles} against {facts}: the run that reads it");
        assert_eq!(std::fs::read(&file).expect("cache"), bytes, "read, not written again");
    }
}
