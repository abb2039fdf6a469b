//! `--format json` (one document) and `--format jsonl` (one claim a line).
//!
//! The shape is the contract's; fields may be added, none renamed. Every
//! struct here is the exact serialised form, so the contract can be read
//! off the types.

use std::io::{self, Write};

use serde::Serialize;

use super::{ArticleReport, Emitter, Report, Summary, one_line};
use crate::extract::Kind;
use crate::verdict::{Claim, SourceRef, Verdict};

/// Version of the JSON report shape.
pub const REPORT_VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    tool: Tool,
    facts: Facts<'a>,
    articles: Vec<ArticleOut<'a>>,
    summary: TotalOut,
    /// Articles that could not be read; present only when there are any.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    errors: Vec<ErrorOut<'a>>,
}

#[derive(Serialize)]
struct ErrorOut<'a> {
    path: &'a str,
    error: &'a str,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct Facts<'a> {
    files: &'a [String],
    count: usize,
}

#[derive(Serialize)]
struct ArticleOut<'a> {
    path: &'a str,
    published: Option<String>,
    front_matter: &'a std::collections::BTreeMap<String, serde_json::Value>,
    summary: SummaryOut,
    claims: Vec<ClaimOut<'a>>,
}

#[derive(Serialize)]
struct SummaryOut {
    #[serde(rename = "match")]
    matches: usize,
    discrepancy: usize,
    unverifiable: usize,
}

#[derive(Serialize)]
struct TotalOut {
    articles: usize,
    #[serde(rename = "match")]
    matches: usize,
    discrepancy: usize,
    unverifiable: usize,
}

#[derive(Serialize)]
struct SpanOut {
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

#[derive(Serialize)]
struct RangeOut {
    min: Option<serde_json::Value>,
    max: Option<serde_json::Value>,
}

/// One claim as the contract shows it, plus `because`, `range` and `entity`.
#[derive(Serialize)]
pub(crate) struct ClaimOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<&'a str>,
    verdict: Verdict,
    kind: Kind,
    text: &'a str,
    sentence: String,
    span: SpanOut,
    found: &'a serde_json::Value,
    expected: &'a Option<serde_json::Value>,
    fact: &'a Option<String>,
    source: Option<SourceOut<'a>>,
    message: &'a str,
    suggestion: &'a Option<String>,
    because: &'a Option<String>,
    range: Option<RangeOut>,
    entity: &'a Option<String>,
}

#[derive(Serialize)]
struct SourceOut<'a> {
    id: &'a str,
    title: &'a Option<String>,
    url: &'a Option<String>,
}

fn summary_out(s: Summary) -> SummaryOut {
    SummaryOut {
        matches: s.matches,
        discrepancy: s.discrepancies,
        unverifiable: s.unverifiable,
    }
}

pub(crate) fn claim_out<'a>(a: &'a ArticleReport, c: &'a Claim, with_path: bool) -> ClaimOut<'a> {
    let (start, end) = a.positions(c.span);
    ClaimOut {
        path: with_path.then_some(a.article.path.as_str()),
        verdict: c.verdict,
        kind: c.kind,
        text: a.text(c.span),
        sentence: one_line(a.text(c.sentence)),
        span: SpanOut {
            start: c.span.start,
            end: c.span.end,
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
        },
        found: &c.found,
        expected: &c.expected,
        fact: &c.fact,
        source: c.source.as_ref().map(|s: &SourceRef| SourceOut {
            id: &s.id,
            title: &s.title,
            url: &s.url,
        }),
        message: &c.message,
        suggestion: &c.suggestion,
        because: &c.because,
        range: c.range.map(|(lo, hi)| RangeOut {
            min: lo.map(crate::verdict::num),
            max: hi.map(crate::verdict::num),
        }),
        entity: &c.entity,
    }
}

/// One JSON document for the whole run.
pub struct Json;

impl Emitter for Json {
    fn emit(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        let total = report.summary();
        let doc = Document {
            version: REPORT_VERSION,
            tool: Tool {
                name: env!("CARGO_PKG_NAME"),
                version: env!("CARGO_PKG_VERSION"),
            },
            facts: Facts {
                files: &report.fact_files,
                count: report.fact_count,
            },
            articles: report
                .articles
                .iter()
                .map(|a| ArticleOut {
                    path: &a.article.path,
                    published: a.article.published.map(|d| d.to_string()),
                    front_matter: &a.article.front_matter,
                    summary: summary_out(a.summary()),
                    claims: a.claims.iter().map(|c| claim_out(a, c, false)).collect(),
                })
                .collect(),
            summary: TotalOut {
                articles: report.articles.len(),
                matches: total.matches,
                discrepancy: total.discrepancies,
                unverifiable: total.unverifiable,
            },
            errors: report
                .errors
                .iter()
                .map(|e| ErrorOut {
                    path: &e.path,
                    error: &e.error,
                })
                .collect(),
        };
        serde_json::to_writer_pretty(&mut *out, &doc)?;
        writeln!(out)
    }
}

/// One claim object a line, each with its `path`.
pub struct JsonLines;

impl Emitter for JsonLines {
    fn emit(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        for a in &report.articles {
            for c in &a.claims {
                serde_json::to_writer(&mut *out, &claim_out(a, c, true))?;
                writeln!(out)?;
            }
        }
        Ok(())
    }
}
