//! Rendering a document's report: rustc-style text through annotate-snippets,
//! or JSON. Byte spans become line and column here, and only here.

use super::check::DocumentReport;
use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use beslut::{Diagnostic, Lang, LineCol, LineIndex, Rule, Severity, Span};
use serde::Serialize;

/// Whether human output should be coloured: only on a terminal, and never
/// when `NO_COLOR` is set to anything non-empty (no-color.org).
pub fn use_color() -> bool {
    use std::io::IsTerminal;
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    !no_color && std::io::stdout().is_terminal()
}

/// The report as text: one rustc-style block per diagnostic, then a summary line.
pub fn human(report: &DocumentReport, color: bool, lang: Lang) -> String {
    let mut out = diagnostics(report, color, lang);
    out.push_str(&summary(report, lang));
    out.push('\n');
    out
}

/// One rustc-style block per diagnostic, each followed by a blank line
/// (the batch report's `--verbose` listing, which has its own summary).
pub fn diagnostics(report: &DocumentReport, color: bool, lang: Lang) -> String {
    let renderer = if color { Renderer::styled() } else { Renderer::plain() };
    let mut out = String::new();
    for d in &report.diagnostics {
        out.push_str(&renderer.render(&[group(report, d, lang)]));
        out.push_str("\n\n");
    }
    out
}

fn level(severity: Severity, lang: Lang) -> Level<'static> {
    let level = match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    };
    match (lang, severity) {
        (Lang::En, _) => level,
        (Lang::Sv, Severity::Error) => level.with_name("fel"),
        (Lang::Sv, Severity::Warning) => level.with_name("varning"),
        (Lang::Sv, Severity::Info) => level.with_name("info"),
    }
}

fn group<'a>(report: &'a DocumentReport, d: &'a Diagnostic, lang: Lang) -> Group<'a> {
    let title = level(d.severity, lang).primary_title(d.message.as_str()).id(d.code.code());
    let mut group = if report.source.trim().is_empty() || is_whole_document(d.code) {
        // No one line to show: point at the file alone.
        title.element(Origin::path(report.source_name.as_str()))
    } else {
        let primary = AnnotationKind::Primary.span(range(d.span)).label(d.label.as_deref());
        let related = d
            .related
            .iter()
            .map(|r| AnnotationKind::Context.span(range(r.span)).label(r.label.as_str()));
        let snippet = Snippet::source(report.source.as_str())
            .path(report.source_name.as_str())
            .fold(true)
            .annotation(primary)
            .annotations(related);
        title.element(snippet)
    };
    if let Some(help) = &d.help {
        let help_level = match lang {
            Lang::En => Level::HELP,
            Lang::Sv => Level::HELP.with_name("hjälp"),
        };
        group = group.element(help_level.message(help.as_str()));
    }
    group
}

/// Rules whose findings are about the text as a whole, not a place in it.
fn is_whole_document(rule: Rule) -> bool {
    matches!(rule, Rule::EmptyDocument | Rule::LowOcrQuality)
}

fn range(span: Span) -> std::ops::Range<usize> {
    span.start..span.end
}

/// `file: valid|invalid (profile standard): 1 error, 2 warnings, 0 infos`.
pub fn summary(report: &DocumentReport, lang: Lang) -> String {
    let [errors, warnings, infos] = report.counts();
    match lang {
        Lang::En => format!(
            "{}: {} (profile {}): {errors} {}, {warnings} {}, {infos} {}",
            report.source_name,
            report.status,
            report.profile,
            plural(errors, "error", "errors"),
            plural(warnings, "warning", "warnings"),
            plural(infos, "info", "infos"),
        ),
        Lang::Sv => format!(
            "{}: {} (profil {}): {errors} fel, {warnings} {}, {infos} info",
            report.source_name,
            match report.status {
                beslut::Status::Valid => "giltigt",
                beslut::Status::Invalid => "ogiltigt",
            },
            report.profile,
            plural(warnings, "varning", "varningar"),
        ),
    }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// The report as pretty-printed JSON, each span with its line and column
/// (1-based; columns count characters).
pub fn json(report: &DocumentReport) -> String {
    serde_json::to_string_pretty(&json_report(report)).unwrap_or_default()
}

/// The report as one line of JSON (for JSON Lines).
#[allow(dead_code)] // for the batch command
pub fn json_line(report: &DocumentReport) -> String {
    serde_json::to_string(&json_report(report)).unwrap_or_default()
}

fn json_report(report: &DocumentReport) -> JsonReport<'_> {
    let index = LineIndex::new(&report.source);
    let at = |offset| index.line_col(&report.source, offset);
    let diagnostics: Vec<JsonDiagnostic<'_>> = report
        .diagnostics
        .iter()
        .map(|d| JsonDiagnostic {
            code: d.code.code(),
            severity: d.severity,
            message: &d.message,
            span: d.span,
            start: at(d.span.start),
            end: at(d.span.end),
            label: d.label.as_deref(),
            help: d.help.as_deref(),
            related: d
                .related
                .iter()
                .map(|r| JsonRelated {
                    span: r.span,
                    start: at(r.span.start),
                    end: at(r.span.end),
                    label: &r.label,
                })
                .collect(),
            data: &d.data,
        })
        .collect();
    let [error, warning, info] = report.counts();
    JsonReport {
        file: &report.source_name,
        profile: &report.profile,
        status: report.status,
        counts: JsonCounts { error, warning, info },
        diagnostics,
    }
}

#[derive(Serialize)]
struct JsonReport<'a> {
    file: &'a str,
    profile: &'a str,
    status: beslut::Status,
    counts: JsonCounts,
    diagnostics: Vec<JsonDiagnostic<'a>>,
}

#[derive(Serialize)]
struct JsonCounts {
    error: usize,
    warning: usize,
    info: usize,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    code: &'static str,
    severity: Severity,
    message: &'a str,
    span: Span,
    start: LineCol,
    end: LineCol,
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related: Vec<JsonRelated<'a>>,
    #[serde(skip_serializing_if = "no_data")]
    data: &'a beslut::Data,
}

fn no_data(data: &&beslut::Data) -> bool {
    data.is_empty()
}

#[derive(Serialize)]
struct JsonRelated<'a> {
    span: Span,
    start: LineCol,
    end: LineCol,
    label: &'a str,
}
