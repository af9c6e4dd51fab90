//! Joining wrapped lines back into text: the one place that decides how OCR
//! line breaks, hyphenation, bullets and the pipe-for-I confusion read.

use super::Line;
use super::scan::{bullet, point_number};
use std::borrow::Cow;

/// Words that follow a hyphen at a line end in a suspended compound
/// (`Miljö-` / `och byggnadsnämnden`): the hyphen stays, a space is added.
const SUSPENDED_COMPOUND_NEXT: [&str; 5] = ["och", "eller", "samt", "till", "resp"];

/// Clean the start of one trimmed line: an OCR bullet becomes `•`, a lone `|`
/// becomes `I`.
pub(crate) fn clean_line(line: &str) -> Cow<'_, str> {
    clean_line_with(line, true)
}

/// [`clean_line`]; `pipes` false: the caller knows the line holds no `|`,
/// and no search for one is made.
pub(crate) fn clean_line_with(line: &str, pipes: bool) -> Cow<'_, str> {
    match bullet_rest(line) {
        Some(rest) => {
            let rest = pipe_to_i(rest, pipes);
            let mut item = String::with_capacity(BULLET.len() + rest.len());
            item.push_str(BULLET);
            item.push_str(&rest);
            Cow::Owned(item)
        }
        None => pipe_to_i(line, pipes),
    }
}

/// How a bullet is written in text, whatever OCR made of it.
pub(crate) const BULLET: &str = "• ";

/// The text after the bullet `line` opens with, if it opens with one.
fn bullet_rest(line: &str) -> Option<&str> {
    if !may_start_item(line) {
        return None;
    }
    bullet(line).ok().map(|(rest, ())| rest)
}

/// Append [`clean_line`]'s text for `line` to `out`, without making it a
/// string of its own; `rest`: what follows the bullet it opens with, if any
/// ([`bullet_rest`]). `pipes` false: the caller knows the line holds no `|`.
fn push_clean_line(out: &mut String, line: &str, rest: Option<&str>, pipes: bool) {
    match rest {
        Some(rest) => {
            out.push_str(BULLET);
            out.push_str(&pipe_to_i(rest, pipes));
        }
        None => out.push_str(&pipe_to_i(line, pipes)),
    }
}

/// A `|` standing alone as a word is OCR's capital `I` (the Swedish word *i*
/// opening a sentence). `pipes` false: the caller knows there is none, and
/// the line is its own answer without a call.
#[inline]
fn pipe_to_i(line: &str, pipes: bool) -> Cow<'_, str> {
    if !pipes { Cow::Borrowed(line) } else { pipes_to_i(line) }
}

/// [`pipe_to_i`] for a line that may hold a `|`. Only the pipes are looked
/// at (found many bytes at a time), and the text between them is copied
/// whole. Whether a pipe stands alone is a matter of the bytes around it:
/// a space is ASCII, so no byte of another character is one.
fn pipes_to_i(line: &str) -> Cow<'_, str> {
    let bytes = line.as_bytes();
    let alone = |at: usize| {
        let after_space_or_start = at.checked_sub(1).is_none_or(|b| bytes.get(b) == Some(&b' '));
        after_space_or_start && bytes.get(at + 1) == Some(&b' ')
    };
    let mut lone_pipes = memchr::memchr_iter(b'|', bytes).filter(|&at| alone(at)).peekable();
    if lone_pipes.peek().is_none() {
        return Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len());
    let mut from = 0;
    for at in lone_pipes {
        // A pipe is ASCII: both cuts around it fall on character boundaries.
        out.push_str(line.get(from..at).unwrap_or(""));
        out.push('I');
        from = at + 1;
    }
    out.push_str(line.get(from..).unwrap_or(""));
    Cow::Owned(out)
}

/// [`str::trim`], at once for the usual line that starts and ends with a
/// printable ASCII character (which is never white space), and without
/// decoding characters for a blank line or one indented with ASCII spaces.
#[inline]
pub(crate) fn trim(s: &str) -> &str {
    let printable = |b: Option<&u8>| b.is_some_and(|&b| b.is_ascii_graphic());
    if printable(s.as_bytes().first()) && printable(s.as_bytes().last()) {
        return s;
    }
    trim_ascii_first(s)
}

