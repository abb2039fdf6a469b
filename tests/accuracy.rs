//! Accuracy on real reporting: the labelled corpus in `tests/corpus/` (one sidecar
//! `NAME.labels.toml` per article) and the targets the checker must meet on it.
//! `cargo run --example accuracy` prints the table and every miss; docs/accuracy.md
//! holds the table as it stands.

use std::collections::BTreeSet;

use crate::common::accuracy::{self, Evaluation, Tally};
use factcheck::Checker;
use factcheck::extract::Kind;

use crate::common::root;

fn evaluation() -> Evaluation {
    let base = factcheck::facts::load_paths(&[root().join("claims")]).unwrap_or_else(|problems| {
        panic!(
            "the fact base does not load: {:?}",
            problems.iter().map(|p| &p.message).collect::<Vec<_>>()
        )
    });
    let checker = Checker::new(base);
    accuracy::evaluate(&checker, &root().join("tests/corpus"))
        .unwrap_or_else(|problems| panic!("the corpus is not sound:\n{}", problems.join("\n")))
}

/// The corpus is what the issue asks for, every label points at its phrase, and the
/// runner's counts are made of one another. Independent of how well the checker does.
#[test]
fn the_corpus_is_sound_and_its_numbers_add_up() {
    let eval = evaluation();
    let total = eval.total();

    assert!(eval.articles.len() >= 12, "{} articles", eval.articles.len());
    let kinds_of_file: BTreeSet<&str> = eval.articles.iter().filter_map(|a| a.path.rsplit('.').next()).collect();
    assert!(
        kinds_of_file.contains("md") && kinds_of_file.contains("txt"),
        "{kinds_of_file:?}"
    );
    assert!(total.labels >= 250, "{} labels", total.labels);
    assert!(
        total.discrepancy_labels >= 30,
        "{} discrepancy labels",
        total.discrepancy_labels
    );
    assert!(total.match_labels >= 100, "{} match labels", total.match_labels);
    assert!(
        total.unverifiable_labels >= 30,
        "{} unverifiable labels",
        total.unverifiable_labels
    );

    // Errors of every kind, several times each, and no article without labels.
    let by_kind = eval.by_kind();
    // The contract's kinds (the ordinal kind is an addition this corpus predates).
    for kind in Kind::ALL.into_iter().filter(|k| *k != Kind::Ordinal) {
        let t = by_kind[&kind];
        assert!(
            t.discrepancy_labels >= 3,
            "only {} discrepancy labels of kind {}",
            t.discrepancy_labels,
            kind.as_str()
        );
    }
    for a in &eval.articles {
        assert!(a.labels.len() >= 10, "{}: {} labels", a.path, a.labels.len());
        for l in &a.labels {
            // A label's span is its phrase, whitespace aside.
            let words: Vec<&str> = l.text.split_whitespace().collect();
            assert!(!words.is_empty() && l.line >= 1, "{}: {l:?}", a.path);
        }
    }

    // The counts add up: kinds to the total, articles to the total, each tally to itself.
    let mut sum = Tally::default();
    for t in by_kind.values() {
        sum += *t;
        assert!(t.inconsistencies().is_empty(), "{:?}: {:?}", t, t.inconsistencies());
    }
    assert_eq!(sum, total);
    let mut per_article = Tally::default();
    for a in &eval.articles {
        let t = a.tally(None);
        assert_eq!(t.labels, a.labels.len(), "{}", a.path);
        assert_eq!(t.claims, a.claims.len(), "{}", a.path);
        per_article += t;
    }
    assert_eq!(per_article, total);
    assert!(total.inconsistencies().is_empty(), "{:?}", total.inconsistencies());

    // Every miss is either a label judged wrongly (or not found) or a false discrepancy
    // that no label took.
    let misses = eval.misses();
    assert_eq!(misses.len(), total.labels - total.correct + total.false_left_over);

    // The table has a row per kind and a total, and shows the counts behind the rates.
    let table = eval.table();
    assert_eq!(table.lines().count(), 2 + Kind::ALL.len() + 1, "{table}");
    assert!(table.contains(&format!("| **total** | {} (", total.labels)), "{table}");
}

