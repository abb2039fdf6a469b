//! Articles: reading, front matter, Markdown to prose, sentences.
//!
//! Every later stage works on byte offsets into the file as it is on disk.
//! To keep that true for Markdown, the article's prose is a copy of the file
//! of the same length in which everything that is not prose (front matter,
//! code, markup, link targets) is blanked to spaces. Extractors read the
//! prose copy; spans index the original.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use anyhow::{Result, bail};
use jiff::civil::Date;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use unicode_segmentation::UnicodeSegmentation;

use crate::span::{LineIndex, Span};

/// One article, ready to be searched for claims.
#[derive(Debug, Clone)]
pub struct Article {
    /// The path as shown in reports (`<stdin>` for standard input).
    pub path: String,
    /// The file's text, exactly as on disk.
    pub text: String,
    /// Publication date, from front matter or `--published`.
    pub published: Option<Date>,
    /// How the body was read (to read a corrected text the same way).
    pub format: Format,
    /// Front-matter keys other than `published`, kept for reports.
    pub front_matter: BTreeMap<String, serde_json::Value>,
    /// Same length as `text`; bytes that are not prose are spaces.
    pub prose: String,
    /// Paragraphs, headings and list items, as byte spans into `text`.
    pub blocks: Vec<Span>,
    /// Sentences, as byte spans into `text`.
    pub sentences: Vec<Span>,
    pub lines: LineIndex,
    /// Runs of full-width digits (`３５`, `２０２６`, `３０％`) that the prose
    /// holds as ASCII, padded in front to keep the byte length (see
    /// [`fold_full_width`]); sorted, as byte spans into `text`.
    pub folded: Vec<Span>,
    /// The body cells of Markdown tables (not the first of a row), each with
    /// its column's header and its row's label: what the cell's figure is
    /// (`| Countries represented | 36 |`, `| % of votes | 43.6% |` under
    /// `Liberal`). In file order.
    pub cells: Vec<TableCell>,
}

/// A cell of a Markdown table's body, beside its row's first cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableCell {
    /// The cell's text.
    pub span: Span,
    /// The text of its column's header cell, if it has one.
    pub header: Option<Span>,
    /// The text of its row's first cell (the row's label), if it has one.
    pub label: Option<Span>,
}

/// How to read a file's body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Plain,
}

impl Format {
    /// Markdown for `.md` and `.markdown`, plain text otherwise.
    pub fn for_path(path: &Path) -> Format {
        match path.extension().and_then(|e| e.to_str()) {
            Some("md" | "markdown") => Format::Markdown,
            _ => Format::Plain,
        }
    }
}

impl Article {
    /// Decode and parse an article from its bytes.
    ///
    /// `published` is used only when the front matter gives no date.
    pub fn parse(path: &str, bytes: Vec<u8>, format: Format, published: Option<Date>) -> Result<Article> {
        let text = decode(path, bytes)?;
        let lines = LineIndex::new(&text);
        let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
        let fm = front_matter(path, &text, bom, &lines)?;
        let body_start = fm.as_ref().map_or(bom, |f| f.end);
        let fm_src = fm.as_ref().map_or(0..0, |f| f.src.clone());
        let mut front = fm.map(|f| f.keys).unwrap_or_default();
        let from_front = take_published(&mut front).map_err(|value| {
            // The keys have lost their positions; find the `published` line again.
            let at = key_offset(&text[fm_src.clone()], "published").map_or(fm_src.start, |o| fm_src.start + o);
            let p = lines.position(&text, at);
            anyhow::anyhow!(
                "{path}:{}:{}: front matter `published` must be a date (YYYY-MM-DD), found {value}",
                p.line,
                p.column
            )
        })?;
        let (prose, blocks, cells) = match format {
            Format::Markdown => markdown_prose(&text, body_start),
            Format::Plain => {
                let (prose, blocks) = plain_prose(&text, body_start);
                (prose, blocks, Vec::new())
            }
        };
        let prose = blank_split_words(&text, prose);
        let sentences: Vec<Span> = blocks.iter().flat_map(|b| split_sentences(&prose, *b)).collect();
        let blocks = cap_blocks(blocks, &sentences);
        // After the sentences: the padding is white space a cut could land in.
        let (prose, folded) = fold_full_width(&text, prose);
        Ok(Article {
            path: path.to_owned(),
            published: from_front.or(published),
            format,
            front_matter: front,
            prose,
            sentences,
            blocks,
            lines,
            text,
            folded,
            cells,
        })
    }

    /// `span` (found in the prose) widened to whole characters of the file:
    /// a span that starts inside a folded run of full-width digits, in its
    /// padding, starts where the run does.
    pub fn unfold(&self, span: Span) -> Span {
        let widen = |at: usize, to_start: bool| {
            let i = self.folded.partition_point(|r| r.end <= at);
            match self.folded.get(i) {
                Some(r) if r.start < at && at < r.end => {
                    if to_start {
                        r.start
                    } else {
                        r.end
                    }
                }
                _ => at,
            }
        };
        Span::new(widen(span.start, true), widen(span.end, false))
    }

