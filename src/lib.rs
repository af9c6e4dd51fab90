//! # beslut
//!
//! Turns OCR'd Swedish municipal decision documents (*tjänsteskrivelser*,
//! *protokollsutdrag*) into a typed, validated model.
//!
//! The phases run in one direction, each in its own module:
//! normalize ([`normalize`]) → parse ([`parse_decision`]) → model ([`Decision`])
//! → restore → validate ([`validate`]). Every span in the model is a byte range
//! into the normalized text, kept in [`Decision::source`].
//!
//! ```
//! let text = "Förslag till beslut\n\nKommunstyrelsen beslutar att:\n\n1. anta planen.\n";
//! let decision = beslut::parse_decision(text);
//! assert_eq!(decision.sections[0].kind, beslut::SectionKind::Proposal);
//! let proposal = decision.proposal.as_ref().unwrap();
//! assert_eq!(proposal.decision_maker.as_deref(), Some("Kommunstyrelsen"));
//! assert_eq!(proposal.points[0].text, "anta planen.");
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod decode;
mod fold;
mod model;
mod normalize;
mod parse;
mod span;
mod validate;

pub use decode::{Decoded, Encoding, NotText, decode};
pub use fold::{fold, fold_char, is_swedish_diacritic};
pub use model::{
    BasisDocument, Decision, Header, MatchKind, NoteKind, Official, ParseNote, Point, Proposal,
    Recipient, SCHEMA_VERSION, Section, SectionKind,
};
pub use normalize::{Normalized, normalize};
pub use span::{LineCol, LineIndex, Span};
pub use validate::{Diagnostic, Profile, Severity, Status, validate};

/// Parse a decision document into its typed model.
///
/// Never panics and never refuses input: text it cannot place still lands in
/// some span of the model, and what it had to work around is kept in
/// [`Decision::notes`].
///
/// ```
/// let d = beslut::parse_decision("Handläggare\nJonas Nyström\n\nEtt ärende\n\nBeslutsunderlag\n\nTjänsteskrivelse, 2026-02-19\n");
/// assert_eq!(d.header.case_officer.as_deref(), Some("Jonas Nyström"));
/// assert_eq!(d.title.as_deref(), Some("Ett ärende"));
/// assert_eq!(d.decision_basis[0].date.as_deref(), Some("2026-02-19"));
/// ```
pub fn parse_decision(text: &str) -> Decision {
    parse_decision_with(text, &ParseOptions::default())
}

/// What [`parse_decision_with`] takes besides the text.
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct ParseOptions {
    /// Extra headings and the kind each names (a profile's synonyms, such as
    /// `Kopia till` for [`SectionKind::Distribution`]). Matched like the
    /// built-in ones: any case, diacritics lost or misread.
    pub extra_headings: Vec<(SectionKind, String)>,
}

impl ParseOptions {
    /// Options with extra heading synonyms.
    ///
    /// ```
    /// use beslut::{ParseOptions, SectionKind};
    /// let options = ParseOptions::default().with_headings([(SectionKind::Distribution, "Kopia till")]);
    /// let d = beslut::parse_decision_with("Kopia till\n\nSocialnämnden\n", &options);
    /// assert_eq!(d.sections[0].kind, SectionKind::Distribution);
    /// ```
    pub fn with_headings<S: Into<String>>(
        mut self,
        headings: impl IntoIterator<Item = (SectionKind, S)>,
    ) -> Self {
        self.extra_headings.extend(headings.into_iter().map(|(k, h)| (k, h.into())));
        self
    }
}

/// [`parse_decision`] with options.
///
/// ```
/// let d = beslut::parse_decision_with("Beslutsunderlag\n\nKarta, 2026-01-02\n", &Default::default());
/// assert_eq!(d.decision_basis[0].date.as_deref(), Some("2026-01-02"));
/// ```
pub fn parse_decision_with(text: &str, options: &ParseOptions) -> Decision {
    let normalized = normalize::normalize_text(text);
    parse::parse_document_with(normalized, &options.extra_headings)
}

// The README's examples are compiled and run as doctests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
