//! The distinct words of a document, each with a small id: one string holds
//! them all, so a lookup touches a slot, a hash and a few contiguous bytes
//! instead of a separately allocated key per word.

use super::hash::FxHasher;
use std::hash::Hasher;

#[derive(Debug, Default)]
pub(crate) struct WordIndex {
    /// All words, one after another.
    arena: String,
    /// Per id: hash, start and end in `arena`.
    words: Vec<(u64, usize, usize)>,
    /// Open addressing: id + 1, or 0 for an empty slot; length a power of two.
    slots: Vec<u32>,
}

#[inline]
fn hash(s: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(s.as_bytes());
    // The top bits pick the slot; mix so short words spread over them.
    let x = h.finish();
    x ^ (x >> 29)
}

impl WordIndex {
    pub(crate) fn with_capacity(words: usize) -> Self {
        let slots = (words * 2).next_power_of_two().max(16);
        WordIndex {
            arena: String::with_capacity(words * 8),
            words: Vec::with_capacity(words),
            slots: vec![0; slots],
        }
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.words.len()
    }

    /// The word with id `id`.
    pub(crate) fn word(&self, id: u32) -> &str {
        self.words.get(id as usize).and_then(|&(_, s, e)| self.arena.get(s..e)).unwrap_or("")
    }

    /// Slot of `s` (with hash `h`): where it is, or the empty slot it would take.
    #[inline]
    fn find(&self, s: &str, h: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut i = (h as usize) & mask;
        loop {
            let slot = self.slots[i];
            if slot == 0 {
                return i;
            }
            let (wh, start, end) = self.words[(slot - 1) as usize];
            if wh == h && self.arena.as_bytes().get(start..end) == Some(s.as_bytes()) {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    #[inline]
    pub(crate) fn get(&self, s: &str) -> Option<u32> {
        if self.words.is_empty() {
            return None;
        }
        match self.slots[self.find(s, hash(s))] {
            0 => None,
            slot => Some(slot - 1),
        }
    }

    /// The id of `s`, adding it when new.
    pub(crate) fn intern(&mut self, s: &str) -> u32 {
        let h = hash(s);
        let i = self.find(s, h);
        if self.slots[i] != 0 {
            return self.slots[i] - 1;
        }
        let id = self.words.len() as u32;
        let start = self.arena.len();
        self.arena.push_str(s);
        self.words.push((h, start, self.arena.len()));
        self.slots[i] = id + 1;
        if self.words.len() * 2 > self.slots.len() {
            self.grow();
        }
        id
    }

    fn grow(&mut self) {
        let len = self.slots.len() * 2;
        let mask = len - 1;
        let mut slots = vec![0u32; len];
        for (id, &(h, _, _)) in self.words.iter().enumerate() {
            let mut i = (h as usize) & mask;
            while slots[i] != 0 {
                i = (i + 1) & mask;
            }
            slots[i] = id as u32 + 1;
        }
        self.slots = slots;
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
        }
        assert_eq!(idx.get("ord500"), None);
        assert_eq!(WordIndex::default().get("x"), None);
    }
}
