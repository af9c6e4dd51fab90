//! Throughput of every phase and of the whole pipeline, in bytes per second,
//! on one core.
//!
//! ```text
//! cargo bench --bench pipeline                 # everything (about five minutes)
//! cargo bench --bench pipeline -- corpus/      # one group
//! cargo bench --bench pipeline -- --profile-time 20 corpus/pipeline   # under perf
//! ```
//!
//! - `seed/*`: the reference document (`fixtures/parse/*.ocr.txt`, 5 kB);
//! - `corpus/*`: 500 documents from the seeded generator
//!   (`tests/support/corpus.rs`, about 2.8 MB), each run on its own as a batch
//!   run does;
//! - `hostile/*`: the shapes of `tests/hostile.rs` at 100 kB, 1 MB and 10 MB,
//!   through the whole pipeline: a flat MB/s across sizes is linear time.
//!
//! Phases: `decode`; `normalize`; `parse` (normalize included, restoration off);
//! `parse_validate` (the same, then validate); `restore` (`beslut::restore`
//! on the whole text); `pipeline`: from the file's bytes, decode →
//! `parse_decision` (which restores the model's strings) → validate; `check`:
//! decode → [`beslut::Checker`], as `beslut check` runs it.

#[path = "../tests/support/corpus.rs"]
mod corpus;

use criterion::measurement::WallTime;
use criterion::{
    BenchmarkGroup, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use std::hint::black_box;
use std::time::Duration;

const SEED: &str = include_str!("../fixtures/parse/enkoping-ks-2026-social-hallbarhet.ocr.txt");

/// The whole pipeline on one file's bytes; returns something of every phase
/// so none is optimized away.
fn pipeline(bytes: &[u8], profile: &beslut::Profile) -> usize {
    let Ok(decoded) = beslut::decode(bytes) else { return 0 };
    let decision = beslut::parse_decision(&decoded.text);
    let diagnostics = beslut::validate(&decision, profile);
    decision.sections.len() + diagnostics.len()
}

fn unrestored() -> beslut::ParseOptions {
    beslut::ParseOptions::default().without_restoring()
}

fn parse_validate(text: &str, options: &beslut::ParseOptions, profile: &beslut::Profile) -> usize {
    let decision = beslut::parse_decision_with(text, options);
    beslut::validate(&decision, profile).len() + decision.sections.len()
}

/// Bench every phase over `docs`, one call per document.
fn phases(g: &mut BenchmarkGroup<'_, WallTime>, docs: &[String]) {
    let profile = beslut::Profile::standard();
    let options = unrestored();
    let bytes: u64 = docs.iter().map(|d| d.len() as u64).sum();
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("decode", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| beslut::decode(black_box(d.as_bytes())).map_or(0, |t| t.text.len()))
                .sum::<usize>()
        })
    });
    g.bench_function("normalize", |b| {
        b.iter(|| docs.iter().map(|d| beslut::normalize(black_box(d)).text.len()).sum::<usize>())
    });
    g.bench_function("parse", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| beslut::parse_decision_with(black_box(d), &options).sections.len())
                .sum::<usize>()
        })
    });
    g.bench_function("restore", |b| {
        b.iter(|| docs.iter().map(|d| beslut::restore(black_box(d)).changes.len()).sum::<usize>())
    });
    g.bench_function("parse_validate", |b| {
        b.iter(|| {
            docs.iter().map(|d| parse_validate(black_box(d), &options, &profile)).sum::<usize>()
        })
    });
    g.bench_function("pipeline", |b| {
        b.iter(|| docs.iter().map(|d| pipeline(black_box(d.as_bytes()), &profile)).sum::<usize>())
    });
    // What `beslut check` does per file: decode, then a `Checker`, which
    // restores only the documents whose findings restoring changes, and
    // never the section texts.
    let checker = beslut::Checker::new(profile.clone(), beslut::Lang::En);
    g.bench_function("check", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| {
                    let Ok(decoded) = beslut::decode(black_box(d.as_bytes())) else { return 0 };
                    checker.check(&decoded.text).diagnostics.len()
                })
                .sum::<usize>()
        })
    });
}

/// Whether criterion is measuring. `cargo test --all-targets` runs this file
/// too, without `--bench`, and criterion then runs each function once, in a
/// debug build: the sizes shrink so that stays a smoke test of seconds.
fn measuring() -> bool {
    std::env::args().any(|a| a == "--bench")
}

fn seed(c: &mut Criterion) {
    let mut g = c.benchmark_group("seed");
    phases(&mut g, &[SEED.to_string()]);
    g.finish();
}

fn generated(c: &mut Criterion) {
    let sentences = corpus::sentences();
    let options = corpus::Options::default();
    let n = if measuring() { 500 } else { 5 };
    let docs: Vec<String> = (0..n).map(|i| corpus::document(1, i, &options, &sentences)).collect();
    let mut g = c.benchmark_group("corpus");
    // Flat sampling: an iteration here is a whole batch (about 0.1 s), and
    // criterion's default linear sampling would run 210 of them per phase.
    g.sample_size(20).sampling_mode(SamplingMode::Flat).measurement_time(Duration::from_secs(5));
    phases(&mut g, &docs);
    g.finish();
}

/// The hostile shapes, cut to `size` bytes.
fn hostile_shapes(size: usize) -> Vec<(&'static str, String)> {
    let fill = |unit: &str, prefix: &str| {
        let mut s = String::from(prefix);
        while s.len() < size {
            s.push_str(unit);
        }
        s
    };
    vec![
        ("long_line", fill("Kommunstyrelsen har tagit fram en rapport om hallbarhet. ", "")),
        ("headings", fill("Beslut\n\n", "")),
        ("bullets", fill("e Socialnamnden, for kannedom\n", "Sändlista\n\n")),
        ("bullet_marks", fill("• ", "Sändlista\n\n")),
        ("one_word", fill("a", "")),
        ("one_word_repeated", fill("hallbarhet ", "")),
        ("blank_lines", fill("\n", "Beslut\n")),
    ]
}

fn hostile(c: &mut Criterion) {
    let profile = beslut::Profile::standard();
    let mut g = c.benchmark_group("hostile");
    g.sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    let sizes: &[usize] = if measuring() { &[100_000, 1_000_000, 10_000_000] } else { &[10_000] };
    for &size in sizes {
        for (shape, text) in hostile_shapes(size) {
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_function(format!("{shape}/{size}"), |b| {
                b.iter(|| pipeline(black_box(text.as_bytes()), &profile))
            });
        }
    }
    g.finish();
}

criterion_group!(benches, seed, generated, hostile);
criterion_main!(benches);
