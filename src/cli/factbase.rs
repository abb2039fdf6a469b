//! The fact-base commands: `facts list`, `facts show`, `facts validate
//! --format json`, `suggest` and `schema`. They print; the library renders.

use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow, bail};
use clap::{Args, ValueEnum};
use jiff::civil::Date;

use factcheck::facts::{self, FactBase, Severity, inspect};
use factcheck::fsutil;
use factcheck::input::Published;

use crate::{ConfigArgs, eprint_line, exit, fact_paths, load_facts, parse_date, write_out};

/// Output of the fact-base commands.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FactsFormat {
    Human,
    Json,
}

/// Value keys, for `facts list --kind`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ValueKind {
    Date,
    Year,
    Count,
    Entity,
    Entities,
    Quote,
    Amount,
    Percent,
    Ordinal,
}

impl ValueKind {
    fn key(self) -> &'static str {
        match self {
            ValueKind::Date => "date",
            ValueKind::Year => "year",
            ValueKind::Count => "count",
            ValueKind::Entity => "entity",
            ValueKind::Entities => "entities",
            ValueKind::Quote => "quote",
            ValueKind::Amount => "amount",
            ValueKind::Percent => "percent",
            ValueKind::Ordinal => "ordinal",
        }
    }
}

#[derive(Args)]
pub struct ListArgs {
    /// Only facts whose id starts with PREFIX (e.g. `summit.`).
    #[arg(value_name = "PREFIX")]
    prefix: Option<String>,
    /// Only facts with this value key.
    #[arg(long, value_enum)]
    kind: Option<ValueKind>,
    /// Fact-base file or folder (repeatable) [default: `facts` in factcheck.toml, or ./claims]
    #[arg(short = 'f', long = "facts", value_name = "PATH")]
    facts: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = FactsFormat::Human, value_name = "FMT")]
    format: FactsFormat,
    #[command(flatten)]
    cfg: ConfigArgs,
}

#[derive(Args)]
pub struct ShowArgs {
    /// A fact id (or an entity id: the entity and the facts that name it).
    id: String,
    /// Fact-base file or folder (repeatable) [default: `facts` in factcheck.toml, or ./claims]
    #[arg(short = 'f', long = "facts", value_name = "PATH")]
    facts: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = FactsFormat::Human, value_name = "FMT")]
    format: FactsFormat,
    #[command(flatten)]
    cfg: ConfigArgs,
}

#[derive(Args)]
pub struct SuggestArgs {
    /// Articles to draft facts from: files, folders (recursed), or - for stdin.
    #[arg(required = true, value_name = "ARTICLE")]
    articles: Vec<PathBuf>,
    /// Fact-base file or folder (repeatable) [default: `facts` in factcheck.toml, or ./claims]
    #[arg(short = 'f', long = "facts", value_name = "PATH")]
    facts: Vec<PathBuf>,
    /// Publication date (YYYY-MM-DD) for articles without front matter.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    published: Option<Date>,
    /// Add the drafts to this fact-base file (kept byte for byte otherwise)
    /// instead of printing them; refused if the result would not validate.
    #[arg(long, value_name = "FILE")]
    append: Option<PathBuf>,
    #[command(flatten)]
    cfg: ConfigArgs,
}

/// Which schema `factcheck schema` prints.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    /// A fact-base file (claims/*.toml), as JSON.
    Facts,
    /// The JSON report (`check --format json`).
    Report,
    /// The claims found (`claims --format json`).
    Claims,
}

fn json_out(value: &serde_json::Value) -> Result<()> {
    write_out(None, |out| {
        serde_json::to_writer_pretty(&mut *out, value)?;
        writeln!(out)
    })
}

/// `facts validate --format json`: the problems as one document on stdout.
pub fn validate_json(paths: &[PathBuf], cfg: &ConfigArgs) -> Result<u8> {
    let (base, problems) = facts::validate_paths(&fact_paths(paths, cfg)?);
    json_out(&inspect::problems_json(base.as_ref(), &problems))?;
    let errors = problems.iter().any(|p| p.severity == Severity::Error);
    Ok(if errors { exit::ERROR } else { exit::CLEAN })
}

