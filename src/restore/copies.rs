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
use super::{Outcome, Restorer, index};

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

/// A word of a copy whose plan may change it, and its word id
/// ([`ELSEWHERE`] when the document lacks it). Positions are in the copy.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct CopyWord {
    pub(super) t: Token,
    pub(super) id: u32,
    /// Where its neighbours are in [`CopyWords::around`], for a word whose
    /// plan reads them; [`NO_NEIGHBOURS`] for the others (most: a word
    /// that changes by the lexicon alone), which are listed in a third of
    /// the room and without looking at their neighbours.
    around: u32,
}

/// The id of a word the document lacks: judged on the spot.
pub(super) const ELSEWHERE: u32 = u32::MAX;

/// [`CopyWord::around`] of a word whose neighbours are not kept.
const NO_NEIGHBOURS: u32 = u32::MAX;

/// A listed word's neighbours in the copy, the tokens before and after it.
pub(super) type Neighbours = (Option<Token>, Option<Token>);

/// The words of a copy whose plan may change them, in order, as
/// [`Restorer::copy_words`] finds them. Most words of a copy are kept as
/// written and are never listed: they are passed over by their plan, not
/// rendered. Kept by the caller from one copy to the next, so the list is
/// allocated once.
#[derive(Debug, Default)]
pub(crate) struct CopyWords {
    pub(super) words: Vec<CopyWord>,
    /// The neighbours of the listed words whose plan reads them (an
    /// ambiguous word, which context decides, or one judged on the spot).
    pub(super) around: Vec<Neighbours>,
    /// The last token of the copy read so far.
    last: Option<Token>,
    /// Whether the last neighbours noted wait for the token after their word.
    pending: bool,
    /// The buffer the next copy's new text is written into: the old text of
    /// the copy restored before it (see [`super::Rendering::new`]).
    pub(super) spare: String,
}

impl CopyWords {
    /// Scratch for restoring the copies out of the document `r` was made
    /// from, with room for every word of it whose plan may change it: the
    /// copies are of parts of the document, and a list that grows as the
    /// first long copy is read was reallocated several times per document.
    pub(crate) fn for_restorer(r: &Restorer<'_>) -> Self {
        CopyWords { words: Vec::with_capacity(r.changing), ..CopyWords::default() }
    }

    /// Note the copy's next token `t` (its id `id`, `None` for no word),
    /// listing it when `listed`, with its neighbours when `reads`.
    #[inline]
    fn note(&mut self, t: Token, id: Option<u32>, (listed, reads): (bool, bool)) {
        self.resolve(t);
        if let (true, Some(id)) = (listed, id) {
            let around = if reads { self.keep_around((self.last, None)) } else { NO_NEIGHBOURS };
            self.words.push(CopyWord { t, id, around });
        }
        self.last = Some(t);
    }

    /// `t` is the token after the word whose neighbours wait for it.
    #[inline]
    fn resolve(&mut self, t: Token) {
        if self.pending {
            if let Some(w) = self.around.last_mut() {
                w.1 = Some(t);
            }
            self.pending = false;
        }
    }

    /// Keep the neighbours of the word listed next, the one after it to
    /// come when `next` is `None`, and give where they are kept.
    #[inline]
    fn keep_around(&mut self, around: Neighbours) -> u32 {
        self.around.push(around);
        self.pending = around.1.is_none();
        // Fewer than 4 G words: a copy is shorter than its document.
        (self.around.len() - 1) as u32
    }
}

