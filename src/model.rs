//! The typed model of a decision document: owned, serde-serializable, flat,
//! with byte spans back into the normalized text.
//!
//! The JSON form is a versioned contract ([`SCHEMA_VERSION`]); fields are only
//! ever added to it.

use crate::restore::OcrQuality;
use crate::span::Span;
use serde::{Deserialize, Serialize};

/// Version of the JSON model. Bumped only when a field changes meaning or goes away.
pub const SCHEMA_VERSION: u32 = 1;

/// A parsed decision document (*tjänsteskrivelse*, *protokollsutdrag*, ...).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The normalized text every span points into. Not part of the JSON model:
    /// a reader of the JSON has the document already.
    #[serde(skip)]
    pub source: String,
    /// Everything before the first heading: header and title together.
    pub preamble_span: Option<Span>,
    /// The header: case officer, department, diary number, date.
    pub header: Header,
    /// The case title, its wrapped lines joined with single spaces.
    pub title: Option<String>,
    /// Where the title stands.
    pub title_span: Option<Span>,
    /// Every section, in document order.
    pub sections: Vec<Section>,
    /// *Förslag till beslut*, read into decision maker, phrase and points.
    pub proposal: Option<Proposal>,
    /// *Beslut* (in minutes): who decided, the phrase and the points, read like the proposal.
    pub decision: Option<Proposal>,
    /// *Beslutsunderlag*: the documents the decision rests on.
    pub decision_basis: Vec<BasisDocument>,
    /// *Ansvariga tjänstepersoner*.
    pub responsible_officials: Vec<Official>,
    /// *Sändlista* / *Beslutet skickas till*.
    pub distribution: Vec<Recipient>,
    /// *Bilagor*: one string per attachment.
    pub attachments: Vec<String>,
    /// Problems the parser noticed and worked around, for the validator to report.
    pub notes: Vec<ParseNote>,
    /// How many of the document's words the lexicon or restoration recognizes,
    /// counted while restoring (`None` when the strings were not restored).
    pub ocr_quality: Option<OcrQuality>,
}

/// The header block of a *tjänsteskrivelse*.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    /// *Handläggare*: the official who wrote the memo.
    pub case_officer: Option<String>,
    /// *Förvaltning*: the department, such as *Kommunledningsförvaltningen*.
    pub department: Option<String>,
    /// *Diarienummer* / *Dnr* / *Vår beteckning*, as written (`KS-2024-00011`, `KS 2018/124`).
    pub diary_number: Option<String>,
    /// *Datum*, as `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Where the date stands, when there is one.
    pub date_span: Option<Span>,
    /// The header's lines. Header lines usually stand before the title; when
    /// some follow it, this span encloses the title too.
    pub span: Option<Span>,
}

/// One section: a heading and the text under it up to the next heading.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// What the heading names.
    pub kind: SectionKind,
    /// The heading as it stands in the text (trimmed, without a trailing colon).
    pub heading: String,
    /// The heading in its canonical Swedish spelling (`Förslag till beslut`).
    pub canonical: String,
    /// How the heading was recognized.
    #[serde(rename = "match")]
    pub match_kind: MatchKind,
    /// Heading and body, from the heading's first byte to the body's last non-blank byte.
    pub span: Span,
    /// The heading alone.
    pub heading_span: Span,
    /// The body text: paragraphs separated by a blank line, wrapped lines joined,
    /// hyphenation across line ends undone, bullets written `•`.
    pub text: String,
}

/// The kind of a section, named in English; the doc comment gives the Swedish heading.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// *Förslag till beslut*, *Kommunstyrelsens förslag till beslut*, ...
    Proposal,
    /// *Beslut*, *Kommunfullmäktiges beslut*.
    Decision,
    /// *Sammanfattning*, *Sammanfattning av ärendet*.
    Summary,
    /// *Beskrivning av ärendet*, *Ärendebeskrivning*, *Ärendet*.
    Description,
    /// *Bakgrund*.
    Background,
    /// *Förvaltningens bedömning*, *Bedömning*, *Överväganden*.
    Assessment,
    /// *Ekonomiska konsekvenser*, *Ekonomisk bedömning*.
    EconomicConsequences,
    /// *Sociala eller miljömässiga konsekvenser*.
    SocialEnvironmentalConsequences,
    /// *Juridiska konsekvenser*, *Styrdokument och juridik*.
    LegalConsequences,
    /// *Barnkonsekvensanalys*, *Barnperspektiv*, *Konsekvenser för barn*.
    ChildImpact,
    /// *Beslutsunderlag*.
    DecisionBasis,
    /// *Bilagor*, *Bilaga*.
    Attachments,
    /// *Ansvariga tjänstepersoner*.
    ResponsibleOfficials,
    /// *Sändlista*, *Beslutet skickas till*, *Expedieras till*, ...
    Distribution,
    /// Any other heading (*Yrkanden*, *Beslutsgång*, *Reservation*, ...).
    Other,
}

impl SectionKind {
    /// Every kind, in the order a *tjänsteskrivelse* usually has them.
    pub const ALL: [SectionKind; 15] = [
        SectionKind::Proposal,
        SectionKind::Decision,
        SectionKind::Summary,
        SectionKind::Description,
        SectionKind::Background,
        SectionKind::Assessment,
        SectionKind::EconomicConsequences,
        SectionKind::SocialEnvironmentalConsequences,
        SectionKind::LegalConsequences,
        SectionKind::ChildImpact,
        SectionKind::DecisionBasis,
        SectionKind::Attachments,
        SectionKind::ResponsibleOfficials,
        SectionKind::Distribution,
        SectionKind::Other,
    ];

