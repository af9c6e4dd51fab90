//! The preamble: everything before the first heading. It holds the header
//! block (labelled fields) and the case title.
//!
//! ```text
//! preamble     = ( header-line | title-line | blank )*
//! header-line  = label value? | department | date | diary-number | paragraph-sign-line | doc-type
//! label        = "Handläggare" | diary-label | "Datum"
//! title        = the last block of lines that are no header line (after `§ N`, the lines that follow it)
//! ```

use super::Line;
use super::heading::ocr_word;
use super::scan::{self, diary_label, diary_number, paragraph_sign};
use super::text::{is_page_furniture, join_wrapped};
use crate::fold::{fold, fold_char, fold_ocr};
use crate::model::{Header, NoteKind, ParseNote};
use crate::span::Span;
use std::ops::Range;

pub(crate) struct Preamble {
    pub header: Header,
    pub title: Option<String>,
    pub title_span: Option<Span>,
    /// Every non-blank line of the preamble.
    pub span: Option<Span>,
}

/// Endings of department names (*förvaltning*, *kontor*, ...), matched
/// OCR-tolerantly at the end of the line's last word.
const DEPARTMENT_ENDINGS: [&str; 9] = [
    "förvaltningen",
    "förvaltning",
    "kontoret",
    "kansliet",
    "avdelningen",
    "enheten",
    "staben",
    "sektionen",
    "förbundet",
];

/// Lines that name the kind of document or the municipality, folded: header, never title.
const DOCUMENT_TYPES: [&str; 9] = [
    "tjansteskrivelse",
    "tjansteutlatande",
    "protokollsutdrag",
    "sammantradesprotokoll",
    "utdrag ur protokoll",
    "kallelse",
    "foredragningslista",
    "sammantradesdatum",
    "beslutsforslag",
];

/// What one preamble line was read as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Unread,
    Header,
    Title,
}

