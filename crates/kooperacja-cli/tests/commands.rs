//! Every command in every format on both fixtures, run as the real binary from
//! the workspace root; the malformed-input corpus through the binary.
//!
//! Table output is frozen in Polish (the default) and, for `status`, also in
//! English; JSON is parsed back and checked, then frozen; CSV is checked for a
//! rectangular shape and frozen.

use std::process::{Command, Output};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

struct Fixture {
    name: &'static str,
    project: &'static str,
    facts: &'static str,
    as_of: &'static str,
    diff: [&'static str; 4],
}

const FIXTURES: [Fixture; 2] = [
    Fixture {
        name: "kooperacja",
        project: "fixtures/projects/kooperacja-makroregion-ii.toml",
        facts: "fixtures/facts/kooperacja-sample.jsonl",
        as_of: "2020-09-30",
        diff: ["--from", "umowa", "--to", "aneks"],
    },
    Fixture {
        name: "koordynacja",
        project: "fixtures/projects/koordynacja-kujawy-pomorze.toml",
        facts: "fixtures/facts/koordynacja-sample.jsonl",
        as_of: "2025-11-30",
        diff: ["--from", "umowa", "--to", "umowa"],
    },
];

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

/// The argument lists of every data command on a fixture, by name.
fn commands(f: &Fixture) -> Vec<(&'static str, Vec<&'static str>)> {
    let with_facts =
        |cmd: &'static str| vec![cmd, f.project, "--facts", f.facts, "--as-of", f.as_of];
    let mut diff = vec!["diff", f.project];
    diff.extend(f.diff);
    vec![
        ("status", with_facts("status")),
        ("indicators", with_facts("indicators")),
        ("milestones", with_facts("milestones")),
        ("budget", with_facts("budget")),
        ("groups", with_facts("groups")),
        ("territory", vec!["territory", f.project]),
        ("diff", diff),
        ("validate", vec!["validate", f.project, "--facts", f.facts]),
        (
            "facts-summary",
            vec!["facts", "summary", f.facts, "--project", f.project],
        ),
        ("facts-check", vec!["facts", "check", f.facts]),
    ]
}

#[test]
fn every_command_as_a_table() {
    for f in &FIXTURES {
        for (name, args) in commands(f) {
            let out = run(&args);
            assert_eq!(out.status.code(), Some(0), "{name}: {}", text(&out.stderr));
            assert_eq!(text(&out.stderr), "", "{name}");
            let stdout = text(&out.stdout);
            assert!(!stdout.contains('\x1b'), "no colour off a terminal");
            // Tables for people fit 80 columns; only validate and facts
            // commands print file paths and messages that may be longer.
            if !name.starts_with("validate") && !name.starts_with("facts-") {
                for line in stdout.lines() {
                    assert!(line.chars().count() <= 80, "{name}: {line:?}");
                }
            }
            insta::assert_snapshot!(format!("{}-{name}-table", f.name), stdout);
        }
    }
}

#[test]
fn every_command_as_csv() {
    for f in &FIXTURES {
        for (name, mut args) in commands(f) {
            args.extend(["--format", "csv"]);
            let out = run(&args);
            assert_eq!(out.status.code(), Some(0), "{name}: {}", text(&out.stderr));
            let csv = text(&out.stdout);
            assert!(csv.ends_with("\r\n"), "{name}: RFC 4180 line ends");
            // Rectangular: every record has as many fields as the header
            // (counting commas outside quotes; no field here spans lines).
            let fields = |line: &str| {
                let mut quoted = false;
                1 + line
                    .chars()
                    .filter(|&c| {
                        if c == '"' {
                            quoted = !quoted;
                        }
                        c == ',' && !quoted
                    })
                    .count()
            };
            let mut lines = csv.split("\r\n").filter(|l| !l.is_empty());
            let header = fields(lines.next().expect("a header row"));
            for line in lines {
                assert_eq!(fields(line), header, "{name}: {line}");
            }
            insta::assert_snapshot!(format!("{}-{name}-csv", f.name), csv);
        }
    }
}

#[test]
fn every_command_as_json() {
    for f in &FIXTURES {
        for (name, mut args) in commands(f) {
            args.extend(["--format", "json"]);
            let out = run(&args);
            assert_eq!(out.status.code(), Some(0), "{name}: {}", text(&out.stderr));
            let doc: serde_json::Value =
                serde_json::from_slice(&out.stdout).expect("the output parses as JSON");
            insta::assert_json_snapshot!(format!("{}-{name}-json", f.name), doc);
        }
    }
}

#[test]
fn json_values_agree_with_the_fixture() {
    let f = &FIXTURES[0];
    let json = |args: &[&str]| -> serde_json::Value {
        let mut args = args.to_vec();
        args.extend(["--format", "json"]);
        let out = run(&args);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        serde_json::from_slice(&out.stdout).expect("JSON")
    };
    let status = json(&["status", f.project, "--facts", f.facts, "--as-of", f.as_of]);
    let report = &status["report"];
    // SEED: B-01 (the total value, exact to the grosz, as a string)
    assert_eq!(report["budget"]["total"], "31604368.34");
    assert_eq!(report["version"], "aneks");
    assert_eq!(report["milestones"].as_array().map(Vec::len), Some(4));
    assert_eq!(status["validation"]["errors"], 0);
    let jst = report["indicators"]
        .as_array()
        .and_then(|a| a.iter().find(|i| i["id"] == "jst-piloted"))
        .expect("jst-piloted");
    assert_eq!(jst["status"], "achieved");

    let territory = json(&["territory", f.project]);
    assert_eq!(territory["counts"]["voivodeships"], 6);
    assert_eq!(territory["counts"]["powiats"], 20);
    assert_eq!(territory["counts"]["gminas"], 30);

    let groups = json(&["groups", f.project, "--as-of", f.as_of]);
    let pgr = groups["groups"]
        .as_array()
        .and_then(|a| a.iter().find(|g| g["code"] == "PGR"))
        .expect("PGR");
    assert_eq!(pgr["expected"], 20);

    let diff = json(&["diff", f.project]);
    assert_eq!(
        diff["from"], "umowa",
        "the default is the version before the last"
    );
    assert!(
        diff["changes"]
            .as_array()
            .is_some_and(|c| c.iter().any(|c| c["field"] == "period"))
    );
}

#[test]
fn status_in_english_and_polish_fits_80_columns() {
    for (f, lang) in [
        (&FIXTURES[0], "pl"),
        (&FIXTURES[0], "en"),
        (&FIXTURES[1], "pl"),
        (&FIXTURES[1], "en"),
    ] {
        let out = run(&[
            "status", f.project, "--facts", f.facts, "--as-of", f.as_of, "--lang", lang,
        ]);
        assert_eq!(out.status.code(), Some(0));
        let stdout = text(&out.stdout);
        for line in stdout.lines() {
            assert!(line.chars().count() <= 80, "{lang}: {line:?}");
        }
        if lang == "en" {
            insta::assert_snapshot!(format!("{}-status-table-en", f.name), stdout);
        }
    }
}

/// A copy of the kooperacja fixture with real-length texts where people write
/// them: a 100-character amendment label on every version, a long project
/// title, and organisation and other names each ending in a 90-character
/// word that cannot be wrapped at a space. Returns the copy's path.
fn long_texts_fixture() -> String {
    let dir = std::env::temp_dir().join(format!("kooperacja-cli-long-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("projects")).expect("temp dir");
    std::fs::create_dir_all(dir.join("teryt")).expect("temp dir");
    std::fs::copy(
        format!("{ROOT}/fixtures/teryt/TERC_Urzedowy_2025-11-18.csv"),
        dir.join("teryt/TERC_Urzedowy_2025-11-18.csv"),
    )
    .expect("copy the register");
    let label = "Aneks nr 3 do umowy o dofinansowanie projektu w ramach Programu Operacyjnego Wiedza Edukacja Rozwój!";
    assert_eq!(label.chars().count(), 100);
    let word = format!("Nazwa{}", "y".repeat(85));
    let text = std::fs::read_to_string(format!("{ROOT}/{}", FIXTURES[0].project)).expect("fixture");
    let mut edited = String::new();
    for line in text.lines() {
        let edited_line = if line.starts_with("label = ") {
            format!("label = \"{label}\"")
        } else if line.starts_with("title = \"Kooperacja") {
            format!(
                "title = \"{} {word}\"",
                "Bardzo długi tytuł projektu ".repeat(4).trim_end()
            )
        } else if let Some(rest) = line.strip_prefix("name = \"") {
            let name = rest.split('"').next().unwrap_or_default();
            format!("name = \"{name} {word}\"")
        } else {
            line.to_owned()
        };
        edited.push_str(&edited_line);
        edited.push('\n');
    }
    let path = dir.join("projects/long.toml");
    std::fs::write(&path, edited).expect("write");
    path.to_str().expect("utf-8 path").to_owned()
}

#[test]
fn every_table_fits_80_columns_with_long_labels_and_names() {
    let project = long_texts_fixture();
    let f = &FIXTURES[0];
    let with_facts = |cmd: &'static str| {
        vec![
            cmd,
            project.as_str(),
            "--facts",
            f.facts,
            "--as-of",
            f.as_of,
        ]
    };
    for lang in ["pl", "en"] {
        for mut args in [
            with_facts("status"),
            with_facts("indicators"),
            with_facts("milestones"),
            with_facts("budget"),
            with_facts("groups"),
            vec!["territory", project.as_str()],
            vec!["diff", project.as_str(), "--from", "umowa", "--to", "aneks"],
        ] {
            args.extend(["--lang", lang]);
            let out = run(&args);
            assert!(
                matches!(out.status.code(), Some(0 | 1)),
                "{args:?}: {}",
                text(&out.stderr)
            );
            let stdout = text(&out.stdout);
            assert!(stdout.contains("Nazwayyy"), "{args:?}: the names are shown");
            for line in stdout.lines() {
                assert!(line.chars().count() <= 80, "{args:?}: {line:?}");
            }
        }
    }
}

#[test]
fn lang_follows_the_environment() {
    let f = &FIXTURES[0];
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kooperacja"));
    cmd.args(["status", f.project, "--as-of", f.as_of])
        .current_dir(ROOT)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "en_GB.UTF-8");
    let out = cmd.output().expect("runs");
    assert!(text(&out.stdout).contains("Indicators"));
    let out = run(&["status", f.project, "--as-of", f.as_of]);
    assert!(text(&out.stdout).contains("Wskaźniki"), "Polish by default");
    assert!(text(&out.stdout).contains("31 604 368,34 zł"));
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let f = &FIXTURES[0];
    let always = run(&["status", f.project, "--as-of", f.as_of, "--color", "always"]);
    assert!(text(&always.stdout).contains("\x1b["));
    let never = run(&["status", f.project, "--as-of", f.as_of, "--color", "never"]);
    assert!(!text(&never.stdout).contains('\x1b'));
}

#[test]
fn status_check_exits_1_on_a_missed_indicator() {
    let f = &FIXTURES[0];
    // social-workers-coached is missed at 2020-09-30 (95 of 100 by 31.03.2019).
    let out = run(&[
        "status", f.project, "--facts", f.facts, "--as-of", f.as_of, "--check",
    ]);
    assert_eq!(out.status.code(), Some(1));
    // Early on nothing is missed yet.
    let out = run(&["status", f.project, "--as-of", "2018-05-01", "--check"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

#[test]
fn unknown_versions_and_usage_errors_exit_2() {
    let f = &FIXTURES[0];
    let out = run(&["diff", f.project, "--from", "nope", "--to", "aneks"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("umowa, aneks"),
        "{}",
        text(&out.stderr)
    );
    let out = run(&["status", f.project, "--as-of", "2020-02-30"]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["status"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn validate_with_facts_finds_what_does_not_fit_the_project() {
    let dir = std::env::temp_dir().join(format!("kooperacja-cli-commands-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let facts = dir.join("misfits.jsonl");
    std::fs::write(
        &facts,
        concat!(
            r#"{"id":"m1","date":"2019-02-05","by":"rops-torun","territory":"04","kind":"meeting","group":"XYZ","days":1,"participants":5}"#, "\n",
            r#"{"id":"m2","date":"2015-02-05","by":"rops-torun","territory":"14","kind":"meeting","group":"RGR","days":1,"participants":5}"#, "\n",
            r#"{"id":"r1","date":"2019-03-01","by":"nobody","kind":"retraction","retracts":"m9","reason":"x"}"#, "\n",
        ),
    )
    .expect("write");
    let out = run(&[
        "validate",
        FIXTURES[0].project,
        "--facts",
        facts.to_str().expect("utf-8"),
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let found: Vec<(u64, String)> = doc["facts"]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["line"].as_u64().expect("line"),
                f["code"].as_str().expect("code").to_owned(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (1, "fact.unknown-group".to_owned()),
            (2, "fact.date-outside".to_owned()),
            (2, "fact.territory-outside".to_owned()),
            (3, "fact.unknown-organisation".to_owned()),
            (3, "fact.retraction-unknown".to_owned()),
        ]
    );
}

#[test]
fn the_malformed_corpus_never_panics_and_is_located() {
    let mut parse_errors = 0;
    for entry in std::fs::read_dir(format!("{ROOT}/fixtures/invalid")).expect("corpus") {
        let path = entry.expect("entry").path();
        let rel = format!(
            "fixtures/invalid/{}",
            path.file_name().and_then(|n| n.to_str()).expect("name")
        );
        for args in [
            vec!["validate", rel.as_str()],
            vec!["status", rel.as_str(), "--as-of", "2020-01-01"],
        ] {
            let out = run(&args);
            let stderr = text(&out.stderr);
            assert!(!stderr.contains("panicked"), "{rel}: {stderr}");
            match out.status.code() {
                Some(2) => {
                    // A parse error: the file, line and column, and a caret.
                    assert!(stderr.contains(&format!("{rel}:")), "{rel}: {stderr}");
                    assert!(stderr.contains('^'), "{rel}: {stderr}");
                    parse_errors += 1;
                }
                // Validation refuses it (validate), or status shows it.
                Some(0 | 1) => assert!(stderr.is_empty(), "{rel}: {stderr}"),
                other => panic!("{rel}: exit {other:?}"),
            }
        }
    }
    assert!(
        parse_errors > 40,
        "the corpus has parse errors: {parse_errors}"
    );
}

#[test]
fn completions_and_version() {
    for shell in ["bash", "zsh", "fish"] {
        let out = run(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0));
        assert!(text(&out.stdout).contains("milestones"), "{shell}");
    }
    let out = run(&["--version"]);
    assert_eq!(
        text(&out.stdout),
        format!("kooperacja {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn every_command_has_help_with_an_example() {
    for cmd in [
        "status",
        "validate",
        "indicators",
        "milestones",
        "budget",
        "territory",
        "groups",
        "diff",
        "completions",
    ] {
        let out = run(&[cmd, "--help"]);
        assert_eq!(out.status.code(), Some(0));
        assert!(text(&out.stdout).contains("Example: kooperacja"), "{cmd}");
    }
    for cmd in ["check", "summary", "generate"] {
        let out = run(&["facts", cmd, "--help"]);
        assert!(
            text(&out.stdout).contains("Example: kooperacja facts"),
            "{cmd}"
        );
    }
}

#[test]
fn the_tools_own_messages_follow_the_language() {
    let out = run(&["status", "nope.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).starts_with("błąd: nie można odczytać nope.toml: "),
        "{}",
        text(&out.stderr)
    );
    let out = run(&["--lang", "en", "status", "nope.toml"]);
    assert!(
        text(&out.stderr).starts_with("error: cannot read nope.toml: "),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn an_unreadable_fact_file_still_shows_the_projects_findings() {
    let f = &FIXTURES[0];
    let out = run(&[
        "--lang",
        "en",
        "validate",
        f.project,
        "--facts",
        "no-such-facts.jsonl",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("cannot read no-such-facts.jsonl"));
    let stdout = text(&out.stdout);
    assert!(stdout.contains(f.project), "{stdout}");
    assert!(stdout.contains("budget.eu-rate-mismatch"), "{stdout}");
}

/// Spending above the plan is shown, not only computed: at the end of the
/// Kooperacja sample, 107.4 % of the project's value is spent and UMK is over
/// its own budget (issue 11: overspending was never flagged).
#[test]
fn status_and_budget_flag_spending_above_plan() {
    let f = &FIXTURES[0];
    for cmd in ["status", "budget"] {
        let out = run(&[
            cmd,
            f.project,
            "--facts",
            f.facts,
            "--as-of",
            "2022-12-31",
            "--lang",
            "en",
        ]);
        let stdout = text(&out.stdout);
        assert!(
            stdout.contains("execution.project-over-plan")
                && stdout.contains("execution.partner-over-plan  budget.partners[umk]"),
            "{cmd}:\n{stdout}"
        );
    }
}

/// A register with no powiat or gmina is refused by `facts generate` with a
/// message, where it panicked on an empty list (issue 11, class 5).
#[test]
fn facts_generate_refuses_a_register_without_units() {
    let dir = tempfile::tempdir().expect("temp dir");
    let terc = dir.path().join("terc.csv");
    std::fs::write(
        &terc,
        "WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA\n04;;;;KUJAWSKO-POMORSKIE;województwo;2025-01-01\n",
    )
    .expect("writable");
    let out = run(&[
        "facts",
        "generate",
        FIXTURES[1].project,
        "--teryt",
        terc.to_str().expect("utf-8 path"),
        "--count",
        "10",
    ]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("no powiat or gmina"), "{stderr}");
}
