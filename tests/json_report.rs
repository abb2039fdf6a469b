//! The JSON report is a contract: deserialise it into structs that mirror the
//! contract exactly, plus our documented additions (`front_matter`, `because`,
//! `range`, `entity`, `source.id`), all with `deny_unknown_fields`. A new field
//! makes this test fail, so adding one is a deliberate act (and a note in the
//! contract); a field removed or renamed fails it too.
//!
//! Then every claim is checked against the file's bytes: the span slices out
//! exactly `text`, and line/column agree with the bytes (1-based, columns in
//! characters).

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::common;

/// A field that must be present but may be `null`. Unlike `Option`, which
/// serde fills with `None` when the field is missing, this fails on a
/// missing field, so a removed field is caught as well as an added one.
#[derive(Debug, Clone, PartialEq)]
struct Nullable<T>(Option<T>);

impl<'de, T: DeserializeOwned> Deserialize<'de> for Nullable<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Value::deserialize(d)? {
            Value::Null => Ok(Nullable(None)),
            v => T::deserialize(v)
                .map(|t| Nullable(Some(t)))
                .map_err(serde::de::Error::custom),
        }
    }
}

impl<T> Nullable<T> {
    fn is_some(&self) -> bool {
        self.0.is_some()
    }
    fn is_none(&self) -> bool {
        self.0.is_none()
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Document {
    version: u32,
    tool: Tool,
    facts: Facts,
    articles: Vec<Article>,
    summary: Total,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Tool {
    name: String,
    version: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Facts {
    files: Vec<String>,
    count: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Article {
    path: String,
    published: Nullable<String>,
    /// Addition: front-matter keys other than `published`.
    front_matter: BTreeMap<String, Value>,
    summary: Summary,
    claims: Vec<Claim>,
}

#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
struct Summary {
    #[serde(rename = "match")]
    matches: usize,
    discrepancy: usize,
    unverifiable: usize,
    /// Addition (second round): claims suppressed by `ignore`.
    suppressed: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Total {
    articles: usize,
    #[serde(rename = "match")]
    matches: usize,
    discrepancy: usize,
    unverifiable: usize,
    /// Addition (second round): claims suppressed by `ignore`.
    suppressed: usize,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum Verdict {
    Match,
    Discrepancy,
    Unverifiable,
}

/// The contract's kinds, and only those.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum Kind {
    Date,
    Weekday,
    Year,
    Count,
    Entity,
    Entities,
    Role,
    Name,
    Quote,
    Amount,
    Percent,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Claim {
    verdict: Verdict,
    kind: Kind,
    /// Addition (second round): the rule's code, null on a plain match.
    rule: Nullable<String>,
    text: String,
    sentence: String,
    span: Span,
    found: Value,
    expected: Nullable<Value>,
    fact: Nullable<String>,
    source: Nullable<Source>,
    message: String,
    suggestion: Nullable<String>,
    /// Addition: why the claim was tied to its fact.
    because: Nullable<String>,
    /// Addition: the interval an approximate claim stands for.
    range: Nullable<Range>,
    /// Addition: the entity a role or name claim is about.
    entity: Nullable<String>,
    /// Addition (shared names): present on a U016 claim, the entity ids a name may be.
    #[serde(default)]
    candidates: Option<Vec<String>>,
    /// Addition (second round): present and true on a suppressed claim.
    #[serde(default)]
    suppressed: Option<bool>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Span {
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Source {
    /// Addition: the key of `[sources]`.
    id: String,
    title: Nullable<String>,
    url: Nullable<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Range {
    min: Nullable<Value>,
    max: Nullable<Value>,
}

/// A small article with front matter, Markdown, a code block that must not be
/// read, multi-byte characters before claims on the same and earlier lines, a
/// claim broken across lines, and every verdict.
const ARTICLE: &str = "---
title: \"Élysée summit\"
published: 2026-01-07
---

# Leaders meet at the Élysée

At the Élysée — on Tuesday (January 6) — the summit gathered delegations from 36 countries.

French President Emmanuel Macron, Ukrainian President Volodymyr Zelenskyy and UK Prime
Minister Keir Starmer signed a declaration of intent.

Russia first invaded Ukraine in 2014 and occupies about 20% of Ukraine. The EU loan is
€90 billion. Officials said 12 observers would arrive.

```
36 countries in a code block
```
";

/// 1-based line and column (in characters) of byte `at` of `text`.
fn position(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

fn run_json(path: &Path, format: &str) -> String {
    let out = common::factcheck()
        .args(["check", path.to_str().unwrap(), "--format", format])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// The project's fact files, as the report names them, and their fact count.
fn project_facts() -> (Vec<String>, usize) {
    fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
        entries.sort();
        for e in entries {
            if e.is_dir() {
                walk(&e, out);
            } else if e.extension().is_some_and(|x| x == "toml") {
                out.push(e);
            }
        }
    }
    let mut files = Vec::new();
    walk(&common::root().join("claims"), &mut files);
    // Every `[[fact]]`, and the date and place facts of the events.
    let count = factcheck::facts::load_paths(&[common::root().join("claims")])
        .map(|b| b.facts.len())
        .unwrap_or_default();
    let written: usize = files
        .iter()
        .map(|f| {
            std::fs::read_to_string(f)
                .unwrap()
                .lines()
                .filter(|l| l.trim() == "[[fact]]")
                .count()
        })
        .sum();
    assert!(count >= written, "{count} facts loaded, {written} written");
    let names = files
        .iter()
        .map(|f| f.strip_prefix(common::root()).unwrap().to_str().unwrap().to_owned())
        .collect();
    (names, count)
}

#[test]
fn json_report_has_the_contract_shape_and_true_spans() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::write(dir.path(), "summit.md", ARTICLE);
    let stdout = run_json(&path, "json");
    let doc: Document = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}\n{stdout}"));

    assert_eq!(doc.version, 1);
    assert_eq!(doc.tool.name, "factcheck");
    assert_eq!(doc.tool.version, env!("CARGO_PKG_VERSION"));
    let (files, count) = project_facts();
    assert_eq!(doc.facts.files, files);
    assert_eq!(doc.facts.count, count);

    assert_eq!(doc.articles.len(), 1);
    let a = &doc.articles[0];
    assert_eq!(a.path, path.to_str().unwrap());
    assert_eq!(a.published.0.as_deref(), Some("2026-01-07"));
    assert_eq!(
        a.front_matter,
        BTreeMap::from([("title".to_owned(), Value::from("Élysée summit"))])
    );

    // Summaries are the claims' verdicts, counted.
    let n = |v: Verdict| {
        a.claims
            .iter()
            .filter(|c| c.verdict == v && c.suppressed.is_none())
            .count()
    };
    let counted = Summary {
        matches: n(Verdict::Match),
        discrepancy: n(Verdict::Discrepancy),
        unverifiable: n(Verdict::Unverifiable),
        suppressed: a.claims.iter().filter(|c| c.suppressed == Some(true)).count(),
    };
    // Every verdict but a plain match names its rule.
    for c in &a.claims {
        assert_eq!(c.rule.0.is_some(), c.verdict != Verdict::Match, "{c:?}");
    }
    assert_eq!(a.summary, counted);
    assert_eq!(doc.summary.articles, 1);
    assert_eq!(
        (
            doc.summary.matches,
            doc.summary.discrepancy,
            doc.summary.unverifiable,
            doc.summary.suppressed
        ),
        (
            counted.matches,
            counted.discrepancy,
            counted.unverifiable,
            counted.suppressed
        )
    );
    assert!(
        counted.matches >= 5 && counted.discrepancy >= 1 && counted.unverifiable >= 1,
        "{counted:?}"
    );

    let bytes = std::fs::read(&path).unwrap();
    let text = std::str::from_utf8(&bytes).unwrap();
    let code_block = text.find("```").unwrap();
    for c in &a.claims {
        let sp = &c.span;
        assert!(sp.start < sp.end && sp.end <= bytes.len(), "{c:?}");
        assert_eq!(&bytes[sp.start..sp.end], c.text.as_bytes(), "span bytes of {c:?}");
        assert_eq!(position(text, sp.start), (sp.line, sp.column), "start of {:?}", c.text);
        assert_eq!(
            position(text, sp.end),
            (sp.end_line, sp.end_column),
            "end of {:?}",
            c.text
        );
        assert!(sp.start < code_block, "a claim inside the code block: {c:?}");
        let one_line = c.text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            c.sentence.contains(&one_line),
            "sentence {:?} lacks {:?}",
            c.sentence,
            one_line
        );
        assert!(!c.message.is_empty());

        // Values are normalised by kind.
        match c.kind {
            Kind::Date => {
                let s = c.found.as_str().expect("a date is a string");
                assert!(
                    s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-',
                    "{s}"
                );
            }
            Kind::Entities => assert!(
                c.found.as_array().is_some_and(|l| l.iter().all(Value::is_string)),
                "{c:?}"
            ),
            Kind::Year | Kind::Count | Kind::Amount | Kind::Percent => {
                assert!(c.found.is_number(), "{c:?}")
            }
            _ => {}
        }
        // `expected`, `fact`, `source`, `suggestion` are null where they do not apply.
        match c.verdict {
            Verdict::Unverifiable => {
                assert!(c.expected.is_none() && c.fact.is_none() && c.source.is_none(), "{c:?}");
                assert!(c.suggestion.is_none(), "{c:?}");
            }
            Verdict::Match => {
                assert!(c.expected.is_some(), "{c:?}");
                assert!(c.suggestion.is_none(), "{c:?}");
                assert!(c.fact.is_some() || c.entity.is_some(), "{c:?}");
            }
            Verdict::Discrepancy => {
                assert!(c.expected.is_some(), "{c:?}");
                assert!(c.fact.is_some() || c.entity.is_some(), "{c:?}");
            }
        }
        if c.verdict != Verdict::Unverifiable {
            assert!(c.because.is_some(), "a verdict without its link: {c:?}");
        }
        if let Some(src) = &c.source.0 {
            assert!(c.fact.is_some(), "a source without a fact: {c:?}");
            assert!(!src.id.is_empty());
            assert!(src.title.is_some() || src.url.is_some(), "{c:?}");
        }
        if let Some(r) = &c.range.0 {
            assert!(r.min.is_some() || r.max.is_some(), "{c:?}");
        }
        // `candidates` only on a claim a shared name left unverifiable (U016).
        assert_eq!(c.candidates.is_some(), c.rule.0.as_deref() == Some("U016"), "{c:?}");
    }

    // The claims this article is built to hold, with positions checked by hand
    // once: "Tuesday" follows "Élysée" and an em dash on the same line.
    let find = |t: &str| {
        a.claims
            .iter()
            .find(|c| c.text == t)
            .unwrap_or_else(|| panic!("no claim {t:?}"))
    };
    let tuesday = find("Tuesday");
    assert_eq!((tuesday.kind, tuesday.verdict), (Kind::Weekday, Verdict::Match));
    assert_eq!((tuesday.span.line, tuesday.span.column), (8, 20));
    assert_eq!(tuesday.span.start, text.find("Tuesday").unwrap());
    let countries = find("36 countries");
    assert_eq!((countries.kind, countries.verdict), (Kind::Count, Verdict::Discrepancy));
    assert_eq!(countries.found, 36);
    assert_eq!(countries.expected.0, Some(Value::from(35)));
    assert_eq!(countries.fact.0.as_deref(), Some("summit.countries"));
    assert_eq!(countries.suggestion.0.as_deref(), Some("35 countries"));
    assert_eq!(countries.source.0.as_ref().map(|s| s.id.as_str()), Some("elysee"));
    let starmer = find("UK Prime\nMinister Keir Starmer");
    assert_eq!(
        (starmer.kind, starmer.span.line, starmer.span.end_line),
        (Kind::Role, 10, 11)
    );
    assert_eq!(starmer.entity.0.as_deref(), Some("starmer"));
    let loan = find("€90 billion");
    assert_eq!(
        (loan.kind, loan.verdict, loan.span.column, loan.span.end_column),
        (Kind::Amount, Verdict::Match, 1, 12)
    );
    let observers = find("12 observers");
    assert_eq!(
        (observers.kind, observers.verdict),
        (Kind::Count, Verdict::Unverifiable)
    );
}

#[test]
fn jsonl_has_one_claim_a_line_with_its_path_and_the_same_claims() {
    let dir = tempfile::tempdir().unwrap();
    let first = common::write(dir.path(), "a.md", ARTICLE);
    let second = common::write(
        dir.path(),
        "b.txt",
        "Delegations from 36 countries met at the summit.\n",
    );

    let json: Value = serde_json::from_str(&run_json(dir.path(), "json")).unwrap();
    let jsonl = run_json(dir.path(), "jsonl");

    let mut expected: Vec<(String, Value)> = Vec::new();
    for a in json["articles"].as_array().unwrap() {
        for c in a["claims"].as_array().unwrap() {
            expected.push((a["path"].as_str().unwrap().to_owned(), c.clone()));
        }
    }
    assert!(jsonl.ends_with('\n'));
    let mut got: Vec<(String, Value)> = Vec::new();
    for line in jsonl.lines() {
        assert!(
            line.starts_with('{') && line.ends_with('}'),
            "one object a line: {line}"
        );
        let mut v: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
        let path = v.as_object_mut().unwrap().remove("path").expect("each line has a path");
        // Without its path, a line is exactly a claim of the JSON report.
        let _: Claim = serde_json::from_value(v.clone()).unwrap_or_else(|e| panic!("{e}: {line}"));
        got.push((path.as_str().unwrap().to_owned(), v));
    }
    assert_eq!(got, expected);
    let paths: Vec<&str> = got.iter().map(|(p, _)| p.as_str()).collect();
    assert!(paths.contains(&first.to_str().unwrap()));
    assert!(paths.contains(&second.to_str().unwrap()));
}

#[test]
fn stdin_report_names_stdin_and_has_no_front_matter() {
    let (_, report) = common::check_text("Delegations from 36 countries met at the summit.");
    let doc: Document = serde_json::from_value(report).unwrap();
    assert_eq!(doc.articles[0].path, "<stdin>");
    assert!(doc.articles[0].front_matter.is_empty());
    assert_eq!(doc.articles[0].published.0.as_deref(), Some("2026-01-07"));
}
