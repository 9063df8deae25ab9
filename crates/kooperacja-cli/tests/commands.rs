//! Every command in every format on both fixtures, run as the real binary from
//! the workspace root; the malformed-input corpus through the binary.
//!
//! One test per fixture, command and format: a table is frozen in Polish (the
//! default) and, for `status`, also in English; CSV is read back with the `csv`
//! crate and frozen; JSON is parsed back and frozen, but for `status`, whose
//! `report` is checked to be core's report as it is (that report is frozen
//! once, in the exporter's JSON snapshot).

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

/// The argument list of a data command on a fixture.
fn args(f: &Fixture, name: &str) -> Vec<&'static str> {
    let with_facts =
        |cmd: &'static str| vec![cmd, f.project, "--facts", f.facts, "--as-of", f.as_of];
    match name {
        "status" | "indicators" | "milestones" | "budget" | "groups" => with_facts(match name {
            "status" => "status",
            "indicators" => "indicators",
            "milestones" => "milestones",
            "budget" => "budget",
            _ => "groups",
        }),
        "territory" => vec!["territory", f.project],
        "diff" => {
            let mut diff = vec!["diff", f.project];
            diff.extend(f.diff);
            diff
        }
        "validate" => vec!["validate", f.project, "--facts", f.facts],
        "facts-summary" => vec!["facts", "summary", f.facts, "--project", f.project],
        "facts-check" => vec!["facts", "check", f.facts, "--project", f.project],
        other => panic!("no command {other:?}"),
    }
}

