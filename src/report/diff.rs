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
        out.push_str(&keep_line_breaks(&a.article.text[start..end], text));
        at = end;
    }
    if at == 0 {
        return None;
    }
    out.push_str(&a.article.text[at..]);
    Some(out)
}

/// The replacement laid out like the original: where the original broke a
/// line between words, the replacement breaks at the same word gap (or the
/// nearest one), so a correction does not re-flow the paragraph.
fn keep_line_breaks(original: &str, replacement: &str) -> String {
    let breaks: Vec<(usize, &str)> = original
        .split_whitespace()
        .count()
        .checked_sub(1)
        .map(|_| whitespace_runs(original))
        .unwrap_or_default()
        .into_iter()
        .enumerate()
        .filter(|(_, run)| run.contains('\n'))
        .collect();
    if breaks.is_empty() {
        return replacement.to_owned();
    }
    let gaps = original.split_whitespace().count() - 1;
    let words: Vec<&str> = replacement.split_whitespace().collect();
    if words.len() < 2 {
        return replacement.to_owned();
    }
    let new_gaps = words.len() - 1;
    let mut out = String::from(words[0]);
    for (i, w) in words.iter().enumerate().skip(1) {
        let gap = i - 1;
        // Map each original break to the proportional gap in the replacement.
        let broken = breaks.iter().find(|(g, _)| {
            let target = (g * new_gaps).checked_div(gaps).unwrap_or(0);
            target.min(new_gaps - 1) == gap
        });
        match broken {
            Some((_, run)) => out.push_str(run),
            None => out.push(' '),
        }
        out.push_str(w);
    }
    out
}

fn whitespace_runs(s: &str) -> Vec<&str> {
    let mut runs = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (c.is_whitespace(), start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                runs.push(&s[st..i]);
                start = None;
            }
            _ => {}
        }
    }
    runs
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

#[cfg(test)]
mod tests {
    use super::keep_line_breaks;

    #[test]
    fn corrections_keep_the_line_breaks_of_the_original() {
        assert_eq!(keep_line_breaks("Kier\nStarmer", "Keir Starmer"), "Keir\nStarmer");
        assert_eq!(
            keep_line_breaks("fewer\nthan 30 countries", "35 countries"),
            "35\ncountries"
        );
        assert_eq!(keep_line_breaks("36 countries", "35 countries"), "35 countries");
        assert_eq!(keep_line_breaks("a b\r\nc", "x y z"), "x y\r\nz");
    }
}