pub fn list(args: &ListArgs) -> Result<u8> {
    let (checker, _) = load_facts(&fact_paths(&args.facts, &args.cfg)?, false)?;
    let base = &checker.base;
    let facts = inspect::select(base, args.kind.map(ValueKind::key), args.prefix.as_deref());
    match args.format {
        FactsFormat::Json => json_out(&serde_json::json!({
            "version": inspect::FACTS_JSON_VERSION,
            "facts": facts.iter().map(|f| inspect::fact_json(base, f)).collect::<Vec<_>>(),
        }))?,
        FactsFormat::Human => write_out(None, |out| {
            for line in inspect::list_lines(base, &facts) {
                writeln!(out, "{line}")?;
            }
            Ok(())
        })?,
    }
    Ok(exit::CLEAN)
}

/// The closest ids to a mistyped one, for the error message.
fn did_you_mean(base: &FactBase, id: &str) -> String {
    let best = base
        .facts
        .iter()
        .map(|f| f.id.as_str())
        .chain(base.entities.iter().map(|e| e.id.as_str()))
        .map(|known| (strsim::damerau_levenshtein(id, known), known))
        .filter(|(d, known)| *d <= 2.max(known.len() / 3))
        .min();
    best.map(|(_, k)| format!(" (did you mean `{k}`?)")).unwrap_or_default()
}

pub fn show(args: &ShowArgs) -> Result<u8> {
    let (checker, _) = load_facts(&fact_paths(&args.facts, &args.cfg)?, false)?;
    let base = &checker.base;
    if let Some(fact) = base.facts.iter().find(|f| f.id == args.id) {
        match args.format {
            FactsFormat::Json => json_out(&inspect::fact_json(base, fact))?,
            FactsFormat::Human => write_out(None, |out| {
                for line in inspect::show_lines(base, fact) {
                    writeln!(out, "{line}")?;
                }
                Ok(())
            })?,
        }
        return Ok(exit::CLEAN);
    }
    let Some(entity) = base.entity(&args.id) else {
        bail!(
            "no fact or entity `{}` in the fact base{}",
            args.id,
            did_you_mean(base, &args.id)
        );
    };
    let naming: Vec<&facts::Fact> = base
        .facts
        .iter()
        .filter(|f| inspect::named_entities(f).contains(&entity.id.as_str()))
        .collect();
    match args.format {
        FactsFormat::Json => {
            let mut value = inspect::entity_json(entity);
            value["facts"] = naming.iter().map(|f| serde_json::json!(f.id)).collect();
            json_out(&value)?
        }
        FactsFormat::Human => write_out(None, |out| {
            for line in inspect::entity_lines(entity, "") {
                writeln!(out, "{line}")?;
            }
            if !naming.is_empty() {
                writeln!(out, "  named by:")?;
                for line in inspect::list_lines(base, &naming) {
                    writeln!(out, "    {line}")?;
                }
            }
            Ok(())
        })?,
    }
    Ok(exit::CLEAN)
}

pub fn schema(kind: SchemaKind) -> Result<u8> {
    let text = match kind {
        SchemaKind::Facts => factcheck::schema::facts_schema(),
        SchemaKind::Report => factcheck::schema::report_schema(),
        SchemaKind::Claims => factcheck::schema::claims_schema(),
    };
    write_out(None, |out| out.write_all(text.as_bytes()))?;
    Ok(exit::CLEAN)
}

