//! The binary's own modules: they print, the library does not.
//!
//! They live beside the library's modules in `src/` but belong to
//! `main.rs` alone (`lib.rs` never declares them).

pub mod factbase;
pub mod man;
pub mod precommit;
pub mod progress;
pub mod rules;
pub mod settings;
pub mod watch;
pub mod write;
