//! Accuracy against a labelled corpus: how often the checker agrees with a careful human.
//!
//! A corpus is a folder of articles (`*.md`, `*.markdown`, `*.txt`), each with a sidecar
//! `NAME.labels.toml` that lists the claims a fact checker would check and the verdict a
//! careful human gives each, given the fact base:
//!
//! ```toml
//! published = 2026-01-07      # optional: for articles without front matter
//!
//! [[claim]]
//! text = "36 countries"       # the exact phrase in the article (runs of whitespace may differ)
//! occurrence = 2              # which occurrence, when the phrase appears more than once
//! kind = "count"              # a contract kind: date, weekday, year, count, entity, ...
//! verdict = "discrepancy"     # match | discrepancy | unverifiable
//! note = "why, for the reader of a miss"
//! ```
//!
//! A label's span is the byte range of its phrase in the file. The checker's claims are paired
//! with labels of the same kind whose span they overlap, the largest overlap first, one claim
//! per label. The scores are kept as counts ([`Tally`]), per kind and in total, so that every
//! rate can be traced to the claims behind it; [`Evaluation::misses`] lists each of those.
//! The module never prints: the table is a string for the caller to show.

use std::collections::BTreeMap;
use std::fmt::{self, Write as _};
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde::Deserialize;

use factcheck::Checker;
use factcheck::article::{self, Article};
use factcheck::extract::Kind;
use factcheck::finding::Verdict;
use factcheck::report::Claim;
use factcheck::span::Span;

/// Discrepancy recall the checker must reach on the corpus.
pub const TARGET_DISCREPANCY_RECALL: f64 = 0.95;
/// Match recall the checker must reach on the corpus.
pub const TARGET_MATCH_RECALL: f64 = 0.90;
/// Discrepancies the checker may report where a human sees none.
pub const TARGET_FALSE_DISCREPANCIES: usize = 0;

/// One labelled claim, located in its article.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub text: String,
    /// 1-based: which occurrence of `text` in the file is meant.
    pub occurrence: usize,
    pub kind: Kind,
    pub verdict: Verdict,
    pub note: Option<String>,
    /// Byte range of that occurrence in the file.
    pub span: Span,
    /// 1-based line of the span's start.
    pub line: usize,
}

/// A sidecar file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LabelFile {
    published: Option<toml::value::Datetime>,
    #[serde(default)]
    claim: Vec<RawLabel>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLabel {
    text: String,
    kind: String,
    verdict: String,
    occurrence: Option<usize>,
    note: Option<String>,
}

/// A parsed sidecar, before its labels are located in the article.
#[derive(Debug, Clone, PartialEq)]
pub struct Sidecar {
    pub published: Option<Date>,
    labels: Vec<RawLabelChecked>,
}

#[derive(Debug, Clone, PartialEq)]
struct RawLabelChecked {
    text: String,
    occurrence: Option<usize>,
    kind: Kind,
    verdict: Verdict,
    note: Option<String>,
}

impl Sidecar {
    /// Number of labels in the sidecar.
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }
}

/// Parse a sidecar's text; `name` is used in messages. Every problem is returned, not just the first.
pub fn parse_sidecar(name: &str, toml_text: &str) -> Result<Sidecar, Vec<String>> {
    let file: LabelFile = toml::from_str(toml_text).map_err(|e| vec![format!("{name}: {}", e.to_string().trim())])?;
    let mut problems = Vec::new();
    let published = match file.published {
        None => None,
        Some(dt) => match dt.to_string().parse::<Date>() {
            Ok(d) => Some(d),
            Err(_) => {
                problems.push(format!("{name}: `published` must be a date (YYYY-MM-DD), found {dt}"));
                None
            }
        },
    };
    let mut labels = Vec::new();
    for (i, raw) in file.claim.into_iter().enumerate() {
        let at = format!("{name}: claim #{} `{}`", i + 1, raw.text);
        let kind = Kind::ALL.into_iter().find(|k| k.as_str() == raw.kind);
        let verdict = parse_verdict(&raw.verdict);
        if kind.is_none() {
            let names: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
            problems.push(format!(
                "{at}: unknown kind `{}`; expected one of {}",
                raw.kind,
                names.join(", ")
            ));
        }
        if verdict.is_none() {
            problems.push(format!(
                "{at}: unknown verdict `{}`; expected match, discrepancy or unverifiable",
                raw.verdict
            ));
        }
        if raw.text.trim().is_empty() {
            problems.push(format!("{at}: empty text"));
        }
        if raw.occurrence == Some(0) {
            problems.push(format!("{at}: occurrence counts from 1"));
        }
        if let (Some(kind), Some(verdict)) = (kind, verdict) {
            labels.push(RawLabelChecked {
                text: raw.text,
                occurrence: raw.occurrence,
                kind,
                verdict,
                note: raw.note,
            });
        }
    }
    if problems.is_empty() {
        Ok(Sidecar { published, labels })
    } else {
        Err(problems)
    }
}

