//! `--format sarif`: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
//!
//! One run, the engine's rules as SARIF rules (`ruleId` is the rule's code,
//! `D105`, with its summary, explanation and `factcheck rules CODE` as help),
//! one result per finding: a discrepancy is an `error`, an unverifiable claim
//! a `warning`. A claim suppressed by an `ignore` comment or setting is a
//! result with a `suppressions` entry (`inSource` or `external`), which code
//! scanning shows as dismissed. A problem in the fact base is a result of
//! the `factcheck/fact-base` rule on its file and line (an error when the
//! base does not load, then the run is also marked unsuccessful, or a
//! warning).
//! Matches are not results: code scanning turns every result into an alert
//! that someone must read or dismiss, whatever its level, so agreeing claims
//! would bury the findings; the run's `properties.summary` counts them instead.
//!
//! Locations are the JSON report's: 1-based lines, columns counted in Unicode
//! code points (`columnKind`), end column exclusive as SARIF defines it.
//! Nothing time- or machine-dependent is written, so the same input gives
//! the same bytes.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde_json::{Value, json};
use serde_sarif::sarif::{
    ArtifactChange, ArtifactContent, ArtifactLocation, Fix, Invocation, Location, Message, MultiformatMessageString,
    Notification, PhysicalLocation, PropertyBag, Region, Replacement, ReportingConfiguration, ReportingDescriptor,
    Result as SarifResult, ResultLevel, Run, Sarif as SarifLog, Suppression, Tool, ToolComponent,
};

use super::Claim;
use super::{ArticleReport, Emitter, Report, relative_path};
use crate::facts::{Problem, Severity};
use crate::finding::Verdict;
use crate::rules::{Group, Rule};
use crate::suppress::Suppressed;

/// The schema GitHub code scanning validates uploads against.
pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// SARIF 2.1.0, one document for the whole run.
pub struct Sarif;

impl Emitter for Sarif {
    fn emit(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, &log(report))?;
        writeln!(out)
    }
}

/// The SARIF rule of one of the engine's rules.
fn rule(r: Rule) -> ReportingDescriptor {
    let doc = r.doc();
    let level = match doc.group {
        Group::Discrepancy => "error",
        Group::Link | Group::Unverifiable => "warning",
    };
    let help = format!(
        "{}\n\n`factcheck rules {}` explains it with examples. A discrepancy means the article \
         contradicts a fact in the fact base: correct the article, or, if the fact base is out of date, \
         update the fact and its source. An unverifiable claim has no fact it can be judged by: verify it \
         by hand, or add a fact with its source.",
        doc.explanation.trim(),
        doc.code
    );
    ReportingDescriptor::builder()
        .id(r.code())
        .name(doc.name.clone())
        .short_description(MultiformatMessageString::builder().text(doc.summary.clone()).build())
        .full_description(MultiformatMessageString::builder().text(doc.explanation.trim()).build())
        .help(MultiformatMessageString::builder().text(help).build())
        .default_configuration(ReportingConfiguration::builder().level(json!(level)).build())
        .properties(
            PropertyBag::builder()
                .tags(vec![
                    "fact-check".to_owned(),
                    match doc.group {
                        Group::Discrepancy => "discrepancy",
                        Group::Link => "link",
                        Group::Unverifiable => "unverifiable",
                    }
                    .to_owned(),
                ])
                .build(),
        )
        .build()
}

/// The URI of an article: relative to the checkout root (`%SRCROOT%`) unless absolute.
fn artifact_location(path: &str) -> ArtifactLocation {
    let path = relative_path(path);
    if path.starts_with('/') {
        ArtifactLocation::builder()
            .uri(format!("file://{}", encode_uri_path(&path)))
            .build()
    } else {
        ArtifactLocation::builder()
            .uri(encode_uri_path(&path))
            .uri_base_id("%SRCROOT%")
            .build()
    }
}

/// Percent-encode a path for a URI reference: everything but unreserved
/// characters, `/` and the sub-delimiters a path may hold. `:` is encoded
/// too, so a first segment is never read as a scheme.
fn encode_uri_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => out.push(b as char),
            b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b'+' | b',' | b';' | b'=' | b'@' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn region(a: &ArticleReport, c: &Claim, with_snippet: bool) -> Region {
    let mut r = span_region(a, c.span);
    if with_snippet {
        r.snippet = Some(ArtifactContent::builder().text(a.text(c.span)).build());
    }
    r
}

/// The region of a byte span of an article.
fn span_region(a: &ArticleReport, span: crate::span::Span) -> Region {
    let (start, end) = a.positions(span);
    let text = &a.article.text;
    let char_offset = text[..span.start].chars().count();
    let char_length = a.text(span).chars().count();
    Region::builder()
        .start_line(start.line as i64)
        .start_column(start.column as i64)
        .end_line(end.line as i64)
        .end_column(end.column as i64)
        .char_offset(char_offset as i64)
        .char_length(char_length as i64)
        .build()
}