    /// The identifier used in JSON and profiles (`economic_consequences`).
    ///
    /// ```
    /// assert_eq!(beslut::SectionKind::Distribution.id(), "distribution");
    /// ```
    pub const fn id(self) -> &'static str {
        match self {
            SectionKind::Proposal => "proposal",
            SectionKind::Decision => "decision",
            SectionKind::Summary => "summary",
            SectionKind::Description => "description",
            SectionKind::Background => "background",
            SectionKind::Assessment => "assessment",
            SectionKind::EconomicConsequences => "economic_consequences",
            SectionKind::SocialEnvironmentalConsequences => "social_environmental_consequences",
            SectionKind::LegalConsequences => "legal_consequences",
            SectionKind::ChildImpact => "child_impact",
            SectionKind::DecisionBasis => "decision_basis",
            SectionKind::Attachments => "attachments",
            SectionKind::ResponsibleOfficials => "responsible_officials",
            SectionKind::Distribution => "distribution",
            SectionKind::Other => "other",
        }
    }

    /// The kind for an identifier, if there is one.
    ///
    /// ```
    /// use beslut::SectionKind;
    /// assert_eq!(SectionKind::from_id("decision_basis"), Some(SectionKind::DecisionBasis));
    /// assert_eq!(SectionKind::from_id("nope"), None);
    /// ```
    pub fn from_id(id: &str) -> Option<SectionKind> {
        SectionKind::ALL.into_iter().find(|k| k.id() == id)
    }

    /// The usual Swedish heading for the kind, used in messages.
    ///
    /// ```
    /// assert_eq!(beslut::SectionKind::Distribution.swedish(), "Sändlista");
    /// ```
    pub const fn swedish(self) -> &'static str {
        match self {
            SectionKind::Proposal => "Förslag till beslut",
            SectionKind::Decision => "Beslut",
            SectionKind::Summary => "Sammanfattning",
            SectionKind::Description => "Beskrivning av ärendet",
            SectionKind::Background => "Bakgrund",
            SectionKind::Assessment => "Bedömning",
            SectionKind::EconomicConsequences => "Ekonomiska konsekvenser",
            SectionKind::SocialEnvironmentalConsequences => {
                "Sociala eller miljömässiga konsekvenser"
            }
            SectionKind::LegalConsequences => "Juridiska konsekvenser",
            SectionKind::ChildImpact => "Barnkonsekvensanalys",
            SectionKind::DecisionBasis => "Beslutsunderlag",
            SectionKind::Attachments => "Bilagor",
            SectionKind::ResponsibleOfficials => "Ansvariga tjänstepersoner",
            SectionKind::Distribution => "Sändlista",
            SectionKind::Other => "Övrigt",
        }
    }
}

impl std::fmt::Display for SectionKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

/// How a heading was recognized.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    /// Spelled as the canonical heading, diacritics intact (case and a colon aside).
    Exact,
    /// Equal once diacritics are folded (`Forslag till beslut`).
    Folded,
    /// Needed OCR-specific substitutions or letter-spacing repair (`Férslag`, `B e s l u t`).
    Ocr,
}

/// *Förslag till beslut* (or, in minutes, *Beslut*), read.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proposal {
    /// Who decides (`Kommunstyrelsen`).
    pub decision_maker: Option<String>,
    /// The decision phrase (`beslutar att`, `föreslås besluta`, `föreslår kommunfullmäktige besluta`).
    pub phrase: Option<String>,
    /// Numbered points or *att*-clauses, continuation lines joined.
    pub points: Vec<Point>,
    /// The proposal section's body.
    pub span: Span,
}

/// One point of a proposal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Point {
    /// The number when the points are numbered.
    pub number: Option<u32>,
    /// The point's text.
    pub text: String,
    /// Where it stands.
    pub span: Span,
}

/// One document of the *Beslutsunderlag*.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BasisDocument {
    /// Its title (`Tjänsteskrivelse`).
    pub title: String,
    /// Its date as `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Where the item stands.
    pub span: Span,
}

/// One of the *Ansvariga tjänstepersoner*.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Official {
    /// Full name.
    pub name: String,
    /// Role (`kommundirektör`).
    pub role: Option<String>,
    /// Where the item stands.
    pub span: Span,
}

/// One line of the *Sändlista*.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recipient {
    /// Who receives the decision (`Socialnämnden`).
    pub recipient: String,
    /// Why: `för kännedom`, `för åtgärd`, ...
    pub purpose: Option<String>,
    /// Where the item stands.
    pub span: Span,
}

/// Something the parser noticed and worked around.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParseNote {
    /// What kind of problem.
    pub kind: NoteKind,
    /// The text in question, as found.
    pub found: String,
    /// Where.
    pub span: Span,
}

/// The kinds of [`ParseNote`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoteKind {
    /// A date that cannot be read, or that does not exist (`2026-02-30`).
    InvalidDate,
    /// A list item the parser could not read into its parts.
    UnreadableItem,
}
