//! Restoring a text copied out of the document (a section's body) by the
//! tokens the document was read with.
//!
//! A section's text is its source lines trimmed and joined, with hyphenation
//! undone, bullets rewritten and page numbers left out: nearly all of it is
//! the source's bytes in the source's order. Where a stretch of the copy
//! equals a stretch of the source and both start and end where a chunk (a
//! run of non-blank chars, see [`scan::Stream`]) does, the scanner reads the
//! same tokens in both, and a word token's id is the id the document's own
//! token has: the copy's tokens there are the document's, shifted, with no
//! scan and no lookup. The rest of the copy (a joined word, a bullet, a
//! pipe read as `I`) is scanned and looked up as any string is. The tokens
//! and ids are thus exactly those that restoring the copy as a string reads,
//! and so is the result; how the stretches were found only decides how much
//! of the copy is matched, never what a token is.

use super::scan::{self, Kind, Token};
use super::{Outcome, Plan, Restorer, index};

/// The tokens of the document a [`super::Restorer`] was built from, each
/// with its word id.
#[derive(Debug, Default)]
pub(crate) struct DocTokens {
    pub(super) toks: Vec<DocToken>,
    /// Whether the tokens were kept: not for a document too long for
    /// [`DocToken`]'s offsets, whose texts are then restored as strings
    /// (with the same result, as the module's comment says).
    pub(super) kept: bool,
}

/// A [`Token`] of a document of less than 4 GiB and its word id, in 16
/// bytes where the token alone took 24 and the id 4 more in a list of its
/// own: a document's tokens are written once and read again for every copy
/// out of it, and were then almost five times the document's size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct DocToken {
    start: u32,
    end: u32,
    /// The word id, `u32::MAX` for a token that is no word.
    pub(super) id: u32,
    kind: Kind,
}

impl DocToken {
    /// `t`, whose offsets the caller knows to be within 32 bits, with id `id`.
    #[inline(always)]
    pub(super) fn narrow(t: Token, id: u32) -> Self {
        DocToken { start: t.start as u32, end: t.end as u32, id, kind: t.kind }
    }

    #[inline(always)]
    pub(super) fn wide(self) -> Token {
        Token { start: self.start as usize, end: self.end as usize, kind: self.kind }
    }

    #[inline(always)]
    fn start(self) -> usize {
        self.start as usize
    }
}

/// The id of a word the document lacks: judged on the spot.
pub(super) const ELSEWHERE: u32 = u32::MAX;

/// A word's neighbours in a copy, the tokens before and after it.
pub(super) type Neighbours = (Option<Token>, Option<Token>);

/// What [`Restorer::copy_words`] gives the words of a copy whose plan may
/// change them, in order: the renderer, which writes each as it comes
/// instead of reading a list of them again. Most words of a copy are kept
/// as written and are never given: they are passed over by their plan.
pub(super) trait CopySink {
    /// Word token `t` of the copy (positions are in the copy), its word id
    /// ([`ELSEWHERE`] when the document lacks it) and its plan (`None`
    /// then), with its neighbours when its plan reads them (an ambiguous
    /// word, which context decides, or one judged on the spot): most words
    /// change by the lexicon alone, and their neighbours are not looked at.
    /// A word whose next neighbour is `None` waits for [`CopySink::next`].
    fn word(&mut self, t: Token, id: u32, plan: Option<&Plan>, around: Option<Neighbours>);

    /// `t` is the token after the word given last, which waited for it. A
    /// word at the copy's end is given none.
    fn next(&mut self, t: Token);
}

/// Where the walk of [`Restorer::copy_words`] is in a copy. Kept by the
/// caller from one copy to the next, with the buffer the next copy's new
/// text is written into.
#[derive(Debug, Default)]
pub(crate) struct CopyWords {
    /// The last token of the copy read so far.
    last: Option<Token>,
    /// Whether the word given last waits for the token after it.
    pending: bool,
    /// The old text of the copy restored before (see
    /// [`super::Rendering::new`]).
    pub(super) spare: String,
}

