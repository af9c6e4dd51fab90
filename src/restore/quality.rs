//! How good a scan's OCR is: the share of its words that neither the lexicon
//! nor restoration knows, counted over every word or estimated from a sample.

use super::index::{self, WordIndex};
use super::scan;
use super::{Lexicon, OcrQuality};

/// Count the words of `text` and those neither `lexicon` nor restoration knows.
///
/// ```
/// let lex = beslut::Lexicon::builtin();
/// let q = beslut::ocr_quality("Beslutet skickas till Socialnamnden, KS-2024-00011. Xqwvz", lex);
/// assert_eq!(q, beslut::OcrQuality { words: 5, unrecognized: 1 });
/// ```
pub fn ocr_quality(text: &str, lexicon: &Lexicon) -> OcrQuality {
    // The words as the restorer reads them: each distinct word judged once,
    // under one lock of the lexicon's memo, where a token list, a map of
    // the words and a memo lookup per word cost more than a restorer.
    tally(&super::read_words(text, scan::Stream::new(text), None), lexicon)
}

/// The words of `index`, each as often as it was interned, and those of them
/// nothing recognizes: every distinct word judged once, under one lock of
/// the lexicon's memo.
fn tally(index: &WordIndex, lexicon: &Lexicon) -> OcrQuality {
    lexicon.judge_all(index, |judged| {
        let mut q = OcrQuality::default();
        for (j, count) in judged.iter().zip(index.counts()) {
            q.tally(j.recognized(), count);
        }
        q
    })
}

/// Stretches of the text [`estimate_ocr_quality`] reads, spread evenly over it.
const SAMPLE_STRETCHES: usize = 64;

/// Bytes in each stretch: two or three words, so a sample of a page of
/// running text holds some 130 to 150. Were the words drawn one by one, at a
/// true share of 10 % unknown words the estimate would be off by more than
/// five points about once in twenty-five documents. OCR damage comes in lines
/// and pages and a stretch's words stand together, so the real spread is
/// wider, up to what 64 single draws give (off by five points about once in
/// five): enough to tell a bad scan from a good one, not to rank two good ones.
const SAMPLE_STRETCH_BYTES: usize = 16;

/// [`ocr_quality`] estimated from a sample: the words that start in 64
/// stretches of 16 bytes, one in each 64th of the text. `words` is the number
/// of words sampled and `unrecognized` how many of them nothing knows, so
/// [`OcrQuality::unrecognized_share`] estimates the document's share. A word
/// is drawn when it starts in a stretch, so a short word is as likely to be
/// drawn as a long one (taking one word per window would favour long words
/// and miss short OCR debris); only a word glued to what precedes it, as in
/// `(ord`, is drawn a little less often. A text of half a kilobyte or less is
/// counted whole.
///
/// Its cost hardly grows with the text: judging every distinct word against
/// the lexicon costs several times what parsing does, and a caller that does
/// not restore should not pay for it to learn whether a scan is readable.
///
/// ```
/// let lex = beslut::Lexicon::builtin();
/// let good = "Kommunstyrelsen beslutar att anta förslaget och skicka det till nämnden. ".repeat(40);
/// let bad = "Xqwv zkjh pqrs vbnm kjhg lkjh poiu. ".repeat(60);
/// let (g, b) = (beslut::estimate_ocr_quality(&good, lex), beslut::estimate_ocr_quality(&bad, lex));
/// assert!(g.words > 100 && g.words < beslut::ocr_quality(&good, lex).words / 2);
/// assert_eq!(g.unrecognized, 0);
/// assert_eq!(b.unrecognized, b.words);
/// ```
pub fn estimate_ocr_quality(text: &str, lexicon: &Lexicon) -> OcrQuality {
    // Judged together, under one lock of the memo: a lock taken and a
    // lookup called per word were a good part of a sampled word's cost.
    lexicon.recognized_fold(Sample::new(text), OcrQuality::default(), |mut q, known| {
        q.tally(known, 1);
        q
    })
}

/// The words [`estimate_ocr_quality`] draws from a text, each with its
/// [`index::hash_bytes`]: drawn one at a time as the memo is searched for
/// them, where gathering them in a list first cost a store and a load per
/// word and an allocation per text.
struct Sample<'t> {
    text: &'t str,
    /// One stream over the text, sent on to a stretch only when it lags
    /// behind it: scanning the gap would read the whole text, and sending
    /// it on when it is ahead would read a chunk twice.
    tokens: scan::Stream<'t>,
    /// How many stretches have been begun.
    begun: usize,
    /// Where the next stretch starts: each stretch's start is the previous
    /// one's limit, reckoned once.
    next: usize,
    /// The end of the stretch being drawn from: a word is drawn when it
    /// starts before it. 0 before the first stretch and in a stretch with
    /// no word to draw.
    end: usize,
}

