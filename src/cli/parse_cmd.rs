//! `beslut parse FILE|-`: the model as JSON, or as an outline for people.

use super::{ParseArgs, ParseFormat, exit};
use beslut::{Decision, LineIndex, Span};
use std::fmt::Write as _;

pub fn run(args: &ParseArgs) -> u8 {
    let text = match super::read_document(&args.file) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let decision = beslut::parse_decision(&text);
    let out = match args.format {
        ParseFormat::Json => match serde_json::to_string_pretty(&decision) {
            Ok(json) => json + "\n",
            Err(e) => {
                eprintln!("beslut: cannot serialize the model: {e}");
                return exit::USAGE;
            }
        },
        ParseFormat::Outline => outline(&args.file.display().to_string(), &decision),
    };
    super::write_stdout(&out)
}

/// A readable outline of the model: header, title, sections with their
/// positions, then the typed content.
pub fn outline(name: &str, d: &Decision) -> String {
    let index = LineIndex::new(&d.source);
    let at = |s: Span| {
        let lc = index.line_col(&d.source, s.start);
        format!("{}:{}", lc.line, lc.column)
    };
    let or_dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".into());
    let mut o = String::new();
    let _ = writeln!(o, "{name}");
    let h = &d.header;
    let _ = writeln!(o, "  case officer   {}", or_dash(&h.case_officer));
    let _ = writeln!(o, "  department     {}", or_dash(&h.department));
    let _ = writeln!(o, "  diary number   {}", or_dash(&h.diary_number));
    let _ = writeln!(o, "  date           {}", or_dash(&h.date));
    let _ = writeln!(o, "  title          {}", or_dash(&d.title));
    let _ = writeln!(o, "\nsections");
    for s in &d.sections {
        let _ = writeln!(
            o,
            "  {:>7}  {:<34} {}  ({})",
            at(s.heading_span),
            s.kind.id(),
            s.canonical,
            match s.match_kind {
                beslut::MatchKind::Exact => "exact",
                beslut::MatchKind::Folded => "folded",
                beslut::MatchKind::Ocr => "ocr",
            }
        );
    }
    for (label, p) in [("proposal", &d.proposal), ("decision", &d.decision)] {
        let Some(p) = p else { continue };
        let _ = writeln!(
            o,
            "\n{label}: {} {}",
            or_dash(&p.decision_maker),
            p.phrase.as_deref().unwrap_or("")
        );
        for pt in &p.points {
            let number = pt.number.map_or("-".to_string(), |n| format!("{n}."));
            let _ = writeln!(o, "  {number} {}", pt.text);
        }
    }
    if !d.decision_basis.is_empty() {
        let _ = writeln!(o, "\ndecision basis");
        for b in &d.decision_basis {
            let _ = writeln!(o, "  {:<10}  {}", b.date.as_deref().unwrap_or("no date"), b.title);
        }
    }
    if !d.responsible_officials.is_empty() {
        let _ = writeln!(o, "\nresponsible officials");
        for p in &d.responsible_officials {
            let _ = writeln!(o, "  {} — {}", p.name, p.role.as_deref().unwrap_or("no role"));
        }
    }
    if !d.distribution.is_empty() {
        let _ = writeln!(o, "\ndistribution");
        for r in &d.distribution {
            let _ =
                writeln!(o, "  {} — {}", r.recipient, r.purpose.as_deref().unwrap_or("no purpose"));
        }
    }
    if !d.attachments.is_empty() {
        let _ = writeln!(o, "\nattachments");
        for a in &d.attachments {
            let _ = writeln!(o, "  {a}");
        }
    }
    if !d.notes.is_empty() {
        let _ = writeln!(o, "\nnotes");
        for n in &d.notes {
            let kind = serde_json::to_value(n.kind).ok();
            let kind = kind.as_ref().and_then(|k| k.as_str()).unwrap_or("note");
            let _ = writeln!(o, "  {:>7}  {kind}: {:?}", at(n.span), n.found);
        }
    }
    o
}
