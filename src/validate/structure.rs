//! Rules about the document as a whole and its sections: which are there,
//! which are missing, empty, doubled or out of order.

use super::diagnostic::{Data, Diagnostic};
use super::rule::Rule;
use super::{Ctx, Lang};
use crate::model::{Section, SectionKind};
use crate::span::Span;

/// `empty-document`: no text at all (only whitespace).
pub(crate) fn empty_document(cx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let d = cx
        .diag(
            Rule::EmptyDocument,
            tr!(cx, "the document is empty".into(), "dokumentet är tomt".into()),
            Span::empty(0),
        )
        .with_help(tr!(
            cx,
            "check that this is the right file and that OCR produced any text".into(),
            "kontrollera att filen är rätt och att OCR gav någon text".into(),
        ));
    out.push(d);
}

/// `not-a-decision`: text, but not one heading of a known kind.
pub(crate) fn not_a_decision(cx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if recognizes_any(cx) {
        return;
    }
    let span = first_line(&cx.decision.source);
    let d = cx
        .diag(
            Rule::NotADecision,
            tr!(cx,
                "no section heading was recognized: this does not look like a decision document"
                    .into(),
                "ingen avsnittsrubrik kändes igen: detta ser inte ut som ett beslutsdokument"
                    .into(),
            ),
            span,
        )
        .with_help(tr!(cx,
            format!(
                "a decision has headings such as \"{}\" and \"{}\"; a profile file can add a municipality's own headings",
                SectionKind::Proposal.swedish(),
                SectionKind::DecisionBasis.swedish()
            ),
            format!(
                "ett beslut har rubriker som ”{}” och ”{}”; en profilfil kan lägga till kommunens egna rubriker",
                SectionKind::Proposal.swedish(),
                SectionKind::DecisionBasis.swedish()
            ),
        ));
    out.push(d);
}

fn recognizes_any(cx: &Ctx<'_>) -> bool {
    cx.kinds.iter().any(|k| *k != SectionKind::Other)
}

/// The first non-blank line, without its line end; an empty span at 0 if none.
fn first_line(text: &str) -> Span {
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end();
        if !content.trim_start().is_empty() {
            let lead = content.len() - content.trim_start().len();
            return Span::new(start + lead, start + content.len());
        }
        start += line.len();
    }
    Span::empty(0)
}

/// `missing-section`: one diagnostic per required kind that is absent, with an
/// empty span where it was expected: before the next section the profile
/// orders after it, else after the previous one.
///
/// Silent when no section is recognized at all: `not-a-decision` says that once.
pub(crate) fn missing_section(cx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if !recognizes_any(cx) {
        return;
    }
    let order = cx.profile.order();
    for &kind in cx.profile.required() {
        if first_of(cx, kind).is_some() {
            continue;
        }
        let at = order.iter().position(|k| *k == kind).unwrap_or(order.len());
        let next = order.get(at + 1..).unwrap_or(&[]).iter().find_map(|k| first_of(cx, *k));
        let prev = order[..at.min(order.len())].iter().rev().find_map(|k| first_of(cx, *k));
        let (span, label) = match (next, prev) {
            (Some(n), _) => (
                Span::empty(n.heading_span.start),
                tr!(
                    cx,
                    cat!("expected here, before \"", n.kind.swedish(), "\""),
                    cat!("väntat här, före ”", n.kind.swedish(), "”"),
                ),
            ),
            (None, Some(p)) => (
                Span::empty(p.span.end),
                tr!(
                    cx,
                    cat!("expected here, after \"", p.kind.swedish(), "\""),
                    cat!("väntat här, efter ”", p.kind.swedish(), "”"),
                ),
            ),
            (None, None) => (
                Span::empty(front_matter_end(cx)),
                tr!(cx, "expected here".into(), "väntat här".into()),
            ),
        };
        let name = kind.swedish();
        let d = cx
            .diag(
                Rule::MissingSection,
                tr!(
                    cx,
                    cat!("required section \"", name, "\" is missing"),
                    cat!("obligatoriskt avsnitt ”", name, "” saknas"),
                ),
                span,
            )
            .with_label(label)
            .with_help(tr!(
                cx,
                cat!("add the section under the heading \"", name, "\""),
                cat!("lägg till avsnittet under rubriken ”", name, "”"),
            ))
            .with_data(Data::kind(kind));
        out.push(d);
    }
}

/// The first section of (effective) kind `kind`.
fn first_of<'a>(cx: &Ctx<'a>, kind: SectionKind) -> Option<&'a Section> {
    cx.first_of(kind).map(|(_, s)| s)
}

/// Where the body of the document begins when no section gives a better place.
fn front_matter_end(cx: &Ctx<'_>) -> usize {
    let d = cx.decision;
    d.title_span.or(d.header.span).map_or(0, |s| s.end)
}

