//! What a rule reports.

use crate::span::Span;
use serde::{Deserialize, Serialize};

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; never makes a document invalid.
    Info,
    /// Probably a problem; does not make a document invalid.
    Warning,
    /// Makes the document invalid.
    Error,
}

/// One finding of one rule.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Stable rule code, kebab-case (`missing-section`).
    pub code: String,
    /// How serious.
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: String,
    /// Where, as a byte span into the normalized text.
    pub span: Span,
}

/// A document's status in the archivists' sense.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// No errors.
    Valid,
    /// At least one error.
    Invalid,
}
