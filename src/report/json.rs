//! `--format json` (one document) and `--format jsonl` (one claim a line).
//!
//! The shape is the contract's; fields may be added, none renamed. Every
//! struct here is the exact serialised form, so the contract can be read
//! off the types.

use std::io::{self, Write};

use serde::Serialize;

use super::Claim;
use super::{ArticleReport, Emitter, Report, Summary, one_line};
use crate::extract::Kind;
use crate::finding::{SourceRef, Verdict};
use crate::rules::Rule;

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

/// An article that could not be read: `error` (the stderr line, the first
/// name) and `message` (the contract's name) hold the same text.
#[derive(Serialize)]
struct ErrorOut<'a> {
    path: &'a str,
    error: &'a str,
    message: &'a str,
}

impl<'a> ErrorOut<'a> {
    fn of(e: &'a super::Unread) -> ErrorOut<'a> {
        ErrorOut {
            path: &e.path,
            error: &e.error,
            message: &e.error,
        }
    }
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
    /// Claims an `ignore` comment or setting suppressed (not counted above).
    suppressed: usize,
}

#[derive(Serialize)]
struct TotalOut {
    articles: usize,
    #[serde(rename = "match")]
    matches: usize,
    discrepancy: usize,
    unverifiable: usize,
    suppressed: usize,
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

impl SpanOut {
    /// A claim's span in an article, with its lines and columns.
    fn of(a: &ArticleReport, span: crate::span::Span) -> SpanOut {
        let (start, end) = a.positions(span);
        SpanOut {
            start: span.start,
            end: span.end,
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
        }
    }
}

#[derive(Serialize)]
struct RangeOut {
    min: Option<serde_json::Value>,
    max: Option<serde_json::Value>,
    /// `min` itself is excluded ("more than 35"); absent when included.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    min_exclusive: bool,
    /// `max` itself is excluded ("nearly 30", "under 30"); absent when included.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    max_exclusive: bool,
}

/// One claim as the contract shows it, plus `because`, `range` and `entity`.
#[derive(Serialize)]
pub(crate) struct ClaimOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<&'a str>,
    verdict: Verdict,
    kind: Kind,
    /// The rule behind every verdict but a plain match.
    rule: Option<Rule>,
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
    /// Present only on a claim a shared name left unverifiable (U016): the
    /// entity ids it may be.
    #[serde(skip_serializing_if = "Option::is_none")]
    candidates: &'a Option<Vec<String>>,
    /// Present (and true) only on a claim an `ignore` suppressed.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    suppressed: bool,
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
        suppressed: s.suppressed,
    }
}

pub(crate) fn claim_out<'a>(a: &'a ArticleReport, c: &'a Claim, with_path: bool) -> ClaimOut<'a> {
    ClaimOut {
        path: with_path.then_some(a.article.path.as_str()),
        verdict: c.verdict,
        kind: c.kind,
        rule: c.rule,
        text: a.text(c.span),
        sentence: one_line(a.text(c.sentence)),
        span: SpanOut::of(a, c.span),
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
        range: c.range.map(|r| RangeOut {
            min: r.min.map(tidy).map(crate::kinds::words::num),
            max: r.max.map(tidy).map(crate::kinds::words::num),
            min_exclusive: r.min.is_some() && r.min_open,
            max_exclusive: r.max.is_some() && r.max_open,
        }),
        entity: &c.entity,
        candidates: &c.candidates,
        suppressed: c.suppressed.is_some(),
    }
}

/// A bound without the binary noise of its arithmetic: 6.35, not
/// 6.3500000000000005 (twelve significant digits are more than any figure
/// in a news story has).
fn tidy(x: f64) -> f64 {
    format!("{x:.11e}").parse().unwrap_or(x)
}

/// One JSON document for the whole run.
pub struct Json;

/// How many articles are serialised side by side before their text is
/// written: enough to keep every core busy, few enough that the report's
/// text is never held whole (at archive scale it outweighs the articles).
const CHUNK: usize = 256;