/// The command as a table: exit 0, nothing on stderr, no colour off a
/// terminal, 80 columns (but for `validate` and `facts`, which print paths
/// and messages), frozen.
fn as_table(f: &Fixture, name: &str) {
    let out = run(&args(f, name));
    assert_eq!(out.status.code(), Some(0), "{name}: {}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "", "{name}");
    let stdout = text(&out.stdout);
    assert!(!stdout.contains('\x1b'), "no colour off a terminal");
    if !name.starts_with("validate") && !name.starts_with("facts-") {
        for line in stdout.lines() {
            assert!(line.chars().count() <= 80, "{name}: {line:?}");
        }
    }
    insta::assert_snapshot!(format!("{}-{name}-table", f.name), stdout);
}

/// The command as CSV: read back with the `csv` crate as RFC 4180 (CRLF line
/// ends, every record as long as the header), frozen.
fn as_csv(f: &Fixture, name: &str) {
    let mut args = args(f, name);
    args.extend(["--format", "csv"]);
    let out = run(&args);
    assert_eq!(out.status.code(), Some(0), "{name}: {}", text(&out.stderr));
    let csv = text(&out.stdout);
    assert!(csv.ends_with("\r\n"), "{name}: RFC 4180 line ends");
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(csv.as_bytes());
    let header = reader.headers().expect("a header row").len();
    for record in reader.records() {
        let record = record.expect("every record as long as the header");
        assert_eq!(record.len(), header, "{name}");
    }
    insta::assert_snapshot!(format!("{}-{name}-csv", f.name), csv);
}

/// The command as JSON: it parses, and is frozen.
fn as_json(f: &Fixture, name: &str) {
    let doc = json_of(&args(f, name));
    insta::assert_json_snapshot!(format!("{}-{name}-json", f.name), doc);
}

/// One test per fixture, command and format.
macro_rules! formats {
    ($($test:ident => ($fixture:expr, $command:tt)),* $(,)?) => {
        $(
            mod $test {
                #[test]
                fn table() {
                    super::as_table(&$fixture, $command);
                }
                #[test]
                fn csv() {
                    super::as_csv(&$fixture, $command);
                }
                formats!(@json $fixture, $command);
            }
        )*
    };
    (@json $fixture:expr, "status") => {
        #[test]
        fn json_is_cores_report() {
            super::status_json_is_cores_report(&$fixture);
        }
    };
    (@json $fixture:expr, $command:tt) => {
        #[test]
        fn json() {
            super::as_json(&$fixture, $command);
        }
    };
}

formats! {
    kooperacja_status => (super::FIXTURES[0], "status"),
    kooperacja_indicators => (super::FIXTURES[0], "indicators"),
    kooperacja_milestones => (super::FIXTURES[0], "milestones"),
    kooperacja_budget => (super::FIXTURES[0], "budget"),
    kooperacja_groups => (super::FIXTURES[0], "groups"),
    kooperacja_territory => (super::FIXTURES[0], "territory"),
    kooperacja_diff => (super::FIXTURES[0], "diff"),
    kooperacja_validate => (super::FIXTURES[0], "validate"),
    kooperacja_facts_summary => (super::FIXTURES[0], "facts-summary"),
    kooperacja_facts_check => (super::FIXTURES[0], "facts-check"),
    koordynacja_status => (super::FIXTURES[1], "status"),
    koordynacja_indicators => (super::FIXTURES[1], "indicators"),
    koordynacja_milestones => (super::FIXTURES[1], "milestones"),
    koordynacja_budget => (super::FIXTURES[1], "budget"),
    koordynacja_groups => (super::FIXTURES[1], "groups"),
    koordynacja_territory => (super::FIXTURES[1], "territory"),
    koordynacja_diff => (super::FIXTURES[1], "diff"),
    koordynacja_validate => (super::FIXTURES[1], "validate"),
    koordynacja_facts_summary => (super::FIXTURES[1], "facts-summary"),
    koordynacja_facts_check => (super::FIXTURES[1], "facts-check"),
}

/// The report core computes for a fixture, serialised: what `status --format
/// json` must carry under `report` (the report itself is frozen once, in the
/// exporter's JSON snapshot).
fn cores_report(f: &Fixture) -> serde_json::Value {
    use kooperacja_core::facts::{FactReader, Format};
    let project = kooperacja_core::parse::parse_project(
        &std::fs::read_to_string(format!("{ROOT}/{}", f.project)).expect("the fixture"),
    )
    .expect("the fixture parses");
    let register = project.territory.register.as_ref().map(|rel| {
        let dir = std::path::Path::new(ROOT).join(f.project);
        let path = dir.parent().expect("a folder").join(rel);
        kooperacja_core::territory::Register::parse_terc(
            &std::fs::read_to_string(path).expect("the register"),
        )
        .expect("the register parses")
    });
    let facts = std::fs::File::open(format!("{ROOT}/{}", f.facts)).expect("the facts");
    let key = kooperacja_core::pseudonym::PseudonymKey::from_bytes([7; 32]);
    let vocabulary = std::sync::Arc::clone(project.vocabulary());
    let mut engine =
        kooperacja_core::engine::Engine::new(project, register.map(std::sync::Arc::new));
    for fact in FactReader::new(
        std::io::BufReader::new(facts),
        Format::JsonLines,
        vocabulary,
        key,
    ) {
        engine.apply(&fact.expect("the sample's facts are good"));
    }
    let as_of = kooperacja_core::period::parse_date(f.as_of).expect("a date");
    serde_json::to_value(engine.report(as_of)).expect("the report serialises")
}

/// `status --format json` is core's report as it is, beside the counts of the
/// plan's findings.
fn status_json_is_cores_report(f: &Fixture) {
    let mut args = args(f, "status");
    args.extend(["--format", "json"]);
    let doc = json_of(&args);
    assert_eq!(doc["report"], cores_report(f));
    let validation = doc["validation"].as_object().expect("validation counts");
    let keys: Vec<&str> = validation.keys().map(String::as_str).collect();
    assert_eq!(keys, ["errors", "warnings", "infos"]);
}

fn json_of(args: &[&str]) -> serde_json::Value {
    let mut args = args.to_vec();
    if !args.contains(&"--format") {
        args.extend(["--format", "json"]);
    }
    let out = run(&args);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("the output parses as JSON")
}

fn kooperacja_status_json() -> serde_json::Value {
    let f = &FIXTURES[0];
    json_of(&["status", f.project, "--facts", f.facts, "--as-of", f.as_of])
}

#[test]
fn status_json_keeps_the_total_value_exact_to_the_grosz() {
    // SEED: B-01 (the total value, exact to the grosz, as a string)
    assert_eq!(
        kooperacja_status_json()["report"]["budget"]["total"],
        "31604368.34"
    );
}

#[test]
fn status_json_names_the_version_in_force_and_its_milestones() {
    let status = kooperacja_status_json();
    assert_eq!(status["report"]["version"], "aneks");
    assert_eq!(
        status["report"]["milestones"].as_array().map(Vec::len),
        Some(4)
    );
}

#[test]
fn status_json_counts_no_error_in_the_kooperacja_plan() {
    assert_eq!(kooperacja_status_json()["validation"]["errors"], 0);
}

#[test]
fn status_json_gives_machine_names_of_statuses() {
    let status = kooperacja_status_json();
    let jst = status["report"]["indicators"]
        .as_array()
        .and_then(|a| a.iter().find(|i| i["id"] == "jst-piloted"))
        .expect("jst-piloted");
    assert_eq!(jst["status"], "achieved");
}

#[test]
fn territory_json_counts_the_units() {
    let territory = json_of(&["territory", FIXTURES[0].project]);
    assert_eq!(territory["counts"]["voivodeships"], 6);
    assert_eq!(territory["counts"]["powiats"], 20);
    assert_eq!(territory["counts"]["gminas"], 30);
}

#[test]
fn groups_json_gives_the_expected_number_of_groups() {
    let f = &FIXTURES[0];
    let groups = json_of(&["groups", f.project, "--as-of", f.as_of]);
    let pgr = groups["groups"]
        .as_array()
        .and_then(|a| a.iter().find(|g| g["code"] == "PGR"))
        .expect("PGR");
    assert_eq!(pgr["expected"], 20);
}

#[test]
fn diff_json_compares_with_the_version_before_the_last_by_default() {
    let diff = json_of(&["diff", FIXTURES[0].project]);
    assert_eq!(diff["from"], "umowa");
    assert!(
        diff["changes"]
            .as_array()
            .is_some_and(|c| c.iter().any(|c| c["field"] == "period"))
    );
}

/// `status` in a language fits 80 columns.
fn status_fits_80_columns(f: &Fixture, lang: &str) -> String {
    let out = run(&[
        "status", f.project, "--facts", f.facts, "--as-of", f.as_of, "--lang", lang,
    ]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    for line in stdout.lines() {
        assert!(line.chars().count() <= 80, "{lang}: {line:?}");
    }
    stdout
}

#[test]
fn kooperacja_status_in_polish_fits_80_columns() {
    status_fits_80_columns(&FIXTURES[0], "pl");
}

#[test]
fn koordynacja_status_in_polish_fits_80_columns() {
    status_fits_80_columns(&FIXTURES[1], "pl");
}

#[test]
fn kooperacja_status_in_english() {
    let stdout = status_fits_80_columns(&FIXTURES[0], "en");
    insta::assert_snapshot!("kooperacja-status-table-en", stdout);
}

#[test]
fn koordynacja_status_in_english() {
    let stdout = status_fits_80_columns(&FIXTURES[1], "en");
    insta::assert_snapshot!("koordynacja-status-table-en", stdout);
}

/// A copy of the kooperacja fixture with real-length texts where people write
/// them: a 100-character amendment label on every version, a long project
/// title, and organisation and other names each ending in a 90-character
/// word that cannot be wrapped at a space. Returns the copy's path.
fn long_texts_fixture() -> String {
    // Made once per test process: the tests that read it run in parallel.
    static MADE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    MADE.get_or_init(make_long_texts_fixture).clone()
}

fn make_long_texts_fixture() -> String {
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

/// A command on the long-texts copy fits 80 columns and shows the names.
fn fits_80_columns_with_long_texts(command: &str, lang: &str) {
    let project = long_texts_fixture();
    let f = &FIXTURES[0];
    let mut args = vec![command, project.as_str()];
    match command {
        "territory" => {}
        "diff" => args.extend(["--from", "umowa", "--to", "aneks"]),
        _ => args.extend(["--facts", f.facts, "--as-of", f.as_of]),
    }
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

/// One test per command and language.
macro_rules! long_texts {
    ($($test:ident => ($command:literal, $lang:literal)),* $(,)?) => {
        $(
            #[test]
            fn $test() {
                fits_80_columns_with_long_texts($command, $lang);
            }
        )*
    };
}

long_texts! {
    status_fits_80_columns_with_long_texts_in_polish => ("status", "pl"),
    status_fits_80_columns_with_long_texts_in_english => ("status", "en"),
    indicators_fit_80_columns_with_long_texts_in_polish => ("indicators", "pl"),
    indicators_fit_80_columns_with_long_texts_in_english => ("indicators", "en"),
    milestones_fit_80_columns_with_long_texts_in_polish => ("milestones", "pl"),
    milestones_fit_80_columns_with_long_texts_in_english => ("milestones", "en"),
    budget_fits_80_columns_with_long_texts_in_polish => ("budget", "pl"),
    budget_fits_80_columns_with_long_texts_in_english => ("budget", "en"),
    groups_fit_80_columns_with_long_texts_in_polish => ("groups", "pl"),
    groups_fit_80_columns_with_long_texts_in_english => ("groups", "en"),
    territory_fits_80_columns_with_long_texts_in_polish => ("territory", "pl"),
    territory_fits_80_columns_with_long_texts_in_english => ("territory", "en"),
    diff_fits_80_columns_with_long_texts_in_polish => ("diff", "pl"),
    diff_fits_80_columns_with_long_texts_in_english => ("diff", "en"),
}

#[test]
fn an_english_lang_variable_gives_english() {
    let f = &FIXTURES[0];
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kooperacja"));
    cmd.args(["status", f.project, "--as-of", f.as_of])
        .current_dir(ROOT)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "en_GB.UTF-8");
    let out = cmd.output().expect("runs");
    assert!(text(&out.stdout).contains("Indicators"));
}

#[test]
fn polish_is_the_default_language() {
    let f = &FIXTURES[0];
    let out = run(&["status", f.project, "--as-of", f.as_of]);
    assert!(text(&out.stdout).contains("Wskaźniki"));
    assert!(text(&out.stdout).contains("31 604 368,34 zł"));
}

#[test]
fn colour_always_colours_a_pipe() {
    let f = &FIXTURES[0];
    let always = run(&["status", f.project, "--as-of", f.as_of, "--color", "always"]);
    assert!(text(&always.stdout).contains("\x1b["));
}

#[test]
fn colour_never_writes_no_escape() {
    let f = &FIXTURES[0];
    let never = run(&["status", f.project, "--as-of", f.as_of, "--color", "never"]);
    assert!(!text(&never.stdout).contains('\x1b'));
}

#[test]
fn an_achieved_indicator_is_in_the_palettes_terminal_colour() {
    let f = &FIXTURES[0];
    let out = run(&[
        "status", f.project, "--facts", f.facts, "--as-of", f.as_of, "--color", "always",
    ]);
    // core's palette: achieved is green (SGR 32), the word after it.
    assert_eq!(
        kooperacja_core::present::palette::of_status(kooperacja_core::report::Status::Achieved)
            .terminal,
        kooperacja_core::present::palette::Terminal::Green
    );
    assert!(text(&out.stdout).contains("\x1b[32mosiągnięty\x1b[0m"));
}

#[test]
fn status_check_exits_1_on_a_missed_indicator() {
    let f = &FIXTURES[0];
    // social-workers-coached is missed at 2020-09-30 (95 of 100 by 31.03.2019).
    let out = run(&[
        "status", f.project, "--facts", f.facts, "--as-of", f.as_of, "--check",
    ]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn status_check_exits_0_when_nothing_is_missed_yet() {
    let f = &FIXTURES[0];
    let out = run(&["status", f.project, "--as-of", "2018-05-01", "--check"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

#[test]
fn an_unknown_version_exits_2_naming_the_known_ones() {
    let f = &FIXTURES[0];
    let out = run(&["diff", f.project, "--from", "nope", "--to", "aneks"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("umowa, aneks"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_date_that_does_not_exist_exits_2() {
    let out = run(&["status", FIXTURES[0].project, "--as-of", "2020-02-30"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_missing_argument_exits_2() {
    let out = run(&["status"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn an_unknown_language_exits_2() {
    let out = run(&["--lang", "de", "status", FIXTURES[0].project]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("pl, en"),
        "{}",
        text(&out.stderr)
    );
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

// The malformed corpus runs per file in tests/corpus.rs.

fn completions_for(shell: &str) {
    let out = run(&["completions", shell]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("milestones"), "{shell}");
}

#[test]
fn bash_completions() {
    completions_for("bash");
}

#[test]
fn zsh_completions() {
    completions_for("zsh");
}

#[test]
fn fish_completions() {
    completions_for("fish");
}

#[test]
fn version() {
    let out = run(&["--version"]);
    assert_eq!(
        text(&out.stdout),
        format!("kooperacja {}\n", env!("CARGO_PKG_VERSION"))
    );
}

/// `--help` of a command shows an example of it.
fn help_has_an_example(command: &[&str]) {
    let mut args = command.to_vec();
    args.push("--help");
    let out = run(&args);
    assert_eq!(out.status.code(), Some(0));
    let example = format!("Example: kooperacja {}", command[0]);
    assert!(text(&out.stdout).contains(&example), "{command:?}");
}

/// One test per command.
macro_rules! help {
    ($($test:ident => [$($word:literal),+]),* $(,)?) => {
        $(
            #[test]
            fn $test() {
                help_has_an_example(&[$($word),+]);
            }
        )*
    };
}

help! {
    status_help_has_an_example => ["status"],
    validate_help_has_an_example => ["validate"],
    indicators_help_has_an_example => ["indicators"],
    milestones_help_has_an_example => ["milestones"],
    budget_help_has_an_example => ["budget"],
    territory_help_has_an_example => ["territory"],
    groups_help_has_an_example => ["groups"],
    diff_help_has_an_example => ["diff"],
    completions_help_has_an_example => ["completions"],
    facts_check_help_has_an_example => ["facts", "check"],
    facts_summary_help_has_an_example => ["facts", "summary"],
    facts_generate_help_has_an_example => ["facts", "generate"],
}

#[test]
fn the_tools_own_messages_are_polish_by_default() {
    let out = run(&["status", "nope.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).starts_with("błąd: nie można odczytać nope.toml: "),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn the_tools_own_messages_are_english_with_lang_en() {
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
fn flags_spending_above_plan(command: &str) {
    let f = &FIXTURES[0];
    let out = run(&[
        command,
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
        "{command}:\n{stdout}"
    );
}

#[test]
fn status_flags_spending_above_plan() {
    flags_spending_above_plan("status");
}

#[test]
fn budget_flags_spending_above_plan() {
    flags_spending_above_plan("budget");
}

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

/// `facts generate -o FILE` writes the whole file through a temporary file
/// beside it, renamed over the target: an older file is replaced whole and no
/// temporary file is left.
#[test]
fn facts_generate_replaces_the_output_file_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("facts.csv");
    std::fs::write(&target, "an older, longer file\n".repeat(1000)).expect("writable");
    let out = run(&[
        "facts",
        "generate",
        FIXTURES[0].project,
        "--count",
        "3",
        "--seed",
        "1",
        "-o",
        target.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let written = std::fs::read_to_string(&target).expect("the file");
    assert_eq!(written.lines().count(), 4, "a header and three facts");
    assert!(!written.contains("older"));
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("the folder")
        .map(|e| e.expect("an entry").file_name())
        .collect();
    assert_eq!(names, ["facts.csv"]);
}

#[test]
fn facts_generate_into_a_missing_folder_names_the_file() {
    let out = run(&[
        "--lang",
        "en",
        "facts",
        "generate",
        FIXTURES[0].project,
        "--count",
        "3",
        "-o",
        "/no-such-folder/facts.csv",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).starts_with("error: cannot write /no-such-folder/facts.csv: "),
        "{}",
        text(&out.stderr)
    );
}

/// A project file's text cannot colour or move the terminal: without colour,
/// an escape sequence in the title is removed from standard output.
#[test]
fn an_escape_in_a_project_title_is_not_passed_to_the_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let source = std::fs::read_to_string(format!("{ROOT}/{}", FIXTURES[0].project))
        .expect("the fixture")
        .replacen(
            "title = \"Kooperacja",
            "title = \"\\u001b[31m\\u001b]0;owned\\u0007Kooperacja",
            1,
        );
    let project = dir.path().join("escape.toml");
    std::fs::write(&project, source).expect("writable");
    let out = run(&[
        "status",
        project.to_str().expect("utf-8 path"),
        "--teryt",
        "fixtures/teryt/TERC_Urzedowy_2025-11-18.csv",
        "--as-of",
        "2020-09-30",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.starts_with("Kooperacja – efektywna"), "{stdout}");
    assert!(
        !stdout.contains('\x1b') && !stdout.contains('\x07'),
        "{stdout:?}"
    );
}

/// The synthetic project whose amendment changes a part of every kind.
const ZMIANY: Fixture = Fixture {
    name: "zmiany",
    project: "fixtures/amendments/zmiany.toml",
    facts: "fixtures/facts/kooperacja-sample.jsonl",
    as_of: "2024-12-31",
    diff: ["--from", "umowa", "--to", "aneks-1"],
};

#[test]
fn an_amendment_s_diff_as_a_table_names_every_kind_of_change() {
    as_table(&ZMIANY, "diff");
}

#[test]
fn an_amendment_s_diff_as_csv() {
    as_csv(&ZMIANY, "diff");
}

#[test]
fn an_amendment_s_diff_as_json() {
    as_json(&ZMIANY, "diff");
}

/// `territory` shows the area of the version in force on `--as-of`: the
/// agreement's before aneks-1 (Mrocza in), the amendment's from 2024-07-01
/// (Mrocza out, powiat bydgoski in).
#[test]
fn territory_shows_the_area_of_the_version_in_force() {
    let codes = |as_of: &str| {
        let out = run(&[
            "territory",
            ZMIANY.project,
            "--as-of",
            as_of,
            "--format",
            "csv",
        ]);
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        String::from_utf8(out.stdout).expect("utf-8")
    };
    let before = codes("2024-06-30");
    assert!(before.contains("0410023"), "{before}");
    assert!(!before.contains("0403"), "{before}");
    let after = codes("2024-07-01");
    assert!(after.contains("0403043"), "{after}");
    assert!(!after.contains("0410023"), "{after}");
}
