//! Byte spans into the normalized text, and the line index that turns them
//! into line and column when (and only when) something is rendered.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into the normalized text
/// (see [`crate::normalize`]). Always on `char` boundaries.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    ///
    /// ```
    /// let s = beslut::Span::new(3, 7);
    /// assert_eq!(s.len(), 4);
    /// ```
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// An empty span at `at`: where something was expected but is missing.
    pub const fn empty(at: usize) -> Self {
        Span { start: at, end: at }
    }

    /// Its length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether it covers no bytes.
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// Whether `other` lies within this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The slice of `text` it covers, or `""` when it does not fit `text`.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

/// A 1-based line and column; the column counts characters, not bytes,
/// because that is what an editor shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineCol {
    /// Line number, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

/// Byte offsets of the start of every line, for offset → line/column.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Index the lines of `text` (which uses `\n` line ends, as normalized text does).
    ///
    /// ```
    /// let idx = beslut::LineIndex::new("ab\ncö\n");
    /// let lc = idx.line_col("ab\ncö\n", 6); // just after the ö
    /// assert_eq!((lc.line, lc.column), (2, 3));
    /// ```
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr_newlines(text.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
    }

    /// Number of lines (a final line without `\n` counts; an empty text has one line).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Byte offset where 1-based `line` starts, if it exists.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line.checked_sub(1)?).copied()
    }

    /// Line and column of byte `offset` in `text`. Offsets past the end, or
    /// inside a multi-byte character, are clamped rather than refused.
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1].min(offset);
        let column = text[start..offset].chars().count() + 1;
        LineCol { line, column }
    }
}

fn memchr_newlines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    ByteOffsets::new(bytes, b'\n')
}

/// Every offset of one byte value in a slice, in order. The parser's line
/// splitting touches every byte of a document: `memchr` scans a vector
/// register at a time.
pub(crate) struct ByteOffsets<'b>(memchr::Memchr<'b>);

impl<'b> ByteOffsets<'b> {
    pub(crate) fn new(bytes: &'b [u8], needle: u8) -> Self {
        ByteOffsets(memchr::memchr_iter(needle, bytes))
    }
}

impl Iterator for ByteOffsets<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        self.0.next()
    }
}

/// The first offset at or after `from` where `needle` stands in `bytes`.
pub(crate) fn find_byte(bytes: &[u8], needle: u8, from: usize) -> Option<usize> {
    memchr::memchr(needle, bytes.get(from..)?).map(|i| from + i)
}

/// The greatest char boundary at or below `i` (stable `str::floor_char_boundary` stand-in).
pub(crate) fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_chars_not_bytes() {
        let t = "åäö\nx";
        let idx = LineIndex::new(t);
        assert_eq!(idx.line_col(t, 6), LineCol { line: 1, column: 4 });
        assert_eq!(idx.line_col(t, 7), LineCol { line: 2, column: 1 });
    }

    #[test]
    fn line_col_clamps_offsets_inside_a_char_and_past_the_end() {
        let t = "å";
        let idx = LineIndex::new(t);
        assert_eq!(idx.line_col(t, 1).column, 1);
        assert_eq!(idx.line_col(t, 99).column, 2);
    }

    #[test]
    fn byte_offsets_find_every_match_in_order() {
        for text in ["", "\n", "a\nb", "0123456\n89abcde\n\n\nxyz\u{e5}\n", "\u{ff}\u{7f}\n\u{80}"]
        {
            let slow: Vec<usize> =
                text.bytes().enumerate().filter(|(_, b)| *b == b'\n').map(|(i, _)| i).collect();
            assert_eq!(
                ByteOffsets::new(text.as_bytes(), b'\n').collect::<Vec<_>>(),
                slow,
                "{text:?}"
            );
        }
        let bytes: Vec<u8> = (0..=255).chain(0..=255).collect();
        for needle in 0..=255u8 {
            let found: Vec<usize> = ByteOffsets::new(&bytes, needle).collect();
            assert_eq!(found, [usize::from(needle), 256 + usize::from(needle)]);
        }
        assert_eq!(find_byte(b"abc", b'c', 9), None);
    }

    #[test]
    fn cover_and_contains() {
        let a = Span::new(2, 5);
        let b = Span::new(4, 9);
        assert_eq!(a.cover(b), Span::new(2, 9));
        assert!(a.cover(b).contains(a));
        assert!(!a.contains(b));
    }
}
