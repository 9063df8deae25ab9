//! The `kooperacja indicators` and `kooperacja facts check` commands, run as a
//! real process from the workspace root.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
const KOOPERACJA: &str = "fixtures/projects/kooperacja-makroregion-ii.toml";
const KOORDYNACJA: &str = "fixtures/projects/koordynacja-kujawy-pomorze.toml";
const KOOPERACJA_FACTS: &str = "fixtures/facts/kooperacja-sample.jsonl";
const KOORDYNACJA_FACTS: &str = "fixtures/facts/koordynacja-sample.jsonl";

fn command(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kooperacja"));
    command
        .args(args)
        .current_dir(ROOT)
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    command
}

fn run(args: &[&str]) -> Output {
    command(args).output().expect("binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("utf-8")
}

/// A file with `text` in a fresh temporary directory of this test process.
fn temp_file(name: &str, text: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("kooperacja-cli-indicators-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

fn kooperacja_as_of(as_of: &str) -> Output {
    let out = run(&[
        "indicators",
        KOOPERACJA,
        "--facts",
        KOOPERACJA_FACTS,
        "--as-of",
        as_of,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
    out
}

/// Good deliverable records around one with an impossible date (line 3).
const ONE_BAD_RECORD: &str = concat!(
    r#"{"id":"model-1","date":"2019-03-20","by":"umk","kind":"deliverable","deliverable":"model","title":"Model"}"#,
    "\n",
    r#"{"id":"tools-1","date":"2019-03-25","by":"umk","kind":"deliverable","deliverable":"tool-package","title":"Narzędzia"}"#,
    "\n",
    r#"{"id":"report-1","date":"2020-02-30","by":"umk","kind":"deliverable","deliverable":"pilot-report","title":"Sprawozdanie"}"#,
    "\n",
    r#"{"id":"report-2","date":"2020-09-15","by":"umk","kind":"deliverable","deliverable":"pilot-report","title":"Sprawozdanie"}"#,
    "\n",
);

// ---------------------------------------------------------------------------
// indicators: tables

#[test]
fn kooperacja_at_the_end_of_km_i() {
    insta::assert_snapshot!(stdout(&kooperacja_as_of("2019-03-31")));
}

#[test]
fn kooperacja_at_the_end_of_km_ii() {
    insta::assert_snapshot!(stdout(&kooperacja_as_of("2020-09-30")));
}

#[test]
fn kooperacja_at_the_end_of_km_iv() {
    insta::assert_snapshot!(stdout(&kooperacja_as_of("2021-03-31")));
}

#[test]
fn koordynacja_with_its_register() {
    let out = run(&[
        "indicators",
        KOORDYNACJA,
        "--facts",
        KOORDYNACJA_FACTS,
        "--as-of",
        "2025-11-30",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
    insta::assert_snapshot!(stdout(&out));
}

#[test]
fn a_register_given_explicitly_gives_the_same_table() {
    let args = [
        "indicators",
        KOORDYNACJA,
        "--facts",
        KOORDYNACJA_FACTS,
        "--as-of",
        "2025-11-30",
    ];
    let default = run(&args);
    let explicit = run(&[
        &args[..],
        &["--teryt", "fixtures/teryt/TERC_Urzedowy_2025-11-18.csv"],
    ]
    .concat());
    assert_eq!(explicit.status.code(), Some(0), "{}", stderr(&explicit));
    assert_eq!(stdout(&explicit), stdout(&default));
}

// ---------------------------------------------------------------------------
// indicators: JSON

#[test]
fn kooperacja_as_json() {
    let out = run(&[
        "indicators",
        KOOPERACJA,
        "--facts",
        KOOPERACJA_FACTS,
        "--as-of",
        "2020-09-30",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    let indicators = doc.as_array().expect("an array of indicators");
    let rows: Vec<(&str, &str, &str, &str)> = indicators
        .iter()
        .map(|i| {
            (
                i["id"].as_str().expect("id"),
                i["value"].as_str().expect("value as a decimal string"),
                i["status"].as_str().expect("status"),
                i["due"].as_str().expect("due"),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("jst-piloted", "50", "achieved", "2020-09-30"),
            ("entities-cooperating", "303", "achieved", "2019-03-31"),
            ("models-developed", "1", "achieved", "2019-03-31"),
            ("social-workers-coached", "95", "missed", "2019-03-31"),
            ("pilot-reports", "0", "not-started", "2020-09-30"),
            ("summary-reports", "0", "not-started", "2020-12-31"),
            ("training-meetings", "0", "not-started", "2021-03-31"),
        ]
    );
    for i in indicators {
        for key in ["name", "kind", "unit", "rule"] {
            assert!(i[key].is_string(), "{key} in {i}");
        }
        assert!(i["target"].is_u64(), "target in {i}");
        assert!(i["forecast"].is_string(), "forecast in {i}");
        assert!(i["by_voivodeship"].is_array(), "by_voivodeship in {i}");
        assert!(i["by_partner"].is_array(), "by_partner in {i}");
        assert!(i["note"].is_null(), "note in {i}");
    }
    let piloted = &indicators[0];
    assert_eq!(piloted["target"], 50);
    assert_eq!(piloted["share_of_target"], "100 %");
    assert_eq!(piloted["rule"], r#"{"distinct":"jst","kind":["pilot"]}"#);
    // The 50 JST by voivodeship: the project's 20 powiats and 30 gminas.
    let by_voivodeship: Vec<(&str, &str)> = piloted["by_voivodeship"]
        .as_array()
        .expect("parts")
        .iter()
        .map(|p| {
            (
                p["key"].as_str().expect("key"),
                p["value"].as_str().expect("value"),
            )
        })
        .collect();
    assert_eq!(
        by_voivodeship,
        [
            ("22", "9"),
            ("30", "9"),
            ("04", "8"),
            ("08", "8"),
            ("28", "8"),
            ("32", "8"),
        ]
    );
}

#[test]
fn the_di_plan_share_without_a_register_is_not_evaluated() {
    // A copy of the FERS project without `territory.register`, so no register is
    // found.
    let text = std::fs::read_to_string(format!("{ROOT}/{KOORDYNACJA}")).expect("fixture");
    let line = "register = \"../teryt/TERC_Urzedowy_2025-11-18.csv\"\n";
    assert!(text.contains(line));
    let project = temp_file("koordynacja-no-register.toml", &text.replacen(line, "", 1));
    let out = run(&[
        "indicators",
        path_str(&project),
        "--facts",
        KOORDYNACJA_FACTS,
        "--as-of",
        "2025-11-30",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    let f11 = doc
        .as_array()
        .expect("array")
        .iter()
        .find(|i| i["id"] == "jst-di-plans")
        .expect("F-11");
    assert_eq!(f11["status"], "not-evaluated");
    assert!(f11["value"].is_null());
    assert!(
        f11["note"]
            .as_str()
            .expect("a note")
            .contains("needs the TERYT register"),
        "{f11}"
    );
}

// ---------------------------------------------------------------------------
// indicators: bad records

#[test]
fn a_bad_record_stops_with_exit_2_by_default() {
    let facts = temp_file("one-bad.jsonl", ONE_BAD_RECORD);
    let out = run(&[
        "indicators",
        KOOPERACJA,
        "--facts",
        path_str(&facts),
        "--as-of",
        "2020-09-30",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stdout(&out), "", "no report after a bad record");
    assert_eq!(
        stderr(&out),
        format!(
            "error: {}: line 3, field date: invalid date \"2020-02-30\": there is no such day in the calendar\n",
            facts.display()
        )
    );
    // `--on-error stop` is the default.
    let explicit = run(&[
        "indicators",
        KOOPERACJA,
        "--facts",
        path_str(&facts),
        "--as-of",
        "2020-09-30",
        "--on-error",
        "stop",
    ]);
    assert_eq!(explicit.status.code(), Some(2));
    assert_eq!(stderr(&explicit), stderr(&out));
}

#[test]
fn a_bad_record_is_skipped_with_a_warning() {
    let facts = temp_file("one-bad-skip.jsonl", ONE_BAD_RECORD);
    let out = run(&[
        "indicators",
        KOOPERACJA,
        "--facts",
        path_str(&facts),
        "--as-of",
        "2020-09-30",
        "--on-error",
        "skip",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        format!(
            "warning: {}: line 3, field date: invalid date \"2020-02-30\": there is no such day in the calendar (skipped)\n",
            facts.display()
        )
    );
    // The good records count: the model, and the pilot report of 15.09.2020.
    let table = stdout(&out);
    for row in [
        "  models-developed            1       1  100%  2019-03-31  achieved\n",
        "  pilot-reports               1       1  100%  2020-09-30  achieved\n",
    ] {
        assert!(table.contains(row), "{row:?} in\n{table}");
    }
}

#[test]
fn many_bad_records_are_listed_up_to_20_and_counted() {
    let mut text = String::new();
    for n in 1..=25 {
        text.push_str(&format!(
            "{{\"id\":\"bad-{n}\",\"date\":\"2020-02-30\",\"by\":\"umk\",\"kind\":\"deliverable\",\"deliverable\":\"model\",\"title\":\"M\"}}\n"
        ));
    }
    let facts = temp_file("many-bad.jsonl", &text);
    let out = run(&[
        "indicators",
        KOOPERACJA,
        "--facts",
        path_str(&facts),
        "--as-of",
        "2020-09-30",
        "--on-error",
        "skip",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 21, "{err}");
    assert!(lines[19].contains("line 20, field date"), "{err}");
    assert_eq!(lines[20], "warning: 25 bad records skipped in all");
}

#[test]
fn a_conflicting_repeat_is_excluded() {
    // The same id with other content: a conflict, named by id and line, and
    // excluded (counted in the report); the command goes on.
    let facts = temp_file(
        "conflict.jsonl",
        concat!(
            r#"{"id":"d-1","date":"2019-03-15","by":"umk","kind":"deliverable","deliverable":"model","title":"A"}"#,
            "\n",
            r#"{"id":"d-1","date":"2019-03-15","by":"umk","kind":"deliverable","deliverable":"model","title":"B"}"#,
            "\n",
        ),
    );
    let out = run(&[
        "indicators",
        KOOPERACJA,
        "--facts",
        path_str(&facts),
        "--as-of",
        "2019-03-31",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stderr(&out),
        format!(
            "warning: {}: line 2: fact \"d-1\" excluded: fact.id-conflict (validate --facts says why)\n",
            facts.display()
        )
    );
}

#[test]

fn a_conflicting_repeat_in_csv_names_its_line() {
    // The conflicting record is on line 3 (line 1 is the header).
    let facts = temp_file(
        "conflict.csv",
        "id,date,by,kind,deliverable,title\nd-1,2019-03-15,umk,deliverable,model,Model A\nd-1,2019-03-16,umk,deliverable,model,Model B\n",
    );
    let out = run(&[
        "indicators",
        KOOPERACJA,
        "--facts",
        path_str(&facts),
        "--as-of",
        "2019-03-31",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stderr(&out).contains(": line 3: fact \"d-1\" excluded: fact.id-conflict"),
        "{}",
        stderr(&out)
    );
}

/// Facts that do not fit the project (here: 25 dated in 2030) are excluded,
/// named on stderr (the first 20, then a total), and counted on a line of
/// `status`; the command does not stop.
#[test]
fn status_counts_the_excluded_facts() {
    let lines: Vec<String> = (0..25)
        .map(|i| {
            format!(
                r#"{{"id":"d{i}","date":"2030-01-01","by":"umk","kind":"deliverable","deliverable":"model","title":"M"}}"#
            )
        })
        .collect();
    let facts = temp_file("outside.jsonl", &lines.join("\n"));
    let out = run(&[
        "status",
        KOOPERACJA,
        "--facts",
        path_str(&facts),
        "--as-of",
        "2020-09-30",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Excluded facts: 25 ("),
        "{}",
        stdout(&out)
    );
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 21, "{err}");
    assert!(
        err.ends_with("warning: 25 facts excluded in all\n"),
        "{err}"
    );
}

// ---------------------------------------------------------------------------
// indicators: output into a closed pipe

/// Runs `args` with standard output into a pipe that is closed at once.
fn run_into_closed_pipe(args: &[&str]) -> (Option<i32>, String) {
    let mut child = command(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    drop(child.stdout.take());
    let mut err = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut err)
        .expect("utf-8");
    (child.wait().expect("exits").code(), err)
}

#[test]
fn a_closed_pipe_is_not_an_error_for_a_table() {
    let (code, err) = run_into_closed_pipe(&[
        "indicators",
        KOOPERACJA,
        "--facts",
        KOOPERACJA_FACTS,
        "--as-of",
        "2020-09-30",
    ]);
    assert_eq!((code, err.as_str()), (Some(0), ""));
}

#[test]

fn a_closed_pipe_is_not_an_error_for_json() {
    let (code, err) = run_into_closed_pipe(&[
        "indicators",
        KOOPERACJA,
        "--facts",
        KOOPERACJA_FACTS,
        "--as-of",
        "2020-09-30",
        "--format",
        "json",
    ]);
    assert_eq!((code, err.as_str()), (Some(0), ""));
}

// ---------------------------------------------------------------------------
// facts check

#[test]
fn facts_check_on_the_kooperacja_sample() {
    let out = run(&["facts", "check", KOOPERACJA_FACTS, "--project", KOOPERACJA]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
    insta::assert_snapshot!(stdout(&out));
}

#[test]
fn facts_check_on_the_koordynacja_sample_as_json() {
    let out = run(&[
        "facts",
        "check",
        "--format",
        "json",
        KOORDYNACJA_FACTS,
        "--project",
        KOORDYNACJA,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    assert_eq!(
        doc,
        serde_json::json!({
            "file": KOORDYNACJA_FACTS,
            "facts": 730,
            "by_kind": {"support": 490, "qualification": 200, "di-plan": 40},
            "bad_records": 0,
            "errors": [],
        })
    );
}

/// Two good records and three bad ones: an unknown kind (line 2), a field that
/// does not belong (line 4) and broken JSON (line 6); line 5 is blank.
const BAD_RECORDS: &str = concat!(
    r#"{"id":"m-1","date":"2019-03-20","by":"umk","kind":"deliverable","deliverable":"model","title":"Model"}"#,
    "\n",
    r#"{"id":"x-1","date":"2019-03-21","by":"umk","kind":"meting","group":"PGR"}"#,
    "\n",
    r#"{"id":"p-1","date":"2019-09-12","by":"rops-poznan","territory":"3026","kind":"pilot","jst":"3026"}"#,
    "\n",
    r#"{"id":"x-2","date":"2019-09-13","by":"rops-poznan","kind":"pilot","jst":"3026","person":"p-1"}"#,
    "\n",
    "\n",
    r#"{"id":"x-3","date":"2019-09-14""#,
    "\n",
);

#[test]
fn facts_check_lists_bad_records_by_line() {
    let facts = temp_file("bad-records.jsonl", BAD_RECORDS);
    let out = run(&["facts", "check", path_str(&facts), "--project", KOOPERACJA]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out).replace(path_str(&facts), "FILE");
    insta::assert_snapshot!(text);
    for needle in [
        "bad: line 2, field kind",
        "bad: line 4, field person",
        "bad: line 6",
    ] {
        assert!(text.contains(needle), "{needle} in\n{text}");
    }
}

#[test]
fn facts_check_as_json_gives_each_bad_records_line_and_field() {
    let facts = temp_file("bad-records-json.jsonl", BAD_RECORDS);
    let json = run(&[
        "facts",
        "check",
        "--format",
        "json",
        path_str(&facts),
        "--project",
        KOOPERACJA,
    ]);
    assert_eq!(json.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&json)).expect("valid JSON");
    assert_eq!(doc["facts"], 2);
    assert_eq!(doc["bad_records"], 3);
    let lines: Vec<(u64, Option<&str>)> = doc["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| (e["line"].as_u64().expect("line"), e["field"].as_str()))
        .collect();
    assert_eq!(lines, [(2, Some("kind")), (4, Some("person")), (6, None)]);
}

#[test]
fn facts_check_max_errors_lists_fewer_but_counts_all() {
    let facts = temp_file("bad-records-few.jsonl", BAD_RECORDS);
    let few = run(&[
        "facts",
        "check",
        "--max-errors",
        "1",
        path_str(&facts),
        "--project",
        KOOPERACJA,
    ]);
    assert_eq!(few.status.code(), Some(1));
    let text = stdout(&few);
    assert!(text.contains("2 facts, 3 bad records"), "{text}");
    assert_eq!(text.matches("  bad: ").count(), 1, "{text}");
    assert!(text.contains("  … and 2 more bad records\n"), "{text}");
}

#[test]
fn facts_check_on_a_missing_file_exits_2() {
    let out = run(&[
        "facts",
        "check",
        "no/such/facts.jsonl",
        "--project",
        KOOPERACJA,
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("error: cannot read no/such/facts.jsonl: "),
        "{}",
        stderr(&out)
    );
}

#[test]
fn facts_check_reads_csv() {
    let facts = temp_file(
        "deliverables.csv",
        concat!(
            "id,date,by,kind,deliverable,title\n",
            "model-1,2019-03-20,umk,deliverable,model,\"Model kooperacji, wersja \"\"1\"\"\"\n",
            "tools-1,2019-03-25,umk,deliverable,tool-package,Pakiet narzędzi\n",
            "report-1,2020-10-15,umk,deliverable,pilot-report,Sprawozdanie z pilotażu\n",
        ),
    );
    let out = run(&["facts", "check", path_str(&facts), "--project", KOOPERACJA]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(
        stdout(&out),
        format!(
            "{}: 3 facts, 0 bad records\n  deliverable             3\n",
            facts.display()
        )
    );

    // The same file feeds the indicators.
    let out = run(&[
        "indicators",
        KOOPERACJA,
        "--facts",
        path_str(&facts),
        "--as-of",
        "2021-03-31",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let table = stdout(&out);
    for row in [
        "  models-developed            1       1  100%  2019-03-31  achieved\n",
        "  pilot-reports               1       1  100%  2020-09-30  achieved\n",
    ] {
        assert!(table.contains(row), "{row:?} in\n{table}");
    }
}

#[test]
fn facts_check_counts_csv_lines_from_the_header() {
    let facts = temp_file(
        "bad-deliverables.csv",
        concat!(
            "id,date,by,kind,deliverable,title\n",
            "model-1,2019-03-20,umk,deliverable,model,Model\n",
            "bad-1,2020-13-01,umk,deliverable,model,X\n",
            "bad-2,2020-10-15,umk,deliverable,poem,X\n",
            "short,2020-10-15,umk\n",
        ),
    );
    let out = run(&["facts", "check", path_str(&facts), "--project", KOOPERACJA]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out).replace(path_str(&facts), "FILE");
    assert_eq!(
        text,
        concat!(
            "FILE: 1 fact, 3 bad records\n",
            "  deliverable             1\n",
            "  bad: line 3, field date: invalid date \"2020-13-01\": there is no such day in the calendar\n",
            "  bad: line 4, field deliverable: unknown deliverable \"poem\"; expected one of: model, pilot-report, summary-report, recommendation-book, tool-package, research-report, other\n",
            "  bad: line 5: 3 fields, but the header names 6\n",
        )
    );

    // An unknown column in the header stops the file at line 1.
    let header = temp_file(
        "bad-header.csv",
        "id,date,by,kind,deliverable,titel\nmodel-1,2019-03-20,umk,deliverable,model,Model\n",
    );
    let out = run(&["facts", "check", path_str(&header), "--project", KOOPERACJA]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains("0 facts, 1 bad record\n"), "{text}");
    assert!(
        text.contains("bad: line 1, field titel: unknown column \"titel\" in the header"),
        "{text}"
    );
}
