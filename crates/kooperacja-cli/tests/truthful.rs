//! Amounts the sources do not publish, as the command line shows them: the
//! catalogue's word for unknown in tables, `unknown` in CSV, `null` in the
//! report's JSON; never another version's figure.

use std::path::PathBuf;
use std::process::{Command, Output};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
const KOOPERACJA: &str = "fixtures/projects/kooperacja-makroregion-ii.toml";

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kooperacja"))
        .args(args)
        .current_dir(ROOT)
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("NO_COLOR", "1")
        .output()
        .expect("binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8")
}

/// The Kooperacja fixture with its amended EU contribution stated as unknown,
/// in a fresh temporary directory next to a copy of its register.
fn unknown_eu(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "kooperacja-cli-truthful-{}-{name}",
        std::process::id()
    ));
    let projects = dir.join("projects");
    std::fs::create_dir_all(&projects).expect("temp dir");
    // The fixture names its register relative to itself.
    std::fs::create_dir_all(dir.join("teryt")).expect("temp dir");
    std::fs::copy(
        format!("{ROOT}/fixtures/teryt/TERC_Urzedowy_2025-11-18.csv"),
        dir.join("teryt/TERC_Urzedowy_2025-11-18.csv"),
    )
    .expect("copy register");
    let text = std::fs::read_to_string(format!("{ROOT}/{KOOPERACJA}")).expect("fixture");
    let from = "eu_contribution = \"26 736 161,63 zł\"";
    assert!(text.contains(from), "the edit must apply");
    let path = projects.join(format!("{name}.toml"));
    std::fs::write(
        &path,
        text.replacen(from, "eu_contribution = \"unknown\"", 1),
    )
    .expect("write");
    path
}

fn path_str(path: &std::path::Path) -> &str {
    path.to_str().expect("utf-8 path")
}

#[test]
fn budget_shows_an_unknown_eu_contribution_as_unknown_in_both_languages() {
    let path = unknown_eu("case-1");
    for (lang, word) in [("pl", "nieznana"), ("en", "unknown")] {
        let out = run(&[
            "budget",
            path_str(&path),
            "--as-of",
            "2020-09-30",
            "--lang",
            lang,
        ]);
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        let text = stdout(&out);
        let line = text
            .lines()
            .find(|l| {
                l.contains(if lang == "pl" {
                    "Wkład UE"
                } else {
                    "EU contribution"
                })
            })
            .unwrap_or_else(|| panic!("an EU line in {text}"));
        assert!(line.trim_end().ends_with(word), "{line:?}");
        assert!(
            !text.contains("26 736 161,63"),
            "another figure shown:\n{text}"
        );
        assert!(
            !text.contains("10 094 619,62"),
            "another version's figure:\n{text}"
        );
    }
}

#[test]
fn status_shows_an_unknown_eu_contribution_as_unknown() {
    let path = unknown_eu("case-2");
    let out = run(&[
        "status",
        path_str(&path),
        "--as-of",
        "2020-09-30",
        "--lang",
        "en",
    ]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let text = stdout(&out);
    let line = text
        .lines()
        .find(|l| l.contains("EU contribution"))
        .unwrap_or_else(|| panic!("an EU line in {text}"));
    assert!(line.trim_end().ends_with("unknown"), "{line:?}");
}

#[test]
fn the_report_json_has_null_and_the_csv_the_word_unknown() {
    let path = unknown_eu("case-3");
    let out = run(&[
        "status",
        path_str(&path),
        "--as-of",
        "2020-09-30",
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(
        json["report"]["budget"]["eu_contribution"],
        serde_json::Value::Null
    );
    assert_eq!(json["report"]["budget"]["total"], "31604368.34");
    let out = run(&[
        "status",
        path_str(&path),
        "--as-of",
        "2020-09-30",
        "--format",
        "csv",
    ]);
    let csv = stdout(&out);
    assert!(
        csv.lines()
            .any(|l| l.starts_with("budget,") && l.ends_with(",eu_contribution,unknown")),
        "{csv}"
    );
}

/// The Kooperacja fixture with its first milestone stated to the month.
fn month_milestone(name: &str) -> PathBuf {
    let path = unknown_eu(name);
    let text = std::fs::read_to_string(&path).expect("written");
    let from = "period = { start = 2018-04-01, end = 2019-03-31 }";
    assert!(text.contains(from), "the edit must apply");
    std::fs::write(
        &path,
        text.replacen(
            from,
            "period = { start = \"2018-04\", end = \"2019-03\" }",
            1,
        ),
    )
    .expect("write");
    path
}

#[test]
fn milestones_stated_to_the_month_are_shown_as_months() {
    let path = month_milestone("case-4");
    for (lang, shown) in [("pl", "04.2018 – 03.2019"), ("en", "2018-04 – 2019-03")] {
        let out = run(&[
            "milestones",
            path_str(&path),
            "--as-of",
            "2019-01-31",
            "--lang",
            lang,
        ]);
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        let text = stdout(&out);
        assert!(text.contains(shown), "{lang}: no {shown:?} in\n{text}");
    }
}
