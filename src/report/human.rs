//! `--format human`: the rustc/ruff shape, one finding read at a glance.
//!
//! ```text
//! discrepancy[count]: 36 countries, but the fact base says 35 countries
//!   --> articles/draft.md:7:40
//!    |
//!  7 | ... gathered representatives from 36 countries, including ...
//!    |                                   ^^^^^^^^^^^^ expected 35
//!    |
//!    = note: fact summit.countries, source: Paris Declaration <https://...>
//!    = help: write "35 countries"
//! ```
//!
//! A match takes one line (`match[entity]: Paris agrees with summit.place
//! (Paris) --> articles/draft.md:6:19`): on a clean archive the matches are
//! most of the report, and an editor reads it for what needs work. With
//! `--quiet` only the discrepancies and the closing summary are printed.
//! Source lines are trimmed to the terminal's width when it is known.

use std::io::{self, Write};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use colored::Colorize;

use super::Claim;
use super::{ArticleReport, Emitter, Report, Style, Summary, one_line, plural};
use crate::finding::Verdict;

/// Lines longer than this (in bytes) are shown as an excerpt around the claim.
const LONG_LINE: usize = 512;
/// Bytes of context on each side of a claim in an excerpt.
const CONTEXT: usize = 100;

/// The editor's report.
pub struct Human {
    pub style: Style,
}

fn expected_label(c: &Claim) -> String {
    match (&c.verdict, &c.suggestion, &c.expected) {
        (Verdict::Match, _, _) => "matches the fact base".into(),
        (Verdict::Unverifiable, _, _) => "no fact to check against".into(),
        (Verdict::Discrepancy, Some(s), _) => format!("expected {s}"),
        (Verdict::Discrepancy, None, Some(serde_json::Value::String(s))) => format!("expected {s}"),
        (Verdict::Discrepancy, None, Some(v)) => format!("expected {v}"),
        (Verdict::Discrepancy, None, None) => "contradicts the fact base".into(),
    }
}

fn summary_line(s: Summary) -> String {
    let mut line = format!(
        "{}: {}, {}, {}",
        plural(s.total(), "claim", "claims"),
        plural(s.matches, "match", "matches"),
        plural(s.discrepancies, "discrepancy", "discrepancies"),
        s.unverifiable.to_string() + " unverifiable"
    );
    if s.suppressed > 0 {
        line.push_str(&format!(" ({} suppressed)", s.suppressed));
    }
    line
}

/// The narrowest width source lines are trimmed to: below it, a line keeps
/// too little of the sentence around the claim to read.
const MIN_WIDTH: usize = 40;

impl Human {
    /// A suppressed claim on one line, with what suppressed it:
    /// `suppressed[D105]: MESSAGE --> path:line:col (ignore comment on line 3)`.
    fn suppressed_line(&self, a: &ArticleReport, c: &Claim, by: crate::suppress::Suppressed) -> String {
        let (start, _) = a.positions(c.span);
        let code = c
            .rule
            .map_or_else(|| c.kind.as_str().to_owned(), |r| r.code().to_owned());
        let head = format!("suppressed[{code}]");
        let (head, arrow) = if self.style.color {
            (head.dimmed().bold().to_string(), "-->".blue().bold().to_string())
        } else {
            (head, "-->".to_owned())
        };
        let by = match by {
            crate::suppress::Suppressed::Comment { line } => format!("ignore comment on line {line}"),
            crate::suppress::Suppressed::Setting => "`ignore` in factcheck.toml".to_owned(),
        };
        format!(
            "{head}: {} {arrow} {}:{}:{} ({by})",
            one_line(&c.message),
            a.article.path,
            start.line,
            start.column
        )
    }

    /// A match on one line: `match[count]: MESSAGE --> path:line:col`. The
    /// article agrees with the fact base; only where is worth showing.
    fn match_line(&self, a: &ArticleReport, c: &Claim) -> String {
        let (start, _) = a.positions(c.span);
        let head = format!("match[{}]", c.kind.as_str());
        let (head, arrow) = if self.style.color {
            (head.green().bold().to_string(), "-->".blue().bold().to_string())
        } else {
            (head, "-->".to_owned())
        };
        format!(
            "{head}: {} {arrow} {}:{}:{}",
            one_line(&c.message),
            a.article.path,
            start.line,
            start.column
        )
    }

