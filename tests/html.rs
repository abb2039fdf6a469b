//! `--format html`: one self-contained page, every claim highlighted, all
//! text escaped; and the page as a real browser sees it after its script ran.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::common::{self, factcheck_in, fixture, run, write};

/// The fixture article's report as (html, json).
fn fixture_reports(dir: &Path) -> (String, Value) {
    fixture::copy_into(dir, "a.md");
    let html = run(factcheck_in(dir).args(["check", "a.md", "-f", "facts.toml", "--format", "html"]));
    assert_eq!(html.code, 1, "{}", html.stderr);
    let json = run(factcheck_in(dir).args(["check", "a.md", "-f", "facts.toml", "--format", "json"]));
    (html.stdout, serde_json::from_str(&json.stdout).unwrap())
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

#[test]
fn every_claim_is_highlighted_with_its_card() {
    let dir = tempfile::tempdir().unwrap();
    let (html, json) = fixture_reports(dir.path());
    let claims = json["articles"][0]["claims"].as_array().unwrap();
    assert_eq!(claims.len(), 12, "fixture changed: {json:#}");
    assert_eq!(count(&html, "<mark class=\"claim "), claims.len());
    assert_eq!(count(&html, "<li class=\"card "), claims.len());
    for v in ["match", "discrepancy", "unverifiable"] {
        let n = json["summary"][v].as_u64().unwrap() as usize;
        assert_eq!(count(&html, &format!("<mark class=\"claim v-{v}\"")), n, "{v}");
        assert!(
            html.contains(&format!("<span class=\"n\" data-count=\"{v}\">{n}</span>")),
            "summary bar count for {v}"
        );
    }
    // Each card shows what was found, what is expected, the fact and its source.
    for (i, c) in claims.iter().enumerate() {
        let card_start = html.find(&format!(
            "<li class=\"card v-{}\" id=\"a0-c{i}\"",
            c["verdict"].as_str().unwrap()
        ));
        let card = &html[card_start.unwrap_or_else(|| panic!("card {i}"))..];
        let card = &card[..card.find("</li>").unwrap()];
        assert!(card.contains("<dt>found</dt>"), "{card}");
        if let Some(s) = c["suggestion"].as_str().filter(|_| c["verdict"] == "discrepancy") {
            assert!(card.contains(&format!("<dt>expected</dt><dd>{}</dd>", s)), "{card}");
        }
        if let Some(f) = c["fact"].as_str() {
            assert!(
                card.contains(&format!("<dt>fact</dt><dd><code>{f}</code></dd>")),
                "{card}"
            );
            assert!(
                card.contains("<a href=\"https://example.org/press-release\" rel=\"noreferrer noopener\">"),
                "{card}"
            );
        }
        let line = c["span"]["line"].as_u64().unwrap();
        let col = c["span"]["column"].as_u64().unwrap();
        assert!(
            card.contains(&format!("href=\"#a0-c{i}-m\">{line}:{col}</a>")),
            "{card}"
        );
    }
    // The highlight wraps exactly the claim's text.
    assert!(html.contains(
        "data-verdict=\"discrepancy\" tabindex=\"0\" title=\"discrepancy: 2015, but the fact base says 2014"
    ));
    assert!(html.contains(">thirty-six countries</mark>"));
    // Front matter is shown escaped, as on disk.
    assert!(html.contains("title: &quot;Harbour summit &lt;draft&gt; &amp; notes&quot;"));
}

#[test]
fn the_page_is_self_contained() {
    let dir = tempfile::tempdir().unwrap();
    let (html, _) = fixture_reports(dir.path());
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\""));
    assert!(html.ends_with("</html>\n"));
    for forbidden in ["<link", " src=", "@import", "url(", "http-equiv=\"refresh\""] {
        assert!(!html.contains(forbidden), "{forbidden} in the page");
    }
    assert_eq!(count(&html, "<script"), 1);
    assert_eq!(count(&html, "<style"), 1);
    assert!(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\""));
    assert!(html.contains("@media print"));
    // The only links are the fact base's source URLs and in-page anchors.
    for href in html.split("href=\"").skip(1) {
        let href = &href[..href.find('"').unwrap()];
        assert!(
            href.starts_with('#') || href == "https://example.org/press-release",
            "{href}"
        );
    }
}