/// [`str::trim_start`], at once for the usual text that starts with a
/// printable ASCII character (never white space), without decoding one.
#[inline]
pub(crate) fn trim_start(s: &str) -> &str {
    if s.as_bytes().first().is_some_and(u8::is_ascii_graphic) { s } else { s.trim_start() }
}

/// [`str::trim_end`], at once for the usual text that ends with a printable
/// ASCII character, without decoding one.
#[inline]
pub(crate) fn trim_end(s: &str) -> &str {
    if s.as_bytes().last().is_some_and(u8::is_ascii_graphic) { s } else { s.trim_end() }
}

/// What [`char::is_whitespace`] says of an ASCII byte
/// (`u8::is_ascii_whitespace` leaves out `\x0b`).
#[inline]
pub(crate) fn is_white_byte(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// [`str::trim`]: ASCII white space off both ends byte by byte, then the
/// full trim only when a character beyond ASCII (or a control) stands at an end.
fn trim_ascii_first(s: &str) -> &str {
    let white = |b: &u8| is_white_byte(*b);
    let bytes = s.as_bytes();
    let start = bytes.iter().position(|b| !white(b)).unwrap_or(bytes.len());
    let end = bytes.iter().rposition(|b| !white(b)).map_or(start, |at| at + 1);
    // ASCII bytes are characters of their own: both ends are char boundaries.
    let inner = s.get(start..end).unwrap_or("");
    let printable = |b: Option<&u8>| b.is_none_or(|&b| b.is_ascii_graphic());
    if printable(inner.as_bytes().first()) && printable(inner.as_bytes().last()) {
        inner
    } else {
        inner.trim()
    }
}

/// A page number left in the text by a scan of a multi-page document:
/// `Sida 2 av 4`, `Sida 2 (4)`, `2 (4)`, `2(4)`, `- 2 -`.
#[inline]
pub(crate) fn is_page_furniture(line: &str) -> bool {
    is_trimmed_page_furniture(trim(line))
}

/// [`is_page_furniture`] for a line without surrounding white space.
#[inline]
fn is_trimmed_page_furniture(s: &str) -> bool {
    // Two bytes rule out nearly every line, inline: a page number opens with
    // a digit, a `-` or `Sida` (many lines open with an `s`, few with `si`).
    let may_be = match s.as_bytes() {
        [b, ..] if b.is_ascii_digit() || *b == b'-' => true,
        [b's' | b'S', b'i' | b'I', ..] => true,
        _ => false,
    };
    may_be && reads_as_page_number(s)
}

/// The rest of [`is_page_furniture`], for a trimmed line that passed its first byte.
fn reads_as_page_number(s: &str) -> bool {
    // The `all` test first: it stops at the first letter of a word.
    let numbers_only = |t: &str| {
        t.chars().all(|c| c.is_ascii_digit() || matches!(c, '(' | ')' | ' ' | '-' | '/'))
            && t.chars().any(|c| c.is_ascii_digit())
    };
    match strip_prefix_ignore_ascii_case(s, "sida ") {
        Some(rest) => numbers_only_but_av(rest),
        None => numbers_only(s) && (s.contains('(') || s.starts_with('-')),
    }
}

/// Whether `rest` (after `Sida `) holds digits, and nothing but them,
/// `(`, `)`, spaces, `-`, `/` and the word `av` (any case) between spaces:
/// what `rest`, lower-cased and with every ` av ` made a space, holds, read
/// without making either copy.
fn numbers_only_but_av(rest: &str) -> bool {
    let bytes = rest.as_bytes();
    let mut digit = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // ` av ` as `str::replace` finds it, from the left and not
        // overlapping: its letters are passed over, its spaces are allowed.
        if let Some([b' ', a, v, b' ']) = bytes.get(i..i + 4)
            && a.eq_ignore_ascii_case(&b'a')
            && v.eq_ignore_ascii_case(&b'v')
        {
            i += 4;
            continue;
        }
        if !(b.is_ascii_digit() || matches!(b, b'(' | b')' | b' ' | b'-' | b'/')) {
            return false;
        }
        digit |= b.is_ascii_digit();
        i += 1;
    }
    digit
}

