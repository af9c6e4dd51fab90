//! Typed content of the sections that have one: the proposal's points, the
//! decision basis, the responsible officials, the distribution list and the
//! attachments. Each reader gets a section's body lines and fills its part
//! of the model.

use super::heading::{self, ocr_word};
use super::scan::{ItemMarker, find_last_date, item_marker};
use super::text::{
    BULLET, clean_line, clean_line_with, is_page_furniture, is_white_byte, join_wrapped, trim,
    trim_start,
};
use super::{Line, SectionText};
use crate::model::{
    BasisDocument, Decision, NoteKind, Official, ParseNote, Point, Proposal, Recipient, Section,
    SectionKind,
};
use crate::span::Span;
use std::borrow::Cow;

/// Whether [`read`] reads a section of `kind` at all: the others need no body lines.
pub(crate) fn reads(kind: SectionKind) -> bool {
    matches!(
        kind,
        SectionKind::Proposal
            | SectionKind::Decision
            | SectionKind::DecisionBasis
            | SectionKind::ResponsibleOfficials
            | SectionKind::Distribution
            | SectionKind::Attachments
    )
}

/// `first_pipe`: where the first `|` of `body` stands in the source, if
/// anywhere; the lines before it hold none. `text`: with
/// [`SectionText::Presence`], the proposal's points keep no text.
pub(crate) fn read(
    decision: &mut Decision,
    section: &Section,
    body: &[Line<'_>],
    first_pipe: Option<usize>,
    text: SectionText,
) {
    match section.kind {
        SectionKind::Proposal if decision.proposal.is_none() => {
            decision.proposal = Some(read_proposal(section, body, first_pipe, text));
        }
        SectionKind::Decision if decision.decision.is_none() => {
            decision.decision = Some(read_proposal(section, body, first_pipe, text));
        }
        // Extended, not pushed to one by one: room for all the items is
        // made once.
        SectionKind::DecisionBasis => {
            let notes = &mut decision.notes;
            let items = list_items(body, first_pipe).into_iter();
            decision.decision_basis.extend(items.map(|item| read_basis(item, body, notes)));
        }
        SectionKind::ResponsibleOfficials => {
            let notes = &mut decision.notes;
            let items = list_items(body, first_pipe).into_iter();
            decision.responsible_officials.extend(items.map(|item| read_official(item, notes)));
        }
        SectionKind::Distribution => {
            decision
                .distribution
                .extend(list_items(body, first_pipe).into_iter().map(read_recipient));
        }
        SectionKind::Attachments => {
            decision.attachments.extend(list_items(body, first_pipe).into_iter().map(|i| i.text));
        }
        _ => {}
    }
}

/// One list item: its marker, its text with wrapped lines joined, its span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Item {
    pub marker: Option<ItemMarker>,
    pub text: String,
    pub span: Span,
    /// The body lines from its first to its last, for locating parts of the
    /// item: all of them its own but page numbers (a blank line or a lead-in
    /// ends or precedes every item). Indices, not a list: one allocation
    /// less for every item.
    pub lines: std::ops::Range<usize>,
}

/// A line that introduces a list (`Beslutet skickas till:`, `Följande
/// handlingar har legat till grund för beslutet:`), not an item of it.
fn is_lead_in(text: &str) -> bool {
    text.ends_with(':') || heading::recognize(text).is_some()
}

