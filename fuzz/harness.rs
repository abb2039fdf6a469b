#![allow(dead_code)] // each fuzz target uses half of it
//! What each fuzz target does with one input, shared by the libFuzzer targets
//! (`fuzz/fuzz_targets/*.rs`) and the test suite (`tests/common/mod.rs` includes it), so
//! that a committed corpus file means the same thing in both.
//!
//! Each function panics when an invariant breaks; an `Err` from the library
//! (bad UTF-8, invalid fact base) is a fine outcome, a panic never is.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use factcheck::Checker;
use factcheck::article::{Article, Format};
use factcheck::report::{self, Report, Style};

/// The project's own fact base, loaded once per process.
pub fn checker() -> &'static Checker {
    static CHECKER: OnceLock<Checker> = OnceLock::new();
    CHECKER.get_or_init(|| {
        let claims = Path::new(env!("CARGO_MANIFEST_DIR")).join(fuzz_relative("claims"));
        Checker::new(factcheck::facts::load_paths(&[claims]).expect("the project's fact base is valid"))
    })
}

/// `name` at the project root, from whichever crate includes this file.
fn fuzz_relative(name: &str) -> PathBuf {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    if here.ends_with("fuzz") {
        Path::new("..").join(name)
    } else {
        PathBuf::from(name)
    }
}

/// The article pipeline: bytes → `Article::parse` → `Checker::check` → every emitter.
///
/// The first byte picks the options (bit 0: Markdown, bit 1: a publication
/// date); the rest is the file.
pub fn article(data: &[u8]) {
    let Some((&flags, bytes)) = data.split_first() else {
        return;
    };
    let format = if flags & 1 == 1 {
        Format::Markdown
    } else {
        Format::Plain
    };
    let published = (flags & 2 == 2).then(|| jiff::civil::date(2026, 1, 7));
    let Ok(article) = Article::parse("fuzz.md", bytes.to_vec(), format, published) else {
        return;
    };
    let checker = checker();
    let checked = checker.check(article);
    assert_spans(&checked);
    let report = Report::new(&checker.base, vec![checked]);
    for f in report::Format::ALL {
        if let Some(e) = f.emitter(
            Style {
                color: f == report::Format::Human,
                ..Style::default()
            },
            false,
        ) {
            let mut out = Vec::new();
            e.emit(&report, &mut out).expect("writing to memory cannot fail");
            if f == report::Format::Json {
                assert_json(&report, &out);
            }
        }
    }
    // Corrections brought to rest: a second round has nothing to do.
    let a = &report.articles[0];
    if let Ok((Some(diff), settled)) = factcheck::fix::diff(checker, a) {
        assert!(diff.starts_with("--- a/"), "a unified diff");
        if settled.at_rest() {
            let rest = settled.report(a);
            assert!(report::corrections(rest).text.is_none(), "corrections at rest");
        }
    }
}

/// Every claim's span lies on character boundaries inside its sentence, and
/// its line and column are those of its bytes.
fn assert_spans(a: &report::ArticleReport) {
    let text = &a.article.text;
    for c in &a.claims {
        let (s, e) = (c.span.start, c.span.end);
        assert!(
            s <= e && e <= text.len(),
            "span {s}..{e} outside a {}-byte file",
            text.len()
        );
        assert!(
            text.is_char_boundary(s) && text.is_char_boundary(e),
            "span {s}..{e} splits a character"
        );
        let (start, end) = a.positions(c.span);
        assert_eq!((start.line, start.column), line_col(text, s), "start of {s}..{e}");
        assert_eq!((end.line, end.column), line_col(text, e), "end of {s}..{e}");
    }
}

/// The JSON report parses, and each claim's `text` is exactly its bytes.
fn assert_json(report: &Report, out: &[u8]) {
    let json: serde_json::Value = serde_json::from_slice(out).expect("the JSON report is JSON");
    let text = &report.articles[0].article.text;
    let claims = json["articles"][0]["claims"].as_array().expect("claims array");
    assert_eq!(claims.len(), report.articles[0].claims.len());
    for c in claims {
        let start = c["span"]["start"].as_u64().expect("span.start") as usize;
        let end = c["span"]["end"].as_u64().expect("span.end") as usize;
        assert_eq!(c["text"].as_str(), text.get(start..end), "text of {start}..{end}");
    }
}

/// 1-based line and character column of byte `at`, the slow obvious way.
pub fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// The fact-base loader: bytes → `facts::validate_paths` → facts or problems.
///
/// A valid fact base is then indexed and used to check a sample article, so
/// that odd aliases and phrases reach the matcher too.
pub fn facts(data: &[u8]) {
    facts_at(&scratch_file(), data);
}

/// As [`facts`], writing the fact base to `path` first.
pub fn facts_at(path: &Path, data: &[u8]) {
    std::fs::write(path, data).expect("scratch file is writable");
    let (base, problems) = factcheck::facts::validate_paths(&[path.to_path_buf()]);
    for p in &problems {
        let shown = p.to_string();
        assert!(!shown.contains('\n'), "one line per problem: {shown:?}");
        if p.line > 0 {
            let text = String::from_utf8_lossy(data);
            assert!(
                p.line <= text.lines().count() + 1,
                "problem past the end of the file: {shown}"
            );
        }
    }
    let errors = problems.iter().any(|p| p.severity == factcheck::facts::Severity::Error);
    if let (Some(base), false) = (base, errors) {
        let checker = Checker::new(base);
        let article = Article::parse("sample.md", SAMPLE.as_bytes().to_vec(), Format::Markdown, None)
            .expect("the sample article parses");
        let checked = checker.check(article);
        assert_spans(&checked);
    }
}

/// An article that touches every kind of claim.
const SAMPLE: &str = "---\npublished: 2026-01-07\n---\n\
# Paris summit\n\n\
PARIS, Jan. 7 - The summit was held in Paris on Tuesday (January 6). French President Emmanuel Macron, \
Kier Starmer and Volodymyr Zelenskyy signed the declaration. Representatives from 35 countries attended, \
pledging €90 billion, about 20% of the total. Russia first invaded Ukraine in 2014. \
\"We are ready,\" Macron said.\n";

/// One scratch file per process (fuzzers run several processes side by side).
fn scratch_file() -> PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    let dir = DIR.get_or_init(|| {
        let d = std::env::temp_dir().join(format!("factcheck-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&d).expect("scratch folder");
        d
    });
    dir.join("facts.toml")
}
