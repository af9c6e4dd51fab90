//! The library's main entry: normalize → parse → restore, in one direction.
//! Each phase lives in its own module and knows nothing of the next.

use crate::model::{Decision, Proposal, SectionKind};
use crate::restore::{CopyWords, DocTokens, Lexicon, Restorer};
use crate::{normalize, parse};
use std::sync::Arc;

/// Parse a decision document into its typed model, its strings in restored
/// Swedish spelling.
///
/// Never panics and never refuses input: text it cannot place still lands in
/// some span of the model, and what it had to work around is kept in
/// [`Decision::notes`]. Spans point into [`Decision::source`], the normalized
/// text, which keeps the OCR spelling.
///
/// ```
/// let d = beslut::parse_decision("Handlaggare\nJonas Nystrom\n\nEtt arende\n\nBeslutsunderlag\n\nTjansteskrivelse, 2026-02-19\n");
/// assert_eq!(d.header.case_officer.as_deref(), Some("Jonas Nyström"));
/// assert_eq!(d.title.as_deref(), Some("Ett ärende"));
/// assert_eq!(d.decision_basis[0].title, "Tjänsteskrivelse");
/// assert_eq!(d.decision_basis[0].date.as_deref(), Some("2026-02-19"));
/// ```
pub fn parse_decision(text: &str) -> Decision {
    parse_decision_with(text, &ParseOptions::default())
}

/// What [`parse_decision_with`] takes besides the text.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct ParseOptions {
    /// Extra headings and the kind each names (a profile's synonyms, such as
    /// `Kopia till` for [`SectionKind::Distribution`]). Matched like the
    /// built-in ones: any case, diacritics lost or misread.
    pub extra_headings: Vec<(SectionKind, String)>,
    /// Restore diacritics in the model's strings. On by default; off leaves
    /// every string as the OCR wrote it (and parses faster). Restoring also
    /// counts the words nothing recognizes ([`Decision::ocr_quality`](crate::Decision::ocr_quality));
    /// without it, validation estimates that share from a sample.
    pub restore: bool,
    /// With `restore`, restore each section's running text
    /// ([`Section::text`](crate::Section::text)) too. On by default. The
    /// section texts cover nearly the whole document, so a caller that reads
    /// only structure and names (a validator over a batch, like `beslut
    /// check`) turns this off and saves restoring them, and keeping the
    /// document's tokens to restore them by; every other string is restored
    /// either way.
    pub restore_section_text: bool,
    /// The lexicon to restore with; `None` is [`Lexicon::builtin`].
    pub lexicon: Option<Arc<Lexicon>>,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions {
            extra_headings: Vec::new(),
            restore: true,
            restore_section_text: true,
            lexicon: None,
        }
    }
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

    /// Options that restore with `lexicon` (say, the built-in one plus local names).
    ///
    /// ```
    /// let lexicon = beslut::Lexicon::builtin().with_words("Ekorrbacken\n");
    /// let options = beslut::ParseOptions::default().with_lexicon(lexicon);
    /// let d = beslut::parse_decision_with("Bakgrund\n\nEn text.\n", &options);
    /// assert_eq!(d.sections.len(), 1);
    /// ```
    pub fn with_lexicon(mut self, lexicon: Lexicon) -> Self {
        self.lexicon = Some(Arc::new(lexicon));
        self
    }

    /// Options that leave the OCR spelling alone.
    ///
    /// ```
    /// let options = beslut::ParseOptions::default().without_restoring();
    /// let d = beslut::parse_decision_with("Ett arende\n\nBakgrund\n\nText.\n", &options);
    /// assert_eq!(d.title.as_deref(), Some("Ett arende"));
    /// ```
    pub fn without_restoring(mut self) -> Self {
        self.restore = false;
        self
    }

    /// Options that restore every string but the sections' running text,
    /// which keeps its OCR spelling.
    ///
    /// ```
    /// let options = beslut::ParseOptions::default().without_restoring_section_text();
    /// let d = beslut::parse_decision_with("Ett arende\n\nBakgrund\n\nArendet ar nytt.\n", &options);
    /// assert_eq!(d.title.as_deref(), Some("Ett ärende"));
    /// assert_eq!(d.sections[0].text, "Arendet ar nytt.");
    /// ```
    pub fn without_restoring_section_text(mut self) -> Self {
        self.restore_section_text = false;
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
    let mut decision = parse::parse_document_with(normalized, &options.extra_headings);
    if options.restore {
        restore_decision(&mut decision, options);
    }
    decision
}

