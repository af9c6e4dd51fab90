//! Throughput of the normalize and parse phases (with and without restoring
//! the model's strings), in bytes per second.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

fn fixtures() -> Vec<(String, String)> {
    let mut all = Vec::new();
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/parse")).unwrap()
    {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        all.push((name, std::fs::read_to_string(&path).unwrap()));
    }
    all.sort();
    all
}

fn bench(c: &mut Criterion) {
    let all = fixtures();
    let seed = all.iter().find(|(n, _)| n.ends_with(".ocr")).map(|(_, t)| t.clone()).unwrap();
    // Every fixture, many times over: a mix of layouts the size of a small batch.
    let mixed: String =
        all.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>().join("\n\n").repeat(20);
    let mut g = c.benchmark_group("parse");
    for (name, text) in [("seed", &seed), ("mixed", &mixed)] {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(format!("normalize/{name}"), |b| {
            b.iter(|| beslut::normalize(black_box(text)))
        });
        let raw = beslut::ParseOptions::default().without_restoring();
        g.bench_function(format!("parse/{name}"), |b| {
            b.iter(|| beslut::parse_decision_with(black_box(text), &raw))
        });
        g.bench_function(format!("parse+restore/{name}"), |b| {
            b.iter(|| beslut::parse_decision(black_box(text)))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