/// Group body lines into items.
///
/// ```text
/// list      = lead-in* item*
/// item      = item-line continuation*
/// item-line = item-marker text | text          ; a marker starts an item; without markers, a line does
/// continuation = text                          ; no blank line before it, and (without markers) lower-case
/// ```
///
/// `first_pipe`: where the first `|` of `body` stands in the source, if
/// anywhere. Lines before it are cleaned without a search for pipes of
/// their own (most lists have none).
pub(crate) fn list_items(body: &[Line<'_>], first_pipe: Option<usize>) -> Vec<Item> {
    read_items(body, first_pipe, true)
}

/// [`list_items`]; `texts` false: every item's text is left empty, for a
/// caller that reads only the items' markers and spans (the proposal's
/// points under [`SectionText::Presence`]). No string is made for them.
fn read_items(body: &[Line<'_>], first_pipe: Option<usize>, texts: bool) -> Vec<Item> {
    // Asked only of a line that could continue an item, after it: most
    // lists never ask, and those that do ask once.
    let mut has_markers: Option<bool> = None;
    // At most one item a line: sized once instead of grown item by item.
    let mut items: Vec<Item> = Vec::with_capacity(body.len());
    let mut blank_since_item = true;
    let mut seen_item = false;
    for (n, line) in body.iter().enumerate() {
        let trimmed = line.trimmed;
        if trimmed.is_empty() {
            blank_since_item = true;
            continue;
        }
        if (!seen_item && is_lead_in(trimmed)) || is_page_furniture(trimmed) {
            continue;
        }
        let span = line.trimmed_span();
        let marker = item_marker(trimmed).ok();
        let continues = match (marker, items.last()) {
            (Some(_), _) | (None, None) => false,
            (None, Some(_)) if blank_since_item => false,
            (None, Some(_)) => {
                *has_markers.get_or_insert_with(|| body.iter().any(|l| item_marker(l.text).is_ok()))
                    || trimmed.starts_with(|c: char| c.is_lowercase())
            }
        };
        let content = match marker {
            Some((rest, _)) => trim(rest),
            None => trimmed,
        };
        let pipes = first_pipe.is_some_and(|first| first < line.start + line.text.len());
        let content = if texts { clean_line_with(content, pipes) } else { Cow::Borrowed("") };
        if continues {
            if let Some(item) = items.last_mut() {
                if texts {
                    join_wrapped(&mut item.text, &content);
                }
                item.span = item.span.cover(span);
                item.lines.end = n + 1;
            }
        } else {
            items.push(Item {
                marker: marker.map(|(_, m)| m),
                text: content.into_owned(),
                span,
                lines: n..n + 1,
            });
        }
        seen_item = true;
        blank_since_item = false;
    }
    items
}

/// The verbs that carry a decision phrase.
const DECISION_VERBS: [&str; 6] =
    ["beslutar", "beslöt", "beslutade", "föreslås", "föreslår", "besluta"];

/// A decision phrase found in a line.
struct Phrase<'l> {
    maker: Option<String>,
    phrase: String,
    /// Text after the phrase (a first clause on the same line), without a
    /// colon: a slice of the line, made a string only where it is kept.
    tail: &'l str,
}

/// How many of a line's first words [`decision_phrase`] can read: the verb
/// among the first six, up to three words after it, then `besluta` (the
/// tenth word at the latest) and `att` (the eleventh).
const PHRASE_WORDS: usize = 11;

/// ```text
/// phrase-line = maker decision-phrase ":"? tail?
/// maker       = word{1,5}                                      ; "Kommunstyrelsen", "Miljö- och byggnadsnämnden"
/// decision-phrase = "beslutar" "att"?
///                 | "föreslås" "besluta" "att"?
///                 | "föreslår" word{0,3} "att"? "besluta"? "att"?   ; "föreslår kommunfullmäktige besluta att"
/// ```
fn decision_phrase(line: &str) -> Option<Phrase<'_>> {
    // The first words only, in place: no list of every word of every line
    // the proposal is searched through.
    let mut first = [(0, ""); PHRASE_WORDS];
    let found = first.iter_mut().zip(words(line)).map(|(slot, w)| *slot = w).count();
    let words = first.get(..found).unwrap_or(&[]);
    // The verb is the first verb-like word and must be among the first six:
    // the words after those are never looked at for it.
    let verb_at = words.iter().take(6).position(|(_, w)| {
        may_open_verb(w)
            && DECISION_VERBS
                .iter()
                .any(|v| ocr_word(v, w, true).is_ok_and(|(rest, _)| rest.is_empty()))
    })?;
    if verb_at == 0 || verb_at > 5 {
        return None;
    }
    let is = |n: usize, canon: &str| {
        words.get(n).is_some_and(|(_, w)| {
            let w = w.trim_end_matches(':');
            ocr_word(canon, w, true).is_ok_and(|(rest, _)| rest.is_empty())
        })
    };
    let mut end = verb_at + 1;
    let verb = words[verb_at].1;
    if ocr_word("föreslår", verb, true).is_ok() {
        // Up to three words name who is to decide, then `besluta` and/or `att`.
        let target = (end..(end + 4).min(words.len())).find(|&n| is(n, "besluta") || is(n, "att"));
        if let Some(n) = target {
            end = n;
        }
    }
    if is(end, "besluta") {
        end += 1;
    }
    if is(end, "att") {
        end += 1;
    }
    let (maker_end, phrase_start) =
        (words[verb_at - 1].0 + words[verb_at - 1].1.len(), words[verb_at].0);
    let phrase_end = words[end - 1].0 + words[end - 1].1.trim_end_matches(':').len();
    let maker = line[..maker_end].trim();
    let cleaned = clean_line(maker);
    // `trim_start_matches("• ")`, without the string searcher it sets up
    // on every call: a prefix compare.
    let mut maker = cleaned.as_ref();
    while let Some(after) = maker.strip_prefix(BULLET) {
        maker = after;
    }
    let maker = maker.to_string();
    let shaped_maker = maker.starts_with(|c: char| c.is_uppercase());
    Some(Phrase {
        maker: shaped_maker.then_some(maker),
        phrase: line[phrase_start..phrase_end].to_string(),
        tail: line[phrase_end..].trim_start_matches(':').trim(),
    })
}

