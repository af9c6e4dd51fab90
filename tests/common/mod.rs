//! Span invariants every model must hold, checked before any snapshot is taken
//! (and by the property tests on arbitrary input).
#![allow(dead_code)]

use beslut::{Decision, Span};

/// Panics with a message naming the broken invariant.
pub fn assert_span_invariants(d: &Decision) {
    let src = d.source.as_str();
    let check = |what: &str, s: Span| {
        assert!(
            s.start <= s.end && s.end <= src.len(),
            "{what}: span {s:?} out of bounds ({})",
            src.len()
        );
        assert!(
            src.is_char_boundary(s.start) && src.is_char_boundary(s.end),
            "{what}: span {s:?} not on char boundaries"
        );
    };
    let mut tops: Vec<(String, Span)> = Vec::new();
    if let Some(s) = d.preamble_span {
        tops.push(("preamble".into(), s));
    }
    let in_preamble = |what: &str, s: Option<Span>| {
        if let Some(s) = s {
            check(what, s);
            assert!(d.preamble_span.is_some_and(|p| p.contains(s)), "{what} outside the preamble");
        }
    };
    in_preamble("header", d.header.span);
    in_preamble("title", d.title_span);
    in_preamble("header date", d.header.date_span);
    if let Some(date) = d.header.date_span {
        assert!(d.header.span.is_some_and(|h| h.contains(date)), "header date outside the header");
    }
    for (n, sec) in d.sections.iter().enumerate() {
        check("section", sec.span);
        check("heading", sec.heading_span);
        assert!(sec.span.contains(sec.heading_span), "section {n}: heading outside its section");
        let heading_line_start = src[..sec.heading_span.start].rfind('\n').map_or(0, |i| i + 1);
        assert!(
            src[heading_line_start..sec.span.start].trim().is_empty(),
            "section {n} must start on its heading's line"
        );
        tops.push((format!("section {n} ({})", sec.kind), sec.span));
    }
    for (what, s) in &tops {
        check(what, *s);
    }
    // Ordered and disjoint.
    for pair in tops.windows(2) {
        assert!(
            pair[0].1.end <= pair[1].1.start,
            "{} and {} overlap or are out of order",
            pair[0].0,
            pair[1].0
        );
    }
    // Children inside a parent section.
    let inside_section = |what: &str, s: Span| {
        check(what, s);
        assert!(
            d.sections.iter().any(|sec| sec.span.contains(s)),
            "{what} {s:?} lies in no section"
        );
    };
    for p in d.proposal.iter().chain(&d.decision) {
        inside_section("proposal", p.span);
        for pt in &p.points {
            inside_section("point", pt.span);
            assert!(p.span.contains(pt.span), "point outside its proposal");
        }
    }
    d.decision_basis.iter().for_each(|b| inside_section("basis item", b.span));
    d.responsible_officials.iter().for_each(|o| inside_section("official", o.span));
    d.distribution.iter().for_each(|r| inside_section("recipient", r.span));
    d.notes.iter().for_each(|n| check("note", n.span));
    // Nothing dropped: every non-blank line lies inside exactly one top-level span.
    let mut start = 0;
    for line in src.split('\n') {
        let end = start + line.len();
        if !line.trim().is_empty() {
            let lead = line.len() - line.trim_start().len();
            let text = Span::new(start + lead, start + lead + line.trim().len());
            // The tops are ordered and disjoint (checked above), so the only
            // one that can hold the line is the last to start at or before it;
            // a binary search keeps this linear-ish for the hostile inputs.
            let k = tops.partition_point(|(_, s)| s.start <= text.start);
            let owner = k.checked_sub(1).filter(|&k| tops[k].1.contains(text));
            assert!(owner.is_some(), "line {line:?} lies in no top-level span");
        }
        start = end + 1;
    }
}

/// The reference document's structure and fields, as its issue describes them;
/// any copy of it, however degraded, must read so.
pub fn assert_reads_as_the_seed(d: &Decision) {
    assert_eq!(d.header.case_officer.as_deref(), Some("Jonas Nyström"));
    assert_eq!(d.header.department.as_deref(), Some("Kommunledningsförvaltningen"));
    assert_eq!(
        d.title.as_deref(),
        Some("Uppdrag att ta fram ett styrdokument för social hållbarhet för Enköpings kommun")
    );
    use beslut::SectionKind::*;
    let kinds: Vec<_> = d.sections.iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        [
            Proposal,
            Description,
            Assessment,
            EconomicConsequences,
            SocialEnvironmentalConsequences,
            DecisionBasis,
            ResponsibleOfficials,
            Distribution
        ]
    );
    let p = d.proposal.as_ref().unwrap();
    assert_eq!(p.decision_maker.as_deref(), Some("Kommunstyrelsen"));
    assert_eq!(p.points.len(), 1);
    let dates: Vec<_> = d.decision_basis.iter().map(|b| b.date.as_deref()).collect();
    assert_eq!(dates, [Some("2026-02-19"), Some("2026-02-02")]);
    assert_eq!(d.responsible_officials.len(), 2);
    assert!(d.responsible_officials.iter().all(|o| o.role.is_some()));
    assert_eq!(d.distribution.len(), 7);
    assert!(d.distribution.iter().all(|r| r.purpose.as_deref() == Some("för kännedom")));
    assert_eq!(d.distribution[0].recipient, "Miljö- och byggnadsnämnden");
    assert!(d.notes.is_empty());
}
