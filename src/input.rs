//! Which articles to check, and checking many of them at once.
//!
//! Named files are always read; folders are walked the way ripgrep walks
//! them (the `ignore` crate: `.gitignore`, `.ignore` and hidden files are
//! skipped, symlinked folders are not followed), keeping `*.md`,
//! `*.markdown` and `*.txt`, in sorted order. `exclude` globs drop what a
//! walk would find; a file named on the command line is checked anyway,
//! since naming it is the clearest way to ask for it.
//!
//! Articles are read and checked in parallel (rayon), but the reports come
//! back in the order the articles were listed, and when several articles
//! fail the error is the first one's: output never depends on scheduling.
//! A run may read articles ahead while the fact base loads ([`read_ahead`]);
//! each is still read once, and the outcome is the same.

use std::path::{Component, Path, PathBuf};
use std::str::FromStr;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::{Result, anyhow, bail};
use globset::{Glob, GlobBuilder, GlobMatcher, GlobSet, GlobSetBuilder};
use jiff::civil::Date;
use rayon::prelude::*;

use crate::article::{Article, Format};
use crate::report::{ArticleReport, Unread};
use crate::{Checker, facts_display_path, io_reason};

/// Extensions of article files found in folders.
pub const ARTICLE_EXTENSIONS: &[&str] = &["md", "markdown", "txt"];

/// One article to read.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Source {
    Stdin,
    /// Standard input, reported under this path (`--stdin-filename`), as
    /// editors pipe a buffer that has a file name; its extension decides
    /// whether it is Markdown.
    StdinAs(PathBuf),
    File(PathBuf),
}

impl Source {
    /// The path as reports show it: `/`-separated, no leading `./`;
    /// `<stdin>` for standard input without a name.
    pub fn shown(&self) -> String {
        match self {
            Source::Stdin => "<stdin>".to_owned(),
            Source::StdinAs(p) | Source::File(p) => facts_display_path(p),
        }
    }

    /// Whether the article comes from standard input.
    pub fn is_stdin(&self) -> bool {
        matches!(self, Source::Stdin | Source::StdinAs(_))
    }
}

/// Where an article without a `published` front-matter date gets one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Published {
    /// Only from its front matter: dates without a year stay unanchored.
    #[default]
    FrontMatter,
    /// From its front matter, or the article cannot be checked.
    Required,
    /// Today's date (where factcheck runs).
    Today,
    /// The day the file was last modified.
    Modified,
    /// This date (`--published`).
    On(Date),
}

impl FromStr for Published {
    type Err = String;

    fn from_str(s: &str) -> Result<Published, String> {
        match s {
            "front-matter" => Ok(Published::FrontMatter),
            "required" => Ok(Published::Required),
            "today" => Ok(Published::Today),
            "modified" => Ok(Published::Modified),
            _ => s.parse::<Date>().map(Published::On).map_err(|_| {
                format!(
                    "unknown published policy `{s}`; expected front-matter, required, today, modified or a date (YYYY-MM-DD)"
                )
            }),
        }
    }
}

/// A glob as the config and `--exclude` write them: `*` stays within one
/// folder, `**` crosses folders.
pub fn glob(pattern: &str) -> Result<Glob, String> {
    GlobBuilder::new(pattern.trim_end_matches('/'))
        .literal_separator(true)
        .build()
        .map_err(|e| format!("invalid glob `{pattern}`: {}", e.kind()))
}

/// Globs relative to one folder, matched against paths under it.
///
/// A pattern with a `/` matches the path from that folder ("articles/drafts",
/// "articles/**/*.txt"); one without matches any single file or folder name
/// ("drafts", "*.draft.md"), as in `.gitignore`. A folder that matches
/// takes everything in it along.
#[derive(Debug, Clone)]
pub struct Globs {
    /// Each with the folder it starts from (`../x/*.md` starts one up).
    anchored: Vec<(PathBuf, GlobMatcher)>,
    names: GlobSet,
}

impl Globs {
    /// Compile `patterns`, relative to `root` (an absolute folder).
    pub fn new(root: &Path, patterns: &[String]) -> Result<Globs, String> {
        let mut anchored = Vec::new();
        let mut names = GlobSetBuilder::new();
        for p in patterns {
            let mut p = p.strip_prefix("./").unwrap_or(p);
            if p.trim_end_matches('/').contains('/') {
                let mut base = absolute(root);
                if p.starts_with('/') {
                    base = PathBuf::from("/");
                    p = p.trim_start_matches('/');
                }
                while let Some(rest) = p.strip_prefix("../") {
                    base.pop();
                    p = rest;
                }
                anchored.push((base, glob(p)?.compile_matcher()));
            } else {
                names.add(glob(p)?);
            }
        }
        Ok(Globs {
            anchored,
            names: names.build().map_err(|e| e.to_string())?,
        })
    }