/// Whether `word` can be read as one of [`DECISION_VERBS`], by its first
/// letter: every verb opens with `b` or `f`, which `ocr_word` reads only as
/// itself in either case (no other character lower-cases or folds to them).
/// Most words of a line are ruled out here, before six OCR readings each.
fn may_open_verb(word: &str) -> bool {
    word.as_bytes().first().is_some_and(|b| matches!(b.to_ascii_lowercase(), b'b' | b'f'))
}

/// The words of `line` (split at white space) with their byte offsets, in order.
fn words(line: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut i = 0;
    std::iter::from_fn(move || {
        let mut start = None;
        while i < line.len() {
            let (white, len) = char_at(line, i);
            match (white, start) {
                (true, Some(s)) => {
                    let word = (s, &line[s..i]);
                    i += len;
                    return Some(word);
                }
                (false, None) => start = Some(i),
                _ => {}
            }
            i += len;
        }
        start.map(|s| (s, &line[s..]))
    })
}

/// Whether the character at byte `i` of `line` (a char boundary) is white
/// space, and its length. An ASCII byte is a character of its own and
/// answers alone; only a byte beyond ASCII has its character decoded.
/// Decoding every character, as `char_indices` does, cost more than the
/// rest of reading a recipient.
#[inline]
fn char_at(line: &str, i: usize) -> (bool, usize) {
    match line.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => (is_white_byte(b), 1),
        _ => line
            .get(i..)
            .and_then(|s| s.chars().next())
            .map_or((false, 1), |c| (c.is_whitespace(), c.len_utf8())),
    }
}

/// [`char_at`] for the character that ends at byte `end` of `line` (a char
/// boundary): whether it is white space, and where it starts. Inlined
/// always, for its ASCII byte: asked of every byte of a recipient, the
/// call cost more than the test.
#[inline(always)]
fn char_before(line: &str, end: usize) -> (bool, usize) {
    match end.checked_sub(1).and_then(|i| line.as_bytes().get(i)) {
        Some(&b) if b.is_ascii() => (is_white_byte(b), end - 1),
        _ => wide_char_before(line, end),
    }
}

/// [`char_before`] for a character beyond ASCII, decoded.
#[inline(never)]
fn wide_char_before(line: &str, end: usize) -> (bool, usize) {
    line.get(..end)
        .and_then(|s| s.chars().next_back())
        .map_or((false, 0), |c| (c.is_whitespace(), end - c.len_utf8()))
}

/// The words of `line` as [`word_offsets`] splits it, last first, read
/// lazily from the end: a caller that needs only the last few reads no
/// further back than them.
fn words_back(line: &str) -> impl Iterator<Item = (usize, &str)> {
    // One past the last byte of the part not yet read.
    let mut at = line.len();
    std::iter::from_fn(move || {
        // White space after the word, then the word itself.
        let mut end = at;
        loop {
            if end == 0 {
                at = 0;
                return None;
            }
            let (white, start) = char_before(line, end);
            if !white {
                break;
            }
            end = start;
        }
        let mut start = end;
        while start > 0 {
            let (white, before) = char_before(line, start);
            if white {
                break;
            }
            start = before;
        }
        at = start;
        line.get(start..end).map(|word| (start, word))
    })
}

