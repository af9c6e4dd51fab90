//! The `beslut` binary end to end: `check` over a tree holding every kind of
//! file an archive throws at it, and `parse` reading the same encodings.

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const OCR: &str = "fixtures/parse/enkoping-ks-2026-social-hallbarhet.ocr.txt";
const GOLD: &str = "fixtures/parse/enkoping-ks-2026-social-hallbarhet.gold.txt";

fn fixture(path: &str) -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

fn beslut(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_beslut")).current_dir(dir).args(args).output().unwrap()
}

fn code(out: &Output) -> i32 {
    out.status.code().expect("beslut was killed by a signal")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// The gold text in windows-1252: every character it has is in the code page.
fn windows_1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '•' => 0x95,
            '”' => 0x94,
            '–' => 0x96,
            c if (c as u32) < 0x80 || (0xA0..=0xFF).contains(&(c as u32)) => c as u8,
            c => panic!("{c:?} is not in windows-1252"),
        })
        .collect()
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let bom: [u8; 2] = if big_endian { [0xFE, 0xFF] } else { [0xFF, 0xFE] };
    let units = text.encode_utf16();
    bom.into_iter()
        .chain(units.flat_map(|u| if big_endian { u.to_be_bytes() } else { u.to_le_bytes() }))
        .collect()
}

/// A tree with one file of every kind, and what each must come out as.
/// Files that only some machines can make (a FIFO, an unreadable file when
/// not running as root) are added by [`add_machine_dependent`].
fn tree() -> (tempfile::TempDir, BTreeMap<String, &'static str>) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let (ocr, gold) = (fixture(OCR), fixture(GOLD));
    fs::create_dir_all(root.join("nested/deeper")).unwrap();
    let truncated = &ocr[..ocr.find("Beskrivning av").unwrap()];
    let mut bad_utf8 = ocr.clone().into_bytes();
    bad_utf8.insert(40, 0xFF);
    let files: Vec<(&str, Vec<u8>, &'static str)> = vec![
        ("valid.txt", ocr.clone().into_bytes(), "valid"),
        ("nested/deeper/truncated.txt", truncated.as_bytes().to_vec(), "invalid"),
        ("nested/empty.txt", Vec::new(), "invalid"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(), "not-text"),
        ("controls.txt", b"\x1b[2J\x01\x02\x03\x04ab".to_vec(), "not-text"),
        ("windows-1252.txt", windows_1252(&gold), "valid"),
        ("utf8-bom.txt", [b"\xEF\xBB\xBF".as_slice(), gold.as_bytes()].concat(), "valid"),
        ("utf16le.txt", utf16(&gold, false), "valid"),
        ("utf16be.txt", utf16(&gold, true), "valid"),
        // Read as windows-1252, its UTF-8 é and ” turn into mojibake.
        ("invalid-utf8.txt", bad_utf8, "invalid"),
        ("bom-then-latin1.txt", b"\xEF\xBB\xBFS\xE4ndlista".to_vec(), "not-text"),
        ("big.txt", ocr.repeat(20).into_bytes(), "skipped"),
        ("notes.md", b"not picked: wrong extension".to_vec(), ""),
    ];
    let mut expected = BTreeMap::new();
    for (name, bytes, status) in files {
        fs::write(root.join(name), bytes).unwrap();
        if !status.is_empty() {
            expected.insert(name.to_string(), status);
        }
    }
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("nowhere.txt", root.join("dangling.txt")).unwrap();
        expected.insert("dangling.txt".into(), "unreadable");
        // A link back up the tree: the walk must end, and list nothing twice.
        std::os::unix::fs::symlink("..", root.join("nested/loop")).unwrap();
    }
    (dir, expected)
}

