//! A false discrepancy costs an editor more than a miss: sentences that
//! mention the fact base's words about some other matter must not be
//! flagged, and weak links must say unverifiable.

use crate::common::{check_text, claims, with_verdict};

/// Each sentence is true or about something the fact base does not cover.
const NOT_DISCREPANCIES: &[&str] = &[
    "The next summit is planned for March 3 in London.",
    "At the summit, three leaders signed a separate letter on air defence.",
    "Leaders flew on to Kyiv after the summit.",
    "Russia invaded Ukraine in 2014, seizing Crimea.",
    "Two countries pledged to send warships, officials said.",
    "Since 2022, 12 countries have trained Ukrainian pilots.",
    "The coalition has met 15 times since it was formed.",
    "The previous summit, held in London, drew 20 countries.",
    "Dr. Smith, a historian at St. Andrews, said the U.S. role was new.",
    "\"We are ready to act,\" said NATO Secretary General Mark Rutte.",
    "The talks ran for more than five hours.",
    "Some 30 journalists attended the press conference.",
    "Another meeting of the coalition, in Berlin, is planned for later this year.",
    "A later summit in Rome gathered representatives from 20 countries.",
    "Mr. Starmer told us the summit had gone well.",
    "The leaders of the coalition of the willing met in the \"spirit of unity\".",
    // (A titled stranger inside the signatories' list, "President Emmanuel Macron, Polish
    // Premier Donald Tusk and Zelensky signed ...", is an extra member, a discrepancy:
    // see `mutations`.)
    "At the summit, 36 countries backed Kyiv.",
    "Witkoff flew in from talks in Miami on Monday.",
    "Leaders in Paris agreed that the ceasefire monitoring would be led by the U.S.",
    "Leaders from France agreed that the ceasefire monitoring would be led by the U.S.",
    "Diplomats in Washington said Britain would join the monitoring mechanism.",
    "Officials from Germany and Poland praised the military hubs that the UK and France pledged.",
    "Merz attended the signing of the declaration of intent.",
    "About 30% of Ukrainians live in occupied areas, a poll suggested.",
    "On Wednesday, a day after the summit, Zelenskyy returned to Kyiv.",
    "Two days before the summit, on 4 January, the planners met again.",
    "The summit's host, Emmanuel Macron, met German Chancellor Friedrich Merz on Monday.",
    "The declaration of intent was signed by Macron, Zelenskyy and Starmer; Merz and Meloni watched.",
    "Twenty-seven leaders attended in person; the other eight countries sent ministers.",
    "Russia controls nearly all of Luhansk and about 70% of Donetsk.",
    "Russia occupies land where 30% of Ukrainians lived before the war.",
    "On Wednesday, foreign ministers met in Brussels to discuss the plan.",
    "Asked about the \"territorial question\", Macron said it was for Ukraine to decide.",
    "The EU has so far provided more than €150 billion in support, on top of the new loan.",
    "The loan is part of a €200 billion package the EU has discussed since 2024.",
    "Besides the loan, Brussels has promised €40 billion in grants.",
    "The leaders met in Paris on Tuesday; on Thursday their envoys met in Berlin.",
    "Defence ministers from eight Nordic and Baltic countries, meeting in Riga, agreed to hold a summit of their leaders in Helsinki next Tuesday.",
    "Russia had not commented on the talks by Wednesday evening.",
    "Kyiv's finances were shored up last month, when European leaders backed a €90 billion EU loan for Ukraine.",
];

#[test]
fn unrelated_or_weakly_linked_sentences_are_never_discrepancies() {
    let mut failures = Vec::new();
    for sentence in NOT_DISCREPANCIES {
        let (code, report) = check_text(sentence);
        let wrong = with_verdict(&report, "discrepancy");
        if code != 0 || !wrong.is_empty() {
            failures.push(format!(
                "{sentence}\n  -> {:?}",
                wrong
                    .iter()
                    .map(|c| c["message"].as_str().unwrap_or(""))
                    .collect::<Vec<_>>()
            ));
        }
    }
    assert!(failures.is_empty(), "false discrepancies:\n{}", failures.join("\n"));
}

