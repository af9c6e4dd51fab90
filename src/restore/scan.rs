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

#[inline]
fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        (char::from(b), 1)
    } else {
        let c = text[i..].chars().next().unwrap_or(' ');
        (c, c.len_utf8())
    }
}

/// Append the tokens of `text` to `out`, in order.
///
/// A *chunk* is a run of non-blank chars. Within it, runs of letters and digits
/// are tokens. A chunk holding `@`, `://`, `www.`, a dot between letters, or a
/// mix of number and letter runs (`KS-2024-00011`, `2a`) is a code or address,
/// and all its tokens are [`Kind::Other`].
pub(crate) fn tokens(text: &str, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let (c, w) = char_at(text, i);
        if c.is_whitespace() {
            i += w;
            continue;
        }
        let chunk_start = i;
        let first = out.len();
        let mut address = false;
        let mut has_word = false;
        let mut has_number = false;
        let mut prev_letter = false;
        let mut run: Option<(usize, usize, usize, bool)> = None; // start, letters, digits, odd digits
        loop {
            let (c, w) = if i < bytes.len() { char_at(text, i) } else { (' ', 0) };
            let end = i >= bytes.len() || c.is_whitespace();
            if !end && c.is_alphanumeric() {
                let r = run.get_or_insert((i, 0, 0, false));
                if c.is_ascii_digit() {
                    r.2 += 1;
                    r.3 |= !matches!(c, '6' | '0');
                } else if c.is_numeric() {
                    r.2 += 1;
                    r.3 = true;
                } else {
                    r.1 += 1;
                }
            } else {
                if let Some((s, letters, digits, odd)) = run.take() {
                    let kind = if digits == 0 {
                        has_word = true;
                        Kind::Word
                    } else if letters == 0 {
                        has_number = true;
                        Kind::Number
                    } else if !odd && digits <= 2 && letters >= 2 {
                        has_word = true;
                        Kind::Word
                    } else {
                        address = true;
                        Kind::Other
                    };
                    out.push(Token { start: s, end: i, kind });
                }
                if end {
                    break;
                }
                match c {
                    '@' => address = true,
                    ':' if text[i..].starts_with("://") => address = true,
                    '.' if prev_letter
                        && text[i + 1..].chars().next().is_some_and(char::is_alphabetic) =>
                    {
                        address = true
                    }
                    _ => {}
                }
            }
            prev_letter = !end && c.is_alphabetic();
            i += w;
        }
        let chunk = &text[chunk_start..i];
        if chunk.starts_with("www.") || (has_word && has_number) {
            address = true;
        }
        if address {
            for t in &mut out[first..] {
                if t.kind == Kind::Word {
                    t.kind = Kind::Other;
                }
            }
        }
    }
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
    fn ocr_digits_inside_words_are_words() {
        assert_eq!(kinds("f6r"), vec![("f6r", Kind::Word)]);
        assert_eq!(kinds("a1b2c3"), vec![("a1b2c3", Kind::Other)]);
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
