//! Profiles: the rule set chosen per run.

use super::diagnostic::Severity;
use super::rule::Rule;
use crate::model::SectionKind;
use std::collections::BTreeMap;

/// Share of unrecognized words above which `low-ocr-quality` fires, unless a
/// profile sets its own. Printed Swedish official text after OCR typically has
/// a word error rate near 9 %, most of it lost diacritics that restoration
/// repairs; the seed scan leaves 0.3 % of its words unrecognized. A tenth of
/// the words beyond repair means the scan needs a person.
pub const DEFAULT_OCR_THRESHOLD: f64 = 0.1;

/// A rule set chosen per run: which sections a document must have and in what
/// order, which headings and recipients a municipality uses, and how loud each
/// rule is.
///
/// ```
/// use beslut::{Profile, Rule, SectionKind, Severity};
/// let p = Profile::standard();
/// assert_eq!(p.required()[0], SectionKind::Proposal);
/// assert_eq!(p.severity(Rule::MissingSection), Some(Severity::Error));
/// let quiet = p.with_severity(Rule::UnknownHeading, None);
/// assert_eq!(quiet.severity(Rule::UnknownHeading), None);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Profile {
    pub(crate) name: String,
    pub(crate) description: String,
    pub(crate) required: Vec<SectionKind>,
    pub(crate) optional: Vec<SectionKind>,
    pub(crate) order: Vec<SectionKind>,
    pub(crate) repeatable: Vec<SectionKind>,
    pub(crate) extra_headings: Vec<(SectionKind, String)>,
    pub(crate) known_recipients: Vec<String>,
    pub(crate) overrides: BTreeMap<Rule, Option<Severity>>,
    pub(crate) ocr_threshold: f64,
}

impl Default for Profile {
    fn default() -> Self {
        Profile::standard()
    }
}

