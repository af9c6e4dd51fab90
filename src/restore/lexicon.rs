//! The Swedish lexicon: word forms with frequencies, keyed by their folded
//! spelling, in an `fst::Map` that is used straight from the bytes compiled
//! into the crate (no parsing at start-up).
//!
//! ## What a value holds
//! A key is a folded word (`hallbarhet`); its value packs, in one `u64`, what
//! restoration needs about all the forms that fold to it:
//!
//! | bits | field |
//! |---|---|
//! | 0..40 | the most frequent form, as 2 bits per *slot* (each `a`, `o`, `e` of the key, from the left): `a` 0 = a, 1 = å, 2 = ä; `o` 1 = ö; `e` 1 = é |
//! | 40..50 | that form's wordfreq bucket: frequency 10^(−bucket/100), so smaller is more frequent |
//! | 50..57 | that form's share of all forms of the key, in 127ths |
//! | 57..64 | the plain (diacritic-free) spelling's share, in 127ths; 0 when it is no word |
//!
//! So a key whose best form has a diacritic past its 20th slot is not stored;
//! compound splitting covers such words.

use super::index::{MemoIndex, WordIndex};
use super::word::{Judged, Verdict};
use crate::fold::fold_char;
use fst::raw::{CompiledAddr, Node};
use fst::{Map, MapBuilder};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::{OnceLock, PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};

static BUILTIN_FST: &[u8] = include_bytes!("../../data/lexicon.fst");

/// Name and version of the data the built-in lexicon was made from.
pub(crate) const BUILTIN_SOURCE: &str = "wordfreq-3.1.1-sv";

/// Slots (each `a`, `o`, `e` of a key) a value can describe.
pub(crate) const MAX_SLOTS: usize = 20;

/// Zipf value given to a user word that states none: a moderately common word,
/// so a local name beats a rare look-alike but not the language's core words.
const DEFAULT_USER_ZIPF: f64 = 4.0;

/// What the lexicon knows about one folded key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    /// The best form's slot codes, 2 bits per slot.
    pub code: u64,
    /// The best form's frequency bucket (10^(−bucket/100)).
    pub bucket: u16,
    /// The best form's share of the key, 0..=127.
    pub best_share: u8,
    /// The plain spelling's share of the key, 0..=127.
    pub plain_share: u8,
}

impl Entry {
    pub(crate) fn pack(self) -> u64 {
        (self.code & ((1 << 40) - 1))
            | (u64::from(self.bucket.min(1023)) << 40)
            | (u64::from(self.best_share.min(127)) << 50)
            | (u64::from(self.plain_share.min(127)) << 57)
    }

    pub(crate) fn unpack(v: u64) -> Entry {
        Entry {
            code: v & ((1 << 40) - 1),
            bucket: ((v >> 40) & 1023) as u16,
            best_share: ((v >> 50) & 127) as u8,
            plain_share: ((v >> 57) & 127) as u8,
        }
    }

    /// The best form's code for slot `i`.
    #[inline]
    pub(crate) fn slot(&self, i: usize) -> u8 {
        if i >= MAX_SLOTS { 0 } else { ((self.code >> (2 * i)) & 3) as u8 }
    }

    pub(crate) fn best_share(&self) -> f32 {
        f32::from(self.best_share) / 127.0
    }

    pub(crate) fn plain_share(&self) -> f32 {
        f32::from(self.plain_share) / 127.0
    }

    fn frequency(&self) -> f64 {
        bucket_frequency(self.bucket)
    }
}

fn bucket_frequency(bucket: u16) -> f64 {
    10f64.powf(-f64::from(bucket) / 100.0)
}

fn zipf_bucket(zipf: f64) -> u16 {
    ((9.0 - zipf) * 100.0).round().clamp(0.0, 1023.0) as u16
}

/// Whether a key byte is a slot: a letter that a lost diacritic folds to.
#[inline]
pub(crate) fn is_slot(b: u8) -> bool {
    matches!(b, b'a' | b'o' | b'e')
}

/// The letter a key byte becomes under a slot code (`a` + 2 → `ä`).
#[inline]
pub(crate) fn apply_code(b: u8, code: u8) -> char {
    match (b, code) {
        (b'a', 1) => 'å',
        (b'a', 2) => 'ä',
        (b'o', 1) => 'ö',
        (b'e', 1) => 'é',
        _ => char::from(b),
    }
}

/// The slot code a lower-case letter stands for, with its key byte; `None`
/// for letters a key cannot hold.
#[inline]
pub(crate) fn letter_code(c: char) -> Option<(u8, u8)> {
    Some(match c {
        'a'..='z' => (c as u8, 0),
        'å' => (b'a', 1),
        'ä' => (b'a', 2),
        'ö' => (b'o', 1),
        'é' => (b'e', 1),
        _ => return None,
    })
}

