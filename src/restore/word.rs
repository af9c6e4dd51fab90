//! One word at a time: read it, look it up, and when the lexicon does not
//! know it as written, search the OCR readings and compound splits of it.
//!
//! Everything here works on a fixed-size copy of the word on the stack; only a
//! changed word allocates, for its new spelling.

use super::Route;
use super::lexicon::{Entry, Lexicon, MAX_SLOTS, apply_code, is_slot};
use std::sync::Arc;

/// Longest word (in chars) looked at; longer tokens are left alone.
pub(crate) const MAX_WORD: usize = 48;

/// Costs, in wordfreq buckets (100 = one power of ten in frequency), so that
/// a reading must be that much more frequent to beat a cheaper one.
mod cost {
    /// `é` read for `ö`: the most common confusion in the sample.
    pub const ACUTE_TO_O: u16 = 30;
    /// `é` read for `å`.
    pub const ACUTE_TO_AA: u16 = 60;
    /// `é` kept as a real `é` (idé, armé).
    pub const ACUTE_KEPT: u16 = 60;
    /// `d` read for `ö`; `d` is an ordinary letter, so it costs more.
    pub const D_TO_O: u16 = 150;
    /// `d` read for `ä`.
    pub const D_TO_AE: u16 = 180;
    /// `e` read for `ö`: rare, and `e` is the commonest letter.
    pub const E_TO_O: u16 = 250;
    /// `ao` read for `ö`.
    pub const AO_TO_O: u16 = 120;
    /// `6` or `0` inside a word read for `ö`.
    pub const DIGIT_TO_O: u16 = 30;
    /// Each part of a compound beyond the first.
    pub const PART: u16 = 400;
    /// A linking `s` between parts.
    pub const LINK_S: u16 = 20;
}

/// Most substitutions one reading may make.
const MAX_SUBS: u8 = 2;
/// Shortest compound part, in key bytes.
const MIN_PART: usize = 3;
/// Rarest word accepted as a compound part (zipf 2.0); rarer list entries are
/// mostly noise that would split anything.
const MAX_PART_BUCKET: u16 = 700;

/// How a reading constrains a slot of the found form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Force {
    /// Whatever the lexicon's best form has.
    Free,
    /// A diacritic that stands in the text: kept even if the best form differs.
    Intact(u8),
    /// Read through an OCR confusion: the form must have exactly this code.
    Noise(u8),
    /// Read through an OCR confusion that says "some diacritic" (`à`, `kAnnedom`).
    NoiseAny,
}

/// One way to read a letter (or two) of the word as a key byte.
#[derive(Clone, Copy, Debug)]
struct Alt {
    key: u8,
    force: Force,
    cost: u16,
    /// Chars of the word it consumes (2 for `ao`, `oé`).
    width: u8,
    /// Whether it counts against [`MAX_SUBS`].
    sub: bool,
}

const NO_ALT: Alt = Alt { key: 0, force: Force::Free, cost: 0, width: 1, sub: false };

/// Letter case of a word as a whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CaseClass {
    Lower,
    Title,
    Upper,
}

/// A word read for lookup.
pub(crate) struct Word {
    chars: [char; MAX_WORD],
    n: usize,
    class: CaseClass,
    /// The plain fold of every char (`é` → `e`, `6` stays `6`), one byte each.
    key: [u8; MAX_WORD],
    /// Slot codes of the diacritics that stand intact in the word.
    intact: u64,
    /// Whether some char only an OCR confusion explains (é à 6 0, `A` mid-word).
    noisy: bool,
    /// Whether the word has `é` and nothing else noisy.
    only_acute: bool,
    /// Whether every slot char is plain (no å ä ö é).
    plain: bool,
}

/// The outcome for one word, before the document's evidence is weighed.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Verdict {
    /// Leave as written: correct, or nothing better known.
    Keep,
    /// Neither the lexicon nor any reading of it knows the word.
    Unknown,
    /// Known as a plain spelling whose best form (spelled in the word's case)
    /// differs: the caller weighs the document before changing it.
    Plain(Entry, Arc<str>),
    /// A new spelling; `plain` when the word had no visible noise, so that only
    /// a document that has lost its diacritics should take it.
    Fix { new: Arc<str>, route: Route, confidence: f32, plain: bool },
}

/// What restoration needs to know about one word as written, whatever the
/// document: judged once and kept in the lexicon's memo, so that a word seen
/// before costs a lookup instead of a read and lexicon walks.
///
/// Laid out so that what every word's plan reads (the verdict and the first
/// fields of [`Facts`]) fills the first of its two cache lines: a document's
/// words are read from all over the memo, a cache miss per line each, and
/// left to the compiler the facts ended in a line of their own. Aligned so
/// that the memo's judgements start on a line, not across two.
#[derive(Clone, Debug)]
#[repr(C, align(64))]
pub(crate) struct Judged {
    pub verdict: Verdict,
    /// `None` when [`Word::read`] refused the word.
    pub facts: Option<Facts>,
}

