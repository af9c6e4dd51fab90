//! Rules about what the sections say: the proposal, dates, the basis, the
//! officials and the distribution list.

use super::diagnostic::{Data, Diagnostic};
use super::rule::Rule;
use super::{Ctx, blank, match_key};
use crate::model::{BasisDocument, Decision, NoteKind, Official, Recipient, SectionKind};
use crate::span::Span;

/// `proposal-without-points`: *Förslag till beslut* that names no decision
/// maker, or has no numbered point or *att*-clause.
///
/// Looks only at a section the parser itself read as a proposal: only for
/// those does the model hold [`crate::Proposal`].
pub(crate) fn proposal_without_points(cx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(section) = cx.decision.sections.iter().find(|s| s.kind == SectionKind::Proposal)
    else {
        return;
    };
    let proposal = cx.decision.proposal.as_ref();
    let has_maker = proposal.and_then(|p| p.decision_maker.as_deref()).is_some_and(|m| !blank(m));
    let has_points = proposal.is_some_and(|p| !p.points.is_empty());
    let name = SectionKind::Proposal.swedish();
    let message = match (has_maker, has_points) {
        (true, true) => return,
        (false, true) => tr!(
            cx,
            cat!("\"", name, "\" names no decision maker"),
            cat!("”", name, "” anger ingen beslutsfattare"),
        ),
        (true, false) => tr!(
            cx,
            cat!("\"", name, "\" has no numbered point or att-clause"),
            cat!("”", name, "” saknar numrerade punkter och att-satser"),
        ),
        (false, false) => tr!(
            cx,
            cat!("\"", name, "\" names no decision maker and has no numbered point or att-clause"),
            format!(
                "”{name}” anger ingen beslutsfattare och saknar numrerade punkter och att-satser"
            ),
        ),
    };
    let missing = [(!has_maker).then_some("decision_maker"), (!has_points).then_some("points")]
        .into_iter()
        .flatten()
        .map(String::from)
        .collect();
    let d = cx
        .diag(Rule::ProposalWithoutPoints, message, section.heading_span)
        .with_help(tr!(cx,
            "write who decides and what, as in \"Kommunstyrelsen beslutar att:\" followed by numbered points".into(),
            "skriv vem som beslutar och vad, som i ”Kommunstyrelsen beslutar att:” följt av numrerade punkter".into(),
        ))
        .with_data(Data { missing, ..Data::default() });
    out.push(d);
}

/// `invalid-date`: every date the parser could not read or found not to
/// exist (its [`NoteKind::InvalidDate`] notes), and any date the model holds
/// that does not exist.
pub(crate) fn invalid_date(cx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let d = cx.decision;
    let noted: Vec<Span> =
        d.notes.iter().filter(|n| n.kind == NoteKind::InvalidDate).map(|n| n.span).collect();
    for note in d.notes.iter().filter(|n| n.kind == NoteKind::InvalidDate) {
        out.push(invalid_date_diag(cx, &note.found, note.span));
    }
    let header = d.header.date.as_deref().map(|date| {
        let span = d.header.date_span.or(d.header.span).unwrap_or(Span::empty(0));
        (date, span)
    });
    let basis = d.decision_basis.iter().filter_map(|b| Some((b.date.as_deref()?, b.span)));
    for (date, span) in header.into_iter().chain(basis) {
        if iso_date(date).is_none_or(|ymd| !exists(ymd))
            && !noted.iter().any(|n| overlaps(*n, span))
        {
            out.push(invalid_date_diag(cx, date, within(&d.source, span, date)));
        }
    }
}

fn invalid_date_diag(cx: &Ctx<'_>, found: &str, span: Span) -> Diagnostic {
    let (message, label) = if iso_date(found).is_some() {
        (
            tr!(
                cx,
                cat!("date \"", found, "\" does not exist"),
                cat!("datumet ”", found, "” finns inte"),
            ),
            tr!(cx, "no such day".into(), "ingen sådan dag".into()),
        )
    } else {
        (
            tr!(
                cx,
                cat!("date \"", found, "\" cannot be read"),
                cat!("datumet ”", found, "” går inte att läsa"),
            ),
            tr!(cx, "not a date".into(), "inte ett datum".into()),
        )
    };
    cx.diag(Rule::InvalidDate, message, span)
        .with_label(label)
        .with_help(tr!(
            cx,
            "write dates as YYYY-MM-DD (2026-02-19) and check them against the scan".into(),
            "skriv datum som ÅÅÅÅ-MM-DD (2026-02-19) och jämför med skanningen".into(),
        ))
        .with_data(Data::found(found))
}

/// Year, month and day of a `YYYY-MM-DD` string, whether or not the day exists.
pub(crate) fn iso_date(s: &str) -> Option<(u32, u32, u32)> {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return None;
    }
    Some((s[..4].parse().ok()?, s[5..7].parse().ok()?, s[8..].parse().ok()?))
}

