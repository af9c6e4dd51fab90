//! The distinct words of a document, each with a small id: one string holds
//! them all, so a lookup touches a slot, a hash and a few contiguous bytes
//! instead of a separately allocated key per word.
//!
//! Callers that look a word up in several tables (the document's words, the
//! lexicon's memo, the intact keys) hash it once with [`hash`] and pass the
//! hash along: hashing was a good part of each lookup.

use super::hash::{FxHasher, mix};
use std::hash::Hasher;

#[derive(Debug)]
pub(crate) struct WordIndex {
    /// All words, one after another.
    arena: Vec<u8>,
    /// Per id.
    words: Vec<Entry>,
    /// Open addressing: id + 1, 0 for an empty slot; length a power of two.
    /// The word's hash in `words` settles most probes before the arena is
    /// touched. (Slots with half the hash in them too settled probes no
    /// faster, and a table twice the size cost more to clear per document.)
    slots: Vec<u32>,
}

/// What the index keeps of a word.
#[derive(Clone, Copy, Debug)]
struct Entry {
    /// Its [`hash`].
    hash: u64,
    /// Where it is in the arena.
    start: usize,
    end: usize,
    /// How often the word was interned (a document's word counts, kept here
    /// rather than in a list of their own, which the loop over every token
    /// indexed again).
    count: u32,
}

/// The hash every table here keys on.
#[inline]
pub(crate) fn hash(s: &str) -> u64 {
    hash_bytes(s.as_bytes())
}

/// [`hash`] of a word given as its bytes. Words are short: up to 16 bytes
/// are read in two overlapping loads and mixed in one or two steps, with the
/// length (which makes the overlap unambiguous); a chunked hash cost twice
/// as much, in loops and tails, as the rest of a word's lookup.
#[inline(always)]
pub(crate) fn hash_bytes(s: &[u8]) -> u64 {
    let n = s.len();
    let len = (n as u64) << 59;
    let at = |i: usize| u64::from(s.get(i).copied().unwrap_or(0));
    let x = match n {
        0 => 0,
        // Bytes 0, n/2 and n-1 cover every position of a 1..=3 byte word.
        1..=3 => mix(0, (at(0) | (at(n / 2) << 8) | (at(n - 1) << 16)) ^ len),
        4..=8 => mix(0, (u64::from(load4(s, 0)) | (u64::from(load4(s, n - 4)) << 32)) ^ len),
        9..=16 => mix(mix(0, load8(s, 0)), load8(s, n - 8) ^ len),
        _ => {
            let mut h = FxHasher::default();
            h.write(s);
            mix(h.finish(), len)
        }
    };
    // The low bits pick the slot; mix so short words spread over them.
    x ^ (x >> 29)
}

/// Eight bytes of `s` from `at`, little-endian; 0 past the end (callers stay inside).
#[inline]
pub(crate) fn load8(s: &[u8], at: usize) -> u64 {
    s.get(at..at + 8).and_then(|b| b.try_into().ok()).map_or(0, u64::from_le_bytes)
}

/// Four bytes of `s` from `at`, little-endian; 0 past the end (callers stay inside).
#[inline]
pub(crate) fn load4(s: &[u8], at: usize) -> u32 {
    s.get(at..at + 4).and_then(|b| b.try_into().ok()).map_or(0, u32::from_le_bytes)
}

/// Whether the word at `start..end` of `arena`, with [`hash_bytes`] `wh`,
/// is `s`, whose hash is `h`. Up to 8 bytes, [`hash_bytes`] is one-to-one
/// for words of one length (the loads cover every byte, and the multiply by
/// an odd number and the shift-xor can be undone): equal hashes and lengths
/// settle it without reading the stored word, which was a good part of a
/// lookup of the short words most tokens are.
#[inline(always)]
fn holds(arena: &[u8], (wh, start, end): (u64, usize, usize), s: &[u8], h: u64) -> bool {
    wh == h
        && if s.len() <= 8 {
            end.wrapping_sub(start) == s.len()
        } else {
            arena.get(start..end).is_some_and(|w| same(w, s))
        }
}

