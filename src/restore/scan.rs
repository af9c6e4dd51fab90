//! Finding the words of a text, and the tokens that are no words: numbers,
//! codes (`KS-2024-00011`), e-mail and web addresses, which are never touched.

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters (possibly with the `6`/`0` OCR reads for `ö`): a word to restore.
    Word,
    /// Digits only.
    Number,
    /// Part of a code, address or mixed token: left as it stands.
    Other,
}

/// A run of letters or digits, as a byte range of the scanned text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

/// The tokens of a text one at a time, without holding them all: a chunk's
/// tokens are buffered only until the chunk is known to be no code.
///
/// A *chunk* is a run of non-blank chars. Within it, runs of letters and digits
/// are tokens. A chunk holding `@`, `://`, `www.`, a dot between letters, or a
/// mix of number and letter runs (`KS-2024-00011`, `2a`) is a code or address,
/// and all its tokens are [`Kind::Other`].
pub(crate) struct Stream<'t> {
    text: &'t str,
    pos: usize,
    buf: Vec<Token>,
    at: usize,
}

impl<'t> Stream<'t> {
    pub(crate) fn new(text: &'t str) -> Self {
        // Allocated only when a chunk needs the general scan.
        Stream { text, pos: 0, buf: Vec::new(), at: 0 }
    }
}

impl Stream<'_> {
    /// Go on from byte `pos` (a chunk's start: the scan looks at nothing
    /// before it), keeping the buffer: a sampler that jumps about the text
    /// allocates it once.
    pub(crate) fn seek(&mut self, pos: usize) {
        self.pos = pos;
        self.buf.clear();
        self.at = 0;
    }

    /// The next word of the tokens that start before `limit`, consumed with
    /// the tokens before it that are no words; `None` when the next token
    /// starts at `limit` or later (it is kept for the next call) or there is
    /// none. The chunk after the position is not read when the position is
    /// already past `limit`: a sampler that draws the words starting in a
    /// stretch need not scan the one after them.
    #[inline(always)]
    pub(crate) fn word_before(&mut self, limit: usize) -> Option<(usize, usize)> {
        loop {
            if let Some(&t) = self.buf.get(self.at) {
                if t.start >= limit {
                    return None;
                }
                self.at += 1;
                if t.kind == Kind::Word {
                    return Some((t.start, t.end));
                }
                continue;
            }
            if self.pos >= limit {
                return None;
            }
            if let Some(t) = simple_chunk(self.text.as_bytes(), &mut self.pos) {
                if t.start >= limit {
                    self.keep(t);
                    return None;
                }
                return Some((t.start, t.end));
            }
            self.buf.clear();
            self.at = 0;
            if !next_chunk(self.text, &mut self.pos, &mut self.buf) {
                return None;
            }
        }
    }

    /// Whether the next token starts before `at`.
    #[inline(always)]
    pub(crate) fn lags(&mut self, at: usize) -> bool {
        if let Some(start) = self.next_start() {
            return start < at;
        }
        // Read on to the next token, kept for the next call.
        loop {
            if self.pos >= at {
                return false;
            }
            if let Some(t) = simple_chunk(self.text.as_bytes(), &mut self.pos) {
                self.keep(t);
                return t.start < at;
            }
            self.buf.clear();
            self.at = 0;
            if !next_chunk(self.text, &mut self.pos, &mut self.buf) {
                return false;
            }
            if let Some(t) = self.buf.first() {
                return t.start < at;
            }
        }
    }

    /// Keep `t`, read but not yet given, as the next token.
    fn keep(&mut self, t: Token) {
        self.buf.clear();
        self.buf.push(t);
        self.at = 0;
    }

    /// Where the next token starts, when that is known without scanning its
    /// chunk: it is buffered, or the chunk after the blanks starts with an
    /// ASCII letter or digit (every letter or digit is part of a token).
    #[inline(always)]
    pub(crate) fn next_start(&self) -> Option<usize> {
        if let Some(t) = self.buf.get(self.at) {
            return Some(t.start);
        }
        let bytes = self.text.as_bytes();
        let mut i = self.pos;
        while bytes.get(i).is_some_and(|&b| ASCII_CLASS.get(b as usize) == Some(&SPACE)) {
            i += 1;
        }
        bytes.get(i).is_some_and(u8::is_ascii_alphanumeric).then_some(i)
    }
}

