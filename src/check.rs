//! Validating a batch: parse → validate, restoring only where a finding
//! would show it.
//!
//! `parse_decision` then `validate` gives every finding in restored spelling,
//! but restoring judges every word of the document against the lexicon and
//! costs more than parsing and validating together. A report over an archive
//! needs it for three things only: findings that quote a name or a title,
//! the exact count behind `low-ocr-quality`, and comparing recipients with a
//! profile's known ones. Most documents need none of them, so a [`Checker`]
//! parses without restoring and restores only the documents whose report it
//! could change.

use crate::model::Decision;
use crate::normalize::normalize_text;
use crate::parse::parse_document_flagged;
use crate::pipeline::{ParseOptions, restore_decision};
use crate::restore::{Lexicon, OcrQuality, estimate_ocr_quality};
use crate::validate::{
    Diagnostic, Lang, OCR_MIN_WORDS, Profile, Rule, validate_filled, validate_unless,
};

/// Checks documents against a profile the way `beslut check` does: the
/// same findings as [`validate_in`] over [`parse_decision_with`], names and
/// titles in restored spelling, without restoring the documents whose
/// findings would not change.
///
/// Made once per run and shared by every thread of a batch.
///
/// ```
/// use beslut::{Checker, Lang, Profile, Rule};
/// let checker = Checker::new(Profile::standard(), Lang::En);
/// let text = "Sandlista\n\nMiljo- och byggnadsnamnden\n";
/// let checked = checker.check(text);
/// let missing = checked.diagnostics.iter().find(|d| d.code == Rule::RecipientWithoutPurpose);
/// assert!(missing.unwrap().message.contains("Miljö- och byggnadsnämnden"));
/// assert_eq!(checked.source, text);
/// ```
#[derive(Clone, Debug)]
pub struct Checker {
    profile: Profile,
    /// `profile` with `low-ocr-quality` off: for a document whose sample
    /// already ruled that finding out, validation need not draw it again.
    ocr_ruled_out: Profile,
    /// The profile's headings; every string restored but the running text,
    /// which no finding quotes, and which the Checker's parse leaves empty
    /// ([`parse_document_flagged`]).
    restoring: ParseOptions,
    lang: Lang,
}

/// What [`Checker::check`] found in one document.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Checked {
    /// The normalized text every span points into.
    pub source: String,
    /// The findings, sorted as [`validate_in`] sorts them.
    pub diagnostics: Vec<Diagnostic>,
}

impl Checker {
    /// A checker for `profile`, with messages in `lang`.
    ///
    /// ```
    /// let checker = beslut::Checker::new(beslut::Profile::basic(), beslut::Lang::Sv);
    /// assert_eq!(checker.profile().name(), "basic");
    /// ```
    pub fn new(profile: Profile, lang: Lang) -> Checker {
        // The profile's heading synonyms are the parser's to recognize: then
        // the section's content is read too, not just its presence counted.
        let restoring = ParseOptions::default()
            .with_headings(profile.extra_headings().iter().cloned())
            // The parse keeps no section text to restore ([`Checker::parse`]).
            .without_restoring_section_text();
        let ocr_ruled_out = profile.clone().with_severity(Rule::LowOcrQuality, None);
        Checker { profile, ocr_ruled_out, restoring, lang }
    }

    /// The profile it checks against.
    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    /// Parse and validate one document's text. Never panics, prints nothing.
    ///
    /// The findings are those of [`validate_in`] over the restored decision,
    /// with one exception by design: a document whose sample of words rules
    /// out `low-ocr-quality` is not counted exactly, and in a document whose
    /// sample misjudges it (one just over the threshold, or damage that
    /// misses every stretch the sample reads) the finding is missed.
    ///
    /// ```
    /// let checker = beslut::Checker::new(beslut::Profile::standard(), beslut::Lang::En);
    /// let checked = checker.check("Beslutsunderlag\n\nKarta, 2026-01-02\n");
    /// assert_eq!(beslut::status(&checked.diagnostics), beslut::Status::Invalid);
    /// ```
    pub fn check(&self, text: &str) -> Checked {
        let (mut decision, filled) = self.parse(text);
        let diagnostics = self.check_unrestored(&decision, &filled).unwrap_or_else(|| {
            restore_decision(&mut decision, &self.restoring);
            validate_filled(&decision, Some(&filled), &self.profile, self.lang)
        });
        Checked { source: decision.source, diagnostics }
    }