impl CopyWords {
    /// Note the copy's next token `t`, giving it to `sink` when `word` (its
    /// id and plan, for a word whose plan may change it).
    #[inline]
    fn note(&mut self, sink: &mut impl CopySink, t: Token, word: Option<(u32, Option<&Plan>)>) {
        self.resolve(sink, t);
        if let Some((id, plan)) = word {
            let reads = plan.is_none_or(|p| matches!(p.outcome, Outcome::Context(_)));
            self.pending = reads;
            sink.word(t, id, plan, reads.then_some((self.last, None)));
        }
        self.last = Some(t);
    }

    /// `t` is the token after the word given last, if that one waits for it.
    #[inline]
    fn resolve(&mut self, sink: &mut impl CopySink, t: Token) {
        if self.pending {
            sink.next(t);
            self.pending = false;
        }
    }
}

/// A blank the scanner ends a chunk at, one byte long (and so never part of
/// a longer char). `None`, a text's edge, ends a chunk too.
#[inline]
fn blank(b: Option<&u8>) -> bool {
    b.is_none_or(|&b| matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r'))
}

/// Past the blanks from `i`.
#[inline]
fn skip_blanks(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && blank(b.get(i)) {
        i += 1;
    }
    i
}

/// Past the chunk at `i`: the first blank (or the end) from `i`.
fn chunk_end(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && !blank(b.get(i)) {
        i += 1;
    }
    i
}

/// How long `a` and `b` are alike from their starts: the same bytes, or a
/// blank in both (a line joined with a space where the source broke it).
/// Blanks in the same places and the same bytes between them make the same
/// chunks, so a paragraph whose lines the copy joined is one stretch.
#[inline]
fn alike_prefix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let mut k = 0;
    loop {
        k += equal_prefix(a.get(k..n).unwrap_or(&[]), b.get(k..n).unwrap_or(&[]));
        if k < n && blank(a.get(k)) && blank(b.get(k)) {
            k += 1;
        } else {
            return k;
        }
    }
}

