//! The `factcheck` command: parse flags, resolve policy, hand off to the
//! library, map the outcome to an exit code.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand, ValueEnum};
use jiff::civil::Date;

use factcheck::Checker;
use factcheck::facts::{self, Severity};
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
    about = "Check a news article's factual claims against a curated fact base"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check articles against the fact base and report a verdict for every claim.
    Check(CheckArgs),
    /// List the typed claims found in articles, without checking them.
    Claims(ClaimsArgs),
    /// Work with the fact base.
    Facts {
        #[command(subcommand)]
        command: FactsCommand,
    },
}

#[derive(Subcommand)]
enum FactsCommand {
    /// Check the fact base and print every problem with file:line:column.
    Validate {
        /// Fact-base files or folders [default: ./claims]
        paths: Vec<PathBuf>,
    },
}

#[derive(Args)]
struct Common {
    /// Articles to read: files, folders (recursed), or - for stdin.
    #[arg(required = true, value_name = "ARTICLE")]
    articles: Vec<PathBuf>,
    /// Fact-base file or folder (repeatable) [default: ./claims]
    #[arg(short = 'f', long = "facts", value_name = "PATH")]
    facts: Vec<PathBuf>,
    /// Publication date (YYYY-MM-DD) for articles without front matter.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    published: Option<Date>,
}

#[derive(Args)]
struct CheckArgs {
    #[command(flatten)]
    common: Common,
    /// Report format.
    #[arg(long, value_enum, default_value_t = FormatArg::Human, value_name = "FMT")]
    format: FormatArg,
    /// Write the report to FILE instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// When to use colour (NO_COLOR and CLICOLOR_FORCE are honoured with auto).
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto, value_name = "WHEN")]
    color: ColorWhen,
    /// Lowest verdict that makes the run fail (exit 1).
    #[arg(long, value_enum, default_value_t = FailOn::Discrepancy, value_name = "LEVEL")]
    fail_on: FailOn,
    /// Print a unified diff that would correct every discrepancy, instead of the report.
    #[arg(long)]
    diff: bool,
    /// Also write a report in FORMAT to PATH from the same run (repeatable),
    /// e.g. --report sarif=factcheck.sarif --report junit=junit.xml
    #[arg(long = "report", value_name = "FORMAT=PATH", value_parser = parse_extra_report)]
    reports: Vec<ExtraReport>,
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
enum FailOn {
    Discrepancy,
    Unverifiable,
    Never,
}

fn parse_extra_report(s: &str) -> Result<ExtraReport, String> {
    s.parse()
}

fn parse_date(s: &str) -> Result<Date, String> {
    s.parse::<Date>()
        .map_err(|_| "expected a real date as YYYY-MM-DD".to_owned())
}

/// Colour is decided once: the flag, then NO_COLOR / CLICOLOR_FORCE, then the terminal.
fn use_color(when: ColorWhen, to_file: bool) -> bool {
    match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => {
            let set = |k: &str| std::env::var_os(k).is_some_and(|v| !v.is_empty());
            if set("NO_COLOR") {
                false
            } else if std::env::var_os("CLICOLOR_FORCE").is_some_and(|v| !v.is_empty() && v != "0") {
                true
            } else {
                !to_file && io::stdout().is_terminal()
            }
        }
    }
}

fn fact_paths(given: &[PathBuf]) -> Vec<PathBuf> {
    if given.is_empty() {
        vec![PathBuf::from("claims")]
    } else {
        given.to_vec()
    }
}

/// Load the fact base, or fail with every error, one per line.
fn load_facts(given: &[PathBuf]) -> Result<Checker> {
    match facts::load_paths(&fact_paths(given)) {
        Ok(base) => Ok(Checker::new(base)),
        Err(problems) => {
            let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
            bail!("{}", lines.join("\nerror: "))
        }
    }
}

fn check_all(common: &Common) -> Result<(Checker, Report)> {
    let checker = load_facts(&common.facts)?;
    let sources = factcheck::input::collect(&common.articles)?;
    let mut articles = Vec::new();
    for s in &sources {
        let article = factcheck::input::read(s, common.published)?;
        articles.push(checker.check(article));
    }
    let report = Report::new(&checker.base, articles);
    Ok((checker, report))
}