fn parse_verdict(s: &str) -> Option<Verdict> {
    [Verdict::Match, Verdict::Discrepancy, Verdict::Unverifiable]
        .into_iter()
        .find(|v| v.as_str() == s)
}

/// Where `needle` occurs in `hay`: whitespace in the needle matches any run of whitespace
/// (articles wrap lines), and a match must not start or end inside a word.
pub fn occurrences(hay: &str, needle: &str) -> Vec<Span> {
    let words: Vec<&str> = needle.split_whitespace().collect();
    let Some(first) = words.first() else {
        return Vec::new();
    };
    let is_word = |c: char| c.is_alphanumeric();
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(rel) = hay[from..].find(first) {
        let start = from + rel;
        from = start + first.len();
        if first.starts_with(is_word) && hay[..start].ends_with(is_word) {
            continue;
        }
        let mut end = start + first.len();
        let mut ok = true;
        for word in &words[1..] {
            let rest = &hay[end..];
            let gap = rest.len() - rest.trim_start().len();
            if gap == 0 || !rest[gap..].starts_with(word) {
                ok = false;
                break;
            }
            end += gap + word.len();
        }
        let last = words.last().expect("one word at least");
        if !ok || (last.ends_with(is_word) && hay[end..].starts_with(is_word)) {
            continue;
        }
        found.push(Span::new(start, end));
    }
    found
}

/// Place each label of a sidecar in its article. Problems name the sidecar and the label:
/// a phrase not in the article, an occurrence past the last, an ambiguous phrase with no
/// `occurrence`, a phrase in front matter or a code block, two labels on one span and kind.
pub fn locate(name: &str, sidecar: &Sidecar, article: &Article) -> Result<Vec<Label>, Vec<String>> {
    let mut problems = Vec::new();
    let mut labels: Vec<Label> = Vec::new();
    for (i, raw) in sidecar.labels.iter().enumerate() {
        let at = format!("{name}: claim #{} `{}`", i + 1, raw.text);
        let spans = occurrences(&article.text, &raw.text);
        let n = raw.occurrence.unwrap_or(1);
        if spans.is_empty() {
            problems.push(format!("{at}: not found in {}", article.path));
            continue;
        }
        if raw.occurrence.is_none() && spans.len() > 1 {
            problems.push(format!(
                "{at}: occurs {} times in {}; say which with `occurrence`",
                spans.len(),
                article.path
            ));
            continue;
        }
        let Some(&span) = spans.get(n - 1) else {
            problems.push(format!(
                "{at}: occurrence {n} asked, but it occurs {} times in {}",
                spans.len(),
                article.path
            ));
            continue;
        };
        if article
            .prose
            .get(span.start..span.end)
            .is_none_or(|p| p.trim().is_empty())
        {
            problems.push(format!(
                "{at}: lies outside the prose of {} (front matter or code)",
                article.path
            ));
            continue;
        }
        if let Some(other) = labels.iter().find(|l| l.span == span && l.kind == raw.kind) {
            problems.push(format!("{at}: same span and kind as `{}`", other.text));
            continue;
        }
        labels.push(Label {
            text: raw.text.clone(),
            occurrence: n,
            kind: raw.kind,
            verdict: raw.verdict,
            note: raw.note.clone(),
            span,
            line: article.lines.position(&article.text, span.start).line,
        });
    }
    if problems.is_empty() { Ok(labels) } else { Err(problems) }
}