/// Key and slot codes of a word form, or `None` when it holds letters the
/// lexicon does not store or a diacritic past the last slot.
fn form_key(form: &str) -> Option<(String, u64)> {
    let mut key = String::with_capacity(form.len());
    let mut code = 0u64;
    let mut slot = 0usize;
    for c in form.chars() {
        // Lower case that keeps the diacritic (fold_char would drop it).
        let mut lowered = c.to_lowercase();
        let lower = match (lowered.next(), lowered.next()) {
            (Some(l), None) => l,
            _ => return None,
        };
        let (b, k) = letter_code(lower)?;
        if is_slot(b) {
            if k != 0 {
                if slot >= MAX_SLOTS {
                    return None;
                }
                code |= u64::from(k) << (2 * slot);
            }
            slot += 1;
        }
        key.push(char::from(b));
    }
    if key.is_empty() {
        return None;
    }
    Some((key, code))
}

/// All forms of one key with their frequencies, reduced to an [`Entry`].
fn reduce(forms: &[(u64, f64)]) -> Entry {
    let total: f64 = forms.iter().map(|f| f.1).sum();
    // Ties go to the smaller code so the output does not depend on input order.
    let (code, freq) = forms.iter().copied().fold((0u64, -1.0f64), |best, f| {
        if f.1 > best.1 || (f.1 == best.1 && f.0 < best.0) { f } else { best }
    });
    let plain: f64 = forms.iter().filter(|f| f.0 == 0).map(|f| f.1).sum();
    let share = |x: f64| {
        if total > 0.0 { ((x / total) * 127.0).round() as u8 } else { 0 }
    };
    Entry {
        code,
        bucket: ((-freq.log10()) * 100.0).round().clamp(0.0, 1023.0) as u16,
        best_share: share(freq),
        plain_share: share(plain),
    }
}

/// Read a word list: one word per line, an optional Zipf frequency after it
/// (whitespace between), `#` comments and blank lines ignored.
fn read_word_list(list: &str) -> BTreeMap<String, Vec<(u64, f64)>> {
    let mut keys: BTreeMap<String, Vec<(u64, f64)>> = BTreeMap::new();
    for line in list.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut fields = line.split_whitespace();
        let Some(word) = fields.next() else { continue };
        let zipf = fields
            .next()
            .and_then(|z| z.parse::<f64>().ok())
            .filter(|z| z.is_finite())
            .unwrap_or(DEFAULT_USER_ZIPF);
        let Some((key, code)) = form_key(word) else {
            continue;
        };
        let freq = bucket_frequency(zipf_bucket(zipf));
        let forms = keys.entry(key).or_default();
        match forms.iter_mut().find(|f| f.0 == code) {
            Some(f) => f.1 = f.1.max(freq),
            None => forms.push((code, freq)),
        }
    }
    keys
}

fn build_map(keys: &BTreeMap<String, Vec<(u64, f64)>>) -> Vec<u8> {
    let mut builder = MapBuilder::memory();
    for (key, forms) in keys {
        // Keys come sorted and unique from the BTreeMap, so insert cannot fail.
        let _ = builder.insert(key.as_bytes(), reduce(forms).pack());
    }
    builder.into_inner().unwrap_or_default()
}

/// A Swedish lexicon: word forms with frequencies, keyed by folded spelling.
///
/// [`Lexicon::builtin`] is the one compiled into the crate, made from
/// wordfreq 3.1.1's Swedish list (CC-BY-SA-4.0, see NOTICE); add local words
/// (place names, people, nämnder) with [`Lexicon::with_words`].
///
/// A lexicon remembers how it judged each spelling it was asked about (up to
/// about 130,000 of them), so a batch of documents pays for the lexicon walks
/// of a word once. It is `Send + Sync`: share one across threads.
///
/// ```
/// let lex = beslut::Lexicon::builtin();
/// assert!(lex.version().starts_with("wordfreq-3.1.1-sv"));
/// assert_eq!(lex.best_form("kannedom").as_deref(), Some("kännedom"));
/// assert_eq!(lex.best_form("xqzzy"), None);
/// ```
pub struct Lexicon {
    /// `None` only if the compiled-in bytes could not be read, which a test rules out.
    base: Option<Map<Cow<'static, [u8]>>>,
    extra: Option<Map<Vec<u8>>>,
    version: String,
    /// Words already judged, as written: a batch of documents shares most of
    /// its vocabulary, so each word costs lexicon walks only the first time.
    memo: Memo,
}

/// Most words the memo keeps; past this it stops growing (about 20 MB).
const MEMO_CAP: usize = 1 << 17;

#[derive(Default)]
pub(crate) struct Memo(RwLock<MemoMap>);

