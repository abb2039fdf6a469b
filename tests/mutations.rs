//! The heart of the suite: change one fact and demand a discrepancy at
//! exactly that span; reword without changing a fact and demand none.

use serde_json::Value;

use crate::common::{check_text, claims, with_verdict};

/// A correct short report on the summit, in the styles newsrooms use.
const BASE: &str = "\
Allies gather in Paris to shape guarantees for Ukraine

PARIS, Jan. 7 - Leaders of the coalition of the willing held a summit in Paris on Tuesday (January 6) to agree security guarantees for Ukraine.

The summit gathered representatives from 35 countries, including 27 heads of state or government.

French President Emmanuel Macron, Ukrainian President Volodymyr Zelenskyy and UK Prime Minister Keir Starmer signed a declaration of intent on a multinational force.

The UK and France pledged to establish military hubs in Ukraine once a ceasefire holds.

The U.S. will lead a truce monitoring mechanism with European participation.

The allies agreed to set up a coordination cell in Paris.

Russia first invaded Ukraine in 2014 and launched its full-scale invasion in February 2022.

The EU has agreed a €90 billion loan to Ukraine, and Russia occupies about 20% of Ukraine's territory.

Mr. Zelenskyy said the \"territorial question\" was still open.
";

/// Replace the single occurrence of `from` in BASE; return the text and the changed byte range.
fn mutate(from: &str, to: &str) -> (String, usize, usize) {
    assert_eq!(
        BASE.matches(from).count(),
        1,
        "`{from}` must occur exactly once in BASE"
    );
    let at = BASE.find(from).expect("present");
    let text = format!("{}{}{}", &BASE[..at], to, &BASE[at + from.len()..]);
    // The changed bytes: strip the common prefix and suffix of `from` and `to`.
    let prefix = from.bytes().zip(to.bytes()).take_while(|(a, b)| a == b).count();
    let suffix = from[prefix..]
        .bytes()
        .rev()
        .zip(to[prefix..].bytes().rev())
        .take_while(|(a, b)| a == b)
        .count();
    (text, at + prefix, at + to.len() - suffix)
}

fn span(c: &Value) -> (usize, usize) {
    (
        c["span"]["start"].as_u64().expect("start") as usize,
        c["span"]["end"].as_u64().expect("end") as usize,
    )
}

/// Whether a claim span `(s, e)` covers the changed bytes `start..end`
/// (for a deletion, where `start == end`, the place where text was removed).
fn touches((s, e): (usize, usize), start: usize, end: usize) -> bool {
    if start == end {
        s <= start && start <= e
    } else {
        s < end && start < e
    }
}

