//! Around the checker: shell completions, the man page, a closed pipe, the
//! GitHub Actions workflow and the pre-commit hook.

use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::Value;

use crate::common::{self, factcheck, factcheck_in, fixture, run};

#[test]
fn completions_for_every_shell() {
    for (shell, marker) in [
        ("bash", "complete -F _factcheck"),
        ("zsh", "#compdef factcheck"),
        ("fish", "complete -c factcheck"),
        ("elvish", "edit:completion:arg-completer[factcheck]"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let r = run(factcheck().args(["completions", shell]));
        assert_eq!(r.code, 0, "{shell}: {}", r.stderr);
        assert!(r.stdout.contains(marker), "{shell}: no {marker:?}");
        for word in ["check", "watch", "claims", "format", "write", "config", "isolated"] {
            assert!(r.stdout.contains(word), "{shell} completes {word}");
        }
    }
    let r = run(factcheck().args(["completions", "tcsh"]));
    assert_eq!(r.code, 2);
    assert!(r.stderr.starts_with("error: invalid value 'tcsh'"), "{}", r.stderr);
}

#[test]
fn bash_accepts_the_completion_script() {
    let Ok(bash) = Command::new("bash").arg("--version").output() else {
        eprintln!("skipped: bash is not installed");
        return;
    };
    assert!(bash.status.success());
    let script = run(factcheck().args(["completions", "bash"])).stdout;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("factcheck.bash");
    std::fs::write(&file, script).unwrap();
    // Load it, then ask for the completions of `factcheck ch`.
    let probe = format!(
        "source {}; COMP_WORDS=(factcheck ch); COMP_CWORD=1; _factcheck factcheck ch factcheck; echo \"${{COMPREPLY[@]}}\"",
        file.display()
    );
    let out = Command::new("bash").args(["-c", &probe]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "check");
}

/// `man -l` renders `page` without complaint (where man is installed);
/// the rendered text, or `None` without man.
fn rendered(page: &str) -> Option<String> {
    let installed = Command::new("man")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !installed {
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("page.1");
    std::fs::write(&file, page).unwrap();
    let out = Command::new("man")
        .args(["--warnings", "-l"])
        .arg(&file)
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .env("MANWIDTH", "100")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "", "roff warnings");
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Issue 15, item 10: a real page per command, with the options, the exit
/// codes, the configuration and the environment; `--out DIR` writes them all.
#[test]
fn man_pages_in_roff() {
    let r = run(factcheck().arg("man"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let preamble = ".ie \\n(.g .ds Aq \\(aq\n.el .ds Aq '\n";
    assert!(
        r.stdout.starts_with(&format!("{preamble}.TH factcheck 1")),
        "{}",
        &r.stdout[..200.min(r.stdout.len())]
    );
    assert_eq!(r.stdout.matches(preamble).count(), 1);
    for section in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH SUBCOMMANDS",
        ".SH \"EXIT STATUS\"",
        ".SH CONFIGURATION",
        ".SH ENVIRONMENT",
        ".SH \"SEE ALSO\"",
    ] {
        assert!(r.stdout.contains(section), "{section} in the main page");
    }
    for sub in [
        "factcheck\\-check",
        "factcheck\\-watch",
        "factcheck\\-completions",
        "factcheck\\-man",
    ] {
        assert!(r.stdout.contains(sub), "{sub} in the man page");
    }
    if let Some(text) = rendered(&r.stdout) {
        assert!(text.contains("Check a news article"));
        for var in [
            "NO_COLOR",
            "CLICOLOR_FORCE",
            "CLICOLOR",
            "TERM",
            "COLUMNS",
            "FACTCHECK_BLESS",
        ] {
            assert!(text.contains(&format!("\n       {var}")), "{var} documented:\n{text}");
        }
        assert!(text.contains("factcheck.toml"));
    }

    // One subcommand's page: its own options and exit codes.
    let r = run(factcheck().args(["man", "check"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("\n.TH factcheck-check 1"), "{}", &r.stdout[..100]);
    if let Some(text) = rendered(&r.stdout) {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for want in [
            "factcheck check [",
            "--fail-on <LEVEL>",
            "--stdin-filename <PATH>",
            "-q, --quiet",
            "EXIT STATUS",
            "Checked; at least one finding at or above --fail-on",
            "include = [\"articles\"]",
            "CLICOLOR",
        ] {
            assert!(text.contains(want), "{want:?} in factcheck-check(1):\n{text}");
        }
    }
    let r = run(factcheck().args(["man", "facts", "validate"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("\n.TH factcheck-facts-validate 1"));
    assert!(r.stdout.contains("The fact base has errors"));
    let r = run(factcheck().args(["man", "chek"]));
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "error: no manual page for `factcheck chek` (did you mean 'check' or 'schema'?)\n"
    );

    // Every page, into a folder.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("man1");
    let r = run(factcheck().arg("man").arg("--out").arg(&out));
    assert_eq!((r.code, r.stdout.as_str()), (0, ""), "{}", r.stderr);
    let mut files: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "factcheck-check.1",
            "factcheck-claims.1",
            "factcheck-completions.1",
            "factcheck-facts-list.1",
            "factcheck-facts-show.1",
            "factcheck-facts-validate.1",
            "factcheck-facts.1",
            "factcheck-man.1",
            "factcheck-precommit.1",
            "factcheck-rules.1",
            "factcheck-schema.1",
            "factcheck-suggest.1",
            "factcheck-watch.1",
            "factcheck.1",
        ]
    );
    for f in &files {
        let page = std::fs::read_to_string(out.join(f)).unwrap();
        let name = f.trim_end_matches(".1");
        assert!(page.contains(&format!("\n.TH {name} 1")), "{f}");
        assert!(
            page.contains(".SH \"EXIT STATUS\"") && page.contains(".SH ENVIRONMENT"),
            "{f}"
        );
        rendered(&page);
    }
    assert_eq!(
        std::fs::read_to_string(out.join("factcheck-check.1")).unwrap(),
        run(factcheck().args(["man", "check"])).stdout,
        "the same page either way"
    );
}

/// Run factcheck with stdout on a pipe whose reading end is already closed:
/// every write fails with EPIPE, as under `factcheck ... | head` once head exits.
fn closed_pipe(args: &[&str]) -> (Option<i32>, String) {
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    let out = Command::new(env!("CARGO_BIN_EXE_factcheck"))
        .args(args)
        .current_dir(fixture::dir())
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .expect("runs");
    (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn a_closed_pipe_ends_quietly() {
    for format in ["human", "json", "jsonl", "sarif", "github", "junit", "html"] {
        let (code, stderr) = closed_pipe(&["check", "article.md", "-f", "facts.toml", "--format", format]);
        assert_eq!(stderr, "", "{format}: nothing on stderr");
        assert_eq!(code, Some(1), "{format}: the verdict's exit code, no signal death");
    }
    for args in [
        &["check", "article.md", "-f", "facts.toml", "--diff"][..],
        &["claims", "article.md", "-f", "facts.toml"],
        &["facts", "validate", "facts.toml"],
        &["completions", "bash"],
        &["man"],
        &["--help"],
    ] {
        let (code, stderr) = closed_pipe(args);
        assert_eq!(stderr, "", "{args:?}: nothing on stderr");
        assert!(matches!(code, Some(0 | 1)), "{args:?}: exit {code:?}");
    }
}

#[test]
fn head_reads_the_first_line_and_factcheck_exits_quietly() {
    if Command::new("sh").arg("-c").arg("true").output().is_err() {
        eprintln!("skipped: no sh");
        return;
    }
    let bin = env!("CARGO_BIN_EXE_factcheck");
    let script = format!("'{bin}' check article.md -f facts.toml --format jsonl | head -n 1");
    let out = Command::new("sh")
        .args(["-c", &script])
        .current_dir(fixture::dir())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let first: Value = serde_json::from_str(stdout.lines().next().unwrap()).expect("one JSON line");
    assert_eq!(first["path"], "article.md");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "", "no broken-pipe noise");
}

/// A YAML file of the repository, as JSON.
fn yaml(path: &str) -> Value {
    let text = std::fs::read_to_string(common::root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn the_github_workflow_checks_articles_and_uploads_sarif() {
    let wf = yaml(".github/workflows/factcheck.yml");
    assert_eq!(wf["permissions"]["security-events"], "write", "upload-sarif needs it");
    let on = &wf["on"];
    for trigger in ["pull_request", "push"] {
        let paths: Vec<&str> = on[trigger]["paths"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().unwrap())
            .collect();
        assert!(
            paths.contains(&"articles/**") && paths.contains(&"claims/**"),
            "{trigger}: {paths:?}"
        );
    }
    let steps = wf["jobs"]["factcheck"]["steps"].as_array().expect("steps");
    let step = |name: &str| {
        steps
            .iter()
            .find(|s| s["name"] == name)
            .unwrap_or_else(|| panic!("no step {name:?}"))
    };
    let install = step("Install factcheck")["run"].as_str().unwrap();
    assert_eq!(install, "cargo install --locked --path .");
    let upload = step("Upload SARIF to code scanning");
    assert!(
        upload["uses"]
            .as_str()
            .unwrap()
            .starts_with("github/codeql-action/upload-sarif@")
    );
    assert!(
        upload["if"].as_str().unwrap().contains("always()"),
        "upload even when findings fail the check"
    );
    let sarif_file = upload["with"]["sarif_file"].as_str().unwrap();

    // Run the check step's command as the workflow would, on a copy of the
    // repository's articles and fact base.
    let command = step("Check articles")["run"].as_str().unwrap();
    assert!(command.starts_with("factcheck check articles/ "), "{command}");
    assert!(command.contains(&format!("--report sarif={sarif_file}")), "{command}");
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&common::root().join("articles"), &dir.path().join("articles"));
    copy_dir(&common::root().join("claims"), &dir.path().join("claims"));
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_factcheck")).parent().unwrap();
    let path = format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap_or_default());
    let out = Command::new("sh")
        .args(["-c", command])
        .current_dir(dir.path())
        .env("PATH", path)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "exit {:?}: {stderr}",
        out.status.code()
    );
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        assert!(line.starts_with("::"), "a workflow command: {line}");
        assert!(!line.contains("drafts/"), "drafts are excluded: {line}");
    }
    let sarif: Value = serde_json::from_slice(&std::fs::read(dir.path().join(sarif_file)).unwrap()).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    for r in results {
        let uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap();
        assert!(uri.starts_with("articles/") && !uri.contains("drafts"), "{uri}");
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &to.join(e.file_name()));
        } else {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

/// What pre-commit would run for the staged files of the git repository in
/// `dir`: the hook's `entry` followed by the staged files its `files`
/// pattern lets through, or nothing (`None`) when none does.
fn pre_commit(dir: &Path, hook: &Value) -> Option<common::Run> {
    let files = regex_lite::Regex::new(hook["files"].as_str().unwrap()).unwrap();
    let staged = Command::new("git")
        .args(["diff", "--cached", "--name-only", "--diff-filter=ACMR"])
        .current_dir(dir)
        .output()
        .unwrap();
    let staged: Vec<String> = String::from_utf8(staged.stdout)
        .unwrap()
        .lines()
        .filter(|f| files.is_match(f))
        .map(str::to_owned)
        .collect();
    if staged.is_empty() {
        return None;
    }
    let entry: Vec<&str> = hook["entry"].as_str().unwrap().split_whitespace().collect();
    assert_eq!(entry[0], "factcheck");
    Some(run(factcheck_in(dir).args(&entry[1..]).args(&staged)))
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(["-c", "user.name=t", "-c", "user.email=t@example.org"])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Issue 15, item 15: the hook runs on articles, the fact base and
/// factcheck.toml, never on README.md or docs; it checks the articles a
/// commit changes, and every article when the fact base changes. Tested
/// with git in a temporary repository, staging files as a commit would and
/// running the hook's entry on what its `files` pattern lets through.
#[test]
fn the_pre_commit_hook_checks_changed_articles_and_all_of_them_when_the_base_changes() {
    let hooks = yaml(".pre-commit-hooks.yaml");
    let hook = &hooks.as_array().expect("a list of hooks")[0];
    assert_eq!(hook["id"], "factcheck");
    assert_eq!(hook["language"], "rust", "pre-commit builds it with cargo install");
    let files = regex_lite::Regex::new(hook["files"].as_str().unwrap()).unwrap();
    for (path, wanted) in [
        ("articles/a.md", true),
        ("articles/2026/notes.markdown", true),
        ("articles/brief.txt", true),
        ("claims/paris-summit.toml", true),
        ("factcheck.toml", true),
        ("README.md", false),
        ("docs/accuracy.md", false),
        ("CHANGELOG.md", false),
        ("tests/corpus/wire.txt", false),
        ("src/main.rs", false),
        ("Cargo.toml", false),
    ] {
        assert_eq!(files.is_match(path), wanted, "{path}");
    }

    if Command::new("git").arg("--version").output().is_err() {
        eprintln!("skipped: git is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for sub in ["articles/drafts", "claims", "docs"] {
        std::fs::create_dir_all(d.join(sub)).unwrap();
    }
    std::fs::write(d.join("claims/facts.toml"), fixture::facts()).unwrap();
    let clean = "Representatives from 35 countries attended the summit.\n";
    let wrong = "Representatives from 36 countries attended the summit.\n";
    std::fs::write(d.join("articles/a.md"), clean).unwrap();
    std::fs::write(d.join("articles/b.md"), wrong).unwrap();
    std::fs::write(d.join("articles/drafts/c.md"), wrong).unwrap();
    std::fs::write(d.join("README.md"), wrong).unwrap();
    std::fs::write(d.join("factcheck.toml"), "exclude = [\"articles/drafts\"]\n").unwrap();
    git(d, &["init", "-q"]);
    git(d, &["add", "."]);
    git(d, &["commit", "-qm", "start"]);

    // README.md and docs: the hook does not run at all.
    std::fs::write(d.join("README.md"), format!("{wrong}More.\n")).unwrap();
    std::fs::write(d.join("docs/guide.md"), wrong).unwrap();
    git(d, &["add", "."]);
    assert!(pre_commit(d, hook).is_none(), "README.md and docs never start the hook");
    git(d, &["commit", "-qm", "docs"]);

    // A changed article: that article only (b.md, wrong, is not checked).
    std::fs::write(d.join("articles/a.md"), format!("{clean}\nMore.\n")).unwrap();
    git(d, &["add", "."]);
    let r = pre_commit(d, hook).expect("the hook runs");
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("1 article, 1 claim: 1 match"), "{}", r.stdout);
    git(d, &["commit", "-qm", "a"]);

    // A changed draft: excluded in factcheck.toml, so nothing is checked.
    std::fs::write(d.join("articles/drafts/c.md"), format!("{wrong}\nMore.\n")).unwrap();
    git(d, &["add", "."]);
    let r = pre_commit(d, hook).expect("the hook runs");
    assert_eq!(r.code, 0, "an excluded draft passes: {}{}", r.stdout, r.stderr);
    git(d, &["commit", "-qm", "c"]);

    // The fact base changes: every article (but the excluded drafts).
    std::fs::write(
        d.join("claims/facts.toml"),
        fixture::facts().replace("title = \"Harbour", "title = \"The harbour"),
    )
    .unwrap();
    git(d, &["add", "."]);
    let r = pre_commit(d, hook).expect("the hook runs");
    assert_eq!(
        r.code, 1,
        "b.md's discrepancy fails the commit: {}{}",
        r.stdout, r.stderr
    );
    assert!(r.stdout.contains("articles/a.md: 1 claim"), "{}", r.stdout);
    assert!(
        r.stdout.contains("articles/b.md: 1 claim: 0 matches, 1 discrepancy"),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("drafts/c.md"), "{}", r.stdout);
    git(d, &["reset", "-q", "--hard"]);

    // factcheck.toml changes: every article too.
    std::fs::write(
        d.join("factcheck.toml"),
        "exclude = [\"articles/drafts\"]\nfail-on = \"discrepancy\"\n",
    )
    .unwrap();
    git(d, &["add", "."]);
    let r = pre_commit(d, hook).expect("the hook runs");
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("2 articles, 2 claims"), "{}", r.stdout);

    // Called with only files it does not check, it passes quietly: an
    // `articles` folder elsewhere is no article folder.
    std::fs::create_dir_all(d.join("docs/articles")).unwrap();
    std::fs::write(d.join("docs/articles/old.md"), wrong).unwrap();
    let r = run(factcheck_in(d).args(["precommit", "README.md", "docs/guide.md", "docs/articles/old.md"]));
    assert_eq!((r.code, r.stdout.as_str(), r.stderr.as_str()), (0, "", ""));
}
