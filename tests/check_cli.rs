//! `beslut check` and `beslut profiles` as a script sees them: output and exit codes.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const SEED_OCR: &str = "fixtures/parse/enkoping-ks-2026-social-hallbarhet.ocr.txt";

/// Run the binary from the crate root (so paths in its output are relative)
/// with colour forbidden.
fn beslut(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_beslut"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input).unwrap();
    }
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap()
}

/// The fixture path relative to the crate root, with `/` separators.
fn relative(path: &Path) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rel = path.strip_prefix(root).unwrap();
    rel.components().map(|c| c.as_os_str().to_str().unwrap()).collect::<Vec<_>>().join("/")
}

fn profile_arg(stem: &str) -> &'static str {
    if stem == "unknown-recipient" { "fixtures/profiles/enkoping.toml" } else { "standard" }
}

/// Every fixture rendered as a person sees it; exit 1 exactly when its rule is an error.
#[test]
fn human_output_of_every_invalid_fixture() {
    insta::glob!("../fixtures/invalid", "*.txt", |path| {
        let stem = path.file_stem().unwrap().to_str().unwrap();
        let out = beslut(&["check", &relative(path), "--profile", profile_arg(stem)], None);
        let text = stdout(&out);
        assert!(!text.contains('\u{1b}'), "no colour when NO_COLOR is set");
        assert!(text.contains(&format!("[{stem}]")), "{text}");
        let rule = beslut::Rule::from_code(stem).unwrap();
        let expected = if rule.default_severity() == beslut::Severity::Error { 1 } else { 0 };
        assert_eq!(code(&out), expected, "{text}{}", stderr(&out));
        insta::assert_snapshot!(text);
    });
}

/// JSON output carries line and column for every span.
#[test]
fn json_output_with_line_and_column() {
    for stem in ["missing-section", "section-order", "mojibake"] {
        let path = format!("fixtures/invalid/{stem}.txt");
        let out = beslut(&["check", &path, "--format", "json"], None);
        assert_eq!(code(&out), if stem == "section-order" { 0 } else { 1 });
        let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!(json["diagnostics"][0]["code"], stem);
        insta::assert_snapshot!(format!("json_{stem}"), stdout(&out));
    }
}

#[test]
fn swedish_messages() {
    for stem in ["missing-section", "duplicate-section"] {
        let path = format!("fixtures/invalid/{stem}.txt");
        let out = beslut(&["check", &path, "--lang", "sv"], None);
        insta::assert_snapshot!(format!("sv_{stem}"), stdout(&out));
    }
}

#[test]
fn the_seed_is_valid_with_exit_0() {
    let out = beslut(&["check", SEED_OCR], None);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    assert_eq!(
        stdout(&out),
        format!("{SEED_OCR}: valid (profile standard): 0 errors, 0 warnings, 0 infos\n")
    );
}

#[test]
fn standard_input_is_read_with_a_dash() {
    let text = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/invalid/invalid-date.txt"),
    )
    .unwrap();
    let out = beslut(&["check", "-", "--format", "json"], Some(&text));
    assert_eq!(code(&out), 1);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["file"], "<stdin>");
    assert_eq!(json["status"], "invalid");
    assert_eq!(json["diagnostics"][0]["code"], "invalid-date");
    assert_eq!(json["diagnostics"][0]["start"]["line"], 38);
}

#[test]
fn basic_accepts_a_document_without_officials() {
    let path = "fixtures/invalid/missing-section.txt";
    assert_eq!(code(&beslut(&["check", path], None)), 1);
    let out = beslut(&["check", path, "--profile", "basic"], None);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
}

#[test]
fn a_profile_file_switching_a_rule_off_silences_it() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("quiet.toml");
    std::fs::write(&profile, "extends = \"standard\"\n[rules]\nmissing-section = \"off\"\n")
        .unwrap();
    let out = beslut(
        &["check", "fixtures/invalid/missing-section.txt", "--profile", profile.to_str().unwrap()],
        None,
    );
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    assert!(stdout(&out).ends_with("valid (profile quiet): 0 errors, 0 warnings, 0 infos\n"));
}

#[test]
fn a_profile_file_can_make_a_warning_an_error() {
    let out = beslut(
        &[
            "check",
            "fixtures/invalid/basis-after-decision.txt",
            "--profile",
            "fixtures/profiles/enkoping.toml",
        ],
        None,
    );
    assert_eq!(code(&out), 1);
    assert!(stdout(&out).starts_with("error[basis-after-decision]"), "{}", stdout(&out));
}

