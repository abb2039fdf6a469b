//! The CI formats (`sarif`, `github`, `junit`) and `--report FORMAT=PATH`.
//!
//! Each format is read back the way its consumer would read it and checked
//! against the JSON report of the same input: same findings, same spans.

use std::collections::BTreeMap;
use std::path::Path;

use quick_xml::events::Event;
use serde_json::Value;

use crate::common::{check_text, factcheck, root, with_verdict, write};

/// One discrepancy ("36 countries"; the fact base says 35) and one
/// unverifiable claim ("Some 5,000 troops"), among three matches.
const TEXT: &str = "The summit in Paris on Tuesday (January 6) gathered representatives from 36 countries. \
Some 5,000 troops could deploy.";

/// Run `check` on `TEXT` from stdin in `format`; (exit code, stdout).
fn run(format: &str, extra: &[&str]) -> (i32, String) {
    let out = factcheck()
        .args(["check", "-", "--published", "2026-01-07", "--format", format])
        .args(extra)
        .write_stdin(TEXT)
        .output()
        .expect("runs");
    let stdout = String::from_utf8(out.stdout).expect("UTF-8 output");
    assert!(
        out.stderr.is_empty(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().expect("exit code"), stdout)
}

/// The single discrepancy and the single unverifiable claim of `TEXT`, from the JSON report.
fn findings() -> (Value, Value) {
    let (code, json) = check_text(TEXT);
    assert_eq!(code, 1);
    let d = with_verdict(&json, "discrepancy");
    let u = with_verdict(&json, "unverifiable");
    assert_eq!((d.len(), u.len()), (1, 1), "fixture changed: {json:#}");
    assert_eq!(d[0]["text"], "36 countries");
    assert_eq!(u[0]["text"], "Some 5,000 troops");
    (d[0].clone(), u[0].clone())
}

/// A temporary folder holding `drafts/my article.md` (a space, to test
/// escaping), checked from inside the folder as `./drafts/my article.md`.
fn article_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("drafts")).expect("mkdir");
    write(
        &dir.path().join("drafts"),
        "my article.md",
        &format!("# Summit\n\n{TEXT}\n"),
    );
    dir
}

