//! Integration tests: one binary, one module per area.

mod accuracy;
mod batch;
mod cli;
mod common;
mod config;
mod ecosystem;
mod formats;
mod html;
mod json_report;
mod mutations;
mod precision;
mod quotes;
mod snapshots;
mod validate;
mod watch;
mod write;