#[test]
fn a_weak_link_is_unverifiable_and_says_why() {
    let (_, report) = check_text("The next summit is planned for March 3.");
    let c = &claims(&report)[0];
    assert_eq!(c["verdict"], "unverifiable");
    assert_eq!(c["kind"], "date");
    assert!(c["message"].as_str().unwrap().contains("\"next\""), "{}", c["message"]);
    assert_eq!(c["fact"], serde_json::Value::Null);
}

#[test]
fn a_count_without_an_about_phrase_is_unverifiable_not_judged() {
    let (code, report) = check_text("Twelve countries sent ships.");
    assert_eq!(code, 0);
    let c = &claims(&report)[0];
    assert_eq!(
        (c["verdict"].as_str(), c["kind"].as_str(), c["text"].as_str()),
        (Some("unverifiable"), Some("count"), Some("Twelve countries"))
    );
    assert_eq!(c["found"], 12);
    assert!(
        c["message"].as_str().unwrap().contains("summit.countries"),
        "{}",
        c["message"]
    );
}

#[test]
fn scare_quotes_are_not_quote_claims() {
    let (_, report) = check_text("Leaders of the \"coalition of the willing\" met in Paris.");
    assert!(claims(&report).iter().all(|c| c["kind"] != "quote"), "{report}");
}

#[test]
fn every_discrepancy_says_why_it_was_linked() {
    let (code, report) = check_text("The summit gathered representatives from 36 countries.");
    assert_eq!(code, 1);
    let c = &with_verdict(&report, "discrepancy")[0];
    assert_eq!(c["because"], "linked by \"representatives\" and unit \"countries\"");
    assert!(c["message"].as_str().unwrap().contains("linked by \"representatives\""));
    assert_eq!(c["suggestion"], "35 countries");
    assert_eq!(c["source"]["id"], "elysee");
}

/// Sentences that once fooled the checker, with the verdict each claim must get.
const KNOWN: &[(&str, &str, &str, &str)] = &[
    // (sentence, claim text, kind, verdict)
    (
        "A coordination cell will be set up in Paris to link planners.",
        "Paris",
        "entity",
        "match",
    ),
    (
        "Delegations from 35 countries attended the summit at the Élysée Palace in Paris on Tuesday (January 6).",
        "Paris",
        "entity",
        "match",
    ),
    (
        "Kyiv's finances were shored up last month, when European leaders backed a €90 billion EU loan for Ukraine.",
        "€90 billion",
        "amount",
        "match",
    ),
    (
        "U.K. Prime Minister Starmer called the day a step forward.",
        "U.K. Prime Minister Starmer",
        "role",
        "match",
    ),
    (
        "U.S. Prime Minister Keir Starmer spoke first.",
        "U.S. Prime Minister Keir Starmer",
        "role",
        "discrepancy",
    ),
    (
        "British PM Keir Starmer spoke first.",
        "British PM Keir Starmer",
        "role",
        "match",
    ),
    (
        "President Macron, Prime Minister Starmer and Ukraine's Volodymyr Zelensky signed a declaration of intent.",
        "President Macron, Prime Minister Starmer and Ukraine's Volodymyr Zelensky",
        "entities",
        "match",
    ),
    (
        "Macron, Merz and Ukraine's Volodymyr Zelensky signed a declaration of intent.",
        "Macron, Merz and Ukraine's Volodymyr Zelensky",
        "entities",
        "discrepancy",
    ),
    (
        "The summit gathered representatives from 35 countries, including some two dozen leaders.",
        "some two dozen leaders",
        "count",
        "match",
    ),
    (
        "The summit gathered representatives from 35 countries, including three dozen leaders.",
        "three dozen leaders",
        "count",
        "discrepancy",
    ),
    // Added with the accuracy corpus: wording the checker once missed.
    (
        "Emmanuel Macron, the French president, welcomed the guests.",
        "Emmanuel Macron, the French president",
        "role",
        "match",
    ),
    (
        "Emmanuel Macron, the French prime minister, welcomed the guests.",
        "Emmanuel Macron, the French prime minister",
        "role",
        "discrepancy",
    ),
    (
        "Germany's chancellor, Friedrich Merz, spoke first.",
        "Germany's chancellor, Friedrich Merz",
        "role",
        "match",
    ),
    (
        "German Chancellor Friedrich Mertz spoke first.",
        "Friedrich Mertz",
        "name",
        "discrepancy",
    ),
    (
        "The EU loan is worth ninety billion euros.",
        "ninety billion euros",
        "amount",
        "match",
    ),
    (
        "The EU loan of $90 billion will help.",
        "$90 billion",
        "amount",
        "discrepancy",
    ),
    ("Russia occupies a fifth of Ukraine.", "a fifth", "percent", "match"),
    (
        "Russia occupies a quarter of Ukraine.",
        "a quarter",
        "percent",
        "discrepancy",
    ),
    (
        "Three leaders signed the declaration of intent: Macron, Starmer and Zelensky.",
        "Macron, Starmer and Zelensky",
        "entities",
        "match",
    ),
    (
        "It was signed this evening by President Macron, Chancellor Merz and President Zelensky.",
        "President Macron, Chancellor Merz and President Zelensky",
        "entities",
        "discrepancy",
    ),
    (
        "A podcast on the signatories: Macron, Zelensky and Starmer, and why Merz did not sign.",
        "Macron, Zelensky and Starmer",
        "entities",
        "match",
    ),
    (
        "Representatives of 35 countries attended, not 36 countries as stated.",
        "36 countries",
        "count",
        "unverifiable",
    ),
    (
        "Delegates from 35 nations, including 37 heads of government, met.",
        "37 heads of government",
        "count",
        "discrepancy",
    ),
    (
        "The fund has 12 donors, including 15 banks.",
        "15 banks",
        "count",
        "discrepancy",
    ),
];

