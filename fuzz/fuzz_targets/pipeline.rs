//! The whole pipeline on arbitrary bytes: no phase may panic, and the model
//! must keep the span invariants the snapshot tests check.
#![no_main]

#[path = "../../tests/common/mod.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let decision = beslut::parse_decision(&text);
    common::assert_span_invariants(&decision);
    let _ = beslut::validate(&decision, &beslut::Profile::standard());
});
