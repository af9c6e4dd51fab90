//! Phase zero: bytes to text. Archives hold whatever the scanning software of
//! the day wrote: UTF-8 with or without a byte-order mark, UTF-16 from Windows
//! tools, and windows-1252 from older ones. [`decode`] reads them all by one
//! fixed cascade, so the same bytes always give the same text, and says which
//! encoding it used and whether that was a guess.
//!
//! The cascade:
//! 1. a byte-order mark decides: `EF BB BF` UTF-8, `FF FE` UTF-16LE, `FE FF` UTF-16BE
//!    (and bytes that then break that encoding are [`NotText::Malformed`]);
//! 2. else bytes that are valid UTF-8 are UTF-8;
//! 3. else windows-1252, which maps every byte to a character, so it is the
//!    fallback and the only guess.
//!
//! Whatever the encoding, text holding a NUL or made mostly of control
//! characters is refused as [`NotText`]: that is a binary file (or UTF-16
//! without a byte-order mark), and parsing it would only produce noise.

use std::borrow::Cow;
use std::fmt;

/// The encoding [`decode`] read a document in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// UTF-16, little-endian (after an `FF FE` byte-order mark).
    Utf16Le,
    /// UTF-16, big-endian (after an `FE FF` byte-order mark).
    Utf16Be,
    /// windows-1252, the Western European code page of older Windows tools.
    Windows1252,
}

impl Encoding {
    /// The encoding's WHATWG label, as reports print it.
    ///
    /// ```
    /// assert_eq!(beslut::Encoding::Windows1252.label(), "windows-1252");
    /// assert_eq!(beslut::Encoding::Utf16Le.label(), "utf-16le");
    /// ```
    pub const fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Windows1252 => "windows-1252",
        }
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// A document's text and how it was read: the text owned (a `String`, as
/// [`decode`] gives it) or, from [`decode_borrowed`], borrowed from the
/// input where it can be (a `Cow<str>`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded<T = String> {
    /// The text, without the byte-order mark. Line ends are left as they were:
    /// [`normalize`](crate::normalize) unifies them.
    pub text: T,
    /// The encoding the bytes were read in.
    pub encoding: Encoding,
    /// Whether the bytes started with a byte-order mark.
    pub bom: bool,
    /// Whether the encoding was guessed: true only for the windows-1252
    /// fallback. A byte-order mark names the encoding, and bytes that are
    /// valid UTF-8 are, in practice, never meant as anything else.
    pub guessed: bool,
}

/// Why some bytes are not a text document.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NotText {
    /// A NUL character: text never has one, binary files and UTF-16 without a
    /// byte-order mark nearly always do.
    #[error("NUL byte at byte {offset}: a binary file, or UTF-16 without a byte-order mark")]
    Nul {
        /// Byte offset of the NUL in the input.
        offset: usize,
    },
    /// At least a quarter of the characters are control characters (other
    /// than tab, line feed, carriage return and form feed).
    #[error("{control} of {chars} characters are control characters, the first at byte {first}")]
    ControlCharacters {
        /// How many control characters.
        control: usize,
        /// How many characters in all.
        chars: usize,
        /// Byte offset in the input of the first control character: where
        /// to look, as every other refusal says.
        first: usize,
    },
    /// The byte-order mark names an encoding the bytes after it break.
    #[error("byte-order mark says {encoding} but byte {offset} does not decode as {encoding}")]
    Malformed {
        /// The encoding the byte-order mark names.
        encoding: Encoding,
        /// Byte offset of the first byte that does not decode.
        offset: usize,
    },
}

/// Decode a document's bytes by the fixed cascade described in the module
/// documentation: byte-order mark, else UTF-8, else windows-1252.
///
/// ```
/// use beslut::{Encoding, decode};
///
/// let utf8 = decode("Beslut sänds till".as_bytes()).unwrap();
/// assert_eq!((utf8.encoding, utf8.guessed), (Encoding::Utf8, false));
///
/// // "Sändlista" as windows-1252: 0xE4 is ä, and is not valid UTF-8 on its own.
/// let legacy = decode(b"S\xe4ndlista").unwrap();
/// assert_eq!(legacy.text, "Sändlista");
/// assert_eq!((legacy.encoding, legacy.guessed), (Encoding::Windows1252, true));
///
/// let utf16 = decode(&[0xFF, 0xFE, b'J', 0, 0xE5, 0]).unwrap();
/// assert_eq!((utf16.text.as_str(), utf16.encoding, utf16.bom), ("Jå", Encoding::Utf16Le, true));
///
/// assert!(decode(b"\x7fELF\x02\x01\x01\x00").is_err());
/// ```
pub fn decode(bytes: &[u8]) -> Result<Decoded, NotText> {
    let Decoded { text, encoding, bom, guessed } = decode_borrowed(bytes)?;
    Ok(Decoded { text: text.into_owned(), encoding, bom, guessed })
}

