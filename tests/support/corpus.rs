//! A seeded generator of degraded decision documents, for bulk runs and the
//! pipeline benches. Shared by `examples/gen_corpus.rs` and
//! `benches/pipeline.rs`.
//!
//! A document is assembled clean (header, wrapped title, sections under one of
//! the headings each kind goes by, typed lists, body paragraphs drawn from the
//! seed's sentences), then damaged twice: the layout as scanners and OCR
//! engines break it (bullets read as `e`/`¢`, `I` as `|`, letter-spaced or
//! shouted headings, page furniture, CRLF files, the odd double-encoded
//! file), and the letters by the restore evaluation's noise model
//! ([`eval::degrade`]). The same seed always gives the same document.
#![allow(dead_code)]

#[path = "eval.rs"]
mod eval;

pub use eval::{Rng, degrade};

use std::fmt::Write as _;

/// The seed document, clean: its sentences are the body text.
const GOLD: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/fixtures/parse/enkoping-ks-2026-social-hallbarhet.gold.txt"
));

const OFFICERS: &[&str] = &[
    "Jonas Nyström",
    "Åsa Olsson",
    "Märta Lindqvist",
    "Björn Åkesson",
    "Karin Sjöberg",
    "Örjan Håkansson",
    "Elin Bäckström",
    "Anders Ek",
];
const DEPARTMENTS: &[&str] = &[
    "Kommunledningsförvaltningen",
    "Samhällsbyggnadsförvaltningen",
    "Socialförvaltningen",
    "Utbildningsförvaltningen",
    "Miljö- och byggnadsförvaltningen",
    "Tekniska förvaltningen",
];
const BOARDS: &[&str] = &[
    "Kommunstyrelsen",
    "Socialnämnden",
    "Tekniska nämnden",
    "Utbildningsnämnden",
    "Miljö- och byggnadsnämnden",
    "Kultur- och fritidsnämnden",
];
const TOPICS: &[&str] = &[
    "Uppdrag att ta fram ett styrdokument för social hållbarhet",
    "Revidering av riktlinjer för ekonomiskt bistånd",
    "Upphandling av snöröjning och halkbekämpning för vintersäsongerna",
    "Motion om cykelbanor längs Storgatan",
    "Försäljning av fastigheten Västerås 3:14",
    "Yttrande över förslag till översiktsplan för grannkommunen",
    "Årsredovisning för kommunens bolag",
    "Införande av nytt ärendehanteringssystem",
    "Medborgarförslag om en lekplats vid Östra skolan",
    "Taxa för tillsyn enligt miljöbalken",
];
const ROLES: &[&str] = &[
    "kommundirektör",
    "kansli- och utredningschef",
    "förvaltningschef",
    "ekonomichef",
    "handläggare",
    "hållbarhetsstrateg",
];
const BASIS: &[&str] = &["Tjänsteskrivelse", "Rapport", "Karta", "Protokollsutdrag", "Bilaga 1"];
const MONTHS: &[&str] = &[
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];
const POINTS: &[&str] = &[
    "ge förvaltningen i uppdrag att ta fram ett förslag till styrdokument.",
    "anta riktlinjerna enligt bilaga 1.",
    "godkänna förfrågningsunderlaget.",
    "avslå motionen.",
    "anse medborgarförslaget besvarat.",
    "uppdra åt kommundirektören att återrapportera senast i december.",
    "finansiera åtgärden inom befintlig ram.",
];

