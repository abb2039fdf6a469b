//! `--write`: save the corrections that `--diff` shows, in place.
//!
//! Both come from [`settle`], so they never disagree. One pass of
//! corrections ([`report::corrections`]: every discrepancy with a single
//! suggestion, replaced by it) can make another claim judgeable: "more than
//! 41 countries gathered in Paris on 7 January 3137" is not judged as a
//! claim about the summit until the date is set right. So the corrected text
//! is checked again and corrected again, until a pass changes nothing (at
//! most [`MAX_PASSES`] passes); every correction of every pass comes from a
//! discrepancy verdict on the text it is applied to. A second `--write`
//! then has nothing left to do.
//!
//! A file is replaced through [`fsutil::write_atomic`] (a temporary file in
//! the same folder, renamed over the original, permissions kept). A
//! read-only file is refused rather than replaced (renaming over it would
//! succeed, and as root even writing it would); a file that changed since
//! it was checked is left alone.

use std::fs;
use std::path::Path;

use anyhow::{Result, anyhow, bail};

use crate::report::{self, ArticleReport, Unfixable};
use crate::{Checker, fsutil, io_reason};

/// The most passes of corrections [`settle`] makes before it gives up.
pub const MAX_PASSES: usize = 4;

/// The corrections of one article, brought to rest.
#[derive(Debug, Clone)]
pub struct Settled {
    /// The corrected text; `None` when nothing changes.
    pub text: Option<String>,
    /// Corrections applied, over every pass.
    pub applied: usize,
    /// Passes that changed the text (0 when nothing changes).
    pub passes: usize,
    /// The report on the corrected text; `None` when nothing changes (the
    /// original report stands).
    pub recheck: Option<ArticleReport>,
    /// The discrepancies left in the last report (see [`Settled::report`]),
    /// with why each is not corrected.
    pub unfixable: Vec<(usize, Unfixable)>,
    /// Corrections the last report still has, when the passes ran out
    /// (`false` from [`Settled::at_rest`]): indices into its claims.
    pub pending: Vec<usize>,
}

impl Settled {
    /// Whether the text is at rest: correcting it again changes nothing.
    pub fn at_rest(&self) -> bool {
        self.pending.is_empty()
    }

    /// Whether the file changes.
    pub fn changed(&self) -> bool {
        self.text.is_some()
    }

    /// The report on the text as corrected (the original's when nothing changes).
    pub fn report<'a>(&'a self, original: &'a ArticleReport) -> &'a ArticleReport {
        self.recheck.as_ref().unwrap_or(original)
    }
}

/// Correct one article until a pass changes nothing.
///
/// Each pass applies [`report::corrections`] to the latest text, then checks
/// the result again with `checker`. It stops when a pass has nothing to
/// apply (at rest), or after [`MAX_PASSES`] passes, or when a pass would
/// bring back a text seen before (corrections undoing each other): then the
/// text after the last pass is kept and the corrections still pending are
/// in [`Settled::pending`], so the caller can say so.
pub fn settle(checker: &Checker, a: &ArticleReport) -> Result<Settled> {
    let first = report::corrections(a);
    let Some(mut text) = first.text else {
        return Ok(Settled {
            text: None,
            applied: 0,
            passes: 0,
            recheck: None,
            unfixable: first.unfixable,
            pending: Vec::new(),
        });
    };
    let mut applied = first.applied.len();
    let mut passes = 1;
    let mut seen = vec![a.article.text.clone()];
    loop {
        let again = checker
            .recheck(&a.article, text.clone())
            .map_err(|e| anyhow!("{}: cannot check the corrected text: {e:#}", a.article.path))?;
        let next = report::corrections(&again);
        let pending = match next.text {
            None => Vec::new(),
            Some(t) if passes < MAX_PASSES && !seen.contains(&t) => {
                applied += next.applied.len();
                passes += 1;
                seen.push(std::mem::replace(&mut text, t));
                continue;
            }
            Some(_) => next.applied,
        };
        return Ok(Settled {
            text: Some(text),
            applied,
            passes,
            recheck: Some(again),
            unfixable: next.unfixable,
            pending,
        });
    }
}

/// Apply one article's corrections to its file (as [`settle`] finds them).
pub fn write(checker: &Checker, a: &ArticleReport) -> Result<Settled> {
    let settled = settle(checker, a)?;
    if let Some(new) = &settled.text {
        if a.article.path == "<stdin>" {
            bail!("<stdin>: --write cannot correct standard input; use --diff");
        }
        replace(Path::new(&a.article.path), &a.article.text, new)?;
    }
    Ok(settled)
}

/// The unified diff of `--diff` for one article, as [`settle`] corrects it.
pub fn diff(checker: &Checker, a: &ArticleReport) -> Result<(Option<String>, Settled)> {
    let settled = settle(checker, a)?;
    let diff = settled.text.as_deref().map(|new| report::corrections_diff(a, new));
    Ok((diff, settled))
}

/// Replace the file at `path`, which must still hold `old`, with `new`.
pub fn replace(path: &Path, old: &str, new: &str) -> Result<()> {
    let shown = crate::facts_display_path(path);
    let meta = fs::metadata(path).map_err(|e| anyhow!("{shown}: {}", io_reason(&e)))?;
    if meta.permissions().readonly() {
        bail!("{shown}: file is read-only; not changed");
    }
    let on_disk = fs::read(path).map_err(|e| anyhow!("{shown}: {}", io_reason(&e)))?;
    if on_disk != old.as_bytes() {
        bail!("{shown}: file changed while it was being checked; not changed");
    }
    fsutil::write_atomic(path, new.as_bytes())
        .map_err(|e| anyhow!("{shown}: cannot write: {}; not changed", fsutil::reason(&e)))
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