/// One article scored: its labels, the checker's claims and how they pair up.
#[derive(Debug, Clone)]
pub struct ArticleScore {
    pub path: String,
    pub labels: Vec<Label>,
    pub claims: Vec<Claim>,
    /// For each label (same index), the claim paired with it.
    pub paired: Vec<Option<usize>>,
    /// 1-based line of each claim's start (same index as `claims`).
    pub claim_lines: Vec<usize>,
    /// The article's text at each claim's span, whitespace collapsed (same index as `claims`).
    pub claim_texts: Vec<String>,
}

/// Pair an article's claims with its labels: same kind, overlapping spans, the largest
/// overlap first (then the same verdict, then the closest start), each claim and each label
/// used once.
pub fn score(article: &Article, claims: Vec<Claim>, labels: Vec<Label>) -> ArticleScore {
    // (label, claim, overlap, verdicts differ, distance between starts)
    let mut candidates: Vec<(usize, usize, usize, bool, usize)> = Vec::new();
    for (li, label) in labels.iter().enumerate() {
        for (ci, claim) in claims.iter().enumerate() {
            if claim.kind == label.kind && claim.span.overlaps(label.span) {
                let overlap = claim.span.end.min(label.span.end) - claim.span.start.max(label.span.start);
                let distance = claim.span.start.abs_diff(label.span.start);
                candidates.push((li, ci, overlap, claim.verdict != label.verdict, distance));
            }
        }
    }
    candidates.sort_by(|a, b| {
        b.2.cmp(&a.2)
            .then(a.3.cmp(&b.3))
            .then(a.4.cmp(&b.4))
            .then(a.0.cmp(&b.0))
            .then(a.1.cmp(&b.1))
    });
    let mut paired = vec![None; labels.len()];
    let mut used = vec![false; claims.len()];
    for (li, ci, ..) in candidates {
        if paired[li].is_none() && !used[ci] {
            paired[li] = Some(ci);
            used[ci] = true;
        }
    }
    let claim_lines = claims
        .iter()
        .map(|c| article.lines.position(&article.text, c.span.start).line)
        .collect();
    let claim_texts = claims
        .iter()
        .map(|c| {
            let raw = article.text.get(c.span.start..c.span.end).unwrap_or_default();
            raw.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect();
    ArticleScore {
        path: article.path.clone(),
        labels,
        claims,
        paired,
        claim_lines,
        claim_texts,
    }
}

/// What happened to a claim the checker reported that no label took.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stray {
    /// A discrepancy on a span a human labels match or unverifiable (that label's verdict).
    FalseAgainst(Verdict),
    /// A discrepancy where no label of its kind lies.
    FalseUnlabelled,
    /// A second discrepancy on a span already labelled discrepancy: neither right nor wrong.
    Duplicate,
    /// A match or unverifiable claim with no label: not scored.
    Unlabelled,
}

impl ArticleScore {
    /// Claims no label took, and what each one counts as.
    fn strays(&self) -> Vec<(usize, Stray)> {
        let mut taken = vec![false; self.claims.len()];
        for ci in self.paired.iter().flatten() {
            taken[*ci] = true;
        }
        let mut out = Vec::new();
        for (ci, claim) in self.claims.iter().enumerate() {
            if taken[ci] {
                continue;
            }
            if claim.verdict != Verdict::Discrepancy {
                out.push((ci, Stray::Unlabelled));
                continue;
            }
            let under: Vec<&Label> = self
                .labels
                .iter()
                .filter(|l| l.kind == claim.kind && l.span.overlaps(claim.span))
                .collect();
            let stray = if under.iter().any(|l| l.verdict == Verdict::Discrepancy) {
                Stray::Duplicate
            } else if let Some(l) = under.first() {
                Stray::FalseAgainst(l.verdict)
            } else {
                Stray::FalseUnlabelled
            };
            out.push((ci, stray));
        }
        out
    }

    /// Counts for one kind of claim, or all kinds with `None`.
    pub fn tally(&self, kind: Option<Kind>) -> Tally {
        let of_kind = |k: Kind| kind.is_none_or(|want| want == k);
        let mut t = Tally::default();
        for (label, paired) in self.labels.iter().zip(&self.paired) {
            if !of_kind(label.kind) {
                continue;
            }
            let got = paired.map(|ci| self.claims[ci].verdict);
            t.labels += 1;
            t.found += usize::from(got.is_some());
            t.correct += usize::from(got == Some(label.verdict));
            match label.verdict {
                Verdict::Match => {
                    t.match_labels += 1;
                    t.match_hits += usize::from(got == Some(Verdict::Match));
                }
                Verdict::Discrepancy => {
                    t.discrepancy_labels += 1;
                    t.discrepancy_hits += usize::from(got == Some(Verdict::Discrepancy));
                }
                Verdict::Unverifiable => {
                    t.unverifiable_labels += 1;
                    t.unverifiable_hits += usize::from(got == Some(Verdict::Unverifiable));
                }
            }
            if got == Some(Verdict::Discrepancy) && label.verdict != Verdict::Discrepancy {
                t.false_on_labels += 1;
            }
        }
        for (ci, stray) in self.strays() {
            if !of_kind(self.claims[ci].kind) {
                continue;
            }
            match stray {
                Stray::FalseAgainst(_) | Stray::FalseUnlabelled => t.false_left_over += 1,
                Stray::Duplicate => t.duplicate_discrepancies += 1,
                Stray::Unlabelled => t.unlabelled += 1,
            }
        }
        t.claims = self.claims.iter().filter(|c| of_kind(c.kind)).count();
        t.discrepancies_reported = self
            .claims
            .iter()
            .filter(|c| of_kind(c.kind) && c.verdict == Verdict::Discrepancy)
            .count();
        t
    }

    /// Match and unverifiable claims that no label took (not scored; a hint for labelling),
    /// as (line, kind, verdict, text).
    pub fn unlabelled(&self) -> Vec<(usize, Kind, Verdict, &str)> {
        self.strays()
            .into_iter()
            .filter(|(_, s)| *s == Stray::Unlabelled)
            .map(|(ci, _)| {
                let c = &self.claims[ci];
                (self.claim_lines[ci], c.kind, c.verdict, self.claim_texts[ci].as_str())
            })
            .collect()
    }

    /// Every label not found or judged wrongly, and every false discrepancy, in file order.
    pub fn misses(&self) -> Vec<Miss> {
        let mut out = Vec::new();
        for (label, paired) in self.labels.iter().zip(&self.paired) {
            let what = match paired {
                None => MissKind::NotFound { label: label.verdict },
                Some(ci) if self.claims[*ci].verdict != label.verdict => MissKind::WrongVerdict {
                    label: label.verdict,
                    tool: self.claims[*ci].verdict,
                },
                Some(_) => continue,
            };
            let claim = paired.map(|ci| &self.claims[ci]);
            out.push(Miss {
                path: self.path.clone(),
                line: label.line,
                offset: label.span.start,
                kind: label.kind,
                text: label.text.clone(),
                what,
                message: claim.map(|c| c.message.clone()),
                note: label.note.clone(),
            });
        }
        for (ci, stray) in self.strays() {
            let label = match stray {
                Stray::FalseAgainst(v) => Some(v),
                Stray::FalseUnlabelled => None,
                Stray::Duplicate | Stray::Unlabelled => continue,
            };
            let claim = &self.claims[ci];
            out.push(Miss {
                path: self.path.clone(),
                line: self.claim_lines[ci],
                offset: claim.span.start,
                kind: claim.kind,
                text: self.claim_texts[ci].clone(),
                what: MissKind::FalseDiscrepancy { label },
                message: Some(claim.message.clone()),
                note: None,
            });
        }
        out.sort_by_key(|m| m.offset);
        out
    }
}

/// Counts behind every rate in the table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub labels: usize,
    /// Labels paired with a claim of their kind.
    pub found: usize,
    /// Labels paired with a claim that has the label's verdict.
    pub correct: usize,
    pub match_labels: usize,
    pub match_hits: usize,
    pub discrepancy_labels: usize,
    pub discrepancy_hits: usize,
    pub unverifiable_labels: usize,
    pub unverifiable_hits: usize,
    /// Discrepancies paired with a label that says match or unverifiable.
    pub false_on_labels: usize,
    /// Discrepancies no label took, other than duplicates: a human sees no discrepancy there.
    pub false_left_over: usize,
    /// Further discrepancies on a span already labelled (and counted) as a discrepancy.
    pub duplicate_discrepancies: usize,
    /// Match or unverifiable claims that no label took (not scored).
    pub unlabelled: usize,
    /// Every claim the checker reported.
    pub claims: usize,
    /// Every discrepancy the checker reported.
    pub discrepancies_reported: usize,
}