/// The words judged so far, keyed by [`super::index::hash`] like a document's own
/// words: a document looks each of its words up with the hash it already has.
/// Each word's tag in `words` is 1 when it is [`Judged::recognized`]: an OCR
/// sample asks nothing else, and reading it from the slot the lookup has
/// just read saves a cache miss per word on `judged` (of 128 bytes each).
#[derive(Default)]
pub(crate) struct MemoMap {
    words: MemoIndex,
    /// Per word id of `words`.
    judged: Vec<Judged>,
}

impl MemoMap {
    // Inlined into the loop over a document's words: one call per word was
    // a good part of a lookup.
    #[inline(always)]
    fn get(&self, s: &str, h: u64) -> Option<&Judged> {
        self.judged.get(self.words.get_bytes(s.as_bytes(), h)? as usize)
    }

    /// The judgements kept at `places`, all of them the memo's. A method:
    /// its table's place and length are read once, where the loop through
    /// the lock's guard read them again per word.
    #[inline(never)]
    fn lend(&self, places: &[u32]) -> Vec<&Judged> {
        places.iter().map(|&p| self.judged.get(p as usize).unwrap_or(&KEEP)).collect()
    }

    fn has_room(&self) -> bool {
        self.judged.len() < MEMO_CAP
    }

    /// Keep `j` for `s` unless the memo is full, has it already or keeps
    /// no word so long; its place when kept.
    fn insert(&mut self, s: &str, h: u64, j: Judged) -> Option<u32> {
        if !self.has_room() {
            return None;
        }
        // Ids count the words added, as places count the judgements.
        let id = self.words.insert(s.as_bytes(), h, u8::from(j.recognized()))?;
        self.judged.push(j);
        Some(id)
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.judged.len()
    }
}

/// What a word the memo somehow lacks is taken for: left as written.
static KEEP: Judged = Judged { verdict: Verdict::Keep, facts: None };

impl Memo {
    // A poisoned lock only means another thread panicked mid-insert; the
    // map itself is still a valid map.
    fn read(&self) -> RwLockReadGuard<'_, MemoMap> {
        self.0.read().unwrap_or_else(PoisonError::into_inner)
    }

    fn write(&self) -> RwLockWriteGuard<'_, MemoMap> {
        self.0.write().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Lexicon {
    /// Judge a word as written, from the memo when it was judged before.
    #[cfg(test)]
    pub(crate) fn verdict(&self, s: &str) -> Verdict {
        self.judge(s, super::index::hash(s), |j| j.verdict.clone())
    }

    /// Call `f` with the judgement of `s` (whose [`super::index::hash`] is `h`),
    /// from the memo when it was judged before.
    pub(crate) fn judge<R>(&self, s: &str, h: u64, f: impl FnOnce(&Judged) -> R) -> R {
        if let Some(j) = self.memo.read().get(s, h) {
            return f(j);
        }
        let j = Judged::new(self, s);
        let r = f(&j);
        self.memo.write().insert(s, h, j);
        r
    }

    /// Call `f` with the judgements of the words of `index`, in id order.
    ///
    /// One read lock serves the whole document and the judgements are lent,
    /// not copied: a warm memo costs one hash lookup per distinct word. Words
    /// not yet judged are judged outside the lock and added under one write lock.
    pub(crate) fn judge_all<R>(&self, index: &WordIndex, f: impl FnOnce(&[&Judged]) -> R) -> R {
        let n = index.distinct();
        let word = |i: usize| index.bytes_and_hash(i as u32);
        let mut missing = Vec::new();
        // Each word's place in the memo (`NOT_KEPT` for the missing ones):
        // the memo only grows, so after adding the missing words the
        // judgements are found again by place, not by a second lookup.
        let mut places: Vec<u32>;
        {
            let map = self.memo.read();
            places = map.words.ids_of(index, NOT_KEPT, &mut missing);
            // A warm memo has every word (most documents of a batch): the
            // judgements are lent by place, under the same read lock.
            if missing.is_empty() {
                return f(&map.lend(&places));
            }
        }
        let mut fresh: Vec<Option<Judged>> =
            missing.iter().map(|&i| Some(Judged::new(self, as_str(word(i).0)))).collect();
        {
            let mut map = self.memo.write();
            for (&i, j) in missing.iter().zip(fresh.iter_mut()) {
                let (s, h) = word(i);
                if !map.has_room() {
                    break;
                }
                if map.words.get_bytes(s, h).is_none()
                    && let Some(j) = j.take()
                    && let Some(id) = map.insert(as_str(s), h, j)
                    && let Some(place) = places.get_mut(i)
                {
                    *place = id;
                }
            }
        }
        let map = self.memo.read();
        let mut refs = Vec::with_capacity(n);
        let mut next_missing = missing.iter().zip(&fresh).peekable();
        for (i, &place) in places.iter().enumerate() {
            let local = match next_missing.peek() {
                Some(&(&m, j)) if m == i => {
                    next_missing.next();
                    j.as_ref()
                }
                _ => None,
            };
            refs.push(local.or_else(|| map.judged.get(place as usize)).unwrap_or(&KEEP));
        }
        f(&refs)
    }

    /// Fold `f` over whether each of `words` (each with its
    /// [`super::index::hash`]) is [`Judged::recognized`], from `init`: those
    /// the memo has first, under one read lock, then the others. For a
    /// sample of words, not a document's distinct ones: a word may come more
    /// than once, and nothing is gathered but what the memo lacks. A fold,
    /// not a callback: the accumulator stays in registers, where one behind
    /// a reference was stored back after every word.
    pub(crate) fn recognized_fold<'w, A>(
        &self,
        words: impl IntoIterator<Item = (&'w [u8], u64)>,
        init: A,
        f: impl Fn(A, bool) -> A,
    ) -> A {
        let (mut acc, mut missing) = (init, Vec::new());
        {
            // The words may be drawn while the lock is held: other readers
            // share it, and a list of them gathered first cost a store and
            // a load per word.
            let map = self.memo.read();
            for (s, h) in words {
                // The tag, not the judgement: see `MemoMap`.
                match map.words.tag_of(s, h) {
                    Some(tag) => acc = f(acc, tag != 0),
                    None => missing.push((s, h)),
                }
            }
        }
        if missing.is_empty() {
            return acc;
        }
        // Judged outside the lock, each distinct word once: a cold memo
        // misses a sample's common words more than once.
        let mut fresh: Vec<(&[u8], u64, Judged)> = Vec::with_capacity(missing.len());
        for (s, h) in missing {
            if let Some((.., j)) = fresh.iter().find(|&&(w, wh, _)| wh == h && w == s) {
                acc = f(acc, j.recognized());
                continue;
            }
            let j = Judged::new(self, as_str(s));
            acc = f(acc, j.recognized());
            fresh.push((s, h, j));
        }
        let mut map = self.memo.write();
        for (s, h, j) in fresh {
            // Not kept when the memo is full or another thread added the word.
            let _ = map.insert(as_str(s), h, j);
        }
        acc
    }
}

