//! Profile files (TOML), behind the `profile-files` feature.
//!
//! ```toml
//! # Start from a built-in profile (optional; without it, nothing is required).
//! extends = "standard"
//! name = "enkoping"
//! description = "Enköpings kommun, tjänsteskrivelser from 2024"
//! # Kinds a document must have, in order (replaces the base profile's).
//! required = ["proposal", "description", "decision_basis", "distribution"]
//! # Kinds it may have besides those.
//! optional = ["summary", "background", "attachments"]
//! # The order sections must come in; defaults to `required`. Must contain
//! # every required kind.
//! order = ["proposal", "summary", "description", "decision_basis", "distribution"]
//! # Kinds that may appear more than once (`other` always may).
//! repeatable = ["attachments"]
//! # The municipality's boards; a recipient not among them gets unknown-recipient.
//! known_recipients = ["Socialnämnden", "Tekniska nämnden"]
//! # Share of unrecognized words above which low-ocr-quality fires.
//! ocr_threshold = 0.25
//!
//! [headings]   # extra synonyms: kind = [headings]
//! distribution = ["Beslut expedieras till"]
//!
//! [rules]      # rule code = "error" | "warning" | "info" | "off"
//! unknown-heading = "off"
//! section-order = "error"
//! ```
//!
//! The file is read into toml's spanned tree and walked by hand, rather than
//! through serde, so that every problem can name its field and where it
//! stands; all problems are collected, not just the first.

use super::diagnostic::Severity;
use super::profile::Profile;
use super::rule::Rule;
use crate::model::SectionKind;
use crate::span::LineIndex;
use std::path::Path;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// Why a profile could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    /// The file could not be read.
    #[error("cannot read profile {file}: {source}")]
    Io {
        /// The file.
        file: String,
        /// Why.
        source: std::io::Error,
    },
    /// The file was read but is not a valid profile.
    #[error("{}", format_problems(file, problems))]
    Invalid {
        /// The file (`<profile>` for a string).
        file: String,
        /// Every problem found, in the order they stand in the file.
        problems: Vec<ProfileProblem>,
    },
}

/// One problem in a profile file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProfileProblem {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// The field, as a dotted path (`rules.section-order`); empty for a TOML
    /// syntax error.
    pub field: String,
    /// What is wrong.
    pub message: String,
}

fn format_problems(file: &str, problems: &[ProfileProblem]) -> String {
    let lines: Vec<String> = problems
        .iter()
        .map(|p| {
            let field =
                if p.field.is_empty() { String::new() } else { format!("field `{}`: ", p.field) };
            format!("{file}:{}:{}: {field}{}", p.line, p.column, p.message)
        })
        .collect();
    lines.join("\n")
}

impl Profile {
    /// Load a profile from TOML text (see the module docs for the format).
    ///
    /// ```
    /// use beslut::{Profile, Rule, SectionKind};
    /// let p = Profile::from_toml_str(r#"
    /// extends = "basic"
    /// name = "mine"
    /// [rules]
    /// unknown-heading = "off"
    /// "#).unwrap();
    /// assert_eq!(p.name(), "mine");
    /// assert_eq!(p.required(), [SectionKind::Proposal, SectionKind::DecisionBasis]);
    /// assert_eq!(p.severity(Rule::UnknownHeading), None);
    ///
    /// let err = Profile::from_toml_str("required = [\"proposal\", \"nope\"]").unwrap_err();
    /// assert_eq!(err.to_string(), "<profile>:1:25: field `required`: unknown section kind `nope`; expected one of proposal, decision, summary, description, background, assessment, economic_consequences, social_environmental_consequences, legal_consequences, child_impact, decision_basis, attachments, responsible_officials, distribution");
    /// ```
    pub fn from_toml_str(text: &str) -> Result<Profile, ProfileError> {
        load(text, "<profile>", None)
    }

