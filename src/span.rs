//! Byte spans and their 1-based line/column positions.
//!
//! Offsets are bytes into the file as it is on disk; columns count characters,
//! so a span can be shown to a person and sliced by a program alike.

use serde::Serialize;

/// A byte range into a source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// Whether `other` lies inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// The items of `sorted` (ordered by where they start) that start inside `range`:
/// a binary search, so that a stage can look at one sentence's or paragraph's
/// items without walking the whole article's.
pub fn starting_in<T>(sorted: &[T], range: Span, start: impl Fn(&T) -> usize) -> &[T] {
    let lo = sorted.partition_point(|t| start(t) < range.start);
    let hi = lo + sorted[lo..].partition_point(|t| start(t) < range.end);
    &sorted[lo..hi]
}

/// A 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// Maps byte offsets of one text to line and column numbers.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    /// Characters before each multiple of [`CHAR_CHECKPOINT`] bytes, so that a
    /// column costs a bounded count even on a 50 MB single-line file.
    chars_before: Vec<usize>,
}

/// Bytes between two character-count checkpoints of a [`LineIndex`].
const CHAR_CHECKPOINT: usize = 256;

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(memchr_newlines(text));
        let mut chars_before = Vec::with_capacity(text.len() / CHAR_CHECKPOINT + 2);
        let mut chars = 0;
        for chunk in text.as_bytes().chunks(CHAR_CHECKPOINT) {
            chars_before.push(chars);
            chars += count_chars(chunk);
        }
        chars_before.push(chars);
        LineIndex {
            line_starts,
            chars_before,
        }
    }

    /// The position of byte `offset` in `text` (the text this index was built from).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = offset.min(text.len());
        let line = self.line_of(offset);
        let start = self.line_starts[line];
        // A short line is counted directly; a long one from the checkpoints.
        let column = if offset - start <= CHAR_CHECKPOINT {
            count_chars(&text.as_bytes()[start..offset]) + 1
        } else {
            self.chars_to(text, offset) - self.chars_to(text, start) + 1
        };
        Position { line: line + 1, column }
    }

    /// Characters in `text[..offset]`.
    fn chars_to(&self, text: &str, offset: usize) -> usize {
        let i = offset / CHAR_CHECKPOINT;
        self.chars_before[i] + count_chars(&text.as_bytes()[i * CHAR_CHECKPOINT..offset])
    }

    /// Zero-based line number of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// Byte range of the zero-based line `line`, without its line ending.
    pub fn line_range(&self, text: &str, line: usize) -> (usize, usize) {
        let start = self.line_starts[line];
        let mut end = self.line_starts.get(line + 1).map_or(text.len(), |next| next - 1);
        if end > start && text.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        (start, end.max(start))
    }
}

/// Characters that start in `bytes` (UTF-8 bytes that are not continuation bytes).
fn count_chars(bytes: &[u8]) -> usize {
    // A sum rather than a filtered count: the compiler turns it into vector code.
    bytes.iter().map(|&b| usize::from((b as i8) >= -0x40)).sum()
}

fn memchr_newlines(text: &str) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1)
}

/// Collapse runs of white space, for text shown on one line.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_and_lines_from_one() {
        let text = "ab\r\nÉlysée 35\nx";
        let idx = LineIndex::new(text);
        assert_eq!(idx.position(text, 0), Position { line: 1, column: 1 });
        let at = text.find("35").unwrap();
        assert_eq!(idx.position(text, at), Position { line: 2, column: 8 });
        assert_eq!(idx.position(text, text.len()), Position { line: 3, column: 2 });
        assert_eq!(idx.line_range(text, 0), (0, 2));
    }

    #[test]
    fn starting_in_finds_the_items_of_a_range() {
        let items = [Span::new(0, 2), Span::new(3, 5), Span::new(5, 9), Span::new(12, 14)];
        assert_eq!(starting_in(&items, Span::new(3, 12), |s| s.start), &items[1..3]);
        assert_eq!(starting_in(&items, Span::new(0, 1), |s| s.start), &items[..1]);
        assert!(starting_in(&items, Span::new(15, 20), |s| s.start).is_empty());
    }

    #[test]
    fn columns_on_a_long_line_cross_checkpoints() {
        let text = "é".repeat(1000) + "\n" + &"ab".repeat(700);
        let idx = LineIndex::new(&text);
        for offset in [0, 254, 256, 258, 1998, 2000, 2001, 2257, 2513, text.len()] {
            let before = &text[..offset];
            let line_start = before.rfind('\n').map_or(0, |i| i + 1);
            let expected = Position {
                line: before.matches('\n').count() + 1,
                column: before[line_start..].chars().count() + 1,
            };
            assert_eq!(idx.position(&text, offset), expected, "offset {offset}");
        }
    }
}
