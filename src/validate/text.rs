//! Rules about the text itself, whatever its structure: double encoding and
//! OCR quality.

use super::diagnostic::{Data, Diagnostic};
use super::rule::Rule;
use super::{Ctx, Lang};
use crate::restore::{Lexicon, OcrQuality, estimate_ocr_quality, ocr_quality};
use crate::span::Span;

/// Fewest words for which a share of unknown ones says anything about the
/// scan: in a short fragment two names the lexicon lacks already pass any
/// threshold.
pub(crate) const OCR_MIN_WORDS: usize = 40;

/// `low-ocr-quality`: too large a share of the words is neither in the
/// lexicon nor restorable to a word in it. About the text as a whole, so the
/// span covers all of it.
pub(crate) fn low_ocr_quality(cx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let text = cx.decision.source.as_str();
    let (q, sampled) = quality(cx.decision.ocr_quality, text);
    let share = q.unrecognized_share();
    let threshold = cx.profile.ocr_threshold();
    if q.words < OCR_MIN_WORDS || share <= threshold {
        return;
    }
    let (pct, limit) = (percent(share, cx.lang), percent(threshold, cx.lang));
    let (u, n) = (q.unrecognized, q.words);
    let message = if sampled {
        tr!(
            cx,
            format!(
                "about {pct} of the words ({u} of a sample of {n}) are neither in the lexicon nor restorable; the profile allows {limit}"
            ),
            format!(
                "omkring {pct} av orden ({u} av ett stickprov på {n}) finns varken i lexikonet eller går att återställa; profilen tillåter {limit}"
            ),
        )
    } else {
        tr!(
            cx,
            format!(
                "{pct} of the words ({u} of {n}) are neither in the lexicon nor restorable; the profile allows {limit}"
            ),
            format!(
                "{pct} av orden ({u} av {n}) finns varken i lexikonet eller går att återställa; profilen tillåter {limit}"
            ),
        )
    };
    let d = cx
        .diag(Rule::LowOcrQuality, message, Span::new(0, text.len()))
        .with_help(tr!(
            cx,
            "run OCR again on a better scan, or have the text read by a person".into(),
            "kör OCR igen på en bättre skanning, eller låt en människa läsa texten".into(),
        ))
        .with_data(Data {
            count: Some(n),
            unrecognized: Some(u),
            share: Some((share * 10_000.0).round() / 10_000.0),
            threshold: Some(threshold),
            sampled,
            ..Data::default()
        });
    out.push(d);
}

/// The document's OCR quality, and whether it is an estimate from a sample.
fn quality(restored: Option<OcrQuality>, text: &str) -> (OcrQuality, bool) {
    match restored {
        // Restoring already counted it, with the lexicon the caller chose.
        Some(q) => (q, false),
        // Parsed without restoring: judging every word against the lexicon
        // would cost several times the parse and the other rules together,
        // and a sample tells a bad scan from a good one.
        None => match estimate_ocr_quality(text, Lexicon::builtin()) {
            // Too few words drawn to judge by (a text of tables and numbers):
            // such a text has few words, so counting them all costs little,
            // and a bad scan must not pass for want of a sample.
            q if q.words < OCR_MIN_WORDS => (ocr_quality(text, Lexicon::builtin()), false),
            q => (q, true),
        },
    }
}

/// `0.123` as `12.3 %`, or `12,3 %` in Swedish.
fn percent(share: f64, lang: Lang) -> String {
    let s = format!("{:.1} %", share * 100.0);
    match lang {
        Lang::En => s,
        Lang::Sv => s.replace('.', ","),
    }
}

/// How many further occurrences of a double-encoded sequence are pointed at,
/// besides the first: enough to show it is systematic, few enough to read.
const MOJIBAKE_RELATED_CAP: usize = 3;