/// `check ./drafts/my article.md` run inside `dir` against the project's fact base.
fn run_in(dir: &Path, args: &[&str]) -> (i32, String) {
    let facts = root().join("claims");
    let out = factcheck()
        .current_dir(dir)
        .arg("check")
        .arg("./drafts/my article.md")
        .arg("-f")
        .arg(&facts)
        .args(args)
        .output()
        .expect("runs");
    assert!(
        out.stderr.is_empty(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        out.status.code().expect("exit code"),
        String::from_utf8(out.stdout).expect("UTF-8"),
    )
}

// ---------------------------------------------------------------- SARIF

fn region_of(result: &Value) -> &Value {
    &result["locations"][0]["physicalLocation"]["region"]
}

/// `(startLine, startColumn, endLine, endColumn)` of a SARIF region and of a JSON span.
fn sarif_lc(region: &Value) -> [u64; 4] {
    ["startLine", "startColumn", "endLine", "endColumn"].map(|k| region[k].as_u64().expect(k))
}

fn json_lc(claim: &Value) -> [u64; 4] {
    ["line", "column", "end_line", "end_column"].map(|k| claim["span"][k].as_u64().expect(k))
}

#[test]
fn sarif_results_match_the_json_report() {
    let (disc, unver) = findings();
    let (code, out) = run("sarif", &[]);
    assert_eq!(code, 1);
    let sarif: Value = serde_json::from_str(&out).expect("SARIF is JSON");
    assert_eq!(sarif["version"], "2.1.0");
    assert_eq!(sarif["$schema"], "https://json.schemastore.org/sarif-2.1.0.json");
    let run = &sarif["runs"][0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "factcheck");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(run["columnKind"], "unicodeCodePoints");

    let results = run["results"].as_array().expect("results");
    assert_eq!(results.len(), 2, "matches are not results: {results:#?}");
    let (r0, r1) = (&results[0], &results[1]);
    assert_eq!(r0["ruleId"], "D105");
    assert_eq!(r0["ruleId"], disc["rule"]);
    assert_eq!(r0["level"], "error");
    assert_eq!(r0["message"]["text"], disc["message"]);
    assert_eq!(sarif_lc(region_of(r0)), json_lc(&disc));
    assert_eq!(region_of(r0)["snippet"]["text"], "36 countries");
    // Every character before the claim is one byte here, so the offsets agree.
    assert_eq!(region_of(r0)["charOffset"], disc["span"]["start"]);
    assert_eq!(region_of(r0)["charLength"], 12);
    assert_eq!(r0["properties"]["expected"], 35);
    let fix = &r0["fixes"][0]["artifactChanges"][0]["replacements"][0];
    assert_eq!(fix["insertedContent"]["text"], "35 countries");
    assert_eq!(sarif_lc(&fix["deletedRegion"]), json_lc(&disc));

    assert_eq!(r1["ruleId"], unver["rule"]);
    assert_eq!(r1["level"], "warning");
    assert_eq!(r1["message"]["text"], unver["message"]);
    assert_eq!(sarif_lc(region_of(r1)), json_lc(&unver));
    assert!(r1.get("fixes").is_none());

    // ruleIndex points at the rule named by ruleId; one SARIF rule per engine rule.
    let rules = driver["rules"].as_array().expect("rules");
    assert_eq!(rules.len(), factcheck::rules::Rule::ALL.len());
    for r in results {
        let idx = r["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[idx]["id"], r["ruleId"]);
        assert!(
            rules[idx]["shortDescription"]["text"]
                .as_str()
                .is_some_and(|t| !t.is_empty())
        );
    }
    assert_eq!(run["properties"]["summary"]["match"], 3);
}

#[test]
fn sarif_uri_is_relative_and_percent_encoded() {
    let dir = article_dir();
    let (code, out) = run_in(dir.path(), &["--format", "sarif", "--published", "2026-01-07"]);
    assert_eq!(code, 1);
    let sarif: Value = serde_json::from_str(&out).expect("JSON");
    let result = &sarif["runs"][0]["results"][0];
    let loc = &result["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(loc["uri"], "drafts/my%20article.md");
    assert_eq!(loc["uriBaseId"], "%SRCROOT%");
    // The heading moves the claim to line 3.
    assert_eq!(region_of(result)["startLine"], 3);
    assert_eq!(region_of(result)["startColumn"], 74);
}

/// The SARIF 2.1.0 schema (OASIS), as bundled with the serde-sarif crate.
fn sarif_validator() -> (boon::Schemas, boon::SchemaIndex) {
    let text = std::fs::read_to_string(root().join("tests/data/sarif-schema-2.1.0.json")).expect("schema");
    let schema: Value = serde_json::from_str(&text).expect("schema is JSON");
    let id = schema["$id"].as_str().expect("$id").to_owned();
    let mut compiler = boon::Compiler::new();
    compiler.set_default_draft(boon::Draft::V7);
    compiler.add_resource(&id, schema).expect("schema loads");
    let mut schemas = boon::Schemas::new();
    let index = compiler.compile(&id, &mut schemas).expect("schema compiles");
    (schemas, index)
}

#[test]
fn sarif_is_valid_against_the_sarif_2_1_0_schema() {
    let (schemas, index) = sarif_validator();
    let (_, from_stdin) = run("sarif", &[]);
    let dir = article_dir();
    let (_, from_file) = run_in(dir.path(), &["--format", "sarif", "--published", "2026-01-07"]);
    for out in [from_stdin, from_file] {
        let doc: Value = serde_json::from_str(&out).expect("JSON");
        if let Err(e) = schemas.validate(&doc, index) {
            panic!("invalid SARIF: {e:#}\n{out}");
        }
        // The validator is not a rubber stamp: a level SARIF does not know is refused.
        let mut broken = doc.clone();
        broken["runs"][0]["results"][0]["level"] = "fatal".into();
        assert!(schemas.validate(&broken, index).is_err());
    }
}

// ---------------------------------------------------------------- GitHub

/// Undo GitHub's escaping (`%25` last, so `%253A` stays `%3A`).
fn unescape(s: &str) -> String {
    s.replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
}

/// A workflow command line: (command, properties, message), all unescaped.
fn parse_command(line: &str) -> (String, BTreeMap<String, String>, String) {
    let rest = line.strip_prefix("::").expect("starts with ::");
    let (head, message) = rest.split_once("::").expect("has a message");
    let (command, props) = head.split_once(' ').unwrap_or((head, ""));
    let props = props
        .split(',')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').expect("key=value");
            (k.to_owned(), unescape(v))
        })
        .collect();
    (command.to_owned(), props, unescape(message))
}

#[test]
fn github_annotations_carry_the_json_spans() {
    let (disc, unver) = findings();
    let (code, out) = run("github", &[]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");

    for (line, claim, command, title) in [
        (lines[0], &disc, "error", "factcheck discrepancy (count)"),
        (lines[1], &unver, "warning", "factcheck unverifiable (count)"),
    ] {
        let (cmd, props, message) = parse_command(line);
        assert_eq!(cmd, command);
        assert_eq!(props["file"], "<stdin>");
        assert_eq!(props["title"], title);
        let lc = json_lc(claim);
        assert_eq!(props["line"], lc[0].to_string());
        assert_eq!(props["col"], lc[1].to_string());
        assert_eq!(props["endLine"], lc[2].to_string());
        assert_eq!(props["endColumn"], lc[3].to_string());
        assert!(message.starts_with(claim["message"].as_str().unwrap()), "{message}");
    }
    // The suggestion rides on a second line of the error.
    let (_, _, message) = parse_command(lines[0]);
    assert!(message.ends_with("\nhelp: write \"35 countries\""), "{message}");
    let (cmd, _, summary) = parse_command(lines[2]);
    assert_eq!(cmd, "notice");
    assert_eq!(summary, "1 article, 5 claims: 3 matches, 1 discrepancy, 1 unverifiable");
}

#[test]
fn github_paths_are_relative_and_multi_line_spans_drop_columns() {
    let dir = article_dir();
    let (_, out) = run_in(dir.path(), &["--format", "github", "--published", "2026-01-07"]);
    let (_, props, _) = parse_command(out.lines().next().expect("a line"));
    assert_eq!(props["file"], "drafts/my article.md");
    assert_eq!(props["line"], "3");

    // A claim broken over two lines: GitHub refuses columns on such annotations.
    let text = TEXT.replace("36 countries", "36\ncountries");
    let (_, json) = check_text(&text);
    let disc = with_verdict(&json, "discrepancy");
    assert_eq!(json_lc(disc[0])[..3], [1, 74, 2], "fixture changed: {json:#}");
    let out = factcheck()
        .args(["check", "-", "--published", "2026-01-07", "--format", "github"])
        .write_stdin(text)
        .output()
        .expect("runs");
    let out = String::from_utf8(out.stdout).expect("UTF-8");
    let (cmd, props, message) = parse_command(out.lines().next().expect("a line"));
    assert_eq!(cmd, "error");
    assert_eq!((props["line"].as_str(), props["endLine"].as_str()), ("1", "2"));
    assert!(
        !props.contains_key("col") && !props.contains_key("endColumn"),
        "{props:?}"
    );
    // The message is the JSON report's, whatever line breaks it keeps, escaped and restored.
    assert!(message.starts_with(disc[0]["message"].as_str().unwrap()), "{message}");
}

#[test]
fn github_escaping_covers_percent_colon_comma_and_newlines() {
    use factcheck::report::{escape_data, escape_property};
    let raw = "100% sure: a, b\r\nc";
    assert_eq!(escape_data(raw), "100%25 sure: a, b%0D%0Ac");
    assert_eq!(escape_property(raw), "100%25 sure%3A a%2C b%0D%0Ac");
    assert_eq!(unescape(&escape_property(raw)), raw);
    assert_eq!(unescape(&escape_property("%3A")), "%3A");
    let line = format!(
        "::error file={},line=1::{}",
        escape_property("a,b:c.md"),
        escape_data(raw)
    );
    let (_, props, message) = parse_command(&line);
    assert_eq!(props["file"], "a,b:c.md");
    assert_eq!(message, raw);
}

// ---------------------------------------------------------------- JUnit

/// Every element of a JUnit document: (name, attributes) in document order.
fn xml_elements(xml: &str) -> Vec<(String, BTreeMap<String, String>)> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => {
                let name = e.name().0.to_owned();
                let attrs = e
                    .attributes()
                    .map(|a| {
                        let a = a.expect("attribute");
                        let key = a.key.0.to_owned();
                        let value = a
                            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .expect("value")
                            .into_owned();
                        (key, value)
                    })
                    .collect();
                out.push((name, attrs));
            }
            _ => {}
        }
    }
    out
}

