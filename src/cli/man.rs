//! `factcheck man`: manual pages in roff, one per command.
//!
//! Each page is clap_mangen's rendering of the command (name, synopsis,
//! description, options, subcommands) followed by what clap does not know:
//! the exit codes, the configuration file (`factcheck.toml`), the
//! environment variables that change the output, and the other pages.
//!
//! ```text
//! factcheck man                 # factcheck(1), the main page
//! factcheck man check           # factcheck-check(1)
//! factcheck man facts validate  # factcheck-facts-validate(1)
//! factcheck man --out DIR       # every page, written as DIR/NAME.1
//! ```

use std::path::PathBuf;

use anyhow::{Result, anyhow, bail};
use clap::{Args, Command, CommandFactory};
use roff::{Inline, Roff, bold, italic, roman};

use crate::{Cli, exit, or_list, write_out};

#[derive(Args)]
pub struct ManArgs {
    /// The command whose page to print (e.g. `check`, `facts validate`);
    /// the main page when none is named.
    #[arg(value_name = "COMMAND")]
    command: Vec<String>,
    /// Write every page (factcheck.1, factcheck-check.1, ...) into DIR
    /// instead of printing one.
    #[arg(long, value_name = "DIR", conflicts_with = "command")]
    out: Option<PathBuf>,
}

/// The command line, built, so that subcommands know their full names
/// (`factcheck-check`) and usage (`factcheck check [OPTIONS]`).
fn root() -> Command {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    cmd
}

/// Every documented subcommand of `cmd`.
fn subcommands(cmd: &Command) -> impl Iterator<Item = &Command> {
    cmd.get_subcommands()
        .filter(|c| !c.is_hide_set() && c.get_name() != "help")
}

/// The page of every command, parents before their subcommands, with the
/// path of names that leads to each (empty for the main page).
fn all(cmd: &Command, path: Vec<String>, out: &mut Vec<(Vec<String>, Command)>) {
    out.push((path.clone(), cmd.clone()));
    for sub in subcommands(cmd) {
        let mut p = path.clone();
        p.push(sub.get_name().to_owned());
        all(sub, p, out);
    }
}