    /// Load a profile file. Its name defaults to the file's stem.
    ///
    /// ```
    /// let dir = tempfile::tempdir().unwrap();
    /// let path = dir.path().join("kommun.toml");
    /// std::fs::write(&path, "required = [\"proposal\"]\nocr_threshold = 2\n").unwrap();
    /// let err = beslut::Profile::from_file(&path).unwrap_err().to_string();
    /// assert!(err.ends_with("kommun.toml:2:17: field `ocr_threshold`: must be a number from 0 to 1"), "{err}");
    /// ```
    pub fn from_file(path: impl AsRef<Path>) -> Result<Profile, ProfileError> {
        let path = path.as_ref();
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path)
            .map_err(|source| ProfileError::Io { file: file.clone(), source })?;
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned());
        load(&text, &file, stem)
    }
}

/// Collects problems with their positions while the tree is walked.
struct Walk<'t> {
    text: &'t str,
    lines: LineIndex,
    problems: Vec<(usize, ProfileProblem)>,
}

impl Walk<'_> {
    fn problem(&mut self, at: std::ops::Range<usize>, field: &str, message: String) {
        let lc = self.lines.line_col(self.text, at.start);
        let problem =
            ProfileProblem { line: lc.line, column: lc.column, field: field.into(), message };
        self.problems.push((at.start, problem));
    }

    fn strings(&mut self, field: &str, value: &Spanned<DeValue<'_>>) -> Vec<Spanned<String>> {
        let Some(items) = value.get_ref().as_array() else {
            self.problem(value.span(), field, "must be an array of strings".into());
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref().as_str() {
                Some(s) => out.push(Spanned::new(item.span(), s.to_string())),
                None => self.problem(item.span(), field, "must be an array of strings".into()),
            }
        }
        out
    }

    fn kinds(&mut self, field: &str, value: &Spanned<DeValue<'_>>) -> Vec<SectionKind> {
        let mut out = Vec::new();
        for s in self.strings(field, value) {
            match SectionKind::from_id(s.get_ref()) {
                Some(SectionKind::Other) if field != "repeatable" => {
                    self.problem(s.span(), field, "`other` cannot be listed here".into())
                }
                Some(k) if out.contains(&k) => {
                    self.problem(s.span(), field, format!("`{}` is listed twice", k.id()))
                }
                Some(k) => out.push(k),
                None => self.problem(
                    s.span(),
                    field,
                    format!(
                        "unknown section kind `{}`; expected one of {}",
                        s.get_ref(),
                        kind_list()
                    ),
                ),
            }
        }
        out
    }

    fn string(&mut self, field: &str, value: &Spanned<DeValue<'_>>) -> Option<String> {
        let s = value.get_ref().as_str().map(str::to_string);
        if s.is_none() {
            self.problem(value.span(), field, "must be a string".into());
        }
        s
    }
}

fn kind_list() -> String {
    let ids: Vec<&str> =
        SectionKind::ALL.iter().filter(|k| **k != SectionKind::Other).map(|k| k.id()).collect();
    ids.join(", ")
}

/// Entries of a table in the order they stand in the file (toml keeps them sorted).
fn entries<'a, 'i>(
    table: &'a DeTable<'i>,
) -> Vec<(&'a Spanned<std::borrow::Cow<'i, str>>, &'a Spanned<DeValue<'i>>)> {
    let mut e: Vec<_> = table.iter().collect();
    e.sort_by_key(|(k, _)| k.span().start);
    e
}

