//! `--format junit`: JUnit XML, for CI dashboards (GitLab, Jenkins, Azure, ...).
//!
//! One test suite per article (named by its path), one test case per claim
//! (`7:40 count: 36 countries`, classname = the path). A match passes, a
//! discrepancy fails with the claim's message. An unverifiable claim is
//! skipped — nothing was checked — unless the run fails on unverifiable
//! claims (`--fail-on unverifiable`), when it is a failure too, so the
//! dashboard and the exit code tell the same story. An article that could not
//! be read is a suite of its own with one test case in error.
//!
//! No timestamps or durations are written: the same input gives the same bytes.

use std::io::{self, Write};

use quick_junit::{NonSuccessKind, Report as JunitReport, TestCase, TestCaseStatus, TestSuite};

use super::Claim;
use super::{ArticleReport, Emitter, Report, one_line, relative_path};
use crate::finding::Verdict;

/// JUnit XML.
pub struct Junit {
    /// Report unverifiable claims as failures rather than skipped tests.
    pub unverifiable_fails: bool,
}

/// The body of a failure or skip: what a reader needs to act on it.
fn details(a: &ArticleReport, c: &Claim) -> String {
    let (start, _) = a.positions(c.span);
    let mut lines = vec![
        format!("{}:{}:{}", relative_path(&a.article.path), start.line, start.column),
        format!("sentence: {}", one_line(a.text(c.sentence))),
        format!("found: {}", c.found),
    ];
    if let Some(v) = &c.expected {
        lines.push(format!("expected: {v}"));
    }
    if let Some(f) = &c.fact {
        lines.push(format!("fact: {f}"));
    }
    if let Some(s) = &c.source {
        let mut line = format!("source: {}", s.title.as_deref().unwrap_or(&s.id));
        if let Some(url) = &s.url {
            line.push_str(&format!(" <{url}>"));
        }
        lines.push(line);
    }
    if let Some(s) = c.suggestion.as_ref().filter(|_| c.verdict == Verdict::Discrepancy) {
        lines.push(format!("help: write \"{s}\""));
    }
    lines.join("\n")
}

impl Junit {
    fn case(&self, a: &ArticleReport, c: &Claim, classname: &str) -> TestCase {
        let (start, _) = a.positions(c.span);
        let name = format!(
            "{}:{} {}: {}",
            start.line,
            start.column,
            c.kind.as_str(),
            one_line(a.text(c.span))
        );
        let status = match c.verdict {
            Verdict::Match => TestCaseStatus::success(),
            Verdict::Discrepancy => failure(a, c),
            Verdict::Unverifiable if self.unverifiable_fails => failure(a, c),
            Verdict::Unverifiable => {
                let mut s = TestCaseStatus::skipped();
                s.set_message(c.message.as_str())
                    .set_type("unverifiable")
                    .set_description(details(a, c));
                s
            }
        };
        let mut case = TestCase::new(name, status);
        case.set_classname(classname);
        case
    }
}

fn failure(a: &ArticleReport, c: &Claim) -> TestCaseStatus {
    let mut s = TestCaseStatus::non_success(NonSuccessKind::Failure);
    s.set_message(c.message.as_str())
        .set_type(c.verdict.as_str())
        .set_description(details(a, c));
    s
}

impl Emitter for Junit {
    fn emit(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        let mut junit = JunitReport::new(env!("CARGO_PKG_NAME"));
        for a in &report.articles {
            let path = relative_path(&a.article.path);
            let mut suite = TestSuite::new(path.as_str());
            suite.add_test_cases(a.claims.iter().map(|c| self.case(a, c, &path)));
            junit.add_test_suite(suite);
        }
        // An article that could not be read: a suite with one test case in error.
        for e in &report.errors {
            let path = relative_path(&e.path);
            let mut status = TestCaseStatus::non_success(NonSuccessKind::Error);
            status.set_message(e.error.as_str()).set_type("unread");
            let mut case = TestCase::new("read the article", status);
            case.set_classname(path.as_str());
            let mut suite = TestSuite::new(path.as_str());
            suite.add_test_case(case);
            junit.add_test_suite(suite);
        }
        junit.serialize(&mut *out).map_err(io::Error::other)
    }
}