fn named<'a>(elements: &'a [(String, BTreeMap<String, String>)], name: &str) -> Vec<&'a BTreeMap<String, String>> {
    elements.iter().filter(|(n, _)| n == name).map(|(_, a)| a).collect()
}

#[test]
fn junit_has_a_case_per_claim_and_fails_discrepancies() {
    let (disc, unver) = findings();
    let (code, out) = run("junit", &[]);
    assert_eq!(code, 1);
    let elements = xml_elements(&out);
    let suites = named(&elements, "testsuite");
    assert_eq!(suites.len(), 1);
    assert_eq!(suites[0]["name"], "<stdin>");
    assert_eq!(
        (&*suites[0]["tests"], &*suites[0]["failures"], &*suites[0]["skipped"]),
        ("5", "1", "1")
    );
    assert_eq!(named(&elements, "testcase").len(), 5);
    let failures = named(&elements, "failure");
    assert_eq!(failures.len(), 1);
    assert_eq!(failures[0]["message"], disc["message"].as_str().unwrap());
    assert_eq!(
        named(&elements, "skipped")[0]["message"],
        unver["message"].as_str().unwrap()
    );

    // The failing case is named line:col kind: text, with the path as classname.
    let position = elements.iter().position(|(n, _)| n == "failure").unwrap();
    let (name, case) = &elements[position - 1];
    assert_eq!(name, "testcase");
    let lc = json_lc(&disc);
    assert_eq!(case["name"], format!("{}:{} count: 36 countries", lc[0], lc[1]));
    assert_eq!(case["classname"], "<stdin>");
}

