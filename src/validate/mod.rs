//! Phase four: validation. Rules read the [`Decision`] model (never the
//! parser) and return diagnostics; a [`Profile`] says which sections a
//! document must have and how loud each rule is.
//!
//! Each rule is one small function from a [`Ctx`] to diagnostics, listed in
//! [`RULES`]; a rule a profile switches off is never run.

/// The English or the Swedish text, by the run's language: `tr!(cx, en, sv)`.
/// A macro, not a function, so that only the language asked for is
/// formatted: an archive's diagnostics are mostly a few rules over and over,
/// and formatting each message, label and help twice was most of their cost.
macro_rules! tr {
    ($cx:expr, $en:expr, $sv:expr $(,)?) => {
        match $cx.lang {
            $crate::validate::Lang::En => {
                let text: String = $en;
                text
            }
            $crate::validate::Lang::Sv => {
                let text: String = $sv;
                text
            }
        }
    };
}

/// Literals and names joined into one `String`:
/// `cat!("section \"", name, "\" has no text")`.
///
/// Nearly every message, label and help is a few literals around a name or
/// two. Joining them allocates once, at the exact size, and copies; `format!`
/// drives the formatting machinery through a `dyn Write` and grows its
/// buffer, which an archive's thousands of diagnostics paid for.
///
/// The pieces are pushed one by one rather than through `[..].concat()`,
/// whose general loop (checked sums, a copy routine for any slice) cost more
/// than the copying; over an array of a few pieces this loop is unrolled, so
/// a literal's length is a constant where it is copied.
macro_rules! cat {
    // A `match`, not a `let`: the pieces' temporaries (a `Cow` from
    // `short`) live to its end.
    ($($piece:expr),+ $(,)?) => {
        match [$(::core::convert::AsRef::<str>::as_ref(&$piece)),+] {
            pieces => {
                let mut text = String::with_capacity(pieces.iter().map(|p| p.len()).sum());
                for piece in pieces {
                    text.push_str(piece);
                }
                text
            }
        }
    };
}

mod content;
mod diagnostic;
mod profile;
#[cfg(feature = "profile-files")]
mod profile_file;
mod rule;
mod structure;
mod text;

pub use diagnostic::{Data, Diagnostic, Related, Severity, Status, status};
pub use profile::{DEFAULT_OCR_THRESHOLD, Profile};
#[cfg(feature = "profile-files")]
pub use profile_file::{ProfileError, ProfileProblem};
pub use rule::Rule;
pub(crate) use text::OCR_MIN_WORDS;

use crate::fold::fold;
use crate::model::{Decision, Section, SectionKind};
use crate::span::Span;
use serde::{Deserialize, Serialize};

/// The language of messages, help and labels. Section names are always
/// given in Swedish ([`SectionKind::swedish`]), whatever the language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English (the default).
    #[default]
    En,
    /// Swedish.
    Sv,
}

impl Lang {
    /// The language for a code (`en`, `sv`), if supported.
    ///
    /// ```
    /// assert_eq!(beslut::Lang::from_code("sv"), Some(beslut::Lang::Sv));
    /// assert_eq!(beslut::Lang::from_code("de"), None);
    /// ```
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "en" => Some(Lang::En),
            "sv" => Some(Lang::Sv),
            _ => None,
        }
    }
}

/// Check `decision` against `profile`, with messages in English.
///
/// Returns the diagnostics sorted by where they point, then by rule. A
/// document is [`Status::Valid`] when none of them is an error (see [`status`]).
///
/// `low-ocr-quality` takes the count restoring made
/// ([`Decision::ocr_quality`](crate::Decision::ocr_quality)); a decision
/// without one (parsed without restoring, or built by hand) has its OCR
/// quality estimated from a sample of its words
/// ([`estimate_ocr_quality`](crate::estimate_ocr_quality)).
///
/// ```
/// use beslut::{Decision, Profile, Rule, Status, validate, status};
/// let d = Decision { source: "Hej\n".into(), ..Decision::default() };
/// let diagnostics = validate(&d, &Profile::standard());
/// assert_eq!(diagnostics[0].code, Rule::NotADecision);
/// assert_eq!(status(&diagnostics), Status::Invalid);
/// ```
pub fn validate(decision: &Decision, profile: &Profile) -> Vec<Diagnostic> {
    validate_in(decision, profile, Lang::En)
}

