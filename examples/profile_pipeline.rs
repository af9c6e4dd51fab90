//! Run one phase over generated documents, for a profiler to watch.
//!
//! ```text
//! cargo build --release --example profile_pipeline
//! valgrind --tool=callgrind target/release/examples/profile_pipeline parse_validate 100
//! perf record --call-graph dwarf target/release/examples/profile_pipeline pipeline 2000
//! ```
//!
//! PHASE is `none` (the baseline: generating only), `normalize`, `parse` (restoration off), `parse_validate`,
//! `restore` or `pipeline` (decode, parse with restoration, validate); N
//! documents of the seeded generator (`tests/support/corpus.rs`) are made
//! first, then the phase runs over them once. Prints the bytes processed.
//!
//! A third argument `warm` runs the phase twice, as a benchmark's repeated
//! iterations do (the lexicon's memo of judged words warm the second time);
//! only the second pass is in `measured`, so callgrind counts it alone with
//! `--toggle-collect=profile_pipeline::measured`.

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
    let warm = args.get(2).is_some_and(|a| a == "warm");
    if warm {
        warm_up(|| run(phase, &docs, &profile, &plain));
    }
    let Some(sink) = measured(|| run(phase, &docs, &profile, &plain)) else {
        eprintln!("profile_pipeline: unknown phase {phase}");
        return ExitCode::from(2);
    };
    let bytes: usize = docs.iter().map(String::len).sum();
    println!("{phase}: {n} documents, {bytes} bytes ({sink})");
    ExitCode::SUCCESS
}

/// The first pass of a warm run, which fills the memo. A function of its
/// own, like [`measured`], so a profiler tells the two passes apart.
#[inline(never)]
fn warm_up(pass: impl FnOnce() -> Option<usize>) -> Option<usize> {
    pass()
}

/// The pass that is measured.
#[inline(never)]
fn measured(pass: impl FnOnce() -> Option<usize>) -> Option<usize> {
    pass()
}

/// The phase over every document; `None` for a phase not known.
fn run(
    phase: &str,
    docs: &[String],
    profile: &beslut::Profile,
    plain: &beslut::ParseOptions,
) -> Option<usize> {
    let mut sink = 0usize;
    for doc in docs {
        sink += match phase {
            // Only the generator's work: subtract it from the other phases.
            "none" => doc.len(),
            "normalize" => beslut::normalize(doc).text.len(),
            "parse" => beslut::parse_decision_with(doc, plain).sections.len(),
            "parse_validate" => {
                let d = beslut::parse_decision_with(doc, plain);
                beslut::validate(&d, profile).len()
            }
            "restore" => beslut::restore(doc).changes.len(),
            "pipeline" => {
                let Ok(decoded) = beslut::decode(doc.as_bytes()) else { continue };
                let d = beslut::parse_decision(&decoded.text);
                beslut::validate(&d, profile).len()
            }
            _ => return None,
        };
    }
    Some(sink)
}
