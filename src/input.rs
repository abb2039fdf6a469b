//! Which articles to check: files, folders (recursed) and `-` for stdin.

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use jiff::civil::Date;

use crate::article::{Article, Format};
use crate::{facts_display_path, io_reason};

/// Extensions of article files found in folders.
pub const ARTICLE_EXTENSIONS: &[&str] = &["md", "markdown", "txt"];

/// One article to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Stdin,
    File(PathBuf),
}

/// Expand the command line's paths into article sources, folders sorted.
pub fn collect(paths: &[PathBuf]) -> Result<Vec<Source>> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Source::Stdin);
            continue;
        }
        let meta = std::fs::metadata(p).map_err(|e| anyhow::anyhow!("{}: {}", facts_display_path(p), io_reason(&e)))?;
        if meta.is_dir() {
            let before = out.len();
            walk(p, &mut out)?;
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
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<Source>) -> Result<()> {
    let rd = std::fs::read_dir(dir).map_err(|e| anyhow::anyhow!("{}: {}", facts_display_path(dir), io_reason(&e)))?;
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for e in entries {
        let name = e.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') {
            continue;
        }
        if e.is_dir() {
            // Like ripgrep, symlinked folders are not followed: one pointing
            // back at an ancestor would list the same articles forever.
            if !is_symlink(&e) {
                walk(&e, out)?;
            }
        } else if e
            .extension()
            .and_then(|x| x.to_str())
            .is_some_and(|x| ARTICLE_EXTENSIONS.contains(&x))
        {
            out.push(Source::File(e));
        }
    }
    Ok(())
}

pub(crate) fn is_symlink(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// Read and parse one article.
pub fn read(source: &Source, published: Option<Date>) -> Result<Article> {
    match source {
        Source::File(p) => crate::article::read(p, published),
        Source::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| anyhow::anyhow!("<stdin>: cannot read: {}", io_reason(&e)))?;
            // Standard input is Markdown when it opens with front matter.
            let format = if bytes.starts_with(b"---") || bytes.starts_with(b"+++") {
                Format::Markdown
            } else {
                Format::Plain
            };
            Article::parse("<stdin>", bytes, format, published)
        }
    }
}
