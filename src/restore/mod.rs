//! Phase four: give OCR'd words back their å, ä and ö.
//!
//! Word by word, each change with its reason ([`Route`]):
//! - **lexicon**: the most frequent Swedish form of the word's folded key
//!   (`hallbarhet` → `hållbarhet`);
//! - **ocr**: a word the lexicon does not know as written, read through the
//!   confusions OCR makes (`é`, `d`, `e`, `ao`, `6`, `0` for `ö`; `A`, `d`, `à`
//!   for `ä`; `é`, `à` for `å`), at most two substitutions, checked against the
//!   lexicon (`Enkdpings` → `Enköpings`);
//! - **compound**: a word no list holds, split in folded space into known
//!   parts, fewest parts first, with Swedish linking `s`
//!   (`hallbarhetsstrateg` → `hållbarhet|s|strateg`);
//! - **context**: the frequent keys whose forms are all words (`ar` → `är`
//!   or `år`) decided by the neighbouring words;
//! - **document**: a form that stands intact elsewhere in the same document.
//!
//! A [`Restorer`] reads the whole document first: it counts the forms that
//! stand intact and estimates how much of the document lost its diacritics, so a
//! clean document is left alone and a stripped one is restored in full.
//! Correct words, intact diacritics, case, numbers, codes (`KS-2024-00011`),
//! e-mail and web addresses are kept; only letters inside words change.

mod context;
mod copies;
mod hash;
mod index;
mod lexicon;
mod quality;
mod scan;
mod word;

use crate::span::Span;
use compact_str::CompactString;
use scan::{Kind, Token};
use serde::{Deserialize, Serialize};
use word::{Facts, Judged, Verdict, Word};

use copies::DocToken;
pub(crate) use copies::{CopyWords, DocTokens};

pub use lexicon::Lexicon;
pub use quality::{estimate_ocr_quality, ocr_quality};

/// Why a word was changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Route {
    /// The most frequent form of the folded word.
    Lexicon,
    /// An OCR confusion undone (`fér` → `för`).
    Ocr,
    /// A compound split into known words.
    Compound,
    /// The neighbouring words chose between two common forms (`är`/`år`).
    Context,
    /// The form stands intact elsewhere in the same document.
    Document,
}

/// The text of one word, as a [`Change`] holds it.
///
/// A word of up to 24 bytes is held inline, so listing a document's changes
/// allocates nothing per change. It reads as a `&str` (it derefs to one, and
/// compares with `str` and `String`) and serializes as a plain string. The
/// inline storage is private: it may change without changing this type.
///
/// ```
/// let out = beslut::restore("Forslag till beslut");
/// let c = &out.changes[0];
/// assert_eq!(c.old, "Forslag");
/// assert_eq!(c.new.as_str(), "Förslag");
/// assert_eq!(c.new.to_uppercase(), "FÖRSLAG");
/// assert_eq!(serde_json::to_string(&c.old).unwrap(), r#""Forslag""#);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct WordText(CompactString);

impl WordText {
    /// The word `s`.
    pub fn new(s: &str) -> Self {
        WordText(CompactString::new(s))
    }

    /// The word as a `&str`.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

impl std::ops::Deref for WordText {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for WordText {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::borrow::Borrow<str> for WordText {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Display for WordText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<&str> for WordText {
    fn from(s: &str) -> Self {
        WordText::new(s)
    }
}

impl From<WordText> for String {
    fn from(w: WordText) -> String {
        w.0.into_string()
    }
}

impl PartialEq<str> for WordText {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for WordText {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for WordText {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<WordText> for str {
    fn eq(&self, other: &WordText) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<WordText> for &str {
    fn eq(&self, other: &WordText) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<WordText> for String {
    fn eq(&self, other: &WordText) -> bool {
        self == other.as_str()
    }
}

/// One changed word.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// Where the word stands (in the text given to [`Restorer::restore`], plus its `base`).
    pub span: Span,
    /// The word as written.
    pub old: WordText,
    /// The word as restored.
    pub new: WordText,
    /// Why.
    pub route: Route,
    /// How sure, from 0 to 1: a sure fix is near 1, a guess near 0.5.
    pub confidence: f32,
}

/// Restored text and what changed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Restoration {
    /// The text with its words restored; everything else as it was.
    pub text: String,
    /// Each changed word, in text order.
    pub changes: Vec<Change>,
}

/// How many words a text has and how many of them neither the lexicon nor any
/// restoration knows: a measure of OCR quality.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OcrQuality {
    /// Words looked at (numbers, codes and addresses are not words): all of
    /// the text's, or for [`estimate_ocr_quality`] those of its sample.
    pub words: usize,
    /// Words neither in the lexicon nor restorable to a word in it.
    pub unrecognized: usize,
}

impl OcrQuality {
    /// Share of unrecognized words, 0 for a text without words.
    ///
    /// ```
    /// let q = beslut::OcrQuality { words: 200, unrecognized: 10 };
    /// assert_eq!(q.unrecognized_share(), 0.05);
    /// ```
    pub fn unrecognized_share(&self) -> f64 {
        if self.words == 0 { 0.0 } else { self.unrecognized as f64 / self.words as f64 }
    }

    /// Count a word that stands `count` times, unrecognized unless
    /// `recognized` ([`Judged::recognized`]). [`Restorer::build`] counts the
    /// same way inline, in its loop over the judgements (as a
    /// call there, the loop cost a tenth of a percent of a batch more); a
    /// test holds the two counts equal.
    #[inline]
    fn tally(&mut self, recognized: bool, count: u32) {
        self.words += count as usize;
        if !recognized {
            self.unrecognized += count as usize;
        }
    }
}

/// Restore `text` with the built-in lexicon. The text is normalized first
/// (see [`crate::normalize()`]); spans point into the normalized text.
///
/// ```
/// let r = beslut::restore("Forslag till beslut fér kannedom, sedan nagra ar.");
/// assert_eq!(r.text, "Förslag till beslut för kännedom, sedan några år.");
/// assert_eq!(r.changes[0].old, "Forslag");
/// assert_eq!(r.changes[0].route, beslut::Route::Lexicon);
/// ```
pub fn restore(text: &str) -> Restoration {
    restore_with(text, Lexicon::builtin())
}

/// [`restore`] with a lexicon of your own (say, the built-in one plus local names).
///
/// ```
/// let lex = beslut::Lexicon::builtin().with_words("Hjälmsäter\n");
/// let r = beslut::restore_with("Hjalmsater gard", &lex);
/// assert_eq!(r.text, "Hjälmsäter gård");
/// ```
pub fn restore_with(text: &str, lexicon: &Lexicon) -> Restoration {
    let text = crate::normalize::normalize_text(text);
    let (r, doc) = Restorer::with_tokens(lexicon, &text);
    // Every word token of the text has its id: none is judged elsewhere.
    let (new_text, changes) = r.render_whole(&text, &doc);
    Restoration { text: new_text.unwrap_or(text), changes }
}

/// A new spelling, as a byte range of an arena string (the restorer's
/// `forms`, or a word's own when it was judged on the spot).
#[derive(Clone, Copy, Debug)]
struct Piece {
    start: usize,
    end: usize,
}

impl Piece {
    fn put(arena: &mut String, s: &str) -> Piece {
        let start = arena.len();
        arena.push_str(s);
        Piece { start, end: arena.len() }
    }

    fn get(self, arena: &str) -> Option<&str> {
        arena.get(self.start..self.end)
    }

    /// Give back a piece that was the last one put and is not wanted after all.
    fn take_back(self, arena: &mut String) {
        if self.end == arena.len() {
            arena.truncate(self.start);
        }
    }
}

/// What the restorer does with one distinct word of the document.
#[derive(Clone, Copy, Debug)]
enum Outcome {
    Keep,
    Change {
        new: Piece,
        route: Route,
        confidence: f32,
        /// `new` is the verdict's own new spelling, whose folded key the
        /// judgement keeps (see [`spell_twins_alike`]): known when the plan is
        /// made, where telling it later took a string compare per change.
        verdict: bool,
    },
    /// An ambiguous key: the neighbours decide, between the forms of this
    /// [`Choice`] of the [`Spellings`]. Kept apart, as most words need no
    /// choice: a plan in place would be four times the size of the others.
    Context(usize),
}

/// What the neighbours of an ambiguous word choose between; `default` when they don't.
#[derive(Clone, Copy, Debug)]
struct Choice {
    /// The word's folded key, which the context rules are keyed on: a word
    /// with a choice is plain, so its key is its fold.
    key: &'static [u8],
    default: Option<(Piece, f32)>,
    /// Every form the context rules may pick, spelled in the word's case
    /// (at most two: see [`context::forms`]).
    forms: [(&'static str, Piece); 2],
    n: u8,
}

/// Where plans keep what does not fit in a plan: the new spellings, one
/// after another (one string for the document instead of one allocation
/// per word), and the choices of the ambiguous words.
#[derive(Debug, Default)]
struct Spellings {
    text: String,
    choices: Vec<Choice>,
}

/// An outcome, and whether the word is a short all-capital one: an acronym
/// (kept) unless it stands among capital words (`AVGIFTER FOR AR 2026`),
/// where the outcome holds.
#[derive(Clone, Copy, Debug)]
struct Plan {
    outcome: Outcome,
    acronym: bool,
}

const KEEP: Plan = Plan { outcome: Outcome::Keep, acronym: false };

/// A text being written with its words restored.
struct Rendering<'t> {
    text: &'t str,
    base: usize,
    /// Written from the first change on: many strings of a document need
    /// none. Into the buffer given, when it has the room.
    out: String,
    /// Whether a word changed, and `out` holds the text up to `copied`.
    changed: bool,
    /// Bytes of `text` written so far.
    copied: usize,
    record: bool,
    changes: Vec<Change>,
}

impl<'t> Rendering<'t> {
    /// Spans of the changes are `base` plus the offset in `text`; when
    /// `record`, room is made for `most_changes` of them. The new text is
    /// written into `spare` (what it holds is dropped) unless it is too
    /// small: a caller restoring many strings passes the buffer the last
    /// one gave up, and saves an allocation and a free per string.
    fn new(
        text: &'t str,
        base: usize,
        (record, most_changes): (bool, usize),
        spare: String,
    ) -> Self {
        let changes = Vec::with_capacity(if record { most_changes } else { 0 });
        Rendering { text, base, out: spare, changed: false, copied: 0, record, changes }
    }

