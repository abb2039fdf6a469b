//! Properties of every report (issue 7), on articles assembled from the
//! sentences of `articles/` with variations: numbers changed, odd characters
//! inserted (bidi controls, joiners, emoji, combining accents, CJK, full-width
//! digits), Markdown markup around them, CRLF line ends, front matter.
//!
//! For each: every span is on character boundaries and its bytes are the
//! claim's `text`; line and column agree with the bytes; checking twice, on
//! one thread or four, and with the files in another order gives the same
//! report; correcting the corrected text changes nothing; nothing panics.
//! Case counts are kept small so `cargo test` stays fast;
//! `PROPTEST_CASES=2000 cargo test --release properties` runs a long search.

use std::path::PathBuf;
use std::sync::OnceLock;

use factcheck::article::{Article, Format};
use factcheck::fix;
use factcheck::input::{Published, Source};
use factcheck::report::{self, ArticleReport, Emitter, Json, Report};
use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence};

use crate::common::{self, harness};

/// Sentences of the sample articles (front matter and headings dropped).
fn fragments() -> &'static [String] {
    static FRAGMENTS: OnceLock<Vec<String>> = OnceLock::new();
    FRAGMENTS.get_or_init(|| {
        let mut files = Vec::new();
        let mut dirs = vec![common::root().join("articles")];
        while let Some(dir) = dirs.pop() {
            for e in std::fs::read_dir(&dir).expect("articles/") {
                let p = e.expect("entry").path();
                if p.is_dir() {
                    dirs.push(p);
                } else if p.extension().is_some_and(|x| x == "md" || x == "txt") {
                    files.push(p);
                }
            }
        }
        files.sort();
        let mut out: Vec<String> = Vec::new();
        for f in files {
            let text = std::fs::read_to_string(&f).expect("UTF-8 article");
            let body = match text.strip_prefix("---\n").and_then(|t| t.split_once("\n---\n")) {
                Some((_, body)) => body.to_owned(),
                None => text,
            };
            for line in body.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
                out.extend(
                    line.split_inclusive(". ")
                        .map(str::trim)
                        .filter(|s| s.len() >= 12)
                        .map(str::to_owned),
                );
            }
        }
        out.sort();
        out.dedup();
        assert!(out.len() > 20, "too few sentences in articles/");
        out
    })
}

/// Characters that trip up text tools.
const ODD: &[&str] = &[
    "\u{200d}",
    "\u{200b}",
    "\u{feff}",
    "\u{ad}",
    "\u{202e}",
    "\u{2066}",
    "\u{2069}",
    "\u{301}",
    "\u{1f469}\u{200d}\u{1f4bb}",
    "\u{ff13}\u{ff15}",
    "\u{5341}",
    "\u{e9}",
    "\r",
    "\t",
    "\u{a0}",
    "\u{2019}",
    "\u{201c}",
    "\"",
    "*",
    "_",
    "`",
    "[",
    "]",
    "<",
    ">",
    "&",
    "\\",
    "|",
    "#",
    ". ",
    "\n",
    "\n\n",
];

/// How one fragment is varied.
#[derive(Debug, Clone)]
enum Variation {
    Same,
    /// Every digit moved by this much.
    Digits(u8),
    /// An odd character inserted at this fraction of the fragment.
    Insert(usize, u16),
    Wrap(usize),
    Upper,
}

const WRAPS: &[(&str, &str)] = &[
    ("**", "**"),
    ("*", "*"),
    ("[", "](https://example.org/36)"),
    ("`", "`"),
    ("> ", ""),
    ("- ", ""),
    ("1. ", ""),
    ("# ", ""),
    ("| ", " | 36 countries |\n|---|---|"),
    ("<span>", "</span>"),
    ("\u{201c}", "\u{201d} said Macron."),
];

fn variation() -> impl Strategy<Value = Variation> {
    prop_oneof![
        3 => Just(Variation::Same),
        2 => (1u8..10).prop_map(Variation::Digits),
        3 => (0..ODD.len(), any::<u16>()).prop_map(|(i, at)| Variation::Insert(i, at)),
        2 => (0..WRAPS.len()).prop_map(Variation::Wrap),
        1 => Just(Variation::Upper),
    ]
}

