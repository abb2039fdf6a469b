//! Suppression: claims an editor has looked at and chosen to let stand.
//!
//! `<!-- factcheck: ignore -->` at the end of a line suppresses the claims on
//! that line; alone on its line it suppresses the claims on the next line.
//! `<!-- factcheck: ignore D105, L009 -->` suppresses only those rules. The
//! same comment works in plain-text articles. A project can also ignore rules
//! everywhere (`ignore = ["U002"]` in `factcheck.toml`).
//!
//! A suppressed claim is still reported (JSON keeps it with `"suppressed":
//! true`, SARIF as a suppressed result) but never counts towards `--fail-on`.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use crate::article::Article;
use crate::report::Claim;
use crate::rules::Rule;

/// Why a claim is suppressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suppressed {
    /// By an `ignore` comment in the article, on this 1-based line.
    Comment { line: usize },
    /// By the project's `ignore` setting.
    Setting,
}

/// What one comment ignores.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Scope {
    /// Every claim.
    All,
    /// Claims whose rule is one of these codes (as written, upper case).
    Codes(Vec<String>),
}

/// The `ignore` comments of one article, by the zero-based line they apply
/// to, each with the zero-based line it is written on.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Comments {
    lines: BTreeMap<usize, (usize, Vec<Scope>)>,
}

static COMMENT: LazyLock<regex_lite::Regex> = LazyLock::new(|| {
    regex_lite::Regex::new(r"(?i)<!--\s*factcheck\s*:\s*ignore\b([^>]*?)\s*-->").expect("valid pattern")
});

impl Comments {
    /// Find the comments in an article's text.
    pub fn of(article: &Article) -> Comments {
        let text = &article.text;
        let mut out = Comments::default();
        if !text.contains("factcheck") {
            return out;
        }
        for m in COMMENT.captures_iter(text) {
            let whole = m.get(0).expect("a match");
            let line = article.lines.line_of(whole.start());
            let (start, end) = article.lines.line_range(text, line);
            let rest = text[start..whole.start()].trim().is_empty() && text[whole.end()..end].trim().is_empty();
            // Alone on its line: the next line. Otherwise: its own line.
            let target = if rest { line + 1 } else { line };
            let codes: Vec<String> = m[1]
                .split(|c: char| c == ',' || c.is_whitespace())
                .filter(|c| !c.is_empty())
                .map(str::to_ascii_uppercase)
                .collect();
            let scope = if codes.is_empty() {
                Scope::All
            } else {
                Scope::Codes(codes)
            };
            out.lines.entry(target).or_insert((line, Vec::new())).1.push(scope);
        }
        out
    }

    /// The (zero-based) line of the comment that suppresses a claim of `rule`
    /// on the zero-based `line`, if one does.
    fn suppressing(&self, line: usize, rule: Option<Rule>) -> Option<usize> {
        let (at, scopes) = self.lines.get(&line)?;
        scopes
            .iter()
            .any(|s| match s {
                Scope::All => true,
                Scope::Codes(codes) => rule.is_some_and(|r| codes.iter().any(|c| c == r.code())),
            })
            .then_some(*at)
    }
}

/// Mark the claims of `article` that its comments or the `ignored` rules suppress.
pub fn apply(article: &Article, claims: &mut [Claim], ignored: &[Rule]) {
    let comments = Comments::of(article);
    for c in claims {
        let line = article.lines.line_of(c.span.start);
        if let Some(at) = comments.suppressing(line, c.rule) {
            c.suppressed = Some(Suppressed::Comment { line: at + 1 });
        } else if c.rule.is_some_and(|r| ignored.contains(&r)) {
            c.suppressed = Some(Suppressed::Setting);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Format;

    fn article(text: &str) -> Article {
        Article::parse("a.md", text.as_bytes().to_vec(), Format::Markdown, None).unwrap()
    }

    #[test]
    fn a_comment_at_the_end_of_a_line_covers_that_line_and_alone_the_next() {
        let a = article("one <!-- factcheck: ignore -->\n<!-- factcheck: ignore D105, l009 -->\nthree\nfour\n");
        let c = Comments::of(&a);
        assert_eq!(c.suppressing(0, None), Some(0));
        assert_eq!(c.suppressing(0, Some(Rule::CountDiffers)), Some(0));
        assert_eq!(c.suppressing(1, Some(Rule::CountDiffers)), None);
        assert_eq!(c.suppressing(2, Some(Rule::CountDiffers)), Some(1));
        assert_eq!(c.suppressing(2, Some(Rule::OtherOccasion)), Some(1));
        assert_eq!(c.suppressing(2, Some(Rule::DateDiffers)), None);
        assert_eq!(c.suppressing(2, None), None);
        assert_eq!(c.suppressing(3, None), None);
    }

    #[test]
    fn other_comments_are_not_suppressions() {
        let a = article("x <!-- factcheck: check this --> <!-- ignore -->\n");
        assert_eq!(Comments::of(&a), Comments::default());
    }
}