/// A word given as the bytes of a `str`, as a `str` again.
fn as_str(s: &[u8]) -> &str {
    std::str::from_utf8(s).unwrap_or("")
}

/// The memo place of a word the memo does not keep.
const NOT_KEPT: u32 = u32::MAX;

impl Clone for Lexicon {
    /// A copy with the same words and an empty memo.
    fn clone(&self) -> Self {
        Lexicon {
            base: self.share_base(),
            extra: self.extra.clone(),
            version: self.version.clone(),
            memo: Memo::default(),
        }
    }
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("version", &self.version)
            .field("keys", &self.base.as_ref().map_or(0, Map::len))
            .field("extra_keys", &self.extra.as_ref().map_or(0, Map::len))
            .finish()
    }
}

/// Where a walk through the lexicon stands: a node in the built-in map and
/// one in the user words' map, each with the output gathered so far.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Cursor {
    base: Option<(CompiledAddr, u64)>,
    extra: Option<(CompiledAddr, u64)>,
}

impl Lexicon {
    /// The lexicon compiled into the crate.
    ///
    /// ```
    /// let lex = beslut::Lexicon::builtin();
    /// assert_eq!(lex.best_form("forslag").as_deref(), Some("förslag"));
    /// ```
    pub fn builtin() -> &'static Lexicon {
        static BUILTIN: OnceLock<Lexicon> = OnceLock::new();
        BUILTIN.get_or_init(|| Lexicon {
            base: Map::new(Cow::Borrowed(BUILTIN_FST)).ok(),
            extra: None,
            version: BUILTIN_SOURCE.to_string(),
            memo: Memo::default(),
        })
    }

    /// A lexicon of just the words in `word_list` (see [`Lexicon::with_words`]
    /// for the format), named `version`. This is how `data/lexicon.fst` is made
    /// (`cargo run --release --example build_lexicon`).
    ///
    /// ```
    /// let lex = beslut::Lexicon::from_word_list("kännedom 4.5\nkannedom 1\n", "test");
    /// assert_eq!(lex.best_form("KANNEDOM").as_deref(), Some("kännedom"));
    /// assert_eq!(lex.version(), "test");
    /// ```
    pub fn from_word_list(word_list: &str, version: &str) -> Lexicon {
        let bytes = build_map(&read_word_list(word_list));
        Lexicon {
            base: Map::new(Cow::Owned(bytes)).ok(),
            extra: None,
            version: version.to_string(),
            memo: Memo::default(),
        }
    }

    /// This lexicon plus the words of a plain list: one word per line, with
    /// an optional Zipf frequency after it (log10 of occurrences per billion
    /// words; 4.0 when absent), `#` comments and blank lines ignored. Words
    /// with letters outside Swedish a–ö and é are skipped.
    ///
    /// A user word joins the forms the lexicon already has for its folded key,
    /// so `Nystrom` becomes `Nyström` once `Nyström` is listed.
    ///
    /// ```
    /// let lex = beslut::Lexicon::builtin().with_words("Hjälmsäter\n# a comment\n");
    /// assert_eq!(lex.best_form("hjalmsater").as_deref(), Some("hjälmsäter"));
    /// assert!(lex.version().ends_with("+1"));
    /// ```
    pub fn with_words(&self, word_list: &str) -> Lexicon {
        let mut keys = read_word_list(word_list);
        let added = keys.len();
        for (key, forms) in keys.iter_mut() {
            if let Some(old) = self.get(key.as_bytes()) {
                merge_known(forms, old);
            }
        }
        let extra_bytes = build_map(&keys);

        // Earlier user words stay: fold them into the new list's map.
        let extra = match &self.extra {
            None => Map::new(extra_bytes).ok(),
            Some(old) => {
                let mut all: BTreeMap<Vec<u8>, u64> = old.stream_pairs();
                let new = Map::new(extra_bytes).ok();
                if let Some(new) = &new {
                    all.extend(new.stream_pairs());
                }
                let mut b = MapBuilder::memory();
                for (k, v) in &all {
                    let _ = b.insert(k, *v);
                }
                b.into_inner().ok().and_then(|v| Map::new(v).ok())
            }
        };
        let base_version = self.version.split('+').next().unwrap_or("").to_string();
        let total_extra = extra.as_ref().map_or(added, Map::len);
        Lexicon {
            base: self.share_base(),
            extra,
            version: format!("{base_version}+{total_extra}"),
            memo: Memo::default(),
        }
    }

    /// The main map for a new lexicon: the compiled-in bytes are shared, others copied.
    fn share_base(&self) -> Option<Map<Cow<'static, [u8]>>> {
        let bytes = self.base.as_ref()?.as_fst().as_bytes();
        let data = if bytes.as_ptr() == BUILTIN_FST.as_ptr() {
            Cow::Borrowed(BUILTIN_FST)
        } else {
            Cow::Owned(bytes.to_vec())
        };
        Map::new(data).ok()
    }

    /// Name and version of the data, with `+N` for N added user keys
    /// (`wordfreq-3.1.1-sv+12`), for reports.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// The bytes of the main map, as written to `data/lexicon.fst`.
    pub fn fst_bytes(&self) -> &[u8] {
        self.base.as_ref().map_or(&[], |m| m.as_fst().as_bytes())
    }

    /// Number of folded keys (user words included).
    ///
    /// ```
    /// assert!(beslut::Lexicon::builtin().len() > 200_000);
    /// ```
    pub fn len(&self) -> usize {
        self.base.as_ref().map_or(0, Map::len) + self.extra.as_ref().map_or(0, Map::len)
    }

    /// Whether it holds no words at all.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The most frequent form of `word`'s folded key, in lower case, or `None`
    /// when no form folds to it.
    ///
    /// ```
    /// let lex = beslut::Lexicon::builtin();
    /// assert_eq!(lex.best_form("Halsa").as_deref(), Some("hälsa"));
    /// ```
    pub fn best_form(&self, word: &str) -> Option<String> {
        let key: String = word.chars().map(fold_char).collect();
        let e = self.get(key.as_bytes())?;
        Some(render_lower(key.as_bytes(), &e))
    }

    pub(crate) fn get(&self, key: &[u8]) -> Option<Entry> {
        if let Some(extra) = &self.extra
            && let Some(v) = extra.get(key)
        {
            return Some(Entry::unpack(v));
        }
        self.base.as_ref()?.get(key).map(Entry::unpack)
    }

    pub(crate) fn root(&self) -> Cursor {
        Cursor {
            base: self.base.as_ref().map(|m| (m.as_fst().root().addr(), 0)),
            extra: self.extra.as_ref().map(|m| (m.as_fst().root().addr(), 0)),
        }
    }

    /// The nodes `c` stands on, read once for all that is asked of them.
    #[inline]
    pub(crate) fn here(&self, c: Cursor) -> Here<'_> {
        Here {
            base: read_node(self.base.as_ref(), c.base),
            extra: read_node(self.extra.as_ref(), c.extra),
        }
    }

    /// One byte further along, or `None` when no key continues that way.
    #[cfg(test)]
    pub(crate) fn step(&self, c: Cursor, b: u8) -> Option<Cursor> {
        self.here(c).step(b)
    }

    /// The entry when the walk so far spells a whole key.
    #[cfg(test)]
    pub(crate) fn entry_at(&self, c: Cursor) -> Option<Entry> {
        self.here(c).entry()
    }
}