/// Add a FIFO (never opened: it would block) and a file without read
/// permission, where this machine can make them behave as intended.
fn add_machine_dependent(root: &Path, expected: &mut BTreeMap<String, &'static str>) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let made = Command::new("mkfifo").arg(root.join("fifo.txt")).status();
        if made.is_ok_and(|s| s.success()) {
            expected.insert("fifo.txt".into(), "skipped");
        }
        let locked = root.join("locked.txt");
        fs::write(&locked, fixture(OCR)).unwrap();
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
        // Root reads it anyway; then it is just another valid document.
        let status = if fs::read(&locked).is_ok() { "valid" } else { "unreadable" };
        expected.insert("locked.txt".into(), status);
        // Names that are not UTF-8, alike but for one byte: each keeps its
        // own record and name (a lossy name would show both as `odd�.txt`).
        use std::os::unix::ffi::OsStrExt;
        for (byte, name) in [(0xffu8, "odd\\xFF.txt"), (0xfe, "odd\\xFE.txt")] {
            let raw = [&b"odd"[..], &[byte], b".txt"].concat();
            // Some file systems refuse such names; then there is nothing to check.
            if fs::write(root.join(std::ffi::OsStr::from_bytes(&raw)), fixture(OCR)).is_ok() {
                expected.insert(name.into(), "valid");
            }
        }
        // A directory that cannot be listed hides its files: it gets the record.
        let closed = root.join("closed");
        fs::create_dir(&closed).unwrap();
        fs::write(closed.join("inside.txt"), fixture(OCR)).unwrap();
        fs::set_permissions(&closed, fs::Permissions::from_mode(0o000)).unwrap();
        if fs::read_dir(&closed).is_ok() {
            expected.insert("closed/inside.txt".into(), "valid");
        } else {
            expected.insert("closed".into(), "unreadable");
        }
    }
}

/// The JSON Lines report, split into its run, document and summary records.
struct Jsonl {
    run: Value,
    documents: Vec<Value>,
    summary: Value,
}

fn jsonl(text: &str) -> Jsonl {
    let mut records: Vec<Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(records.len() >= 2, "no run and summary records in {text}");
    let summary = records.pop().unwrap();
    let run = records.remove(0);
    assert_eq!(run["record"], "run");
    assert_eq!(summary["record"], "summary");
    assert!(records.iter().all(|r| r["record"] == "document"));
    Jsonl { run, documents: records, summary }
}

fn statuses(report: &Jsonl) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    for d in &report.documents {
        let path = d["path"].as_str().unwrap().to_string();
        let previous = map.insert(path.clone(), d["status"].as_str().unwrap().to_string());
        assert!(previous.is_none(), "{path} has two records");
    }
    map
}

/// The report without its two timing fields.
fn untimed(text: &str) -> String {
    let mut report = jsonl(text);
    report.run["started"] = Value::Null;
    report.summary["seconds"] = Value::Null;
    let mut lines = vec![report.run.to_string()];
    lines.extend(report.documents.iter().map(Value::to_string));
    lines.push(report.summary.to_string());
    lines.join("\n")
}

const SMALL: &str = "--max-size=20000";