/// `s` after `prefix` (ASCII), whatever the case of its letters.
fn strip_prefix_ignore_ascii_case<'s>(s: &'s str, prefix: &str) -> Option<&'s str> {
    let head = s.as_bytes().get(..prefix.len())?;
    // An ASCII prefix matched, so `prefix.len()` is a char boundary.
    if head.eq_ignore_ascii_case(prefix.as_bytes()) { s.get(prefix.len()..) } else { None }
}

/// Whether a trimmed line starts a list item that keeps its own line in text.
pub(crate) fn starts_list_item(line: &str) -> bool {
    may_start_item(line) && (bullet(line).is_ok() || point_number(line).is_ok())
}

/// A cheap first test for [`starts_list_item`] and [`clean_line`]: most lines
/// start with a letter that can be no bullet.
#[inline]
pub(crate) fn may_start_item(line: &str) -> bool {
    // An ASCII letter is never white space to trim: it decides on its own.
    if let Some(&b) = line.as_bytes().first()
        && b.is_ascii_alphabetic()
    {
        return matches!(b, b'e' | b'o');
    }
    line.trim_start()
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || !is_alphabetic(c) || matches!(c, 'e' | 'o'))
}

/// [`char::is_alphabetic`], answered without the Unicode tables for the
/// characters beyond ASCII that open lines here: Latin-1 (`Ä`, `Ö`, `¢`,
/// `§`) and general punctuation (`•`, `”`, none of it alphabetic). The
/// tables' lookup costs some 300 instructions a character.
pub(crate) fn is_alphabetic(c: char) -> bool {
    match c {
        '\0'..='\u{ff}' => {
            c.is_ascii_alphabetic()
                || matches!(c, 'ª' | 'µ' | 'º' | 'À'..='Ö' | 'Ø'..='ö' | 'ø'..='ÿ')
        }
        '\u{2000}'..='\u{206f}' => false,
        _ => c.is_alphabetic(),
    }
}

/// Append one more wrapped line to `out`, undoing hyphenation at the line end.
/// Inlined: called for nearly every line of a paragraph, where the call
/// cost as much as the join.
#[inline]
pub(crate) fn join_wrapped(out: &mut String, next: &str) {
    if out.is_empty() {
        out.push_str(next);
        return;
    }
    // `-` is ASCII: the last byte tells, with no character decoded.
    let hyphenated = out.as_bytes().last() == Some(&b'-')
        && out[..out.len() - 1].ends_with(|c: char| c.is_alphabetic());
    // The next line's first word is read only after a hyphen: most lines end otherwise.
    if hyphenated && continues_word(next) {
        out.pop();
    } else {
        out.push(' ');
    }
    out.push_str(next);
}

/// Whether `next` goes on with the word a hyphen broke, rather than being
/// the second half of a suspended compound.
fn continues_word(next: &str) -> bool {
    let next_word = next.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    next.starts_with(|c: char| c.is_lowercase()) && !SUSPENDED_COMPOUND_NEXT.contains(&next_word)
}

