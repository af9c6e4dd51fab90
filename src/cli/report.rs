//! `beslut check` reports: JSON Lines and CSV for machines, a listing and a
//! summary table for people.
//!
//! Every report is written as the run goes, one record per file in the
//! order the files were found, so a report over millions of files never sits
//! in memory, and the same input gives the same bytes whatever `--jobs` is.
//! Only the run's start time and its duration vary between runs.

use super::CheckFormat;
use beslut::{Diagnostic, Encoding, Rule, Severity};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::sync::Arc;

/// Version of the JSON Lines and CSV layout; bumped only when a field
/// changes meaning or goes away.
pub const REPORT_VERSION: u32 = 1;

/// What became of one file, in the archivists' sense: `could not be read`
/// (unreadable, not-text, skipped) is kept apart from `not valid`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FileStatus {
    /// Checked, no errors.
    Valid,
    /// Checked, at least one error.
    Invalid,
    /// Read, but binary or undecodable.
    NotText,
    /// The OS refused to read it.
    Unreadable,
    /// Not read on purpose: too large, or not a regular file.
    Skipped,
    /// Checking it panicked; a bug in beslut, reported with the panic's message.
    InternalError,
}

impl FileStatus {
    /// Every status, in the order summaries list them.
    pub const ALL: [FileStatus; 6] = [
        FileStatus::Valid,
        FileStatus::Invalid,
        FileStatus::NotText,
        FileStatus::Unreadable,
        FileStatus::Skipped,
        FileStatus::InternalError,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            FileStatus::Valid => "valid",
            FileStatus::Invalid => "invalid",
            FileStatus::NotText => "not-text",
            FileStatus::Unreadable => "unreadable",
            FileStatus::Skipped => "skipped",
            FileStatus::InternalError => "internal-error",
        }
    }

    /// Whether the file went unchecked, which makes the run exit with 3.
    pub const fn unchecked(self) -> bool {
        !matches!(self, FileStatus::Valid | FileStatus::Invalid)
    }
}

/// A diagnostic with the line and column of its span's start, which only
/// output needs (the model keeps byte spans).
#[derive(Clone, Debug, Serialize)]
pub struct Located {
    #[serde(flatten)]
    pub diagnostic: Diagnostic,
    pub line: usize,
    pub column: usize,
}

/// One file's record.
#[derive(Debug)]
pub struct DocRecord {
    /// The argument the file was found under (its parent, for a file
    /// argument), one text shared by all its files.
    pub root: Arc<str>,
    /// The path relative to `root`, `/`-separated; what shards hash. Read
    /// it with [`DocRecord::path`].
    pub path: RelPath,
    /// The path as a person would open it (`root` joined with `path`).
    pub display: String,
    /// Bytes read (or the size that made it skipped).
    pub bytes: u64,
    pub encoding: Option<Encoding>,
    pub encoding_guessed: Option<bool>,
    pub status: FileStatus,
    /// Why a file is not-text, unreadable, skipped or an internal error.
    pub reason: Option<String>,
    /// The diagnostics listed: at most `--max-repeats` of each rule.
    pub diagnostics: Vec<Located>,
    /// Every rule's count, before the list was capped.
    pub tally: Vec<RuleTally>,
    /// How many diagnostics the cap left out of `diagnostics`.
    pub omitted: usize,
    /// The diagnostics rendered against the source, for `--verbose`.
    pub rendered: Option<String>,
}

/// Where a record keeps its relative path.
///
/// A walked file's path is its root joined with names, and that is also
/// the relative path: one string, the walk's own, holds both, where three
/// copies per file (root, path, display) were made by the walker and freed
/// by the writer, on another thread.
#[derive(Debug)]
pub enum RelPath {
    /// `display` from this byte on.
    Tail(usize),
    /// A text of its own, where it is not the end of `display`.
    Own(String),
}

/// One rule's diagnostics in one file, counted before `--max-repeats`
/// shortens the list, so counts always tell the whole story.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleTally {
    pub rule: Rule,
    pub severity: Severity,
    pub count: usize,
}

