//! `beslut check FILE|-`: validate one document and report.
//!
//! The per-document work is [`check_document`], a pure function of the text
//! so a batch runner can call it from many threads; reading, profile
//! resolution, rendering and exit codes stay in [`run`].

use super::{CheckArgs, CheckFormat, exit, render};
use beslut::{Checker, Diagnostic, Lang, Profile, Severity, Status};
use std::io::Write;
use std::path::Path;

/// How to check, beyond the profile.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Language of messages.
    pub lang: Lang,
}

/// Everything known about one checked document.
#[derive(Clone, Debug, PartialEq)]
pub struct DocumentReport {
    /// The name to show for it: a path, or `<stdin>`.
    pub source_name: String,
    /// The normalized text every span points into.
    pub source: String,
    /// The profile's name.
    pub profile: String,
    /// The findings, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
    /// `valid` or `invalid`.
    pub status: Status,
}

impl DocumentReport {
    /// Number of errors, warnings and infos.
    pub fn counts(&self) -> [usize; 3] {
        let n = |s| self.diagnostics.iter().filter(|d| d.severity == s).count();
        [n(Severity::Error), n(Severity::Warning), n(Severity::Info)]
    }
}

/// Parse and validate one document's text. Never panics, prints nothing.
pub fn check_document(source_name: &str, text: &str, checker: &Checker) -> DocumentReport {
    let checked = checker.check(text);
    let status = beslut::status(&checked.diagnostics);
    DocumentReport {
        source_name: source_name.to_string(),
        source: checked.source,
        profile: checker.profile().name().to_string(),
        diagnostics: checked.diagnostics,
        status,
    }
}

/// The profile `arg` names: a built-in by name, else a profile file.
pub fn load_profile(arg: &str) -> Result<Profile, String> {
    if let Some(p) = Profile::builtin(arg) {
        return Ok(p);
    }
    let path = Path::new(arg);
    if !path.exists() {
        return Err(format!(
            "unknown profile `{arg}`: not a built-in profile ({}) and no such file",
            Profile::BUILTIN_NAMES.join(", ")
        ));
    }
    Profile::from_file(path).map_err(|e| e.to_string())
}

/// `beslut check FILE|-`: one document, shown in full. (Several paths or a
/// directory go to the batch report in `batch`.)
pub fn run(args: &CheckArgs, file: &Path) -> u8 {
    let profile = match load_profile(&args.profile) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("beslut: {e}");
            return exit::USAGE;
        }
    };
    let name =
        if file.as_os_str() == "-" { "<stdin>".to_string() } else { file.display().to_string() };
    let bytes = match super::read_input(file) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            eprintln!("beslut: {name}: no such file or directory");
            return exit::USAGE;
        }
        Err(e) => {
            eprintln!("beslut: cannot read {name}: {e}");
            return exit::UNREADABLE;
        }
    };
    if bytes.len() as u64 > args.max_size {
        eprintln!(
            "beslut: {name} skipped: larger than --max-size ({} > {} bytes)",
            bytes.len(),
            args.max_size
        );
        return exit::UNREADABLE;
    }
    // The same decoding as the batch report, `parse` and `restore`, so a file
    // gets the same diagnostics however it is checked.
    let decoded = match beslut::decode(&bytes) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("beslut: {name} is not text: {e}");
            return exit::UNREADABLE;
        }
    };
    if decoded.guessed {
        eprintln!("beslut: note: {name} is not UTF-8; read as {} (a guess)", decoded.encoding);
    }
    let options = Options { lang: args.lang };
    let report = check_document(&name, &decoded.text, &Checker::new(profile, args.lang));
    let out = match args.format {
        CheckFormat::Json => render::json(&report) + "\n",
        // jsonl and csv never come here: they are batch reports even for one file.
        _ => render::human(&report, args.output.is_none() && render::use_color(), options.lang),
    };
    let written = match &args.output {
        Some(path) => std::fs::write(path, out.as_bytes()),
        None => std::io::stdout().lock().write_all(out.as_bytes()),
    };
    match written {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        Err(e) => {
            eprintln!("beslut: cannot write output: {e}");
            return exit::USAGE;
        }
    }
    match report.status {
        Status::Valid => exit::OK,
        Status::Invalid => exit::INVALID,
    }
}