/// How many bytes `a` and `b` (of one length) have in common from their
/// starts, sixteen at a time: the copy runs along the source for a line or a
/// paragraph at a stretch, and a byte-by-byte compare was most of the walk.
#[inline]
fn equal_prefix(a: &[u8], b: &[u8]) -> usize {
    let wide = |c: &[u8]| u128::from_le_bytes(c.try_into().unwrap_or([0; 16]));
    let mut k = 0;
    for (x, y) in a.chunks_exact(16).zip(b.chunks_exact(16)) {
        let differ = wide(x) ^ wide(y);
        if differ != 0 {
            return k + (differ.trailing_zeros() / 8) as usize;
        }
        k += 16;
    }
    let (a, b) = (a.get(k..).unwrap_or(&[]), b.get(k..).unwrap_or(&[]));
    k + a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

/// Where the copy `t` and the source `s` agree again after a byte where they
/// differ (`t[i]` and `s[j]`, neither blank), undoing what making the copy
/// did: a hyphen at a line end dropped, a `|` read as `I`, a line (a page
/// number) left out, a chunk (a bullet) written otherwise, or a chunk (the
/// colon after a heading) left out. Always past `j`, so the walk ends.
fn resync(t: &[u8], s: &[u8], i: usize, j: usize) -> (usize, usize) {
    let at_line_end = |p: usize| {
        let rest = s.get(p..).unwrap_or(&[]);
        let spaces = rest.iter().take_while(|b| matches!(b, b' ' | b'\t' | b'\r')).count();
        matches!(rest.get(spaces), None | Some(b'\n'))
    };
    match s.get(j) {
        Some(b'-') if at_line_end(j + 1) => return (i, j + 1),
        Some(b'|') if t.get(i) == Some(&b'I') => return (i + 1, j + 1),
        _ => {}
    }
    let line_start = s.get(..j).unwrap_or(&[]).iter().rev().take_while(|&&b| b != b'\n');
    if line_start.clone().all(|b| blank(Some(b))) {
        let next_line = s.get(j..).and_then(|r| r.iter().position(|&b| b == b'\n'));
        let next = skip_blanks(s, next_line.map_or(s.len(), |p| j + p + 1));
        if s.get(next) == t.get(i) {
            return (i, next);
        }
    }
    let next = skip_blanks(s, chunk_end(s, j));
    if s.get(next) == t.get(i) { (i, next) } else { (chunk_end(t, i), next) }
}

impl Restorer<'_> {
    /// Give the words of `copy` whose plan may change them to `sink`, with
    /// their neighbours where their plan reads them, `copy` being made of
    /// pieces of `source[from..to]`, whose tokens are `doc`; `out` keeps
    /// where the walk is. `false` when the copy cannot be read so (it is
    /// then restored as any string is).
    pub(super) fn copy_words(
        &self,
        copy: &str,
        (source, from, to): (&str, usize, usize),
        doc: &DocTokens,
        (out, sink): (&mut CopyWords, &mut impl CopySink),
    ) -> bool {
        (out.last, out.pending) = (None, false);
        if !doc.kept {
            return false;
        }
        let t = copy.as_bytes();
        let full = source.as_bytes();
        // The walk compares within the region; chunk edges are told by the whole source.
        let Some(s) = full.get(..to.min(full.len())) else { return false };
        let (mut i, mut j) = (0, from);
        // The first document token the next stretch may hold.
        let mut k = doc.toks.partition_point(|x| x.start() < from);
        // Bytes of the copy whose tokens are noted.
        let mut done = 0;
        while i < t.len() && j < s.len() {
            (i, j) = (skip_blanks(t, i), skip_blanks(s, j));
            let (Some(a), Some(b)) = (t.get(i..), s.get(j..)) else { break };
            match (a.first(), b.first()) {
                (Some(x), Some(y)) if x == y => {}
                (Some(_), Some(_)) => {
                    (i, j) = resync(t, s, i, j);
                    continue;
                }
                // One of them is read to its end.
                _ => break,
            }
            let n = alike_prefix(a, b);
            if let Some((lo, hi)) = chunk_aligned(t, full, (i, j, n)) {
                // The copy before the stretch, then the stretch by the document's tokens.
                if !self.scan_into(copy, (done, lo), (out, sink)) {
                    return false;
                }
                let (c, d) = (j + (lo - i), j + (hi - i));
                while doc.toks.get(k).is_some_and(|x| x.start() < c) {
                    k += 1;
                }
                k = self.note_stretch(doc, (k, c, d), lo, (out, sink));
                done = hi;
            }
            (i, j) = (i + n, j + n);
        }
        self.scan_into(copy, (done, t.len()), (out, sink))
    }

    /// Note the document's tokens from `doc.toks[k]` on that start before
    /// `d`, which stand in the copy from `lo` on as they stand in the source
    /// from `c`, and give the index past them. Only the words whose plan may
    /// change them are given to `sink`, and only the neighbours of those
    /// whose plan reads them looked at: most tokens cost a look at their
    /// plan and nothing more.
    // Not inlined: in the walk's loop, its own loop over the tokens kept
    // less in registers, and took 1.2M instructions more over 200 generated
    // documents (`profile_pipeline pipeline 200 warm`).
    #[inline(never)]
    fn note_stretch(
        &self,
        doc: &DocTokens,
        (k, c, d): (usize, usize, usize),
        lo: usize,
        (out, sink): (&mut CopyWords, &mut impl CopySink),
    ) -> usize {
        // No token from `k` on starts before `c`: the caller moved `k` past
        // those, and the scanner gives tokens in order.
        let shifted = |x: &DocToken| {
            let x = x.wide();
            Token { start: x.start - c + lo, end: x.end - c + lo, kind: x.kind }
        };
        let Some(rest) = doc.toks.get(k..) else { return k };
        // The stretch's tokens, found by a search: the loop over them then
        // looks at their plans alone, not at where each starts too.
        let toks = rest.get(..rest.partition_point(|x| x.start() < d)).unwrap_or(&[]);
        let (Some(first), Some(last)) = (toks.first(), toks.last()) else { return k };
        let before = out.last;
        out.resolve(sink, shifted(first));
        let plans = self.plans.as_slice();
        // Counted by one index, moved on first: enumerated, the loop kept a
        // pointer and two counts and read the plans' place from the stack,
        // 15 instructions per token passed over (most) where this takes 12.
        let mut q = 0;
        while let Some(x) = toks.get(q) {
            q += 1;
            let id = x.id;
            // Words (and only they) have a plan.
            let Some(p) = plans.get(id as usize) else { continue };
            let around = match p.outcome {
                Outcome::Keep => continue,
                Outcome::Change { .. } => None,
                Outcome::Context(_) => {
                    // `q` is past `x`.
                    let prev = match q.checked_sub(2) {
                        Some(p) => toks.get(p).map(shifted),
                        None => before,
                    };
                    let next = toks.get(q).map(shifted);
                    out.pending = next.is_none();
                    Some((prev, next))
                }
            };
            sink.word(shifted(x), id, Some(p), around);
        }
        out.last = Some(shifted(last));
        k + toks.len()
    }

    /// Note the tokens of `copy[from..to]` (whole chunks), scanned and
    /// looked up as any string's are; `false` when the range is no `str`'s.
    fn scan_into(
        &self,
        copy: &str,
        (from, to): (usize, usize),
        (out, sink): (&mut CopyWords, &mut impl CopySink),
    ) -> bool {
        // Most gaps between stretches are the blank joining two lines.
        let from = skip_blanks(copy.as_bytes(), from);
        if from >= to {
            return true;
        }
        let Some(part) = copy.get(from..to) else { return false };
        let b = part.as_bytes();
        for x in scan::Stream::new(part) {
            let at = Token { start: x.start + from, end: x.end + from, kind: x.kind };
            let word = b.get(x.start..x.end).filter(|_| x.kind == Kind::Word);
            let given = match word.map(|w| self.index.get_bytes(w, index::hash_bytes(w))) {
                Some(Some(id)) => self
                    .plans
                    .get(id as usize)
                    .filter(|p| !matches!(p.outcome, Outcome::Keep))
                    .map(|p| (id, Some(p))),
                // Judged on the spot.
                Some(None) => Some((ELSEWHERE, None)),
                None => None,
            };
            out.note(sink, at, given);
        }
        true
    }
}