/// Body text from a section's lines: paragraphs separated by a blank line,
/// wrapped lines joined, each list item on its own line. In a list section
/// (`list`) every line is an item unless it continues the one before in
/// lower case. `head`: the part of the heading line after its colon, if any,
/// read before `lines`. `first_pipe`: where the first `|` of the body stands
/// in the source, if anywhere; the lines before it hold none.
///
/// The lines come as [`Line`]s, their trimmed text already worked out, in a
/// slice: a plain loop, with no iterator chain to step through for each line.
pub(crate) fn body_text(
    head: Option<Line<'_>>,
    lines: &[Line<'_>],
    list: bool,
    first_pipe: Option<usize>,
) -> String {
    // About as long as its lines (bullets grow, blank lines and indents go):
    // one allocation instead of a growing string. The lines stand one after
    // another in the source, so their extent gives it without a sum.
    let from = head.as_ref().or(lines.first()).map_or(0, |l| l.start);
    let to = lines.last().or(head.as_ref()).map_or(0, |l| l.start + l.text.len());
    let mut body = Body { out: String::with_capacity(to.saturating_sub(from) + 1), open: false };
    // `for_each` runs each half of the chain as a loop of its own.
    head.iter().chain(lines).for_each(|line| body.push(line, list, first_pipe));
    body.out
}

/// Whether [`body_text`] of the same lines holds text, with no string made
/// to say it: the first character of the first line [`body_text`] keeps, as
/// the OCR wrote it; `None` when it keeps none. Validation asks nothing more
/// of a section's text (`empty-section`).
///
/// `Some` exactly when [`body_text`] is not blank: that drops only blank
/// lines and page numbers ([`kept`]) and writes nothing for them, and a line
/// it keeps comes out with the characters of the trimmed line, a `|` read as
/// `I` or a bullet as `•`, none of them white space.
pub(crate) fn first_kept(head: Option<Line<'_>>, lines: &[Line<'_>]) -> Option<char> {
    let first = head.iter().chain(lines).find(|l| kept(l.trimmed));
    first.and_then(|l| l.trimmed.chars().next())
}

/// Whether [`body_text`] writes anything for a trimmed line: it drops blank
/// lines and page numbers.
#[inline]
fn kept(trimmed: &str) -> bool {
    !trimmed.is_empty() && !is_trimmed_page_furniture(trimmed)
}

/// [`body_text`]'s text so far.
struct Body {
    out: String,
    /// Whether a paragraph is open at the end of `out`. It is written in
    /// place: `join_wrapped` reads only its last characters, and a
    /// paragraph's first line never joins (a `\n` or nothing stands before it).
    open: bool,
}