/// The facts of a word [`Word::read`] accepted.
///
/// In this order, so that the fields read for every word (up to
/// `key_contextual`) share the cache line of [`Judged`]'s verdict.
#[derive(Clone, Debug)]
#[repr(C)]
pub(crate) struct Facts {
    /// [`super::index::hash`] of `key`: the document's tables look keys up
    /// for every distinct word, so the hash is made once, here.
    pub key_hash: u64,
    /// Slot codes of the intact diacritics.
    pub intact: u64,
    /// Whether the plain spelling of the key is itself a word (`hall` beside
    /// `håll`), for plain words: the lexicon walk made once, here.
    pub plain_is_word: bool,
    /// [`Word::is_plain`].
    pub plain: bool,
    /// A short all-capital word (see `is_acronym`).
    pub acronym: bool,
    /// Plain and one of the ambiguous keys context decides.
    pub contextual: bool,
    /// One of the ambiguous keys context decides, plain or not: the
    /// document's loss is weighed without them, and asked here it needs no
    /// read of the key from the second cache line.
    pub key_contextual: bool,
    /// The folded key of the verdict's new spelling, if any: what the
    /// document's plain twins of it are spelled from.
    pub twin: Option<Twin>,
    /// The plain folded key.
    pub key: Box<str>,
    /// For a contextual word, the forms context may choose, spelled in its case.
    pub forms: Box<[(&'static str, Box<str>)]>,
}

/// The folded key of a new spelling, its [`super::index::hash`] and its intact slot codes.
#[derive(Clone, Debug)]
pub(crate) struct Twin {
    pub key: Box<str>,
    pub hash: u64,
    pub code: u64,
}

impl Twin {
    fn of(w: &Word) -> Twin {
        let key = key_text(w);
        Twin { hash: super::index::hash(&key), key, code: w.intact_code() }
    }
}

/// A word's key as text (key bytes are ASCII letters and digits, so it is
/// always UTF-8): copied at its exact size, not pushed char by char.
fn key_text(w: &Word) -> Box<str> {
    std::str::from_utf8(w.key()).map(Box::from).unwrap_or_default()
}

impl Judged {
    /// Whether the word counts as recognized for [`super::OcrQuality`]:
    /// [`Word::read`] took it and something knows it.
    #[inline]
    pub(crate) fn recognized(&self) -> bool {
        self.facts.is_some() && !matches!(self.verdict, Verdict::Unknown)
    }

    /// The twin of the verdict's new spelling ([`Facts::twin`]). Only a
    /// verdict with a new spelling has one, so the verdict, in the cache
    /// line every word's plan reads, is asked first: most words' twin is
    /// then not read from the judgement's second line at all.
    #[inline]
    pub(crate) fn twin(&self) -> Option<&Twin> {
        if !matches!(self.verdict, Verdict::Plain(..) | Verdict::Fix { .. }) {
            return None;
        }
        self.facts.as_ref()?.twin.as_ref()
    }

    /// Read and resolve `s` against `lex` (no memo).
    pub(crate) fn new(lex: &Lexicon, s: &str) -> Judged {
        let Some(w) = Word::read(s) else {
            return Judged { verdict: Verdict::Keep, facts: None };
        };
        // A plain word's entry serves both its verdict and `plain_is_word`.
        let direct = direct_entry(lex, &w);
        let verdict = resolve_known(lex, &w, direct);
        let plain = w.is_plain();
        let key_contextual = super::context::is_contextual(w.key());
        let contextual = plain && key_contextual;
        let key = key_text(&w);
        let facts = Facts {
            key_hash: super::index::hash(&key),
            // A plain word is noiseless, so `direct` was looked up.
            plain_is_word: plain && direct.is_some_and(|e| e.plain_share > 0 || e.code == 0),
            key,
            intact: w.intact_code(),
            plain,
            acronym: super::is_acronym(&w),
            contextual,
            key_contextual,
            forms: if contextual { super::spell_forms(&w) } else { Box::default() },
            twin: match &verdict {
                Verdict::Plain(_, new) | Verdict::Fix { new, .. } => {
                    Word::read(new).map(|n| Twin::of(&n))
                }
                _ => None,
            },
        };
        Judged { verdict, facts: Some(facts) }
    }
}

impl Word {
    /// Read `s`, or `None` when it is too long, holds letters the lexicon
    /// cannot, or mixes case in a way no OCR confusion explains (`iPhone`).
    pub(crate) fn read(s: &str) -> Option<Word> {
        let mut w = Word {
            chars: ['\0'; MAX_WORD],
            n: 0,
            class: CaseClass::Lower,
            key: [0; MAX_WORD],
            intact: 0,
            noisy: false,
            only_acute: false,
            plain: true,
        };
        let (mut upper, mut letters) = (0usize, 0usize);
        for c in s.chars() {
            if w.n == MAX_WORD {
                return None;
            }
            w.chars[w.n] = c;
            w.n += 1;
            if c.is_alphabetic() {
                letters += 1;
                if c.is_uppercase() {
                    upper += 1;
                }
            }
        }
        if letters == 0 {
            return None;
        }
        let first_upper = w.chars[0].is_uppercase();
        w.class = if upper == letters && letters >= 2 {
            CaseClass::Upper
        } else if first_upper {
            CaseClass::Title
        } else {
            CaseClass::Lower
        };
        let (mut acute, mut other_noise) = (false, false);
        let mut slot = 0usize;
        for i in 0..w.n {
            let c = w.chars[i];
            let (b, intact_code): (u8, u8) = match c {
                'a'..='z' => (c as u8, 0),
                'A'..='Z' => {
                    if w.class != CaseClass::Upper && i > 0 {
                        // Upper case inside a lower-case word: only `A` for `ä` and
                        // `O` for `ö` are OCR readings.
                        if c != 'A' && c != 'O' {
                            return None;
                        }
                        other_noise = true;
                    }
                    (c.to_ascii_lowercase() as u8, 0)
                }
                'å' | 'Å' => (b'a', 1),
                'ä' | 'Ä' => (b'a', 2),
                'ö' | 'Ö' => (b'o', 1),
                'é' | 'É' | 'è' | 'È' => {
                    acute = true;
                    (b'e', 0)
                }
                'à' | 'á' | 'À' | 'Á' => {
                    other_noise = true;
                    (b'a', 0)
                }
                '6' | '0' => {
                    other_noise = true;
                    (c as u8, 0)
                }
                _ => return None,
            };
            if is_slot(b) {
                if intact_code != 0 {
                    w.plain = false;
                    if slot < MAX_SLOTS {
                        w.intact |= u64::from(intact_code) << (2 * slot);
                    }
                }
                slot += 1;
            }
            w.key[i] = b;
        }
        if acute {
            w.plain = false;
        }
        w.noisy = acute || other_noise;
        w.only_acute = acute && !other_noise;
        Some(w)
    }

    /// The plain folded key (valid only when the word has no digits).
    pub(crate) fn key(&self) -> &[u8] {
        &self.key[..self.n]
    }

    /// Whether the word has no å, ä, ö or é and no OCR noise.
    pub(crate) fn is_plain(&self) -> bool {
        self.plain && !self.noisy
    }

    /// The slot codes of the intact diacritics in the word.
    pub(crate) fn intact_code(&self) -> u64 {
        self.intact
    }

    /// This word with its slots set to `code`, in its own case.
    pub(crate) fn render(&self, code: u64) -> String {
        let mut out = String::with_capacity(self.n + 4);
        self.render_into(code, &mut out);
        out
    }

    /// [`Word::render`], appended to `out`: no string of its own.
    pub(crate) fn render_into(&self, code: u64, out: &mut String) {
        let mut slot = 0usize;
        for i in 0..self.n {
            let b = self.key[i];
            let c = if is_slot(b) {
                let k = if slot < MAX_SLOTS { ((code >> (2 * slot)) & 3) as u8 } else { 0 };
                slot += 1;
                if k == 0 && !matches!(self.chars[i], 'é' | 'É' | 'è' | 'È' | 'à' | 'á' | 'À' | 'Á')
                {
                    // Keep what stands (and its case) when the slot stays plain.
                    out.push(self.chars[i]);
                    continue;
                }
                apply_code(b, k)
            } else {
                char::from(b)
            };
            push_cased(out, c, self.upper_at(i));
        }
    }

    fn upper_at(&self, i: usize) -> bool {
        match self.class {
            CaseClass::Upper => true,
            CaseClass::Title => i == 0,
            CaseClass::Lower => false,
        }
    }

    /// The word as written.
    pub(crate) fn as_written(&self) -> String {
        self.chars[..self.n].iter().collect()
    }

    /// Whether `s` is the word exactly as written: compared char by char,
    /// where [`Word::as_written`] would make a string of it for every
    /// reading a search finds.
    fn is_written(&self, s: &str) -> bool {
        s.chars().eq(self.chars.get(..self.n).unwrap_or_default().iter().copied())
    }
}

fn push_cased(out: &mut String, c: char, upper: bool) {
    if upper {
        out.extend(c.to_uppercase());
    } else {
        out.push(c);
    }
}

/// Resolve one word against the lexicon. [`Judged::new`] calls
/// [`resolve_known`] itself, as it needs the direct entry too.
#[cfg(test)]
pub(crate) fn resolve(lex: &Lexicon, w: &Word) -> Verdict {
    let direct = direct_entry(lex, w);
    resolve_known(lex, w, direct)
}

/// The lexicon's entry for the word's key as written, looked up only when
/// the word has no noise other than `é` (noise calls for the OCR search).
fn direct_entry(lex: &Lexicon, w: &Word) -> Option<Entry> {
    if !w.noisy || w.only_acute { lex.get(w.key()) } else { None }
}

/// [`resolve`], with the [`direct_entry`] already looked up.
fn resolve_known(lex: &Lexicon, w: &Word, direct: Option<Entry>) -> Verdict {
    if let Some(e) = direct {
        let acute_ok = !w.only_acute || acute_slots_match(w, &e);
        if acute_ok {
            let v = verdict_known(w, e);
            if v == Verdict::Keep && !w.noisy && e.bucket >= RARE_BUCKET {
                return rare_word(lex, w, e).unwrap_or(v);
            }
            return v;
        }
    }
    match search(lex, w) {
        Some(found) => {
            let new = found.text;
            if w.is_written(&new) {
                Verdict::Keep
            } else {
                let route = if found.parts > 1 { Route::Compound } else { Route::Ocr };
                let base: f32 = if found.parts > 1 { 0.7 } else { 0.9 };
                let confidence = (base - 0.1 * f32::from(found.plain_subs)).max(0.3);
                Verdict::Fix { new: new.into(), route, confidence, plain: !w.noisy }
            }
        }
        None if direct.is_some() => Verdict::Keep,
        None => Verdict::Unknown,
    }
}

/// A word this rare (zipf 4.5) may be an OCR misreading of a common one.
const RARE_BUCKET: u16 = 450;
/// Longest rare word (in chars) tried as a misreading.
const RARE_MAX_LEN: usize = 5;
/// How much cheaper (in buckets) a reading must be than a rare word as written.
const RARE_MARGIN: u32 = 100;

/// A rare word as written that an OCR reading makes a far commoner one
/// (`fdr` → `för`, `ndr` → `när`).
fn rare_word(lex: &Lexicon, w: &Word, e: Entry) -> Option<Verdict> {
    // Long words the lexicon knows are real words; the misreadings of short
    // function words (`fdr`, `ndr`, `dr`) are the ones that land on list noise.
    if w.n > RARE_MAX_LEN || !w.key().iter().any(|&b| b == b'd' || b == b'e') {
        return None;
    }
    let found = search(lex, w)?;
    if found.parts != 1 || found.cost + RARE_MARGIN >= u32::from(e.bucket) {
        return None;
    }
    if w.is_written(&found.text) {
        return None;
    }
    Some(Verdict::Fix { new: found.text.into(), route: Route::Ocr, confidence: 0.6, plain: true })
}

/// With the key found: decide from the intact diacritics and the best form.
fn verdict_known(w: &Word, e: Entry) -> Verdict {
    let written = w.intact_code() | acute_code(w);
    if e.code == written {
        return Verdict::Keep;
    }
    if written == 0 {
        return Verdict::Plain(e, w.render(e.code).into());
    }
    // Intact diacritics are trusted: only fill in slots left plain.
    let mut mask = 0u64;
    for i in 0..MAX_SLOTS {
        if (written >> (2 * i)) & 3 != 0 {
            mask |= 3 << (2 * i);
        }
    }
    if e.code & mask == written {
        Verdict::Fix {
            new: w.render(e.code).into(),
            route: Route::Lexicon,
            confidence: e.best_share().max(0.5),
            plain: false,
        }
    } else {
        Verdict::Keep
    }
}

/// Slot codes of the `é`s in the word (as real é).
fn acute_code(w: &Word) -> u64 {
    let mut code = 0;
    let mut slot = 0usize;
    for i in 0..w.n {
        if is_slot(w.key[i]) {
            if matches!(w.chars[i], 'é' | 'É') && slot < MAX_SLOTS {
                code |= 1 << (2 * slot);
            }
            slot += 1;
        }
    }
    code
}

fn acute_slots_match(w: &Word, e: &Entry) -> bool {
    let a = acute_code(w);
    a != 0 && e.code & a == a
}

/// The best reading found by [`search`].
#[derive(Debug)]
struct Found {
    text: String,
    cost: u32,
    parts: u8,
    /// Substitutions of ordinary letters (`d`, `e`, `ao`) it needed.
    plain_subs: u8,
}

/// The ways to read the char at `i`, written into `out`; returns how many.
fn alts_at(w: &Word, i: usize, out: &mut [Alt; 4]) -> usize {
    let c = w.chars[i];
    let next = if i + 1 < w.n { w.chars[i + 1] } else { '\0' };
    let upper = w.class == CaseClass::Upper;
    let mut k = 0;
    let mut push = |a: Alt| {
        if k < out.len() {
            out[k] = a;
            k += 1;
        }
    };
    let plain = |b: u8| Alt { key: b, ..NO_ALT };
    let noise =
        |b: u8, force: Force, cost: u16, width: u8| Alt { key: b, force, cost, width, sub: true };
    match c {
        'å' | 'Å' => push(Alt { key: b'a', force: Force::Intact(1), ..NO_ALT }),
        'ä' | 'Ä' => push(Alt { key: b'a', force: Force::Intact(2), ..NO_ALT }),
        'ö' | 'Ö' => push(Alt { key: b'o', force: Force::Intact(1), ..NO_ALT }),
        'é' | 'É' | 'è' | 'È' => {
            push(noise(b'o', Force::Noise(1), cost::ACUTE_TO_O, 1));
            push(noise(b'a', Force::Noise(1), cost::ACUTE_TO_AA, 1));
            // A real é only where the lexicon's form has one (idé, armé).
            push(Alt { key: b'e', force: Force::Noise(1), cost: cost::ACUTE_KEPT, ..NO_ALT });
        }
        'à' | 'á' | 'À' | 'Á' => push(noise(b'a', Force::NoiseAny, 0, 1)),
        'A' if !upper && i > 0 => push(noise(b'a', Force::NoiseAny, 0, 1)),
        'O' if !upper && i > 0 => push(noise(b'o', Force::Noise(1), 0, 1)),
        '6' | '0' => push(noise(b'o', Force::Noise(1), cost::DIGIT_TO_O, 1)),
        _ => {
            let b = w.key[i];
            push(plain(b));
            match b {
                b'd' => {
                    push(noise(b'o', Force::Noise(1), cost::D_TO_O, 1));
                    push(noise(b'a', Force::Noise(2), cost::D_TO_AE, 1));
                }
                b'e' => push(noise(b'o', Force::Noise(1), cost::E_TO_O, 1)),
                b'a' if matches!(next, 'o' | 'O') => {
                    push(noise(b'o', Force::Noise(1), cost::AO_TO_O, 2));
                }
                b'o' if matches!(next, 'é' | 'É') => {
                    // `oé`: the é is a stray mark over an ö (foéreslas).
                    push(noise(b'o', Force::Noise(1), 0, 2));
                }
                _ => {}
            }
        }
    }
    k
}

#[derive(Clone, Copy)]
struct Cell {
    cost: u32,
    parts: u8,
    plain_subs: u8,
    /// Where the last part started, and the subs state there.
    from: (u8, u8),
    /// Where the last part's key ended (before a linking `s`).
    part_end: u8,
    choice: u128,
    code: u64,
}

/// Search the OCR readings and compound splits of `w` for the cheapest one the
/// lexicon knows: fewest parts first, then fewest and likeliest substitutions,
/// then frequency.
fn search(lex: &Lexicon, w: &Word) -> Option<Found> {
    let n = w.n;
    let mut alts = [[NO_ALT; 4]; MAX_WORD];
    let mut nalts = [0u8; MAX_WORD];
    for i in 0..n {
        nalts[i] = alts_at(w, i, &mut alts[i]) as u8;
    }
    // best[pos][subs]
    let mut best: Best = [[None; (MAX_SUBS + 1) as usize]; MAX_WORD + 1];
    best[0][0] = Some(Cell {
        cost: 0,
        parts: 0,
        plain_subs: 0,
        from: (0, 0),
        part_end: 0,
        choice: 0,
        code: 0,
    });
    // The whole word as one part first: fewest parts wins, and this one walk
    // settles most words without the walks from every split point. The walk
    // from the first letter keeps every part it finds, so that splitting
    // (when no whole reading exists) need not walk from there again.
    let mut from_first: Vec<Part> = Vec::new();
    let ctx = PartCtx { lex, w, alts: &alts, nalts: &nalts, start: 0 };
    walk(&ctx, &mut from_first, lex.root(), 0, 0, 0, Forces::default(), 0, 0, 0);
    offer_parts(&mut best, w, 0, 0, from_first.iter().filter(|p| p.end == n));
    if best[n].iter().all(Option::is_none) {
        let mut parts: Vec<Part> = Vec::new();
        for start in 0..n {
            // One walk per start serves every substitution count reached there.
            let Some(min_s0) = (0..=MAX_SUBS).find(|&s0| best[start][s0 as usize].is_some()) else {
                continue;
            };
            if start == 0 {
                offer_parts(&mut best, w, 0, min_s0, from_first.iter());
                continue;
            }
            // Costs only grow along a reading, and one through `start` adds
            // a part: once a reading of the whole word costs less than that,
            // a walk from here cannot change the cheapest one, nor any cell
            // it was built from (those cost no more than it). Only strictly
            // dearer: an equal cost with fewer substitutions would win.
            let floor = best[start].iter().flatten().map(|c| c.cost).min().unwrap_or(u32::MAX);
            let cheapest = best[n].iter().flatten().map(|c| c.cost).min().unwrap_or(u32::MAX);
            if floor.saturating_add(u32::from(cost::PART)) > cheapest {
                continue;
            }
            let ctx = PartCtx { lex, w, alts: &alts, nalts: &nalts, start };
            parts.clear();
            walk(&ctx, &mut parts, lex.root(), start, min_s0, 0, Forces::default(), 0, 0, 0);
            offer_parts(&mut best, w, start, min_s0, parts.iter());
        }
    }
    let cell = (0..=MAX_SUBS).filter_map(|s| best[n][s as usize]).min_by_key(|c| c.cost)?;
    Some(Found {
        text: rebuild(w, &alts, &best, n, cell),
        cost: cell.cost,
        parts: cell.parts,
        plain_subs: cell.plain_subs,
    })
}

/// Offer each of `parts`, found by a walk from `start` that began with
/// `min_s0` substitutions, after every reading that reaches `start`.
fn offer_parts<'p>(
    best: &mut Best,
    w: &Word,
    start: usize,
    min_s0: u8,
    parts: impl Iterator<Item = &'p Part> + Clone,
) {
    for s0 in min_s0..=MAX_SUBS {
        let Some(base) = best[start][s0 as usize] else {
            continue;
        };
        for p in parts.clone() {
            let subs = s0 + (p.subs - min_s0);
            if subs > MAX_SUBS {
                continue;
            }
            let extra = if base.parts > 0 { u32::from(cost::PART) } else { 0 };
            let mut cell = Cell {
                cost: base.cost + p.cost + extra,
                parts: base.parts + 1,
                plain_subs: base.plain_subs + p.plain_subs,
                from: (start as u8, s0),
                part_end: p.end as u8,
                choice: p.choice,
                code: p.code,
            };
            offer(best, p.end, subs, cell);
            // A linking `s` after a part that does not end the word.
            if p.end + 1 < w.n && w.key[p.end] == b's' {
                cell.cost += u32::from(cost::LINK_S);
                offer(best, p.end + 1, subs, cell);
            }
        }
    }
}

/// The cheapest reading found so far, by position and substitutions used.
type Best = [[Option<Cell>; (MAX_SUBS + 1) as usize]; MAX_WORD + 1];

struct PartCtx<'a> {
    lex: &'a Lexicon,
    w: &'a Word,
    alts: &'a [[Alt; 4]; MAX_WORD],
    nalts: &'a [u8; MAX_WORD],
    start: usize,
}

