//! Heading recognition that survives OCR.
//!
//! A heading is a whole line (or the part of a line before a colon) that reads
//! as one of the known headings once case, diacritics and the OCR confusions of
//! the domain notes are allowed for:
//!
//! ```text
//! heading-line = space* numbering? heading space* ( ":" rest? )? space* eof
//! numbering    = digit+ ( "." digit+ )* "."? space+          ; "3.2 Bakgrund"
//! heading      = organ? words rest-words?
//! organ        = word{1,4} ending in "s"                      ; "Kommunstyrelsens"
//! words        = ocr-word ( space+ ocr-word )*                ; the canonical words
//! ocr-word     = each canonical letter read as itself, its fold, or an OCR reading
//! ```
//!
//! There is deliberately no edit distance: `Beslut` must never take
//! `besluta att`, nor `Yttrande` take `yttranden`. A word must match letter for
//! letter and end at a word boundary.

use super::error::PResult;
use super::scan::{space0, space1};
use super::text::{is_white_byte, trim_end, trim_start};
use crate::fold::{fold_char, ocr_readings};
use crate::model::{MatchKind, SectionKind};
use crate::span::find_byte;
use std::borrow::Cow;

/// How a heading's words may be surrounded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Form {
    /// Exactly the words.
    Words,
    /// `<Organ>s` before the words (`Kommunstyrelsens förslag till beslut`).
    Organ,
    /// One to six free words after them (`Förslag till beslut i kommunstyrelsen`).
    Rest,
    /// Both (`Kommunstyrelsens förslag till kommunfullmäktige`).
    OrganRest,
}

/// One known heading.
struct Def {
    kind: SectionKind,
    words: &'static str,
    form: Form,
}

const fn def(kind: SectionKind, words: &'static str, form: Form) -> Def {
    Def { kind, words, form }
}

use Form::{Organ, OrganRest, Rest, Words};
use SectionKind as K;

/// The heading table, from the domain notes. Order matters only within a
/// line's alternatives: plain forms are tried before the organ and rest forms.
const DEFS: &[Def] = &[
    def(K::Proposal, "Förslag till beslut", Words),
    def(K::Proposal, "Förslag till kommunfullmäktige", Words),
    def(K::Proposal, "Förslag till kommunstyrelsen", Words),
    def(K::Proposal, "Förslag till nämnden", Words),
    def(K::Proposal, "förslag till beslut", Organ),
    def(K::Proposal, "Förslag till beslut i", Rest),
    def(K::Proposal, "Förslag till beslut till", Rest),
    def(K::Proposal, "förslag till", OrganRest),
    def(K::Decision, "Beslut", Words),
    def(K::Decision, "beslut", Organ),
    def(K::Summary, "Sammanfattning", Words),
    def(K::Summary, "Sammanfattning av ärendet", Words),
    def(K::Description, "Beskrivning av ärendet", Words),
    def(K::Description, "Ärendebeskrivning", Words),
    def(K::Description, "Ärendet", Words),
    def(K::Description, "Ärendet i korthet", Words),
    def(K::Description, "Ärendets beskrivning", Words),
    def(K::Background, "Bakgrund", Words),
    def(K::Assessment, "Bedömning", Words),
    def(K::Assessment, "Överväganden", Words),
    def(K::Assessment, "bedömning", Organ),
    def(K::Assessment, "överväganden", Organ),
    def(K::EconomicConsequences, "Ekonomiska konsekvenser", Words),
    def(K::EconomicConsequences, "Ekonomisk bedömning", Words),
    def(K::EconomicConsequences, "Ekonomiska konsekvenser och finansiering", Words),
    def(K::SocialEnvironmentalConsequences, "Sociala eller miljömässiga konsekvenser", Words),
    def(K::SocialEnvironmentalConsequences, "Sociala och miljömässiga konsekvenser", Words),
    def(K::SocialEnvironmentalConsequences, "Sociala konsekvenser", Words),
    def(K::SocialEnvironmentalConsequences, "Miljömässiga konsekvenser", Words),
    def(K::SocialEnvironmentalConsequences, "Miljökonsekvenser", Words),
    def(K::LegalConsequences, "Juridiska konsekvenser", Words),
    def(K::LegalConsequences, "Juridisk bedömning", Words),
    def(K::LegalConsequences, "Styrdokument och juridik", Words),
    def(K::ChildImpact, "Barnkonsekvensanalys", Words),
    def(K::ChildImpact, "Barnperspektiv", Words),
    def(K::ChildImpact, "Barnrättsperspektiv", Words),
    def(K::ChildImpact, "Barnkonsekvenser", Words),
    def(K::ChildImpact, "Konsekvenser för barn", Words),
    def(K::DecisionBasis, "Beslutsunderlag", Words),
    def(K::DecisionBasis, "Underlag för beslut", Words),
    def(K::Attachments, "Bilagor", Words),
    def(K::Attachments, "Bilaga", Words),
    def(K::ResponsibleOfficials, "Ansvariga tjänstepersoner", Words),
    def(K::ResponsibleOfficials, "Ansvarig tjänsteperson", Words),
    def(K::ResponsibleOfficials, "Ansvariga tjänstemän", Words),
    def(K::Distribution, "Sändlista", Words),
    def(K::Distribution, "Beslutet skickas till", Words),
    def(K::Distribution, "Beslutet ska skickas till", Words),
    def(K::Distribution, "Beslut sänds till", Words),
    def(K::Distribution, "Beslutet sänds till", Words),
    def(K::Distribution, "Expedieras till", Words),
    def(K::Distribution, "Beslutet expedieras till", Words),
    def(K::Distribution, "Expediering", Words),
    def(K::Distribution, "Delges", Words),
    def(K::Distribution, "Skickas till", Words),
    // Headings of minutes and memos that have no kind of their own.
    def(K::Other, "Yrkanden", Words),
    def(K::Other, "Yrkande", Words),
    def(K::Other, "Beslutsgång", Words),
    def(K::Other, "Propositionsordning", Words),
    def(K::Other, "Reservation", Words),
    def(K::Other, "Reservationer", Words),
    def(K::Other, "Särskilt yttrande", Words),
    def(K::Other, "Särskilda yttranden", Words),
    def(K::Other, "Protokollsanteckning", Words),
    def(K::Other, "Protokollsanteckningar", Words),
    def(K::Other, "Jäv", Words),
    def(K::Other, "Omröstning", Words),
    def(K::Other, "Yttrande", Words),
    def(K::Other, "Ärendets beredning", Words),
    def(K::Other, "Beredning", Words),
    def(K::Other, "Justering", Words),
    def(K::Other, "Justerandes sign", Words),
    def(K::Other, "Justerandes signatur", Words),
    def(K::Other, "Utdragsbestyrkande", Words),
    def(K::Other, "Uppföljning", Words),
    def(K::Other, "Samverkan", Words),
    def(K::Other, "Risker", Words),
    def(K::Other, "Riskbedömning", Words),
    def(K::Other, "Finansiering", Words),
    def(K::Other, "Tidplan", Words),
    def(K::Other, "Kommunikation", Words),
    def(K::Other, "Måluppfyllelse", Words),
    def(K::Other, "Syfte", Words),
    def(K::Other, "Lagstiftning", Words),
    def(K::Other, "Jämställdhetsperspektiv", Words),
    def(K::Other, "Tidigare beslut", Words),
    def(K::Other, "Övrigt", Words),
];

/// A heading definition with what the cheap filters need, computed once.
struct DefEntry {
    def: &'static Def,
    /// Folded first letter.
    first: char,
    /// Fewest characters a reading can have (letter-spacing squeezes out the spaces).
    min_len: usize,
    /// Most characters a reading can have (`ao` and `oé` for ö add one each).
    max_len: usize,
    last_word: &'static str,
    /// Characters of `last_word`: a reading has at least as many, so at
    /// least as many bytes.
    last_word_chars: usize,
    /// [`skeleton_letter`] of the words' last character.
    last_letter: Option<u8>,
}

/// The heading table indexed for the cheap filters: plain and rest forms by
/// folded first letter and length, organ forms apart (they start with any
/// organ's name).
struct DefIndex {
    /// Plain and rest forms, in table order.
    plain: Vec<DefEntry>,
    /// For each bucket of a folded first letter and each length up to
    /// [`INDEXED_LENGTHS`] (the last slot for all longer ones): the `plain`
    /// entries whose length filter lets that length through, in table order.
    /// Most candidates then meet no entry at all, or one or two, instead of
    /// every entry of their letter.
    by_first_len: Vec<Vec<u8>>,
    organ: Vec<DefEntry>,
    /// For each bucket of a folded first letter: a bit for each
    /// [`skeleton_letter`] a candidate may end with (`a` to `z` by their
    /// place in the alphabet, bit [`NO_SKELETON`] for none), as a plain or
    /// rest form of that first letter, or an organ form without rest words,
    /// lets through. An organ's proposal with rest words is left out: any
    /// candidate may end as one ([`may_end_as_heading`] asks otherwise).
    ends: [u32; 27],
}

/// The bit of [`DefIndex::ends`] for a last character with no skeleton letter.
const NO_SKELETON: u32 = 26;

/// The bit of [`DefIndex::ends`] for a last skeleton letter.
fn end_bit(last: Option<u8>) -> u32 {
    1 << last.map_or(NO_SKELETON, |l| u32::from(l.wrapping_sub(b'a')).min(NO_SKELETON))
}

/// Lengths with a slot of their own in [`DefIndex::by_first_len`]; above every
/// plain form's longest reading, so the last slot holds rest forms only.
const INDEXED_LENGTHS: usize = 64;

impl DefEntry {
    /// Whether a candidate whose last character has [`skeleton_letter`]
    /// `last` may read as this form. Where the form's words end the
    /// candidate (no rest words), its last character reads their last
    /// letter, so has that letter's skeleton letter (see [`skeleton_letter`]).
    fn may_end_with(&self, last: Option<u8>) -> bool {
        matches!(self.def.form, Rest | OrganRest) || self.last_letter == last
    }

    /// The length filter of a plain or rest form (what the index stands for).
    #[cfg(test)]
    fn admits(&self, length: usize) -> bool {
        match self.def.form {
            Words => (self.min_len..=self.max_len).contains(&length),
            _ => length > self.min_len,
        }
    }
}

impl DefIndex {
    /// The plain and rest forms a candidate of `length` characters starting
    /// with (folded) `first` can match, in table order.
    fn plain_for(&self, first: char, length: usize) -> impl Iterator<Item = &DefEntry> {
        let slot = bucket(first) * (INDEXED_LENGTHS + 1) + length.min(INDEXED_LENGTHS);
        let at = self.by_first_len.get(slot).map_or(&[][..], Vec::as_slice);
        at.iter().filter_map(|&n| self.plain.get(usize::from(n)))
    }
}

/// Bucket of a folded first letter: `a`..=`z`, then one for everything else.
fn bucket(c: char) -> usize {
    if c.is_ascii_lowercase() { (c as u8 - b'a') as usize } else { 26 }
}

fn def_index() -> &'static DefIndex {
    static INDEX: std::sync::OnceLock<DefIndex> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = DefIndex {
            plain: Vec::new(),
            by_first_len: Vec::new(),
            organ: Vec::new(),
            ends: [0; 27],
        };
        for def in DEFS {
            let len = def.words.chars().count();
            let spaces = def.words.matches(' ').count();
            let lost_o = def.words.chars().filter(|c| matches!(c, 'ö' | 'Ö')).count();
            let entry = DefEntry {
                def,
                first: def.words.chars().next().map_or(' ', fold_char),
                min_len: len - spaces,
                max_len: len + lost_o,
                last_word: def.words.rsplit(' ').next().unwrap_or(""),
                last_word_chars: def.words.rsplit(' ').next().unwrap_or("").chars().count(),
                last_letter: def.words.chars().next_back().and_then(skeleton_letter),
            };
            match def.form {
                Words | Rest => index.plain.push(entry),
                Organ | OrganRest => index.organ.push(entry),
            }
        }
        index.by_first_len = vec![Vec::new(); 27 * (INDEXED_LENGTHS + 1)];
        // Entries in table order, so each slot keeps it; the last slot stands
        // for every longer length, which only rest forms admit.
        for (n, t) in index.plain.iter().enumerate() {
            let lengths = match t.def.form {
                Words => t.min_len..=t.max_len.min(INDEXED_LENGTHS),
                _ => t.min_len + 1..=INDEXED_LENGTHS,
            };
            for length in lengths {
                let slot = bucket(t.first) * (INDEXED_LENGTHS + 1) + length;
                // The table has fewer than 256 plain forms.
                index.by_first_len[slot].push(n as u8);
            }
        }
        // Every last letter a form lets through (`may_end_with`), as bits.
        let admitted = |t: &DefEntry| -> u32 {
            let all = (0..=NO_SKELETON).map(|bit| 1 << bit).sum();
            match t.def.form {
                Rest | OrganRest => all,
                Words | Organ => end_bit(t.last_letter),
            }
        };
        for t in &index.plain {
            index.ends[bucket(t.first)] |= admitted(t);
        }
        let organ_ends: u32 =
            index.organ.iter().filter(|t| t.def.form == Organ).map(admitted).fold(0, |a, b| a | b);
        for ends in &mut index.ends {
            *ends |= organ_ends;
        }
        index
    })
}

