//! `beslut check PATH...`: every file of an archive, one record each.
//!
//! The run is a pipeline in sorted chunks: while the pool checks one chunk
//! of paths, the walker gathers the next and the main thread writes the
//! records of the one before, in walk order. So the report is the same for
//! any `--jobs`, and memory holds two chunks of records, never the whole
//! archive.

use super::check::{self, Options};
use super::report::{
    self, DocRecord, FileStatus, Located, Prepared, RelPath, Report, RuleTally, RunInfo,
    RunOptions, Summary,
};
use super::{CheckArgs, CheckFormat, exit, render};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};
use rayon::prelude::*;
use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::ffi::OsStr;
use std::fmt;
use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

/// Paths handed to the pool at once: enough to keep every core busy past
/// the slowest document of a chunk, few enough that the records waiting to
/// be written stay small.
const CHUNK: usize = 1024;

/// The report's write buffer: a JSON Lines record is over a kilobyte, and
/// with std's 8 KiB the writer made a `write` call every few records.
const OUT_BUFFER: usize = 1 << 16;

/// Paths in the first chunk: nothing is checked until it is walked, so it
/// is small; the walk of the next, full chunk runs beside its checking.
const FIRST_CHUNK: usize = 64;

pub fn run(args: &CheckArgs) -> u8 {
    let started = SystemTime::now();
    let clock = Instant::now();
    let profile = match check::load_profile(&args.profile) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("beslut: {e}");
            return exit::USAGE;
        }
    };
    let inputs = match resolve_inputs(&args.inputs) {
        Ok(inputs) => inputs,
        Err(msg) => {
            eprintln!("beslut: {msg}");
            return exit::USAGE;
        }
    };
    let out: Box<dyn Write> = match &args.output {
        Some(path) => match File::create(path) {
            Ok(f) => Box::new(BufWriter::with_capacity(OUT_BUFFER, f)),
            Err(e) => {
                eprintln!("beslut: cannot write {}: {e}", path.display());
                return exit::USAGE;
            }
        },
        None => Box::new(BufWriter::with_capacity(OUT_BUFFER, io::stdout())),
    };
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(args.jobs.unwrap_or(0)).build() {
        Ok(pool) => pool,
        Err(e) => {
            eprintln!("beslut: cannot start {} worker threads: {e}", args.jobs.unwrap_or(0));
            return exit::USAGE;
        }
    };
    install_panic_hook();

    let ext: Vec<String> =
        args.ext.iter().map(|e| e.trim_start_matches('.').to_lowercase()).collect();
    let run_info = RunInfo {
        version: env!("CARGO_PKG_VERSION"),
        profile: profile.name().to_string(),
        lexicon: Some(beslut::Lexicon::builtin().version().to_string()),
        options: RunOptions {
            inputs: args.inputs.iter().map(|p| os_text(p.as_os_str()).into_owned()).collect(),
            ext: ext.clone(),
            max_size: args.max_size,
            shard: args.shard.map(|s| s.to_string()),
        },
        started: rfc3339(started),
    };
    let render = (args.verbose && args.format == CheckFormat::Human)
        .then(|| args.output.is_none() && render::use_color());
    let options = Options { lang: args.lang };
    let checker = beslut::Checker::new(profile, args.lang);
    let check = |name: &str, text: &str| {
        check_text(name, text, &checker, &options, args.max_repeats, render)
    };
    let pb = progress_bar(args.quiet, &inputs, &ext, args.shard);
    // Lines written to the terminal the bar is drawn on must not be drawn
    // over; and a bar that is not drawn needs no counting.
    let drawn = !pb.is_hidden();
    let mut report = Report::new(args.format, out, args.verbose);
    let mut summary = Summary::default();
    let mut walk = Walk::new(inputs, ext, args.shard).excluding(args.output.as_deref());

    let result = (|| -> io::Result<()> {
        report.header(&run_info)?;
        let mut next = take_chunk(&mut walk, FIRST_CHUNK, Vec::new());
        // Checked and waiting to be written, in walk order.
        let mut done: Vec<Prepared> = Vec::new();
        // The two chunks' lists are made once and refilled: a chunk's
        // records take a few hundred kilobytes, which the allocator got
        // fresh from the system, and zeroed, for every chunk.
        let mut spare: (Vec<Entry>, Vec<Prepared>) = (Vec::new(), Vec::new());
        while !next.is_empty() || !done.is_empty() {
            let mut chunk = std::mem::take(&mut next);
            let (walked, mut records) = std::mem::take(&mut spare);
            // The pool checks this chunk while this thread writes the chunk
            // before and walks the next: the workers do not wait for the
            // report or the walk between chunks. Memory holds two chunks.
            let written = pool.in_place_scope(|scope| {
                scope.spawn(|_| {
                    chunk
                        .par_drain(..)
                        .map(|entry| {
                            let rec = process(entry, args.max_size, &check);
                            let rec = Prepared::new(args.format, rec);
                            // A hidden bar (output not a terminal) still
                            // costs an update's locking per file.
                            if drawn {
                                pb.inc(1);
                            }
                            rec
                        })
                        .collect_into_vec(&mut records)
                });
                let mut write = || -> io::Result<()> {
                    for prepared in &done {
                        summary.add(&prepared.rec);
                        report.document(prepared)?;
                    }
                    report.flush()
                };
                let written = if drawn { pb.suspend(write) } else { write() };
                // Walked here, not in the pool (where it was the second half
                // of a join): this thread waits for the workers anyway, so
                // with `--jobs 1` the walk no longer takes turns with the
                // checking, and the entries' texts are made by the thread
                // that drops their records, which frees them without a
                // cross-thread queue.
                if written.is_ok() {
                    next = take_chunk(&mut walk, CHUNK, walked);
                }
                written
            });
            written?;
            pb.set_message(format!("{} invalid", summary.count(FileStatus::Invalid)));
            let notes = std::mem::take(&mut walk.notes);
            if !args.quiet {
                let print = || notes.iter().for_each(|note| eprintln!("beslut: {note}"));
                if drawn { pb.suspend(print) } else { print() }
            }
            done.clear();
            spare = (chunk, std::mem::replace(&mut done, records));
        }
        pb.finish_and_clear();
        report.summary(&run_info, &summary, clock.elapsed().as_secs_f64())?;
        report.flush()
    })();
    pb.finish_and_clear();
    match result {
        Ok(()) => summary.exit_code(),
        // Whoever reads the report has stopped (`| head`): not an error,
        // and no verdict either. The summary counts only the records that
        // went out before the write failed, which depends on buffer sizes
        // and timing, so its code would say nothing about the documents:
        // exit 0 quietly, as ripgrep does and `write_stdout` does here.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => exit::OK,
        Err(e) => {
            eprintln!("beslut: cannot write the report: {e}");
            exit::USAGE
        }
    }
}

/// What checking one decoded document produced.
pub struct Checked {
    /// At most `--max-repeats` of each rule.
    pub diagnostics: Vec<Located>,
    /// Every rule's count, before the cap.
    pub tally: Vec<RuleTally>,
    /// How many the cap left out.
    pub omitted: usize,
    /// The diagnostics rendered against the text, when asked for.
    pub rendered: Option<String>,
}

/// The one place that knows how a decoded document is checked: the same
/// [`check::check_document`] as a single `beslut check FILE`, with line and
/// column added, and the diagnostics rendered when `render` says in colour
/// or not.
fn check_text(
    name: &str,
    text: &str,
    checker: &beslut::Checker,
    options: &Options,
    max_repeats: usize,
    render: Option<bool>,
) -> Checked {
    let mut report = check::check_document(name, text, checker);
    let tally = report::tally(&report.diagnostics);
    let omitted = cap_repeats(&mut report.diagnostics, max_repeats);
    let rendered = render.map(|color| {
        let mut r = render::diagnostics(&report, color, options.lang);
        if omitted > 0 {
            r.push_str(&format!("note: {omitted} more of the same rules (--max-repeats)\n"));
        }
        r
    });
    if report.diagnostics.is_empty() {
        // Most documents of an archive: no line index to build.
        return Checked { diagnostics: Vec::new(), tally, omitted, rendered };
    }
    let mut lines = Lines::new(&report.source);
    let diagnostics = report
        .diagnostics
        .into_iter()
        .map(|d| {
            let (line, column) = lines.line_col(d.span.start);
            Located { diagnostic: d, line, column }
        })
        .collect();
    Checked { diagnostics, tally, omitted, rendered }
}