impl Body {
    /// Add one line of the body to the text.
    #[inline]
    fn push(&mut self, raw: &Line<'_>, list: bool, first_pipe: Option<usize>) {
        // One scan of the whole body found the first `|`: a line before it
        // needs no search of its own, and most bodies have none at all.
        let pipes = first_pipe.is_some_and(|first| first < raw.start + raw.text.len());
        let line = raw.trimmed;
        if line.is_empty() {
            self.open = false;
            return;
        }
        // Most lines open with an ASCII letter, which one byte reads: no
        // page number opens with one other than the `s` of `Sida`, and such a
        // line is an item only as a bullet, `e` or `o` then a space or a tab
        // (a point number opens with a digit).
        let bytes = line.as_bytes();
        let letter = bytes.first().copied().filter(u8::is_ascii_alphabetic);
        if !letter.is_some_and(|b| !matches!(b, b's' | b'S')) && is_trimmed_page_furniture(line) {
            return;
        }
        let out = &mut self.out;
        let may_be_item = match letter {
            Some(b) => matches!(b, b'e' | b'o') && matches!(bytes.get(1), Some(b' ' | b'\t')),
            None => may_start_item(line),
        };
        let rest = if may_be_item { bullet(line).ok().map(|(rest, ())| rest) } else { None };
        // `starts_list_item`, with the bullet already read.
        let item = may_be_item && (rest.is_some() || point_number(line).is_ok());
        let lower = match letter {
            Some(b) => b.is_ascii_lowercase(),
            None => line.starts_with(|c: char| c.is_lowercase()),
        };
        let own_line = item || (list && !lower);
        // The clean line is written straight into `out`, not made first.
        if !self.open {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            push_clean_line(out, line, rest, pipes);
            self.open = true;
        } else if own_line {
            out.push('\n');
            push_clean_line(out, line, rest, pipes);
        } else {
            // A bulleted line is an item, on its own line: this one has no bullet.
            join_wrapped(out, &pipe_to_i(line, pipes));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// A page number's rest reads as it did lower-cased and with its
        /// ` av `s replaced.
        #[test]
        fn page_number_rests_read_as_through_copies(
            rest in "( |av|AV|Av|aV|a|v|2|13|\\(|\\)|-|/|x|ö){0,8}"
        ) {
            let t = rest.to_ascii_lowercase().replace(" av ", " ");
            let by_copies = t.chars().all(|c| c.is_ascii_digit() || matches!(c, '(' | ')' | ' ' | '-' | '/'))
                && t.chars().any(|c| c.is_ascii_digit());
            proptest::prop_assert_eq!(numbers_only_but_av(&rest), by_copies, "{:?}", rest);
        }
    }

    /// The cases the proptest above can draw but may miss in one run: ` av `
    /// in any case, and ` av av ` (the second `av` then has no space before
    /// it left, as `str::replace` reads it: no page number).
    #[test]
    fn page_number_rests_with_av_in_any_case_and_doubled() {
        for rest in ["2 av 3", "2 AV 3", "2 Av 3", "2 aV 3", "2 av 3 av 4", " 2 (3)"] {
            assert!(numbers_only_but_av(rest), "{rest:?}");
        }
        for rest in ["2 av av 3", "2 ava 3", "2 a v 3", "av", " av "] {
            assert!(!numbers_only_but_av(rest), "{rest:?}");
        }
    }

    #[test]
    fn hyphenation_is_undone_but_suspended_compounds_kept() {
        let mut s = String::from("kommunled-");
        join_wrapped(&mut s, "ningsförvaltningen");
        assert_eq!(s, "kommunledningsförvaltningen");
        let mut s = String::from("Miljö-");
        join_wrapped(&mut s, "och byggnadsnämnden");
        assert_eq!(s, "Miljö- och byggnadsnämnden");
        let mut s = String::from("2024-");
        join_wrapped(&mut s, "2027");
        assert_eq!(s, "2024- 2027");
    }

    #[test]
    fn bullets_and_pipes() {
        assert_eq!(clean_line("e Socialnämnden, för kännedom"), "• Socialnämnden, för kännedom");
        assert_eq!(clean_line("¢ Tekniska nämnden"), "• Tekniska nämnden");
        assert_eq!(clean_line("| arbetsprocessen"), "I arbetsprocessen");
        assert_eq!(clean_line("funktioner. | arbetet"), "funktioner. I arbetet");
        assert_eq!(clean_line("a|b och x |y"), "a|b och x |y");
    }

    #[test]
    fn the_quick_trim_is_the_trim() {
        for s in [
            "",
            " ",
            "a",
            " a ",
            "a\u{a0}",
            "\u{a0}a",
            "ab cd",
            "\tx.",
            "ö ",
            " ö",
            "x\u{2003}",
            " \u{a0} x \u{2003}",
            "\x0b x\x0b",
            "\x1f",
            " \x1f ",
            "  ",
            " \u{a0}",
            "\r\n",
            " é",
        ] {
            assert_eq!(trim(s), s.trim(), "{s:?}");
            assert_eq!(trim_start(s), s.trim_start(), "{s:?}");
            assert_eq!(trim_end(s), s.trim_end(), "{s:?}");
        }
    }

    #[test]
    fn the_quick_alphabetic_is_unicodes() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn pipes_read_as_char_by_char() {
        // The rule as first written: a pipe between a space (or the start) and a space.
        let by_char = |line: &str| {
            let mut out = String::new();
            let mut prev: Option<char> = None;
            let mut chars = line.chars().peekable();
            while let Some(c) = chars.next() {
                let alone = c == '|' && prev.is_none_or(|p| p == ' ') && chars.peek() == Some(&' ');
                out.push(if alone { 'I' } else { c });
                prev = Some(c);
            }
            out
        };
        for line in [
            "",
            "|",
            "| ",
            " | ",
            "| |",
            "a|b",
            "x |y",
            "| arbetet | och |",
            "||  | |",
            "é| x",
            "\u{a0}| x",
            "|\u{a0}",
            "funktioner. | arbetet",
        ] {
            assert_eq!(pipes_to_i(line), by_char(line), "{line:?}");
        }
    }

    #[test]
    fn white_bytes_are_what_unicode_calls_white_space() {
        for b in 0..=0x7f_u8 {
            assert_eq!(is_white_byte(b), char::from(b).is_whitespace(), "{b:#04x}");
        }
    }

    #[test]
    fn page_numbers_are_furniture() {
        for l in ["Sida 2 av 4", "sida 2 (4)", "2 (4)", "2(4)", "- 3 -"] {
            assert!(is_page_furniture(l), "{l}");
        }
        for l in ["2026-02-19", "1. anta planen", "Sida vid sida", "(S)", "12", "s", "Syfte", "si"]
        {
            assert!(!is_page_furniture(l), "{l}");
        }
    }

    /// `body_text` of the lines of `src`, after a heading line `head:` ends
    /// with `after_colon` when that is given.
    fn body_of(after_colon: Option<&str>, src: &str, list: bool) -> String {
        read_body(after_colon, src, list, body_text)
    }

    /// How a section's text is read ([`body_text`], or [`first_kept`]'s character
    /// taking what it needs).
    type Read = fn(Option<Line<'_>>, &[Line<'_>], bool, Option<usize>) -> String;