/// Each rule code once with its number of diagnostics, errors first, then
/// by code, so listings read the same on every run.
pub fn tally(diagnostics: &[Diagnostic]) -> Vec<RuleTally> {
    // A document has a few rules' diagnostics: a short list, searched, beats a map.
    let mut v: Vec<RuleTally> = Vec::new();
    for d in diagnostics {
        match v.iter_mut().find(|t| t.rule == d.code) {
            Some(t) => {
                t.severity = t.severity.max(d.severity);
                t.count += 1;
            }
            None => v.push(RuleTally { rule: d.code, severity: d.severity, count: 1 }),
        }
    }
    // Codes are unique, so this order is total and the sort's stability moot.
    v.sort_unstable_by(|a, b| b.severity.cmp(&a.severity).then(a.rule.code().cmp(b.rule.code())));
    v
}

impl DocRecord {
    /// The path relative to `root`, `/`-separated.
    pub fn path(&self) -> &str {
        match &self.path {
            RelPath::Tail(at) => self.display.get(*at..).unwrap_or_default(),
            RelPath::Own(path) => path,
        }
    }

    fn count(&self, severity: Severity) -> usize {
        self.tally.iter().filter(|t| t.severity == severity).map(|t| t.count).sum()
    }
}

/// What the run header records: everything that decides the results.
/// `--jobs` is left out on purpose: it changes nothing in the report.
#[derive(Debug, Serialize)]
pub struct RunInfo {
    pub version: &'static str,
    pub profile: String,
    /// Version of the compiled-in restoration lexicon.
    pub lexicon: Option<String>,
    pub options: RunOptions,
    /// Start of the run, UTC, RFC 3339 (a timing field: differs between runs).
    pub started: String,
}

#[derive(Debug, Serialize)]
pub struct RunOptions {
    pub inputs: Vec<String>,
    pub ext: Vec<String>,
    pub max_size: u64,
    pub shard: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
struct RuleCount {
    severity: Severity,
    files: u64,
    diagnostics: u64,
}

/// Counts over the run. Every field is a sum, so the summaries of the
/// shards of an archive add up to the summary of the whole.
#[derive(Debug, Default)]
pub struct Summary {
    pub files: u64,
    /// Bytes read: a skipped or unreadable file adds nothing.
    pub bytes: u64,
    statuses: [u64; FileStatus::ALL.len()],
    /// By rule, at its place in [`Rule::ALL`]: a file's rules are counted
    /// without a search by code; reports list them by code ([`Summary::rules`]).
    rules: [Option<RuleCount>; Rule::ALL.len()],
}

impl Summary {
    pub fn add(&mut self, rec: &DocRecord) {
        self.files += 1;
        if !matches!(rec.status, FileStatus::Skipped | FileStatus::Unreadable) {
            self.bytes += rec.bytes;
        }
        self.statuses[rec.status as usize] += 1;
        for t in &rec.tally {
            let Some(slot) = self.rules.get_mut(t.rule as usize) else {
                continue;
            };
            let r =
                slot.get_or_insert(RuleCount { severity: t.severity, files: 0, diagnostics: 0 });
            r.severity = r.severity.max(t.severity);
            r.files += 1;
            r.diagnostics += t.count as u64;
        }
    }

    /// Every rule counted, by code.
    fn rules(&self) -> BTreeMap<&'static str, RuleCount> {
        let counted = Rule::ALL.iter().zip(&self.rules);
        counted.filter_map(|(rule, r)| Some((rule.code(), r.clone()?))).collect()
    }

    pub fn count(&self, status: FileStatus) -> u64 {
        self.statuses[status as usize]
    }

    /// The run's exit code: unchecked files (3) outrank invalid ones (1).
    pub fn exit_code(&self) -> u8 {
        if FileStatus::ALL.iter().any(|s| s.unchecked() && self.count(*s) > 0) {
            super::exit::UNREADABLE
        } else if self.count(FileStatus::Invalid) > 0 {
            super::exit::INVALID
        } else {
            super::exit::OK
        }
    }

