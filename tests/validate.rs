//! `factcheck facts validate`: one fixture per rule of the fact-base format,
//! each asserting the exact message and its `file:line:column`.
//!
//! Problems are diagnostics: they go to stderr, one `error: path:line:col: ...`
//! line each, sorted by place, then an `N errors, M warnings` line; stdout stays
//! empty and the exit code is 2. A clean fact base prints one summary line on
//! stdout and exits 0.

use crate::common;

const DIR: &str = "tests/fixtures/facts";

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str]) -> Run {
    let out = common::factcheck().args(args).output().expect("runs");
    let run = Run {
        code: out.status.code().expect("exit code"),
        stdout: String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    };
    assert!(
        !run.stderr.contains("panicked") && !run.stderr.contains("RUST_BACKTRACE"),
        "panic: {}",
        run.stderr
    );
    run
}

/// `facts validate` on `fixture` must fail with exactly `errors` (without
/// the `error: ` prefix) on stderr, and nothing on stdout.
fn assert_invalid(fixture: &str, errors: &[&str]) {
    let path = format!("{DIR}/{fixture}");
    let r = run(&["facts", "validate", &path]);
    assert_eq!(r.code, 2, "exit code for {fixture}; stderr:\n{}", r.stderr);
    assert_eq!(r.stdout, "", "stdout for {fixture}");
    let mut want: Vec<String> = errors.iter().map(|e| format!("error: {e}")).collect();
    want.push(format!(
        "{} error{}, 0 warnings",
        errors.len(),
        if errors.len() == 1 { "" } else { "s" }
    ));
    let got: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(got, want, "stderr for {fixture}");
}

#[test]
fn toml_syntax_error_is_one_problem_with_its_place() {
    // The array opened on line 7 is never closed; the parser notices at the
    // next key. Only the first syntax error is shown: the rest would be the
    // parser's own confusion.
    assert_invalid(
        "syntax-error.toml",
        &[
            "tests/fixtures/facts/syntax-error.toml:8:1: invalid TOML: missing comma between array elements, expected `,`",
        ],
    );
}

#[test]
fn unknown_key_in_fact_suggests_the_right_one() {
    // One typo is one problem: no extra "has no value" for the misspelt `count`.
    assert_invalid(
        "unknown-key-fact.toml",
        &["tests/fixtures/facts/unknown-key-fact.toml:6:1: unknown key `cuont` in [[fact]] (did you mean `count`?)"],
    );
}

#[test]
fn unknown_key_in_entity() {
    assert_invalid(
        "unknown-key-entity.toml",
        &[
            "tests/fixtures/facts/unknown-key-entity.toml:5:1: unknown key `alias` in [[entity]] (did you mean `aliases`?)",
        ],
    );
}

#[test]
fn unknown_key_in_meta() {
    assert_invalid(
        "unknown-key-meta.toml",
        &["tests/fixtures/facts/unknown-key-meta.toml:3:1: unknown key `asof` in [meta] (did you mean `as_of`?)"],
    );
}

#[test]
fn unknown_key_in_source_lists_the_known_ones() {
    assert_invalid(
        "unknown-key-source.toml",
        &[
            "tests/fixtures/facts/unknown-key-source.toml:3:1: unknown key `link` in [sources.elysee] (expected one of: title, url)",
        ],
    );
}

#[test]
fn unknown_top_level_table() {
    assert_invalid(
        "unknown-table.toml",
        &[
            "tests/fixtures/facts/unknown-table.toml:1:2: unknown table `metadata` (expected one of: meta, sources, entity, event, fact)",
        ],
    );
}

#[test]
fn fact_without_a_value() {
    assert_invalid(
        "no-value.toml",
        &[
            "tests/fixtures/facts/no-value.toml:4:1: fact `summit.countries` has no value: give exactly one of date, year, count, entity, entities, quote, amount, percent, ordinal",
        ],
    );
}

#[test]
fn fact_with_two_values_points_at_the_second() {
    assert_invalid(
        "two-values.toml",
        &[
            "tests/fixtures/facts/two-values.toml:7:1: a fact holds exactly one value, but this one has `count` and `year`",
        ],
    );
}

#[test]
fn count_given_as_a_string() {
    assert_invalid(
        "type-count-string.toml",
        &["tests/fixtures/facts/type-count-string.toml:6:9: `count` in [[fact]] must be an integer, found a string"],
    );
}

