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
    let normalized = normalize::normalize_text(text);
    parse::parse_document(normalized)
}