/// Like [`validate`], with messages, help and labels in `lang`.
///
/// ```
/// use beslut::{Decision, Lang, Profile, validate_in};
/// let d = Decision { source: "  \n".into(), ..Decision::default() };
/// let diagnostics = validate_in(&d, &Profile::standard(), Lang::Sv);
/// assert_eq!(diagnostics[0].message, "dokumentet är tomt");
/// ```
pub fn validate_in(decision: &Decision, profile: &Profile, lang: Lang) -> Vec<Diagnostic> {
    validate_filled(decision, None, profile, lang)
}

/// [`validate_in`]; `filled`: whether each section holds text, in order,
/// said in place of the texts by a parse that wrote none
/// ([`parse_document_flagged`](crate::parse::parse_document_flagged));
/// `None` reads the texts.
pub(crate) fn validate_filled(
    decision: &Decision,
    filled: Option<&[bool]>,
    profile: &Profile,
    lang: Lang,
) -> Vec<Diagnostic> {
    let cx = Ctx::new(decision, profile, lang).with_filled(filled);
    let mut out = Vec::new();
    if blank(&decision.source) {
        empty(&cx, &mut out);
        return out;
    }
    run(&cx, &mut out, |_| true);
    sorted(out)
}

/// What [`validate_in`] gives, unless a rule whose findings quote restored
/// text ([`Rule::quotes_restored_text`]) has one, or, when none has,
/// `restore()` says the caller must restore the decision all the same:
/// then `None`, with the other rules not run.
///
/// For [`Checker`](crate::Checker), which then restores the decision and
/// validates it again. Those few rules are cheap, and checked first they
/// spare it the others' work on the first pass, and `restore()` (an OCR
/// sample), all of which it would throw away; they are only asked whether
/// they find anything, so no message is built to be thrown away either.
/// When they find nothing, the others' findings come in the order
/// `validate_in` pushes them, so the sort gives the same list. `filled`: as for [`validate_filled`].
pub(crate) fn validate_unless(
    decision: &Decision,
    filled: Option<&[bool]>,
    profile: &Profile,
    lang: Lang,
    restore: impl FnOnce() -> bool,
) -> Option<Vec<Diagnostic>> {
    let cx = Ctx::new(decision, profile, lang).with_filled(filled);
    let mut out = Vec::new();
    if blank(&decision.source) {
        if restore() {
            return None;
        }
        empty(&cx, &mut out);
        return Some(out);
    }
    // Whether a quoting rule finds anything, not its findings: they would
    // be thrown away, the decision restored and validated again.
    let quoting = RULES.iter().any(|(rule, _)| {
        rule.quotes_restored_text()
            && cx.profile.severity(*rule).is_some()
            && content::quoting_rule_finds(&cx, *rule)
    });
    if quoting || restore() {
        return None;
    }
    run(&cx, &mut out, |rule| !rule.quotes_restored_text());
    Some(sorted(out))
}

/// An empty text's one finding: nothing else can be said about it, and
/// eight `missing-section`s would bury the one that matters.
fn empty(cx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if cx.profile.severity(Rule::EmptyDocument).is_some() {
        structure::empty_document(cx, out);
    }
}

/// Run the rules of [`RULES`] that `which` picks and the profile has on, in order.
fn run(cx: &Ctx<'_>, out: &mut Vec<Diagnostic>, which: impl Fn(Rule) -> bool) {
    for (rule, check) in RULES {
        if which(*rule) && cx.profile.severity(*rule).is_some() {
            check(cx, out);
        }
    }
}

/// The findings sorted by where they point, then by rule; stable, so
/// findings of one rule at one place keep the order the rule gave them.
fn sorted(mut out: Vec<Diagnostic>) -> Vec<Diagnostic> {
    out.sort_by_key(|d| (d.span.start, d.span.end, d.code));
    out
}

