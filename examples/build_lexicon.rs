//! Build `data/lexicon.fst`, the lexicon compiled into the crate.
//!
//! ```text
//! pip install msgpack
//! python3 tools/export_wordfreq.py        # writes tools/wordfreq-sv.tsv (pinned wheel, sha256-checked)
//! cargo run --release --example build_lexicon [tools/wordfreq-sv.tsv [data/lexicon.fst]]
//! ```
//!
//! The output is deterministic: the same list gives the same bytes.

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let input = args.next().unwrap_or_else(|| "tools/wordfreq-sv.tsv".into());
    let output = args.next().unwrap_or_else(|| "data/lexicon.fst".into());
    let list = match std::fs::read_to_string(&input) {
        Ok(s) => s,
        Err(e) => {
            eprintln!(
                "build_lexicon: cannot read {input}: {e} (run tools/export_wordfreq.py first)"
            );
            return ExitCode::from(2);
        }
    };
    let lex = beslut::Lexicon::from_word_list(&list, "wordfreq-3.1.1-sv");
    if let Err(e) = std::fs::write(&output, lex.fst_bytes()) {
        eprintln!("build_lexicon: cannot write {output}: {e}");
        return ExitCode::from(2);
    }
    eprintln!("build_lexicon: {} keys, {} bytes -> {output}", lex.len(), lex.fst_bytes().len());
    ExitCode::SUCCESS
}
