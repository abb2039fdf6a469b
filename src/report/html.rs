//! `--format html`: one self-contained page for an editor's browser.
//!
//! Each article is shown as it is on disk, every claim highlighted by its
//! verdict; beside it, one card per claim with what was found and what the
//! fact base expects, the fact id and a link to its source. A summary bar
//! counts the verdicts and filters them. Clicking a highlight opens its card
//! in a popover and in the side panel.
//!
//! The page needs nothing but itself: styles and a small script are inline,
//! and a Content-Security-Policy forbids fetching anything. Every piece of
//! text from an article or the fact base is HTML-escaped, and a source link
//! is a link only when it is http(s). The script reads the page it is in
//! (it carries no data), so hostile text cannot become code. Without the
//! script the page still reads well: counts and cards are written out, and
//! the script only adds filters and popovers, recounting the highlights it
//! finds into `data-js-count` attributes (which the browser test reads).
//! In print, filters and popovers disappear and every claim is shown.

use std::fmt::Write as _;
use std::io::{self, Write};

use serde_json::Value;

use super::Claim;
use super::{ArticleReport, Emitter, Report, Summary, plural};
use crate::finding::Verdict;

/// The HTML report.
pub struct Html;

const VERDICTS: [Verdict; 3] = [Verdict::Discrepancy, Verdict::Unverifiable, Verdict::Match];

/// Escape text for HTML element content and quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn count(s: Summary, v: Verdict) -> usize {
    match v {
        Verdict::Match => s.matches,
        Verdict::Discrepancy => s.discrepancies,
        Verdict::Unverifiable => s.unverifiable,
    }
}

fn verdict_label(v: Verdict, n: usize) -> String {
    match v {
        Verdict::Match => plural(n, "match", "matches"),
        Verdict::Discrepancy => plural(n, "discrepancy", "discrepancies"),
        Verdict::Unverifiable => format!("{n} unverifiable"),
    }
}

/// A JSON value from the report as words: strings bare, lists joined.
fn value_text(v: &Value) -> String {
    match v {
        Value::Null => "—".into(),
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(value_text).collect::<Vec<_>>().join(", "),
        other => other.to_string(),
    }
}

/// An `href` only for web links: a fact base could hold `javascript:`.
fn safe_url(url: &str) -> Option<&str> {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then_some(url.trim())
}

fn claim_id(article: usize, claim: usize) -> String {
    format!("a{article}-c{claim}")
}

/// The article's text with one `<mark>` per claim. Claims are nested when
/// one lies inside another; one that straddles another's end is cut there.
fn highlighted(a: &ArticleReport, article: usize) -> String {
    let text = &a.article.text;
    let mut order: Vec<usize> = (0..a.claims.len())
        .filter(|&i| {
            let s = a.claims[i].span;
            s.start <= s.end && s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end)
        })
        .collect();
    order.sort_by_key(|&i| (a.claims[i].span.start, std::cmp::Reverse(a.claims[i].span.end)));
    let mut out = String::with_capacity(text.len() * 2);
    let mut pos = 0;
    let mut open: Vec<usize> = Vec::new();
    let close_until = |limit: usize, out: &mut String, pos: &mut usize, open: &mut Vec<usize>| {
        while let Some(&end) = open.last() {
            if end > limit {
                break;
            }
            out.push_str(&escape(&text[*pos..end]));
            out.push_str("</mark>");
            *pos = end;
            open.pop();
        }
    };
    for i in order {
        let c = &a.claims[i];
        close_until(c.span.start, &mut out, &mut pos, &mut open);
        let end = open.last().map_or(c.span.end, |&outer| c.span.end.min(outer));
        out.push_str(&escape(&text[pos..c.span.start]));
        pos = c.span.start;
        let id = claim_id(article, i);
        let _ = write!(
            out,
            "<mark class=\"claim v-{v}\" id=\"{id}-m\" data-claim=\"{id}\" data-verdict=\"{v}\" tabindex=\"0\" title=\"{v}: {msg}\">",
            v = c.verdict.as_str(),
            msg = escape(&c.message),
        );
        open.push(end);
    }
    close_until(usize::MAX, &mut out, &mut pos, &mut open);
    out.push_str(&escape(&text[pos..]));
    out
}

