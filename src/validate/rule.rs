//! The rules and their stable codes.

use super::diagnostic::Severity;
use serde::{Deserialize, Serialize};

/// A validation rule. Its [`code`](Rule::code) is part of the public contract:
/// reports, scripts and profile files name rules by it, so a code is never
/// renamed once released; new rules only add codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    /// The document has no text at all.
    EmptyDocument,
    /// No heading the parser recognizes: probably not a decision document.
    NotADecision,
    /// Double-encoded UTF-8 (`Ã¤` for *ä*).
    Mojibake,
    /// Too many words neither in the lexicon nor restorable.
    LowOcrQuality,
    /// A section the profile requires is absent.
    MissingSection,
    /// A heading with no text under it.
    EmptySection,
    /// A kind the profile allows once appears again.
    DuplicateSection,
    /// Sections out of the profile's order.
    SectionOrder,
    /// A heading of kind `other`.
    UnknownHeading,
    /// *Förslag till beslut* without a decision maker or without any point.
    ProposalWithoutPoints,
    /// A date that does not exist or cannot be read.
    InvalidDate,
    /// A *Beslutsunderlag* item without a date.
    BasisWithoutDate,
    /// A *Beslutsunderlag* item dated after the document itself.
    BasisAfterDecision,
    /// An *Ansvariga tjänstepersoner* line without a role.
    OfficialWithoutRole,
    /// A *Sändlista* line without a purpose (*för kännedom*, *för åtgärd*).
    RecipientWithoutPurpose,
    /// A recipient that is not among the profile's known boards.
    UnknownRecipient,
    /// A list item the parser could not read into its parts.
    UnreadableItem,
}

impl Rule {
    /// Every rule, in the order they are documented.
    pub const ALL: [Rule; 17] = [
        Rule::EmptyDocument,
        Rule::NotADecision,
        Rule::Mojibake,
        Rule::LowOcrQuality,
        Rule::MissingSection,
        Rule::EmptySection,
        Rule::DuplicateSection,
        Rule::SectionOrder,
        Rule::UnknownHeading,
        Rule::ProposalWithoutPoints,
        Rule::InvalidDate,
        Rule::BasisWithoutDate,
        Rule::BasisAfterDecision,
        Rule::OfficialWithoutRole,
        Rule::RecipientWithoutPurpose,
        Rule::UnknownRecipient,
        Rule::UnreadableItem,
    ];