    pub fn is_empty(&self) -> bool {
        self.anchored.is_empty() && self.names.is_empty()
    }

    /// Whether `path` (absolute, or relative to the working directory) or a
    /// folder it is in matches.
    pub fn matches(&self, path: &Path) -> bool {
        let abs = absolute(path);
        if !self.names.is_empty()
            && abs
                .components()
                .any(|c| matches!(c, Component::Normal(n) if self.names.is_match(n)))
        {
            return true;
        }
        self.anchored.iter().any(|(base, glob)| {
            abs.strip_prefix(base)
                .is_ok_and(|rel| rel.ancestors().any(|a| !a.as_os_str().is_empty() && glob.is_match(a)))
        })
    }
}

/// A path made absolute against the working directory, with `.` and `..`
/// resolved by name (symlinks are left alone).
fn absolute(path: &Path) -> PathBuf {
    let joined = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// What a walk keeps: article files not excluded by any of `exclude`.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub exclude: Vec<Globs>,
    /// Exclude named files and folders too (`--force-exclude`, for
    /// pre-commit, which names every changed file).
    pub force: bool,
}

impl Filter {
    fn excluded(&self, path: &Path) -> bool {
        self.exclude.iter().any(|g| g.matches(path))
    }
}

/// Expand the command line's paths into article sources: folders walked and
/// sorted, duplicates dropped.
pub fn collect(paths: &[PathBuf], filter: &Filter) -> Result<Vec<Source>> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Source::Stdin);
            continue;
        }
        if filter.force && filter.excluded(p) {
            continue;
        }
        // A named path that cannot be looked at (missing, no permission) is
        // kept as an article: reading it fails with the reason, and the run
        // reports it beside the others instead of stopping before them.
        let Ok(meta) = std::fs::metadata(p) else {
            out.push(Source::File(p.clone()));
            continue;
        };
        if meta.is_dir() {
            let before = out.len();
            walk(p, filter, &mut out)?;
            if out.len() == before {
                bail!(
                    "{}: no articles (*.md, *.markdown, *.txt) in this folder",
                    facts_display_path(p)
                );
            }
        } else {
            out.push(Source::File(p.clone()));
        }
    }
    Ok(dedup(out))
}

/// The articles that `include` globs (relative to the folder `root`) select.
pub fn collect_included(root: &Path, include: &[String], filter: &Filter) -> Result<Vec<Source>> {
    let globs = Globs::new(&absolute(root), include).map_err(|e| anyhow!("{e}"))?;
    let mut out = Vec::new();
    for pattern in include {
        // Walk only the literal folders before the first wildcard.
        let start = root.join(literal_prefix(pattern));
        if start.is_file() {
            out.push(Source::File(start));
        } else if start.is_dir() {
            let mut found = Vec::new();
            walk(&start, filter, &mut found)?;
            out.extend(found.into_iter().filter(|s| match s {
                Source::File(p) => globs.matches(p),
                Source::Stdin | Source::StdinAs(_) => false,
            }));
        }
    }
    Ok(dedup(out))
}

/// The folders of a glob before its first wildcard: `articles/2026` for
/// `articles/2026/**/*.md`.
pub fn literal_prefix(pattern: &str) -> PathBuf {
    Path::new(pattern.strip_prefix("./").unwrap_or(pattern))
        .components()
        .filter(|c| !matches!(c, Component::CurDir))
        .take_while(|c| !c.as_os_str().to_string_lossy().contains(['*', '?', '[', '{']))
        .collect()
}

/// Drop a source named again, however it is spelled (`articles/a.md`,
/// `./articles/a.md`, a symlink to it): the first spelling is kept, and the
/// file is checked once.
fn dedup(sources: Vec<Source>) -> Vec<Source> {
    let mut seen = std::collections::HashSet::new();
    sources
        .into_iter()
        .filter(|s| {
            let key = match s {
                Source::Stdin | Source::StdinAs(_) => None,
                Source::File(p) => Some(std::fs::canonicalize(p).unwrap_or_else(|_| absolute(p))),
            };
            seen.insert(key)
        })
        .collect()
}