    /// Every status with its count, zeros included and in [`FileStatus::ALL`]'s
    /// order, so summaries line up whatever they counted.
    fn statuses(&self) -> StatusCounts<'_> {
        StatusCounts(self)
    }
}

struct StatusCounts<'a>(&'a Summary);

impl Serialize for StatusCounts<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(FileStatus::ALL.iter().map(|s| (s.as_str(), self.0.count(*s))))
    }
}

/// A file's record as a worker hands it to the writer: what the chosen
/// format shows of its diagnostics already written out (`line`, for JSON
/// Lines), and the diagnostics dropped.
///
/// Done where the record was made, the writing finds the diagnostics'
/// strings still in that core's cache, and their memory is freed by the
/// thread that allocated it, which for the allocator is a push on a local
/// list; freed by the writer, each of a record's dozen blocks went back
/// through a cross-thread queue. The writer is left copying bytes out.
pub struct Prepared {
    /// The record, without its diagnostics (no format needs them after this).
    pub rec: DocRecord,
    /// The JSON Lines record with its line end; empty for other formats.
    line: Vec<u8>,
}

impl Prepared {
    pub fn new(format: CheckFormat, mut rec: DocRecord) -> Prepared {
        let mut line = Vec::new();
        if format == CheckFormat::Jsonl {
            // Enough for the record's fixed text and its strings, so it is
            // written without growing the buffer.
            let strings = rec.diagnostics.iter().map(|l| {
                let d = &l.diagnostic;
                let label = d.label.as_deref().map_or(0, str::len);
                200 + d.message.len() + label + d.help.as_deref().map_or(0, str::len)
            });
            line.reserve(200 + rec.root.len() + rec.display.len() + strings.sum::<usize>());
            super::jsonl::document(&mut line, &rec);
            line.push(b'\n');
        }
        rec.diagnostics = Vec::new();
        Prepared { rec, line }
    }
}

/// A report being written.
pub enum Report {
    Jsonl {
        out: Box<dyn Write>,
    },
    Csv(Box<csv::Writer<Box<dyn Write>>>),
    /// `spaced`: the last thing written ends in a blank line.
    Human {
        out: Box<dyn Write>,
        verbose: bool,
        spaced: bool,
    },
}

const CSV_HEADER: [&str; 9] = [
    "path",
    "status",
    "encoding",
    "encoding_guessed",
    "errors",
    "warnings",
    "rules",
    "reason",
    "root",
];

impl Report {
    pub fn new(format: CheckFormat, mut out: Box<dyn Write>, verbose: bool) -> Report {
        match format {
            CheckFormat::Jsonl => Report::Jsonl { out },
            CheckFormat::Csv => {
                // Written before the csv writer takes `out`; errors surface
                // at the first flush like every other write.
                let bom = out.write_all("\u{feff}".as_bytes());
                let mut w = csv::Writer::from_writer(out);
                if bom.is_ok() {
                    let _ = w.write_record(CSV_HEADER);
                }
                Report::Csv(Box::new(w))
            }
            // `json` is one document's report; `batch::single_document` keeps it from here.
            CheckFormat::Human | CheckFormat::Json => Report::Human { out, verbose, spaced: false },
        }
    }