impl Iterator for Stream<'_> {
    type Item = Token;

    // Always inlined into the renderer, as are the scanners below: called, it
    // returned each token through memory, which cost a good part of scanning it.
    #[inline(always)]
    fn next(&mut self) -> Option<Token> {
        loop {
            if let Some(&t) = self.buf.get(self.at) {
                self.at += 1;
                return Some(t);
            }
            if let Some(t) = simple_chunk(self.text.as_bytes(), &mut self.pos) {
                return Some(t);
            }
            self.buf.clear();
            self.at = 0;
            if !next_chunk(self.text, &mut self.pos, &mut self.buf) {
                return None;
            }
        }
    }
}

/// The commonest chunk, a word and maybe closing punctuation (`beslut`,
/// `kännedom,` `klart.`), read in one pass; `None` (with `*pos` past any
/// blanks) for anything else, which the general scan then reads.
#[inline(always)]
fn simple_chunk(bytes: &[u8], pos: &mut usize) -> Option<Token> {
    let n = bytes.len();
    let mut i = *pos;
    while bytes.get(i).is_some_and(|&b| ASCII_CLASS.get(b as usize) == Some(&SPACE)) {
        i += 1;
    }
    *pos = i;
    let start = i;
    let end = word_end(bytes, i);
    // Most words end at a space: the chunk is then the word, closed, and
    // (letters only) no `www.` address.
    if end > start && bytes.get(end) == Some(&b' ') {
        *pos = end + 1;
        return Some(Token { start, end, kind: Kind::Word });
    }
    i = closing_end(bytes, end);
    let closed =
        i == n || bytes.get(i).is_some_and(|&b| ASCII_CLASS.get(b as usize) == Some(&SPACE));
    // Only a chunk starting with `w` can be a `www.` address.
    let www = bytes.get(start) == Some(&b'w')
        && bytes.get(start..i).is_some_and(|c| c.starts_with(b"www."));
    if end == start || !closed || www {
        return None;
    }
    // Past the blank that closed the chunk too: the next call need not test it again.
    *pos = if i < n { i + 1 } else { i };
    Some(Token { start, end, kind: Kind::Word })
}

/// Where the run of letters (ASCII, or Latin-1 letters such as å ä ö é)
/// from `i` ends. Eight bytes are tested at a time: most of a word is ASCII
/// letters, and a byte-by-byte loop was most of the scan.
#[inline(always)]
fn word_end(bytes: &[u8], mut i: usize) -> usize {
    loop {
        match bytes.get(i..i + 8).and_then(|b| b.try_into().ok()).map(ascii_letters) {
            Some(8) => {
                i += 8;
                continue;
            }
            // Byte `i` is then no ASCII letter: it need not be tested again.
            Some(run) => i += run,
            // The last few bytes of the text, one at a time.
            None => {
                while bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
                    i += 1;
                }
            }
        }
        // U+00D7 × and U+00F7 ÷ are the only non-letters in U+00C0..=U+00FF.
        if bytes.get(i) == Some(&0xC3)
            && bytes.get(i + 1).is_some_and(|b| !matches!(b, 0x97 | 0xB7))
        {
            i += 2;
        } else {
            return i;
        }
    }
}

/// How many of the eight bytes, from the first, are ASCII letters.
#[inline(always)]
fn ascii_letters(chunk: [u8; 8]) -> usize {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let x = u64::from_le_bytes(chunk);
    // `| 0x20` folds A..=Z onto a..=z and sends no other byte there.
    let y = (x | 0x2020_2020_2020_2020) & LOW7;
    // Per byte, the high bit says y >= b'a' and y > b'z'; seven-bit bytes
    // cannot carry into their neighbours.
    let from_a = y + 0x1f1f_1f1f_1f1f_1f1f;
    let past_z = y + 0x0505_0505_0505_0505;
    let letter = from_a & !past_z & !x & HIGH;
    ((!letter & HIGH).trailing_zeros() / 8) as usize
}

/// Char classes of ASCII bytes, so the scan of plain text needs no decoding.
const SPACE: u8 = 0;
const LETTER: u8 = 1;
const DIGIT: u8 = 2;
const PUNCT: u8 = 3;

const ASCII_CLASS: [u8; 128] = {
    let mut t = [PUNCT; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = if b.is_ascii_alphabetic() {
            LETTER
        } else if b.is_ascii_digit() {
            DIGIT
        } else if b.is_ascii_whitespace() || b == 0x0b {
            SPACE
        } else {
            PUNCT
        };
        i += 1;
    }
    t
};

