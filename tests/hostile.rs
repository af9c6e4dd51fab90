//! Hostile shapes: inputs no scanner produces but an archive will still hold.
//!
//! Each is sized so a linear pipeline gets through it in a second or two
//! even in a debug build, while anything quadratic in lines, headings, items
//! or word length would not finish (10^5 repeats squared is 10^10 steps). So
//! the tests check correctness at a size that only linear code survives, and
//! never time anything; the growth itself is measured in
//! `benches/pipeline.rs` (`hostile/*`).

mod common;

use beslut::SectionKind;
use common::assert_span_invariants;

/// A document of `n` copies of `unit`.
fn many(unit: &str, n: usize) -> String {
    unit.repeat(n)
}

#[test]
fn one_huge_line_lands_in_one_span() {
    // 2 MB of prose without a single line break.
    let text = many("Kommunstyrelsen har tagit fram en rapport om hallbarhet. ", 35_000);
    let d = beslut::parse_decision(&text);
    assert_span_invariants(&d);
    assert_eq!(d.source.len(), text.len());
    assert!(d.sections.is_empty());
}

#[test]
fn a_hundred_thousand_headings_in_a_row() {
    let text = many("Beslut\n\nBakgrund\n\n", 50_000);
    let d = beslut::parse_decision(&text);
    assert_span_invariants(&d);
    assert_eq!(d.sections.len(), 100_000);
    assert!(d.sections.iter().step_by(2).all(|s| s.kind == SectionKind::Decision));
}

#[test]
fn a_hundred_thousand_copies_of_one_heading() {
    // A heading under the same heading is read as its text, so half of these
    // open sections; either way every line must land somewhere.
    let text = many("Beslut\n\n", 100_000);
    let d = beslut::parse_decision(&text);
    assert_span_invariants(&d);
    assert!(d.sections.len() >= 50_000, "{} sections", d.sections.len());
}

#[test]
fn a_hundred_thousand_heading_lines_without_blank_lines() {
    // Without a blank line between them the parser reads most as the first
    // section's text; whatever it makes of them, no line may be lost.
    let text = many("Beslut\n", 100_000);
    let d = beslut::parse_decision(&text);
    assert_span_invariants(&d);
    assert!(!d.sections.is_empty());
}

#[test]
fn a_hundred_thousand_headings_with_blank_lines_and_shapes() {
    // Every disguise at once: case, colon, letter-spacing, OCR letters.
    let unit = "BESLUTSUNDERLAG:\n\nB e s l u t\n\nSandlista\n\nForslag till beslut\n\n";
    let text = many(unit, 25_000);
    let d = beslut::parse_decision(&text);
    assert_span_invariants(&d);
    assert_eq!(d.sections.len(), 100_000);
}

#[test]
fn a_hundred_thousand_bullets_in_one_list() {
    let text = format!(
        "Sändlista\n\nBeslutet skickas till:\n{}",
        many("e Socialnamnden, for kannedom\n", 100_000)
    );
    let d = beslut::parse_decision(&text);
    assert_span_invariants(&d);
    assert_eq!(d.distribution.len(), 100_000);
}

#[test]
fn deeply_repeated_bullet_marks_on_one_line() {
    // `• • • … • Socialnämnden`: 50,000 bullet marks before the item.
    let text = format!("Sändlista\n\n{}Socialnämnden, för kännedom\n", many("• ", 50_000));
    let d = beslut::parse_decision(&text);
    assert_span_invariants(&d);
    assert_eq!(d.sections.len(), 1);
}

#[test]
fn deeply_repeated_list_numbers() {
    let text = format!(
        "Förslag till beslut\n\nKommunstyrelsen beslutar att:\n\n{}anta planen.\n",
        many("1. ", 50_000)
    );
    let d = beslut::parse_decision(&text);
    assert_span_invariants(&d);
    assert!(d.proposal.is_some());
}

#[test]
fn a_megabyte_of_one_word() {
    // The bench takes this shape to 10 MB; a debug build here stops at 1 MB.
    let text = many("a", 1024 * 1024);
    let d = beslut::parse_decision(&text);
    assert_span_invariants(&d);
    assert_eq!(d.source.len(), text.len());
}

#[test]
fn a_megabyte_of_one_word_repeated() {
    let text = many("hallbarhet ", 100_000);
    let d = beslut::parse_decision(&text);
    assert_span_invariants(&d);
    assert_eq!(d.source.len(), text.len());
}

#[test]
fn a_hundred_thousand_blank_lines() {
    let text = format!("Beslut\n{}Kommunstyrelsen beslutar att avslå.\n", many("\n", 100_000));
    let d = beslut::parse_decision(&text);
    assert_span_invariants(&d);
    assert_eq!(d.sections.len(), 1);
}

#[test]
fn a_hundred_thousand_carriage_returns_become_lines() {
    let text = many("x\r", 100_000);
    let d = beslut::parse_decision(&text);
    assert_span_invariants(&d);
    assert_eq!(d.source.len(), text.len());
    assert!(!d.source.contains('\r'));
}

#[test]
fn a_hundred_thousand_combining_marks() {
    // One base letter under 100,000 diaereses: NFC must not go quadratic.
    let text = format!("o{}\n", many("\u{308}", 100_000));
    let d = beslut::parse_decision(&text);
    assert_span_invariants(&d);
}