/// A recognized heading, with byte ranges relative to the line it was found in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct HeadingMatch {
    pub kind: SectionKind,
    /// Canonical spelling; organ and rest words are kept as found (restoration fixes them later).
    pub canonical: String,
    pub match_kind: MatchKind,
    /// The heading words in the line (trimmed, numbering and colon excluded).
    pub text: std::ops::Range<usize>,
    /// Where text after `Heading:` starts, when the heading opens a longer line.
    pub rest: Option<usize>,
}

/// Longest line that can be a heading; letter-spacing doubles a heading's length.
const MAX_HEADING_LINE: usize = 160;

/// Recognize `line` as a heading of the table, if it is one.
pub(crate) fn recognize(line: &str) -> Option<HeadingMatch> {
    recognize_with(line, &[])
}

/// [`recognize`], also taking extra `(kind, heading)` synonyms (from a profile).
pub(crate) fn recognize_with(line: &str, extra: &[(SectionKind, String)]) -> Option<HeadingMatch> {
    // Most headings stand on a line of their own as the table writes them,
    // or with their diacritics lost, in capitals, letter-spaced: such a line
    // takes the answer its reading gave the first time, without a reading.
    // Extra headings may change any answer, and skip it.
    if extra.is_empty() {
        if let Some(answer) = line_memo().answer(line) {
            return answer.clone();
        }
    }
    read_heading(line, extra)
}

/// The lines [`LineMemo`] holds are those of this many bytes at most.
const MEMO_MAX_LINE: usize = 126;

/// Bits of a [`LineMemo`] slot's index: 4,096 slots for some 700 lines, so
/// that nearly every line that is none of them meets an empty slot first.
const MEMO_BITS: u32 = 12;

/// Lines that are a heading of the table (a plain form, no organ or rest
/// words) as it is most often written, each with its answer, read by
/// [`read_heading`] the first time the line is met. The answer is a
/// function of the line alone (without extra headings), so the memo gives
/// exactly what the reading would: the line is compared whole, byte for
/// byte, and its spans are where they were.
struct LineMemo {
    /// For each first byte, bit `n` of the first mask set: a line of the
    /// memo opening with that byte has `n` bytes (a line as written has
    /// fewer than 64); of the second: a letter-spaced one (a space its
    /// second byte) has. Most prose is ruled out by these before it is
    /// hashed: by a bullet, a digit or white space first, or a length no
    /// heading of its first letter has.
    lens: Vec<(u64, u128)>,
    /// Open addressing by [`memo_slot`], linear probing: a line's index in
    /// `lines` plus one, 0 for an empty slot.
    slots: Vec<u16>,
    lines: Vec<String>,
    answers: Vec<std::sync::OnceLock<Option<HeadingMatch>>>,
}

impl LineMemo {
    /// The memo's answer for `line`, if the memo holds it.
    fn answer(&self, line: &str) -> Option<&Option<HeadingMatch>> {
        let bytes = line.as_bytes();
        let lens = self.lens.get(usize::from(*bytes.first()?))?;
        let held = if bytes.get(1) == Some(&b' ') {
            (lens.1 >> bytes.len().min(127)) & 1
        } else {
            u128::from((lens.0 >> bytes.len().min(63)) & 1)
        };
        if held == 0 {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut at = memo_slot(bytes);
        loop {
            let n = usize::from(*self.slots.get(at & mask)?).checked_sub(1)?;
            let held = self.lines.get(n)?;
            if held.as_bytes() == bytes {
                return self.answers.get(n).map(|a| a.get_or_init(|| read_heading(held, &[])));
            }
            at += 1;
        }
    }

    /// Adds `line` unless it is held already or too long to be.
    fn insert(&mut self, line: &str) {
        let bytes = line.as_bytes();
        let Some(&first) = bytes.first() else { return };
        if bytes.len() > MEMO_MAX_LINE {
            return;
        }
        let mask = self.slots.len() - 1;
        let mut at = memo_slot(bytes) & mask;
        // The table has several times more slots than lines (a test checks
        // it), so the probe meets an empty slot.
        while let Some(n) = usize::from(self.slots[at]).checked_sub(1) {
            if self.lines[n] == line {
                return;
            }
            at = (at + 1) & mask;
        }
        let lens = &mut self.lens[usize::from(first)];
        if bytes.get(1) == Some(&b' ') {
            lens.1 |= 1 << bytes.len();
        } else {
            // A longer line (there is none) would share the last bit
            // with all longer lines: found all the same.
            lens.0 |= 1 << bytes.len().min(63);
        }
        self.lines.push(line.to_owned());
        self.answers.push(std::sync::OnceLock::new());
        // Far fewer lines than `u16::MAX`.
        self.slots[at] = self.lines.len() as u16;
    }
}

/// Where the probe for `bytes` starts in [`LineMemo::slots`]: the top
/// bits of a multiplicative hash of its 8-byte words and its length.
fn memo_slot(bytes: &[u8]) -> usize {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h = bytes.len() as u64;
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let word = <[u8; 8]>::try_from(word).map_or(0, u64::from_le_bytes);
        h = (h.rotate_left(5) ^ word).wrapping_mul(K);
    }
    let mut last = [0u8; 8];
    let rest = words.remainder();
    if let Some(to) = last.get_mut(..rest.len()) {
        to.copy_from_slice(rest);
    }
    h = (h.rotate_left(5) ^ u64::from_le_bytes(last)).wrapping_mul(K);
    (h >> (64 - MEMO_BITS)) as usize
}

/// `c` without its diacritic (`Ä` → `A`), as OCR most often loses it.
fn without_diacritic(c: char) -> char {
    match c {
        c if c.is_ascii() => c,
        c if c.is_uppercase() => fold_char(c).to_ascii_uppercase(),
        c => fold_char(c),
    }
}

fn line_memo() -> &'static LineMemo {
    static MEMO: std::sync::OnceLock<LineMemo> = std::sync::OnceLock::new();
    // Built on the first line a process reads, so on the way of a
    // single-document run: one buffer for the forms made, and duplicates
    // turned away by the table itself before they are copied, not by a sort
    // of them all (which cost twice the rest of the first document's parse).
    MEMO.get_or_init(|| {
        let mut memo = LineMemo {
            lens: vec![(0, 0); 256],
            slots: vec![0; 1 << MEMO_BITS],
            answers: Vec::new(),
            lines: Vec::new(),
        };
        let mut spaced = String::new();
        for def in DEFS.iter().filter(|d| d.form == Words) {
            let lost: String = def.words.chars().map(without_diacritic).collect();
            for written in [def.words, &lost] {
                let upper = written.to_uppercase();
                for cased in [&upper, written] {
                    // `B e s l u t s u n d e r l a g`, words two spaces apart.
                    spaced.clear();
                    for (i, word) in cased.split(' ').enumerate() {
                        if i > 0 {
                            spaced.push_str("  ");
                        }
                        for (j, c) in word.chars().enumerate() {
                            if j > 0 {
                                spaced.push(' ');
                            }
                            spaced.push(c);
                        }
                    }
                    memo.insert(&spaced);
                    memo.insert(cased);
                    spaced.clear();
                    spaced.push_str(cased);
                    spaced.push(':');
                    memo.insert(&spaced);
                }
            }
        }
        memo
    })
}

/// [`recognize_with`] without the memo: the reading of the line.
fn read_heading(line: &str, extra: &[(SectionKind, String)]) -> Option<HeadingMatch> {
    let lead = line.len() - trim_start(line).len();
    let unled = &line[lead..];
    // Numbering opens with a digit; most lines open with a letter.
    let numbered = unled.starts_with(|c: char| c.is_ascii_digit());
    let after_numbering = numbered.then(|| numbering(unled)).flatten().unwrap_or(unled);
    let start = line.len() - after_numbering.len();
    // A list item (a bullet, OCR's `¢` or `e` for one, a dash) or a `§`
    // line is nearly every candidate that is no prose: no heading of the
    // table opens with anything but a letter, so the first character rules
    // out most of them before the line is read.
    if extra.is_empty() && !may_open_heading(after_numbering) {
        return None;
    }
    // Most lines that open like a heading end otherwise: told by both ends
    // of the head, before its bytes are read one by one.
    if extra.is_empty() && !may_end_as_heading(after_numbering) {
        return None;
    }
    // The head ends at the first colon. Without extra headings, a byte no
    // heading of the table has rules the line out where it stands, and the
    // pass that finds the colon takes the head's shape on the way.
    let (colon, scanned) = if extra.is_empty() {
        let scanned = scan_head(after_numbering.as_bytes())?;
        (scanned.colon, Some(scanned))
    } else {
        (find_byte(after_numbering.as_bytes(), b':', 0), None)
    };
    let (head_end, rest) = match colon {
        Some(colon) => {
            let after = &after_numbering[colon + 1..];
            let rest_lead = after.len() - after.trim_start().len();
            let rest = (!after.trim().is_empty()).then_some(start + colon + 1 + rest_lead);
            (start + colon, rest)
        }
        None => (line.len(), None),
    };
    let head = trim_end(&line[start..head_end]);
    // Cheap rejections first: nearly every line of a document is prose, and
    // prose is long, or ends like a sentence.
    if head.is_empty()
        || head.len() > MAX_HEADING_LINE
        || (rest.is_none() && ends_like_sentence(head.as_bytes()))
    {
        return None;
    }
    // The scan's shape stands for the head when the head ends where the
    // scan saw its last word end: only white space beyond ASCII at the end
    // (which `trim_end` takes off too) makes them differ.
    let shape = match scanned {
        Some(scanned) if scanned.len == head.len() => scanned.shape,
        _ => TokenShape::of(head),
    };
    if !shape.letter_spaced() && shape.tokens > MAX_HEADING_WORDS {
        return None;
    }
    let end = start + head.len();
    let prepared = Prepared::new(head, shape);
    let first = first_folded(&prepared.text)?;
    let length = match prepared.text {
        Cow::Borrowed(_) => shape.chars,
        Cow::Owned(ref text) => text.chars().count(),
    };
    let found = match extra.iter().find_map(|(kind, words)| {
        match_words(&prepared, words, Words).map(|m| (*kind, words.as_str(), m))
    }) {
        Some(found) => Some(found),
        None => match_table(&prepared, shape.tokens, first, length),
    };
    let (kind, words, m) = found?;
    // `organ words rest`, each part there or not, one space between.
    let parts = [m.organ, Some(words), m.rest];
    let mut canonical = String::with_capacity(parts.iter().flatten().map(|p| p.len() + 1).sum());
    for (n, part) in parts.into_iter().flatten().enumerate() {
        if n > 0 {
            canonical.push(' ');
        }
        canonical.push_str(part);
    }
    let match_kind = if prepared.letter_spaced { MatchKind::Ocr } else { m.quality };
    Some(HeadingMatch { kind, canonical, match_kind, text: start..end, rest })
}

/// Whether a head that opens `text` may be one of the table's: a prepared
/// candidate opens with the head's first character unless that is white
/// space, and without a letter there the table has no entry for it (the
/// index holds its plain and rest forms under the folded first letter,
/// `a` to `z`; an organ's name opens with a letter). White space is left
/// to the full reading.
fn may_open_heading(text: &str) -> bool {
    match text.as_bytes().first() {
        None => true,
        Some(&b) if b.is_ascii() => b.is_ascii_alphabetic() || is_white_byte(b),
        Some(_) => text.chars().next().is_none_or(may_open_heading_char),
    }
}