#[test]
fn hostile_text_stays_text() {
    let dir = tempfile::tempdir().unwrap();
    let facts = fixture::facts()
        .replace(
            "url = \"https://example.org/press-release\"",
            "url = \"javascript:alert(1)\"",
        )
        .replace(
            "title = \"Joint press release, 6 January 2026\"",
            "title = \"<img src=x onerror=alert(1)> release\"",
        );
    write(dir.path(), "facts.toml", &facts);
    write(
        dir.path(),
        "a.txt",
        "<script>alert('x')</script> Representatives from 36 countries attended. \"</mark><b>\" & more",
    );
    let r = run(factcheck_in(dir.path()).args(["check", "a.txt", "-f", "facts.toml", "--format", "html"]));
    assert_eq!(r.code, 1, "{}", r.stderr);
    let html = r.stdout;
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(html.contains("&quot;&lt;/mark&gt;&lt;b&gt;&quot; &amp; more"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt; release (javascript:alert(1))"));
    assert!(!html.contains("<img"));
    assert!(!html.contains("href=\"javascript"));
    assert_eq!(count(&html, "<script"), 1);
    assert_eq!(count(&html, "<mark "), 1);
    assert_eq!(count(&html, "</mark>"), 1);
}

#[test]
fn html_works_as_an_extra_report_and_for_many_articles() {
    let dir = tempfile::tempdir().unwrap();
    fixture::copy_into(dir.path(), "a.md");
    write(dir.path(), "b.txt", "Representatives from 35 countries attended.");
    let r = run(factcheck_in(dir.path()).args([
        "check",
        "a.md",
        "b.txt",
        "-f",
        "facts.toml",
        "--format",
        "json",
        "--report",
        "html=report.html",
    ]));
    assert_eq!(r.code, 1, "{}", r.stderr);
    let html = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    assert_eq!(count(&html, "<section class=\"article\""), 2);
    assert!(html.contains("<title>factcheck: 2 articles</title>"));
    assert!(html.contains("id=\"a1-c0\""), "claim ids are per article");
}

/// Chromium, if installed (`.ci/run` installs Debian's package).
fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"].into_iter().find(|b| {
        Command::new(b)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

/// The DOM of `page` after its scripts ran, from headless Chromium (killed
/// after two minutes, so a hung browser fails the test instead of CI).
fn rendered_dom(browser: &str, page: &Path) -> String {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--virtual-time-budget=5000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("chromium starts");
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stdout.read_to_string(&mut s);
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s);
        s
    });
    let deadline = Instant::now() + Duration::from_secs(120);
    let status = loop {
        if let Some(status) = child.try_wait().expect("chromium runs") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish within 120 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let (dom, log) = (out.join().unwrap(), err.join().unwrap());
    assert!(status.success(), "chromium failed ({status}): {log}");
    dom
}

#[test]
fn a_real_browser_runs_the_page() {
    let Some(browser) = chromium() else {
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("chromium is not installed, and CI=true: .ci/run must install it (apt-get install -y chromium)");
        }
        eprintln!("skipped: chromium is not installed (CI installs it; apt-get install -y chromium)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (html, json) = fixture_reports(dir.path());
    let page = dir.path().join("report.html");
    std::fs::write(&page, &html).unwrap();
    let dom = rendered_dom(browser, &page);

    // The script ran to its end and counted the highlights it found.
    assert!(dom.contains("data-ready=\"true\""), "script did not finish:\n{dom}");
    let claims = json["summary"]["match"].as_u64().unwrap()
        + json["summary"]["discrepancy"].as_u64().unwrap()
        + json["summary"]["unverifiable"].as_u64().unwrap();
    assert!(
        dom.contains(&format!("data-highlights=\"{claims}\"")),
        "highlights: {dom}"
    );
    for v in ["match", "discrepancy", "unverifiable"] {
        let n = &json["summary"][v];
        assert!(
            dom.contains(&format!("data-count=\"{v}\" data-js-count=\"{n}\">{n}</span>")),
            "{v} count after the script ran"
        );
    }
    // The browser parsed every highlight as a highlight (no markup broke out).
    assert_eq!(count(&dom, "<mark class=\"claim "), claims as usize);
    assert!(dom.contains(">thirty-six countries</mark>"));
    assert!(!common::root().join("report.html").exists());
}