/// The part of the alike stretch `t[i..i + n]`, `s[j..j + n]` whose chunks
/// are whole in both texts, as a range of `t`: it starts where a chunk may
/// (after a blank or at the text's start, in both) or else at its first
/// blank, and ends likewise. `None` when no part is.
fn chunk_aligned(t: &[u8], s: &[u8], (i, j, n): (usize, usize, usize)) -> Option<(usize, usize)> {
    let run = t.get(i..i + n)?;
    let before = |b: &[u8], p: usize| blank(p.checked_sub(1).and_then(|p| b.get(p)));
    let lo = if before(t, i) && before(s, j) {
        i
    } else {
        i + run.iter().position(|&b| blank(Some(&b)))?
    };
    let hi = if blank(t.get(i + n)) && blank(s.get(j + n)) {
        i + n
    } else {
        i + run.iter().rposition(|&b| blank(Some(&b)))? + 1
    };
    (lo < hi).then_some((lo, hi))
}

#[cfg(test)]
mod tests {
    use super::tests_support::{both_ways, list, listed_by_scan};
    use super::*;
    use crate::restore::Lexicon;

    #[test]
    fn section_texts_restore_as_strings_do() {
        let doc = "Arende\n\nBeskrivning av arendet: Kommunled-\n  ningsforvaltningen har \
                   | sitt arbete sett att\n\nSida 2 av 4\n\nfor kannedom ar 2026.\ne Miljo- och \
                   byggnadsnamnden\n¢ Tekniska namnden\n\nBeslutsunderlag\n\nTjansteskrivelse\n";
        let d = crate::parse::parse_document_with(crate::normalize::normalize_text(doc), &[]);
        assert!(!d.sections.is_empty());
        for s in &d.sections {
            let (a, b) = both_ways(&d.source, &s.text, (s.heading_span.end, s.span.end));
            assert_eq!(a, b);
            let (r, doc) = Restorer::with_tokens(Lexicon::builtin(), &d.source);
            let region = (d.source.as_str(), s.heading_span.end, s.span.end);
            assert_eq!(list(&r, &s.text, region, &doc), Some(listed_by_scan(&r, &s.text)));
            assert!(a.is_empty() || a != s.text, "{a}");
        }
    }

