//! The fact base as a newsroom asset: time-aware roles and facts, deep
//! validation (one fixture per rule, exact message and position), drafts
//! from articles (`suggest`, `--append` round trips), and `facts list/show`.

use serde_json::Value;

use crate::common;

const DEEP: &str = "tests/fixtures/deep";

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str], stdin: &str) -> Run {
    let out = common::factcheck()
        .args(args)
        .write_stdin(stdin.to_owned())
        .output()
        .expect("runs");
    let run = Run {
        code: out.status.code().expect("exit code"),
        stdout: String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    };
    assert!(!run.stderr.contains("panicked"), "panic: {}", run.stderr);
    run
}

/// The claims of a JSON report on `text`, checked at `published` (or undated).
fn claims_at(text: &str, published: Option<&str>, facts: &[&str]) -> Vec<Value> {
    let mut args = vec!["check", "-", "--format", "json"];
    if let Some(d) = published {
        args.extend(["--published", d]);
    }
    for f in facts {
        args.extend(["-f", f]);
    }
    let r = run(&args, text);
    assert!(r.code == 0 || r.code == 1, "exit {}: {}", r.code, r.stderr);
    let report: Value = serde_json::from_str(&r.stdout).expect("JSON report");
    common::claims(&report).clone()
}

fn only<'a>(claims: &'a [Value], kind: &str) -> &'a Value {
    let of_kind: Vec<&Value> = claims.iter().filter(|c| c["kind"] == kind).collect();
    assert_eq!(of_kind.len(), 1, "one {kind} claim in {claims:#?}");
    of_kind[0]
}

// --- Time-aware roles -------------------------------------------------------

const SUNAK: &str = "Prime Minister Rishi Sunak met the press.";

#[test]
fn a_title_is_true_on_one_date_and_false_on_another() {
    let then = claims_at(SUNAK, Some("2023-05-01"), &[]);
    let role = only(&then, "role");
    assert_eq!(role["verdict"], "match", "{role:#}");
    assert_eq!(role["entity"], "sunak");
    assert_eq!(role["expected"], "UK Prime Minister");

    let now = claims_at(SUNAK, Some("2026-01-07"), &[]);
    let role = only(&now, "role");
    assert_eq!(role["verdict"], "discrepancy", "{role:#}");
    assert_eq!(role["text"], "Prime Minister Rishi Sunak");
    assert_eq!(
        role["message"],
        "Prime Minister, but on 2026-01-07 Rishi Sunak was no longer UK Prime Minister \
         (2022-10-25 to 2024-07-05); Keir Starmer held that office then"
    );
    assert_eq!(role["expected"], "former UK Prime Minister");
    assert_eq!(role["suggestion"], "Former Prime Minister Rishi Sunak");
}

#[test]
fn a_former_title_matches_once_the_office_was_left() {
    let claims = claims_at(
        "Former Prime Minister Rishi Sunak met the press.",
        Some("2026-01-07"),
        &[],
    );
    let role = only(&claims, "role");
    assert_eq!(role["verdict"], "match", "{role:#}");
    assert_eq!(role["expected"], "former UK Prime Minister");

    // While still in office, "former" is wrong; the correction drops it.
    let claims = claims_at(
        "Former Prime Minister Rishi Sunak met the press.",
        Some("2023-05-01"),
        &[],
    );
    let role = only(&claims, "role");
    assert_eq!(role["verdict"], "discrepancy", "{role:#}");
    assert_eq!(role["suggestion"], "Prime Minister Rishi Sunak");
}

#[test]
fn the_successor_matches_only_from_the_handover() {
    let text = "UK Prime Minister Keir Starmer spoke.";
    assert_eq!(
        only(&claims_at(text, Some("2024-07-05"), &[]), "role")["verdict"],
        "match"
    );
    let before = claims_at(text, Some("2024-07-04"), &[]);
    let role = only(&before, "role");
    assert_eq!(role["verdict"], "discrepancy");
    assert_eq!(
        role["message"],
        "UK Prime Minister, but on 2024-07-04 Keir Starmer was not yet UK Prime Minister \
         (from 2024-07-05); Rishi Sunak held that office then"
    );
}

#[test]
fn without_a_date_a_dated_role_is_not_judged() {
    let claims = claims_at(SUNAK, None, &[]);
    let role = only(&claims, "role");
    assert_eq!(role["verdict"], "unverifiable", "{role:#}");
    assert!(
        role["message"].as_str().unwrap().contains("pass --published"),
        "{role:#}"
    );
    // Undated roles still are.
    let claims = claims_at("French President Emmanuel Macron spoke.", None, &[]);
    assert_eq!(only(&claims, "role")["verdict"], "match");
}

// --- Time-aware facts ---------------------------------------------------------

const MEMBERS: &str = "The coalition now has 35 members.";
const TIME: &str = "tests/fixtures/time";

#[test]
fn a_count_is_compared_with_the_value_that_held_on_the_publication_date() {
    let claims = claims_at(MEMBERS, Some("2025-06-01"), &[TIME]);
    let count = only(&claims, "count");
    assert_eq!(count["verdict"], "discrepancy", "{count:#}");
    assert_eq!(count["fact"], "coalition.members_2025");
    assert_eq!(count["expected"], 30);

    let claims = claims_at(MEMBERS, Some("2026-02-01"), &[TIME]);
    let count = only(&claims, "count");
    assert_eq!(count["verdict"], "match", "{count:#}");
    assert_eq!(count["fact"], "coalition.members");
}