    /// [`parse_decision_with`](crate::parse_decision_with) without
    /// restoring, and whether each section holds text in place of the
    /// texts: validation asks of a section's text only whether it is blank,
    /// and of the proposal's points only whether there are any.
    fn parse(&self, text: &str) -> (Decision, Vec<bool>) {
        parse_document_flagged(normalize_text(text), &self.restoring.extra_headings)
    }

    /// The findings of `decision`, parsed without restoring, when restoring
    /// it would not change them; `None` when it would. `filled`: whether
    /// each section holds text ([`Checker::parse`]).
    fn check_unrestored(&self, decision: &Decision, filled: &[bool]) -> Option<Vec<Diagnostic>> {
        // Restoring can make a known recipient unknown, not just reword it:
        // it reads more than lost diacritics back (`é` as `ö`), so a name
        // that matches a known one as written may not once restored.
        let recipients_compared = self.profile.severity(Rule::UnknownRecipient).is_some()
            && !self.profile.known_recipients().is_empty()
            && !decision.distribution.is_empty();
        if recipients_compared {
            return None;
        }
        // The OCR sample costs several times the rules: it is drawn only
        // for a document that no quoting finding sends to be restored anyway.
        let ocr_rule_on = self.profile.severity(Rule::LowOcrQuality).is_some();
        let ocr_may_exceed =
            || ocr_rule_on && ocr_may_exceed(&decision.source, self.profile.ocr_threshold());
        validate_unless(decision, Some(filled), &self.ocr_ruled_out, self.lang, ocr_may_exceed)
    }
}

/// Whether the share of the words of `text` that nothing recognizes may
/// exceed `threshold`, judged by a sample ([`estimate_ocr_quality`]).
///
/// The sample rules it out when the Wilson score bound at z = 3 on its share
/// stays under the threshold: independent draws exceed that bound about
/// once in 700 documents. The sample's words stand together in stretches,
/// so the true miss rate is higher, but only for a document just over the
/// threshold: at the default 10 %, a sample of 130 words rules it out only
/// with at most 2 unknown words in it. A sample of fewer words than
/// validation needs to judge by rules nothing out: validation counts every
/// word of such a text.
fn ocr_may_exceed(text: &str, threshold: f64) -> bool {
    let q = estimate_ocr_quality(text, Lexicon::builtin());
    // A threshold that is no number (NaN) rules nothing out here, as
    // validation's own `share <= threshold` passes nothing.
    let under = wilson_upper_bound(q).partial_cmp(&threshold).is_some_and(|o| o.is_le());
    q.words < OCR_MIN_WORDS || !under
}