    #[test]
    fn words_rendered_as_the_walk_gives_them_read_their_line_and_next_stretch() {
        let cases = [
            // `TVA` changes by the lexicon alone, but stands for an acronym
            // outside a line of capitals: the renderer's shortcut for such
            // words must not pass over the line.
            (
                "Rubrik\n\nVi har TVA bilar och tva cyklar.\n\nAVGIFTER FOR TVA AR\n",
                "Vi har TVA bilar och tva cyklar.\n\nAVGIFTER FOR TVA AR",
                "Vi har TVA bilar och två cyklar.\n\nAVGIFTER FÖR TVÅ ÅR",
            ),
            // The page number line is left out of the copy: `ar` ends a
            // stretch and waits for its next token, `2026`, which makes it `år`.
            (
                "Rubrik\n\nPlanen galler till ar\n\nSida 2 av 4\n\n2026 nu.\n",
                "Planen galler till ar 2026 nu.",
                "Planen gäller till år 2026 nu.",
            ),
        ];
        for (source, copy, restored) in cases {
            let (a, b) = both_ways(source, copy, (6, source.len()));
            assert_eq!(a, b);
            assert_eq!(a, restored);
        }
    }

    #[test]
    fn a_document_whose_tokens_are_not_kept_restores_alike() {
        // As a document too long for 32-bit offsets is read: its texts are
        // then restored as strings, to the same result.
        let source = "Rubrik\n\nfor kannedom: Kommunled-\nningen ar klar.\n\ne hallbarhet ar\n";
        let copy = "for kannedom: Kommunledningen ar klar.\n\n• hallbarhet ar";
        let lex = Lexicon::builtin();
        let (r, doc) = Restorer::with_tokens_below(lex, source, source.len());
        assert!(!doc.kept && doc.toks.is_empty());
        assert_eq!(list(&r, copy, (source, 6, source.len()), &doc), None);
        let (kept, all) = Restorer::with_tokens(lex, source);
        assert!(all.kept && !all.toks.is_empty());
        let whole = r.render_whole(source, &doc);
        assert_eq!(whole, kept.render_whole(source, &all));
        assert_eq!(
            whole.0.as_deref(),
            Some("Rubrik\n\nför kännedom: Kommunled-\nningen är klar.\n\ne hållbarhet är\n")
        );
        let (mut by_string, mut by_tokens) = (copy.to_string(), copy.to_string());
        r.restore_copy_in_place(
            &mut by_string,
            (source, 6, source.len()),
            &doc,
            &mut CopyWords::default(),
        );
        kept.restore_copy_in_place(
            &mut by_tokens,
            (source, 6, source.len()),
            &all,
            &mut CopyWords::default(),
        );
        assert_eq!(by_string, by_tokens);
        assert_eq!(by_string, "för kännedom: Kommunledningen är klar.\n\n• hållbarhet är");
    }