/// `a == b`, with the short lengths words have compared in two loads each
/// instead of a call to `memcmp`.
#[inline]
fn same(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    match n {
        0 => true,
        // Bytes 0, n/2 and n-1 cover every position of a 1..=3 byte word.
        1..=3 => a.first() == b.first() && a.get(n / 2) == b.get(n / 2) && a.last() == b.last(),
        // Two overlapping windows cover the word.
        4..=7 => load4(a, 0) == load4(b, 0) && load4(a, n - 4) == load4(b, n - 4),
        8..=16 => load8(a, 0) == load8(b, 0) && load8(a, n - 8) == load8(b, n - 8),
        _ => a == b,
    }
}

/// A filter of word hashes beside a small [`WordIndex`], of `W` words of 64
/// bits (a power of two; 256 bits unless told): a word not in it is known
/// absent for a few instructions, where a probe of the table costs a slot, a
/// hash and maybe a compare. The tables of a document's intact forms and
/// restored spellings hold a few dozen keys, and every plain word of the
/// document is looked up in them.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Filter<const W: usize = 4>([u64; W]);

impl<const W: usize> Default for Filter<W> {
    fn default() -> Self {
        Filter([0; W])
    }
}

impl<const W: usize> Filter<W> {
    /// The word of the filter and the bit in it for hash `h`: its top bits,
    /// which the tables (indexed by the low bits) do not use.
    #[inline(always)]
    fn bit(h: u64) -> (usize, u64) {
        let bits = (W * 64).trailing_zeros();
        let b = h.checked_shr(64 - bits).unwrap_or(0);
        ((b >> 6) as usize, 1 << (b & 63))
    }

    #[inline]
    pub(crate) fn insert(&mut self, h: u64) {
        let (i, bit) = Self::bit(h);
        if let Some(w) = self.0.get_mut(i) {
            *w |= bit;
        }
    }

    /// Whether a word with hash `h` may have been inserted (false: it was not).
    #[inline(always)]
    pub(crate) fn may_hold(&self, h: u64) -> bool {
        let (i, bit) = Self::bit(h);
        self.0.get(i).is_some_and(|w| w & bit != 0)
    }
}

impl Default for WordIndex {
    /// An index with room to start: `find` relies on at least one slot.
    fn default() -> Self {
        WordIndex::with_capacity(0)
    }
}

