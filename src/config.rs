//! `factcheck.toml`: a project's defaults, so CI and editors run the same check.
//!
//! ```toml
//! facts = ["claims"]                   # fact-base files or folders
//! include = ["articles"]               # what `factcheck check` checks when no article is named
//! exclude = ["articles/drafts"]        # never checked when met in a folder or through `include`
//! fail-on = "discrepancy"              # discrepancy | unverifiable | never
//! format = "human"                     # any --format
//! published = "front-matter"           # front-matter | required | today | modified | a date
//! ignore = ["U002"]                    # rules whose claims are suppressed everywhere
//! ```
//!
//! The file is looked for in the working directory and then in each of its
//! ancestors; the nearest one wins (`--config PATH` names one, `--isolated`
//! ignores them all). Paths and globs in it are relative to its folder, so
//! the same file works from any subfolder. Command-line flags override it.
//!
//! Like the fact base, the file is walked as a spanned TOML tree rather than
//! through serde, so that an unknown key (almost always a typo) is reported
//! with `file:line:column` and a "did you mean".

use std::path::{Path, PathBuf};
use std::str::FromStr;

use anyhow::{Result, anyhow};
use jiff::civil::Date;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::input::{Published, glob};
use crate::report::Format;
use crate::rules::Rule;
use crate::span::LineIndex;
use crate::{facts_display_path, io_reason};

/// The file name looked for.
pub const FILE_NAME: &str = "factcheck.toml";

const KEYS: &[&str] = &[
    "facts",
    "include",
    "exclude",
    "fail-on",
    "format",
    "published",
    "ignore",
];

/// The lowest verdict that makes a run fail (exit 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailOn {
    Discrepancy,
    Unverifiable,
    Never,
}

impl FromStr for FailOn {
    type Err = String;

    fn from_str(s: &str) -> Result<FailOn, String> {
        match s {
            "discrepancy" => Ok(FailOn::Discrepancy),
            "unverifiable" => Ok(FailOn::Unverifiable),
            "never" => Ok(FailOn::Never),
            _ => Err(format!(
                "unknown fail-on level `{s}`; expected discrepancy, unverifiable or never"
            )),
        }
    }
}

/// A loaded `factcheck.toml`. Every key is optional.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// The file as shown in messages.
    pub file: String,
    /// Its folder (absolute): relative paths and globs in the file start here.
    pub dir: PathBuf,
    /// Fact-base files or folders, relative to `dir` (see [`Config::fact_paths`]).
    pub facts: Vec<PathBuf>,
    /// Globs (relative to `dir`) of the articles checked when none is named.
    pub include: Vec<String>,
    /// Globs (relative to `dir`) of articles never checked unless named.
    pub exclude: Vec<String>,
    pub fail_on: Option<FailOn>,
    pub format: Option<Format>,
    pub published: Option<Published>,
    /// Rules whose claims are suppressed everywhere (reported, never failing).
    pub ignore: Vec<Rule>,
}

impl Config {
    /// The nearest `factcheck.toml` in `start` or one of its ancestors, loaded.
    pub fn discover(start: &Path) -> Result<Option<Config>> {
        for dir in start.ancestors() {
            let candidate = dir.join(FILE_NAME);
            if candidate.is_file() {
                let shown = if dir == start {
                    PathBuf::from(FILE_NAME)
                } else {
                    candidate.clone()
                };
                return Config::load(&candidate, &shown).map(Some);
            }
        }
        Ok(None)
    }