#[test]
fn junit_fails_unverifiable_claims_when_the_run_does() {
    let (code, out) = run("junit", &["--fail-on", "unverifiable"]);
    assert_eq!(code, 1);
    let elements = xml_elements(&out);
    let root = named(&elements, "testsuites")[0];
    assert_eq!(
        (&*root["tests"], &*root["failures"], &*root["skipped"]),
        ("5", "2", "0")
    );
}

#[test]
fn junit_suite_is_named_by_the_relative_path() {
    let dir = article_dir();
    let (_, out) = run_in(dir.path(), &["--format", "junit", "--published", "2026-01-07"]);
    let elements = xml_elements(&out);
    assert_eq!(named(&elements, "testsuite")[0]["name"], "drafts/my article.md");
    assert!(
        named(&elements, "testcase")
            .iter()
            .all(|c| c["classname"] == "drafts/my article.md")
    );
    assert!(
        named(&elements, "testcase")
            .iter()
            .any(|c| c["name"] == "3:74 count: 36 countries")
    );
}

// ---------------------------------------------------------------- all three

#[test]
fn ci_formats_are_deterministic() {
    for format in ["sarif", "github", "junit"] {
        let (_, a) = run(format, &[]);
        let (_, b) = run(format, &[]);
        assert!(!a.is_empty());
        assert_eq!(a, b, "{format} output differs between runs");
    }
}

