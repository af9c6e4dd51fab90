//! Write a tree of degraded decision documents for bulk runs.
//!
//! ```text
//! cargo run --release --example gen_corpus -- OUT_DIR [N [SEED]]
//! ```
//!
//! Writes N documents (20,000 by default, about 110 MB) as
//! `OUT_DIR/000/00000.txt`, a thousand to a folder, as archives keep them.
//! The generator is `tests/support/corpus.rs`; one seed always gives the
//! same tree.

#[path = "../tests/support/corpus.rs"]
mod corpus;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(out) = args.first().map(PathBuf::from) else {
        eprintln!("usage: gen_corpus OUT_DIR [N [SEED]]");
        return ExitCode::from(2);
    };
    let parse = |i: usize, default: u64| match args.get(i) {
        None => Some(default),
        Some(s) => s.parse().ok(),
    };
    let (Some(n), Some(seed)) = (parse(1, 20_000), parse(2, 1)) else {
        eprintln!("gen_corpus: N and SEED must be whole numbers");
        return ExitCode::from(2);
    };
    let options = corpus::Options::default();
    let sentences = corpus::sentences();
    let mut bytes = 0usize;
    for i in 0..n {
        let dir = out.join(format!("{:03}", i / 1000));
        if i % 1000 == 0
            && let Err(e) = std::fs::create_dir_all(&dir)
        {
            eprintln!("gen_corpus: cannot create {}: {e}", dir.display());
            return ExitCode::FAILURE;
        }
        let doc = corpus::document(seed, i, &options, &sentences);
        bytes += doc.len();
        let path = dir.join(format!("{i:05}.txt"));
        if let Err(e) = std::fs::write(&path, doc) {
            eprintln!("gen_corpus: cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    eprintln!("gen_corpus: {n} documents, {bytes} bytes in {}", out.display());
    ExitCode::SUCCESS
}
