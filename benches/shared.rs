//! The cost of one article as the facts sharing a phrase grow: the same
//! article checked against a base where 1,000 facts share "founded" and
//! 1,000 share "signed", and against one where 20,000 do (issue 14: the
//! other words of a sentence should narrow the candidates by index, so the
//! second should cost at most 1.5 times the first). Each base is made of
//! events, each with a date and place, a founding year ("founded") and its
//! signatories ("signed"), plus organisations founded in a year; every name
//! is unique, so that nothing but the sharing of phrases differs. The first
//! 1,000 events of the large base are the small base, and the article
//! speaks of five of them.
//!
//! ```sh
//! cargo bench --bench shared
//! ```
//!
//! Besides criterion's figures it prints the ratio of the two medians,
//! measured alternately.

use std::fmt::Write as _;
use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use factcheck::Checker;
use factcheck::article::{Article, Format};
use factcheck::facts::load_paths;

/// Syllables of invented names: `name(i)` is unique for each `i`.
const SYLLABLES: &[&str] = &[
    "ka", "ke", "ki", "ko", "ku", "la", "le", "li", "lo", "lu", "ma", "me", "mi", "mo", "mu", "na", "ne", "ni", "no",
    "nu", "ra", "re", "ri", "ro", "ru", "va", "ve", "vi", "vo", "vu",
];

fn name(mut i: usize, min: usize) -> String {
    let mut out = String::new();
    let mut n = 0;
    while n < min || i > 0 {
        out.push_str(SYLLABLES[i % SYLLABLES.len()]);
        i /= SYLLABLES.len();
        n += 1;
    }
    let mut c = out.chars();
    let first = c.next().expect("a syllable").to_ascii_uppercase();
    std::iter::once(first).chain(c).collect()
}

/// Event `i`: its name, year, founding year and two signatories' full names.
fn event(i: usize) -> (String, i64, i64, [String; 2]) {
    let people = [
        format!("Anna {}", name(2 * i, 4)),
        format!("Pavel {}", name(2 * i + 1, 4)),
    ];
    (
        format!("{}ian accord", name(i, 3)),
        1990 + (i % 35) as i64,
        1900 + (i * 7 % 90) as i64,
        people,
    )
}

/// A base of `events` events (and an organisation for every ten), as TOML.
fn base(events: usize) -> String {
    let mut out = String::from(
        "[meta]\ntitle = \"Shared phrases\"\n\n[sources.s]\ntitle = \"Record\"\nurl = \"https://example.org/s\"\n\n",
    );
    for i in 0..events {
        let (event, year, founded, people) = event(i);
        for (k, person) in people.iter().enumerate() {
            writeln!(
                out,
                "[[entity]]\nid = \"p{i}-{k}\"\nkind = \"person\"\nname = \"{person}\"\naliases = [\"{}\"]\n",
                person.split(' ').next_back().expect("a surname")
            )
            .unwrap();
        }
        writeln!(
            out,
            "[[entity]]\nid = \"place{i}\"\nkind = \"place\"\nname = \"{}a\"\n",
            name(i, 3)
        )
        .unwrap();
        writeln!(
            out,
            "[[event]]\nid = \"ev{i}\"\nname = \"{event}\"\ndate = {year}-05-{:02}\nplace = \"place{i}\"\nsource = \"s\"\n",
            1 + i % 28
        )
        .unwrap();
        writeln!(
            out,
            "[[fact]]\nid = \"ev{i}.founded\"\nevent = \"ev{i}\"\nabout = [\"founded\"]\nyear = {founded}\nsource = \"s\"\n"
        )
        .unwrap();
        writeln!(
            out,
            "[[fact]]\nid = \"ev{i}.signed\"\nevent = \"ev{i}\"\nabout = [\"signed\"]\nentities = [\"p{i}-0\", \"p{i}-1\"]\ncomplete = true\nsource = \"s\"\n"
        )
        .unwrap();
        if i % 10 == 0 {
            writeln!(
                out,
                "[[entity]]\nid = \"org{i}\"\nkind = \"organisation\"\nname = \"{} Council\"\n\n[[fact]]\nid = \"org{i}.founded\"\nabout = [\"founded\"]\nyear = {}\nsource = \"s\"\n",
                name(i, 5),
                1900 + i % 100
            )
            .unwrap();
        }
    }
    out
}

/// An article about five events of the first thousand, some claims altered.
fn article() -> String {
    let mut out = String::from("---\ntitle: \"Shared phrases\"\npublished: 2026-01-07\n---\n\n");
    for (n, i) in [3usize, 140, 377, 612, 998].into_iter().enumerate() {
        let (event, year, founded, [a, b]) = event(i);
        let founded = if n % 2 == 0 { founded } else { founded + 1 };
        writeln!(
            out,
            "## The {event}\n\nThe {event} was founded in {founded}. {a} and {b} signed the {event} in {year}. \
             Officials spent much of the morning in closed sessions. The {} Council was founded in {}.\n",
            name(i / 10 * 10, 5),
            1900 + (i / 10 * 10) % 100
        )
        .unwrap();
    }
    out
}

fn checker(events: usize) -> (tempfile::TempDir, Checker) {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("facts.toml");
    std::fs::write(&file, base(events)).expect("writes");
    let base = load_paths(&[file]).unwrap_or_else(|e| panic!("the base loads: {}", e[0]));
    (dir, Checker::new(base))
}

fn parse(text: &str) -> Article {
    Article::parse("shared.md", text.as_bytes().to_vec(), Format::Markdown, None).expect("parses")
}

fn shared(c: &mut Criterion) {
    let text = article();
    let (_a, small) = checker(1_000);
    let (_b, large) = checker(20_000);
    let reports = [&small, &large].map(|k| {
        let r = k.check(parse(&text));
        r.claims.iter().map(|c| format!("{:?}", c.verdict)).collect::<Vec<_>>()
    });
    assert_eq!(reports[0], reports[1], "the same verdicts against either base");
    c.bench_function("one article, 1,000 facts sharing each phrase", |b| {
        b.iter(|| small.check(parse(black_box(&text))))
    });
    c.bench_function("one article, 20,000 facts sharing each phrase", |b| {
        b.iter(|| large.check(parse(black_box(&text))))
    });
    // The ratio, from the two timed alternately.
    let time = |k: &Checker| {
        let start = Instant::now();
        for _ in 0..5 {
            black_box(k.check(parse(&text)));
        }
        start.elapsed() / 5
    };
    let mut pairs: Vec<(Duration, Duration)> = (0..40).map(|_| (time(&small), time(&large))).collect();
    let median = |mut v: Vec<Duration>| {
        v.sort();
        v[v.len() / 2]
    };
    let s = median(pairs.iter().map(|p| p.0).collect());
    let l = median(pairs.drain(..).map(|p| p.1).collect());
    println!(
        "\n1,000 facts sharing each phrase: {s:?}; 20,000: {l:?}; ratio {:.2} (target <= 1.5)\n",
        l.as_secs_f64() / s.as_secs_f64()
    );
}

criterion_group!(name = phrases; config = Criterion::default().sample_size(20); targets = shared);
criterion_main!(phrases);