    #[test]
    fn the_walk_reads_the_stretches_by_the_documents_tokens() {
        let source =
            "Rubrik\n\nfor kannedom: Kommunled-\nningen ar klar.\n\n2 (4)\n\ne hallbarhet ar\n";
        let copy = "for kannedom: Kommunledningen ar klar.\n\n• hallbarhet ar";
        let (r, doc) = Restorer::with_tokens(Lexicon::builtin(), source);
        let out = list(&r, copy, (source, 6, source.len()), &doc).unwrap_or_default();
        let listed: Vec<&str> = out.iter().map(|w| &copy[w.0.start..w.0.end]).collect();
        // `for` and `ar` are decided by their neighbours, the joined word is
        // new to the document: all may change.
        assert_eq!(listed, ["for", "kannedom", "Kommunledningen", "ar", "hallbarhet", "ar"]);
        // `ar` has its neighbours as the copy has them.
        let (_, _, (prev, next)) = out[3];
        assert_eq!(prev.map(|t| &copy[t.start..t.end]), Some("Kommunledningen"));
        assert_eq!(next.map(|t| &copy[t.start..t.end]), Some("klar"));
        // `kannedom` changes by the lexicon alone: its neighbours are not kept.
        assert_eq!(out[1].2, (None, None));
        let (a, b) = both_ways(source, copy, (6, source.len()));
        assert_eq!(a, b);
        assert_eq!(a, "för kännedom: Kommunledningen är klar.\n\n• hållbarhet är");
    }
}

#[cfg(test)]
mod properties {
    use super::tests_support::*;
    use super::*;
    use crate::restore::Lexicon;
    use proptest::prelude::*;

    proptest! {
        /// Whatever the copy is and wherever it is said to come from, it is
        /// restored as the string it is: the walk decides only how much of
        /// it is read by the document's tokens.
        #[test]
        fn any_copy_restores_as_its_string(
            pieces in prop::collection::vec(piece(), 1..60),
            picks in prop::collection::vec((0usize..120, 0usize..24, prop::sample::select(vec!["", " ", "\n", "\n\n", "-", "• "])), 0..12),
            region in (0usize..8, 0usize..400),
        ) {
            let source: String = pieces.concat();
            // In the source's order, as a section's body is; mostly from the
            // region's start, so the walk finds what there is to find.
            let mut picks = picks;
            picks.sort_by_key(|p| p.0);
            let copy = copy_of(&source, &picks);
            let (from, to) = region;
            let (a, b) = both_ways(&source, &copy, (from, to));
            prop_assert_eq!(a, b);
            // And it is read as the scanner reads it: the same words listed,
            // with the same neighbours.
            let (r, doc) = Restorer::with_tokens(Lexicon::builtin(), &source);
            prop_assert_eq!(list(&r, &copy, (&source, from, to), &doc), Some(listed_by_scan(&r, &copy)));
        }

        /// Copies restored one after another with one scratch, each written
        /// into the buffer the one before gave up (stale text at first),
        /// restore as each does alone.
        #[test]
        fn copies_in_turn_restore_as_each_alone(
            pieces in prop::collection::vec(piece(), 1..60),
            copies in prop::collection::vec(
                prop::collection::vec((0usize..120, 0usize..24, prop::sample::select(vec!["", " ", "\n", "-", "• "])), 0..8),
                1..6,
            ),
        ) {
            let source: String = pieces.concat();
            let (r, doc) = Restorer::with_tokens(Lexicon::builtin(), &source);
            let mut scratch = CopyWords { spare: "stale ".repeat(40), ..CopyWords::default() };
            for picks in &copies {
                let copy = copy_of(&source, picks);
                let mut in_turn = copy.clone();
                r.restore_copy_in_place(&mut in_turn, (&source, 0, source.len()), &doc, &mut scratch);
                prop_assert_eq!(in_turn, r.restore_str(&copy));
            }
        }
    }
}

#[cfg(test)]
mod tests_support {
    use super::*;
    use crate::restore::Lexicon;
    use proptest::prelude::*;

