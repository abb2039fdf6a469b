//! Reports: one emitter per output format, all fed the same [`Report`].
//!
//! Emitters never decide exit codes or colour; they receive a finished
//! report and a [`Style`] resolved once by the binary.

mod diff;
mod human;
mod json;

use std::io::{self, Write};

use crate::article::Article;
use crate::facts::FactBase;
use crate::span::{Position, Span};
use crate::verdict::{Claim, Verdict};

pub use diff::corrections_diff;
pub use human::Human;
pub use json::{Json, JsonLines};

/// The result of checking one article.
#[derive(Debug, Clone)]
pub struct ArticleReport {
    pub article: Article,
    pub claims: Vec<Claim>,
}

impl ArticleReport {
    pub fn summary(&self) -> Summary {
        Summary::of(self.claims.iter())
    }

    /// Start and end positions of a span in this article's file.
    pub fn positions(&self, span: Span) -> (Position, Position) {
        let text = &self.article.text;
        (
            self.article.lines.position(text, span.start),
            self.article.lines.position(text, span.end),
        )
    }

    /// The file's bytes in `span`.
    pub fn text(&self, span: Span) -> &str {
        &self.article.text[span.start..span.end]
    }
}

/// A whole run: the fact base used and every article checked.
#[derive(Debug, Clone)]
pub struct Report {
    pub fact_files: Vec<String>,
    pub fact_count: usize,
    pub articles: Vec<ArticleReport>,
}

impl Report {
    pub fn new(base: &FactBase, articles: Vec<ArticleReport>) -> Report {
        Report {
            fact_files: base.files.clone(),
            fact_count: base.facts.len(),
            articles,
        }
    }

    pub fn summary(&self) -> Summary {
        Summary::of(self.articles.iter().flat_map(|a| a.claims.iter()))
    }
}

/// Claims counted by verdict.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub matches: usize,
    pub discrepancies: usize,
    pub unverifiable: usize,
}

impl Summary {
    fn of<'a>(claims: impl Iterator<Item = &'a Claim>) -> Summary {
        let mut s = Summary::default();
        for c in claims {
            match c.verdict {
                Verdict::Match => s.matches += 1,
                Verdict::Discrepancy => s.discrepancies += 1,
                Verdict::Unverifiable => s.unverifiable += 1,
            }
        }
        s
    }

    pub fn total(&self) -> usize {
        self.matches + self.discrepancies + self.unverifiable
    }
}

/// Presentation choices made once by the caller.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    pub color: bool,
}

/// One output format.
pub trait Emitter {
    fn emit(&self, report: &Report, out: &mut dyn Write) -> io::Result<()>;
}

/// Collapse runs of white space, for sentences shown on one line.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "1 discrepancy", "2 discrepancies".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `factcheck claims --format json`: every claim found, typed, without verdicts.
pub fn write_claims_json(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let claims: Vec<serde_json::Value> = report
        .articles
        .iter()
        .flat_map(|a| {
            a.claims.iter().map(move |c| {
                let (start, end) = a.positions(c.span);
                serde_json::json!({
                    "path": a.article.path,
                    "kind": c.kind,
                    "text": a.text(c.span),
                    "span": {"start": c.span.start, "end": c.span.end, "line": start.line,
                             "column": start.column, "end_line": end.line, "end_column": end.column},
                    "found": c.found,
                })
            })
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &claims)?;
    writeln!(out)
}

/// `factcheck claims`: one line a claim, `path:line:col  kind  text  = value`.
pub fn write_claims_human(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for a in &report.articles {
        for c in &a.claims {
            let (start, _) = a.positions(c.span);
            writeln!(
                out,
                "{}:{}:{}: {:<9} {}  = {}",
                a.article.path,
                start.line,
                start.column,
                c.kind.as_str(),
                one_line(a.text(c.span)),
                c.found
            )?;
        }
    }
    writeln!(out, "{}", plural(report.articles.iter().map(|a| a.claims.len()).sum(), "claim", "claims"))
}
