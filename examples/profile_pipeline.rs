//! Run one phase over generated documents, for a profiler to watch.
//!
//! ```text
//! cargo build --release --example profile_pipeline
//! valgrind --tool=callgrind target/release/examples/profile_pipeline parse_validate 100
//! perf record --call-graph dwarf target/release/examples/profile_pipeline pipeline 2000
//! ```
//!
//! PHASE is `none` (the baseline: generating only), `normalize`, `parse` (restoration off), `parse_validate`,
//! `restore` or `pipeline` (parse with restoration, then validate); N
//! documents of the seeded generator (`tests/support/corpus.rs`) are made
//! first, then the phase runs over them once. Prints the bytes processed.

#[path = "../tests/support/corpus.rs"]
mod corpus;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let phase = args.first().map_or("pipeline", String::as_str);
    let n: u64 = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(200);
    let sentences = corpus::sentences();
    let options = corpus::Options::default();
    let docs: Vec<String> = (0..n).map(|i| corpus::document(1, i, &options, &sentences)).collect();
    let profile = beslut::Profile::standard();
    let plain = beslut::ParseOptions::default().without_restoring();
    let mut sink = 0usize;
    for doc in &docs {
        sink += match phase {
            // Only the generator's work: subtract it from the other phases.
            "none" => doc.len(),
            "normalize" => beslut::normalize(doc).text.len(),
            "parse" => beslut::parse_decision_with(doc, &plain).sections.len(),
            "parse_validate" => {
                let d = beslut::parse_decision_with(doc, &plain);
                beslut::validate(&d, &profile).len()
            }
            "restore" => beslut::restore(doc).changes.len(),
            "pipeline" => {
                let d = beslut::parse_decision(doc);
                beslut::validate(&d, &profile).len()
            }
            other => {
                eprintln!("profile_pipeline: unknown phase {other}");
                return ExitCode::from(2);
            }
        };
    }
    let bytes: usize = docs.iter().map(String::len).sum();
    println!("{phase}: {n} documents, {bytes} bytes ({sink})");
    ExitCode::SUCCESS
}
