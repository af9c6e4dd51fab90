//! Command-line definitions and dispatch.
//!
//! Exit codes are fixed so scripts can act on them (see [`exit`]).

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

mod batch;
mod check;
mod jsonl;
mod parse_cmd;
mod profiles_cmd;
mod render;
mod report;
mod restore_cmd;

/// Exit codes, as documented in the README and `--help`.
pub mod exit {
    /// Everything checked is valid (or the command succeeded).
    pub const OK: u8 = 0;
    /// Some document is invalid.
    pub const INVALID: u8 = 1;
    /// Usage error, missing path, bad profile, or the output could not be written.
    pub const USAGE: u8 = 2;
    /// Some file could not be read, was not text, was skipped, or hit an internal error.
    pub const UNREADABLE: u8 = 3;
}

/// The exit codes as `--help` shows them; keep in step with [`exit`].
const EXIT_CODES_HELP: &str = "\
Exit codes:
  0  every document checked is valid (or the command succeeded)
  1  some document is invalid
  2  usage error: bad option, a path that does not exist, unknown profile,
     or the output could not be written
  3  some file could not be read, is not text, was skipped or hit an
     internal error (outranks 1)";

#[derive(Parser, Debug)]
#[command(
    name = "beslut",
    version,
    about = "Parse, restore and validate OCR'd Swedish municipal decisions",
    after_help = EXIT_CODES_HELP
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Parse one document and print its model (an outline, or JSON).
    Parse(ParseArgs),
    /// Check documents against a profile: one file, or whole archives.
    ///
    /// One file (or `-`) is shown like rustc shows errors. Several paths or a
    /// directory (walked recursively, sorted) give a batch report with one
    /// record per file and its status: valid, invalid, not-text, unreadable,
    /// skipped or internal-error.
    #[command(after_help = EXIT_CODES_HELP)]
    Check(CheckArgs),
    /// List the built-in profiles and the rules, or show one profile (a name or a file).
    Profiles(ProfilesArgs),
    /// Restore lost å, ä and ö; print the text (or, with --changes, what changed).
    Restore(RestoreArgs),
}

/// Output format of `beslut parse`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParseFormat {
    /// A readable outline.
    Outline,
    /// The JSON model.
    Json,
}

#[derive(clap::Args, Debug)]
pub struct ParseArgs {
    /// The document, or `-` for standard input.
    pub file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ParseFormat::Outline)]
    pub format: ParseFormat,
}

/// Output format of `beslut check`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckFormat {
    /// One file: rustc-style diagnostics with the source line and a caret.
    /// More: one line per file that is not valid, then a summary table.
    Human,
    /// One file's diagnostics as JSON, with line and column.
    Json,
    /// JSON Lines: a run record, one record per file, a summary record.
    Jsonl,
    /// One row per file, UTF-8 with a byte-order mark for spreadsheets.
    Csv,
}

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// Files, directories (walked recursively), or `-` for standard input.
    #[arg(required = true, value_name = "PATH")]
    pub inputs: Vec<PathBuf>,
    /// A built-in profile (`standard`, `basic`) or a profile file (TOML).
    #[arg(long, value_name = "NAME|FILE", default_value = "standard")]
    pub profile: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
    /// Language of messages: `en` or `sv` (section names are always Swedish).
    #[arg(long, value_name = "LANG", default_value = "en", value_parser = parse_lang)]
    pub lang: beslut::Lang,
    /// Write the report to FILE instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// File extensions to pick in directories (comma-separated, case-insensitive).
    /// Files named as arguments are always read.
    #[arg(long, value_name = "EXT", value_delimiter = ',', default_value = "txt")]
    pub ext: Vec<String>,
    /// Skip files larger than this (bytes, or with a unit: 500KB, 10MB, 1MiB).
    #[arg(long, value_name = "SIZE", default_value = "10MB", value_parser = batch::parse_size)]
    pub max_size: u64,
    /// Documents checked at once (default: one per core).
    #[arg(long, short, value_name = "N")]
    pub jobs: Option<usize>,
    /// Check only shard I of N (1-based), chosen by a stable hash of each
    /// file's relative path, so an archive splits over an array job.
    #[arg(long, value_name = "I/N", value_parser = batch::parse_shard)]
    pub shard: Option<batch::Shard>,
    /// Batch reports: list at most N diagnostics of one rule per file (0: all).
    /// Counts always include every diagnostic.
    #[arg(long, value_name = "N", default_value_t = 100)]
    pub max_repeats: usize,
    /// No progress bar.
    #[arg(long, short)]
    pub quiet: bool,
    /// Batch human format: show the diagnostics of each file listed, with its source line.
    #[arg(long, short)]
    pub verbose: bool,
}

fn parse_lang(s: &str) -> Result<beslut::Lang, String> {
    beslut::Lang::from_code(s).ok_or_else(|| format!("unsupported language `{s}`; use en or sv"))
}

#[derive(clap::Args, Debug)]
pub struct ProfilesArgs {
    /// Show this profile in full: a built-in name or a profile file.
    #[arg(value_name = "NAME|FILE")]
    pub profile: Option<String>,
}

/// Output format of `beslut restore`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum RestoreFormat {
    /// The restored text; with --changes, one line per change.
    Text,
    /// A JSON object: lexicon version, the restored text, the changes.
    Json,
}

#[derive(clap::Args, Debug)]
pub struct RestoreArgs {
    /// The document, or `-` for standard input.
    pub file: PathBuf,
    /// List the changes (line, column, old, new, route, confidence) instead of the text.
    #[arg(long)]
    pub changes: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = RestoreFormat::Text)]
    pub format: RestoreFormat,
    /// Extra words (local names, places, nämnder): one per line, optional Zipf frequency after it.
    #[arg(long, value_name = "FILE")]
    pub lexicon: Option<PathBuf>,
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help and version to stdout with exit 0; real usage errors get our code 2.
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { exit::USAGE } else { exit::OK });
        }
    };
    let code = match cli.command {
        Command::Parse(args) => parse_cmd::run(&args),
        Command::Check(args) => match batch::single_document(&args) {
            Ok(Some(file)) => check::run(&args, &file),
            Ok(None) => batch::run(&args),
            Err(code) => code,
        },
        Command::Profiles(args) => profiles_cmd::run(&args),
        Command::Restore(args) => restore_cmd::run(&args),
    };
    ExitCode::from(code)
}

/// Read one document argument and decode it by the library's cascade.
/// On failure, say what and where on stderr and give the exit code.
pub fn read_document(path: &std::path::Path) -> Result<String, u8> {
    let bytes = read_input(path).map_err(|e| {
        eprintln!("beslut: cannot read {}: {e}", path.display());
        exit::UNREADABLE
    })?;
    match beslut::decode(&bytes) {
        Ok(d) => Ok(d.text),
        Err(e) => {
            eprintln!("beslut: {} is not text: {e}", path.display());
            Err(exit::UNREADABLE)
        }
    }
}

/// Write a command's whole output to standard output. A closed pipe
/// (`beslut parse x | head`) is a normal way for a reader to stop, not an error.
pub fn write_stdout(out: &str) -> u8 {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(out.as_bytes()).and_then(|()| stdout.flush()) {
        Ok(()) => exit::OK,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => exit::OK,
        Err(e) => {
            eprintln!("beslut: cannot write output: {e}");
            exit::USAGE
        }
    }
}

/// Read a path argument, `-` meaning standard input.
pub fn read_input(path: &std::path::Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf)?;
        Ok(buf)
    } else {
        std::fs::read(path)
    }
}
