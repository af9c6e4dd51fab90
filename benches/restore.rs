//! Restoration throughput on running text, in bytes per second.
//!
//! `cargo bench --bench restore`. Inputs: the seed document as OCR'd (5 kB),
//! the repository's municipal test text degraded by the OCR noise model
//! (13 kB), and forty degraded copies of it with different seeds (0.5 MB,
//! a long scanned file). `restore` is the whole path (normalize, read the
//! document, restore) with the lexicon's memo warm, as in a batch run;
//! `cold` the same with a lexicon whose memo starts empty every iteration (a
//! first document); `restorer_only` restores with a `Restorer` made beforehand,
//! as the parser does for each field of a document.

#[path = "../tests/support/eval.rs"]
mod eval;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

fn inputs() -> Vec<(&'static str, String)> {
    let seed = include_str!("../fixtures/parse/enkoping-ks-2026-social-hallbarhet.ocr.txt");
    let clean = include_str!("../tests/support/municipal-sv.txt");
    let noisy = eval::degrade(clean, 1, 0.05);
    let long: String = (0..40).map(|s| eval::degrade(clean, s, 0.05)).collect();
    vec![("seed_ocr", seed.to_string()), ("municipal", noisy), ("municipal_x40", long)]
}

fn bench(c: &mut Criterion) {
    let lex = beslut::Lexicon::builtin();
    let mut g = c.benchmark_group("restore");
    for (name, text) in inputs() {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(name, |b| b.iter(|| beslut::restore_with(black_box(&text), lex)));
        g.bench_function(format!("{name}/cold"), |b| {
            b.iter_batched(
                || lex.clone(),
                |fresh| beslut::restore_with(black_box(&text), &fresh),
                BatchSize::SmallInput,
            )
        });
        let r = beslut::Restorer::new(lex, &text);
        g.bench_function(format!("{name}/restorer_only"), |b| {
            b.iter(|| r.restore(black_box(&text), 0))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