/// The fact-check evidence, for tools that read more than the message.
fn properties(c: &Claim) -> PropertyBag {
    let mut bag: BTreeMap<String, Value> = BTreeMap::new();
    bag.insert("verdict".into(), json!(c.verdict.as_str()));
    bag.insert("kind".into(), json!(c.kind.as_str()));
    bag.insert("found".into(), c.found.clone());
    if let Some(v) = &c.expected {
        bag.insert("expected".into(), v.clone());
    }
    if let Some(f) = &c.fact {
        bag.insert("fact".into(), json!(f));
    }
    if let Some(s) = &c.source {
        bag.insert("source".into(), json!({"id": s.id, "title": s.title, "url": s.url}));
    }
    if let Some(s) = &c.suggestion {
        bag.insert("suggestion".into(), json!(s));
    }
    PropertyBag::builder().additional_properties(bag).build()
}

fn result(a: &ArticleReport, c: &Claim, level: ResultLevel) -> SarifResult {
    let location = Location::builder()
        .physical_location(
            PhysicalLocation::builder()
                .artifact_location(artifact_location(&a.article.path))
                .region(region(a, c, true))
                .build(),
        )
        .build();
    // The edit --diff makes: the claim, with "a"/"an" before it when the
    // correction needs the other one.
    let fixes = super::claim_correction(a, c)
        .filter(|_| c.verdict == Verdict::Discrepancy)
        .map(|(start, end, s)| {
            vec![
                Fix::builder()
                    .description(Message::builder().text(format!("write \"{s}\"")).build())
                    .artifact_changes(vec![
                        ArtifactChange::builder()
                            .artifact_location(artifact_location(&a.article.path))
                            .replacements(vec![
                                Replacement::builder()
                                    .deleted_region(span_region(a, crate::span::Span { start, end }))
                                    .inserted_content(ArtifactContent::builder().text(s.as_str()).build())
                                    .build(),
                            ])
                            .build(),
                    ])
                    .build(),
            ]
        });
    let rule = c.rule.unwrap_or(Rule::NoFact);
    let mut r = SarifResult::builder()
        .rule_id(rule.code())
        .rule_index(Rule::ALL.iter().position(|r| *r == rule).unwrap_or_default() as i64)
        .level(level)
        .message(Message::builder().text(c.message.as_str()).build())
        .locations(vec![location])
        .properties(properties(c))
        .build();
    r.fixes = fixes;
    r.suppressions = c.suppressed.map(|s| {
        vec![match s {
            Suppressed::Comment { line } => Suppression::builder()
                .kind(json!("inSource"))
                .justification(format!("`factcheck: ignore` comment on line {line}"))
                .build(),
            Suppressed::Setting => Suppression::builder()
                .kind(json!("external"))
                .justification(format!("`ignore` in factcheck.toml lists {}", rule.code()))
                .build(),
        }]
    });
    r
}

/// The rule of problems in the fact base (after the engine's rules).
pub const FACT_BASE_RULE: &str = "factcheck/fact-base";

fn fact_base_rule() -> ReportingDescriptor {
    ReportingDescriptor::builder()
        .id(FACT_BASE_RULE)
        .name("fact-base-problem")
        .short_description(
            MultiformatMessageString::builder()
                .text("Problem in the fact base")
                .build(),
        )
        .full_description(
            MultiformatMessageString::builder()
                .text(
                    "A fact-base file has an error (invalid TOML, an unknown key, a fact with no value, \
                     contradicting facts, ...), which stops every check, or a warning (a fact without a \
                     source, an unused entity, a base older than the article, ...).",
                )
                .build(),
        )
        .help(
            MultiformatMessageString::builder()
                .text("Fix the fact-base file at the line shown; `factcheck facts validate` lists every problem.")
                .build(),
        )
        .default_configuration(ReportingConfiguration::builder().level(json!("error")).build())
        .properties(PropertyBag::builder().tags(vec!["fact-base".to_owned()]).build())
        .build()
}

/// A problem in the fact base, as a result on its file and line.
fn problem_result(p: &Problem) -> SarifResult {
    let mut physical = PhysicalLocation::builder()
        .artifact_location(artifact_location(&p.file))
        .build();
    if p.line > 0 {
        physical.region = Some(
            Region::builder()
                .start_line(p.line as i64)
                .start_column(p.column.max(1) as i64)
                .build(),
        );
    }
    SarifResult::builder()
        .rule_id(FACT_BASE_RULE)
        .rule_index(Rule::ALL.len() as i64)
        .level(match p.severity {
            Severity::Error => ResultLevel::Error,
            Severity::Warning => ResultLevel::Warning,
        })
        .message(Message::builder().text(p.message.as_str()).build())
        .locations(vec![Location::builder().physical_location(physical).build()])
        .build()
}

