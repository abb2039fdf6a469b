//! `--format github`: GitHub Actions workflow commands, one line per finding.
//!
//! ```text
//! ::error file=articles/draft.md,line=7,col=40,endLine=7,endColumn=52,title=factcheck discrepancy (count)::36 countries, but ...
//! ```
//!
//! A discrepancy is an `::error`, an unverifiable claim a `::warning`;
//! matches are not annotated; an article that could not be read is an `::error`
//! on its file, and a problem in the fact base an `::error` or `::warning` on
//! the fact-base file and line (when the base does not load, those errors
//! and a closing `::error` are the whole report). Each line stands alone (the format streams),
//! and one closing `::notice` gives the run's counts, so a clean run still
//! says what was checked. Columns follow the JSON report (1-based, in
//! characters, end exclusive) and are left out when a claim spans lines,
//! since GitHub rejects `col`/`endColumn` on a multi-line annotation.

use std::io::{self, Write};

use super::{Emitter, Report, plural, relative_path, run_summary};
use crate::facts::Severity;
use crate::verdict::Verdict;

/// GitHub Actions annotations.
pub struct Github;

/// Escape the message of a workflow command (after `::`).
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escape a property value of a workflow command (`file=...,title=...`).
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

impl Emitter for Github {
    fn emit(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        // Problems in the fact base, on its files and lines: errors (the base
        // did not load, nothing was checked) and warnings.
        for p in &report.fact_problems {
            let command = match p.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            let mut props = format!("file={}", escape_property(&relative_path(&p.file)));
            if p.line > 0 {
                props.push_str(&format!(",line={},col={}", p.line, p.column));
            }
            writeln!(
                out,
                "::{command} {props},title={}::{}",
                escape_property("factcheck fact base"),
                escape_data(&p.message)
            )?;
        }
        if report.base_is_invalid() {
            let errors = report.base_errors();
            return writeln!(
                out,
                "::error title=factcheck::{}",
                escape_data(&format!(
                    "the fact base does not load ({}); no article was checked",
                    plural(errors, "error", "errors")
                ))
            );
        }
        for a in &report.articles {
            let file = escape_property(&relative_path(&a.article.path));
            for c in &a.claims {
                let command = match c.verdict {
                    Verdict::Discrepancy => "error",
                    Verdict::Unverifiable => "warning",
                    Verdict::Match => continue,
                };
                let (start, end) = a.positions(c.span);
                let mut props = format!("file={file},line={}", start.line);
                if start.line == end.line {
                    props.push_str(&format!(
                        ",col={},endLine={},endColumn={}",
                        start.column, end.line, end.column
                    ));
                } else {
                    props.push_str(&format!(",endLine={}", end.line));
                }
                let title = format!("factcheck {} ({})", c.verdict.as_str(), c.kind.as_str());
                let mut message = c.message.clone();
                if let Some((_, _, s)) = super::claim_correction(a, c).filter(|_| c.verdict == Verdict::Discrepancy) {
                    message.push_str(&format!("\nhelp: write \"{s}\""));
                }
                writeln!(
                    out,
                    "::{command} {props},title={}::{}",
                    escape_property(&title),
                    escape_data(&message)
                )?;
            }
        }
        // An article that could not be read fails the run: an error on its file.
        for e in &report.errors {
            writeln!(
                out,
                "::error file={},title={}::{}",
                escape_property(&relative_path(&e.path)),
                escape_property("factcheck: article not read"),
                escape_data(&e.error)
            )?;
        }
        writeln!(out, "::notice title=factcheck::{}", escape_data(&run_summary(report)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_the_runner() {
        assert_eq!(escape_data("50% off: a,b\r\nc"), "50%25 off: a,b%0D%0Ac");
        assert_eq!(escape_property("50% off: a,b\nc"), "50%25 off%3A a%2Cb%0Ac");
        // `%` first, so an escape is never escaped twice.
        assert_eq!(escape_property("%3A"), "%253A");
    }
}
