//! The `factcheck` command: parse flags, resolve policy, hand off to the
//! library, map the outcome to an exit code.
//!
//! This file holds the command line (clap types), the dispatch and the
//! helpers every subcommand shares (output, fact base, exit codes). The
//! CLI-side modules under `src/cli/` do the printing for the longer flows,
//! such as `settings` (flags + `factcheck.toml` → resolved settings),
//! `watch` (the watch loop), `write` (`--write`), `man` (the manual pages)
//! and `precommit` (the pre-commit hook). The library never prints.

mod cli;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::{Result, bail};
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use jiff::civil::Date;

use cli::settings::Settings;
use factcheck::Checker;
use factcheck::config::FailOn;
use factcheck::facts::{self, Severity};
use factcheck::fsutil;
use factcheck::input::{self, ReadAhead};
use factcheck::report::{self, ExtraReport, Format, Report, Style};
use factcheck::verdict::Verdict;

/// Exit codes of the contract, decided here and nowhere else.
mod exit {
    /// Checked; nothing at or above `--fail-on`.
    pub const CLEAN: u8 = 0;
    /// Checked; at least one finding at or above `--fail-on`.
    pub const FINDINGS: u8 = 1;
    /// Could not check: bad usage, unreadable input, invalid fact base.
    pub const ERROR: u8 = 2;
}

#[derive(Parser)]
#[command(
    name = "factcheck",
    version,
    about = "Check a news article's factual claims against a curated fact base",
    long_about = "Check a news article's factual claims against a curated fact base.\n\n\
factcheck reads articles (Markdown or plain text), finds their factual claims (dates and \
weekdays, years, counts, people and their titles, who signed or pledged what, places, \
quotations, money, percentages), compares each with a fact base of TOML files (./claims by \
default) and gives every claim one verdict: match, discrepancy or unverifiable, with the \
span in the article, the fact it was compared with and that fact's source. The report is \
for an editor's terminal (human), for CI (json, jsonl, sarif, github, junit) or a browser \
(html); the exit code says whether anything needs fixing."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check articles against the fact base and report a verdict for every claim.
    Check(CheckArgs),
    /// Re-check articles every time an article or the fact base is saved.
    Watch(WatchArgs),
    /// List the typed claims found in articles, without checking them.
    Claims(ClaimsArgs),
    /// Work with the fact base.
    Facts {
        #[command(subcommand)]
        command: FactsCommand,
    },
    /// Print a shell completion script (e.g. `factcheck completions bash > /etc/bash_completion.d/factcheck`).
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
    /// Print a manual page in roff (`factcheck man check | man -l -`), or write them all (--out DIR).
    Man(cli::man::ManArgs),
    /// Draft fact-base entries (TOML) for every unverifiable claim of articles.
    Suggest(cli::factbase::SuggestArgs),
    /// For the pre-commit hook: check the articles among FILEs, or every article
    /// when the fact base or factcheck.toml is among them; other files are ignored.
    Precommit(cli::precommit::PrecommitArgs),
    /// List the rules behind the verdicts, or explain one (`factcheck rules D105`).
    Rules(cli::rules::RulesArgs),
    /// Print the JSON Schema of a fact-base file, the JSON report or the claims listing.
    Schema {
        #[arg(value_enum)]
        which: cli::factbase::SchemaKind,
    },
}

#[derive(Subcommand)]
enum FactsCommand {
    /// Check the fact base and print every problem with file:line:column.
    Validate {
        /// Fact-base files or folders [default: `facts` in factcheck.toml, or ./claims]
        paths: Vec<PathBuf>,
        /// human: problems on stderr; json: one document on stdout.
        #[arg(long, value_enum, default_value_t = cli::factbase::FactsFormat::Human, value_name = "FMT")]
        format: cli::factbase::FactsFormat,
        #[command(flatten)]
        cfg: ConfigArgs,
    },
    /// List facts, optionally by id prefix, value kind or event (or the events: --events).
    List(cli::factbase::ListArgs),
    /// Show one fact with its source, event and entities (or an event and its facts, or an entity and the facts naming it).
    Show(cli::factbase::ShowArgs),
}

