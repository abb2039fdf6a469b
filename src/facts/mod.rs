//! The fact base: what the newsroom knows, loaded from `claims/*.toml`.
//!
//! `model` holds the types every later stage reads; `load` turns TOML files
//! into them, collecting every problem with its file, line and column rather
//! than stopping at the first.

pub mod cache;
mod deep;
pub mod forms;
pub(crate) mod fxhash;
mod index;
pub mod inspect;
mod load;
mod model;
mod problem;
mod shared;
mod time;
pub mod titles;
mod trie;
pub mod words;

pub use index::{AboutHit, AliasHit, Index, at_word_bounds};
pub(crate) use load::{display_path, io_reason};
pub use load::{load_paths, load_with_warnings, validate_paths, validate_with};
pub use model::*;
pub use problem::{Problem, SHOWN_PER_FAMILY, Severity, grouped_lines, warnings_summary};
pub use shared::{Occasions, SharedNames};
pub use time::{FormerWhy, RoleFinding, judge_role, stale_for};