pub(crate) fn parse(lines: &[Line<'_>], notes: &mut Vec<ParseNote>) -> Preamble {
    let mut header = Header::default();
    let mut roles = vec![Role::Unread; lines.len()];
    // The title's lines (they follow one another: a range, not a list),
    // and where it starts in the first of them (after `§ 208` when OCR
    // glued the title to the number).
    let mut found_title: Option<(Range<usize>, usize)> = None;
    // One buffer for every line's fold, room for any opening made at once.
    let mut folded = String::with_capacity(4 * FOLDED_OPENING);
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let text = line.trimmed;
        if text.is_empty() || roles[i] != Role::Unread {
            i += 1;
            continue;
        }
        // Where the trimmed text starts: worked out with the line, not by
        // trimming it again.
        let at = line.trimmed_span().start;
        // Only the diary-label and document-type tests read the fold, and
        // each opens with two letters few lines open with: the rest need none.
        folded.clear();
        if may_open_label_or_type(text) {
            fold_opening(text, &mut folded);
        }
        if let Some(value) = after_label(text, "Handläggare") {
            roles[i] = Role::Header;
            let value = value_or_next(lines, &mut roles, i, value);
            if let Some((name, _)) = value {
                let name = name.split(',').next().unwrap_or("").trim();
                header.case_officer.get_or_insert_with(|| name.to_string());
            }
        } else if let Some(value) = diary_label_value(text, &folded) {
            roles[i] = Role::Header;
            if let Some((v, _)) = value_or_next(lines, &mut roles, i, value) {
                header.diary_number.get_or_insert_with(|| v.to_string());
            }
        } else if let Some(value) = after_label(text, "Datum") {
            roles[i] = Role::Header;
            if let Some((v, vstart)) = value_or_next(lines, &mut roles, i, value) {
                // Lazily: the same-line offset means nothing for a value from the next line.
                let vstart = vstart.unwrap_or_else(|| at + (text.len() - v.len()));
                read_date(&mut header, v, vstart, notes);
            }
        } else if let Ok((rest, _)) = paragraph_sign(text) {
            roles[i] = Role::Header;
            let title_on_line = read_paragraph_sign_line(&mut header, rest);
            // The item's title follows `§ 83 Dnr ...`, on the same line
            // (`§ 208Försäljning`, glued by OCR) or on the lines after it.
            let end = lines
                .get(i + 1..)
                .and_then(|after| after.iter().position(Line::is_blank))
                .map_or(lines.len(), |n| i + 1 + n);
            let mut block = i + 1..end;
            let mut offset = 0;
            if let Some(title) = title_on_line {
                // `title` is a subslice of `line.text`; its offset is the distance between them.
                offset = title.as_ptr() as usize - line.text.as_ptr() as usize;
                block.start = i;
            }
            for j in block.clone() {
                if j != i {
                    roles[j] = Role::Title;
                }
            }
            if !block.is_empty() {
                found_title = Some((block, offset));
            }
        } else if let Ok((rest, parts)) = scan::date(text) {
            if rest.trim().is_empty() {
                roles[i] = Role::Header;
                if header.date.is_none() {
                    read_date(&mut header, &text[..text.len() - rest.len()], at, notes);
                }
                let _ = parts;
            }
        } else if let Ok((rest, dnr)) = diary_number(text) {
            if rest.trim().is_empty() && dnr.starts_with(|c: char| c.is_alphabetic()) {
                roles[i] = Role::Header;
                header.diary_number.get_or_insert_with(|| dnr.to_string());
            }
        } else if is_department(text) {
            roles[i] = Role::Header;
            header.department.get_or_insert_with(|| text.to_string());
        } else if DOCUMENT_TYPES.iter().any(|t| folded.starts_with(t)) || is_page_furniture(text) {
            roles[i] = Role::Header;
        }
        i += 1;
    }
    let (title_lines, offset) = found_title.unwrap_or_else(|| (pick_title(lines, &roles), 0));
    for j in title_lines.clone() {
        // A `§` line carrying the title is header and title at once.
        if roles[j] == Role::Unread {
            roles[j] = Role::Title;
        }
    }
    let title_text = lines.get(title_lines.clone()).unwrap_or(&[]);
    let title = (!title_text.is_empty()).then(|| {
        // Joined lines are never longer than the lines and a space each:
        // sized once instead of grown line by line.
        let room = title_text.iter().map(|l| l.text.len() + 1).sum();
        let mut t = String::with_capacity(room);
        for (n, l) in title_text.iter().enumerate() {
            let from = if n == 0 { offset } else { 0 };
            join_wrapped(&mut t, l.text[from..].trim());
        }
        t
    });
    // Header lines may stand on both sides of the title; the header span
    // then encloses it. Spans need only the first and last line of each
    // kind: found, not collected.
    header.span = cover(lines, |j, l| !l.is_blank() && roles[j] != Role::Title);
    let title_span = cover(lines, |j, _| title_lines.contains(&j)).map(|s| {
        let first = lines[title_lines.start];
        let start = (first.start + offset).max(s.start);
        let lead = first.text[offset..].len() - first.text[offset..].trim_start().len();
        Span::new(start + if offset > 0 { lead } else { 0 }, s.end)
    });
    Preamble { header, title, title_span, span: cover(lines, |_, l| !l.is_blank()) }
}

/// How many characters of a line [`fold_opening`] folds: more than the
/// longest diary label ([`diary_label`] then reads one more character, to
/// see the word end) and the longest document type. What a label's value
/// is, the line's own text says, not the fold.
const FOLDED_OPENING: usize = 24;

/// Fold the opening of `text` into `out`: all that the diary-label and
/// document-type tests read. A title line is often long, and folding every
/// character of it cost more than the rest of its reading.
fn fold_opening(text: &str, out: &mut String) {
    // An ASCII character folds to its lower case: the ASCII run the opening
    // nearly always is gets copied and lower-cased whole, not pushed a
    // character at a time. A byte before the first beyond ASCII is a
    // character of its own, so the run's end is a char boundary.
    let head = text.as_bytes().get(..FOLDED_OPENING).unwrap_or(text.as_bytes());
    // Whole words at a time for the usual all-ASCII opening.
    let ascii =
        if head.is_ascii() { head.len() } else { head.iter().take_while(|b| b.is_ascii()).count() };
    let (run, rest) = text.split_at_checked(ascii).unwrap_or(("", text));
    let from = out.len();
    out.push_str(run);
    if let Some(copied) = out.get_mut(from..) {
        copied.make_ascii_lowercase();
    }
    out.extend(rest.chars().take(FOLDED_OPENING - run.len()).map(fold_char));
}