impl std::ops::AddAssign for Tally {
    fn add_assign(&mut self, o: Tally) {
        self.labels += o.labels;
        self.found += o.found;
        self.correct += o.correct;
        self.match_labels += o.match_labels;
        self.match_hits += o.match_hits;
        self.discrepancy_labels += o.discrepancy_labels;
        self.discrepancy_hits += o.discrepancy_hits;
        self.unverifiable_labels += o.unverifiable_labels;
        self.unverifiable_hits += o.unverifiable_hits;
        self.false_on_labels += o.false_on_labels;
        self.false_left_over += o.false_left_over;
        self.duplicate_discrepancies += o.duplicate_discrepancies;
        self.unlabelled += o.unlabelled;
        self.claims += o.claims;
        self.discrepancies_reported += o.discrepancies_reported;
    }
}

fn ratio(num: usize, den: usize) -> Option<f64> {
    (den > 0).then(|| num as f64 / den as f64)
}

impl Tally {
    /// Discrepancies where a human sees a match, an unverifiable claim, or nothing to check.
    pub fn false_discrepancies(&self) -> usize {
        self.false_on_labels + self.false_left_over
    }

    /// Labels with the right verdict, over all labels (a label not found counts as wrong).
    pub fn verdict_accuracy(&self) -> Option<f64> {
        ratio(self.correct, self.labels)
    }