/// `text`: with [`SectionText::Presence`], every point's text is left empty
/// (the points themselves are all there: only whether there are any is asked).
fn read_proposal(
    section: &Section,
    body: &[Line<'_>],
    first_pipe: Option<usize>,
    text: SectionText,
) -> Proposal {
    let whole = text == SectionText::Whole;
    let body_span = body
        .iter()
        .filter(|l| !l.is_blank())
        .map(Line::trimmed_span)
        .reduce(Span::cover)
        .unwrap_or(Span::empty(section.heading_span.end));
    let mut proposal = Proposal { span: body_span, ..Proposal::default() };
    let found = body.iter().enumerate().find_map(|(n, l)| {
        let marker = item_marker(l.trimmed).ok();
        if marker.is_some_and(|(_, m)| m != ItemMarker::Att) {
            return None;
        }
        decision_phrase(l.trimmed).map(|p| (n, p))
    });
    let after = match &found {
        Some((n, _)) => n + 1,
        None => 0,
    };
    if let Some((n, phrase)) = found {
        proposal.decision_maker = phrase.maker;
        proposal.phrase = Some(phrase.phrase);
        if !phrase.tail.is_empty() {
            // `Kommunstyrelsen beslutar att anta planen.`: the clause is the point.
            let line = body[n];
            // The tail ends the trimmed line: it starts its length before
            // the trimmed line's end.
            let tail_start = line.trimmed_span().end - phrase.tail.len();
            proposal.points.push(Point {
                number: None,
                text: if whole { phrase.tail.to_string() } else { String::new() },
                span: Span::new(tail_start, line.trimmed_span().end),
            });
        }
    } else {
        proposal.decision_maker = organ_of_heading(section);
    }
    let items = read_items(&body[after..], first_pipe, whole);
    let marked = items.iter().any(|i| i.marker.is_some());
    for item in items {
        if marked && item.marker.is_none() {
            continue;
        }
        let number = match item.marker {
            Some(ItemMarker::Number(n)) => Some(n),
            _ => None,
        };
        proposal.points.push(Point { number, text: item.text, span: item.span });
    }
    proposal
}

/// `Kommunstyrelsens förslag till beslut` → `Kommunstyrelsen`.
fn organ_of_heading(section: &Section) -> Option<String> {
    const AFTER_ORGAN: &str = " forslag till";
    let canonical = section.canonical.as_str();
    // Where the heading reads ` forslag till` once folded, compared
    // character by character: folding keeps one character for one, and no
    // folded copy of the heading is made.
    let at = canonical.char_indices().map(|(i, _)| i).find(|&i| {
        let folded = canonical[i..].chars().map(crate::fold::fold_char);
        folded.take(AFTER_ORGAN.len()).eq(AFTER_ORGAN.chars())
    })?;
    canonical[..at].strip_suffix('s').map(str::to_string)
}

/// [`organ_of_heading`] as first written: the heading folded, searched,
/// and the place found mapped back by counting characters.
#[cfg(test)]
fn organ_of_heading_by_fold(section: &Section) -> Option<String> {
    let folded = crate::fold::fold(&section.canonical);
    let at = folded.find(" forslag till")?;
    let chars = folded[..at].chars().count();
    let at =
        section.canonical.char_indices().nth(chars).map_or(section.canonical.len(), |(i, _)| i);
    section.canonical.get(..at)?.strip_suffix('s').map(str::to_string)
}

fn read_basis(item: Item, body: &[Line<'_>], notes: &mut Vec<ParseNote>) -> BasisDocument {
    let span = item.span;
    let Some((range, parts)) = find_last_date(&item.text) else {
        return BasisDocument { title: tidy_owned(item.text), date: None, span };
    };
    let date = if parts.exists() {
        Some(parts.iso())
    } else {
        let found = item.text[range.clone()].to_string();
        let span = locate(&item, body, &found).unwrap_or(span);
        notes.push(ParseNote { kind: NoteKind::InvalidDate, found, span });
        None
    };
    // Most dates end their item (`Tjänsteskrivelse, 2026-02-19`): the title
    // is then the text before it, tidied in the item's own string.
    let mut text = item.text;
    let title = if range.end == text.len() {
        text.truncate(range.start);
        tidy_owned(text)
    } else {
        tidy_owned([&text[..range.start], &text[range.end..]].concat())
    };
    BasisDocument { title, date, span }
}

/// Where `needle` stands in the source, searching the item's lines from the end.
fn locate(item: &Item, body: &[Line<'_>], needle: &str) -> Option<Span> {
    let lines = body.get(item.lines.clone())?;
    lines.iter().rev().filter(|l| !is_page_furniture(l.trimmed)).find_map(|l| {
        let start = l.trimmed_span().start;
        l.trimmed.rfind(needle).map(|i| Span::new(start + i, start + i + needle.len()))
    })
}

/// Trim the separators a removed date leaves behind (`Tjänsteskrivelse, ` → `Tjänsteskrivelse`).
#[cfg(test)]
fn tidy(s: &str) -> String {
    tidy_owned(s.to_string())
}

/// [`tidy`], cutting `s` down in place: the string is the item's own, and
/// no copy of it is made.
fn tidy_owned(s: String) -> String {
    let kept = tidied(&s).len();
    // Only white space goes from the start: what is kept opens where the
    // text does.
    let from = s.len() - s.trim_start().len();
    cut(s, from..from + kept)
}

/// The part of `s` [`tidy`] keeps.
fn tidied(s: &str) -> &str {
    let mut s = trim(s).trim_end_matches([',', ';', '-', '–', ' ']);
    // `trim_end_matches(" daterad")`, without the string searcher it sets
    // up on every call: a suffix compare.
    while let Some(before) = s.strip_suffix(" daterad") {
        s = before;
    }
    trim(s)
}

/// `s` cut down to the bytes `keep` (char boundaries), in its own buffer.
fn cut(mut s: String, keep: std::ops::Range<usize>) -> String {
    s.truncate(keep.end);
    // Most kept parts open where the string does: nothing to drain.
    if keep.start > 0 {
        s.drain(..keep.start.min(keep.end));
    }
    s
}

fn read_official(item: Item, notes: &mut Vec<ParseNote>) -> Official {
    let (part, role) = match item.text.split_once(',') {
        Some((name, role)) => (name, Some(role.trim().trim_end_matches('.').to_string())),
        None => (item.text.as_str(), None),
    };
    let name = part.trim();
    if !name.starts_with(|c: char| c.is_alphabetic()) {
        notes.push(ParseNote {
            kind: NoteKind::UnreadableItem,
            found: item.text.clone(),
            span: item.span,
        });
    }
    // The name opens the item: it is the item's own string, cut down.
    let from = part.len() - part.trim_start().len();
    let keep = from..from + name.len();
    Official { name: cut(item.text, keep), role: role.filter(|r| !r.is_empty()), span: item.span }
}

/// Where the purpose of a recipient's `text` starts: at the last `för`
/// that has one to three words after it and one before it (not the first
/// word). The words are read from the end and only as far as that takes:
/// most lines are settled by their last two or three words, and no line
/// is read before the word in front of its `för`.
fn purpose_start(text: &str) -> Option<usize> {
    let mut words = words_back(text);
    // The purpose has a word after `för`.
    words.next()?;
    for _ in 1..=3 {
        let (at, word) = words.next()?;
        if ocr_word("för", word, true).is_ok_and(|(r, _)| r.is_empty()) {
            // A `för` opening the line is no purpose, nor is one further
            // back. The word before it need not be read, only seen: the
            // first character that is not white space belongs to it.
            let before = text.get(..at).map_or("", str::trim_end);
            return (!before.is_empty()).then_some(at);
        }
    }
    None
}

/// ```text
/// recipient-line = recipient ( ","? purpose )?
/// purpose        = "för" word{1,3}                 ; "för kännedom", "för åtgärd"
/// ```
fn read_recipient(item: Item) -> Recipient {
    let Item { text: whole, span, .. } = item;
    // Where the trimmed text starts in the item's string.
    let from = whole.len() - trim_start(&whole).len();
    let text = trim(&whole).trim_end_matches(['.', ';']);
    // The recipient is where `text` starts (it opens with no white space),
    // up to `keep` bytes.
    let (keep, purpose) = match purpose_start(text) {
        Some(at) => {
            let recipient = trim(trim(&text[..at]).trim_end_matches(','));
            (recipient.len(), Some(trim(&text[at..]).to_string()))
        }
        None => (text.len(), None),
    };
    // The item's own string, cut down to the recipient: no copy of it is made.
    Recipient { recipient: cut(whole, from..from + keep), purpose, span }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The organ is read from the heading as through a folded copy.
        #[test]
        fn the_organ_reads_as_through_the_fold(
            canonical in "(Kommunstyrelsen|Nämnden|s|S| |förslag|FÖRSLAG|forslag|Förslag|till|TILL|tíll|beslut|ö|é|x){0,7}"
        ) {
            let section = Section {
                kind: SectionKind::Proposal,
                heading: String::new(),
                canonical,
                match_kind: crate::model::MatchKind::Exact,
                span: Span::default(),
                heading_span: Span::default(),
                text: String::new(),
            };
            proptest::prop_assert_eq!(organ_of_heading(&section), organ_of_heading_by_fold(&section));
        }
    }

    fn lines(s: &str) -> Vec<Line<'_>> {
        super::super::split_lines(s)
    }

    #[test]
    fn items_with_bullets_continuations_and_lead_in() {
        let src = "Följande handlingar:\n\ne Tjänsteskrivelse, 2026-02-19\n\ne Rapport, ”Social\nhållbarhet”, 2026-02-02\n";
        let items = list_items(&lines(src), Some(0));
        assert_eq!(items.len(), 2);
        assert_eq!(items[1].text, "Rapport, ”Social hållbarhet”, 2026-02-02");
        assert_eq!(
            &src[items[1].span.start..items[1].span.end],
            "e Rapport, ”Social\nhållbarhet”, 2026-02-02"
        );
    }

    proptest::proptest! {
        /// Items cleaned knowing where the first pipe stands read as items
        /// whose every line is searched for pipes (`Some(0)`).
        #[test]
        fn items_read_alike_with_the_first_pipe_known(
            src in "((e |¢ |1\\. |att |Sida 2 av 3| |\\||[aAöx]|-|:)?[a-zö |,.:-]{0,12}\n?){0,10}"
        ) {
            let body = lines(&src);
            let first_pipe = src.find('|');
            proptest::prop_assert_eq!(list_items(&body, first_pipe), list_items(&body, Some(0)));
            // Without texts, the same items: markers, spans and lines.
            let mut items = list_items(&body, first_pipe);
            items.iter_mut().for_each(|i| i.text.clear());
            proptest::prop_assert_eq!(read_items(&body, first_pipe, false), items);
        }
    }

    #[test]
    fn a_pipe_after_the_first_item_is_read_as_i() {
        let src = "e Socialnämnden\ne Kommunen | arbetet\n";
        let items = list_items(&lines(src), src.find('|'));
        assert_eq!(items[0].text, "Socialnämnden");
        assert_eq!(items[1].text, "Kommunen I arbetet");
    }

    #[test]
    fn items_without_markers_are_lines() {
        let items =
            list_items(&lines("Socialnämnden\nTekniska nämnden\n  för kännedom\n"), Some(0));
        assert_eq!(items.len(), 2);
        assert_eq!(items[1].text, "Tekniska nämnden för kännedom");
    }

    #[test]
    fn sections_that_are_not_read_change_nothing() {
        let src =
            "Kommunstyrelsen beslutar att:\n\ne Tjänsteskrivelse, 2026-02-30\n1. anta planen\n";
        for kind in SectionKind::ALL {
            let section = Section {
                kind,
                heading: String::new(),
                canonical: "Kommunstyrelsens förslag till beslut".into(),
                match_kind: crate::model::MatchKind::Exact,
                span: Span::default(),
                heading_span: Span::default(),
                text: String::new(),
            };
            let mut decision = Decision::default();
            read(&mut decision, &section, &lines(src), Some(0), SectionText::Whole);
            assert_eq!(decision == Decision::default(), !reads(kind), "{kind:?}");
        }
    }

    /// Every word of `line`, as [`words`] reads them.
    fn word_offsets(line: &str) -> Vec<(usize, &str)> {
        words(line).collect()
    }

    /// [`word_offsets`] as first written, every character decoded.
    fn word_offsets_by_char(line: &str) -> Vec<(usize, &str)> {
        // Room for words of five letters and a space: rarely regrown.
        let mut out = Vec::with_capacity(line.len() / 6 + 1);
        let mut start = None;
        for (i, c) in line.char_indices() {
            match (c.is_whitespace(), start) {
                (true, Some(s)) => {
                    out.push((s, &line[s..i]));
                    start = None;
                }
                (false, None) => start = Some(i),
                _ => {}
            }
        }
        if let Some(s) = start {
            out.push((s, &line[s..]));
        }
        out
    }

    /// The last `N` words of a line, last first, and how many there are,
    /// every character decoded: how the recipient's last words were first read.
    fn last_words_by_char<const N: usize>(line: &str) -> ([(usize, &str); N], usize) {
        let mut words = [(0, ""); N];
        let mut found = 0;
        // One past the last byte of the word being read, while in one.
        let mut end = None;
        for (i, c) in line.char_indices().rev() {
            if found == N {
                break;
            }
            match (c.is_whitespace(), end) {
                (true, Some(e)) => {
                    words[found] = (i + c.len_utf8(), &line[i + c.len_utf8()..e]);
                    found += 1;
                    end = None;
                }
                (false, None) => end = Some(i + c.len_utf8()),
                _ => {}
            }
        }
        if let (Some(e), true) = (end, found < N) {
            words[found] = (0, &line[..e]);
            found += 1;
        }
        (words, found)
    }

    proptest::proptest! {
        /// Words split at ASCII white space byte by byte, and at white
        /// space beyond ASCII (no-break, em and ideographic spaces) decoded,
        /// are the words found decoding every character.
        #[test]
        fn words_split_as_char_by_char(
            line in "([a-zåäö,.:]|é|”|–| |  |\t|\x0b|\r|\u{a0}|\u{85}|\u{2003}|\u{3000}|\u{1680}|𝔄){0,24}"
        ) {
            proptest::prop_assert_eq!(word_offsets(&line), word_offsets_by_char(&line));
            let (last, found) = last_words_by_char::<5>(&line);
            let back: Vec<(usize, &str)> = words_back(&line).take(5).collect();
            proptest::prop_assert_eq!(&back[..], &last[..found]);
        }

        /// The purpose starts where it did when the last five words were
        /// read first: the last `för` (in its OCR readings) with one to
        /// three words after it and one before it.
        #[test]
        fn purposes_start_where_the_last_five_words_put_them(
            line in "(för|fér|FÖR|for|för,|Socialnämnden|x|,| |  |\u{a0}|\u{2003}|kännedom){0,9}"
        ) {
            let (last, found) = last_words_by_char::<5>(&line);
            let by_last_five = (1..=3)
                .find(|&k| {
                    found >= k + 2 && ocr_word("för", last[k].1, true).is_ok_and(|(r, _)| r.is_empty())
                })
                .map(|k| last[k].0);
            proptest::prop_assert_eq!(purpose_start(&line), by_last_five, "{:?}", line);
        }
    }

    #[test]
    fn words_back_are_word_offsets_reversed() {
        for line in [
            "",
            " ",
            "a",
            "Socialnämnden, för kännedom",
            "  x  y\u{a0}z  ",
            "ett två tre fyra fem sex sju",
        ] {
            let all = word_offsets(line);
            let back: Vec<(usize, &str)> = words_back(line).collect();
            let reversed: Vec<(usize, &str)> = all.iter().rev().copied().collect();
            assert_eq!(back, reversed, "{line:?}");
        }
    }

    #[test]
    fn every_decision_verb_opens_as_may_open_verb_expects() {
        for verb in DECISION_VERBS {
            assert!(may_open_verb(verb), "{verb}");
            assert!(may_open_verb(&verb.to_uppercase()), "{verb}");
        }
        assert!(!may_open_verb("Kommunstyrelsen"));
        // No character beyond ASCII reads as `b` or `f` to `ocr_word`.
        for c in ('\u{80}'..=char::MAX).filter(|c| !c.is_ascii()) {
            let mut lower = c.to_lowercase();
            let as_b_or_f = matches!((lower.next(), lower.next()), (Some('b' | 'f'), None))
                || matches!(crate::fold::fold_char(c), 'b' | 'f');
            assert!(!as_b_or_f, "{c}");
        }
        // Nor does `ocr_word` read any OCR confusion as `b` or `f`.
        for k in ['b', 'f', 'B', 'F'] {
            assert!(crate::fold::ocr_readings(k).is_empty(), "{k}");
        }
    }

    #[test]
    fn decision_phrases() {
        // The farthest words a phrase reaches: the verb sixth, three words
        // naming who decides, `besluta att` ending at the eleventh.
        let p = decision_phrase("A b c d e föreslår x y z besluta att anta planen nu").unwrap();
        assert_eq!(
            (p.maker.as_deref(), p.phrase.as_str()),
            (Some("A b c d e"), "föreslår x y z besluta att")
        );
        assert_eq!(p.tail, "anta planen nu");
        let p = decision_phrase("A b c d e föreslår x y z besluta").unwrap();
        assert_eq!((p.phrase.as_str(), p.tail), ("föreslår x y z besluta", ""));
        let p = decision_phrase("Kommunstyrelsen beslutar att:").unwrap();
        assert_eq!(
            (p.maker.as_deref(), p.phrase.as_str(), p.tail),
            (Some("Kommunstyrelsen"), "beslutar att", "")
        );
        let p =
            decision_phrase("Kommunstyrelsen föreslår kommunfullmäktige besluta att anta planen")
                .unwrap();
        assert_eq!(p.phrase, "föreslår kommunfullmäktige besluta att");
        assert_eq!(p.tail, "anta planen");
        let p = decision_phrase("Kommunstyrelsen foéreslas besluta").unwrap();
        assert_eq!(p.phrase, "foéreslas besluta");
        // A bullet before the maker is no part of it, nor a second one.
        for line in ["e Kommunstyrelsen beslutar att", "¢ • Kommunstyrelsen beslutar att"] {
            let p = decision_phrase(line).unwrap();
            assert_eq!(p.maker.as_deref(), Some("Kommunstyrelsen"), "{line}");
        }
        assert!(decision_phrase("Beslutet medför inga kostnader.").is_none());
        assert!(decision_phrase("beslutar att").is_none());
    }

    #[test]
    fn recipients_and_purposes() {
        let item =
            |t: &str| Item { marker: None, text: t.into(), span: Span::default(), lines: 0..0 };
        let r = read_recipient(item("Miljö- och byggnadsnämnden, för kännedom"));
        assert_eq!(
            (r.recipient.as_str(), r.purpose.as_deref()),
            ("Miljö- och byggnadsnämnden", Some("för kännedom"))
        );
        let r = read_recipient(item("Socialnämnden fér atgard"));
        assert_eq!(r.purpose.as_deref(), Some("fér atgard"));
        let r = read_recipient(item("Förskoleförvaltningen"));
        assert_eq!(r.purpose, None);
        // White space and end marks around the text go, from either side.
        for (text, recipient, purpose) in [
            ("  Socialnämnden, för kännedom. ", "Socialnämnden", Some("för kännedom")),
            (" Kommunstyrelsen;", "Kommunstyrelsen", None),
            (",, för kännedom", "", Some("för kännedom")),
            ("  ", "", None),
        ] {
            let r = read_recipient(item(text));
            assert_eq!(
                (r.recipient.as_str(), r.purpose.as_deref()),
                (recipient, purpose),
                "{text:?}"
            );
        }
    }

    #[test]
    fn tidy_trims_what_the_removed_date_leaves() {
        for (s, tidied) in [
            ("Tjänsteskrivelse, ", "Tjänsteskrivelse"),
            (" Karta daterad daterad ", "Karta"),
            ("Karta daterad, ", "Karta"),
            ("daterad", "daterad"),
            ("", ""),
        ] {
            assert_eq!(tidy(s), tidied, "{s:?}");
        }
    }

    #[test]
    fn officials() {
        let item =
            |t: &str| Item { marker: None, text: t.into(), span: Span::default(), lines: 0..0 };
        let mut notes = vec![];
        let o = read_official(item("Åsa Olsson, kansli- och utredningschef"), &mut notes);
        assert_eq!(
            (o.name.as_str(), o.role.as_deref()),
            ("Åsa Olsson", Some("kansli- och utredningschef"))
        );
        let o = read_official(item(" Daniel Jansson "), &mut notes);
        assert_eq!((o.name.as_str(), o.role), ("Daniel Jansson", None));
        let o = read_official(item("\u{a0}Åsa Ek ,"), &mut notes);
        assert_eq!((o.name.as_str(), o.role), ("Åsa Ek", None));
        assert!(notes.is_empty());
        let o = read_official(item(", chef"), &mut notes);
        assert_eq!((o.name.as_str(), o.role.as_deref()), ("", Some("chef")));
        assert_eq!(notes.len(), 1);
    }

    proptest::proptest! {
        /// Tidying the item's own string in place keeps what tidying a
        /// copy keeps.
        #[test]
        fn tidying_in_place_keeps_what_a_copy_keeps(
            s in "( |\u{a0}|\u{2003}|,|;|-|–|daterad|Karta|ö|x)*"
        ) {
            proptest::prop_assert_eq!(tidy_owned(s.clone()), tidied(&s));
        }
    }

    #[test]
    fn basis_dates_and_impossible_ones() {
        let src = "e Tjänsteskrivelse, 2026-02-19\ne Karta, 2026-02-30\ne Bilaga utan datum\n";
        let mut notes = vec![];
        let body = lines(src);
        let docs: Vec<_> = list_items(&body, Some(0))
            .into_iter()
            .map(|i| read_basis(i, &body, &mut notes))
            .collect();
        assert_eq!(docs[0].title, "Tjänsteskrivelse");
        assert_eq!(docs[0].date.as_deref(), Some("2026-02-19"));
        assert_eq!(docs[1].date, None);
        assert_eq!(&src[notes[0].span.start..notes[0].span.end], "2026-02-30");
        assert_eq!(docs[2].date, None);
        assert_eq!(notes.len(), 1);
    }
}
