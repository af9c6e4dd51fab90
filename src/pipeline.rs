//! The library's main entry: normalize → parse → restore, in one direction.
//! Each phase lives in its own module and knows nothing of the next.

use crate::model::{Decision, SectionKind};
use crate::restore::{CopyWords, Lexicon, Restorer};
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
    // them, the source is read as a stream, its tokens not kept, and only
    // the words of the strings restored are planned (most of the words of
    // a document are in its section texts alone).
    let restorer = if options.restore_section_text {
        let (r, doc) = Restorer::with_tokens(lexicon, &decision.source);
        // One buffer for the strings, another for the section texts: a
        // name is not written into the buffer of a page of text.
        let mut spare = String::new();
        each_string(decision, |s| r.restore_in_place(s, &mut spare));
        let mut scratch = CopyWords::default();
        for s in &mut decision.sections {
            // The body is copied from after the heading to the section's end.
            let copied = (decision.source.as_str(), s.heading_span.end, s.span.end);
            r.restore_copy_in_place(&mut s.text, copied, &doc, &mut scratch);
        }
        r
    } else {
        // Taken out while the strings are read, and put back.
        let source = std::mem::take(&mut decision.source);
        let (r, mut known) = Restorer::for_strings(lexicon, &source, |ask| {
            each_string(decision, |s| ask(s));
        });
        decision.source = source;
        let mut spare = String::new();
        each_string(decision, |s| r.restore_next_in_place(s, &mut known, &mut spare));
        r
    };
    decision.ocr_quality = Some(restorer.ocr_quality());
}

/// Call `f` with each string of the model that holds the document's words
/// but the sections' running text, which are restored by the source's
/// tokens: the strings [`restore_decision`] restores one by one, whose words
/// [`Restorer::for_strings`] plans. Headings as found, diary numbers, dates
/// and all spans are left out: they describe the source.
fn each_string(d: &mut Decision, mut f: impl FnMut(&mut String)) {
    fn opt(s: &mut Option<String>, f: &mut impl FnMut(&mut String)) {
        if let Some(s) = s {
            f(s);
        }
    }
    opt(&mut d.header.case_officer, &mut f);
    opt(&mut d.header.department, &mut f);
    opt(&mut d.title, &mut f);
    for s in &mut d.sections {
        f(&mut s.canonical);
    }
    for p in d.proposal.iter_mut().chain(d.decision.iter_mut()) {
        opt(&mut p.decision_maker, &mut f);
        opt(&mut p.phrase, &mut f);
        p.points.iter_mut().for_each(|pt| f(&mut pt.text));
    }
    d.decision_basis.iter_mut().for_each(|b| f(&mut b.title));
    for o in &mut d.responsible_officials {
        f(&mut o.name);
        opt(&mut o.role, &mut f);
    }
    for rcp in &mut d.distribution {
        f(&mut rcp.recipient);
        opt(&mut rcp.purpose, &mut f);
    }
    d.attachments.iter_mut().for_each(f);
}