    pub fn header(&mut self, run: &RunInfo) -> io::Result<()> {
        match self {
            Report::Jsonl { out, .. } => {
                #[derive(Serialize)]
                struct Header<'a> {
                    record: &'static str,
                    report_version: u32,
                    tool: &'static str,
                    #[serde(flatten)]
                    run: &'a RunInfo,
                }
                let h =
                    Header { record: "run", report_version: REPORT_VERSION, tool: "beslut", run };
                json_line(out, &h)
            }
            Report::Csv(_) | Report::Human { .. } => Ok(()),
        }
    }

    pub fn document(&mut self, prepared: &Prepared) -> io::Result<()> {
        let rec = &prepared.rec;
        match self {
            Report::Jsonl { out } => out.write_all(&prepared.line),
            Report::Csv(w) => {
                let rules: Vec<&str> = rec.tally.iter().map(|t| t.rule.code()).collect();
                let row = [
                    rec.path(),
                    rec.status.as_str(),
                    rec.encoding.map_or("", Encoding::label),
                    rec.encoding_guessed.map_or("", |g| if g { "true" } else { "false" }),
                    &rec.count(Severity::Error).to_string(),
                    &rec.count(Severity::Warning).to_string(),
                    &rules.join(" "),
                    rec.reason.as_deref().unwrap_or(""),
                    &rec.root,
                ];
                w.write_record(row).map_err(csv_io)
            }
            Report::Human { out, verbose, spaced } => {
                if rec.status == FileStatus::Valid {
                    return Ok(());
                }
                write!(out, "{}: {}", rec.display, rec.status.as_str())?;
                if let Some(reason) = &rec.reason {
                    write!(out, ": {reason}")?;
                }
                for (i, RuleTally { rule, count: n, .. }) in rec.tally.iter().enumerate() {
                    let sep = if i == 0 { ": " } else { ", " };
                    let code = rule.code();
                    if *n > 1 {
                        write!(out, "{sep}{code} ({n})")?;
                    } else {
                        write!(out, "{sep}{code}")?;
                    }
                }
                writeln!(out)?;
                *spaced = false;
                match &rec.rendered {
                    Some(rendered) if *verbose => {
                        writeln!(out, "{}\n", rendered.trim_end())?;
                        *spaced = true;
                    }
                    _ => {}
                }
                Ok(())
            }
        }
    }

    pub fn summary(&mut self, run: &RunInfo, s: &Summary, seconds: f64) -> io::Result<()> {
        // Milliseconds are all a person or a scheduler needs, and fewer
        // digits keep the record short.
        let seconds = (seconds * 1000.0).round() / 1000.0;
        match self {
            Report::Jsonl { out, .. } => {
                #[derive(Serialize)]
                struct Sum<'a> {
                    record: &'static str,
                    files: u64,
                    bytes: u64,
                    statuses: StatusCounts<'a>,
                    rules: BTreeMap<&'static str, RuleCount>,
                    seconds: f64,
                }
                let sum = Sum {
                    record: "summary",
                    files: s.files,
                    bytes: s.bytes,
                    statuses: s.statuses(),
                    rules: s.rules(),
                    seconds,
                };
                json_line(out, &sum)
            }
            Report::Csv(_) => Ok(()),
            Report::Human { out, spaced, .. } => {
                if !*spaced {
                    writeln!(out)?;
                }
                human_summary(out, run, s, seconds)
            }
        }
    }

    pub fn flush(&mut self) -> io::Result<()> {
        match self {
            Report::Jsonl { out, .. } | Report::Human { out, .. } => out.flush(),
            Report::Csv(w) => w.flush(),
        }
    }
}

/// How many rules the human summary lists; the JSON summary has them all.
const TOP_RULES: usize = 10;

fn human_summary(out: &mut dyn Write, run: &RunInfo, s: &Summary, seconds: f64) -> io::Result<()> {
    let shard = run.options.shard.as_ref().map(|s| format!(", shard {s}")).unwrap_or_default();
    writeln!(
        out,
        "Checked {} {} ({} bytes) in {seconds:.3} s with profile {}{shard}.",
        s.files,
        if s.files == 1 { "file" } else { "files" },
        s.bytes,
        run.profile
    )?;
    writeln!(out, "\n  {:<16}{:>9}", "status", "files")?;
    for status in FileStatus::ALL {
        writeln!(out, "  {:<16}{:>9}", status.as_str(), s.count(status))?;
    }
    let counted = s.rules();
    if counted.is_empty() {
        return Ok(());
    }
    let mut rules: Vec<(&&str, &RuleCount)> = counted.iter().collect();
    rules.sort_by(|a, b| {
        (b.1.files, b.1.diagnostics, b.1.severity).cmp(&(a.1.files, a.1.diagnostics, a.1.severity))
    });
    let width = rules.iter().map(|r| r.0.len()).max().unwrap_or(0).max(4);
    writeln!(out, "\n  {:<width$}  {:<8}{:>9}{:>13}", "rule", "severity", "files", "diagnostics")?;
    for (code, r) in rules.iter().take(TOP_RULES) {
        let sev = severity_str(r.severity);
        writeln!(out, "  {code:<width$}  {sev:<8}{:>9}{:>13}", r.files, r.diagnostics)?;
    }
    if rules.len() > TOP_RULES {
        writeln!(out, "  ... and {} more rules (all in --format jsonl)", rules.len() - TOP_RULES)?;
    }
    Ok(())
}