/// One known word a walk found from its start: where it ends, what it cost.
#[derive(Clone, Copy)]
struct Part {
    end: usize,
    /// Substitutions so far, counted from the walk's starting count.
    subs: u8,
    cost: u32,
    plain_subs: u8,
    choice: u128,
    code: u64,
}

/// Slot constraints gathered along a path, as code masks.
#[derive(Clone, Copy, Default)]
struct Forces {
    slots: usize,
    intact_mask: u64,
    intact_code: u64,
    noise_mask: u64,
    noise_code: u64,
    any_mask: u64,
}

impl Forces {
    fn add(mut self, key: u8, f: Force) -> Forces {
        if is_slot(key) {
            let i = self.slots;
            self.slots += 1;
            if i < MAX_SLOTS {
                let m = 3u64 << (2 * i);
                match f {
                    Force::Free => {}
                    Force::Intact(k) => {
                        self.intact_mask |= m;
                        self.intact_code |= u64::from(k) << (2 * i);
                    }
                    Force::Noise(k) => {
                        self.noise_mask |= m;
                        self.noise_code |= u64::from(k) << (2 * i);
                    }
                    Force::NoiseAny => self.any_mask |= m,
                }
            }
        }
        self
    }

    /// The code of the form this path reads `e` as, or `None` when the
    /// noise it read does not fit the form.
    fn code_for(&self, e: &Entry) -> Option<u64> {
        if e.code & self.noise_mask != self.noise_code {
            return None;
        }
        // Most paths read no "some diacritic" noise: no slot to look at.
        if self.any_mask != 0 {
            for i in 0..MAX_SLOTS.min(self.slots) {
                if (self.any_mask >> (2 * i)) & 3 != 0 && e.slot(i) == 0 {
                    return None;
                }
            }
        }
        Some((e.code & !self.intact_mask) | self.intact_code)
    }
}

