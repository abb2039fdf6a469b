//! Integration tests: one binary, one module per area.

mod common;
mod formats;
mod mutations;
mod precision;
mod quotes;