    /// Write word token `t`, spelled `s`, as `new` (with its route and
    /// confidence), unless it is spelled so already.
    // Always inlined: as a call, passing the token and the spelling through
    // memory cost more than a change of the renderer's loop took otherwise.
    #[inline(always)]
    fn put(&mut self, t: Token, s: &str, (new, route, confidence): (&str, Route, f32)) {
        let text = self.text;
        if new == s {
            return;
        }
        if !self.changed {
            self.start();
        }
        self.out.push_str(&text[self.copied..t.start]);
        self.out.push_str(new);
        self.copied = t.end;
        if self.record {
            self.changes.push(Change {
                span: Span::new(self.base + t.start, self.base + t.end),
                old: WordText::new(s),
                new: WordText::new(new),
                route,
                confidence,
            });
        }
    }

    /// Make `out` ready for the text at the first change: emptied, with
    /// room for a few restored letters more than `text` has.
    // Not inlined: it runs once per string, and [`Rendering::put`] is.
    #[inline(never)]
    fn start(&mut self) {
        self.changed = true;
        let room = self.text.len() + self.text.len() / 16;
        if self.out.capacity() < room {
            // Not `reserve`: its reallocation would copy the old text.
            self.out = String::with_capacity(room);
        } else {
            self.out.clear();
        }
    }

    /// The new text (`None` when no word changed) and the changes.
    fn finish(self) -> (Option<String>, Vec<Change>) {
        let (changed, out, changes) = self.finish_spare();
        (changed.then_some(out), changes)
    }

    /// [`Rendering::finish`], giving the buffer back to `spare` when no
    /// word changed.
    fn finish_into(self, spare: &mut String) -> (Option<String>, Vec<Change>) {
        match self.finish_spare() {
            (true, out, changes) => (Some(out), changes),
            (false, out, changes) => {
                *spare = out;
                (None, changes)
            }
        }
    }

    /// Whether a word changed, the new text then (else the buffer given,
    /// unused), and the changes.
    fn finish_spare(mut self) -> (bool, String, Vec<Change>) {
        if self.changed {
            self.out.push_str(&self.text[self.copied..]);
        }
        (self.changed, self.out, self.changes)
    }
}

/// What the document's intact forms say about the spelling of a word.
enum DocForm {
    /// Nothing: no intact form of its key, or one a plain word need not follow.
    Silent,
    /// The word as written is already the intact form's spelling.
    Same,
    /// The word is to be spelled as this piece of the arena.
    Differs(Piece),
}

/// The distinct words of the word tokens `toks` of `document`, each counted
/// as often as it stands; with `ids`, each token's word index is noted too
/// (`u32::MAX` for non-words).
#[inline(always)]
fn read_words(
    document: &str,
    toks: impl Iterator<Item = Token>,
    mut ids: Option<&mut Vec<u32>>,
) -> index::WordIndex {
    read_noting(document, toks, |_, id| {
        if let Some(ids) = ids.as_deref_mut() {
            ids.push(id);
        }
    })
}

/// [`read_words`], giving each token to `noted` with its word index.
// Always inlined: the loop runs once per token, and as a call of its own the
// scanner and the index could not keep their state in registers.
#[inline(always)]
fn read_noting(
    document: &str,
    toks: impl Iterator<Item = Token>,
    mut noted: impl FnMut(Token, u32),
) -> index::WordIndex {
    // Up to one distinct word in 16 bytes of running text: decisions have
    // one in 18 to 28 (one in 4,000 of the bulk sample has more, and grows
    // its table once), and the table, cleared per document, is sized to a
    // power of two above twice this, which leaves room. One in 12 cleared a
    // third more slots than needed. But a long text repeats its words (a
    // file of 0.5 MB has a few thousand distinct ones, not 30,000): past
    // 4096 words the table grows as it fills, where one sized by length was
    // too large to stay in cache.
    let distinct = (document.len() / 16 + 8).min(4096);
    let mut index = index::WordIndex::with_capacity(distinct);
    for t in toks {
        if t.kind != Kind::Word {
            noted(t, u32::MAX);
            continue;
        }
        // Tokens stand on char boundaries: their bytes are a `str`'s.
        let Some(w) = document.as_bytes().get(t.start..t.end) else {
            noted(t, u32::MAX);
            continue;
        };
        let window = || document.as_bytes().get(t.start..t.start + 16)?.try_into().ok();
        // The index counts the word too.
        let id = index.intern_token(w, index::hash_bytes(w), window);
        noted(t, id);
    }
    index
}

/// The tokens of the strings given to [`Restorer::for_strings`], in the
/// order given, each with its word id (`u32::MAX` for a token that is no
/// word of the document), so that restoring them need not scan them and look
/// their words up again.
#[derive(Debug, Default)]
pub(crate) struct StringTokens {
    toks: Vec<Token>,
    ids: Vec<u32>,
    /// Per string: its length, and where its tokens end in `toks`.
    strings: Vec<(usize, usize)>,
    /// The string [`Restorer::restore_next_in_place`] restores next.
    next: usize,
}

/// What the whole document shows: the forms that stand intact, and how much
/// of it lost its diacritics.
#[derive(Debug)]
struct Evidence {
    /// Folded keys of the intact forms, to their index in `intact`.
    intact_keys: index::WordIndex,
    /// The hashes of `intact_keys`: most words have no intact form.
    intact_filter: index::Filter,
    /// Per intact key: (slot code, count).
    intact: Vec<(u64, u32)>,
    /// Estimated share of diacritics the document lost, 0..1.
    loss: f32,
}

/// Restores the words of one document, using what the whole document shows.
///
/// Made once per document: it reads every word, keeps the forms that stand
/// intact (so `Nyström` in one place restores `Nystrom` in another), and
/// estimates how much of the text lost its diacritics, so that a clean
/// document is left alone while a stripped one is restored throughout.
///
/// ```
/// let doc = "Handlaggare: Jonas Nyström\n\nJonas Nystrom skriver att arendet ar klart.";
/// let lex = beslut::Lexicon::builtin();
/// let r = beslut::Restorer::new(lex, doc);
/// let at = doc.find("Jonas Nystrom").unwrap();
/// let out = r.restore(&doc[at..], at);
/// assert_eq!(out.text, "Jonas Nyström skriver att ärendet är klart.");
/// assert_eq!(out.changes[0].span, beslut::Span::new(at + 6, at + 13));
/// assert_eq!(r.restore_str("HANDLAGGARE"), "HANDLÄGGARE");
/// ```
#[derive(Debug)]
pub struct Restorer<'l> {
    lexicon: &'l Lexicon,
    /// Each distinct word of the document, to its index in `plans`.
    index: index::WordIndex,
    plans: Vec<Plan>,
    /// The new spellings and choices `plans` point into.
    forms: Spellings,
    evidence: Evidence,
    /// Words of the document, and how many nothing recognizes.
    quality: OcrQuality,
    /// Word tokens of the document whose plan may change them: the most
    /// changes restoring it can make, so their list is allocated once.
    changing: usize,
}

/// Below this estimated loss a document counts as clean: plain words without
/// visible noise are then taken as written unless the lexicon leaves no doubt.
const CLEAN_LOSS: f32 = 0.3;

impl<'l> Restorer<'l> {
    /// Read `document` and prepare to restore it (or any part of it).
    pub fn new(lexicon: &'l Lexicon, document: &str) -> Self {
        // Read as a stream: the tokens are not needed again.
        let index = read_words(document, scan::Stream::new(document), None);
        Self::build(lexicon, index, None)
    }

    /// [`Restorer::new`] for a caller that restores only some strings of
    /// the model: `strings` passes each of them, in the order they will be
    /// restored by [`Restorer::restore_next_in_place`], to the function it
    /// is given. Only the words of those strings are planned, and their plans
    /// are the ones [`Restorer::new`] makes; the document's evidence and its
    /// [`Restorer::ocr_quality`] are the same. The strings' tokens and word
    /// ids are kept, so restoring them does not scan them again. It serves
    /// those strings only: the document's other words have no plan, so
    /// [`Restorer::restore_str`] of anything else would leave them as written.
    pub(crate) fn for_strings(
        lexicon: &'l Lexicon,
        document: &str,
        strings: impl FnOnce(&mut dyn FnMut(&str)),
    ) -> (Self, StringTokens) {
        let index = read_words(document, scan::Stream::new(document), None);
        let mut wanted = vec![false; index.distinct()];
        // Room for what a decision's strings hold (a few dozen words in
        // some twenty strings): grown now and then, not string by string.
        let mut known = StringTokens {
            toks: Vec::with_capacity(64),
            ids: Vec::with_capacity(64),
            strings: Vec::with_capacity(32),
            next: 0,
        };
        strings(&mut |s: &str| {
            for t in scan::Stream::new(s) {
                let w = s.as_bytes().get(t.start..t.end).filter(|_| t.kind == Kind::Word);
                // A word the document lacks is judged when it is restored.
                let id = w.and_then(|w| index.get_bytes(w, index::hash_bytes(w)));
                if let Some(x) = id.and_then(|id| wanted.get_mut(id as usize)) {
                    *x = true;
                }
                known.toks.push(t);
                known.ids.push(id.unwrap_or(u32::MAX));
            }
            known.strings.push((s.len(), known.toks.len()));
        });
        (Self::build(lexicon, index, Some(&wanted)), known)
    }