/// `value` as `serde_json::to_writer_pretty` writes it `depth` levels down a
/// document: the same bytes as in a document serialised in one piece.
fn pretty_at<T: Serialize + ?Sized>(value: &T, depth: usize, out: &mut Vec<u8>) -> io::Result<()> {
    use serde_json::ser::{Formatter, PrettyFormatter};
    let mut formatter = PrettyFormatter::new();
    for _ in 0..depth {
        // Opening an array only deepens the indentation; the bracket goes nowhere.
        formatter.begin_array(&mut io::sink())?;
    }
    value.serialize(&mut serde_json::Serializer::with_formatter(&mut *out, formatter))?;
    Ok(())
}

fn article_out(a: &ArticleReport) -> ArticleOut<'_> {
    ArticleOut {
        path: &a.article.path,
        published: a.article.published.map(|d| d.to_string()),
        front_matter: &a.article.front_matter,
        summary: summary_out(a.summary()),
        claims: a.claims.iter().map(|c| claim_out(a, c, false)).collect(),
    }
}

impl Json {
    fn document(report: &Report) -> Document<'_> {
        let total = report.summary();
        Document {
            version: REPORT_VERSION,
            tool: Tool {
                name: env!("CARGO_PKG_NAME"),
                version: env!("CARGO_PKG_VERSION"),
            },
            facts: Facts {
                files: &report.fact_files,
                count: report.fact_count,
            },
            // Filled in by `emit`, article by article.
            articles: Vec::new(),
            summary: TotalOut {
                articles: report.articles.len(),
                matches: total.matches,
                discrepancy: total.discrepancies,
                unverifiable: total.unverifiable,
                suppressed: total.suppressed,
            },
            errors: report.errors.iter().map(ErrorOut::of).collect(),
        }
    }
}

impl Emitter for Json {
    /// The document `serde_json::to_writer_pretty` would write for
    /// [`Document`], byte for byte, with the articles serialised in parallel,
    /// a chunk at a time: on an archive the report runs to hundreds of
    /// megabytes, and written in one piece it kept one core busy while the
    /// others waited.
    fn emit(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        use rayon::prelude::*;
        let doc = Json::document(report);
        let mut buf = Vec::new();
        let field = |buf: &mut Vec<u8>, name: &str, first: bool| {
            buf.extend_from_slice(if first { b"\n  \"" } else { b",\n  \"" });
            buf.extend_from_slice(name.as_bytes());
            buf.extend_from_slice(b"\": ");
        };
        buf.push(b'{');
        field(&mut buf, "version", true);
        pretty_at(&doc.version, 1, &mut buf)?;
        field(&mut buf, "tool", false);
        pretty_at(&doc.tool, 1, &mut buf)?;
        field(&mut buf, "facts", false);
        pretty_at(&doc.facts, 1, &mut buf)?;
        field(&mut buf, "articles", false);
        buf.push(b'[');
        out.write_all(&buf)?;
        for (c, chunk) in report.articles.chunks(CHUNK).enumerate() {
            let parts: Vec<io::Result<Vec<u8>>> = chunk
                .par_iter()
                .map(|a| {
                    let mut part = Vec::new();
                    pretty_at(&article_out(a), 2, &mut part)?;
                    Ok(part)
                })
                .collect();
            for (k, part) in parts.into_iter().enumerate() {
                out.write_all(if c == 0 && k == 0 { b"\n    " } else { b",\n    " })?;
                out.write_all(&part?)?;
            }
        }
        buf.clear();
        if !report.articles.is_empty() {
            buf.extend_from_slice(b"\n  ");
        }
        buf.push(b']');
        field(&mut buf, "summary", false);
        pretty_at(&doc.summary, 1, &mut buf)?;
        if !doc.errors.is_empty() {
            field(&mut buf, "errors", false);
            pretty_at(&doc.errors, 1, &mut buf)?;
        }
        buf.extend_from_slice(b"\n}\n");
        out.write_all(&buf)
    }
}