/// The text of `target` (empty when it does not exist yet).
fn read_target(target: &Path) -> Result<String> {
    match std::fs::read(target) {
        Ok(bytes) => String::from_utf8(bytes).map_err(|_| anyhow!("{}: not valid UTF-8", target.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(String::new()),
        Err(e) => bail!("{}: {}", target.display(), e),
    }
}

/// Every fact draft must link back to the claim it came from, or it would
/// never check anything: the articles are checked again against the fact
/// base with the drafts in it (in `target`, or in a file of their own),
/// and a draft its claim does not link to moves to the claims not drafted.
/// When the drafts make the base invalid, they stay as they are (`--append`
/// then refuses them with the errors).
fn keep_drafts_that_link_back(
    paths: &[PathBuf],
    target: Option<&Path>,
    articles: Vec<factcheck::article::Article>,
    all: &mut factcheck::suggest::Suggestions,
) -> Result<()> {
    if all.drafts.iter().all(|d| d.array != "fact") {
        return Ok(());
    }
    let (file, existing) = match target {
        Some(t) => (t.to_path_buf(), read_target(t)?),
        None => (PathBuf::from("factcheck-suggested-drafts.toml"), String::new()),
    };
    let Ok(text) = factcheck::suggest::append(&existing, all) else {
        return Ok(());
    };
    let (base, problems) = facts::validate_with(paths, &file, &text);
    let Some(base) = base.filter(|_| problems.iter().all(|p| p.severity != Severity::Error)) else {
        return Ok(());
    };
    let checker = factcheck::Checker::new(base);
    let reports: Vec<_> = articles.into_iter().map(|a| checker.check(a)).collect();
    let (kept, dropped): (Vec<_>, Vec<_>) = std::mem::take(&mut all.drafts).into_iter().partition(|d| {
        reports
            .iter()
            .find(|r| d.at.starts_with(&format!("{}:", r.article.path)))
            .is_none_or(|r| factcheck::suggest::links_back(d, r).is_ok())
    });
    all.drafts = kept;
    for d in dropped {
        let why = reports
            .iter()
            .find(|r| d.at.starts_with(&format!("{}:", r.article.path)))
            .and_then(|r| factcheck::suggest::links_back(&d, r).err())
            .unwrap_or_default();
        all.skipped.push(factcheck::suggest::Skipped {
            at: d.at,
            text: d.text,
            why: format!("{why}: write its `about` phrases by hand"),
        });
    }
    Ok(())
}

pub fn suggest(args: &SuggestArgs) -> Result<u8> {
    let paths = fact_paths(&args.facts, &args.cfg)?;
    let (checker, _) = load_facts(&paths, false)?;
    let sources = factcheck::input::collect(&args.articles, &Default::default())?;
    let mut taken = factcheck::suggest::Taken::default();
    let mut all = factcheck::suggest::Suggestions::default();
    // As in `check`: --published, else `published` in the settings file.
    let policy = match args.published {
        Some(d) => Published::On(d),
        None => args
            .cfg
            .load(&std::env::current_dir()?)?
            .and_then(|c| c.published)
            .unwrap_or(Published::FrontMatter),
    };
    let mut articles = Vec::new();
    for source in &sources {
        let article = factcheck::input::read(source, policy)?;
        let s = factcheck::suggest::suggest(&checker, &article, &mut taken);
        all.drafts.extend(s.drafts);
        all.skipped.extend(s.skipped);
        articles.push(article);
    }
    drop(checker);
    keep_drafts_that_link_back(&paths, args.append.as_deref(), articles, &mut all)?;
    let Some(target) = &args.append else {
        if all.drafts.is_empty() && all.skipped.is_empty() {
            eprint_line("no unverifiable claims: nothing to suggest");
            return Ok(exit::CLEAN);
        }
        let text = factcheck::suggest::render(&all);
        write_out(None, |out| out.write_all(text.as_bytes()))?;
        return Ok(exit::CLEAN);
    };
    for k in &all.skipped {
        eprint_line(&format!("{}: not drafted ({}): {}", k.at, k.text, k.why));
    }
    if all.drafts.is_empty() {
        eprint_line(&format!("{}: nothing to add", target.display()));
        return Ok(exit::CLEAN);
    }
    let existing = read_target(target)?;
    let text = factcheck::suggest::append(&existing, &all).map_err(|e| anyhow::anyhow!("{}: {e}", target.display()))?;
    // The file is written only if the whole fact base, with it, still validates.
    let (_, problems) = facts::validate_with(&paths, target, &text);
    let errors: Vec<String> = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(ToString::to_string)
        .collect();
    if !errors.is_empty() {
        bail!(
            "{}: not changed: with the drafts the fact base would not validate:\nerror: {}",
            target.display(),
            errors.join("\nerror: ")
        );
    }
    // A temporary file beside it, renamed over it: a reader (or a crash)
    // never sees half a fact base, and on any error it stays as it was.
    fsutil::write_atomic(target, text.as_bytes())
        .map_err(|e| anyhow!("{}: cannot write: {}", target.display(), fsutil::reason(&e)))?;
    let ids: Vec<&str> = all.drafts.iter().map(|d| d.id.as_str()).collect();
    eprint_line(&format!(
        "{}: added {} ({}); fill in each `source` before relying on them",
        target.display(),
        factcheck::report::plural(ids.len(), "draft", "drafts"),
        ids.join(", ")
    ));
    Ok(exit::CLEAN)
}
