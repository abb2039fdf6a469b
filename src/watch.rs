//! Watch mode: wait for an article, a fact-base file or the config to be saved.
//!
//! Folders are watched recursively; a single file is watched through its
//! folder, because editors save by writing a new file and renaming it over
//! the old one, which a watch on the file itself would lose. Events are
//! debounced (one save is often several writes) and filtered to the files
//! that matter: articles and TOML files under watched folders, and the
//! watched files themselves. The loop that re-checks and prints lives in
//! the binary; this module only says when.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use anyhow::{Result, anyhow};
use notify_debouncer_mini::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer};

use crate::input::ARTICLE_EXTENSIONS;
use crate::{facts_display_path, io_reason};

/// How long the files must be quiet before a change is reported.
pub const DEBOUNCE: Duration = Duration::from_millis(150);

/// A set of watched files and folders.
pub struct Watcher {
    _debouncer: Debouncer<RecommendedWatcher>,
    rx: Receiver<DebounceEventResult>,
    files: Vec<PathBuf>,
    dirs: Vec<PathBuf>,
}

impl Watcher {
    /// Watch `paths` (files or folders; `-` is skipped).
    pub fn new(paths: &[PathBuf]) -> Result<Watcher> {
        let (tx, rx) = channel();
        let mut debouncer = new_debouncer(DEBOUNCE, tx).map_err(|e| anyhow!("cannot watch files: {e}"))?;
        let mut files = Vec::new();
        let mut dirs = Vec::new();
        for p in paths.iter().filter(|p| p.as_os_str() != "-") {
            let shown = facts_display_path(p);
            let canonical = std::fs::canonicalize(p).map_err(|e| anyhow!("{shown}: {}", io_reason(&e)))?;
            let (target, mode) = if canonical.is_dir() {
                dirs.push(canonical.clone());
                (canonical, RecursiveMode::Recursive)
            } else {
                let parent = canonical.parent().map(Path::to_path_buf).unwrap_or_default();
                files.push(canonical);
                (parent, RecursiveMode::NonRecursive)
            };
            debouncer
                .watcher()
                .watch(&target, mode)
                .map_err(|e| anyhow!("{shown}: cannot watch: {e}"))?;
        }
        Ok(Watcher {
            _debouncer: debouncer,
            rx,
            files,
            dirs,
        })
    }

    /// Whether a change to `path` calls for a new check.
    fn matters(&self, path: &Path) -> bool {
        if self.files.iter().any(|f| f == path) {
            return true;
        }
        let relevant = path
            .extension()
            .and_then(|x| x.to_str())
            .is_some_and(|x| x == "toml" || ARTICLE_EXTENSIONS.contains(&x));
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        relevant && !hidden && self.dirs.iter().any(|d| path.starts_with(d))
    }

    /// Block until something that matters changes; the changed paths, sorted.
    pub fn changed(&self) -> Result<Vec<PathBuf>> {
        loop {
            let batch = self
                .rx
                .recv()
                .map_err(|_| anyhow!("the file watcher stopped"))?
                .map_err(|e| anyhow!("file watcher: {e}"))?;
            let mut paths: Vec<PathBuf> = batch.into_iter().map(|e| e.path).filter(|p| self.matters(p)).collect();
            if !paths.is_empty() {
                paths.sort();
                paths.dedup();
                return Ok(paths);
            }
        }
    }
}