/// Whether the day exists in the proleptic Gregorian calendar.
pub(crate) fn exists((year, month, day): (u32, u32, u32)) -> bool {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    year > 0 && (1..=days).contains(&day)
}

fn valid_date(s: &str) -> bool {
    iso_date(s).is_some_and(exists)
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end || a == b
}

/// `basis-without-date`: a *Beslutsunderlag* item with no date. An item whose
/// date could not be read already has its `invalid-date`.
pub(crate) fn basis_without_date(cx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let d = cx.decision;
    for item in undated_basis(d) {
        let title = item_name(&item.title, item.span, &d.source);
        out.push(item_diag(
            cx,
            Rule::BasisWithoutDate,
            item.span,
            tr!(
                cx,
                cat!("basis document \"", short(&title), "\" has no date"),
                cat!("underlaget ”", short(&title), "” saknar datum"),
            ),
            tr!(
                cx,
                "give each document its date, as in \"Tjänsteskrivelse, 2026-02-19\"".into(),
                "ange varje handlings datum, som i ”Tjänsteskrivelse, 2026-02-19”".into(),
            ),
            title,
        ));
    }
}

/// The basis documents `basis-without-date` finds.
fn undated_basis(d: &Decision) -> impl Iterator<Item = &BasisDocument> {
    d.decision_basis.iter().filter(|item| {
        let noted =
            d.notes.iter().any(|n| n.kind == NoteKind::InvalidDate && overlaps(n.span, item.span));
        item.date.is_none() && !noted
    })
}

/// A list item's name: the parsed part, else the item's text.
fn item_name(parsed: &str, span: Span, source: &str) -> String {
    let name = if blank(parsed) { span.slice(source) } else { parsed };
    name.trim().to_string()
}

/// Longest name quoted in a message, in characters; the data keeps it whole.
const SHORT_NAME: usize = 60;

/// `name` cut to [`SHORT_NAME`] characters, with `…` when cut, so that a
/// report title wrapped over three lines still gives a one-line message.
pub(crate) fn short(name: &str) -> std::borrow::Cow<'_, str> {
    // No more bytes than the limit's characters: no character to count.
    if name.len() <= SHORT_NAME {
        return name.into();
    }
    match name.char_indices().nth(SHORT_NAME) {
        Some((at, _)) => cat!(name[..at].trim_end(), "…").into(),
        None => name.into(),
    }
}

/// Where `needle` stands within `span` of `source` (its last occurrence, as a
/// date ends an item), else the whole span.
fn within(source: &str, span: Span, needle: &str) -> Span {
    let hay = span.slice(source);
    // Where the date does end the item, the last occurrence is at the end:
    // no searcher to set up, which cost more than the short search itself.
    let last = match hay.strip_suffix(needle) {
        Some(before) => Some(before.len()),
        None => hay.rfind(needle),
    };
    match last {
        Some(i) if !needle.is_empty() => Span::new(span.start + i, span.start + i + needle.len()),
        _ => span,
    }
}

/// `basis-after-decision`: a basis document dated after the document itself.
pub(crate) fn basis_after_decision(cx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let d = cx.decision;
    for (item, date, own) in later_basis(d) {
        let title = item_name(&item.title, item.span, &d.source);
        let mut diag = cx
            .diag(
                Rule::BasisAfterDecision,
                tr!(cx,
                    cat!("basis document \"", short(&title), "\" is dated ", date, ", after the document's own date ", own),
                    cat!("underlaget ”", short(&title), "” är daterat ", date, ", efter dokumentets eget datum ", own),
                ),
                within(&d.source, item.span, date),
            )
            .with_label(tr!(cx, "later than the document".into(), "senare än dokumentet".into()))
            .with_help(tr!(cx,
                "check both dates against the scan: a decision cannot rest on a later document".into(),
                "jämför båda datumen med skanningen: ett beslut kan inte vila på en senare handling".into(),
            ))
            .with_data(Data {
                found: Some(date.to_string()),
                decision_date: Some(own.to_string()),
                ..Data::default()
            });
        if let Some(span) = d.header.date_span {
            diag = diag.with_related(
                span,
                tr!(cx, "the document's date".into(), "dokumentets datum".into()),
            );
        }
        out.push(diag);
    }
}

/// The basis documents `basis-after-decision` finds, with their dates and
/// the document's own.
fn later_basis(d: &Decision) -> impl Iterator<Item = (&BasisDocument, &str, &str)> {
    let own = d.header.date.as_deref().filter(|s| valid_date(s));
    own.into_iter().flat_map(move |own| {
        d.decision_basis.iter().filter_map(move |item| {
            // ISO dates that exist compare correctly as strings.
            let date = item.date.as_deref().filter(|s| valid_date(s) && *s > own)?;
            Some((item, date, own))
        })
    })
}

