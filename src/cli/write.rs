//! `check --write` and `check --diff`: save the corrections, or show them,
//! and say what still needs an editor.
//!
//! ```text
//! articles/draft.md: 3 corrections written
//! articles/draft.md:17:1: not corrected: discrepancy[entities]: ... (no single correction)
//! 1 file changed, 3 corrections written; 1 discrepancy left for an editor
//! ```
//!
//! Both take their text from `factcheck::fix::settle`: corrections applied
//! and the text checked again until a pass changes nothing, so a second
//! `--write` has nothing to do and `--diff` shows all of the first.

use std::path::PathBuf;

use anyhow::Result;

use factcheck::Checker;
use factcheck::config::FailOn;
use factcheck::fix::{self, MAX_PASSES, Settled};
use factcheck::report::{ArticleReport, Report, plural};

use crate::{eprint_line, exit, exit_code, write_out};

pub fn run(checker: &Checker, report: &Report, output: Option<&PathBuf>, fail_on: FailOn) -> Result<u8> {
    let mut written = Vec::new();
    let mut failed = Vec::new();
    for a in &report.articles {
        match fix::write(checker, a) {
            Ok(w) => {
                warn_unsettled(a, &w);
                written.push((a, w));
            }
            Err(e) => failed.push(e),
        }
    }
    let changed = written.iter().filter(|(_, w)| w.changed()).count();
    let fixes: usize = written.iter().map(|(_, w)| w.applied).sum();
    let left: usize = written.iter().map(|(_, w)| w.unfixable.len() + w.pending.len()).sum();
    write_out(output, |out| {
        for (a, w) in &written {
            if w.changed() {
                writeln!(
                    out,
                    "{}: {} written",
                    a.article.path,
                    plural(w.applied, "correction", "corrections")
                )?;
            }
            // Positions in the text as written, from the check of it.
            let now = w.report(a);
            for (i, why) in &w.unfixable {
                let c = &now.claims[*i];
                let (start, _) = now.positions(c.span);
                writeln!(
                    out,
                    "{}:{}:{}: not corrected: discrepancy[{}]: {} ({})",
                    a.article.path,
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
    // What the files now say, as checked after the corrections.
    let remaining = written.iter().flat_map(|(a, w)| {
        w.report(a)
            .claims
            .iter()
            .filter(|c| c.suppressed.is_none())
            .map(|c| c.verdict)
    });
    Ok(exit_code(remaining, fail_on))
}

/// The `--diff` of every article, in order (articles with nothing to correct left out).
pub fn diffs(checker: &Checker, report: &Report) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for a in &report.articles {
        let (diff, settled) = fix::diff(checker, a)?;
        warn_unsettled(a, &settled);
        out.extend(diff);
    }
    Ok(out)
}

/// Say so when the corrections did not come to rest (see `fix::settle`).
fn warn_unsettled(a: &ArticleReport, s: &Settled) {
    if !s.at_rest() {
        eprint_line(&format!(
            "warning: {}: corrections still change the text after {} passes; {} not applied, check it again",
            a.article.path,
            s.passes.min(MAX_PASSES),
            plural(s.pending.len(), "correction", "corrections")
        ));
    }
}
