//! `factcheck precommit FILE...`: what the pre-commit hook runs.
//!
//! pre-commit names the files a commit changes (those its `files` pattern
//! lets through). Of those:
//!
//! - a fact-base file (a `.toml` file among `facts`, or under a `facts`
//!   folder) or `factcheck.toml` itself changes what every article is
//!   checked against, so every article is checked (`include` in
//!   factcheck.toml, else the `articles/` folder);
//! - otherwise the articles among them (the files `include` selects, or
//!   those under `articles/`; `exclude` applies) are checked;
//! - anything else (a README, docs) is left alone, and with nothing to
//!   check the hook passes quietly.
//!
//! The check itself is `factcheck check`'s, with its exit codes.

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use clap::Args;

use factcheck::config;
use factcheck::input::{ARTICLE_EXTENSIONS, Globs};

use crate::{CheckArgs, Common, ConfigArgs, Output, exit, fact_paths, run_check};

/// The folder of articles when `factcheck.toml` sets no `include`.
const DEFAULT_ARTICLES: &str = "articles";

#[derive(Args)]
pub struct PrecommitArgs {
    /// The files the commit changes, as pre-commit passes them.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Fact-base file or folder (repeatable) [default: `facts` in factcheck.toml, or ./claims]
    #[arg(short = 'f', long = "facts", value_name = "PATH")]
    facts: Vec<PathBuf>,
    #[command(flatten)]
    cfg: ConfigArgs,
    #[command(flatten)]
    output: Output,
}

/// What a commit's files call for.
#[derive(Debug, PartialEq, Eq)]
enum Plan {
    /// The fact base or the settings changed: every article.
    All,
    /// These articles changed.
    Articles(Vec<PathBuf>),
    /// Nothing the check reads changed.
    Nothing,
}

/// Canonical, or absolute when the file is gone.
fn key(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf()))
}

fn plan(args: &PrecommitArgs, cwd: &Path) -> Result<Plan> {
    let config = args.cfg.load(cwd)?;
    let facts: Vec<PathBuf> = fact_paths(&args.facts, &args.cfg)?.iter().map(|p| key(p)).collect();
    let config_file = config.as_ref().map(|c| key(&c.dir.join(config::FILE_NAME)));
    let include = match config.as_ref().filter(|c| !c.include.is_empty()) {
        Some(c) => Globs::new(&c.dir, &c.include).map_err(|e| anyhow::anyhow!("{}: {e}", c.file))?,
        // Anchored at the working directory: `docs/articles/` is no article folder.
        None => Globs::new(cwd, &[format!("{DEFAULT_ARTICLES}/**")]).map_err(|e| anyhow::anyhow!("{e}"))?,
    };
    let mut articles = Vec::new();
    for file in &args.files {
        let k = key(file);
        let toml = file.extension().is_some_and(|x| x == "toml");
        let in_base = facts.iter().any(|f| *f == k || toml && k.starts_with(f));
        if in_base || config_file.as_ref() == Some(&k) || args.cfg.config.as_deref().map(key) == Some(k.clone()) {
            return Ok(Plan::All);
        }
        let article = file
            .extension()
            .and_then(|x| x.to_str())
            .is_some_and(|x| ARTICLE_EXTENSIONS.contains(&x));
        if article && include.matches(file) {
            articles.push(file.clone());
        }
    }
    Ok(if articles.is_empty() {
        Plan::Nothing
    } else {
        Plan::Articles(articles)
    })
}

pub fn run(args: &PrecommitArgs) -> Result<u8> {
    let cwd = std::env::current_dir()?;
    let articles = match plan(args, &cwd)? {
        Plan::Nothing => return Ok(exit::CLEAN),
        Plan::Articles(files) => files,
        Plan::All => {
            let config = args.cfg.load(&cwd)?;
            if config.is_some_and(|c| !c.include.is_empty()) {
                // `include` in factcheck.toml selects them.
                Vec::new()
            } else if cwd.join(DEFAULT_ARTICLES).is_dir() {
                vec![PathBuf::from(DEFAULT_ARTICLES)]
            } else {
                bail!(
                    "the fact base changed, but there are no articles to check it against: \
                     set `include` in {} or keep them in {DEFAULT_ARTICLES}/",
                    config::FILE_NAME
                );
            }
        }
    };
    let check = CheckArgs {
        common: Common {
            articles,
            facts: args.facts.clone(),
            published: None,
            exclude: Vec::new(),
            // pre-commit names every changed file: `exclude` still applies.
            force_exclude: true,
            cfg: args.cfg.clone(),
            stdin_filename: None,
            max_size: None,
            no_cache: false,
        },
        output: args.output.clone(),
        diff: false,
        write: false,
        watch: false,
    };
    run_check(&check)
}