// ---------------------------------------------------------------- --report

#[test]
fn report_flag_writes_extra_reports_from_one_run() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sarif = dir.path().join("out.sarif");
    let junit = dir.path().join("junit.xml");
    let (code, stdout) = run(
        "json",
        &[
            "--report",
            &format!("sarif={}", sarif.display()),
            "--report",
            &format!("junit={}", junit.display()),
        ],
    );
    assert_eq!(code, 1);
    let json: Value = serde_json::from_str(&stdout).expect("main report still on stdout");
    assert_eq!(json["summary"]["discrepancy"], 1);
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&sarif).expect("SARIF written")).expect("JSON");
    assert_eq!(doc["runs"][0]["results"].as_array().map(Vec::len), Some(2));
    let xml = std::fs::read_to_string(&junit).expect("JUnit written");
    assert_eq!(named(&xml_elements(&xml), "testcase").len(), 5);
    // The extra reports are the same bytes as the formats on their own.
    assert_eq!(std::fs::read_to_string(&sarif).unwrap(), run("sarif", &[]).1);
    assert_eq!(xml, run("junit", &[]).1);
}

#[test]
fn report_flag_rejects_bad_values_as_usage_errors() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("x.out");
    let cases: [(String, &str); 3] = [
        ("sarif".to_owned(), "FORMAT=PATH"),
        (format!("pdf={}", target.display()), "unknown report format `pdf`"),
        ("junit=".to_owned(), "names no file"),
    ];
    for (value, expected) in cases {
        let out = factcheck()
            .args(["check", "-", "--published", "2026-01-07", "--report", &value])
            .write_stdin(TEXT)
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "--report {value}: {stderr}");
        assert!(stderr.contains(expected), "--report {value}: {stderr}");
        assert!(out.stdout.is_empty(), "no report on a usage error");
    }
    assert!(!target.exists());

    // Two reports bound for one file would overwrite each other.
    let out = factcheck()
        .args(["check", "-", "--published", "2026-01-07", "--format", "json", "-o"])
        .arg(&target)
        .arg("--report")
        .arg(format!("sarif={}", target.display()))
        .write_stdin(TEXT)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("already receives another report"));
    assert!(!target.exists());
}

/// Issue 15, item 2: an article that cannot be read (missing, not UTF-8)
/// stops nothing. The others are checked, every format says the report is
/// partial and names the file, and the run exits 2.
#[test]
fn every_format_reports_the_articles_it_could_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    crate::common::fixture::copy_into(d, "a.md");
    std::fs::write(d.join("latin1.md"), b"caf\xE9 with 35 countries\n").unwrap();
    let out = |format: &str| {
        let r = crate::common::run(crate::common::factcheck_in(d).args([
            "check",
            "nosuch.md",
            "a.md",
            "latin1.md",
            "-f",
            "facts.toml",
            "--format",
            format,
        ]));
        assert_eq!(r.code, 2, "{format}: {}", r.stderr);
        assert_eq!(
            r.stderr,
            "error: nosuch.md: no such file or directory\n\
             error: latin1.md:1:4: not valid UTF-8 (byte 0xE9); save the file as UTF-8\n",
            "{format}"
        );
        r.stdout
    };

    let json: Value = serde_json::from_str(&out("json")).unwrap();
    assert_eq!(json["articles"].as_array().unwrap().len(), 1);
    assert_eq!(json["articles"][0]["path"], "a.md");
    assert_eq!(json["errors"][0]["path"], "nosuch.md");
    assert_eq!(json["errors"][0]["message"], "nosuch.md: no such file or directory");
    assert_eq!(json["errors"][0]["error"], json["errors"][0]["message"]);
    assert_eq!(json["errors"][1]["path"], "latin1.md");

    let jsonl = out("jsonl");
    let lines: Vec<Value> = jsonl.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(lines.len() > 2);
    let errors: Vec<&Value> = lines.iter().filter(|l| l.get("verdict").is_none()).collect();
    assert_eq!(errors.len(), 2, "{jsonl}");
    assert_eq!(errors[0]["path"], "nosuch.md");
    assert_eq!(errors[1]["path"], "latin1.md");
    assert!(errors[1]["message"].as_str().unwrap().contains("not valid UTF-8"));

    let sarif: Value = serde_json::from_str(&out("sarif")).unwrap();
    let invocation = &sarif["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notes = invocation["toolExecutionNotifications"].as_array().unwrap();
    assert_eq!(notes.len(), 2);
    assert_eq!(
        notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "nosuch.md"
    );
    assert_eq!(notes[1]["level"], "error");

    let github = out("github");
    assert!(github.contains("::error file=nosuch.md,"), "{github}");
    assert!(github.contains("::error file=latin1.md,"), "{github}");

    let junit = out("junit");
    let errors = named(&xml_elements(&junit), "error")
        .into_iter()
        .map(|e| e["message"].clone())
        .collect::<Vec<_>>();
    assert_eq!(errors.len(), 2, "{junit}");
    assert!(errors[0].starts_with("nosuch.md: "), "{errors:?}");

    let html = out("html");
    assert!(
        html.contains("<h2>Partial report: 2 articles could not be read</h2>"),
        "{html}"
    );
    assert!(html.contains("<li data-path=\"latin1.md\"><code>latin1.md</code>: latin1.md:1:4: not valid UTF-8"));
    assert!(html.contains("partial: 2 articles not read"));

    let human = out("human");
    assert!(human.ends_with("; 2 articles not read (partial report)\n"), "{human}");
}

