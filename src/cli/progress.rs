//! A progress bar on stderr while a large batch of articles is checked.
//!
//! Only on a terminal and only for batches large enough to take a moment:
//! a CI log or a pipe never sees it, and a single article never flickers.

use std::io::{self, IsTerminal};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Fewer articles than this check too fast for a bar to help.
pub const MIN_ARTICLES: usize = 50;

/// The widest bar drawn, however wide the terminal.
const MAX_BAR: usize = 60;

/// A bar for `n` articles, when one is wanted.
pub fn bar(n: usize) -> Option<ProgressBar> {
    if n < MIN_ARTICLES || !io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::with_draw_target(Some(n as u64), ProgressDrawTarget::stderr());
    let width = crate::term_width(true).unwrap_or(80);
    if let Ok(style) = ProgressStyle::with_template(&template(n, width)) {
        bar.set_style(style);
    }
    bar.tick();
    Some(bar)
}

/// The bar's template for `n` articles on a terminal `width` columns wide:
/// the line (`checking ███░░ 120/2000 articles`) fits in one column less
/// than the width, so the terminal never wraps it.
fn template(n: usize, width: usize) -> String {
    let digits = n.to_string().len();
    let text = "checking ".len() + " / articles".len() + 2 * digits;
    let bar = width.saturating_sub(text + 1).clamp(1, MAX_BAR);
    format!("checking {{bar:{bar}}} {{pos:>{digits}}}/{{len}} articles")
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_bar_fits_the_terminal() {
        let t = super::template(2000, 50);
        assert_eq!(t, "checking {bar:21} {pos:>4}/{len} articles");
        // checking + 21 + space + 4/4 + " articles" = 49 columns.
        assert_eq!("checking ".len() + 21 + " 2000/2000 articles".len(), 49);
        assert!(super::template(50, 200).contains("{bar:60}"));
    }
}
