//! Watch mode: wait for an article, a fact-base file or the config to be saved.
//!
//! Folders are watched recursively; a single file is watched through its
//! folder, because editors save by writing a new file and renaming it over
//! the old one, which a watch on the file itself would lose.
//!
//! Only changes count: a file created, written, renamed or removed (and a
//! file opened for writing being closed). The file-system watcher also
//! reports files being opened and read, and each check reads every article
//! and the fact base: counting those made every check trigger the next, in
//! a loop. So `notify` is used directly (a debouncer would hide the event
//! kinds) and events are filtered by kind, then by path: articles and TOML
//! files under watched folders, and the watched files themselves, but never
//! the reports the watch itself writes (`-o`, `--report`). Then the watcher
//! waits until the files have been quiet for [`DEBOUNCE`] (one save is
//! often several writes) and says what changed. The loop that re-checks and
//! prints lives in the binary; this module only says when.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::Duration;

use anyhow::{Result, anyhow};
use notify::event::{AccessKind, AccessMode, ModifyKind};
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher as _};

use crate::input::ARTICLE_EXTENSIONS;
use crate::{facts_display_path, io_reason};

/// How long the files must be quiet before a change is reported.
pub const DEBOUNCE: Duration = Duration::from_millis(150);

/// A set of watched files and folders.
pub struct Watcher {
    _watcher: RecommendedWatcher,
    rx: Receiver<notify::Result<Event>>,
    files: Vec<PathBuf>,
    dirs: Vec<PathBuf>,
    /// Files written by the watch itself (its reports): never a reason to check.
    ignored: Vec<PathBuf>,
}

/// Whether an event of this kind changes what a check would read: a file
/// created, written, renamed or removed, or closed after writing. Opening,
/// reading and closing a file (as every check does), and metadata alone
/// (permissions, access times), are not changes.
pub fn is_change(kind: &EventKind) -> bool {
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Modify(_) => true,
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) | EventKind::Any | EventKind::Other => false,
    }
}

/// `path` made absolute with its folder canonicalised, for a file that may
/// not exist yet (a report not written so far).
fn resolved(path: &Path) -> PathBuf {
    if let Ok(p) = std::fs::canonicalize(path) {
        return p;
    }
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    match (abs.parent(), abs.file_name()) {
        (Some(dir), Some(name)) => std::fs::canonicalize(dir).map_or(abs.clone(), |d| d.join(name)),
        _ => abs,
    }
}

impl Watcher {
    /// Watch `paths` (files or folders; `-` is skipped), never reporting a
    /// change to one of `ignore` (the reports the watch writes).
    pub fn new(paths: &[PathBuf], ignore: &[PathBuf]) -> Result<Watcher> {
        let (tx, rx) = channel();
        let mut watcher = notify::recommended_watcher(move |event| {
            // The receiver is gone only when the watch is over.
            let _ = tx.send(event);
        })
        .map_err(|e| anyhow!("cannot watch files: {e}"))?;
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
            watcher
                .watch(&target, mode)
                .map_err(|e| anyhow!("{shown}: cannot watch: {e}"))?;
        }
        Ok(Watcher {
            _watcher: watcher,
            rx,
            files,
            dirs,
            ignored: ignore.iter().map(|p| resolved(p)).collect(),
        })
    }

    /// Whether a change to `path` calls for a new check.
    fn matters(&self, path: &Path) -> bool {
        if self.ignored.iter().any(|f| f == path) {
            return false;
        }
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

    /// The paths of one event that call for a new check.
    fn changes(&self, event: notify::Result<Event>) -> Result<Vec<PathBuf>> {
        let event = event.map_err(|e| anyhow!("file watcher: {e}"))?;
        if !is_change(&event.kind) {
            return Ok(Vec::new());
        }
        Ok(event.paths.into_iter().filter(|p| self.matters(p)).collect())
    }

    /// Block until something that matters changes, and until the files have
    /// then been quiet for [`DEBOUNCE`]; the changed paths, sorted.
    pub fn changed(&self) -> Result<Vec<PathBuf>> {
        let stopped = || anyhow!("the file watcher stopped");
        let mut paths = Vec::new();
        while paths.is_empty() {
            let event = self.rx.recv().map_err(|_| stopped())?;
            paths.extend(self.changes(event)?);
        }
        loop {
            match self.rx.recv_timeout(DEBOUNCE) {
                Ok(event) => paths.extend(self.changes(event)?),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return Err(stopped()),
            }
        }
        paths.sort();
        paths.dedup();
        Ok(paths)
    }
}

#[cfg(test)]
mod tests {
    use notify::event::{CreateKind, DataChange, MetadataKind, RemoveKind, RenameMode};

    use super::*;

    #[test]
    fn reading_a_file_is_not_a_change() {
        for kind in [
            EventKind::Access(AccessKind::Open(AccessMode::Any)),
            EventKind::Access(AccessKind::Read),
            EventKind::Access(AccessKind::Close(AccessMode::Read)),
            EventKind::Modify(ModifyKind::Metadata(MetadataKind::Any)),
            EventKind::Any,
        ] {
            assert!(!is_change(&kind), "{kind:?}");
        }
        for kind in [
            EventKind::Create(CreateKind::File),
            EventKind::Modify(ModifyKind::Data(DataChange::Any)),
            EventKind::Modify(ModifyKind::Name(RenameMode::To)),
            EventKind::Remove(RemoveKind::File),
            EventKind::Access(AccessKind::Close(AccessMode::Write)),
        ] {
            assert!(is_change(&kind), "{kind:?}");
        }
    }
}
