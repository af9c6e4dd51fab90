//! Measure diacritic restoration.
//!
//! ```text
//! cargo run --release --example eval_restore                 # the seed: fixtures/parse/*.ocr.txt vs *.gold.txt
//! cargo run --release --example eval_restore -- CLEAN.txt [SEED [KEEP]]
//! ```
//!
//! With a clean text, it is degraded by the seeded OCR noise model of
//! `tests/support/eval.rs` (KEEP = share of diacritics left intact, 0.05 by
//! default), restored, and scored. Add `-v` to list the wrong words.

#[path = "../tests/support/eval.rs"]
mod eval;

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    args.retain(|a| a != "-v");
    let (input, truth, what) = match args.first() {
        None => {
            let base = "fixtures/parse/enkoping-ks-2026-social-hallbarhet";
            match (
                std::fs::read_to_string(format!("{base}.ocr.txt")),
                std::fs::read_to_string(format!("{base}.gold.txt")),
            ) {
                (Ok(o), Ok(g)) => (o, g, format!("{base}.ocr.txt vs .gold.txt")),
                _ => {
                    eprintln!("eval_restore: cannot read {base}.{{ocr,gold}}.txt");
                    return ExitCode::from(2);
                }
            }
        }
        Some(path) => {
            let Ok(clean) = std::fs::read_to_string(path) else {
                eprintln!("eval_restore: cannot read {path}");
                return ExitCode::from(2);
            };
            let seed = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(1);
            let keep = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(0.05);
            let noisy = eval::degrade(&clean, seed, keep);
            (noisy, clean, format!("{path} degraded (seed {seed}, keep {keep})"))
        }
    };
    let restored = beslut::restore(&input);
    let truth = beslut::normalize(&truth).text;
    let input_n = beslut::normalize(&input).text;
    let Some(s) = eval::score(&input_n, &restored.text, &truth) else {
        eprintln!("eval_restore: input and truth differ in their number of words");
        return ExitCode::from(2);
    };
    let before = eval::score(&input_n, &input_n, &truth).unwrap_or_default();
    println!("{what}");
    println!(
        "words {:>6}  right {:>6.2} %  (before restoring {:.2} %)",
        s.words,
        s.accuracy(),
        before.accuracy()
    );
    println!(
        "å/ä/ö {:>6}  right {:>6.2} %  (before {:.2} %)",
        s.diacritic_words,
        s.diacritic_accuracy(),
        before.diacritic_accuracy()
    );
    println!("already right {:>6}  changed {:>5.2} %", s.already_right, s.damage());
    println!("changes {}", restored.changes.len());
    if verbose {
        for (i, o, t) in eval::errors(&input_n, &restored.text, &truth) {
            println!("  {i:<28} -> {o:<28} want {t}");
        }
    }
    ExitCode::SUCCESS
}