/// `mojibake`: UTF-8 that was decoded as Latin-1 or Windows-1252 and encoded
/// again, so `ä` reads `Ã¤` and `Å` reads `Ã…`. One diagnostic per document,
/// at the first sequence, counting the rest.
pub(crate) fn mojibake(cx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let text = cx.decision.source.as_str();
    let found = find_mojibake(text);
    let Some(&(first, meant)) = found.first() else {
        return;
    };
    let seq = first.slice(text);
    let more = found.len() - 1;
    let message = match more {
        0 => tr!(
            cx,
            format!("double-encoded text: \"{seq}\" stands for \"{meant}\""),
            format!("dubbelkodad text: ”{seq}” står för ”{meant}”"),
        ),
        n => tr!(
            cx,
            format!(
                "double-encoded text: \"{seq}\" stands for \"{meant}\", and {n} more such sequences"
            ),
            format!("dubbelkodad text: ”{seq}” står för ”{meant}”, och {n} sådana till"),
        ),
    };
    let mut d = cx
        .diag(Rule::Mojibake, message, first)
        .with_label(tr!(cx, format!("should be \"{meant}\""), format!("ska vara ”{meant}”")))
        .with_help(tr!(cx,
            "the text was encoded as UTF-8, then read as Latin-1 or Windows-1252; convert it back (iconv -f utf-8 -t windows-1252) and check it again".into(),
            "texten kodades som UTF-8 och lästes sedan som Latin-1 eller Windows-1252; konvertera tillbaka (iconv -f utf-8 -t windows-1252) och kontrollera igen".into(),
        ))
        .with_data(Data {
            found: Some(seq.to_string()),
            meant: Some(meant.to_string()),
            count: Some(found.len()),
            ..Data::default()
        });
    for &(span, meant) in found.iter().skip(1).take(MOJIBAKE_RELATED_CAP) {
        d = d.with_related(span, tr!(cx, format!("\"{meant}\" here"), format!("”{meant}” här")));
    }
    out.push(d);
}

/// Every double-encoded sequence in `text`, with the character it stands for.
///
/// Looks only behind `Ã` (the lead byte of å ä ö é ü Å Ä Ö), `Â` (of § ° and
/// the no-break space) and `â€` (of dashes and curly quotes): those letters
/// followed by such a character never occur in Swedish, while `Ä` or `Å`
/// followed by punctuation may.
fn find_mojibake(text: &str) -> Vec<(Span, char)> {
    let mut found = Vec::new();
    // Sequences do not overlap: none starts before the end of the last one.
    let mut end = 0;
    // Nearly every text has no lead at all, and those that have one have
    // few: the leads are jumped between, not every character walked.
    for i in mojibake_leads(text.as_bytes()) {
        if i < end {
            continue;
        }
        let mut chars = text.get(i..).unwrap_or_default().char_indices();
        let Some((_, c)) = chars.next() else {
            continue;
        };
        let width = match c {
            'Ã' | 'Â' => 2,
            'â' => 3,
            _ => continue,
        };
        // The bytes the sequence was before it was misread: at most three.
        let mut bytes = [c as u8, 0, 0];
        let mut len = 1;
        let mut seq_end = i + c.len_utf8();
        for (j, n) in chars.take(width - 1) {
            let (Some(b), Some(slot)) = (continuation_byte(n), bytes.get_mut(len)) else {
                break;
            };
            *slot = b;
            len += 1;
            seq_end = i + j + n.len_utf8();
        }
        if len != width {
            continue;
        }
        let meant = bytes.get(..len).and_then(|b| std::str::from_utf8(b).ok());
        let Some(meant) = meant.and_then(|s| s.chars().next()) else {
            continue;
        };
        found.push((Span::new(i, seq_end), meant));
        end = seq_end;
    }
    found
}

/// Where `Ã`, `Â` or `â` (C3 83, C3 82, C3 A2) starts, in order: every
/// sequence [`find_mojibake`] reports starts with one. Swedish text is full
/// of C3 (å ä ö), so the search is for the second bytes, which are rare:
/// they stand otherwise only inside a few punctuation marks (the bullet `•`
/// is E2 80 A2), and memchr passes over the rest a vector at a time.
fn mojibake_leads(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr3_iter(0x82, 0x83, 0xA2, bytes)
        .filter_map(|i| i.checked_sub(1))
        .filter(|&j| bytes.get(j) == Some(&0xC3))
}