#[test]
fn every_file_gets_exactly_one_record_with_the_right_status() {
    let (dir, mut expected) = tree();
    add_machine_dependent(dir.path(), &mut expected);
    let out = beslut(dir.path(), &["check", ".", "--format", "jsonl", SMALL]);
    assert_eq!(code(&out), 3, "unreadable files outrank everything: {out:?}");
    let report = jsonl(&stdout(&out));
    let got = statuses(&report);
    let want: BTreeMap<String, String> =
        expected.iter().map(|(k, v)| (k.clone(), v.to_string())).collect();
    assert_eq!(got, want);

    let by_path: BTreeMap<&str, &Value> =
        report.documents.iter().map(|d| (d["path"].as_str().unwrap(), d)).collect();
    let encoding =
        |p: &str| (by_path[p]["encoding"].clone(), by_path[p]["encoding_guessed"].clone());
    use serde_json::json;
    assert_eq!(encoding("valid.txt"), (json!("utf-8"), json!(false)));
    assert_eq!(encoding("utf8-bom.txt"), (json!("utf-8"), json!(false)));
    assert_eq!(encoding("utf16le.txt"), (json!("utf-16le"), json!(false)));
    assert_eq!(encoding("utf16be.txt"), (json!("utf-16be"), json!(false)));
    assert_eq!(encoding("windows-1252.txt"), (json!("windows-1252"), json!(true)));
    assert_eq!(encoding("invalid-utf8.txt"), (json!("windows-1252"), json!(true)));
    assert_eq!(encoding("binary.txt"), (Value::Null, Value::Null));
    assert_eq!(by_path["valid.txt"]["root"], ".");
    assert_eq!(by_path["valid.txt"]["bytes"], fixture(OCR).len());
    assert!(by_path["binary.txt"]["reason"].as_str().unwrap().contains("NUL byte at byte 8"));
    let big = &by_path["big.txt"];
    assert_eq!(big["bytes"], 20 * fixture(OCR).len());
    assert!(big["reason"].as_str().unwrap().contains("--max-size"), "{big}");
    assert!(by_path["dangling.txt"]["reason"].as_str().unwrap().contains("os error"));

    // The summary counts what the records say.
    let s = &report.summary;
    assert_eq!(s["files"], report.documents.len());
    // Bytes read: the file too big to check was not.
    let read = |d: &&Value| !matches!(d["status"].as_str(), Some("skipped" | "unreadable"));
    let bytes: u64 =
        report.documents.iter().filter(read).map(|d| d["bytes"].as_u64().unwrap()).sum();
    assert_eq!(s["bytes"], bytes);
    assert!(bytes > 0 && bytes < 20 * fixture(OCR).len() as u64, "{bytes}");
    for status in ["valid", "invalid", "not-text", "unreadable", "skipped", "internal-error"] {
        let n = got.values().filter(|v| *v == status).count();
        assert_eq!(s["statuses"][status], n, "{status}");
    }
    assert_eq!(report.run["options"]["max_size"], 20000);
    assert_eq!(report.run["version"], env!("CARGO_PKG_VERSION"));
    assert!(report.run["lexicon"].as_str().is_some_and(|v| !v.is_empty()), "{}", report.run);
}

#[test]
fn output_is_identical_for_any_number_of_jobs_and_across_runs() {
    let (dir, _) = tree();
    let run = |jobs: &str, format: &str| {
        let out = beslut(dir.path(), &["check", ".", SMALL, "--jobs", jobs, "--format", format]);
        assert_eq!(code(&out), 3);
        stdout(&out)
    };
    let one = run("1", "jsonl");
    assert_eq!(untimed(&one), untimed(&run("4", "jsonl")));
    assert_eq!(untimed(&one), untimed(&run("4", "jsonl")));
    assert_eq!(run("1", "csv"), run("4", "csv"));
    assert_eq!(run("1", "human").lines().count(), run("3", "human").lines().count());
}

#[test]
fn output_order_survives_many_chunks() {
    // More files than one chunk holds, so the pool's chunks must be written in order.
    let dir = tempfile::tempdir().unwrap();
    for i in 0..2500 {
        let sub = dir.path().join(format!("d{}", i % 7));
        fs::create_dir_all(&sub).unwrap();
        fs::write(sub.join(format!("f{i:05}.txt")), format!("Beslut\n\n{i}\n")).unwrap();
    }
    let run = |jobs: &str| {
        let out = beslut(dir.path(), &["check", ".", "--format", "csv", "--jobs", jobs]);
        assert_eq!(code(&out), 1, "every one of them is far from a whole decision");
        stdout(&out)
    };
    let one = run("1");
    assert_eq!(one.lines().count(), 2501);
    assert_eq!(one, run("4"));
    let paths: Vec<&str> = one.lines().skip(1).map(|l| l.split(',').next().unwrap()).collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted, "walk order is sorted order for these names");
}