    /// Discrepancies a human agrees with, over those that are not duplicates.
    pub fn discrepancy_precision(&self) -> Option<f64> {
        ratio(
            self.discrepancy_hits,
            self.discrepancy_hits + self.false_discrepancies(),
        )
    }

    /// Discrepancy labels the checker reports as discrepancies.
    pub fn discrepancy_recall(&self) -> Option<f64> {
        ratio(self.discrepancy_hits, self.discrepancy_labels)
    }

    /// Match labels the checker reports as matches.
    pub fn match_recall(&self) -> Option<f64> {
        ratio(self.match_hits, self.match_labels)
    }

    /// Internal consistency: every count is made of the ones it should be. Returns what does
    /// not add up.
    pub fn inconsistencies(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut need = |ok: bool, what: &str| {
            if !ok {
                out.push(what.to_owned());
            }
        };
        need(
            self.match_labels + self.discrepancy_labels + self.unverifiable_labels == self.labels,
            "labels by verdict do not sum to labels",
        );
        need(
            self.match_hits + self.discrepancy_hits + self.unverifiable_hits == self.correct,
            "hits by verdict do not sum to correct verdicts",
        );
        need(self.correct <= self.found, "more correct verdicts than labels found");
        need(self.found <= self.labels, "more labels found than labels");
        need(
            self.match_hits <= self.match_labels,
            "more match hits than match labels",
        );
        need(
            self.discrepancy_hits <= self.discrepancy_labels,
            "more discrepancy hits than discrepancy labels",
        );
        need(
            self.unverifiable_hits <= self.unverifiable_labels,
            "more unverifiable hits than unverifiable labels",
        );
        need(
            self.discrepancy_hits + self.false_discrepancies() + self.duplicate_discrepancies
                == self.discrepancies_reported,
            "discrepancies reported are not hits + false + duplicates",
        );
        need(
            self.found + self.false_left_over + self.duplicate_discrepancies + self.unlabelled == self.claims,
            "claims reported are not paired + left over",
        );
        out
    }
}

