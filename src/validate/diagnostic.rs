//! What a rule reports: a [`Diagnostic`] with its [`Rule`], [`Severity`],
//! message, span, help, related spans and the [`Data`] behind it.

use super::rule::Rule;
use crate::model::SectionKind;
use crate::span::Span;
use serde::{Deserialize, Serialize};

/// How serious a diagnostic is.
///
/// Ordered from least to most serious, so `max()` over a document's
/// diagnostics gives its worst finding.
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

impl Severity {
    /// The lowercase name used in JSON and profile files (`warning`).
    ///
    /// ```
    /// assert_eq!(beslut::Severity::Warning.as_str(), "warning");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One finding of one rule.
///
/// Spans are byte ranges into the normalized text ([`crate::Decision::source`]);
/// line and column are added only when the diagnostic is rendered.
///
/// ```
/// use beslut::{Diagnostic, Rule, Severity, Span};
/// let d = Diagnostic::new(Rule::EmptyDocument, Severity::Error, "the document is empty", Span::empty(0));
/// let json = serde_json::to_value(&d).unwrap();
/// assert_eq!(json["code"], "empty-document");
/// assert_eq!(json["severity"], "error");
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// The rule that found it; serialized as its stable kebab-case code (`missing-section`).
    pub code: Rule,
    /// How serious, after the profile's overrides.
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: String,
    /// Where. Empty (`start == end`) when something is missing: then it marks
    /// the place where it was expected.
    pub span: Span,
    /// A few words shown under the caret (`expected here, before "Sändlista"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// What to do about it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// Other places that explain this one (the first of two duplicate sections, ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
    /// The facts behind the message, for machines.
    #[serde(default, skip_serializing_if = "Data::is_empty")]
    pub data: Data,
}

impl Diagnostic {
    /// A diagnostic with no help, related spans or data.
    pub fn new(code: Rule, severity: Severity, message: impl Into<String>, span: Span) -> Self {
        Diagnostic {
            code,
            severity,
            message: message.into(),
            span,
            label: None,
            help: None,
            related: Vec::new(),
            data: Data::default(),
        }
    }

    /// Add a label for the primary span.
    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Add help.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Add a related span with its label.
    pub fn with_related(mut self, span: Span, label: impl Into<String>) -> Self {
        self.related.push(Related { span, label: label.into() });
        self
    }

    /// Set the data.
    pub fn with_data(mut self, data: Data) -> Self {
        self.data = data;
        self
    }
}

/// A secondary place a diagnostic points at.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Related {
    /// Where.
    pub span: Span,
    /// Why it matters (`first here`).
    pub label: String,
}

/// The facts behind a diagnostic. Flat, with only the fields a rule fills in
/// present in JSON, so a script can read `data.kind` without knowing the rule.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Data {
    /// The section kind concerned (`missing-section`, `empty-section`,
    /// `duplicate-section`, `section-order`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<SectionKind>,
    /// For `section-order`: the kind this section should come after.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<SectionKind>,
    /// For `section-order`: the kind this section should come before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<SectionKind>,
    /// The text in question as found (a date, a heading, a recipient, a name,
    /// a double-encoded sequence).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub found: Option<String>,
    /// For `mojibake`: what the first sequence was meant to be (`ä`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meant: Option<String>,
    /// For `basis-after-decision`: the document's own date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision_date: Option<String>,
    /// For `proposal-without-points`: what the proposal lacks
    /// (`decision_maker`, `points`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<String>,
    /// How many times it occurs (`mojibake`), or how many words were read
    /// (`low-ocr-quality`; the words sampled when `sampled`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<usize>,
    /// For `low-ocr-quality`: words neither in the lexicon nor restorable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unrecognized: Option<usize>,
    /// For `low-ocr-quality`: `unrecognized / count`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share: Option<f64>,
    /// For `low-ocr-quality`: the profile's threshold for `share`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<f64>,
    /// For `low-ocr-quality`: `count` words were a sample of the document's,
    /// so `share` is an estimate (a document parsed without restoring; see
    /// [`estimate_ocr_quality`](crate::estimate_ocr_quality)).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub sampled: bool,
}

impl Data {
    /// Whether no field is set.
    pub fn is_empty(&self) -> bool {
        // Field by field rather than `== Data::default()`, which built a
        // default and compared it whole for every diagnostic serialized.
        // Every field is named, so one added does not compile until it is
        // placed here.
        let Data {
            kind,
            after,
            before,
            found,
            meant,
            decision_date,
            missing,
            count,
            unrecognized,
            share,
            threshold,
            sampled,
        } = self;
        kind.is_none()
            && after.is_none()
            && before.is_none()
            && found.is_none()
            && meant.is_none()
            && decision_date.is_none()
            && missing.is_empty()
            && count.is_none()
            && unrecognized.is_none()
            && share.is_none()
            && threshold.is_none()
            && !sampled
    }

    /// Data naming a section kind.
    pub fn kind(kind: SectionKind) -> Self {
        Data { kind: Some(kind), ..Data::default() }
    }

    /// Data holding the text found.
    pub fn found(found: impl Into<String>) -> Self {
        Data { found: Some(found.into()), ..Data::default() }
    }
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

impl Status {
    /// `valid` or `invalid`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Status::Valid => "valid",
            Status::Invalid => "invalid",
        }
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The status of a document with these diagnostics: [`Status::Invalid`] when
/// any is an error, otherwise [`Status::Valid`].
///
/// ```
/// use beslut::{Diagnostic, Rule, Severity, Span, Status, status};
/// assert_eq!(status(&[]), Status::Valid);
/// let w = Diagnostic::new(Rule::EmptySection, Severity::Warning, "empty", Span::new(0, 3));
/// assert_eq!(status(&[w.clone()]), Status::Valid);
/// let e = Diagnostic { severity: Severity::Error, ..w };
/// assert_eq!(status(&[e]), Status::Invalid);
/// ```
pub fn status(diagnostics: &[Diagnostic]) -> Status {
    if diagnostics.iter().any(|d| d.severity == Severity::Error) {
        Status::Invalid
    } else {
        Status::Valid
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_is_empty_only_when_every_field_is_unset() {
        assert!(Data::default().is_empty());
        let one_field = [
            Data::kind(SectionKind::Proposal),
            Data { after: Some(SectionKind::Proposal), ..Data::default() },
            Data { before: Some(SectionKind::Proposal), ..Data::default() },
            Data::found(""),
            Data { meant: Some(String::new()), ..Data::default() },
            Data { decision_date: Some(String::new()), ..Data::default() },
            Data { missing: vec![String::new()], ..Data::default() },
            Data { count: Some(0), ..Data::default() },
            Data { unrecognized: Some(0), ..Data::default() },
            Data { share: Some(f64::NAN), ..Data::default() },
            Data { threshold: Some(0.0), ..Data::default() },
            Data { sampled: true, ..Data::default() },
        ];
        for data in one_field {
            assert!(!data.is_empty(), "{data:?}");
            assert_ne!(data, Data::default(), "the comparison it replaces agrees");
        }
    }
}