/// Every section kind, its headings (the first is the common one), and
/// whether a typical tjänsteskrivelse has it.
const SECTIONS: &[(&str, &[&str], bool)] = &[
    (
        "proposal",
        &["Förslag till beslut", "Kommunstyrelsens förslag till beslut", "Förslag till beslut:"],
        true,
    ),
    ("summary", &["Sammanfattning", "Sammanfattning av ärendet"], false),
    (
        "description",
        &["Beskrivning av ärendet", "Ärendebeskrivning", "Ärendet", "Ärendet i korthet"],
        true,
    ),
    ("background", &["Bakgrund"], false),
    (
        "assessment",
        &["Förvaltningens bedömning", "Kommunledningsförvaltningens bedömning", "Bedömning"],
        true,
    ),
    ("economic", &["Ekonomiska konsekvenser", "Ekonomisk bedömning"], true),
    ("social", &["Sociala eller miljömässiga konsekvenser", "Sociala konsekvenser"], false),
    ("legal", &["Juridiska konsekvenser", "Styrdokument och juridik"], false),
    ("child", &["Barnkonsekvensanalys", "Barnperspektiv"], false),
    ("basis", &["Beslutsunderlag"], true),
    ("officials", &["Ansvariga tjänstepersoner"], true),
    ("distribution", &["Sändlista", "Beslutet skickas till", "Expediering"], true),
];

/// How a corpus is made.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// Mean size of a document in bytes (the seed is about 5,500).
    pub mean_bytes: usize,
    /// Share of diacritics left intact, drawn per document in this range.
    pub keep: (f64, f64),
}

impl Default for Options {
    fn default() -> Self {
        Options { mean_bytes: 5_500, keep: (0.0, 0.9) }
    }
}

/// Sentences of the seed's body paragraphs, with their diacritics.
pub fn sentences() -> Vec<String> {
    let mut out = Vec::new();
    for para in GOLD.split("\n\n") {
        let joined = para.split_whitespace().collect::<Vec<_>>().join(" ");
        if joined.len() < 120 || joined.contains('•') {
            continue; // headings, lists, the header
        }
        for s in joined.split_inclusive(". ") {
            let s = s.trim();
            if s.len() > 20 {
                out.push(s.to_string());
            }
        }
    }
    out
}

/// Document number `index` of the corpus made from `seed`: the same pair
/// always gives the same text, so any slice of a corpus can be regenerated.
pub fn document(seed: u64, index: u64, options: &Options, sentences: &[String]) -> String {
    let mut rng = Rng::new(seed.wrapping_mul(0x9e37_79b9).wrapping_add(index));
    let clean = if rng.unit() < 0.15 {
        minutes(&mut rng, options, sentences)
    } else {
        memo(&mut rng, options, sentences)
    };
    damage(&clean, &mut rng, options)
}