type Check = fn(&Ctx<'_>, &mut Vec<Diagnostic>);

/// Every rule that runs on a non-empty document, with its function.
const RULES: &[(Rule, Check)] = &[
    (Rule::NotADecision, structure::not_a_decision),
    (Rule::Mojibake, text::mojibake),
    (Rule::LowOcrQuality, text::low_ocr_quality),
    (Rule::MissingSection, structure::missing_section),
    (Rule::EmptySection, structure::empty_section),
    (Rule::DuplicateSection, structure::duplicate_section),
    (Rule::SectionOrder, structure::section_order),
    (Rule::UnknownHeading, structure::unknown_heading),
    (Rule::ProposalWithoutPoints, content::proposal_without_points),
    (Rule::InvalidDate, content::invalid_date),
    (Rule::BasisWithoutDate, content::basis_without_date),
    (Rule::BasisAfterDecision, content::basis_after_decision),
    (Rule::OfficialWithoutRole, content::official_without_role),
    (Rule::RecipientWithoutPurpose, content::recipient_without_purpose),
    (Rule::UnknownRecipient, content::unknown_recipient),
    (Rule::UnreadableItem, content::unreadable_item),
];

/// What every rule gets: the document, the profile, the language, and each
/// section's kind once the profile's extra headings are taken into account.
pub(crate) struct Ctx<'a> {
    pub(crate) decision: &'a Decision,
    pub(crate) profile: &'a Profile,
    pub(crate) lang: Lang,
    /// Parallel to `decision.sections`.
    pub(crate) kinds: Vec<SectionKind>,
    /// By kind (its place in [`SectionKind::ALL`]): the index of the first
    /// section of that effective kind. Several rules ask for it again and
    /// again (`missing-section` for each required kind and its neighbours
    /// in the order), and each search went over all the sections.
    first: [Option<usize>; SectionKind::ALL.len()],
    /// Whether each section holds text, when the parse said so instead of
    /// writing the text ([`validate_filled`]).
    filled: Option<&'a [bool]>,
}

impl<'a> Ctx<'a> {
    fn new(decision: &'a Decision, profile: &'a Profile, lang: Lang) -> Self {
        let kinds: Vec<SectionKind> =
            decision.sections.iter().map(|s| effective_kind(s, profile)).collect();
        let mut first = [None; SectionKind::ALL.len()];
        for (i, kind) in kinds.iter().enumerate().rev() {
            if let Some(slot) = first.get_mut(*kind as usize) {
                *slot = Some(i);
            }
        }
        Ctx { decision, profile, lang, kinds, first, filled: None }
    }

    /// The context reading whether a section holds text from `filled`
    /// ([`validate_filled`]).
    fn with_filled(self, filled: Option<&'a [bool]>) -> Self {
        Ctx { filled, ..self }
    }

    /// Whether section `i` (`section`) has no text: as the parse flagged
    /// it, if it did, else by its text.
    pub(crate) fn blank_section(&self, i: usize, section: &Section) -> bool {
        match self.filled.and_then(|f| f.get(i)) {
            Some(filled) => !filled,
            None => blank(&section.text),
        }
    }

    /// The first section of (effective) kind `kind`, and its index.
    pub(crate) fn first_of(&self, kind: SectionKind) -> Option<(usize, &'a Section)> {
        let i = self.first.get(kind as usize).copied().flatten()?;
        Some((i, self.decision.sections.get(i)?))
    }

    /// A diagnostic of `rule` at the profile's severity for it.
    pub(crate) fn diag(&self, rule: Rule, message: String, span: Span) -> Diagnostic {
        let severity = self.profile.severity(rule).unwrap_or(rule.default_severity());
        Diagnostic::new(rule, severity, message, span)
    }

    /// Sections with their effective kinds.
    pub(crate) fn sections(&self) -> impl Iterator<Item = (&'a Section, SectionKind)> + '_ {
        self.decision.sections.iter().zip(self.kinds.iter().copied())
    }

    /// A section's name for messages: the Swedish name of its kind, or the
    /// heading itself when the kind is `other`.
    pub(crate) fn section_name(section: &Section, kind: SectionKind) -> &str {
        if kind == SectionKind::Other { section.heading.as_str() } else { kind.swedish() }
    }
}

/// A decision parsed without the profile's headings (see
/// [`Profile::extra_headings`]) has them as `other`; they still count as the
/// kind the profile gives them.
fn effective_kind(section: &Section, profile: &Profile) -> SectionKind {
    // Without extra headings (the built-in profiles) there is no key to make.
    if section.kind != SectionKind::Other || profile.extra_headings().is_empty() {
        return section.kind;
    }
    let heading = match_key(&section.heading);
    profile
        .extra_headings()
        .iter()
        .find(|(_, h)| match_key(h) == heading)
        .map_or(SectionKind::Other, |(k, _)| *k)
}

/// Whether `text` is empty or only whitespace: `text.trim().is_empty()`,
/// which rules ask of every section and list item. `trim` looks at both
/// ends, and a text that is not blank is told by its first character.
pub(crate) fn blank(text: &str) -> bool {
    text.chars().all(char::is_whitespace)
}

/// Headings and names compare without case, diacritics, a trailing colon, or differences in spacing.
pub(crate) fn match_key(heading: &str) -> String {
    let h = heading.trim().trim_end_matches(':');
    fold(&h.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn blank_is_trimmed_empty(text in "[ \t\n\u{a0}\u{2003}\u{3000}xå]{0,6}") {
            proptest::prop_assert_eq!(blank(&text), text.trim().is_empty());
        }
    }
}