impl Profile {
    /// Names of the built-in profiles, the default first.
    pub const BUILTIN_NAMES: [&'static str; 2] = ["standard", "basic"];

    /// The built-in `standard` profile (the default): a complete
    /// *tjänsteskrivelse* with, in this order, *Förslag till beslut*,
    /// *Beskrivning av ärendet*, *Bedömning*, *Ekonomiska konsekvenser*,
    /// *Sociala eller miljömässiga konsekvenser*, *Beslutsunderlag*,
    /// *Ansvariga tjänstepersoner* and *Sändlista*.
    ///
    /// ```
    /// let p = beslut::Profile::standard();
    /// assert_eq!(p.name(), "standard");
    /// assert_eq!(p.required().len(), 8);
    /// ```
    pub fn standard() -> Profile {
        use SectionKind::*;
        let required = vec![
            Proposal,
            Description,
            Assessment,
            EconomicConsequences,
            SocialEnvironmentalConsequences,
            DecisionBasis,
            ResponsibleOfficials,
            Distribution,
        ];
        Profile::with_required(
            "standard",
            "a complete tjänsteskrivelse: all eight sections, in order",
            required,
        )
    }

    /// The built-in `basic` profile: only *Förslag till beslut* and
    /// *Beslutsunderlag* are required, in that order.
    ///
    /// ```
    /// use beslut::{Profile, SectionKind};
    /// assert_eq!(Profile::basic().required(), [SectionKind::Proposal, SectionKind::DecisionBasis]);
    /// ```
    pub fn basic() -> Profile {
        Profile::with_required(
            "basic",
            "a proposal and its basis, in that order",
            vec![SectionKind::Proposal, SectionKind::DecisionBasis],
        )
    }

    /// A built-in profile by name.
    ///
    /// ```
    /// assert_eq!(beslut::Profile::builtin("basic").unwrap().name(), "basic");
    /// assert!(beslut::Profile::builtin("nope").is_none());
    /// ```
    pub fn builtin(name: &str) -> Option<Profile> {
        match name {
            "standard" => Some(Profile::standard()),
            "basic" => Some(Profile::basic()),
            _ => None,
        }
    }

    /// A profile requiring `required`, in that order, with every other kind
    /// but `other` optional and every rule at its default severity.
    ///
    /// ```
    /// use beslut::{Profile, SectionKind};
    /// let p = Profile::with_required("mine", "just a proposal", vec![SectionKind::Proposal]);
    /// assert_eq!(p.order(), [SectionKind::Proposal]);
    /// assert!(p.optional().contains(&SectionKind::Summary));
    /// ```
    pub fn with_required(
        name: impl Into<String>,
        description: impl Into<String>,
        required: Vec<SectionKind>,
    ) -> Profile {
        let optional = SectionKind::ALL
            .into_iter()
            .filter(|k| *k != SectionKind::Other && !required.contains(k))
            .collect();
        Profile {
            name: name.into(),
            description: description.into(),
            order: required.clone(),
            required,
            optional,
            repeatable: vec![SectionKind::Other],
            extra_headings: Vec::new(),
            known_recipients: Vec::new(),
            overrides: BTreeMap::new(),
            ocr_threshold: DEFAULT_OCR_THRESHOLD,
        }
    }

    /// The profile's name (`standard`, `basic`, or the one a file gives).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// One line saying what the profile is for.
    pub fn description(&self) -> &str {
        &self.description
    }

    /// The kinds a document must have, in the profile's order.
    pub fn required(&self) -> &[SectionKind] {
        &self.required
    }

    /// The kinds a document may have besides the required ones.
    pub fn optional(&self) -> &[SectionKind] {
        &self.optional
    }

    /// The order sections must come in (`section-order`), which is also where
    /// a missing section is expected (`missing-section`). Always contains
    /// every required kind.
    pub fn order(&self) -> &[SectionKind] {
        &self.order
    }

    /// Kinds that may appear more than once without `duplicate-section`.
    pub fn repeatable(&self) -> &[SectionKind] {
        &self.repeatable
    }

    /// Headings this profile's municipality uses beyond the built-in ones,
    /// with the kind each names. Hand them to the parser
    /// ([`crate::ParseOptions::with_headings`]) so their sections' contents are
    /// read; for a decision parsed without them, the validator still counts a
    /// section of kind `other` under one of these headings as that kind.
    ///
    /// ```
    /// use beslut::{Profile, SectionKind};
    /// let p = Profile::basic().with_extra_heading(SectionKind::Distribution, "Kopia till");
    /// assert_eq!(p.extra_headings(), [(SectionKind::Distribution, "Kopia till".to_string())]);
    /// ```
    pub fn extra_headings(&self) -> &[(SectionKind, String)] {
        &self.extra_headings
    }

    /// The municipality's boards and offices; when not empty, a recipient not
    /// among them gets `unknown-recipient`.
    pub fn known_recipients(&self) -> &[String] {
        &self.known_recipients
    }

    /// The share of unrecognized words above which `low-ocr-quality` fires.
    pub fn ocr_threshold(&self) -> f64 {
        self.ocr_threshold
    }

    /// How loud `rule` is under this profile; `None` when it is off.
    pub fn severity(&self, rule: Rule) -> Option<Severity> {
        self.overrides.get(&rule).copied().unwrap_or(Some(rule.default_severity()))
    }

    /// The profile with `rule` at `severity` (`None` switches it off).
    pub fn with_severity(mut self, rule: Rule, severity: Option<Severity>) -> Profile {
        self.overrides.insert(rule, severity);
        self
    }

    /// The profile with one more heading synonym.
    pub fn with_extra_heading(mut self, kind: SectionKind, heading: impl Into<String>) -> Profile {
        self.extra_headings.push((kind, heading.into()));
        self
    }

    /// The profile with these known recipients.
    ///
    /// ```
    /// let p = beslut::Profile::standard().with_known_recipients(["Socialnämnden"]);
    /// assert_eq!(p.known_recipients(), ["Socialnämnden"]);
    /// ```
    pub fn with_known_recipients<I, S>(mut self, recipients: I) -> Profile
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.known_recipients = recipients.into_iter().map(Into::into).collect();
        self
    }

    /// The profile with another `low-ocr-quality` threshold (a share, 0 to 1).
    pub fn with_ocr_threshold(mut self, threshold: f64) -> Profile {
        self.ocr_threshold = threshold;
        self
    }
}
