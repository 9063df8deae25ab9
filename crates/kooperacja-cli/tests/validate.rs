//! The `kooperacja validate` command, run as a real process from the workspace root.

use std::path::PathBuf;
use std::process::{Command, Output};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
const KOOPERACJA: &str = "fixtures/projects/kooperacja-makroregion-ii.toml";
const KOORDYNACJA: &str = "fixtures/projects/koordynacja-kujawy-pomorze.toml";

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kooperacja"))
        .args(args)
        .current_dir(ROOT)
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("utf-8")
}

/// A copy of a fixture with one edit, in a fresh temporary directory next to a
/// copy of the register it names.
fn edited_fixture(name: &str, from: &str, to: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("kooperacja-cli-test-{}-{name}", std::process::id()));
    let projects = dir.join("projects");
    std::fs::create_dir_all(&projects).expect("temp dir");
    std::fs::create_dir_all(dir.join("teryt")).expect("temp dir");
    std::fs::copy(
        format!("{ROOT}/fixtures/teryt/TERC_Urzedowy_2025-11-18.csv"),
        dir.join("teryt/TERC_Urzedowy_2025-11-18.csv"),
    )
    .expect("copy register");
    let text = std::fs::read_to_string(format!("{ROOT}/{KOOPERACJA}")).expect("fixture");
    assert!(text.contains(from), "the edit must apply");
    let path = projects.join(format!("{name}.toml"));
    std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
    path
}

#[test]
fn both_fixtures_as_a_table() {
    // Each fixture's findings are frozen once, in tests/commands.rs.
    let out = run(&["validate", KOOPERACJA, KOORDYNACJA]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with(&format!("{KOOPERACJA}\n")), "{text}");
    assert!(text.contains(&format!("\n{KOORDYNACJA}\n")), "{text}");
    assert!(
        text.contains("\n  0 errors, 2 warnings, 8 notes\n"),
        "{text}"
    );
    assert!(
        text.contains("\n  0 errors, 0 warnings, 2 notes\n"),
        "{text}"
    );
}

#[test]
fn both_fixtures_as_json() {
    let out = run(&["validate", "--format", "json", KOOPERACJA, KOORDYNACJA]);
    assert_eq!(out.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    let files = doc["files"].as_array().expect("files");
    assert_eq!(files.len(), 2);
    assert_eq!(files[0]["file"], KOOPERACJA);
    assert_eq!(files[0]["errors"], 0);
    let codes: Vec<&str> = files[0]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["code"].as_str())
        .collect();
    for code in [
        "name.as-written",
        "amount.as-written-repaired",
        "version.amended",
        "budget.eu-rate-mismatch",
        "territory.macroregions-incomplete",
        "indicator.plan-differs",
    ] {
        assert!(codes.contains(&code), "{code} missing from {codes:?}");
    }
    for finding in files[0]["findings"].as_array().expect("findings") {
        for key in ["code", "severity", "path", "message"] {
            assert!(finding[key].is_string(), "{key} in {finding}");
        }
    }
}

#[test]
fn an_error_finding_exits_1() {
    let path = edited_fixture(
        "pgr-count",
        "stated_count = 20\ntransforms_into",
        "stated_count = 19\ntransforms_into",
    );
    let out = run(&["validate", path.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains("error   groups.count-mismatch  groups[1].stated_count"),
        "{text}"
    );
    assert!(
        text.contains("PGR groups are stated as 19, but one per powiat gives 20"),
        "{text}"
    );
}

#[test]
fn a_parse_error_exits_2_with_its_location() {
    let path = edited_fixture(
        "bad-amount",
        "eu_contribution = \"10 094 619,62 zł\"",
        "eu_contribution = \"10 094 619, 62 zł\"",
    );
    let out = run(&["validate", path.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    let shown = err.replace(path.to_str().expect("utf-8"), "PROJECT");
    insta::assert_snapshot!(shown);
}

#[test]
fn every_file_is_checked_even_after_an_unreadable_one() {
    let out = run(&["validate", "no/such/file.toml", KOORDYNACJA]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stdout(&out).contains("koordynacja-kujawy-pomorze.toml"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_missing_file_exits_2() {
    let out = run(&["validate", "no/such/file.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("error: cannot read no/such/file.toml: "),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_register_can_be_given_explicitly() {
    let out = run(&[
        "validate",
        "--teryt",
        "fixtures/teryt/TERC_Urzedowy_2025-11-18.csv",
        KOORDYNACJA,
    ]);
    assert_eq!(out.status.code(), Some(0));
    let bad = run(&[
        "validate",
        "--teryt",
        "fixtures/teryt/SOURCE.md",
        KOORDYNACJA,
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("TERC register line 1: expected the header"),
        "{}",
        stderr(&bad)
    );
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&["validate"]).status.code(), Some(2));
    assert_eq!(run(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(
        run(&["validate", "--format", "xml", KOOPERACJA])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn version_and_help() {
    let out = run(&["--version"]);
    assert_eq!(
        stdout(&out),
        format!("kooperacja {}\n", env!("CARGO_PKG_VERSION"))
    );
    let help = stdout(&run(&["validate", "--help"]));
    assert!(
        help.contains("Example: kooperacja validate fixtures/projects/*.toml"),
        "{help}"
    );
}
