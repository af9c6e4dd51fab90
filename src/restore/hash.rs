//! A small, fast, non-cryptographic hasher for the per-document word table:
//! the keys are the document's own words, so flooding is no concern, and std's
//! SipHash would cost more than the rest of a word's work.

use std::hash::Hasher;

/// The multiply-rotate hash of rustc (FxHash).
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = mix(self.hash, word);
    }
}

/// One step of the hash: `h` with the word `word` mixed in.
#[inline(always)]
pub(crate) fn mix(h: u64, word: u64) -> u64 {
    (h.rotate_left(5) ^ word).wrapping_mul(SEED)
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
        let n = rest.len();
        if n > 0 {
            // Two overlapping loads instead of a loop over the bytes (a copy into a
            // stack buffer would call memcpy and stall): with the length mixed
            // in, different tails still give different words.
            let v = if n >= 4 {
                let lo = u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]);
                let hi = u32::from_le_bytes([rest[n - 4], rest[n - 3], rest[n - 2], rest[n - 1]]);
                u64::from(lo) | (u64::from(hi) << 32)
            } else {
                u64::from(rest[0]) | (u64::from(rest[n / 2]) << 8) | (u64::from(rest[n - 1]) << 16)
            };
            self.add(v ^ ((n as u64) << 59));
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::{BuildHasher, BuildHasherDefault};

    #[test]
    fn equal_strings_hash_equal_and_different_ones_differ() {
        let b = BuildHasherDefault::<FxHasher>::default();
        assert_eq!(b.hash_one("kännedom"), b.hash_one("kännedom"));
        assert_ne!(b.hash_one("for"), b.hash_one("för"));
        assert_ne!(b.hash_one("abcdefgh1"), b.hash_one("abcdefgh2"));
        // Every tail length, and tails that differ only in the middle.
        for (x, y) in [("abcde", "abXde"), ("abc", "aXc"), ("abcdefg", "abcXefg"), ("ab", "ba")] {
            assert_ne!(b.hash_one(x), b.hash_one(y), "{x} {y}");
        }
    }
}