/// The targets: no false discrepancy, discrepancy recall ≥ 95 %, match recall
/// ≥ 90 % on the labels the fact base covers.
#[test]
fn the_checker_meets_the_accuracy_targets() {
    let eval = evaluation();
    let unmet = eval.unmet_targets();
    assert!(
        unmet.is_empty(),
        "targets not met: {}\n\n{}\n{}",
        unmet.join("; "),
        eval.table(),
        eval.misses()
            .iter()
            .map(|m| m.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// What is already reached must not slip: no false discrepancy at all, and
/// recall no lower than measured in docs/accuracy.md (above the targets).
/// Raise the floors as the engine improves.
#[test]
fn accuracy_does_not_fall_below_what_is_reached() {
    let eval = evaluation();
    let total = eval.total();
    let misses = || {
        eval.misses()
            .iter()
            .map(|m| m.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(total.false_discrepancies(), 0, "false discrepancies:\n{}", misses());
    let recall = total.discrepancy_recall().expect("discrepancy labels");
    assert!(
        recall >= 0.96,
        "discrepancy recall fell to {recall:.3}\n{}",
        eval.table()
    );
    let matched = total.match_recall().expect("match labels");
    assert!(matched >= 0.92, "match recall fell to {matched:.3}\n{}", eval.table());
}

/// The held-out corpus (`tests/corpus-heldout/`): four articles written and
/// labelled without running the checker, to measure how it does on text it
/// was not improved against. No false discrepancy is allowed there either;
/// recall is held at what was measured (docs/accuracy.md), below the targets.
#[test]
fn the_held_out_corpus_raises_no_false_alarm() {
    let base = factcheck::facts::load_paths(&[root().join("claims")]).expect("the fact base loads");
    let checker = Checker::new(base);
    let eval = accuracy::evaluate(&checker, &root().join("tests/corpus-heldout"))
        .unwrap_or_else(|problems| panic!("the held-out corpus is not sound:\n{}", problems.join("\n")));
    let total = eval.total();
    assert_eq!(eval.articles.len(), 4);
    assert!(total.labels >= 90, "{} labels", total.labels);
    let misses = eval
        .misses()
        .iter()
        .map(|m| m.to_string())
        .collect::<Vec<_>>()
        .join("\n");
    assert_eq!(total.false_discrepancies(), 0, "false discrepancies:\n{misses}");
    let recall = total.discrepancy_recall().expect("discrepancy labels");
    assert!(
        recall >= 0.84,
        "discrepancy recall fell to {recall:.3}\n{}",
        eval.table()
    );
    let matched = total.match_recall().expect("match labels");
    assert!(matched >= 0.86, "match recall fell to {matched:.3}\n{}", eval.table());
}

/// The four stories of other beats (`tests/stories/*`), reports by other
/// outlets rewritten with their claims kept, errors included, and labelled
/// before the checker was first run on them. The targets (no false
/// discrepancy, recall ≥ 95 % and ≥ 90 %) are not all reached on them yet:
/// docs/accuracy.md records each story's first run and where it stands. What
/// is reached must not slip: these are the floors, (story, most false
/// discrepancies, least discrepancy recall, least match recall). Lower the
/// first and raise the others as the engine improves; never the reverse.
const STORY_FLOORS: [(&str, usize, f64, f64); 4] = [
    ("air-india-171", 5, 0.50, 0.66),
    ("canada-election", 8, 0.69, 0.62),
    ("company-results", 9, 0.38, 0.62),
    ("conclave-2025", 1, 0.30, 0.67),
];

#[test]
fn the_stories_of_other_beats_do_not_fall_below_what_is_reached() {
    let base = factcheck::facts::load_paths(&[root().join("claims")]).expect("the fact base loads");
    let checker = Checker::new(base);
    let mut failures = Vec::new();
    for (story, most_false, least_recall, least_matched) in STORY_FLOORS {
        let eval = accuracy::evaluate(&checker, &root().join("tests/stories").join(story))
            .unwrap_or_else(|problems| panic!("the story {story} is not sound:\n{}", problems.join("\n")));
        let total = eval.total();
        assert!(eval.articles.len() >= 5, "{story}: {} articles", eval.articles.len());
        let recall = total.discrepancy_recall().expect("discrepancy labels");
        let matched = total.match_recall().expect("match labels");
        if total.false_discrepancies() > most_false || recall < least_recall || matched < least_matched {
            failures.push(format!(
                "{story}: {} false discrepancies (at most {most_false}), discrepancy recall {recall:.3} \
                 (at least {least_recall}), match recall {matched:.3} (at least {least_matched})\n{}",
                total.false_discrepancies(),
                eval.table()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