#[test]
fn a_bad_profile_file_is_a_usage_error_naming_file_line_and_field() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("bad.toml");
    std::fs::write(&profile, "name = \"bad\"\n[rules]\nsection-order = \"loud\"\n").unwrap();
    let out = beslut(&["check", SEED_OCR, "--profile", profile.to_str().unwrap()], None);
    assert_eq!(code(&out), 2);
    assert!(stdout(&out).is_empty());
    let expected = format!(
        "beslut: {}:3:17: field `rules.section-order`: must be one of \"error\", \"warning\", \"info\", \"off\"\n",
        profile.display()
    );
    assert_eq!(stderr(&out), expected);
}

#[test]
fn usage_errors_exit_2_and_unreadable_files_exit_3() {
    let unknown = beslut(&["check", SEED_OCR, "--profile", "nope"], None);
    assert_eq!(code(&unknown), 2);
    assert!(stderr(&unknown).contains("unknown profile `nope`"), "{}", stderr(&unknown));
    assert_eq!(code(&beslut(&["check", SEED_OCR, "--lang", "de"], None)), 2);
    assert_eq!(code(&beslut(&["check"], None)), 2);

    // A path that does not exist is a usage error (the batch issue), like a bad option.
    let missing = beslut(&["check", "fixtures/no-such-file.txt"], None);
    assert_eq!(code(&missing), 2);
    assert!(stderr(&missing).contains("fixtures/no-such-file.txt: no such file or directory"));

    let binary = beslut(&["check", "-"], Some(b"F\xf6rslag\0"));
    assert_eq!(code(&binary), 3);
    assert!(stderr(&binary).starts_with("beslut: <stdin> is not text: NUL byte at byte 7"));
}

#[test]
fn windows_1252_is_read_by_the_decoding_cascade_and_said_to_be_a_guess() {
    let latin1 = beslut(&["check", "-", "--format", "json"], Some(b"F\xf6rslag till beslut\n"));
    assert_eq!(code(&latin1), 1, "read, checked, and incomplete");
    assert_eq!(
        stderr(&latin1),
        "beslut: note: <stdin> is not UTF-8; read as windows-1252 (a guess)\n"
    );
    assert!(stdout(&latin1).contains("missing-section"));
}

#[test]
fn profiles_lists_the_builtins_and_the_rules() {
    let out = beslut(&["profiles"], None);
    assert_eq!(code(&out), 0);
    insta::assert_snapshot!(stdout(&out));
}

#[test]
fn profiles_shows_and_checks_a_profile_file() {
    let out = beslut(&["profiles", "fixtures/profiles/enkoping.toml"], None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    insta::assert_snapshot!(stdout(&out));
    let bad = beslut(&["profiles", "fixtures/invalid/mojibake.txt"], None);
    assert_eq!(code(&bad), 2);
}

/// A profile's heading synonym is handed to the parser, so the section's
/// lines are read as what they are (here: recipients checked against the
/// profile's known boards).
#[test]
fn a_profile_heading_synonym_is_read_as_its_section() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text =
        std::fs::read_to_string(root.join("fixtures/invalid/unknown-recipient.txt")).unwrap();
    let renamed =
        text.replace("Sändlista\n\nBeslutet skickas till:\n", "Beslut expedieras till\n\n");
    assert_ne!(renamed, text);

    let standard = beslut(&["check", "-", "--format", "json"], Some(renamed.as_bytes()));
    assert_eq!(code(&standard), 1);
    let json: serde_json::Value = serde_json::from_str(&stdout(&standard)).unwrap();
    let missing: Vec<&serde_json::Value> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "missing-section")
        .map(|d| &d["data"]["kind"])
        .collect();
    assert_eq!(missing, ["distribution"]);

    let profile =
        ["check", "-", "--format", "json", "--profile", "fixtures/profiles/enkoping.toml"];
    let enkoping = beslut(&profile, Some(renamed.as_bytes()));
    assert_eq!(code(&enkoping), 0, "{}", stdout(&enkoping));
    let json: serde_json::Value = serde_json::from_str(&stdout(&enkoping)).unwrap();
    let codes: Vec<&serde_json::Value> =
        json["diagnostics"].as_array().unwrap().iter().map(|d| &d["code"]).collect();
    assert_eq!(codes, ["unknown-recipient"]);
    assert_eq!(json["diagnostics"][0]["data"]["found"], "Fritidsnämnden");
}