fn pick<'a>(rng: &mut Rng, from: &'a [&'a str]) -> &'a str {
    from[(rng.next_u64() % from.len() as u64) as usize]
}

fn below(rng: &mut Rng, n: u64) -> u64 {
    rng.next_u64() % n.max(1)
}

fn iso_date(rng: &mut Rng) -> String {
    let (y, m, d) = date(rng);
    format!("{y}-{m:02}-{d:02}")
}

/// A day from 2014 to 2026, as (year, month, day).
fn date(rng: &mut Rng) -> (u64, u64, u64) {
    (2014 + below(rng, 13), 1 + below(rng, 12), 1 + below(rng, 28))
}

/// The date of a basis document: before the memo's own date `own`, as the
/// documents a decision rests on are. A date drawn after it keeps its month
/// and day and takes the latest year that puts it before the memo (the
/// memo's own or the one before, so it may fall in 2013); one drawn on the
/// first of a month stays after it (about one item in sixty), so
/// `basis-after-decision` still has something to find. (Dates drawn
/// independently of `own` stood after it half the time: 40 % of generated
/// memos had the finding, few real ones do.)
fn basis_date(rng: &mut Rng, own: Option<(u64, u64, u64)>) -> String {
    let iso = rng.unit() < 0.8;
    let (y, m, d) = if iso {
        date(rng)
    } else {
        let d = 1 + below(rng, 28);
        let m = MONTHS.iter().position(|&n| n == pick(rng, MONTHS)).unwrap_or(0) as u64 + 1;
        (2026, m, d)
    };
    let y = match own {
        Some((oy, om, od)) if (y, m, d) > (oy, om, od) && d != 1 => {
            if (m, d) < (om, od) {
                oy
            } else {
                oy - 1
            }
        }
        _ => y,
    };
    match iso {
        true => format!("{y}-{m:02}-{d:02}"),
        false => format!("{d} {} {y}", MONTHS[m as usize - 1]),
    }
}

fn diary_number(rng: &mut Rng) -> String {
    let year = 2014 + below(rng, 13);
    let n = below(rng, 2000);
    match below(rng, 5) {
        0 => format!("KS-{year}-{n:05}"),
        1 => format!("KS {year}/{n}"),
        2 => format!("KFKS {year}/{n}"),
        3 => format!("SN {}/{n:04}", year % 100),
        _ => format!("{year}-{n}"),
    }
}

/// Wrap `text` at about `width` columns, as a scanned page does.
fn wrap(out: &mut String, text: &str, width: usize) {
    let mut col = 0;
    for word in text.split(' ') {
        if col > 0 && col + 1 + word.chars().count() > width {
            out.push('\n');
            col = 0;
        } else if col > 0 {
            out.push(' ');
            col += 1;
        }
        out.push_str(word);
        col += word.chars().count();
    }
    out.push('\n');
}

fn paragraphs(out: &mut String, rng: &mut Rng, sentences: &[String], bytes: usize) {
    let start = out.len();
    while out.len() - start < bytes {
        let n = 2 + below(rng, 5);
        let para: Vec<&str> = (0..n)
            .map(|_| sentences[below(rng, sentences.len() as u64) as usize].as_str())
            .collect();
        wrap(out, &para.join(" "), 70 + below(rng, 10) as usize);
        out.push('\n');
    }
}

fn memo(rng: &mut Rng, options: &Options, sentences: &[String]) -> String {
    let mut d = String::with_capacity(options.mean_bytes * 2);
    let board = pick(rng, BOARDS);
    // Header.
    let _ = writeln!(d, "Handläggare\n{}\n{}", pick(rng, OFFICERS), pick(rng, DEPARTMENTS));
    let own = (rng.unit() < 0.6).then(|| date(rng));
    if let Some((y, m, day)) = own {
        let _ = writeln!(d, "Datum {y}-{m:02}-{day:02}");
    }
    let _ = writeln!(d, "Diarienummer {}\n", diary_number(rng));
    wrap(&mut d, pick(rng, TOPICS), 24 + below(rng, 30) as usize);
    d.push('\n');
    // Sections: the common ones nearly always, the others sometimes.
    let kinds: Vec<&(&str, &[&str], bool)> = SECTIONS
        .iter()
        .filter(|(_, _, common)| rng.unit() < if *common { 0.95 } else { 0.3 })
        .collect();
    let prose_sections = kinds.iter().filter(|(k, _, _)| is_prose(k)).count().max(1);
    let prose_bytes = options.mean_bytes.saturating_sub(2_800) / prose_sections;
    for (kind, headings, _) in kinds {
        let heading = if rng.unit() < 0.7 { headings[0] } else { pick(rng, headings) };
        let _ = writeln!(d, "{heading}\n");
        match *kind {
            "proposal" => {
                let _ = writeln!(d, "{board} beslutar att:\n");
                for n in 1..=1 + below(rng, 3) {
                    let _ = writeln!(d, "{n}. {}", pick(rng, POINTS));
                }
                d.push('\n');
            }
            "basis" => {
                d.push_str("Följande handlingar har legat till grund för beslutet:\n\n");
                for _ in 0..1 + below(rng, 4) {
                    let date = basis_date(rng, own);
                    let _ = writeln!(d, "• {}, {date}", pick(rng, BASIS));
                }
                d.push('\n');
            }
            "officials" => {
                d.push_str("Tjänsteskrivelsen är fastställd av följande:\n\n");
                for _ in 0..1 + below(rng, 3) {
                    let _ = writeln!(d, "• {}, {}", pick(rng, OFFICERS), pick(rng, ROLES));
                }
                d.push('\n');
            }
            "distribution" => {
                d.push_str("Beslutet skickas till:\n");
                for _ in 0..2 + below(rng, 6) {
                    let purpose = if rng.unit() < 0.8 { "för kännedom" } else { "för åtgärd" };
                    let _ = writeln!(d, "• {}, {purpose}", pick(rng, BOARDS));
                }
                d.push('\n');
            }
            _ => paragraphs(&mut d, rng, sentences, prose_bytes),
        }
    }
    d
}

fn is_prose(kind: &str) -> bool {
    !matches!(kind, "proposal" | "basis" | "officials" | "distribution")
}

fn minutes(rng: &mut Rng, options: &Options, sentences: &[String]) -> String {
    let mut d = String::with_capacity(options.mean_bytes * 2);
    let board = pick(rng, BOARDS);
    let _ = writeln!(d, "SAMMANTRÄDESPROTOKOLL\n{board}\nSammanträdesdatum {}\n", iso_date(rng));
    let items = 1 + below(rng, 3);
    let per_item = options.mean_bytes.saturating_sub(400) / items as usize;
    for _ in 0..items {
        let _ = writeln!(d, "§ {} Dnr {}", 1 + below(rng, 300), diary_number(rng));
        wrap(&mut d, pick(rng, TOPICS), 30);
        d.push_str("\nÄrendet\n");
        paragraphs(&mut d, rng, sentences, per_item.saturating_sub(300));
        d.push_str("Yrkanden\nOrdföranden yrkar bifall till arbetsutskottets förslag.\n\n");
        let _ = writeln!(d, "Beslut\n{board} beslutar att {}\n", pick(rng, POINTS));
        let _ =
            writeln!(d, "Beslutet skickas till\n{}\n{}\n", pick(rng, BOARDS), pick(rng, BOARDS));
    }
    d.push_str("Justerandes sign\n\nUtdragsbestyrkande\n");
    d
}

/// Break the layout the way scanning does, then the letters by the noise model.
fn damage(clean: &str, rng: &mut Rng, options: &Options) -> String {
    let bullet = pick(rng, &["•", "•", "e", "¢", "-"]);
    let spaced = rng.unit() < 0.1;
    let shouted = rng.unit() < 0.1;
    let mut d = String::with_capacity(clean.len() + clean.len() / 8);
    for line in clean.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        let is_heading = SECTIONS.iter().any(|(_, hs, _)| hs.contains(&body));
        if let Some(item) = body.strip_prefix("• ") {
            d.push_str(bullet);
            d.push(' ');
            d.push_str(item);
        } else if is_heading && spaced {
            let letters: Vec<String> = body
                .split(' ')
                .map(|w| w.chars().map(String::from).collect::<Vec<_>>().join(" "))
                .collect();
            d.push_str(&letters.join("  "));
        } else if is_heading && shouted {
            d.push_str(&body.to_uppercase());
        } else if body.starts_with('I') && rng.unit() < 0.5 {
            d.push('|');
            d.push_str(&body[1..]);
        } else {
            d.push_str(body);
        }
        if line.ends_with('\n') {
            d.push('\n');
        }
        if body.is_empty() && rng.unit() < 0.02 {
            let _ = writeln!(d, "Sida {} av {}\n", 1 + below(rng, 3), 3 + below(rng, 3));
        }
    }
    let keep = options.keep.0 + (options.keep.1 - options.keep.0) * rng.unit();
    let mut d = degrade(&d, rng.next_u64(), keep);
    if rng.unit() < 0.1 {
        d = d.replace('\n', "\r\n");
    }
    if rng.unit() < 0.01 {
        // Read as Latin-1 and written again as UTF-8: `Ã¤` for `ä`.
        d = d.bytes().map(char::from).collect();
    }
    d
}