fn describe(report: &Value) -> String {
    claims(report)
        .iter()
        .map(|c| format!("{} {} {:?}: {}", c["verdict"], c["kind"], c["text"], c["message"]))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_base_article_checks_clean() {
    let (code, report) = check_text(BASE);
    assert_eq!(code, 0, "{}", describe(&report));
    assert!(with_verdict(&report, "discrepancy").is_empty(), "{}", describe(&report));
    let matched: Vec<&str> = with_verdict(&report, "match")
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    for kind in [
        "date", "weekday", "count", "year", "role", "entities", "entity", "amount", "percent", "quote",
    ] {
        assert!(matched.contains(&kind), "no {kind} match:\n{}", describe(&report));
    }
    assert!(matched.len() >= 17, "{}", describe(&report));
    // The dateline's "Jan. 7" is the publication date, not a claim about the summit.
    assert!(
        claims(&report).iter().all(|c| c["text"] != "Jan. 7"),
        "{}",
        describe(&report)
    );
}

/// (what changes, from, to, kind of the discrepancy)
const MUTATIONS: &[(&str, &str, &str, &str)] = &[
    ("date", "(January 6)", "(January 7)", "date"),
    ("date with year", "(January 6)", "(January 6, 2025)", "date"),
    ("date day-month", "Tuesday (January 6)", "Tuesday, 5 January", "date"),
    ("date iso", "(January 6)", "(2026-01-08)", "date"),
    (
        "weekday beside date",
        "on Tuesday (January 6)",
        "on Wednesday (January 6)",
        "weekday",
    ),
    ("weekday alone", "on Tuesday (January 6)", "on Monday", "weekday"),
    ("count digits", "35 countries", "36 countries", "count"),
    ("count words", "35 countries", "thirty-six countries", "count"),
    ("count fewer than", "35 countries", "fewer than 30 countries", "count"),
    ("count more than", "35 countries", "more than 40 countries", "count"),
    ("count about", "35 countries", "about 50 countries", "count"),
    ("count some", "35 countries", "some 40 countries", "count"),
    ("leaders digits", "27 heads of state", "28 heads of state", "count"),
    (
        "leaders dozen",
        "27 heads of state",
        "three dozen heads of state",
        "count",
    ),
    (
        "leaders nearly",
        "27 heads of state",
        "nearly 40 heads of state",
        "count",
    ),
    ("year", "in 2014", "in 2015", "year"),
    ("month year", "February 2022", "February 2023", "year"),
    (
        "role wrong office",
        "French President Emmanuel",
        "French Prime Minister Emmanuel",
        "role",
    ),
    (
        "role wrong country",
        "UK Prime Minister Keir",
        "German Prime Minister Keir",
        "role",
    ),
    (
        "role wrong nationality",
        "Ukrainian President",
        "Russian President",
        "role",
    ),
    ("name first name", "Keir Starmer", "Kier Starmer", "name"),
    ("name first name 2", "Emmanuel Macron", "Emanuel Macron", "name"),
    ("name surname", "Mr. Zelenskyy", "Mr. Zelenski", "name"),
    (
        "signatory replaced",
        "Volodymyr Zelenskyy and UK",
        "Volodymyr Zelenskyy, German Chancellor Friedrich Merz and UK",
        "entities",
    ),
    (
        "signatory omitted",
        "Emmanuel Macron, Ukrainian President Volodymyr Zelenskyy and",
        "Emmanuel Macron and",
        "entities",
    ),
    (
        "hubs",
        "The UK and France pledged",
        "The UK and Germany pledged",
        "entities",
    ),
    ("monitoring lead", "The U.S. will lead", "France will lead", "entity"),
    ("summit place", "a summit in Paris", "a summit in Brussels", "entity"),
    (
        "cell place",
        "coordination cell in Paris",
        "coordination cell in London",
        "entity",
    ),
    ("amount", "€90 billion", "€80 billion", "amount"),
    ("amount code", "€90 billion", "EUR 70bn", "amount"),
    ("percent", "about 20%", "about 30%", "percent"),
    ("percent words", "about 20%", "35 per cent", "percent"),
    ("quote speaker", "Mr. Zelenskyy said", "Mr. Starmer said", "quote"),
    (
        "dotted date",
        "full-scale invasion in February 2022",
        "full-scale invasion on 25.2.2022",
        "date",
    ),
    (
        "pledgers as peoples",
        "The UK and France pledged",
        "The Germans and the French pledged",
        "entities",
    ),
    (
        "a signatory the fact base does not know",
        "Volodymyr Zelenskyy and UK",
        "Volodymyr Zelenskyy, Spanish Prime Minister Pedro Sanchez and UK",
        "entities",
    ),
    (
        "a signatory the fact base does not know, last",
        "Volodymyr Zelenskyy and UK Prime Minister Keir Starmer signed",
        "Volodymyr Zelenskyy and Spanish Prime Minister Pedro Sanchez signed",
        "entities",
    ),
    (
        "monitoring lead as a capital",
        "The U.S. will lead",
        "Berlin will lead",
        "entity",
    ),
    (
        "cell place past a clause",
        "The allies agreed to set up a coordination cell in Paris.",
        "The coordination cell that will link the allied planners will be set up in Berlin.",
        "entity",
    ),
];

#[test]
fn every_changed_fact_is_a_discrepancy_at_its_span() {
    let mut failures = Vec::new();
    for &(what, from, to, kind) in MUTATIONS {
        let (text, start, end) = mutate(from, to);
        let (code, report) = check_text(&text);
        let found = with_verdict(&report, "discrepancy");
        // The change is covered by a discrepancy of the right kind ...
        let hit = found.iter().any(|c| c["kind"] == kind && touches(span(c), start, end));
        // ... and nothing else in the article is flagged.
        let stray: Vec<&&Value> = found.iter().filter(|c| !touches(span(c), start, end)).collect();
        if code != 1 || !hit || !stray.is_empty() {
            failures.push(format!(
                "{what}: `{from}` -> `{to}` (bytes {start}..{end}): exit {code}, hit {hit}, stray {}\n{}",
                stray.len(),
                describe(&report)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} mutations missed:\n\n{}",
        failures.len(),
        MUTATIONS.len(),
        failures.join("\n\n")
    );
}

/// (what changes, from, to, kind that must still match)
const REWORDINGS: &[(&str, &str, &str, &str)] = &[
    ("day-month date", "Tuesday (January 6)", "Tuesday, 6 January", "date"),
    ("full date", "on Tuesday (January 6)", "on 6 January 2026", "date"),
    ("abbreviated month", "(January 6)", "(Jan. 6)", "date"),
    ("month-day-year", "(January 6)", "(January 6, 2026)", "date"),
    ("iso date", "(January 6)", "(2026-01-06)", "date"),
    ("weekday alone", "on Tuesday (January 6)", "on Tuesday", "weekday"),
    ("number words", "35 countries", "thirty-five countries", "count"),
    ("synonym unit", "35 countries", "35 nations", "count"),
    ("some", "35 countries", "some 35 delegations", "count"),
    ("more than", "35 countries", "more than 30 countries", "count"),
    ("nearly", "35 countries", "nearly 36 countries", "count"),
    ("around", "35 countries", "around 35 countries", "count"),
    ("adjective", "35 countries", "35 European countries", "count"),
    ("leaders", "27 heads of state or government", "27 leaders", "count"),
    (
        "leaders in words",
        "27 heads of state or government",
        "twenty-seven heads of state",
        "count",
    ),
    (
        "some two dozen",
        "27 heads of state or government",
        "some two dozen leaders",
        "count",
    ),
    (
        "shorter title",
        "French President Emmanuel Macron",
        "President Emmanuel Macron",
        "role",
    ),
    (
        "possessive title",
        "French President Emmanuel Macron",
        "France's President Emmanuel Macron",
        "role",
    ),
    (
        "British",
        "UK Prime Minister Keir Starmer",
        "British Prime Minister Keir Starmer",
        "role",
    ),
    (
        "U.K.",
        "UK Prime Minister Keir Starmer",
        "U.K. Prime Minister Keir Starmer",
        "role",
    ),
    (
        "lower-case title",
        "UK Prime Minister Keir Starmer",
        "Britain's prime minister Keir Starmer",
        "role",
    ),
    (
        "alias Zelensky",
        "Volodymyr Zelenskyy and",
        "Volodymyr Zelensky and",
        "entities",
    ),
    (
        "alias Zelenskiy",
        "Ukrainian President Volodymyr Zelenskyy",
        "Ukrainian President Volodymyr Zelenskiy",
        "role",
    ),
    (
        "alias before quote",
        "Mr. Zelenskyy said the",
        "Mr. Zelensky said the \"territorial question\" and the",
        "quote",
    ),
    (
        "reordered signatories",
        "French President Emmanuel Macron, Ukrainian President Volodymyr Zelenskyy and UK Prime Minister Keir Starmer signed",
        "UK Prime Minister Keir Starmer, French President Emmanuel Macron and Ukrainian President Volodymyr Zelenskyy signed",
        "entities",
    ),
    (
        "Britain",
        "The UK and France pledged",
        "Britain and France pledged",
        "entities",
    ),
    (
        "reordered pledgers",
        "The UK and France pledged",
        "France and the U.K. pledged",
        "entities",
    ),
    (
        "United States",
        "The U.S. will lead",
        "The United States will lead",
        "entity",
    ),
    ("Paris summit", "a summit in Paris", "a Paris summit", "entity"),
    (
        "seized Crimea",
        "first invaded Ukraine in 2014",
        "seized Crimea in 2014",
        "year",
    ),
    ("euros", "€90 billion", "90 billion euros", "amount"),
    ("EUR bn", "€90 billion", "EUR 90bn", "amount"),
    ("per cent", "about 20%", "about 20 per cent", "percent"),
    ("within tolerance", "about 20%", "19%", "percent"),
    (
        "dotted date",
        "full-scale invasion in February 2022",
        "full-scale invasion on 24.2.2022",
        "date",
    ),
    (
        "capital for its country",
        "The U.S. will lead",
        "Washington will lead",
        "entity",
    ),
    (
        "capitals for their countries",
        "The UK and France pledged",
        "London and Paris pledged",
        "entities",
    ),
    (
        "peoples for their countries",
        "The UK and France pledged",
        "The British and the French pledged",
        "entities",
    ),
    (
        "\"and the\" inside a list",
        "The UK and France pledged",
        "France and the UK pledged",
        "entities",
    ),
    (
        "a titled person before the list",
        "French President Emmanuel Macron, Ukrainian",
        "Flanked by Foreign Minister Jean-Noel Barrot, French President Emmanuel Macron, Ukrainian",
        "entities",
    ),
    (
        "a titled person after the list",
        "French President Emmanuel Macron, Ukrainian President Volodymyr Zelenskyy and UK Prime Minister Keir Starmer signed a declaration of intent on a multinational force.",
        "A declaration of intent on a multinational force was signed by French President Emmanuel Macron, Ukrainian President Volodymyr Zelenskyy and UK Prime Minister Keir Starmer, Spanish Prime Minister Pedro Sanchez said.",
        "entities",
    ),
    (
        "a heading in capitals above the paragraph",
        "PARIS, Jan. 7 - Leaders of the coalition of the willing held a summit in Paris on Tuesday (January 6)",
        "ALLIES AGREE ON A FUTURE FORCE\nPARIS, Jan. 7 - Leaders of the coalition of the willing held a summit in Paris on Tuesday (January 6)",
        "date",
    ),
    (
        "count by its unit alone",
        "The summit gathered representatives from 35 countries",
        "In the end 35 nations were there",
        "count",
    ),
    (
        "size of the list of signatories",
        "French President Emmanuel Macron, Ukrainian",
        "Three leaders signed it: French President Emmanuel Macron, Ukrainian",
        "count",
    ),
    (
        "amount by its currency alone",
        "The EU has agreed a €90 billion loan to Ukraine, and",
        "Kyiv also needs the 90 billion euros promised by Brussels, and",
        "amount",
    ),
    (
        "a rank is no other occasion",
        "Mr. Zelenskyy said",
        "Britain was among the first to back yesterday's summit in Paris. Mr. Zelenskyy said",
        "date",
    ),
];

#[test]
fn rewording_a_true_fact_is_never_a_discrepancy() {
    let mut failures = Vec::new();
    for &(what, from, to, kind) in REWORDINGS {
        let (text, _, _) = mutate(from, to);
        // The region written anew, whole: a match must fall inside it.
        let start = BASE.find(from).expect("present");
        let end = start + to.len();
        let (code, report) = check_text(&text);
        let wrong = with_verdict(&report, "discrepancy");
        let matched = with_verdict(&report, "match").iter().any(|c| {
            let (s, e) = span(c);
            c["kind"] == kind && s < end && start < e
        });
        if code != 0 || !wrong.is_empty() || !matched {
            failures.push(format!(
                "{what}: `{from}` -> `{to}`: exit {code}, matched {matched}\n{}",
                describe(&report)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} rewordings failed:\n\n{}",
        failures.len(),
        REWORDINGS.len(),
        failures.join("\n\n")
    );
}

/// Links that rest on no phrase in the sentence (a figure's unit, a place
/// named where something happened, a weekday's date, the size of a list)
/// may confirm a fact but never contradict it: the same words about some
/// other matter are left unverifiable, not flagged.
#[test]
fn links_without_a_phrase_only_ever_agree() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "another count in the unit",
            "In the end 40 nations were there.",
            "40 nations",
        ),
        (
            "another sum in the currency",
            "Kyiv also needs the 60 billion euros it asked for.",
            "60 billion euros",
        ),
        ("another share", "Defence spending will rise by 30% next year.", "30%"),
        (
            "another place",
            "EU foreign ministers meet in Brussels on Thursday.",
            "Brussels",
        ),
        (
            "another list size",
            "Four leaders signed it, the Élysée said.",
            "Four leaders",
        ),
    ];
    for &(what, sentence, text) in cases {
        let article = format!("{BASE}\n{sentence}\n");
        let (code, report) = check_text(&article);
        assert_eq!(code, 0, "{what}: {}", describe(&report));
        assert!(
            with_verdict(&report, "discrepancy").is_empty(),
            "{what}: {}",
            describe(&report)
        );
        assert!(
            with_verdict(&report, "match").iter().all(|c| c["text"] != text),
            "{what}: `{text}` cannot agree:\n{}",
            describe(&report)
        );
    }
}

/// A weekday no phrase links is the occasion's day only beside a figure of
/// that occasion: "on Tuesday" in other news is not the summit's Tuesday.
#[test]
fn a_weekday_alone_agrees_only_beside_its_occasion() {
    let beside = format!("{BASE}\nOn Tuesday, 35 nations sat down together.\n");
    let (_, report) = check_text(&beside);
    let tuesday = |r: &Value| {
        claims(r)
            .iter()
            .filter(|c| c["text"] == "Tuesday" && c["span"]["start"].as_u64() > Some(BASE.len() as u64))
            .map(|c| c["verdict"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(tuesday(&report), ["match"], "{}", describe(&report));
    let elsewhere = format!("{BASE}\nA coach crashed on Tuesday near Lyon.\n");
    let (_, report) = check_text(&elsewhere);
    assert_eq!(tuesday(&report), ["unverifiable"], "{}", describe(&report));
}

/// A Markdown table of key and value reads as "key: value"; a table of
/// names and titles as "name, title".
#[test]
fn table_rows_are_read_as_sentences() {
    let dir = tempfile::tempdir().unwrap();
    let md = "\
# The summit in numbers

| Item | Detail |
| --- | --- |
| Venue | Élysée Palace, Paris |
| Attendance | 35 countries |
| Military hubs pledged by | France and Germany |

| Name | Title |
| --- | --- |
| Emmanuel Macron | French President |
| Keir Starmer | German Chancellor |
";
    let path = crate::common::write(dir.path(), "sheet.md", md);
    let out = crate::common::factcheck()
        .args(["check", "--format", "json", "--published", "2026-01-07"])
        .arg(&path)
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let verdict = |text: &str| {
        claims(&report)
            .iter()
            .find(|c| c["text"] == text)
            .map(|c| c["verdict"].as_str().unwrap().to_owned())
            .unwrap_or_else(|| panic!("no claim `{text}`:\n{}", describe(&report)))
    };
    assert_eq!(verdict("Paris"), "match");
    assert_eq!(verdict("35 countries"), "match");
    assert_eq!(verdict("France and Germany"), "discrepancy");
    assert_eq!(verdict("Emmanuel Macron | French President"), "match");
    assert_eq!(verdict("Keir Starmer | German Chancellor"), "discrepancy");
    assert_eq!(out.status.code(), Some(1));
}