    /// The block (paragraph, heading, list item) that contains `span`, if any.
    pub fn block_of(&self, span: Span) -> Option<Span> {
        let i = self.blocks.partition_point(|b| b.start <= span.start);
        i.checked_sub(1).map(|i| self.blocks[i]).filter(|b| b.contains(span))
    }

    /// The sentence that contains `span`, if any.
    pub fn sentence_of(&self, span: Span) -> Option<Span> {
        let i = self.sentences.partition_point(|s| s.end <= span.start);
        self.sentences
            .get(i)
            .copied()
            .filter(|s| s.contains(span) || s.overlaps(span))
    }
}

/// UTF-8 text, or an error naming the first bad byte's line and column.
fn decode(path: &str, bytes: Vec<u8>) -> Result<String> {
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        bail!("{path}: file is UTF-32 (it starts with a UTF-32 byte-order mark); save it as UTF-8");
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        bail!("{path}: file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8");
    }
    if let Some(order) = utf16_without_bom(&bytes) {
        bail!(
            "{path}: file looks like UTF-16 ({order}, without a byte-order mark: every other byte is 0); save it as UTF-8"
        );
    }
    match String::from_utf8(bytes) {
        Ok(text) => {
            if let Some(at) = text.find('\0') {
                let idx = LineIndex::new(&text);
                let p = idx.position(&text, at);
                bail!(
                    "{path}:{}:{}: file contains a NUL byte; it looks like a binary file, not an article",
                    p.line,
                    p.column
                );
            }
            Ok(text)
        }
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let valid = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
            let p = LineIndex::new(valid).position(valid, at);
            bail!(
                "{path}:{}:{}: not valid UTF-8 (byte 0x{:02X}); save the file as UTF-8",
                p.line,
                p.column,
                bytes[at]
            )
        }
    }
}

/// "little-endian" or "big-endian" when the start of `bytes` reads as UTF-16
/// text without a byte-order mark: in nearly every pair of bytes, the same
/// one of the two is 0 (as it is for Latin letters), which UTF-8 text never
/// has, since UTF-8 has no NUL bytes but NUL itself.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static str> {
    let head = &bytes[..bytes.len().min(512) & !1];
    let pairs = head.len() / 2;
    if pairs < 2 {
        return None;
    }
    let zero_at = |i: usize| head.chunks_exact(2).filter(|p| p[i] == 0 && p[1 - i] != 0).count();
    let mostly = |n: usize| n * 4 >= pairs * 3;
    if mostly(zero_at(1)) {
        Some("little-endian")
    } else if mostly(zero_at(0)) {
        Some("big-endian")
    } else {
        None
    }
}

struct FrontMatter {
    /// Byte offset just past the closing fence line.
    end: usize,
    /// Byte range of the front matter's source, between the fences.
    src: std::ops::Range<usize>,
    keys: BTreeMap<String, serde_json::Value>,
}

/// Parse YAML (`---`) or TOML (`+++`) front matter at the top of the file.
fn front_matter(path: &str, text: &str, start: usize, lines: &LineIndex) -> Result<Option<FrontMatter>> {
    let rest = &text[start..];
    let fence = if rest.starts_with("---") {
        "---"
    } else if rest.starts_with("+++") {
        "+++"
    } else {
        return Ok(None);
    };
    let first_line_end = rest.find('\n').map_or(rest.len(), |i| i + 1);
    if rest[..first_line_end].trim_end() != fence {
        return Ok(None);
    }
    // Find the closing fence on a line of its own.
    let body_start = start + first_line_end;
    let mut pos = body_start;
    let mut close = None;
    while pos < text.len() {
        let line_end = text[pos..].find('\n').map_or(text.len(), |i| pos + i + 1);
        if text[pos..line_end].trim_end() == fence {
            close = Some((pos, line_end));
            break;
        }
        pos = line_end;
    }
    let Some((close_start, end)) = close else {
        let p = lines.position(text, start);
        bail!(
            "{path}:{}:{}: front matter opened with `{fence}` is never closed",
            p.line,
            p.column
        );
    };
    let src = &text[body_start..close_start];
    let first_line = lines.line_of(body_start) + 1;
    let keys: BTreeMap<String, serde_json::Value> = if fence == "---" {
        if src.trim().is_empty() {
            BTreeMap::new()
        } else {
            let value: serde_json::Value = serde_saphyr::from_str(src).map_err(|e| {
                let (line, col) = e.location().map_or((first_line, 1), |l| {
                    (first_line + l.line() as usize - 1, l.column() as usize)
                });
                // The bare message: `Display` adds the location relative to the
                // front matter, which would contradict ours.
                use serde_saphyr::MessageFormatter;
                let msg = serde_saphyr::UserMessageFormatter.format_message(&e);
                let msg = msg.split_whitespace().collect::<Vec<_>>().join(" ");
                anyhow::anyhow!("{path}:{line}:{col}: invalid YAML front matter: {msg}")
            })?;
            match value {
                serde_json::Value::Object(map) => map.into_iter().collect(),
                serde_json::Value::Null => BTreeMap::new(),
                _ => bail!("{path}:{first_line}:1: YAML front matter must be `key: value` lines"),
            }
        }
    } else {
        let table: toml::Table = toml::from_str(src).map_err(|e| {
            let at = body_start + e.span().map_or(0, |s| s.start);
            let p = lines.position(text, at);
            anyhow::anyhow!(
                "{path}:{}:{}: invalid TOML front matter: {}",
                p.line,
                p.column,
                e.message().trim()
            )
        })?;
        table
            .into_iter()
            .map(|(k, v)| {
                let json = match v {
                    toml::Value::Datetime(d) => serde_json::Value::String(d.to_string()),
                    other => serde_json::to_value(other).unwrap_or(serde_json::Value::Null),
                };
                (k, json)
            })
            .collect()
    };
    Ok(Some(FrontMatter {
        end,
        src: body_start..close_start,
        keys,
    }))
}