/// Line and column of offsets into a text, as [`beslut::LineIndex::line_col`]
/// gives them, for offsets that mostly come in order (diagnostics are sorted
/// by position): the lines are counted once, up to the last diagnostic,
/// rather than indexed all over for a handful of lookups.
struct Lines<'t> {
    text: &'t str,
    /// Where counting stopped, the line it is on (1-based) and that line's start.
    at: usize,
    line: usize,
    line_start: usize,
}

impl<'t> Lines<'t> {
    fn new(text: &'t str) -> Self {
        Lines { text, at: 0, line: 1, line_start: 0 }
    }

    /// 1-based line and column (in characters) of byte `offset`; an offset
    /// past the end or inside a character is taken back to a character's
    /// start, as `LineIndex` does.
    fn line_col(&mut self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        if offset < self.at {
            *self = Lines::new(self.text);
        }
        let passed = self.text.as_bytes().get(self.at..offset).unwrap_or_default();
        // Lines are long next to memchr's stride; the last line end, if
        // any, is then one search from the back.
        let newlines = memchr::memchr_iter(b'\n', passed).count();
        if newlines > 0 {
            self.line += newlines;
            self.line_start = self.at + memchr::memrchr(b'\n', passed).map_or(0, |i| i + 1);
        }
        self.at = offset;
        let column = self.text.get(self.line_start..offset).map_or(0, |s| s.chars().count()) + 1;
        (self.line, column)
    }
}

/// Keep the first `max` diagnostics of each rule (all when `max` is 0), as
/// veraPDF caps failed checks per rule: a scan that repeats a heading on
/// every page must not turn one record into megabytes. Returns how many
/// were dropped.
fn cap_repeats(diagnostics: &mut Vec<beslut::Diagnostic>, max: usize) -> usize {
    if max == 0 {
        return 0;
    }
    let before = diagnostics.len();
    // A document has a few rules' diagnostics: a list beats hashing each one.
    let mut seen: Vec<(beslut::Rule, usize)> = Vec::new();
    diagnostics.retain(|d| {
        let i = seen.iter().position(|(rule, _)| *rule == d.code).unwrap_or_else(|| {
            seen.push((d.code, 0));
            seen.len() - 1
        });
        let Some((_, n)) = seen.get_mut(i) else {
            return true;
        };
        *n += 1;
        *n <= max
    });
    before - diagnostics.len()
}

/// Whether `beslut check` shows one document in full (`Some(path)`) or
/// writes a batch report (`None`): one path that is a file or `-`, in the
/// human or json format, is one document. `Err` is the exit code of a usage
/// error, already reported.
pub fn single_document(args: &CheckArgs) -> Result<Option<PathBuf>, u8> {
    let one = match args.inputs.as_slice() {
        [path] if path.as_os_str() == "-" || !path.is_dir() => Some(path.clone()),
        _ => None,
    };
    match (args.format, one) {
        (CheckFormat::Human | CheckFormat::Json, Some(path)) => Ok(Some(path)),
        (CheckFormat::Json, None) => {
            eprintln!("beslut: --format json shows one document; for several, use --format jsonl");
            Err(exit::USAGE)
        }
        _ => Ok(None),
    }
}

// ---------------------------------------------------------------------------
// Inputs and the walk

#[derive(Clone, Debug)]
enum Input {
    Stdin,
    File(PathBuf),
    Dir(PathBuf),
}

/// Sort the arguments into stdin, files and directories, refusing any that
/// does not exist before a single record is written: a typo must not look
/// like an empty archive.
fn resolve_inputs(paths: &[PathBuf]) -> Result<Vec<Input>, String> {
    if paths.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
        return Err("`-` (standard input) can be given only once".into());
    }
    paths
        .iter()
        .map(|p| {
            if p.as_os_str() == "-" {
                return Ok(Input::Stdin);
            }
            match std::fs::metadata(p) {
                Ok(m) if m.is_dir() => Ok(Input::Dir(p.clone())),
                Ok(_) => Ok(Input::File(p.clone())),
                Err(e) if e.kind() == io::ErrorKind::NotFound => {
                    Err(format!("{}: no such file or directory", p.display()))
                }
                // It exists but cannot be looked at: reading it will say why, in its record.
                Err(_) => Ok(Input::File(p.clone())),
            }
        })
        .collect()
}

/// One path to check: its record, before anything is known about the
/// file, and where to read it.
#[derive(Debug)]
struct Entry {
    rec: DocRecord,
    source: Source,
}

#[derive(Debug)]
enum Source {
    Stdin,
    /// A file, at the path given, or when `None` at the record's `display`
    /// (a walked path that is UTF-8: the record holds the walk's own text).
    File(Option<PathBuf>),
    /// A FIFO, socket or device found in a directory: opening a FIFO
    /// would block the run forever, so these are never opened.
    Special(&'static str),
    /// The walk could not get at it (a directory that cannot be listed, a
    /// broken symbolic link).
    Failed(String),
}

/// The inputs' files in order: arguments as given, each directory's entries
/// sorted by name, files filtered by extension and shard.
struct Walk {
    inputs: std::vec::IntoIter<Input>,
    /// The directory being walked, its text (every record's root) and the walk.
    dir: Option<(PathBuf, Arc<str>, walkdir::IntoIter)>,
    ext: Vec<String>,
    shard: Option<Shard>,
    /// Things worth telling the user that are not a file's record.
    notes: Vec<String>,
    /// The report being written (`--output`), canonical: when it lies in a
    /// checked folder with a wanted extension, reading it would check a
    /// half-written file that is not a document.
    report: Option<PathBuf>,
}

impl Walk {
    fn new(inputs: Vec<Input>, ext: Vec<String>, shard: Option<Shard>) -> Walk {
        Walk { inputs: inputs.into_iter(), dir: None, ext, shard, notes: Vec::new(), report: None }
    }

    /// Leave out `report`, the file the report goes to.
    fn excluding(mut self, report: Option<&Path>) -> Walk {
        self.report = report.and_then(|p| std::fs::canonicalize(p).ok());
        self
    }

    /// The next entry before shard filtering.
    fn next_unfiltered(&mut self) -> Option<Entry> {
        loop {
            let Some((root, root_text, iter)) = &mut self.dir else {
                match self.inputs.next()? {
                    Input::Stdin => {
                        let (root, path) = (Arc::from(""), RelPath::Own("-".into()));
                        let rec = DocRecord::new(root, path, "<stdin>".into());
                        return Some(Entry { rec, source: Source::Stdin });
                    }
                    Input::File(p) => return Some(file_entry(p)),
                    Input::Dir(p) => {
                        // Links are followed because archives link folders in;
                        // walkdir notices a link back to an ancestor and yields an error
                        // instead of looping.
                        //
                        // Sorted by name, as `sort_by_file_name` would, but comparing
                        // whole paths: the entries sorted together are one directory's,
                        // all its path joined with a name, so the bytes after their
                        // common prefix are the names'. Taking each name apart from its
                        // path in every comparison was most of the walk's cost.
                        let iter = walkdir::WalkDir::new(&p)
                            .follow_links(true)
                            .sort_by(|a, b| a.path().as_os_str().cmp(b.path().as_os_str()));
                        let text = Arc::from(os_text(p.as_os_str()));
                        self.dir = Some((p, text, iter.into_iter()));
                        continue;
                    }
                }
            };
            match iter.next() {
                None => self.dir = None,
                Some(Ok(e)) => {
                    let ft = e.file_type();
                    if ft.is_dir() || !wanted(&self.ext, e.path()) {
                        continue;
                    }
                    if is_report(self.report.as_deref(), e.path()) {
                        self.notes.push(format!(
                            "{}: the report being written; not checked",
                            e.path().display()
                        ));
                        continue;
                    }
                    let source = |path| {
                        if ft.is_file() {
                            Source::File(path)
                        } else {
                            Source::Special(special_kind(&ft))
                        }
                    };
                    return Some(dir_entry(root, root_text, e.into_path(), source));
                }
                Some(Err(err)) => {
                    let path = err.path().unwrap_or(root).to_path_buf();
                    if let Some(ancestor) = err.loop_ancestor() {
                        self.notes.push(format!(
                            "{}: symbolic link loops back to {}; not followed again",
                            path.display(),
                            ancestor.display()
                        ));
                        continue;
                    }
                    // A directory that cannot be listed hides files, so it gets a
                    // record; a broken link only when it has a name we would read.
                    if !path.is_dir() && !wanted(&self.ext, &path) {
                        continue;
                    }
                    let msg = err.io_error().map_or_else(|| err.to_string(), |e| e.to_string());
                    return Some(dir_entry(root, root_text, path, |_| Source::Failed(msg)));
                }
            }
        }
    }
}

impl Iterator for Walk {
    type Item = Entry;

