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

use std::io::{self, Write};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use colored::Colorize;

use super::{ArticleReport, Emitter, Report, Style, Summary, plural};
use crate::verdict::{Claim, Verdict};

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
    format!(
        "{}: {}, {}, {}",
        plural(s.total(), "claim", "claims"),
        plural(s.matches, "match", "matches"),
        plural(s.discrepancies, "discrepancy", "discrepancies"),
        s.unverifiable.to_string() + " unverifiable"
    )
}

impl Human {
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
        let snippet = Snippet::source(source)
            .line_start(first + 1)
            .annotation(AnnotationKind::Primary.span(rel).label(expected_label(c)));
        let title = level.primary_title(c.message.as_str()).id(c.kind.as_str());
        let mut groups = vec![if excerpt {
            title.element(snippet)
        } else {
            title.element(snippet.path(a.article.path.as_str()))
        }];
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
        for e in evidence {
            groups.push(Group::with_title(Level::NOTE.secondary_title(e)));
        }
        if let Some(s) = &c.suggestion {
            groups.push(Group::with_title(Level::HELP.secondary_title(format!("write \"{s}\""))));
        }
        let renderer = if self.style.color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let rendered = renderer.render(&groups);
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

impl Emitter for Human {
    fn emit(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        colored::control::set_override(self.style.color);
        for a in &report.articles {
            for c in &a.claims {
                writeln!(out, "{}\n", self.claim(a, c))?;
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
