//! `--diff`: a unified diff that would correct every discrepancy.

use similar::TextDiff;

use super::ArticleReport;
use crate::verdict::Verdict;

/// The article with every discrepancy replaced by its suggestion, if any
/// change applies. Overlapping corrections keep the first.
pub fn corrected(a: &ArticleReport) -> Option<String> {
    let mut edits: Vec<(usize, usize, &str)> = a
        .claims
        .iter()
        .filter(|c| c.verdict == Verdict::Discrepancy)
        .filter_map(|c| c.suggestion.as_deref().map(|s| (c.span.start, c.span.end, s)))
        .filter(|(s, e, text)| a.article.text[*s..*e] != **text)
        .collect();
    edits.sort();
    let mut out = String::with_capacity(a.article.text.len());
    let mut at = 0;
    for (start, end, text) in edits {
        if start < at {
            continue;
        }
        out.push_str(&a.article.text[at..start]);
        out.push_str(text);
        at = end;
    }
    if at == 0 {
        return None;
    }
    out.push_str(&a.article.text[at..]);
    Some(out)
}

/// A unified diff (`a/PATH`, `b/PATH`) of the corrections for one article.
pub fn corrections_diff(a: &ArticleReport) -> Option<String> {
    let new = corrected(a)?;
    let diff = TextDiff::from_lines(a.article.text.as_str(), new.as_str());
    Some(
        diff.unified_diff()
            .context_radius(3)
            .header(&format!("a/{}", a.article.path), &format!("b/{}", a.article.path))
            .to_string(),
    )
}