fn walk(dir: &Path, filter: &Filter, out: &mut Vec<Source>) -> Result<()> {
    // A folder named although it is excluded is checked whole: it was asked for.
    let filter = if filter.excluded(dir) && !filter.force {
        Filter::default()
    } else {
        filter.clone()
    };
    let walker = ignore::WalkBuilder::new(dir)
        .standard_filters(true)
        .require_git(false)
        .follow_links(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .filter_entry(move |e| e.depth() == 0 || !filter.excluded(e.path()))
        .build();
    for entry in walker {
        let entry = entry.map_err(|e| walk_error(dir, e))?;
        let path = entry.path();
        let is_file = entry
            .file_type()
            .is_some_and(|t| t.is_file() || t.is_symlink() && path.is_file());
        if is_file
            && path
                .extension()
                .and_then(|x| x.to_str())
                .is_some_and(|x| ARTICLE_EXTENSIONS.contains(&x))
        {
            out.push(Source::File(path.to_path_buf()));
        }
    }
    Ok(())
}

fn walk_error(dir: &Path, e: ignore::Error) -> anyhow::Error {
    let mut e = &e;
    let mut path = None;
    loop {
        match e {
            ignore::Error::WithPath { path: p, err } => {
                path = Some(p.clone());
                e = err;
            }
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => e = err,
            ignore::Error::Io(io) => {
                let p = path.unwrap_or_else(|| dir.to_path_buf());
                return anyhow!("{}: {}", facts_display_path(&p), io_reason(io));
            }
            other => {
                let p = path.unwrap_or_else(|| dir.to_path_buf());
                return anyhow!("{}: {other}", facts_display_path(&p));
            }
        }
    }
}

pub(crate) fn is_symlink(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// Read and parse one article, dating it by `policy` when its front matter does not.
pub fn read(source: &Source, policy: Published) -> Result<Article> {
    read_limited(source, policy, crate::article::DEFAULT_MAX_SIZE)
}

/// As [`read`], refusing an article larger than `max_size` bytes (`--max-size`).
pub fn read_limited(source: &Source, policy: Published, max_size: u64) -> Result<Article> {
    let article = match source {
        Source::File(p) => {
            // A file that is not there is named as such ("a.md: no such file
            // or directory"), as the command line's other paths are.
            if let Err(e) = std::fs::symlink_metadata(p) {
                bail!("{}: {}", facts_display_path(p), io_reason(&e));
            }
            crate::article::read_limited(p, fallback_date(policy, Some(p)), max_size)?
        }
        Source::Stdin => {
            let bytes = crate::article::read_bounded(std::io::stdin().lock(), "<stdin>", max_size)?;
            // Standard input is Markdown when it opens with front matter.
            let format = if bytes.starts_with(b"---") || bytes.starts_with(b"+++") {
                Format::Markdown
            } else {
                Format::Plain
            };
            Article::parse("<stdin>", bytes, format, fallback_date(policy, None))?
        }
        Source::StdinAs(name) => {
            let shown = facts_display_path(name);
            let bytes = crate::article::read_bounded(std::io::stdin().lock(), &shown, max_size)?;
            Article::parse(&shown, bytes, Format::for_path(name), fallback_date(policy, None))?
        }
    };
    if policy == Published::Required && article.published.is_none() {
        bail!(
            "{}: no publication date; add `published: YYYY-MM-DD` to its front matter or pass --published (factcheck.toml requires one)",
            article.path
        );
    }
    Ok(article)
}

fn fallback_date(policy: Published, path: Option<&Path>) -> Option<Date> {
    match policy {
        Published::On(d) => Some(d),
        Published::Today => Some(jiff::ZonedDateTime::now().date()),
        Published::Modified => {
            let modified = std::fs::metadata(path?).ok()?.modified().ok()?;
            let ts = jiff::Timestamp::try_from(modified).ok()?;
            Some(ts.to_zoned_datetime(jiff::tz::TimeZone::system()).date())
        }
        Published::FrontMatter | Published::Required => None,
    }
}

/// Read and check every source, in parallel; reports in the order of
/// `sources`. `done` is called once per article as it finishes (from any
/// thread), for a progress bar.
pub fn check_all(
    checker: &Checker,
    sources: &[Source],
    policy: Published,
    done: &(dyn Fn() + Sync),
) -> Result<Vec<ArticleReport>> {
    // The first failure in list order, whichever thread met it first.
    check_each(checker, sources, policy, crate::article::DEFAULT_MAX_SIZE, done)
        .into_iter()
        .collect()
}

/// The articles read before the checker was ready, one slot per source:
/// `None` for a source still to be read (see [`read_ahead`]).
#[derive(Default)]
pub struct ReadAhead(Vec<Option<Result<Article>>>);

impl ReadAhead {
    /// How many sources were read ahead (whether or not they could be read).
    pub fn len(&self) -> usize {
        self.0.iter().filter(|slot| slot.is_some()).count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Read and parse sources, in parallel and in any order, until `stop` is
/// set: meant to run beside loading the fact base, which on a large base
/// takes a while and leaves cores idle. Each article is read once either
/// way; one read ahead is only held until it is checked, so the outcome is
/// the same as without it, and the memory held is at most what was read
/// before `stop`.
pub fn read_ahead(sources: &[Source], policy: Published, max_size: u64, stop: &AtomicBool) -> ReadAhead {
    ReadAhead(
        sources
            .par_iter()
            .map(|s| (!stop.load(Ordering::Relaxed)).then(|| read_limited(s, policy, max_size)))
            .collect(),
    )
}

/// Read and check every source, in parallel, keeping each one's outcome in
/// the order of `sources`: an article that cannot be read (missing,
/// unreadable, not UTF-8, over `max_size` bytes) does not stop the others,
/// so a run can report on all it could check and still fail on the rest.
pub fn check_each(
    checker: &Checker,
    sources: &[Source],
    policy: Published,
    max_size: u64,
    done: &(dyn Fn() + Sync),
) -> Vec<Result<ArticleReport>> {
    check_read_ahead(checker, sources, ReadAhead::default(), policy, max_size, done)
}

/// As [`check_each`], taking the articles already read from `ahead`.
fn check_read_ahead(
    checker: &Checker,
    sources: &[Source],
    ahead: ReadAhead,
    policy: Published,
    max_size: u64,
    done: &(dyn Fn() + Sync),
) -> Vec<Result<ArticleReport>> {
    let mut slots = ahead.0;
    slots.resize_with(sources.len(), || None);
    let one = |(s, read): (&Source, Option<Result<Article>>)| {
        let r = read.unwrap_or_else(|| read_limited(s, policy, max_size)).map(|a| {
            let mut report = checker.check(a);
            // Reports read the text, never the prose copy: on a large batch
            // that copy would be as large again as the articles themselves.
            report.article.prose = String::new();
            report.article.sentences = Vec::new();
            report
        });
        done();
        r
    };
    // One article is not worth starting the thread pool for.
    if sources.len() < 2 {
        sources.iter().zip(slots).map(one).collect()
    } else {
        sources.par_iter().zip(slots.into_par_iter()).map(one).collect()
    }
}

/// As [`check_each`], split: the reports of the articles checked, in list
/// order, and the articles that could not be read, in list order, each with
/// its one-line reason. The articles in `ahead` are not read again.
pub fn check_batch(
    checker: &Checker,
    sources: &[Source],
    ahead: ReadAhead,
    policy: Published,
    max_size: u64,
    done: &(dyn Fn() + Sync),
) -> (Vec<ArticleReport>, Vec<Unread>) {
    let mut articles = Vec::with_capacity(sources.len());
    let mut unread = Vec::new();
    let outcomes = check_read_ahead(checker, sources, ahead, policy, max_size, done);
    for (source, r) in sources.iter().zip(outcomes) {
        match r {
            Ok(a) => articles.push(a),
            Err(e) => unread.push(Unread {
                path: source.shown(),
                error: format!("{e:#}"),
            }),
        }
    }
    (articles, unread)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn globs(patterns: &[&str]) -> Globs {
        Globs::new(
            Path::new("/proj"),
            &patterns.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
        )
        .unwrap()
    }

    #[test]
    fn anchored_globs_match_from_their_folder_and_take_subfolders_along() {
        let g = globs(&["articles/drafts"]);
        assert!(g.matches(Path::new("/proj/articles/drafts/a.md")));
        assert!(g.matches(Path::new("/proj/articles/drafts/x/b.md")));
        assert!(!g.matches(Path::new("/proj/articles/a.md")));
        assert!(!g.matches(Path::new("/other/articles/drafts/a.md")));
        let g = globs(&["articles/*.txt"]);
        assert!(g.matches(Path::new("/proj/articles/brief.txt")));
        assert!(
            !g.matches(Path::new("/proj/articles/sub/brief.txt")),
            "* stays in one folder"
        );
        let g = globs(&["articles/**/*.txt", "./x/"]);
        assert!(g.matches(Path::new("/proj/articles/sub/brief.txt")));
        assert!(g.matches(Path::new("/proj/x/a.md")));
        assert!(g.matches(Path::new("/proj/articles/../x/a.md")));
    }

    #[test]
    fn bare_names_match_anywhere() {
        let g = globs(&["drafts", "*.wip.md"]);
        assert!(g.matches(Path::new("/proj/articles/drafts/a.md")));
        assert!(g.matches(Path::new("/elsewhere/notes.wip.md")));
        assert!(!g.matches(Path::new("/proj/articles/a.md")));
    }

    #[test]
    fn published_policies_parse() {
        assert_eq!("today".parse(), Ok(Published::Today));
        assert_eq!("2026-01-07".parse(), Ok(Published::On(Date::constant(2026, 1, 7))));
        assert!("2026-02-30".parse::<Published>().is_err());
    }
}