/// `empty-section`: a heading with nothing under it.
pub(crate) fn empty_section(cx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for (i, (section, kind)) in cx.sections().enumerate() {
        if !cx.blank_section(i, section) {
            continue;
        }
        let name = Ctx::section_name(section, kind);
        let d = cx
            .diag(
                Rule::EmptySection,
                tr!(
                    cx,
                    cat!("section \"", name, "\" has no text"),
                    cat!("avsnittet ”", name, "” är tomt"),
                ),
                section.heading_span,
            )
            .with_label(tr!(cx, "heading without text".into(), "rubrik utan text".into()))
            .with_data(Data::kind(kind));
        out.push(d);
    }
}

/// `duplicate-section`: a kind the profile allows once, again.
pub(crate) fn duplicate_section(cx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let repeatable = cx.profile.repeatable();
    for (i, (section, kind)) in cx.sections().enumerate() {
        if repeatable.contains(&kind) {
            continue;
        }
        let Some((_, first)) = cx.first_of(kind).filter(|(first, _)| *first < i) else {
            continue;
        };
        let name = Ctx::section_name(section, kind);
        let d = cx
            .diag(
                Rule::DuplicateSection,
                tr!(
                    cx,
                    cat!("section \"", name, "\" appears more than once"),
                    cat!("avsnittet ”", name, "” förekommer mer än en gång"),
                ),
                section.heading_span,
            )
            .with_label(tr!(cx, "again here".into(), "igen här".into()))
            .with_related(first.heading_span, tr!(cx, "first here".into(), "först här".into()))
            .with_help(tr!(
                cx,
                "merge the two sections into one".into(),
                "slå ihop avsnitten till ett".into(),
            ))
            .with_data(Data::kind(kind));
        out.push(d);
    }
}

/// `section-order`: sections out of the profile's order.
///
/// Keeps the longest run of sections already in order and flags only the
/// others, so one section moved to the wrong place gives one diagnostic, not
/// one for each section it jumped over.
pub(crate) fn section_order(cx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let order = cx.profile.order();
    if in_order(cx, order) {
        return;
    }
    // The first section of each ordered kind, in document order, with its rank.
    let mut seen = Vec::new();
    let placed: Vec<(&Section, SectionKind, usize)> = cx
        .sections()
        .filter_map(|(s, k)| {
            let rank = order.iter().position(|o| *o == k)?;
            if seen.contains(&k) {
                return None;
            }
            seen.push(k);
            Some((s, k, rank))
        })
        .collect();
    let ranks: Vec<usize> = placed.iter().map(|p| p.2).collect();
    let kept = longest_increasing(&ranks);
    for (i, &(section, kind, rank)) in placed.iter().enumerate() {
        if kept[i] {
            continue;
        }
        let in_order = || placed.iter().zip(&kept).filter(|(_, k)| **k).map(|(p, _)| p);
        let after = in_order().filter(|p| p.2 < rank).max_by_key(|p| p.2);
        let before = in_order().filter(|p| p.2 > rank).min_by_key(|p| p.2);
        let name = kind.swedish();
        let (message, anchor, data) = match (after, before) {
            (Some(a), _) => (
                tr!(
                    cx,
                    cat!("section \"", name, "\" should come after \"", a.1.swedish(), "\""),
                    cat!("avsnittet ”", name, "” bör komma efter ”", a.1.swedish(), "”"),
                ),
                a,
                Data { kind: Some(kind), after: Some(a.1), ..Data::default() },
            ),
            (None, Some(b)) => (
                tr!(
                    cx,
                    cat!("section \"", name, "\" should come before \"", b.1.swedish(), "\""),
                    cat!("avsnittet ”", name, "” bör komma före ”", b.1.swedish(), "”"),
                ),
                b,
                Data { kind: Some(kind), before: Some(b.1), ..Data::default() },
            ),
            // Unreachable with two or more ordered sections, and one cannot be out of order.
            (None, None) => continue,
        };
        let related_label = tr!(
            cx,
            cat!("\"", anchor.1.swedish(), "\" is here"),
            cat!("”", anchor.1.swedish(), "” står här"),
        );
        let d = cx
            .diag(Rule::SectionOrder, message, section.heading_span)
            .with_label(tr!(cx, "out of order".into(), "i fel ordning".into()))
            .with_related(anchor.0.heading_span, related_label)
            .with_help(order_help(cx.lang, order))
            .with_data(data);
        out.push(d);
    }
}

