//! Integration tests: one binary, one module per area.

mod accuracy;
mod batch;
mod cache;
mod cli;
mod common;
mod config;
mod ecosystem;
mod events;
mod factbase;
mod formats;
mod goldens;
mod html;
mod json_report;
mod mutations;
mod ordinals;
mod precision;
mod properties;
mod quotes;
mod readme;
mod robustness;
mod rules;
mod schema;
mod snapshots;
mod validate;
mod watch;
mod write;