/// The Wilson score interval's upper end, at z = 3, for the share of
/// unrecognized words in a sample.
fn wilson_upper_bound(q: OcrQuality) -> f64 {
    const Z2: f64 = 9.0;
    let n = q.words as f64;
    let p = q.unrecognized_share();
    let centre = p + Z2 / (2.0 * n);
    let spread = (Z2 * (p * (1.0 - p) / n + Z2 / (4.0 * n * n))).sqrt();
    (centre + spread) / (1.0 + Z2 / n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::parse_decision_with;
    use crate::validate::validate_in;

    fn bound(words: usize, unrecognized: usize) -> f64 {
        wilson_upper_bound(OcrQuality { words, unrecognized })
    }

    #[test]
    fn the_bound_rules_out_ten_percent_only_with_few_unknown_words_sampled() {
        assert!(bound(130, 0) < 0.1);
        assert!(bound(130, 2) < 0.1);
        assert!(bound(130, 3) > 0.1);
        // It narrows as the sample grows, and never falls below the share.
        assert!(bound(1000, 50) < 0.1 && bound(1000, 50) > 0.05);
        assert!(bound(40, 0) > 0.1);
    }

    #[test]
    fn a_threshold_that_is_no_number_rules_nothing_out() {
        let text = include_str!("../fixtures/parse/enkoping-ks-2026-social-hallbarhet.gold.txt");
        assert!(!ocr_may_exceed(text, 0.1));
        assert!(ocr_may_exceed(text, f64::NAN));
    }

    /// Checking the quoting rules first gives what validating all of them
    /// and looking for a quoting finding gives, over every fixture.
    #[test]
    fn quoting_rules_first_agree_with_validating_everything() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let mut seen = [0; 2];
        for dir in ["invalid", "parse"] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
                let decision = parse_decision_with(&text, &ParseOptions::default());
                // Each quoting rule also switched off in turn, and all of them:
                // a rule that is off must not send a document to be restored.
                let quoting = [
                    Rule::BasisWithoutDate,
                    Rule::BasisAfterDecision,
                    Rule::OfficialWithoutRole,
                    Rule::RecipientWithoutPurpose,
                    Rule::UnknownRecipient,
                ];
                let mut profiles = vec![Profile::standard(), Profile::basic()];
                profiles.extend(quoting.map(|r| Profile::standard().with_severity(r, None)));
                profiles.push(
                    quoting.iter().fold(Profile::standard(), |p, &r| p.with_severity(r, None)),
                );
                for profile in profiles {
                    for lang in [Lang::En, Lang::Sv] {
                        let all = validate_in(&decision, &profile, lang);
                        let quoting = all.iter().any(|d| d.code.quotes_restored_text());
                        let expected = (!quoting).then_some(all);
                        seen[usize::from(expected.is_some())] += 1;
                        assert_eq!(
                            validate_unless(&decision, None, &profile, lang, || false),
                            expected
                        );
                        assert_eq!(validate_unless(&decision, None, &profile, lang, || true), None);
                    }
                }
            }
        }
        assert!(seen[0] > 0 && seen[1] > 0, "both ways taken: {seen:?}");
    }

    /// The Checker's parse writes no section text, only whether each
    /// section holds some, and its restoring never takes the path for
    /// section texts (which would keep every token of the document to do it).
    #[test]
    fn the_checkers_parses_flag_section_text_and_restore_none() {
        let checker = Checker::new(Profile::standard(), Lang::En);
        assert!(checker.restoring.restore && !checker.restoring.restore_section_text);
        let text = "Bakgrund\n\nText.\n\nBedömning\n\nSida 2 av 3\n\nBilagor\n\ne Karta\n";
        let (decision, filled) = checker.parse(text);
        assert_eq!(filled, [true, false, true]);
        assert!(decision.sections.iter().all(|s| s.text.is_empty()));
        // Validation reads the flags, not the empty texts: the one section
        // with nothing but a page number under it is the empty one, as
        // over the whole parse.
        let empty = |diagnostics: &[Diagnostic]| -> Vec<String> {
            let empty = diagnostics.iter().filter(|d| d.code == Rule::EmptySection);
            empty.map(|d| d.message.clone()).collect()
        };
        let whole = validate_in(&crate::parse_decision(text), &checker.profile, Lang::En);
        assert_eq!(empty(&whole), ["section \"Bedömning\" has no text"]);
        assert_eq!(empty(&checker.check(text).diagnostics), empty(&whole));
    }

    /// The comparison in the integration tests proves nothing unless clean
    /// documents without quoting findings take the way without restoring.
    #[test]
    fn a_clean_document_without_quoting_findings_is_not_restored() {
        // The seed: a page of running text (a sample large enough to rule
        // the OCR finding out) and no finding.
        let text = include_str!("../fixtures/parse/enkoping-ks-2026-social-hallbarhet.ocr.txt");
        let checker = Checker::new(Profile::standard(), Lang::En);
        let (plain, filled) = checker.parse(text);
        assert_eq!(checker.check_unrestored(&plain, &filled), Some(Vec::new()));
        // With known recipients to compare, the same document is restored.
        let profile = Profile::standard().with_known_recipients(["Kommunstyrelsen"]);
        let checker = Checker::new(profile, Lang::En);
        assert!(!plain.distribution.is_empty());
        assert!(checker.check_unrestored(&plain, &filled).is_none());
    }
}