    /// [`Restorer::new`], keeping the document's tokens and their word ids:
    /// one scan serves both reading the document and restoring it, or the
    /// texts copied out of it ([`Restorer::restore_copy_in_place`]).
    pub(crate) fn with_tokens(lexicon: &'l Lexicon, document: &str) -> (Self, DocTokens) {
        Self::with_tokens_below(lexicon, document, usize::MAX)
    }

    /// [`Restorer::with_tokens`], keeping the tokens of a document shorter
    /// than `limit` bytes whose offsets [`DocToken`] holds (up to 4 GiB); a
    /// longer one is read as [`Restorer::new`] reads it, its tokens not kept.
    fn with_tokens_below(lexicon: &'l Lexicon, document: &str, limit: usize) -> (Self, DocTokens) {
        if document.len() >= limit || u32::try_from(document.len()).is_err() {
            let index = read_words(document, scan::Stream::new(document), None);
            return (Self::build(lexicon, index, None), DocTokens::default());
        }
        let mut toks = Vec::with_capacity(document.len() / 6);
        // Kept as they are read: one pass over the tokens, not a second one
        // over a list of them.
        let note = |t, id| toks.push(DocToken::narrow(t, id));
        let index = read_noting(document, scan::Stream::new(document), note);
        let r = Self::build(lexicon, index, None);
        (r, DocTokens { toks, kept: true })
    }

    /// Judge the distinct words of the document that `index` read, and plan
    /// them all, or with `wanted` only the words it marks.
    fn build(lexicon: &'l Lexicon, index: index::WordIndex, wanted: Option<&[bool]>) -> Self {
        // Bytes: most words are never read as a `str`, whose check cost more
        // than the rest of what asked for the word.
        let word = |i: usize| index.bytes_and_hash(i as u32).0;
        let (evidence, quality, plans, forms) = lexicon.judge_all(&index, |judged| {
            let mut intact_keys = index::WordIndex::with_capacity(judged.len() / 4 + 8);
            let mut intact_filter = index::Filter::default();
            let mut intact: Vec<(u64, u32)> = Vec::with_capacity(judged.len() / 4 + 8);
            let (mut seen_intact, mut seen_lost) = (0u32, 0u32);
            // The same count `ocr_quality` makes (see `OcrQuality::tally`),
            // for free: every word is judged here anyway.
            let mut quality = OcrQuality::default();
            for (j, count) in judged.iter().zip(index.counts()) {
                quality.words += count as usize;
                let Some(f) = &j.facts else {
                    quality.unrecognized += count as usize;
                    continue;
                };
                let v = &j.verdict;
                if matches!(v, Verdict::Unknown) {
                    quality.unrecognized += count as usize;
                }
                if f.intact != 0 && !matches!(v, Verdict::Fix { .. }) {
                    seen_intact = seen_intact.saturating_add(count);
                    let id = intact_keys.intern_hashed(&f.key, f.key_hash) as usize;
                    intact_filter.insert(f.key_hash);
                    if id == intact.len() {
                        intact.push((f.intact, 0));
                    }
                    if let Some(e) = intact.get_mut(id) {
                        if e.0 == f.intact {
                            e.1 = e.1.saturating_add(count);
                        } else if count > e.1 {
                            *e = (f.intact, count);
                        }
                    }
                }
                match v {
                    // Ambiguous keys say nothing about loss: `for` may be the verb.
                    Verdict::Plain(e, _)
                        if e.code != 0 && e.best_share >= 121 && !f.key_contextual =>
                    {
                        seen_lost = seen_lost.saturating_add(count)
                    }
                    Verdict::Fix { plain: false, .. } => {
                        seen_lost = seen_lost.saturating_add(count)
                    }
                    _ => {}
                }
            }
            // Smoothed towards 0.5 by one observation, so a short text is not judged on a word or two.
            let loss = (seen_lost as f32 + 0.5) / (seen_lost as f32 + seen_intact as f32 + 1.0);
            let evidence = Evidence { intact_keys, intact_filter, intact, loss };
            // Room for a new spelling of most words: grown a few times at most.
            let mut forms =
                Spellings { text: String::with_capacity(judged.len() * 8), choices: Vec::new() };
            if let Some(wanted) = wanted {
                let plans = evidence.plan_wanted(&word, judged, wanted, &mut forms);
                return (evidence, quality, plans, forms);
            }
            // Noted on the way, for the twins: the words that change, and
            // the keys of those kept that may follow a twin.
            let mut twins = Twins::default();
            let mut plans: Vec<Plan> = judged
                .iter()
                .enumerate()
                .map(|(i, j)| {
                    let p = evidence.plan(|| word(i), j, &mut forms);
                    twins.note(i, &p, j);
                    p
                })
                .collect();
            spell_twins_alike(&word, judged, &mut plans, (twins, &mut forms.text));
            (evidence, quality, plans, forms)
        });
        // Only room to make for a list of changes: the strings of a
        // restorer for some strings are restored without one.
        let changing = match wanted {
            Some(_) => 0,
            None => index
                .counts()
                .zip(&plans)
                .filter(|(_, p)| !matches!(p.outcome, Outcome::Keep))
                .map(|(c, _)| c as usize)
                .sum(),
        };
        Restorer { lexicon, index, plans, forms, evidence, quality, changing }
    }

    /// The document's words and how many of them nothing recognizes: the
    /// figure [`ocr_quality`] gives, counted while reading the document.
    ///
    /// ```
    /// let lex = beslut::Lexicon::builtin();
    /// let text = "Förslag till beslut xqzzyv";
    /// assert_eq!(beslut::Restorer::new(lex, text).ocr_quality(), beslut::ocr_quality(text, lex));
    /// ```
    pub fn ocr_quality(&self) -> OcrQuality {
        self.quality
    }

    /// The estimated share of the document's diacritics that OCR lost (0..1).
    ///
    /// ```
    /// let lex = beslut::Lexicon::builtin();
    /// assert!(beslut::Restorer::new(lex, "Förslag till beslut för kännedom").diacritic_loss() < 0.3);
    /// assert!(beslut::Restorer::new(lex, "Forslag till beslut for kannedom").diacritic_loss() > 0.7);
    /// ```
    pub fn diacritic_loss(&self) -> f32 {
        self.evidence.loss
    }

    /// Restore `text`, a part of the document (or any text); change spans are
    /// `base` plus the byte offset in `text`.
    pub fn restore(&self, text: &str, base: usize) -> Restoration {
        self.restore_recording(text, base, true)
    }

    /// [`Restorer::restore`], keeping the list of changes only when `record`:
    /// a caller that wants just the text saves two strings per change.
    fn restore_recording(&self, text: &str, base: usize, record: bool) -> Restoration {
        let (new_text, changes) = self.rewrite(text, base, record, &mut String::new());
        Restoration { text: new_text.unwrap_or_else(|| text.to_string()), changes }
    }

    /// The text with its words restored, `None` when no word changes, and
    /// the changes when `record`. The new text is written into `spare` when
    /// it has the room (see [`Rendering::new`]); `spare` is left as it was
    /// when no word changes.
    fn rewrite(
        &self,
        text: &str,
        base: usize,
        record: bool,
        spare: &mut String,
    ) -> (Option<String>, Vec<Change>) {
        let bytes = text.as_bytes();
        let mut tokens = scan::Stream::new(text);
        // Most strings of the model (names, titles, headings) are a few words
        // the document has and keeps. The tokens up to the first word that
        // may change are passed over in a lean loop, without the renderer's
        // neighbours and plans; a string with none such is done there.
        let mut prev = None;
        let first = loop {
            let t = tokens.next();
            let Some(t) = t else { return (None, Vec::new()) };
            if t.kind == Kind::Word && !self.keeps(bytes, t) {
                break t;
            }
            prev = Some(t);
        };
        // A part of the document has at most the document's changes.
        let most = if record { self.changing.min(text.len() / 2) } else { 0 };
        self.render(text, base, (prev, first), tokens, (record, most), spare)
    }

    /// Whether word token `t` of `text` is a word of the document whose plan
    /// keeps it. A word the document lacks is not known to be kept: it has
    /// to be judged.
    #[inline(always)]
    fn keeps(&self, text: &[u8], t: Token) -> bool {
        let Some(w) = text.get(t.start..t.end) else { return false };
        let id = self.index.get_bytes(w, index::hash_bytes(w));
        id.and_then(|id| self.plans.get(id as usize))
            .is_some_and(|p| matches!(p.outcome, Outcome::Keep))
    }