/// Which `factcheck.toml` to read: shared by every command that reads one.
#[derive(Args, Clone, Default)]
struct ConfigArgs {
    /// Read settings from this file instead of the nearest factcheck.toml.
    #[arg(long, value_name = "PATH", conflicts_with = "isolated")]
    config: Option<PathBuf>,
    /// Ignore every factcheck.toml.
    #[arg(long)]
    isolated: bool,
}

impl ConfigArgs {
    /// The settings file in use, if any: `--config`, else the nearest
    /// `factcheck.toml` from `cwd` up, unless `--isolated`.
    fn load(&self, cwd: &std::path::Path) -> Result<Option<factcheck::config::Config>> {
        if self.isolated {
            Ok(None)
        } else if let Some(path) = &self.config {
            factcheck::config::Config::load(path, path).map(Some)
        } else {
            factcheck::config::Config::discover(cwd)
        }
    }
}

/// What to check, and against what: shared by `check`, `watch` and `claims`.
#[derive(Args)]
struct Common {
    /// Articles to read: files, folders (recursed), or - for stdin
    /// [default: `include` in factcheck.toml]
    #[arg(value_name = "ARTICLE")]
    articles: Vec<PathBuf>,
    /// Fact-base file or folder (repeatable) [default: `facts` in factcheck.toml, or ./claims]
    #[arg(short = 'f', long = "facts", value_name = "PATH")]
    facts: Vec<PathBuf>,
    /// Publication date (YYYY-MM-DD) for articles without front matter.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    published: Option<Date>,
    /// Skip articles matching GLOB when walking folders (repeatable; added to
    /// `exclude` in factcheck.toml). Named files are always checked.
    #[arg(long, value_name = "GLOB")]
    exclude: Vec<String>,
    /// Apply the exclusions to named files too (for pre-commit, which names every changed file).
    #[arg(long)]
    force_exclude: bool,
    #[command(flatten)]
    cfg: ConfigArgs,
    /// The path to report standard input (-) under, in every format (SARIF
    /// uri, github file=, JSON path), instead of <stdin>; its extension says
    /// whether it is Markdown. For editors that pipe an unsaved buffer.
    #[arg(long, value_name = "PATH")]
    stdin_filename: Option<PathBuf>,
    /// Refuse articles larger than SIZE (bytes, or with K, M or G: 64M) [default: 64M]
    #[arg(long, value_name = "SIZE", value_parser = factcheck::article::parse_size)]
    max_size: Option<u64>,
    /// Load the fact base from its files even when `.factcheck_cache/` holds
    /// it, and keep nothing there (as FACTCHECK_NO_CACHE=1 does).
    #[arg(long)]
    no_cache: bool,
}

/// How to report: shared by `check`, `watch` and `precommit`.
#[derive(Args, Clone)]
struct Output {
    /// Report format [default: `format` in factcheck.toml, or human]
    #[arg(long, value_enum, value_name = "FMT")]
    format: Option<FormatArg>,
    /// Write the report to FILE instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// When to use colour: auto is colour on a terminal, unless NO_COLOR is set,
    /// CLICOLOR=0 or TERM=dumb (CLICOLOR_FORCE=1 forces it).
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto, value_name = "WHEN")]
    color: ColorWhen,
    /// Lowest verdict that makes the run fail (exit 1)
    /// [default: `fail-on` in factcheck.toml, or discrepancy]
    #[arg(long, value_enum, value_name = "LEVEL")]
    fail_on: Option<FailOnArg>,
    /// Print only the discrepancies (and errors) and the closing summary line,
    /// in the human report; fact-base warnings are not shown either.
    #[arg(short, long)]
    quiet: bool,
    /// Also write a report in FORMAT to PATH from the same run (repeatable),
    /// e.g. --report sarif=factcheck.sarif --report junit=junit.xml
    #[arg(long = "report", value_name = "FORMAT=PATH", value_parser = parse_extra_report)]
    reports: Vec<ExtraReport>,
}