    pub(super) fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "ar",
            "for",
            "kannedom",
            "hallbarhet",
            "Nystrom",
            "Nyström",
            "MDU",
            "AR",
            "2026",
            "KS-2024-1",
            "| ",
            "e ",
            "• ",
            "-\n",
            " ",
            " ",
            "\n",
            "\n\n",
            "  ",
            ".",
            ", ",
            ":",
            "fér",
            "Kvarno",
            "år",
            "\u{a0}",
            "ö",
            "x@y.se",
        ])
    }

    /// A copy of pieces of `source`: (start piece byte, length in chars,
    /// glue) picks, clamped to char boundaries.
    pub(super) fn copy_of(source: &str, picks: &[(usize, usize, &str)]) -> String {
        let mut copy = String::new();
        for &(at, len, glue) in picks {
            let mut start = at.min(source.len());
            while !source.is_char_boundary(start) {
                start -= 1;
            }
            let end =
                source[start..].char_indices().nth(len).map_or(source.len(), |(i, _)| start + i);
            copy.push_str(&source[start..end]);
            copy.push_str(glue);
        }
        copy
    }

    /// A word given by the walk, its id and its neighbours (as given).
    pub(super) type Listed = (Token, u32, Neighbours);

    /// The words the walk gives, listed.
    #[derive(Default)]
    struct Listing(Vec<Listed>);

    impl CopySink for Listing {
        fn word(&mut self, t: Token, id: u32, _: Option<&Plan>, around: Option<Neighbours>) {
            self.0.push((t, id, around.unwrap_or((None, None))));
        }

        fn next(&mut self, t: Token) {
            if let Some(w) = self.0.last_mut() {
                w.2.1 = Some(t);
            }
        }
    }

    /// The words [`Restorer::copy_words`] gives of `copy`, a copy out of
    /// `source[from..to]`, whose tokens are `doc`; `None` when it cannot
    /// read the copy so.
    pub(super) fn list(
        r: &Restorer<'_>,
        copy: &str,
        region: (&str, usize, usize),
        doc: &DocTokens,
    ) -> Option<Vec<Listed>> {
        let mut listing = Listing::default();
        let read = r.copy_words(copy, region, doc, (&mut CopyWords::default(), &mut listing));
        read.then_some(listing.0)
    }

    /// The words of `copy` [`Restorer::copy_words`] is to list, found by
    /// scanning the whole copy and looking every word up, with their
    /// neighbours where their plan reads them: a word decided by context,
    /// or one the document lacks.
    pub(super) fn listed_by_scan(r: &Restorer<'_>, copy: &str) -> Vec<Listed> {
        let toks: Vec<Token> = scan::Stream::new(copy).collect();
        let mut words = Vec::new();
        for (i, &t) in toks.iter().enumerate() {
            if t.kind != Kind::Word {
                continue;
            }
            let id = r.index.get(&copy[t.start..t.end]);
            let keep = id.and_then(|id| r.plans.get(id as usize));
            if keep.is_some_and(|p| matches!(p.outcome, Outcome::Keep)) {
                continue;
            }
            let reads = keep.is_none_or(|p| matches!(p.outcome, Outcome::Context(_)));
            let prev = i.checked_sub(1).map(|p| toks[p]).filter(|_| reads);
            let next = toks.get(i + 1).copied().filter(|_| reads);
            words.push((t, id.unwrap_or(ELSEWHERE), (prev, next)));
        }
        words
    }

    /// Restore `copy`, said to be a copy out of `source[from..to]`, as a
    /// string and by the document's tokens.
    pub(super) fn both_ways(
        source: &str,
        copy: &str,
        (from, to): (usize, usize),
    ) -> (String, String) {
        let (r, doc) = Restorer::with_tokens(Lexicon::builtin(), source);
        let mut by_string = copy.to_string();
        r.restore_in_place(&mut by_string, &mut String::new());
        let mut by_tokens = copy.to_string();
        r.restore_copy_in_place(
            &mut by_tokens,
            (source, from, to),
            &doc,
            &mut CopyWords::default(),
        );
        (by_string, by_tokens)
    }
}
