//! Corrections: one pass of them ([`corrections`]) and the unified diff
//! that `--diff` prints. `--diff` and `--write` both take the text from
//! [`crate::fix::settle`], which repeats the pass until it changes nothing,
//! so they never disagree.

use similar::TextDiff;

use super::ArticleReport;
use crate::verdict::Verdict;

/// Why a discrepancy has no correction that `--diff` and `--write` can apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Unfixable {
    /// The verdict names no single right value (a tie, an omission, ...).
    NoSuggestion,
    /// The suggestion is what the article already says.
    AlreadySays,
    /// Another correction with different words covers part of the same text.
    Overlaps,
}

impl Unfixable {
    pub fn reason(self) -> &'static str {
        match self {
            Unfixable::NoSuggestion => "no single correction",
            Unfixable::AlreadySays => "the suggestion is what the article already says",
            Unfixable::Overlaps => "another correction overlaps it",
        }
    }
}

/// The corrections of one article: its corrected text, and which
/// discrepancies (indices into `claims`) were corrected and which not.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Corrections {
    /// `None` when nothing changes.
    pub text: Option<String>,
    pub applied: Vec<usize>,
    pub unfixable: Vec<(usize, Unfixable)>,
}

/// Every discrepancy with a suggestion, replaced by it; `--diff` shows
/// this, `--write` saves it. A correction is applied only when it is
/// unambiguous: overlapping corrections that disagree are all left alone.
pub fn corrections(a: &ArticleReport) -> Corrections {
    let mut out = Corrections::default();
    let mut edits: Vec<(usize, usize, &str, usize)> = Vec::new();
    for (i, c) in a.claims.iter().enumerate() {
        if c.verdict != Verdict::Discrepancy {
            continue;
        }
        match c.suggestion.as_deref() {
            None => out.unfixable.push((i, Unfixable::NoSuggestion)),
            Some(s) if a.article.text[c.span.start..c.span.end] == *s => {
                out.unfixable.push((i, Unfixable::AlreadySays))
            }
            Some(s) => edits.push((c.span.start, c.span.end, s, i)),
        }
    }
    edits.sort();
    // Group edits whose spans overlap; a group applies only when all its
    // edits are the same edit.
    let mut text = String::with_capacity(a.article.text.len());
    let mut at = 0;
    let mut i = 0;
    while i < edits.len() {
        let mut j = i + 1;
        let mut end = edits[i].1;
        while j < edits.len() && edits[j].0 < end {
            end = end.max(edits[j].1);
            j += 1;
        }
        let group = &edits[i..j];
        let (start, stop, replacement, _) = group[0];
        if group.iter().all(|e| (e.0, e.1, e.2) == (start, stop, replacement)) {
            text.push_str(&a.article.text[at..start]);
            text.push_str(&keep_line_breaks(&a.article.text[start..stop], replacement));
            at = stop;
            out.applied.extend(group.iter().map(|e| e.3));
        } else {
            out.unfixable.extend(group.iter().map(|e| (e.3, Unfixable::Overlaps)));
        }
        i = j;
    }
    if !out.applied.is_empty() {
        text.push_str(&a.article.text[at..]);
        out.text = Some(text);
    }
    out.applied.sort();
    out.unfixable.sort();
    out
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

/// A unified diff (`a/PATH`, `b/PATH`) from the article to `new`, its corrected text.
pub fn corrections_diff(a: &ArticleReport, new: &str) -> String {
    let diff = TextDiff::from_lines(a.article.text.as_str(), new);
    diff.unified_diff()
        .context_radius(3)
        .header(&format!("a/{}", a.article.path), &format!("b/{}", a.article.path))
        .to_string()
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