/// The node of `map` at `at`, with its output so far.
#[inline]
fn read_node<D: AsRef<[u8]>>(
    map: Option<&Map<D>>,
    at: Option<(CompiledAddr, u64)>,
) -> Option<(Node<'_>, u64)> {
    let (addr, out) = at?;
    Some((map?.as_fst().node(addr), out))
}

/// The nodes a [`Cursor`] stands on, each with the output gathered so far.
/// A walk asks the same node whether it ends a key and where each of up to
/// four bytes leads; reading (decoding) the node was most of each such
/// question, so it is read once.
#[derive(Clone, Copy)]
pub(crate) struct Here<'a> {
    base: Option<(Node<'a>, u64)>,
    extra: Option<(Node<'a>, u64)>,
}

impl Here<'_> {
    /// One byte further along, or `None` when no key continues that way.
    #[inline]
    pub(crate) fn step(&self, b: u8) -> Option<Cursor> {
        let step = |(node, out): &(Node<'_>, u64)| {
            let t = node.transition(node.find_input(b)?);
            Some((t.addr, out.wrapping_add(t.out.value())))
        };
        let base = self.base.as_ref().and_then(step);
        let extra = self.extra.as_ref().and_then(step);
        if base.is_none() && extra.is_none() { None } else { Some(Cursor { base, extra }) }
    }

    /// The entry when the walk so far spells a whole key (the user words' first).
    #[inline]
    pub(crate) fn entry(&self) -> Option<Entry> {
        let value = |(node, out): &(Node<'_>, u64)| {
            node.is_final().then(|| out.wrapping_add(node.final_output().value()))
        };
        self.extra
            .as_ref()
            .and_then(value)
            .or_else(|| self.base.as_ref().and_then(value))
            .map(Entry::unpack)
    }
}

