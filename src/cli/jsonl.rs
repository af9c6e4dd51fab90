//! The `document` record of `beslut check --format jsonl`, written by hand.
//!
//! An archive's report is one such record per file, so writing them is the
//! main thread's whole job while the workers check; through serde (a
//! flattened struct per diagnostic, a table lookup per byte of every string)
//! it cost nearly as much as decoding the documents. The bytes are exactly
//! serde_json's: same field order, same omitted fields, same escapes. The
//! tests below hold the two side by side, and every struct written here is
//! taken apart field by field, so a field added to one of them does not
//! compile until it is written here too.

use super::report::{DocRecord, Located};
use beslut::{Data, Diagnostic, Encoding, Related, Span};

/// Append `rec` as one JSON object (without the line end) to `out`.
pub fn document(out: &mut Vec<u8>, rec: &DocRecord) {
    // Every field is named, the ones not written too: a field added to the
    // record does not compile until it is placed here.
    let DocRecord {
        root,
        path: _, // read as `rec.path()`
        display: _,
        bytes,
        encoding,
        encoding_guessed,
        status,
        reason,
        diagnostics,
        tally: _,
        omitted,
        rendered: _,
    } = rec;
    out.extend_from_slice(br#"{"record":"document","root":"#);
    string(out, root);
    out.extend_from_slice(br#","path":"#);
    string(out, rec.path());
    out.extend_from_slice(br#","bytes":"#);
    number(out, *bytes);
    out.extend_from_slice(br#","encoding":"#);
    match *encoding {
        Some(e) => plain(out, Encoding::label(e)),
        None => null(out),
    }
    out.extend_from_slice(br#","encoding_guessed":"#);
    match *encoding_guessed {
        Some(g) => out.extend_from_slice(if g { b"true" } else { b"false" }),
        None => null(out),
    }
    out.extend_from_slice(br#","status":"#);
    plain(out, status.as_str());
    out.extend_from_slice(br#","reason":"#);
    match reason {
        Some(r) => string(out, r),
        None => null(out),
    }
    out.extend_from_slice(br#","diagnostics":["#);
    for (i, d) in diagnostics.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        located(out, d);
    }
    out.extend_from_slice(br#"],"diagnostics_omitted":"#);
    number(out, *omitted as u64);
    out.push(b'}');
}

/// A [`Located`]: the diagnostic's fields (serde's `flatten`), then line and column.
fn located(out: &mut Vec<u8>, l: &Located) {
    let Located { diagnostic, line, column } = l;
    let Diagnostic { code, severity, message, span: at, label, help, related, data } = diagnostic;
    out.extend_from_slice(br#"{"code":"#);
    plain(out, code.code());
    out.extend_from_slice(br#","severity":"#);
    plain(out, severity.as_str());
    out.extend_from_slice(br#","message":"#);
    string(out, message);
    out.extend_from_slice(br#","span":"#);
    span(out, at);
    if let Some(label) = label {
        out.extend_from_slice(br#","label":"#);
        string(out, label);
    }
    if let Some(help) = help {
        out.extend_from_slice(br#","help":"#);
        string(out, help);
    }
    if !related.is_empty() {
        out.extend_from_slice(br#","related":["#);
        for (i, Related { span: at, label }) in related.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(br#"{"span":"#);
            span(out, at);
            out.extend_from_slice(br#","label":"#);
            string(out, label);
            out.push(b'}');
        }
        out.push(b']');
    }
    if !data.is_empty() {
        out.extend_from_slice(br#","data":"#);
        write_data(out, data);
    }
    numbers_and_close(out, (br#","line":"#, *line), (br#","column":"#, *column));
}

fn span(out: &mut Vec<u8>, s: &Span) {
    let Span { start, end } = s;
    numbers_and_close(out, (br#"{"start":"#, *start), (br#","end":"#, *end));
}

/// Each number after its text (`,"key":`), then the `}` closing the object.
///
/// The texts' lengths are constants, so each is copied with a few moves
/// rather than a `memcpy` call, and one reservation covers the longest
/// numbers, so no push has to grow the buffer: this runs twice per
/// diagnostic, on the thread that every record waits for.
#[inline]
fn numbers_and_close<const A: usize, const B: usize>(
    out: &mut Vec<u8>,
    (a, m): (&[u8; A], usize),
    (b, n): (&[u8; B], usize),
) {
    // 20 digits hold any u64.
    out.reserve(A + B + 2 * 20 + 1);
    out.extend_from_slice(a);
    number(out, m as u64);
    out.extend_from_slice(b);
    number(out, n as u64);
    out.push(b'}');
}

/// [`Data`], only the fields that are set.
fn write_data(out: &mut Vec<u8>, data: &Data) {
    let Data {
        kind,
        after,
        before,
        found,
        meant,
        decision_date,
        missing,
        count,
        unrecognized,
        share,
        threshold,
        sampled,
    } = data;
    let mut first = true;
    let mut key = |out: &mut Vec<u8>, name: &str| {
        out.push(if first { b'{' } else { b',' });
        first = false;
        plain(out, name);
        out.push(b':');
    };
    for (name, k) in [("kind", kind), ("after", after), ("before", before)] {
        if let Some(k) = k {
            key(out, name);
            plain(out, k.id());
        }
    }
    for (name, s) in [("found", found), ("meant", meant), ("decision_date", decision_date)] {
        if let Some(s) = s {
            key(out, name);
            string(out, s);
        }
    }
    if !missing.is_empty() {
        key(out, "missing");
        for (i, m) in missing.iter().enumerate() {
            out.push(if i == 0 { b'[' } else { b',' });
            string(out, m);
        }
        out.push(b']');
    }
    for (name, n) in [("count", count), ("unrecognized", unrecognized)] {
        if let Some(n) = n {
            key(out, name);
            number(out, *n as u64);
        }
    }
    for (name, x) in [("share", share), ("threshold", threshold)] {
        if let Some(x) = x {
            key(out, name);
            // Floats are rare (one rule) and their shortest form is
            // serde_json's to give; writing into a Vec cannot fail.
            let _ = serde_json::to_writer(&mut *out, x);
        }
    }
    if *sampled {
        key(out, "sampled");
        out.extend_from_slice(b"true");
    }
    if first {
        out.push(b'{');
    }
    out.push(b'}');
}

/// A string that needs no escape: a code, a label or a key of our own.
fn plain(out: &mut Vec<u8>, s: &str) {
    debug_assert!(!s.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\'));
    out.push(b'"');
    out.extend_from_slice(s.as_bytes());
    out.push(b'"');
}

fn null(out: &mut Vec<u8>) {
    out.extend_from_slice(b"null");
}

/// A whole number in decimal.
///
/// Its digits are counted first and each stored in its place, lowest
/// first, in room made by one store of twenty bytes (then cut to size):
/// the numbers here are short (spans, lines, columns), and a capacity
/// test per digit pushed, with the digits turned around after, cost more
/// than the digits themselves; copying them from a buffer cost a `memcpy`
/// call each. They go two at a time, from a table of the hundred pairs:
/// half the divisions of one digit at a time.
fn number(out: &mut Vec<u8>, mut n: u64) {
    // "00", "01", ..., "99".
    const PAIRS: [[u8; 2]; 100] = {
        let mut t = [[0; 2]; 100];
        let mut i = 0;
        while i < 100 {
            t[i] = [b'0' + (i / 10) as u8, b'0' + (i % 10) as u8];
            i += 1;
        }
        t
    };
    // 10^1 ..= 10^19: a u64 has at most 20 digits.
    const POWERS: [u64; 19] = {
        let mut p = [0; 19];
        let mut i = 0;
        while i < 19 {
            p[i] = 10u64.pow(i as u32 + 1);
            i += 1;
        }
        p
    };
    let digits = 1 + POWERS.iter().take_while(|&&p| n >= p).count();
    let start = out.len();
    out.extend_from_slice(&[b'0'; 20]);
    out.truncate(start + digits);
    let mut pairs = out.get_mut(start..).unwrap_or_default().rchunks_exact_mut(2);
    for pair in &mut pairs {
        if let (Some(digits), [hi, lo]) = (PAIRS.get((n % 100) as usize), pair) {
            [*hi, *lo] = *digits;
        }
        n /= 100;
    }
    // An odd count leaves the first digit alone, and `n` below ten.
    if let Some(first) = pairs.into_remainder().first_mut() {
        *first = b'0' + n as u8;
    }
}

/// A JSON string with serde_json's escapes: `\"`, `\\`, the short forms
/// `\b \t \n \f \r`, and `\u00xx` (lower-case hex) for the other C0 controls;
/// everything else, non-ASCII included, as it is.
///
/// In report text an escape is rare (English messages quote names, so most
/// strings have two), so the bytes are tested sixteen at a time, a test
/// that vectorizes, and copied as a block while none needs escaping. Near
/// an escape, and in the tail, they go a word of eight at a time: each word
/// is written whole with one store and cut back to the bytes before its
/// first escape, so no piece of a string is copied by a `memcpy` call (a
/// call per piece cost more than the scan).
pub fn string(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    // Room for the text, its quotes, and the last word written whole.
    out.reserve(bytes.len() + 2 + 8);
    out.push(b'"');
    let mut rest = bytes;
    loop {
        while let Some((block, after)) = rest.split_first_chunk::<16>() {
            if block.iter().fold(false, |any, &b| any | needs_escape(b)) {
                break;
            }
            out.extend_from_slice(block);
            rest = after;
        }
        if rest.is_empty() {
            break;
        }
        let (word, n) = match rest.split_first_chunk::<8>() {
            Some((word, _)) => (u64::from_le_bytes(*word), 8),
            None => (tail_word(bytes, rest), rest.len()),
        };
        // The lowest flag marks the first byte to escape (see
        // `escape_flags`); padding never flags.
        let flags = escape_flags(word);
        let clean = if flags == 0 { n } else { (flags.trailing_zeros() / 8) as usize };
        let kept = out.len() + clean;
        out.extend_from_slice(&word.to_le_bytes());
        out.truncate(kept);
        rest = match rest.get(clean..).and_then(<[u8]>::split_first) {
            Some((&b, after)) if clean < n => {
                escape(out, b);
                after
            }
            _ => rest.get(n..).unwrap_or_default(),
        };
    }
    out.push(b'"');
}

/// Whether `b` needs an escape in a JSON string: a control below 0x20, a
/// quote or a backslash. Branch-free, so a fold of it vectorizes.
#[inline]
fn needs_escape(b: u8) -> bool {
    (b < 0x20) | (b == b'"') | (b == b'\\')
}

/// The last bytes of `bytes`, `rest` (fewer than eight), as a word padded
/// with spaces, which need no escape, so padding never flags. A string of
/// eight bytes or more gives them in one load of its last eight, shifted:
/// copying them into a padded word was a `memcpy` call per string.
#[inline]
fn tail_word(bytes: &[u8], rest: &[u8]) -> u64 {
    const SPACES: u64 = u64::from_le_bytes([b' '; 8]);
    let n = rest.len();
    let last = bytes.len().checked_sub(8).and_then(|at| bytes.get(at..));
    match last.and_then(|w| <[u8; 8]>::try_from(w).ok()) {
        // 0 < n < 8 here: the shifts stay below 64.
        Some(last) if n > 0 => (u64::from_le_bytes(last) >> (8 * (8 - n))) | (SPACES << (8 * n)),
        _ => {
            let mut word = [b' '; 8];
            word.iter_mut().zip(rest).for_each(|(w, b)| *w = *b);
            u64::from_le_bytes(word)
        }
    }
}

/// The high bit of each byte of `x` (eight bytes, little-endian) that is a
/// control below 0x20, a quote or a backslash. The lowest flag is always a
/// byte that needs escaping: borrows can flag bytes above one that does,
/// never below it.
fn escape_flags(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Set in a byte's high bit when that byte is zero.
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    // A byte below 0x20 (with the high bit clear).
    let control = x.wrapping_sub(0x20 * ONES) & !x & HIGH;
    control | has_zero(x ^ (u64::from(b'"') * ONES)) | has_zero(x ^ (u64::from(b'\\') * ONES))
}

/// One byte that needs escaping, as serde_json writes it.
fn escape(out: &mut Vec<u8>, b: u8) {
    let short = match b {
        b'"' => b'"',
        b'\\' => b'\\',
        0x08 => b'b',
        b'\t' => b't',
        b'\n' => b'n',
        0x0c => b'f',
        b'\r' => b'r',
        _ => {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            let hex = |n: u8| HEX.get(usize::from(n)).copied().unwrap_or(b'0');
            out.extend_from_slice(&[b'\\', b'u', b'0', b'0', hex(b >> 4), hex(b & 0xf)]);
            return;
        }
    };
    out.extend_from_slice(&[b'\\', short]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::report::{FileStatus, RelPath};
    use beslut::{Rule, SectionKind, Severity};
    use serde::Serialize;

    /// The record as serde derives it: the reference the writer must match.
    #[derive(Serialize)]
    struct Doc<'a> {
        record: &'static str,
        root: &'a str,
        path: &'a str,
        bytes: u64,
        encoding: Option<&'static str>,
        encoding_guessed: Option<bool>,
        status: FileStatus,
        reason: Option<&'a str>,
        diagnostics: &'a [Located],
        diagnostics_omitted: usize,
    }

    fn by_serde(rec: &DocRecord) -> String {
        serde_json::to_string(&Doc {
            record: "document",
            root: &rec.root,
            path: rec.path(),
            bytes: rec.bytes,
            encoding: rec.encoding.map(Encoding::label),
            encoding_guessed: rec.encoding_guessed,
            status: rec.status,
            reason: rec.reason.as_deref(),
            diagnostics: &rec.diagnostics,
            diagnostics_omitted: rec.omitted,
        })
        .unwrap()
    }

    fn by_hand(rec: &DocRecord) -> String {
        let mut out = Vec::new();
        document(&mut out, rec);
        String::from_utf8(out).unwrap()
    }

    fn record(diagnostics: Vec<Located>) -> DocRecord {
        let mut rec =
            DocRecord::new("ar\"k\\iv".into(), RelPath::Own("a/\u{1}ö.txt".into()), String::new());
        rec.bytes = 18_446_744_073_709_551_615;
        rec.diagnostics = diagnostics;
        rec.omitted = 7;
        rec
    }

    fn located(diagnostic: Diagnostic) -> Located {
        Located { diagnostic, line: 10, column: 0 }
    }

    #[test]
    fn every_field_of_a_record_is_written_as_serde_writes_it() {
        let bare = Diagnostic::new(Rule::EmptyDocument, Severity::Info, "", Span::empty(0));
        let full = Diagnostic::new(
            Rule::LowOcrQuality,
            Severity::Warning,
            "tab\there \"quoted\" back\\slash\r\n\u{8}\u{c}\u{1f}\u{7f} – ”ä”",
            Span::new(3, 99),
        )
        .with_label("expected here, before \"Sändlista\"")
        .with_help("help")
        .with_related(Span::new(1, 2), "first here")
        .with_related(Span::new(5, 6), "and \"here\"")
        .with_data(Data {
            kind: Some(SectionKind::SocialEnvironmentalConsequences),
            after: Some(SectionKind::Proposal),
            before: Some(SectionKind::Other),
            found: Some("KS-2016-01851".into()),
            meant: Some("ä".into()),
            decision_date: Some("2026-02-19".into()),
            missing: vec!["decision_maker".into(), "points".into()],
            count: Some(12),
            unrecognized: Some(0),
            share: Some(0.1234567890123),
            threshold: Some(f64::NAN),
            sampled: true,
        });
        let one_field = |data: Data| bare.clone().with_data(data);
        let mut rec = record(vec![
            located(bare.clone()),
            located(full),
            located(one_field(Data::kind(SectionKind::DecisionBasis))),
            located(one_field(Data::found("x"))),
            located(one_field(Data { missing: vec!["points".into()], ..Data::default() })),
            located(one_field(Data { share: Some(1.0), ..Data::default() })),
            located(one_field(Data { threshold: Some(1e-7), ..Data::default() })),
            located(one_field(Data { sampled: true, ..Data::default() })),
        ]);
        assert_eq!(by_hand(&rec), by_serde(&rec));
        rec.encoding = Some(Encoding::Windows1252);
        rec.encoding_guessed = Some(true);
        rec.status = FileStatus::NotText;
        rec.reason = Some("NUL byte at byte 4".into());
        assert_eq!(by_hand(&rec), by_serde(&rec));
        rec.encoding_guessed = Some(false);
        rec.diagnostics.clear();
        rec.bytes = 0;
        assert_eq!(by_hand(&rec), by_serde(&rec));
    }

    /// [`number`] as it was first written: the digits pushed lowest first,
    /// then turned around.
    fn number_by_pushes(out: &mut Vec<u8>, mut n: u64) {
        let start = out.len();
        loop {
            out.push(b'0' + (n % 10) as u8);
            n /= 10;
            if n == 0 {
                break;
            }
        }
        if let Some(digits) = out.get_mut(start..) {
            digits.reverse();
        }
    }

    #[test]
    fn numbers_are_plain_decimal() {
        let mut ns = vec![0, 1, 9, 10, 99, 100, 12_345, u64::MAX];
        // Every power of ten and its neighbours, where the digit count changes.
        for p in (0..20).map(|i| 10u64.pow(i)) {
            ns.extend([p - 1, p, p + 1]);
        }
        for n in ns {
            let mut out = b"x".to_vec();
            number(&mut out, n);
            assert_eq!(out, format!("x{n}").into_bytes());
            let mut by_pushes = b"x".to_vec();
            number_by_pushes(&mut by_pushes, n);
            assert_eq!(out, by_pushes);
        }
    }

    #[test]
    fn a_tail_word_is_the_last_bytes_padded_with_spaces() {
        let text = b"0123456789abcdef";
        for len in 0..=text.len() {
            let bytes = &text[..len];
            for n in 1..8.min(len + 1) {
                let rest = &bytes[len - n..];
                let mut want = [b' '; 8];
                want[..n].copy_from_slice(rest);
                assert_eq!(tail_word(bytes, rest).to_le_bytes(), want, "{len} {n}");
            }
        }
    }

    /// Every ASCII character and a few others, at every place in a word
    /// and in its tail, after what the buffer already holds.
    #[test]
    fn every_character_at_every_place_is_escaped_as_serde_json_escapes_it() {
        let odd = ['\u{7f}', '\u{80}', '\u{9f}', 'å', '”', '\u{2028}', '𝄞'];
        for c in (0..128u8).map(char::from).chain(odd) {
            for (before, after) in (0..40).flat_map(|b| (0..10).map(move |a| (b, a))) {
                let s = format!(
                    "{}{c}{}",
                    "ab".repeat(before).get(..before).unwrap(),
                    "ö".repeat(after)
                );
                let mut out = b"x".to_vec();
                string(&mut out, &s);
                let want = format!("x{}", serde_json::to_string(&s).unwrap());
                assert_eq!(String::from_utf8(out).unwrap(), want, "{s:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn any_number_is_written_as_std_writes_it(n: u64, before in 0..30usize) {
            let mut out = vec![b'x'; before];
            number(&mut out, n);
            proptest::prop_assert_eq!(out, format!("{}{n}", "x".repeat(before)).into_bytes());
        }

        // Report text: words, quotes and now and then a control, after
        // what the buffer already holds.
        #[test]
        fn report_strings_are_escaped_as_serde_json_escapes_them(
            s in "([a-zåäö ]{0,12}|\"|\\\\|\n|\t|\u{1}|\u{7f}|”){0,20}",
            before in 0..20usize,
        ) {
            let mut out = vec![b'x'; before];
            string(&mut out, &s);
            let want = format!("{}{}", "x".repeat(before), serde_json::to_string(&s).unwrap());
            proptest::prop_assert_eq!(String::from_utf8(out).unwrap(), want);
        }

        #[test]
        fn strings_are_escaped_exactly_as_serde_json_escapes_them(s in "(\\PC|[\\x00-\\x1f\"\\\\])*") {
            let mut out = Vec::new();
            string(&mut out, &s);
            proptest::prop_assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(&s).unwrap());
        }
    }
}