    fn next(&mut self) -> Option<Entry> {
        loop {
            let entry = self.next_unfiltered()?;
            if self.shard.is_none_or(|s| s.contains(entry.rec.path())) {
                return Some(entry);
            }
        }
    }
}

/// Whether `path` is `report`, the report being written. Names are compared
/// first, so only a file of the same name costs a system call.
fn is_report(report: Option<&Path>, path: &Path) -> bool {
    report.is_some_and(|report| {
        name_bytes(report) == name_bytes(path)
            && std::fs::canonicalize(path).is_ok_and(|p| p == report)
    })
}

fn wanted(ext: &[String], path: &Path) -> bool {
    let found = name_bytes(path).map_or(&[][..], extension_bytes);
    // The wanted extensions are lower case: an ASCII one (nearly every one)
    // is compared without making its lower-case copy.
    if found.is_ascii() {
        return ext.iter().any(|e| e.as_bytes().eq_ignore_ascii_case(found));
    }
    let found = path.extension().map(|e| e.to_string_lossy()).unwrap_or_default();
    ext.contains(&found.to_lowercase())
}

/// The bytes of `path`'s last name, as [`Path::file_name`] finds it, for a
/// path that ends in a plain name (every walked file's) found after its
/// last `/`: taking the path apart into components for its name, twice
/// per entry, cost more than the rest of the walk's own work on it. A path
/// that ends in `/`, `.` or `..`, which std reads its own way, is std's.
fn name_bytes(path: &Path) -> Option<&[u8]> {
    let bytes = path.as_os_str().as_encoded_bytes();
    if cfg!(unix) && !matches!(bytes.last(), None | Some(b'/' | b'.')) {
        return bytes.get(memchr::memrchr(b'/', bytes).map_or(0, |i| i + 1)..);
    }
    path.file_name().map(OsStr::as_encoded_bytes)
}

/// The extension of a file's name, as [`Path::extension`] finds it: after
/// its last `.`, unless that `.` starts the name (`.profile` has none);
/// empty when there is none.
fn extension_bytes(name: &[u8]) -> &[u8] {
    match memchr::memrchr(b'.', name) {
        Some(dot) if dot > 0 => name.get(dot + 1..).unwrap_or_default(),
        _ => &[],
    }
}

/// The next `n` entries, in `into` (emptied first, its room kept).
fn take_chunk(walk: &mut Walk, n: usize, mut into: Vec<Entry>) -> Vec<Entry> {
    into.clear();
    into.extend(walk.by_ref().take(n));
    into
}

#[cfg(unix)]
fn special_kind(ft: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if ft.is_fifo() {
        "a FIFO"
    } else if ft.is_socket() {
        "a socket"
    } else if ft.is_block_device() || ft.is_char_device() {
        "a device"
    } else {
        "not a regular file"
    }
}

#[cfg(not(unix))]
fn special_kind(_: &std::fs::FileType) -> &'static str {
    "not a regular file"
}

/// A path as `/`-separated components, the same on every platform, since
/// shards hash it.
fn slash_path(path: &Path) -> String {
    let parts: Vec<_> = path.components().map(|c| os_text(c.as_os_str())).collect();
    if parts.is_empty() { ".".into() } else { parts.join("/") }
}

/// A name as text, without losing it. A Unix name need not be UTF-8, and
/// `to_string_lossy` turns every byte that is not into U+FFFD, so two files
/// would be reported under one name. Here such a name keeps its UTF-8
/// parts, writes each other byte as `\xNN` and doubles its own backslashes,
/// so no two of them read alike. UTF-8 names, nearly all, are unchanged.
fn os_text(name: &OsStr) -> Cow<'_, str> {
    if let Some(text) = name.to_str() {
        return Cow::Borrowed(text);
    }
    let mut out = String::new();
    for chunk in name.as_encoded_bytes().utf8_chunks() {
        for c in chunk.valid().chars() {
            if c == '\\' {
                out.push('\\');
            }
            out.push(c);
        }
        for byte in chunk.invalid() {
            out.push_str(&format!("\\x{byte:02X}"));
        }
    }
    Cow::Owned(out)
}

/// A file named as an argument: relative to its own directory.
fn file_entry(p: PathBuf) -> Entry {
    let root = p.parent().map_or_else(|| Arc::from(""), |r| Arc::from(os_text(r.as_os_str())));
    let path = p.file_name().map_or_else(|| slash_path(&p), |n| os_text(n).into_owned());
    let rec = DocRecord::new(root, RelPath::Own(path), os_text(p.as_os_str()).into_owned());
    Entry { rec, source: Source::File(Some(p)) }
}

/// The entry of `path`, found walking `root` (whose text is `root_text`);
/// `source` is given the path to read, `None` when the record's `display`
/// is that path.
fn dir_entry(
    root: &Path,
    root_text: &Arc<str>,
    path: PathBuf,
    source: impl FnOnce(Option<PathBuf>) -> Source,
) -> Entry {
    // Most entries take the textual way: a walked path is its root joined
    // with names, so the relative path is the text after the root (taking
    // both paths apart into components was half the walk's cost), and the
    // path's own text is the record's display and relative path at once.
    let path = match path.into_os_string().into_string() {
        Ok(display) => match joined_names(root_text, &display) {
            Some(at) => {
                let rec = DocRecord::new(root_text.clone(), RelPath::Tail(at), display);
                return Entry { rec, source: source(None) };
            }
            None => PathBuf::from(display),
        },
        Err(name) => PathBuf::from(name),
    };
    let relative = slash_path(path.strip_prefix(root).unwrap_or(&path));
    let display = os_text(path.as_os_str()).into_owned();
    let rec = DocRecord::new(root_text.clone(), RelPath::Own(relative), display);
    Entry { rec, source: source(Some(path)) }
}

/// Where the names `path` adds to `root` start, when `path` is `root`
/// joined with names (as a walk makes it) and they are already what
/// [`slash_path`] of the path relative to `root` gives: `/`-separated, no
/// empty or `.` part. `None` for anything else, which takes the component
/// way.
fn joined_names(root: &str, path: &str) -> Option<usize> {
    // Elsewhere `\\` separates too, and components would turn it into `/`.
    if !cfg!(unix) {
        return None;
    }
    let rest = path.strip_prefix(root)?;
    // `Path::join` puts one `/` between, unless the root ends with one.
    let names = if root.ends_with('/') { rest } else { rest.strip_prefix('/')? };
    let clean = !names.is_empty() && names.split('/').all(|n| !n.is_empty() && n != ".");
    clean.then_some(path.len() - names.len())
}

// ---------------------------------------------------------------------------
// One document

type CheckFn<'a> = dyn Fn(&str, &str) -> Checked + Sync + 'a;