    fn claim(&self, a: &ArticleReport, c: &Claim) -> String {
        let text = &a.article.text;
        let lines = &a.article.lines;
        let first = lines.line_of(c.span.start);
        let last = lines.line_of(c.span.end.saturating_sub(1).max(c.span.start));
        let (from, _) = lines.line_range(text, first);
        let (_, to) = lines.line_range(text, last);
        let to = to.max(c.span.end);
        // A very long line (a 50 MB export on one line) is shown as an excerpt
        // around the claim, with the position given apart: rendering the whole
        // line for every claim on it would take time quadratic in its length.
        let excerpt = to - from > LONG_LINE;
        let (from, to) = if excerpt {
            let mut start = c.span.start.saturating_sub(CONTEXT).max(from);
            while !text.is_char_boundary(start) {
                start += 1;
            }
            let mut end = (c.span.end + CONTEXT).min(to);
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            (start, end)
        } else {
            (from, to)
        };
        let source = &text[from..to];
        let rel = (c.span.start - from)..(c.span.end - from);
        let level = match c.verdict {
            Verdict::Discrepancy => Level::ERROR.with_name("discrepancy"),
            Verdict::Unverifiable => Level::WARNING.with_name("unverifiable"),
            Verdict::Match => Level::NOTE.with_name("match"),
        };
        let mut evidence = Vec::new();
        if let Some(fact) = &c.fact {
            let mut line = format!("fact {fact}");
            if let Some(s) = &c.source {
                line.push_str(&format!(", source: {}", s.title.as_deref().unwrap_or(&s.id)));
                if let Some(url) = &s.url {
                    line.push_str(&format!(" <{url}>"));
                }
            }
            evidence.push(line);
        } else if let Some(e) = &c.entity {
            evidence.push(format!("entity {e} in the fact base"));
        }
        // As --diff writes it: with "a"/"an" before it in agreement.
        let help = super::claim_correction(a, c).map(|(_, _, s)| format!("write \"{s}\""));
        let mut renderer = if self.style.color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let width = self.style.width.map(|w| w.max(MIN_WIDTH));
        if let Some(width) = width {
            // Source lines are cut to the terminal (rustc's `...` on the cut
            // side), the carets still under the claim.
            renderer = renderer.term_width(width);
        }
        let render = |label: &str| {
            let snippet = Snippet::source(source)
                .line_start(first + 1)
                .annotation(AnnotationKind::Primary.span(rel.clone()).label(label));
            let title = level.clone().primary_title(c.message.as_str()).id(c.kind.as_str());
            let mut groups = vec![if excerpt {
                title.element(snippet)
            } else {
                title.element(snippet.path(a.article.path.as_str()))
            }];
            for e in &evidence {
                groups.push(Group::with_title(Level::NOTE.secondary_title(e.as_str())));
            }
            if let Some(h) = &help {
                groups.push(Group::with_title(Level::HELP.secondary_title(h.as_str())));
            }
            renderer.render(&groups)
        };
        let label = expected_label(c);
        let mut rendered = render(&label);
        // On a narrow terminal a label beside the carets would wrap under
        // the next line; the headline and the help line say the same.
        if width.is_some_and(|w| caret_lines_wider_than(&rendered, w)) {
            rendered = render("");
        }
        if !excerpt {
            return rendered;
        }
        // The excerpt's own columns are not the file's: the position goes
        // under the headline, where annotate-snippets puts it for a whole line.
        let (start, _) = a.positions(c.span);
        let arrow = if self.style.color {
            "-->".blue().bold().to_string()
        } else {
            "-->".to_owned()
        };
        let gutter = " ".repeat((last + 1).to_string().len());
        let origin = format!("{gutter}{arrow} {}:{}:{}", a.article.path, start.line, start.column);
        match rendered.split_once('\n') {
            Some((head, rest)) => format!("{head}\n{origin}\n{rest}"),
            None => format!("{rendered}\n{origin}"),
        }
    }
}

/// Whether a line of carets (`  |   ^^^^ label`) runs past `width` columns.
fn caret_lines_wider_than(rendered: &str, width: usize) -> bool {
    rendered.lines().any(|line| {
        let plain = strip_ansi(line);
        let body = plain.trim_start();
        body.starts_with('|') && body.contains('^') && plain.chars().count() > width
    })
}

/// `s` without its ANSI colour sequences (`ESC [ ... m`).
fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

impl Emitter for Human {
    fn emit(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        colored::control::set_override(self.style.color);
        let quiet = self.style.quiet;
        for a in &report.articles {
            let mut matches = false;
            for c in &a.claims {
                match c.verdict {
                    // Quietly: what fails the run, nothing an `ignore` set aside.
                    _ if quiet && c.suppressed.is_some() => {}
                    // Set aside by an `ignore`: one line, marked, never in full.
                    _ if c.suppressed.is_some() => {
                        let by = c.suppressed.expect("checked");
                        writeln!(out, "{}", self.suppressed_line(a, c, by))?;
                        matches = true;
                    }
                    Verdict::Match if quiet => {}
                    Verdict::Match => {
                        writeln!(out, "{}", self.match_line(a, c))?;
                        matches = true;
                    }
                    Verdict::Unverifiable if quiet => {}
                    _ => {
                        if std::mem::take(&mut matches) {
                            writeln!(out)?;
                        }
                        writeln!(out, "{}\n", self.claim(a, c))?;
                    }
                }
            }
            if std::mem::take(&mut matches) {
                writeln!(out)?;
            }
            if quiet {
                continue;
            }
            let s = a.summary();
            let line = format!("{}: {}", a.article.path, summary_line(s));
            let line = if s.discrepancies > 0 {
                line.red().bold()
            } else {
                line.green().bold()
            };
            writeln!(out, "{line}\n")?;
        }
        let total = report.summary();
        let mut line = format!(
            "{}, {}",
            plural(report.articles.len(), "article", "articles"),
            summary_line(total)
        );
        // The articles that could not be read are named on stderr; the
        // summary says the report leaves them out.
        if !report.errors.is_empty() {
            line.push_str(&format!(
                "; {} not read (partial report)",
                plural(report.errors.len(), "article", "articles")
            ));
        }
        let line = if total.discrepancies > 0 || !report.errors.is_empty() {
            line.red().bold()
        } else {
            line.green().bold()
        };
        writeln!(out, "{line}")
    }
}
