//! Golden JSON reports: every corpus the project has, checked through the CLI and
//! compared byte for byte with the report committed in `tests/goldens/reports/`.
//!
//! They guard restructurings of the engine: a change that alters any verdict,
//! message, span or suggestion shows up here as a diff to review. After an
//! intended change, regenerate them with `FACTCHECK_BLESS=1 cargo test goldens`
//! and explain every difference in the commit (a false alarm gone, a miss caught).
//!
//! The corpora: the labelled development corpus (`tests/corpus`), the held-out
//! corpus (`tests/corpus-heldout`), the labelled stories (`tests/stories/*`), the
//! sample articles (`articles/`, checked against `claims/`) and a generated archive
//! sample (`tests/goldens/archive`: 100 events, 40 articles, made by
//! `examples/generate.rs --facts 800 --articles 40 --seed 1`, checked against its
//! own fact base).

use std::path::{Path, PathBuf};

use crate::common::{factcheck, root};

/// The articles of a folder, recursively, in sorted order.
fn articles_in(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("readable corpus folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("md" | "markdown" | "txt")
            ) && !path.to_string_lossy().ends_with(".labels.toml")
            {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The `published` date of a labelled article's sidecar, if it gives one.
fn sidecar_published(article: &Path) -> Option<String> {
    let stem = article.file_stem()?.to_string_lossy().into_owned();
    let text = std::fs::read_to_string(article.with_file_name(format!("{stem}.labels.toml"))).ok()?;
    let table: toml::Table = toml::from_str(&text).ok()?;
    table.get("published").map(|d| d.to_string())
}

/// Check `article` against `facts` as the CLI does and return its JSON report.
fn report(article: &Path, facts: &Path) -> String {
    let rel = |p: &Path| p.strip_prefix(root()).unwrap_or(p).to_string_lossy().into_owned();
    let mut cmd = factcheck();
    cmd.args([
        "check",
        &rel(article),
        "--format",
        "json",
        "--fail-on",
        "never",
        "--isolated",
    ])
    .args(["-f", &rel(facts)]);
    if let Some(date) = sidecar_published(article) {
        cmd.args(["--published", &date]);
    }
    let out = cmd.output().expect("runs");
    assert!(
        out.status.success(),
        "{}: {}",
        article.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 report")
}

/// Compare (or with `FACTCHECK_BLESS=1`, write) the goldens of one corpus.
fn goldens(corpus: &str, facts: &str, name: &str) {
    let dir = root().join(corpus);
    let facts = root().join(facts);
    let out = root().join("tests/goldens/reports").join(name);
    let bless = std::env::var_os("FACTCHECK_BLESS").is_some();
    if bless {
        let _ = std::fs::remove_dir_all(&out);
    }
    let mut differ = Vec::new();
    let articles = articles_in(&dir);
    assert!(!articles.is_empty(), "no articles in {corpus}");
    for article in articles {
        let rel = article
            .strip_prefix(&dir)
            .expect("inside")
            .to_string_lossy()
            .replace('/', "__");
        let golden = out.join(format!("{rel}.json"));
        let now = report(&article, &facts);
        if bless {
            std::fs::create_dir_all(&out).expect("golden folder");
            std::fs::write(&golden, &now).expect("write golden");
            continue;
        }
        let then = std::fs::read_to_string(&golden).unwrap_or_default();
        if then != now {
            let diff = similar::TextDiff::from_lines(&then, &now)
                .unified_diff()
                .context_radius(2)
                .to_string();
            differ.push(format!("{}:\n{diff}", golden.display()));
        }
    }
    assert!(
        differ.is_empty(),
        "{} golden report(s) differ (FACTCHECK_BLESS=1 cargo test goldens regenerates them; explain each difference):\n{}",
        differ.len(),
        differ.join("\n")
    );
}

#[test]
fn the_labelled_corpus_reports_are_unchanged() {
    goldens("tests/corpus", "claims", "corpus");
}

#[test]
fn the_held_out_corpus_reports_are_unchanged() {
    goldens("tests/corpus-heldout", "claims", "corpus-heldout");
}

#[test]
fn the_story_corpora_reports_are_unchanged() {
    for story in ["air-india-171", "canada-election", "company-results", "conclave-2025"] {
        goldens(&format!("tests/stories/{story}"), "claims", &format!("stories/{story}"));
    }
}

#[test]
fn the_sample_article_reports_are_unchanged() {
    goldens("articles", "claims", "articles");
}

#[test]
fn the_generated_archive_sample_reports_are_unchanged() {
    goldens(
        "tests/goldens/archive/articles",
        "tests/goldens/archive/claims",
        "archive",
    );
}