#[derive(Args)]
struct CheckArgs {
    #[command(flatten)]
    common: Common,
    #[command(flatten)]
    output: Output,
    /// Print a unified diff that would correct every discrepancy, instead of the report.
    #[arg(long, conflicts_with = "write")]
    diff: bool,
    /// Correct the discrepancies in place (exactly the edits --diff shows) and
    /// list those that need an editor.
    #[arg(long)]
    write: bool,
    /// Keep running: re-check whenever an article or the fact base is saved.
    #[arg(long, conflicts_with_all = ["diff", "write"])]
    watch: bool,
}

#[derive(Args)]
struct WatchArgs {
    #[command(flatten)]
    common: Common,
    #[command(flatten)]
    output: Output,
}

#[derive(Args)]
struct ClaimsArgs {
    #[command(flatten)]
    common: Common,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ClaimsFormat::Human, value_name = "FMT")]
    format: ClaimsFormat,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FormatArg {
    Human,
    Json,
    Jsonl,
    Sarif,
    Github,
    Junit,
    Html,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Human => Format::Human,
            FormatArg::Json => Format::Json,
            FormatArg::Jsonl => Format::Jsonl,
            FormatArg::Sarif => Format::Sarif,
            FormatArg::Github => Format::Github,
            FormatArg::Junit => Format::Junit,
            FormatArg::Html => Format::Html,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ClaimsFormat {
    Human,
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorWhen {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FailOnArg {
    Discrepancy,
    Unverifiable,
    Never,
}

impl From<FailOnArg> for FailOn {
    fn from(f: FailOnArg) -> FailOn {
        match f {
            FailOnArg::Discrepancy => FailOn::Discrepancy,
            FailOnArg::Unverifiable => FailOn::Unverifiable,
            FailOnArg::Never => FailOn::Never,
        }
    }
}

fn parse_extra_report(s: &str) -> Result<ExtraReport, String> {
    s.parse()
}

fn parse_date(s: &str) -> Result<Date, String> {
    s.parse::<Date>()
        .map_err(|_| "expected a real date as YYYY-MM-DD".to_owned())
}

/// Colour is decided once: the flag; then, under `auto`, NO_COLOR (any
/// value: off), CLICOLOR_FORCE (not 0: on), CLICOLOR=0 (off), TERM=dumb
/// (off), and last whether the report goes to a terminal.
fn use_color(when: ColorWhen, to_file: bool) -> bool {
    match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => {
            let var = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty());
            if var("NO_COLOR").is_some() {
                false
            } else if var("CLICOLOR_FORCE").is_some_and(|v| v != "0") {
                true
            } else if var("CLICOLOR").is_some_and(|v| v == "0") || var("TERM").is_some_and(|v| v == "dumb") {
                false
            } else {
                !to_file && io::stdout().is_terminal()
            }
        }
    }
}

/// The width of the terminal a report or progress bar is drawn on, given
/// whether that stream is one: `COLUMNS` when set (as shells and scripts
/// set it), else the terminal's own size; `None` for a pipe or a file.
fn term_width(on_terminal: bool) -> Option<usize> {
    if let Some(n) = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
    {
        return (n > 0).then_some(n);
    }
    if !on_terminal {
        return None;
    }
    terminal_size::terminal_size().map(|(w, _)| usize::from(w.0))
}

/// The fact-base paths to load: those given, else `facts` in the settings
/// file (`--config`, or the nearest factcheck.toml unless `--isolated`),
/// else `./claims`.
fn fact_paths(given: &[PathBuf], cfg: &ConfigArgs) -> Result<Vec<PathBuf>> {
    if !given.is_empty() {
        return Ok(given.to_vec());
    }
    let cwd = std::env::current_dir()?;
    Ok(match cfg.load(&cwd)? {
        Some(c) if !c.facts.is_empty() => c.fact_paths(&cwd),
        _ => vec![PathBuf::from("claims")],
    })
}

/// A fact base that does not load: every problem found in it, errors and
/// warnings, for the reports that annotate the fact-base files (github,
/// SARIF). Shown as its errors, one per line (`error: ` before each but
/// the first, which `main` prefixes).
#[derive(Debug)]
struct InvalidBase(Vec<facts::Problem>);

impl std::fmt::Display for InvalidBase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let lines: Vec<String> = self
            .0
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .map(|p| with_hint(p.to_string()))
            .collect();
        f.write_str(&lines.join("\nerror: "))
    }
}