fn severity_str(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

fn json_line(out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    // Serialized into a buffer first: straight into `out`, every token of
    // the record is a call through `dyn Write`.
    let mut line = serde_json::to_vec(value)?;
    line.push(b'\n');
    out.write_all(&line)
}

fn csv_io(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use beslut::{Rule, Span};

    #[test]
    fn every_rule_has_its_own_slot_in_the_summary() {
        for (i, rule) in Rule::ALL.into_iter().enumerate() {
            assert_eq!(rule as usize, i, "{rule:?}");
        }
    }

    fn record() -> DocRecord {
        let mut rec = DocRecord::new("arkiv".into(), RelPath::Tail(6), "arkiv/a/b.txt".into());
        let long = "ett \"citat\" och en\tflik ".repeat(30);
        let d =
            Diagnostic::new(Rule::MissingSection, Severity::Error, long.clone(), Span::new(1, 2))
                .with_label(long.clone())
                .with_help(long);
        rec.diagnostics = vec![Located { diagnostic: d, line: 3, column: 4 }; 3];
        rec.tally = tally(&[rec.diagnostics[0].diagnostic.clone()]);
        rec.bytes = 12;
        rec
    }

    #[test]
    fn a_prepared_record_holds_its_jsonl_line_and_no_diagnostics() {
        let mut want = Vec::new();
        super::super::jsonl::document(&mut want, &record());
        want.push(b'\n');
        let p = Prepared::new(CheckFormat::Jsonl, record());
        assert_eq!(String::from_utf8(p.line).unwrap(), String::from_utf8(want).unwrap());
        assert!(p.rec.diagnostics.is_empty());
        // What the summary and the other formats read is kept.
        for format in [CheckFormat::Csv, CheckFormat::Human] {
            let p = Prepared::new(format, record());
            assert!(p.line.is_empty() && p.rec.diagnostics.is_empty());
            assert_eq!((p.rec.bytes, p.rec.tally.len()), (12, 1));
            assert_eq!((p.rec.display.as_str(), p.rec.path()), ("arkiv/a/b.txt", "a/b.txt"));
        }
    }

    #[test]
    fn tally_counts_each_rule_once_errors_first_then_by_code() {
        let d = |rule, severity| Diagnostic::new(rule, severity, "", Span::empty(0));
        let t = tally(&[
            d(Rule::UnknownHeading, Severity::Warning),
            d(Rule::MissingSection, Severity::Error),
            d(Rule::EmptySection, Severity::Warning),
            d(Rule::UnknownHeading, Severity::Error),
            d(Rule::MissingSection, Severity::Error),
            d(Rule::Mojibake, Severity::Info),
        ]);
        let got: Vec<(&str, Severity, usize)> =
            t.iter().map(|t| (t.rule.code(), t.severity, t.count)).collect();
        assert_eq!(
            got,
            [
                ("missing-section", Severity::Error, 2),
                ("unknown-heading", Severity::Error, 2),
                ("empty-section", Severity::Warning, 1),
                ("mojibake", Severity::Info, 1),
            ]
        );
        assert!(tally(&[]).is_empty());
    }
}
