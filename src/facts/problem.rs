//! A problem in the fact base: what, how bad, and where.

use std::fmt;

use serde::{Deserialize, Serialize};

/// How bad a problem is: errors stop a check, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in the fact base, with where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    pub file: String,
    /// 1-based; 0 when the problem is with the file as a whole.
    pub line: usize,
    pub column: usize,
    pub severity: Severity,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if self.line > 0 {
            write!(f, ":{}:{}", self.line, self.column)?;
        }
        if self.severity == Severity::Warning {
            write!(f, ": warning")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl Problem {
    /// The family a warning belongs to, for grouping repeated ones.
    pub fn family(&self) -> &'static str {
        let m = &self.message;
        if m.contains("contradicts fact") {
            "facts that share a phrase and disagree"
        } else if m.contains("is too common") || m.contains("has no words") {
            "`about` phrases left out"
        } else if m.contains("cites no source") {
            "facts with no source"
        } else if m.contains("is the name of both") {
            "entities of one name"
        } else if m.contains("is never used") {
            "entities nothing uses"
        } else if m.contains("is never cited") {
            "sources no fact cites"
        } else if m.contains("was last verified") {
            "a base older than the article"
        } else {
            "other warnings"
        }
    }
}

/// How many warnings of one family are shown before the rest are counted.
pub const SHOWN_PER_FAMILY: usize = 3;

/// The problems as `facts validate` prints them, one line each, in order:
/// every error, and of each family of warnings the first few, then one line
/// that counts the rest (a base of thousands of facts sharing "born" would
/// otherwise print thousands of lines).
pub fn grouped_lines(problems: &[Problem]) -> Vec<String> {
    use std::collections::BTreeMap;
    let mut per_family: BTreeMap<&str, usize> = BTreeMap::new();
    for p in problems.iter().filter(|p| p.severity == Severity::Warning) {
        *per_family.entry(p.family()).or_default() += 1;
    }
    let mut shown: BTreeMap<&str, usize> = BTreeMap::new();
    let mut out = Vec::new();
    for p in problems {
        if p.severity == Severity::Error {
            out.push(format!("error: {p}"));
            continue;
        }
        let family = p.family();
        let n = shown.entry(family).or_default();
        *n += 1;
        if *n <= SHOWN_PER_FAMILY {
            out.push(p.to_string());
        }
        if *n == SHOWN_PER_FAMILY && per_family[family] > SHOWN_PER_FAMILY {
            out.push(format!(
                "warning: ... and {} more of {family} (`factcheck facts validate --format json` lists every one)",
                per_family[family] - SHOWN_PER_FAMILY
            ));
        }
    }
    out
}

/// The one line `check` prints about the fact base's warnings, if it has any.
pub fn warnings_summary(problems: &[Problem]) -> Option<String> {
    let n = problems.iter().filter(|p| p.severity == Severity::Warning).count();
    (n > 0).then(|| {
        format!(
            "warning: {n} warning{} in the fact base; run `factcheck facts validate` to see {}",
            if n == 1 { "" } else { "s" },
            if n == 1 { "it" } else { "them" }
        )
    })
}
