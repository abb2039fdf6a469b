//! Integration tests: one binary, one module per area.

mod accuracy;
mod cli;
mod common;
mod formats;
mod json_report;
mod mutations;
mod precision;
mod quotes;
mod validate;