/// Byte offset of the value of top-level `key` (`key: value` or `key = value`) in front matter.
fn key_offset(src: &str, key: &str) -> Option<usize> {
    let mut pos = 0;
    for line in src.split_inclusive('\n') {
        if let Some(rest) = line.strip_prefix(key) {
            let after = rest.trim_start_matches([' ', '\t']);
            if let Some(value) = after.strip_prefix([':', '=']) {
                let value_start = line.len() - value.trim_start_matches([' ', '\t']).len();
                return Some(pos + value_start);
            }
        }
        pos += line.len();
    }
    None
}

/// Remove and parse `published` (or, failing that, `date`) from front matter.
///
/// A bad `published` is an error, returned as the value found; a bad `date`
/// (a key with other uses) is left alone.
fn take_published(
    keys: &mut BTreeMap<String, serde_json::Value>,
) -> std::result::Result<Option<Date>, serde_json::Value> {
    let key = if keys.contains_key("published") {
        "published"
    } else {
        "date"
    };
    let Some(value) = keys.get(key) else {
        return Ok(None);
    };
    match value.as_str().and_then(publication_date) {
        Some(d) => {
            if key == "published" {
                keys.remove(key);
            }
            Ok(Some(d))
        }
        None if key == "published" => Err(value.clone()),
        None => Ok(None),
    }
}

/// The day of a date (`2026-01-07`) or of a date and time (`2026-01-07T10:00:00+01:00`),
/// as written: a time zone does not move the day the article says it was published.
fn publication_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let day = s.get(..10)?.parse::<Date>().ok()?;
    let whole = s.len() == 10 || s.parse::<jiff::civil::DateTime>().is_ok() || s.parse::<jiff::Timestamp>().is_ok();
    whole.then_some(day)
}

/// Plain text: everything after the front matter is prose; blank lines part blocks.
fn plain_prose(text: &str, body_start: usize) -> (String, Vec<Span>) {
    let mut prose: Vec<u8> = text.as_bytes().to_vec();
    for b in &mut prose[..body_start] {
        *b = b' ';
    }
    let mut blocks = Vec::new();
    let mut block_start: Option<usize> = None;
    let mut pos = body_start;
    while pos < text.len() {
        let line_end = text[pos..].find('\n').map_or(text.len(), |i| pos + i + 1);
        let line = &text[pos..line_end];
        let blank = line.trim().is_empty();
        // A line in capitals ("UKRAINE: ALLIES SIGN UP") is a heading: a block of its own,
        // not the start of the sentence below it.
        let heading =
            !blank && line.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !line.chars().any(char::is_lowercase);
        match (blank || heading, block_start) {
            (true, Some(s)) => {
                blocks.push(Span::new(s, pos));
                block_start = None;
            }
            (false, None) => block_start = Some(pos),
            _ => {}
        }
        if heading {
            blocks.push(Span::new(pos, line_end));
        }
        pos = line_end;
    }
    if let Some(s) = block_start {
        blocks.push(Span::new(s, text.len()));
    }
    for b in &mut prose {
        if *b == b'\n' || *b == b'\r' || *b == b'\t' {
            *b = b' ';
        }
    }
    (bytes_to_string(prose), blocks)
}