/// Everything that can happen to one path ends in its record.
fn process(entry: Entry, max_size: u64, check: &CheckFn<'_>) -> DocRecord {
    let rec = entry.rec;
    let fetched = match entry.source {
        Source::Failed(msg) => return rec.finish(FileStatus::Unreadable, msg),
        Source::Special(kind) => return rec.finish(FileStatus::Skipped, kind.to_string()),
        Source::Stdin => read_limited(io::stdin().lock(), 0, max_size),
        Source::File(path) => {
            return with_buffer(|buf| {
                let path = path.as_deref().unwrap_or(Path::new(&rec.display));
                let fetched = fetch_file(path, max_size, buf);
                settle(rec, fetched, buf, max_size, check)
            });
        }
    };
    settle(rec, fetched, &[], max_size, check)
}

/// The record of a file once it has been read (`buffer` holds what
/// [`Fetched::InBuffer`] counts).
fn settle(
    mut rec: DocRecord,
    fetched: io::Result<Fetched>,
    buffer: &[u8],
    max_size: u64,
    check: &CheckFn<'_>,
) -> DocRecord {
    let bytes = match &fetched {
        Err(e) => return rec.finish(FileStatus::Unreadable, e.to_string()),
        Ok(Fetched::TooLarge(len)) => {
            rec.bytes = *len;
            return rec.finish(
                FileStatus::Skipped,
                format!("larger than --max-size ({len} > {max_size} bytes)"),
            );
        }
        Ok(Fetched::Bytes(bytes)) => bytes.as_slice(),
        Ok(Fetched::InBuffer(n)) => buffer.get(..*n).unwrap_or_default(),
    };
    rec.bytes = bytes.len() as u64;
    check_bytes(rec, bytes, check)
}

impl DocRecord {
    /// A record for one file, before anything is known about it.
    pub(crate) fn new(root: Arc<str>, path: RelPath, display: String) -> DocRecord {
        DocRecord {
            root,
            path,
            display,
            bytes: 0,
            encoding: None,
            encoding_guessed: None,
            status: FileStatus::Valid,
            reason: None,
            diagnostics: Vec::new(),
            tally: Vec::new(),
            omitted: 0,
            rendered: None,
        }
    }

    fn finish(mut self, status: FileStatus, reason: String) -> DocRecord {
        self.status = status;
        self.reason = Some(reason);
        self
    }
}

enum Fetched {
    Bytes(Vec<u8>),
    /// The first bytes of the thread's read buffer (see [`with_buffer`]).
    InBuffer(usize),
    TooLarge(u64),
}

thread_local! {
    /// Each worker's read buffer, kept from file to file: a fresh buffer
    /// per file cost an allocation, and its first touch a cache miss per
    /// line, where a reused one is already in the core's cache. Its bytes
    /// stay initialized, so a file is read into it without zeroing first.
    static READ_BUFFER: Cell<Vec<u8>> = const { Cell::new(Vec::new()) };
}

/// A buffer larger than this (a rare large file) is not kept for the next
/// file: each worker would hold its largest file's size for the whole run.
const KEEP_BUFFER: usize = 1 << 20;

/// Run `f` with this thread's read buffer. Taken out, not borrowed: a
/// panic or a nested call costs a fresh buffer, never a refused borrow.
fn with_buffer<R>(f: impl FnOnce(&mut Vec<u8>) -> R) -> R {
    let mut buf = READ_BUFFER.take();
    let result = f(&mut buf);
    if buf.len() <= KEEP_BUFFER {
        READ_BUFFER.set(buf);
    }
    result
}

/// Read the file at `path` into `buf`, refusing it unread when it is
/// larger than `max_size`.
///
/// A regular file is read with one `read` asking for a byte more than its
/// size: when it gives exactly the size, that is the end of the file, and
/// the `read` that would return 0 to say so (a system call per file, as
/// `read_to_end` makes it) is left out. A file that grew since it was
/// looked at gives that byte and is read on to the end as before; one that
/// gives less is read on until a `read` returns 0. Anything else (a device
/// or FIFO named as an argument) is read as a stream.
fn fetch_file(path: &Path, max_size: u64, buf: &mut Vec<u8>) -> io::Result<Fetched> {
    let f = open_file(path)?;
    // Looked at on the open file, so a size that changes between walking
    // and reading cannot slip past.
    let meta = f.metadata()?;
    let len = meta.len();
    if len > max_size {
        return Ok(Fetched::TooLarge(len));
    }
    if !meta.is_file() {
        return read_limited(f, len, max_size);
    }
    read_stated(f, len, max_size, buf)
}

/// Open the file at `path` for reading, as `File::open` does.
///
/// A walked file is opened by its name in its directory, opened once per
/// worker and kept while the walk stays in it (files come sorted, one
/// directory after the other): opened by its whole path, every file made
/// the kernel look up each directory on the way again, a microsecond and a
/// half per file here (20,000 opens and closes: 113 ms by path, 82 ms by
/// name in the directory's handle). Opening `name` in the open
/// directory `dir` finds what opening `dir/name` finds; the one difference
/// is a directory renamed or replaced after its handle was opened, whose
/// files are then read where the walk found them. Any failure is tried
/// again by the whole path, so errors are the ones it gives. One gain
/// follows: a file whose whole path is longer than the system allows
/// (`PATH_MAX`, 4,096 bytes on Linux) while its directory's is not, which
/// `File::open` could not open, is checked like any other.
#[cfg(unix)]
fn open_file(path: &Path) -> io::Result<File> {
    use rustix::fs::{Mode, OFlags};
    use std::os::fd::OwnedFd;
    use std::os::unix::ffi::OsStrExt;
    thread_local! {
        /// This worker's last directory, its path and its handle.
        static DIR: RefCell<Option<(PathBuf, OwnedFd)>> = const { RefCell::new(None) };
    }
    // Split at the last `/`: `dir` + `/` + `name` is the path again, so
    // opening `name` in `dir` finds the same file. (Path::parent also
    // drops `.` parts and trailing slashes, which changes the meaning.) A
    // file in the working or root directory has nothing to save.
    let bytes = path.as_os_str().as_bytes();
    let split = memchr::memrchr(b'/', bytes)
        .filter(|&at| at > 0)
        .and_then(|at| Some((bytes.get(..at)?, bytes.get(at + 1..)?)));
    let (dir, name) = match split {
        Some((dir, name)) if !name.is_empty() => (OsStr::from_bytes(dir), OsStr::from_bytes(name)),
        _ => return File::open(path),
    };
    let read = OFlags::RDONLY | OFlags::CLOEXEC;
    let opened = DIR.with_borrow_mut(|cached| {
        if cached.as_ref().is_none_or(|(at, _)| at.as_os_str() != dir) {
            // The old handle is closed before the new one is opened.
            *cached = None;
            let fd = rustix::fs::open(dir, read | OFlags::DIRECTORY, Mode::empty()).ok()?;
            *cached = Some((PathBuf::from(dir), fd));
        }
        let (_, fd) = cached.as_ref()?;
        rustix::fs::openat(fd, name, read, Mode::empty()).ok()
    });
    match opened {
        Some(fd) => Ok(File::from(fd)),
        None => File::open(path),
    }
}

#[cfg(not(unix))]
fn open_file(path: &Path) -> io::Result<File> {
    File::open(path)
}