/// `official-without-role`: an *Ansvariga tjänstepersoner* line with a name only.
pub(crate) fn official_without_role(cx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for official in officials_without_role(cx.decision) {
        let name = item_name(&official.name, official.span, &cx.decision.source);
        out.push(item_diag(
            cx,
            Rule::OfficialWithoutRole,
            official.span,
            tr!(
                cx,
                cat!("official \"", short(&name), "\" has no role"),
                cat!("tjänstepersonen ”", short(&name), "” saknar roll"),
            ),
            tr!(
                cx,
                "write \"name, role\", as in \"Åsa Olsson, kanslichef\"".into(),
                "skriv ”namn, roll”, som i ”Åsa Olsson, kanslichef”".into(),
            ),
            name,
        ));
    }
}

/// The officials `official-without-role` finds.
fn officials_without_role(d: &Decision) -> impl Iterator<Item = &Official> {
    d.responsible_officials.iter().filter(|o| !has_text(&o.role))
}

/// `recipient-without-purpose`: a *Sändlista* line without *för kännedom*,
/// *för åtgärd* or the like.
pub(crate) fn recipient_without_purpose(cx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for r in recipients_without_purpose(cx.decision) {
        let name = item_name(&r.recipient, r.span, &cx.decision.source);
        out.push(item_diag(
            cx,
            Rule::RecipientWithoutPurpose,
            r.span,
            tr!(
                cx,
                cat!("recipient \"", short(&name), "\" has no purpose"),
                cat!("mottagaren ”", short(&name), "” saknar syfte"),
            ),
            tr!(
                cx,
                "add \"för kännedom\" or \"för åtgärd\"".into(),
                "lägg till ”för kännedom” eller ”för åtgärd”".into(),
            ),
            name,
        ));
    }
}

/// The recipients `recipient-without-purpose` finds.
fn recipients_without_purpose(d: &Decision) -> impl Iterator<Item = &Recipient> {
    d.distribution.iter().filter(|r| !has_text(&r.purpose))
}

/// `unknown-recipient`: a recipient not among the profile's known ones.
/// Silent when the profile lists none. Compares without case or diacritics,
/// since OCR loses those and they do not make another board.
pub(crate) fn unknown_recipient(cx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for r in unknown_recipients(cx) {
        let name = item_name(&r.recipient, r.span, &cx.decision.source);
        out.push(item_diag(
            cx,
            Rule::UnknownRecipient,
            r.span,
            tr!(
                cx,
                format!(
                    "recipient \"{}\" is not among the profile's known recipients",
                    short(&name)
                ),
                cat!("mottagaren ”", short(&name), "” finns inte bland profilens kända mottagare"),
            ),
            tr!(
                cx,
                "check the name, or add it to known_recipients in the profile file".into(),
                "kontrollera namnet, eller lägg till det i known_recipients i profilfilen".into(),
            ),
            name,
        ));
    }
}

/// The recipients `unknown-recipient` finds: none when the profile knows none.
fn unknown_recipients<'a>(cx: &Ctx<'a>) -> impl Iterator<Item = &'a Recipient> + use<'a> {
    let known = cx.profile.known_recipients();
    let keys: Vec<String> = known.iter().map(|k| match_key(k)).collect();
    let distribution = if keys.is_empty() { &[][..] } else { &cx.decision.distribution[..] };
    distribution.iter().filter(move |r| !keys.contains(&match_key(&r.recipient)))
}

/// Whether `rule`, one whose findings quote restored text
/// ([`Rule::quotes_restored_text`]), finds anything: what its findings
/// would be is not worked out. For a first pass that only asks whether the
/// decision must be restored and validated again
/// ([`validate_unless`](super::validate_unless)), where every message
/// built would be thrown away.
pub(crate) fn quoting_rule_finds(cx: &Ctx<'_>, rule: Rule) -> bool {
    let d = cx.decision;
    match rule {
        Rule::BasisWithoutDate => undated_basis(d).next().is_some(),
        Rule::BasisAfterDecision => later_basis(d).next().is_some(),
        Rule::OfficialWithoutRole => officials_without_role(d).next().is_some(),
        Rule::RecipientWithoutPurpose => recipients_without_purpose(d).next().is_some(),
        Rule::UnknownRecipient => unknown_recipients(cx).next().is_some(),
        _ => false,
    }
}

/// Whether an optional part of a list item holds any text.
fn has_text(part: &Option<String>) -> bool {
    part.as_deref().is_some_and(|p| !blank(p))
}

/// The diagnostic of a rule about one list item: at the item, with help, and
/// the item's name as data.
fn item_diag(
    cx: &Ctx<'_>,
    rule: Rule,
    span: Span,
    message: String,
    help: String,
    name: String,
) -> Diagnostic {
    cx.diag(rule, message, span).with_help(help).with_data(Data::found(name))
}