/// Version of the `factcheck claims --format json` shape.
pub const CLAIMS_VERSION: u32 = 1;

/// `factcheck claims --format json`: `schemas/claims.schema.json`.
#[derive(Serialize)]
struct ClaimsDocument<'a> {
    version: u32,
    tool: Tool,
    claims: Vec<FoundOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    errors: Vec<ErrorOut<'a>>,
}

/// A claim as found, without a verdict.
#[derive(Serialize)]
struct FoundOut<'a> {
    path: &'a str,
    kind: Kind,
    text: &'a str,
    span: SpanOut,
    found: &'a serde_json::Value,
}

pub(crate) fn write_claims(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let claims = report
        .articles
        .iter()
        .flat_map(|a| {
            a.claims.iter().map(move |c| FoundOut {
                path: &a.article.path,
                kind: c.kind,
                text: a.text(c.span),
                span: SpanOut::of(a, c.span),
                found: &c.found,
            })
        })
        .collect();
    let doc = ClaimsDocument {
        version: CLAIMS_VERSION,
        tool: Tool {
            name: env!("CARGO_PKG_NAME"),
            version: env!("CARGO_PKG_VERSION"),
        },
        claims,
        errors: report.errors.iter().map(ErrorOut::of).collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

/// One claim object a line, each with its `path`; then one line for each
/// article that could not be read (`path`, `error`, `message`, no
/// `verdict`), so the stream never passes for the whole run's.
pub struct JsonLines;

impl Emitter for JsonLines {
    fn emit(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        for a in &report.articles {
            for c in &a.claims {
                serde_json::to_writer(&mut *out, &claim_out(a, c, true))?;
                writeln!(out)?;
            }
        }
        for e in &report.errors {
            serde_json::to_writer(&mut *out, &ErrorOut::of(e))?;
            writeln!(out)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::report::Unread;

    /// The report as `serde_json` writes [`Document`] in one piece: what
    /// [`Json::emit`] must reproduce byte for byte.
    fn in_one_piece(report: &Report) -> Vec<u8> {
        let mut doc = Json::document(report);
        doc.articles = report.articles.iter().map(article_out).collect();
        let mut out = serde_json::to_vec_pretty(&doc).unwrap();
        out.push(b'\n');
        out
    }

    fn emitted(report: &Report) -> Vec<u8> {
        let mut out = Vec::new();
        Json.emit(report, &mut out).unwrap();
        out
    }

    fn report(copies: usize, errors: usize) -> Report {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let base = crate::facts::load_paths(&[root.join("claims")]).expect("the project's fact base loads");
        let checker = crate::Checker::new(base);
        let mut articles = Vec::new();
        for name in ["analysis.md", "briefing.txt", "correction.md"] {
            let article = crate::article::read(&root.join("tests/corpus").join(name), None).unwrap();
            articles.push(checker.check(article));
        }
        let articles: Vec<ArticleReport> = (0..copies)
            .flat_map(|_| articles.iter().map(|a| checker.check(a.article.clone())))
            .collect();
        let mut report = Report::new(&checker.base, articles);
        report.errors = (0..errors)
            .map(|k| Unread {
                path: format!("missing-{k}.md"),
                error: format!("missing-{k}.md: cannot read: \"no such file\""),
            })
            .collect();
        report
    }

    #[test]
    fn the_parallel_document_is_the_one_piece_document_byte_for_byte() {
        // Within one chunk, across chunk boundaries, with no article at all,
        // and with and without the errors field.
        for (copies, errors) in [(1, 0), (1, 2), (CHUNK / 3 + 1, 0), (0, 1), (0, 0)] {
            let report = report(copies, errors);
            let (got, want) = (emitted(&report), in_one_piece(&report));
            assert!(
                got == want,
                "{copies} copies, {errors} errors: the documents differ from byte {}",
                got.iter()
                    .zip(&want)
                    .position(|(a, b)| a != b)
                    .unwrap_or(got.len().min(want.len()))
            );
        }
    }
}