/// Class and width of the char at byte `i` (a char boundary).
#[inline(always)]
fn class_at(text: &str, i: usize) -> (u8, usize) {
    let bytes = text.as_bytes();
    let b = bytes[i];
    if b < 0x80 {
        return (ASCII_CLASS[b as usize], 1);
    }
    // Latin-1 letters (å ä ö é ...) are two bytes led by 0xC3: no decoding needed.
    if b == 0xC3 && i + 1 < bytes.len() {
        let low = bytes[i + 1];
        // U+00D7 × and U+00F7 ÷ are the only non-letters in U+00C0..=U+00FF.
        return (if low == 0x97 || low == 0xB7 { PUNCT } else { LETTER }, 2);
    }
    let c = text[i..].chars().next().unwrap_or(' ');
    let class = if is_common_punctuation(c) {
        PUNCT
    } else if c.is_whitespace() {
        SPACE
    } else if c.is_alphabetic() {
        LETTER
    } else if c.is_numeric() {
        DIGIT
    } else {
        PUNCT
    };
    (class, c.len_utf8())
}

/// Punctuation OCR'd text is full of (quotes, bullets, dashes): known
/// without the Unicode tables, which cost more than the rest of the scan.
#[inline]
fn is_common_punctuation(c: char) -> bool {
    matches!(
        c,
        '”' | '“'
            | '•'
            | '–'
            | '—'
            | '’'
            | '‘'
            | '„'
            | '…'
            | '§'
            | '¢'
            | '°'
            | '«'
            | '»'
    )
}

/// Append the tokens of `text` to `out`, in order: what a [`Stream`] gives,
/// all at once, for the tests to compare with.
#[cfg(test)]
pub(crate) fn tokens(text: &str, out: &mut Vec<Token>) {
    let mut pos = 0;
    loop {
        if let Some(t) = simple_chunk(text.as_bytes(), &mut pos) {
            out.push(t);
        } else if !next_chunk(text, &mut pos, out) {
            break;
        }
    }
}

/// Where the word starts in a run that is a number glued to a word of four or
/// more letters (`208Försäljning`, as OCR joins a paragraph number to its heading).
fn glued_heading(bytes: &[u8], start: usize, end: usize, letters: u32) -> Option<usize> {
    let at = start + bytes[start..end].iter().take_while(|b| b.is_ascii_digit()).count();
    let rest_has_digit = bytes[at..end].iter().any(u8::is_ascii_digit);
    (at > start && letters >= 4 && !rest_has_digit).then_some(at)
}

/// Whether the chunk at `i` is one of the two commonest the fast scan
/// leaves to the general one: a number (`2026`, `12,`), giving the number's
/// end and `true`, or a lone mark (`-`, `•`, `”`, `¢`), which has no tokens,
/// giving its end and `false`. Told without the general scan, which cost
/// ten times as much for these.
fn number_or_mark(text: &str, i: usize) -> Option<(usize, bool)> {
    let bytes = text.as_bytes();
    let digits = bytes.get(i..)?.iter().take_while(|b| b.is_ascii_digit()).count();
    let (end, after) = if digits > 0 {
        (i + digits, closing_end(bytes, i + digits))
    } else {
        let c = text.get(i..)?.chars().next()?;
        let mark = if c.is_ascii() {
            ASCII_CLASS.get(c as usize) == Some(&PUNCT)
        } else {
            is_common_punctuation(c)
        };
        if !mark {
            return None;
        }
        (i + c.len_utf8(), i + c.len_utf8())
    };
    // The chunk must end there: at the text's end or an ASCII blank.
    let closed = bytes.get(after).is_none_or(|&b| ASCII_CLASS.get(b as usize) == Some(&SPACE));
    closed.then_some((end, digits > 0))
}

/// Past the closing marks (`,` `.` `;` `:` `)` `!` `?`) from `i`.
fn closing_end(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(|b| matches!(b, b',' | b'.' | b';' | b':' | b')' | b'!' | b'?'))
    {
        i += 1;
    }
    i
}

