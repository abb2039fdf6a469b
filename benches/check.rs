//! Speed of the hot path: loading the fact base, checking the sample
//! article in-process, and the whole `factcheck check` process (target:
//! under 10 ms for the sample article against the sample fact base).

use std::hint::black_box;
use std::path::PathBuf;
use std::process::Command;

use criterion::{Criterion, criterion_group, criterion_main};
use factcheck::Checker;
use factcheck::article::{Article, Format};
use factcheck::facts::load_paths;
use factcheck::report::{ArticleReport, Emitter, Json, Report};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn sample() -> Vec<u8> {
    std::fs::read(root().join("articles/paris-summit.md")).expect("sample article")
}

fn benches(c: &mut Criterion) {
    let claims = vec![root().join("claims")];
    c.bench_function("load fact base", |b| {
        b.iter(|| load_paths(black_box(&claims)).expect("valid fact base"))
    });

    let checker = Checker::new(load_paths(&claims).expect("valid fact base"));
    let bytes = sample();
    c.bench_function("check sample article (parse, extract, link, verdict)", |b| {
        b.iter(|| {
            let article =
                Article::parse("paris-summit.md", black_box(bytes.clone()), Format::Markdown, None).expect("parses");
            checker.check(article)
        })
    });

    let reports: Vec<ArticleReport> =
        vec![checker.check(Article::parse("paris-summit.md", bytes.clone(), Format::Markdown, None).expect("parses"))];
    let report = Report::new(&checker.base, reports);
    c.bench_function("render JSON report", |b| {
        b.iter(|| {
            let mut out = Vec::new();
            Json.emit(black_box(&report), &mut out).expect("renders");
            out
        })
    });

    c.bench_function("whole process: factcheck check sample --format json", |b| {
        b.iter(|| {
            let status = Command::new(env!("CARGO_BIN_EXE_factcheck"))
                .current_dir(root())
                .args([
                    "check",
                    "articles/paris-summit.md",
                    "--format",
                    "json",
                    "-o",
                    "/dev/null",
                ])
                .status()
                .expect("runs");
            assert!(status.code() == Some(0), "sample article must check clean");
        })
    });
}

criterion_group!(name = speed; config = Criterion::default().sample_size(30); targets = benches);
criterion_main!(speed);