fn card(a: &ArticleReport, article: usize, i: usize, c: &Claim) -> String {
    let id = claim_id(article, i);
    let v = c.verdict.as_str();
    let (start, _) = a.positions(c.span);
    let text = a.text(c.span);
    let value = value_text(&c.found);
    let found = if value == text || value.is_empty() {
        escape(text)
    } else {
        format!("{} <span class=\"value\">({})</span>", escape(text), escape(&value))
    };
    let mut rows = vec![("found", found)];
    let expected = match (c.verdict, &c.suggestion, &c.expected) {
        (Verdict::Discrepancy, Some(s), _) => Some(escape(s)),
        (_, _, Some(e)) => Some(escape(&value_text(e))),
        _ => None,
    };
    if let Some(e) = expected {
        rows.push(("expected", e));
    }
    if let Some(f) = &c.fact {
        rows.push(("fact", format!("<code>{}</code>", escape(f))));
    } else if let Some(e) = &c.entity {
        rows.push(("entity", format!("<code>{}</code>", escape(e))));
    }
    if let Some(s) = &c.source {
        let title = escape(s.title.as_deref().unwrap_or(&s.id));
        let shown = match s.url.as_deref().and_then(safe_url) {
            Some(url) => format!("<a href=\"{}\" rel=\"noreferrer noopener\">{title}</a>", escape(url)),
            None => match &s.url {
                Some(url) => format!("{title} ({})", escape(url)),
                None => title,
            },
        };
        rows.push(("source", shown));
    }
    if let Some(b) = &c.because {
        rows.push(("why", escape(b)));
    }
    let mut html = format!(
        "<li class=\"card v-{v}\" id=\"{id}\" data-verdict=\"{v}\">\
         <div class=\"card-head\"><span class=\"badge\">{v}</span> <span class=\"kind\">{kind}</span> \
         <a class=\"loc\" href=\"#{id}-m\">{line}:{col}</a></div>\
         <p class=\"message\">{msg}</p><dl>",
        kind = c.kind.as_str(),
        line = start.line,
        col = start.column,
        msg = escape(&c.message),
    );
    for (k, val) in rows {
        let _ = write!(html, "<dt>{k}</dt><dd>{val}</dd>");
    }
    html.push_str("</dl>");
    if let (Verdict::Discrepancy, Some(s)) = (c.verdict, &c.suggestion) {
        let _ = write!(html, "<p class=\"help\">write “{}”</p>", escape(s));
    }
    html.push_str("</li>");
    html
}

fn counts_line(s: Summary) -> String {
    format!(
        "{}: {}",
        plural(s.total(), "claim", "claims"),
        VERDICTS.map(|v| verdict_label(v, count(s, v))).join(", ")
    )
}

fn article_section(a: &ArticleReport, n: usize) -> String {
    let s = a.summary();
    let mut html = format!(
        "<section class=\"article\" id=\"a{n}\" data-path=\"{path}\">\
         <h2>{path}</h2><p class=\"article-summary\" data-claims=\"{total}\">{counts}{published}</p>\
         <div class=\"layout\"><pre class=\"text\">{text}</pre><aside class=\"claims\" aria-label=\"Claims\">",
        path = escape(&a.article.path),
        total = s.total(),
        counts = escape(&counts_line(s)),
        published = a
            .article
            .published
            .map(|d| format!(" · published {d}"))
            .unwrap_or_default(),
        text = highlighted(a, n),
    );
    if a.claims.is_empty() {
        html.push_str("<p class=\"none\">No claims found.</p>");
    } else {
        html.push_str("<ol>");
        for (i, c) in a.claims.iter().enumerate() {
            html.push_str(&card(a, n, i, c));
        }
        html.push_str("</ol>");
    }
    html.push_str("</aside></div></section>\n");
    html
}

const STYLE: &str = r#"
:root { --d: #c62828; --d-bg: #fde2e1; --u: #a15c00; --u-bg: #fff1c7; --m: #2e7d32; --m-bg: #e0f2e1;
  --ink: #1d1d1f; --muted: #5f6368; --line: #d9d9de; color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: #fafafa; }
.summary-bar { position: sticky; top: 0; z-index: 2; display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; align-items: center;
  padding: .6rem 1.25rem; background: #fff; border-bottom: 1px solid var(--line); }
.summary-bar h1 { font-size: 1.1rem; margin: 0; }
.filters { display: flex; gap: .5rem; flex-wrap: wrap; }
.filter { display: inline-flex; gap: .35rem; align-items: center; padding: .15rem .6rem; border-radius: 999px; cursor: pointer;
  border: 1px solid currentColor; font-weight: 600; }
.filter.v-discrepancy { color: var(--d); } .filter.v-unverifiable { color: var(--u); } .filter.v-match { color: var(--m); }
.meta { color: var(--muted); font-size: .9rem; }
main { padding: 0 1.25rem 2rem; }
.article h2 { font-size: 1.05rem; margin: 1.5rem 0 .1rem; word-break: break-all; }
.article-summary { margin: 0 0 .75rem; color: var(--muted); }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) minmax(16rem, 26rem); gap: 1.25rem; align-items: start; }
@media (max-width: 50rem) { .layout { grid-template-columns: 1fr; } }
pre.text { margin: 0; padding: 1rem 1.25rem; background: #fff; border: 1px solid var(--line); border-radius: 6px;
  white-space: pre-wrap; overflow-wrap: anywhere; font: 1rem/1.7 Georgia, "Times New Roman", serif; }