    /// `read` over the lines of `src`, after a heading line `head:` ends
    /// with `after_colon` when that is given.
    fn read_body(after_colon: Option<&str>, src: &str, list: bool, read: Read) -> String {
        let head_line = after_colon.map(|a| format!("Rubrik:{a}\n")).unwrap_or_default();
        let source = format!("{head_line}{src}");
        let lines = super::super::split_lines(&source);
        let (head, body) = match after_colon {
            Some(_) => (Some(Line::new(7, &lines[0].text[7..])), &lines[1..]),
            None => (None, &lines[..]),
        };
        let pipe = source.find('|').filter(|&at| at >= head.map_or(0, |h| h.start));
        read(head, body, list, pipe)
    }

    /// [`body_text`] as it was first written: over the raw lines as strings,
    /// trimming each, the pipe's place counted in the lines joined by `\n`.
    fn body_text_by_strs(lines: &[&str], list: bool, first_pipe: Option<usize>) -> String {
        let mut out = String::new();
        let mut open = false;
        let mut at = 0;
        for raw in lines {
            let pipes = first_pipe.is_some_and(|first| first < at + raw.len());
            at += raw.len() + 1;
            let line = trim(raw);
            if line.is_empty() {
                open = false;
                continue;
            }
            if is_page_furniture(line) {
                continue;
            }
            let rest = bullet_rest(line);
            let own_line =
                starts_list_item(line) || (list && !line.starts_with(|c: char| c.is_lowercase()));
            if !open {
                if !out.is_empty() {
                    out.push_str("\n\n");
                }
                push_clean_line(&mut out, line, rest, pipes);
                open = true;
            } else if own_line {
                out.push('\n');
                push_clean_line(&mut out, line, rest, pipes);
            } else {
                join_wrapped(&mut out, &pipe_to_i(line, pipes));
            }
        }
        out
    }

    #[test]
    fn paragraphs_and_items() {
        let text =
            body_of(None, "Första raden\n andra raden.\n\ne punkt ett\ne punkt två\n", false);
        assert_eq!(text, "Första raden andra raden.\n\n• punkt ett\n• punkt två");
        // A paragraph opening with a hyphen joins nothing before it.
        let text = body_of(None, "Bak-\ngrund\n\n-\ndef\n\nx-\noch y", false);
        assert_eq!(text, "Bakgrund\n\n- def\n\nx- och y");
        let list = body_of(None, "Motionären\nTekniska nämnden\n  för kännedom", true);
        assert_eq!(list, "Motionären\nTekniska nämnden för kännedom");
        let after = body_of(Some(" | text"), "och | mer\n\n| ny", false);
        assert_eq!(after, "I text och I mer\n\nI ny");
        // A page number inside a paragraph is dropped, whatever its case.
        for page in ["sida 2 av 3", "Sida 2 av 3", "SIDA 2 (3)"] {
            let text = body_of(None, &format!("Första raden\n{page}\nandra raden."), false);
            assert_eq!(text, "Första raden andra raden.", "{page}");
        }
    }

