//! A small, fast, non-cryptographic hasher for the per-document word table:
//! the keys are the document's own words, so flooding is no concern, and std's
//! SipHash would cost more than the rest of a word's work.

use std::hash::{BuildHasherDefault, Hasher};

/// The multiply-rotate hash of rustc (FxHash).
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // Byte by byte: a copy into a stack buffer would call memcpy and stall.
            let mut v = 0u64;
            for (i, &b) in rest.iter().enumerate() {
                v |= u64::from(b) << (8 * i);
            }
            self.add(v ^ ((rest.len() as u64) << 59));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

pub(crate) type FxBuild = BuildHasherDefault<FxHasher>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn equal_strings_hash_equal_and_different_ones_differ() {
        let b = FxBuild::default();
        assert_eq!(b.hash_one("kännedom"), b.hash_one("kännedom"));
        assert_ne!(b.hash_one("for"), b.hash_one("för"));
        assert_ne!(b.hash_one("abcdefgh1"), b.hash_one("abcdefgh2"));
    }
}