/// Read a regular file `f`, whose size is said to be `len` (no more than
/// `max_size`), into `buf`, whatever `buf` held before (see [`fetch_file`]).
fn read_stated(
    mut f: impl Read,
    len: u64,
    max_size: u64,
    buf: &mut Vec<u8>,
) -> io::Result<Fetched> {
    let want = usize::try_from(len).map_or(usize::MAX, |n| n.saturating_add(1));
    if buf.len() < want {
        buf.resize(want, 0);
    }
    let mut filled = 0;
    while let Some(room) = buf.get_mut(filled..want).filter(|room| !room.is_empty()) {
        match f.read(room) {
            Ok(0) => return Ok(Fetched::InBuffer(filled)),
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
        // Every read asks up to `want`, a byte past the size: reaching the
        // size exactly is a read that stopped short, at the end.
        if filled as u64 == len {
            return Ok(Fetched::InBuffer(filled));
        }
    }
    // It grew: what was read, then the rest, up to the limit.
    let head = buf.get(..filled).unwrap_or_default();
    read_limited(head.chain(f), len, max_size)
}

/// Read at most `max_size` bytes (and one more, to tell it went past).
/// `expected` sizes the buffer, so a file is read without growing it.
fn read_limited(reader: impl io::Read, expected: u64, max_size: u64) -> io::Result<Fetched> {
    let mut buf = Vec::with_capacity(usize::try_from(expected.min(max_size)).unwrap_or(0) + 1);
    reader.take(max_size.saturating_add(1)).read_to_end(&mut buf)?;
    Ok(if buf.len() as u64 > max_size {
        Fetched::TooLarge(buf.len() as u64)
    } else {
        Fetched::Bytes(buf)
    })
}

/// Decode and check, each step behind a catch so a bug that panics on one
/// document costs that document's record, not the run.
fn check_bytes(mut rec: DocRecord, bytes: &[u8], check: &CheckFn<'_>) -> DocRecord {
    // Borrowed: the text is checked straight from the worker's read buffer,
    // not copied into a fresh allocation first (the checker makes its own
    // normalized copy anyway).
    let decoded = match catch_panic(|| beslut::decode_borrowed(bytes)) {
        Err(msg) => return rec.finish(FileStatus::InternalError, msg),
        Ok(Err(not_text)) => return rec.finish(FileStatus::NotText, not_text.to_string()),
        Ok(Ok(decoded)) => decoded,
    };
    rec.encoding = Some(decoded.encoding);
    rec.encoding_guessed = Some(decoded.guessed);
    match catch_panic(|| check(&rec.display, &decoded.text)) {
        Err(msg) => rec.finish(FileStatus::InternalError, msg),
        Ok(checked) => {
            let invalid = checked.tally.iter().any(|t| t.severity == beslut::Severity::Error);
            rec.status = if invalid { FileStatus::Invalid } else { FileStatus::Valid };
            rec.diagnostics = checked.diagnostics;
            rec.tally = checked.tally;
            rec.omitted = checked.omitted;
            rec.rendered = checked.rendered;
            rec
        }
    }
}

thread_local! {
    static CATCHING: Cell<bool> = const { Cell::new(false) };
    static PANIC_MESSAGE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Panics inside [`catch_panic`] are recorded (message and place) for the
/// document's record instead of printed over the report; any other panic
/// still goes to the default hook.
fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if CATCHING.get() {
                let place = info
                    .location()
                    .map(|l| format!(" at {}:{}:{}", l.file(), l.line(), l.column()))
                    .unwrap_or_default();
                let message = format!("panicked{place}: {}", payload_message(info.payload()));
                PANIC_MESSAGE.set(Some(message));
            } else {
                previous(info);
            }
        }));
    });
}

fn payload_message(payload: &(dyn std::any::Any + Send)) -> &str {
    if let Some(s) = payload.downcast_ref::<&str>() {
        s
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s
    } else {
        "(no message)"
    }
}

fn catch_panic<R>(f: impl FnOnce() -> R) -> Result<R, String> {
    let was = CATCHING.replace(true);
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    CATCHING.set(was);
    result.map_err(|payload| {
        PANIC_MESSAGE
            .take()
            .unwrap_or_else(|| format!("panicked: {}", payload_message(payload.as_ref())))
    })
}

// ---------------------------------------------------------------------------
// Shards, sizes, progress, time

/// `--shard I/N`: shard `index` (0-based inside, 1-based on the command line) of `count`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shard {
    index: u64,
    count: u64,
}

impl Shard {
    /// Whether a file's relative path falls in this shard. The hash is
    /// written here, not taken from std, whose hashers may change between
    /// Rust versions: a shard must mean the same files on every machine.
    fn contains(&self, relative_path: &str) -> bool {
        fnv1a(relative_path.as_bytes()) % self.count == self.index
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index + 1, self.count)
    }
}

/// 64-bit FNV-1a.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

pub fn parse_shard(s: &str) -> Result<Shard, String> {
    let bad = || format!("{s:?} is not I/N with 1 <= I <= N (e.g. 3/8)");
    let (i, n) = s.split_once('/').ok_or_else(bad)?;
    let (i, n): (u64, u64) =
        (i.trim().parse().map_err(|_| bad())?, n.trim().parse().map_err(|_| bad())?);
    if i == 0 || i > n {
        return Err(bad());
    }
    Ok(Shard { index: i - 1, count: n })
}

/// A size in bytes: a whole number with an optional unit, decimal (`KB`,
/// `MB`, `GB`, also `K`, `M`, `G`) or binary (`KiB`, `MiB`, `GiB`).
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let num: u64 = num.parse().map_err(|_| format!("{s:?} is not a size (e.g. 500KB, 10MB)"))?;
    let factor: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" => 1_000,
        "m" | "mb" => 1_000_000,
        "g" | "gb" => 1_000_000_000,
        "kib" => 1 << 10,
        "mib" => 1 << 20,
        "gib" => 1 << 30,
        other => return Err(format!("unknown size unit {other:?} (B, KB, MB, GB, KiB, MiB, GiB)")),
    };
    num.checked_mul(factor).ok_or_else(|| format!("{s:?} is too large"))
}

fn progress_bar(
    quiet: bool,
    inputs: &[Input],
    ext: &[String],
    shard: Option<Shard>,
) -> ProgressBar {
    if quiet || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let style = |t: &str| {
        ProgressStyle::with_template(t).unwrap_or_else(|_| ProgressStyle::default_bar()).with_key(
            "rate",
            |s: &ProgressState, w: &mut dyn fmt::Write| {
                let _ = write!(w, "{:.0} files/s", s.per_sec());
            },
        )
    };
    let pb = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    pb.set_style(style("{spinner} {human_pos} files  {rate}  {msg}"));
    // Counting walks the tree a second time, in the background, so the bar
    // gets a length and an ETA without holding back the first records.
    let counter = pb.clone();
    let walk = Walk::new(inputs.to_vec(), ext.to_vec(), shard);
    std::thread::spawn(move || {
        let total = walk.count() as u64;
        counter.set_length(total);
        counter
            .set_style(style("{bar:30} {human_pos}/{human_len} files  {rate}  ETA {eta}  {msg}"));
    });
    pb
}

/// `2026-11-28T08:27:55Z`, without a date library.
fn rfc3339(t: SystemTime) -> String {
    let secs = t.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (y, m, d) = civil_from_days((secs / 86_400) as i64);
    let s = secs % 86_400;
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", s / 3600, s % 3600 / 60, s % 60)
}

