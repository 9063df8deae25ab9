//! `kooperacja claim` as the real binary: the claim of a period of the
//! Kooperacja fixture as a table, JSON and CSV (frozen), the schedule,
//! filing a claim and the correction a later retraction brings into the
//! next claim, and the refusals and errors a user meets.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
const PROJECT: &str = "fixtures/projects/kooperacja-makroregion-ii.toml";
const FACTS: &str = "fixtures/facts/kooperacja-sample.jsonl";
/// The period whose claim is frozen in the snapshots: it settles an
/// advance and lists documents with their numbers and VAT.
const PERIOD: &str = "2";

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kooperacja"))
        .args(args)
        .current_dir(ROOT)
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("NO_COLOR")
        .output()
        .expect("binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("utf-8")
}

/// Runs a command that must succeed and returns its standard output.
fn ok(args: &[&str]) -> String {
    let out = run(args);
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        text(&out.stderr)
    );
    text(&out.stdout)
}

fn json(args: &[&str]) -> Value {
    serde_json::from_str(&ok(args)).expect("JSON")
}

/// A run that must fail with `code` and a message on stderr, never a panic.
fn fails(args: &[&str], code: i32) -> String {
    let out = run(args);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(code), "{args:?}: {err}");
    assert!(!err.contains("panicked"), "{err}");
    err
}

#[test]
fn the_claim_of_a_period_as_a_table() {
    let out = ok(&["claim", PROJECT, "--facts", FACTS, "--period", PERIOD]);
    insta::assert_snapshot!("claim-table", out);
}

/// Claim 16 asks for a refund and has lines over their plan (warnings).
#[test]
fn a_refund_claim_with_lines_over_plan_as_a_table() {
    let out = ok(&["claim", PROJECT, "--facts", FACTS, "--period", "16"]);
    insta::assert_snapshot!("claim-16-table", out);
}

#[test]
fn the_claim_of_a_period_as_a_table_in_english() {
    let out = ok(&[
        "--lang", "en", "claim", PROJECT, "--facts", FACTS, "--period", PERIOD,
    ]);
    insta::assert_snapshot!("claim-table-en", out);
}

#[test]
fn the_claim_of_a_period_as_json_is_cores_claim() {
    let out = json(&[
        "claim", PROJECT, "--facts", FACTS, "--period", PERIOD, "--as", "json",
    ]);
    insta::assert_json_snapshot!("claim-json", out);
}

#[test]
fn the_claim_of_a_period_as_csv() {
    let out = ok(&[
        "claim", PROJECT, "--facts", FACTS, "--period", PERIOD, "--format", "csv",
    ]);
    let mut reader = csv::ReaderBuilder::new().from_reader(out.as_bytes());
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.expect("CSV record").iter().map(str::to_owned).collect())
        .collect();
    assert!(!rows.is_empty());
    insta::assert_snapshot!("claim-csv", out);
}

#[test]
fn the_schedule_lists_every_claim_with_its_status() {
    let out = ok(&["claim", PROJECT, "--facts", FACTS]);
    insta::assert_snapshot!("claim-schedule-table", out);
}

#[test]
fn the_schedule_as_json_has_a_draft_for_every_period() {
    let out = json(&["claim", PROJECT, "--facts", FACTS, "--as", "json"]);
    let claims = out["claims"].as_array().expect("claims");
    assert!(!claims.is_empty());
    assert!(claims.iter().all(|c| c["status"] == "draft"), "{out}");
}

#[test]
fn a_project_without_a_schedule_is_a_clear_error() {
    let err = fails(
        &[
            "claim",
            "fixtures/projects/koordynacja-kujawy-pomorze.toml",
            "--facts",
            "fixtures/facts/koordynacja-sample.jsonl",
        ],
        2,
    );
    assert!(err.contains("harmonogramu płatności"), "{err}");
}

#[test]
fn an_unknown_period_is_a_clear_error() {
    let err = fails(&["claim", PROJECT, "--facts", FACTS, "--period", "999"], 2);
    assert!(err.contains("nie ma okresu 999"), "{err}");
}

/// A scratch folder under the target directory, emptied.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

#[test]
fn a_filed_file_that_is_not_json_is_a_clear_error() {
    let dir = scratch("claim-bad-filed");
    let filed = dir.join("filed.json");
    std::fs::write(&filed, "{ not json").expect("written");
    let err = fails(
        &[
            "claim",
            PROJECT,
            "--facts",
            FACTS,
            "--period",
            "1",
            "--filed",
            filed.to_str().expect("path"),
        ],
        2,
    );
    assert!(err.contains("filed.json"), "{err}");
    assert!(err.contains("nie jest plik złożonych wniosków"), "{err}");
}

