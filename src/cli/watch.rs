//! `factcheck watch` / `check --watch`: check, show, wait for a save, repeat.
//!
//! Each round clears the screen (on a terminal), shows the report (or
//! rewrites `--output` and `--report` files, so a browser showing the HTML
//! report only needs a reload) and ends with one status line on stderr:
//!
//! ```text
//! [14:03:07] 1 article, 15 claims: 2 matches, 13 discrepancies, 0 unverifiable · watching 3 paths (Ctrl-C to stop)
//! ```
//!
//! Every round reads `factcheck.toml` again, so editing it applies at once
//! (what is watched stays as it was at the start). A round that cannot
//! check (a half-typed fact base, say) shows the error and keeps watching;
//! only a problem before the first round ends the run. An article that
//! cannot be read (half-saved, not UTF-8) is named on its own line and the
//! others are still reported.

use std::io::{self, IsTerminal};

use anyhow::{Result, bail};

use factcheck::config::FailOn;
use factcheck::input::Source;
use factcheck::report::{Style, plural, run_summary};
use factcheck::watch::Watcher;

use super::settings::Settings;
use crate::{
    Common, Output, check_sources, eprint_line, guard_report_targets, term_width, use_color, write_extra_reports,
    write_out,
};

/// Clear the screen and its scroll-back, cursor home.
const CLEAR: &str = "\x1b[2J\x1b[3J\x1b[H";

/// Watch what `settings` selects; each round re-reads `factcheck.toml`
/// (through `common`), so a change to it applies at once.
pub fn run(settings: &Settings, common: &Common, output: &Output) -> Result<u8> {
    if settings.reads_stdin() {
        bail!("watch mode cannot watch standard input (-); name files or folders");
    }
    if let Ok(sources) = settings.sources() {
        guard_report_targets(output, settings, &sources)?;
    }
    let paths = settings.watch_paths();
    // The reports this watch writes are never a reason to check again.
    let reports: Vec<_> = output
        .output
        .iter()
        .chain(output.reports.iter().map(|r| &r.path))
        .cloned()
        .collect();
    let watcher = Watcher::new(&paths, &reports)?;
    let watching = format!("watching {} (Ctrl-C to stop)", plural(paths.len(), "path", "paths"));
    let to_terminal = output.output.is_none() && io::stdout().is_terminal();
    let style = Style {
        color: use_color(output.color, output.output.is_some()),
        quiet: output.quiet,
        width: output.output.is_none().then(|| term_width(to_terminal)).flatten(),
    };
    loop {
        let written: Vec<std::path::PathBuf> = reports.iter().filter_map(|p| std::fs::canonicalize(p).ok()).collect();
        let round = Settings::resolve(common, output.format, output.fail_on).and_then(|mut settings| {
            settings.quiet = output.quiet;
            // A report the watch writes into a watched folder is no article.
            let sources = settings.sources().map(|sources| {
                sources
                    .into_iter()
                    .filter(|s| match s {
                        Source::File(p) => std::fs::canonicalize(p).map_or(true, |p| !written.contains(&p)),
                        _ => true,
                    })
                    .collect()
            });
            let (_, report) = check_sources(&settings, sources)?;
            if report.articles.is_empty()
                && let Some((last, before)) = report.errors.split_last()
            {
                // Nothing could be read: the round could not check.
                for e in before {
                    eprint_line(&format!("error: {}", e.error));
                }
                bail!("{}", last.error);
            }
            write_extra_reports(output, &report, settings.fail_on)?;
            let mut rendered = Vec::new();
            if let Some(e) = settings.format.emitter(style, settings.fail_on == FailOn::Unverifiable) {
                e.emit(&report, &mut rendered)?;
            }
            Ok((report, rendered))
        });
        let time = jiff::ZonedDateTime::now().strftime("%H:%M:%S").to_string();
        match round {
            Ok((report, rendered)) => {
                write_out(output.output.as_ref(), |out| {
                    if to_terminal {
                        out.write_all(CLEAR.as_bytes())?;
                    }
                    out.write_all(&rendered)
                })?;
                for e in &report.errors {
                    eprint_line(&format!("error: {}", e.error));
                }
                let unread = if report.errors.is_empty() {
                    String::new()
                } else {
                    format!(" · {} not read", plural(report.errors.len(), "article", "articles"))
                };
                eprint_line(&format!("[{time}] {}{unread} · {watching}", run_summary(&report)));
            }
            Err(e) => {
                if to_terminal {
                    write_out(None, |out| out.write_all(CLEAR.as_bytes()))?;
                }
                eprint_line(&format!("error: {e:#}"));
                eprint_line(&format!("[{time}] could not check · {watching}"));
            }
        }
        watcher.changed()?;
    }
}