/// [`may_open_heading`] of a character beyond ASCII: a letter (or one that
/// folds to one), or white space. The blocks where bullets and their OCR
/// readings stand (Latin-1's `¢`, the general punctuation's `•`) are
/// answered without the Unicode tables, which cost a hundred instructions
/// a lookup; a test holds the shortcut to them for every character.
fn may_open_heading_char(c: char) -> bool {
    match c {
        '\u{80}'..='\u{ff}' => {
            matches!(c, 'ª' | 'µ' | 'º' | '\u{85}' | '\u{a0}') || (c >= 'À' && c != '×' && c != '÷')
        }
        '\u{2000}'..='\u{206f}' => {
            matches!(c, '\u{2000}'..='\u{200a}' | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}')
        }
        _ => c.is_alphabetic() || c.is_whitespace() || bucket(fold_char(c)) < 26,
    }
}

/// Whether the head that `text` opens with (all of it, or the part before
/// its first colon, without white space at its end) may be one of the
/// table's by its ends: the pair of its first letter and its last
/// character's [`skeleton_letter`] is one that a form lets through
/// ([`DefIndex::ends`]), or a word may open with `f` after one that ends
/// in `s` (an organ's proposal with rest words: `förslag` after the
/// organ's genitive). Each is what
/// [`match_table`] asks of the prepared candidate, whose first and last
/// characters are those of the head, and whose words open where white
/// space stood in the head.
///
/// Most candidates that open with a letter are prose that the byte-by-byte
/// reading would take to its end. The line's own end is tried first: it
/// ends the head unless a colon stands before it, and when its pair passes
/// the line is let through with no search at all.
fn may_end_as_heading(text: &str) -> bool {
    let line = trim_end(text);
    let bytes = line.as_bytes();
    let Some(&first) = bytes.first() else { return true };
    // A character beyond ASCII or white space first: left to the full
    // reading (its fold takes the tables; such heads are few).
    if !first.is_ascii_alphabetic() {
        return true;
    }
    let bucket = bucket(char::from(first.to_ascii_lowercase()));
    let ends = def_index().ends.get(bucket).copied().unwrap_or(u32::MAX);
    // A sentence's end is never a heading's: then only a colon before it
    // may make one (the head ends there).
    let sentence = ends_like_sentence(bytes);
    if !sentence && ends & end_bit(last_skeleton_letter(line)) != 0 {
        return true;
    }
    // The head is the line unless a colon stands in it: what
    // `recognize_with` rules out by the line's length and sentence end
    // needs a colon before it to be a heading.
    if sentence || line.len() > MAX_HEADING_LINE {
        let Some(colon) = find_byte(bytes, b':', 0) else { return false };
        let head = trim_end(line.get(..colon).unwrap_or(line));
        return ends & end_bit(last_skeleton_letter(head)) != 0
            || memchr::memchr2_iter(b'f', b'F', head.as_bytes()).any(|at| opens_forslag(head, at));
    }
    // One pass for the first colon and every `f` before it (in the head).
    for at in memchr::memchr3_iter(b':', b'f', b'F', bytes) {
        if bytes.get(at) != Some(&b':') {
            if opens_forslag(line, at) {
                return true;
            }
            continue;
        }
        let head = trim_end(line.get(..at).unwrap_or(line));
        return ends & end_bit(last_skeleton_letter(head)) != 0;
    }
    false
}

/// Whether the `f` at `at` of `head` may open `förslag` after an organ,
/// whose last word ends in `s`: white space before it (ASCII, or bytes of
/// a character beyond it), with `s` or `S` before that.
fn opens_forslag(head: &str, at: usize) -> bool {
    let bytes = head.as_bytes();
    let before = bytes.get(..at).unwrap_or_default();
    let word_end = before.iter().rposition(|&b| !is_white_byte(b) && b.is_ascii());
    word_end.is_some_and(|end| end + 1 < at && matches!(bytes.get(end), Some(b's' | b'S')))
}

/// Whether a head without a colon after it ends like a sentence, which no
/// heading does.
fn ends_like_sentence(head: &[u8]) -> bool {
    matches!(head.last(), Some(b'.' | b',' | b';'))
}

/// The first form of the table that a prepared candidate of `tokens`
/// tokens, `length` characters, starting with (folded) `first`, reads as:
/// the plain and rest forms that its first letter, length and last letter
/// let through, in table order, then the organ forms. Plain loops, each
/// filter asked only of the entries that reach it: most candidates meet no
/// entry at all, and a one-word line never an organ form.
fn match_table<'p>(
    p: &'p Prepared<'_>,
    tokens: usize,
    first: char,
    length: usize,
) -> Option<(SectionKind, &'static str, WordsMatch<'p>)> {
    let index = def_index();
    let text: &str = &p.text;
    let found = |t: &DefEntry| {
        let d = t.def;
        match_words(p, d.words, d.form).map(|m| (d.kind, d.words, m))
    };
    // The line's last character's skeleton letter, against each table
    // entry's last letter: most entries that the first letter and the
    // length let through end otherwise.
    let last = last_skeleton_letter(text);
    for t in index.plain_for(first, length) {
        if t.may_end_with(last) {
            if let Some(m) = found(t) {
                return Some(m);
            }
        }
    }
    // An organ heading has two words at least, and ends in the def's last
    // word or (with rest words: four at least) has `förslag` after its organ.
    if tokens < 2 {
        return None;
    }
    // Both asked once, and only of a candidate that gets that far. The last
    // word by a byte search back from the end: `rsplit(' ')` costs a
    // searcher's setup; `memrchr` less than a byte loop even for a short word.
    let mut last_word: Option<&str> = None;
    let mut forslag: Option<bool> = None;
    for t in &index.organ {
        let may = match t.def.form {
            Organ => {
                t.may_end_with(last) && {
                    let word = *last_word.get_or_insert_with(|| {
                        match memchr::memrchr(b' ', text.as_bytes()) {
                            Some(at) => text.get(at + 1..).unwrap_or(""),
                            None => text,
                        }
                    });
                    word.len() >= t.last_word_chars && ocr_word(t.last_word, word, true).is_ok()
                }
            }
            _ => tokens >= 4 && *forslag.get_or_insert_with(|| forslag_after_organ(text)),
        };
        if may {
            if let Some(m) = found(t) {
                return Some(m);
            }
        }
    }
    None
}

/// The folded first character of `text`: an ASCII one (nearly always)
/// lower-cased without [`fold_char`]'s branches, which give it the same.
fn first_folded(text: &str) -> Option<char> {
    match *text.as_bytes().first()? {
        b if b.is_ascii() => Some(char::from(b.to_ascii_lowercase())),
        _ => text.chars().next().map(fold_char),
    }
}

/// [`skeleton_letter`] of the last character of `text`; an ASCII one read
/// from the last byte, with no character decoded backwards.
fn last_skeleton_letter(text: &str) -> Option<u8> {
    match *text.as_bytes().last()? {
        b if b.is_ascii() => ascii_skeleton_letter(b),
        _ => text.chars().next_back().and_then(skeleton_letter),
    }
}

/// [`skeleton_letter`] of an ASCII character, without [`fold_char`]'s
/// branches: the fold of an ASCII letter is its lower case, and nothing
/// else of ASCII folds to a letter.
fn ascii_skeleton_letter(b: u8) -> Option<u8> {
    let lower = b.to_ascii_lowercase();
    (lower.is_ascii_lowercase() && !matches!(lower, b'a' | b'd' | b'e' | b'o')).then_some(lower)
}

/// Whether byte `b` can be part of a heading of the table: its letters (any
/// case, the OCR readings `6` and `0` of ö), the spaces between its words,
/// the `-` and `/` that organ and rest words may hold, and any byte of a
/// character beyond ASCII (diacritics; left to the matchers). A necessary
/// condition only, checked before them, that rules out most prose lines by
/// a digit or a punctuation mark; a profile's extra headings may hold
/// anything and skip it.
const fn may_stand_in_heading(b: u8) -> bool {
    !b.is_ascii()
        || b.is_ascii_alphabetic()
        || matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b'-' | b'/' | b'0' | b'6')
}

/// Byte classes for [`scan_head`] and [`TokenShape::of`]: one table lookup per byte instead
/// of a chain of compares. A byte that [`may_stand_in_heading`].
const IN_HEADING: u8 = 1;
/// ASCII white space, what `split_ascii_whitespace` splits on.
const WHITE: u8 = 2;
/// The first byte of a character (not a UTF-8 continuation byte `10xxxxxx`).
const CHAR_START: u8 = 4;
/// An ASCII byte of a heading's word: a character of its own, inside a token.
/// Nearly every byte of a candidate is one, and [`scan_head`] needs no more
/// than this bit to pass it.
const WORD_ASCII: u8 = 8;

static BYTE_CLASS: [u8; 256] = byte_classes();

const fn byte_classes() -> [u8; 256] {
    let mut table = [0; 256];
    let mut i = 0;
    while i < table.len() {
        let b = i as u8;
        let mut class = 0;
        if may_stand_in_heading(b) {
            class |= IN_HEADING;
        }
        if b.is_ascii_whitespace() {
            class |= WHITE;
        }
        if b & 0xc0 != 0x80 {
            class |= CHAR_START;
        }
        if b.is_ascii() && may_stand_in_heading(b) && !b.is_ascii_whitespace() {
            class |= WORD_ASCII;
        }
        table[i] = class;
        i += 1;
    }
    table
}

/// What [`scan_head`] read of a candidate.
#[derive(Clone, Copy, Debug)]
struct ScannedHead {
    /// Where the first `:` stands, which ends the head; `None`: the head runs to the end.
    colon: Option<usize>,
    /// Bytes of the head up to the end of its last token: the head without
    /// the ASCII white space after it.
    len: usize,
    /// [`TokenShape::of`] those `len` bytes.
    shape: TokenShape,
}

/// Reads the head of a heading candidate (the text before its first `:`, or
/// all of it) in one pass: where it ends, and its shape. `None` when a byte
/// before the colon is one no heading of the table has
/// ([`may_stand_in_heading`]): it stands in the head.
///
/// The pass has two speeds. An ASCII byte of a word (nearly every byte) is
/// one table lookup and nothing more: a token's characters are counted from
/// its length when white space closes it, less the UTF-8 continuation
/// bytes met on the way, which only bytes beyond ASCII take the slow path
/// to count.
fn scan_head(text: &[u8]) -> Option<ScannedHead> {
    let mut shape = TokenShape { tokens: 0, singles: 0, chars: 0, single_spaced: true };
    // No token yet: the shape of no text, which is not single spaced.
    let empty = TokenShape { single_spaced: false, ..shape };
    let mut scanned = ScannedHead { colon: None, len: 0, shape: empty };
    // Where the token being read started, and its continuation bytes so far.
    let mut token_start = 0;
    let mut token_continuations = 0;
    // Where the last token closed, and whether the tokens were single
    // spaced then: the head ends there if nothing but white space follows.
    // The rest of its shape is worked out at the end, not copied at each
    // token (its tokens change only as one closes; what follows it is white
    // space, a character a byte).
    let mut closed: Option<(usize, bool)> = None;
    let mut at = 0;
    loop {
        at = skip_word_ascii(text, at);
        let Some(&b) = text.get(at) else { break };
        let class = BYTE_CLASS[usize::from(b)];
        if class & WHITE != 0 {
            let bytes = at - token_start;
            // The same steps as `TokenShape::of`: white space is one character,
            // and keeps the tokens single spaced only as one space after a token.
            shape.single_spaced &= bytes > 0;
            if bytes > 0 {
                shape.close_token(bytes - token_continuations);
                closed = Some((at, shape.single_spaced));
            }
            shape.chars += 1;
            shape.single_spaced &= b == b' ';
            token_start = at + 1;
            token_continuations = 0;
        } else if b >= 0x80 {
            token_continuations += usize::from(class & CHAR_START == 0);
        } else if b == b':' {
            scanned.colon = Some(at);
            break;
        } else {
            return None;
        }
        at += 1;
    }
    let bytes = at - token_start;
    if bytes > 0 {
        shape.close_token(bytes - token_continuations);
        scanned.len = at;
        scanned.shape = shape;
    } else if let Some((len, single_spaced)) = closed {
        scanned.len = len;
        scanned.shape = TokenShape { chars: shape.chars - (at - len), single_spaced, ..shape };
    }
    Some(scanned)
}

