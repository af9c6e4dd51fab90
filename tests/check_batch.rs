//! `beslut check` over a folder: which files a run reads, as its JSON Lines
//! report says.

use serde_json::Value;
use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn beslut(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_beslut")).current_dir(dir).args(args).output().unwrap()
}

/// The document records of a JSON Lines report, between its run and summary records.
fn documents(out: &Output) -> Vec<Value> {
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    let mut records: Vec<Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(records.len() >= 2, "no run and summary records in {text}");
    assert_eq!(records.pop().unwrap()["record"], "summary");
    assert_eq!(records.remove(0)["record"], "run");
    assert!(records.iter().all(|r| r["record"] == "document"));
    records
}

fn paths(docs: &[Value]) -> Vec<String> {
    docs.iter().map(|d| d["path"].as_str().unwrap().to_string()).collect()
}

/// `--max-size N` is the largest size checked: a file of exactly N bytes is
/// read, one of N+1 is skipped unread with its size in its record.
#[test]
fn max_size_is_the_largest_size_checked() {
    let dir = tempfile::tempdir().unwrap();
    let n = 100;
    fs::write(dir.path().join("exact.txt"), "x".repeat(n)).unwrap();
    fs::write(dir.path().join("over.txt"), "x".repeat(n + 1)).unwrap();
    let out = beslut(dir.path(), &["check", ".", "--format", "jsonl", "--max-size", "100"]);
    let docs = documents(&out);
    assert_eq!(paths(&docs), ["exact.txt", "over.txt"]);
    assert_ne!(docs[0]["status"], "skipped", "{}", docs[0]);
    assert_eq!(docs[0]["bytes"], n);
    assert_eq!(docs[1]["status"], "skipped", "{}", docs[1]);
    assert_eq!(docs[1]["bytes"], n + 1);
    let reason = docs[1]["reason"].as_str().unwrap();
    assert!(reason.contains("101 > 100"), "{reason}");
    assert_eq!(out.status.code(), Some(3), "a skipped file is exit 3");
}

/// A shard is chosen by the path relative to the folder given, so however
/// the folder is spelled the same files fall in each shard, and the shard of
/// a path is the same on every machine.
#[test]
fn shards_hash_the_relative_path_however_the_folder_is_spelled() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..24 {
        let sub = dir.path().join(format!("arkiv/d{}", i % 3));
        fs::create_dir_all(&sub).unwrap();
        fs::write(sub.join(format!("f{i:02}.txt")), "Beslut\n").unwrap();
    }
    let shard = |folder: &str, shard: &str| {
        let out = beslut(dir.path(), &["check", folder, "--format", "jsonl", "--shard", shard]);
        paths(&documents(&out))
    };
    let parts: Vec<Vec<String>> = (1..=3).map(|i| shard("arkiv", &format!("{i}/3"))).collect();
    for folder in ["./arkiv", "arkiv/"] {
        for (i, part) in parts.iter().enumerate() {
            assert_eq!(&shard(folder, &format!("{}/3", i + 1)), part, "{folder}");
        }
    }
    let mut all = parts.concat();
    all.sort();
    let every: Vec<String> = (0..24).map(|i| format!("d{}/f{i:02}.txt", i % 3)).collect();
    let mut every_sorted = every.clone();
    every_sorted.sort();
    assert_eq!(all, every_sorted, "each file in exactly one shard");
    assert!(parts.iter().all(|p| !p.is_empty()), "{parts:?}");
    // FNV-1a of "d1/f04.txt" is 2 modulo 3: shard 2/3.
    assert!(parts[1].contains(&"d1/f04.txt".to_string()), "{parts:?}");
}

/// More files than several chunks hold: the JSON Lines report has one
/// record per file, in walk order, whatever `--jobs`.
#[test]
fn jsonl_over_many_chunks_has_one_record_per_file_in_walk_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut expected = Vec::new();
    for i in 0..2500 {
        let sub = format!("d{}", i % 7);
        fs::create_dir_all(dir.path().join(&sub)).unwrap();
        let name = format!("f{i:05}.txt");
        fs::write(dir.path().join(&sub).join(&name), format!("Beslut\n\n{i}\n")).unwrap();
        expected.push(format!("{sub}/{name}"));
    }
    // Walk order is sorted order for these names.
    expected.sort();
    for jobs in ["1", "3"] {
        let out = beslut(dir.path(), &["check", ".", "--format", "jsonl", "--jobs", jobs]);
        let docs = documents(&out);
        assert_eq!(paths(&docs), expected, "--jobs {jobs}");
        for d in &docs {
            let i: usize = d["path"].as_str().unwrap()[4..9].parse().unwrap();
            assert_eq!(d["bytes"], format!("Beslut\n\n{i}\n").len(), "{d}");
        }
    }
}
