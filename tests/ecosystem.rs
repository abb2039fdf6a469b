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

#[test]
fn man_page_in_roff() {
    let r = run(factcheck().arg("man"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains(".TH factcheck 1"),
        "{}",
        &r.stdout[..200.min(r.stdout.len())]
    );
    assert!(r.stdout.contains(".SH NAME"));
    assert!(r.stdout.contains(".SH SUBCOMMANDS"));
    for sub in [
        "factcheck\\-check",
        "factcheck\\-watch",
        "factcheck\\-completions",
        "factcheck\\-man",
    ] {
        assert!(r.stdout.contains(sub), "{sub} in the man page");
    }
    // man(1) renders it without complaint, where man is installed.
    if Command::new("man")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
    {
        let dir = tempfile::tempdir().unwrap();
        let page = dir.path().join("factcheck.1");
        std::fs::write(&page, &r.stdout).unwrap();
        let out = Command::new("man")
            .arg("-l")
            .arg(&page)
            .env("MANPAGER", "cat")
            .env("PAGER", "cat")
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert!(String::from_utf8_lossy(&out.stdout).contains("Check a news article"));
    }
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

#[test]
fn the_pre_commit_hook_runs_on_the_files_pre_commit_passes() {
    let hooks = yaml(".pre-commit-hooks.yaml");
    let hook = &hooks.as_array().expect("a list of hooks")[0];
    assert_eq!(hook["id"], "factcheck");
    assert_eq!(hook["language"], "rust", "pre-commit builds it with cargo install");
    let files = regex_lite::Regex::new(hook["files"].as_str().unwrap()).unwrap();
    for (path, wanted) in [
        ("articles/a.md", true),
        ("notes.markdown", true),
        ("b.txt", true),
        ("src/main.rs", false),
    ] {
        assert_eq!(files.is_match(path), wanted, "{path}");
    }
    // pre-commit runs `entry` followed by the changed files' names.
    let entry: Vec<&str> = hook["entry"].as_str().unwrap().split_whitespace().collect();
    assert_eq!(entry[0], "factcheck");
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("drafts")).unwrap();
    fixture::copy_into(dir.path(), "a.md");
    fixture::copy_into(&dir.path().join("drafts"), "b.md");
    std::fs::write(
        dir.path().join("factcheck.toml"),
        "facts = \"facts.toml\"\nexclude = [\"drafts\"]\n",
    )
    .unwrap();
    let r = run(factcheck_in(dir.path()).args(&entry[1..]).args(["drafts/b.md"]));
    assert_eq!(r.code, 0, "an excluded draft passes: {}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("0 articles"), "{}", r.stdout);
    let r = run(factcheck_in(dir.path()).args(&entry[1..]).args(["a.md", "drafts/b.md"]));
    assert_eq!(r.code, 1, "a discrepancy blocks the commit");
    assert!(
        r.stdout.contains("a.md: 12 claims") && !r.stdout.contains("drafts/b.md"),
        "{}",
        r.stdout
    );
}