/// [`decode`] without the copy: text that is the input's own bytes (UTF-8,
/// nearly every document) is borrowed from it; only text that decoding
/// changed (UTF-16, windows-1252) is owned. A caller that reads file after
/// file into one buffer and only looks at each text, as `beslut check`
/// does, then makes no copy of it and allocates nothing per file here.
///
/// ```
/// use std::borrow::Cow;
///
/// let bytes = "Beslut sänds till".as_bytes();
/// let utf8 = beslut::decode_borrowed(bytes).unwrap();
/// assert!(matches!(utf8.text, Cow::Borrowed("Beslut sänds till")));
/// // The same text, encoding and verdict as `decode` gives.
/// let owned = beslut::decode(bytes).unwrap();
/// assert_eq!((utf8.text.as_ref(), utf8.encoding), (owned.text.as_str(), owned.encoding));
///
/// let legacy = beslut::decode_borrowed(b"S\xe4ndlista").unwrap();
/// assert!(matches!(legacy.text, Cow::Owned(ref t) if t == "Sändlista"));
/// ```
pub fn decode_borrowed(bytes: &[u8]) -> Result<Decoded<Cow<'_, str>>, NotText> {
    // UTF-8 is checked, not copied: a binary file costs a scan, a text
    // nothing more.
    let utf8 = |text, bom: bool| {
        check_characters(text, if bom { 3 } else { 0 })?;
        let text = Cow::Borrowed(text);
        Ok(Decoded { text, encoding: Encoding::Utf8, bom, guessed: false })
    };
    let (text, encoding, bom) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        let text = from_utf8(rest).map_err(|e| NotText::Malformed {
            encoding: Encoding::Utf8,
            offset: 3 + e.valid_up_to(),
        })?;
        return utf8(text, true);
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (decode_utf16(rest, Encoding::Utf16Le)?, Encoding::Utf16Le, true)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (decode_utf16(rest, Encoding::Utf16Be)?, Encoding::Utf16Be, true)
    } else if let Ok(text) = from_utf8(bytes) {
        // The common case: validation, then one scan for NULs and control
        // characters.
        return utf8(text, false);
    } else if let Some(offset) = memchr::memchr(0, bytes) {
        // Looked for before decoding, so the offset is the input's
        // (windows-1252 can turn one byte into up to three).
        return Err(NotText::Nul { offset });
    } else {
        (bytes.iter().map(|&b| windows_1252(b)).collect(), Encoding::Windows1252, false)
    };
    check_characters(&text, 0)?;
    let guessed = encoding == Encoding::Windows1252;
    Ok(Decoded { text: Cow::Owned(text), encoding, bom, guessed })
}

/// `std::str::from_utf8`, with simdutf8's SIMD check for the common valid
/// case; std only runs on invalid input, to say where the first bad byte is.
fn from_utf8(bytes: &[u8]) -> Result<&str, std::str::Utf8Error> {
    simdutf8::basic::from_utf8(bytes).or_else(|_| std::str::from_utf8(bytes))
}

fn decode_utf16(bytes: &[u8], encoding: Encoding) -> Result<String, NotText> {
    // Offsets in errors count from the start of the input, byte-order mark included.
    const BOM_LEN: usize = 2;
    if bytes.len() % 2 == 1 {
        return Err(NotText::Malformed { encoding, offset: BOM_LEN + bytes.len() - 1 });
    }
    let units = bytes.chunks_exact(2).map(|pair| match encoding {
        Encoding::Utf16Be => u16::from_be_bytes([pair[0], pair[1]]),
        _ => u16::from_le_bytes([pair[0], pair[1]]),
    });
    let mut text = String::with_capacity(bytes.len() / 2);
    let mut offset = BOM_LEN;
    for c in char::decode_utf16(units) {
        match c {
            Ok('\0') => return Err(NotText::Nul { offset }),
            Ok(c) => {
                text.push(c);
                offset += 2 * c.len_utf16();
            }
            Err(_) => return Err(NotText::Malformed { encoding, offset }),
        }
    }
    Ok(text)
}