    /// The stable kebab-case code.
    ///
    /// ```
    /// assert_eq!(beslut::Rule::MissingSection.code(), "missing-section");
    /// ```
    pub const fn code(self) -> &'static str {
        match self {
            Rule::EmptyDocument => "empty-document",
            Rule::NotADecision => "not-a-decision",
            Rule::Mojibake => "mojibake",
            Rule::LowOcrQuality => "low-ocr-quality",
            Rule::MissingSection => "missing-section",
            Rule::EmptySection => "empty-section",
            Rule::DuplicateSection => "duplicate-section",
            Rule::SectionOrder => "section-order",
            Rule::UnknownHeading => "unknown-heading",
            Rule::ProposalWithoutPoints => "proposal-without-points",
            Rule::InvalidDate => "invalid-date",
            Rule::BasisWithoutDate => "basis-without-date",
            Rule::BasisAfterDecision => "basis-after-decision",
            Rule::OfficialWithoutRole => "official-without-role",
            Rule::RecipientWithoutPurpose => "recipient-without-purpose",
            Rule::UnknownRecipient => "unknown-recipient",
            Rule::UnreadableItem => "unreadable-item",
        }
    }

    /// The rule with this code, if there is one.
    ///
    /// ```
    /// use beslut::Rule;
    /// assert_eq!(Rule::from_code("section-order"), Some(Rule::SectionOrder));
    /// assert_eq!(Rule::from_code("section_order"), None);
    /// ```
    pub fn from_code(code: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.code() == code)
    }

    /// How serious the rule's findings are unless a profile says otherwise.
    ///
    /// ```
    /// use beslut::{Rule, Severity};
    /// assert_eq!(Rule::MissingSection.default_severity(), Severity::Error);
    /// assert_eq!(Rule::UnknownHeading.default_severity(), Severity::Info);
    /// ```
    pub const fn default_severity(self) -> Severity {
        match self {
            Rule::EmptyDocument
            | Rule::NotADecision
            | Rule::Mojibake
            | Rule::MissingSection
            | Rule::ProposalWithoutPoints
            | Rule::InvalidDate => Severity::Error,
            Rule::LowOcrQuality
            | Rule::EmptySection
            | Rule::DuplicateSection
            | Rule::SectionOrder
            | Rule::BasisWithoutDate
            | Rule::BasisAfterDecision
            | Rule::OfficialWithoutRole
            | Rule::RecipientWithoutPurpose
            | Rule::UnreadableItem => Severity::Warning,
            Rule::UnknownHeading | Rule::UnknownRecipient => Severity::Info,
        }
    }

    /// Whether its findings quote a string of the model that restoring
    /// rewrites (a basis document's title, an official's name, a recipient).
    /// Such a finding reads in restored spelling only when the decision was
    /// restored; every other finding is the same either way, except that
    /// [`Rule::LowOcrQuality`] is estimated from a sample when the decision
    /// was not restored, and that [`Rule::UnknownRecipient`] compares the
    /// restored name, which restoring can make unknown (it reads `é` as
    /// `ö`, not only lost diacritics back). A caller that parses without restoring can restore
    /// just the decisions that have such findings
    /// ([`restore_decision`](crate::restore_decision)).
    ///
    /// ```
    /// assert!(beslut::Rule::RecipientWithoutPurpose.quotes_restored_text());
    /// assert!(!beslut::Rule::MissingSection.quotes_restored_text());
    /// ```
    pub const fn quotes_restored_text(self) -> bool {
        matches!(
            self,
            Rule::BasisWithoutDate
                | Rule::BasisAfterDecision
                | Rule::OfficialWithoutRole
                | Rule::RecipientWithoutPurpose
                | Rule::UnknownRecipient
        )
    }

    /// One line saying what the rule checks, for `beslut profiles`.
    pub const fn summary(self) -> &'static str {
        match self {
            Rule::EmptyDocument => "the document has no text",
            Rule::NotADecision => "no recognizable section heading at all",
            Rule::Mojibake => "double-encoded text (Ã¤ for ä)",
            Rule::LowOcrQuality => "too many words neither in the lexicon nor restorable",
            Rule::MissingSection => "a section the profile requires is absent",
            Rule::EmptySection => "a heading with no text under it",
            Rule::DuplicateSection => "a section the profile allows once appears again",
            Rule::SectionOrder => "sections out of the profile's order",
            Rule::UnknownHeading => "a heading of kind `other`",
            Rule::ProposalWithoutPoints => {
                "Förslag till beslut without a decision maker or without any point"
            }
            Rule::InvalidDate => "a date that does not exist or cannot be read",
            Rule::BasisWithoutDate => "a Beslutsunderlag item without a date",
            Rule::BasisAfterDecision => "a Beslutsunderlag item dated after the document",
            Rule::OfficialWithoutRole => "an official listed without a role",
            Rule::RecipientWithoutPurpose => "a recipient without för kännedom / för åtgärd",
            Rule::UnknownRecipient => "a recipient not among the profile's known boards",
            Rule::UnreadableItem => "a list item the parser could not read",
        }
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_kebab_case_and_round_trip_through_serde() {
        let mut seen = std::collections::BTreeSet::new();
        for rule in Rule::ALL {
            let code = rule.code();
            assert!(seen.insert(code), "duplicate code {code}");
            assert!(code.chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{code}");
            assert_eq!(serde_json::to_value(rule).unwrap(), code);
            assert_eq!(Rule::from_code(code), Some(rule));
        }
    }
}