/// Add the counts of summary `v` into `sum`: numbers add up, objects merge
/// key by key, anything else (a rule's severity) must agree.
fn add_counts(sum: &mut Value, v: &Value) {
    match (sum, v) {
        (Value::Number(a), Value::Number(b)) => {
            *a = (a.as_u64().unwrap() + b.as_u64().unwrap()).into();
        }
        (Value::Object(a), Value::Object(b)) => {
            for (k, bv) in b {
                match a.get_mut(k) {
                    Some(av) => add_counts(av, bv),
                    None => {
                        a.insert(k.clone(), bv.clone());
                    }
                }
            }
        }
        (a, b) => assert_eq!(a, b),
    }
}

#[test]
fn shards_partition_the_files_and_their_summaries_add_up() {
    let (dir, expected) = tree();
    let whole = jsonl(&stdout(&beslut(dir.path(), &["check", ".", SMALL, "--format", "jsonl"])));
    let mut seen = BTreeSet::new();
    let mut sum = serde_json::json!({});
    for i in 1..=3 {
        let shard = format!("{i}/3");
        let out =
            beslut(dir.path(), &["check", ".", SMALL, "--format", "jsonl", "--shard", &shard]);
        let mut part = jsonl(&stdout(&out));
        assert_eq!(part.run["options"]["shard"], shard);
        for d in &part.documents {
            assert!(seen.insert(d["path"].as_str().unwrap().to_string()), "{d} in two shards");
        }
        assert!(!part.documents.is_empty(), "shard {shard} is empty: a poor hash");
        part.summary.as_object_mut().unwrap().remove("seconds");
        add_counts(&mut sum, &part.summary);
    }
    assert_eq!(seen, expected.keys().cloned().collect());
    let mut whole = whole.summary;
    whole.as_object_mut().unwrap().remove("seconds");
    assert_eq!(sum, whole);
}

#[test]
fn csv_has_a_bom_a_header_and_one_row_per_file() {
    let (dir, expected) = tree();
    let out = beslut(dir.path(), &["check", ".", SMALL, "--format", "csv"]);
    assert!(out.stdout.starts_with("\u{feff}path,status,encoding,".as_bytes()));
    let mut reader = csv::Reader::from_reader(&out.stdout[3..]);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), expected.len());
    let got: BTreeMap<String, String> =
        rows.iter().map(|r| (r[0].to_string(), r[1].to_string())).collect();
    let want: BTreeMap<String, String> =
        expected.iter().map(|(k, v)| (k.clone(), v.to_string())).collect();
    assert_eq!(got, want);
}

#[test]
fn exit_codes() {
    let (dir, _) = tree();
    let d = dir.path();
    assert_eq!(code(&beslut(d, &["check", "valid.txt", "utf16le.txt", "-q"])), 0);
    assert_eq!(code(&beslut(d, &["check", "valid.txt", "binary.txt"])), 3);
    assert_eq!(code(&beslut(d, &["check", "big.txt", "--max-size", "1KB"])), 3);

    let missing = beslut(d, &["check", "valid.txt", "no/such/dir"]);
    assert_eq!(code(&missing), 2);
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no/such/dir"));
    assert!(missing.stdout.is_empty(), "nothing is checked when an argument is wrong");

    assert_eq!(code(&beslut(d, &["check", ".", "--profile", "no-such-profile"])), 2);
    assert_eq!(code(&beslut(d, &["check", ".", "--output", "no/such/dir/report.csv"])), 2);
    assert_eq!(code(&beslut(d, &["check", ".", "--shard", "4/3"])), 2);
    assert_eq!(code(&beslut(d, &["check", ".", "--max-size", "lots"])), 2);
    assert_eq!(code(&beslut(d, &["check"])), 2);
    assert_eq!(code(&beslut(d, &["check", "-", "valid.txt", "-"])), 2);
    let json_for_many = beslut(d, &["check", "nested", "--format", "json"]);
    assert_eq!(code(&json_for_many), 2);
    assert!(String::from_utf8_lossy(&json_for_many.stderr).contains("--format jsonl"));
}