/// Refuse text with a NUL (UTF-8 after a byte-order mark can still hold one)
/// or made mostly of control characters. `offset` is where `text` starts in
/// the input, for error offsets.
fn check_characters(text: &str, offset: usize) -> Result<(), NotText> {
    // Real documents have no control character: one quick test settles
    // nearly every one. Only a text that has one goes on, to find its NUL
    // or count its controls.
    let bytes = text.as_bytes();
    if !any_control(bytes) {
        return Ok(());
    }
    // Such a text (mojibake of `”` holds a C1) is counted, not walked
    // byte by byte: its first NUL found by memchr, its C0 controls and DEL
    // in a branch-free pass, its C1s where memchr finds a C2.
    if let Some(i) = memchr::memchr(0, bytes) {
        return Err(NotText::Nul { offset: offset + i });
    }
    let c0: usize = bytes.iter().map(|&b| usize::from(is_c0_or_del(b))).sum();
    let c1_at = |i: usize| matches!(bytes.get(i + 1), Some(0x80..=0x9F));
    let control = c0 + memchr::memchr_iter(0xC2, bytes).filter(|&i| c1_at(i)).count();
    let chars = text.chars().count();
    // Real text, OCR'd or not, has next to no control characters; a quarter
    // is far past anything a damaged scan produces and well inside what a
    // binary file without NUL bytes shows.
    if control * 4 >= chars {
        // Found only for a refused text: the count above needs no order.
        let first = (0..bytes.len())
            .find(|&i| bytes.get(i).is_some_and(|&b| is_c0_or_del(b) || (b == 0xC2 && c1_at(i))))
            .unwrap_or(0);
        return Err(NotText::ControlCharacters { control, chars, first: offset + first });
    }
    Ok(())
}

/// Whether `bytes` hold a control character: NUL, DEL or another C0
/// control but tab, line feed, form feed and carriage return, or a C1
/// control (in UTF-8, C2 80..C2 9F).
///
/// A byte scan, not a char walk. Most of the C0 controls are found by two
/// running minima over the bytes, branch-free, so they vectorize to three
/// vector operations per sixteen bytes (a test per control value cost
/// three times that): the least byte is below tab when the text has a
/// control below it, and the least byte less 0x0E (wrapping: tab, line
/// feed, form feed and carriage return go to the top) is below 0x12 when
/// it has one from 0x0E to 0x1F. The rest, the vertical tab and DEL, are
/// found by memchr, with C2, which starts a C1 control but also `§` and
/// the no-break space, so each C2 is looked at.
fn any_control(bytes: &[u8]) -> bool {
    let (least, least_from_so) =
        bytes.iter().fold((u8::MAX, u8::MAX), |(a, b), &x| (a.min(x), b.min(x.wrapping_sub(0x0E))));
    if least < 0x09 || least_from_so < 0x20 - 0x0E {
        return true;
    }
    let c1_at = |i: usize| matches!(bytes.get(i + 1), Some(0x80..=0x9F));
    memchr::memchr3_iter(0x0B, 0x7F, 0xC2, bytes).any(|i| bytes.get(i) != Some(&0xC2) || c1_at(i))
}

/// Whether `b` is DEL or a C0 control but tab, line feed, form feed and
/// carriage return (below 0x20 but 9, 10, 12 and 13). Branch-free.
#[inline]
fn is_c0_or_del(b: u8) -> bool {
    (b < 9) | (b == 11) | (b.wrapping_sub(14) < 0x20 - 14) | (b == 0x7F)
}

