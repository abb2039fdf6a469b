//! `factcheck rules`: the rules behind every verdict, listed or explained.

use std::io::Write;

use anyhow::{Result, bail};
use clap::Args;

use factcheck::rules::{Example, Group, Rule, RuleDoc, docs};

use crate::cli::factbase::FactsFormat;
use crate::{exit, write_out};

#[derive(Args)]
pub struct RulesArgs {
    /// A rule's code (D105, L009, ...): explain that rule
    #[arg(value_name = "CODE")]
    code: Option<String>,
    /// human: a table, or the explanation; json: an array of rules, or the one rule
    #[arg(long, value_enum, default_value_t = FactsFormat::Human, value_name = "FMT")]
    format: FactsFormat,
}

fn group_name(g: Group) -> &'static str {
    match g {
        Group::Discrepancy => "discrepancy",
        Group::Link => "link too weak to judge",
        Group::Unverifiable => "unverifiable",
    }
}

fn example(e: &Example) -> String {
    match &e.published {
        Some(p) if p == "none" => format!("  {}  (no publication date)", e.text),
        Some(p) => format!("  {}  (published {p})", e.text),
        None => format!("  {}", e.text),
    }
}

/// The explanation of one rule, as `factcheck rules CODE` prints it.
fn explain(d: &RuleDoc, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "{} {} ({})", d.code, d.name, group_name(d.group))?;
    writeln!(out)?;
    writeln!(out, "{}.", d.summary)?;
    writeln!(out)?;
    writeln!(out, "{}", d.explanation.trim())?;
    for name in &d.words {
        if let Some(list) = factcheck::lexicon::lang().list(name) {
            writeln!(out)?;
            writeln!(out, "Words ({name} in lang/en/words.toml):")?;
            writeln!(out, "  {}", list.iter().collect::<Vec<_>>().join(", "))?;
        }
    }
    if !d.fires.is_empty() {
        writeln!(out)?;
        writeln!(out, "Fires on:")?;
        for e in &d.fires {
            writeln!(out, "{}", example(e))?;
        }
    }
    if !d.allows.is_empty() {
        writeln!(out)?;
        writeln!(out, "Does not fire on:")?;
        for e in &d.allows {
            writeln!(out, "{}", example(e))?;
        }
    }
    Ok(())
}

pub fn run(args: &RulesArgs) -> Result<u8> {
    let json = args.format == FactsFormat::Json;
    match &args.code {
        Some(code) => {
            let Some(rule) = Rule::from_code(code) else {
                bail!("unknown rule `{code}`; `factcheck rules` lists them");
            };
            let d = rule.doc();
            write_out(None, |out| {
                if json {
                    serde_json::to_writer_pretty(&mut *out, d)?;
                    writeln!(out)
                } else {
                    explain(d, out)
                }
            })?;
        }
        None => write_out(None, |out| {
            if json {
                serde_json::to_writer_pretty(&mut *out, docs())?;
                return writeln!(out);
            }
            let width = docs().iter().map(|d| d.name.len()).max().unwrap_or(0);
            let mut group = None;
            for d in docs() {
                if group != Some(d.group) {
                    if group.is_some() {
                        writeln!(out)?;
                    }
                    writeln!(out, "{}:", group_name(d.group))?;
                    group = Some(d.group);
                }
                writeln!(out, "  {}  {:<width$}  {}", d.code, d.name, d.summary)?;
            }
            writeln!(out)?;
            writeln!(out, "`factcheck rules CODE` explains one, with examples.")
        })?,
    }
    Ok(exit::CLEAN)
}
