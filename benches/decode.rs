//! Throughput of `beslut::decode` on the seed document in each encoding an
//! archive holds. `cargo bench --bench decode`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

const GOLD: &str = include_str!("../fixtures/parse/enkoping-ks-2026-social-hallbarhet.gold.txt");

fn windows_1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '•' => 0x95,
            '”' => 0x94,
            c => u8::try_from(u32::from(c)).unwrap_or(b'?'),
        })
        .collect()
}

fn decode(c: &mut Criterion) {
    let utf16: Vec<u8> =
        [0xFF, 0xFE].into_iter().chain(GOLD.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let inputs = [
        ("utf-8", GOLD.as_bytes().to_vec()),
        ("windows-1252", windows_1252(GOLD)),
        ("utf-16le", utf16),
    ];
    let mut group = c.benchmark_group("decode");
    for (name, bytes) in &inputs {
        assert!(beslut::decode(bytes).is_ok(), "{name}");
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(*name, |b| b.iter(|| beslut::decode(black_box(bytes))));
    }
    group.finish();
}

criterion_group!(benches, decode);
criterion_main!(benches);