/// Issue 15, item 17: `--stdin-filename` names standard input in every
/// format (no more `%3Cstdin%3E`), and its extension makes it Markdown.
#[test]
fn stdin_filename_names_standard_input_everywhere() {
    let text = format!("---\npublished: 2026-01-07\n---\n\n{TEXT}\n");
    let out = |format: &str| {
        let out = factcheck()
            .args([
                "check",
                "-",
                "--stdin-filename",
                "./news/draft one.md",
                "--format",
                format,
            ])
            .write_stdin(text.clone())
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(1),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let json: Value = serde_json::from_str(&out("json")).unwrap();
    assert_eq!(json["articles"][0]["path"], "news/draft one.md");
    assert_eq!(
        json["articles"][0]["published"], "2026-01-07",
        "read as Markdown, front matter and all"
    );
    assert_eq!(json["summary"]["discrepancy"], 1);
    for line in out("jsonl").lines() {
        let claim: Value = serde_json::from_str(line).unwrap();
        assert_eq!(claim["path"], "news/draft one.md");
    }
    let sarif: Value = serde_json::from_str(&out("sarif")).unwrap();
    for r in sarif["runs"][0]["results"].as_array().unwrap() {
        assert_eq!(
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "news/draft%20one.md"
        );
    }
    let github = out("github");
    assert!(github.contains("::error file=news/draft one.md,line=5,"), "{github}");
    assert!(!github.contains("stdin"), "{github}");
    let junit = out("junit");
    assert!(junit.contains("<testsuite name=\"news/draft one.md\""), "{junit}");
    assert!(out("human").contains("--> news/draft one.md:5:"));
    assert!(out("html").contains("<h2>news/draft one.md</h2>"));
}

/// Issue 15, item 5: problems in the fact base are annotations on the
/// fact-base file and line, in github and SARIF. With an invalid base the
/// github report and the SARIF file are still written (then exit 2);
/// warnings join the report of a run that checked.
#[test]
fn fact_base_problems_annotate_the_fact_base_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("claims")).unwrap();
    crate::common::fixture::copy_into(d, "a.md");
    let facts = crate::common::fixture::facts();
    let line = facts.lines().count() + 5;
    write(
        &d.join("claims"),
        "x.toml",
        &format!("{facts}\n[[fact]]\nid = \"extra\"\nabout = [\"observers\"]\ncuont = 12\n"),
    );
    let r = crate::common::run(crate::common::factcheck_in(d).args([
        "check",
        "a.md",
        "--format",
        "github",
        "--report",
        "sarif=fc.sarif",
    ]));
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_eq!(
        r.stderr,
        format!("error: claims/x.toml:{line}:1: unknown key `cuont` in [[fact]] (did you mean `count`?)\n")
    );
    let lines: Vec<(String, BTreeMap<String, String>, String)> = r.stdout.lines().map(parse_command).collect();
    assert_eq!(lines.len(), 2, "{}", r.stdout);
    let (command, props, message) = &lines[0];
    assert_eq!(command, "error");
    assert_eq!(props["file"], "claims/x.toml");
    assert_eq!(props["line"], line.to_string());
    assert_eq!(props["col"], "1");
    assert_eq!(message, "unknown key `cuont` in [[fact]] (did you mean `count`?)");
    assert_eq!(lines[1].0, "error");
    assert!(lines[1].2.contains("no article was checked"), "{}", lines[1].2);

    let sarif: Value = serde_json::from_slice(&std::fs::read(d.join("fc.sarif")).expect("SARIF written")).unwrap();
    let (schemas, index) = sarif_validator();
    if let Err(e) = schemas.validate(&sarif, index) {
        panic!("invalid SARIF: {e:#}\n{sarif:#}");
    }
    let run = &sarif["runs"][0];
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 1);
    assert_eq!(results[0]["ruleId"], "factcheck/fact-base");
    assert_eq!(results[0]["level"], "error");
    let rule = results[0]["ruleIndex"].as_u64().unwrap() as usize;
    assert_eq!(run["tool"]["driver"]["rules"][rule]["id"], "factcheck/fact-base");
    let location = &results[0]["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], "claims/x.toml");
    assert_eq!(location["region"]["startLine"], line as u64);
    assert_eq!(run["invocations"][0]["executionSuccessful"], false);

    // SARIF as the report itself, and a format that has no such annotations.
    let r = crate::common::run(crate::common::factcheck_in(d).args(["check", "a.md", "--format", "sarif"]));
    assert_eq!(r.code, 2);
    let doc: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(doc["runs"][0]["results"][0]["ruleId"], "factcheck/fact-base");
    let r = crate::common::run(crate::common::factcheck_in(d).args(["check", "a.md", "--format", "json"]));
    assert_eq!((r.code, r.stdout.as_str()), (2, ""));

    // A warning (a fact without a source) on a base that loads.
    write(
        &d.join("claims"),
        "x.toml",
        &format!("{facts}\n[[fact]]\nid = \"extra\"\nabout = [\"observers\"]\ncount = 12\nunit = [\"observers\"]\n"),
    );
    let r = crate::common::run(crate::common::factcheck_in(d).args([
        "check",
        "a.md",
        "--format",
        "github",
        "--report",
        "sarif=fc.sarif",
    ]));
    assert_eq!(r.code, 1, "{}", r.stderr);
    let (command, props, message) = parse_command(r.stdout.lines().next().unwrap());
    assert_eq!(command, "warning");
    assert_eq!(
        (props["file"].as_str(), props["line"].as_str()),
        ("claims/x.toml", &*(line - 3).to_string())
    );
    assert_eq!(message, "fact `extra` cites no source");
    assert!(r.stdout.contains("::error file=a.md,"), "the findings follow");
    let sarif: Value = serde_json::from_slice(&std::fs::read(d.join("fc.sarif")).unwrap()).unwrap();
    let first = &sarif["runs"][0]["results"][0];
    assert_eq!(
        (first["ruleId"].as_str(), first["level"].as_str()),
        (Some("factcheck/fact-base"), Some("warning"))
    );
    assert!(
        sarif["runs"][0].get("invocations").is_none(),
        "the run itself succeeded"
    );
    if let Err(e) = schemas.validate(&sarif, index) {
        panic!("invalid SARIF: {e:#}");
    }
}