/// Whether the first section of each ordered kind comes in `order`, so that
/// [`section_order`] has nothing to say. Nearly every document is in order,
/// and this pass allocates nothing, where finding what to flag takes a few
/// vectors and a longest-run search.
fn in_order(cx: &Ctx<'_>, order: &[SectionKind]) -> bool {
    // Ranks seen, as bits; an order too long for them takes the full search.
    if order.len() > 64 {
        return false;
    }
    let mut seen = 0u64;
    let mut last = None;
    for (_, kind) in cx.sections() {
        // A kind's rank is where it first stands in `order`: one rank, one kind.
        let Some(rank) = order.iter().position(|o| *o == kind) else {
            continue;
        };
        let bit = 1u64 << rank;
        if seen & bit != 0 {
            continue;
        }
        seen |= bit;
        if last.is_some_and(|last| rank < last) {
            return false;
        }
        last = Some(rank);
    }
    true
}

fn order_help(lang: Lang, order: &[SectionKind]) -> String {
    let names: Vec<&str> = order.iter().map(|k| k.swedish()).collect();
    match lang {
        Lang::En => cat!("the profile's order is: ", names.join(", ")),
        Lang::Sv => cat!("profilens ordning är: ", names.join(", ")),
    }
}

/// Which elements of `ranks` belong to one longest strictly increasing
/// subsequence (the earliest-ending one when there are several).
fn longest_increasing(ranks: &[usize]) -> Vec<bool> {
    let n = ranks.len();
    let mut len = vec![1usize; n];
    let mut prev = vec![usize::MAX; n];
    for i in 0..n {
        for j in 0..i {
            if ranks[j] < ranks[i] && len[j] + 1 > len[i] {
                len[i] = len[j] + 1;
                prev[i] = j;
            }
        }
    }
    let mut kept = vec![false; n];
    let best = (0..n).max_by_key(|&i| (len[i], std::cmp::Reverse(i)));
    let mut at = best.unwrap_or(usize::MAX);
    while at != usize::MAX {
        kept[at] = true;
        at = prev[at];
    }
    kept
}

/// `unknown-heading`: a heading neither the parser nor the profile knows.
pub(crate) fn unknown_heading(cx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for (section, kind) in cx.sections() {
        if kind != SectionKind::Other {
            continue;
        }
        let heading = section.heading.as_str();
        let d = cx
            .diag(
                Rule::UnknownHeading,
                tr!(
                    cx,
                    cat!("unknown heading \"", heading, "\""),
                    cat!("okänd rubrik ”", heading, "”"),
                ),
                section.heading_span,
            )
            .with_help(tr!(
                cx,
                "if it names a known kind of section, list it under [headings] in a profile file"
                    .into(),
                "om den namnger en känd sorts avsnitt, ange den under [headings] i en profilfil"
                    .into(),
            ))
            .with_data(Data::found(heading));
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_increasing_flags_only_the_moved_element() {
        assert_eq!(longest_increasing(&[3, 0, 1, 2]), [false, true, true, true]);
        assert_eq!(longest_increasing(&[0, 1, 2]), [true, true, true]);
        assert_eq!(longest_increasing(&[1, 0]), [true, false]);
        assert_eq!(longest_increasing(&[]), Vec::<bool>::new());
    }

    proptest::proptest! {
        /// The quick pass says "in order" exactly when the full search keeps every section.
        #[test]
        fn in_order_agrees_with_the_longest_run(kinds in proptest::collection::vec(0..SectionKind::ALL.len(), 0..12)) {
            let section = |k: usize| Section {
                kind: SectionKind::ALL[k],
                heading: String::new(),
                canonical: String::new(),
                match_kind: crate::model::MatchKind::Exact,
                span: Span::empty(0),
                heading_span: Span::empty(0),
                text: String::new(),
            };
            let decision = crate::model::Decision {
                sections: kinds.iter().map(|&k| section(k)).collect(),
                ..Default::default()
            };
            let profile = crate::validate::Profile::standard();
            let cx = Ctx::new(&decision, &profile, Lang::En);
            let order = profile.order();
            let mut first_ranks = Vec::new();
            for k in &kinds {
                let Some(rank) = order.iter().position(|o| *o == SectionKind::ALL[*k]) else {
                    continue;
                };
                if !first_ranks.contains(&rank) {
                    first_ranks.push(rank);
                }
            }
            let all_kept = longest_increasing(&first_ranks).iter().all(|k| *k);
            proptest::prop_assert_eq!(in_order(&cx, order), all_kept);
        }
    }

    #[test]
    fn every_kind_has_its_own_slot_for_first_of() {
        for (i, kind) in SectionKind::ALL.into_iter().enumerate() {
            assert_eq!(kind as usize, i, "{kind:?}");
        }
    }

    #[test]
    fn first_line_skips_blank_lines_and_indentation() {
        let t = "\n  \n  Hej där  \nx";
        assert_eq!(first_line(t).slice(t), "Hej där");
        assert_eq!(first_line(""), Span::empty(0));
    }
}