    /// The plan for a word the document does not have, judged on the spot
    /// with the document's evidence, and the arena its spellings are in.
    fn plan_elsewhere(&self, s: &str, h: u64) -> (Plan, Spellings) {
        self.lexicon.judge(s, h, |j| {
            let mut arena = Spellings::default();
            let plan = self.evidence.plan(|| s.as_bytes(), j, &mut arena);
            (plan, arena)
        })
    }

    /// Write `text` with each word token's outcome applied, from token
    /// `first` (after `prev`) on, the tokens after it coming from `tokens`:
    /// the new text (`None` when no word changed) and, when recording, the
    /// changes.
    fn render(
        &self,
        text: &str,
        base: usize,
        (mut prev, first): (Option<Token>, Token),
        tokens: impl Iterator<Item = Token>,
        // Whether to list the changes, and how many to make room for.
        record: (bool, usize),
        spare: &mut String,
    ) -> (Option<String>, Vec<Change>) {
        let mut w = Rendering::new(text, base, record, std::mem::take(spare));
        let mut tokens = tokens.peekable();
        // `first` is taken first, then the rest; not as one chained
        // iterator, whose every step was a call that kept the scanner from
        // being inlined.
        let mut t = first;
        loop {
            let before = prev;
            prev = Some(t);
            'word: {
                if t.kind != Kind::Word {
                    break 'word;
                }
                let s = &text[t.start..t.end];
                let h = index::hash(s);
                let own;
                let (p, arena) = match self.index.get_hashed(s, h) {
                    Some(id) => match self.plans.get(id as usize) {
                        Some(p) => (p, &self.forms),
                        None => break 'word,
                    },
                    None => {
                        own = self.plan_elsewhere(s, h);
                        (&own.0, &own.1)
                    }
                };
                let around = || (before, tokens.peek().copied());
                if let Some(new) = self.respell(text, t, around, p, arena) {
                    w.put(t, s, new);
                }
            }
            match tokens.next() {
                Some(n) => t = n,
                None => break,
            }
        }
        w.finish_into(spare)
    }

    /// [`Restorer::render`] of the whole document read by [`Restorer::build`]
    /// with `ids`: each token's plan is known by place, so the tokens whose
    /// plan keeps them (most) cost a look at their plan and nothing more.
    fn render_document(&self, text: &str, toks: &[DocToken]) -> (Option<String>, Vec<Change>) {
        let mut w = Rendering::new(text, 0, (true, self.changing), String::new());
        for (i, &t) in toks.iter().enumerate() {
            // Non-words have no plan.
            let Some(p) = self.plans.get(t.id as usize) else { continue };
            if matches!(p.outcome, Outcome::Keep) {
                continue;
            }
            let t = t.wide();
            let around = || {
                let before = i.checked_sub(1).and_then(|j| toks.get(j)).map(|x| x.wide());
                (before, toks.get(i + 1).map(|x| x.wide()))
            };
            if let Some(new) = self.respell(text, t, around, p, &self.forms) {
                w.put(t, &text[t.start..t.end], new);
            }
        }
        w.finish()
    }

    /// The whole document this restorer was made from with
    /// [`Restorer::with_tokens`] (its tokens `doc`), rendered by its tokens,
    /// or scanned as a string when they were not kept: the same result.
    fn render_whole(&self, text: &str, doc: &DocTokens) -> (Option<String>, Vec<Change>) {
        if doc.kept {
            self.render_document(text, &doc.toks)
        } else {
            self.rewrite(text, 0, true, &mut String::new())
        }
    }

    /// The spelling plan `p` (its spellings in `arena`) gives word token `t`
    /// among its `neighbours` (the tokens before and after it), with why
    /// and how sure; `None` to keep it. The neighbours are asked for only
    /// when the context decides.
    fn respell<'a>(
        &self,
        text: &str,
        t: Token,
        neighbours: impl FnOnce() -> (Option<Token>, Option<Token>),
        p: &Plan,
        arena: &'a Spellings,
    ) -> Option<(&'a str, Route, f32)> {
        // The line is looked at only when the word would change.
        if matches!(p.outcome, Outcome::Keep) || (p.acronym && !in_capital_line(text, t)) {
            return None;
        }
        match p.outcome {
            Outcome::Keep => None,
            Outcome::Change { new, route, confidence, .. } => {
                Some((new.get(&arena.text)?, route, confidence))
            }
            Outcome::Context(k) => {
                // By reference: its forms are most of its size.
                let Choice { key, default, forms, n } = arena.choices.get(k)?;
                let forms = forms.get(..usize::from(*n)).unwrap_or(&[]);
                let arena = arena.text.as_str();
                let (before, next) = neighbours();
                match self.in_context(text, t, before, next, key, forms) {
                    Some(new) => Some((new.get(arena)?, Route::Context, 0.75)),
                    None => {
                        let (new, c) = (*default)?;
                        Some((new.get(arena)?, Route::Lexicon, c))
                    }
                }
            }
        }
    }

    /// The form the neighbours of `t`, whose folded key is `key`, call for, spelled in its case.
    fn in_context(
        &self,
        text: &str,
        t: Token,
        prev: Option<Token>,
        next: Option<Token>,
        key: &[u8],
        forms: &[(&'static str, Piece)],
    ) -> Option<Piece> {
        let mut prev_buf = [0u8; 24];
        let mut next_buf = [0u8; 24];
        // Bytes, not `str`s: tokens stand on char boundaries, and checking
        // them as such cost as much as reading the gaps.
        let b = text.as_bytes();
        let gap_ok = |from: usize, to: usize| b.get(from..to).is_some_and(|g| !breaks_sentence(g));
        let prev = prev.filter(|p| gap_ok(p.end, t.start));
        let next = next.filter(|n| gap_ok(t.end, n.start));
        let nb = context::Neighbours {
            prev: prev.and_then(|p| fold_into(b.get(p.start..p.end)?, &mut prev_buf)),
            // Folded only for the rules that read it.
            next: next
                .filter(|_| context::reads_next(key))
                .and_then(|n| fold_into(b.get(n.start..n.end)?, &mut next_buf)),
            prev_number: prev.is_some_and(|p| p.kind == Kind::Number),
            next_number: next.is_some_and(|n| n.kind == Kind::Number && n.end - n.start == 4),
        };
        let form = context::choose(key, &nb)?;
        forms.iter().find(|f| f.0 == form).map(|f| f.1)
    }

    /// Restore one string of the model (a title, a name, a heading) on its own
    /// terms, using this document's evidence.
    pub fn restore_str(&self, s: &str) -> String {
        self.restore_recording(s, 0, false).text
    }

    /// [`Restorer::restore_str`] in place: a string with nothing to restore
    /// is left as it is, without a copy. A changed string is written into
    /// `spare` when it has the room, and its old text becomes the `spare`
    /// of the next: a caller restoring many strings passes one buffer to all.
    pub(crate) fn restore_in_place(&self, s: &mut String, spare: &mut String) {
        if let (Some(new), _) = self.rewrite(s, 0, false, spare) {
            *spare = std::mem::replace(s, new);
        }
    }

    /// [`Restorer::restore_in_place`] of the next of the strings given to
    /// [`Restorer::for_strings`] (whose tokens are `known`), by the tokens
    /// and word ids read then: the result is the one a [`Restorer::new`]
    /// gives. The caller passes the strings given, unchanged and in order;
    /// only their length is checked. A string of another length is scanned
    /// anew, but this restorer planned only the words given, so any other
    /// word of the document in it is left as written.
    /// `spare` is as for [`Restorer::restore_in_place`].
    pub(crate) fn restore_next_in_place(
        &self,
        s: &mut String,
        known: &mut StringTokens,
        spare: &mut String,
    ) {
        let k = known.next;
        known.next += 1;
        let start = k.checked_sub(1).and_then(|p| known.strings.get(p)).map_or(0, |e| e.1);
        let given =
            known.strings.get(k).filter(|e| e.0 == s.len()).and_then(|&(_, end)| {
                Some((known.toks.get(start..end)?, known.ids.get(start..end)?))
            });
        let Some((toks, ids)) = given else { return self.restore_in_place(s, spare) };
        let mut w = Rendering::new(s, 0, (false, 0), std::mem::take(spare));
        for (i, (&id, &t)) in ids.iter().zip(toks).enumerate() {
            let Some(word) = s.get(t.start..t.end).filter(|_| t.kind == Kind::Word) else {
                continue;
            };
            let mut own = None;
            let (p, arena) = self.plan_by_id(id, word, &mut own);
            let around = || {
                let before = i.checked_sub(1).and_then(|j| toks.get(j)).copied();
                (before, toks.get(i + 1).copied())
            };
            if let Some(new) = self.respell(s, t, around, p, arena) {
                w.put(t, word, new);
            }
        }
        if let (Some(new), _) = w.finish_into(spare) {
            *spare = std::mem::replace(s, new);
        }
    }

    /// The plan of word `s` of a text, whose id is `id`, and the arena its
    /// spellings are in: a word the document lacks (no plan has its id) is
    /// judged on the spot, into `own`.
    #[inline(always)]
    fn plan_by_id<'a>(
        &'a self,
        id: u32,
        s: &str,
        own: &'a mut Option<(Plan, Spellings)>,
    ) -> (&'a Plan, &'a Spellings) {
        match self.plans.get(id as usize) {
            Some(p) => (p, &self.forms),
            None => {
                let (p, arena) = own.insert(self.plan_elsewhere(s, index::hash(s)));
                (p, arena)
            }
        }
    }

    /// [`Restorer::restore_in_place`] of a text copied out of
    /// `source[from..to]`, the document this restorer was made with
    /// [`Restorer::with_tokens`] (whose tokens are `doc`): what the copy has
    /// of the source is read by the document's tokens, not scanned and
    /// looked up again. The result is the same. `scratch` holds the copy's
    /// words to render, and is kept from one copy to the next.
    pub(crate) fn restore_copy_in_place(
        &self,
        s: &mut String,
        (source, from, to): (&str, usize, usize),
        doc: &DocTokens,
        scratch: &mut CopyWords,
    ) {
        let w = Rendering::new(s, 0, (false, 0), std::mem::take(&mut scratch.spare));
        let mut copy = CopyRendering { r: self, w, waiting: None };
        if !self.copy_words(s, (source, from, to), doc, (scratch, &mut copy)) {
            scratch.spare = copy.w.out;
            return self.restore_in_place(s, &mut scratch.spare);
        }
        let changed;
        (changed, scratch.spare, _) = copy.finish().finish_spare();
        // The copy's old text is the buffer the next copy is written into.
        if changed {
            std::mem::swap(s, &mut scratch.spare);
        }
    }
}

/// A copy out of the document being written as [`Restorer::copy_words`]
/// gives its words: each is rendered as it comes (or, when it waits for the
/// token after it, as that one comes), not listed and read again.
struct CopyRendering<'r, 'l, 't> {
    r: &'r Restorer<'l>,
    w: Rendering<'t>,
    /// The word that waits for the token after it: its token and id, and
    /// the token before it.
    waiting: Option<(Token, u32, Option<Token>)>,
}

impl copies::CopySink for CopyRendering<'_, '_, '_> {
    #[inline(always)]
    fn word(&mut self, t: Token, id: u32, plan: Option<&Plan>, around: Option<copies::Neighbours>) {
        // Most words change by the lexicon alone, whatever their neighbours
        // and their line ([`Restorer::respell`]): written here, in the walk's
        // loop, without the call for the others.
        if let Some(&Plan {
            outcome: Outcome::Change { new, route, confidence, .. },
            acronym: false,
        }) = plan
        {
            let text = self.w.text;
            if let (Some(s), Some(new)) = (text.get(t.start..t.end), new.get(&self.r.forms.text)) {
                self.w.put(t, s, (new, route, confidence));
            }
            return;
        }
        match around {
            Some((prev, None)) => self.waiting = Some((t, id, prev)),
            _ => self.render(t, plan, around.unwrap_or((None, None))),
        }
    }