/// Why a claim counts against the checker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MissKind {
    /// No claim of the label's kind on its span.
    NotFound { label: Verdict },
    /// Found, with another verdict than the label's.
    WrongVerdict { label: Verdict, tool: Verdict },
    /// A discrepancy that a human would not report: `label` is the verdict of the label under
    /// it, if any (a discrepancy the label also gives is never in this list).
    FalseDiscrepancy { label: Option<Verdict> },
}

/// One miss, located for the reader.
#[derive(Debug, Clone, PartialEq)]
pub struct Miss {
    pub path: String,
    pub line: usize,
    pub offset: usize,
    pub kind: Kind,
    /// The label's phrase, or for a false discrepancy the claim's text.
    pub text: String,
    pub what: MissKind,
    /// The checker's message for the claim involved, if there is one.
    pub message: Option<String>,
    /// The label's note, if it has one.
    pub note: Option<String>,
}

impl fmt::Display for Miss {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = self.text.split_whitespace().collect::<Vec<_>>().join(" ");
        write!(f, "{}:{}: {} {:?}: ", self.path, self.line, self.kind.as_str(), text)?;
        match self.what {
            MissKind::NotFound { label } => write!(f, "not found (label: {})", label.as_str())?,
            MissKind::WrongVerdict { label, tool } => write!(f, "label {}, checker {}", label.as_str(), tool.as_str())?,
            MissKind::FalseDiscrepancy { label: Some(v) } => write!(f, "false discrepancy (label: {})", v.as_str())?,
            MissKind::FalseDiscrepancy { label: None } => write!(f, "false discrepancy (no label)")?,
        }
        if let Some(m) = &self.message {
            write!(f, " — {m}")?;
        }
        if let Some(n) = &self.note {
            write!(f, " [label note: {n}]")?;
        }
        Ok(())
    }
}

/// A whole corpus scored.
#[derive(Debug, Clone)]
pub struct Evaluation {
    pub articles: Vec<ArticleScore>,
}

impl Evaluation {
    /// Counts per kind, every kind of the contract listed.
    pub fn by_kind(&self) -> BTreeMap<Kind, Tally> {
        Kind::ALL
            .into_iter()
            .map(|k| {
                let mut t = Tally::default();
                for a in &self.articles {
                    t += a.tally(Some(k));
                }
                (k, t)
            })
            .collect()
    }

    /// Counts over all kinds.
    pub fn total(&self) -> Tally {
        let mut t = Tally::default();
        for a in &self.articles {
            t += a.tally(None);
        }
        t
    }

    /// Every miss in the corpus, article by article.
    pub fn misses(&self) -> Vec<Miss> {
        self.articles.iter().flat_map(|a| a.misses()).collect()
    }

    /// The targets not met, each as a sentence; empty when all are met.
    pub fn unmet_targets(&self) -> Vec<String> {
        let t = self.total();
        let mut out = Vec::new();
        if t.false_discrepancies() > TARGET_FALSE_DISCREPANCIES {
            out.push(format!(
                "{} false discrepancies (target: {TARGET_FALSE_DISCREPANCIES})",
                t.false_discrepancies()
            ));
        }
        let dr = t.discrepancy_recall().unwrap_or(0.0);
        if dr < TARGET_DISCREPANCY_RECALL {
            out.push(format!(
                "discrepancy recall {} ({}/{}; target: {})",
                percent(dr),
                t.discrepancy_hits,
                t.discrepancy_labels,
                percent(TARGET_DISCREPANCY_RECALL)
            ));
        }
        let mr = t.match_recall().unwrap_or(0.0);
        if mr < TARGET_MATCH_RECALL {
            out.push(format!(
                "match recall {} ({}/{}; target: {})",
                percent(mr),
                t.match_hits,
                t.match_labels,
                percent(TARGET_MATCH_RECALL)
            ));
        }
        out
    }

