//! One snapshot of the JSON model per fixture, span invariants checked first.

mod common;

#[test]
fn parse_fixtures() {
    insta::glob!("../fixtures", "parse/*.txt", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let decision = beslut::parse_decision(&text);
        common::assert_span_invariants(&decision);
        insta::assert_json_snapshot!(decision);
    });
}

/// The reference document and its degraded copies, checked field by field
/// (the snapshots guard the rest).
#[test]
fn seed_reads_as_the_issue_describes() {
    for text in [
        include_str!("../fixtures/parse/enkoping-ks-2026-social-hallbarhet.ocr.txt"),
        include_str!("../fixtures/parse/enkoping-ks-2026-social-hallbarhet.gold.txt"),
        include_str!("../fixtures/parse/degraded-light.txt"),
        include_str!("../fixtures/parse/degraded-heavy.txt"),
    ] {
        common::assert_reads_as_the_seed(&beslut::parse_decision(text));
    }
}

#[test]
fn line_endings_do_not_change_the_model_apart_from_offsets() {
    let lf = include_str!("../fixtures/parse/synonyms.txt");
    let crlf = lf.replace('\n', "\r\n");
    let (a, b) = (beslut::parse_decision(lf), beslut::parse_decision(&crlf));
    assert_eq!(a, b);
}