/// The first two letters of every diary label and document type (folded).
const LABEL_OPENINGS: [[char; 2]; 12] = [
    ['d', 'i'],
    ['d', 'n'],
    ['v', 'a'],
    ['e', 'r'],
    ['a', 'r'],
    ['b', 'e'],
    ['t', 'j'],
    ['p', 'r'],
    ['s', 'a'],
    ['u', 't'],
    ['k', 'a'],
    ['f', 'o'],
];

/// Whether `text` opens with the first two letters (folded) of a diary
/// label or a document type: the lines worth folding for those tests.
fn may_open_label_or_type(text: &str) -> bool {
    let mut chars = text.chars();
    let (Some(a), Some(b)) = (chars.next(), chars.next()) else { return false };
    LABEL_OPENINGS.contains(&[fold_char(a), fold_char(b)])
}

/// The value after a diary label opening `text` (trimmed), if one does;
/// `folded`: the fold of `text`, or of its opening ([`fold_opening`]).
fn diary_label_value<'t>(text: &'t str, folded: &str) -> Option<&'t str> {
    let (rest, ()) = diary_label(folded).ok()?;
    // Folding keeps the number of characters: the label's length in the fold is its length in `text`.
    let label = folded.chars().count() - rest.chars().count();
    Some(text[byte_offset_of_chars(text, label)..].trim())
}

/// The smallest span covering the trimmed text of the lines `which` takes
/// (given a line's number and the line).
fn cover(lines: &[Line<'_>], which: impl Fn(usize, &Line<'_>) -> bool) -> Option<Span> {
    let mut taken = lines.iter().enumerate().filter(|(j, l)| which(*j, l));
    let (_, first) = taken.next()?;
    let last = taken.next_back().map_or(first, |(_, l)| l);
    Some(first.trimmed_span().cover(last.trimmed_span()))
}

/// The title: the last block of lines no header rule took; failing that, the
/// unread lines at the end of the last block.
fn pick_title(lines: &[Line<'_>], roles: &[Role]) -> Range<usize> {
    let unread = |j: usize| roles.get(j) == Some(&Role::Unread);
    let all_unread = |b: &Range<usize>| b.clone().all(unread);
    if let Some(block) = blocks_from_the_end(lines).find(all_unread) {
        return block;
    }
    let Some(last) = blocks_from_the_end(lines).next() else { return 0..0 };
    let mut from = last.end;
    while from > last.start && unread(from - 1) {
        from -= 1;
    }
    from..last.end
}

/// The blocks of `lines` (runs of lines that are not blank), last first, as
/// ranges of line numbers: read from the end, where the title usually
/// stands, with no list of them made.
fn blocks_from_the_end<'l>(lines: &'l [Line<'_>]) -> impl Iterator<Item = Range<usize>> + 'l {
    let blank = |j: usize| lines.get(j).is_none_or(Line::is_blank);
    let mut end = lines.len();
    std::iter::from_fn(move || {
        while end > 0 && blank(end - 1) {
            end -= 1;
        }
        let mut start = end;
        while start > 0 && !blank(start - 1) {
            start -= 1;
        }
        let block = start..end;
        end = start;
        (!block.is_empty()).then_some(block)
    })
}

/// `Handläggare: Jonas Nyström` → `Some("Jonas Nyström")`; `Handläggare` → `Some("")`.
/// The label is matched OCR-tolerantly and must stand first on the line.
fn after_label<'t>(text: &'t str, label: &str) -> Option<&'t str> {
    // A label opening with an ASCII letter (both do) has it read only as
    // itself, in either case: a line opening with another ASCII character
    // is no label, and most lines are ruled out by their first byte. A line
    // opening beyond ASCII goes to the full reading.
    let first = label.as_bytes().first().copied().unwrap_or(0);
    let opens = |b: &u8| !b.is_ascii() || !first.is_ascii() || first.eq_ignore_ascii_case(b);
    if !text.as_bytes().first().is_some_and(opens) {
        return None;
    }
    let (rest, _) = ocr_word(label, text, true).ok()?;
    let value = rest.trim_start().strip_prefix(':').unwrap_or(rest.trim_start());
    Some(value.trim())
}

