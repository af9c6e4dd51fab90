//! Diacritic folding: the skeleton that both heading recognition and the
//! lexicon key on. OCR loses å, ä and ö in a few predictable ways; folding maps
//! every spelling of a word to the one key those losses cannot change.

/// Fold one character: lower case, and å ä à á â → `a`, ö ó ò ô ø → `o`,
/// é è ê ë → `e`, ü → `u`. Other characters are only lower-cased (when that
/// gives one character).
///
/// ```
/// assert_eq!(beslut::fold_char('Ä'), 'a');
/// assert_eq!(beslut::fold_char('é'), 'e');
/// assert_eq!(beslut::fold_char('x'), 'x');
/// ```
#[inline]
pub fn fold_char(c: char) -> char {
    match c {
        'a'..='z' | '0'..='9' => c,
        'A'..='Z' => c.to_ascii_lowercase(),
        'å' | 'ä' | 'à' | 'á' | 'â' | 'Å' | 'Ä' | 'À' | 'Á' | 'Â' => 'a',
        'ö' | 'ó' | 'ò' | 'ô' | 'ø' | 'Ö' | 'Ó' | 'Ò' | 'Ô' | 'Ø' => 'o',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
        'ü' | 'Ü' => 'u',
        _ if c.is_ascii() => c,
        _ => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => c,
            }
        }
    }
}

/// Fold a whole string with [`fold_char`].
///
/// ```
/// assert_eq!(beslut::fold("Förslag till BESLUT"), "forslag till beslut");
/// ```
pub fn fold(s: &str) -> String {
    // Sized at once: collecting chars reserves a quarter of the bytes and
    // grows, and a fold is about as long as its input.
    let mut out = String::with_capacity(s.len());
    out.extend(s.chars().map(fold_char));
    out
}

/// Whether `c` is one of the Swedish letters OCR most often loses.
#[inline]
pub fn is_swedish_diacritic(c: char) -> bool {
    matches!(c, 'å' | 'ä' | 'ö' | 'Å' | 'Ä' | 'Ö')
}

/// The spellings OCR is known to produce for a letter of a canonical word,
/// beyond its plain fold. Used where a known word is expected (headings), never
/// as a general edit distance.
///
/// From the confusion table in the domain notes: ö is read as o, é, d, e, 6, 0
/// or `ao`/`oé`; ä as a, A, d, à; å as a, é, à.
pub(crate) fn ocr_readings(canonical: char) -> &'static [&'static str] {
    match canonical {
        'ö' | 'Ö' => &["o", "é", "d", "e", "6", "0", "ao", "oé", "ó", "ò", "O", "D"],
        'ä' | 'Ä' => &["a", "A", "d", "à", "á", "â"],
        'å' | 'Å' => &["a", "é", "à", "á", "A"],
        _ => &[],
    }
}

/// [`fold`], also reading a `6` or `0` between letters as the `o` (from ö)
/// OCR took it for: `Kommunledningsf6rvaltningen` → `kommunledningsforvaltningen`.
/// Only for matching known words; never for restoring text. Character by
/// character from either end, without building the folded string: a caller
/// that only tests an ending or looks for a digit allocates nothing.
pub(crate) fn fold_ocr(s: &str) -> impl DoubleEndedIterator<Item = char> + '_ {
    let letter = |c: Option<char>| c.is_some_and(char::is_alphabetic);
    s.char_indices().map(move |(i, c)| match c {
        // `6` and `0` are one byte each: `i + 1` is the next character's start.
        '6' | '0'
            if letter(s.get(..i).and_then(|before| before.chars().next_back()))
                && letter(s.get(i + 1..).and_then(|after| after.chars().next())) =>
        {
            'o'
        }
        c => fold_char(c),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_swedish_letters_and_case() {
        assert_eq!(fold("ÅÄÖåäöÉé"), "aaoaaoee");
    }

    #[test]
    fn leaves_digits_and_punctuation() {
        assert_eq!(fold("KS-2024/11, §83"), "ks-2024/11, §83");
    }

    #[test]
    fn ocr_fold_reads_digits_inside_words() {
        let folded = |s| fold_ocr(s).collect::<String>();
        assert_eq!(folded("Kommunledningsf6rvaltningen"), "kommunledningsforvaltningen");
        assert_eq!(folded("2026 och 60"), "2026 och 60");
        // Read from the end, the same characters come back reversed.
        assert_eq!(fold_ocr("Miljöf6r 6").rev().collect::<String>(), "6 rofojlim");
    }

    #[test]
    fn ocr_readings_only_for_lost_letters() {
        assert!(ocr_readings('ö').contains(&"é"));
        assert!(ocr_readings('x').is_empty());
    }
}