    /// Load the file at `path` (`--config`); `shown` is how messages name it.
    pub fn load(path: &Path, shown: &Path) -> Result<Config> {
        let file = facts_display_path(shown);
        let bytes = std::fs::read(path).map_err(|e| anyhow!("{file}: {}", io_reason(&e)))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            let bytes = e.as_bytes();
            let valid = std::str::from_utf8(&bytes[..e.utf8_error().valid_up_to()]).unwrap_or_default();
            let p = LineIndex::new(valid).position(valid, valid.len());
            anyhow!(
                "{file}:{}:{}: not valid UTF-8 (TOML files must be UTF-8)",
                p.line,
                p.column
            )
        })?;
        let dir = std::path::absolute(path)
            .map_err(|e| anyhow!("{file}: {}", io_reason(&e)))?
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        Config::parse(&file, &text, dir).map_err(|p| anyhow!("{p}"))
    }

    /// Parse the text of a config file whose folder is `dir`.
    pub fn parse(file: &str, text: &str, dir: PathBuf) -> Result<Config, String> {
        let ctx = Ctx {
            file,
            text,
            index: LineIndex::new(text),
        };
        let root = DeTable::parse(text).map_err(|e| {
            let span = e.span().unwrap_or(0..0);
            ctx.at(
                span.start,
                &format!("invalid TOML: {}", e.message().trim().replace('\n', "; ")),
            )
        })?;
        let mut config = Config {
            file: file.to_owned(),
            dir,
            ..Config::default()
        };
        for (key, value) in root.get_ref().iter() {
            let name: &str = key.get_ref().as_ref();
            let at = key.span().start;
            match name {
                "facts" => {
                    config.facts = ctx
                        .strings(name, value)?
                        .into_iter()
                        .map(|(s, _)| PathBuf::from(s))
                        .collect();
                }
                "include" | "exclude" => {
                    let globs = ctx.strings(name, value)?;
                    for (g, offset) in &globs {
                        glob(g).map_err(|e| ctx.at(*offset, &format!("`{name}`: {e}")))?;
                    }
                    let globs = globs.into_iter().map(|(g, _)| g).collect();
                    if name == "include" {
                        config.include = globs;
                    } else {
                        config.exclude = globs;
                    }
                }
                "fail-on" | "fail_on" => {
                    let (s, offset) = ctx.string(name, value)?;
                    config.fail_on = Some(s.parse().map_err(|e: String| ctx.at(offset, &e))?);
                }
                "format" => {
                    let (s, offset) = ctx.string(name, value)?;
                    config.format = Some(s.parse().map_err(|e: String| ctx.at(offset, &e))?);
                }
                "published" => config.published = Some(ctx.published(value)?),
                "ignore" => {
                    for (code, offset) in ctx.strings(name, value)? {
                        let rule = Rule::from_code(&code).ok_or_else(|| {
                            ctx.at(
                                offset,
                                &format!("`ignore`: unknown rule `{code}` (`factcheck rules` lists them)"),
                            )
                        })?;
                        if !config.ignore.contains(&rule) {
                            config.ignore.push(rule);
                        }
                    }
                }
                other => {
                    return Err(ctx.at(at, &format!("unknown key `{other}`{}", did_you_mean(other))));
                }
            }
        }
        Ok(config)
    }

    /// The config's folder as seen from `cwd` (absolute): `""` when they are
    /// the same, `..` from a subfolder, so paths built on it stay short and
    /// relative (GitHub annotations need repository-relative paths).
    pub fn dir_from(&self, cwd: &Path) -> PathBuf {
        relative_to(&self.dir, cwd)
    }

    /// The `facts` paths as seen from `cwd`.
    pub fn fact_paths(&self, cwd: &Path) -> Vec<PathBuf> {
        let dir = self.dir_from(cwd);
        self.facts.iter().map(|f| dir.join(f)).collect()
    }
}

/// `path` relative to `base` (both absolute), by name: `..` where needed.
pub fn relative_to(path: &Path, base: &Path) -> PathBuf {
    let p: Vec<_> = path.components().collect();
    let b: Vec<_> = base.components().collect();
    let common = p.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if common == 0 {
        return path.to_path_buf();
    }
    let mut out = PathBuf::new();
    for _ in common..b.len() {
        out.push("..");
    }
    for c in &p[common..] {
        out.push(c);
    }
    out
}

fn did_you_mean(key: &str) -> String {
    let close = KEYS
        .iter()
        .map(|k| (strsim::damerau_levenshtein(&key.replace('_', "-"), k), *k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 3))
        .min();
    match close {
        Some((_, k)) => format!(" (did you mean `{k}`?)"),
        None => format!(" (expected one of: {})", KEYS.join(", ")),
    }
}

type Value<'i> = Spanned<DeValue<'i>>;

/// One config file being read: where problems point.
struct Ctx<'a> {
    file: &'a str,
    text: &'a str,
    index: LineIndex,
}

