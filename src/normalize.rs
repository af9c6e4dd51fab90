//! Phase one: turn whatever text arrived into the one form every later phase
//! sees. Spans everywhere in the model are byte ranges into this text.
//!
//! What changes, and why:
//! - a leading byte-order mark is dropped (editors on Windows add it);
//! - `\r\n` and lone `\r` become `\n`, so a document's model does not depend on
//!   the machine that scanned it;
//! - the text is put in Unicode NFC, so `o` + combining diaeresis and `ö` are one
//!   character and heading matching and the lexicon see one spelling.

use crate::span::{LineIndex, find_byte};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Text in normal form, with its line index.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Normalized {
    /// The normalized text.
    pub text: String,
    /// Line starts of `text`.
    pub lines: LineIndex,
}

/// Normalize `input`: drop a BOM, convert line ends to `\n`, and compose to NFC.
///
/// ```
/// let n = beslut::normalize("\u{feff}Fo\u{308}rslag\r\nb");
/// assert_eq!(n.text, "Förslag\nb");
/// assert_eq!(n.lines.line_count(), 2);
/// ```
pub fn normalize(input: &str) -> Normalized {
    let text = normalize_text(input);
    let lines = LineIndex::new(&text);
    Normalized { text, lines }
}

/// The text half of [`normalize`], without building a line index.
pub(crate) fn normalize_text(input: &str) -> String {
    // All leading marks, so that normalizing normalized text changes nothing.
    let input = input.trim_start_matches('\u{feff}');
    let unified = if find_byte(input.as_bytes(), b'\r', 0).is_some() {
        std::borrow::Cow::Owned(unify_line_ends(input))
    } else {
        std::borrow::Cow::Borrowed(input)
    };
    if is_plainly_nfc(&unified) {
        return unified.into_owned();
    }
    // The quick check answers "yes" for nearly all real input without allocating.
    match is_nfc_quick(unified.chars()) {
        IsNormalized::Yes => unified.into_owned(),
        _ => unified.nfc().collect(),
    }
}

/// Characters below U+0300 (where combining marks begin) and general
/// punctuation (curly quotes, dashes) from U+2002 on never change under NFC:
/// text made of them only, as Swedish text nearly always is, needs no table
/// lookups. (U+2000 and U+2001, the quads, become U+2002 and U+2003.)
fn is_plainly_nfc(text: &str) -> bool {
    // In UTF-8 every character from U+0300 on starts with a byte from CC up,
    // and no other byte is that high; of those, only E2 can start general
    // punctuation. So one branch-free fold over the bytes (it vectorizes)
    // settles most texts (å, ä and ö start with C3), and only the E2s, found
    // with memchr, are looked at one by one.
    let bytes = text.as_bytes();
    if any_high_but_e2(bytes) {
        return false;
    }
    // memchr's AVX2 searcher taken directly where the machine has it: its
    // generic entry point dispatches through a function pointer on every
    // call, and a text has an E2 (a curly quote, a dash) every few lines.
    #[cfg(target_arch = "x86_64")]
    if let Some(e2) = memchr::arch::x86_64::avx2::memchr::One::new(0xe2) {
        return all_general_punctuation(bytes, e2.iter(bytes));
    }
    all_general_punctuation(bytes, memchr::memchr_iter(0xe2, bytes))
}

/// Whether a byte of `bytes` is CC or higher but E2. Two running maxima,
/// branch-free, so they vectorize to three vector operations per sixteen
/// bytes (a compare for each bound and for E2 cost twice that): the
/// greatest byte is E3 or more when one is, and the greatest byte plus 0x1E
/// (wrapping: E2 and up go to the bottom) is EA or more when a byte from CC
/// to E1 is.
fn any_high_but_e2(bytes: &[u8]) -> bool {
    let (greatest, greatest_below_e2) =
        bytes.iter().fold((0u8, 0u8), |(a, b), &x| (a.max(x), b.max(x.wrapping_add(0x1e))));
    greatest >= 0xe3 || greatest_below_e2 >= 0xcc + 0x1e
}

/// Whether every E2 of `bytes` (at `at`) starts a character of general
/// punctuation that NFC leaves alone: U+2002..=U+206F, E2 80 82..BF and
/// E2 81 80..AF.
fn all_general_punctuation(bytes: &[u8], mut at: impl Iterator<Item = usize>) -> bool {
    at.all(|i| match bytes.get(i + 1) {
        Some(0x80) => bytes.get(i + 2).is_some_and(|&b| b >= 0x82),
        Some(0x81) => bytes.get(i + 2).is_some_and(|&b| b <= 0xaf),
        _ => false,
    })
}