    #[inline]
    fn next(&mut self, t: Token) {
        if let Some((w, id, prev)) = self.waiting.take() {
            self.render(w, self.r.plans.get(id as usize), (prev, Some(t)));
        }
    }
}

impl<'t> CopyRendering<'_, '_, 't> {
    /// Write word token `t` as its plan (`None` for a word the document
    /// lacks, judged on the spot) spells it among `around`.
    #[inline(never)]
    fn render(&mut self, t: Token, plan: Option<&Plan>, around: copies::Neighbours) {
        let (r, text) = (self.r, self.w.text);
        let Some(s) = text.get(t.start..t.end) else { return };
        let own;
        let (p, arena) = match plan {
            Some(p) => (p, &r.forms),
            None => {
                own = r.plan_elsewhere(s, index::hash(s));
                (&own.0, &own.1)
            }
        };
        if let Some(new) = r.respell(text, t, || around, p, arena) {
            self.w.put(t, s, new);
        }
    }

    /// The rendering, with the word that waited for a token after it and
    /// found none (the copy's last) written.
    fn finish(mut self) -> Rendering<'t> {
        if let Some((w, id, prev)) = self.waiting.take() {
            self.render(w, self.r.plans.get(id as usize), (prev, None));
        }
        self.w
    }
}

impl Evidence {
    /// The index of the intact form of `f`'s key, if the document has one.
    #[inline(always)]
    fn intact_id(&self, f: &Facts) -> Option<u32> {
        if !self.intact_filter.may_hold(f.key_hash) {
            return None;
        }
        self.intact_keys.get_hashed(&f.key, f.key_hash)
    }

    /// The plan for the word `s()`, judged `j`; new spellings go to `arena`.
    /// The word is asked for only when its spelling matters: most plans
    /// need no more than the judgement.
    #[inline]
    fn plan<'s>(&self, s: impl Fn() -> &'s [u8] + Copy, j: &Judged, arena: &mut Spellings) -> Plan {
        match &j.facts {
            // A word with nothing to restore (most words) stays as written
            // unless an intact form of its key stands in the document: none
            // does for most of them, and a word with a diacritic or OCR noise
            // does not follow one (doc_form is silent for both). A contextual
            // word, which is plain, has its choice made in decide.
            Some(f)
                if matches!(j.verdict, Verdict::Keep | Verdict::Unknown)
                    && !f.contextual
                    && (!f.plain || self.intact_id(f).is_none()) =>
            {
                Plan { outcome: Outcome::Keep, acronym: f.acronym }
            }
            Some(f) => Plan { outcome: self.decide(s, &j.verdict, f, arena), acronym: f.acronym },
            None => KEEP,
        }
    }

    /// The plans [`Restorer::build`] makes for the words `wanted` marks,
    /// [`KEEP`] for the others, which are not to be asked for: a caller that
    /// restores a few strings of the document pays for planning their words,
    /// not all of it. A wanted word that may follow a restored twin
    /// ([`spell_twins_alike`]) needs the first changed word whose new
    /// spelling shares its key: only the words whose own or verdict's key
    /// (see [`with_twin`]) is one of those keys are planned to find it.
    fn plan_wanted<'w>(
        &self,
        word: &impl Fn(usize) -> &'w [u8],
        judged: &[&Judged],
        wanted: &[bool],
        arena: &mut Spellings,
    ) -> Vec<Plan> {
        let mut plans = vec![KEEP; judged.len()];
        // The wanted words that may follow a twin, and their keys tabled.
        // The filter of the keys has 4096 bits: every word it lets through
        // is planned, and the words 256 bits let through by chance cost
        // more to plan than the larger filter costs to clear.
        let mut follow: Vec<(u32, u32)> = Vec::new();
        let mut keys = index::WordIndex::default();
        let mut filter: index::Filter<64> = index::Filter::default();
        for (i, (&j, _)) in judged.iter().zip(wanted).enumerate().filter(|(_, (_, w))| **w) {
            let p = self.plan(|| word(i), j, arena);
            if let Some(f) = follows(&p, j) {
                follow.push((i as u32, keys.intern_hashed(&f.key, f.key_hash)));
                filter.insert(f.key_hash);
            }
            if let Some(slot) = plans.get_mut(i) {
                *slot = p;
            }
        }
        if follow.is_empty() {
            return plans;
        }
        // Per key: the slot codes of its first changed twin, in word order.
        let mut codes: Vec<Option<u64>> = vec![None; keys.distinct()];
        for (x, &j) in judged.iter().enumerate() {
            let Some(f) = &j.facts else { continue };
            if !filter.may_hold(f.key_hash) && !j.twin().is_some_and(|t| filter.may_hold(t.hash)) {
                continue;
            }
            let Some(p) = plans.get_mut(x) else { continue };
            // A wanted word is planned already (a follower's plan is still its own).
            if !wanted.get(x).copied().unwrap_or(false) {
                *p = self.plan(|| word(x), j, arena);
            }
            with_twin(p, j, &arena.text, |key, h, code| {
                if let Some(c @ None) =
                    keys.get_hashed(key, h).and_then(|id| codes.get_mut(id as usize))
                {
                    *c = Some(code);
                }
            });
        }
        for (i, id) in follow {
            let Some(&Some(code)) = codes.get(id as usize) else { continue };
            if let (Some(o), Some(p)) =
                (twin_outcome(word(i as usize), code, &mut arena.text), plans.get_mut(i as usize))
            {
                p.outcome = o;
            }
        }
        plans
    }

