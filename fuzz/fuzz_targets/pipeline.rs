//! The whole pipeline on arbitrary bytes: no phase may panic, the model must
//! keep the span invariants the snapshot tests check, and restoration must
//! say truly what it changed.
#![no_main]

#[path = "../../tests/common/mod.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // parse_decision normalizes, parses and restores the model's strings.
    let decision = beslut::parse_decision(&text);
    common::assert_span_invariants(&decision);
    for profile in [beslut::Profile::standard(), beslut::Profile::basic()] {
        for diagnostic in beslut::validate(&decision, &profile) {
            assert!(decision.source.get(diagnostic.span.start..diagnostic.span.end).is_some());
        }
    }
    let restored = beslut::restore(&decision.source);
    for change in &restored.changes {
        assert_eq!(decision.source.get(change.span.start..change.span.end), Some(&*change.old));
    }
});