#[test]
fn date_given_as_a_string() {
    assert_invalid(
        "type-date-string.toml",
        &[
            "tests/fixtures/facts/type-date-string.toml:6:8: `date` in [[fact]] must be a date (YYYY-MM-DD, unquoted), found a string",
        ],
    );
}

#[test]
fn entities_given_as_a_single_string() {
    assert_invalid(
        "type-entities-string.toml",
        &[
            "tests/fixtures/facts/type-entities-string.toml:11:12: `entities` in [[fact]] must be a list of entity ids, found a string (write [\"macron\"], or use `entity` for one entity)",
        ],
    );
}

#[test]
fn year_given_as_a_decimal() {
    assert_invalid(
        "type-year-float.toml",
        &[
            "tests/fixtures/facts/type-year-float.toml:6:8: `year` in [[fact]] must be an integer, found a decimal number",
        ],
    );
}

#[test]
fn complete_given_as_a_string() {
    assert_invalid(
        "type-complete-string.toml",
        &[
            "tests/fixtures/facts/type-complete-string.toml:12:12: `complete` in [[fact]] must be true or false, found a string",
        ],
    );
}

#[test]
fn amount_without_currency() {
    assert_invalid(
        "amount-without-currency.toml",
        &[
            "tests/fixtures/facts/amount-without-currency.toml:4:1: an `amount` fact needs `currency` (an ISO 4217 code such as \"EUR\")",
        ],
    );
}

#[test]
fn unit_on_a_date_fact() {
    assert_invalid(
        "unit-on-date.toml",
        &[
            "tests/fixtures/facts/unit-on-date.toml:7:1: `unit` does not apply to a `date` fact (only to count, ordinal)",
        ],
    );
}

