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
    let mut edits: Vec<(usize, usize, String, usize)> = Vec::new();
    for (i, c) in a.claims.iter().enumerate() {
        if c.verdict != Verdict::Discrepancy {
            continue;
        }
        match c.suggestion.as_deref() {
            None => out.unfixable.push((i, Unfixable::NoSuggestion)),
            Some(s) if a.article.text[c.span.start..c.span.end] == *s => {
                out.unfixable.push((i, Unfixable::AlreadySays))
            }
            Some(s) => {
                let (start, end, replacement) = correction(&a.article.text, c.span.start, c.span.end, s);
                edits.push((start, end, replacement, i));
            }
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
        let (start, stop, replacement) = (group[0].0, group[0].1, group[0].2.as_str());
        if group
            .iter()
            .all(|e| (e.0, e.1, e.2.as_str()) == (start, stop, replacement))
        {
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

/// The edit that writes `suggestion` over `text[start..end]`, keeping the
/// indefinite article before it in agreement: when "a" or "an" stands just
/// before the claim and the suggestion needs the other one, the edit takes
/// it in ("an €80 billion" becomes "a €90 billion", "a 12%" becomes "an
/// 11%"), in the article's own case. Otherwise the edit is the claim's span.
/// Returns (start, end, replacement).
pub fn correction(text: &str, start: usize, end: usize, suggestion: &str) -> (usize, usize, String) {
    let unchanged = (start, end, suggestion.to_owned());
    let before = &text[..start];
    let gap_start = before.trim_end().len();
    let gap = &before[gap_start..];
    if gap.is_empty() || gap.matches('\n').count() > 1 {
        return unchanged;
    }
    let word_start = before[..gap_start]
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map_or(gap_start, |(i, _)| i);
    let word = &before[word_start..gap_start];
    // A whole word: "a" in "Thea" or "an" in "Milan" is no article.
    let whole = before[..word_start]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric() && c != '\'' && c != '’' && c != '-');
    let lower = word.to_lowercase();
    if !whole || !(lower == "a" || lower == "an") {
        return unchanged;
    }
    let Some(needed) = indefinite_article(suggestion) else {
        return unchanged;
    };
    if lower == needed {
        return unchanged;
    }
    // In the article's case: "A", "An", "AN".
    let article = if word.chars().all(char::is_uppercase) && word.len() > 1 {
        needed.to_uppercase()
    } else if word.starts_with(char::is_uppercase) {
        let mut c = needed.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    } else {
        needed.to_owned()
    };
    (word_start, end, format!("{article}{gap}{suggestion}"))
}

/// The correction of claim `c` of `a` as `--diff` makes it (see
/// [`correction`]), for the reports that show it: (start, end, replacement).
pub fn claim_correction(a: &ArticleReport, c: &super::Claim) -> Option<(usize, usize, String)> {
    let s = c.suggestion.as_deref()?;
    Some(correction(&a.article.text, c.span.start, c.span.end, s))
}

/// "a" or "an" before `phrase`, by the sound it opens with: figures as
/// they are read ("an 8", "an 11%", "an €80 billion", "a 110"), words by
/// their first letters with the usual exceptions ("a one", "a union", "a
/// European", "an hour"), initialisms by their first letter's name ("an
/// MP", "a UN"). `None` when it cannot tell.
pub fn indefinite_article(phrase: &str) -> Option<&'static str> {
    let first = phrase.split_whitespace().next()?;
    let first = first.trim_start_matches(['"', '“', '‘', '\'', '(', '[']);
    // A currency symbol is read after the figure: "€80" is "eighty euros".
    let first = first.trim_start_matches(['€', '$', '£', '¥', '₹', '₽', '₴']);
    let c = first.chars().next()?;
    if c.is_ascii_digit() {
        let digits: String = first.chars().take_while(char::is_ascii_digit).collect();
        let eleven_or_eighteen = digits.starts_with("11") || digits.starts_with("18");
        // 8, 80, 800, 8,000: "eight..."; 11 and 18, 11,000, 18,500 and the
        // years 1100 and 1800: "eleven...", "eighteen...".
        let an = digits.starts_with('8') || eleven_or_eighteen && (digits.len() % 3 == 2 || digits.len() == 4);
        return Some(if an { "an" } else { "a" });
    }
    if !c.is_alphabetic() {
        return None;
    }
    let word: String = first.chars().take_while(|c| c.is_alphabetic()).collect();
    let is_initialism =
        word.chars().count() <= 3 && word.chars().count() >= 2 && word.chars().all(|c| c.is_uppercase());
    if is_initialism {
        // Letters whose names open with a vowel sound: "an FBI", "an MP".
        return Some(if "AEFHILMNORSX".contains(c) { "an" } else { "a" });
    }
    let w = word.to_lowercase();
    let a_words = [
        "one", "once", "eu", "ew", "uni", "use", "usu", "uti", "ukr", "ura", "uru", "ufo", "uto",
    ];
    let an_words = ["hour", "honest", "honor", "honour", "heir"];
    let vowel_sound = !a_words.iter().any(|p| w.starts_with(p))
        && (an_words.iter().any(|p| w.starts_with(p)) || w.starts_with(['a', 'e', 'i', 'o', 'u']));
    Some(if vowel_sound { "an" } else { "a" })
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
    use super::{correction, indefinite_article, keep_line_breaks};

    #[test]
    fn the_article_before_a_correction_agrees_with_it() {
        let fix = |text: &str, claim: &str, suggestion: &str| {
            let start = text.find(claim).unwrap();
            let (s, e, r) = correction(text, start, start + claim.len(), suggestion);
            format!("{}{r}{}", &text[..s], &text[e..])
        };
        assert_eq!(
            fix("backed an €80 billion loan", "€80 billion", "€90 billion"),
            "backed a €90 billion loan"
        );
        assert_eq!(fix("occupies a 12% share", "12%", "11%"), "occupies an 11% share");
        assert_eq!(
            fix("An €80 billion loan", "€80 billion", "€90 billion"),
            "A €90 billion loan"
        );
        assert_eq!(fix("A 30% share", "30%", "18%"), "An 18% share");
        assert_eq!(
            fix("backed an\n€80 billion loan", "€80 billion", "€90 billion"),
            "backed a\n€90 billion loan"
        );
        // Nothing to change, or no article at all.
        assert_eq!(
            fix("backed a €80 billion loan", "€80 billion", "€90 billion"),
            "backed a €90 billion loan"
        );
        assert_eq!(fix("In Milan 80 met", "80", "90"), "In Milan 90 met");
        assert_eq!(fix("about 30%", "30%", "20%"), "about 20%");
        assert_eq!(fix("an 8% rise", "8%", "9%"), "a 9% rise");
    }

    #[test]
    fn figures_and_words_take_a_or_an_by_their_sound() {
        for (phrase, want) in [
            ("8", "an"),
            ("80 countries", "an"),
            ("800", "an"),
            ("8,000", "an"),
            ("11%", "an"),
            ("18", "an"),
            ("11,000", "an"),
            ("1800s", "an"),
            ("110", "a"),
            ("180,000", "a"),
            ("1,100", "a"),
            ("€90 billion", "a"),
            ("$8 million", "an"),
            ("90", "a"),
            ("estimated 80", "an"),
            ("European", "a"),
            ("union", "a"),
            ("one", "a"),
            ("hour", "an"),
            ("MP", "an"),
            ("UN", "a"),
            ("French President", "a"),
            ("\"agreement\"", "an"),
        ] {
            assert_eq!(indefinite_article(phrase), Some(want), "{phrase}");
        }
        assert_eq!(indefinite_article("—"), None);
    }

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