fn unify_line_ends(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut rest = input;
    while let Some(i) = find_byte(rest.as_bytes(), b'\r', 0) {
        out.push_str(&rest[..i]);
        out.push('\n');
        rest = &rest[i + 1..];
        if let Some(after) = rest.strip_prefix('\n') {
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_cr_and_lf_all_become_lf() {
        assert_eq!(normalize_text("a\r\nb\rc\nd\r"), "a\nb\nc\nd\n");
    }

    #[test]
    fn decomposed_diacritics_are_composed() {
        assert_eq!(normalize_text("a\u{30a}a\u{308}o\u{308}"), "åäö");
    }

    #[test]
    fn only_leading_boms_are_dropped() {
        assert_eq!(normalize_text("\u{feff}x\u{feff}"), "x\u{feff}");
        assert_eq!(normalize_text("\u{feff}\u{feff}x"), "x");
    }

    #[test]
    fn the_plain_fast_path_accepts_only_what_nfc_keeps() {
        assert!(is_plainly_nfc("Förslag ”till” beslut – 2026 ¢ é"));
        assert!(!is_plainly_nfc("o\u{308}"));
        assert!(!is_plainly_nfc("\u{2126}")); // OHM SIGN becomes Ω under NFC
        assert!(!is_plainly_nfc("한"));
        assert!(!is_plainly_nfc("\u{2000}")); // EN QUAD becomes EN SPACE
        assert!(!is_plainly_nfc("\u{2001}"));
        assert_eq!(normalize_text("a\u{2000}b"), "a\u{2002}b");
        // A dash, and a character past general punctuation, after 63 plain bytes.
        let pad = "a".repeat(63);
        assert!(is_plainly_nfc(&format!("{pad}–x")));
        assert!(!is_plainly_nfc(&format!("{pad}\u{2070}")));
        assert!(!is_plainly_nfc(&format!("{pad}b\u{2126}")));
    }

    /// [`any_high_but_e2`] as it was first written: a compare for each
    /// bound and for E2, byte by byte.
    fn any_high_but_e2_by_compare(bytes: &[u8]) -> bool {
        bytes.iter().fold(false, |high, &b| high | ((b >= 0xcc) & (b != 0xe2)))
    }

    #[test]
    fn the_high_byte_test_is_the_compare() {
        for b in 0..=255u8 {
            let want = b >= 0xcc && b != 0xe2;
            assert_eq!(any_high_but_e2(&[b]), want, "{b:#x}");
            assert_eq!(any_high_but_e2_by_compare(&[b]), want, "{b:#x}");
            // Among plain bytes, E2 and CB, in and after the vector loop's blocks.
            for at in [0, 1, 31, 70, 144] {
                let mut long = b"Beslut\xe2\x80\x93sida\xcb\x87\xc3\xa4.".repeat(9);
                long.insert(at, b);
                assert_eq!(any_high_but_e2(&long), want, "{b:#x} at {at}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn the_high_byte_test_is_the_compare_on_any_bytes(bytes: Vec<u8>) {
            proptest::prop_assert_eq!(any_high_but_e2(&bytes), any_high_but_e2_by_compare(&bytes));
        }

        #[test]
        fn the_plain_fast_path_is_exactly_the_plain_characters(
            s in "([a-zåäöé ]|[\u{2000}-\u{2071}]|\\PC){0,150}"
        ) {
            let plain = s.chars().all(|c| c < '\u{300}' || ('\u{2002}'..='\u{206f}').contains(&c));
            proptest::prop_assert_eq!(is_plainly_nfc(&s), plain);
            // The portable search reads the E2s as the AVX2 one does.
            let portable = all_general_punctuation(s.as_bytes(), memchr::memchr_iter(0xe2, s.as_bytes()));
            let punctuation_only = s.chars().all(|c| !('\u{2000}'..'\u{3000}').contains(&c) || ('\u{2002}'..='\u{206f}').contains(&c));
            proptest::prop_assert_eq!(portable, punctuation_only);
            // What the fast path passes, NFC must leave as it is.
            proptest::prop_assert!(!is_plainly_nfc(&s) || s.nfc().eq(s.chars()));
        }
    }

    #[test]
    fn every_character_the_fast_path_passes_is_left_alone_by_nfc() {
        for c in ('\0'..'\u{300}').chain('\u{2000}'..='\u{206f}') {
            let s = c.to_string();
            if is_plainly_nfc(&s) {
                assert!(s.nfc().eq(s.chars()), "U+{:04X}", u32::from(c));
            }
        }
    }

    #[test]
    fn already_normal_text_is_unchanged() {
        let t = "Förslag till beslut\n\nKommunstyrelsen beslutar att:\n";
        assert_eq!(normalize_text(t), t);
    }
}
