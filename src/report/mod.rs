//! Reports: one emitter per output format, all fed the same [`Report`].
//!
//! Emitters never decide exit codes or colour; they receive a finished
//! report and a [`Style`] resolved once by the binary.

mod diff;
mod github;
mod html;
mod human;
mod json;
mod junit;
mod sarif;
pub mod words;

use std::fmt;
use std::io::{self, Write};
use std::path::PathBuf;
use std::str::FromStr;

use crate::article::Article;
use crate::extract::Kind;
use crate::facts::{FactBase, Problem, Severity};
use crate::finding::{SourceRef, Verdict};
use crate::rules::Rule;
use crate::span::{Position, Span};

pub use crate::span::one_line;

pub use diff::{
    Corrections, Unfixable, claim_correction, correction, corrections, corrections_diff, indefinite_article,
};
pub use github::{Github, escape_data, escape_property};
pub use html::Html;
pub use human::Human;
pub use json::{CLAIMS_VERSION, Json, JsonLines};
pub use junit::Junit;
pub use sarif::Sarif;

/// One claim with its verdict and evidence, in words: a
/// [`crate::finding::Finding`] with its message built ([`words::claim`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    pub verdict: Verdict,
    pub kind: Kind,
    pub span: Span,
    pub sentence: Span,
    pub found: serde_json::Value,
    pub expected: Option<serde_json::Value>,
    /// The range an approximation allows ("more than 30": above 30), or a
    /// rounded figure ("$44 billion": $43.5 to $44.5 billion).
    pub range: Option<crate::lexicon::Range>,
    pub fact: Option<String>,
    pub source: Option<SourceRef>,
    /// The rule behind the verdict (none for a plain match).
    pub rule: Option<Rule>,
    pub message: String,
    pub suggestion: Option<String>,
    /// Why the claim was tied to its fact.
    pub because: Option<String>,
    /// The entity a role or name claim was checked against.
    pub entity: Option<String>,
    /// The entities a shared name may be, on a claim it left unverifiable (U016).
    pub candidates: Option<Vec<String>>,
    /// Suppressed by an `ignore` comment or setting: reported, never failing.
    pub suppressed: Option<crate::suppress::Suppressed>,
}

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

/// A whole run: the fact base used, every article checked, and the
/// articles that could not be read.
#[derive(Debug, Clone)]
pub struct Report {
    pub fact_files: Vec<String>,
    pub fact_count: usize,
    pub articles: Vec<ArticleReport>,
    /// Articles that could not be read (missing, unreadable, not UTF-8, too
    /// large), in list order; the run fails (exit 2) when there are any.
    pub errors: Vec<Unread>,
    /// Problems in the fact base: its warnings on a run that checked; its
    /// errors (and warnings) on one that could not, which has no articles.
    /// The github and SARIF reports annotate the fact-base files with them.
    pub fact_problems: Vec<Problem>,
}

/// An article that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unread {
    /// As reports show paths (`<stdin>` for standard input).
    pub path: String,
    /// The one-line error, as printed on stderr after `error: `.
    pub error: String,
}

impl Report {
    pub fn new(base: &FactBase, articles: Vec<ArticleReport>) -> Report {
        Report {
            fact_files: base.files.clone(),
            fact_count: base.facts.len(),
            articles,
            errors: Vec::new(),
            fact_problems: Vec::new(),
        }
    }

    /// The report of a run whose fact base did not load: nothing was
    /// checked, and `problems` (with at least one error) say why.
    pub fn invalid_base(problems: Vec<Problem>) -> Report {
        let mut files: Vec<String> = Vec::new();
        for p in &problems {
            if !files.contains(&p.file) {
                files.push(p.file.clone());
            }
        }
        Report {
            fact_files: files,
            fact_count: 0,
            articles: Vec::new(),
            errors: Vec::new(),
            fact_problems: problems,
        }
    }

    /// Whether the fact base did not load (see [`Report::invalid_base`]).
    pub fn base_is_invalid(&self) -> bool {
        self.base_errors() > 0
    }

    /// How many of the fact base's problems are errors.
    pub fn base_errors(&self) -> usize {
        self.fact_problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count()
    }

    pub fn summary(&self) -> Summary {
        Summary::of(self.articles.iter().flat_map(|a| a.claims.iter()))
    }
}

/// Claims counted by verdict; suppressed claims are counted apart.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub matches: usize,
    pub discrepancies: usize,
    pub unverifiable: usize,
    pub suppressed: usize,
}

impl Summary {
    fn of<'a>(claims: impl Iterator<Item = &'a Claim>) -> Summary {
        let mut s = Summary::default();
        for c in claims {
            if c.suppressed.is_some() {
                s.suppressed += 1;
                continue;
            }
            match c.verdict {
                Verdict::Match => s.matches += 1,
                Verdict::Discrepancy => s.discrepancies += 1,
                Verdict::Unverifiable => s.unverifiable += 1,
            }
        }
        s
    }

    /// The claims counted by verdict (suppressed ones aside).
    pub fn total(&self) -> usize {
        self.matches + self.discrepancies + self.unverifiable
    }
}

/// Presentation choices made once by the caller.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    pub color: bool,
    /// Only discrepancies and the closing summary (`--quiet`; human report).
    pub quiet: bool,
    /// The terminal's width in columns, when known: the human report trims
    /// source lines to it.
    pub width: Option<usize>,
}