/// Where the run of [`WORD_ASCII`] bytes from `at` ends: the first byte at
/// or after it that is not one, or the end. Eight bytes at a time while
/// they are ASCII letters (bit tricks on a `u64`: every byte's high bit
/// says whether it is one), one at a time over the other word bytes (`-`,
/// `/`, `0`, `6`) and the last few. A word's letters cost a step or two
/// instead of a lookup and a branch each.
fn skip_word_ascii(text: &[u8], mut at: usize) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const BYTES: u64 = 0x0101_0101_0101_0101;
    while let Some(chunk) = text.get(at..at + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()) {
        let x = u64::from_le_bytes(chunk);
        // Lower case (`| 0x20`), high bits cleared: each byte then at most
        // 0x7f, so adding to it never carries into the next.
        let lower = (x | (0x20 * BYTES)) & !HIGH;
        let from_a = lower + (0x80 - u64::from(b'a')) * BYTES;
        let past_z = lower + (0x80 - u64::from(b'z') - 1) * BYTES;
        let letter = from_a & !past_z & !x & HIGH;
        let stop = !letter & HIGH;
        if stop == 0 {
            at += 8;
            continue;
        }
        at += (stop.trailing_zeros() / 8) as usize;
        // A word byte that is no letter: step over it and read on.
        if text.get(at).is_some_and(|&b| class_has(b, WORD_ASCII)) {
            at += 1;
            continue;
        }
        return at;
    }
    let rest = text.get(at..).unwrap_or_default();
    at + rest.iter().position(|&b| !class_has(b, WORD_ASCII)).unwrap_or(rest.len())
}

/// Whether byte `b` is of `class` in [`BYTE_CLASS`].
#[inline]
fn class_has(b: u8, class: u8) -> bool {
    BYTE_CLASS[usize::from(b)] & class != 0
}

/// Whether `förslag` may open the text after one of the first four spaces
/// of `text` (a prepared candidate), as an organ's proposal with rest words
/// needs: the organ is one to four words, the body opens with `förslag`.
/// [`may_open_with_forslag`] at each of those places, found by one byte
/// loop that ends at the fourth space.
fn forslag_after_organ(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes
        .iter()
        .enumerate()
        .filter(|&(_, &b)| b == b' ')
        .take(4)
        // The first byte rules out nearly every word before the call.
        .any(|(at, _)| {
            matches!(bytes.get(at + 1), Some(b'f' | b'F'))
                && bytes.get(at + 1..).is_some_and(may_open_with_forslag)
        })
}

/// The letter a character keeps in a heading's skeleton, if any: its fold
/// when that is an ASCII letter other than `a`, `d`, `e` and `o`.
///
/// Every reading [`ocr_word`] takes of a canonical letter keeps its
/// skeleton letter: the letter is read as itself, as a character of the
/// same lower case or of the same fold (which fold alike), or, for å, ä and
/// ö (which fold to `a` and `o`), as an OCR reading made of `a`, `d`, `e`,
/// `o` (in any case or accent), `6` and `0`, which all have none.
fn skeleton_letter(c: char) -> Option<u8> {
    let f = fold_char(c);
    (f.is_ascii_alphabetic() && !matches!(f, 'a' | 'd' | 'e' | 'o')).then_some(f as u8)
}

/// ```text
/// numbering = digit+ ( "." digit+ )* "."? space+
/// ```
/// What follows the numbering `i` opens with, if it opens with one. Read
/// as bytes: the combinators (`many0` above all) cost some hundred and fifty
/// instructions a numbered line; a test holds this to them.
fn numbering(i: &str) -> Option<&str> {
    let bytes = i.as_bytes();
    let digits = |from: usize| {
        bytes.get(from..).map_or(0, |b| b.iter().take_while(|b| b.is_ascii_digit()).count())
    };
    let mut at = digits(0);
    if at == 0 {
        return None;
    }
    while bytes.get(at) == Some(&b'.') {
        let more = digits(at + 1);
        // A dot without digits after it is the optional last one.
        at += 1 + more;
        if more == 0 {
            break;
        }
    }
    let spaces =
        bytes.get(at..).map_or(0, |b| b.iter().take_while(|b| matches!(b, b' ' | b'\t')).count());
    (spaces > 0).then(|| i.get(at + spaces..)).flatten()
}

/// The most words a heading has (`Sociala eller miljömässiga konsekvenser` has
/// four; an organ and rest words add up to six more).
const MAX_HEADING_WORDS: usize = 10;

/// The shape of a candidate, taken in one pass over its bytes without
/// allocating. Tokens are what `split_ascii_whitespace` gives.
#[derive(Clone, Copy, Debug)]
struct TokenShape {
    tokens: usize,
    /// Tokens of one character (`B e s l u t`).
    singles: usize,
    /// Characters in all.
    chars: usize,
    /// Tokens joined by single spaces, nothing else (see [`Prepared::new`]).
    single_spaced: bool,
}

impl TokenShape {
    // Kept out of `recognize_with`: inlined there, its loop was compiled
    // well or badly from one build to the next (a 20% swing in its cost
    // with its source unchanged).
    #[inline(never)]
    fn of(head: &str) -> TokenShape {
        let mut shape = TokenShape { tokens: 0, singles: 0, chars: 0, single_spaced: true };
        // Characters of the token being read; 0 between tokens. A letter, the
        // usual byte, costs one lookup and one add: the rest waits for white
        // space, which closes a token.
        let mut in_token = 0;
        for &b in head.as_bytes() {
            let class = BYTE_CLASS[usize::from(b)];
            if class & WHITE == 0 {
                in_token += usize::from(class & CHAR_START != 0);
                continue;
            }
            // White space is ASCII: one character. Leading, doubled or other
            // white space than one space leaves the tokens not single spaced.
            shape.chars += 1;
            shape.single_spaced &= b == b' ' && in_token > 0;
            shape.close_token(in_token);
            in_token = 0;
        }
        shape.single_spaced &= in_token > 0;
        shape.close_token(in_token);
        shape
    }

    fn close_token(&mut self, chars: usize) {
        self.chars += chars;
        if chars > 0 {
            self.tokens += 1;
            self.singles += usize::from(chars == 1);
        }
    }

    fn letter_spaced(&self) -> bool {
        self.tokens >= 4 && self.singles * 10 >= self.tokens * 8
    }
}

/// A heading candidate with whitespace made regular and letter-spacing undone.
struct Prepared<'h> {
    text: Cow<'h, str>,
    letter_spaced: bool,
    /// Word boundaries were lost (letter-spacing with single spaces throughout).
    squeezed: bool,
}

impl<'h> Prepared<'h> {
    fn new(head: &'h str, shape: TokenShape) -> Prepared<'h> {
        let letter_spaced = shape.letter_spaced();
        // A heading as typed has single spaces between its words: nothing to copy.
        if !letter_spaced && shape.single_spaced {
            return Prepared { text: Cow::Borrowed(head), letter_spaced, squeezed: false };
        }
        if !letter_spaced {
            let mut text = String::with_capacity(head.len());
            for token in head.split_ascii_whitespace() {
                if !text.is_empty() {
                    text.push(' ');
                }
                text.push_str(token);
            }
            return Prepared { text: Cow::Owned(text), letter_spaced, squeezed: false };
        }
        // `F ö r s l a g  t i l l  b e s l u t`: double spaces separate
        // words, each written with its letters glued, straight into the
        // text: no string a word and no list of them.
        let mut text = String::with_capacity(head.len());
        let mut words = 0;
        glue_letter_spaced(head, |c, new_word| {
            if new_word {
                if words > 0 {
                    text.push(' ');
                }
                words += 1;
            }
            text.push(c);
        });
        Prepared { text: Cow::Owned(text), letter_spaced, squeezed: words == 1 }
    }
}

/// Reads a letter-spaced head as `head.split("  ")`, each part's
/// `split_whitespace` pieces glued, parts of white space only left out,
/// would: `each(c, new_word)` for every character kept, `new_word` when it
/// opens a word. Two pieces belong to one word unless the white space
/// between them holds two spaces in a row (where the split cuts, and
/// nothing but white space can stand between the cuts). One pass over the
/// characters, a character pushed at a time: pushing each piece of one
/// letter as a string cost a copy call each.
fn glue_letter_spaced(head: &str, mut each: impl FnMut(char, bool)) {
    // Since the last kept character: whether white space, and two spaces
    // in a row, stood; whether the character before was a space.
    let mut gap = true;
    let mut cut = true;
    let mut after_space = false;
    for c in head.chars() {
        if c.is_whitespace() {
            cut |= after_space && c == ' ';
            after_space = c == ' ';
            gap = true;
        } else {
            each(c, gap && cut);
            gap = false;
            cut = false;
            after_space = false;
        }
    }
}

struct WordsMatch<'p> {
    quality: MatchKind,
    organ: Option<&'p str>,
    rest: Option<&'p str>,
}

fn match_words<'p>(p: &'p Prepared<'_>, words: &str, form: Form) -> Option<WordsMatch<'p>> {
    let text: &str = &p.text;
    let wants_organ = matches!(form, Organ | OrganRest);
    let wants_rest = matches!(form, Rest | OrganRest);
    if p.squeezed && (wants_organ || wants_rest) {
        return None;
    }
    if !wants_organ {
        return match_body(text, words, wants_rest, p.squeezed).map(|(quality, rest)| WordsMatch {
            quality,
            organ: None,
            rest,
        });
    }
    // The organ is one to four words, the last a genitive in -s
    // (`Kommunstyrelsens`, `Miljö- och byggnadsnämndens`): letters and
    // hyphens, digits only as OCR's ö (`Kommunledningsf6rvaltningens`).
    // Read a word at a time up to each of the first four spaces, by bytes:
    // a searcher for `match_indices` and `rsplit` cost more to set up than
    // the few bytes cost to read.
    if !text.starts_with(char::is_alphabetic) {
        return None;
    }
    let mut word_start = 0;
    let mut spaces = 0;
    for (at, &b) in text.as_bytes().iter().enumerate() {
        if b != b' ' {
            continue;
        }
        let (Some(word), Some(organ), Some(body)) =
            (text.get(word_start..at), text.get(..at), text.get(at + 1..))
        else {
            return None;
        };
        // A word with anything else is in every longer organ too.
        if !word.chars().all(is_organ_char) {
            return None;
        }
        if word.ends_with(['s', 'S']) && word.chars().count() >= 4 {
            if let Some((quality, rest)) = match_body(body, words, wants_rest, false) {
                return Some(WordsMatch { quality, organ: Some(organ), rest });
            }
        }
        spaces += 1;
        if spaces == 4 {
            break;
        }
        word_start = at + 1;
    }
    None
}

/// Whether `c` may stand in an organ's name: [`char::is_alphabetic`], or
/// `-`, a space, or OCR's `0` or `6` for ö. The Latin-1 letters (å, ä, ö, é
/// and the rest of U+00C0..U+00FF but × and ÷) are answered without the
/// Unicode tables, which cost a hundred instructions a lookup.
fn is_organ_char(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '-' | ' ' | '0' | '6' => true,
        '\u{c0}'..='\u{ff}' => c != '\u{d7}' && c != '\u{f7}',
        c => c.is_alphabetic(),
    }
}

/// The canonical words, then optionally free rest words, then the end.
fn match_body<'t>(
    text: &'t str,
    words: &str,
    wants_rest: bool,
    squeezed: bool,
) -> Option<(MatchKind, Option<&'t str>)> {
    // The heading as the table writes it, in any ASCII case: every word
    // reads as itself, which is the reading `ocr_word` tries first, so the
    // word-by-word match below would find this. One compare instead.
    if !wants_rest && text.eq_ignore_ascii_case(words) {
        return Some((MatchKind::Exact, None));
    }
    // The `förslag` forms meet every line opening with `F`; the ö's many
    // readings make each failing `ocr_word` branch. Their opening, read
    // by bytes, rules out nearly all of those lines first.
    if opens_with_forslag_word(words) && !may_open_with_forslag(text.as_bytes()) {
        return None;
    }
    // OCR most often loses only diacritics (`Beskrivning av arendet`): read
    // letter against letter, that is the word match's first choice at every
    // letter, so the answer it would come to. Where a letter needs more
    // (an OCR reading), the word match reads it.
    if !wants_rest && !squeezed {
        if let Some(quality) = same_or_folded(text, words) {
            return Some((quality, None));
        }
    }
    match_body_by_word(text, words, wants_rest, squeezed)
}

