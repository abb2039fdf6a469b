//! `--write`: save the corrections that `--diff` shows, in place.
//!
//! The text written is exactly [`report::corrections`]'s, the same that
//! `--diff` prints, so the two never disagree. A file is replaced
//! atomically: the new text goes to a temporary file in the same folder,
//! which gets the original's permissions and then takes its name, so a
//! reader (or a crash) sees the old article or the new one, never half of
//! each. A read-only file is refused rather than replaced (renaming over it
//! would succeed, and as root even writing it would); a file that changed
//! since it was checked is left alone.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};

use crate::io_reason;
use crate::report::{self, ArticleReport, Corrections};

/// What `--write` did to one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub path: String,
    pub corrections: Corrections,
}

impl Written {
    /// Whether the file was changed.
    pub fn changed(&self) -> bool {
        self.corrections.text.is_some()
    }
}

/// Apply one article's corrections to its file.
pub fn write(a: &ArticleReport) -> Result<Written> {
    let corrections = report::corrections(a);
    if let Some(new) = &corrections.text {
        if a.article.path == "<stdin>" {
            bail!("<stdin>: --write cannot correct standard input; use --diff");
        }
        replace(Path::new(&a.article.path), &a.article.text, new)?;
    }
    Ok(Written {
        path: a.article.path.clone(),
        corrections,
    })
}

/// Replace the file at `path`, which must still hold `old`, with `new`.
pub fn replace(path: &Path, old: &str, new: &str) -> Result<()> {
    let shown = crate::facts_display_path(path);
    // Write next to the file the link points at, not over the link.
    let target = fs::canonicalize(path).map_err(|e| anyhow!("{shown}: {}", io_reason(&e)))?;
    let meta = fs::metadata(&target).map_err(|e| anyhow!("{shown}: {}", io_reason(&e)))?;
    if meta.permissions().readonly() {
        bail!("{shown}: file is read-only; not changed");
    }
    let on_disk = fs::read(&target).map_err(|e| anyhow!("{shown}: {}", io_reason(&e)))?;
    if on_disk != old.as_bytes() {
        bail!("{shown}: file changed while it was being checked; not changed");
    }
    let dir = target.parent().unwrap_or(Path::new("."));
    let tmp = temp_path(&target);
    let result = (|| -> Result<()> {
        let mut f = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
            .map_err(|e| anyhow!("{}: cannot create a temporary file: {}", dir.display(), io_reason(&e)))?;
        f.write_all(new.as_bytes())
            .and_then(|_| f.sync_all())
            .map_err(|e| anyhow!("{shown}: cannot write: {}", io_reason(&e)))?;
        fs::set_permissions(&tmp, meta.permissions())
            .map_err(|e| anyhow!("{shown}: cannot keep its permissions: {}", io_reason(&e)))?;
        fs::rename(&tmp, &target).with_context(|| format!("{shown}: cannot replace"))?;
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// `.NAME.factcheck-PID.tmp` beside the file: hidden, and unique per process.
fn temp_path(target: &Path) -> PathBuf {
    let name = target.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    target.with_file_name(format!(".{name}.factcheck-{}.tmp", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn replacing_keeps_permissions_and_refuses_read_only_and_changed_files() {
        use std::os::unix::fs::PermissionsExt;
        let dir = std::env::temp_dir().join(format!("factcheck-fix-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let p = dir.join("a.md");
        fs::write(&p, "36 countries").unwrap();
        fs::set_permissions(&p, fs::Permissions::from_mode(0o640)).unwrap();
        replace(&p, "36 countries", "35 countries").unwrap();
        assert_eq!(fs::read_to_string(&p).unwrap(), "35 countries");
        assert_eq!(fs::metadata(&p).unwrap().permissions().mode() & 0o777, 0o640);
        let e = replace(&p, "36 countries", "x").unwrap_err().to_string();
        assert!(e.ends_with("changed while it was being checked; not changed"), "{e}");
        fs::set_permissions(&p, fs::Permissions::from_mode(0o444)).unwrap();
        let e = replace(&p, "35 countries", "x").unwrap_err().to_string();
        assert!(e.ends_with("a.md: file is read-only; not changed"), "{e}");
        assert_eq!(fs::read_to_string(&p).unwrap(), "35 countries");
        let leftovers = fs::read_dir(&dir).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary file left behind");
        fs::set_permissions(&p, fs::Permissions::from_mode(0o644)).unwrap();
        fs::remove_dir_all(&dir).unwrap();
    }
}