impl std::error::Error for InvalidBase {}

/// A problem's line; a missing `claims` folder (the default fact base)
/// says how to name another.
fn with_hint(line: String) -> String {
    if matches!(
        line.trim_start_matches("error: "),
        "claims: no such file or directory" | "claims/: no such file or directory"
    ) {
        format!(
            "{line} (the default fact base; name one with -f PATH, or set `facts = [\"PATH\"]` in {})",
            factcheck::config::FILE_NAME
        )
    } else {
        line
    }
}

/// Load the fact base, or fail with every problem ([`InvalidBase`]).
/// Warnings (see `facts validate`) are summed up in one line on stderr,
/// unless `quiet` (`facts validate` shows them; a large base may have
/// thousands), and returned: they do not stop anything. The cache is used
/// unless `FACTCHECK_NO_CACHE` says otherwise.
fn load_facts(paths: &[PathBuf], quiet: bool) -> Result<(Checker, Vec<facts::Problem>)> {
    load_facts_with(paths, quiet, !facts::cache::disabled_by_env())
}

/// As [`load_facts`]; with `use_cache`, from `.factcheck_cache/` when it
/// holds these very files (see `factcheck::facts::cache`), and kept there
/// for the next run when it does not. Only a base that loads is kept, with
/// its warnings.
fn load_facts_with(paths: &[PathBuf], quiet: bool, use_cache: bool) -> Result<(Checker, Vec<facts::Problem>)> {
    let summary = |problems: &[facts::Problem]| {
        if !quiet && let Some(line) = facts::warnings_summary(problems) {
            eprint_line(&line);
        }
    };
    let cache = if use_cache {
        facts::cache::Cache::open(paths)
    } else {
        None
    };
    if let Some((base, index, warnings)) = cache.as_ref().and_then(|c| c.read()) {
        summary(&warnings);
        return Ok((Checker::from_parts(base, index), warnings));
    }
    let (base, problems) = facts::validate_paths(paths);
    match base {
        Some(base) if problems.iter().all(|p| p.severity != Severity::Error) => {
            summary(&problems);
            let checker = Checker::new(base);
            if let Some(cache) = &cache {
                cache.write(&checker.base, &checker.index, &problems);
            }
            Ok((checker, problems))
        }
        _ => Err(InvalidBase(problems).into()),
    }
}

/// Load the fact base and check every article the settings select, with a
/// progress bar for large batches on a terminal. An article that cannot be
/// read (missing, unreadable, not UTF-8, too large) does not stop the
/// others: the report covers those checked and lists the others in
/// `report.errors`, in list order (see [`unread`]).
fn check_each(settings: &Settings) -> Result<(Checker, Report)> {
    check_sources(settings, settings.sources())
}

