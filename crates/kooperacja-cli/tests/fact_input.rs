//! Fact files through the binary (issue 11): a bad line never hides the next.

use std::process::{Command, Output};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kooperacja"))
        .args(args)
        .current_dir(ROOT)
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("binary runs")
}

fn check_json(file: &str) -> serde_json::Value {
    let out = run(&[
        "facts",
        "check",
        "--format",
        "json",
        file,
        "--project",
        "fixtures/projects/kooperacja-makroregion-ii.toml",
    ]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn lines(doc: &serde_json::Value) -> Vec<u64> {
    doc["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| e["line"].as_u64().expect("line"))
        .collect()
}

#[test]
fn facts_check_reads_past_a_non_utf8_byte_on_line_3() {
    let doc = check_json("fixtures/invalid-facts/input-01-non-utf8-line-3.jsonl");
    assert_eq!(doc["facts"], 3, "{doc}");
    assert_eq!(doc["bad_records"], 2, "{doc}");
    assert_eq!(lines(&doc), [3, 5], "{doc}");
}

#[test]
fn facts_check_reads_past_a_non_utf8_csv_row() {
    let doc = check_json("fixtures/invalid-facts/input-11-csv-non-utf8-row.csv");
    assert_eq!(doc["facts"], 2, "{doc}");
    assert_eq!(lines(&doc), [3], "{doc}");
}

#[test]
fn status_skips_only_the_bad_lines() {
    let out = run(&[
        "status",
        "fixtures/projects/kooperacja-makroregion-ii.toml",
        "--facts",
        "fixtures/invalid-facts/input-01-non-utf8-line-3.jsonl",
        "--on-error",
        "skip",
        "--as-of",
        "2020-09-30",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let warnings: Vec<&str> = stderr.lines().filter(|l| l.contains("line ")).collect();
    assert_eq!(warnings.len(), 2, "{stderr}");
    assert!(warnings[0].contains("line 3"), "{stderr}");
    assert!(warnings[1].contains("line 5"), "{stderr}");
}
