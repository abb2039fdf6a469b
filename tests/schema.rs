//! JSON Schemas (`schemas/`): they match the Rust types that generate them,
//! every fact-base file and every report validates against them, and bad
//! fact-base fixtures do not.
//!
//! After changing a schema's types, regenerate the committed files with
//! `FACTCHECK_BLESS=1 cargo test schema` and review the diff.

use serde_json::Value;

use crate::common::{self, root};

/// The committed schema must equal the generated one (or be rewritten when blessing).
fn assert_committed(file: &str, generated: &str) {
    let path = root().join("schemas").join(file);
    if std::env::var_os("FACTCHECK_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        // Atomically: other tests read the file meanwhile.
        let tmp = path.with_extension("json.tmp");
        std::fs::write(&tmp, generated).unwrap();
        std::fs::rename(&tmp, &path).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "schemas/{file} is out of date with the code: run `FACTCHECK_BLESS=1 cargo test schema` and commit the result"
    );
}

#[test]
fn committed_schemas_match_the_code() {
    assert_committed("facts.schema.json", &factcheck::schema::facts_schema());
    assert_committed("report.schema.json", &factcheck::schema::report_schema());
    assert_committed("claims.schema.json", &factcheck::schema::claims_schema());
}

#[test]
fn the_schema_command_prints_the_committed_schemas() {
    for which in ["facts", "report", "claims"] {
        let out = common::factcheck().args(["schema", which]).output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        let committed = std::fs::read_to_string(root().join(format!("schemas/{which}.schema.json"))).unwrap();
        assert_eq!(String::from_utf8(out.stdout).unwrap(), committed);
    }
}

fn validator(file: &str) -> (boon::Schemas, boon::SchemaIndex) {
    let text = std::fs::read_to_string(root().join("schemas").join(file)).expect("schema");
    let schema: Value = serde_json::from_str(&text).expect("schema is JSON");
    let url = format!("file:///factcheck/{file}");
    let mut compiler = boon::Compiler::new();
    compiler.enable_format_assertions();
    compiler.add_resource(&url, schema).expect("schema loads");
    let mut schemas = boon::Schemas::new();
    let index = compiler.compile(&url, &mut schemas).expect("schema compiles");
    (schemas, index)
}

fn toml_files(dir: &str) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(root().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    files
}