/// `unreadable-item`: a list line the parser could not read into its parts.
pub(crate) fn unreadable_item(cx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for note in cx.decision.notes.iter().filter(|n| n.kind == NoteKind::UnreadableItem) {
        let found = note.found.trim();
        let diag = cx
            .diag(
                Rule::UnreadableItem,
                tr!(
                    cx,
                    cat!("list item \"", short(found), "\" could not be read"),
                    cat!("listraden ”", short(found), "” gick inte att läsa"),
                ),
                note.span,
            )
            .with_help(tr!(
                cx,
                "check the line against the scan".into(),
                "jämför raden med skanningen".into(),
            ))
            .with_data(Data::found(found));
        out.push(diag);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A quoting rule finds something exactly when it pushes a finding,
    /// over the fixtures and generated documents, with and without known
    /// recipients: the first pass of a check asks the one for the other.
    #[test]
    fn a_quoting_rule_finds_exactly_when_it_has_findings() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let mut texts: Vec<String> = ["invalid", "parse"]
            .iter()
            .flat_map(|dir| std::fs::read_dir(root.join(dir)).unwrap())
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .collect();
        let sentences = crate::test_corpus::sentences();
        let options = crate::test_corpus::Options::default();
        texts.extend((0..150).map(|i| crate::test_corpus::document(5, i, &options, &sentences)));
        let known = crate::Profile::standard().with_known_recipients(["Kommunstyrelsen"]);
        let plain = crate::ParseOptions::default().without_restoring();
        // Per rule: documents it finds something in, and not.
        let mut seen = std::collections::BTreeMap::new();
        for text in &texts {
            let decision = crate::parse_decision_with(text, &plain);
            for profile in [crate::Profile::standard(), known.clone()] {
                let cx = Ctx::new(&decision, &profile, crate::Lang::En);
                for (rule, check) in super::super::RULES {
                    let mut out = Vec::new();
                    check(&cx, &mut out);
                    let finds = quoting_rule_finds(&cx, *rule);
                    assert_eq!(finds, rule.quotes_restored_text() && !out.is_empty(), "{rule:?}");
                    let counts = seen.entry(*rule).or_insert([0; 2]);
                    counts[usize::from(finds)] += 1;
                }
            }
        }
        for rule in [
            Rule::BasisWithoutDate,
            Rule::BasisAfterDecision,
            Rule::OfficialWithoutRole,
            Rule::RecipientWithoutPurpose,
            Rule::UnknownRecipient,
        ] {
            let counts = seen[&rule];
            assert!(counts[0] > 0 && counts[1] > 0, "{rule:?} found and not: {counts:?}");
        }
    }

    #[test]
    fn dates_exist_by_the_gregorian_calendar() {
        assert!(valid_date("2026-02-19"));
        assert!(valid_date("2024-02-29"));
        assert!(valid_date("2000-02-29"));
        assert!(!valid_date("1900-02-29"));
        assert!(!valid_date("2026-02-30"));
        assert!(!valid_date("2026-13-01"));
        assert!(!valid_date("2026-00-10"));
        assert!(!valid_date("2026-04-31"));
        assert!(!valid_date("2026-2-19"));
        assert!(!valid_date("2026-02-1é"));
        assert!(!valid_date(""));
    }

    #[test]
    fn short_names_are_cut_on_a_character_boundary() {
        assert_eq!(short("Tjänsteskrivelse"), "Tjänsteskrivelse");
        let long = "å".repeat(70);
        assert_eq!(short(&long), format!("{}…", "å".repeat(60)));
    }

    proptest::proptest! {
        /// The byte-length shortcut gives what counting the characters gives.
        #[test]
        fn short_agrees_with_counting_characters(name in "[aå ]{0,70}") {
            let counted = match name.char_indices().nth(SHORT_NAME) {
                Some((at, _)) => format!("{}…", name[..at].trim_end()),
                None => name.clone(),
            };
            proptest::prop_assert_eq!(short(&name), counted);
        }
    }

    #[test]
    fn within_finds_the_last_occurrence_or_keeps_the_span() {
        let src = "x 2026-02-19, 2026-02-19";
        assert_eq!(within(src, Span::new(0, src.len()), "2026-02-19"), Span::new(14, 24));
        assert_eq!(within(src, Span::new(0, 5), "nope"), Span::new(0, 5));
        assert_eq!(within(src, Span::new(0, 13), "2026-02-19"), Span::new(2, 12));
        assert_eq!(within(src, Span::new(0, 12), "2026-02-19"), Span::new(2, 12));
        assert_eq!(within(src, Span::new(0, 12), ""), Span::new(0, 12));
    }
}