/// A page's name: `factcheck`, `factcheck-facts-validate`.
fn page_name(path: &[String]) -> String {
    std::iter::once("factcheck")
        .chain(path.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join("-")
}

pub fn run(args: &ManArgs) -> Result<u8> {
    let root = root();
    let mut pages = Vec::new();
    all(&root, Vec::new(), &mut pages);
    if let Some(dir) = &args.out {
        std::fs::create_dir_all(dir).map_err(|e| anyhow!("{}: cannot create: {e}", dir.display()))?;
        for (path, cmd) in &pages {
            let file = dir.join(format!("{}.1", page_name(path)));
            write_out(Some(&file), |out| out.write_all(&page(cmd, path, &pages)))?;
        }
        return Ok(exit::CLEAN);
    }
    let Some((path, cmd)) = pages.iter().find(|(p, _)| *p == args.command) else {
        let mut parent: &Command = &root;
        for (i, name) in args.command.iter().enumerate() {
            match subcommands(parent).find(|c| c.get_name() == name) {
                Some(sub) => parent = sub,
                None => {
                    let known: Vec<&str> = subcommands(parent).map(Command::get_name).collect();
                    let mut close: Vec<(f64, &str)> = known
                        .iter()
                        .map(|k| (strsim::jaro(name, k), *k))
                        .filter(|(score, _)| *score > 0.7)
                        .collect();
                    close.sort_by(|a, b| b.0.total_cmp(&a.0));
                    let close: Vec<&str> = close.into_iter().map(|(_, k)| k).collect();
                    let hint = if close.is_empty() {
                        format!("one of {}", or_list(&known))
                    } else {
                        format!("did you mean {}?", or_list(&close))
                    };
                    bail!(
                        "no manual page for `factcheck {}` ({hint})",
                        args.command[..=i].join(" ")
                    );
                }
            }
        }
        unreachable!("every command path has a page");
    };
    write_out(None, |out| out.write_all(&page(cmd, path, &pages)))?;
    Ok(exit::CLEAN)
}

/// One page, in roff.
fn page(cmd: &Command, path: &[String], pages: &[(Vec<String>, Command)]) -> Vec<u8> {
    let man = clap_mangen::Man::new(cmd.clone())
        .title(page_name(path))
        .source(format!("factcheck {}", env!("CARGO_PKG_VERSION")))
        .manual("factcheck manual");
    let mut out = Vec::new();
    let mut clap_part = || -> std::io::Result<()> {
        man.render_title(&mut out)?;
        man.render_name_section(&mut out)?;
        man.render_synopsis_section(&mut out)?;
        man.render_description_section(&mut out)?;
        if cmd.get_arguments().any(|a| !a.is_hide_set()) {
            man.render_options_section(&mut out)?;
        }
        if subcommands(cmd).next().is_some() {
            man.render_subcommands_section(&mut out)?;
        }
        Ok(())
    };
    clap_part().expect("writing to memory cannot fail");
    let mut roff = Roff::new();
    exit_status(&mut roff, path);
    configuration(&mut roff, path);
    environment(&mut roff);
    see_also(&mut roff, path, pages);
    section(&mut roff, "VERSION");
    roff.text([roman(format!("factcheck {}", env!("CARGO_PKG_VERSION")))]);
    out.extend_from_slice(roff.render().as_bytes());
    // Each part opened with the same apostrophe preamble: once is enough.
    let text = String::from_utf8(out).expect("roff from UTF-8 text");
    let preamble = ".ie \\n(.g .ds Aq \\(aq\n.el .ds Aq '\n";
    debug_assert!(text.starts_with(preamble), "{text}");
    format!("{preamble}{}", text.replace(preamble, "")).into_bytes()
}

fn section(roff: &mut Roff, title: &str) {
    roff.control("SH", [title]);
}

/// A tagged paragraph: the tag in bold, then the text.
fn item(roff: &mut Roff, tag: impl Into<String>, text: Vec<Inline>) {
    roff.control("TP", []);
    roff.text([bold(tag)]);
    roff.text(text);
}

fn exit_status(roff: &mut Roff, path: &[String]) {
    section(roff, "EXIT STATUS");
    let first = path.first().map(String::as_str);
    let codes: &[(&str, &str)] = match (first, path.get(1).map(String::as_str)) {
        (None | Some("check" | "watch"), _) => &[
            (
                "0",
                "Checked; nothing at or above --fail-on (by default: no discrepancy).",
            ),
            (
                "1",
                "Checked; at least one finding at or above --fail-on (by default: a discrepancy). With --write, what remains after the corrections.",
            ),
            (
                "2",
                "Could not check: bad usage, an unknown option, an article that cannot be read (missing, not UTF-8, too large; the others are still checked and reported), an invalid fact base or factcheck.toml, or a report that would overwrite an input.",
            ),
        ],
        (Some("claims"), _) => &[
            ("0", "The claims were listed."),
            (
                "2",
                "Bad usage, an article that could not be read, or an invalid fact base.",
            ),
        ],
        (Some("facts"), Some("validate")) => &[
            ("0", "The fact base has no error (it may have warnings)."),
            (
                "2",
                "The fact base has errors (each printed with file:line:column), or bad usage.",
            ),
        ],
        _ => &[
            ("0", "Success."),
            ("2", "Bad usage, or the command could not do its work."),
        ],
    };
    for (code, text) in codes {
        item(roff, *code, vec![roman(*text)]);
    }
    roff.control("PP", []);
    roff.text([roman(
        "An error prints one line on standard error naming the file and, where there is one, the line and column; never a partial report passed off as complete.",
    )]);
}

fn configuration(roff: &mut Roff, path: &[String]) {
    section(roff, "CONFIGURATION");
    roff.text([
        roman("A project keeps its defaults in "),
        bold("factcheck.toml"),
        roman(
            ", looked for in the working directory and then in each parent folder (the nearest wins). --config PATH names another file and --isolated ignores them all; a flag on the command line wins over the file. Paths and globs in it are relative to its folder. An unknown key is an error naming file:line:column.",
        ),
    ]);
    let keys: &[(&str, &str)] = &[
        (
            "facts = [\"claims\"]",
            "Fact-base files or folders (-f). Default: ./claims.",
        ),
        (
            "include = [\"articles\"]",
            "What factcheck check (and watch, claims) check when no article is named.",
        ),
        (
            "exclude = [\"articles/drafts\"]",
            "Globs never checked when met in a folder (--exclude); named files too with --force-exclude.",
        ),
        (
            "fail-on = \"discrepancy\"",
            "discrepancy | unverifiable | never (--fail-on).",
        ),
        (
            "format = \"human\"",
            "Any --format (human, json, jsonl, sarif, github, junit, html); not used by --diff and --write.",
        ),
        (
            "published = \"front-matter\"",
            "front-matter | required | today | modified | a date (YYYY-MM-DD): where an article without a published front-matter date gets one.",
        ),
    ];
    for (key, text) in keys {
        item(roff, *key, vec![roman(*text)]);
    }
    if path.is_empty() || path[0] == "facts" || path[0] == "suggest" {
        roff.text([
            roman("The fact base is one or more TOML files ("),
            italic("claims/*.toml"),
            roman(
                ") of [meta], [sources.ID], [[entity]], [[event]] and [[fact]] tables; factcheck schema facts prints its JSON Schema.",
            ),
        ]);
    }
}

fn environment(roff: &mut Roff) {
    section(roff, "ENVIRONMENT");
    let vars: &[(&str, &str)] = &[
        ("NO_COLOR", "Set (to anything but empty): no colour under --color auto."),
        (
            "CLICOLOR_FORCE",
            "Set and not 0: colour under --color auto, even when not on a terminal (NO_COLOR wins).",
        ),
        ("CLICOLOR", "0: no colour under --color auto, even on a terminal."),
        ("TERM", "dumb: no colour under --color auto."),
        (
            "COLUMNS",
            "The terminal's width: the human report trims source lines to it and the progress bar fits it. Without it, the terminal's own size is used (nothing is trimmed in a pipe or a file).",
        ),
        (
            "FACTCHECK_BLESS",
            "Read by the test suite only (cargo test): set, it rewrites the committed schemas and golden reports instead of comparing with them. factcheck itself reads no FACTCHECK_ variable; its settings live in factcheck.toml.",
        ),
    ];
    for (var, text) in vars {
        item(roff, *var, vec![roman(*text)]);
    }
}

fn see_also(roff: &mut Roff, path: &[String], pages: &[(Vec<String>, Command)]) {
    section(roff, "SEE ALSO");
    let names: Vec<String> = pages
        .iter()
        .filter(|(p, _)| p.as_slice() != path)
        .map(|(p, _)| format!("{}(1)", page_name(p)))
        .collect();
    roff.text([roman(names.join(", "))]);
}
