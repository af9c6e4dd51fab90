//! `beslut check FILE|-`: validate one document and report.
//!
//! The per-document work is [`check_document`], a pure function of the text
//! so a batch runner can call it from many threads; reading, profile
//! resolution, rendering and exit codes stay in [`run`].

use super::{CheckArgs, CheckFormat, exit, render};
use beslut::{Diagnostic, Lang, Profile, Severity, Status};
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
pub fn check_document(
    source_name: &str,
    text: &str,
    profile: &Profile,
    options: &Options,
) -> DocumentReport {
    // The profile's heading synonyms are the parser's to recognize: then the
    // section's content is read too, not just its presence counted.
    let parse_options =
        beslut::ParseOptions::default().with_headings(profile.extra_headings().iter().cloned());
    let decision = beslut::parse_decision_with(text, &parse_options);
    let diagnostics = beslut::validate_in(&decision, profile, options.lang);
    let status = beslut::status(&diagnostics);
    DocumentReport {
        source_name: source_name.to_string(),
        source: decision.source,
        profile: profile.name().to_string(),
        diagnostics,
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

pub fn run(args: &CheckArgs) -> u8 {
    let profile = match load_profile(&args.profile) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("beslut: {e}");
            return exit::USAGE;
        }
    };
    let bytes = match super::read_input(&args.file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("beslut: cannot read {}: {e}", args.file.display());
            return exit::UNREADABLE;
        }
    };
    let name = if args.file.as_os_str() == "-" {
        "<stdin>".to_string()
    } else {
        args.file.display().to_string()
    };
    // Guessing an encoding would put invented characters under the carets;
    // a file that is not UTF-8 is reported, not validated.
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            eprintln!("beslut: {name} is not UTF-8 text (invalid byte at offset {at})");
            return exit::UNREADABLE;
        }
    };
    let options = Options { lang: args.lang };
    let report = check_document(&name, &text, &profile, &options);
    let out = match args.format {
        CheckFormat::Human => render::human(&report, render::use_color(), options.lang),
        CheckFormat::Json => render::json(&report) + "\n",
    };
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(out.as_bytes()) {
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