fn vary(fragment: &str, v: &Variation) -> String {
    match v {
        Variation::Same => fragment.to_owned(),
        Variation::Digits(by) => fragment
            .chars()
            .map(|c| match c.to_digit(10) {
                Some(d) => char::from_digit((d + u32::from(*by)) % 10, 10).expect("a digit"),
                None => c,
            })
            .collect(),
        Variation::Insert(i, at) => {
            let mut at = usize::from(*at) % (fragment.len() + 1);
            while !fragment.is_char_boundary(at) {
                at -= 1;
            }
            format!("{}{}{}", &fragment[..at], ODD[*i], &fragment[at..])
        }
        Variation::Wrap(i) => format!("{}{fragment}{}", WRAPS[*i].0, WRAPS[*i].1),
        Variation::Upper => fragment.to_uppercase(),
    }
}

/// One article: its bytes and whether it is Markdown.
#[derive(Debug, Clone)]
struct Generated {
    text: String,
    markdown: bool,
}

fn article() -> impl Strategy<Value = Generated> {
    let n = fragments().len();
    let piece = (
        0..n,
        variation(),
        prop_oneof![Just(" "), Just("\n"), Just("\n\n"), Just("\r\n"), Just("")],
    );
    (
        prop::collection::vec(piece, 1..10),
        any::<bool>(),
        prop_oneof![
            Just(""),
            Just("---\npublished: 2026-01-07\n---\n"),
            Just("+++\npublished = 2026-01-07\n+++\n")
        ],
    )
        .prop_map(|(pieces, markdown, front)| {
            let mut text = if markdown { front.to_owned() } else { String::new() };
            for (i, v, sep) in pieces {
                text.push_str(&vary(&fragments()[i], &v));
                text.push_str(sep);
            }
            Generated { text, markdown }
        })
}

fn format(g: &Generated) -> Format {
    if g.markdown { Format::Markdown } else { Format::Plain }
}

fn check(g: &Generated) -> Option<ArticleReport> {
    let article = Article::parse(
        "t.md",
        g.text.as_bytes().to_vec(),
        format(g),
        Some(jiff::civil::date(2026, 1, 7)),
    );
    article.ok().map(|a| harness::checker().check(a))
}

/// The generated articles as files `0.md`, `1.txt`, ... in `dir`.
fn files(dir: &std::path::Path, batch: &[Generated]) -> Vec<Source> {
    batch
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let name = format!("{i}.{}", if g.markdown { "md" } else { "txt" });
            Source::File(common::write(dir, &name, &g.text))
        })
        .collect()
}

fn json(reports: Vec<ArticleReport>) -> String {
    let mut out = Vec::new();
    Json.emit(&Report::new(&harness::checker().base, reports), &mut out)
        .expect("in memory");
    String::from_utf8(out).expect("UTF-8 JSON")
}

/// `cases` cases, or `PROPTEST_CASES` for a longer search.
fn config(cases: u32) -> Config {
    Config {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(cases),
        // Failures are shrunk and shown; the tree stays clean.
        failure_persistence: Some(Box::new(FileFailurePersistence::Off)),
        ..Config::default()
    }
}