/// The value of a label: on its own line when the label line has none.
/// Returns the value and, when it came from the next line, where it starts.
fn value_or_next<'s>(
    lines: &[Line<'s>],
    roles: &mut [Role],
    i: usize,
    same_line: &'s str,
) -> Option<(&'s str, Option<usize>)> {
    if !same_line.is_empty() {
        return Some((same_line, None));
    }
    let next = i + 1;
    let line = lines.get(next)?;
    let text = line.trimmed;
    if text.is_empty() || is_label(text) {
        return None;
    }
    roles[next] = Role::Header;
    Some((text, Some(line.trimmed_span().start)))
}

fn is_label(text: &str) -> bool {
    after_label(text, "Handläggare").is_some()
        || after_label(text, "Datum").is_some()
        || (may_open_label_or_type(text) && {
            let mut folded = String::with_capacity(FOLDED_OPENING);
            fold_opening(text, &mut folded);
            diary_label(&folded).is_ok()
        })
}

fn read_date(header: &mut Header, value: &str, at: usize, notes: &mut Vec<ParseNote>) {
    let span = Span::new(at, at + value.len());
    match scan::date(value.trim()) {
        Ok((_, parts)) if parts.exists() => {
            header.date.get_or_insert_with(|| parts.iso());
            header.date_span.get_or_insert(span);
        }
        _ => notes.push(ParseNote { kind: NoteKind::InvalidDate, found: value.to_string(), span }),
    }
}

/// `§ 83 Dnr KS 2018/4`: the diary number, when the line has one.
/// Returns the title text when the line goes on past the number and diary number.
fn read_paragraph_sign_line<'t>(header: &mut Header, rest: &'t str) -> Option<&'t str> {
    let rest = rest.trim_start();
    let folded = fold(rest);
    let value = match diary_label(&folded) {
        Ok((after, ())) => {
            &rest[byte_offset_of_chars(rest, folded.chars().count() - after.chars().count())..]
        }
        Err(_) => rest,
    };
    let after = match diary_number(value.trim_start()) {
        Ok((after, dnr)) => {
            header.diary_number.get_or_insert_with(|| dnr.to_string());
            after
        }
        Err(_) => value,
    };
    let title = after.trim();
    title.starts_with(|c: char| c.is_alphabetic()).then_some(title)
}

/// `Kommunledningsförvaltningen`, `Kommunledningsfaorvaltningen`, `Miljö- och byggkontoret`.
fn is_department(text: &str) -> bool {
    // Every ending ends in `n`, `t` or `g`, and folding keeps the last
    // letter's place: most names and titles are ruled out by their last
    // character, before the words are counted.
    let ends_like_one = text
        .chars()
        .next_back()
        .map(fold_char)
        .is_some_and(|c| DEPARTMENT_ENDINGS.iter().any(|e| e.ends_with(c)));
    if !ends_like_one {
        return false;
    }
    static READING_LENGTHS: std::sync::LazyLock<
        [std::ops::RangeInclusive<usize>; DEPARTMENT_ENDINGS.len()],
    > = std::sync::LazyLock::new(|| DEPARTMENT_ENDINGS.map(reading_lengths));
    // What follows the last letter with a diacritic (all of an ending without one).
    static TAILS: std::sync::LazyLock<[&str; DEPARTMENT_ENDINGS.len()]> =
        std::sync::LazyLock::new(|| {
            DEPARTMENT_ENDINGS.map(|e| e.rsplit(['ö', 'ä', 'å']).next().unwrap_or(e))
        });
    // What follows the ö of `förvaltningen` survives OCR: the folded line,
    // read back from its end only as far as the tail, picks the endings
    // worth reading. Only those can: an ASCII letter of an ending reads
    // only as itself, in any case or with a diacritic. The tests are all
    // required; the cheapest that rule out most lines come first.
    let fitting = DEPARTMENT_ENDINGS.iter().zip(TAILS.iter()).zip(READING_LENGTHS.iter());
    let mut fitting = fitting.filter(|((_, tail), _)| ends_with_folded(text, tail)).peekable();
    // A digit is one in the fold only where it was one in the line.
    let has_digit =
        || text.bytes().any(|b| b.is_ascii_digit()) && fold_ocr(text).any(|c| c.is_ascii_digit());
    if fitting.peek().is_none() || has_digit() {
        return false;
    }
    // The number of words and the last, in one pass.
    let (words, last) = text.split_whitespace().fold((0, None), |(n, _), w| (n + 1, Some(w)));
    let Some(last) = last else { return false };
    if !(1..=5).contains(&words) {
        return false;
    }
    // The ending is the whole of the last word's end: of its readings'
    // lengths, only one or two places in the word to try.
    let last_chars = last.chars().count();
    fitting.any(|((ending, _), lengths)| {
        lengths.clone().any(|left| {
            let Some(from) = last_chars.checked_sub(left) else { return false };
            let Some((at, _)) = last.char_indices().nth(from) else { return false };
            ocr_word(ending, &last[at..], true).is_ok_and(|(rest, _)| rest.is_empty())
        })
    })
}

