//! `beslut restore FILE|-`: the text with its diacritics restored, or the
//! list of changes. Lines, spacing and punctuation are kept; the text is the
//! normalized one (a BOM dropped, `\r\n` as `\n`, NFC), which is what spans,
//! lines and columns refer to.

use super::{RestoreArgs, RestoreFormat, exit};
use beslut::{Lexicon, LineIndex, Restoration};
use serde::Serialize;

/// One change as reported: where (1-based line and column in characters), what, why.
#[derive(Serialize)]
struct Reported<'a> {
    line: usize,
    column: usize,
    start: usize,
    end: usize,
    old: &'a str,
    new: &'a str,
    route: beslut::Route,
    confidence: f32,
}

#[derive(Serialize)]
struct Report<'a> {
    lexicon: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    changes: Vec<Reported<'a>>,
}

pub fn run(args: &RestoreArgs) -> u8 {
    let with_words;
    let lexicon: &Lexicon = match &args.lexicon {
        None => Lexicon::builtin(),
        Some(path) => match std::fs::read(path).map(String::from_utf8) {
            Ok(Ok(list)) => {
                with_words = Lexicon::builtin().with_words(&list);
                &with_words
            }
            Ok(Err(e)) => {
                eprintln!(
                    "beslut: word list {} is not UTF-8 (first bad byte at offset {})",
                    path.display(),
                    e.utf8_error().valid_up_to()
                );
                return exit::USAGE;
            }
            Err(e) => {
                eprintln!("beslut: cannot read word list {}: {e}", path.display());
                return exit::USAGE;
            }
        },
    };
    // The same decoding as `parse` and `check`. It never replaces a byte:
    // windows-1252 gives every byte its character, and what is not text is
    // refused, so restoring still alters nothing but letters.
    let text = match super::read_document(&args.file) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let normalized = beslut::normalize(&text);
    let restored = beslut::restore_with(&normalized.text, lexicon);
    let out = render(args, lexicon, &normalized.text, &normalized.lines, &restored);
    super::write_stdout(&out)
}

fn render(
    args: &RestoreArgs,
    lexicon: &Lexicon,
    source: &str,
    lines: &LineIndex,
    restored: &Restoration,
) -> String {
    let reported = || {
        restored
            .changes
            .iter()
            .map(|c| {
                let lc = lines.line_col(source, c.span.start);
                Reported {
                    line: lc.line,
                    column: lc.column,
                    start: c.span.start,
                    end: c.span.end,
                    old: &c.old,
                    new: &c.new,
                    route: c.route,
                    confidence: c.confidence,
                }
            })
            .collect::<Vec<_>>()
    };
    match (args.format, args.changes) {
        (RestoreFormat::Text, false) => restored.text.clone(),
        (RestoreFormat::Text, true) => {
            let mut out = String::new();
            for c in reported() {
                let route = serde_json::to_value(c.route)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default();
                out.push_str(&format!(
                    "{}:{}\t{}\t{}\t{}\t{:.2}\n",
                    c.line, c.column, c.old, c.new, route, c.confidence
                ));
            }
            out
        }
        (RestoreFormat::Json, changes_only) => {
            let report = Report {
                lexicon: lexicon.version(),
                text: (!changes_only).then_some(restored.text.as_str()),
                changes: reported(),
            };
            serde_json::to_string_pretty(&report).unwrap_or_default() + "\n"
        }
    }
}