/// As [`check_each`], for the sources already listed (or the error listing them met).
fn check_sources(settings: &Settings, sources: Result<Vec<input::Source>>) -> Result<(Checker, Report)> {
    let (checker, ahead) = match &sources {
        // Articles are read while the fact base loads: a large base takes a
        // while, and its loader leaves cores idle. Errors come as before:
        // the fact base's first, then the articles'.
        Ok(sources) if sources.len() >= 2 => {
            let stop = AtomicBool::new(false);
            rayon::join(
                || {
                    let checker = load_facts_with(&settings.facts, settings.quiet, settings.cache);
                    stop.store(true, Ordering::Relaxed);
                    checker
                },
                || input::read_ahead(sources, settings.published, settings.max_size, &stop),
            )
        }
        _ => (
            load_facts_with(&settings.facts, settings.quiet, settings.cache),
            ReadAhead::default(),
        ),
    };
    let (mut checker, mut problems) = checker?;
    checker.ignore = settings.ignore.clone();
    let sources = sources?;
    let progress = cli::progress::bar(sources.len());
    let (articles, errors) = input::check_batch(
        &checker,
        &sources,
        ahead,
        settings.published,
        settings.max_size,
        &|| {
            if let Some(bar) = &progress {
                bar.inc(1);
            }
        },
    );
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    // A warning, not an error: the base may be stale. Once a run, for the
    // first article it may be stale for, with a count of the others.
    let stale: Vec<_> = articles
        .iter()
        .filter_map(|a| {
            let d = a.article.published?;
            let used: Vec<&str> = a.claims.iter().filter_map(|c| c.fact.as_deref()).collect();
            facts::stale_for(&checker.base, &a.article.path, d, &used)
        })
        .collect();
    if let Some(first) = stale.first() {
        let more = match stale.len() - 1 {
            0 => String::new(),
            1 => " (and 1 more article)".to_owned(),
            n => format!(" (and {n} more articles)"),
        };
        if !settings.quiet {
            eprint_line(&format!("{first}{more}"));
        }
        let mut w = first.clone();
        w.message.push_str(&more);
        problems.push(w);
    }
    let mut report = Report::new(&checker.base, articles);
    report.errors = errors;
    report.fact_problems = problems;
    Ok((checker, report))
}

/// Name each article that could not be read on stderr, one line each, in
/// list order, and turn `code` into a failure (exit 2) when there are any.
fn unread(report: &Report, code: u8) -> u8 {
    for e in &report.errors {
        eprint_line(&format!("error: {}", e.error));
    }
    if report.errors.is_empty() { code } else { exit::ERROR }
}