/// Write to the output, treating a closed pipe (`| head`) as a quiet end.
fn write_out(output: Option<&PathBuf>, render: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<()> {
    let result = match output {
        Some(path) => {
            let mut buf = Vec::new();
            render(&mut buf)?;
            std::fs::write(path, buf).with_context(|| format!("{}: cannot write", path.display()))?;
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

/// Refuse two reports bound for one file: the second would silently replace the first.
fn check_report_targets(args: &CheckArgs) -> Result<()> {
    let mut seen: Vec<&PathBuf> = args.output.iter().collect();
    for extra in &args.reports {
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

fn run_check(args: &CheckArgs) -> Result<u8> {
    let main_format = Format::from(args.format);
    let unverifiable_fails = args.fail_on == FailOn::Unverifiable;
    let style = Style {
        color: use_color(args.color, args.output.is_some()),
    };
    // Usage problems are found before any article is read; --diff replaces the report.
    let emitter = match (args.diff, main_format.emitter(style, unverifiable_fails)) {
        (true, _) => None,
        (false, Some(e)) => Some(e),
        (false, None) => {
            bail!("--format {main_format} is not available yet; use human, json, jsonl, sarif, github or junit")
        }
    };
    check_report_targets(args)?;
    let (_checker, report) = check_all(&args.common)?;
    if let Some(emitter) = emitter {
        write_out(args.output.as_ref(), |out| emitter.emit(&report, out))?;
    } else {
        write_out(args.output.as_ref(), |out| {
            for a in &report.articles {
                if let Some(d) = report::corrections_diff(a) {
                    out.write_all(d.as_bytes())?;
                }
            }
            Ok(())
        })?;
    }
    for extra in &args.reports {
        // Files are never coloured; availability was checked when parsing the flag.
        if let Some(e) = extra.format.emitter(Style { color: false }, unverifiable_fails) {
            write_out(Some(&extra.path), |out| e.emit(&report, out))?;
        }
    }
    let worst = report
        .articles
        .iter()
        .flat_map(|a| a.claims.iter())
        .map(|c| c.verdict)
        .fold(None::<Verdict>, |acc, v| match (acc, v) {
            (Some(Verdict::Discrepancy), _) | (_, Verdict::Discrepancy) => Some(Verdict::Discrepancy),
            (Some(Verdict::Unverifiable), _) | (_, Verdict::Unverifiable) => Some(Verdict::Unverifiable),
            _ => Some(Verdict::Match),
        });
    let fails = match (args.fail_on, worst) {
        (FailOn::Never, _) => false,
        (FailOn::Discrepancy, Some(Verdict::Discrepancy)) => true,
        (FailOn::Unverifiable, Some(Verdict::Discrepancy | Verdict::Unverifiable)) => true,
        _ => false,
    };
    Ok(if fails { exit::FINDINGS } else { exit::CLEAN })
}

fn run_claims(args: &ClaimsArgs) -> Result<u8> {
    let (_checker, report) = check_all(&args.common)?;
    write_out(None, |out| match args.format {
        ClaimsFormat::Json => report::write_claims_json(&report, out),
        ClaimsFormat::Human => report::write_claims_human(&report, out),
    })?;
    Ok(exit::CLEAN)
}

fn run_validate(paths: &[PathBuf]) -> Result<u8> {
    use report::plural;
    let paths = fact_paths(paths);
    let (base, problems) = facts::validate_paths(&paths);
    let errors = problems.iter().filter(|p| p.severity == Severity::Error).count();
    let warnings = problems.len() - errors;
    // Problems are diagnostics and go to stderr, in the same shape as when
    // `check` meets a bad fact base; stdout holds only the verdict on success.
    let mut err = io::stderr().lock();
    for p in &problems {
        let _ = writeln!(err, "{}{p}", if p.severity == Severity::Error { "error: " } else { "" });
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
    Ok(if errors > 0 { exit::ERROR } else { exit::CLEAN })
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
        if let Some(tip) = p.strip_prefix("tip: a similar") {
            line.push_str(&format!(" (a similar{tip})"));
        }
    }
    line.push_str("; see --help");
    line
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
            eprintln!("{}", usage_error_line(&e));
            return ExitCode::from(exit::ERROR);
        }
    };
    let result = match &cli.command {
        Command::Check(args) => run_check(args),
        Command::Claims(args) => run_claims(args),
        Command::Facts {
            command: FactsCommand::Validate { paths },
        } => run_validate(paths),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(exit::ERROR)
        }
    }
}
