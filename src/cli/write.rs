//! `check --write`: save the corrections and say what still needs an editor.
//!
//! ```text
//! articles/draft.md: 3 corrections written
//! articles/draft.md:17:1: not corrected: discrepancy[entities]: ... (no single correction)
//! 1 file changed, 3 corrections written; 1 discrepancy left for an editor
//! ```

use std::path::PathBuf;

use anyhow::Result;

use factcheck::config::FailOn;
use factcheck::fix;
use factcheck::report::{Report, plural};

use crate::{eprint_line, exit, exit_code, write_out};

pub fn run(report: &Report, output: Option<&PathBuf>, fail_on: FailOn) -> Result<u8> {
    let mut written = Vec::new();
    let mut failed = Vec::new();
    for a in &report.articles {
        match fix::write(a) {
            Ok(w) => written.push((a, w)),
            Err(e) => failed.push(e),
        }
    }
    let changed = written.iter().filter(|(_, w)| w.changed()).count();
    let fixes: usize = written.iter().map(|(_, w)| w.corrections.applied.len()).sum();
    let left: usize = written.iter().map(|(_, w)| w.corrections.unfixable.len()).sum();
    write_out(output, |out| {
        for (a, w) in &written {
            if w.changed() {
                let n = w.corrections.applied.len();
                writeln!(out, "{}: {} written", w.path, plural(n, "correction", "corrections"))?;
            }
            for (i, why) in &w.corrections.unfixable {
                let c = &a.claims[*i];
                let (start, _) = a.positions(c.span);
                writeln!(
                    out,
                    "{}:{}:{}: not corrected: discrepancy[{}]: {} ({})",
                    w.path,
                    start.line,
                    start.column,
                    c.kind.as_str(),
                    c.message,
                    why.reason()
                )?;
            }
        }
        let mut line = format!(
            "{} changed, {} written",
            plural(changed, "file", "files"),
            plural(fixes, "correction", "corrections")
        );
        if left > 0 {
            line.push_str(&format!(
                "; {} left for an editor",
                plural(left, "discrepancy", "discrepancies")
            ));
        }
        if !failed.is_empty() {
            line.push_str(&format!("; {} not written", plural(failed.len(), "file", "files")));
        }
        writeln!(out, "{line}")
    })?;
    for e in &failed {
        eprint_line(&format!("error: {e:#}"));
    }
    if !failed.is_empty() {
        return Ok(exit::ERROR);
    }
    // What the files now say: every claim except the discrepancies corrected.
    let remaining = written.iter().flat_map(|(a, w)| {
        a.claims
            .iter()
            .enumerate()
            .filter(|(i, _)| w.corrections.applied.binary_search(i).is_err())
            .map(|(_, c)| c.verdict)
    });
    Ok(exit_code(remaining, fail_on))
}