mark.claim { color: inherit; border-radius: 2px; cursor: pointer; padding: 0 1px; }
mark.v-discrepancy { background: var(--d-bg); border-bottom: 2px solid var(--d); }
mark.v-unverifiable { background: var(--u-bg); border-bottom: 2px dotted var(--u); }
mark.v-match { background: var(--m-bg); border-bottom: 1px solid var(--m); }
mark.claim:focus, mark.claim.active { outline: 2px solid var(--ink); outline-offset: 1px; }
.hide-discrepancy mark.v-discrepancy, .hide-unverifiable mark.v-unverifiable, .hide-match mark.v-match {
  background: none; border-bottom-color: transparent; }
.hide-discrepancy .card.v-discrepancy, .hide-unverifiable .card.v-unverifiable, .hide-match .card.v-match { display: none; }
aside.claims { position: sticky; top: 3.5rem; max-height: calc(100vh - 4.5rem); overflow: auto; }
aside.claims ol { list-style: none; margin: 0; padding: 0; display: grid; gap: .6rem; }
.card { background: #fff; border: 1px solid var(--line); border-left: 4px solid var(--m); border-radius: 6px; padding: .55rem .75rem; font-size: .9rem; }
.card.v-discrepancy { border-left-color: var(--d); } .card.v-unverifiable { border-left-color: var(--u); }
.card.active { box-shadow: 0 0 0 2px var(--ink); }
.card-head { display: flex; gap: .5rem; align-items: baseline; }
.badge { font-weight: 700; text-transform: uppercase; font-size: .72rem; letter-spacing: .04em; }
.v-discrepancy .badge { color: var(--d); } .v-unverifiable .badge { color: var(--u); } .v-match .badge { color: var(--m); }
.kind { color: var(--muted); } .loc { margin-left: auto; color: var(--muted); font-variant-numeric: tabular-nums; }
.message { margin: .3rem 0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .6rem; margin: .3rem 0 0; }
dt { color: var(--muted); } dd { margin: 0; overflow-wrap: anywhere; }
.value { color: var(--muted); }
.help { margin: .35rem 0 0; font-weight: 600; }
#popover { position: absolute; z-index: 3; max-width: 26rem; background: #fff; border: 1px solid var(--line); border-radius: 6px;
  box-shadow: 0 6px 24px rgba(0,0,0,.18); }
#popover .card { border-top: 0; border-right: 0; border-bottom: 0; margin: 0; }
footer { color: var(--muted); font-size: .8rem; padding: 1rem 1.25rem; }
.errors { margin: 1rem 0 0; padding: .6rem 1rem; background: var(--d-bg); border-left: 4px solid var(--d); border-radius: 6px; }
.errors h2 { font-size: 1rem; margin: 0 0 .3rem; color: var(--d); }
.errors ul { margin: 0; padding-left: 1.2rem; } .errors li { overflow-wrap: anywhere; }
@media print {
  body { background: #fff; font-size: 11pt; }
  .summary-bar { position: static; border: 0; padding: 0 0 .5rem; }
  .filter input, #popover { display: none !important; }
  .filter { border: 0; padding: 0; }
  .layout { display: block; }
  pre.text { border: 0; padding: 0; }
  aside.claims { position: static; max-height: none; overflow: visible; margin-top: 1rem; }
  .card, .article-summary { break-inside: avoid; }
  .hide-discrepancy .card, .hide-unverifiable .card, .hide-match .card { display: block !important; }
  mark.claim { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .article + .article { break-before: page; }
  a[href^="http"]::after { content: " <" attr(href) ">"; font-size: .8em; color: var(--muted); }
}
"#;

const SCRIPT: &str = r#"
(function () {
  "use strict";
  var root = document.documentElement;
  var marks = document.querySelectorAll("mark.claim");
  ["discrepancy", "unverifiable", "match"].forEach(function (v) {
    var n = document.querySelectorAll("mark.claim[data-verdict=" + v + "]").length;
    document.querySelectorAll("[data-count=" + v + "]").forEach(function (el) {
      el.textContent = String(n);
      el.setAttribute("data-js-count", String(n));
    });
  });
  root.setAttribute("data-highlights", String(marks.length));
  document.querySelectorAll("input[data-filter]").forEach(function (box) {
    box.addEventListener("change", function () {
      document.body.classList.toggle("hide-" + box.getAttribute("data-filter"), !box.checked);
    });
  });
  var pop = document.getElementById("popover");
  function clear() {
    document.querySelectorAll(".active").forEach(function (el) { el.classList.remove("active"); });
  }
  function show(mark) {
    var card = document.getElementById(mark.getAttribute("data-claim"));
    if (!card) { return; }
    clear();
    mark.classList.add("active");
    card.classList.add("active");
    card.scrollIntoView({ block: "nearest" });
    var copy = card.cloneNode(true);
    copy.removeAttribute("id");
    copy.classList.remove("active");
    pop.replaceChildren(copy);
    var r = mark.getBoundingClientRect();
    pop.style.left = Math.max(8, Math.min(r.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - 430)) + "px";
    pop.style.top = (r.bottom + window.scrollY + 6) + "px";
    pop.hidden = false;
  }
  marks.forEach(function (m) {
    m.addEventListener("click", function (e) { e.stopPropagation(); show(m); });
    m.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); show(m); }
    });
  });
  document.querySelectorAll(".card").forEach(function (card) {
    card.addEventListener("click", function () {
      var m = document.getElementById(card.id + "-m");
      if (m) { clear(); m.classList.add("active"); card.classList.add("active"); m.scrollIntoView({ block: "center" }); }
    });
  });
  document.addEventListener("click", function (e) { if (!pop.contains(e.target)) { pop.hidden = true; clear(); } });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") { pop.hidden = true; clear(); } });
  root.setAttribute("data-ready", "true");
})();
"#;

