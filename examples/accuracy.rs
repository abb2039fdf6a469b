//! Print the accuracy of the checker on the labelled corpus in `tests/corpus/`: the table
//! (Markdown, as pasted into `docs/accuracy.md`) and every miss with its file and line.
//!
//! ```sh
//! cargo run --example accuracy                  # the table and the misses
//! cargo run --example accuracy -- --unlabelled  # also the claims no label covers
//! cargo run --example accuracy -- --corpus tests/corpus-heldout   # another corpus
//! ```

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use factcheck::Checker;
/// The scoring, shared with the tests.
#[path = "../tests/common/accuracy.rs"]
#[allow(dead_code)]
mod accuracy;

use accuracy::{Miss, MissKind};
use factcheck::verdict::Verdict;

fn main() -> ExitCode {
    // Paths in the report are relative to the project root, wherever this is run from.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if let Err(e) = std::env::set_current_dir(root) {
        eprintln!("error: {}: {e}", root.display());
        return ExitCode::from(2);
    }
    let base = match factcheck::facts::load_paths(&[PathBuf::from("claims")]) {
        Ok(base) => base,
        Err(problems) => {
            for p in problems {
                eprintln!("error: {}:{}:{}: {}", p.file, p.line, p.column, p.message);
            }
            return ExitCode::from(2);
        }
    };
    let checker = Checker::new(base);
    let args: Vec<String> = std::env::args().collect();
    let corpus = args
        .iter()
        .position(|a| a == "--corpus")
        .and_then(|i| args.get(i + 1))
        .map_or("tests/corpus", String::as_str);
    let eval = match accuracy::evaluate(&checker, Path::new(corpus)) {
        Ok(eval) => eval,
        Err(problems) => {
            for p in problems {
                eprintln!("error: {p}");
            }
            return ExitCode::from(2);
        }
    };

    let total = eval.total();
    println!(
        "{} articles, {} labels ({} match, {} discrepancy, {} unverifiable); the checker reported {} claims.\n",
        eval.articles.len(),
        total.labels,
        total.match_labels,
        total.discrepancy_labels,
        total.unverifiable_labels,
        total.claims
    );
    print!("{}", eval.table());
    let unmet = eval.unmet_targets();
    if unmet.is_empty() {
        println!("\nTargets met: no false discrepancy, discrepancy recall ≥ 95%, match recall ≥ 90%.");
    } else {
        println!("\nTargets not met: {}.", unmet.join("; "));
    }

    let misses = eval.misses();
    println!("\n## Misses ({})", misses.len());
    let groups = [
        "False discrepancies (an editor would be misled)",
        "Discrepancies not reported",
        "Matches not reported",
        "Unverifiable claims not reported as such",
    ];
    for (i, title) in groups.iter().enumerate() {
        let list: Vec<&Miss> = misses.iter().filter(|m| group(m) == i).collect();
        println!("\n### {title} ({})\n", list.len());
        for m in list {
            println!("- {m}");
        }
    }
    if std::env::args().any(|a| a == "--unlabelled") {
        println!("\n## Claims without a label (not scored)\n");
        for a in &eval.articles {
            for (line, kind, verdict, text) in a.unlabelled() {
                println!("- {}:{line}: {} {} {text:?}", a.path, verdict.as_str(), kind.as_str());
            }
        }
    }
    ExitCode::SUCCESS
}

/// Which list a miss goes in: a false alarm first, then by what the label expected.
fn group(m: &Miss) -> usize {
    match m.what {
        MissKind::FalseDiscrepancy { .. }
        | MissKind::WrongVerdict {
            tool: Verdict::Discrepancy,
            ..
        } => 0,
        MissKind::NotFound { label } | MissKind::WrongVerdict { label, .. } => match label {
            Verdict::Discrepancy => 1,
            Verdict::Match => 2,
            Verdict::Unverifiable => 3,
        },
    }
}