impl WordIndex {
    pub(crate) fn with_capacity(words: usize) -> Self {
        let slots = (words * 2).next_power_of_two().max(16);
        WordIndex {
            arena: Vec::with_capacity(words * 8),
            words: Vec::with_capacity(words),
            slots: vec![0; slots],
        }
    }

    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.words.len()
    }

    /// The word with id `id` ("" for none; every word was added as a `str`).
    #[cfg(test)]
    pub(crate) fn word(&self, id: u32) -> &str {
        std::str::from_utf8(self.bytes_and_hash(id).0).unwrap_or("")
    }

    /// The bytes of the word with id `id` and its [`hash`].
    pub(crate) fn bytes_and_hash(&self, id: u32) -> (&[u8], u64) {
        match self.words.get(id as usize) {
            Some(e) => (self.arena.get(e.start..e.end).unwrap_or(&[]), e.hash),
            None => (&[], 0),
        }
    }

    /// Slot of `s` (with hash `h`): where it is, or the empty slot it would take.
    // Always inlined: it runs once per word token, and the call was a good part of it.
    #[inline(always)]
    fn find(&self, s: &[u8], h: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut i = (h as usize) & mask;
        loop {
            let Some(&slot) = self.slots.get(i) else { return i };
            if slot == 0 {
                return i;
            }
            if let Some(e) = self.words.get((slot - 1) as usize)
                && holds(&self.arena, (e.hash, e.start, e.end), s, h)
            {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    #[cfg(test)]
    pub(crate) fn get(&self, s: &str) -> Option<u32> {
        self.get_hashed(s, hash(s))
    }

    /// [`WordIndex::get`] with `h` = [`hash`]`(s)` already known.
    #[inline]
    pub(crate) fn get_hashed(&self, s: &str, h: u64) -> Option<u32> {
        self.get_bytes(s.as_bytes(), h)
    }

    /// [`WordIndex::get_hashed`] of a word given as its bytes.
    #[inline]
    pub(crate) fn get_bytes(&self, s: &[u8], h: u64) -> Option<u32> {
        match self.slots.get(self.find(s, h)) {
            Some(&slot) if slot != 0 => Some(slot - 1),
            _ => None,
        }
    }

    /// The id of `s`, adding it when new.
    #[cfg(test)]
    pub(crate) fn intern(&mut self, s: &str) -> u32 {
        self.intern_hashed(s, hash(s))
    }

    /// The id of `s`, adding it when new; `h` is [`hash`]`(s)`.
    #[inline(always)]
    pub(crate) fn intern_hashed(&mut self, s: &str, h: u64) -> u32 {
        self.intern_bytes(s.as_bytes(), h)
    }

    /// [`WordIndex::intern_hashed`] of a word given as the bytes of a `str`.
    #[inline(always)]
    fn intern_bytes(&mut self, s: &[u8], h: u64) -> u32 {
        self.intern_token(s, h, || None)
    }

    /// [`WordIndex::intern_bytes`] of a word token of a text (whose bounds
    /// need no checking as a `str`'s would), with `window()` the 16 bytes of
    /// the text from the word's start, if the text has that many.
    #[inline(always)]
    pub(crate) fn intern_token<'t>(
        &mut self,
        s: &[u8],
        h: u64,
        window: impl FnOnce() -> Option<&'t [u8; 16]>,
    ) -> u32 {
        let mask = self.slots.len().wrapping_sub(1);
        let mut i = (h as usize) & mask;
        // `find`, counting the word where it is found.
        loop {
            let slot = match self.slots.get(i) {
                Some(&slot) if slot != 0 => slot,
                _ => return self.add(s, window, h, i),
            };
            if let Some(e) = self.words.get_mut((slot - 1) as usize)
                && holds(&self.arena, (e.hash, e.start, e.end), s, h)
            {
                e.count = e.count.saturating_add(1);
                return slot - 1;
            }
            i = (i + 1) & mask;
        }
    }

    /// How often each word, in id order, was interned.
    pub(crate) fn counts(&self) -> impl Iterator<Item = u32> + '_ {
        self.words.iter().map(|e| e.count)
    }

    /// How many distinct words the index holds.
    pub(crate) fn distinct(&self) -> usize {
        self.words.len()
    }

    /// Add `s` (hash `h`; `window` as for [`WordIndex::intern_token`]) at the
    /// empty slot `i`, and give its new id.
    // Inlined too: a third of a document's word tokens are new words, and as
    // a call of its own, saving registers was a good part of adding one.
    #[inline(always)]
    fn add<'t>(
        &mut self,
        s: &[u8],
        window: impl FnOnce() -> Option<&'t [u8; 16]>,
        h: u64,
        i: usize,
    ) -> u32 {
        let id = self.words.len() as u32;
        let start = self.arena.len();
        // Most words are short: copied as the whole window and cut back to
        // the word, a few moves where copying just the word called memcpy.
        match window().filter(|_| s.len() <= 16) {
            Some(w) => {
                self.arena.extend_from_slice(w);
                self.arena.truncate(start + s.len());
            }
            None => self.arena.extend_from_slice(s),
        }
        self.words.push(Entry { hash: h, start, end: self.arena.len(), count: 1 });
        if let Some(slot) = self.slots.get_mut(i) {
            *slot = id + 1;
        }
        if self.words.len() * 2 > self.slots.len() {
            self.grow();
        }
        id
    }

    fn grow(&mut self) {
        let len = self.slots.len() * 2;
        let mask = len - 1;
        let mut slots = vec![0u32; len];
        for (id, e) in self.words.iter().enumerate() {
            let mut i = (e.hash as usize) & mask;
            while slots.get(i).is_some_and(|&s| s != 0) {
                i = (i + 1) & mask;
            }
            if let Some(s) = slots.get_mut(i) {
                *s = id as u32 + 1;
            }
        }
        self.slots = slots;
    }
}

/// Longest word, in bytes, a [`MemoIndex`] keeps: [`super::word::Word::read`]
/// takes no word of more than 48 chars (of at most four bytes each), so a
/// longer one is judged as quickly as it is looked up. It keeps the memo's
/// offsets within 32 bits and its lengths within 8.
pub(crate) const MEMO_WORD: usize = 192;