/// Markdown: copy only text events, outside code and HTML, into a blank
/// buffer; the table cells on the way.
fn markdown_prose(text: &str, body_start: usize) -> (String, Vec<Span>, Vec<TableCell>) {
    let mut prose = vec![b' '; text.len()];
    let mut blocks = Vec::new();
    let mut current: Option<Span> = None;
    let mut skip_depth = 0usize;
    let body = &text[body_start..];
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    let flush = |current: &mut Option<Span>, blocks: &mut Vec<Span>| {
        if let Some(b) = current.take() {
            blocks.push(b);
        }
    };
    // A table row is one block; its cells' text, in order (the header's kept for the body).
    let mut row: Vec<Option<Span>> = Vec::new();
    let mut header: Vec<String> = Vec::new();
    let mut header_cells: Vec<Option<Span>> = Vec::new();
    let mut cells: Vec<TableCell> = Vec::new();
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        let range = Span::new(range.start + body_start, range.end + body_start);
        match event {
            Event::Start(tag) => {
                if matches!(
                    tag,
                    Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::Image { .. } | Tag::MetadataBlock(_)
                ) {
                    skip_depth += 1;
                }
                match tag {
                    Tag::TableCell => row.push(None),
                    Tag::TableHead | Tag::TableRow => row.clear(),
                    _ => {}
                }
                if is_block(&tag) {
                    flush(&mut current, &mut blocks);
                }
            }
            Event::End(end) => {
                if matches!(
                    end,
                    TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::Image | TagEnd::MetadataBlock(_)
                ) {
                    skip_depth = skip_depth.saturating_sub(1);
                }
                match end {
                    TagEnd::TableHead => {
                        header = row
                            .iter()
                            .map(|c| c.map_or(String::new(), |c| text[c.start..c.end].to_lowercase()))
                            .collect();
                        header_cells = row.clone();
                        join_cells(text, &mut prose, &row, &header, true);
                    }
                    TagEnd::TableRow => {
                        join_cells(text, &mut prose, &row, &header, false);
                        let label = row.first().copied().flatten();
                        for (i, cell) in row.iter().enumerate().skip(1) {
                            if let Some(span) = *cell {
                                let header = header_cells.get(i).copied().flatten();
                                cells.push(TableCell { span, header, label });
                            }
                        }
                    }
                    TagEnd::Table => {
                        header.clear();
                        header_cells.clear();
                    }
                    _ => {}
                }
                if is_block_end(&end) {
                    flush(&mut current, &mut blocks);
                }
            }
            Event::Text(_) if skip_depth == 0 => {
                prose[range.start..range.end].copy_from_slice(&text.as_bytes()[range.start..range.end]);
                current = Some(current.map_or(range, |c| c.cover(range)));
                if let Some(cell) = row.last_mut() {
                    *cell = Some(cell.map_or(range, |c| c.cover(range)));
                }
            }
            _ => {}
        }
    }
    flush(&mut current, &mut blocks);
    for b in &mut prose {
        if *b == b'\n' || *b == b'\r' || *b == b'\t' {
            *b = b' ';
        }
    }
    (bytes_to_string(prose), blocks, cells)
}

fn is_block(tag: &Tag<'_>) -> bool {
    !matches!(
        tag,
        Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. } | Tag::Image { .. } | Tag::TableCell
    )
}

fn is_block_end(tag: &TagEnd) -> bool {
    !matches!(
        tag,
        TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link | TagEnd::Image | TagEnd::TableCell
    )
}

/// Header words of a table's second column that make its rows "name, title".
const TITLE_COLUMNS: &[&str] = &["title", "role", "position", "office", "post", "job"];

/// A table row reads as one sentence: a two-column row of the body as "key:
/// value" ("Venue: Élysée Palace, Paris"), or as "name, title" under a
/// "Title" header ("Emmanuel Macron, French President"); the cells of other
/// rows are parted by semicolons. The mark goes on the blank right after a
/// cell's text (the space or the bar before the next cell), so every offset
/// stays the file's.
fn join_cells(text: &str, prose: &mut [u8], row: &[Option<Span>], header: &[String], head: bool) {
    let cells: Vec<Span> = row.iter().flatten().copied().collect();
    let mark = if head || cells.len() != 2 || row.len() != 2 {
        b';'
    } else if header.get(1).is_some_and(|h| TITLE_COLUMNS.contains(&h.trim())) {
        b','
    } else {
        b':'
    };
    for pair in cells.windows(2) {
        let at = pair[0].end;
        if at < pair[1].start && matches!(text.as_bytes()[at], b' ' | b'|' | b'\t') {
            prose[at] = mark;
        }
    }
}

/// Zero-width spaces and joiners, bidi marks, embeddings, overrides and
/// isolates, the word joiner, a byte-order mark inside the text, the soft hyphen.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}'
    )
}

/// Blank every word that has an invisible character between two of its
/// letters or digits ("3\u{200d}5 countries", "Mac\u{200b}ron").
///
/// Shown, it reads as one word; the extractors would read two ("5
/// countries"), and a correction of one half would corrupt the other. The
/// prose must keep the file's byte offsets, so the word cannot be joined:
/// it is left out instead. An invisible character at a word's edge (a bidi
/// isolate around a number) is harmless and left alone.
fn blank_split_words(text: &str, prose: String) -> String {
    if !text.chars().any(is_invisible) {
        return prose;
    }
    let mut bytes = prose.into_bytes();
    // The current run of letters, digits and invisibles: where it started,
    // whether its last visible character was a letter or digit, whether
    // invisibles followed it, and whether one stood between two.
    let (mut start, mut after_alnum, mut pending, mut inner) = (None, false, false, false);
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
            inner |= pending && after_alnum;
            after_alnum = true;
            pending = false;
        } else if is_invisible(c) {
            start.get_or_insert(i);
            pending = true;
        } else {
            if let (Some(s), true) = (start, inner) {
                bytes[s..i].fill(b' ');
            }
            (start, after_alnum, pending, inner) = (None, false, false, false);
        }
    }
    bytes_to_string(bytes)
}