    /// What an intact form of the key of `s` elsewhere in the document says
    /// about its spelling; a differing spelling is appended to `arena`.
    /// `known` is a spelling of `s` already made, with the slot codes it was
    /// made with: when the intact form has those codes, it is the answer
    /// without reading and spelling the word again.
    fn doc_form<'s>(
        &self,
        s: impl Fn() -> &'s [u8],
        f: &Facts,
        known: Option<(u64, &str)>,
        arena: &mut String,
    ) -> DocForm {
        if !f.plain {
            return DocForm::Silent;
        }
        let Some(id) = self.intact_id(f) else {
            return DocForm::Silent;
        };
        // A plain spelling that is itself a word (`hall` beside `håll`) yields to
        // the intact form only where the document has lost its diacritics.
        if self.loss < CLEAN_LOSS && f.plain_is_word {
            return DocForm::Silent;
        }
        let Some(&(code, _)) = self.intact.get(id as usize) else {
            return DocForm::Silent;
        };
        let s = s();
        if let Some((known_code, spelled)) = known
            && known_code == code
        {
            if spelled.as_bytes() == s {
                return DocForm::Same;
            }
            return DocForm::Differs(Piece::put(arena, spelled));
        }
        // Read as a `str` only here, where the word is spelled anew.
        let Some(w) = std::str::from_utf8(s).ok().and_then(Word::read) else {
            return DocForm::Silent;
        };
        let start = arena.len();
        w.render_into(code, arena);
        let new = Piece { start, end: arena.len() };
        if new.get(arena).map(str::as_bytes) == Some(s) {
            new.take_back(arena);
            return DocForm::Same;
        }
        DocForm::Differs(new)
    }

    /// Weigh a word's verdict against the document's evidence.
    fn decide<'s>(
        &self,
        s: impl Fn() -> &'s [u8] + Copy,
        v: &Verdict,
        f: &Facts,
        spellings: &mut Spellings,
    ) -> Outcome {
        let contextual = f.contextual;
        let choice = |spellings: &mut Spellings, default| {
            // Every contextual word's key is one of the keys context knows.
            let Some(key) = context::contextual_key(f.key.as_bytes()) else {
                return Outcome::Keep;
            };
            let mut forms = [("", Piece { start: 0, end: 0 }); 2];
            let mut n = 0;
            for (slot, (form, spelled)) in forms.iter_mut().zip(f.forms.iter()) {
                *slot = (*form, Piece::put(&mut spellings.text, spelled));
                n += 1;
            }
            spellings.choices.push(Choice { key, default, forms, n });
            Outcome::Context(spellings.choices.len() - 1)
        };
        let arena = &mut spellings.text;
        match v {
            Verdict::Keep if contextual => choice(spellings, None),
            Verdict::Keep | Verdict::Unknown => match self.doc_form(s, f, None, arena) {
                DocForm::Differs(new) => {
                    Outcome::Change { new, route: Route::Document, confidence: 0.8, verdict: false }
                }
                DocForm::Same | DocForm::Silent => Outcome::Keep,
            },
            Verdict::Plain(e, best_form) => {
                let p = self.loss;
                let (best, plain) = (e.best_share(), e.plain_share());
                let take = best * p >= plain;
                let confidence = (best * p / (best * p + plain).max(1e-6)).min(1.0);
                if contextual {
                    let default = take.then(|| (Piece::put(arena, best_form), confidence));
                    return choice(spellings, default);
                }
                // The lexicon's best form was spelled with `e.code`: the usual
                // intact form, which then needs no spelling of its own.
                if let DocForm::Differs(new) = self.doc_form(s, f, Some((e.code, best_form)), arena)
                {
                    let agrees = new.get(arena) == Some(&**best_form);
                    return Outcome::Change {
                        new,
                        route: if agrees { Route::Lexicon } else { Route::Document },
                        confidence: if agrees { confidence.max(0.9) } else { 0.8 },
                        verdict: agrees,
                    };
                }
                if take {
                    Outcome::Change {
                        new: Piece::put(arena, best_form),
                        route: Route::Lexicon,
                        confidence,
                        verdict: true,
                    }
                } else {
                    Outcome::Keep
                }
            }
            Verdict::Fix { new, route, confidence, plain } => {
                match self.doc_form(s, f, None, arena) {
                    DocForm::Same => return Outcome::Keep,
                    DocForm::Differs(doc) => {
                        let agrees = doc.get(arena) == Some(&**new);
                        return Outcome::Change {
                            route: if agrees { *route } else { Route::Document },
                            new: doc,
                            confidence: 0.8,
                            verdict: agrees,
                        };
                    }
                    DocForm::Silent => {}
                }
                if *plain && self.loss < CLEAN_LOSS {
                    Outcome::Keep
                } else {
                    Outcome::Change {
                        new: Piece::put(arena, new),
                        route: *route,
                        confidence: *confidence,
                        verdict: true,
                    }
                }
            }
        }
    }
}

/// What [`spell_twins_alike`] needs of the plans, noted as they are made.
#[derive(Default)]
struct Twins {
    /// The ids of the words whose plan changes them, each with the hash of
    /// its twin's key when the judgement keeps it (see [`with_twin`]): most
    /// changed words have no kept word that may follow them, which the hash
    /// tells apart without going back to their plan and judgement.
    changed: Vec<(u32, Option<u64>)>,
    /// The keys of the words that may follow a twin: plain words kept as
    /// written. Most documents have none with a restored twin, so the
    /// restored keys are tabled only when a kept word may share them (4096
    /// bits tell most apart where the 256 of the table's own filter were full).
    kept: index::Filter<64>,
}

impl Twins {
    #[inline]
    fn note(&mut self, i: usize, p: &Plan, j: &Judged) {
        match p.outcome {
            Outcome::Change { verdict, .. } => {
                let twin = j.facts.as_ref().and_then(|f| f.twin.as_ref()).filter(|_| verdict);
                self.changed.push((i as u32, twin.map(|t| t.hash)));
            }
            Outcome::Keep => {
                if let Some(f) = follows(p, j) {
                    self.kept.insert(f.key_hash);
                }
            }
            Outcome::Context(_) => {}
        }
    }
}

/// The facts of a word that may follow a restored twin: a plain word kept as written.
#[inline]
fn follows<'j>(p: &Plan, j: &'j Judged) -> Option<&'j Facts> {
    j.facts.as_ref().filter(|f| !p.acronym && matches!(p.outcome, Outcome::Keep) && f.plain)
}

/// A word restored through what OCR made of it (`medborgarf0rslaget` →
/// `medborgarförslaget`) shows how its plain twin elsewhere in the document
/// (`medborgarforslaget`) is spelled. Without this, a clean-looking document
/// keeps the twin, and restoring the output again changes it: one pass must
/// already treat them alike.
fn spell_twins_alike<'w>(
    word: &impl Fn(usize) -> &'w [u8],
    judged: &[&Judged],
    plans: &mut [Plan],
    // What the plans noted, and the arena of the new spellings.
    (Twins { changed, kept }, forms): (Twins, &mut String),
) {
    // Folded key of each restored spelling a kept word may share, to its slot
    // codes (the first one wins), made at the first such key.
    let mut keys: Option<index::WordIndex> = None;
    // The keys tabled: a kept word not in it needs no probe.
    let mut filter: index::Filter = index::Filter::default();
    let mut codes: Vec<u64> = Vec::new();
    for &(i, twin) in &changed {
        // As the closure below begins, before reading the plan and the judgement.
        if twin.is_some_and(|h| !kept.may_hold(h)) {
            continue;
        }
        let (Some(p), Some(j)) = (plans.get(i as usize), judged.get(i as usize)) else { continue };
        with_twin(p, j, forms, |key, h, code| {
            if !kept.may_hold(h) {
                return;
            }
            filter.insert(h);
            // Sized for the changed words, so the table is neither grown word
            // by word nor larger than needed.
            let keys = keys.get_or_insert_with(|| index::WordIndex::with_capacity(changed.len()));
            if keys.intern_hashed(key, h) as usize == codes.len() {
                codes.push(code);
            }
        });
    }
    let Some(keys) = keys else { return };
    if codes.is_empty() {
        return;
    }
    for (i, (p, j)) in plans.iter_mut().zip(judged).enumerate() {
        let Some(f) = follows(p, j) else { continue };
        if !filter.may_hold(f.key_hash) {
            continue;
        }
        let Some(&code) = keys.get_hashed(&f.key, f.key_hash).and_then(|id| codes.get(id as usize))
        else {
            continue;
        };
        if let Some(o) = twin_outcome(word(i), code, forms) {
            p.outcome = o;
        }
    }
}

/// Call `f` with the folded key, its hash and the slot codes of the new
/// spelling plan `p` gives word `j` (its spellings in `forms`), the twin's
/// side of [`spell_twins_alike`]; `None` when the plan keeps the word, is an
/// acronym's, or spells what no word reads.
///
/// The key is the verdict's new spelling's (`j`'s facts keep it), or else the
/// word's own: a spelling the verdict did not make comes from an intact form
/// of the word's key ([`Evidence::doc_form`]), and it reads the same key.
/// [`Evidence::plan_wanted`] relies on that.
#[inline]
fn with_twin<R>(
    p: &Plan,
    j: &Judged,
    forms: &str,
    f: impl FnOnce(&str, u64, u64) -> R,
) -> Option<R> {
    let Outcome::Change { new, verdict, .. } = p.outcome else { return None };
    if p.acronym {
        return None;
    }
    // Most new spellings are the verdict's, whose key the memo keeps.
    if let Some(t) = j.facts.as_ref().and_then(|f| f.twin.as_ref()).filter(|_| verdict) {
        return Some(f(&t.key, t.hash, t.code));
    }
    let w = new.get(forms).and_then(Word::read)?;
    let key = std::str::from_utf8(w.key()).ok()?;
    Some(f(key, index::hash(key), w.intact_code()))
}

/// The outcome for a plain word `s` kept as written whose restored twin
/// is spelled with slot codes `code`, its spelling put in `forms`; `None`
/// when that spelling is the word's own.
fn twin_outcome(s: &[u8], code: u64, forms: &mut String) -> Option<Outcome> {
    let s = std::str::from_utf8(s).ok()?;
    let w = Word::read(s)?;
    let new = Piece { start: forms.len(), end: forms.len() };
    w.render_into(code, forms);
    let new = Piece { end: forms.len(), ..new };
    if new.get(forms) == Some(s) {
        new.take_back(forms);
        return None;
    }
    Some(Outcome::Change { new, route: Route::Document, confidence: 0.8, verdict: false })
}

