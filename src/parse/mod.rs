//! Phase two: the parser. Reads normalized text into the [`Decision`] model.
//!
//! ```text
//! document  = preamble section*
//! preamble  = line*                 ; everything before the first heading: header and title
//! section   = heading-line body
//! body      = line*                 ; up to the next heading
//! ```
//!
//! The document level is a line scanner: whether a line is a heading depends
//! on its neighbours (a heading stands on its own line, or opens it before a
//! colon), which a line-at-a-time grammar cannot see. Everything inside a line
//! is read by small nom parsers in [`scan`] and [`heading`].

mod content;
mod error;
mod heading;
mod preamble;
mod scan;
mod text;

#[cfg(test)]
use crate::test_corpus as corpus;

use crate::fold::fold_char;
use crate::model::{
    Decision, MatchKind, NoteKind, ParseNote, SCHEMA_VERSION, Section, SectionKind,
};
use crate::span::{ByteOffsets, Span, find_byte};
use heading::HeadingMatch;
use std::borrow::Cow;

/// One line of the normalized text, without its `\n`, with its trimmed
/// extent worked out once (every phase asks for it).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Line<'s> {
    /// Byte offset of the line's first byte.
    pub start: usize,
    pub text: &'s str,
    /// The text without surrounding white space.
    pub trimmed: &'s str,
    /// Bytes of white space before `trimmed`.
    lead: usize,
}

impl<'s> Line<'s> {
    pub fn new(start: usize, text: &'s str) -> Line<'s> {
        let trimmed = text::trim(text);
        // Only a line with white space at an end has a lead, and the trim
        // found it: it is where `trimmed` starts in `text`, not counted
        // again. A blank line's lead is all of it.
        let lead = if trimmed.len() == text.len() {
            0
        } else if trimmed.is_empty() {
            text.len()
        } else {
            trimmed.as_ptr() as usize - text.as_ptr() as usize
        };
        Line { start, text, trimmed, lead }
    }

    pub fn is_blank(&self) -> bool {
        self.trimmed.is_empty()
    }

    /// The span of the line's text without surrounding white space.
    pub fn trimmed_span(&self) -> Span {
        let from = self.start + self.lead;
        Span::new(from, from + self.trimmed.len())
    }
}

fn split_lines(source: &str) -> Vec<Line<'_>> {
    // memchr's AVX2 searcher, taken directly where the machine has it: its
    // generic entry point dispatches through a function pointer on every
    // call, and a line is one call (a fifth of the cost of a short line).
    #[cfg(target_arch = "x86_64")]
    if let Some(newlines) = memchr::arch::x86_64::avx2::memchr::One::new(b'\n') {
        return lines_at(source, newlines.iter(source.as_bytes()));
    }
    lines_at(source, ByteOffsets::new(source.as_bytes(), b'\n'))
}

/// The lines of `source`, given the offsets of its `\n`s in order.
fn lines_at(source: &str, newlines: impl Iterator<Item = usize>) -> Vec<Line<'_>> {
    // Room for lines of 32 bytes on average (OCR lines run longer): the
    // vector is rarely regrown, which would copy every line made so far.
    let mut lines = Vec::with_capacity(source.len() / 32 + 1);
    let mut start = 0;
    let mut rest = source;
    for end in newlines {
        // Cut from what is left, not from the source: one boundary to check.
        let Some((line, after)) = end.checked_sub(start).and_then(|n| rest.split_at_checked(n))
        else {
            break;
        };
        lines.push(Line::new(start, line));
        // `after` opens with the `\n`: stripping it checks one byte, where
        // slicing would check the boundary after it.
        rest = after.strip_prefix('\n').unwrap_or(after);
        start = end + 1;
    }
    lines.push(Line::new(start, rest));
    lines
}