/// windows-1252: Latin-1 except 0x80–0x9F, where it has typographic
/// characters. The five bytes it leaves undefined map to the C1 controls of
/// the same value, as the WHATWG encoding standard does, so no byte is lost.
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}',
        '\u{2021}', '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008D}',
        '\u{017D}', '\u{008F}', '\u{0090}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}',
        '\u{2022}', '\u{2013}', '\u{2014}', '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}',
        '\u{0153}', '\u{009D}', '\u{017E}', '\u{0178}',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::Strategy;

    fn ok(bytes: &[u8]) -> Decoded {
        decode(bytes).unwrap_or_else(|e| panic!("{bytes:?} refused: {e}"))
    }

    #[test]
    fn plain_utf8_is_not_a_guess() {
        let d = ok("Förslag till beslut\r\n".as_bytes());
        assert_eq!(d.text, "Förslag till beslut\r\n");
        assert_eq!((d.encoding, d.bom, d.guessed), (Encoding::Utf8, false, false));
    }

    #[test]
    fn empty_input_is_empty_utf8_text() {
        let d = ok(b"");
        assert_eq!((d.text.as_str(), d.encoding, d.guessed), ("", Encoding::Utf8, false));
    }

    #[test]
    fn utf8_bom_is_dropped_and_recorded() {
        let d = ok(b"\xEF\xBB\xBFS\xC3\xA4ndlista");
        assert_eq!(d.text, "Sändlista");
        assert_eq!((d.encoding, d.bom, d.guessed), (Encoding::Utf8, true, false));
    }

    #[test]
    fn utf8_bom_followed_by_other_bytes_is_malformed_not_silently_reread() {
        assert_eq!(
            decode(b"\xEF\xBB\xBFS\xE4ndlista"),
            Err(NotText::Malformed { encoding: Encoding::Utf8, offset: 4 })
        );
    }

    #[test]
    fn utf16_both_byte_orders_including_surrogate_pairs() {
        let text = "Beslut ö 𝄞\n";
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        let (l, b) = (ok(&le), ok(&be));
        assert_eq!((l.text.as_str(), l.encoding), (text, Encoding::Utf16Le));
        assert_eq!((b.text.as_str(), b.encoding), (text, Encoding::Utf16Be));
        assert!(!l.guessed && l.bom && !b.guessed && b.bom);
    }

    #[test]
    fn utf16_odd_length_and_lone_surrogate_are_malformed_at_their_byte() {
        assert_eq!(
            decode(&[0xFF, 0xFE, b'a', 0, b'b']),
            Err(NotText::Malformed { encoding: Encoding::Utf16Le, offset: 4 })
        );
        // 'a', then a lone high surrogate followed by 'b'.
        assert_eq!(
            decode(&[0xFE, 0xFF, 0, b'a', 0xD8, 0x00, 0, b'b']),
            Err(NotText::Malformed { encoding: Encoding::Utf16Be, offset: 4 })
        );
    }

    #[test]
    fn utf16_nul_is_not_text_at_its_byte() {
        assert_eq!(decode(&[0xFF, 0xFE, b'a', 0, 0, 0]), Err(NotText::Nul { offset: 4 }));
    }

    #[test]
    fn invalid_utf8_falls_back_to_windows_1252_as_a_guess() {
        let d = ok(b"f\xF6r k\xE4nnedom \x96 \x80 100 \x93citat\x94");
        assert_eq!(d.text, "för kännedom – € 100 “citat”");
        assert_eq!((d.encoding, d.bom, d.guessed), (Encoding::Windows1252, false, true));
    }

    #[test]
    fn every_windows_1252_byte_maps_to_one_distinct_character() {
        let all: Vec<char> = (0..=255u8).map(windows_1252).collect();
        let mut unique = all.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), 256);
        assert_eq!(windows_1252(0xA0), '\u{A0}');
        assert_eq!(windows_1252(0x9F), 'Ÿ');
    }

    #[test]
    fn nul_bytes_are_not_text() {
        assert_eq!(decode(b"abc\0def"), Err(NotText::Nul { offset: 3 }));
        assert_eq!(decode(b"\xEF\xBB\xBFab\0"), Err(NotText::Nul { offset: 5 }));
    }

    #[test]
    fn mostly_control_characters_are_not_text() {
        let e = decode(b"\x01\x02\x03abc\x1b\x7f").unwrap_err();
        assert_eq!(e, NotText::ControlCharacters { control: 5, chars: 8, first: 0 });
        assert_eq!(e.to_string(), "5 of 8 characters are control characters, the first at byte 0");
        // Counted from the start of the input: a byte-order mark and the
        // text before the first control move it.
        let e = decode(b"\xEF\xBB\xBFab\x01\x02").unwrap_err();
        assert_eq!(e, NotText::ControlCharacters { control: 2, chars: 4, first: 5 });
    }

    #[test]
    fn c1_controls_count_too() {
        // The bytes windows-1252 leaves undefined become C1 controls.
        let e = decode(b"\x81\x8d\x8f\x90ab").unwrap_err();
        assert_eq!(e, NotText::ControlCharacters { control: 4, chars: 6, first: 0 });
        // In UTF-8, a C1 is found at its C2, not at a `§` (C2 A7) before it.
        let e = decode("§ab\u{85}\u{85}".as_bytes()).unwrap_err();
        assert_eq!(e, NotText::ControlCharacters { control: 2, chars: 5, first: 4 });
        ok("a\u{85}bcd".as_bytes());
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_decode_or_are_refused_without_panicking(bytes: Vec<u8>) {
            let _ = decode(&bytes);
        }

        /// The borrowing decode is the owning one, and borrows exactly
        /// when the text is the input's bytes (after a UTF-8 mark).
        #[test]
        fn the_borrowing_decode_gives_what_decode_gives(
            bytes in proptest::prop_oneof![
                proptest::collection::vec(proptest::num::u8::ANY, 0..40),
                "([a-zåäö §\n\r\t”]|\u{0}|\u{85}|\\PC){0,40}".prop_map(String::into_bytes),
                "\u{feff}[a-zåäö ”\u{1}]{0,20}".prop_map(String::into_bytes),
            ],
        ) {
            let borrowed = decode_borrowed(&bytes);
            let owned = decode(&bytes);
            proptest::prop_assert_eq!(
                borrowed.as_ref().map(|d| (d.text.as_ref(), d.encoding, d.bom, d.guessed)),
                owned.as_ref().map(|d| (d.text.as_str(), d.encoding, d.bom, d.guessed))
            );
            if let Ok(d) = borrowed {
                let own_bytes = d.encoding == Encoding::Utf8;
                proptest::prop_assert_eq!(matches!(d.text, Cow::Borrowed(_)), own_bytes);
                let skipped = if d.bom { 3 } else { 0 };
                proptest::prop_assert!(!own_bytes || d.text.as_bytes() == &bytes[skipped..]);
            }
        }

        #[test]
        fn utf8_text_comes_back_unchanged(text in "[^\\p{C}]*") {
            let d = decode(text.as_bytes()).unwrap();
            proptest::prop_assert_eq!(d.text, text);
            proptest::prop_assert!(!d.guessed);
        }

        #[test]
        fn windows_1252_keeps_one_character_per_byte(bytes: Vec<u8>) {
            if let Ok(d) = decode(&bytes) {
                if d.encoding == Encoding::Windows1252 {
                    proptest::prop_assert_eq!(d.text.chars().count(), bytes.len());
                }
            }
        }
    }

    #[test]
    fn controls_are_found_anywhere_among_paragraph_signs() {
        let signs = "§ 12 ¢\u{a0}".repeat(40);
        ok(signs.as_bytes());
        let nul = format!("{signs}x\0");
        assert_eq!(decode(nul.as_bytes()), Err(NotText::Nul { offset: signs.len() + 1 }));
        let c1 = format!("{signs}{}", "\u{85}".repeat(signs.chars().count()));
        assert!(matches!(decode(c1.as_bytes()), Err(NotText::ControlCharacters { .. })));
        let c0 = format!("{signs}{}", "\u{1b}".repeat(signs.chars().count()));
        assert!(matches!(decode(c0.as_bytes()), Err(NotText::ControlCharacters { .. })));
    }

    /// The quick test as it was first written: a loose fold with a test per
    /// control value, an exact one when that hits, and memchr for the C1s.
    fn any_control_by_value(bytes: &[u8]) -> bool {
        let maybe = |b: u8| ((b < 0x20) & (b != b'\n') & (b != b'\r')) | (b == 0x7F);
        let c0 = bytes.iter().fold(false, |any, &b| any | maybe(b))
            && bytes.iter().fold(0u8, |any, &b| any | u8::from(is_c0_or_del(b))) != 0;
        let c1_at = |i: usize| matches!(bytes.get(i + 1), Some(0x80..=0x9F));
        c0 || memchr::memchr_iter(0xC2, bytes).any(c1_at)
    }

    /// Whether a control is among `bytes`, byte by byte.
    fn any_control_by_byte(bytes: &[u8]) -> bool {
        bytes.iter().enumerate().any(|(i, &b)| {
            (!matches!(b, 9 | 10 | 12 | 13) && (b < 0x20 || b == 0x7F))
                || (b == 0xC2 && matches!(bytes.get(i + 1), Some(0x80..=0x9F)))
        })
    }

    #[test]
    fn the_quick_control_test_is_the_exact_one() {
        for b in 0..=255u8 {
            let one = [b];
            let exact = !matches!(b, 9 | 10 | 12 | 13) && (b < 0x20 || b == 0x7F);
            assert_eq!(any_control(&one), exact, "{b:#x}");
            assert_eq!(any_control_by_value(&one), exact, "{b:#x}");
            // Inside a longer text, after the vector loop's first blocks,
            // and before its tail.
            for at in [0, 1, 17, 70, 144] {
                let mut long = b"Beslut\r\n\tsida\x0c\xc2\xa7".repeat(9);
                long.insert(at, b);
                assert_eq!(any_control(&long), exact, "{b:#x} at {at} of 145 bytes");
            }
            // After C2, a C1 control for 80..=9F.
            let c2 = [b'x', 0xC2, b, b'y'];
            assert_eq!(any_control(&c2), exact || (0x80..=0x9F).contains(&b), "C2 {b:#x}");
            assert_eq!(any_control(&c2), any_control_by_value(&c2), "C2 {b:#x}");
        }
    }

    /// `check_characters` as it was first written: a text with a control
    /// walked byte by byte.
    fn check_by_walking(text: &str, offset: usize) -> Result<(), NotText> {
        let bytes = text.as_bytes();
        let c1_at = |i: usize| matches!(bytes.get(i + 1), Some(0x80..=0x9F));
        let c0 = |b: u8| !matches!(b, 9 | 10 | 12 | 13) && (b < 0x20 || b == 0x7F);
        if !bytes.iter().enumerate().any(|(i, &b)| c0(b) || (b == 0xC2 && c1_at(i))) {
            return Ok(());
        }
        let (mut control, mut first) = (0usize, None);
        for (i, &b) in bytes.iter().enumerate() {
            let counted = match b {
                b'\t' | b'\n' | b'\r' | 0x0c => false,
                0 => return Err(NotText::Nul { offset: offset + i }),
                0x01..=0x1F | 0x7F => true,
                0xC2 => matches!(bytes.get(i + 1), Some(0x80..=0x9F)),
                _ => false,
            };
            if counted {
                control += 1;
                first = first.or(Some(offset + i));
            }
        }
        let chars = text.chars().count();
        if control * 4 >= chars {
            return Err(NotText::ControlCharacters { control, chars, first: first.unwrap_or(0) });
        }
        Ok(())
    }

    proptest::proptest! {
        #[test]
        fn characters_are_checked_as_by_walking(
            text in "([a-zåäö §\u{a0}\n\r\t\u{c}”–]|\u{0}|[\u{1}-\u{1f}]|\u{7f}|[\u{80}-\u{9f}]|\\PC){0,80}",
            offset in 0usize..4,
        ) {
            proptest::prop_assert_eq!(check_characters(&text, offset), check_by_walking(&text, offset));
        }

        #[test]
        fn any_control_is_found_as_byte_by_byte(bytes: Vec<u8>) {
            proptest::prop_assert_eq!(any_control(&bytes), any_control_by_byte(&bytes));
            proptest::prop_assert_eq!(any_control(&bytes), any_control_by_value(&bytes));
        }

        #[test]
        fn any_control_in_text_is_found_as_byte_by_byte(
            text in "([a-zåäö §\u{a0}\n\r\t\u{c}”–]|\u{0}|[\u{1}-\u{1f}]|\u{7f}|[\u{80}-\u{9f}]|\\PC){0,200}",
        ) {
            let bytes = text.as_bytes();
            proptest::prop_assert_eq!(any_control(bytes), any_control_by_byte(bytes));
        }
    }

    #[test]
    fn layout_controls_and_a_stray_control_are_still_text() {
        ok(b"a\tb\r\nc\x0cd\n");
        ok(b"Beslutsunderlag\x1a\nTj\xC3\xA4nsteskrivelse, 2026-02-19\n");
    }
}