impl Ctx<'_> {
    fn at(&self, offset: usize, message: &str) -> String {
        let p = self.index.position(self.text, offset.min(self.text.len()));
        format!("{}:{}:{}: {message}", self.file, p.line, p.column)
    }

    fn wrong(&self, key: &str, value: &Value<'_>, expected: &str) -> String {
        let found = match value.get_ref() {
            DeValue::String(_) => "a string",
            DeValue::Integer(_) => "an integer",
            DeValue::Float(_) => "a decimal number",
            DeValue::Boolean(_) => "a boolean",
            DeValue::Datetime(_) => "a date",
            DeValue::Array(_) => "an array",
            DeValue::Table(_) => "a table",
        };
        self.at(
            value.span().start,
            &format!("`{key}` must be {expected}, found {found}"),
        )
    }

    fn string(&self, key: &str, value: &Value<'_>) -> Result<(String, usize), String> {
        match value.get_ref() {
            DeValue::String(s) => Ok((s.to_string(), value.span().start)),
            _ => Err(self.wrong(key, value, "a string")),
        }
    }

    /// A string or an array of strings, each with its offset.
    fn strings(&self, key: &str, value: &Value<'_>) -> Result<Vec<(String, usize)>, String> {
        match value.get_ref() {
            DeValue::String(s) => Ok(vec![(s.to_string(), value.span().start)]),
            DeValue::Array(items) => items
                .iter()
                .map(|item| self.string(key, item).map_err(|_| self.wrong(key, item, "a string")))
                .collect(),
            _ => Err(self.wrong(key, value, "a string or an array of strings")),
        }
    }

    fn published(&self, value: &Value<'_>) -> Result<Published, String> {
        let at = value.span().start;
        match value.get_ref() {
            DeValue::Datetime(dt) => match (dt.date, dt.time) {
                (Some(d), None) => Date::new(d.year as i16, d.month as i8, d.day as i8)
                    .map(Published::On)
                    .map_err(|_| self.at(at, "`published` is not a real date")),
                _ => Err(self.at(at, "`published` must be a date without a time (YYYY-MM-DD)")),
            },
            DeValue::String(s) => s.parse().map_err(|e: String| self.at(at, &e)),
            _ => Err(self.wrong("published", value, "a policy string or a date")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, String> {
        Config::parse("factcheck.toml", text, PathBuf::from("/proj"))
    }

    #[test]
    fn every_key_is_read_and_paths_start_at_the_file() {
        let c = parse(
            "facts = \"claims\"\ninclude = [\"articles\"]\nexclude = [\"articles/drafts/**\"]\n\
             fail-on = \"unverifiable\"\nformat = \"json\"\npublished = 2026-01-07\n",
        )
        .unwrap();
        assert_eq!(c.fact_paths(Path::new("/proj")), vec![PathBuf::from("claims")]);
        assert_eq!(
            c.fact_paths(Path::new("/proj/articles/x")),
            vec![PathBuf::from("../../claims")]
        );
        assert_eq!(c.fact_paths(Path::new("/")), vec![PathBuf::from("proj/claims")]);
        assert_eq!(c.include, vec!["articles"]);
        assert_eq!(c.exclude, vec!["articles/drafts/**"]);
        assert_eq!(c.fail_on, Some(FailOn::Unverifiable));
        assert_eq!(c.format, Some(Format::Json));
        assert_eq!(c.published, Some(Published::On(Date::constant(2026, 1, 7))));
        assert_eq!(
            parse("published = \"required\"").unwrap().published,
            Some(Published::Required)
        );
    }

    #[test]
    fn problems_name_the_line_and_column() {
        let e = parse("format = \"json\"\n  fail_onn = \"never\"\n").unwrap_err();
        assert_eq!(
            e,
            "factcheck.toml:2:3: unknown key `fail_onn` (did you mean `fail-on`?)"
        );
        let e = parse("format = \"pdf\"").unwrap_err();
        assert!(e.starts_with("factcheck.toml:1:10: unknown report format `pdf`"), "{e}");
        let e = parse("facts = 3").unwrap_err();
        assert_eq!(
            e,
            "factcheck.toml:1:9: `facts` must be a string or an array of strings, found an integer"
        );
        let e = parse("exclude = [\"a/[b\"]").unwrap_err();
        assert!(e.starts_with("factcheck.toml:1:12: `exclude`: "), "{e}");
        let e = parse("published = \"tomorrow\"").unwrap_err();
        assert!(
            e.starts_with("factcheck.toml:1:13: unknown published policy `tomorrow`"),
            "{e}"
        );
        let e = parse("format = [").unwrap_err();
        assert!(e.starts_with("factcheck.toml:1:"), "{e}");
        assert!(e.contains("invalid TOML"), "{e}");
    }
}