/// The lower-case spelling of `key` under `e`'s best form.
pub(crate) fn render_lower(key: &[u8], e: &Entry) -> String {
    let mut s = String::with_capacity(key.len() + 4);
    let mut slot = 0;
    for &b in key {
        if is_slot(b) {
            s.push(apply_code(b, e.slot(slot)));
            slot += 1;
        } else {
            s.push(char::from(b));
        }
    }
    s
}

/// Rebuild the forms an entry summarizes (best, plain, the rest as one
/// unnamed remainder) and add them to a user key's forms.
fn merge_known(forms: &mut Vec<(u64, f64)>, old: Entry) {
    let best_f = old.frequency();
    let total =
        if old.best_share > 0 { best_f * 127.0 / f64::from(old.best_share) } else { best_f };
    let plain_f = total * f64::from(old.plain_share) / 127.0;
    let mut push = |code: u64, f: f64| match forms.iter_mut().find(|x| x.0 == code) {
        Some(x) => x.1 = x.1.max(f),
        None => forms.push((code, f)),
    };
    push(old.code, best_f);
    if old.code != 0 && plain_f > 0.0 {
        push(0, plain_f);
    }
    let rest = total - best_f - if old.code != 0 { plain_f } else { 0.0 };
    if rest > total * 1e-6 {
        // A code no form has (all slots set to 3) carries the remainder's weight.
        push(u64::MAX >> 24, rest);
    }
}

trait StreamPairs {
    fn stream_pairs(&self) -> BTreeMap<Vec<u8>, u64>;
}

impl StreamPairs for Map<Vec<u8>> {
    fn stream_pairs(&self) -> BTreeMap<Vec<u8>, u64> {
        use fst::Streamer;
        let mut out = BTreeMap::new();
        let mut s = self.stream();
        while let Some((k, v)) = s.next() {
            out.insert(k.to_vec(), v);
        }
        out
    }
}

#[cfg(test)]
use crate::test_corpus as corpus;

#[cfg(test)]
mod tests {
    use super::super::word::Word;
    use super::corpus;
    use super::*;
    use proptest::prelude::*;