/// Whether the line of `t` is set in capitals: no lower-case letter, and a
/// capital word of four or more letters (not a row of acronyms).
fn in_capital_line(text: &str, t: Token) -> bool {
    let start = text[..t.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[t.end..].find('\n').map_or(text.len(), |i| t.end + i);
    let line = &text[start..end];
    !line.chars().any(char::is_lowercase)
        && line.split(|c: char| !c.is_alphabetic()).any(|w| w.chars().count() >= 4)
}

/// Short all-capital words are acronyms (MDU, KS, SKR), not shouted words.
pub(crate) fn is_acronym(w: &Word) -> bool {
    w.key().len() <= 3 && w.as_written().chars().all(|c| !c.is_lowercase())
}

/// Whether the text between two words ends a sentence or clause for context:
/// sentence punctuation, brackets, quotes (" ” “) or a blank line.
fn breaks_sentence(b: &[u8]) -> bool {
    // Most gaps are one space: told without the loop.
    if b == b" " {
        return false;
    }
    let mut newlines = 0;
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'.' | b'!' | b'?' | b':' | b';' | b'(' | b')' | b'"' => return true,
            b'\n' => {
                newlines += 1;
                if newlines > 1 {
                    return true;
                }
            }
            // ” and “ are E2 80 9D and E2 80 9C.
            0xE2 if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x9C | 0x9D)) => {
                return true;
            }
            _ => {}
        }
    }
    false
}

/// Fold a neighbour into `buf` as [`crate::fold::fold_char`]
/// does, `é` to `e` too; `None` when it does not fold to at most 24 ASCII bytes.
/// Bytes, not a `str`: the context rules compare bytes, and checking the
/// folded bytes as UTF-8 again cost as much as folding them.
fn fold_into<'b>(bytes: &'b [u8], buf: &'b mut [u8; 24]) -> Option<&'b [u8]> {
    // Most words are lower-case ASCII already: their own fold.
    if lower_ascii(bytes) {
        return Some(bytes);
    }
    // Most others are ASCII with a capital (a sentence's first word), whose
    // fold is their lower case (fold_char's of an ASCII char): lowered in a
    // go, not a char at a time.
    if bytes.is_ascii() {
        let out = buf.get_mut(..bytes.len())?;
        out.copy_from_slice(bytes);
        out.make_ascii_lowercase();
        return Some(out);
    }
    fold_chars(bytes, buf)
}

/// [`fold_into`] of a word with a char past ASCII, a char at a time.
// Not inlined: the registers its loop takes were saved and restored on
// every call of [`fold_into`], most of which return without it.
#[inline(never)]
fn fold_chars<'b>(bytes: &'b [u8], buf: &'b mut [u8; 24]) -> Option<&'b [u8]> {
    let mut n = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // fold_char of an ASCII char is its lower case.
        let f = if b < 0x80 {
            i += 1;
            b.to_ascii_lowercase()
        } else {
            // Read as a `str` only here, the one char its first byte says:
            // read to the word's end, each char of it was checked again.
            let width = match b {
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                _ => 4,
            };
            let c = std::str::from_utf8(bytes.get(i..i + width)?).ok()?.chars().next()?;
            i += c.len_utf8();
            match crate::fold::fold_char(c) {
                'é' => b'e',
                f if f.is_ascii() => f as u8,
                _ => return None,
            }
        };
        *buf.get_mut(n)? = f;
        n += 1;
    }
    buf.get(..n)
}

/// Whether `b` is at most 24 bytes of ASCII without capitals, tested in a
/// few overlapping loads of eight bytes rather than byte by byte.
#[inline]
fn lower_ascii(b: &[u8]) -> bool {
    // Per byte of `x`: the high bit of `x`, or of a seven-bit byte in A..=Z
    // (`+ 0x3f` reaches 0x80 from `A`, `+ 0x25` from `[`; seven-bit bytes
    // cannot carry into their neighbours).
    fn not_lower_ascii(x: u64) -> u64 {
        const HIGH: u64 = 0x8080_8080_8080_8080;
        let y = x & !HIGH;
        let upper = (y + 0x3f3f_3f3f_3f3f_3f3f) & !(y + 0x2525_2525_2525_2525) & HIGH;
        (x & HIGH) | upper
    }
    let n = b.len();
    let x = match n {
        0 => return true,
        1..=3 => {
            let at = |i: usize| u64::from(b.get(i).copied().unwrap_or(0));
            at(0) | (at(n / 2) << 8) | (at(n - 1) << 16)
        }
        // Overlapping windows: every byte is in one of them.
        4..=8 => u64::from(index::load4(b, 0)) | (u64::from(index::load4(b, n - 4)) << 32),
        9..=16 => {
            return not_lower_ascii(index::load8(b, 0)) | not_lower_ascii(index::load8(b, n - 8))
                == 0;
        }
        17..=24 => {
            return not_lower_ascii(index::load8(b, 0))
                | not_lower_ascii(index::load8(b, 8))
                | not_lower_ascii(index::load8(b, n - 8))
                == 0;
        }
        _ => return false,
    };
    not_lower_ascii(x) == 0
}

