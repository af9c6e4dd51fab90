//! `beslut parse FILE|-`.

use super::{ParseArgs, ParseFormat, exit};
use std::io::Write;

pub fn run(args: &ParseArgs) -> u8 {
    let bytes = match super::read_input(&args.file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("beslut: cannot read {}: {e}", args.file.display());
            return exit::UNREADABLE;
        }
    };
    let decoded = match beslut::decode(&bytes) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("beslut: {} is not text: {e}", args.file.display());
            return exit::UNREADABLE;
        }
    };
    let decision = beslut::parse_decision(&decoded.text);
    let out = match args.format {
        ParseFormat::Json => serde_json::to_string_pretty(&decision).unwrap_or_default() + "\n",
        ParseFormat::Outline => format!("{decision:#?}\n"),
    };
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(out.as_bytes()) {
        Ok(()) => exit::OK,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => exit::OK,
        Err(e) => {
            eprintln!("beslut: cannot write output: {e}");
            exit::USAGE
        }
    }
}