#[test]
fn a_filed_file_of_another_project_is_refused() {
    let dir = scratch("claim-other-project");
    let filed = dir.join("filed.json");
    let path = filed.to_str().expect("path");
    let base = ["claim", PROJECT, "--facts", FACTS, "--period", "1"];
    let mut args = base.to_vec();
    args.extend(["--filed", path, "--file", "--on", "2018-07-10"]);
    ok(&args);
    let other = std::fs::read_to_string(&filed)
        .expect("filed file")
        .replace("\"project\": \"", "\"project\": \"other-");
    std::fs::write(&filed, other).expect("written");
    let mut args = base.to_vec();
    args.extend(["--filed", path]);
    let err = fails(&args, 2);
    assert!(err.contains("other-"), "{err}");
}

#[test]
fn file_needs_a_period_and_a_filed_file() {
    let err = fails(&["claim", PROJECT, "--facts", FACTS, "--file"], 2);
    assert!(err.contains("--period"), "{err}");
}

#[test]
fn filing_out_of_order_is_refused_and_writes_nothing() {
    let dir = scratch("claim-out-of-order");
    let filed = dir.join("filed.json");
    let err = fails(
        &[
            "claim",
            PROJECT,
            "--facts",
            FACTS,
            "--period",
            "2",
            "--filed",
            filed.to_str().expect("path"),
            "--file",
            "--on",
            "2018-10-10",
        ],
        1,
    );
    assert!(err.contains("przed wnioskiem nr 1"), "{err}");
    assert!(!filed.exists());
}

#[test]
fn filing_twice_is_refused() {
    let dir = scratch("claim-twice");
    let filed = dir.join("filed.json");
    let args = [
        "claim",
        PROJECT,
        "--facts",
        FACTS,
        "--period",
        "1",
        "--filed",
        filed.to_str().expect("path"),
        "--file",
        "--on",
        "2018-07-10",
    ];
    ok(&args);
    let before = std::fs::read(&filed).expect("filed file");
    let err = fails(&args, 1);
    assert!(err.contains("jest już złożony"), "{err}");
    assert_eq!(std::fs::read(&filed).expect("filed file"), before);
}

/// Files claim 1, then appends to the facts the retraction of an
/// expenditure fact claim 1 counted: claim 1 stays as filed, and claim 2
/// carries a correction of claim 1 naming the retracted fact.
#[test]
fn a_retraction_after_filing_shows_as_a_correction_in_the_next_claim() {
    let dir = scratch("claim-correction");
    let filed = dir.join("filed.json");
    let facts = dir.join("facts.jsonl");
    std::fs::copy(Path::new(ROOT).join(FACTS), &facts).expect("facts copied");
    let (filed_s, facts_s) = (filed.to_str().expect("path"), facts.to_str().expect("path"));
    let claim = |n: &'static str| -> Vec<&str> {
        vec![
            "claim", PROJECT, "--facts", facts_s, "--period", n, "--filed", filed_s, "--as", "json",
        ]
    };
    let mut file1 = claim("1");
    file1.extend(["--file", "--on", "2018-07-10"]);
    let as_filed = json(&file1);
    assert_eq!(as_filed["status"], "filed");
    let documents = as_filed["documents"].as_array().expect("documents");
    let retracted = documents
        .first()
        .and_then(|d| d["fact"].as_str())
        .expect("claim 1 lists an expenditure document")
        .to_owned();
    let by = std::fs::read_to_string(&facts)
        .expect("facts")
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .find(|f| f["id"] == retracted.as_str())
        .and_then(|f| f["by"].as_str().map(str::to_owned))
        .expect("the retracted fact is in the file");
    let retraction = serde_json::json!({
        "id": "claim-test-retraction",
        "date": "2018-08-01",
        "by": by,
        "kind": "retraction",
        "retracts": retracted,
        "reason": "a document counted twice",
    });
    let mut all = std::fs::read_to_string(&facts).expect("facts");
    if !all.ends_with('\n') {
        all.push('\n');
    }
    all.push_str(&retraction.to_string());
    all.push('\n');
    std::fs::write(&facts, all).expect("facts written");

    // The findings are not kept in the file of filed claims; every figure is.
    let figures = |mut claim: Value| {
        claim.as_object_mut().map(|o| o.remove("findings"));
        claim
    };
    assert_eq!(
        figures(json(&claim("1"))),
        figures(as_filed),
        "a filed claim never changes"
    );
    let next = json(&claim("2"));
    let corrections = next["corrections"].as_array().expect("corrections");
    let of_retracted: Vec<&Value> = corrections
        .iter()
        .filter(|c| {
            c["retracted"]
                .as_array()
                .is_some_and(|r| r.iter().any(|id| id == retracted.as_str()))
        })
        .collect();
    assert!(!of_retracted.is_empty(), "{next}");
    assert!(of_retracted.iter().all(|c| c["corrects"] == 1), "{next}");
    let table = ok(&[
        "claim", PROJECT, "--facts", facts_s, "--period", "2", "--filed", filed_s,
    ]);
    assert!(table.contains("Korekty"), "{table}");
}