#[allow(clippy::too_many_arguments)]
fn walk(
    ctx: &PartCtx<'_>,
    parts: &mut Vec<Part>,
    cursor: super::lexicon::Cursor,
    pos: usize,
    subs: u8,
    key_len: usize,
    forces: Forces,
    cost: u32,
    plain_subs: u8,
    choice: u128,
) {
    let w = ctx.w;
    let here = ctx.lex.here(cursor);
    if pos > ctx.start
        && key_len >= 1
        && let Some(e) = here.entry()
    {
        let whole = ctx.start == 0 && pos == w.n;
        if whole || (key_len >= MIN_PART && e.bucket <= MAX_PART_BUCKET) {
            let chosen = forces.code_for(&e).map(|c| (c, 0)).or_else(|| {
                // The lexicon keeps only the best form; for the frequent
                // ambiguous keys the others are known (`ér` → `år`, not `är`).
                (key_len <= MAX_ALT_KEY).then(|| second_form(ctx, pos, choice, &forces)).flatten()
            });
            if let Some((code, extra)) = chosen {
                parts.push(Part {
                    end: pos,
                    subs,
                    cost: u32::from(e.bucket) + extra + cost,
                    plain_subs,
                    choice,
                    code,
                });
            }
        }
    }
    if pos >= w.n {
        return;
    }
    for a in 0..ctx.nalts[pos] as usize {
        let alt = ctx.alts[pos][a];
        let nsubs = subs + u8::from(alt.sub);
        if nsubs > MAX_SUBS || pos + alt.width as usize > w.n {
            continue;
        }
        let Some(next) = here.step(alt.key) else {
            continue;
        };
        let is_plain_sub = alt.sub
            && matches!(w.chars[pos], 'd' | 'e' | 'D' | 'E' | 'a' | 'A')
            && !(alt.width == 2 && matches!(w.chars[pos + 1], 'é' | 'É'));
        walk(
            ctx,
            parts,
            next,
            pos + alt.width as usize,
            nsubs,
            key_len + 1,
            forces.add(alt.key, alt.force),
            cost + u32::from(alt.cost),
            plain_subs + u8::from(is_plain_sub),
            choice | ((a as u128) << (2 * pos)),
        );
    }
}