    /// [`first_kept`]'s character as a [`Read`]: a string blank exactly
    /// when the body is, to compare with [`body_text`]'s.
    fn presence_of(
        head: Option<Line<'_>>,
        lines: &[Line<'_>],
        _: bool,
        _: Option<usize>,
    ) -> String {
        first_kept(head, lines).map(String::from).unwrap_or_default()
    }

    #[test]
    fn first_kept_is_the_first_character_of_the_first_kept_line() {
        let presence = |after_colon, src| read_body(after_colon, src, false, presence_of);
        assert_eq!(presence(None, ""), "");
        assert_eq!(presence(Some(" "), " \n\u{a0}\nSida 2 av 3\n- 3 -\n\n2 (4)\n"), "");
        assert_eq!(presence(Some(" 2(4)"), "\n\u{2003}e tva\nmer"), "e");
        assert_eq!(presence(Some(" Text"), "mer"), "T");
        assert_eq!(presence(None, "\n\nÖver\n"), "Ö");
        // A lone bullet or pipe is text, not furniture.
        assert_eq!(presence(None, "2 (4)\n¢\n"), "¢");
        assert_eq!(presence(None, "- 3 -\n|"), "|");
    }

    proptest::proptest! {
        /// Validation asks of a section's text only whether it is blank:
        /// the presence text answers as the whole text does, over lines of
        /// white space, page numbers, bullets, pipes and words, after a
        /// heading or its colon, in list sections and others.
        #[test]
        fn first_kept_is_there_exactly_when_the_body_is_not_blank(
            after_colon in proptest::option::of("( |\u{a0}|2 \\(4\\)|- 3 -|Sida 2 av 3|e |\\||[a-z]){0,3}"),
            src in "((( |\t|\r|\u{a0}|\u{2003})|(Sida 2 av 3|sida 2 \\(4\\)|SIDA 3 av 9|2 \\(4\\)|2\\(4\\)|- 3 -|-3-|12)|(e |¢ |• |o |e|¢|•|1\\. )|(\\||\\| )|(Ord|ord|s|Si|-|x)){0,4}\n){0,6}",
            list: bool,
        ) {
            let whole = body_of(after_colon.as_deref(), &src, list);
            let presence = read_body(after_colon.as_deref(), &src, list, presence_of);
            proptest::prop_assert_eq!(
                crate::validate::blank(&presence),
                crate::validate::blank(&whole),
                "{:?} / {:?}", presence, whole
            );
            // Neither is ever blank but empty.
            proptest::prop_assert!(presence.is_empty() || !crate::validate::blank(&presence));
        }

        /// The lines, the part after a colon, bullets, pipes, hyphens, page
        /// numbers and blank lines read as they did through the string lines.
        #[test]
        fn body_text_reads_as_over_strings(
            after_colon in proptest::option::of("( |[a-zå|-]){0,8}"),
            src in "((e |¢ |1\\. |Sida 2 av 3|sida 2 av 3|2 \\(4\\)| |\u{a0}|\\||[aAöx]|-|\r|o [A-Za-z]|e\t|och|enligt|e-|o\u{a0})?[a-zö |.-]{0,12}\n?){0,12}",
            list: bool,
        ) {
            let head_line = after_colon.as_deref().map(|a| format!("Rubrik:{a}\n"));
            let source = format!("{}{src}", head_line.as_deref().unwrap_or(""));
            let all: Vec<&str> = source.split('\n').collect();
            let strs: Vec<&str> = match &after_colon {
                Some(_) => std::iter::once(&all[0][7..]).chain(all[1..].iter().copied()).collect(),
                None => all.clone(),
            };
            let from = if after_colon.is_some() { 7 } else { 0 };
            let pipe = source.get(from..).and_then(|b| b.find('|'));
            proptest::prop_assert_eq!(
                body_of(after_colon.as_deref(), &src, list),
                body_text_by_strs(&strs, list, pipe)
            );
        }
    }
}
