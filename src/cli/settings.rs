//! Raw flags plus `factcheck.toml` → the settings a run uses.
//!
//! The flags as typed ([`crate::Common`], [`crate::Output`]) stay apart from
//! the resolved policy (ripgrep's low/high args): a flag given on the
//! command line wins, then the config file, then the built-in default.

use std::path::PathBuf;

use anyhow::{Result, anyhow, bail};

use factcheck::config::{self, FailOn};
use factcheck::input::{self, Filter, Globs, Published, Source};
use factcheck::report::Format;

use crate::{Common, FailOnArg, FormatArg};

/// Which articles a run checks.
#[derive(Debug, Clone)]
pub enum Articles {
    /// Named on the command line.
    Named(Vec<PathBuf>),
    /// Selected by `include` globs, relative to the config's folder.
    Included { root: PathBuf, globs: Vec<String> },
}

/// Everything a check needs, decided once.
#[derive(Debug, Clone)]
pub struct Settings {
    pub articles: Articles,
    pub filter: Filter,
    pub facts: Vec<PathBuf>,
    pub published: Published,
    /// The largest article read, in bytes (`--max-size`).
    pub max_size: u64,
    pub format: Format,
    pub fail_on: FailOn,
    /// The config file in use, watched in watch mode.
    pub config_file: Option<PathBuf>,
    /// What standard input is reported as (`--stdin-filename`).
    pub stdin_name: Option<PathBuf>,
    /// Fact-base warnings are not printed (`--quiet`); set by the caller.
    pub quiet: bool,
    /// Rules whose claims are suppressed everywhere (`ignore` in the config).
    pub ignore: Vec<factcheck::rules::Rule>,
    /// Whether the fact base may come from, and go to, its cache
    /// (`--no-cache`, `FACTCHECK_NO_CACHE`).
    pub cache: bool,
}

impl Settings {
    pub fn resolve(common: &Common, format: Option<FormatArg>, fail_on: Option<FailOnArg>) -> Result<Settings> {
        let cwd = std::env::current_dir().map_err(|e| anyhow!("cannot read the working directory: {e}"))?;
        let config = common.cfg.load(&cwd)?;
        let config_dir = config.as_ref().map(|c| c.dir_from(&cwd));
        let mut filter = Filter {
            force: common.force_exclude,
            ..Filter::default()
        };
        if let Some(c) = config.as_ref().filter(|c| !c.exclude.is_empty()) {
            filter
                .exclude
                .push(Globs::new(&c.dir, &c.exclude).map_err(|e| anyhow!("{}: {e}", c.file))?);
        }
        if !common.exclude.is_empty() {
            for g in &common.exclude {
                input::glob(g).map_err(|e| anyhow!("--exclude: {e}"))?;
            }
            filter
                .exclude
                .push(Globs::new(&cwd, &common.exclude).map_err(|e| anyhow!("--exclude: {e}"))?);
        }
        let articles = match (&config, &config_dir) {
            _ if !common.articles.is_empty() => Articles::Named(common.articles.clone()),
            (Some(c), Some(dir)) if !c.include.is_empty() => Articles::Included {
                root: dir.clone(),
                globs: c.include.clone(),
            },
            _ => bail!(
                "no articles to check: name files or folders (or - for standard input), or set `include` in {}",
                config.as_ref().map_or(config::FILE_NAME, |c| c.file.as_str())
            ),
        };
        let facts = match &config {
            _ if !common.facts.is_empty() => common.facts.clone(),
            Some(c) if !c.facts.is_empty() => c.fact_paths(&cwd),
            _ => vec![PathBuf::from("claims")],
        };
        let published = match (common.published, config.as_ref().and_then(|c| c.published)) {
            (Some(d), _) => Published::On(d),
            (None, Some(p)) => p,
            (None, None) => Published::FrontMatter,
        };
        Ok(Settings {
            articles,
            filter,
            facts,
            published,
            max_size: common.max_size.unwrap_or(factcheck::article::DEFAULT_MAX_SIZE),
            format: format
                .map(Format::from)
                .or(config.as_ref().and_then(|c| c.format))
                .unwrap_or(Format::Human),
            fail_on: fail_on
                .map(FailOn::from)
                .or(config.as_ref().and_then(|c| c.fail_on))
                .unwrap_or(FailOn::Discrepancy),
            stdin_name: common.stdin_filename.clone(),
            quiet: false,
            ignore: config.as_ref().map(|c| c.ignore.clone()).unwrap_or_default(),
            cache: !common.no_cache && !factcheck::facts::cache::disabled_by_env(),
            config_file: config.map(|c| match config_dir {
                Some(dir) if common.cfg.config.is_none() => dir.join(config::FILE_NAME),
                _ => PathBuf::from(c.file),
            }),
        })
    }

    /// The articles to check, in order.
    pub fn sources(&self) -> Result<Vec<Source>> {
        match &self.articles {
            Articles::Named(paths) => {
                let sources = input::collect(paths, &self.filter)?;
                Ok(match &self.stdin_name {
                    Some(name) => sources
                        .into_iter()
                        .map(|s| match s {
                            Source::Stdin => Source::StdinAs(name.clone()),
                            other => other,
                        })
                        .collect(),
                    None => sources,
                })
            }
            Articles::Included { root, globs } => {
                let found = input::collect_included(root, globs, &self.filter)?;
                if found.is_empty() {
                    bail!("no articles match `include` ({})", globs.join(", "));
                }
                Ok(found)
            }
        }
    }

    /// Whether an article is read from standard input.
    pub fn reads_stdin(&self) -> bool {
        matches!(&self.articles, Articles::Named(p) if p.iter().any(|p| p.as_os_str() == "-"))
    }

    /// What watch mode watches: the articles (or the folders `include`
    /// starts from), the fact base and the config file.
    pub fn watch_paths(&self) -> Vec<PathBuf> {
        let mut paths: Vec<PathBuf> = match &self.articles {
            Articles::Named(p) => p.clone(),
            Articles::Included { root, globs } => globs
                .iter()
                .map(|g| root.join(input::literal_prefix(g)))
                .map(|p| {
                    if p.as_os_str().is_empty() {
                        PathBuf::from(".")
                    } else {
                        p
                    }
                })
                .filter(|p| p.exists())
                .collect(),
        };
        paths.extend(self.facts.iter().cloned());
        paths.extend(self.config_file.iter().cloned());
        paths.retain(|p| p.as_os_str() != "-");
        let mut seen = Vec::new();
        paths.retain(|p| {
            let key = std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
            let new = !seen.contains(&key);
            seen.push(key);
            new
        });
        paths
    }
}