    /// The accuracy table in Markdown: one row per kind, then the total.
    pub fn table(&self) -> String {
        let mut s = String::new();
        s.push_str(
            "| kind | labels (m/d/u) | found | verdict accuracy | discrepancy precision | discrepancy recall \
             | match recall | false discrepancies | unlabelled claims |\n",
        );
        s.push_str("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        let row = |s: &mut String, name: &str, t: &Tally| {
            let _ = writeln!(
                s,
                "| {name} | {} ({}/{}/{}) | {} | {} | {} | {} | {} | {} | {} |",
                t.labels,
                t.match_labels,
                t.discrepancy_labels,
                t.unverifiable_labels,
                t.found,
                rate(t.correct, t.labels),
                rate(t.discrepancy_hits, t.discrepancy_hits + t.false_discrepancies()),
                rate(t.discrepancy_hits, t.discrepancy_labels),
                rate(t.match_hits, t.match_labels),
                t.false_discrepancies(),
                t.unlabelled,
            );
        };
        for (kind, t) in self.by_kind() {
            row(&mut s, kind.as_str(), &t);
        }
        row(&mut s, "**total**", &self.total());
        s
    }
}

fn percent(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

/// "92.3% (12/13)", or "–" when there is nothing to divide.
fn rate(num: usize, den: usize) -> String {
    match ratio(num, den) {
        Some(r) => format!("{} ({num}/{den})", percent(r)),
        None => "–".to_owned(),
    }
}

/// The articles of a corpus folder (recursively), sorted: `*.md`, `*.markdown`, `*.txt`.
pub fn corpus_articles(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else if matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("md" | "markdown" | "txt")
            ) {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// The sidecar of an article: `NAME.labels.toml` next to `NAME.md`.
pub fn sidecar_path(article: &Path) -> PathBuf {
    let stem = article
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    article.with_file_name(format!("{stem}.labels.toml"))
}

/// Check and score every article of the corpus in `dir`. Every problem with the corpus
/// (unreadable files, bad sidecars, labels not in their article) is returned at once.
pub fn evaluate(checker: &Checker, dir: &Path) -> Result<Evaluation, Vec<String>> {
    let paths = corpus_articles(dir).map_err(|e| vec![format!("{}: {e}", dir.display())])?;
    let mut problems = Vec::new();
    let mut articles = Vec::new();
    for path in paths {
        let side = sidecar_path(&path);
        let side_name = shown(&side);
        let sidecar = match std::fs::read_to_string(&side) {
            Err(e) => {
                problems.push(format!("{side_name}: cannot read the labels of {}: {e}", shown(&path)));
                continue;
            }
            Ok(text) => match parse_sidecar(&side_name, &text) {
                Ok(s) => s,
                Err(p) => {
                    problems.extend(p);
                    continue;
                }
            },
        };
        let article = match article::read(&path, sidecar.published) {
            Ok(a) => a,
            Err(e) => {
                problems.push(e.to_string());
                continue;
            }
        };
        let mut article = article;
        article.path = shown(&path);
        let labels = match locate(&side_name, &sidecar, &article) {
            Ok(l) => l,
            Err(p) => {
                problems.extend(p);
                continue;
            }
        };
        let claims = checker.check(article.clone()).claims;
        articles.push(score(&article, claims, labels));
    }
    if problems.is_empty() {
        Ok(Evaluation { articles })
    } else {
        Err(problems)
    }
}

/// A path as shown in messages: relative to the current folder when it lies under it.
fn shown(path: &Path) -> String {
    let rel = std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf());
    rel.to_string_lossy().replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use factcheck::article::Format;

    const TEXT: &str = "Delegations from 35 countries attended the summit in Paris on Tuesday.";

    fn article() -> Article {
        Article::parse("t.txt", TEXT.as_bytes().to_vec(), Format::Plain, None).unwrap()
    }

    /// A claim of `kind` with `verdict` on the first occurrence of `text`, made from a
    /// real claim so that the test does not depend on the struct's other fields.
    fn claim(template: &Claim, kind: Kind, verdict: Verdict, text: &str) -> Claim {
        let start = TEXT.find(text).unwrap();
        let mut c = template.clone();
        c.kind = kind;
        c.verdict = verdict;
        c.span = Span::new(start, start + text.len());
        c
    }

    #[test]
    fn pairing_counts_hits_false_alarms_duplicates_and_strays() {
        let sidecar = parse_sidecar(
            "t.labels.toml",
            r#"
[[claim]]
text = "35 countries"
kind = "count"
verdict = "match"

[[claim]]
text = "Paris"
kind = "entity"
verdict = "discrepancy"

[[claim]]
text = "Tuesday"
kind = "weekday"
verdict = "unverifiable"
"#,
        )
        .unwrap();
        let a = article();
        let labels = locate("t.labels.toml", &sidecar, &a).unwrap();
        let base = factcheck::facts::load_paths(&[Path::new(env!("CARGO_MANIFEST_DIR")).join("claims")]).unwrap();
        let template = Checker::new(base).check(a.clone()).claims.remove(0);
        let claims = vec![
            claim(&template, Kind::Count, Verdict::Discrepancy, "35 countries"),
            claim(&template, Kind::Entity, Verdict::Discrepancy, "Paris"),
            claim(&template, Kind::Entity, Verdict::Discrepancy, "Paris"),
            claim(&template, Kind::Date, Verdict::Discrepancy, "attended"),
            claim(&template, Kind::Year, Verdict::Unverifiable, "summit"),
        ];
        let scored = score(&a, claims, labels);
        let t = scored.tally(None);
        assert_eq!((t.labels, t.found, t.correct), (3, 2, 1));
        assert_eq!((t.discrepancy_hits, t.match_hits, t.unverifiable_hits), (1, 0, 0));
        assert_eq!((t.false_on_labels, t.false_left_over), (1, 1));
        assert_eq!((t.duplicate_discrepancies, t.unlabelled), (1, 1));
        assert_eq!(t.discrepancy_precision(), Some(1.0 / 3.0));
        assert!(t.inconsistencies().is_empty(), "{:?}", t.inconsistencies());
        let misses: Vec<String> = scored.misses().iter().map(|m| m.to_string()).collect();
        assert_eq!(misses.len(), 3, "{misses:#?}");
        assert!(misses[0].starts_with("t.txt:1: count \"35 countries\": label match, checker discrepancy"));
        assert!(misses[1].starts_with("t.txt:1: date \"attended\": false discrepancy (no label)"));
        assert!(misses[2].starts_with("t.txt:1: weekday \"Tuesday\": not found (label: unverifiable)"));
    }

    #[test]
    fn a_sidecar_names_every_problem() {
        let err = parse_sidecar(
            "x.labels.toml",
            "[[claim]]\ntext = \"a\"\nkind = \"colour\"\nverdict = \"maybe\"\noccurrence = 0\n",
        )
        .unwrap_err();
        assert_eq!(err.len(), 3, "{err:?}");
        let s = parse_sidecar(
            "x",
            "[[claim]]\ntext = \"Paris\"\nkind = \"entity\"\nverdict = \"match\"\n",
        )
        .unwrap();
        let twice = Article::parse("t.txt", b"Paris and Paris.".to_vec(), Format::Plain, None).unwrap();
        let err = locate("x", &s, &twice).unwrap_err();
        assert!(err[0].contains("occurs 2 times"), "{err:?}");
        let code = "---\npublished: 2026-01-07\n---\n```\nParis\n```\n";
        let fenced = Article::parse("t.md", code.as_bytes().to_vec(), Format::Markdown, None).unwrap();
        let err = locate("x", &s, &fenced).unwrap_err();
        assert!(err[0].contains("outside the prose"), "{err:?}");
    }

    #[test]
    fn occurrences_cross_line_breaks_and_respect_words() {
        let hay = "UK Prime\nMinister Keir Starmer met 35 countries, not 135 countries; Parisian Paris.";
        assert_eq!(occurrences(hay, "UK Prime Minister").len(), 1);
        assert_eq!(occurrences(hay, "35 countries").len(), 1);
        assert_eq!(occurrences(hay, "Paris").len(), 1);
        let s = occurrences(hay, "Prime Minister Keir")[0];
        assert_eq!(&hay[s.start..s.end], "Prime\nMinister Keir");
        assert_eq!(occurrences(hay, "U.S.").len(), 0);
    }
}
