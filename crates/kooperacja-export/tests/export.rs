//! `kooperacja-export` run as a real process: JSON and CSV for both fixtures at
//! two dates (snapshots), refusal on error findings, `--force` warnings, and
//! whole-or-nothing writes.

mod common;

use common::{CASES, ROOT, export_ok, refused_then_forced, run, temp_dir, text};

/// Validates a report against `docs/report.schema.json`, the published JSON
/// Schema (itself checked against the types by core's tests).
fn assert_matches_schema(doc: &serde_json::Value) {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{ROOT}/docs/report.schema.json")).expect("schema"),
    )
    .expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    let errors: Vec<String> = validator
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "the report breaks its schema:\n{}",
        errors.join("\n")
    );
}

/// The schema is not vacuous: a report with an amount as a number, or with
/// a key missing, fails it.
#[test]
fn the_report_schema_rejects_wrong_reports() {
    let dir = temp_dir("schema");
    let path = dir.join("report.json");
    let out = run(&[
        CASES[0].1,
        "--as-of",
        "2020-09-30",
        "--format",
        "json",
        "-o",
        path.to_str().expect("utf-8"),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("written")).expect("JSON");
    assert_matches_schema(&doc);
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{ROOT}/docs/report.schema.json")).expect("schema"),
    )
    .expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    let mut float_amount = doc.clone();
    float_amount["budget"]["total"] = serde_json::json!(31604368.34);
    assert!(!validator.is_valid(&float_amount), "an amount as a float");
    let mut no_period = doc.clone();
    no_period.as_object_mut().expect("object").remove("period");
    assert!(!validator.is_valid(&no_period), "a missing key");
    let mut bad_date = doc;
    bad_date["milestones"][0]["period"]["start"] = serde_json::json!("01.04.2018");
    assert!(
        !validator.is_valid(&bad_date),
        "a Polish date where ISO is written"
    );
}

#[test]
fn json_and_csv_for_both_fixtures_at_two_dates() {
    for (name, project, facts, dates) in CASES {
        for as_of in dates {
            let dir = temp_dir(&format!("{name}-{as_of}"));
            let json_path = dir.join("report.json");
            export_ok(project, facts, as_of, "json", &json_path, &[]);
            let doc: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&json_path).expect("written"))
                    .expect("JSON");
            assert_eq!(doc["as_of"], as_of);
            assert_matches_schema(&doc);
            insta::assert_json_snapshot!(format!("{name}-{as_of}-json"), doc);

            let csv_dir = dir.join("csv");
            export_ok(project, facts, as_of, "csv", &csv_dir, &[]);
            for table in ["indicators", "milestones", "budget", "territory", "facts"] {
                let csv = std::fs::read_to_string(csv_dir.join(format!("{table}.csv")))
                    .expect("one file per table");
                assert!(csv.ends_with("\r\n"), "{table}: RFC 4180 line ends");
                insta::assert_snapshot!(format!("{name}-{as_of}-{table}-csv"), csv);
            }
            assert!(!csv_dir.join("WARNING.txt").exists());
        }
    }
}

#[test]
fn a_project_with_error_findings_is_refused_unless_forced() {
    let dir = temp_dir("refused");
    let out_path = dir.join("out.json");
    refused_then_forced(&dir, "json", &out_path);
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out_path).expect("written")).expect("JSON");
    assert!(
        doc["warning"]
            .as_str()
            .is_some_and(|w| w.starts_with("OSTRZEŻENIE: wyeksportowano z opcją --force"))
    );
    assert!(doc["report"]["indicators"].is_array());
}

#[test]
fn a_parse_error_is_located_and_writes_nothing() {
    let dir = temp_dir("parse");
    let out_path = dir.join("out.json");
    let out = run(&[
        "fixtures/invalid/01-unclosed-string.toml",
        "--format",
        "json",
        "-o",
        out_path.to_str().expect("utf-8"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(" --> fixtures/invalid/01-unclosed-string.toml:4:17\n"),
        "{stderr}"
    );
    assert!(stderr.contains('^'));
    assert!(!out_path.exists());
}

#[test]
fn a_write_replaces_the_old_file_whole() {
    let dir = temp_dir("atomic");
    let path = dir.join("x.csv");
    std::fs::write(&path, "old").expect("write");
    kooperacja_export::write_atomically(&path, b"new contents").expect("written");
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        "new contents"
    );
    // No temporary file is left beside it.
    let names: Vec<_> = std::fs::read_dir(&dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    // A write into a missing directory fails and leaves nothing.
    assert!(kooperacja_export::write_atomically(&dir.join("missing/x.csv"), b"x").is_err());
}