proptest! {
    #![proptest_config(config(64))]

    /// Spans on character boundaries with the claim's bytes, line and column
    /// from the bytes, every report format rendered without a panic.
    #[test]
    fn spans_are_the_claims_bytes(g in article()) {
        let flags = u8::from(g.markdown) | 2;
        harness::article(&[&[flags][..], g.text.as_bytes()].concat());
    }

    /// The same article checked twice gives the same report, byte for byte.
    #[test]
    fn checking_is_deterministic(g in article()) {
        if let (Some(a), Some(b)) = (check(&g), check(&g)) {
            prop_assert_eq!(json(vec![a]), json(vec![b]));
        }
    }

    /// Correcting the corrected text changes nothing: `--write` twice
    /// changes nothing the second time.
    ///
    /// One pass of corrections can make another claim judgeable ("Leaders
    /// from more than 41 countries gathered in Paris on 7 January 3137": the
    /// count is not judged in a sentence dated far from the summit; once the
    /// date is set right, it is), so `fix::settle` checks the corrected text
    /// again until a pass changes nothing. Every correction it applies is a
    /// discrepancy's suggestion on the text it is applied to.
    #[test]
    fn corrections_come_to_rest(g in article()) {
        let Some(r) = check(&g) else { return Ok(()) };
        let settled = fix::settle(harness::checker(), &r).expect("the corrected text checks");
        prop_assert!(settled.at_rest(), "still correcting after {} passes: {:?}", settled.passes, settled.text);
        let Some(text) = settled.text else {
            // Nothing to correct: no discrepancy has a correction to apply.
            prop_assert!(report::corrections(&r).text.is_none());
            return Ok(());
        };
        prop_assert!(settled.applied > 0 && settled.passes >= 1);
        // Checked afresh, the corrected text has nothing left to correct ...
        let again = check(&Generated { text: text.clone(), markdown: g.markdown }).expect("still an article");
        let second = report::corrections(&again);
        prop_assert!(second.text.is_none(), "a second pass changes:\n{}\n---\n{:?}", text, second.text);
        prop_assert!(fix::settle(harness::checker(), &again).expect("checks").text.is_none());
        // ... and what is left is what the last check says is left.
        prop_assert_eq!(second.unfixable, settled.unfixable);
    }
}

proptest! {
    #![proptest_config(config(12))]

    /// A batch gives the same report per article on one thread or four, and
    /// whatever order the files are named in.
    #[test]
    fn batches_do_not_depend_on_threads_or_order(batch in prop::collection::vec(article(), 2..5)) {
        let dir = tempfile::tempdir().unwrap();
        let sources = files(dir.path(), &batch);
        let run = |sources: &[Source], threads: usize| -> Vec<(PathBuf, String)> {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("a thread pool");
            let results = pool.install(|| {
                factcheck::input::check_each(harness::checker(), sources, Published::On(jiff::civil::date(2026, 1, 7)), 1 << 20, &|| {})
            });
            let mut out: Vec<(PathBuf, String)> = sources
                .iter()
                .zip(results)
                .map(|(s, r)| {
                    let Source::File(p) = s else { unreachable!("files only") };
                    (p.clone(), r.map_or_else(|e| format!("{e:#}"), |a| json(vec![a])))
                })
                .collect();
            out.sort();
            out
        };
        let one = run(&sources, 1);
        prop_assert_eq!(&one, &run(&sources, 4));
        let reversed: Vec<Source> = sources.iter().rev().cloned().collect();
        prop_assert_eq!(&one, &run(&reversed, 4));
    }

    /// Articles read ahead, while the fact base loads, come out as if read
    /// when checked: all of them, none, or (with an unreadable one among
    /// them) whatever was read before the loader finished.
    #[test]
    fn reading_ahead_changes_nothing(batch in prop::collection::vec(article(), 2..5), stop_early in any::<bool>()) {
        use std::sync::atomic::{AtomicBool, Ordering};
        use factcheck::input::{ReadAhead, check_batch, read_ahead};
        let dir = tempfile::tempdir().unwrap();
        let mut sources = files(dir.path(), &batch);
        sources.insert(1, Source::File(dir.path().join("missing.md")));
        let policy = Published::On(jiff::civil::date(2026, 1, 7));
        let outcome = |ahead: ReadAhead| {
            let (articles, unread) = check_batch(harness::checker(), &sources, ahead, policy, 1 << 20, &|| {});
            (json(articles), unread)
        };
        let fresh = outcome(ReadAhead::default());
        prop_assert_eq!(fresh.1.len(), 1);
        let all = read_ahead(&sources, policy, 1 << 20, &AtomicBool::new(false));
        prop_assert_eq!(all.len(), sources.len());
        prop_assert_eq!(&outcome(all), &fresh);
        let none = read_ahead(&sources, policy, 1 << 20, &AtomicBool::new(true));
        prop_assert!(none.is_empty());
        prop_assert_eq!(&outcome(none), &fresh);
        // Stopped part way: the loader finishes while articles are being read.
        let stop = AtomicBool::new(false);
        let some = rayon::join(
            || if stop_early { stop.store(true, Ordering::Relaxed) },
            || read_ahead(&sources, policy, 1 << 20, &stop),
        ).1;
        prop_assert_eq!(&outcome(some), &fresh);
    }
}
