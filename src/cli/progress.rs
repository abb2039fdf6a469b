//! A progress bar on stderr while a large batch of articles is checked.
//!
//! Only on a terminal and only for batches large enough to take a moment:
//! a CI log or a pipe never sees it, and a single article never flickers.

use std::io::{self, IsTerminal};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Fewer articles than this check too fast for a bar to help.
pub const MIN_ARTICLES: usize = 50;

/// A bar for `n` articles, when one is wanted.
pub fn bar(n: usize) -> Option<ProgressBar> {
    if n < MIN_ARTICLES || !io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::with_draw_target(Some(n as u64), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("checking {bar:30} {pos}/{len} articles") {
        bar.set_style(style);
    }
    bar.tick();
    Some(bar)
}