fn log(report: &Report) -> SarifLog {
    let mut results: Vec<SarifResult> = report.fact_problems.iter().map(problem_result).collect();
    results.extend(
        report
            .articles
            .iter()
            .flat_map(|a| a.claims.iter().map(move |c| (a, c)))
            .filter_map(|(a, c)| match c.verdict {
                Verdict::Discrepancy => Some(result(a, c, ResultLevel::Error)),
                Verdict::Unverifiable => Some(result(a, c, ResultLevel::Warning)),
                Verdict::Match => None,
            }),
    );
    let mut rules: Vec<ReportingDescriptor> = Rule::ALL.iter().map(|r| rule(*r)).collect();
    // Only when used: a clean run's log stays as it was.
    if !report.fact_problems.is_empty() {
        rules.push(fact_base_rule());
    }
    let mut driver = ToolComponent::builder()
        .name(env!("CARGO_PKG_NAME"))
        .version(env!("CARGO_PKG_VERSION"))
        .semantic_version(env!("CARGO_PKG_VERSION"))
        .rules(rules)
        .build();
    let home = [env!("CARGO_PKG_HOMEPAGE"), env!("CARGO_PKG_REPOSITORY")]
        .into_iter()
        .find(|u| !u.is_empty());
    driver.information_uri = home.map(str::to_owned);
    let total = report.summary();
    let mut run_props = BTreeMap::new();
    run_props.insert(
        "summary".to_owned(),
        json!({
            "articles": report.articles.len(),
            "match": total.matches,
            "discrepancy": total.discrepancies,
            "unverifiable": total.unverifiable,
            "suppressed": total.suppressed,
        }),
    );
    run_props.insert(
        "facts".to_owned(),
        json!({"files": report.fact_files, "count": report.fact_count}),
    );
    let mut run = Run::builder()
        .tool(Tool::builder().driver(driver).build())
        .column_kind(json!("unicodeCodePoints"))
        .results(results)
        .properties(PropertyBag::builder().additional_properties(run_props).build())
        .build();
    // Articles that could not be read, or a fact base that did not load: the
    // run did not complete, and each is a notification (left out when every
    // article was checked).
    if !report.errors.is_empty() || report.base_is_invalid() {
        let mut notifications: Vec<Notification> = report
            .errors
            .iter()
            .map(|e| {
                Notification::builder()
                    .level(json!("error"))
                    .message(Message::builder().text(e.error.clone()).build())
                    .locations(vec![
                        Location::builder()
                            .physical_location(
                                PhysicalLocation::builder()
                                    .artifact_location(artifact_location(&e.path))
                                    .build(),
                            )
                            .build(),
                    ])
                    .build()
            })
            .collect();
        if report.base_is_invalid() {
            let errors = report.base_errors();
            notifications.push(
                Notification::builder()
                    .level(json!("error"))
                    .message(
                        Message::builder()
                            .text(format!(
                                "the fact base does not load ({}, shown as results); no article was checked",
                                super::plural(errors, "error", "errors")
                            ))
                            .build(),
                    )
                    .build(),
            );
        }
        run.invocations = Some(vec![
            Invocation::builder()
                .execution_successful(false)
                .tool_execution_notifications(notifications)
                .build(),
        ]);
    }
    SarifLog::builder()
        .schema(SCHEMA_URI)
        .version(json!("2.1.0"))
        .runs(vec![run])
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_relative_and_encoded() {
        let loc = artifact_location("./articles/my draft é.md");
        assert_eq!(loc.uri.as_deref(), Some("articles/my%20draft%20%C3%A9.md"));
        assert_eq!(loc.uri_base_id.as_deref(), Some("%SRCROOT%"));
        let abs = artifact_location("/srv/news/a:b.md");
        assert_eq!(abs.uri.as_deref(), Some("file:///srv/news/a%3Ab.md"));
        assert_eq!(abs.uri_base_id, None);
        assert_eq!(encode_uri_path("<stdin>"), "%3Cstdin%3E");
    }

    #[test]
    fn every_rule_is_a_sarif_rule_with_its_code_and_help() {
        let rules: Vec<ReportingDescriptor> = Rule::ALL.iter().map(|r| rule(*r)).collect();
        assert_eq!(rules.len(), Rule::ALL.len());
        let count = &rules[Rule::ALL.iter().position(|r| *r == Rule::CountDiffers).unwrap()];
        assert_eq!(count.id, "D105");
        assert_eq!(count.name.as_deref(), Some("count-differs"));
        assert!(count.help.as_ref().unwrap().text.contains("factcheck rules D105"));
        let mut ids: Vec<&str> = rules.iter().map(|r| r.id.as_str()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), rules.len());
    }
}
