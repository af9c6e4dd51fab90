//! Freshly degraded copies of the reference document: the gold twin run
//! through the seeded OCR noise model (diacritics as in `tests/support/eval.rs`,
//! plus OCR bullets and `|` for `I`), many seeds over. Each copy must read into
//! the seed's structure; each with one required section cut out must give
//! exactly one `missing-section` naming that kind.

mod common;
#[path = "support/eval.rs"]
mod eval;

use beslut::{Profile, Rule, Severity};

const GOLD: &str = include_str!("../fixtures/parse/enkoping-ks-2026-social-hallbarhet.gold.txt");
const SEEDS: u64 = 24;

#[test]
fn the_noise_reaches_headings_bullets_and_names() {
    let all: String = (1..=SEEDS).map(|s| degrade(GOLD, s)).collect();
    for ocr in ["Forslag", "Sandlista", "Nystrom", "e Tj", "¢ ", "| "] {
        assert!(all.contains(ocr), "the noise never wrote {ocr:?}");
    }
}

/// The diacritic noise model, then what OCR does to bullets and capital I.
fn degrade(clean: &str, seed: u64) -> String {
    let text = eval::degrade(clean, seed, 0.05);
    let bullets = ["e", "¢", "©", "«", "•"];
    let mut out = String::with_capacity(text.len());
    for (n, line) in text.split_inclusive('\n').enumerate() {
        let pick = (seed as usize + n) % bullets.len();
        let line = match line.trim_start().strip_prefix('•') {
            Some(rest) => format!("{}{rest}", bullets[pick]),
            None => line.to_string(),
        };
        out.push_str(&line.replace(". I ", ". | "));
    }
    out
}

#[test]
fn degraded_copies_read_into_the_seed_structure() {
    for seed in 1..=SEEDS {
        let text = degrade(GOLD, seed);
        let d = beslut::parse_decision(&text);
        common::assert_span_invariants(&d);
        common::assert_reads_as_the_seed(&d);
        let diagnostics = beslut::validate(&d, &Profile::standard());
        let loud: Vec<_> = diagnostics.iter().filter(|x| x.severity > Severity::Info).collect();
        assert!(loud.is_empty(), "seed {seed}: {loud:?}");
    }
}

#[test]
fn each_required_section_cut_from_a_degraded_copy_is_reported_once() {
    let gold = beslut::parse_decision(GOLD);
    let starts: Vec<usize> = gold.sections.iter().map(|s| s.span.start).collect();
    for (n, section) in gold.sections.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(gold.source.len());
        let cut = format!("{}{}", &gold.source[..section.span.start], &gold.source[end..]);
        for seed in 1..=4 {
            let d = beslut::parse_decision(&degrade(&cut, seed));
            let diagnostics = beslut::validate(&d, &Profile::standard());
            let missing: Vec<_> =
                diagnostics.iter().filter(|x| x.code == Rule::MissingSection).collect();
            assert_eq!(missing.len(), 1, "{:?} cut, seed {seed}: {diagnostics:?}", section.kind);
            assert_eq!(missing[0].data.kind, Some(section.kind));
            assert_eq!(beslut::status(&diagnostics), beslut::Status::Invalid);
        }
    }
}