#[test]
fn one_file_gets_the_full_rendering_or_a_one_record_report() {
    let (dir, _) = tree();
    let d = dir.path();
    let human = beslut(d, &["check", "nested/deeper/truncated.txt"]);
    assert_eq!(code(&human), 1);
    let text = stdout(&human);
    assert!(text.contains("error[missing-section]") && text.contains(" --> "), "{text}");

    let jsonl_one = beslut(d, &["check", "nested/deeper/truncated.txt", "--format", "jsonl"]);
    assert_eq!(code(&jsonl_one), 1);
    let report = jsonl(&stdout(&jsonl_one));
    assert_eq!(report.documents.len(), 1);
    assert_eq!(report.documents[0]["root"], "nested/deeper");
    assert_eq!(report.documents[0]["path"], "truncated.txt");
    assert_eq!(report.documents[0]["status"], "invalid");
    let first = &report.documents[0]["diagnostics"][0];
    assert_eq!(first["code"], "missing-section");
    assert!(first["line"].as_u64().unwrap() > 1 && first["column"].as_u64().unwrap() >= 1);
    assert!(first["span"]["start"].is_u64());
}

#[test]
fn output_file_gets_the_report_and_stdout_stays_empty() {
    let (dir, expected) = tree();
    let out = beslut(dir.path(), &["check", ".", SMALL, "--format", "jsonl", "-o", "report.jsonl"]);
    assert_eq!(code(&out), 3);
    assert!(out.stdout.is_empty());
    let report = jsonl(&fs::read_to_string(dir.path().join("report.jsonl")).unwrap());
    assert_eq!(report.documents.len(), expected.len());
}

#[test]
fn a_report_written_into_the_checked_folder_is_not_checked() {
    let (dir, expected) = tree();
    let out = beslut(dir.path(), &["check", ".", SMALL, "--format", "jsonl", "-o", "report.txt"]);
    assert_eq!(code(&out), 3);
    let report = jsonl(&fs::read_to_string(dir.path().join("report.txt")).unwrap());
    assert_eq!(statuses(&report).keys().collect::<Vec<_>>(), expected.keys().collect::<Vec<_>>());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("report.txt: the report being written; not checked"), "{stderr}");
}