/// Whether the [`fold_ocr`] of `text` ends with `tail` (ASCII). When the
/// line's last bytes are ASCII and no `6` or `0` (which fold by their
/// neighbours), they are its last characters, folding to their lower case:
/// one byte compare, without reading the line back character by character.
fn ends_with_folded(text: &str, tail: &str) -> bool {
    let bytes = text.as_bytes();
    // Back from the end, a byte at a time: most endings differ in the last
    // letter or two. Each byte read is ASCII, as are all after it, so it is
    // the character that far from the end.
    for (back, t) in tail.bytes().rev().enumerate() {
        let b = bytes.len().checked_sub(back + 1).and_then(|at| bytes.get(at));
        match b {
            Some(&b) if b.is_ascii() && b != b'6' && b != b'0' => {
                if b.to_ascii_lowercase() != t {
                    return false;
                }
            }
            _ => {
                let mut folded = fold_ocr(text).rev();
                return tail.chars().rev().all(|t| folded.next() == Some(t));
            }
        }
    }
    true
}

/// How many characters a whole-word reading of `ending` can have: one for
/// each letter, and one more for each ö (OCR's `ao` and `oé`).
fn reading_lengths(ending: &str) -> std::ops::RangeInclusive<usize> {
    let letters = ending.chars().count();
    letters..=letters + ending.chars().filter(|&c| c == 'ö').count()
}