/// What the parser writes of each section's running text
/// ([`Section::text`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum SectionText {
    /// The whole body ([`text::body_text`]).
    #[default]
    Whole,
    /// No text, only a flag for whether the whole body would hold any
    /// ([`parse_document_flagged`]), and no text for the proposal's points,
    /// for a caller that asks only whether a section is blank and whether
    /// a proposal has points.
    Presence,
}

/// A heading the scanner accepted.
struct Accepted {
    line: usize,
    m: HeadingMatch,
}

/// Parse normalized `source`, also taking `extra` heading synonyms, with
/// each section's whole running text.
pub(crate) fn parse_document_with(source: String, extra: &[(SectionKind, String)]) -> Decision {
    parse_document(source, extra, None)
}

/// [`parse_document_with`] for a caller that asks of a section's text only
/// whether it is blank, as validation does (the [`Checker`](crate::Checker)):
/// every section's text is left empty, and whether each holds text is
/// returned beside the decision, one flag a section in order
/// ([`SectionText::Presence`]): no copy of nearly the whole document, nor
/// any heap block a section; the proposal's points get no text.
pub(crate) fn parse_document_flagged(
    source: String,
    extra: &[(SectionKind, String)],
) -> (Decision, Vec<bool>) {
    let mut filled = Vec::new();
    let decision = parse_document(source, extra, Some(&mut filled));
    (decision, filled)
}

/// [`parse_document_with`]; with `filled`, every section's text is left
/// empty and whether it holds any is pushed there instead
/// ([`parse_document_flagged`]).
fn parse_document(
    source: String,
    extra: &[(SectionKind, String)],
    mut filled: Option<&mut Vec<bool>>,
) -> Decision {
    let section_text = if filled.is_some() { SectionText::Presence } else { SectionText::Whole };
    let mut decision = Decision { schema_version: SCHEMA_VERSION, ..Decision::default() };
    {
        let lines = split_lines(&source);
        let mut headings = find_headings(&lines, extra);
        let first = headings.first().map_or(lines.len(), |h| h.line);
        let pre = preamble::parse(&lines[..first], &mut decision.notes);
        decision.header = pre.header;
        decision.title = pre.title;
        decision.title_span = pre.title_span;
        decision.preamble_span = pre.span;
        // One section a heading: sized once instead of grown.
        decision.sections.reserve_exact(headings.len());
        if let Some(filled) = filled.as_deref_mut() {
            filled.reserve_exact(headings.len());
        }
        for k in 0..headings.len() {
            // A section ends where the next heading stands: read from the
            // list, not from a list of ends made first.
            let end = headings.get(k + 1).map_or(lines.len(), |next| next.line);
            let Some(h) = headings.get_mut(k) else { break };
            // One search of the body for a `|`, for its text and its content;
            // none for a body that is neither written whole nor read.
            let reads = content::reads(h.m.kind);
            let first_pipe = (reads || section_text == SectionText::Whole)
                .then(|| first_pipe_in_body(&source, &lines, h, end))
                .flatten();
            let section = build_section(&lines, h, end, first_pipe, filled.as_deref_mut());
            if reads {
                let body = body_lines(&lines, h, end);
                content::read(&mut decision, &section, &body, first_pipe, section_text);
            }
            decision.sections.push(section);
        }
        note_impossible_dates(&source, &mut decision.notes);
    }
    decision.source = source;
    decision
}

/// The body of a section: the part of the heading line after a colon, if
/// any, then every line up to the next heading. Most headings stand alone:
/// their body is a slice of the lines, with no copy.
fn body_lines<'l, 's>(lines: &'l [Line<'s>], h: &Accepted, end: usize) -> Cow<'l, [Line<'s>]> {
    let after = &lines[h.line + 1..end];
    let Some(first) = after_colon(lines[h.line], h) else { return Cow::Borrowed(after) };
    let mut body = Vec::with_capacity(end - h.line);
    body.push(first);
    body.extend_from_slice(after);
    Cow::Owned(body)
}