/// Longest key with known other forms (see [`super::context::alternatives`]).
const MAX_ALT_KEY: usize = 6;
/// What reading a less frequent form of an ambiguous key costs.
const SECOND_FORM: u32 = 60;

/// A less frequent form of the key this path spells that fits its forces.
fn second_form(ctx: &PartCtx<'_>, end: usize, choice: u128, forces: &Forces) -> Option<(u64, u32)> {
    let mut key = [0u8; MAX_ALT_KEY];
    let mut n = 0;
    let mut i = ctx.start;
    while i < end {
        let a = ctx.alts[i][((choice >> (2 * i)) & 3) as usize];
        *key.get_mut(n)? = a.key;
        n += 1;
        i += a.width as usize;
    }
    super::context::alternatives(&key[..n]).iter().find_map(|form| {
        let code = super::form_code(form);
        let e = Entry { code, bucket: 0, best_share: 0, plain_share: 0 };
        forces.code_for(&e).map(|c| (c, SECOND_FORM))
    })
}

fn offer(best: &mut Best, pos: usize, subs: u8, cell: Cell) {
    let slot = &mut best[pos][subs as usize];
    if slot.is_none_or(|c| cell.cost < c.cost) {
        *slot = Some(cell);
    }
}

/// Spell out the reading that ends in `cell` at `end`.
fn rebuild(w: &Word, alts: &[[Alt; 4]; MAX_WORD], best: &Best, end: usize, cell: Cell) -> String {
    // Parts, last first.
    let mut parts: Vec<(usize, usize, usize, Cell)> = Vec::new();
    let mut at = (end, cell);
    loop {
        let (pos, c) = at;
        let (start, s0) = (c.from.0 as usize, c.from.1 as usize);
        parts.push((start, c.part_end as usize, pos, c));
        if start == 0 {
            break;
        }
        match best[start][s0] {
            Some(prev) => at = (start, prev),
            None => break,
        }
    }
    let mut out = String::with_capacity(w.n + 8);
    for &(start, key_end, end, c) in parts.iter().rev() {
        let mut i = start;
        let mut slot = 0usize;
        while i < key_end {
            let a = ((c.choice >> (2 * i)) & 3) as usize;
            let alt = alts[i][a];
            let ch = if is_slot(alt.key) {
                let k = if slot < MAX_SLOTS { ((c.code >> (2 * slot)) & 3) as u8 } else { 0 };
                slot += 1;
                if k == 0 && alt.width == 1 && alt.force == Force::Free {
                    // A plain letter that stays plain keeps its own case.
                    out.push(w.chars[i]);
                    i += 1;
                    continue;
                }
                apply_code(alt.key, k)
            } else {
                if alt.force == Force::Free && alt.width == 1 {
                    out.push(w.chars[i]);
                    i += 1;
                    continue;
                }
                char::from(alt.key)
            };
            push_cased(&mut out, ch, w.upper_at(i));
            i += alt.width as usize;
        }
        // The linking `s`, as written.
        for &ch in &w.chars[key_end..end] {
            out.push(ch);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(word: &str) -> Option<String> {
        let w = Word::read(word)?;
        match resolve(Lexicon::builtin(), &w) {
            Verdict::Fix { new, .. } => Some(new.to_string()),
            Verdict::Plain(_, new) => Some(new.to_string()),
            _ => None,
        }
    }

    #[test]
    fn ocr_readings_of_o_umlaut() {
        assert_eq!(fix("Enkdpings").as_deref(), Some("Enköpings"));
        assert_eq!(fix("fér").as_deref(), Some("för"));
        assert_eq!(fix("maojligheter").as_deref(), Some("möjligheter"));
        assert_eq!(fix("f6r").as_deref(), Some("för"));
        assert_eq!(fix("foéreslas").as_deref(), Some("föreslås"));
        assert_eq!(fix("éverblicka").as_deref(), Some("överblicka"));
    }

    #[test]
    fn noise_may_call_for_a_less_frequent_form() {
        // é is read for å or ö, never ä: of `ar`'s forms only `år` fits.
        assert_eq!(fix("ér").as_deref(), Some("år"));
        // A plain `ar` takes the best form; `àr` any diacritic, so the best.
        assert_eq!(fix("ar").as_deref(), Some("är"));
        assert_eq!(fix("àr").as_deref(), Some("är"));
    }

    #[test]
    fn capital_o_inside_a_word_is_o_umlaut() {
        assert_eq!(fix("sOka").as_deref(), Some("söka"));
        assert_eq!(fix("fOr").as_deref(), Some("för"));
        assert!(Word::read("iPhone").is_none());
    }

    #[test]
    fn ocr_readings_of_a_umlaut_and_ring() {
        assert_eq!(fix("kAnnedom").as_deref(), Some("kännedom"));
        assert_eq!(fix("kdnnedom").as_deref(), Some("kännedom"));
        assert_eq!(fix("héllbarhet").as_deref(), Some("hållbarhet"));
    }

    #[test]
    fn compounds_split_in_folded_space() {
        assert_eq!(
            fix("kommunledningsforvaltningen").as_deref(),
            Some("kommunledningsförvaltningen")
        );
        assert_eq!(fix("hallbarhetsstrateg").as_deref(), Some("hållbarhetsstrateg"));
    }

    #[test]
    fn case_is_kept() {
        assert_eq!(fix("ARENDET").as_deref(), Some("ÄRENDET"));
        assert_eq!(fix("Asa").as_deref(), Some("Åsa"));
        assert_eq!(fix("Forslag").as_deref(), Some("Förslag"));
    }

    #[test]
    fn leaves_correct_and_unknown_words_alone() {
        let lex = Lexicon::builtin();
        for word in ["och", "kommunen", "beslut", "Hammargren", "idé"] {
            let w = Word::read(word).unwrap();
            assert!(
                matches!(resolve(lex, &w), Verdict::Keep | Verdict::Unknown),
                "{word}: {:?}",
                resolve(lex, &w)
            );
        }
        assert!(Word::read("iPhone").is_none(), "mixed case is no OCR reading");
        let w = Word::read("xqzvbn").unwrap();
        assert_eq!(resolve(lex, &w), Verdict::Unknown);
    }

    #[test]
    fn judged_reads_the_hot_fields_from_one_cache_line() {
        use std::mem::{align_of, offset_of, size_of};
        assert_eq!(align_of::<Judged>(), 64);
        assert_eq!(size_of::<Judged>(), 128);
        assert_eq!(offset_of!(Judged, verdict), 0);
        let facts = offset_of!(Judged, facts);
        for hot in [
            offset_of!(Facts, key_hash) + size_of::<u64>(),
            offset_of!(Facts, intact) + size_of::<u64>(),
            offset_of!(Facts, plain) + 1,
            offset_of!(Facts, acronym) + 1,
            offset_of!(Facts, contextual) + 1,
            offset_of!(Facts, key_contextual) + 1,
        ] {
            assert!(facts + hot <= 64, "a hot field ends at {}", facts + hot);
        }
    }

    #[test]
    fn key_contextual_is_the_keys() {
        let lex = Lexicon::builtin();
        let (mut plain, mut not_plain) = (0, 0);
        for word in
            ["for", "För", "för", "ar", "är", "år", "ér", "fOr", "Ar", "AR", "och", "hall", "f6r"]
        {
            let Some(f) = Judged::new(lex, word).facts else { continue };
            let key = super::super::context::is_contextual(f.key.as_bytes());
            assert_eq!(f.key_contextual, key, "{word}");
            assert_eq!(f.contextual, key && f.plain, "{word}");
            if key {
                *if f.plain { &mut plain } else { &mut not_plain } += 1;
            }
        }
        assert!(plain >= 2 && not_plain >= 2, "{plain} plain, {not_plain} not");
    }

    #[test]
    fn twin_is_the_facts_twin() {
        let lex = Lexicon::builtin();
        let mut some = 0;
        for word in [
            "fér",
            "forslag",
            "Forslag",
            "och",
            "håll",
            "hall",
            "ar",
            "ér",
            "ARENDET",
            "xqzvbn",
            "f6r",
            "kommunledningsforvaltningen",
            "iPhone",
            "12",
            "idé",
            "for",
        ] {
            let j = Judged::new(lex, word);
            let reference =
                j.facts.as_ref().and_then(|f| f.twin.as_ref()).map(|t| (&t.key, t.hash));
            assert_eq!(j.twin().map(|t| (&t.key, t.hash)), reference, "{word}");
            some += usize::from(reference.is_some());
        }
        assert!(some >= 4, "too few words with a twin: {some}");
    }

    #[test]
    fn intact_diacritics_are_trusted() {
        // `håll` is a word; the lexicon's best for `hall` must not overwrite the å.
        let w = Word::read("håll").unwrap();
        assert_eq!(resolve(Lexicon::builtin(), &w), Verdict::Keep);
        // A lost diacritic next to an intact one is still filled in.
        assert_eq!(fix("förutsattningar").as_deref(), Some("förutsättningar"));
    }
}
