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
        check_seed(&beslut::parse_decision(text));
    }
}

fn check_seed(d: &beslut::Decision) {
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

#[test]
fn line_endings_do_not_change_the_model_apart_from_offsets() {
    let lf = include_str!("../fixtures/parse/synonyms.txt");
    let crlf = lf.replace('\n', "\r\n");
    let (a, b) = (beslut::parse_decision(lf), beslut::parse_decision(&crlf));
    assert_eq!(a, b);
}