/// The part of the heading line `head` after the heading (`Beslutsunderlag:
/// Tjänsteskrivelse`), which opens the section's body, if any.
fn after_colon<'s>(head: Line<'s>, h: &Accepted) -> Option<Line<'s>> {
    h.m.rest.map(|rest| Line::new(head.start + rest, &head.text[rest..]))
}

/// Takes the heading's canonical form out of `h`: each is used once.
/// `first_pipe`: where the first `|` of the body stands ([`first_pipe_in_body`]).
/// `filled`: where to say whether the text is there, written as no text
/// ([`parse_document_flagged`]); without it, the whole text is written.
fn build_section(
    lines: &[Line<'_>],
    h: &mut Accepted,
    end: usize,
    first_pipe: Option<usize>,
    filled: Option<&mut Vec<bool>>,
) -> Section {
    let head = lines[h.line];
    let heading_span = Span::new(head.start + h.m.text.start, head.start + h.m.text.end);
    let last = lines[h.line..end].iter().rev().find(|l| !l.is_blank()).unwrap_or(&head);
    // From the line's first byte: a numbered heading's `1.` belongs to the section.
    let span = head.trimmed_span().cover(heading_span).cover(last.trimmed_span());
    let (head_rest, body) = (after_colon(head, h), &lines[h.line + 1..end]);
    Section {
        kind: h.m.kind,
        heading: head.text[h.m.text.clone()].to_string(),
        canonical: std::mem::take(&mut h.m.canonical),
        match_kind: h.m.match_kind,
        span,
        heading_span,
        text: match filled {
            None => text::body_text(head_rest, body, is_list_kind(h.m.kind), first_pipe),
            Some(filled) => {
                filled.push(text::first_kept(head_rest, body).is_some());
                String::new()
            }
        },
    }
}

/// Where the first `|` of a section's body stands in the source: one scan
/// for the whole body instead of one per line. The
/// body's lines stand in the source one after another, a `\n` between them
/// (the first may be the part of the heading line after its colon).
fn first_pipe_in_body(source: &str, lines: &[Line<'_>], h: &Accepted, end: usize) -> Option<usize> {
    let head = lines.get(h.line)?;
    let from = match h.m.rest {
        Some(rest) => head.start + rest,
        None => lines.get(h.line + 1).filter(|_| h.line + 1 < end)?.start,
    };
    let last = lines.get(end.checked_sub(1)?)?;
    // Not expected to fail; if it does, every line is searched.
    let Some(body) = source.get(from..last.start + last.text.len()) else { return Some(0) };
    find_byte(body.as_bytes(), b'|', 0).map(|at| from + at)
}

/// Section kinds whose bodies are lists: a short line there is an item, never
/// an unknown heading.
fn is_list_kind(kind: SectionKind) -> bool {
    matches!(
        kind,
        SectionKind::DecisionBasis
            | SectionKind::Attachments
            | SectionKind::ResponsibleOfficials
            | SectionKind::Distribution
    )
}

fn find_headings(lines: &[Line<'_>], extra: &[(SectionKind, String)]) -> Vec<Accepted> {
    // Room for the headings of a usual document: rarely regrown.
    let mut accepted: Vec<Accepted> = Vec::with_capacity(16);
    // Whether the line before ends a block (the first line has none before
    // it) or is a heading just accepted: carried from line to line, not
    // read back from the line before nor from the headings.
    let mut after_block_end = true;
    for (i, line) in lines.iter().enumerate() {
        // A heading opens a block.
        let opens = std::mem::replace(&mut after_block_end, ends_block(line.trimmed));
        if line.is_blank() {
            continue;
        }
        let closes = lines.get(i + 1).is_none_or(Line::is_blank);
        // A line inside a paragraph is never a heading; most lines are. Nor
        // is the last line of a paragraph that ends like a sentence: there a
        // heading must fill the line and not end so (see the filter below),
        // and what follows the table takes opening lines only.
        if !opens && (!closes || ends_like_sentence(line.trimmed)) {
            continue;
        }
        let current = accepted.last().map(|a| a.m.kind);
        let m = heading::recognize_with(line.text, extra)
            .filter(|m| {
                // A heading opening a longer line needs the block start to tell it from prose.
                let placed = opens || (closes && m.rest.is_none());
                placed && !ends_sentence(line.trimmed, m)
            })
            // Only once the first section has begun: before it, `§ 83` and
            // short lines are the preamble's.
            .or_else(|| {
                (opens && current.is_some()).then(|| paragraph_heading(line.text)).flatten()
            })
            .or_else(|| {
                let in_list = current.is_some_and(is_list_kind);
                (opens && closes && !in_list && current.is_some())
                    .then(|| unknown_heading(lines, i))
                    .flatten()
            });
        let Some(m) = m else { continue };
        // `Sändlista` then `Beslutet skickas till:` is one section: a heading of
        // the same kind right under another (nothing between) introduces its body.
        if let Some(prev) = accepted.last() {
            let nothing_between = lines[prev.line + 1..i].iter().all(Line::is_blank);
            if prev.m.kind == m.kind
                && m.kind != SectionKind::Other
                && nothing_between
                && prev.m.rest.is_none()
            {
                continue;
            }
        }
        accepted.push(Accepted { line: i, m });
        // The line after a heading opens a block of its own.
        after_block_end = true;
    }
    accepted
}

/// Whether a trimmed line ends a block: a heading starts one on the first
/// line, after a blank line, after a line that ends a sentence, or right
/// after another heading.
fn ends_block(trimmed: &str) -> bool {
    // The marks are ASCII: the last byte tells, with no character decoded.
    let line = trimmed.as_bytes();
    line.is_empty() || matches!(line.last(), Some(b'.' | b':' | b'!' | b'?'))
}

/// A heading does not end like a sentence or a list item. `trimmed`: the
/// line without surrounding white space.
fn ends_sentence(trimmed: &str, m: &HeadingMatch) -> bool {
    m.rest.is_none() && ends_like_sentence(trimmed)
}

/// Whether a trimmed line ends with `.`, `,` or `;`. Asked of nearly every
/// line: a byte test, where trimming again and decoding the last character
/// cost more than the rest of the line's screening.
fn ends_like_sentence(trimmed: &str) -> bool {
    matches!(trimmed.as_bytes().last(), Some(b'.' | b',' | b';'))
}

/// `§ 84 Dnr KS 2018/5` after the first section: the next item of a minutes
/// extract, kept as a section of its own.
fn paragraph_heading(line: &str) -> Option<HeadingMatch> {
    let trimmed = text::trim(line);
    // Nearly every line fails on its first character: no parser set up.
    if !trimmed.starts_with(['§', '$']) {
        return None;
    }
    let (_, number) = scan::paragraph_sign(trimmed).ok()?;
    let lead = line.len() - line.trim_start().len();
    Some(HeadingMatch {
        kind: SectionKind::Other,
        canonical: format!("§ {number}"),
        match_kind: MatchKind::Exact,
        text: lead..lead + trimmed.len(),
        rest: None,
    })
}

/// Words that make a short line a sentence or a lead-in rather than a heading.
const NOT_IN_HEADINGS: [&str; 14] = [
    "att", "ar", "har", "ska", "skall", "kan", "beslutar", "foreslar", "foreslas", "blir", "var",
    "som", "foljande", "med",
];

/// A heading the table does not know (`Konsekvensanalys`, `Remissvar`): a
/// short capitalized line standing alone, followed by prose.
#[inline(never)]
fn unknown_heading(lines: &[Line<'_>], i: usize) -> Option<HeadingMatch> {
    let line = lines[i].text;
    let trimmed = lines[i].trimmed;
    let head = trimmed.strip_suffix(':').unwrap_or(trimmed).trim_end();
    // The length first: it rules out prose before the words are collected.
    if head.len() > 60 {
        return None;
    }
    // Every test is required: the cheap ones that rule out most lines go
    // first, the words are split and looked up last.
    // `text::is_alphabetic` answers the Swedish letters without the Unicode tables.
    if !head.starts_with(|c: char| c.is_uppercase())
        || !head.chars().all(|c| text::is_alphabetic(c) || matches!(c, ' ' | '-' | '/' | '&'))
    {
        return None;
    }
    // What follows must read as prose: a long line or a wrapped paragraph.
    let next = lines[i + 1..].iter().find(|l| !l.is_blank())?;
    if next.trimmed.len() < 40 || text::starts_list_item(next.trimmed) {
        return None;
    }
    // The only white space left in `head` is the ASCII space (the test above).
    let words = || head.split(' ').filter(|w| !w.is_empty());
    let shaped = (1..=5).contains(&words().count())
        && !text::starts_list_item(trimmed)
        && !words().any(|w| NOT_IN_HEADINGS.iter().any(|n| folds_to(w, n)));
    if !shaped {
        return None;
    }
    let lead = line.len() - line.trim_start().len();
    Some(HeadingMatch {
        kind: SectionKind::Other,
        canonical: head.to_string(),
        match_kind: MatchKind::Exact,
        text: lead..lead + head.len(),
        rest: None,
    })
}

/// Whether `word` folds to `folded` (ASCII), compared character by
/// character: no folded copy of the word is made. An ASCII word folds to its
/// lower case: one byte compare.
fn folds_to(word: &str, folded: &str) -> bool {
    if word.is_ascii() {
        return word.eq_ignore_ascii_case(folded);
    }
    word.chars().map(fold_char).eq(folded.chars())
}

/// Every ISO-looking date in the text that does not exist gets a note, wherever it stands.
fn note_impossible_dates(source: &str, notes: &mut Vec<ParseNote>) {
    // Every date has a `-` four bytes in: only those places are tried, so
    // prose without hyphens costs one quick pass. The AVX2 searcher is
    // taken directly where the machine has it, as for the lines.
    #[cfg(target_arch = "x86_64")]
    if let Some(hyphens) = memchr::arch::x86_64::avx2::memchr::One::new(b'-') {
        note_dates_at(source, hyphens.iter(source.as_bytes()), notes);
        return;
    }
    note_dates_at(source, ByteOffsets::new(source.as_bytes(), b'-'), notes);
}

/// [`note_impossible_dates`], given the offsets of the `-`s in `source`.
fn note_dates_at(source: &str, hyphens: impl Iterator<Item = usize>, notes: &mut Vec<ParseNote>) {
    let bytes = source.as_bytes();
    // A date read ends here; the next one starts at or after it.
    let mut next_free = 0;
    for hyphen in hyphens {
        let Some(at) = hyphen.checked_sub(4) else { continue };
        // Cheap shape test first (`dddd-dd-dd`); the scanner confirms.
        let starts_number = at == 0 || !bytes.get(at - 1).is_some_and(u8::is_ascii_digit);
        if at < next_free
            || !starts_number
            || bytes.get(at + 7) != Some(&b'-')
            || !bytes.get(at).is_some_and(u8::is_ascii_digit)
        {
            continue;
        }
        let Some(candidate) = source.get(at..) else { continue };
        if let Ok((_, parts)) = scan::iso_date(candidate) {
            let span = Span::new(at, at + 10);
            let known = notes.iter().any(|n| n.span == span);
            if !parts.exists() && !known {
                notes.push(ParseNote {
                    kind: NoteKind::InvalidDate,
                    found: span.slice(source).to_string(),
                    span,
                });
            }
            next_free = at + 10;
        }
    }
    notes.sort_by_key(|n| n.span);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<(SectionKind, String)> {
        let d = parse_document_with(src.to_string(), &[]);
        d.sections.iter().map(|s| (s.kind, s.heading.clone())).collect()
    }

    #[test]
    fn a_heading_word_inside_a_paragraph_is_not_a_heading() {
        let src = "Bakgrund\n\nDetta framgår av\nBeslutsunderlag\nsom bifogas ärendet.\n";
        assert_eq!(kinds(src), [(SectionKind::Background, "Bakgrund".into())]);
    }

    #[test]
    fn headings_need_no_blank_lines_after_a_sentence() {
        let src = "Bakgrund\nText som slutar här.\nBedömning\nMer text.\n";
        let k: Vec<_> = kinds(src).into_iter().map(|(k, _)| k).collect();
        assert_eq!(k, [SectionKind::Background, SectionKind::Assessment]);
    }

    /// The line right under a heading opens a block, though the heading
    /// ends in no mark: a heading may stand there with text right under it.
    #[test]
    fn a_heading_right_under_another_opens_a_block() {
        let src = "Bakgrund\nBedömning\nText som fortsätter\npå nästa rad.\n";
        let k: Vec<_> = kinds(src).into_iter().map(|(k, _)| k).collect();
        assert_eq!(k, [SectionKind::Background, SectionKind::Assessment]);
    }

    #[test]
    fn a_same_kind_heading_right_under_another_introduces_its_body() {
        let src = "Sändlista\n\nBeslutet skickas till:\nSocialnämnden\n";
        assert_eq!(kinds(src).len(), 1);
        // With text between them they are two sections.
        let src = "Sändlista\nSocialnämnden\n\nBeslutet skickas till:\nKS\n";
        assert_eq!(kinds(src).len(), 2);
    }

    #[test]
    fn unknown_headings_before_prose_but_not_in_lists() {
        let src = "Bakgrund\n\nText.\n\nRemissvar\n\nRemissinstanserna har i huvudsak varit positiva till förslaget.\n\nSändlista\n\nKommunstyrelsen\n\nTekniska nämnden har ett mycket långt namn som fortsätter\n";
        let k = kinds(src);
        assert_eq!(k[1], (SectionKind::Other, "Remissvar".into()));
        assert_eq!(k.len(), 3);
    }

    /// `unknown_heading` as first written: words counted first, every test
    /// in its first order.
    fn unknown_heading_as_written(
        lines: &[Line<'_>],
        i: usize,
    ) -> Option<(String, std::ops::Range<usize>)> {
        let (line, trimmed) = (lines[i].text, lines[i].trimmed);
        let head = trimmed.strip_suffix(':').unwrap_or(trimmed).trim_end();
        let words = || head.split_whitespace();
        let folds = |w: &str, n: &str| w.chars().map(fold_char).eq(n.chars());
        let shaped = head.len() <= 60
            && (1..=5).contains(&words().count())
            && head.starts_with(|c: char| c.is_uppercase())
            && head.chars().all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '/' | '&'))
            && !text::starts_list_item(trimmed)
            && !words().any(|w| NOT_IN_HEADINGS.iter().any(|n| folds(w, n)));
        if !shaped {
            return None;
        }
        let next = lines[i + 1..].iter().find(|l| !l.is_blank())?;
        if next.trimmed.len() < 40 || text::starts_list_item(next.trimmed) {
            return None;
        }
        let lead = line.len() - line.trim_start().len();
        Some((head.to_string(), lead..lead + head.len()))
    }

    proptest::proptest! {
        #[test]
        fn unknown_headings_read_as_first_written(
            head in "( |\u{a0})?([A-ZÅÄÖÉ]|e |1\\. |[a-zåäö])([a-zåäöé]|[A-Z]| |\u{2003}|-|/|&|:|[0-9]|Att|ÄR|ska|Föreslås|foreslas|som|med){0,14}",
            next in "(\n|\n\n|\n \n)(e |[A-Z]|[a-zåäö ]){0,50}",
        ) {
            let src = format!("{head}{next}");
            let lines = split_lines(&src);
            let a = unknown_heading(&lines, 0).map(|m| (m.canonical, m.text));
            let b = unknown_heading_as_written(&lines, 0);
            proptest::prop_assert_eq!(a, b);
        }

        #[test]
        fn words_fold_as_char_by_char(word in "[a-zA-ZåäöÅÄÖéÉ&/-]{0,10}") {
            for n in NOT_IN_HEADINGS {
                proptest::prop_assert_eq!(folds_to(&word, n), word.chars().map(fold_char).eq(n.chars()));
            }
        }
    }

    /// Every word that keeps a line from being an unknown heading, in every
    /// case a scan gives it, folds as char by char: random words seldom
    /// spell one of them.
    #[test]
    fn the_excluded_words_fold_in_any_case() {
        for n in NOT_IN_HEADINGS {
            let title = n.chars().take(1).flat_map(char::to_uppercase).chain(n.chars().skip(1));
            for w in [n.to_string(), n.to_uppercase(), title.collect(), format!("{n}x")] {
                for other in NOT_IN_HEADINGS {
                    let by_char = w.chars().map(fold_char).eq(other.chars());
                    assert_eq!(folds_to(&w, other), by_char, "{w:?} against {other:?}");
                }
            }
            assert!(folds_to(&n.to_uppercase(), n), "{n}");
        }
        // A capitalised `Ska` keeps this line prose, not a section of its own.
        let src = "Titel\n\nBeslut\nText.\n\nKommunen Ska Bygga\n\nDetta är en lång rad med prosa som fortsätter en bit till här.\n";
        assert_eq!(kinds(src).len(), 1, "{:?}", kinds(src));
    }

    #[test]
    fn lead_in_lines_are_not_unknown_headings() {
        let src = "Förslag till beslut\n\nKommunstyrelsen beslutar att:\n\n1. anta planen som den ser ut efter remissen i våras.\n";
        assert_eq!(kinds(src).len(), 1);
    }

    #[test]
    fn later_minutes_items_become_sections() {
        let src = "§ 83 Dnr KS 2018/4\nMotion\n\nBeslut\n\nKS beslutar att avslå.\n\n§ 84 Dnr KS 2018/5\nNästa ärende\n";
        let k = kinds(src);
        assert_eq!(k.last().unwrap(), &(SectionKind::Other, "§ 84 Dnr KS 2018/5".into()));
    }

    #[test]
    fn impossible_dates_anywhere_are_noted_once() {
        let d = parse_document_with(
            "Beslutsunderlag\n\nKarta, 2026-02-30\n\nText 2025-13-01 och 2024-02-29.\n".into(),
            &[],
        );
        let found: Vec<_> = d.notes.iter().map(|n| n.found.as_str()).collect();
        assert_eq!(found, ["2026-02-30", "2025-13-01"]);
    }

    proptest::proptest! {
        /// Both searchers split as `str::split` does, and each line's trim
        /// is `str::trim`'s.
        #[test]
        fn lines_are_the_text_split_at_newlines(
            src in "([a-zö§ .:-]|\n|\r|\t|\u{a0}|\u{2003}|\u{3000}|\u{85}|\u{feff}){0,120}"
        ) {
            let expected: Vec<(usize, &str)> = src
                .split('\n')
                .scan(0, |at, l| {
                    let start = *at;
                    *at += l.len() + 1;
                    Some((start, l))
                })
                .collect();
            let portable = lines_at(&src, ByteOffsets::new(src.as_bytes(), b'\n'));
            for lines in [split_lines(&src), portable] {
                let got: Vec<(usize, &str)> = lines.iter().map(|l| (l.start, l.text)).collect();
                proptest::prop_assert_eq!(&got, &expected);
                for l in &lines {
                    proptest::prop_assert_eq!(l.trimmed, l.text.trim());
                    proptest::prop_assert_eq!(l.lead, l.text.len() - l.text.trim_start().len());
                    let span = l.trimmed_span();
                    proptest::prop_assert_eq!(&src[span.start..span.end], l.trimmed);
                }
            }
        }
    }

    #[test]
    fn both_hyphen_searches_note_the_same_dates() {
        let src = "2026-02-30 x-y 12026-01-01 2025-13-01-2025-02-29 -2024-02-30 2024-02-29";
        let by_portable = |src: &str| {
            let mut notes = Vec::new();
            note_dates_at(src, ByteOffsets::new(src.as_bytes(), b'-'), &mut notes);
            notes
        };
        let mut notes = Vec::new();
        note_impossible_dates(src, &mut notes);
        let found: Vec<_> = notes.iter().map(|n| n.found.as_str()).collect();
        assert_eq!(found, ["2026-02-30", "2025-13-01", "2025-02-29", "2024-02-30"]);
        assert_eq!(notes, by_portable(src));
    }

    /// Every `.txt` file under `fixtures/`, in a fixed order.
    fn fixture_texts() -> Vec<String> {
        fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|e| e == "txt") {
                    out.push(path);
                }
            }
        }
        let mut paths = Vec::new();
        walk(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"), &mut paths);
        paths.sort();
        paths.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect()
    }

    /// The flagged parse says a section holds text exactly when its whole
    /// text is not blank, in every section of every fixture and of generated
    /// documents (bullets, pipes and page numbers among their damage); it
    /// writes no section text, the proposal's points are all there without
    /// text, and the rest of the model is the same.
    #[test]
    fn flags_say_a_section_holds_text_exactly_when_its_whole_text_is_not_blank() {
        let sentences = corpus::sentences();
        let options = corpus::Options::default();
        let generated = (0..300).map(|i| corpus::document(11, i, &options, &sentences));
        // Lone pipes (OCR's `I`) in the sections whose content is read, which
        // neither the fixtures nor the generator put there.
        let pipes = "Förslag till beslut\n\nKS beslutar att\n\n1. | första\n\nBakgrund\n\n| text\n\n\
                     Beslutsunderlag:\n| Skrivelse, 2026-01-02\n\nSändlista\n\n| Kommunstyrelsen\n";
        // Blank sections, and sections that hold text.
        let mut seen = [0; 2];
        for text in fixture_texts().into_iter().chain(generated).chain([pipes.to_string()]) {
            let source = crate::normalize::normalize_text(&text);
            let mut whole = parse_document_with(source.clone(), &[]);
            let (mut flagged, filled) = parse_document_flagged(source, &[]);
            assert_eq!(filled.len(), whole.sections.len());
            // The points are all there, without their text.
            let proposals = |d: &mut Decision| [d.proposal.take(), d.decision.take()];
            for (w, f) in proposals(&mut whole).iter().zip(&mut proposals(&mut flagged)) {
                assert_eq!(f.is_some(), w.is_some());
                let (Some(w), Some(f)) = (w, f) else { continue };
                assert_eq!(f.points.len(), w.points.len());
                for (w, f) in w.points.iter().zip(&mut f.points) {
                    assert_eq!(f.text, "");
                    f.text.clone_from(&w.text);
                }
                assert_eq!(f, w);
            }
            for ((w, f), &filled) in whole.sections.iter().zip(&mut flagged.sections).zip(&filled) {
                let blank = crate::validate::blank(&w.text);
                assert_eq!(filled, !blank, "{:?}", w.text);
                assert_eq!(f.text, "");
                seen[usize::from(blank)] += 1;
                f.text.clone_from(&w.text);
            }
            assert_eq!(flagged, whole);
        }
        assert!(seen[0] > 1000 && seen[1] > 0, "blank and not: {seen:?}");
    }

    #[test]
    fn empty_and_blank_input() {
        for src in ["", "\n\n", "   \n"] {
            let d = parse_document_with(src.into(), &[]);
            assert!(d.sections.is_empty() && d.title.is_none() && d.header.span.is_none());
        }
    }
}