/// Byte offset in `text` of its `n`th character. Folding keeps the number of
/// characters (never the number of bytes), so a position found in the folded
/// line maps back by counting characters.
fn byte_offset_of_chars(text: &str, n: usize) -> usize {
    text.char_indices().nth(n).map_or(text.len(), |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &str) -> Vec<Line<'_>> {
        super::super::split_lines(s)
    }

    /// `is_department` as it was first written: words counted first, every
    /// ending's tail read back through the OCR fold.
    fn is_department_as_written(text: &str) -> bool {
        let ends_like_one = text
            .chars()
            .next_back()
            .map(fold_char)
            .is_some_and(|c| DEPARTMENT_ENDINGS.iter().any(|e| e.ends_with(c)));
        let (words, last) = text.split_whitespace().fold((0, None), |(n, _), w| (n + 1, Some(w)));
        let Some(last) = last else { return false };
        if !ends_like_one || !(1..=5).contains(&words) || fold_ocr(text).any(|c| c.is_ascii_digit())
        {
            return false;
        }
        let last_chars = last.chars().count();
        DEPARTMENT_ENDINGS.iter().any(|ending| {
            let tail = ending.rsplit(['ö', 'ä', 'å']).next().unwrap_or(ending);
            let mut folded = fold_ocr(text).rev();
            tail.chars().rev().all(|t| folded.next() == Some(t))
                && reading_lengths(ending).any(|left| {
                    let Some(from) = last_chars.checked_sub(left) else { return false };
                    let Some((at, _)) = last.char_indices().nth(from) else { return false };
                    ocr_word(ending, &last[at..], true).is_ok_and(|(rest, _)| rest.is_empty())
                })
        })
    }

    proptest::proptest! {
        #[test]
        fn departments_read_as_first_written(
            words in proptest::collection::vec(
                "(Kommunlednings|Miljö- och bygg|Social|Tekniska|[A-ZÅÄÖa-zåäö]{1,6}| |\u{a0}|6|0|[0-9]|é|ao)*(förvaltningen|forvaltningen|fdrvaltningen|f6rvaltningen|f0rvaltningen|faorvaltning|förvaltning|kontoret|KONTORET|kansliet|avdelningen|enheten|staben|sektionen|förbundet|forbundet|n|t|g|\u{2003})?",
                1..7,
            )
        ) {
            let text = words.join(" ");
            proptest::prop_assert_eq!(is_department(&text), is_department_as_written(&text), "{:?}", text);
        }
    }

    /// `pick_title` as first written: blocks collected as vectors of lines.
    fn pick_title_as_written(lines: &[Line<'_>], roles: &[Role]) -> Vec<usize> {
        let mut blocks: Vec<Vec<usize>> = Vec::new();
        let mut current: Vec<usize> = Vec::new();
        for (j, line) in lines.iter().enumerate() {
            if line.is_blank() {
                if !current.is_empty() {
                    blocks.push(std::mem::take(&mut current));
                }
            } else {
                current.push(j);
            }
        }
        if !current.is_empty() {
            blocks.push(current);
        }
        if let Some(b) = blocks.iter().rev().find(|b| b.iter().all(|&j| roles[j] == Role::Unread)) {
            return b.clone();
        }
        let Some(last) = blocks.last() else { return Vec::new() };
        let tail: Vec<usize> =
            last.iter().rev().take_while(|&&j| roles[j] == Role::Unread).copied().collect();
        tail.into_iter().rev().collect()
    }

    proptest::proptest! {
        #[test]
        fn titles_are_picked_as_first_written(
            shape in proptest::collection::vec((proptest::bool::ANY, 0u8..3), 0..14)
        ) {
            let src: Vec<&str> = shape.iter().map(|&(blank, _)| if blank { " " } else { "x" }).collect();
            let src = src.join("\n");
            let lines = lines(&src);
            let roles: Vec<Role> = shape
                .iter()
                .map(|&(_, r)| [Role::Unread, Role::Header, Role::Title][usize::from(r)])
                .chain(std::iter::repeat(Role::Unread))
                .take(lines.len())
                .collect();
            let picked: Vec<usize> = pick_title(&lines, &roles).collect();
            proptest::prop_assert_eq!(picked, pick_title_as_written(&lines, &roles));
        }

        #[test]
        fn endings_read_back_as_through_the_fold(
            text in "([a-zA-ZåäöÅÄÖé ]|6|0|ao|\u{2003})*(rvaltningen|RVALTNING|kontoret|6ret|0ret|kansliet|staben|n|t|g)?"
        ) {
            for e in DEPARTMENT_ENDINGS {
                let tail = e.rsplit(['ö', 'ä', 'å']).next().unwrap_or(e);
                let mut folded = fold_ocr(&text).rev();
                let by_fold = tail.chars().rev().all(|t| folded.next() == Some(t));
                proptest::prop_assert_eq!(ends_with_folded(&text, tail), by_fold, "{:?} {}", text, tail);
            }
        }
    }

    #[test]
    fn department_tails_are_lower_case_ascii() {
        for e in DEPARTMENT_ENDINGS {
            let tail = e.rsplit(['ö', 'ä', 'å']).next().unwrap_or(e);
            assert!(tail.bytes().all(|b| b.is_ascii_lowercase()), "{tail}");
        }
        // The reference reads departments as the quick version does.
        for (text, is) in [
            ("Kommunledningsf6rvaltningen", true),
            ("Miljö- och byggkontoret", true),
            ("Åsa Olsson", false),
            ("Förvaltning 2", false),
        ] {
            assert_eq!(is_department_as_written(text), is, "{text}");
            assert_eq!(is_department(text), is, "{text}");
        }
    }

    #[test]
    fn the_label_openings_are_those_of_the_labels_and_types() {
        let mut openings: Vec<[char; 2]> = scan::DIARY_LABELS
            .iter()
            .chain(&DOCUMENT_TYPES)
            .map(|l| {
                let mut c = l.chars();
                [c.next().unwrap_or(' '), c.next().unwrap_or(' ')]
            })
            .collect();
        openings.sort_unstable();
        openings.dedup();
        let mut table = LABEL_OPENINGS.to_vec();
        table.sort_unstable();
        assert_eq!(openings, table);
    }

    #[test]
    fn the_folded_opening_holds_every_label_and_the_character_after_it() {
        let longest_label = scan::DIARY_LABELS.iter().map(|l| l.chars().count()).max();
        let longest_type = DOCUMENT_TYPES.iter().map(|t| t.chars().count()).max();
        assert!(longest_label.is_some_and(|n| n + 1 < FOLDED_OPENING));
        assert!(longest_type.is_some_and(|n| n <= FOLDED_OPENING));
    }

    proptest::proptest! {
        /// The opening's fold reads labels, their values and document types
        /// as the whole line's fold did, and the first-byte test of a label
        /// rules out only what the OCR-tolerant reading refuses.
        #[test]
        fn the_opening_reads_as_the_whole_line(
            text in "(Diarienummer|Dnr|Vår beteckning|Var beteckning|Ert dnr|Ärendenr|Beteckning|Tjänsteskrivelse|Sammanträdesprotokoll|Handläggare|Handlaggare|HANDLÄGGARE|Datum|DATUM|Ðatum|hándläggare)?[.: \t\u{a0}]{0,30}([A-Za-zåäöÅÄÖé0-9 /:-]|\u{2003}){0,30}"
        ) {
            let whole = fold(&text);
            let mut opening = String::from("x");
            fold_opening(&text, &mut opening);
            // Appended to what the buffer held, untouched.
            proptest::prop_assert_eq!(opening.remove(0), 'x');
            let first: String = whole.chars().take(FOLDED_OPENING).collect();
            proptest::prop_assert_eq!(&opening, &first);
            let by_whole = diary_label(&whole).ok().map(|(rest, ())| {
                let label = whole.chars().count() - rest.chars().count();
                text[byte_offset_of_chars(&text, label)..].trim()
            });
            proptest::prop_assert_eq!(diary_label_value(&text, &opening), by_whole);
            for t in DOCUMENT_TYPES {
                proptest::prop_assert_eq!(opening.starts_with(t), whole.starts_with(t));
            }
            // The two-letter test passes every line a label or type opens.
            let opened = diary_label(&whole).is_ok() || DOCUMENT_TYPES.iter().any(|t| whole.starts_with(t));
            proptest::prop_assert!(!opened || may_open_label_or_type(&text));
            for label in ["Handläggare", "Datum"] {
                let by_ocr = ocr_word(label, &text, true).is_ok();
                proptest::prop_assert_eq!(after_label(&text, label).is_some(), by_ocr);
            }
        }
    }

    #[test]
    fn seed_shaped_header_and_wrapped_title() {
        let src = " Handlaggare\nJonas Nystrom\nKommunledningsforvaltningen\n\nUppdrag att ta fram ett\nstyrdokument\n";
        let mut notes = Vec::new();
        let p = parse(&lines(src), &mut notes);
        assert_eq!(p.header.case_officer.as_deref(), Some("Jonas Nystrom"));
        assert_eq!(p.header.department.as_deref(), Some("Kommunledningsforvaltningen"));
        assert_eq!(p.title.as_deref(), Some("Uppdrag att ta fram ett styrdokument"));
        assert!(notes.is_empty());
    }

    #[test]
    fn labelled_fields_on_one_line() {
        let src =
            "Datum: 2026-02-19\nDnr: KS-2024-00011\nHandläggare: Åsa Olsson, utredare\n\nRubrik\n";
        let mut notes = Vec::new();
        let p = parse(&lines(src), &mut notes);
        assert_eq!(p.header.date.as_deref(), Some("2026-02-19"));
        assert_eq!(p.header.diary_number.as_deref(), Some("KS-2024-00011"));
        assert_eq!(p.header.case_officer.as_deref(), Some("Åsa Olsson"));
        assert_eq!(p.title.as_deref(), Some("Rubrik"));
    }

    #[test]
    fn minutes_item_line_gives_dnr_and_title() {
        let src = "Sammanträdesprotokoll\n\n§ 83 Dnr KS 2018/4\nDetaljplan för\nkvarteret Eken\n";
        let mut notes = Vec::new();
        let p = parse(&lines(src), &mut notes);
        assert_eq!(p.header.diary_number.as_deref(), Some("KS 2018/4"));
        assert_eq!(p.title.as_deref(), Some("Detaljplan för kvarteret Eken"));
    }

    #[test]
    fn minutes_item_title_glued_to_the_number() {
        let src = "§ 208Försäljning av\nfastigheten Ekorren 3\n";
        let mut notes = Vec::new();
        let p = parse(&lines(src), &mut notes);
        assert_eq!(p.title_span.map(|t| t.start), Some("§ 208".len()));
        assert_eq!(p.title.as_deref(), Some("Försäljning av fastigheten Ekorren 3"));
        let src = "§ 12 Dnr KS 2019/77 Budget 2020\n";
        let p = parse(&lines(src), &mut notes);
        assert_eq!(p.header.diary_number.as_deref(), Some("KS 2019/77"));
        assert_eq!(p.title.as_deref(), Some("Budget 2020"));
        let t = p.title_span.unwrap();
        assert_eq!(&src[t.start..t.end], "Budget 2020");
        assert_eq!(p.header.span, Some(Span::new(0, src.trim_end().len())));
    }

    #[test]
    fn a_later_paragraph_sign_takes_its_own_title() {
        let src = "§ 1Abc\n\n§ 2\nx\n";
        let p = parse(&lines(src), &mut Vec::new());
        assert_eq!(p.title.as_deref(), Some("x"));
    }

    #[test]
    fn header_fields_after_the_title_stay_in_the_header() {
        let src = "x\n\nDatum 2026-02-19\n";
        let p = parse(&lines(src), &mut Vec::new());
        assert_eq!(p.title.as_deref(), Some("x"));
        assert!(p.header.span.unwrap().contains(p.header.date_span.unwrap()));
    }

    #[test]
    fn a_date_on_the_line_after_its_label() {
        let src = "Datum\n2026-02-19";
        let p = parse(&lines(src), &mut Vec::new());
        assert_eq!(p.header.date.as_deref(), Some("2026-02-19"));
        assert_eq!(p.header.date_span, Some(Span::new(6, 16)));
    }

    #[test]
    fn impossible_header_date_is_noted_not_kept() {
        let src = "Datum 2026-02-30\n\nRubrik\n";
        let mut notes = Vec::new();
        let p = parse(&lines(src), &mut notes);
        assert_eq!(p.header.date, None);
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].found, "2026-02-30");
        assert_eq!(&src[notes[0].span.start..notes[0].span.end], "2026-02-30");
    }

    #[test]
    fn departments_through_ocr() {
        for d in [
            "Kommunledningsfaorvaltningen",
            "Kommunledningsf6rvaltningen",
            "Miljö- och byggkontoret",
            "Tekniska FÖRVALTNINGEN",
            "Staben",
            "Kommunstaben",
            "Räddningstjänstförbundet",
        ] {
            assert!(is_department(d), "{d}");
        }
        for d in [
            "Jonas Nyström",
            "Förvaltningen har tagit fram en rapport om detta",
            "2026-02-19",
            "Stab",
            "Kontoret 2",
        ] {
            assert!(!is_department(d), "{d}");
        }
    }

    #[test]
    fn no_title_when_everything_is_header() {
        let src = "Handläggare\nJonas Nyström\n";
        let mut notes = Vec::new();
        let p = parse(&lines(src), &mut notes);
        assert_eq!(p.title, None);
        assert_eq!(p.header.span, Some(Span::new(0, src.trim_end().len())));
    }
}
