//! The whole pipeline on arbitrary bytes (decode → parse → restore →
//! validate): no phase may panic, the model must keep the span invariants
//! the snapshot tests check, and restoration must say truly what it changed.
#![no_main]

#[path = "../../tests/common/mod.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Bytes a batch run refuses (binary, a broken byte-order mark) stop here,
    // as they do in `beslut check`.
    let Ok(decoded) = beslut::decode(data) else { return };
    if let Ok(utf8) = std::str::from_utf8(data) {
        assert_eq!(decoded.text, utf8.strip_prefix('\u{feff}').unwrap_or(utf8));
    }
    // parse_decision normalizes, parses and restores the model's strings.
    let decision = beslut::parse_decision(&decoded.text);
    common::assert_span_invariants(&decision);
    for profile in [beslut::Profile::standard(), beslut::Profile::basic()] {
        for diagnostic in beslut::validate(&decision, &profile) {
            assert!(decision.source.get(diagnostic.span.start..diagnostic.span.end).is_some());
        }
    }
    // Unrestored, validation estimates the OCR quality from a sample.
    let plain = beslut::ParseOptions::default().without_restoring();
    let unrestored = beslut::parse_decision_with(&decoded.text, &plain);
    for diagnostic in beslut::validate(&unrestored, &beslut::Profile::standard()) {
        assert!(unrestored.source.get(diagnostic.span.start..diagnostic.span.end).is_some());
    }
    // `beslut check`'s way: restoring only where the report shows it.
    let checker = beslut::Checker::new(beslut::Profile::standard(), beslut::Lang::En);
    let checked = checker.check(&decoded.text);
    assert_eq!(checked.source, decision.source);
    for diagnostic in &checked.diagnostics {
        assert!(checked.source.get(diagnostic.span.start..diagnostic.span.end).is_some());
    }
    let lexicon = beslut::Lexicon::builtin();
    let estimate = beslut::estimate_ocr_quality(&decision.source, lexicon);
    let count = beslut::ocr_quality(&decision.source, lexicon);
    assert!(estimate.unrecognized <= estimate.words && estimate.words <= count.words);
    let restored = beslut::restore(&decision.source);
    for change in &restored.changes {
        assert_eq!(decision.source.get(change.span.start..change.span.end), Some(&*change.old));
    }
});
