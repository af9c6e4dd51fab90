//! Restoration measured against hand-restored and degraded text. The figures
//! are the targets; a regression below them fails here.

mod support {
    pub mod eval;
}
use support::eval;

fn read(path: &str) -> String {
    let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

fn run(input: &str, truth: &str) -> (eval::Score, String) {
    let input = beslut::normalize(input).text;
    let truth = beslut::normalize(truth).text;
    let restored = beslut::restore(&input);
    let score = eval::score(&input, &restored.text, &truth).expect("same number of words");
    let wrong = eval::errors(&input, &restored.text, &truth)
        .iter()
        .map(|(i, o, t)| format!("{i} -> {o} (want {t})"))
        .collect::<Vec<_>>()
        .join("\n");
    (score, wrong)
}

#[test]
fn seed_document_is_at_least_98_5_percent_right() {
    let base = "fixtures/parse/enkoping-ks-2026-social-hallbarhet";
    let (s, wrong) = run(&read(&format!("{base}.ocr.txt")), &read(&format!("{base}.gold.txt")));
    assert!(s.words > 600, "{s:?}");
    assert!(s.accuracy() >= 98.5, "{:.2} % right\n{wrong}", s.accuracy());
}

#[test]
fn degraded_municipal_text_meets_the_targets() {
    let clean = read("tests/support/municipal-sv.txt");
    for seed in [11, 12] {
        let (s, wrong) = run(&eval::degrade(&clean, seed, 0.05), &clean);
        assert!(s.accuracy() >= 97.5, "seed {seed}: {:.2} %\n{wrong}", s.accuracy());
        assert!(s.diacritic_accuracy() >= 93.0, "seed {seed}: {:.2} %", s.diacritic_accuracy());
        assert!(s.damage() <= 0.5, "seed {seed}: {:.2} % of right words changed", s.damage());
    }
}

#[test]
fn clean_text_is_left_as_it_is() {
    let clean = read("tests/support/municipal-sv.txt");
    let r = beslut::restore(&clean);
    assert!(r.changes.is_empty(), "{:?}", &r.changes[..r.changes.len().min(5)]);
}

#[test]
fn the_noise_model_is_seeded_and_degrades() {
    let clean = "Förslag till beslut för kännedom i Enköpings kommun, år 2026.";
    assert_eq!(eval::degrade(clean, 7, 0.0), eval::degrade(clean, 7, 0.0));
    let noisy = eval::degrade(clean, 7, 0.0);
    assert!(!noisy.contains(['ö', 'ä', 'å']), "{noisy}");
    assert_eq!(noisy.split_whitespace().count(), clean.split_whitespace().count());
}