#[test]
fn duplicate_fact_id_across_two_files_names_the_first_definition() {
    let r = run(&["facts", "validate", &format!("{DIR}/duplicate-fact-ids")]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_eq!(r.stdout, "");
    assert_eq!(
        r.stderr.lines().collect::<Vec<_>>(),
        [
            "error: tests/fixtures/facts/duplicate-fact-ids/b.toml:8:1: duplicate fact id `summit.countries` (first defined at tests/fixtures/facts/duplicate-fact-ids/a.toml:4:1)",
            "1 error, 0 warnings",
        ]
    );
}

#[test]
fn duplicate_fact_id_across_two_paths_given_separately() {
    let a = format!("{DIR}/duplicate-fact-ids/a.toml");
    let b = format!("{DIR}/duplicate-fact-ids/b.toml");
    let r = run(&["facts", "validate", &b, &a]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    // Files load in the order given, so here the first definition is in b.toml.
    assert_eq!(
        r.stderr.lines().next(),
        Some(
            "error: tests/fixtures/facts/duplicate-fact-ids/a.toml:4:1: duplicate fact id `summit.countries` (first defined at tests/fixtures/facts/duplicate-fact-ids/b.toml:8:1)"
        )
    );
}

#[test]
fn duplicate_entity_id() {
    assert_invalid(
        "duplicate-entity.toml",
        &[
            "tests/fixtures/facts/duplicate-entity.toml:6:1: duplicate entity id `paris` (first defined at tests/fixtures/facts/duplicate-entity.toml:1:1)",
        ],
    );
}

#[test]
fn unknown_entity_in_entity() {
    assert_invalid(
        "unknown-entity-in-entity.toml",
        &[
            "tests/fixtures/facts/unknown-entity-in-entity.toml:11:10: entity `pairs` is not a known entity id (did you mean `paris`?)",
        ],
    );
}

#[test]
fn unknown_entity_in_entities_points_at_the_id_in_the_list() {
    assert_invalid(
        "unknown-entity-in-entities.toml",
        &["tests/fixtures/facts/unknown-entity-in-entities.toml:11:23: entity `starmer` is not a known entity id"],
    );
}

#[test]
fn unknown_entity_as_speaker() {
    assert_invalid(
        "unknown-entity-in-speaker.toml",
        &[
            "tests/fixtures/facts/unknown-entity-in-speaker.toml:12:11: speaker `zelensky` is not a known entity id (did you mean `zelenskyy`?)",
        ],
    );
}

#[test]
fn unknown_source() {
    assert_invalid(
        "unknown-source.toml",
        &[
            "tests/fixtures/facts/unknown-source.toml:7:10: source `elysée` is not defined in [sources] (did you mean `elysee`?)",
        ],
    );
}

#[test]
fn impossible_date_is_rejected_by_the_toml_parser_with_a_clear_reason() {
    // The TOML parser, not our code, rejects 2026-02-30: a TOML date must exist.
    assert_invalid(
        "impossible-date.toml",
        &["tests/fixtures/facts/impossible-date.toml:6:8: invalid TOML: invalid date, expected day between 01 and 28"],
    );
}

#[test]
fn unknown_entity_kind() {
    assert_invalid(
        "unknown-entity-kind.toml",
        &[
            "tests/fixtures/facts/unknown-entity-kind.toml:3:8: unknown entity kind `city` (expected person, country, place or organisation)",
        ],
    );
}

#[test]
fn every_problem_of_a_file_is_reported_sorted_by_line() {
    assert_invalid(
        "several-problems.toml",
        &[
            "tests/fixtures/facts/several-problems.toml:4:1: unknown key `titel` in [meta] (did you mean `title`?)",
            "tests/fixtures/facts/several-problems.toml:11:8: unknown entity kind `town` (expected person, country, place or organisation)",
            "tests/fixtures/facts/several-problems.toml:16:9: `count` in [[fact]] must be an integer, found a string",
            "tests/fixtures/facts/several-problems.toml:22:10: source `nowhere` is not defined in [sources]",
        ],
    );
}

#[test]
fn missing_fact_base_path() {
    assert_invalid(
        "no-such-file.toml",
        &["tests/fixtures/facts/no-such-file.toml: no such file or directory"],
    );
}

#[test]
fn valid_fact_base_exits_0_with_a_summary() {
    let r = run(&["facts", "validate", &format!("{DIR}/valid")]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr, "");
    assert_eq!(
        r.stdout,
        "tests/fixtures/facts/valid/summit.toml: 2 facts, 2 entities, 1 source; no problems\n"
    );
}

#[test]
fn warnings_do_not_fail_validation() {
    let dir = tempfile::tempdir().unwrap();
    let p = common::write(dir.path(), "f.toml", "[[fact]]\nid = \"a\"\nyear = 2014\n");
    let r = run(&["facts", "validate", p.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let shown = p.display();
    assert_eq!(r.stderr, format!("{shown}:1:1: warning: fact `a` cites no source\n"));
    assert_eq!(r.stdout, format!("{shown}: 1 fact, 0 entities, 0 sources; 1 warning\n"));
}

#[cfg(unix)]
#[test]
fn symlinked_folders_in_the_fact_base_are_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(format!("{DIR}/valid/summit.toml"), dir.path().join("summit.toml")).unwrap();
    std::os::unix::fs::symlink(".", dir.path().join("loop")).unwrap();
    let r = run(&["facts", "validate", dir.path().to_str().unwrap()]);
    assert_eq!(r.code, 0, "no duplicate ids from the loop: {}", r.stderr);
    assert!(
        r.stdout.ends_with(": 2 facts, 2 entities, 1 source; no problems\n"),
        "{}",
        r.stdout
    );
}

#[test]
fn project_fact_base_validates_clean() {
    for args in [&["facts", "validate"][..], &["facts", "validate", "claims"][..]] {
        let r = run(args);
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        assert_eq!(r.stderr, "", "{args:?}");
        assert!(r.stdout.starts_with("claims/"), "{args:?}: {}", r.stdout);
        assert!(r.stdout.ends_with("; no problems\n"), "{args:?}: {}", r.stdout);
        assert_eq!(r.stdout.lines().count(), 1);
    }
}

#[test]
fn check_with_a_bad_fact_base_exits_2_and_prints_the_problems_on_stderr() {
    let out = common::factcheck()
        .args(["check", "-f", "tests/fixtures/facts/several-problems.toml", "-"])
        .write_stdin("The summit gathered 35 countries.")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        out.stdout.is_empty(),
        "stdout: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr.lines().collect::<Vec<_>>(),
        [
            "error: tests/fixtures/facts/several-problems.toml:4:1: unknown key `titel` in [meta] (did you mean `title`?)",
            "error: tests/fixtures/facts/several-problems.toml:11:8: unknown entity kind `town` (expected person, country, place or organisation)",
            "error: tests/fixtures/facts/several-problems.toml:16:9: `count` in [[fact]] must be an integer, found a string",
            "error: tests/fixtures/facts/several-problems.toml:22:10: source `nowhere` is not defined in [sources]",
        ]
    );
}

#[test]
fn check_with_a_missing_fact_base_exits_2() {
    let out = common::factcheck()
        .args(["check", "--facts", "no-such-claims", "-"])
        .write_stdin("The summit gathered 35 countries.")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: no-such-claims: no such file or directory\n"
    );
}