#[test]
fn without_a_date_dated_values_are_not_judged() {
    let claims = claims_at(MEMBERS, None, &[TIME]);
    let count = only(&claims, "count");
    assert_eq!(count["verdict"], "unverifiable", "{count:#}");
    assert_eq!(count["fact"], Value::Null);
}

#[test]
fn a_base_older_than_the_article_is_a_warning_not_an_error() {
    // Stale against the file whose facts the article's claims use, by that
    // file's own `as_of` (claims/ holds several stories, each verified on its day).
    const TEXT: &str = "The Paris summit gathered representatives from 35 countries.";
    let r = run(&["check", "-", "--published", "2026-03-01"], TEXT);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stderr,
        "claims/paris-summit.toml:7:9: warning: the fact base was last verified on 2026-01-07 (`as_of`), \
         before <stdin> was published (2026-03-01); facts may have changed since\n"
    );
    let r = run(&["check", "-", "--published", "2026-01-07"], TEXT);
    assert_eq!(r.stderr, "");
    // An article that uses no fact of an older file is not stale because of it.
    let r = run(&["check", "-", "--published", "2026-03-01"], "Emmanuel Macron spoke.");
    assert_eq!(r.stderr, "");
}

#[test]
fn the_stale_warning_comes_once_a_run() {
    let dir = tempfile::tempdir().unwrap();
    let text = "The Paris summit gathered representatives from 35 countries.\n";
    for name in ["a.md", "b.md", "c.md"] {
        common::write(dir.path(), name, text);
    }
    let r = run(
        &["check", dir.path().to_str().unwrap(), "--published", "2026-03-01"],
        "",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{}", r.stderr);
    assert!(
        lines[0].ends_with("facts may have changed since (and 2 more articles)"),
        "{}",
        lines[0]
    );
}

// --- Deep validation: one fixture per rule --------------------------------------

/// `facts validate FIXTURE`: the exit code and every stderr line.
fn validate(fixture: &str) -> (i32, Vec<String>) {
    let r = run(&["facts", "validate", &format!("{DEEP}/{fixture}")], "");
    (r.code, r.stderr.lines().map(str::to_owned).collect())
}

fn at(fixture: &str, pos: &str, message: &str) -> String {
    format!("{DEEP}/{fixture}:{pos}: {message}")
}

#[test]
fn facts_no_phrase_tells_apart_are_a_warning_and_the_base_loads() {
    // Ambiguity is data, not an error: such a base loads, and a claim both
    // facts fit is unverifiable (ambiguous), never a discrepancy.
    let (code, lines) = validate("conflict.toml");
    assert_eq!(code, 0);
    assert_eq!(
        lines,
        [at(
            "conflict.toml",
            "11:1",
            "warning: fact `summit.countries_again` contradicts fact `summit.countries` \
             (at tests/fixtures/deep/conflict.toml:4:1): both are `count` facts of \"countries\" linked by \
             \"gathered\", but one says 36 and the other 35; no phrase tells them apart, so a claim they both fit \
             is unverifiable; give them different `about` phrases, or `from`/`until` dates that do not overlap"
        )]
    );
    let r = run(
        &["check", "-", "-f", &format!("{DEEP}/conflict.toml"), "--format", "json"],
        "35 countries gathered.",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let report: Value = serde_json::from_str(&r.stdout).unwrap();
    let c = only(common::claims(&report), "count");
    assert_eq!(
        (c["verdict"].as_str(), c["rule"].as_str()),
        (Some("unverifiable"), Some("U003"))
    );
}

#[test]
fn facts_sharing_only_some_phrases_are_no_problem() {
    // A real base is full of them (five parties' shares all "of the vote"):
    // the other phrases, names and occasions decide, or the claim is ambiguous.
    let (code, lines) = validate("conflict-partial.toml");
    assert_eq!(code, 0);
    assert!(lines.is_empty(), "{lines:?}");
}

#[test]
fn values_that_hold_at_different_times_do_not_conflict() {
    let (code, lines) = validate("dated-values.toml");
    assert_eq!((code, lines), (0, Vec::<String>::new()));
}

#[test]
fn an_alias_two_entities_share_loads_and_one_full_name_of_two_is_a_warning() {
    // "Macron" for Emmanuel and Brigitte Macron: normal, nothing to say (the
    // context decides where an article writes it, U016). Two entities both
    // called "Brigitte Macron": a warning, grouped with its family.
    let (code, lines) = validate("shared-alias.toml");
    assert_eq!(code, 0, "{lines:?}");
    assert_eq!(
        lines,
        [at(
            "shared-alias.toml",
            "18:8",
            "warning: \"Brigitte Macron\" is the name of both `brigitte` (at tests/fixtures/deep/shared-alias.toml:11:8) \
             and `brigitte2`: where an article writes it, only a title, a first name, the occasion or an earlier \
             mention tells them apart, else its claims are unverifiable (U016); an alias with a middle name or an \
             initial helps"
        )]
    );
}

#[test]
fn an_about_phrase_of_stop_words_is_left_out_with_a_warning() {
    let (code, lines) = validate("common-about.toml");
    assert_eq!(code, 0, "the base still loads");
    let why = "is too common: it would tie this fact to almost every sentence, so it is ignored; use words specific to the fact";
    assert_eq!(
        lines[..2],
        [
            at(
                "common-about.toml",
                "6:20",
                &format!("warning: `about` phrase \"the\" {why}")
            ),
            at(
                "common-about.toml",
                "6:27",
                &format!("warning: `about` phrase \"said that\" {why}")
            ),
        ]
    );
}

#[test]
fn an_entity_nothing_uses_is_a_warning() {
    let (code, lines) = validate("unused-entity.toml");
    assert_eq!(code, 0);
    assert_eq!(
        lines,
        [at(
            "unused-entity.toml",
            "9:1",
            "warning: entity `nato` is never used: no fact names it, it has no `roles`, and no `entity` or \
             `entities` fact lists organisations"
        )]
    );
}

#[test]
fn a_source_nothing_cites_is_a_warning() {
    let (code, lines) = validate("unused-source.toml");
    assert_eq!(code, 0);
    assert_eq!(
        lines,
        [at(
            "unused-source.toml",
            "4:10",
            "warning: source `old` is never cited by a fact"
        )]
    );
}

#[test]
fn an_empty_source_is_a_fact_without_a_source() {
    let (code, lines) = validate("no-source.toml");
    assert_eq!(code, 0);
    assert_eq!(
        lines,
        [at(
            "no-source.toml",
            "1:1",
            "warning: fact `summit.date` cites no source"
        )]
    );
}

#[test]
fn until_must_come_after_from() {
    let (code, lines) = validate("until-before-from.toml");
    assert_eq!(code, 2);
    assert_eq!(
        lines[0],
        format!(
            "error: {}",
            at(
                "until-before-from.toml",
                "5:68",
                "`until` (2022-10-25) must come after `from` (2024-07-05): `until` is the first day it no longer holds"
            )
        )
    );
}

#[test]
fn a_misspelt_key_in_a_role_is_an_error() {
    let (code, lines) = validate("role-unknown-key.toml");
    assert_eq!(code, 2);
    assert_eq!(
        lines[0],
        format!(
            "error: {}",
            at(
                "role-unknown-key.toml",
                "5:41",
                "unknown key `form` in a role of [[entity]] (did you mean `from`?)"
            )
        )
    );
}

#[test]
fn warnings_print_during_check_without_changing_the_exit_code() {
    let r = run(
        &[
            "check",
            "-",
            "-f",
            &format!("{DEEP}/unused-source.toml"),
            "--published",
            "2026-01-06",
        ],
        "",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    // One line, however many warnings: `facts validate` shows them.
    assert_eq!(
        r.stderr,
        "warning: 1 warning in the fact base; run `factcheck facts validate` to see it\n"
    );
}

#[test]
fn validate_groups_repeated_warnings_of_one_kind() {
    let dir = tempfile::tempdir().unwrap();
    let mut facts = String::new();
    for i in 0..8 {
        facts += &format!("[sources.s{i}]\ntitle = \"Unused {i}\"\n\n");
    }
    facts += "[[fact]]\nid = \"a\"\nabout = [\"gathered\"]\ncount = 1\nunit = [\"x\"]\n";
    let path = common::write(dir.path(), "f.toml", &facts);
    let r = run(&["facts", "validate", path.to_str().unwrap()], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    let lines: Vec<&str> = r.stderr.lines().collect();
    // The fact's missing source, three unused sources, one line for the other five.
    assert_eq!(lines.len(), 5, "{}", r.stderr);
    assert_eq!(
        lines[3],
        "warning: ... and 5 more of sources no fact cites (`factcheck facts validate --format json` lists every one)"
    );
    assert!(lines[4].ends_with("warning: fact `a` cites no source"), "{}", lines[4]);
    let r = run(&["facts", "validate", "--format", "json", path.to_str().unwrap()], "");
    let doc: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(doc["problems"].as_array().unwrap().len(), 9, "JSON lists every one");
}

#[test]
fn errors_stop_the_check() {
    let r = run(
        &["check", "-", "-f", "tests/fixtures/facts/two-values.toml"],
        "35 countries gathered.",
    );
    assert_eq!(r.code, 2);
    assert_eq!(r.stdout, "");
    assert!(
        r.stderr.starts_with("error: tests/fixtures/facts/two-values.toml:"),
        "{}",
        r.stderr
    );
}

#[test]
fn validate_as_json_gives_every_problem_with_its_place() {
    let r = run(
        &[
            "facts",
            "validate",
            "--format",
            "json",
            "tests/fixtures/facts/several-problems.toml",
        ],
        "",
    );
    assert_eq!(r.code, 2);
    assert_eq!(r.stderr, "");
    let doc: Value = serde_json::from_str(&r.stdout).expect("JSON");
    assert_eq!(doc["valid"], false);
    assert!(doc["summary"]["errors"].as_u64().unwrap() >= 2, "{doc:#}");
    let first = &doc["problems"][0];
    assert_eq!(first["file"], "tests/fixtures/facts/several-problems.toml");
    assert!(first["line"].as_u64().unwrap() >= 1 && first["column"].as_u64().unwrap() >= 1);
    assert_eq!(first["severity"], "error");

    let r = run(
        &[
            "facts",
            "validate",
            "--format",
            "json",
            &format!("{DEEP}/common-about.toml"),
        ],
        "",
    );
    assert_eq!(r.code, 0);
    let doc: Value = serde_json::from_str(&r.stdout).expect("JSON");
    assert_eq!(
        (doc["summary"]["errors"].as_u64(), doc["valid"].as_bool()),
        (Some(0), Some(true))
    );
    let first = &doc["problems"][0];
    assert_eq!((first["line"].as_u64(), first["column"].as_u64()), (Some(6), Some(20)));
    assert_eq!(first["severity"], "warning");
    assert!(first["message"].as_str().unwrap().starts_with("`about` phrase \"the\""));

    let r = run(&["facts", "validate", "--format", "json"], "");
    assert_eq!(r.code, 0, "{}", r.stdout);
    let doc: Value = serde_json::from_str(&r.stdout).expect("JSON");
    assert_eq!(doc["valid"], true);
    assert!(
        doc["files"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("claims/paris-summit.toml"))
    );
    assert_eq!(doc["problems"], serde_json::json!([]));
}

#[test]
fn the_shipped_fact_base_has_no_problems() {
    let r = run(&["facts", "validate"], "");
    assert_eq!(r.code, 0);
    assert_eq!(r.stderr, "");
    assert!(r.stdout.ends_with("; no problems\n"), "{}", r.stdout);
}

// --- suggest ------------------------------------------------------------------------

const ARTICLE: &str = "Military planners were working with a figure of around 5,000 troops for the first rotation.\n";

#[test]
fn suggest_prints_a_sourced_skeleton_for_each_unverifiable_claim() {
    let r = run(&["suggest", "-", "--published", "2026-01-07"], ARTICLE);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains(
            "# Suggested from <stdin>:1:49 \"around 5,000 troops\": check the value against a source.\n\
             [[fact]]\n\
             id = \"planners.troops\"\n\
             about = [\"planners\", \"military\"]\n\
             count = 5000\n\
             unit = [\"troops\"]\n\
             source = \"\" # TODO: cite a key of [sources]; the claim stays unchecked until a source backs it\n"
        ),
        "{}",
        r.stdout
    );
    // What it prints is TOML.
    let doc: toml::Table = r.stdout.parse().expect("valid TOML");
    assert_eq!(doc["fact"].as_array().map(Vec::len), Some(1));
}

#[test]
fn suggest_append_round_trip_keeps_the_file_and_links_the_claim_to_the_draft() {
    let dir = tempfile::tempdir().unwrap();
    let original = std::fs::read_to_string(common::root().join("claims/paris-summit.toml")).unwrap();
    let target = common::write(dir.path(), "claims.toml", &original);
    let article = common::write(dir.path(), "a.txt", ARTICLE);
    let (t, a) = (target.to_str().unwrap(), article.to_str().unwrap());
    let check = |path: &str| {
        let r = run(
            &["check", path, "-f", t, "--published", "2026-01-07", "--format", "json"],
            "",
        );
        let report: Value = serde_json::from_str(&r.stdout).expect("JSON");
        only(common::claims(&report), "count").clone()
    };
    assert_eq!(check(a)["verdict"], "unverifiable");

    let r = run(&["suggest", a, "-f", t, "--published", "2026-01-07", "--append", t], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    let after = std::fs::read_to_string(&target).unwrap();
    assert!(
        after.starts_with(&original),
        "every comment and line of the file is kept"
    );
    assert!(after[original.len()..].contains("id = \"planners.troops\""), "{after}");

    // The result validates (a draft without a source is only a warning) ...
    let v = run(&["facts", "validate", t], "");
    assert_eq!(v.code, 0, "{}", v.stderr);
    // ... and the claim now links to the draft, which, citing no source yet,
    // never confirms it (contract: draft facts): unverifiable, by rule U009.
    let count = check(a);
    assert_eq!(count["verdict"], "unverifiable", "{count:#}");
    assert_eq!(count["rule"], "U009");
    assert_eq!(count["fact"], "planners.troops");
    assert!(count["message"].as_str().unwrap().contains("draft"), "{count:#}");

    // Nothing is left to add: a second run never duplicates an id.
    let r = run(&["suggest", a, "-f", t, "--published", "2026-01-07", "--append", t], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(std::fs::read_to_string(&target).unwrap(), after);
}

/// Issue 15, item 12: `about` words are content words that tie a sentence
/// to the claim: never a light or speech verb ("keep", "talked"), a name
/// or part of one ("Black" of "Black Sea", "Élysée Palace"), a number word
/// or a word of another claim.
#[test]
fn suggest_about_words_are_content_words() {
    let r = run(
        &[
            "suggest",
            "articles/drafts/unverifiable.md",
            "articles/paris-summit-brief.txt",
        ],
        "",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let doc: toml::Table = r.stdout.parse().expect("valid TOML");
    let facts = doc["fact"].as_array().unwrap();
    let about = |id: &str| -> Vec<String> {
        let fact = facts
            .iter()
            .find(|f| f["id"].as_str() == Some(id))
            .unwrap_or_else(|| panic!("no draft {id}:\n{}", r.stdout));
        fact["about"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap().to_owned())
            .collect()
    };
    // "... close to being finalised, while naval staff talked of as many as
    // 12 warships to keep Black Sea shipping lanes open." ("As many as" is a
    // bound of the claim since issue 13, so the claim starts there and
    // "finalised" stands nearer than "shipping".)
    assert_eq!(about("staff.warships"), ["staff", "naval", "finalised"]);
    // "... military planners were working with a figure of around 5,000
    // troops for the first rotation": "rotation", past "first", would read
    // as another occasion, and the draft would not link back.
    assert_eq!(about("planners.troops"), ["planners", "military", "discussions"]);
    for f in facts {
        for word in f["about"].as_array().unwrap() {
            let w = word.as_str().unwrap();
            assert!(
                w.chars().all(|c| c.is_lowercase() || c == '-'),
                "a name or a capitalised word: {w}"
            );
            for bad in [
                "keep",
                "talked",
                "said",
                "working",
                "came",
                "together",
                "far",
                "twenty-seven",
                "delegations",
                "rotation",
            ] {
                assert_ne!(w, bad, "{}", r.stdout);
            }
        }
    }
}

/// Issue 15, item 12: every fact `suggest` drafts links back to the claim
/// it came from. Drafted from each sample and corpus article, appended to
/// a copy of the fact base and checked again, each such claim names its
/// draft and stays unverifiable, since a draft has no source (U009). A
/// draft that would not link back is listed as not drafted instead.
#[test]
fn every_draft_links_back_to_its_claim() {
    let mut articles: Vec<std::path::PathBuf> = Vec::new();
    for dir in ["articles", "articles/drafts", "tests/corpus"] {
        for e in std::fs::read_dir(common::root().join(dir)).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "md" || x == "txt") {
                articles.push(p);
            }
        }
    }
    articles.sort();
    let mut linked = 0;
    for article in &articles {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir(d.join("claims")).unwrap();
        std::fs::copy(
            common::root().join("claims/paris-summit.toml"),
            d.join("claims/paris-summit.toml"),
        )
        .unwrap();
        let name = format!("a.{}", article.extension().unwrap().to_str().unwrap());
        std::fs::copy(article, d.join(&name)).unwrap();
        let printed = common::run(common::factcheck_in(d).args(["suggest", &name, "--published", "2026-01-07"]));
        assert_eq!(printed.code, 0, "{}: {}", article.display(), printed.stderr);
        let drafts: toml::Table = printed.stdout.parse().expect("valid TOML");
        let Some(facts) = drafts.get("fact").and_then(|f| f.as_array()) else {
            continue;
        };
        let r = common::run(common::factcheck_in(d).args([
            "suggest",
            &name,
            "--published",
            "2026-01-07",
            "--append",
            "claims/drafts.toml",
        ]));
        assert_eq!(r.code, 0, "{}: {}", article.display(), r.stderr);
        let r = common::run(common::factcheck_in(d).args([
            "check",
            &name,
            "--published",
            "2026-01-07",
            "--format",
            "json",
            "--fail-on",
            "never",
        ]));
        assert_eq!(r.code, 0, "{}: {}", article.display(), r.stderr);
        let report: Value = serde_json::from_str(&r.stdout).unwrap();
        let claims = common::claims(&report);
        // Where each draft came from: "# Suggested from a.md:15:11 ..." before it.
        let origins: Vec<(u64, u64)> = printed
            .stdout
            .lines()
            .filter_map(|l| l.strip_prefix(&format!("# Suggested from {name}:")))
            .map(|rest| {
                let mut parts = rest.split([':', ' ']);
                let line = parts.next().unwrap().parse().unwrap();
                let column = parts.next().unwrap().parse().unwrap();
                (line, column)
            })
            .collect();
        let ids: Vec<&str> = facts.iter().map(|f| f["id"].as_str().unwrap()).collect();
        // Entity drafts come from titles (role claims); the rest are facts.
        let fact_origins: Vec<&(u64, u64)> = origins
            .iter()
            .filter(|(l, c)| {
                claims
                    .iter()
                    .any(|x| x["span"]["line"] == *l && x["span"]["column"] == *c && x["kind"] != "role")
            })
            .collect();
        assert_eq!(
            fact_origins.len(),
            ids.len(),
            "{}:\n{}",
            article.display(),
            printed.stdout
        );
        for ((line, column), id) in fact_origins.into_iter().zip(ids) {
            let claim = claims
                .iter()
                .find(|x| x["span"]["line"] == *line && x["span"]["column"] == *column)
                .unwrap();
            assert_eq!(claim["fact"], id, "{}:{line}:{column}: {claim:#}", article.display());
            assert_eq!(claim["verdict"], "unverifiable", "{claim:#}");
            assert_eq!(claim["rule"], "U009", "{claim:#}");
            linked += 1;
        }
    }
    assert!(linked >= 20, "only {linked} drafts");
}

/// The draft of the "observers" claim of `text`, drafted against the G7
/// fixture (two events of one name), as TOML.
fn observers_draft(text: &str) -> toml::Table {
    observers_draft_at(text, "2025-06-20")
}

fn observers_draft_at(text: &str, published: &str) -> toml::Table {
    let r = run(&["suggest", "-", "-f", G7, "--published", published], text);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let doc: toml::Table = r.stdout.parse().expect("valid TOML");
    let facts = doc.get("fact").and_then(|f| f.as_array()).cloned().unwrap_or_default();
    facts
        .into_iter()
        .filter_map(|f| f.as_table().cloned())
        .find(|f| f.get("unit").is_some_and(|u| u.to_string().contains("observers")))
        .unwrap_or_else(|| panic!("no observers draft:\n{}", r.stdout))
}

fn event_of(draft: &toml::Table) -> Option<&str> {
    draft.get("event").and_then(|e| e.as_str())
}

/// Issue 12: a draft belongs to the one occasion its sentence names, else
/// to the one the article names, else to none; never a guess between two.
#[test]
fn suggest_gives_a_draft_the_event_its_sentence_or_article_names() {
    const CLAIM: &str = "Envoys agreed to deploy 40 observers along the border.";
    // Named in the sentence.
    let d = observers_draft(&format!("At the Apulia summit, {}", CLAIM.to_lowercase()));
    assert_eq!(event_of(&d), Some("g7-2024"), "{d}");
    // A name two events share ("G7 summit"), told apart by the year written.
    let d = observers_draft(&format!("At the 2025 G7 summit, {}", CLAIM.to_lowercase()));
    assert_eq!(event_of(&d), Some("g7-2025"), "{d}");
    // ... or by the publication date, as linking tells them apart ...
    let at_the_g7 = format!("At the G7 summit, {}", CLAIM.to_lowercase());
    assert_eq!(event_of(&observers_draft(&at_the_g7)), Some("g7-2025"));
    // ... or not told apart: no event.
    let d = observers_draft_at(&at_the_g7, "2024-12-14");
    assert_eq!(event_of(&d), None, "{d}");
    // Not in the sentence: the one event the article names.
    let d = observers_draft(&format!("The Kananaskis summit ended on Sunday.\n\n{CLAIM}\n"));
    assert_eq!(event_of(&d), Some("g7-2025"), "{d}");
    // The article names two: no event.
    let d = observers_draft(&format!(
        "The Kananaskis summit was calmer than the Apulia summit.\n\n{CLAIM}\n"
    ));
    assert_eq!(event_of(&d), None, "{d}");
    // The article names none: no event.
    let d = observers_draft(CLAIM);
    assert_eq!(event_of(&d), None, "{d}");
    // The sentence places the claim away from the event it names (L011):
    // with the event the draft would not link back, so it is drafted without.
    let d = observers_draft("At the Apulia summit, envoys agreed to deploy 40 observers, unlike in Kananaskis.");
    assert_eq!(event_of(&d), None, "{d}");
}

/// Issue 12: a draft with an event, appended, validates, and its claim links
/// to it (a draft: U009); `facts show` gives it the event's phrases.
#[test]
fn suggest_append_with_an_event_links_the_claim_to_the_draft() {
    let dir = tempfile::tempdir().unwrap();
    let original = std::fs::read_to_string(common::root().join(G7)).unwrap();
    let target = common::write(dir.path(), "g7.toml", &original);
    let article = common::write(
        dir.path(),
        "a.txt",
        "The Kananaskis summit ended on Sunday.\n\nEnvoys agreed to deploy 40 observers along the border.\n",
    );
    let (t, a) = (target.to_str().unwrap(), article.to_str().unwrap());
    let r = run(&["suggest", a, "-f", t, "--published", "2025-06-20", "--append", t], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    let after = std::fs::read_to_string(&target).unwrap();
    assert!(after.starts_with(&original), "the file is kept");
    assert!(
        after[original.len()..].contains("[[fact]]\nid = \"deploy.observers\"\nevent = \"g7-2025\"\n"),
        "{after}"
    );
    assert_eq!(run(&["facts", "validate", t], "").code, 0);
    let r = run(
        &["check", a, "-f", t, "--published", "2025-06-20", "--format", "json"],
        "",
    );
    let report: Value = serde_json::from_str(&r.stdout).expect("JSON");
    let count = only(common::claims(&report), "count");
    assert_eq!(
        (count["fact"].as_str(), count["rule"].as_str()),
        (Some("deploy.observers"), Some("U009")),
        "{count:#}"
    );
    let f = json_of(&run(
        &["facts", "show", "deploy.observers", "-f", t, "--format", "json"],
        "",
    ));
    assert_eq!(f["inherited"]["event"], "g7-2025");
    assert_eq!(f["inherited"]["can_contradict"], false);
}

#[test]
fn suggest_append_refuses_a_result_that_would_not_validate() {
    let dir = tempfile::tempdir().unwrap();
    // A file outside the fact base that repeats one of its ids: appending
    // to it would make the base (with it) invalid, so nothing is written.
    let other = "# kept as is\n[[fact]]\nid = \"summit.date\"\nabout = [\"meeting\"]\ndate = 2026-01-06\n";
    let target = common::write(dir.path(), "other.toml", other);
    let t = target.to_str().unwrap();
    let r = run(&["suggest", "-", "--published", "2026-01-07", "--append", t], ARTICLE);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.starts_with(&format!(
            "error: {t}: not changed: with the drafts the fact base would not validate:\nerror: {t}:2:1: duplicate fact id `summit.date`"
        )),
        "{}",
        r.stderr
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), other, "file untouched");
    let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(leftovers, 1, "no temporary file left behind");
}

// --- facts list / show ----------------------------------------------------------------

#[test]
fn facts_list_filters_by_kind_and_prefix() {
    let r = run(&["facts", "list", "summit.", "--kind", "count"], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "summit.countries  count     summit  35 countries  [elysee]\n\
         summit.leaders    count     summit  27 heads of state or government  [elysee]\n"
    );
    let r = run(&["facts", "list", "war.", "--format", "json"], "");
    let doc: Value = serde_json::from_str(&r.stdout).expect("JSON");
    let ids: Vec<&str> = doc["facts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "war.first_invasion",
            "war.full_scale_invasion",
            "war.full_scale_invasion_date",
            "war.occupied_share"
        ]
    );
}

#[test]
fn facts_show_gives_the_fact_its_source_and_its_entities() {
    let r = run(&["facts", "show", "declaration.signatories", "--format", "json"], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    let f: Value = serde_json::from_str(&r.stdout).expect("JSON");
    assert_eq!(f["kind"], "entities");
    assert_eq!(f["value"], serde_json::json!(["macron", "zelenskyy", "starmer"]));
    assert_eq!(f["source"]["id"], "downing_street");
    assert_eq!(f["source"]["url"], "https://www.gov.uk/");
    assert_eq!(f["origin"]["file"], "claims/paris-summit.toml");
    let starmer = &f["entities"][2];
    assert_eq!(starmer["name"], "Keir Starmer");
    assert_eq!(starmer["roles"][0]["from"], "2024-07-05");

    let r = run(&["facts", "show", "summit.countries"], "");
    assert!(
        r.stdout
            .starts_with("summit.countries (count fact, claims/paris-summit.toml:"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("\n  value:     35 countries\n"), "{}", r.stdout);
    assert!(
        r.stdout
            .contains("\n  source:    elysee: Paris Declaration of the coalition of the willing"),
        "{}",
        r.stdout
    );
}

#[test]
fn facts_show_names_the_closest_id_when_there_is_none() {
    let r = run(&["facts", "show", "summit.contries"], "");
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "error: no fact, event or entity `summit.contries` in the fact base (did you mean `summit.countries`?)\n"
    );
    // Event ids are offered too.
    let r = run(&["facts", "show", "sumit"], "");
    assert_eq!(r.code, 2);
    assert!(r.stderr.ends_with("(did you mean `summit`?)\n"), "{}", r.stderr);
}

// --- facts list / show: events ------------------------------------------------------

const G7: &str = "tests/fixtures/events/g7.toml";

fn json_of(r: &Run) -> Value {
    assert_eq!(r.code, 0, "{}", r.stderr);
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stdout))
}

#[test]
fn facts_list_shows_each_facts_event_and_filters_by_event() {
    let r = run(&["facts", "list", "--event", "g7-2025", "-f", G7], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "g7-2025.date     date      g7-2025  2025-06-15  [g7]\n\
         g7-2025.place    entity    g7-2025  Kananaskis  [g7]\n\
         g7-2025.leaders  count     g7-2025  9 leaders  [g7]\n\
         g7-2025.pledge   amount    g7-2025  $2 billion  [g7]\n"
    );
    // With the other filters, and as JSON: `event` on every fact.
    let doc = json_of(&run(
        &[
            "facts", "list", "--event", "g7-2024", "--kind", "count", "-f", G7, "--format", "json",
        ],
        "",
    ));
    assert_eq!(doc["version"], 1);
    let facts = doc["facts"].as_array().unwrap();
    assert_eq!(facts.len(), 1, "{doc:#}");
    assert_eq!(facts[0]["id"], "g7-2024.leaders");
    assert_eq!(facts[0]["event"], "g7-2024");
    // A fact of no event: a dash in the column, when other facts listed
    // have one; no column when none has.
    let r = run(&["facts", "list", "--kind", "year"], "");
    let line = |id: &str| {
        let l = r.stdout.lines().find(|l| l.starts_with(id)).unwrap_or_default();
        l.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    assert_eq!(line("leo14.birth_year "), "leo14.birth_year year - 1955 [vatican_bio]");
    assert_eq!(
        line("conclave2013.year "),
        "conclave2013.year year conclave2013 2013 [conclave2013]"
    );
    let r = run(&["facts", "list", "leo14.birth_year"], "");
    assert_eq!(r.stdout, "leo14.birth_year  year      1955  [vatican_bio]\n");
    let doc = json_of(&run(&["facts", "list", "leo14.birth_year", "--format", "json"], ""));
    assert_eq!(doc["facts"][0]["event"], Value::Null);
    assert_eq!(doc["facts"][0]["subject"], "leo14", "inferred from the id");
    // An unknown event is a mistake, not an empty list.
    let r = run(&["facts", "list", "--event", "g7-2026", "-f", G7], "");
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .starts_with("error: no event `g7-2026` in the fact base (did you mean `g7-202"),
        "{}",
        r.stderr
    );
}

#[test]
fn facts_list_events_lists_the_occasions() {
    let r = run(&["facts", "list", "--events", "-f", G7], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "g7-2024  2024-06-13  G7 summit, Apulia  (4 facts)  [g7]\n\
         g7-2025  2025-06-15  G7 summit, Kananaskis  (4 facts)  [g7]\n"
    );
    // PREFIX filters event ids; an event with no date shows a dash.
    let r = run(&["facts", "list", "--events", "summ"], "");
    assert_eq!(
        r.stdout,
        "summit  -           Paris summit of the coalition of the willing  (10 facts)  [elysee]\n"
    );
    let doc = json_of(&run(&["facts", "list", "--events", "-f", G7, "--format", "json"], ""));
    assert_eq!(doc["version"], 1);
    let ids: Vec<&str> = doc["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["g7-2024", "g7-2025"]);
    assert_eq!(doc["events"][0]["same_name"], serde_json::json!(["g7-2025"]));
    // --events lists events, not facts: the fact filters do not apply.
    let r = run(&["facts", "list", "--events", "--kind", "count", "-f", G7], "");
    assert_eq!(r.code, 2, "{}", r.stdout);
}

#[test]
fn facts_show_an_event_gives_its_names_date_place_phrases_source_and_facts() {
    let r = run(&["facts", "show", "g7-2025", "-f", G7], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "g7-2025 (event, tests/fixtures/events/g7.toml:29:1)\n\
         \x20 name:      G7 summit\n\
         \x20 aliases:   \"Kananaskis summit\"\n\
         \x20 date:      2025-06-15\n\
         \x20 place:     kananaskis (Kananaskis)\n\
         \x20 about:     \"G7 summit\", \"G7 leaders met\"\n\
         \x20 source:    g7: G7 leaders' communiqués, 2024 and 2025 <https://example.org/g7>\n\
         \x20 same name: g7-2024 (a date, year, place or name written near a mention, or the publication date, decides)\n\
         \x20 facts:\n\
         \x20   g7-2025.date     date      2025-06-15  [g7]\n\
         \x20   g7-2025.place    entity    Kananaskis  [g7]\n\
         \x20   g7-2025.leaders  count     9 leaders  [g7]\n\
         \x20   g7-2025.pledge   amount    $2 billion  [g7]\n"
    );

    let e = json_of(&run(&["facts", "show", "g7-2024", "-f", G7, "--format", "json"], ""));
    assert_eq!((e["version"].as_u64(), e["type"].as_str()), (Some(1), Some("event")));
    assert_eq!(e["id"], "g7-2024");
    assert_eq!(e["name"], "G7 summit");
    assert_eq!(e["aliases"], serde_json::json!(["Apulia summit"]));
    assert_eq!(e["date"], "2024-06-13");
    assert_eq!(e["place"], "apulia");
    assert_eq!(e["about"], serde_json::json!(["G7 summit", "G7 leaders met"]));
    assert_eq!(e["source"]["id"], "g7");
    assert_eq!(e["source"]["url"], "https://example.org/g7");
    assert_eq!(e["origin"], serde_json::json!({ "file": G7, "line": 20, "column": 1 }));
    assert_eq!(e["same_name"], serde_json::json!(["g7-2025"]));
    assert_eq!(
        e["facts"],
        serde_json::json!([
            { "id": "g7-2024.date", "kind": "date", "value": "2024-06-13" },
            { "id": "g7-2024.place", "kind": "entity", "value": "apulia" },
            { "id": "g7-2024.leaders", "kind": "count", "value": 11 },
            { "id": "g7-2024.pledge", "kind": "amount", "value": 1000000000 },
        ])
    );
}

#[test]
fn facts_show_a_fact_gives_its_event_and_the_phrases_it_inherits() {
    // No phrase of its own: the event's phrases are its phrases.
    let r = run(&["facts", "show", "g7-2025.leaders", "-f", G7], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains(
            "\n  event:     g7-2025 (G7 summit, 2025-06-15, Kananaskis)\n\
             \x20 inherits:  \"G7 summit\", \"G7 leaders met\"; names \"G7 summit\", \"Kananaskis summit\"\n\
             \x20            (it has no phrases of its own: these tie it, to confirm or to contradict)\n"
        ),
        "{}",
        r.stdout
    );
    // Phrases of its own: the event's only name its occasion.
    let r = run(&["facts", "show", "g7-2025.pledge", "-f", G7], "");
    assert!(
        r.stdout.contains(
            "(it has phrases of its own: these name its occasion, so they can confirm it, never contradict it)"
        ),
        "{}",
        r.stdout
    );
    let f = json_of(&run(
        &["facts", "show", "g7-2025.pledge", "-f", G7, "--format", "json"],
        "",
    ));
    assert_eq!((f["version"].as_u64(), f["type"].as_str()), (Some(1), Some("fact")));
    assert_eq!(f["event"], "g7-2025");
    assert_eq!(
        f["inherited"],
        serde_json::json!({
            "event": "g7-2025",
            "about": ["G7 summit", "G7 leaders met"],
            "names": ["G7 summit", "Kananaskis summit"],
            "can_contradict": false,
        })
    );
    let f = json_of(&run(
        &["facts", "show", "g7-2025.leaders", "-f", G7, "--format", "json"],
        "",
    ));
    assert_eq!(f["inherited"]["can_contradict"], true);
    // A fact of no event inherits nothing; its subject is shown.
    let f = json_of(&run(&["facts", "show", "leo14.birth_year", "--format", "json"], ""));
    assert_eq!((f["event"].clone(), f["inherited"].clone()), (Value::Null, Value::Null));
    let r = run(&["facts", "show", "leo14.birth_year"], "");
    assert!(!r.stdout.contains("event:"), "{}", r.stdout);
    assert!(
        r.stdout.contains("\n  subject:   leo14 (Robert Francis Prevost)\n"),
        "{}",
        r.stdout
    );
}

#[test]
fn facts_show_an_entity_gives_the_place_it_lies_in() {
    let r = run(&["facts", "show", "meghaninagar"], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.starts_with(
            "meghaninagar (place, Meghaninagar)\n\
             \x20 aliases: \"Meghani Nagar\", \"Meghani nagar\"\n\
             \x20 within:  ahmedabad (Ahmedabad), in gujarat (Gujarat), in india (India)\n"
        ),
        "{}",
        r.stdout
    );
    let e = json_of(&run(&["facts", "show", "meghaninagar", "--format", "json"], ""));
    assert_eq!((e["version"].as_u64(), e["type"].as_str()), (Some(1), Some("entity")));
    assert_eq!(e["within"], "ahmedabad");
    assert_eq!(e["facts"], serde_json::json!(["ai171.area"]));
    let e = json_of(&run(&["facts", "show", "starmer", "--format", "json"], ""));
    assert_eq!(e["within"], Value::Null);
}