/// The words of the lexicon's memo, each with an id (in the order added)
/// and a tag byte its owner keeps for it. A [`WordIndex`] keeps a slot
/// (the id) and an entry (hash, place, tag) per word: two cache misses per
/// lookup in a table as large as the memo, which every distinct word of
/// every document is looked up in. Here the slot holds all a lookup of a
/// word of up to 8 bytes (most words) asks, in 16 bytes (four to a cache
/// line, none across two): one cache line per lookup. A word of 9 to 16
/// bytes takes one more load, of its first 8 bytes kept per id (its hash
/// and length settle the rest); a longer word's bytes are compared, as in a
/// [`WordIndex`].
#[derive(Debug)]
pub(crate) struct MemoIndex {
    /// All words, one after another.
    arena: Vec<u8>,
    /// Per id, where the word starts in the arena: read only for words
    /// longer than 16 bytes, whose hash, length and head do not settle a probe.
    starts: Vec<u32>,
    /// Per id, the word's first 8 bytes ([`load8`]; 0 for a shorter word).
    /// Of a word of 9 to 16 bytes [`hash_bytes`] mixes these and its last 8
    /// bytes (which, with the length, cover the rest) by steps that can be
    /// undone: with equal hashes, lengths and heads the words are equal.
    /// One load where reading the word from the arena took two dependent
    /// ones (its start, then its bytes), each a likely cache miss.
    heads: Vec<u64>,
    /// Open addressing, length a power of two, at most half full.
    slots: Vec<MemoSlot>,
}

#[derive(Clone, Copy, Debug, Default)]
struct MemoSlot {
    /// The word's [`hash`].
    hash: u64,
    /// Its id + 1; 0 for an empty slot.
    id: u32,
    /// Its length in bytes (at most [`MEMO_WORD`]).
    len: u8,
    tag: u8,
}

impl Default for MemoIndex {
    fn default() -> Self {
        MemoIndex {
            arena: Vec::new(),
            starts: Vec::new(),
            heads: Vec::new(),
            slots: vec![MemoSlot::default(); 16],
        }
    }
}

impl MemoIndex {
    /// Where `s` (with hash `h`) is: its slot, or else the index of the
    /// empty slot it would take. The slot itself, not its index: a lookup
    /// that went back to the table by index checked the bounds and the id
    /// again, per word.
    #[inline(always)]
    fn find(&self, s: &[u8], h: u64) -> Result<&MemoSlot, usize> {
        self.find_in(&self.slots, s, h)
    }

