//! Fact-base bytes → load and validate → (if valid) index and check a sample. See `fuzz/harness.rs`.
#![no_main]

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::facts(data));