impl CopyWord {
    /// The word's neighbours, kept in `around`; none for a word whose plan
    /// does not read them.
    #[inline]
    pub(super) fn neighbours(&self, around: &[Neighbours]) -> Neighbours {
        around.get(self.around as usize).copied().unwrap_or((None, None))
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
    /// The words of `copy` whose plan may change them, with their
    /// neighbours, into `out`, `copy` being made of pieces of
    /// `source[from..to]`, whose tokens are `doc`. `false` when the copy
    /// cannot be read so (it is then restored as any string is).
    pub(super) fn copy_words(
        &self,
        copy: &str,
        (source, from, to): (&str, usize, usize),
        doc: &DocTokens,
        out: &mut CopyWords,
    ) -> bool {
        (out.last, out.pending) = (None, false);
        out.words.clear();
        out.around.clear();
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
                if !self.scan_into(copy, (done, lo), out) {
                    return false;
                }
                let (c, d) = (j + (lo - i), j + (hi - i));
                while doc.toks.get(k).is_some_and(|x| x.start() < c) {
                    k += 1;
                }
                k = self.note_stretch(doc, (k, c, d), lo, out);
                done = hi;
            }
            (i, j) = (i + n, j + n);
        }
        self.scan_into(copy, (done, t.len()), out)
    }

    /// Note the document's tokens from `doc.toks[k]` on that start before
    /// `d`, which stand in the copy from `lo` on as they stand in the source
    /// from `c`, and give the index past them. Only the words whose plan may
    /// change them are listed, and only their neighbours looked at: most
    /// tokens cost a look at their plan and nothing more.
    // Not inlined: in the walk's loop, its own loop over the tokens kept
    // less in registers, and took 1.2M instructions more over 200 generated
    // documents (`profile_pipeline pipeline 200 warm`).
    #[inline(never)]
    fn note_stretch(
        &self,
        doc: &DocTokens,
        (k, c, d): (usize, usize, usize),
        lo: usize,
        out: &mut CopyWords,
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
        out.resolve(shifted(first));
        for (q, x) in toks.iter().enumerate() {
            let id = x.id;
            // Words (and only they) have a plan.
            let Some(p) = self.plans.get(id as usize) else { continue };
            let around = match p.outcome {
                Outcome::Keep => continue,
                Outcome::Change { .. } => NO_NEIGHBOURS,
                Outcome::Context(_) => {
                    let prev = match q.checked_sub(1) {
                        Some(p) => toks.get(p).map(shifted),
                        None => before,
                    };
                    out.keep_around((prev, toks.get(q + 1).map(shifted)))
                }
            };
            out.words.push(CopyWord { t: shifted(x), id, around });
        }
        out.last = Some(shifted(last));
        k + toks.len()
    }

    /// Note the tokens of `copy[from..to]` (whole chunks), scanned and
    /// looked up as any string's are; `false` when the range is no `str`'s.
    fn scan_into(&self, copy: &str, (from, to): (usize, usize), out: &mut CopyWords) -> bool {
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
            match word.map(|w| self.index.get_bytes(w, index::hash_bytes(w))) {
                Some(Some(id)) => {
                    let outcome = self.plans.get(id as usize).map(|p| p.outcome);
                    let listed = outcome.is_some_and(|o| !matches!(o, Outcome::Keep));
                    let reads = outcome.is_some_and(|o| matches!(o, Outcome::Context(_)));
                    out.note(at, Some(id), (listed, reads));
                }
                // Judged on the spot: its plan may read its neighbours.
                Some(None) => out.note(at, Some(ELSEWHERE), (true, true)),
                None => out.note(at, None, (false, false)),
            }
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
    use super::tests_support::{both_ways, listed_by_scan};
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
            let mut out = CopyWords::default();
            let region = (d.source.as_str(), s.heading_span.end, s.span.end);
            assert!(r.copy_words(&s.text, region, &doc, &mut out));
            assert_eq!(out.listed(), listed_by_scan(&r, &s.text));
            assert!(a.is_empty() || a != s.text, "{a}");
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
        assert!(!r.copy_words(copy, (source, 6, source.len()), &doc, &mut CopyWords::default()));
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
        let mut out = CopyWords::default();
        assert!(r.copy_words(copy, (source, 6, source.len()), &doc, &mut out));
        let listed: Vec<&str> = out.words.iter().map(|w| &copy[w.t.start..w.t.end]).collect();
        // `for` and `ar` are decided by their neighbours, the joined word is
        // new to the document: all may change.
        assert_eq!(listed, ["for", "kannedom", "Kommunledningen", "ar", "hallbarhet", "ar"]);
        // `ar` has its neighbours as the copy has them.
        let (_, _, (prev, next)) = out.listed()[3];
        assert_eq!(prev.map(|t| &copy[t.start..t.end]), Some("Kommunledningen"));
        assert_eq!(next.map(|t| &copy[t.start..t.end]), Some("klar"));
        // `kannedom` changes by the lexicon alone: its neighbours are not kept.
        assert_eq!(out.listed()[1].2, (None, None));
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
            let mut out = CopyWords::default();
            prop_assert!(r.copy_words(&copy, (&source, from, to), &doc, &mut out));
            prop_assert_eq!(out.listed(), listed_by_scan(&r, &copy));
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
            let mut scratch = CopyWords::for_restorer(&r);
            scratch.spare = "stale ".repeat(40);
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

    /// A listed word, its id and its neighbours (as kept).
    pub(super) type Listed = (Token, u32, Neighbours);

    impl CopyWords {
        /// The words listed, with their neighbours.
        pub(super) fn listed(&self) -> Vec<Listed> {
            self.words.iter().map(|w| (w.t, w.id, w.neighbours(&self.around))).collect()
        }
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