/// One output format.
pub trait Emitter {
    fn emit(&self, report: &Report, out: &mut dyn Write) -> io::Result<()>;
}

/// The report formats of `factcheck check`, by their command-line names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Human,
    Json,
    Jsonl,
    Sarif,
    Github,
    Junit,
    Html,
}

impl Format {
    pub const ALL: [Format; 7] = [
        Format::Human,
        Format::Json,
        Format::Jsonl,
        Format::Sarif,
        Format::Github,
        Format::Junit,
        Format::Html,
    ];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Human => "human",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Sarif => "sarif",
            Format::Github => "github",
            Format::Junit => "junit",
            Format::Html => "html",
        }
    }

    /// The emitter for this format, or `None` while the format is not built yet.
    ///
    /// `unverifiable_fails` is the run's policy (`--fail-on unverifiable`),
    /// for formats that show pass and fail (JUnit) and should agree with the
    /// exit code.
    pub fn emitter(self, style: Style, unverifiable_fails: bool) -> Option<Box<dyn Emitter>> {
        Some(match self {
            Format::Human => Box::new(Human { style }),
            Format::Json => Box::new(Json),
            Format::Jsonl => Box::new(JsonLines),
            Format::Sarif => Box::new(Sarif),
            Format::Github => Box::new(Github),
            Format::Junit => Box::new(Junit { unverifiable_fails }),
            Format::Html => Box::new(Html),
        })
    }

    /// Whether [`Format::emitter`] gives an emitter.
    pub fn is_available(self) -> bool {
        self.emitter(Style::default(), false).is_some()
    }

    fn names() -> String {
        Format::ALL.map(Format::name).join(", ")
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Format, String> {
        Format::ALL
            .into_iter()
            .find(|f| f.name() == s)
            .ok_or_else(|| format!("unknown report format `{s}`; expected one of {}", Format::names()))
    }
}

/// An extra report of one run: `--report FORMAT=PATH`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtraReport {
    pub format: Format,
    pub path: PathBuf,
}

impl FromStr for ExtraReport {
    type Err = String;

    /// Parse `FORMAT=PATH`, rejecting formats that are not built yet, so a
    /// typo fails before any article is read.
    fn from_str(s: &str) -> Result<ExtraReport, String> {
        let Some((format, path)) = s.split_once('=') else {
            return Err(format!(
                "`{s}` is not FORMAT=PATH (for example sarif=factcheck.sarif); FORMAT is one of {}",
                Format::names()
            ));
        };
        let format: Format = format.trim().parse()?;
        if !format.is_available() {
            return Err(format!("the {format} format is not available yet"));
        }
        if path.is_empty() {
            return Err(format!("`{s}` names no file to write the {format} report to"));
        }
        Ok(ExtraReport {
            format,
            path: PathBuf::from(path),
        })
    }
}

/// A path as CI tools want it: forward slashes and no leading `./`.
pub fn relative_path(path: &str) -> String {
    let mut s = path.replace('\\', "/");
    while let Some(rest) = s.strip_prefix("./") {
        s = rest.trim_start_matches('/').to_owned();
    }
    s
}

/// "2 articles, 14 claims: 11 matches, 1 discrepancy, 2 unverifiable".
pub fn run_summary(report: &Report) -> String {
    let s = report.summary();
    format!(
        "{}, {}: {}, {}, {} unverifiable",
        plural(report.articles.len(), "article", "articles"),
        plural(s.total(), "claim", "claims"),
        plural(s.matches, "match", "matches"),
        plural(s.discrepancies, "discrepancy", "discrepancies"),
        s.unverifiable
    )
}

/// "1 discrepancy", "2 discrepancies".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `factcheck claims --format json`: every claim found, typed, without
/// verdicts, in a versioned document (see [`json::CLAIMS_VERSION`]).
pub fn write_claims_json(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    json::write_claims(report, out)
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
    writeln!(
        out,
        "{}",
        plural(report.articles.iter().map(|a| a.claims.len()).sum(), "claim", "claims")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_lose_dot_slash_and_backslashes() {
        assert_eq!(relative_path("./articles/a.md"), "articles/a.md");
        assert_eq!(relative_path("././/articles\\b.md"), "articles/b.md");
        assert_eq!(relative_path("/abs/c.md"), "/abs/c.md");
        assert_eq!(relative_path("../d.md"), "../d.md");
    }

    #[test]
    fn extra_reports_parse_format_and_path() {
        let r: ExtraReport = "sarif=out/fc.sarif".parse().unwrap();
        assert_eq!((r.format, r.path), (Format::Sarif, PathBuf::from("out/fc.sarif")));
        let r: ExtraReport = "junit=a=b.xml".parse().unwrap();
        assert_eq!(r.path, PathBuf::from("a=b.xml"));
        assert!("sarif".parse::<ExtraReport>().unwrap_err().contains("FORMAT=PATH"));
        assert!(
            "pdf=x"
                .parse::<ExtraReport>()
                .unwrap_err()
                .contains("unknown report format `pdf`")
        );
        assert_eq!("html=report.html".parse::<ExtraReport>().unwrap().format, Format::Html);
        for f in Format::ALL {
            assert_eq!(f.name().parse::<Format>(), Ok(f));
        }
    }
}
