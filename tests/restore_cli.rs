//! `beslut restore` end to end: text, changes, JSON, extra words, exit codes.

use std::io::Write;
use std::process::{Command, Stdio};

fn beslut(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_beslut"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run beslut");
    // beslut may exit (bad arguments) before it reads: a closed pipe is no failure here.
    let _ = child.stdin.take().expect("stdin").write_all(stdin);
    let out = child.wait_with_output().expect("wait");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const DOC: &str =
    "Beslutet skickas till:\n e Socialnamnden,  for kannedom\nDnr KS-2024-00011, asa@x.se\n";

#[test]
fn prints_the_text_with_only_letters_changed() {
    let (code, out, _) = beslut(&["restore", "-"], DOC.as_bytes());
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "Beslutet skickas till:\n e Socialnämnden,  för kännedom\nDnr KS-2024-00011, asa@x.se\n"
    );
}

#[test]
fn lists_changes_with_line_and_column() {
    let (code, out, _) = beslut(&["restore", "--changes", "-"], DOC.as_bytes());
    assert_eq!(code, 0);
    let first = out.lines().next().unwrap_or("");
    assert_eq!(first, "2:4\tSocialnamnden\tSocialnämnden\tlexicon\t1.00");
    assert_eq!(out.lines().count(), 3);
}

#[test]
fn json_report_has_changes_and_the_lexicon_version() {
    let (code, out, _) = beslut(&["restore", "--format", "json", "-"], DOC.as_bytes());
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert!(v["lexicon"].as_str().unwrap_or("").starts_with("wordfreq-3.1.1-sv"));
    assert_eq!(v["changes"][0]["route"], "lexicon");
    assert_eq!(v["changes"][0]["line"], 2);
    assert!(v["text"].as_str().unwrap_or("").contains("Socialnämnden"));
}

#[test]
fn extra_words_come_from_a_list() {
    let dir = tempfile::tempdir().expect("tempdir");
    let list = dir.path().join("ord.txt");
    std::fs::write(&list, "# lokala namn\nKvärnö 4.5\n").expect("write list");
    let doc = "Vagen till Kvarno.\n";
    let (_, plain, _) = beslut(&["restore", "-"], doc.as_bytes());
    assert_eq!(plain, "Vägen till Kvarno.\n");
    let (code, out, _) =
        beslut(&["restore", "--lexicon", list.to_str().unwrap_or(""), "-"], doc.as_bytes());
    assert_eq!(code, 0);
    assert_eq!(out, "Vägen till Kvärnö.\n");
}

#[test]
fn unreadable_input_and_word_lists_get_their_exit_codes() {
    let (code, _, err) = beslut(&["restore", "/no/such/file"], b"");
    assert_eq!(code, 3);
    assert!(err.contains("/no/such/file"), "{err}");
    // Not UTF-8: read as windows-1252, like `parse` and `check` read it.
    let (code, out, _) = beslut(&["restore", "-"], b"caf\xe9 f\xf6r\n");
    assert_eq!((code, out.as_str()), (0, "café för\n"));
    let (code, _, err) = beslut(&["restore", "-"], b"\x89PNG\r\n\x1a\n\0\0");
    assert_eq!(code, 3);
    assert!(err.contains("not text") && err.contains("NUL byte at byte 8"), "{err}");
    let (code, _, _) = beslut(&["restore", "--lexicon", "/no/such/list", "-"], b"x");
    assert_eq!(code, 2);
}