fn load(text: &str, file: &str, stem: Option<String>) -> Result<Profile, ProfileError> {
    let mut w = Walk { text, lines: LineIndex::new(text), problems: Vec::new() };
    let root = match DeTable::parse(text) {
        Ok(root) => root,
        Err(e) => {
            let at = e.span().unwrap_or(0..0);
            w.problem(at, "", e.message().trim().to_string());
            return Err(invalid(file, w));
        }
    };
    let root = root.get_ref();
    let mut profile = Profile::with_required("", "", Vec::new());
    // `extends` first, wherever it stands: the other fields override its base.
    if let Some(value) = root.get("extends") {
        if let Some(base) = w.string("extends", value) {
            match Profile::builtin(&base) {
                Some(p) => profile = p,
                None => w.problem(
                    value.span(),
                    "extends",
                    format!(
                        "unknown built-in profile `{base}`; expected one of {}",
                        Profile::BUILTIN_NAMES.join(", ")
                    ),
                ),
            }
        }
    }
    let mut name = stem;
    let mut order_span = None;
    let mut order = None;
    let mut optional = None;
    for (key, value) in entries(root) {
        let field = key.get_ref().as_ref();
        match field {
            "extends" => {}
            "name" => name = w.string(field, value).or(name),
            "description" => {
                if let Some(d) = w.string(field, value) {
                    profile.description = d;
                }
            }
            "required" => {
                profile.required = w.kinds(field, value);
                if order.is_none() {
                    profile.order = profile.required.clone();
                }
            }
            "optional" => optional = Some(w.kinds(field, value)),
            "order" => {
                order = Some(w.kinds(field, value));
                order_span = Some(value.span());
            }
            "repeatable" => profile.repeatable = w.kinds(field, value),
            "known_recipients" => {
                profile.known_recipients =
                    w.strings(field, value).into_iter().map(Spanned::into_inner).collect();
            }
            "ocr_threshold" => {
                let n = match value.get_ref() {
                    DeValue::Float(f) => f.as_str().parse::<f64>().ok(),
                    DeValue::Integer(i) if i.radix() == 10 => i.as_str().parse::<f64>().ok(),
                    _ => None,
                };
                match n.filter(|n| (0.0..=1.0).contains(n)) {
                    Some(n) => profile.ocr_threshold = n,
                    None => w.problem(value.span(), field, "must be a number from 0 to 1".into()),
                }
            }
            "headings" => headings(&mut w, value, &mut profile),
            "rules" => rules(&mut w, value, &mut profile),
            other => w.problem(
                key.span(),
                other,
                "unknown field; expected one of extends, name, description, required, optional, order, repeatable, known_recipients, ocr_threshold, headings, rules".into(),
            ),
        }
    }
    if let Some(order) = order {
        let span = order_span.unwrap_or(0..0);
        for k in &profile.required {
            if !order.contains(k) {
                w.problem(
                    span.clone(),
                    "order",
                    format!("must list every required kind; `{}` is missing", k.id()),
                );
            }
        }
        profile.order = order;
    }
    if let Some(optional) = optional {
        profile.optional = optional;
    }
    profile.name = name.unwrap_or_else(|| "profile".into());
    if w.problems.is_empty() { Ok(profile) } else { Err(invalid(file, w)) }
}

fn invalid(file: &str, mut w: Walk<'_>) -> ProfileError {
    w.problems.sort_by_key(|(at, _)| *at);
    ProfileError::Invalid {
        file: file.to_string(),
        problems: w.problems.into_iter().map(|(_, p)| p).collect(),
    }
}

/// `[headings]`: `kind = ["heading", ...]`.
fn headings(w: &mut Walk<'_>, value: &Spanned<DeValue<'_>>, profile: &mut Profile) {
    let Some(table) = value.get_ref().as_table() else {
        w.problem(value.span(), "headings", "must be a table of kind = [headings]".into());
        return;
    };
    for (key, value) in entries(table) {
        let field = format!("headings.{}", key.get_ref());
        let kind = SectionKind::from_id(key.get_ref()).filter(|k| *k != SectionKind::Other);
        let Some(kind) = kind else {
            let message = format!(
                "unknown section kind `{}`; expected one of {}",
                key.get_ref(),
                kind_list()
            );
            w.problem(key.span(), &field, message);
            continue;
        };
        for heading in w.strings(&field, value) {
            if heading.get_ref().trim().is_empty() {
                w.problem(heading.span(), &field, "a heading cannot be empty".into());
            } else {
                profile.extra_headings.push((kind, heading.into_inner()));
            }
        }
    }
}