/// Full-width digits, read as digits.
///
/// Wire copy from East Asian desks writes `３５ countries` and `２０２６`;
/// the extractors read ASCII. Each run of full-width digits (with full-width
/// `，` or `．` between two of them, and a `％` after them) is written into
/// the prose as its ASCII form at the run's end, after spaces that keep the
/// byte length: `３５` (6 bytes) becomes `    35`. The spaces stand where the
/// white space before a number is (`from ３５` reads `from     35`), so a
/// match starts inside the run's padding; [`Article::unfold`] moves it to
/// the run's start, so spans always cover whole characters of the file.
/// Only runs still in the prose are folded (not code, not front matter).
fn fold_full_width(text: &str, prose: String) -> (String, Vec<Span>) {
    fn ascii(c: char) -> Option<u8> {
        match c {
            '\u{FF10}'..='\u{FF19}' => Some(b'0' + (c as u32 - 0xFF10) as u8),
            '\u{FF0C}' => Some(b','),
            '\u{FF0E}' => Some(b'.'),
            '\u{FF05}' => Some(b'%'),
            _ => None,
        }
    }
    let is_digit = |c: char| ('\u{FF10}'..='\u{FF19}').contains(&c);
    if !text.contains(is_digit) {
        return (prose, Vec::new());
    }
    let mut bytes = prose.into_bytes();
    let mut runs = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !is_digit(c) || bytes[start..start + c.len_utf8()] != text.as_bytes()[start..start + c.len_utf8()] {
            continue;
        }
        let mut end = start + c.len_utf8();
        let mut folded = vec![ascii(c).unwrap_or(b'0')];
        while let Some(&(i, next)) = chars.peek() {
            let joins = match next {
                '\u{FF0C}' | '\u{FF0E}' => text[i + next.len_utf8()..].starts_with(is_digit),
                '\u{FF05}' => {
                    // A percent sign ends the run.
                    folded.push(b'%');
                    end = i + next.len_utf8();
                    chars.next();
                    break;
                }
                _ => is_digit(next),
            };
            if !joins {
                break;
            }
            folded.push(ascii(next).unwrap_or(b'0'));
            end = i + next.len_utf8();
            chars.next();
        }
        if bytes[start..end] != text.as_bytes()[start..end] {
            continue; // partly blanked: not prose
        }
        let pad = end - start - folded.len();
        bytes[start..start + pad].fill(b' ');
        bytes[start + pad..end].copy_from_slice(&folded);
        runs.push(Span::new(start, end));
    }
    (bytes_to_string(bytes), runs)
}

/// The prose buffer only ever has whole UTF-8 sequences copied into a
/// field of ASCII spaces, so it stays valid UTF-8.
fn bytes_to_string(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Words that end with a full stop without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Sen", "Rep", "Gov", "Gen", "Col", "Lt", "Sgt", "Capt", "Maj", "Jr", "Sr",
    "Rev", "Hon", "Pres", "Amb", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun", "vs", "approx", "Inc", "Ltd", "Co",
    "Corp", "Mt", "Ft", "No", "e.g", "i.e", "cf", "al",
];

/// Words that start a sentence even after a dotted acronym ("... the U.S. The talks").
const SENTENCE_STARTERS: &[&str] = &[
    "The", "A", "An", "It", "He", "She", "They", "We", "I", "But", "And", "This", "That", "These", "Those", "There",
    "In", "On", "At", "Its", "His", "Her", "Their", "Our",
];

/// The longest sentence, in bytes, that later stages see whole.
///
/// Real sentences are far shorter (the longest in the sample articles is
/// 400 bytes). A longer run without a full stop (a table pasted on one line,
/// an export with no punctuation) is cut at white space into pieces of at
/// most this size: extraction and linking work sentence by sentence, so this
/// bound is what keeps a whole check linear in the size of the file.
pub const MAX_SENTENCE: usize = 1024;

/// Split one block of prose into sentences, keeping abbreviations whole.
fn split_sentences(prose: &str, block: Span) -> Vec<Span> {
    let slice = &prose[block.start..block.end];
    let mut out: Vec<Span> = Vec::new();
    let mut merge_next = false;
    for (off, s) in slice.split_sentence_bound_indices() {
        let start = block.start + off + (s.len() - s.trim_start().len());
        let end = block.start + off + s.trim_end().len();
        if start >= end {
            continue;
        }
        let span = Span::new(start, end);
        let first_word: &str = prose[start..end]
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        match out.last_mut() {
            Some(last)
                if merge_next
                    && end - last.start <= MAX_SENTENCE
                    && !(ends_with_acronym(&prose[last.start..last.end])
                        && SENTENCE_STARTERS.contains(&first_word)) =>
            {
                last.end = end;
            }
            _ => cut_long(prose, span, &mut out),
        }
        let last = *out.last().expect("pushed above");
        merge_next = ends_with_abbreviation(&prose[last.start..last.end]);
    }
    out
}

/// The longest block (paragraph, list item), in bytes, that later stages see
/// whole; see [`MAX_SENTENCE`]. Real paragraphs are a few hundred bytes.
pub const MAX_BLOCK: usize = 8 * 1024;

/// Cut blocks longer than [`MAX_BLOCK`] between sentences, so that each
/// sentence stays inside one block.
fn cap_blocks(blocks: Vec<Span>, sentences: &[Span]) -> Vec<Span> {
    let mut out = Vec::with_capacity(blocks.len());
    for block in blocks {
        let mut start = block.start;
        if block.len() > MAX_BLOCK {
            let first = sentences.partition_point(|s| s.start < block.start);
            let last = sentences.partition_point(|s| s.start < block.end);
            for s in &sentences[first..last] {
                if s.end - start > MAX_BLOCK && s.start > start {
                    out.push(Span::new(start, s.start));
                    start = s.start;
                }
            }
        }
        out.push(Span::new(start, block.end));
    }
    out
}