/// The restoring [`parse_decision_with`] does, on a decision parsed without
/// it: its strings get their restored spelling (the sections' running text
/// too unless [`ParseOptions::restore_section_text`] is off), with
/// `options`' lexicon, and [`Decision::ocr_quality`] gets the exact count.
/// `options.restore` is not consulted: calling this asks for restoring.
///
/// A caller that needs the restored spelling only now and then (a batch
/// validator quoting a name in a finding) parses without restoring and
/// restores the few decisions that need it; the result is the same as
/// restoring while parsing.
///
/// ```
/// let text = "Ett arende\n\nBakgrund\n\nText.\n";
/// let options = beslut::ParseOptions::default();
/// let mut d = beslut::parse_decision_with(text, &options.clone().without_restoring());
/// assert_eq!(d.title.as_deref(), Some("Ett arende"));
/// beslut::restore_decision(&mut d, &options);
/// assert_eq!(d, beslut::parse_decision_with(text, &options));
/// ```
pub fn restore_decision(decision: &mut Decision, options: &ParseOptions) {
    let lexicon = options.lexicon.as_deref().unwrap_or_else(|| Lexicon::builtin());
    // The section texts are copies of the source, restored by the tokens
    // it was read with ([`Restorer::restore_copy_in_place`]); without
    // them, the source is read as a stream, its tokens not kept.
    let (restorer, doc) = if options.restore_section_text {
        let (r, doc) = Restorer::with_tokens(lexicon, &decision.source);
        (r, Some(doc))
    } else {
        (Restorer::new(lexicon, &decision.source), None)
    };
    restore_strings(decision, &restorer, doc.as_ref());
    decision.ocr_quality = Some(restorer.ocr_quality());
}

/// Give every string of the model that holds the document's words its
/// restored spelling. Headings as found, diary numbers, dates and all spans
/// are left as they are: they describe the source. With the source's tokens
/// `doc`, each section's running text is restored too.
fn restore_strings(d: &mut Decision, r: &Restorer<'_>, doc: Option<&DocTokens>) {
    let fix = |s: &mut String| r.restore_in_place(s);
    let fix_opt = |s: &mut Option<String>| {
        if let Some(s) = s {
            r.restore_in_place(s);
        }
    };
    fix_opt(&mut d.header.case_officer);
    fix_opt(&mut d.header.department);
    fix_opt(&mut d.title);
    let mut scratch = CopyWords::default();
    for s in &mut d.sections {
        fix(&mut s.canonical);
        if let Some(doc) = doc {
            // The body is copied from after the heading to the section's end.
            let copied = (d.source.as_str(), s.heading_span.end, s.span.end);
            r.restore_copy_in_place(&mut s.text, copied, doc, &mut scratch);
        }
    }
    let fix_proposal = |p: &mut Proposal| {
        fix_opt(&mut p.decision_maker);
        fix_opt(&mut p.phrase);
        p.points.iter_mut().for_each(|pt| fix(&mut pt.text));
    };
    d.proposal.iter_mut().chain(d.decision.iter_mut()).for_each(fix_proposal);
    d.decision_basis.iter_mut().for_each(|b| fix(&mut b.title));
    for o in &mut d.responsible_officials {
        fix(&mut o.name);
        fix_opt(&mut o.role);
    }
    for rcp in &mut d.distribution {
        fix(&mut rcp.recipient);
        fix_opt(&mut rcp.purpose);
    }
    d.attachments.iter_mut().for_each(fix);
}