impl Emitter for Html {
    fn emit(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        let total = report.summary();
        let title = match report.articles.as_slice() {
            [one] => format!("factcheck: {}", one.article.path),
            many => format!("factcheck: {}", plural(many.len(), "article", "articles")),
        };
        let mut html = String::new();
        let _ = write!(
            html,
            "<!DOCTYPE html>\n<html lang=\"en\" data-articles=\"{n}\" data-claims=\"{claims}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n\
             <meta name=\"generator\" content=\"factcheck {version}\">\n<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
             <header class=\"summary-bar\"><h1>factcheck</h1><div class=\"filters\" role=\"group\" aria-label=\"Show verdicts\">",
            n = report.articles.len(),
            claims = total.total(),
            version = env!("CARGO_PKG_VERSION"),
            title = escape(&title),
        );
        for v in VERDICTS {
            let n = count(total, v);
            let name = verdict_label(v, n);
            let word = name.split_once(' ').map_or("", |(_, w)| w);
            let _ = write!(
                html,
                "<label class=\"filter v-{v}\"><input type=\"checkbox\" data-filter=\"{v}\" checked> \
                 <span class=\"n\" data-count=\"{v}\">{n}</span> {word}</label>",
                v = v.as_str(),
            );
        }
        let _ = write!(
            html,
            "</div><span class=\"meta\">{articles} · fact base: {files} ({facts})</span></header>\n<main>\n",
            articles = plural(report.articles.len(), "article", "articles"),
            files = escape(&report.fact_files.join(", ")),
            facts = plural(report.fact_count, "fact", "facts"),
        );
        // Articles that could not be read come first: the page must not
        // pass for a report on every article named.
        if !report.errors.is_empty() {
            let _ = write!(
                html,
                "<section class=\"errors\" role=\"alert\"><h2>Partial report: {} could not be read</h2><ul>",
                plural(report.errors.len(), "article", "articles")
            );
            for e in &report.errors {
                let _ = write!(
                    html,
                    "<li data-path=\"{path}\"><code>{path}</code>: {error}</li>",
                    path = escape(&e.path),
                    error = escape(&e.error)
                );
            }
            html.push_str("</ul></section>\n");
        }
        for (n, a) in report.articles.iter().enumerate() {
            html.push_str(&article_section(a, n));
        }
        let partial = if report.errors.is_empty() {
            String::new()
        } else {
            format!(
                " · partial: {} not read",
                plural(report.errors.len(), "article", "articles")
            )
        };
        let _ = write!(
            html,
            "</main>\n<div id=\"popover\" role=\"dialog\" hidden></div>\n\
             <footer>{summary}{partial} · generated by factcheck {version}</footer>\n<script>{SCRIPT}</script>\n</body>\n</html>\n",
            summary = escape(&counts_line(total)),
            version = env!("CARGO_PKG_VERSION"),
        );
        out.write_all(html.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_covers_markup_and_quotes() {
        assert_eq!(
            escape("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
    }

    #[test]
    fn only_web_links_become_links() {
        assert_eq!(safe_url(" https://example.org/a "), Some("https://example.org/a"));
        assert_eq!(safe_url("JavaScript:alert(1)"), None);
        assert_eq!(safe_url("data:text/html,x"), None);
    }

    #[test]
    fn values_read_as_words() {
        assert_eq!(value_text(&serde_json::json!(["macron", "starmer"])), "macron, starmer");
        assert_eq!(value_text(&serde_json::json!("2026-01-06")), "2026-01-06");
        assert_eq!(value_text(&serde_json::json!(35)), "35");
        assert_eq!(value_text(&Value::Null), "—");
    }
}