/// `[rules]`: `code = "error" | "warning" | "info" | "off"`.
fn rules(w: &mut Walk<'_>, value: &Spanned<DeValue<'_>>, profile: &mut Profile) {
    let Some(table) = value.get_ref().as_table() else {
        w.problem(value.span(), "rules", "must be a table of rule-code = severity".into());
        return;
    };
    for (key, value) in entries(table) {
        let field = format!("rules.{}", key.get_ref());
        let Some(rule) = Rule::from_code(key.get_ref()) else {
            let codes: Vec<&str> = Rule::ALL.iter().map(|r| r.code()).collect();
            let message =
                format!("unknown rule `{}`; expected one of {}", key.get_ref(), codes.join(", "));
            w.problem(key.span(), &field, message);
            continue;
        };
        let level = match value.get_ref().as_str() {
            Some("off") => Some(None),
            Some("info") => Some(Some(Severity::Info)),
            Some("warning") => Some(Some(Severity::Warning)),
            Some("error") => Some(Some(Severity::Error)),
            _ => None,
        };
        match level {
            Some(level) => {
                profile.overrides.insert(rule, level);
            }
            None => w.problem(
                value.span(),
                &field,
                "must be one of \"error\", \"warning\", \"info\", \"off\"".into(),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &str) -> Vec<(usize, usize, String, String)> {
        match Profile::from_toml_str(text) {
            Err(ProfileError::Invalid { problems, .. }) => {
                problems.into_iter().map(|p| (p.line, p.column, p.field, p.message)).collect()
            }
            other => panic!("expected problems, got {other:?}"),
        }
    }

    #[test]
    fn a_full_profile_loads_every_field() {
        let p = Profile::from_toml_str(
            r#"
name = "kommun"
description = "test"
required = ["proposal", "decision_basis"]
optional = ["summary"]
order = ["proposal", "summary", "decision_basis"]
repeatable = ["attachments", "other"]
known_recipients = ["Socialnämnden"]
ocr_threshold = 0.3
[headings]
distribution = ["Kopia till", "Expedieras"]
[rules]
section-order = "error"
unknown-heading = "off"
"#,
        )
        .unwrap();
        use SectionKind::*;
        assert_eq!(p.name(), "kommun");
        assert_eq!(p.description(), "test");
        assert_eq!(p.required(), [Proposal, DecisionBasis]);
        assert_eq!(p.optional(), [Summary]);
        assert_eq!(p.order(), [Proposal, Summary, DecisionBasis]);
        assert_eq!(p.repeatable(), [Attachments, Other]);
        assert_eq!(p.known_recipients(), ["Socialnämnden"]);
        assert_eq!(p.ocr_threshold(), 0.3);
        assert_eq!(
            p.extra_headings(),
            [(Distribution, "Kopia till".to_string()), (Distribution, "Expedieras".to_string())]
        );
        assert_eq!(p.severity(Rule::SectionOrder), Some(Severity::Error));
        assert_eq!(p.severity(Rule::UnknownHeading), None);
        assert_eq!(p.severity(Rule::MissingSection), Some(Severity::Error));
    }

    #[test]
    fn extends_keeps_the_base_unless_overridden() {
        let p = Profile::from_toml_str("extends = \"standard\"\n").unwrap();
        assert_eq!(p.required(), Profile::standard().required());
        assert_eq!(p.order(), Profile::standard().order());
        assert_eq!(p.name(), "profile");
    }

    #[test]
    fn every_problem_is_reported_with_line_column_and_field() {
        let text = "bogus = 1\nrequired = [\"proposal\", 3]\n[rules]\nsection-order = \"loud\"\nno-such-rule = \"off\"\n[headings]\nnope = [\"X\"]\n";
        let got = problems(text);
        let fields: Vec<&str> = got.iter().map(|p| p.2.as_str()).collect();
        assert_eq!(
            fields,
            ["bogus", "required", "rules.section-order", "rules.no-such-rule", "headings.nope"]
        );
        assert_eq!((got[0].0, got[0].1), (1, 1));
        assert_eq!((got[1].0, got[1].1), (2, 25));
        assert_eq!((got[2].0, got[2].1), (4, 17));
        assert!(got[3].3.starts_with("unknown rule `no-such-rule`"), "{}", got[3].3);
    }

    #[test]
    fn order_must_contain_every_required_kind() {
        let got = problems("required = [\"proposal\", \"distribution\"]\norder = [\"proposal\"]\n");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].2, "order");
        assert!(got[0].3.contains("`distribution` is missing"));
    }

    #[test]
    fn toml_syntax_errors_keep_their_position() {
        let got = problems("required = [\"proposal\"\nname = 1\n");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].2, "");
        assert!(got[0].0 >= 1);
    }
}