/// Scan the next chunk from `*pos`, appending its tokens to `out`; `false`
/// when the text has no more chunks.
fn next_chunk(text: &str, pos: &mut usize, out: &mut Vec<Token>) -> bool {
    // The fast scan leaves `*pos` past ASCII blanks: at the chunk.
    let i = *pos;
    if let Some((end, number)) = number_or_mark(text, i) {
        out.extend(number.then_some(Token { start: i, end, kind: Kind::Number }));
        // Past the number's closing marks, or the lone mark.
        *pos = if number { closing_end(text.as_bytes(), end) } else { end };
        return true;
    }
    general_chunk(text, pos, out)
}

/// [`next_chunk`] for any chunk, char by char.
fn general_chunk(text: &str, pos: &mut usize, out: &mut Vec<Token>) -> bool {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut i = *pos;
    {
        while i < n {
            let (class, w) = class_at(text, i);
            if class != SPACE {
                break;
            }
            i += w;
        }
        if i >= n {
            *pos = n;
            return false;
        }
        let chunk_start = i;
        let first = out.len();
        let mut address = false;
        let mut glued = false;
        let (mut has_word, mut has_number) = (false, false);
        let mut prev_letter = false;
        // The current run: start, letters, digits, and whether a digit is not 6 or 0.
        let mut run_start = usize::MAX;
        let (mut letters, mut digits, mut odd) = (0u32, 0u32, false);
        loop {
            let (class, w) = if i < n { class_at(text, i) } else { (SPACE, 0) };
            match class {
                LETTER => {
                    if run_start == usize::MAX {
                        run_start = i;
                    }
                    letters += 1;
                    // Most of a word is ASCII letters: take them in a tight loop.
                    let mut j = i + w;
                    while j < n && bytes[j].is_ascii_alphabetic() {
                        j += 1;
                    }
                    letters += (j - i - w) as u32;
                    prev_letter = true;
                    i = j;
                    continue;
                }
                DIGIT => {
                    if run_start == usize::MAX {
                        run_start = i;
                    }
                    digits += 1;
                    odd |= !matches!(bytes[i], b'6' | b'0');
                }
                _ => {
                    if run_start != usize::MAX {
                        let kind = if digits == 0 {
                            has_word = true;
                            Kind::Word
                        } else if letters == 0 {
                            has_number = true;
                            Kind::Number
                        } else if !odd && digits <= 2 && letters >= 2 {
                            has_word = true;
                            Kind::Word
                        } else if let Some(at) = glued_heading(bytes, run_start, i, letters) {
                            // `§ 208Försäljning`: a number, then a word.
                            out.push(Token { start: run_start, end: at, kind: Kind::Number });
                            run_start = at;
                            glued = true;
                            Kind::Word
                        } else {
                            address = true;
                            Kind::Other
                        };
                        out.push(Token { start: run_start, end: i, kind });
                        run_start = usize::MAX;
                        (letters, digits, odd) = (0, 0, false);
                    }
                    if class == SPACE {
                        break;
                    }
                    match bytes[i] {
                        b'@' => address = true,
                        b':' if bytes[i..].starts_with(b"://") => address = true,
                        b'.' if prev_letter && i + 1 < n && class_at(text, i + 1).0 == LETTER => {
                            address = true
                        }
                        _ => {}
                    }
                }
            }
            prev_letter = class == LETTER;
            i += w;
        }
        if address
            || (has_word && has_number && !glued)
            || bytes[chunk_start..i].starts_with(b"www.")
        {
            for t in &mut out[first..] {
                if t.kind == Kind::Word {
                    t.kind = Kind::Other;
                }
            }
        }
    }
    *pos = i;
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(&str, Kind)> {
        let mut v = Vec::new();
        tokens(text, &mut v);
        v.iter().map(|t| (&text[t.start..t.end], t.kind)).collect()
    }

    #[test]
    fn words_and_numbers() {
        assert_eq!(
            kinds("Sedan 2 ar, fér kännedom."),
            vec![
                ("Sedan", Kind::Word),
                ("2", Kind::Number),
                ("ar", Kind::Word),
                ("fér", Kind::Word),
                ("kännedom", Kind::Word),
            ]
        );
    }

    #[test]
    fn the_stream_gives_the_same_tokens() {
        let t = "  Dnr KS-2024-00011 fér\nkännedom, x@y.se 2 ar klart. www.a.se a.b: (c) d:// e\u{a0}f ";
        let mut all = Vec::new();
        tokens(t, &mut all);
        assert_eq!(Stream::new(t).collect::<Vec<_>>(), all);
        // And both agree with the general scan alone.
        let (mut general, mut pos) = (Vec::new(), 0);
        while general_chunk(t, &mut pos, &mut general) {}
        assert_eq!(general, all);
        assert_eq!(Stream::new("   ").count(), 0);
    }

    #[test]
    fn eight_bytes_at_a_time_count_letters_like_one_at_a_time() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut chunk = *b"abcdWXYZ";
                chunk[at] = b;
                let want = if b.is_ascii_alphabetic() { 8 } else { at };
                assert_eq!(ascii_letters(chunk), want, "{b:#x} at {at}");
            }
        }
        assert_eq!(word_end("Förslag, till".as_bytes(), 0), "Förslag".len());
        assert_eq!(word_end("kommunledningsförvaltningens×".as_bytes(), 0), 29);
    }

    #[test]
    fn common_punctuation_is_what_the_unicode_tables_say() {
        for c in "”“•–—’‘„…§¢°«»".chars() {
            assert!(is_common_punctuation(c));
            assert!(!c.is_whitespace() && !c.is_alphabetic() && !c.is_numeric(), "{c}");
        }
    }

    #[test]
    fn numbers_and_lone_marks_read_as_the_general_scan_reads_them() {
        use Kind::{Number, Other, Word};
        let t = "2026, - • 12) ” 7 ¢x 3.5 12abc -ord § 2026-02-19 |";
        assert_eq!(
            kinds(t),
            vec![
                ("2026", Number),
                ("12", Number),
                ("7", Number),
                ("x", Word),
                ("3", Number),
                ("5", Number),
                ("12abc", Other),
                ("ord", Word),
                ("2026", Number),
                ("02", Number),
                ("19", Number),
            ]
        );
        // A number or mark ends its chunk only at a blank or the text's end.
        assert_eq!(number_or_mark("2026, x", 0), Some((4, true)));
        assert_eq!(number_or_mark("• x", 0), Some(("•".len(), false)));
        assert_eq!(number_or_mark("12a", 0), None);
        assert_eq!(number_or_mark("-x", 0), None);
        assert_eq!(number_or_mark("a", 0), None);
        assert_eq!(number_or_mark("-", 0), Some((1, false)));
    }

    #[test]
    fn ocr_digits_inside_words_are_words() {
        assert_eq!(kinds("f6r"), vec![("f6r", Kind::Word)]);
        assert_eq!(kinds("a1b2c3"), vec![("a1b2c3", Kind::Other)]);
    }

    #[test]
    fn a_number_glued_to_a_heading_is_split_off() {
        assert_eq!(
            kinds("§ 208Forsaljning"),
            vec![("208", Kind::Number), ("Forsaljning", Kind::Word)]
        );
        assert_eq!(kinds("2a")[0].1, Kind::Other);
        assert_eq!(kinds("12abc")[0].1, Kind::Other, "short letter runs are codes");
    }

    #[test]
    fn codes_and_addresses_are_left_alone() {
        for code in [
            "KS-2024-00011",
            "ana.olsson@enkoping.se",
            "www.enkoping.se",
            "https://x.se/a",
            "KS 2018/124",
        ] {
            let ks = kinds(code);
            assert!(
                ks.iter().all(|(_, k)| *k != Kind::Word) || code == "KS 2018/124",
                "{code}: {ks:?}"
            );
        }
        // `KS` stands alone in `KS 2018/124`: a short word, left to the caller.
        assert_eq!(kinds("KS 2018/124")[0], ("KS", Kind::Word));
        assert_eq!(kinds("Miljö- och")[0], ("Miljö", Kind::Word));
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn the_fast_paths_agree_with_the_general_scan(
            v in prop::collection::vec(prop::sample::select(vec![
                "ord", "Å", "ä", "é", "×", "6", "2", " ", "\n", "\u{a0}", ".", ",", ":", "/", "@",
                "www.", ")", "(", "-", "”", "•", "¢", "12", "!",
            ]), 0..40)
        ) {
            let t = v.concat();
            let (mut general, mut pos) = (Vec::new(), 0);
            while general_chunk(&t, &mut pos, &mut general) {}
            let mut all = Vec::new();
            tokens(&t, &mut all);
            prop_assert_eq!(&all, &general);
            prop_assert_eq!(Stream::new(&t).collect::<Vec<_>>(), general);
        }
    }
}
