//! Evaluation of diacritic restoration: a seeded OCR noise model and word
//! accuracy figures. Shared by `tests/restore_eval.rs` and
//! `examples/eval_restore.rs`.
//!
//! The noise model follows the confusion table of the domain notes: ö read as
//! o, é, d, e, ao, oé, 6 or 0; Ö as O, D or 0; ä as a, A, d or à; å as a or é;
//! capitals lose their marks; and some lines get a stray leading space.
#![allow(dead_code)]

/// A small deterministic generator (SplitMix64), so a seed gives one text.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in 0..1.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Pick from `(weight, value)` pairs whose weights sum to about 1.
    pub fn pick<T: Copy>(&mut self, table: &[(f64, T)]) -> T {
        let mut x = self.unit();
        for &(w, v) in table {
            if x < w {
                return v;
            }
            x -= w;
        }
        table[table.len() - 1].1
    }
}

/// Degrade clean Swedish text the way OCR does. `keep` is the share of
/// diacritics left intact.
pub fn degrade(clean: &str, seed: u64, keep: f64) -> String {
    let mut rng = Rng::new(seed);
    let mut out = String::with_capacity(clean.len() + clean.len() / 20);
    let rest = 1.0 - keep;
    for (i, line) in clean.split_inclusive('\n').enumerate() {
        if i > 0 && rng.unit() < 0.03 {
            out.push(' ');
        }
        let mut prev_letter = false;
        for c in line.chars() {
            let r = |w: f64| w * rest;
            let s: &str = match c {
                'ö' => rng.pick(&[
                    (keep, "ö"),
                    (r(0.72), "o"),
                    (r(0.09), "é"),
                    (r(0.08), "d"),
                    (r(0.03), "e"),
                    (r(0.03), "ao"),
                    (r(0.02), "oé"),
                    (r(0.015), "6"),
                    (r(0.015), "0"),
                ]),
                'Ö' => rng.pick(&[(keep, "Ö"), (r(0.85), "O"), (r(0.08), "D"), (r(0.07), "0")]),
                'ä' if prev_letter => rng.pick(&[
                    (keep, "ä"),
                    (r(0.80), "a"),
                    (r(0.07), "A"),
                    (r(0.10), "d"),
                    (r(0.03), "à"),
                ]),
                'ä' => rng.pick(&[(keep, "ä"), (r(0.9), "a"), (r(0.1), "d")]),
                'Ä' => rng.pick(&[(keep, "Ä"), (r(1.0), "A")]),
                'å' => rng.pick(&[(keep, "å"), (r(0.88), "a"), (r(0.10), "é"), (r(0.02), "à")]),
                'Å' => rng.pick(&[(keep, "Å"), (r(1.0), "A")]),
                _ => {
                    out.push(c);
                    prev_letter = c.is_alphabetic();
                    continue;
                }
            };
            out.push_str(s);
            prev_letter = true;
        }
    }
    out
}

/// Word accuracy of a restoration against the truth.
#[derive(Clone, Copy, Debug, Default)]
pub struct Score {
    /// Words (whitespace tokens of the truth with a letter in them).
    pub words: usize,
    /// Of those, restored exactly.
    pub right: usize,
    /// Words of the truth with å, ä or ö.
    pub diacritic_words: usize,
    /// Of those, restored exactly.
    pub diacritic_right: usize,
    /// Words the input already had right.
    pub already_right: usize,
    /// Of those, changed by restoration.
    pub already_right_changed: usize,
    /// Words the input had wrong.
    pub input_wrong: usize,
}

impl Score {
    pub fn accuracy(&self) -> f64 {
        pct(self.right, self.words)
    }
    pub fn diacritic_accuracy(&self) -> f64 {
        pct(self.diacritic_right, self.diacritic_words)
    }
    pub fn damage(&self) -> f64 {
        pct(self.already_right_changed, self.already_right)
    }
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 { 100.0 } else { 100.0 * a as f64 / b as f64 }
}

/// Compare `input` (what restoration read), `output` (what it wrote) and
/// `truth` token by token. The three must have the same whitespace tokens in
/// number (restoration never adds or removes any); mismatched lengths return `None`.
pub fn score(input: &str, output: &str, truth: &str) -> Option<Score> {
    let inp: Vec<&str> = input.split_whitespace().collect();
    let out: Vec<&str> = output.split_whitespace().collect();
    let tru: Vec<&str> = truth.split_whitespace().collect();
    if inp.len() != tru.len() || out.len() != tru.len() {
        return None;
    }
    let mut s = Score::default();
    for ((i, o), t) in inp.iter().zip(&out).zip(&tru) {
        if !t.chars().any(char::is_alphabetic) {
            continue;
        }
        s.words += 1;
        let ok = o == t;
        s.right += usize::from(ok);
        if t.chars().any(|c| matches!(c, 'å' | 'ä' | 'ö' | 'Å' | 'Ä' | 'Ö')) {
            s.diacritic_words += 1;
            s.diacritic_right += usize::from(ok);
        }
        if i == t {
            s.already_right += 1;
            s.already_right_changed += usize::from(o != t);
        } else {
            s.input_wrong += 1;
        }
    }
    Some(s)
}

/// The words restoration got wrong, as `(input, output, truth)`.
pub fn errors<'a>(
    input: &'a str,
    output: &'a str,
    truth: &'a str,
) -> Vec<(&'a str, &'a str, &'a str)> {
    input
        .split_whitespace()
        .zip(output.split_whitespace())
        .zip(truth.split_whitespace())
        .filter(|((_, o), t)| o != t && t.chars().any(char::is_alphabetic))
        .map(|((i, o), t)| (i, o, t))
        .collect()
}
