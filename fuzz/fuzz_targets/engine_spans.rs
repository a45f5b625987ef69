//! See `check_input` in `fuzz/src/lib.rs` for what this target checks.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(broken) = whosaid_fuzz::check_input("engine_spans", data) {
        panic!("{broken}");
    }
});