#[test]
fn sentences_that_once_fooled_the_checker() {
    let mut failures = Vec::new();
    for &(sentence, text, kind, verdict) in KNOWN {
        let (_, report) = check_text(sentence);
        let ok = claims(&report)
            .iter()
            .any(|c| c["text"] == text && c["kind"] == kind && c["verdict"] == verdict);
        if !ok {
            failures.push(format!(
                "{sentence}\n  want {verdict} {kind} {text:?}; got {:?}",
                claims(&report)
                    .iter()
                    .map(|c| format!("{} {} {}", c["verdict"], c["kind"], c["text"]))
                    .collect::<Vec<_>>()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_headline_figure_is_held_against_the_body() {
    let (code, report) = crate::common::check_text(
        "36 nations back Ukraine\n\nThe summit gathered representatives from 35 countries.\n",
    );
    assert_eq!(code, 1);
    let c = &with_verdict(&report, "discrepancy")[0];
    assert_eq!(c["text"], "36 nations");
    assert_eq!(c["fact"], "summit.countries");
    assert!(c["because"].as_str().unwrap().contains("headline"), "{}", c["because"]);
}

/// A claim that no fact's `about` phrase reaches names the first five
/// candidate facts and counts the rest: against a large fact base it would
/// otherwise list thousands.
#[test]
fn not_linked_names_five_candidates_and_counts_the_rest() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut facts = String::from("[sources.s]\ntitle = \"Record\"\n");
    for i in 0..8 {
        facts += &format!(
            "\n[[fact]]\nid = \"gala{i}\"\nabout = [\"gala number {i}\"]\ndate = 2011-0{}-1{i}\nsource = \"s\"\n",
            i + 1
        );
    }
    crate::common::write(dir.path(), "facts.toml", &facts);
    let article = crate::common::write(dir.path(), "a.md", "The ceremony took place on 3 March 2025.\n");
    let out = crate::common::factcheck()
        .args(["check", "--format", "json", "--published", "2026-01-07", "--facts"])
        .arg(dir.path().join("facts.toml"))
        .arg(&article)
        .output()
        .expect("runs");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    let messages: Vec<&str> = claims(&report).iter().filter_map(|c| c["message"].as_str()).collect();
    assert!(
        messages.iter().any(|m| m.contains(
            "not linked to gala0, gala1, gala2, gala3, gala4 and 3 more: none of their `about` phrases is in this sentence"
        )),
        "{messages:?}"
    );
}