    /// [`MemoIndex::find`] in `slots`, which are this index's: a loop over
    /// many words reads their place and length once, not per word.
    #[inline(always)]
    fn find_in<'a>(&self, slots: &'a [MemoSlot], s: &[u8], h: u64) -> Result<&'a MemoSlot, usize> {
        let mask = slots.len().wrapping_sub(1);
        let mut i = (h as usize) & mask;
        loop {
            let Some(e) = slots.get(i) else { return Err(i) };
            if e.id == 0 {
                return Err(i);
            }
            // As `holds`, reading the head or the bytes only when the hash
            // and length do not settle it.
            if e.hash == h && usize::from(e.len) == s.len() && self.rest_is(e, s) {
                return Ok(e);
            }
            i = (i + 1) & mask;
        }
    }

    /// Whether the word in slot `e`, whose hash and length are those of
    /// `s`, is `s` (see `heads`).
    #[inline(always)]
    fn rest_is(&self, e: &MemoSlot, s: &[u8]) -> bool {
        match s.len() {
            0..=8 => true,
            9..=16 => {
                let id = e.id.wrapping_sub(1) as usize;
                self.heads.get(id).is_some_and(|&head| head == load8(s, 0))
            }
            _ => self.bytes(e).is_some_and(|w| w == s),
        }
    }

    /// The bytes of the word in slot `e`.
    fn bytes(&self, e: &MemoSlot) -> Option<&[u8]> {
        let start = *self.starts.get(e.id.checked_sub(1)? as usize)? as usize;
        self.arena.get(start..start + usize::from(e.len))
    }

    /// The slot holding `s` (with hash `h`), if the memo has it.
    #[inline(always)]
    fn slot(&self, s: &[u8], h: u64) -> Option<&MemoSlot> {
        if s.len() > MEMO_WORD {
            return None;
        }
        self.find(s, h).ok()
    }

    /// The id of `s` (with hash `h`), if the memo has it.
    #[inline(always)]
    pub(crate) fn get_bytes(&self, s: &[u8], h: u64) -> Option<u32> {
        Some(self.slot(s, h)?.id - 1)
    }

    /// The id of each word of `words`, in the order of their ids, or
    /// `absent` for a word the memo lacks, whose index is pushed to `missing`.
    /// One loop over both tables, with the slots taken once: where the
    /// words were drawn through a closure and looked up through the memo
    /// lock's guard, the table's place and length were read again per word.
    pub(crate) fn ids_of(
        &self,
        words: &WordIndex,
        absent: u32,
        missing: &mut Vec<usize>,
    ) -> Vec<u32> {
        let (slots, arena) = (self.slots.as_slice(), words.arena.as_slice());
        let mut ids = Vec::with_capacity(words.words.len());
        for (i, e) in words.words.iter().enumerate() {
            let s = arena.get(e.start..e.end).unwrap_or(&[]);
            let found =
                if s.len() > MEMO_WORD { None } else { self.find_in(slots, s, e.hash).ok() };
            ids.push(found.map_or_else(
                || {
                    missing.push(i);
                    absent
                },
                |e| e.id - 1,
            ));
        }
        ids
    }

    /// The tag of `s` (with hash `h`), if the memo has it.
    #[inline(always)]
    pub(crate) fn tag_of(&self, s: &[u8], h: u64) -> Option<u8> {
        Some(self.slot(s, h)?.tag)
    }

    /// Add `s` (with hash `h`) tagged `tag`, and give its id (the number of
    /// words added before it); `None` when the memo has it already or it is
    /// longer than [`MEMO_WORD`].
    pub(crate) fn insert(&mut self, s: &[u8], h: u64, tag: u8) -> Option<u32> {
        if s.len() > MEMO_WORD {
            return None;
        }
        let i = self.find(s, h).err()?;
        let slot = self.slots.get_mut(i)?;
        // Never past 32 bits: the memo holds at most 2^17 words of at most
        // MEMO_WORD bytes.
        let start = u32::try_from(self.arena.len()).ok()?;
        let id = u32::try_from(self.starts.len()).ok()?;
        self.arena.extend_from_slice(s);
        self.starts.push(start);
        self.heads.push(load8(s, 0));
        *slot = MemoSlot { hash: h, id: id + 1, len: s.len() as u8, tag };
        if self.starts.len() * 2 > self.slots.len() {
            self.grow();
        }
        Some(id)
    }

    fn grow(&mut self) {
        let len = self.slots.len() * 2;
        let mask = len - 1;
        let mut slots = vec![MemoSlot::default(); len];
        for e in self.slots.iter().filter(|e| e.id != 0) {
            let mut i = (e.hash as usize) & mask;
            while slots.get(i).is_some_and(|s| s.id != 0) {
                i = (i + 1) & mask;
            }
            if let Some(s) = slots.get_mut(i) {
                *s = *e;
            }
        }
        self.slots = slots;
    }

    /// Each word held, as (id, bytes, hash, tag), in no order.
    #[cfg(test)]
    pub(crate) fn entries(&self) -> impl Iterator<Item = (u32, &[u8], u64, u8)> + '_ {
        self.slots
            .iter()
            .filter(|e| e.id != 0)
            .map(|e| (e.id - 1, self.bytes(e).unwrap_or(&[]), e.hash, e.tag))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interns_once_and_finds_again_across_growth() {
        let mut idx = WordIndex::with_capacity(2);
        let words: Vec<String> = (0..500).map(|i| format!("ord{i}")).collect();
        for (i, w) in words.iter().enumerate() {
            assert_eq!(idx.intern(w), i as u32);
        }
        assert_eq!(idx.intern("ord7"), 7);
        assert_eq!(idx.len(), 500);
        for (i, w) in words.iter().enumerate() {
            assert_eq!(idx.get(w), Some(i as u32));
            assert_eq!(idx.word(i as u32), w);
            assert_eq!(idx.bytes_and_hash(i as u32), (w.as_bytes(), hash(w)));
        }
        assert_eq!(idx.get("ord500"), None);
        assert_eq!(WordIndex::default().get("x"), None);
    }

    #[test]
    fn a_token_copied_through_its_window_is_the_token_and_counted() {
        // Words of every length up to past the window, near and at the end
        // of the text (where there is no whole window), repeated once.
        let text =
            "a bb ccc kommunledningsförvaltningens sexton_bytes_abc sjutton_bytes_abc a bb ccc x";
        let mut idx = WordIndex::with_capacity(1);
        let bytes = text.as_bytes();
        let mut at = 0;
        for w in text.split(' ') {
            let (start, end) = (at, at + w.len());
            at = end + 1;
            let window = || bytes.get(start..start + 16)?.try_into().ok();
            let id = idx.intern_token(&bytes[start..end], hash(w), window);
            assert_eq!(idx.word(id), w);
            assert_eq!(idx.get(w), Some(id));
        }
        assert_eq!(idx.distinct(), 7);
        // Each word counted as often as it stands.
        assert_eq!(idx.counts().collect::<Vec<_>>(), [2, 2, 2, 1, 1, 1, 1]);
    }

    #[test]
    fn words_that_differ_in_any_byte_or_length_hash_apart() {
        let base = b"abcdefghijklmnopqrstuvwx";
        for n in 0..=base.len() {
            let w = &base[..n];
            for i in 0..n {
                let mut v = w.to_vec();
                v[i] = b'Z';
                assert_ne!(hash_bytes(w), hash_bytes(&v), "{n} {i}");
            }
            // The same bytes with one more (or a repeated last) byte.
            for extra in [b'a', w.last().copied().unwrap_or(b'a')] {
                let mut v = w.to_vec();
                v.push(extra);
                assert_ne!(hash_bytes(w), hash_bytes(&v), "{n} +{extra}");
            }
        }
    }

    /// Insert `n` words into `f`: all of them must be held, and of 1000
    /// others at least `apart` told absent.
    fn holds_and_tells_apart<const W: usize>(mut f: Filter<W>, n: usize, apart: usize) {
        let words: Vec<String> = (0..n).map(|i| format!("ord{i}")).collect();
        for w in &words {
            f.insert(hash(w));
        }
        assert!(words.iter().all(|w| f.may_hold(hash(w))));
        let absent = (0..1000).filter(|i| !f.may_hold(hash(&format!("x{i}")))).count();
        assert!(absent > apart, "{absent}");
    }

    #[test]
    fn the_filter_holds_what_was_inserted() {
        // Forty words set at most forty of the 256 bits: most others are told apart.
        holds_and_tells_apart(Filter::<4>::default(), 40, 700);
        // 400 words set at most 400 of the 4096 bits.
        holds_and_tells_apart(Filter::<64>::default(), 400, 850);
    }

    #[test]
    fn short_words_of_one_length_never_share_a_hash() {
        // `holds` takes equal hashes and lengths for equal words up to 8
        // bytes: every word of up to 3 bytes over a few letters, and words
        // of 4 to 8 bytes that differ in one byte or in two far apart.
        let letters = [b'a', b'b', b'z', 0xC3, 0xA4, b'0', b' '];
        let mut words: Vec<Vec<u8>> = vec![vec![]];
        for _ in 0..3 {
            let longer: Vec<Vec<u8>> = words
                .iter()
                .flat_map(|w| letters.iter().map(move |&b| [w.as_slice(), &[b]].concat()))
                .collect();
            words.extend(longer);
        }
        for n in 4..=8 {
            let base: Vec<u8> = (0..n as u8).map(|i| b'a' + i).collect();
            for i in 0..n {
                for &b in &letters {
                    let mut v = base.clone();
                    v[i] = b;
                    words.push(v.clone());
                    v[n - 1 - i] ^= 0x08;
                    words.push(v);
                }
            }
        }
        words.sort();
        words.dedup();
        let mut seen = std::collections::HashMap::new();
        for w in &words {
            if let Some(other) = seen.insert((w.len(), hash_bytes(w)), w) {
                panic!("{other:?} and {w:?} share a hash");
            }
        }
        // The index then finds each of them as itself.
        let mut idx = WordIndex::with_capacity(4);
        let texts: Vec<String> = words.iter().map(|w| String::from_utf8_lossy(w).into()).collect();
        let ids: Vec<u32> = texts.iter().map(|w| idx.intern(w)).collect();
        for (w, id) in texts.iter().zip(ids) {
            assert_eq!(idx.get(w), Some(id));
            assert_eq!(idx.word(id), w);
        }
    }

    #[test]
    fn the_memo_finds_each_word_as_itself_and_no_other() {
        // Words of every length to past 16 bytes, and for each, words of
        // the same length that share its head (first 8 bytes) or its tail
        // (last 8), differing in one byte: a memo holding every other one
        // finds those it holds with their ids and tags, and none of the rest.
        let base = b"kommunstyrelsens_beslut";
        let mut words: Vec<Vec<u8>> = Vec::new();
        for n in 1..=base.len() {
            let w = &base[..n];
            words.push(w.to_vec());
            for i in [0, n / 2, n - 1] {
                let mut v = w.to_vec();
                v[i] ^= 0x20;
                words.push(v);
            }
        }
        words.sort();
        words.dedup();
        let mut memo = MemoIndex::default();
        let held: Vec<(usize, u32)> = words
            .iter()
            .enumerate()
            .step_by(2)
            .map(|(i, w)| (i, memo.insert(w, hash_bytes(w), i as u8).expect("new word")))
            .collect();
        for (i, w) in words.iter().enumerate() {
            let h = hash_bytes(w);
            let want = held.iter().find(|&&(at, _)| at == i).map(|&(_, id)| id);
            assert_eq!(memo.get_bytes(w, h), want, "{:?}", String::from_utf8_lossy(w));
            assert_eq!(memo.tag_of(w, h), want.map(|_| i as u8));
            if want.is_some() {
                assert_eq!(memo.insert(w, h, 0), None, "held once");
            }
        }
        assert_eq!(memo.entries().count(), held.len());
    }

    #[test]
    fn the_ids_of_a_documents_words_are_those_each_lookup_gives() {
        // Words of every length to past MEMO_WORD, some sharing heads and
        // hashes' low bits, a memo holding every third of them: each word's
        // id is its lookup's, and the others are noted missing, in order.
        let mut words: Vec<String> = (0..300).map(|i| format!("ord{i}")).collect();
        words.extend((1..=200).map(|n| "kommunstyrelsen".repeat(14).chars().take(n).collect()));
        words.extend((0..40).map(|i| format!("kommunstyrelsens_{i}_beslut")));
        let mut doc = WordIndex::with_capacity(4);
        let mut memo = MemoIndex::default();
        for (i, w) in words.iter().enumerate() {
            doc.intern(w);
            if i % 3 == 0 {
                memo.insert(w.as_bytes(), hash(w), 0);
            }
        }
        let mut missing = Vec::new();
        let ids = memo.ids_of(&doc, u32::MAX, &mut missing);
        let mut want_missing = Vec::new();
        for id in 0..doc.distinct() {
            let (w, h) = doc.bytes_and_hash(id as u32);
            let want = memo.get_bytes(w, h);
            assert_eq!(ids.get(id).copied(), Some(want.unwrap_or(u32::MAX)), "{w:?}");
            if want.is_none() {
                want_missing.push(id);
            }
        }
        assert_eq!(ids.len(), doc.distinct());
        assert_eq!(missing, want_missing);
        assert!(missing.len() > 100 && missing.len() < doc.distinct() - 100);
    }

    #[test]
    fn the_memo_tells_apart_words_of_16_bytes_that_share_a_hash() {
        // A word of 16 bytes with another head, and the tail that undoes
        // the change in the hash: same hash and length, another word.
        let w = *b"kommunstyrelsens";
        let (a, b) = (load8(&w, 0), load8(&w, 8));
        let other_a = a ^ 1;
        let other_b = b ^ mix(0, a).rotate_left(5) ^ mix(0, other_a).rotate_left(5);
        let other = [other_a.to_le_bytes(), other_b.to_le_bytes()].concat();
        let h = hash_bytes(&w);
        assert_eq!(hash_bytes(&other), h);
        let mut memo = MemoIndex::default();
        assert_eq!(memo.insert(&w, h, 7), Some(0));
        assert_eq!(memo.get_bytes(&other, h), None);
        assert_eq!(memo.insert(&other, h, 9), Some(1));
        assert_eq!((memo.tag_of(&w, h), memo.tag_of(&other, h)), (Some(7), Some(9)));
    }

    #[test]
    fn the_short_compare_agrees_with_equality() {
        let words = [
            "",
            "a",
            "b",
            "ab",
            "ba",
            "abc",
            "abd",
            "xbc",
            "abcd",
            "abce",
            "abcdefg",
            "abcdeFg",
            "abcdefgh",
            "abcdefgi",
            "kännedom",
            "kannedom",
            "hållbarhetsarbetet",
            "hållbarhetsarbetat",
            "0123456789abcdef",
            "0123456789abcdeF",
            "x123456789abcdef",
        ];
        for a in words {
            for b in words {
                assert_eq!(same(a.as_bytes(), b.as_bytes()), a == b, "{a:?} {b:?}");
            }
        }
    }
}
