//! The README is the user's manual: its examples run as shown, its sample
//! report is the real output, and its links stay inside the repository.

use crate::common::{self, factcheck_in, root, run};

fn readme() -> String {
    std::fs::read_to_string(root().join("README.md")).expect("README.md")
}

/// The lines of the fenced block that starts with the line `first`
/// (without it), up to the closing fence.
fn block_after(first: &str) -> Vec<String> {
    let text = readme();
    let start = text
        .find(&format!("\n{first}\n"))
        .unwrap_or_else(|| panic!("no {first:?} in README.md"));
    text[start + first.len() + 2..]
        .lines()
        .take_while(|l| !l.starts_with("```"))
        .map(str::to_owned)
        .collect()
}

/// Issue 15, item 18: the sample report shows the lines that really open
/// the output (and those that close it), not a selection.
#[test]
fn the_sample_report_is_the_real_output() {
    let shown = block_after("$ factcheck check articles/drafts/paris-summit-errors.md");
    let cut = shown.iter().position(|l| l == "...").expect("a ... line");
    let (head, tail) = (&shown[..cut], &shown[cut + 1..]);
    assert!(head.len() >= 10 && tail.len() >= 2, "{shown:#?}");
    let r = run(common::factcheck()
        .args(["check", "articles/drafts/paris-summit-errors.md"])
        .env_remove("COLUMNS"));
    assert_eq!(r.code, 1, "{}", r.stderr);
    let real: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(&real[..head.len()], head, "the report opens as README.md shows");
    assert_eq!(&real[real.len() - tail.len()..], tail, "and ends so");
}

/// The `--write` example works from a fresh checkout: the file it corrects
/// is made first, and the output is what the README shows.
#[test]
fn the_write_example_runs_as_shown() {
    let lines = block_after("$ cp tests/fixtures/cli/article.md draft.md     # a small article with nine errors");
    let command = lines[0].strip_prefix("$ factcheck ").expect("the factcheck command");
    let dir = tempfile::tempdir().unwrap();
    let fixtures = dir.path().join("tests/fixtures/cli");
    std::fs::create_dir_all(&fixtures).unwrap();
    for f in ["article.md", "facts.toml"] {
        std::fs::copy(common::fixture::dir().join(f), fixtures.join(f)).unwrap();
    }
    std::fs::copy(fixtures.join("article.md"), dir.path().join("draft.md")).unwrap();
    let r = run(factcheck_in(dir.path()).args(command.split_whitespace()));
    assert_eq!(r.stderr, "");
    let out: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(out, lines[1..], "README.md shows what --write prints");
}

/// Links are relative to the repository and lead to files in it: the
/// README travels with the code (no `../shared/...`).
#[test]
fn links_stay_inside_the_repository() {
    let text = readme();
    assert!(!text.contains("../shared"), "a path outside the repository");
    assert!(!text.contains("CONTRACT.md"), "the contract is not in the repository");
    let link = regex_lite::Regex::new(r"\]\(([^)\s]+)\)").unwrap();
    let mut checked = 0;
    for m in link.captures_iter(&text) {
        let target = &m[1];
        if target.starts_with("http://") || target.starts_with("https://") {
            continue;
        }
        if let Some(anchor) = target.strip_prefix('#') {
            let heading = regex_lite::Regex::new(r"(?m)^#+ (.+)$").unwrap();
            let anchors: Vec<String> = heading
                .captures_iter(&text)
                .map(|h| {
                    h[1].to_lowercase()
                        .chars()
                        .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-')
                        .map(|c| if c == ' ' { '-' } else { c })
                        .collect()
                })
                .collect();
            assert!(anchors.iter().any(|a| a == anchor), "no heading for #{anchor}");
        } else {
            assert!(!target.starts_with("../") && !target.starts_with('/'), "{target}");
            let path = target.split('#').next().unwrap();
            assert!(root().join(path).exists(), "{target} is not in the repository");
        }
        checked += 1;
    }
    assert!(checked >= 3);
}

/// How to install the binary is the first thing shown.
#[test]
fn installing_the_binary_is_documented() {
    let quick = block_after("```sh");
    assert_eq!(
        quick[0].split('#').next().unwrap().trim(),
        "cargo install --locked --path ."
    );
}

/// A project without `claims/` is told how to name its fact base.
#[test]
fn a_missing_fact_base_hints_at_facts_and_the_config() {
    let dir = tempfile::tempdir().unwrap();
    common::write(dir.path(), "a.md", "Representatives from 36 countries attended.\n");
    for args in [&["check", "a.md"][..], &["facts", "validate"], &["suggest", "a.md"]] {
        let r = run(factcheck_in(dir.path()).args(args));
        assert_eq!(r.code, 2, "{args:?}");
        assert!(
            r.stderr.starts_with(
                "error: claims: no such file or directory (the default fact base; name one with -f PATH, \
                 or set `facts = [\"PATH\"]` in factcheck.toml)"
            ),
            "{args:?}: {}",
            r.stderr
        );
    }
    // Named explicitly, a missing fact base is only named.
    let r = run(factcheck_in(dir.path()).args(["check", "a.md", "-f", "facts.toml"]));
    assert_eq!(r.stderr, "error: facts.toml: no such file or directory\n");
}