/// Whether `text` reads as `words` letter by letter, each the same (in any
/// case) or of the same fold, and how: [`MatchKind::Exact`] when all are
/// the same, [`MatchKind::Folded`] otherwise. This is the path [`ocr_word`]
/// tries first at each letter (its OCR readings come after), and single
/// spaces between the words are what the word match takes between them.
fn same_or_folded(mut text: &str, mut words: &str) -> Option<MatchKind> {
    let mut quality = MatchKind::Exact;
    loop {
        // Both sides ASCII, as most letters are: no character decoded.
        let same = same_ascii_prefix(words, text);
        let (mut read, mut canon) = (text.get(same..)?.chars(), words.get(same..)?.chars());
        // The words read to their end: the text must end there too.
        let Some(k) = canon.next() else { return read.as_str().is_empty().then_some(quality) };
        let c = read.next()?;
        (text, words) = (read.as_str(), canon.as_str());
        if c.is_ascii() && k.is_ascii() {
            // For two ASCII characters the fold is the lower case: the byte
            // loop stopped at them, so they differ.
            return None;
        }
        // The same letter as `ocr_word` reads it; `ö` for `o` (or the
        // other way round) without the case tables, whose answer is known.
        let across = (c.is_ascii() && NO_ASCII_LOWER.contains(&k))
            || (k.is_ascii() && NO_ASCII_LOWER.contains(&c));
        if c == k || (!across && c.to_lowercase().eq(k.to_lowercase())) {
            continue;
        }
        if fold_char(c) != fold_char(k) {
            return None;
        }
        quality = MatchKind::Folded;
    }
}

/// How many bytes `a` and `b` open with that are ASCII on both sides and
/// the same in any case: a byte loop. They end at character boundaries.
fn same_ascii_prefix(a: &str, b: &str) -> usize {
    a.bytes()
        .zip(b.bytes())
        .take_while(|(k, c)| k.is_ascii() && c.is_ascii() && k.eq_ignore_ascii_case(c))
        .count()
}

/// Whether the canonical `words` open with the word `förslag`.
fn opens_with_forslag_word(words: &str) -> bool {
    words.strip_prefix(['F', 'f']).is_some_and(|w| w.starts_with("örslag"))
}

/// A necessary condition for `text` to open with a reading of `förslag`, as
/// [`ocr_word`] reads one: `f` or `F` (nothing beyond ASCII reads as `f`),
/// then a reading of ö of one to three bytes (`o`, `ö`, `oé`, ...), then
/// `rsl` in any ASCII case (nothing beyond ASCII reads as `r`, `s` or `l`:
/// [`fold_char`] folds only to vowels, and no such character lower-cases
/// to one of them).
fn may_open_with_forslag(text: &[u8]) -> bool {
    matches!(text.first(), Some(b'f' | b'F'))
        && (2..=4).any(|at| text.get(at..at + 3).is_some_and(|w| w.eq_ignore_ascii_case(b"rsl")))
}

/// [`match_body`] without its shortcut: each canonical word read with [`ocr_word`].
fn match_body_by_word<'t>(
    text: &'t str,
    words: &str,
    wants_rest: bool,
    squeezed: bool,
) -> Option<(MatchKind, Option<&'t str>)> {
    let mut input = text;
    let mut quality = MatchKind::Exact;
    // A one-character set is searched char by char: for a word or two that
    // costs less than the `memchr` call `split(' ')` makes.
    for (n, word) in words.split([' ']).enumerate() {
        if n > 0 {
            let sep: PResult<'_, &str> = if squeezed { space0(input) } else { space1(input) };
            input = sep.ok()?.0;
        }
        let (rest, q) = ocr_word(word, input, !squeezed).ok()?;
        input = rest;
        quality = quality.max_with(q);
    }
    if !wants_rest {
        return input.is_empty().then_some((quality, None));
    }
    let rest = input.strip_prefix(' ')?;
    let count = rest.split(' ').count();
    let plain = rest.chars().all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '/'));
    ((1..=6).contains(&count) && plain && !rest.is_empty()).then_some((quality, Some(rest)))
}

impl MatchKind {
    fn max_with(self, other: MatchKind) -> MatchKind {
        use MatchKind::*;
        match (self, other) {
            (Ocr, _) | (_, Ocr) => Ocr,
            (Folded, _) | (_, Folded) => Folded,
            _ => Exact,
        }
    }
}

/// Characters beyond ASCII whose lower case is never one ASCII character
/// (the Latin letters with diacritics among them), so never that of an
/// ASCII character: below U+2000 only `İ` lower-cases to ASCII, and to two
/// characters (the Kelvin sign `K`, U+212A, is above).
const NO_ASCII_LOWER: std::ops::Range<char> = '\u{80}'..'\u{2000}';

/// ```text
/// ocr-word = { canonical letter as itself | its fold | an OCR reading }  word-boundary
/// ```
/// Case is free. Backtracks over the few multi-letter readings (`ao`, `oé` for ö).
pub(crate) fn ocr_word<'i>(
    canonical: &str,
    input: &'i str,
    boundary: bool,
) -> PResult<'i, MatchKind> {
    fn go<'i>(
        canon: &str,
        input: &'i str,
        q: MatchKind,
        boundary: bool,
    ) -> Option<(&'i str, MatchKind)> {
        let (canon, input, q) = ascii_run(canon, input, q)?;
        let mut cs = canon.chars();
        let Some(k) = cs.next() else {
            let at_boundary = !boundary || !input.starts_with(|c: char| c.is_alphanumeric());
            return at_boundary.then_some((input, q));
        };
        let rest_canon = cs.as_str();
        let mut ins = input.chars();
        let c = ins.next()?;
        let after = ins.as_str();
        // `c == k` first: the same `ö` needs no case-table lookups.
        let same = if c == k {
            true
        } else if c.is_ascii() && k.is_ascii() {
            c.eq_ignore_ascii_case(&k)
        } else if c.is_ascii() && NO_ASCII_LOWER.contains(&k) {
            // OCR's `o` for `ö`: without the case tables, whose answer is known.
            false
        } else {
            c.to_lowercase().eq(k.to_lowercase())
        };
        if same {
            if let Some(r) = go(rest_canon, after, q, boundary) {
                return Some(r);
            }
        } else if fold_char(c) == fold_char(k) {
            if let Some(r) = go(rest_canon, after, q.max_with(MatchKind::Folded), boundary) {
                return Some(r);
            }
        }
        for reading in ocr_readings(k) {
            // The first byte decides for most readings.
            if input.as_bytes().first() != reading.as_bytes().first() {
                continue;
            }
            if let Some(after) = input.strip_prefix(reading) {
                if let Some(r) = go(rest_canon, after, MatchKind::Ocr, boundary) {
                    return Some(r);
                }
            }
        }
        None
    }
    /// Reads the canonical letters up to the next one that is not ASCII.
    /// An ASCII letter has no OCR readings, so [`go`] could only take its
    /// first branch there (same letter, or the same fold): a loop, not a
    /// recursion, and one byte compare when the input letter is ASCII too.
    /// Fails where `go` would fail; stops before a letter `go` must branch on.
    fn ascii_run<'c, 'i>(
        mut canon: &'c str,
        mut input: &'i str,
        mut q: MatchKind,
    ) -> Option<(&'c str, &'i str, MatchKind)> {
        loop {
            // Both sides ASCII, as most letters are: a byte loop.
            let same = same_ascii_prefix(canon, input);
            // The bytes before `same` are ASCII on both sides: char boundaries.
            canon = canon.get(same..)?;
            input = input.get(same..)?;
            let Some(&k) = canon.as_bytes().first().filter(|k| k.is_ascii()) else { break };
            let c = input.chars().next()?;
            if c.is_ascii() {
                // For two ASCII characters the fold is the lower case.
                if !c.eq_ignore_ascii_case(&char::from(k)) {
                    return None;
                }
            } else {
                let k = char::from(k);
                // `ö` for `o`: no case tables needed to tell them apart.
                let same_lower =
                    !NO_ASCII_LOWER.contains(&c) && c.to_lowercase().eq(k.to_lowercase());
                if !same_lower {
                    if fold_char(c) != fold_char(k) {
                        return None;
                    }
                    q = q.max_with(MatchKind::Folded);
                }
            }
            canon = &canon[1..];
            input = &input[c.len_utf8()..];
        }
        Some((canon, input, q))
    }
    go(canonical, input, MatchKind::Exact, boundary)
        .ok_or_else(|| nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Tag)))
}

/// Heading recognition as it was before the cheap filters ran ahead of the
/// prepared candidate (commit e5a7be3): the oracle the differential tests
/// hold [`recognize_with`] to, over every line of the fixtures and of
/// generated documents and over damaged headings.
#[cfg(test)]
mod as_it_was {
    use super::*;

    /// [`recognize`], also taking extra `(kind, heading)` synonyms (from a profile).
    pub(super) fn recognize_with_as_it_was(
        line: &str,
        extra: &[(SectionKind, String)],
    ) -> Option<HeadingMatch> {
        let lead = line.len() - trim_start(line).len();
        let unled = &line[lead..];
        // Numbering opens with a digit; most lines open with a letter.
        let numbered = unled.starts_with(|c: char| c.is_ascii_digit());
        let after_numbering = numbered.then(|| numbering(unled)).flatten().unwrap_or(unled);
        let start = line.len() - after_numbering.len();
        // The head ends at the first colon. Without extra headings, a byte no
        // heading of the table has rules the line out where it stands, and the
        // pass that finds the colon takes the head's shape on the way.
        let (colon, scanned) = if extra.is_empty() {
            let scanned = scan_head(after_numbering.as_bytes())?;
            (scanned.colon, Some(scanned))
        } else {
            (find_byte(after_numbering.as_bytes(), b':', 0), None)
        };
        let (head_end, rest) = match colon {
            Some(colon) => {
                let after = &after_numbering[colon + 1..];
                let rest_lead = after.len() - after.trim_start().len();
                let rest = (!after.trim().is_empty()).then_some(start + colon + 1 + rest_lead);
                (start + colon, rest)
            }
            None => (line.len(), None),
        };
        let head = trim_end(&line[start..head_end]);
        // Cheap rejections first: nearly every line of a document is prose, and
        // prose is long, or ends like a sentence.
        if head.is_empty()
            || head.len() > MAX_HEADING_LINE
            || (rest.is_none() && head.ends_with(['.', ',', ';']))
        {
            return None;
        }
        // The scan's shape stands for the head when the head ends where the
        // scan saw its last word end: only white space beyond ASCII at the end
        // (which `trim_end` takes off too) makes them differ.
        let shape = match scanned {
            Some(scanned) if scanned.len == head.len() => scanned.shape,
            _ => TokenShape::of(head),
        };
        if !shape.letter_spaced() && shape.tokens > MAX_HEADING_WORDS {
            return None;
        }
        let end = start + head.len();
        let prepared = Prepared::new(head, shape);
        let first = prepared.text.chars().next().map(fold_char)?;
        // A byte search back from the end: `rsplit(' ')` costs a searcher's
        // setup on every candidate; `memrchr` costs less than a byte loop even
        // for the short last word. Only an organ form that the last letter lets
        // through asks for it: most candidates never do.
        let last_word = std::cell::OnceCell::new();
        let last_word = || {
            *last_word.get_or_init(|| match memchr::memrchr(b' ', prepared.text.as_bytes()) {
                Some(at) => prepared.text.get(at + 1..).unwrap_or(""),
                None => &prepared.text,
            })
        };
        let length = match prepared.text {
            Cow::Borrowed(_) => shape.chars,
            Cow::Owned(ref text) => text.chars().count(),
        };
        let found = extra
            .iter()
            .find_map(|(kind, words)| {
                match_words_as_it_was(&prepared, words, Words).map(|m| (*kind, words.as_str(), m))
            })
            .or_else(|| {
                let index = def_index();
                // The line's last character's skeleton letter, against each table
                // entry's last letter: most entries that the first letter and the
                // length let through end otherwise.
                let last = prepared.text.chars().next_back().and_then(skeleton_letter);
                let plain = index.plain_for(first, length).filter(|t| t.may_end_with(last));
                // An organ heading has two words at least, and ends in the def's last
                // word or (with rest words: four at least) has `förslag` after its organ.
                let organ = index.organ.iter().filter(|t| {
                    shape.tokens >= 2
                        && match t.def.form {
                            Organ => {
                                t.may_end_with(last)
                                    && last_word().len() >= t.last_word_chars
                                    && ocr_word(t.last_word, last_word(), true).is_ok()
                            }
                            _ => shape.tokens >= 4 && forslag_after_organ_as_it_was(&prepared.text),
                        }
                });
                plain.chain(organ).find_map(|t| {
                    let d = t.def;
                    match_words_as_it_was(&prepared, d.words, d.form).map(|m| (d.kind, d.words, m))
                })
            });
        let (kind, words, m) = found?;
        // `organ words rest`, each part there or not, one space between.
        let parts = [m.organ, Some(words), m.rest];
        let mut canonical =
            String::with_capacity(parts.iter().flatten().map(|p| p.len() + 1).sum());
        for (n, part) in parts.into_iter().flatten().enumerate() {
            if n > 0 {
                canonical.push(' ');
            }
            canonical.push_str(part);
        }
        let match_kind = if prepared.letter_spaced { MatchKind::Ocr } else { m.quality };
        Some(HeadingMatch { kind, canonical, match_kind, text: start..end, rest })
    }