impl<'t> Sample<'t> {
    fn new(text: &'t str) -> Self {
        let next = stretch_start(text.len(), 0);
        Sample { text, tokens: scan::Stream::new(text), begun: 0, next, end: 0 }
    }
}

impl<'t> Iterator for Sample<'t> {
    type Item = (&'t [u8], u64);

    // Always inlined into the memo's loop, as the stream is into this.
    #[inline(always)]
    fn next(&mut self) -> Option<Self::Item> {
        loop {
            // A word is sampled when it starts inside the stretch: then a
            // short word is as likely to be drawn as a long one.
            if let Some((start, end)) = self.tokens.word_before(self.end) {
                if let Some(w) = self.text.as_bytes().get(start..end) {
                    return Some((w, index::hash_bytes(w)));
                }
                continue;
            }
            if self.begun == SAMPLE_STRETCHES {
                return None;
            }
            let stretch = self.next;
            self.begun += 1;
            self.next = stretch_start(self.text.len(), self.begun);
            // A stretch starts at most at the text's end: no sum overflows.
            self.end = stretch + SAMPLE_STRETCH_BYTES;
            if self.tokens.lags(stretch) {
                match chunk_start(self.text, stretch, self.next) {
                    Some(at) => self.tokens.seek(at),
                    // No chunk starts before the next window: this one has no word to draw.
                    None => self.end = 0,
                }
            }
        }
    }
}

/// Where the `i`th stretch starts: somewhere in the `i`th of
/// [`SAMPLE_STRETCHES`] equal windows over `len` bytes, at a point the golden
/// ratio spreads. Stretches at one offset in every window would sample a text
/// that repeats a passage (a form, a table) at the same few places of each copy.
fn stretch_start(len: usize, i: usize) -> usize {
    // The fractional part of i·φ, in 32 bits.
    let offset = (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32;
    // In u64 for any text of up to 4 GiB, where no product below overflows:
    // the u128 arithmetic cost several times as much.
    if let Ok(len) = u32::try_from(len) {
        let (len, n, i) = (u64::from(len), SAMPLE_STRETCHES as u64, i as u64);
        let (window, next) = (len * i / n, len * (i + 1) / n);
        return (window + (next - window) * offset / (1 << 32)) as usize;
    }
    let (len, n) = (len as u128, SAMPLE_STRETCHES as u128);
    // In u128: `len * i` overflows nothing a `usize` can index.
    let (window, next) = (len * i as u128 / n, len * (i as u128 + 1) / n);
    (window + (next - window) * offset as u128 / (1 << 32)) as usize
}

/// The start of the first chunk at or after `at` and before `limit`: a scan
/// started inside a word would read its tail as a word of its own. Chunks are
/// separated by whatever the scanner takes for a blank, which includes the
/// no-break and other Unicode spaces OCR leaves between words. The search
/// stops at `limit` so that a text without blanks is not read once per
/// stretch; it finds nothing when `limit` falls inside a char.
// Always inlined, the slow cases aside: it runs once per stretch, and the
// call, with the char-boundary searches and `str` slicing around a search
// of usually a few bytes, cost more than the search.
#[inline(always)]
fn chunk_start(text: &str, at: usize, limit: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    // Eight bytes at a time, from the one before the stretch, up to the
    // first blank or byte beyond ASCII.
    let window =
        |i: usize| bytes.get(i..i.wrapping_add(8)).and_then(|w| <[u8; 8]>::try_from(w).ok());
    let Some(first) = window(at.wrapping_sub(1)).map(u64::from_le_bytes) else {
        return chunk_start_anywhere(text, at, limit);
    };
    let end = limit.min(bytes.len());
    // Where the window starts, and its first blank or byte beyond ASCII
    // (8: none); every char from `at` to that byte is no blank.
    let (at, mut from, mut k) = match (first_blank_or_high(first), first as u8) {
        // The byte before is a blank.
        (0, b) if b.is_ascii() => return Some(at),
        // `at` is inside an `é` or the like, which the loop below steps
        // over: the chunk starts after it.
        (0, 0xC3) => (at + 1, at - 1, 0),
        // `at` is just after one.
        (0, _) if bytes.get(at.wrapping_sub(2)) == Some(&0xC3) => (at, at - 2, 0),
        // After another char beyond ASCII, or inside one.
        (0, _) => return chunk_start_anywhere(text, at, limit),
        (k, _) => (at, at - 1, k),
    };
    loop {
        if k < 8 {
            let i = from + k;
            match bytes.get(i) {
                // A blank, when the search reaches it.
                Some(b) if b.is_ascii() => {
                    return (i < end && text.is_char_boundary(end)).then_some(i + 1);
                }
                // Å, ä, ö, é and the other chars led by C3 (U+00C0 to
                // U+00FF) are no blanks: most chars beyond ASCII in Swedish.
                Some(0xC3) => from = i + 2,
                // Another char beyond ASCII.
                _ => return chunk_after(text, at, i, limit),
            }
        } else {
            from += 8;
        }
        if from >= end {
            return None;
        }
        let Some(w) = window(from) else {
            return chunk_after(text, at, from, limit);
        };
        k = first_blank_or_high(u64::from_le_bytes(w));
    }
}

/// Where the first ASCII blank (as [`is_ascii_blank`]) or byte beyond ASCII
/// is among the eight bytes of `x`, from the first; 8 when none is.
#[inline(always)]
fn first_blank_or_high(x: u64) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Each test below is exact for the bytes before the first one beyond
    // ASCII (which is marked itself): only such a byte carries into the
    // next, and carries and borrows go upwards only.
    // A space byte is 0 in `t`, and 0 is the lowest byte that borrows in
    // `t - ONES`.
    let t = x ^ (b' ' as u64 * ONES);
    let space = t.wrapping_sub(ONES) & !t & HIGH;
    // Tab to carriage return, 9 to 13.
    let control = x.wrapping_add(0x77 * ONES) & !x.wrapping_add(0x72 * ONES) & HIGH;
    ((space | control | x & HIGH).trailing_zeros() / 8) as usize
}

/// [`chunk_start`] for a stretch that starts at the text's ends or next to
/// a char beyond ASCII.
#[inline(never)]
fn chunk_start_anywhere(text: &str, at: usize, limit: usize) -> Option<usize> {
    // A stretch may start inside a character: its chunk starts later anyway.
    let at = (at..=text.len()).find(|&i| text.is_char_boundary(i))?;
    let blank_before = match at.checked_sub(1).map(|i| text.as_bytes().get(i)) {
        None => true,
        Some(Some(&b)) if b.is_ascii() => is_ascii_blank(b),
        Some(_) => {
            text.get(..at).and_then(|s| s.chars().next_back()).is_some_and(char::is_whitespace)
        }
    };
    if blank_before {
        return Some(at);
    }
    chunk_after(text, at, at, limit)
}

/// Where the first chunk after the one `at` (a char boundary) is inside
/// starts, if before `limit`; no char from `at` to `from` is a blank.
#[inline(never)]
fn chunk_after(text: &str, at: usize, from: usize, limit: usize) -> Option<usize> {
    let end = limit.min(text.len());
    // As `text.get(at..end)`, without testing `at` again.
    if at > end || !text.is_char_boundary(end) {
        return None;
    }
    let rest = text.as_bytes().get(at..end)?;
    let mut i = from.saturating_sub(at).min(rest.len());
    loop {
        // Eight bytes at a time to the next one that is no printable ASCII:
        // most of a Swedish word is, and a byte loop was most of this search.
        i += match rest.get(i..i + 8).and_then(|w| <[u8; 8]>::try_from(w).ok()) {
            Some(word) => printable_ascii(word),
            None => rest.get(i..)?.iter().take_while(|&&b| b > b' ' && b < 0x80).count(),
        };
        let &b = rest.get(i)?;
        if b.is_ascii() {
            if is_ascii_blank(b) {
                return Some(at + i + 1);
            }
            // A control that is no blank.
            i += 1;
            continue;
        }
        // Å, ä, ö, é and the other chars led by C3 (U+00C0 to U+00FF) are
        // no blanks: most chars beyond ASCII in Swedish text.
        if b == 0xC3 {
            i += 2;
            continue;
        }
        // A char beyond ASCII starts at `i` and ends before `end`.
        match char_beyond_ascii(text, at + i, end)? {
            (true, n) => return Some(at + i + n),
            (false, n) => i += n,
        }
    }
}

/// Whether the char at `i` (ending before `end`) is a blank, and its width.
#[inline(never)]
fn char_beyond_ascii(text: &str, i: usize, end: usize) -> Option<(bool, usize)> {
    let c = text.get(i..end)?.chars().next()?;
    Some((c.is_whitespace(), c.len_utf8()))
}

/// [`char::is_whitespace`] of an ASCII byte: tab, line feed, vertical tab,
/// form feed, carriage return and space.
#[inline(always)]
fn is_ascii_blank(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// How many of the eight bytes, from the first, are printable ASCII (from
/// `!` to DEL): neither a blank, a control below the space, nor part of a
/// char beyond ASCII.
#[inline(always)]
fn printable_ascii(word: [u8; 8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let x = u64::from_le_bytes(word);
    // With each byte's high bit set, subtracting 0x21 borrows from no
    // neighbour, and clears the high bit just where the low seven bits are
    // below 0x21.
    let low = !((x | HIGH) - 0x21 * ONES) & HIGH;
    ((x & HIGH | low).trailing_zeros() / 8) as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::restore::scan::Kind;
    use proptest::prelude::*;

    #[test]
    fn a_short_text_is_sampled_whole() {
        let lex = Lexicon::builtin();
        let text = "Beslutet skickas till Socialnamnden, KS-2024-00011. Xqwvz";
        assert_eq!(estimate_ocr_quality(text, lex), ocr_quality(text, lex));
    }

    #[test]
    fn the_restorer_counts_what_ocr_quality_counts() {
        // Clean, stripped and noisy text, codes, numbers and a refused word.
        let lex = Lexicon::builtin();
        let texts = [
            include_str!("../../fixtures/parse/enkoping-ks-2026-social-hallbarhet.ocr.txt"),
            include_str!("../../tests/support/municipal-sv.txt"),
            include_str!("../../fixtures/parse/degraded-heavy.txt"),
            "Forslag till beslut fér kannedom, KS-2024-00011 xqzzyv 2026 Nyström",
            "",
        ];
        for text in texts {
            let q = ocr_quality(text, lex);
            assert_eq!(super::super::Restorer::new(lex, text).ocr_quality(), q);
            assert!(q.unrecognized <= q.words);
        }
    }

    #[test]
    fn the_sample_spreads_over_the_whole_text() {
        // Good words first, gibberish after: a sample of the start alone would see none.
        let lex = Lexicon::builtin();
        let text =
            format!("{}{}", "beslutet gäller kommunen ".repeat(200), "xqwv zkjh ".repeat(300));
        let q = estimate_ocr_quality(&text, lex);
        assert!(q.words > 100 && q.words < 400, "{q:?}");
        let share = q.unrecognized_share();
        let exact = ocr_quality(&text, lex).unrecognized_share();
        assert!((share - exact).abs() < 0.05, "sampled {share}, exact {exact}");
    }

    #[test]
    fn windows_never_start_inside_a_word() {
        assert_eq!(chunk_start("abc def", 1, 7), Some(4));
        assert_eq!(chunk_start("abc def", 4, 7), Some(4));
        assert_eq!(chunk_start("abc def", 0, 7), Some(0));
        assert_eq!(chunk_start("abcdef", 3, 6), None);
        // Only as far as the limit: the next stretch looks further itself.
        assert_eq!(chunk_start("abc def", 1, 3), None);
        // Unicode blanks part words as ASCII ones do, and a stretch may start inside a char.
        assert_eq!(chunk_start("abc\u{a0}def", 1, 9), Some(5));
        assert_eq!(chunk_start("ö\u{2003}def", 1, 9), Some(5));
        // Every ASCII blank the scanner knows, found byte by byte.
        for blank in ["\t", "\n", "\u{b}", "\u{c}", "\r", " "] {
            assert_eq!(chunk_start(&format!("abc{blank}def"), 1, 7), Some(4), "{blank:?}");
        }
        assert_eq!(chunk_start("aöb\u{a0}c", 1, 7), Some(6));
        for i in 0..SAMPLE_STRETCHES {
            assert!((i * 100..(i + 1) * 100).contains(&stretch_start(6400, i)), "{i}");
        }
        assert!(stretch_start(usize::MAX, SAMPLE_STRETCHES - 1) < usize::MAX);
    }

    #[test]
    fn words_between_unicode_blanks_are_sampled_too() {
        // OCR often leaves no-break spaces between words: the sample must not
        // skip from one line end to the next.
        let lex = Lexicon::builtin();
        let line = ["Xqwv"; 12].join("\u{a0}");
        for text in [vec![line.as_str(); 100].join("\n"), ["Xqwv"; 1200].join("\u{2003}")] {
            let q = estimate_ocr_quality(&text, lex);
            assert!(q.words > 100, "{q:?}");
            assert_eq!(q.unrecognized, q.words);
        }
    }

    /// The sampler as it was first written, over [`scan::Stream`] token by
    /// token, with a memo lookup per word: what [`Sample`] and
    /// [`estimate_ocr_quality`] must draw and count.
    fn reference(text: &str, lexicon: &Lexicon) -> (Vec<(usize, usize)>, OcrQuality) {
        let len = text.len();
        let (mut words, mut q) = (Vec::new(), OcrQuality::default());
        let mut tokens = scan::Stream::new(text);
        let mut pending = tokens.next();
        for i in 0..SAMPLE_STRETCHES {
            let stretch = stretch_start(len, i);
            let next = stretch_start(len, i + 1);
            if pending.is_some_and(|t| t.start < stretch) {
                let Some(at) = chunk_start(text, stretch, next) else { continue };
                tokens.seek(at);
                pending = tokens.next();
            }
            let end = stretch.saturating_add(SAMPLE_STRETCH_BYTES);
            while let Some(t) = pending.filter(|t| t.start < end) {
                if let Some(word) = text.get(t.start..t.end).filter(|_| t.kind == Kind::Word) {
                    words.push((t.start, t.end));
                    q.words += 1;
                    let known = lexicon.judge(word, index::hash(word), |j| {
                        j.facts.is_some()
                            && !matches!(j.verdict, super::super::word::Verdict::Unknown)
                    });
                    q.unrecognized += usize::from(!known);
                }
                pending = tokens.next();
            }
        }
        (words, q)
    }

    /// [`chunk_start`] as it was first written, char by char (it then
    /// went byte by byte over ASCII): what the word-at-a-time search must
    /// find.
    fn chunk_start_bytewise(text: &str, at: usize, limit: usize) -> Option<usize> {
        let at = (at..=text.len()).find(|&i| text.is_char_boundary(i))?;
        if text.get(..at).and_then(|s| s.chars().next_back()).is_none_or(char::is_whitespace) {
            return Some(at);
        }
        let rest = text.get(at..limit.min(text.len()))?;
        let mut i = 0;
        while let Some(c) = rest.get(i..)?.chars().next() {
            if c.is_whitespace() {
                return Some(at + i + c.len_utf8());
            }
            i += c.len_utf8();
        }
        None
    }

    #[test]
    fn ascii_blanks_are_the_ascii_whitespace_chars() {
        for b in 0..0x80u8 {
            assert_eq!(is_ascii_blank(b), (b as char).is_whitespace(), "{b:#x}");
        }
    }

    #[test]
    fn the_first_blank_or_high_byte_of_eight_is_found_wherever_it_stands() {
        // Every byte, at every place, after and before bytes of all kinds.
        let others = [b'a', b'!', 0, 0x08, 0x0e, 0x1f, 0x7f, b'\t', b' ', 0x80, 0xc3, 0xff];
        for b in 0..=0xffu8 {
            for at in 0..8 {
                for before in others {
                    for after in others {
                        let mut w = [after; 8];
                        w[..at].fill(before);
                        w[at] = b;
                        let want = w.iter().position(|&c| is_ascii_blank(c) || !c.is_ascii());
                        let got = first_blank_or_high(u64::from_le_bytes(w));
                        assert_eq!(got, want.unwrap_or(8), "{w:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn printable_ascii_stops_at_blanks_controls_and_high_bytes() {
        assert_eq!(printable_ascii(*b"abcdefgh"), 8);
        assert_eq!(printable_ascii(*b"!~\x7f(ab)."), 8);
        assert_eq!(printable_ascii(*b"ab cdefg"), 2);
        for b in (0..=b' ').chain(0x80..=0xff) {
            for at in 0..8 {
                let mut word = *b"KS-2024.";
                word[at] = b;
                assert_eq!(printable_ascii(word), at, "{b:#x} at {at}");
            }
        }
    }

    /// Check [`Sample`] and [`estimate_ocr_quality`] against [`reference`].
    fn same_as_reference(text: &str) -> Result<(), TestCaseError> {
        // A fresh lexicon for each: the words are judged cold, then warm.
        let lex = Lexicon::builtin().clone();
        let (want, q) = reference(text, &lex);
        let base = text.as_ptr() as usize;
        let got: Vec<(usize, usize)> = Sample::new(text)
            .map(|(w, h)| {
                assert_eq!(h, index::hash_bytes(w));
                let start = w.as_ptr() as usize - base;
                (start, start + w.len())
            })
            .collect();
        prop_assert_eq!(got, want);
        prop_assert_eq!(estimate_ocr_quality(text, &Lexicon::builtin().clone()), q);
        prop_assert_eq!(estimate_ocr_quality(text, &lex), q);
        Ok(())
    }

    /// Pieces of text the scanner treats differently: words with and without
    /// diacritics, OCR digits in words, numbers, codes, addresses, marks,
    /// ASCII and Unicode blanks, and chars of two, three and four bytes.
    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            4 => prop::sample::select(vec![
                "beslut", "kännedom", "f6r", "Förslag", "och", "att", "xqwv", "a", "Å", "é",
                "ord-", "-ord", "(ord", "ord)", "ord,", "ord.", "12", "2026", "KS-2024-00011",
                "208Försäljning", "12abc", "a1b2", "x@y.se", "www.a.se", "https://a.se",
                "a.b", "|", "||ord", "ord|", "'", "d'", "’", "”", "•", "–", "§", "¢", "×", "÷",
                "²", "Ⅻ", "日本", "😀", "\u{300}",
            ])
            .prop_map(String::from),
            4 => prop::sample::select(vec![
                " ", " ", " ", "  ", "\n", "\t", "\r\n", "\u{b}", "\u{c}", "\u{a0}",
                "\u{2003}", "\u{202f}", "\u{3000}", "\u{85}", "\u{1680}",
            ])
            .prop_map(String::from),
            1 => "\\PC{1,6}",
            1 => "[a-zåäö]{1,14}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        #[test]
        fn the_sample_is_what_the_stream_draws(
            v in prop::collection::vec(piece(), 0..900),
            repeat in 1..4usize,
        ) {
            // Long enough texts spread the stretches apart; short ones overlap them.
            let text = v.concat().repeat(repeat);
            same_as_reference(&text)?;
            // And any prefix, which moves every stretch.
            let cut = (text.len() * 2 / 3..=text.len()).find(|&i| text.is_char_boundary(i));
            same_as_reference(&text[..cut.unwrap_or(0)])?;
        }

        // Arbitrary chars between ASCII blanks: random Unicode alone seldom
        // makes the blank-separated words most text is.
        #[test]
        fn the_sample_of_any_text_is_what_the_stream_draws(s in "(\\PC{0,10}[ \n\t]){0,300}") {
            same_as_reference(&s)?;
        }

        #[test]
        fn chunks_start_where_the_bytewise_search_finds_them(
            v in prop::collection::vec(piece(), 0..60),
            at in 0..400usize,
            span in 0..200usize,
        ) {
            let text = v.concat();
            let limit = at + span;
            prop_assert_eq!(chunk_start(&text, at, limit), chunk_start_bytewise(&text, at, limit));
        }

        // Swedish letters, marks and blanks, with stretches and limits
        // anywhere in the text: inside chars, at its ends, past them.
        #[test]
        fn chunks_start_where_the_bytewise_search_finds_them_in_swedish(
            text in "[a-zåäöéÅÄÖ \n\t\u{b}\u{a0}\u{2003}\u{1},.€x]{0,60}",
            at in 0..70usize,
            span in 0..40usize,
        ) {
            let limit = at + span;
            prop_assert_eq!(chunk_start(&text, at, limit), chunk_start_bytewise(&text, at, limit));
        }

        #[test]
        fn the_estimate_never_counts_more_than_it_sampled(s in "(\\PC{0,12}[ \n]){0,80}") {
            let q = estimate_ocr_quality(&s, Lexicon::builtin());
            let exact = ocr_quality(&s, Lexicon::builtin());
            prop_assert!(q.unrecognized <= q.words);
            prop_assert!(q.words <= exact.words);
            // The stretches then overlap and cover it all.
            if s.len() <= 512 {
                prop_assert_eq!(q, exact);
            }
        }
    }
}