fn as_json(path: &std::path::Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    factcheck::schema::toml_to_json(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_fact_base_file_validates() {
    let (schemas, index) = validator("facts.schema.json");
    let mut files = toml_files("claims");
    assert!(!files.is_empty());
    files.extend(toml_files("tests/fixtures/time"));
    files.push(root().join("tests/fixtures/deep/dated-values.toml"));
    for path in files {
        if let Err(e) = schemas.validate(&as_json(&path), index) {
            panic!("{} does not validate: {e:#}", path.display());
        }
    }
}

#[test]
fn bad_fixtures_are_rejected() {
    let (schemas, index) = validator("facts.schema.json");
    // Every fixture whose mistake is one of shape; duplicate ids, unknown
    // references and conflicts need the whole base and only `facts validate`
    // finds them.
    let shape = [
        "tests/fixtures/facts/amount-without-currency.toml",
        "tests/fixtures/facts/no-value.toml",
        "tests/fixtures/facts/two-values.toml",
        "tests/fixtures/facts/type-complete-string.toml",
        "tests/fixtures/facts/type-count-string.toml",
        "tests/fixtures/facts/type-entities-string.toml",
        "tests/fixtures/facts/type-year-float.toml",
        "tests/fixtures/facts/unit-on-date.toml",
        "tests/fixtures/facts/unknown-entity-kind.toml",
        "tests/fixtures/facts/unknown-key-entity.toml",
        "tests/fixtures/facts/unknown-key-fact.toml",
        "tests/fixtures/facts/unknown-key-meta.toml",
        "tests/fixtures/facts/unknown-key-source.toml",
        "tests/fixtures/facts/unknown-table.toml",
        "tests/fixtures/deep/role-unknown-key.toml",
    ];
    for file in shape {
        let doc = as_json(&root().join(file));
        assert!(schemas.validate(&doc, index).is_err(), "{file} should not validate");
    }
    // And the validator is not a rubber stamp: one changed key breaks a good file.
    let mut good = as_json(&root().join("claims/paris-summit.toml"));
    good["fact"][0]["year"] = 2026.into();
    assert!(schemas.validate(&good, index).is_err(), "a fact with two values");
}

#[test]
fn reports_validate_against_the_report_schema() {
    let (schemas, index) = validator("report.schema.json");
    let out = common::factcheck()
        .args(["check", "articles", "--format", "json", "--fail-on", "never"])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    assert!(!common::claims(&report).is_empty());
    if let Err(e) = schemas.validate(&report, index) {
        panic!("the report does not validate: {e:#}");
    }
    let mut broken = report.clone();
    broken["articles"][0]["claims"][0]["verdict"] = "maybe".into();
    assert!(schemas.validate(&broken, index).is_err());
    let mut added = report.clone();
    added["articles"][0]["claims"][0]["confidence"] = 1.into();
    assert!(
        schemas.validate(&added, index).is_err(),
        "a new field needs the schema updated"
    );

    // A run with an article that could not be read lists it under `errors`.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.md"), b"caf\xE9").unwrap();
    let bad = dir.path().join("bad.md");
    let out = common::factcheck()
        .args(["check", "articles"])
        .arg(&bad)
        .args(["--format", "json", "--fail-on", "never"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    assert_eq!(report["errors"][0]["path"], bad.to_string_lossy().as_ref());
    if let Err(e) = schemas.validate(&report, index) {
        panic!("the report with errors does not validate: {e:#}");
    }
    let mut empty = report.clone();
    empty["errors"] = serde_json::json!([]);
    assert!(
        schemas.validate(&empty, index).is_err(),
        "`errors` is left out when empty"
    );
}

#[test]
fn jsonl_lines_validate_as_claims() {
    let text = std::fs::read_to_string(root().join("schemas/report.schema.json")).unwrap();
    let mut schema: Value = serde_json::from_str(&text).unwrap();
    // The claim definition, with its sibling definitions, as a schema of its own.
    schema["$ref"] = "#/definitions/Claim".into();
    for key in [
        "properties",
        "required",
        "additionalProperties",
        "type",
        "title",
        "description",
    ] {
        schema.as_object_mut().unwrap().remove(key);
    }
    let mut compiler = boon::Compiler::new();
    compiler.add_resource("file:///factcheck/claim.json", schema).unwrap();
    let mut schemas = boon::Schemas::new();
    let index = compiler.compile("file:///factcheck/claim.json", &mut schemas).unwrap();
    let out = common::factcheck()
        .args([
            "check",
            "articles/paris-summit.md",
            "--format",
            "jsonl",
            "--fail-on",
            "never",
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.lines().count() > 3);
    for line in stdout.lines() {
        let claim: Value = serde_json::from_str(line).unwrap();
        if let Err(e) = schemas.validate(&claim, index) {
            panic!("a jsonl line does not validate: {e:#}\n{line}");
        }
    }
}

/// Issue 15, item 16: `factcheck claims --format json` is a versioned
/// document that validates against `schemas/claims.schema.json`, errors
/// and all, and the schema is no rubber stamp.
#[test]
fn claims_listings_validate_against_the_claims_schema() {
    let (schemas, index) = validator("claims.schema.json");
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.md");
    std::fs::write(&bad, b"caf\xE9").unwrap();
    for (extra, code) in [(None, 0), (Some(&bad), 2)] {
        let mut cmd = common::factcheck();
        cmd.args(["claims", "articles", "--format", "json"]);
        if let Some(b) = extra {
            cmd.arg(b);
        }
        let out = cmd.output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(code),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
        assert_eq!(doc["version"], 1);
        assert_eq!(doc["tool"]["name"], "factcheck");
        assert!(doc["claims"].as_array().unwrap().len() > 10);
        assert_eq!(doc.get("errors").is_some(), extra.is_some());
        if let Err(e) = schemas.validate(&doc, index) {
            panic!("the claims listing does not validate: {e:#}");
        }
        let mut broken = doc.clone();
        broken["claims"][0]["kind"] = "colour".into();
        assert!(schemas.validate(&broken, index).is_err());
        let mut added = doc.clone();
        added["claims"][0]["verdict"] = "match".into();
        assert!(
            schemas.validate(&added, index).is_err(),
            "a new field needs the schema updated"
        );
        let mut unversioned = doc.clone();
        unversioned.as_object_mut().unwrap().remove("version");
        assert!(schemas.validate(&unversioned, index).is_err());
    }
}