/// Push `span` onto `out`, cut into pieces of at most [`MAX_SENTENCE`] bytes:
/// after the last `,` or `;` in a piece's second half, else at its last white
/// space, else (one enormous word) at a character boundary.
fn cut_long(prose: &str, span: Span, out: &mut Vec<Span>) {
    let mut start = span.start;
    while span.end - start > MAX_SENTENCE {
        let mut limit = start + MAX_SENTENCE;
        while !prose.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = &prose[start..limit];
        let half = window.len() / 2;
        let cut = window
            .rfind([',', ';'])
            .filter(|&i| i >= half)
            .map(|i| i + 1)
            .or_else(|| window.rfind(char::is_whitespace).filter(|&i| i > 0))
            .map_or(limit, |i| start + i);
        let end = start + prose[start..cut].trim_end().len();
        if end > start {
            out.push(Span::new(start, end));
        }
        start = cut + (prose[cut..span.end].len() - prose[cut..span.end].trim_start().len());
    }
    if span.end > start {
        out.push(Span::new(start, span.end));
    }
}

/// The word before a final full stop, if the text ends with one.
fn last_word_before_stop(s: &str) -> Option<&str> {
    let s = s.strip_suffix('.')?;
    // Past the separator, whatever its width: an opening quote (“) is three bytes.
    let start = s
        .char_indices()
        .rfind(|&(_, c)| c.is_whitespace() || c == '(' || c == '"' || c == '\u{201c}')
        .map_or(0, |(i, c)| i + c.len_utf8());
    Some(&s[start..])
}

fn ends_with_acronym(s: &str) -> bool {
    last_word_before_stop(s).is_some_and(|w| w.contains('.') && w.chars().all(|c| c == '.' || c.is_alphabetic()))
}

fn ends_with_abbreviation(s: &str) -> bool {
    let Some(word) = last_word_before_stop(s) else {
        return false;
    };
    let single_initial = word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase());
    single_initial || ABBREVIATIONS.contains(&word) || ends_with_acronym(s)
}

/// The default largest article (`--max-size`): far above any real article
/// (a long feature is 50 KB), far below what would strain memory, which a
/// check needs a few dozen times the article's size of.
pub const DEFAULT_MAX_SIZE: u64 = 64 * 1024 * 1024;

/// Read an article file from disk, up to [`DEFAULT_MAX_SIZE`].
pub fn read(path: &Path, published: Option<Date>) -> Result<Article> {
    read_limited(path, published, DEFAULT_MAX_SIZE)
}

/// Read an article file from disk, refusing one larger than `max_size` bytes.
pub fn read_limited(path: &Path, published: Option<Date>, max_size: u64) -> Result<Article> {
    let shown = crate::facts_display_path(path);
    let cannot = |e: std::io::Error| anyhow::anyhow!("{shown}: cannot read: {}", crate::io_reason(&e));
    let file = std::fs::File::open(path).map_err(cannot)?;
    // The size on disk refuses a huge file before reading any of it.
    if let Ok(meta) = file.metadata()
        && meta.is_file()
        && meta.len() > max_size
    {
        bail!("{}", too_large(&shown, Some(meta.len()), max_size));
    }
    let bytes = read_bounded(file, &shown, max_size)?;
    Article::parse(&shown, bytes, Format::for_path(path), published)
}

/// All of `reader` (a file, standard input), failing as soon as it gives more
/// than `max_size` bytes: a pipe or a growing file has no size to check first,
/// and memory must stay bounded by the limit.
pub fn read_bounded(reader: impl Read, shown: &str, max_size: u64) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader
        .take(max_size.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| anyhow::anyhow!("{shown}: cannot read: {}", crate::io_reason(&e)))?;
    if bytes.len() as u64 > max_size {
        bail!("{}", too_large(shown, None, max_size));
    }
    Ok(bytes)
}

fn too_large(shown: &str, size: Option<u64>, max_size: u64) -> String {
    let limit = format_size(max_size);
    let how = match size {
        Some(n) => format!("{}, the limit is {limit}", format_size(n)),
        None => format!("over the limit of {limit}"),
    };
    format!("{shown}: too large to be an article: {how}; raise it with --max-size if it is one")
}

/// A size as people write it: `64 MiB`, `1.5 GiB`, `900 bytes`.
pub fn format_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if bytes < 1024 {
        return format!("{bytes} bytes");
    }
    let mut value = bytes as f64;
    let mut unit = "bytes";
    for u in UNITS {
        if value < 1024.0 {
            break;
        }
        value /= 1024.0;
        unit = u;
    }
    let shown = format!("{value:.1}");
    format!("{} {unit}", shown.strip_suffix(".0").unwrap_or(&shown))
}