    /// [`Lexicon::recognized_fold`] as it was before the memo kept a tag per
    /// word (`judge_fold`): each word's judgement read from `judged`, by the
    /// id its lookup found, and handed to `f`.
    fn judge_fold_as_it_was<'w, A>(
        lex: &Lexicon,
        words: impl IntoIterator<Item = (&'w [u8], u64)>,
        init: A,
        f: impl Fn(A, &Judged) -> A,
    ) -> A {
        let (mut acc, mut missing) = (init, Vec::new());
        {
            let map = lex.memo.read();
            for (s, h) in words {
                match map.words.get_bytes(s, h).and_then(|p| map.judged.get(p as usize)) {
                    Some(j) => acc = f(acc, j),
                    None => missing.push((s, h)),
                }
            }
        }
        if missing.is_empty() {
            return acc;
        }
        let mut fresh: Vec<(&[u8], u64, Judged)> = Vec::with_capacity(missing.len());
        for (s, h) in missing {
            if let Some((.., j)) = fresh.iter().find(|&&(w, wh, _)| wh == h && w == s) {
                acc = f(acc, j);
                continue;
            }
            let j = Judged::new(lex, as_str(s));
            acc = f(acc, &j);
            fresh.push((s, h, j));
        }
        let mut map = lex.memo.write();
        for (s, h, j) in fresh {
            let _ = map.insert(as_str(s), h, j);
        }
        acc
    }

    /// The word tokens of `text`, as the OCR sample draws them.
    fn word_tokens(text: &str) -> Vec<&str> {
        super::super::scan::Stream::new(text)
            .filter(|t| t.kind == super::super::scan::Kind::Word)
            .filter_map(|t| text.get(t.start..t.end))
            .collect()
    }

    /// Texts of many kinds of words: the seed document as scanned, the
    /// municipal word list, generated documents (clean, stripped of their
    /// diacritics and noisy), and long words that share their first and
    /// last eight bytes, or all but one, with each other.
    fn texts() -> Vec<String> {
        let mut texts = vec![
            include_str!("../../fixtures/parse/enkoping-ks-2026-social-hallbarhet.ocr.txt").into(),
            include_str!("../../fixtures/parse/degraded-heavy.txt").into(),
            include_str!("../../tests/support/municipal-sv.txt").into(),
        ];
        let sentences = corpus::sentences();
        texts.extend(
            (0..40).map(|i| corpus::document(3, i, &corpus::Options::default(), &sentences)),
        );
        let mut long = Vec::new();
        for mid in ["", "x", "förvaltning", "forvaltning", "förvaltnjng", "ningsförvaltnings"] {
            for (a, b) in
                [("kommunle", "sförslag"), ("kommunle", "sforslag"), ("Kommunle", "sförslag")]
            {
                long.push(format!("{a}{mid}{b}"));
            }
        }
        // Of one length, differing in one byte anywhere.
        let base = "hållbarhetsarbetet";
        for i in 0..base.len() {
            let mut v = base.as_bytes().to_vec();
            v[i] = if v[i] == b'e' { b'a' } else { b'e' };
            long.extend(String::from_utf8(v).ok());
        }
        texts.push(long.join(" "));
        texts
    }

    /// Whether each of `words` is recognized, by the fold and by the fold
    /// as it was, each on its own fresh lexicon, twice over (cold, then
    /// warm), then each on the other's memo.
    fn folds_agree(words: &[&str]) -> Result<(), TestCaseError> {
        let draw = || words.iter().map(|w| (w.as_bytes(), super::super::index::hash(w)));
        let push = |mut v: Vec<bool>, known: bool| {
            v.push(known);
            v
        };
        let (new, old) = (Lexicon::builtin().clone(), Lexicon::builtin().clone());
        let truth: Vec<bool> = words.iter().map(|w| Judged::new(&new, w).recognized()).collect();
        // The first word whose answer differs, for a short message.
        let differ = |got: &[bool]| {
            let at = got.iter().zip(&truth).position(|(g, t)| g != t);
            (got.len() != truth.len()).then_some("(length)").or(at.map(|i| words[i]))
        };
        for (a, b) in [(&new, &old), (&new, &old), (&old, &new)] {
            let got = a.recognized_fold(draw(), Vec::new(), push);
            prop_assert_eq!(differ(&got), None);
            let was = judge_fold_as_it_was(b, draw(), Vec::new(), |v, j| push(v, j.recognized()));
            prop_assert_eq!(differ(&was), None);
        }
        // Every word the memo keeps is tagged as its judgement says.
        let map = new.memo.read();
        prop_assert_eq!(map.words.entries().count(), map.judged.len());
        for (id, w, h, tag) in map.words.entries() {
            let j = &map.judged[id as usize];
            prop_assert_eq!(tag, u8::from(j.recognized()));
            prop_assert_eq!(map.words.tag_of(w, h), Some(tag));
        }
        Ok(())
    }

    #[test]
    fn the_recognized_fold_answers_as_the_judgements_did() {
        let texts = texts();
        let words: Vec<&str> = texts.iter().flat_map(|t| word_tokens(t)).collect();
        assert!(words.len() > 30_000, "{}", words.len());
        folds_agree(&words).unwrap();
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        // Words long and short, repeated, of Swedish letters, OCR digits and
        // noise, and any chars.
        #[test]
        fn the_recognized_fold_answers_as_the_judgements_did_for_any_words(
            v in prop::collection::vec("[a-zåäöéA-Z06|]{1,30}|\\PC{1,12}", 0..80),
        ) {
            let text = v.join(" ");
            folds_agree(&word_tokens(&text))?;
        }
    }

