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

mod check;
mod decode;
mod fold;
mod model;
mod normalize;
mod parse;
mod pipeline;
mod restore;
mod span;
mod validate;

/// The seeded generator of damaged documents that the benches, the
/// integration tests and `gen_corpus` use; the parser's and the lexicon's
/// unit tests read its documents too. Loaded once here: a file loaded as two
/// modules is two copies of every type in it.
#[cfg(test)]
#[path = "../tests/support/corpus.rs"]
mod test_corpus;

pub use check::{Checked, Checker};
pub use decode::{Decoded, Encoding, NotText, decode, decode_borrowed};
pub use fold::{fold, fold_char, is_swedish_diacritic};
pub use model::{
    BasisDocument, Decision, Header, MatchKind, NoteKind, Official, ParseNote, Point, Proposal,
    Recipient, SCHEMA_VERSION, Section, SectionKind,
};
pub use normalize::{Normalized, normalize};
pub use pipeline::{ParseOptions, parse_decision, parse_decision_with, restore_decision};
pub use restore::{
    Change, Lexicon, OcrQuality, Restoration, Restorer, Route, WordText, estimate_ocr_quality,
    ocr_quality, restore, restore_with,
};
pub use span::{LineCol, LineIndex, Span};
pub use validate::{
    DEFAULT_OCR_THRESHOLD, Data, Diagnostic, Lang, Profile, Related, Rule, Severity, Status,
    status, validate, validate_in,
};
#[cfg(feature = "profile-files")]
pub use validate::{ProfileError, ProfileProblem};

// The README's examples are compiled and run as doctests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