/// Parse a size for `--max-size`: bytes (`1000000`), or a number with a unit
/// (`64MiB`, `64M`, `10MB`, `512k`, `1.5GiB`); units are powers of 1024.
pub fn parse_size(s: &str) -> std::result::Result<u64, String> {
    let t = s.trim();
    let split = t.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(t.len());
    let (number, unit) = t.split_at(split);
    let multiplier: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" | "bytes" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        _ => {
            return Err(format!(
                "`{s}` is not a size; write bytes or a number with K, M or G (e.g. 64M)"
            ));
        }
    };
    let value: f64 = number
        .parse()
        .map_err(|_| format!("`{s}` is not a size; write bytes or a number with K, M or G (e.g. 64M)"))?;
    let bytes = value * multiplier as f64;
    if !(1.0..=u64::MAX as f64).contains(&bytes) {
        return Err(format!("`{s}`: the size must be at least one byte"));
    }
    Ok(bytes as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_digits_are_folded_in_place_and_spans_unfolded() {
        let text = "from ３５ countries, ３０％ and １，２００ (２)";
        let a = Article::parse("t", text.as_bytes().to_vec(), Format::Plain, None).unwrap();
        assert_eq!(a.prose.len(), text.len());
        assert_eq!(a.prose, "from     35 countries,       30% and           1,200 (  2)");
        let at = text.find('３').unwrap();
        assert_eq!(a.folded[0], Span::new(at, at + 6));
        // A match on "35" starts in the padding: widened to the run.
        assert_eq!(a.unfold(Span::new(at + 4, at + 16)), Span::new(at, at + 16));
        assert_eq!(a.unfold(Span::new(0, 4)), Span::new(0, 4));
    }

    fn sentences(text: &str, format: Format) -> Vec<String> {
        let a = Article::parse("t", text.as_bytes().to_vec(), format, None).unwrap();
        a.sentences.iter().map(|s| a.text[s.start..s.end].to_string()).collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let got = sentences(
            "Mr. Macron met the U.S. envoy on Jan. 6 in St. Denis. The U.K. agreed. Then it ended.",
            Format::Plain,
        );
        assert_eq!(
            got,
            vec![
                "Mr. Macron met the U.S. envoy on Jan. 6 in St. Denis.",
                "The U.K. agreed.",
                "Then it ended."
            ]
        );
    }

    #[test]
    fn markdown_code_and_front_matter_are_not_prose() {
        let text = "---\npublished: 2026-01-07\ntitle: x\n---\n# Head\n\nHello *world* 35.\n\n```\n36 countries\n```\n";
        let a = Article::parse("t.md", text.as_bytes().to_vec(), Format::Markdown, None).unwrap();
        assert_eq!(a.published, Some(jiff::civil::date(2026, 1, 7)));
        assert!(!a.prose.contains("36"));
        assert!(!a.prose.contains("published"));
        assert!(a.prose.contains("Hello"));
        assert_eq!(a.prose.len(), a.text.len());
        assert_eq!(a.front_matter.get("title").and_then(|v| v.as_str()), Some("x"));
    }

    #[test]
    fn toml_front_matter_gives_published() {
        let text = "+++\npublished = 2026-01-07\n+++\nText.\n";
        let a = Article::parse("t.md", text.as_bytes().to_vec(), Format::Markdown, None).unwrap();
        assert_eq!(a.published, Some(jiff::civil::date(2026, 1, 7)));
    }

    #[test]
    fn a_sentence_opening_with_a_curly_quote_does_not_panic() {
        // Found by the article fuzz target: the word before the full stop
        // was sliced one byte into the three-byte “.
        assert_eq!(
            sentences("He said \u{201c}Hello. Then \u{201c}Mr. Macron.", Format::Plain),
            vec!["He said \u{201c}Hello.", "Then \u{201c}Mr. Macron."]
        );
        assert_eq!(last_word_before_stop("said \u{201c}Hello."), Some("Hello"));
    }

    #[test]
    fn words_split_by_invisible_characters_are_left_out() {
        let text = "From 3\u{200d}5 countries, \u{2066}36\u{2069} nations, Mac\u{200b}ron, Macron and 4\u{ad}0 envoys.";
        let a = Article::parse("t", text.as_bytes().to_vec(), Format::Plain, None).unwrap();
        assert_eq!(a.prose.len(), a.text.len());
        let words: Vec<&str> = a.prose.split_whitespace().collect();
        assert_eq!(
            words,
            [
                "From",
                "countries,",
                "\u{2066}36\u{2069}",
                "nations,",
                ",",
                "Macron",
                "and",
                "envoys."
            ]
        );
    }

    #[test]
    fn long_runs_without_a_full_stop_are_cut_at_white_space() {
        let text = "Delegations from 35 countries, ".repeat(200) + "and more.";
        let a = Article::parse("t", text.as_bytes().to_vec(), Format::Plain, None).unwrap();
        assert!(a.sentences.len() > 1);
        for s in &a.sentences {
            assert!(s.len() <= MAX_SENTENCE, "{s:?}");
            assert!(a.text[s.start..s.end].ends_with(',') || a.text[s.start..s.end].ends_with('.'));
        }
        let words = |t: &str| t.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
        let pieces: Vec<String> = a
            .sentences
            .iter()
            .flat_map(|s| words(&a.text[s.start..s.end]))
            .collect();
        assert_eq!(pieces, words(&text), "every word in exactly one piece");
    }

    #[test]
    fn long_paragraphs_are_cut_between_sentences() {
        let text = "Delegations from 35 countries attended. ".repeat(1000);
        let a = Article::parse("t", text.as_bytes().to_vec(), Format::Plain, None).unwrap();
        assert!(a.blocks.len() > 1);
        assert_eq!(a.blocks.first().map(|b| b.start), Some(0));
        assert_eq!(a.blocks.last().map(|b| b.end), Some(text.len()));
        for pair in a.blocks.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
        }
        for s in &a.sentences {
            assert!(a.block_of(*s).is_some(), "{s:?} in one block");
        }
        assert!(a.blocks.iter().all(|b| b.len() <= MAX_BLOCK));
    }

    #[test]
    fn one_enormous_word_is_cut_at_character_boundaries() {
        let text = "é".repeat(3000);
        let a = Article::parse("t", text.as_bytes().to_vec(), Format::Plain, None).unwrap();
        assert_eq!(a.sentences.first().map(|s| s.start), Some(0));
        assert_eq!(a.sentences.last().map(|s| s.end), Some(text.len()));
        for pair in a.sentences.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
        }
        assert!(
            a.sentences
                .iter()
                .all(|s| s.len() <= MAX_SENTENCE && text.is_char_boundary(s.start))
        );
    }

    #[test]
    fn sizes_parse_with_binary_units() {
        assert_eq!(parse_size("1000"), Ok(1000));
        assert_eq!(parse_size("64M"), Ok(64 << 20));
        assert_eq!(parse_size("64MiB"), Ok(64 << 20));
        assert_eq!(parse_size("10 mb"), Ok(10 << 20));
        assert_eq!(parse_size("512k"), Ok(512 << 10));
        assert_eq!(parse_size("1.5G"), Ok(3 << 29));
        assert!(parse_size("0").is_err());
        assert!(parse_size("ten").is_err());
        assert!(parse_size("5 parsecs").is_err());
        assert_eq!(format_size(64 << 20), "64 MiB");
        assert_eq!(format_size(1536), "1.5 KiB");
        assert_eq!(format_size(900), "900 bytes");
    }

    #[test]
    fn reading_stops_past_the_limit() {
        let err = read_bounded(&b"0123456789"[..], "big.md", 9).unwrap_err();
        assert_eq!(
            err.to_string(),
            "big.md: too large to be an article: over the limit of 9 bytes; raise it with --max-size if it is one"
        );
        assert_eq!(read_bounded(&b"0123456789"[..], "ok.md", 10).unwrap().len(), 10);
    }

    #[test]
    fn utf16_and_utf32_are_named() {
        let utf16le: Vec<u8> = "Delegations from 35 countries."
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let utf16be: Vec<u8> = "Delegations from 35 countries."
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        let err = |bytes: Vec<u8>| {
            Article::parse("a.txt", bytes, Format::Plain, None)
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            err(utf16le),
            "a.txt: file looks like UTF-16 (little-endian, without a byte-order mark: every other byte is 0); save it as UTF-8"
        );
        assert!(err(utf16be).contains("UTF-16 (big-endian"));
        assert!(err(vec![0xFF, 0xFE, 0, 0, b'a', 0, 0, 0]).contains("file is UTF-32"));
        assert!(err(vec![0xFE, 0xFF, 0, b'a']).contains("file is UTF-16"));
        // One stray NUL in text is not UTF-16.
        assert_eq!(
            err(b"Delegations\0 from 35 countries.".to_vec()),
            "a.txt:1:12: file contains a NUL byte; it looks like a binary file, not an article"
        );
    }

    #[test]
    fn invalid_utf8_names_line_and_column() {
        let err = Article::parse("a.txt", b"ok\nab\xE9".to_vec(), Format::Plain, None).unwrap_err();
        assert_eq!(
            err.to_string(),
            "a.txt:2:3: not valid UTF-8 (byte 0xE9); save the file as UTF-8"
        );
    }

    #[test]
    fn published_is_a_whole_date_or_date_and_time() {
        let day = Some(jiff::civil::date(2026, 1, 7));
        assert_eq!(publication_date("2026-01-07"), day);
        assert_eq!(publication_date("2026-01-07T09:30:00"), day);
        assert_eq!(publication_date("2026-01-07T23:30:00-05:00"), day);
        assert_eq!(publication_date("2026-01-07 or so"), None);
        assert_eq!(publication_date("2026-02-30"), None);
        assert_eq!(publication_date("Jan 7"), None);
    }

    #[test]
    fn bad_published_points_at_its_value() {
        let text = "---\ntitle: x\npublished:   soon\n---\nText.\n";
        let err = Article::parse("a.md", text.as_bytes().to_vec(), Format::Markdown, None).unwrap_err();
        assert_eq!(
            err.to_string(),
            "a.md:3:14: front matter `published` must be a date (YYYY-MM-DD), found \"soon\""
        );
    }

    #[test]
    fn yaml_error_position_is_in_the_file_not_the_front_matter() {
        let text = "---\ntitle: x\ntags: [a\n---\nText.\n";
        let err = Article::parse("a.md", text.as_bytes().to_vec(), Format::Markdown, None).unwrap_err();
        assert_eq!(
            err.to_string(),
            "a.md:3:7: invalid YAML front matter: unclosed bracket '['"
        );
    }
}