/// The forms context may choose for `w`'s key, spelled in `w`'s case.
pub(crate) fn spell_forms(w: &Word) -> Box<[(&'static str, Box<str>)]> {
    context::forms(w.key()).iter().map(|&f| (f, w.render(form_code(f)).into_boxed_str())).collect()
}

/// Slot codes of a lower-case form (`år` → slot 0 = å).
pub(crate) fn form_code(form: &str) -> u64 {
    let mut code = 0;
    let mut slot = 0;
    for c in form.chars() {
        if let Some((b, k)) = lexicon::letter_code(c)
            && lexicon::is_slot(b)
        {
            if slot < lexicon::MAX_SLOTS {
                code |= u64::from(k) << (2 * slot);
            }
            slot += 1;
        }
    }
    code
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lower_ascii_test_agrees_with_bytewise() {
        let naive =
            |b: &[u8]| b.len() <= 24 && b.iter().all(|&c| c < 0x80 && !c.is_ascii_uppercase());
        let mut cases: Vec<Vec<u8>> = vec![vec![]];
        for n in 1..=26 {
            let base: Vec<u8> = (0..n).map(|i| b'a' + (i % 26) as u8).collect();
            cases.push(base.clone());
            for i in 0..n {
                for c in [b'A', b'Z', b'@', b'[', b'`', b'{', b'0', 0x7f, 0x80, 0xc3, 0xff] {
                    let mut v = base.clone();
                    v[i] = c;
                    cases.push(v);
                }
            }
        }
        for c in cases {
            assert_eq!(lower_ascii(&c), naive(&c), "{c:?}");
        }
    }

    #[test]
    fn restores_a_stripped_sentence_with_reasons() {
        let r = restore("Arendet galler kommunledningsforvaltningens bedomning.");
        assert_eq!(r.text, "Ärendet gäller kommunledningsförvaltningens bedömning.");
        assert!(r.changes.iter().all(|c| c.confidence > 0.0 && c.confidence <= 1.0));
    }

    #[test]
    fn leaves_numbers_codes_and_addresses() {
        let t = "Dnr KS-2024-00011, se www.enkoping.se eller skriv till asa.olsson@enkoping.se 2026-02-19.";
        let r = restore(t);
        assert_eq!(r.text, t);
        assert!(r.changes.is_empty());
    }

    #[test]
    fn spacing_and_punctuation_are_kept() {
        let t = " e Miljo- och byggnadsnamnden,  for kannedom\n¢ Tekniska namnden\n";
        let r = restore(t);
        assert_eq!(r.text, " e Miljö- och byggnadsnämnden,  för kännedom\n¢ Tekniska nämnden\n");
    }

    #[test]
    fn spans_point_at_the_old_words() {
        let t = "Sedan nagra ar har arbetet starkts.";
        let r = restore(t);
        for c in &r.changes {
            assert_eq!(&t[c.span.start..c.span.end], c.old);
        }
        assert_eq!(r.text, "Sedan några år har arbetet stärkts.");
    }

    #[test]
    fn a_clean_document_is_left_alone() {
        let t = "Han for hem. Hon har en hall. Vi tar ett val av ordförande, sedan är det klart. Förslaget gäller för år 2026.";
        let r = restore(t);
        assert!(r.changes.is_empty(), "{:?}", r.changes);
    }

    #[test]
    fn document_prior_restores_names() {
        let t = "Jonas Nyström skriver. Nystrom och Kvarno. Kvärnö gård, Kvärnö by.";
        let r = restore(t);
        assert!(r.text.contains("Nyström och Kvärnö."), "{}", r.text);
        let c = r.changes.iter().find(|c| c.old == "Kvarno").unwrap();
        assert_eq!(c.route, Route::Document);
        // Without the intact form elsewhere, the unknown name stays.
        assert_eq!(restore("Kvarno by").text, "Kvarno by");
    }

    #[test]
    fn context_decides_between_common_forms() {
        let r = restore("Syftet ar att skapa tre ar av arbete. Det ar val fungerande.");
        assert_eq!(r.text, "Syftet är att skapa tre år av arbete. Det är väl fungerande.");
        assert!(r.changes.iter().any(|c| c.route == Route::Context));
    }

    #[test]
    fn acronyms_are_not_words() {
        let r = restore("En forstudie med MDU och SKR. KS AR klar.");
        assert_eq!(r.text, "En förstudie med MDU och SKR. KS AR klar.");
    }

    #[test]
    fn short_words_in_a_capital_line_are_words() {
        let r = restore("AVGIFTER FOR AR 2026\nTAXA FOR BADHUS");
        assert_eq!(r.text, "AVGIFTER FÖR ÅR 2026\nTAXA FÖR BADHUS");
    }

    #[test]
    fn a_string_not_given_for_its_words_is_scanned_anew() {
        let doc = "Forslag till beslut om kannedom, sedan nagra ar.";
        let lex = Lexicon::builtin();
        let (r, mut known) = Restorer::for_strings(lex, doc, |ask| {
            ask("Forslag till beslut");
            ask("nagra");
        });
        let mut given = "Forslag till beslut".to_string();
        r.restore_next_in_place(&mut given, &mut known, &mut String::new());
        assert_eq!(given, "Förslag till beslut");
        // Not the string given second (its length differs): read again.
        // `nagra` was given and is restored; `ar`, a word of the document
        // that was not, keeps the plan that leaves it as written.
        let mut other = "nagra ar".to_string();
        r.restore_next_in_place(&mut other, &mut known, &mut String::new());
        assert_eq!(other, "några ar");
        assert_eq!(Restorer::new(lex, doc).restore_str("nagra ar"), "några år");
        // Past the strings given, too.
        let mut past = "Forslag".to_string();
        r.restore_next_in_place(&mut past, &mut known, &mut String::new());
        assert_eq!(past, "Förslag");
        assert_eq!(r.ocr_quality(), Restorer::new(lex, doc).ocr_quality());
    }

    /// Two misreadings of one plain word, `smàrta` (ä) and `smérta` (å),
    /// share its key: the first in the text decides how the plain word is
    /// respelled, as [`Restorer::new`] decides it (the review found that a
    /// "last one wins" planner passed every other test).
    #[test]
    fn the_first_twin_decides_a_plain_word_given_alone() {
        let lex = Lexicon::builtin();
        for (doc, want) in [
            ("Om smarta\n\nBakgrund\n\nsmàrta smérta\n", "Om smärta"),
            ("Om smarta\n\nBakgrund\n\nsmérta smàrta\n", "Om smårta"),
        ] {
            let (r, mut known) = Restorer::for_strings(lex, doc, |ask| ask("Om smarta"));
            let mut title = "Om smarta".to_string();
            r.restore_next_in_place(&mut title, &mut known, &mut String::new());
            assert_eq!(title, want, "{doc:?}");
            assert_eq!(Restorer::new(lex, doc).restore_str("Om smarta"), want, "{doc:?}");
        }
    }

    #[test]
    fn lexicon_and_restorer_can_be_shared_across_threads() {
        fn shared<T: Send + Sync>() {}
        shared::<Lexicon>();
        shared::<Restorer<'static>>();
        shared::<Restoration>();
    }

    #[test]
    fn ocr_quality_counts_unknown_words() {
        let q = ocr_quality("hallbarhet och xqzvw", Lexicon::builtin());
        assert_eq!(q, OcrQuality { words: 3, unrecognized: 1 });
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Text made of the pieces OCR'd Swedish is made of, so words form often.
    fn ocr_text() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "a", "o", "e", "d", "s", "t", "r", "n", "k", "l", "m", "g", "å", "ä", "ö", "Å", "Ä",
            "Ö", "é", "à", "A", "D", "O", "6", "0", "1", "2", " ", " ", "\n", "-", ".", ",", "@",
            "/", ":", "•", "¢", "|", "ß", "ü", "\u{308}", "\r\n", "ao", "oé", "for", "ar", "har",
        ]);
        prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
    }

    /// A document of real words in their plain, intact and misread forms
    /// (twins among them), and strings of it to restore: its lines, its
    /// sentences, runs of its words, and words it may lack.
    fn document_and_strings() -> impl Strategy<Value = (String, Vec<String>)> {
        let word = prop::sample::select(vec![
            "medborgarforslaget",
            "medborgarf0rslaget",
            "Medborgarförslaget",
            "forslag",
            "förslag",
            "Forslag",
            "FORSLAG",
            "fdr",
            "for",
            "för",
            "ar",
            "är",
            "år",
            "AR",
            "val",
            "kannedom",
            "kännedom",
            "Nystrom",
            "Nyström",
            "Kvarno",
            "Kvärnö",
            "hall",
            "håll",
            // One key, two misreadings that restore differently (ä, å).
            "smarta",
            "Smarta",
            "smàrta",
            "smérta",
            "arendet",
            "Arendet",
            "ärendet",
            "MDU",
            "KS",
            "AVGIFTER",
            "2026",
            "x@y.se",
            "galler",
            // Two misreadings of one key restored to two forms: the first is the twin.
            "hàll",
            "hdll",
            "hall",
            "gäller",
            "fér",
            "Enkdpings",
            "Enköpings",
            "idé",
            "ide",
            "kommunen",
            "och",
            "att",
        ]);
        let gap = prop::sample::select(vec![" ", " ", " ", "\n", ". ", ", ", "\n\n", " - "]);
        let doc = prop::collection::vec((word.clone(), gap), 0..40)
            .prop_map(|v| v.into_iter().flat_map(|(w, g)| [w, g]).collect::<String>());
        let extra = prop::collection::vec(word, 0..4).prop_map(|v| v.join(" "));
        (doc, extra).prop_map(|(doc, extra)| {
            let mut strings: Vec<String> = doc.lines().map(str::to_string).collect();
            strings.extend(doc.split(". ").map(str::to_string));
            let words: Vec<&str> = doc.split_whitespace().collect();
            strings.extend(words.windows(3).step_by(2).map(|w| w.join(" ")));
            strings.push(extra);
            (doc, strings)
        })
    }

    proptest! {
        /// A neighbour folds as each of its chars does with `fold_char`
        /// (`é` to `e` too), into at most 24 ASCII bytes, whichever of the
        /// ways in the word takes: lower-case ASCII as it is, ASCII with
        /// capitals lowered in a go, the others a char at a time (the
        /// Kelvin sign, three bytes long, folds to `k`).
        #[test]
        fn a_neighbour_folds_as_its_chars_do(s in "[a-zA-Z0-9éÉåÄöØüß€\u{212a} -]{0,30}") {
            let by_chars = || {
                let mut out = Vec::new();
                for c in s.chars() {
                    let f = match crate::fold::fold_char(c) {
                        'é' => 'e',
                        f => f,
                    };
                    out.push(u8::try_from(f).ok().filter(u8::is_ascii)?);
                }
                (out.len() <= 24).then_some(out)
            };
            let mut buf = [0u8; 24];
            prop_assert_eq!(fold_into(s.as_bytes(), &mut buf).map(<[u8]>::to_vec), by_chars());
        }

        #[test]
        fn changes_only_letters_and_spans_are_exact(s in ocr_text()) {
            let norm = crate::normalize::normalize_text(&s);
            let r = restore(&s);
            // Applying the changes to the normalized input gives the output.
            let mut rebuilt = String::new();
            let mut at = 0;
            for c in &r.changes {
                prop_assert!(c.span.start >= at && c.span.end <= norm.len());
                prop_assert_eq!(&norm[c.span.start..c.span.end], c.old.as_str());
                prop_assert!(c.new != c.old);
                prop_assert!((0.0..=1.0).contains(&c.confidence));
                rebuilt.push_str(&norm[at..c.span.start]);
                rebuilt.push_str(&c.new);
                at = c.span.end;
            }
            rebuilt.push_str(&norm[at..]);
            prop_assert_eq!(&rebuilt, &r.text);
            // Only letters change: everything else stands where it stood.
            let skeleton = |t: &str| t.chars().filter(|c| !c.is_alphanumeric()).collect::<String>();
            prop_assert_eq!(skeleton(&norm), skeleton(&r.text));
            prop_assert_eq!(norm.split_whitespace().count(), r.text.split_whitespace().count());
        }

        #[test]
        fn restoring_some_strings_plans_their_words_as_restoring_all_does(
            (doc, strings) in document_and_strings()
        ) {
            // The oracle: every word of the document planned.
            let lex = Lexicon::builtin();
            let all = Restorer::new(lex, &doc);
            let (some, mut known) = Restorer::for_strings(lex, &doc, |ask| {
                strings.iter().for_each(|s| ask(s));
            });
            prop_assert_eq!(some.ocr_quality(), all.ocr_quality());
            prop_assert_eq!(some.diacritic_loss(), all.diacritic_loss());
            // One buffer passed to all the strings, as the pipeline does,
            // and holding stale text: a string written into it has only its
            // own text.
            let mut spare = "stale ".repeat(40);
            let mut spare_all = spare.clone();
            for s in &strings {
                let want = all.restore_str(s);
                let mut got = s.clone();
                some.restore_next_in_place(&mut got, &mut known, &mut spare);
                prop_assert_eq!(&got, &want, "{:?} of {:?}", s, doc);
                let mut in_place = s.clone();
                all.restore_in_place(&mut in_place, &mut spare_all);
                prop_assert_eq!(&in_place, &want, "{:?} of {:?}", s, doc);
            }
        }

        #[test]
        fn ocr_quality_never_counts_more_unknown_than_words(s in ocr_text()) {
            let q = ocr_quality(&s, Lexicon::builtin());
            prop_assert!(q.unrecognized <= q.words);
        }
    }
}

#[cfg(test)]
mod gap_tests {
    use super::breaks_sentence;

    #[test]
    fn sentence_breaks() {
        for gap in [". ", ": ", " ( ", "\n\n", " \n \n", "” ", "“"] {
            assert!(breaks_sentence(gap.as_bytes()), "{gap:?}");
        }
        for gap in [" ", ", ", "\n", " - ", " • "] {
            assert!(!breaks_sentence(gap.as_bytes()), "{gap:?}");
        }
    }
}