    fn match_words_as_it_was<'p>(
        p: &'p Prepared<'_>,
        words: &str,
        form: Form,
    ) -> Option<WordsMatch<'p>> {
        let text: &str = &p.text;
        let wants_organ = matches!(form, Organ | OrganRest);
        let wants_rest = matches!(form, Rest | OrganRest);
        if p.squeezed && (wants_organ || wants_rest) {
            return None;
        }
        if !wants_organ {
            return match_body(text, words, wants_rest, p.squeezed)
                .map(|(quality, rest)| WordsMatch { quality, organ: None, rest });
        }
        // The organ is one to four words, the last a genitive in -s.
        let mut boundaries = text.match_indices(' ').map(|(i, _)| i);
        for _ in 0..4 {
            let at = boundaries.next()?;
            let organ = &text[..at];
            if !is_organ_genitive_as_it_was(organ) {
                continue;
            }
            if let Some((quality, rest)) = match_body(&text[at + 1..], words, wants_rest, false) {
                return Some(WordsMatch { quality, organ: Some(organ), rest });
            }
        }
        None
    }

    /// `Kommunstyrelsens`, `Miljö- och byggnadsnämndens`: letters and hyphens,
    /// the last word ending in `s`.
    fn is_organ_genitive_as_it_was(organ: &str) -> bool {
        let last = organ.rsplit(' ').next().unwrap_or("");
        last.chars().count() >= 4
            && last.ends_with(['s', 'S'])
            // Digits only as OCR's ö (`Kommunledningsf6rvaltningens`).
            && organ.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | ' ' | '0' | '6'))
            && organ.starts_with(char::is_alphabetic)
    }

    /// Whether `förslag` may open the text after one of the first four spaces
    /// of `text` (a prepared candidate), as an organ's proposal with rest words
    /// needs: the organ is one to four words, the body opens with `förslag`.
    /// [`may_open_with_forslag`] at each of those places, found by one byte
    /// loop that ends at the fourth space.
    fn forslag_after_organ_as_it_was(text: &str) -> bool {
        let bytes = text.as_bytes();
        bytes
            .iter()
            .enumerate()
            .filter(|&(_, &b)| b == b' ')
            .take(4)
            .any(|(at, _)| bytes.get(at + 1..).is_some_and(may_open_with_forslag))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_ascii_character_lower_cases_as_one_beyond_it() {
        for k in NO_ASCII_LOWER {
            for c in (0u8..0x80).map(char::from) {
                assert!(!c.to_lowercase().eq(k.to_lowercase()), "{c:?} {k:?}");
            }
        }
    }

    /// Every string of at most `max` characters from `alphabet`.
    fn all_strings(alphabet: &[char], max: u32) -> impl Iterator<Item = String> + '_ {
        (0..=max).flat_map(move |len| {
            (0..alphabet.len().pow(len)).map(move |mut n| {
                (0..len)
                    .map(|_| {
                        let c = alphabet[n % alphabet.len()];
                        n /= alphabet.len();
                        c
                    })
                    .collect()
            })
        })
    }

    fn kind(line: &str) -> Option<SectionKind> {
        recognize(line).map(|m| m.kind)
    }

    #[test]
    fn diacritics_in_any_state() {
        for line in [
            "Förslag till beslut",
            "Forslag till beslut",
            "Férslag till beslut",
            "Fdrslag till beslut",
        ] {
            assert_eq!(kind(line), Some(K::Proposal), "{line}");
        }
        assert_eq!(recognize("Förslag till beslut").unwrap().match_kind, MatchKind::Exact);
        assert_eq!(recognize("Forslag till beslut").unwrap().match_kind, MatchKind::Folded);
        assert_eq!(recognize("Férslag till beslut").unwrap().match_kind, MatchKind::Ocr);
    }

    #[test]
    fn case_spaces_and_colon() {
        assert_eq!(kind("BESLUTSUNDERLAG"), Some(K::DecisionBasis));
        assert_eq!(kind("   Sandlista:"), Some(K::Distribution));
        assert_eq!(kind("Beslutet skickas till:"), Some(K::Distribution));
        let m = recognize("  Bakgrund:  ").unwrap();
        assert_eq!(m.text, 2..10);
        assert_eq!(m.rest, None);
    }

    #[test]
    fn letter_spaced() {
        assert_eq!(kind("B e s l u t"), Some(K::Decision));
        assert_eq!(kind("B e s l u t s u n d e r l a g"), Some(K::DecisionBasis));
        let m = recognize("F ö r s l a g  t i l l  b e s l u t").unwrap();
        assert_eq!((m.kind, m.match_kind), (K::Proposal, MatchKind::Ocr));
    }

    #[test]
    fn organ_forms() {
        let m = recognize("Kommunledningsforvaltningens bedomning").unwrap();
        assert_eq!(m.kind, K::Assessment);
        assert_eq!(m.canonical, "Kommunledningsforvaltningens bedömning");
        assert_eq!(kind("Kommunstyrelsens förslag till beslut"), Some(K::Proposal));
        assert_eq!(kind("Kommunledningsf6rvaltningens bedaomning"), Some(K::Assessment));
        assert_eq!(kind("2026s bedömning"), None);
        assert_eq!(kind("Kommunstyrelsens förslag till kommunfullmäktige"), Some(K::Proposal));
        assert_eq!(kind("KOMMUNSTYRELSENS FÖRSLAG TILL KOMMUNFULLMÄKTIGE"), Some(K::Proposal));
        assert_eq!(kind("Kommunfullmäktiges beslut"), Some(K::Decision));
        assert_eq!(kind("Miljö- och byggnadsnämndens beslut"), Some(K::Decision));
        assert_eq!(kind("Förslag till beslut i kommunstyrelsen"), Some(K::Proposal));
    }

    #[test]
    fn short_headings_do_not_take_ordinary_words() {
        assert_eq!(kind("besluta att anta planen"), None);
        assert_eq!(kind("Beslutet"), None);
        assert_eq!(kind("yttranden"), None);
        assert_eq!(kind("Kommunstyrelsen beslutar att:"), None);
        assert_eq!(kind("Tidigare beslut har fattats om detta"), None);
    }

    #[test]
    fn heading_opening_a_line() {
        let line = "Beslutsunderlag: Tjänsteskrivelse 2026-02-19";
        let m = recognize(line).unwrap();
        assert_eq!(m.kind, K::DecisionBasis);
        assert_eq!(&line[m.rest.unwrap()..], "Tjänsteskrivelse 2026-02-19");
    }

    /// The byte reader of [`numbering`] reads as its grammar in nom's
    /// combinators: every string of up to six characters from the seven
    /// characters that matter.
    #[test]
    fn numbering_reads_as_its_grammar() {
        use nom::Parser;
        use nom::character::complete::{char, digit1};
        use nom::combinator::opt;
        use nom::multi::many0;
        fn by_grammar(i: &str) -> Option<&str> {
            let parsed: PResult<'_, _> =
                (digit1, many0((char('.'), digit1)), opt(char('.')), space1).parse(i);
            parsed.ok().map(|(rest, _)| rest)
        }
        for text in all_strings(&['1', '0', '.', ' ', '\t', 'a', '٣'], 6) {
            assert_eq!(numbering(&text), by_grammar(&text), "{text:?}");
        }
    }

    #[test]
    fn numbered_headings() {
        let m = recognize("3.2 Ekonomiska konsekvenser").unwrap();
        assert_eq!(m.kind, K::EconomicConsequences);
        assert_eq!(m.text, 4..27);
    }

    #[test]
    fn ocr_multi_letter_readings() {
        assert!(ocr_word("möjligheter", "maojligheter", true).is_ok());
        assert!(ocr_word("föreslås", "foéreslas", true).is_ok());
        assert!(ocr_word("beslut", "beslutar", true).is_err());
    }

    #[test]
    fn token_shape_agrees_with_splitting() {
        for head in [
            "Beslut",
            "B e s l u t",
            "Förslag  till\tbeslut",
            " Bakgrund ",
            "å ä ö x",
            "Sändlista\u{a0}x",
            "a",
        ] {
            let shape = TokenShape::of(head);
            let tokens: Vec<&str> = head.split_ascii_whitespace().collect();
            assert_eq!(shape.tokens, tokens.len(), "{head:?}");
            assert_eq!(shape.singles, tokens.iter().filter(|t| t.chars().count() == 1).count());
            assert_eq!(shape.chars, head.chars().count());
            assert_eq!(shape.single_spaced, tokens.join(" ") == head, "{head:?}");
        }
        assert!(scan_head(b"Beslut 2026").is_none());
        assert_eq!(scan_head(b"Beslut: 2026").map(|s| s.colon), Some(Some(6)));
        assert_eq!(scan_head(b"Bakgrund").map(|s| s.colon), Some(None));
    }

    /// The one-pass scan reads heads as the colon search, the byte filter
    /// and [`TokenShape::of`] of the trimmed head would.
    #[test]
    fn the_head_scan_agrees_with_its_parts() {
        for text in [
            "",
            " ",
            "Beslut",
            "B e s l u t",
            "B e s l u t  ",
            "Förslag  till\tbeslut: x",
            " Bakgrund :",
            "Bakgrund\u{a0}",
            "Bakgrund \u{a0} ",
            "å ä ö x",
            "Sändlista\u{a0}x",
            "Beslut 2026",
            "Beslut: 2026",
            "a\x0bb \r c\n",
            "Miljö- och byggnadsnämndens beslut",
            "éé é ö 6 0 / -",
            "Beslut. Mer",
            ":",
            "  :",
        ] {
            scan_agrees_with_its_parts(text);
        }
        // Every string of up to six characters from white space of every
        // kind, letters of one and two bytes, a colon and a stop.
        for text in all_strings(&[' ', 'a', 'ö', ':', '\t', '.', '\u{a0}'], 6) {
            scan_agrees_with_its_parts(&text);
        }
    }

    /// [`scan_head`] of `text` reads as the colon search, the byte filter and
    /// [`TokenShape::of`] of the trimmed head.
    fn scan_agrees_with_its_parts(text: &str) {
        let bytes = text.as_bytes();
        let first_odd = bytes.iter().position(|&b| !may_stand_in_heading(b));
        let expected_colon = match first_odd {
            None => Some(None),
            Some(at) if bytes[at] == b':' => Some(Some(at)),
            Some(_) => None,
        };
        let scanned = scan_head(bytes);
        assert_eq!(scanned.map(|s| s.colon), expected_colon, "{text:?}");
        let Some(scanned) = scanned else { return };
        let region = &text[..scanned.colon.unwrap_or(text.len())];
        let head = region.trim_ascii_end();
        assert_eq!(scanned.len, head.len(), "{text:?}");
        let (got, want) = (scanned.shape, TokenShape::of(head));
        assert_eq!(
            (got.tokens, got.singles, got.chars, got.single_spaced),
            (want.tokens, want.singles, want.chars, want.single_spaced),
            "{text:?}"
        );
    }

    /// [`skip_word_ascii`] stops where a byte-by-byte walk stops: every
    /// byte value in each place of a chunk, after runs of every length,
    /// from every start.
    #[test]
    fn skipping_word_bytes_eight_at_a_time_stops_where_one_at_a_time_does() {
        let by_byte = |text: &[u8], at: usize| {
            let rest = &text[at..];
            at + rest.iter().position(|&b| !class_has(b, WORD_ASCII)).unwrap_or(rest.len())
        };
        let mut text = Vec::new();
        for odd in 0..=255u8 {
            for run in 0..20 {
                for tail in [&b""[..], b"Zz-/06", b" x", "ä".as_bytes()] {
                    text.clear();
                    text.extend((0..run).map(|n| b"azAZmQ-/06"[n % 10]));
                    text.push(odd);
                    text.extend_from_slice(tail);
                    for at in 0..text.len() {
                        assert_eq!(skip_word_ascii(&text, at), by_byte(&text, at), "{text:?} {at}");
                    }
                }
            }
        }
    }

    #[test]
    fn letter_spaced_words_are_glued_as_split_and_joined() {
        for head in [
            "F ö r s l a g  t i l l  b e s l u t",
            "B e s l u t",
            "  B e s l u t   u n d e r l a g  ",
            "S a m m a n f a t t n i n g\u{a0} a v",
            "a b c d  ",
            "a  \u{2003}  b c d",
        ] {
            let shape = TokenShape::of(head);
            assert!(shape.letter_spaced(), "{head:?}");
            let words: Vec<String> = head
                .split("  ")
                .map(|w| w.split_whitespace().collect::<String>())
                .filter(|w| !w.is_empty())
                .collect();
            let p = Prepared::new(head, shape);
            assert_eq!((&*p.text, p.squeezed), (&*words.join(" "), words.len() == 1), "{head:?}");
        }
    }

    /// [`glue_letter_spaced`] reads every head as the split on double
    /// spaces it stands for: all strings of a few characters from an
    /// alphabet of the white space and letters that matter.
    #[test]
    fn glueing_reads_as_splitting_on_double_spaces() {
        for text in all_strings(&[' ', 'a', 'B', '\t', '\u{a0}', 'é', '\u{2003}'], 6) {
            let mut want = Vec::new();
            for part in text.split("  ") {
                let glued: String = part.split_whitespace().collect();
                if !glued.is_empty() {
                    want.push(glued);
                }
            }
            let mut got: Vec<String> = Vec::new();
            glue_letter_spaced(&text, |c, new_word| match got.last_mut() {
                Some(word) if !new_word => word.push(c),
                _ => got.push(c.to_string()),
            });
            assert_eq!(got, want, "{text:?}");
        }
    }

    /// The lemma [`DefEntry::may_end_with`] stands on: whatever
    /// [`ocr_word`] reads as a letter of a heading has that letter's
    /// skeleton letter.
    #[test]
    fn every_reading_of_a_heading_letter_keeps_its_skeleton_letter() {
        let mut letters: Vec<char> = DEFS.iter().flat_map(|d| d.words.chars()).collect();
        letters.sort_unstable();
        letters.dedup();
        letters.retain(|&k| k != ' ');
        // A character reads as a letter of the table only by its lower case
        // or its fold (both then in Latin up to U+024F, where the table's
        // letters are) or as a piece of an OCR reading (ASCII or Latin-1):
        // those characters are all that need reading.
        let latin = |c: char| c <= '\u{24f}';
        let chars: Vec<char> = ('\0'..=char::MAX)
            .filter(|&c| latin(c) || latin(fold_char(c)) || c.to_lowercase().any(latin))
            .collect();
        assert!(chars.contains(&'\u{212a}'), "the Kelvin sign reads as k");
        for &k in &letters {
            let canon = k.to_string();
            for &c in &chars {
                let read = c.to_string();
                if ocr_word(&canon, &read, false).is_ok_and(|(rest, _)| rest.is_empty()) {
                    assert_eq!(skeleton_letter(c), skeleton_letter(k), "{k:?} read as {c:?}");
                }
            }
            for reading in ocr_readings(k) {
                assert_eq!(skeleton_letter(k), None, "{k:?}");
                assert!(reading.chars().all(|c| skeleton_letter(c).is_none()), "{reading:?}");
            }
        }
    }

    /// Every heading of the table, damaged as OCR damages it, is still let
    /// through by the last-letter filter wherever its form matches.
    #[test]
    fn the_last_letter_filter_admits_what_the_forms_match() {
        let index = def_index();
        let mut checked = 0;
        for t in index.plain.iter().chain(&index.organ) {
            let d = t.def;
            let mut texts =
                vec![d.words.to_string(), d.words.to_uppercase(), crate::fold::fold(d.words)];
            for k in ['ö', 'ä', 'å'] {
                for reading in ocr_readings(k) {
                    texts.push(d.words.replace(k, reading));
                }
            }
            let spaced: Vec<String> = texts
                .iter()
                .map(|t| {
                    t.split(' ')
                        .map(|w| w.chars().map(String::from).collect::<Vec<_>>().join(" "))
                        .collect::<Vec<_>>()
                        .join("  ")
                })
                .collect();
            texts.extend(spaced);
            for text in texts {
                for text in [
                    text.clone(),
                    format!("Kommunstyrelsens {text}"),
                    format!("{text} i kommunstyrelsen"),
                ] {
                    let prepared = Prepared::new(&text, TokenShape::of(&text));
                    if match_words(&prepared, d.words, d.form).is_some() {
                        // Rest forms are let through whatever they end with:
                        // only the others test the filter.
                        checked += usize::from(!matches!(d.form, Rest | OrganRest));
                        let last = prepared.text.chars().next_back().and_then(skeleton_letter);
                        assert!(t.may_end_with(last), "{text:?} as {:?}", d.words);
                    }
                }
            }
        }
        assert!(checked > 300, "{checked}");
    }

    #[test]
    fn the_length_index_admits_what_the_length_filter_admits() {
        let index = def_index();
        assert!(index.plain.len() < 256);
        for b in 0..27u8 {
            let first = if b < 26 { char::from(b'a' + b) } else { 'é' };
            for length in 0..3 * INDEXED_LENGTHS {
                let indexed: Vec<&str> =
                    index.plain_for(first, length).map(|t| t.def.words).collect();
                let filtered: Vec<&str> = index
                    .plain
                    .iter()
                    .filter(|t| bucket(t.first) == bucket(first) && t.admits(length))
                    .map(|t| t.def.words)
                    .collect();
                assert_eq!(indexed, filtered, "{first} {length}");
            }
        }
    }

    #[test]
    fn the_exact_shortcut_reads_as_word_by_word() {
        let mut cases: Vec<(String, &str)> =
            vec![("Beskrivning av Ärendet".into(), "Beskrivning av ärendet")];
        // Every heading of the table as written, in capitals, and in lower case.
        for def in DEFS {
            for text in [def.words.to_string(), def.words.to_uppercase(), def.words.to_lowercase()]
            {
                cases.push((text, def.words));
            }
        }
        for (text, words) in &cases {
            for squeezed in [false, true] {
                let by_word = match_body_by_word(text, words, false, squeezed);
                assert_eq!(match_body(text, words, false, squeezed), by_word, "{text}");
                // Where the shortcut answers, the words alone give the same answer.
                if text.eq_ignore_ascii_case(words) {
                    assert_eq!(by_word, Some((MatchKind::Exact, None)), "{text}");
                }
            }
        }
    }

    /// The letter-by-letter shortcut answers as the word match does, for
    /// every heading of the table with its letters replaced by every
    /// character of the same fold or lower case, by OCR readings, and with
    /// other damage.
    #[test]
    fn the_folded_shortcut_reads_as_word_by_word() {
        let alike: Vec<char> = ('\0'..='\u{3000}')
            .chain(['\u{212a}', '\u{212b}'])
            .filter(|&c| fold_char(c).is_ascii_lowercase() || "åäöÅÄÖ".contains(c))
            .collect();
        let mut texts: Vec<(String, &str)> = Vec::new();
        // A profile's extra headings may be written any way at all.
        let extra = ["Kopia till", "Kopia  till", " Kopia", "Kopia ", "Å-ärende: x", "İß\u{212b}k"];
        for w in DEFS.iter().map(|d| d.words).chain(extra) {
            texts.push((crate::fold::fold(w), w));
            texts.push((w.to_uppercase(), w));
            texts.push((format!("{w}x"), w));
            texts.push((w.replacen(' ', "  ", 1), w));
            for (at, k) in w.char_indices() {
                let after = &w[at + k.len_utf8()..];
                let folded = fold_char(k);
                for &c in alike
                    .iter()
                    .filter(|&&c| fold_char(c) == folded || c.to_lowercase().eq(k.to_lowercase()))
                {
                    texts.push((format!("{}{c}{after}", &w[..at]), w));
                }
                for reading in ocr_readings(k) {
                    texts.push((format!("{}{reading}{after}", &w[..at]), w));
                }
                texts.push((format!("{}{after}", &w[..at]), w));
            }
        }
        let mut shortcut = 0;
        for (text, words) in &texts {
            // A prepared candidate has single spaces between its words only.
            if text.contains("  ") || text.starts_with(' ') || text.ends_with(' ') {
                continue;
            }
            let by_word = match_body_by_word(text, words, false, false);
            assert_eq!(match_body(text, words, false, false), by_word, "{text:?}");
            if let Some(q) = same_or_folded(text, words) {
                shortcut += 1;
                assert_eq!(by_word, Some((q, None)), "{text:?}");
            }
        }
        assert!(shortcut > 1000, "{shortcut}");
    }

    #[test]
    fn the_forslag_opening_admits_every_reading_of_forslag() {
        let bodies: Vec<&str> =
            DEFS.iter().map(|d| d.words).filter(|w| opens_with_forslag_word(w)).collect();
        assert_eq!(bodies.len(), 8);
        assert!(!opens_with_forslag_word("Beslut"));
        // Every character (and the multi-letter readings) in each place of
        // `förslag`'s first letters, with and without what follows: where
        // the word-by-word match takes the text, the opening check must too.
        let mut fillers: Vec<String> = ('\u{0}'..='\u{3000}').map(String::from).collect();
        fillers.extend(["ao", "oé", "oo", "aö", "öo"].map(String::from));
        let canon: Vec<char> = "förslag".chars().collect();
        for place in 0..5 {
            for filler in &fillers {
                let mut word = String::new();
                for (n, c) in canon.iter().enumerate() {
                    if n == place { word.push_str(filler) } else { word.push(*c) }
                }
                for tail in ["", " till beslut", " till beslut i nämnden", "till"] {
                    let text = format!("{word}{tail}");
                    for &words in &bodies {
                        for (rest, squeezed) in [(false, false), (true, false), (false, true)] {
                            let by_word = match_body_by_word(&text, words, rest, squeezed);
                            if by_word.is_some() {
                                assert!(may_open_with_forslag(text.as_bytes()), "{text:?}");
                            }
                            assert_eq!(match_body(&text, words, rest, squeezed), by_word, "{text}");
                        }
                    }
                }
            }
        }
        assert!(!may_open_with_forslag(b"Fastigheten"));
        assert!(!may_open_with_forslag(b"Forsag"));
        assert!(!may_open_with_forslag("Förs lag".as_bytes()));
        assert!(may_open_with_forslag(b"FAORSLAG"));
    }

    /// Wherever the organ form with rest words matches, `förslag` stands
    /// after one of the first four spaces as [`forslag_after_organ`] reads it.
    #[test]
    fn forslag_after_organ_admits_what_the_organ_rest_form_takes() {
        let organ_rest = DEFS.iter().find(|d| d.form == OrganRest).unwrap();
        let organs = [
            "Kommunstyrelsens",
            "Miljö- och byggnadsnämndens",
            "A b c ds",
            "Ett två tre fyras",
            "KS",
            "",
        ];
        let bodies = ["förslag", "Forslag", "FAORSLAG", "fdrslag", "f6rslåg", "Förs lag", "forsla"];
        let tails = [" till kommunfullmäktige", " TILL beslut i nämnden", " till", " tll x"];
        let mut matched = 0;
        for organ in organs {
            for body in bodies {
                for tail in tails {
                    for text in [format!("{organ} {body}{tail}"), format!("{organ}{body}{tail}")] {
                        let prepared = Prepared::new(&text, TokenShape::of(&text));
                        let m = match_words(&prepared, organ_rest.words, OrganRest);
                        if m.is_some() {
                            matched += 1;
                            assert!(forslag_after_organ(&prepared.text), "{text:?}");
                        }
                    }
                }
            }
        }
        assert!(matched >= 16, "{matched}");
        assert!(!forslag_after_organ("förslag till beslut"));
        assert!(!forslag_after_organ("a b c d e förslag till"));
        assert!(forslag_after_organ("a b c d förslag till"));
    }

    #[test]
    fn an_organs_proposal_with_a_folded_a_is_a_heading() {
        // The pre-filter once took only an ASCII `a` in `rslag`.
        let kind_of = |t| recognize_with(t, &[]).map(|m| m.kind);
        assert_eq!(kind_of("Socialnämndens förslåg till kommunfullmäktige"), Some(K::Proposal));
        assert_eq!(kind_of("Socialnämndens förslag till kommunfullmäktige"), Some(K::Proposal));
    }

    /// The profile headings the differential tests try beside none: an
    /// extra of each shape (one word, several, one the table has too).
    fn extra_headings() -> Vec<(SectionKind, String)> {
        vec![
            (K::Distribution, "Beslut expedieras till".to_string()),
            (K::Other, "Kopia till".to_string()),
            (K::Summary, "Sammanfattning".to_string()),
            (K::Other, "Ärende 12".to_string()),
        ]
    }

    /// [`recognize_with`] answers as it did, with and without extra headings.
    fn answers_as_it_did(line: &str, extras: &[(SectionKind, String)]) -> bool {
        for extra in [&[][..], extras] {
            assert_eq!(
                recognize_with(line, extra),
                as_it_was::recognize_with_as_it_was(line, extra),
                "{line:?} with {} extra headings",
                extra.len()
            );
        }
        recognize_with(line, &[]).is_some()
    }

    /// Every line the memo holds answers as its reading does and as
    /// recognition did, found by its hash; and every line a character away
    /// from one of them (one cut, or changed, a byte more at either end, or
    /// in lower case) is read as itself, never taken for the line beside it.
    #[test]
    fn the_line_memo_answers_as_the_reading_does() {
        let memo = line_memo();
        let extras = extra_headings();
        let (mut headings, mut near_headings) = (0, 0);
        for line in &memo.lines {
            assert_eq!(memo.answer(line), Some(&read_heading(line, &[])), "{line:?}");
            headings += usize::from(answers_as_it_did(line, &extras));
            let chars: Vec<char> = line.chars().collect();
            let mut near = vec![
                format!("{line} "),
                format!(" {line}"),
                format!("{line}s"),
                format!("{line}:"),
                format!("1 {line}"),
                line.to_lowercase(),
            ];
            for at in 0..chars.len() {
                let mut cut = chars.clone();
                cut.remove(at);
                let mut changed = chars.clone();
                changed[at] = if changed[at] == 'e' { 'o' } else { 'e' };
                near.extend([cut, changed].map(|c| c.into_iter().collect::<String>()));
            }
            for line in near {
                near_headings += usize::from(answers_as_it_did(&line, &extras));
            }
        }
        assert!(memo.lines.len() > 600 && headings > 600, "{} {headings}", memo.lines.len());
        // Room enough that a probe meets an empty slot soon.
        assert!(memo.lines.len() * 4 < memo.slots.len(), "{}", memo.lines.len());
        assert!(near_headings > 8_000, "{near_headings}");
    }

    /// Every line of every fixture and of three hundred generated documents,
    /// as it stands, trimmed, and with a colon and text after it.
    #[test]
    fn recognition_answers_as_it_did_on_every_corpus_line() {
        let extras = extra_headings();
        let mut texts: Vec<String> = Vec::new();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        for dir in ["parse", "invalid"] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "txt") {
                    texts.push(String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned());
                }
            }
        }
        let sentences = crate::test_corpus::sentences();
        let options = crate::test_corpus::Options::default();
        texts.extend((0..300).map(|i| crate::test_corpus::document(5, i, &options, &sentences)));
        let (mut lines, mut headings) = (0, 0);
        for text in &texts {
            for line in text.lines() {
                lines += 1;
                headings += usize::from(answers_as_it_did(line, &extras));
                answers_as_it_did(line.trim(), &extras);
                answers_as_it_did(&format!("{}: x", line.trim_end()), &extras);
            }
        }
        assert!(lines > 20_000 && headings > 2_000, "{lines} {headings}");
    }

    /// A heading of the table (or an extra one), damaged by `edits`:
    /// each `(what, where, with)` rewrites the line as OCR and layout do.
    fn damaged(words: &str, edits: &[(u8, u16, u16)]) -> String {
        const READINGS: &[&str] = &[
            "o", "é", "d", "e", "6", "0", "ao", "oé", "ó", "O", "D", "a", "A", "à", "á", "ä", "ö",
            "å", "Ä", "Ö", "Å", "|", "I", "l", "1", " ", "  ", "-", "/", "s", "S", "\u{a0}", "\t",
        ];
        const AROUND: &[&str] = &[
            "Kommunstyrelsens ",
            "Miljö- och byggnadsnämndens ",
            "Kommunledningsf6rvaltningens ",
            "2026s ",
            "Ett två tre fyras ",
            "Ett två tre fyra fems ",
            " i kommunstyrelsen",
            " till kommunfullmäktige",
            " i KS 2026",
            ":",
            ": Tjänsteskrivelse, 2026-02-19",
            ".",
            ",",
            "3.2 ",
            "1. ",
            "e ",
            "• ",
            "¢ ",
            "  ",
            " ",
            "s",
            "a",
        ];
        let mut line = words.to_string();
        for &(what, at, with) in edits {
            let chars: Vec<char> = line.chars().collect();
            let at = usize::from(at) % (chars.len() + 1);
            let byte = chars[..at].iter().map(|c| c.len_utf8()).sum::<usize>();
            let reading = READINGS[usize::from(with) % READINGS.len()];
            let around = AROUND[usize::from(with) % AROUND.len()];
            match what % 9 {
                // A letter read otherwise, or lost, or one more.
                0 if at < chars.len() => {
                    let end = byte + chars[at].len_utf8();
                    line.replace_range(byte..end, reading);
                }
                1 if at < chars.len() => {
                    line.remove(byte);
                }
                2 => line.insert_str(byte, reading),
                3 => line.insert_str(0, around),
                4 => line.push_str(around),
                5 => line = line.to_uppercase(),
                6 => line = line.to_lowercase(),
                // Letter-spaced, words two spaces apart (or one).
                7 => {
                    let sep = if with % 2 == 0 { "  " } else { " " };
                    line = line
                        .split(' ')
                        .map(|w| w.chars().map(String::from).collect::<Vec<_>>().join(" "))
                        .collect::<Vec<_>>()
                        .join(sep);
                }
                _ => line = crate::fold::fold(&line),
            }
        }
        line
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn recognition_answers_as_it_did_on_damaged_headings(
            which in 0usize..200,
            edits in proptest::collection::vec((0u8..9, 0u16..200, 0u16..1000), 0..5),
        ) {
            let extras = extra_headings();
            let words = DEFS
                .get(which)
                .map(|d| d.words)
                .or_else(|| extras.get(which % extras.len()).map(|(_, w)| w.as_str()))
                .unwrap_or("Beslut");
            answers_as_it_did(&damaged(words, &edits), &extras);
        }
    }

    /// Every heading of the table, and every one of its prefixes and
    /// suffixes, damaged once in each place, answers as it did.
    #[test]
    fn recognition_answers_as_it_did_on_each_single_edit() {
        let extras = extra_headings();
        let (mut checked, mut headings) = (0, 0);
        for d in DEFS {
            let n = d.words.chars().count() as u16;
            for what in 0..9u8 {
                // Each edit in each place it can differ: a letter replaced or
                // added with each reading, one removed, words put before or
                // after, the whole line's case, folding or spacing changed.
                let (places, withs) = match what {
                    0 | 2 => (n, 33),
                    1 => (n, 1),
                    3 | 4 => (0, 22),
                    7 => (0, 2),
                    _ => (0, 1),
                };
                for at in 0..=places {
                    for with in 0..withs {
                        let line = damaged(d.words, &[(what, at, with)]);
                        headings += usize::from(answers_as_it_did(&line, &extras));
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 50_000 && headings > 5_000, "{checked} {headings}");
    }

    /// The opening filter lets through every character a heading of the
    /// table may open with: every character that opens a line that is one,
    /// as it stands or after one of each character of a wide range.
    #[test]
    fn the_opening_filter_rules_out_only_lines_no_heading_opens() {
        let mut heads: Vec<String> = DEFS.iter().map(|d| d.words.to_string()).collect();
        heads.extend(DEFS.iter().map(|d| format!("Kommunstyrelsens {}", d.words.to_lowercase())));
        heads.push("B e s l u t".into());
        // Latin and its neighbours whole, a sample of the rest of the plane.
        let chars = ('\0'..='\u{2ff}').chain(('\u{300}'..='\u{3000}').step_by(29)).chain([
            '\u{212a}',
            '\u{212b}',
            '\u{2160}',
            '\u{24d0}',
            '\u{1d400}',
        ]);
        let mut recognized = 0;
        for c in chars {
            for head in &heads {
                let replaced = format!("{c}{}", head.chars().skip(1).collect::<String>());
                for line in [replaced, format!("{c}{head}")] {
                    if as_it_was::recognize_with_as_it_was(&line, &[]).is_some() {
                        recognized += 1;
                        assert!(may_open_heading(&line), "{line:?}");
                    }
                }
            }
        }
        assert!(recognized > 1000, "{recognized}");
        assert!(!may_open_heading("• Socialnämnden, för kännedom"));
        assert!(!may_open_heading("¢ Tekniska nämnden"));
        assert!(!may_open_heading("§ 83 Dnr KS 2018/4"));
        assert!(may_open_heading("Ärendet"));
    }

    #[test]
    fn the_ascii_skeleton_letter_is_the_skeleton_letter() {
        for b in 0..0x80u8 {
            assert_eq!(ascii_skeleton_letter(b), skeleton_letter(char::from(b)), "{b:#x}");
        }
    }

    /// The ends filter lets through every line that is a heading: each
    /// heading of the table, with an organ before it and rest words after
    /// it, letter-spaced with any white space before a word, then with its
    /// last character replaced by, or followed by, each of a wide range.
    #[test]
    fn the_ends_filter_rules_out_only_lines_no_heading_ends() {
        let mut heads: Vec<String> = DEFS.iter().map(|d| d.words.to_string()).collect();
        heads.extend(DEFS.iter().map(|d| format!("Kommunstyrelsens {}", d.words.to_lowercase())));
        heads.extend(DEFS.iter().map(|d| format!("{} i kommunstyrelsen", d.words)));
        // An organ's proposal letter-spaced: `förslag` opens a word after
        // white space of any kind, the last byte of which stands before `f`.
        for white in [" ", "\t", "\u{a0}", "\u{2003}", "\u{3000}"] {
            let proposal = ["Kommunstyrelsens", "förslag", "till", "revisorerna"]
                .map(|w| w.chars().map(String::from).collect::<Vec<_>>().join(" "));
            let [organ, rest @ ..] = proposal;
            heads.push(format!("{organ}  {white}{}", rest.join("  ")));
        }
        let chars = ('\0'..='\u{2ff}').chain(('\u{300}'..='\u{3000}').step_by(29));
        let mut recognized = 0;
        for head in &heads {
            let mut lines = vec![head.clone(), format!("{head}:"), format!("{head}: Bilaga 1.")];
            for c in chars.clone() {
                let mut cut = head.clone();
                cut.pop();
                lines.extend([format!("{cut}{c}"), format!("{head}{c}")]);
            }
            for line in lines {
                if as_it_was::recognize_with_as_it_was(&line, &[]).is_some() {
                    recognized += 1;
                    assert!(may_end_as_heading(&line), "{line:?}");
                }
            }
        }
        assert!(recognized > 10_000, "{recognized}");
        // The letter-spaced proposals are headings, each of them.
        assert_eq!(heads.iter().rev().take(5).filter(|h| recognize(h).is_some()).count(), 5);
        for prose in [
            "Sedan några ar har det strategiska arbetet med social hallbarhet starkts i",
            "Handlingen bifogas: Bilaga 1",
            "Beslutet ska skickas till kommunens nämnder.",
            "Handlaggare",
        ] {
            assert!(!may_end_as_heading(prose), "{prose:?}");
        }
        // `f` opening a word after one ending in `s` lets any end through:
        // an organ's proposal with rest words may stand there.
        assert!(may_end_as_heading("Nämndens förslag gäller i"));
        assert!(!may_end_as_heading("Nämnden har förslag i"));
    }

    /// The shortcuts of [`may_open_heading_char`], against the Unicode
    /// tables, for every character.
    #[test]
    fn opening_characters_are_letters_and_white_space() {
        for c in '\u{80}'..=char::MAX {
            let want = c.is_alphabetic() || c.is_whitespace() || bucket(fold_char(c)) < 26;
            assert_eq!(may_open_heading_char(c), want, "{c:?}");
        }
    }

    /// Every character, against the test it stands for.
    #[test]
    fn organ_characters_are_the_alphabetic_ones_and_four_more() {
        for c in '\0'..=char::MAX {
            let want = c.is_alphabetic() || matches!(c, '-' | ' ' | '0' | '6');
            assert_eq!(is_organ_char(c), want, "{c:?}");
        }
    }

    #[test]
    fn extra_synonyms_from_a_profile() {
        let extra = vec![(K::Distribution, "Kopia till".to_string())];
        assert_eq!(recognize_with("Kopia till", &extra).map(|m| m.kind), Some(K::Distribution));
        assert_eq!(kind("Kopia till"), None);
    }
}