/// The byte a UTF-8 continuation byte (0x80–0xBF) shows up as after being
/// read as Windows-1252, or as Latin-1 where Windows-1252 has no character.
fn continuation_byte(c: char) -> Option<u8> {
    let b = match c {
        '\u{80}'..='\u{bf}' => c as u32 as u8,
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8a,
        '‹' => 0x8b,
        'Œ' => 0x8c,
        'Ž' => 0x8e,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9a,
        '›' => 0x9b,
        'œ' => 0x9c,
        'ž' => 0x9e,
        'Ÿ' => 0x9f,
        _ => return None,
    };
    Some(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meant(text: &str) -> String {
        find_mojibake(text).into_iter().map(|(_, c)| c).collect()
    }

    #[test]
    fn finds_double_encoded_swedish_letters_both_code_pages() {
        assert_eq!(meant("Ã¤ Ã¶ Ã¥ Ã… Ã„ Ã– Ã©"), "äöåÅÄÖé");
        assert_eq!(meant("Ã\u{85}"), "Å");
        assert_eq!(meant("Â§ 83, 2026â€“02"), "§–");
    }

    #[test]
    fn spans_cover_the_whole_sequence() {
        let t = "KommunfullmÃ¤ktige";
        let found = find_mojibake(t);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0.slice(t), "Ã¤");
    }

    #[test]
    fn percentages_by_language() {
        assert_eq!(percent(0.1234, Lang::En), "12.3 %");
        assert_eq!(percent(0.2, Lang::Sv), "20,0 %");
    }

    #[test]
    fn the_lead_scan_sees_each_lead_anywhere_and_nothing_in_swedish() {
        let swedish = "Förslag till beslut: nämnden får kännedom § 83 – ”så” • Åsa Öberg";
        assert!(mojibake_leads(swedish.as_bytes()).next().is_none());
        for lead in ["Ã", "Â", "â"] {
            for text in [format!("{lead}{swedish}"), format!("{swedish}{lead}"), lead.to_string()] {
                assert!(mojibake_leads(text.as_bytes()).next().is_some(), "{text}");
            }
            // Wherever it stands, after bullets (whose last byte is a lead's second).
            for k in 0..8 {
                let mut text = "•ä".repeat(10);
                assert!(mojibake_leads(text.as_bytes()).next().is_none());
                // A bullet and an ä are five bytes: every multiple of five starts a bullet.
                let at = k * 5;
                text.insert_str(at, lead);
                assert!(mojibake_leads(text.as_bytes()).next().is_some(), "{at}: {text}");
            }
        }
    }

    /// The search as it was first written: every character walked.
    fn walked(text: &str) -> Vec<(Span, char)> {
        let mut found = Vec::new();
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let width = match c {
                'Ã' | 'Â' => 2,
                'â' => 3,
                _ => continue,
            };
            let mut bytes = vec![c as u8];
            let mut end = i + c.len_utf8();
            let mut look = chars.clone();
            for _ in 1..width {
                match look.next().and_then(|(j, n)| Some((j, n, continuation_byte(n)?))) {
                    Some((j, n, b)) => {
                        bytes.push(b);
                        end = j + n.len_utf8();
                    }
                    None => break,
                }
            }
            let meant = std::str::from_utf8(&bytes).ok().and_then(|s| s.chars().next());
            let (true, Some(meant)) = (bytes.len() == width, meant) else {
                continue;
            };
            found.push((Span::new(i, end), meant));
            while chars.peek().is_some_and(|(j, _)| *j < end) {
                chars.next();
            }
        }
        found
    }

    proptest::proptest! {
        #[test]
        fn jumping_between_leads_finds_what_a_walk_finds(s in "[aÃÂâ€¤¥–”•ä\\x80-\\xbf ]{0,40}") {
            proptest::prop_assert_eq!(find_mojibake(&s), walked(&s));
        }
    }

    #[test]
    fn swedish_text_is_not_mojibake() {
        assert!(find_mojibake("Åsa Öberg, Ärendet… PÅ… Ä» Â").is_empty());
        assert!(find_mojibake("Ã").is_empty());
        assert!(find_mojibake("â€").is_empty());
    }
}