/// Howard Hinnant's days-since-1970 to proleptic Gregorian date.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(path: &str) -> DocRecord {
        DocRecord::new("".into(), RelPath::Own(path.into()), path.into())
    }

    #[test]
    fn a_panic_while_checking_becomes_an_internal_error_record() {
        install_panic_hook();
        let boom = |_: &str, _: &str| -> Checked { panic!("boom in {}", 42) };
        let rec = check_bytes(entry("a.txt"), b"Beslut\n", &boom);
        assert_eq!(rec.status, FileStatus::InternalError);
        let reason = rec.reason.unwrap();
        assert!(reason.contains("boom in 42") && reason.contains("batch.rs"), "{reason}");
        assert_eq!(rec.encoding, Some(beslut::Encoding::Utf8));
        // The next document is checked as usual.
        let fine = |_: &str, _: &str| Checked {
            diagnostics: Vec::new(),
            tally: Vec::new(),
            omitted: 0,
            rendered: None,
        };
        assert_eq!(check_bytes(entry("b.txt"), b"x", &fine).status, FileStatus::Valid);
    }

    /// A check that finds nothing and notes each text it is given in `seen`.
    fn recording(seen: &std::sync::Mutex<Vec<String>>) -> impl Fn(&str, &str) -> Checked + Sync {
        move |_: &str, text: &str| {
            seen.lock().unwrap().push(text.to_string());
            Checked { diagnostics: Vec::new(), tally: Vec::new(), omitted: 0, rendered: None }
        }
    }

    /// The `.txt` files the walk finds under `root`, in its order.
    fn walked_txt(root: &Path) -> std::vec::IntoIter<Entry> {
        let walk = Walk::new(vec![Input::Dir(root.into())], vec!["txt".into()], None);
        walk.collect::<Vec<Entry>>().into_iter()
    }

    /// The text each check was given, in order.
    fn texts_checked(entries: Vec<Entry>, max_size: u64) -> (Vec<DocRecord>, Vec<String>) {
        let seen = std::sync::Mutex::new(Vec::new());
        let check = recording(&seen);
        let recs = entries.into_iter().map(|e| process(e, max_size, &check)).collect();
        (recs, seen.lock().unwrap().clone())
    }

    #[test]
    fn the_read_buffer_is_reused_across_files_of_any_size_and_failures() {
        let root = tempfile::tempdir().unwrap();
        let big = "Beslut om bygglov. ".repeat(800);
        let files = [("big.txt", big.as_str()), ("small.txt", "kort"), ("empty.txt", "")];
        for (name, text) in files {
            std::fs::write(root.path().join(name), text).unwrap();
        }
        // A directory opens but does not read: an unreadable file between good ones.
        std::fs::create_dir(root.path().join("dir.txt")).unwrap();
        let entry = |name: &str| file_entry(root.path().join(name));
        let order = ["big.txt", "dir.txt", "small.txt", "big.txt", "empty.txt", "small.txt"];
        let (recs, texts) = texts_checked(order.iter().map(|n| entry(n)).collect(), 1 << 20);
        let statuses: Vec<FileStatus> = recs.iter().map(|r| r.status).collect();
        use FileStatus::{Unreadable, Valid};
        assert_eq!(statuses, [Valid, Unreadable, Valid, Valid, Valid, Valid]);
        assert!(recs[1].reason.as_deref().unwrap().contains("directory"), "{:?}", recs[1].reason);
        // No byte of a larger file read before is left in a smaller one's text.
        assert_eq!(texts, [big.as_str(), "kort", big.as_str(), "", "kort"]);
        let sizes: Vec<u64> = recs.iter().map(|r| r.bytes).collect();
        assert_eq!(sizes, [big.len() as u64, 0, 4, big.len() as u64, 0, 4]);
        // Over the limit: skipped unread, with its size.
        let (recs, texts) = texts_checked(vec![entry("big.txt"), entry("small.txt")], 100);
        assert_eq!((recs[0].status, recs[0].bytes), (FileStatus::Skipped, big.len() as u64));
        assert_eq!(texts, ["kort"]);
    }

    /// Files are opened by name in their directory's handle, kept from
    /// file to file: files of directories taken in turns, at paths of every
    /// shape, read as themselves, and a path that fails fails as opening it
    /// whole does.
    #[test]
    fn files_opened_in_their_directory_are_the_files_at_their_paths() {
        let root = tempfile::tempdir().unwrap();
        let base = root.path();
        for dir in ["a", "b", "a/c"] {
            std::fs::create_dir_all(base.join(dir)).unwrap();
            std::fs::write(base.join(dir).join("x.txt"), format!("Beslut {dir}")).unwrap();
        }
        let at = |p: &str| PathBuf::from(format!("{}/{p}", base.display()));
        let shapes = ["a/x.txt", "b/x.txt", "a/x.txt", "a//x.txt", "a/./c/x.txt", "a/c/../x.txt"];
        let want = ["Beslut a", "Beslut b", "Beslut a", "Beslut a", "Beslut a/c", "Beslut a"];
        let paths: Vec<PathBuf> = shapes.iter().map(|p| at(p)).collect();
        let (recs, texts) = texts_checked(paths.into_iter().map(file_entry).collect(), 100);
        assert!(recs.iter().all(|r| r.status == FileStatus::Valid));
        assert_eq!(texts, want);
        // Not there, not a directory on the way, a directory itself, the
        // root's own files: the error or the file that opening it whole gives.
        for p in ["a/none.txt", "a/x.txt/y.txt", "a/c", "none/x.txt", "/", "/proc/self/cmdline"] {
            let path = if p.starts_with('/') { PathBuf::from(p) } else { at(p) };
            let by_name = open_file(&path).and_then(|mut f| {
                let mut text = Vec::new();
                f.read_to_end(&mut text).map(|_| text)
            });
            match (by_name, std::fs::read(&path)) {
                (Ok(a), Ok(b)) => assert_eq!(a, b, "{p}"),
                (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{p}"),
                (a, b) => panic!("{p}: {a:?} but whole {b:?}"),
            }
        }
    }

    /// What the walk found may be gone when the pool opens it: a deleted
    /// file, a directory renamed or removed. Each still gets its record,
    /// and the next files are read as usual.
    #[test]
    fn files_gone_between_the_walk_and_the_read_still_get_records() {
        let root = tempfile::tempdir().unwrap();
        for dir in ["d", "e"] {
            std::fs::create_dir(root.path().join(dir)).unwrap();
            for name in ["1.txt", "2.txt", "3.txt"] {
                std::fs::write(root.path().join(dir).join(name), format!("{dir} {name}")).unwrap();
            }
        }
        let mut entries = walked_txt(root.path());
        assert_eq!(entries.len(), 6);
        let (d, e) = (root.path().join("d"), root.path().join("e"));
        let seen = std::sync::Mutex::new(Vec::new());
        let check = recording(&seen);
        let mut next = || process(entries.next().unwrap(), 1 << 20, &check);
        // d/1.txt is read, so d's handle is open; then d/2.txt is deleted
        // and d renamed: d/2.txt is unreadable, with the error of opening
        // its whole path, and d/3.txt is read where d went.
        assert_eq!(next().status, FileStatus::Valid);
        std::fs::remove_file(d.join("2.txt")).unwrap();
        std::fs::rename(&d, root.path().join("renamed")).unwrap();
        let gone = next();
        assert_eq!(gone.status, FileStatus::Unreadable);
        let whole = File::open(d.join("2.txt")).unwrap_err().to_string();
        assert_eq!(gone.reason.as_deref(), Some(whole.as_str()));
        assert_eq!(next().status, FileStatus::Valid);
        // e is removed before any of its files is opened.
        std::fs::remove_dir_all(&e).unwrap();
        for name in ["1.txt", "2.txt", "3.txt"] {
            let rec = next();
            assert_eq!(
                (rec.status, rec.path()),
                (FileStatus::Unreadable, format!("e/{name}").as_str())
            );
        }
        assert_eq!(seen.lock().unwrap().clone(), ["d 1.txt", "d 3.txt"]);
    }

    /// A directory renamed and made again after a worker opened its handle:
    /// the handle reads the old directory, where the walk's second file is
    /// gone, and the fallback to the whole path reads the new one. Without
    /// the fallback the file would be reported unreadable.
    #[test]
    fn a_directory_replaced_after_its_handle_is_read_at_its_path() {
        let root = tempfile::tempdir().unwrap();
        let d = root.path().join("d");
        std::fs::create_dir(&d).unwrap();
        for name in ["1.txt", "2.txt"] {
            std::fs::write(d.join(name), format!("old {name}")).unwrap();
        }
        let mut entries = walked_txt(root.path());
        let seen = std::sync::Mutex::new(Vec::new());
        let check = recording(&seen);
        let mut next = || process(entries.next().unwrap(), 1 << 20, &check);
        assert_eq!(next().status, FileStatus::Valid);
        std::fs::remove_file(d.join("2.txt")).unwrap();
        std::fs::rename(&d, root.path().join("old")).unwrap();
        std::fs::create_dir(&d).unwrap();
        std::fs::write(d.join("2.txt"), "new 2.txt").unwrap();
        assert_eq!(next().status, FileStatus::Valid);
        assert_eq!(seen.lock().unwrap().clone(), ["old 1.txt", "new 2.txt"]);
    }

    /// A file that reads longer than its size says (as one that grew since
    /// it was looked at does) is read to its end, or up to the limit.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_file_longer_than_its_stated_size_is_read_to_the_end() {
        // /proc files say they are empty and are not.
        let path = Path::new("/proc/self/cmdline");
        let whole = std::fs::read(path).unwrap();
        assert!(std::fs::metadata(path).unwrap().len() < whole.len() as u64);
        let mut buf = Vec::new();
        match fetch_file(path, 1 << 20, &mut buf).unwrap() {
            Fetched::Bytes(bytes) => assert_eq!(bytes, whole),
            _ => panic!("expected the bytes read on"),
        }
        let limit = whole.len() as u64 - 2;
        match fetch_file(path, limit, &mut buf).unwrap() {
            Fetched::TooLarge(n) => assert_eq!(n, limit + 1),
            _ => panic!("expected too large"),
        }
    }

    /// A reader of `bytes` that gives at most `step` of them per `read`.
    struct Trickle<'a> {
        bytes: &'a [u8],
        step: usize,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            let n = self.bytes.len().min(out.len()).min(self.step);
            out[..n].copy_from_slice(&self.bytes[..n]);
            self.bytes = &self.bytes[n..];
            Ok(n)
        }
    }

    /// The bytes a fetch gave, or the size it refused.
    fn fetched_bytes(fetched: Fetched, buf: &[u8]) -> Result<Vec<u8>, u64> {
        match fetched {
            Fetched::Bytes(bytes) => Ok(bytes),
            Fetched::InBuffer(n) => Ok(buf[..n].to_vec()),
            Fetched::TooLarge(n) => Err(n),
        }
    }

    /// A file's text is what reading it gives, not what its size says: a
    /// file that grew is read on (not cut at its stated size), and one
    /// that is shorter (sysfs files say 4096) gets none of the bytes the
    /// reused buffer held from the file before.
    #[test]
    fn a_file_is_what_it_reads_whatever_size_it_states() {
        let text: Vec<u8> = (0..=255u8).cycle().take(300).collect();
        let max = 1000;
        // (stated size, bytes the reader has)
        let cases = [(100, 100), (100, 150), (100, 60), (100, 0), (0, 50), (0, 0), (299, 300)];
        for step in [1, 7, 4096] {
            for (stated, actual) in cases {
                // A regular file's read that stops at its size is taken
                // for its end; one that grew shows it in one read.
                if actual > stated && step < actual {
                    continue;
                }
                let mut buf = vec![b'#'; 4096];
                let reader = Trickle { bytes: &text[..actual], step };
                let fetched = read_stated(reader, stated as u64, max, &mut buf).unwrap();
                let got = fetched_bytes(fetched, &buf);
                assert_eq!(got, Ok(text[..actual].to_vec()), "{stated} {actual} {step}");
            }
            // Past the limit, however it got there: refused with the limit and one.
            for (stated, actual) in [(100, 1200), (0, 1200), (1000, 1001), (1000, 1200)] {
                if step < actual {
                    continue;
                }
                let mut buf = vec![b'#'; 4096];
                let reader = Trickle { bytes: &text.repeat(4)[..actual], step };
                let fetched = read_stated(reader, stated as u64, max, &mut buf).unwrap();
                assert_eq!(fetched_bytes(fetched, &buf), Err(max + 1), "{stated} {actual}");
            }
        }
        let mut buf = vec![b'#'; 4096];
        let fetched = read_stated(Trickle { bytes: &text, step: 7 }, 10, 100, &mut buf).unwrap();
        assert_eq!(fetched_bytes(fetched, &buf), Err(101));
    }

    /// A sysfs file says it holds 4096 bytes and reads a few: read after a
    /// larger file by the same worker, it must not carry that file's bytes.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_short_sysfs_file_after_a_larger_one_reads_as_itself() {
        let sysfs = Path::new("/sys/devices/system/cpu/online");
        let Ok(whole) = std::fs::read_to_string(sysfs) else {
            eprintln!("skipped: no {}", sysfs.display());
            return;
        };
        let root = tempfile::tempdir().unwrap();
        let big = root.path().join("big.txt");
        let big_text = "Beslut om bygglov.\n".repeat(10_000 / 19 + 1);
        std::fs::write(&big, &big_text).unwrap();
        let entries = vec![file_entry(big), file_entry(sysfs.into())];
        let (recs, texts) = texts_checked(entries, 1 << 20);
        assert_eq!(recs[1].status, FileStatus::Valid, "{:?}", recs[1].reason);
        assert_eq!(texts, [big_text, whole]);
    }

    /// Each worker keeps its buffer for the next file, but not a large
    /// file's: it would hold that much for the rest of the run.
    #[test]
    fn a_worker_keeps_no_buffer_larger_than_keep_buffer() {
        let root = tempfile::tempdir().unwrap();
        let (small, big) = (root.path().join("small.txt"), root.path().join("big.txt"));
        std::fs::write(&small, "Beslut\n".repeat(100)).unwrap();
        std::fs::write(&big, "Beslut\n".repeat((2 << 20) / 7 + 1)).unwrap();
        let (recs, _) = texts_checked(vec![file_entry(small)], 4 << 20);
        assert_eq!(recs[0].bytes, 700);
        let kept = with_buffer(|buf| buf.capacity());
        assert!(kept >= 700, "the small file's buffer is kept: {kept}");
        let (recs, _) = texts_checked(vec![file_entry(big)], 4 << 20);
        assert!(recs[0].bytes >= 2 << 20 && recs[0].status == FileStatus::Valid);
        let kept = with_buffer(|buf| buf.capacity());
        assert!(kept <= KEEP_BUFFER, "a 2 MiB file's buffer was kept: {kept}");
    }

    #[test]
    fn lines_agree_with_the_line_index_in_any_order() {
        let text = "ab\ncö\n\nå\nxyz";
        let index = beslut::LineIndex::new(text);
        let mut offsets: Vec<usize> = (0..=text.len() + 2).collect();
        // In order, then out of order (which starts counting again).
        offsets.extend([9, 2, 2, 14, 0, 5]);
        let mut lines = Lines::new(text);
        for offset in offsets {
            let at = index.line_col(text, offset);
            assert_eq!(lines.line_col(offset), (at.line, at.column), "{offset}");
        }
    }

    #[test]
    fn the_cap_keeps_the_first_of_each_rule() {
        use beslut::{Diagnostic, Rule, Severity, Span};
        let d = |rule, at| Diagnostic::new(rule, Severity::Error, "", Span::empty(at));
        let all = vec![
            d(Rule::MissingSection, 0),
            d(Rule::EmptySection, 1),
            d(Rule::MissingSection, 2),
            d(Rule::MissingSection, 3),
            d(Rule::EmptySection, 4),
        ];
        let mut capped = all.clone();
        assert_eq!(cap_repeats(&mut capped, 1), 3);
        assert_eq!(capped, [all[0].clone(), all[1].clone()]);
        let mut capped = all.clone();
        assert_eq!(cap_repeats(&mut capped, 2), 1);
        assert_eq!(capped.iter().map(|d| d.span.start).collect::<Vec<_>>(), [0, 1, 2, 4]);
        let mut capped = all.clone();
        assert_eq!(cap_repeats(&mut capped, 0), 0);
        assert_eq!(capped, all);
    }

    #[test]
    fn the_walk_sorts_each_folder_by_name() {
        let root = tempfile::tempdir().unwrap();
        for dir in ["", "b", "a", "a.d", "ab", "a/x"] {
            std::fs::create_dir_all(root.path().join(dir)).unwrap();
            for name in ["b.txt", "a.txt", "c", "A.txt", "ä.txt", "10.txt", "9.txt", "a.txt.txt"] {
                std::fs::write(root.path().join(dir).join(name), "x").unwrap();
            }
        }
        let by_name: Vec<PathBuf> = walkdir::WalkDir::new(root.path())
            .sort_by_file_name()
            .into_iter()
            .map(|e| e.unwrap().into_path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        let walk = Walk::new(vec![Input::Dir(root.path().into())], vec!["txt".into()], None);
        let walked: Vec<PathBuf> = walk.map(|e| PathBuf::from(e.rec.display)).collect();
        assert_eq!(walked.len(), 6 * 7);
        assert_eq!(walked, by_name);
    }

    #[test]
    fn chunks_refilled_in_place_follow_the_walk() {
        let root = tempfile::tempdir().unwrap();
        for name in ["e", "a", "d", "b", "c"] {
            std::fs::write(root.path().join(format!("{name}.txt")), "x").unwrap();
        }
        let walk = || Walk::new(vec![Input::Dir(root.path().into())], vec!["txt".into()], None);
        let whole: Vec<String> = walk().map(|e| e.rec.path().to_string()).collect();
        let mut w = walk();
        let (mut chunks, mut spare) = (Vec::new(), Vec::new());
        loop {
            let chunk = take_chunk(&mut w, 2, spare);
            if chunk.is_empty() {
                break;
            }
            chunks.push(chunk.iter().map(|e| e.rec.path().to_string()).collect::<Vec<_>>());
            spare = chunk;
        }
        assert_eq!(chunks, [vec!["a.txt", "b.txt"], vec!["c.txt", "d.txt"], vec!["e.txt"]]);
        assert_eq!(chunks.concat(), whole);
    }

    /// Names and extensions found from the back of the bytes are std's,
    /// for paths of any shape.
    #[test]
    fn names_and_extensions_are_what_std_finds() {
        let parts = ["a", ".", "..", "/", "b.txt", ".txt", "x.", "ä.TXT", "a.b.c", "", "//"];
        let mut paths = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> =
                paths.iter().flat_map(|p| parts.iter().map(move |q| format!("{p}{q}"))).collect();
            paths.extend(longer);
        }
        for p in &paths {
            let path = Path::new(p);
            let name = path.file_name().map(OsStr::as_encoded_bytes);
            assert_eq!(name_bytes(path), name, "{p:?}");
            let ext = path.extension().map_or(&[][..], OsStr::as_encoded_bytes);
            assert_eq!(name_bytes(path).map_or(&[][..], extension_bytes), ext, "{p:?}");
        }
        let ext = ["txt".to_string()];
        for (p, want) in
            [("a/b.txt", true), ("a/b.TXT", true), ("a/.txt", false), ("a/b.tx", false)]
        {
            assert_eq!(wanted(&ext, Path::new(p)), want, "{p}");
        }
        assert!(wanted(&["är".to_string()], Path::new("d/x.ÄR")));
        assert!(wanted(&[String::new()], Path::new("d/noext")));
    }

    #[test]
    fn fnv1a_matches_the_published_test_vectors() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn shards_partition_paths() {
        let shards: Vec<Shard> = (1..=3).map(|i| parse_shard(&format!("{i}/3")).unwrap()).collect();
        for p in ["a.txt", "x/b.txt", "x/y/c.txt", "d.txt", "e"] {
            assert_eq!(shards.iter().filter(|s| s.contains(p)).count(), 1, "{p}");
        }
        assert_eq!(shards[2].to_string(), "3/3");
    }

    #[test]
    fn shard_syntax() {
        assert!(parse_shard("1/1").is_ok());
        for bad in ["0/2", "3/2", "1", "a/b", "1/0", "-1/2"] {
            assert!(parse_shard(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("10MB"), Ok(10_000_000));
        assert_eq!(parse_size("512"), Ok(512));
        assert_eq!(parse_size("1MiB"), Ok(1 << 20));
        assert_eq!(parse_size("2 kb"), Ok(2000));
        assert!(parse_size("MB").is_err());
        assert!(parse_size("10XB").is_err());
        assert!(parse_size("99999999999999GB").is_err());
    }

    #[test]
    fn dates() {
        assert_eq!(rfc3339(UNIX_EPOCH), "1970-01-01T00:00:00Z");
        let t = UNIX_EPOCH + std::time::Duration::from_secs(1_700_000_000);
        assert_eq!(rfc3339(t), "2023-11-14T22:13:20Z");
        let leap = UNIX_EPOCH + std::time::Duration::from_secs(951_782_400);
        assert_eq!(rfc3339(leap), "2000-02-29T00:00:00Z");
    }

    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8_keep_every_byte() {
        use std::os::unix::ffi::OsStrExt;
        let text = |bytes: &[u8]| os_text(OsStr::from_bytes(bytes)).into_owned();
        assert_eq!(text(b"plain \\ name.txt"), "plain \\ name.txt");
        assert_eq!(text(b"odd\xff.txt"), "odd\\xFF.txt");
        assert_eq!(text(b"odd\xfe.txt"), "odd\\xFE.txt");
        // A cut-off å (C3 without its second byte) and a backslash beside it.
        assert_eq!(text(b"\xc3\\x.txt"), "\\xC3\\\\x.txt");
        assert_eq!(text(b"\xc3\xa5\xff"), "å\\xFF");
        // The escape is injective among such names: each is read back.
        for name in [&b"a\xff"[..], b"a\\xFF\xff", b"\xff\xfe", b"\\\xff", b"x\xc3\xa5\xc3"] {
            assert_eq!(unescape(&text(name)), name, "{}", text(name));
        }
        assert_eq!(slash_path(Path::new(OsStr::from_bytes(b"d\xe5/f.txt"))), "d\\xE5/f.txt");
        // Such a walked file is shown escaped and read at its own path.
        let odd = PathBuf::from(OsStr::from_bytes(b"d/odd\xff.txt"));
        let e = dir_entry(Path::new("d"), &Arc::from("d"), odd.clone(), Source::File);
        assert_eq!((e.rec.path(), e.rec.display.as_str()), ("odd\\xFF.txt", "d/odd\\xFF.txt"));
        assert!(matches!(e.source, Source::File(Some(at)) if at == odd));
    }

    /// The inverse of [`os_text`] for names that are not UTF-8.
    #[cfg(unix)]
    fn unescape(text: &str) -> Vec<u8> {
        let mut out = Vec::new();
        let mut rest = text.as_bytes();
        while let Some((&b, tail)) = rest.split_first() {
            rest = match (b, tail) {
                (b'\\', [b'\\', more @ ..]) => {
                    out.push(b'\\');
                    more
                }
                (b'\\', [b'x', hi, lo, more @ ..]) => {
                    let hex = std::str::from_utf8(&[*hi, *lo]).unwrap().to_string();
                    out.push(u8::from_str_radix(&hex, 16).unwrap());
                    more
                }
                _ => {
                    out.push(b);
                    tail
                }
            };
        }
        out
    }

    #[test]
    fn relative_paths_use_slashes() {
        assert_eq!(slash_path(Path::new("a/b/c.txt")), "a/b/c.txt");
        assert_eq!(slash_path(Path::new("")), ".");
        // The textual way agrees with the component way wherever it is taken.
        for (root, path) in [
            ("a", "a/b/c.txt"),
            ("a/", "a/b.txt"),
            ("/", "/b.txt"),
            (".", "./b.txt"),
            ("./a/.", "./a/./b/c.txt"),
            ("a/..", "a/../b.txt"),
            ("a//", "a//b.txt"),
            ("a", "a//b.txt"),
            ("a", "a/./b.txt"),
            ("a", "a/b/"),
            ("a", "a"),
        ] {
            let by_parts = slash_path(Path::new(path).strip_prefix(root).unwrap());
            let e = dir_entry(Path::new(root), &Arc::from(root), path.into(), Source::File);
            assert_eq!(
                (&*e.rec.root, e.rec.path(), e.rec.display.as_str()),
                (root, by_parts.as_str(), path)
            );
            // The file is read at its path, whichever way its record was made.
            let read_at = match e.source {
                Source::File(at) => at.unwrap_or_else(|| e.rec.display.clone().into()),
                other => panic!("{other:?}"),
            };
            assert_eq!(read_at, Path::new(path));
        }
        assert_eq!(joined_names("a", "ab/c.txt"), None);
        assert_eq!(joined_names("a", "a/b/c.txt"), Some(2));
        assert_eq!(joined_names("a/", "a/b/c.txt"), Some(2));
        let e = file_entry(PathBuf::from("dir/x.txt"));
        assert_eq!((&*e.rec.root, e.rec.path()), ("dir", "x.txt"));
    }
}