#[test]
fn stdin_is_one_document() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_beslut"))
        .current_dir(dir.path())
        .args(["check", "-", "--format", "jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&windows_1252(&fixture(GOLD))).unwrap();
    let out = child.wait_with_output().unwrap();
    let report = jsonl(&stdout(&out));
    assert_eq!(report.documents.len(), 1);
    assert_eq!(report.documents[0]["path"], "-");
    assert_eq!(report.documents[0]["encoding"], "windows-1252");
}

/// A reader that stops (`| head -1`) ends the run with exit 0 and nothing
/// on stderr, though documents are invalid: the records written before the
/// pipe closed depend on timing, so no verdict is given.
#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    use std::io::BufRead;
    let dir = tempfile::tempdir().unwrap();
    // Far more report than a pipe holds, so the run cannot finish before
    // the reader closes it; the first file is empty, every one invalid.
    fs::write(dir.path().join("0000.txt"), "").unwrap();
    for i in 1..3000 {
        fs::write(dir.path().join(format!("{i:04}.txt")), "Beslut\n").unwrap();
    }
    let whole = beslut(dir.path(), &["check", ".", "--format", "jsonl", "--jobs", "1"]);
    assert_ne!(code(&whole), 0, "read to the end, the verdict is given");
    let mut child = Command::new(env!("CARGO_BIN_EXE_beslut"))
        .current_dir(dir.path())
        .args(["check", ".", "--format", "jsonl", "--jobs", "1"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
    assert!(first.contains(r#""record":"run""#), "{first}");
    let out = child.wait_with_output().unwrap();
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(out.status.code(), Some(0), "{:?}", out.status);
}

#[test]
fn help_documents_the_exit_codes() {
    let out = beslut(Path::new("."), &["check", "--help"]);
    assert_eq!(code(&out), 0);
    let help = stdout(&out);
    for line in
        ["0  every document", "1  some document is invalid", "2  usage error", "3  some file"]
    {
        assert!(help.contains(line), "{line:?} missing from\n{help}");
    }
}

#[test]
fn parse_decodes_like_check() {
    let (dir, _) = tree();
    let utf16 = beslut(dir.path(), &["parse", "--format", "json", "utf16le.txt"]);
    let cp1252 = beslut(dir.path(), &["parse", "--format", "json", "windows-1252.txt"]);
    assert_eq!(code(&utf16), 0);
    assert_eq!(stdout(&utf16), stdout(&cp1252), "same text, whatever the encoding");
    let binary = beslut(dir.path(), &["parse", "binary.txt"]);
    assert_eq!(code(&binary), 3);
    assert!(String::from_utf8_lossy(&binary.stderr).contains("not text"));
}

/// Replace the run's duration, the one thing in the human report that
/// changes between runs.
fn redact_seconds(text: &str) -> String {
    text.lines()
        .map(|line| match (line.find(" in "), line.find(" s with profile")) {
            (Some(a), Some(b)) if a < b => format!("{}[seconds]{}", &line[..a + 4], &line[b..]),
            _ => line.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn human_report() {
    let (dir, _) = tree();
    let out = beslut(dir.path(), &["check", ".", SMALL, "--jobs", "2"]);
    assert_eq!(code(&out), 3);
    insta::assert_snapshot!(redact_seconds(&stdout(&out)));
}

#[test]
fn human_report_verbose_renders_each_diagnostic_against_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let ocr = fixture(OCR);
    let root = dir.path().join("archive");
    fs::create_dir_all(root.join("2026")).unwrap();
    fs::write(root.join("2026/truncated.txt"), &ocr[..ocr.find("Beskrivning av").unwrap()])
        .unwrap();
    fs::write(root.join("2026/whole.txt"), &ocr).unwrap();
    fs::write(root.join("empty.txt"), "").unwrap();
    let out = beslut(dir.path(), &["check", "archive", "--verbose", "--jobs", "1"]);
    assert_eq!(code(&out), 1);
    insta::assert_snapshot!(redact_seconds(&stdout(&out)));
}

#[test]
fn repeats_of_a_rule_are_capped_in_the_record_but_counted_in_full() {
    let dir = tempfile::tempdir().unwrap();
    // A heading on every page: one duplicate-section per repeat.
    fs::write(dir.path().join("pages.txt"), "Beslut\n\nKommunstyrelsen beslutar.\n\n".repeat(150))
        .unwrap();
    let run = |extra: &[&str]| {
        let mut args = vec!["check", ".", "--format", "jsonl"];
        args.extend_from_slice(extra);
        jsonl(&stdout(&beslut(dir.path(), &args)))
    };
    let listed = |r: &Jsonl, code: &str| {
        let all = r.documents[0]["diagnostics"].as_array().unwrap();
        all.iter().filter(|d| d["code"] == code).count()
    };
    let all = run(&["--max-repeats", "0"]);
    let total = all.summary["rules"]["duplicate-section"]["diagnostics"].as_u64().unwrap();
    assert_eq!(total, 149);
    assert_eq!(listed(&all, "duplicate-section"), 149);
    assert_eq!(all.documents[0]["diagnostics_omitted"], 0);

    let capped = run(&["--max-repeats", "5"]);
    assert_eq!(listed(&capped, "duplicate-section"), 5);
    let omitted = capped.documents[0]["diagnostics_omitted"].as_u64().unwrap();
    let listed_all = capped.documents[0]["diagnostics"].as_array().unwrap().len() as u64;
    let everything = all.documents[0]["diagnostics"].as_array().unwrap().len() as u64;
    assert_eq!(listed_all + omitted, everything);
    assert_eq!(capped.summary["rules"], all.summary["rules"], "counts see every diagnostic");

    let default = run(&[]);
    assert_eq!(listed(&default, "duplicate-section"), 100);
    let csv = stdout(&beslut(dir.path(), &["check", ".", "--format", "csv", "--max-repeats", "5"]));
    let row: Vec<&str> = csv.lines().nth(1).unwrap().split(',').collect();
    assert_eq!(row[5], "149", "warnings column counts them all: {row:?}");
}