/// Write to the output, treating a closed pipe (`| head`) as a quiet end.
fn write_out(output: Option<&PathBuf>, render: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<()> {
    let result = match output {
        // Streamed to a temporary file renamed over the old one: on any error
        // the old report stays whole (see `factcheck::fsutil`).
        Some(path) => {
            fsutil::write_atomic_with(path, render)
                .map_err(|e| anyhow::anyhow!("{}: cannot write: {}", path.display(), fsutil::reason(&e)))?;
            Ok(())
        }
        None => {
            let stdout = io::stdout();
            let mut lock = io::BufWriter::new(stdout.lock());
            render(&mut lock).and_then(|_| lock.flush())
        }
    };
    match result {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(Into::into),
    }
}

/// A line on stderr; a closed stderr is not worth a panic.
fn eprint_line(line: &str) {
    let _ = writeln!(io::stderr(), "{line}");
}

/// Refuse two reports bound for one file: the second would silently replace the first.
fn check_report_targets(output: &Output) -> Result<()> {
    let mut seen: Vec<&PathBuf> = output.output.iter().collect();
    for extra in &output.reports {
        if seen.contains(&&extra.path) {
            bail!(
                "--report {}={}: that file already receives another report",
                extra.format,
                extra.path.display()
            );
        }
        seen.push(&extra.path);
    }
    Ok(())
}

/// Refuse a report bound for one of the run's inputs: an article being
/// checked, a fact-base file (a named `.toml`, or one under a fact-base
/// folder) or the settings file. Paths are compared canonicalised, so
/// `./a.md` and a symlink to it are caught too; a file that does not exist
/// yet is no input. Checked before anything is read or written.
fn guard_report_targets(output: &Output, settings: &Settings, sources: &[input::Source]) -> Result<()> {
    let canonical = |p: &std::path::Path| std::fs::canonicalize(p).ok();
    let targets = output.output.iter().map(|p| (format!("-o {}", p.display()), p)).chain(
        output
            .reports
            .iter()
            .map(|r| (format!("--report {}={}", r.format, r.path.display()), &r.path)),
    );
    let articles: Vec<PathBuf> = sources
        .iter()
        .filter_map(|s| match s {
            // Standard input named after a file (`--stdin-filename`) stands for it.
            input::Source::File(p) | input::Source::StdinAs(p) => canonical(p),
            input::Source::Stdin => None,
        })
        .collect();
    let facts: Vec<PathBuf> = settings.facts.iter().filter_map(|p| canonical(p)).collect();
    let config = settings.config_file.as_deref().and_then(canonical);
    for (flag, path) in targets {
        let Some(target) = canonical(path) else {
            continue;
        };
        let what = if articles.contains(&target) {
            "an article being checked"
        } else if facts.iter().any(|f| {
            *f == target || f.is_dir() && target.starts_with(f) && target.extension().is_some_and(|x| x == "toml")
        }) {
            "a fact-base file"
        } else if config.as_ref() == Some(&target) {
            "the settings file"
        } else {
            continue;
        };
        bail!("{flag}: that is {what}; refusing to write a report over it (name another file)");
    }
    Ok(())
}

/// Write the `--report FORMAT=PATH` files (never coloured).
fn write_extra_reports(output: &Output, report: &Report, fail_on: FailOn) -> Result<()> {
    for extra in &output.reports {
        if let Some(e) = extra.format.emitter(Style::default(), fail_on == FailOn::Unverifiable) {
            write_out(Some(&extra.path), |out| e.emit(report, out))?;
        }
    }
    Ok(())
}

/// The exit code for verdicts that remain, under `--fail-on`.
fn exit_code(verdicts: impl Iterator<Item = Verdict>, fail_on: FailOn) -> u8 {
    let fails = |v: Verdict| match fail_on {
        FailOn::Never => false,
        FailOn::Discrepancy => v == Verdict::Discrepancy,
        FailOn::Unverifiable => v != Verdict::Match,
    };
    let mut verdicts = verdicts;
    if verdicts.any(fails) {
        exit::FINDINGS
    } else {
        exit::CLEAN
    }
}

/// When the fact base did not load, the github and SARIF reports asked for
/// (as `--format` or `--report`) are still written: their annotations on
/// the fact-base files are how a pull request shows what to fix. Nothing
/// else is (the run still fails, exit 2, with the errors on stderr).
fn report_invalid_base(e: &anyhow::Error, format: Format, output: &Output) -> Result<()> {
    let Some(InvalidBase(problems)) = e.downcast_ref::<InvalidBase>() else {
        return Ok(());
    };
    let report = Report::invalid_base(problems.clone());
    let annotates = |f: Format| matches!(f, Format::Github | Format::Sarif);
    let emit = |f: Format, to: Option<&PathBuf>| match f.emitter(Style::default(), false) {
        Some(emitter) => write_out(to, |out| emitter.emit(&report, out)),
        None => Ok(()),
    };
    for extra in output.reports.iter().filter(|r| annotates(r.format)) {
        emit(extra.format, Some(&extra.path))?;
    }
    if annotates(format) {
        emit(format, output.output.as_ref())?;
    }
    Ok(())
}

fn run_check(args: &CheckArgs) -> Result<u8> {
    let mut settings = Settings::resolve(&args.common, args.output.format, args.output.fail_on)?;
    settings.quiet = args.output.quiet;
    check_report_targets(&args.output)?;
    if args.watch {
        return cli::watch::run(&settings, &args.common, &args.output);
    }
    // --diff prints a diff and --write a summary of what it wrote: neither
    // is a report, so a --format other than human is refused rather than
    // ignored (`format` in factcheck.toml, a project default, does not
    // apply to them). A report of the same run: --report FORMAT=PATH.
    if let Some(format) = args.output.format.filter(|f| *f != FormatArg::Human)
        && (args.diff || args.write)
    {
        let (flag, prints) = if args.diff {
            ("--diff", "a unified diff")
        } else {
            ("--write", "a summary of the corrections")
        };
        let format = Format::from(format);
        bail!("{flag} prints {prints}, not a {format} report: drop --format {format}, or add --report {format}=PATH");
    }
    if args.write && settings.reads_stdin() {
        bail!("--write cannot correct standard input (-); use --diff, or name the file");
    }
    let style = Style {
        color: use_color(args.output.color, args.output.output.is_some()),
        quiet: args.output.quiet,
        width: args
            .output
            .output
            .is_none()
            .then(|| term_width(io::stdout().is_terminal()))
            .flatten(),
    };
    let sources = settings.sources();
    if let Ok(sources) = &sources {
        guard_report_targets(&args.output, &settings, sources)?;
    }
    let (checker, report) = match check_sources(&settings, sources) {
        Ok(checked) => checked,
        Err(e) => {
            report_invalid_base(&e, settings.format, &args.output)?;
            return Err(e);
        }
    };
    // Articles that could not be read are each named on stderr after the
    // report on the others, and the run fails (exit 2).
    if report.articles.is_empty() && !report.errors.is_empty() {
        // Nothing was checked: no report at all, rather than an empty one.
        return Ok(unread(&report, exit::ERROR));
    }
    write_extra_reports(&args.output, &report, settings.fail_on)?;
    if args.write {
        let code = cli::write::run(&checker, &report, args.output.output.as_ref(), settings.fail_on)?;
        return Ok(unread(&report, code));
    }
    if args.diff {
        let diffs = cli::write::diffs(&checker, &report)?;
        write_out(args.output.output.as_ref(), |out| {
            diffs.iter().try_for_each(|d| out.write_all(d.as_bytes()))
        })?;
    } else if let Some(emitter) = settings.format.emitter(style, settings.fail_on == FailOn::Unverifiable) {
        write_out(args.output.output.as_ref(), |out| emitter.emit(&report, out))?;
    }
    // A suppressed claim never fails the run.
    let verdicts = report
        .articles
        .iter()
        .flat_map(|a| a.claims.iter())
        .filter(|c| c.suppressed.is_none())
        .map(|c| c.verdict);
    let code = unread(&report, exit_code(verdicts, settings.fail_on));
    // The process ends here: freeing the report and a large fact base with
    // its indexes piece by piece would only delay the exit (about a tenth of
    // a second each at archive scale).
    std::mem::forget(report);
    std::mem::forget(checker);
    Ok(code)
}

fn run_watch(args: &WatchArgs) -> Result<u8> {
    let settings = Settings::resolve(&args.common, args.output.format, args.output.fail_on)?;
    check_report_targets(&args.output)?;
    cli::watch::run(&settings, &args.common, &args.output)
}

fn run_claims(args: &ClaimsArgs) -> Result<u8> {
    let settings = Settings::resolve(&args.common, None, None)?;
    let (_, report) = check_each(&settings)?;
    // As `check`: the articles read are listed, the others named after them.
    if !report.articles.is_empty() || report.errors.is_empty() {
        write_out(None, |out| match args.format {
            ClaimsFormat::Json => report::write_claims_json(&report, out),
            ClaimsFormat::Human => report::write_claims_human(&report, out),
        })?;
    }
    Ok(unread(&report, exit::CLEAN))
}

fn run_validate(paths: &[PathBuf], cfg: &ConfigArgs) -> Result<u8> {
    use report::plural;
    let paths = fact_paths(paths, cfg)?;
    let (base, problems) = facts::validate_paths(&paths);
    let errors = problems.iter().filter(|p| p.severity == Severity::Error).count();
    let warnings = problems.len() - errors;
    // Problems are diagnostics and go to stderr, in the same shape as when
    // `check` meets a bad fact base; stdout holds only the verdict on success.
    let mut err = io::stderr().lock();
    for line in facts::grouped_lines(&problems) {
        let _ = writeln!(err, "{}", with_hint(line));
    }
    match &base {
        Some(b) if errors == 0 => write_out(None, |out| {
            writeln!(
                out,
                "{}: {}, {}, {}; {}",
                b.files.join(", "),
                plural(b.facts.len(), "fact", "facts"),
                plural(b.entities.len(), "entity", "entities"),
                plural(b.sources.len(), "source", "sources"),
                if warnings == 0 {
                    "no problems".to_owned()
                } else {
                    plural(warnings, "warning", "warnings")
                }
            )
        })?,
        _ => {
            let _ = writeln!(
                err,
                "{}, {}",
                plural(errors, "error", "errors"),
                plural(warnings, "warning", "warnings")
            );
        }
    }
    // As in `check`: the process ends here, and freeing a large base piece
    // by piece would only delay the exit.
    std::mem::forget(base);
    Ok(if errors > 0 { exit::ERROR } else { exit::CLEAN })
}

fn run_completions(shell: clap_complete::Shell) -> Result<u8> {
    // clap_complete panics when its writer fails, so it writes to memory
    // and a closed pipe is handled on the way out.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "factcheck", &mut script);
    write_out(None, |out| out.write_all(&script))?;
    Ok(exit::CLEAN)
}

/// A clap usage error as one line: the error itself, plus clap's
/// "a similar argument exists" hint when it has one.
fn usage_error_line(e: &clap::Error) -> String {
    let rendered = e.render().to_string();
    let mut paragraphs = rendered
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "));
    let head = paragraphs.next().unwrap_or_default();
    let mut line = if head.starts_with("error:") {
        head
    } else {
        format!("error: {head}")
    };
    for p in paragraphs {
        let Some(tip) = p.strip_prefix("tip: ") else {
            continue;
        };
        if tip.starts_with("a similar ") || tip.starts_with("some similar ") {
            // "a similar argument exists: '--format'", "some similar
            // subcommands exist: 'schema', 'check'": a question, as git asks
            // it, the closest first (clap lists it last).
            let mut names: Vec<&str> = tip.split('\'').skip(1).step_by(2).collect();
            names.reverse();
            line.push_str(&format!(" (did you mean {}?)", or_list(&names)));
        } else {
            line.push_str(&format!(" (tip: {tip})"));
        }
    }
    line.push_str("; see --help");
    line
}

/// "'a'", "'a' or 'b'", "'a', 'b' or 'c'".
fn or_list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() || e.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            // Help and version go to stdout (exit 0); bare `factcheck` shows help on stderr.
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { exit::ERROR } else { exit::CLEAN });
        }
        Err(e) => {
            eprint_line(&usage_error_line(&e));
            return ExitCode::from(exit::ERROR);
        }
    };
    let result = match &cli.command {
        Command::Check(args) => run_check(args),
        Command::Watch(args) => run_watch(args),
        Command::Claims(args) => run_claims(args),
        Command::Facts {
            command: FactsCommand::Validate { paths, format, cfg },
        } => match format {
            cli::factbase::FactsFormat::Human => run_validate(paths, cfg),
            cli::factbase::FactsFormat::Json => cli::factbase::validate_json(paths, cfg),
        },
        Command::Facts {
            command: FactsCommand::List(args),
        } => cli::factbase::list(args),
        Command::Facts {
            command: FactsCommand::Show(args),
        } => cli::factbase::show(args),
        Command::Suggest(args) => cli::factbase::suggest(args),
        Command::Precommit(args) => cli::precommit::run(args),
        Command::Rules(args) => cli::rules::run(args),
        Command::Schema { which } => cli::factbase::schema(*which),
        Command::Completions { shell } => run_completions(*shell),
        Command::Man(args) => cli::man::run(args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprint_line(&format!("error: {e:#}"));
            ExitCode::from(exit::ERROR)
        }
    }
}
