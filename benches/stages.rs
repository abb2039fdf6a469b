//! The hot stages one by one, on a generated fact base of 10,000 facts and
//! articles that cite it (`examples/generate.rs`, seed 1): loading and
//! validating the base, building its search index, reading an article,
//! extracting its mentions, linking and judging them, and rendering the JSON
//! report. `benches/compare.sh` times the whole process at archive scale.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, criterion_group, criterion_main};
use factcheck::Checker;
use factcheck::article::{Article, Format};
use factcheck::facts::load_paths;
use factcheck::report::{ArticleReport, Emitter, Json, Report};

#[allow(dead_code)]
#[path = "../examples/generate.rs"]
mod generate;

/// Articles in the generated corpus; each is about 5 KB.
const ARTICLES: usize = 20;

fn corpus(dir: &Path) -> (Vec<PathBuf>, Vec<(String, Vec<u8>)>) {
    generate::run(&generate::Args {
        shape: generate::Shape::Bench,
        facts: 10_000,
        articles: ARTICLES,
        seed: 1,
        out: dir.to_path_buf(),
        wrong: 20,
    })
    .expect("generates");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join("articles/0000"))
        .expect("articles folder")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    let articles = files
        .iter()
        .map(|p| (p.display().to_string(), std::fs::read(p).expect("article")))
        .collect();
    (vec![dir.join("claims")], articles)
}

fn parse(articles: &[(String, Vec<u8>)]) -> Vec<Article> {
    articles
        .iter()
        .map(|(path, bytes)| Article::parse(path, bytes.clone(), Format::Markdown, None).expect("parses"))
        .collect()
}

fn stages(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let (claims, articles) = corpus(dir.path());

    c.bench_function("load and validate 10,000 facts", |b| {
        b.iter(|| load_paths(black_box(&claims)).expect("valid fact base"))
    });
    let base = load_paths(&claims).expect("valid fact base");
    c.bench_function("index 10,000 facts (Checker::new)", |b| {
        b.iter(|| Checker::new(black_box(base.clone())))
    });
    let checker = Checker::new(base);

    c.bench_function("read 20 articles (Markdown, sentences)", |b| {
        b.iter(|| parse(black_box(&articles)))
    });
    let parsed = parse(&articles);
    c.bench_function("extract mentions from 20 articles", |b| {
        b.iter(|| {
            parsed
                .iter()
                .map(|a| factcheck::extract::extract(a, &checker.base, &checker.index))
                .collect::<Vec<_>>()
        })
    });
    let extracted: Vec<_> = parsed
        .iter()
        .map(|a| factcheck::extract::extract(a, &checker.base, &checker.index))
        .collect();
    c.bench_function("link and judge 20 articles' mentions", |b| {
        b.iter(|| {
            parsed
                .iter()
                .zip(&extracted)
                .map(|(a, ex)| factcheck::verdict::judge(a, &checker.base, &checker.index, ex))
                .collect::<Vec<_>>()
        })
    });

    let reports: Vec<ArticleReport> = parsed.iter().map(|a| checker.check(a.clone())).collect();
    let report = Report::new(&checker.base, reports);
    c.bench_function("render the JSON report of 20 articles", |b| {
        b.iter(|| {
            let mut out = Vec::new();
            Json.emit(black_box(&report), &mut out).expect("renders");
            out
        })
    });
}

criterion_group!(name = speed; config = Criterion::default().sample_size(20); targets = stages);
criterion_main!(speed);