    #[test]
    fn entry_round_trips_through_a_u64() {
        let e = Entry { code: 0b10_01, bucket: 523, best_share: 120, plain_share: 3 };
        assert_eq!(Entry::unpack(e.pack()), e);
    }

    #[test]
    fn form_key_folds_and_codes_slots() {
        let (key, code) = form_key("Förmåga").unwrap();
        assert_eq!(key, "formaga");
        // slots: o(1)=ö, a(2)=å, a(3)=plain
        assert_eq!(code, 1 | (1 << 2));
        assert!(form_key("naïve").is_none(), "letters outside Swedish are refused");
        assert!(form_key("x2").is_none(), "digits are refused");
    }

    #[test]
    fn most_frequent_form_wins_and_shares_add_up() {
        let lex = Lexicon::from_word_list("för 7.1\nfor 5.9\nfår 6.4\nfar 5.9\n", "t");
        assert_eq!(lex.best_form("for").as_deref(), Some("för"));
        let e = lex.get(b"for").unwrap();
        // 10^(7.1-5.9) ≈ 16 to 1.
        assert!(e.best_share > 115 && e.plain_share < 10, "{e:?}");
        assert_eq!(lex.best_form("far").as_deref(), Some("får"));
        assert_eq!(lex.get(b"fxr"), None);
    }

    #[test]
    fn builtin_is_readable_and_knows_common_words() {
        let lex = Lexicon::builtin();
        assert!(lex.len() > 200_000, "{lex:?}");
        assert_eq!(lex.best_form("ar").as_deref(), Some("är"));
        assert_eq!(lex.best_form("och").as_deref(), Some("och"));
    }

    #[test]
    fn user_words_join_the_builtin_forms() {
        let base = Lexicon::builtin();
        assert_eq!(base.best_form("hjalmsater"), None);
        let lex = base.with_words("Hjälmsäter\n");
        assert_eq!(lex.best_form("hjalmsater").as_deref(), Some("hjälmsäter"));
        // A rare user form does not displace a frequent one.
        let lex = base.with_words("fär 1.0\nnaïve\n");
        assert_eq!(lex.best_form("far").as_deref(), Some("får"));
        assert_eq!(lex.version(), "wordfreq-3.1.1-sv+1", "naïve is refused");
        // Adding again keeps the earlier list.
        let lex = lex.with_words("Hjälmsäter\n");
        assert_eq!(lex.best_form("hjalmsater").as_deref(), Some("hjälmsäter"));
        assert_eq!(lex.best_form("far").as_deref(), Some("får"));
        assert_eq!(lex.version(), "wordfreq-3.1.1-sv+2");
    }

    /// Two threads may both judge a word the memo lacks and both try to
    /// keep it: the second insert must leave the first one's tag as it is,
    /// or the word would count as unrecognized from then on. (One thread
    /// alone never inserts a word twice, so nothing else tests this.)
    #[test]
    fn a_word_kept_twice_keeps_its_recognized_tag() {
        let lex = Lexicon::builtin().clone();
        let (w, h) = ("kommunen", super::super::index::hash("kommunen"));
        for _ in 0..2 {
            let _ = lex.memo.write().insert(w, h, Judged::new(&lex, w));
        }
        let recognized = lex.recognized_fold([(w.as_bytes(), h)], 0, |n, k| n + usize::from(k));
        assert_eq!(recognized, 1);
    }

    #[test]
    fn the_memo_gives_what_resolving_gives_and_clones_start_empty() {
        let lex = Lexicon::builtin().clone();
        let memo_len = |l: &Lexicon| l.memo.read().len();
        assert_eq!(memo_len(&lex), 0);
        for word in ["fér", "xqzvw", "fér"] {
            let w = Word::read(word).unwrap();
            assert_eq!(lex.verdict(word), super::super::word::resolve(&lex, &w));
        }
        assert_eq!(memo_len(&lex), 2, "a word is judged once");
        assert_eq!(memo_len(&lex.clone()), 0);
        assert_eq!(lex.clone().version(), lex.version());
    }

    #[test]
    fn walking_finds_keys_and_prefixes() {
        let lex = Lexicon::from_word_list("hall 5\nhallbarhet 4\n", "t");
        let mut c = lex.root();
        for &b in b"hall" {
            c = lex.step(c, b).unwrap();
        }
        assert!(lex.entry_at(c).is_some());
        let c2 = lex.step(c, b'b').unwrap();
        assert!(lex.entry_at(c2).is_none());
        assert!(lex.step(c, b'x').is_none());
    }
}
