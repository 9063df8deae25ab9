//! Data entry from the command line, run as the real binary: `facts add`,
//! `facts template`, `facts import` and `--secret`, on the three fixtures;
//! and the partner's path end to end: the template, filled in by `openpyxl`
//! (a program that is not ours), imported, shown by `status`, imported again
//! without adding anything, and never a raw person value in a file or an
//! output.

use std::path::Path;
use std::process::{Command, Output};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

/// A fixture and a deliverable fact its project accepts.
struct Fixture {
    name: &'static str,
    project: &'static str,
    date: &'static str,
    by: &'static str,
    /// How the deliverable field is named: its Polish name, or its id when
    /// it has none.
    field: &'static str,
    deliverable: &'static str,
}

const FIXTURES: [Fixture; 3] = [
    Fixture {
        name: "kooperacja",
        project: "fixtures/projects/kooperacja-makroregion-ii.toml",
        date: "2020-06-30",
        by: "rops-torun",
        field: "rodzaj produktu",
        deliverable: "model",
    },
    Fixture {
        name: "koordynacja",
        project: "fixtures/projects/koordynacja-kujawy-pomorze.toml",
        date: "2025-06-30",
        by: "rops-torun",
        field: "rodzaj produktu",
        deliverable: "model",
    },
    Fixture {
        name: "kooperacje-3d",
        project: "fixtures/projects/kooperacje-3d-makroregion-iii.toml",
        date: "2020-06-30",
        by: "rops-katowice",
        field: "deliverable",
        // By its Polish name: a listed value is its id or its name.
        deliverable: "model kooperacji",
    },
];

fn project(f: &Fixture) -> String {
    format!("{ROOT}/{}", f.project)
}

/// The binary in `dir`, with no locale from the environment (Polish).
fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kooperacja"))
        .args(args)
        .current_dir(dir)
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

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary directory")
}

/// `facts add` of the fixture's deliverable, to `facts.jsonl` in `dir`.
fn add(dir: &Path, f: &Fixture, title: &str, extra: &[&str]) -> Output {
    let project = project(f);
    let deliverable = format!("{}={}", f.field, f.deliverable);
    let title = format!("title={title}");
    let mut args = vec![
        "facts",
        "add",
        &project,
        "--kind",
        "deliverable",
        "--date",
        f.date,
        "--by",
        f.by,
        "--field",
        &deliverable,
        "--field",
        &title,
        "-o",
        "facts.jsonl",
    ];
    args.extend(extra);
    run(dir, &args)
}

fn lines(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .map(|t| t.lines().map(str::to_owned).collect())
        .unwrap_or_default()
}

#[test]
fn facts_add_appends_one_checked_fact_on_each_fixture() {
    for f in &FIXTURES {
        let dir = temp();
        let out = add(dir.path(), f, "Model kooperacji", &[]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}: {}",
            f.name,
            text(&out.stderr)
        );
        let written = lines(&dir.path().join("facts.jsonl"));
        assert_eq!(written.len(), 1, "{}", f.name);
        let fact: serde_json::Value = serde_json::from_str(&written[0]).expect("JSON");
        assert_eq!(fact["kind"], "deliverable");
        assert_eq!(fact["deliverable"], "model", "{}: the value's id", f.name);
        let id = fact["id"].as_str().expect("an id");
        assert!(id.starts_with("f-"), "{id}");
        // It says what it appended: the id, the kind, the date.
        let said = text(&out.stdout);
        assert!(said.contains(id) && said.contains("dopisano"), "{said}");
        insta::assert_snapshot!(format!("facts-add-{}", f.name), said);
        // The fact file is one `facts check` reads as good.
        let check = run(
            dir.path(),
            &["facts", "check", "facts.jsonl", "--project", &project(f)],
        );
        assert_eq!(check.status.code(), Some(0), "{}", text(&check.stdout));
    }
}

#[test]
fn facts_add_of_the_same_fact_twice_appends_it_once() {
    let dir = temp();
    let f = &FIXTURES[1];
    assert_eq!(add(dir.path(), f, "Model", &[]).status.code(), Some(0));
    let again = add(dir.path(), f, "Model", &[]);
    assert_eq!(again.status.code(), Some(0), "{}", text(&again.stderr));
    assert_eq!(lines(&dir.path().join("facts.jsonl")).len(), 1);
    insta::assert_snapshot!("facts-add-already-there", text(&again.stdout));
}

#[test]
fn facts_add_in_english_says_so_in_english() {
    let dir = temp();
    let f = &FIXTURES[1];
    let out = add(dir.path(), f, "Model", &["--lang", "en"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    insta::assert_snapshot!("facts-add-en", text(&out.stdout));
}

#[test]
fn facts_add_without_a_file_prints_the_line_and_says_so_on_stderr() {
    let dir = temp();
    let f = &FIXTURES[1];
    let project = project(f);
    let out = run(
        dir.path(),
        &[
            "facts",
            "add",
            &project,
            "--kind",
            "produkt",
            "--date",
            "30.06.2025",
            "--by",
            "rops-torun",
            "--field",
            "deliverable=model",
            "--field",
            "tytuł=Model",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let line: serde_json::Value = serde_json::from_str(text(&out.stdout).trim()).expect("JSON");
    assert_eq!(line["date"], "2025-06-30");
    assert!(text(&out.stderr).contains("standardowe wyjście"));
}

#[test]
fn facts_add_refuses_an_id_taken_by_other_content_and_writes_nothing() {
    let dir = temp();
    let f = &FIXTURES[1];
    assert_eq!(
        add(dir.path(), f, "Model", &["--id", "d-1"]).status.code(),
        Some(0)
    );
    let before = lines(&dir.path().join("facts.jsonl"));
    let other = add(dir.path(), f, "Another title", &["--id", "d-1"]);
    assert_eq!(other.status.code(), Some(1));
    assert_eq!(lines(&dir.path().join("facts.jsonl")), before);
    insta::assert_snapshot!("facts-add-conflict", text(&other.stdout));
}

#[test]
fn facts_add_refuses_a_fact_that_does_not_fit_the_project() {
    let dir = temp();
    let f = &FIXTURES[1];
    let out = add(dir.path(), f, "Model", &["--territory", "1465011"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(!dir.path().join("facts.jsonl").exists());
    insta::assert_snapshot!("facts-add-refused", text(&out.stdout));
}

#[test]
fn facts_add_names_the_fields_a_kind_has_for_an_unknown_one() {
    let dir = temp();
    let f = &FIXTURES[1];
    let out = add(dir.path(), f, "Model", &["--field", "colour=red"]);
    assert_eq!(out.status.code(), Some(2));
    insta::assert_snapshot!("facts-add-unknown-field", text(&out.stderr));
}

/// A coaching fact of the second fixture naming the person `person`.
fn add_coaching(dir: &Path, person: &str, extra: &[&str]) -> Output {
    let project = project(&FIXTURES[1]);
    let person = format!("osoba={person}");
    let mut args = vec![
        "facts",
        "add",
        &project,
        "--kind",
        "coaching",
        "--date",
        "2025-03-03",
        "--by",
        "rops-torun",
        "--field",
        &person,
        "--field",
        "forma=grupowy",
        "--field",
        "rola=social-worker",
        "-o",
        "facts.jsonl",
    ];
    args.extend(extra);
    run(dir, &args)
}

#[test]
fn a_person_is_written_only_with_a_secret_file() {
    let dir = temp();
    let out = add_coaching(dir.path(), "k-0157", &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("--secret"),
        "{}",
        text(&out.stderr)
    );
    assert!(!dir.path().join("facts.jsonl").exists());
}

#[test]
fn the_secret_file_is_created_private_and_keeps_pseudonyms_stable() {
    let dir = temp();
    let out = add_coaching(dir.path(), "k-0157", &["--secret", "secret.key"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let secret = std::fs::read_to_string(dir.path().join("secret.key")).expect("created");
    assert_eq!(secret.trim().len(), 64);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join("secret.key"))
            .expect("metadata")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let written = std::fs::read_to_string(dir.path().join("facts.jsonl")).expect("facts");
    assert!(
        !written.contains("k-0157"),
        "the raw key never reaches the file"
    );
    assert!(!text(&out.stdout).contains("k-0157") && !text(&out.stderr).contains("k-0157"));
    // The same person with the same secret: the same fact, already there.
    let again = add_coaching(dir.path(), "k-0157", &["--secret", "secret.key"]);
    assert_eq!(again.status.code(), Some(0));
    assert!(
        text(&again.stdout).contains("już tam jest"),
        "{}",
        text(&again.stdout)
    );
    assert_eq!(lines(&dir.path().join("facts.jsonl")).len(), 1);
}

#[test]
fn a_secret_file_that_is_not_64_hex_digits_is_refused() {
    let dir = temp();
    std::fs::write(dir.path().join("secret.key"), "not a secret").expect("write");
    let out = add_coaching(dir.path(), "k-0157", &["--secret", "secret.key"]);
    assert_eq!(out.status.code(), Some(2));
    insta::assert_snapshot!("secret-not-hex", text(&out.stderr));
}

#[test]
fn a_name_in_a_person_field_is_refused_and_never_shown() {
    let dir = temp();
    let out = add_coaching(dir.path(), "Kowalski", &["--secret", "secret.key"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!text(&out.stderr).contains("Kowalski") && !text(&out.stdout).contains("Kowalski"));
    assert!(!dir.path().join("facts.jsonl").exists());
}

/// Reads an XLSX file with core's reader.
fn workbook(path: &Path) -> kooperacja_core::import::Workbook {
    let bytes = std::fs::read(path).expect("the workbook");
    kooperacja_core::import::read_upload("t.xlsx", &bytes).expect("an XLSX workbook")
}

#[test]
fn facts_template_writes_every_kind_of_each_fixture_with_the_templates_headers() {
    use kooperacja_core::import::Cell;
    use kooperacja_core::import::template::Template;
    use kooperacja_core::present::Lang;
    for f in &FIXTURES {
        let text_of = std::fs::read_to_string(project(f)).expect("fixture");
        let parsed = kooperacja_core::project::Project::parse(&text_of).expect("valid");
        for kind in parsed.vocabulary().kinds() {
            let dir = temp();
            let out = run(
                dir.path(),
                &[
                    "facts",
                    "template",
                    &project(f),
                    "--kind",
                    &kind.id,
                    "-o",
                    "t.xlsx",
                ],
            );
            assert_eq!(
                out.status.code(),
                Some(0),
                "{} {}",
                f.name,
                text(&out.stderr)
            );
            let template = Template::new(&parsed, &kind.id, Lang::Pl).expect("a kind");
            let book = workbook(&dir.path().join("t.xlsx"));
            let sheet = &book.sheets[0];
            assert_eq!(sheet.name, template.sheet);
            let headers: Vec<Cell> = template
                .columns
                .iter()
                .map(|c| Cell::Text(c.header.clone()))
                .collect();
            assert_eq!(sheet.rows[0], headers, "{} {}", f.name, kind.id);
            assert!(book.sheets.iter().any(|s| s.name == "Instrukcja"));
            // A template imports as it is: an empty one is no facts and no
            // problem (the instructions sheet skipped, the kind from the
            // sheet's name).
            let key = kooperacja_core::pseudonym::PseudonymKey::from_bytes([9; 32]);
            let options = kooperacja_core::import::ImportOptions {
                kind: None,
                by: None,
                lang: Lang::Pl,
            };
            let imported = kooperacja_core::import::import(&[book], &parsed, &options, &key)
                .unwrap_or_else(|p| panic!("{} {}: {p:?}", f.name, kind.id));
            assert!(imported.facts.is_empty());
        }
    }
}

/// The instructions sheet, as a spreadsheet program reads it (through core's
/// reader), frozen once.
#[test]
fn the_instructions_sheet_says_how_to_fill_the_sheet_in() {
    use kooperacja_core::import::Cell;
    let dir = temp();
    let out = run(
        dir.path(),
        &[
            "facts",
            "template",
            &project(&FIXTURES[1]),
            "--kind",
            "coaching",
            "-o",
            "c.xlsx",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let book = workbook(&dir.path().join("c.xlsx"));
    let sheet = book
        .sheets
        .iter()
        .find(|s| s.name == "Instrukcja")
        .expect("the instructions sheet");
    let lines: Vec<String> = sheet
        .rows
        .iter()
        .map(|row| match row.first() {
            Some(Cell::Text(t)) => t.clone(),
            _ => String::new(),
        })
        .collect();
    insta::assert_snapshot!("facts-template-instructions", lines.join("\n"));
}

#[test]
fn facts_template_says_what_it_wrote() {
    let dir = temp();
    let out = run(
        dir.path(),
        &[
            "facts",
            "template",
            &project(&FIXTURES[1]),
            "--kind",
            "spotkanie",
            "-o",
            "spotkania.xlsx",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    insta::assert_snapshot!("facts-template", text(&out.stdout));
    let en = run(
        dir.path(),
        &[
            "--lang",
            "en",
            "facts",
            "template",
            &project(&FIXTURES[1]),
            "--kind",
            "meeting",
            "-o",
            "meetings.xlsx",
        ],
    );
    assert_eq!(en.status.code(), Some(0), "{}", text(&en.stderr));
    insta::assert_snapshot!("facts-template-en", text(&en.stdout));
}

#[test]
fn facts_template_of_an_unknown_kind_lists_the_kinds() {
    let dir = temp();
    let out = run(
        dir.path(),
        &[
            "facts",
            "template",
            &project(&FIXTURES[1]),
            "--kind",
            "meet",
            "-o",
            "t.xlsx",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(!dir.path().join("t.xlsx").exists());
    insta::assert_snapshot!("facts-template-unknown-kind", text(&out.stderr));
}

/// Whether Python with openpyxl is here; without it the test is skipped,
/// unless `KOOPERACJA_REQUIRE_EXTERNAL=1` (set by `.ci/run`).
#[allow(clippy::print_stderr)] // a skipped check must show in the test output
fn openpyxl() -> bool {
    let found = Command::new("python3")
        .args(["-c", "import openpyxl"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var("KOOPERACJA_REQUIRE_EXTERNAL").as_deref() != Ok("1"),
            "python3 with openpyxl not found, and KOOPERACJA_REQUIRE_EXTERNAL=1 requires it (python3 -m pip install openpyxl)"
        );
        eprintln!("SKIPPED: python3 with openpyxl not found (python3 -m pip install openpyxl)");
    }
    found
}

/// Fills the data sheet of the template `path` with `rows` (JSON objects by
/// header; a value `{"date": "YYYY-MM-DD"}` becomes a date cell), with
/// openpyxl, as a spreadsheet program would, and saves it as `out`.
fn fill(path: &Path, rows: &serde_json::Value, out: &Path) {
    const SCRIPT: &str = r#"
import datetime, json, sys
import openpyxl
template, rows, out = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3]
book = openpyxl.load_workbook(template)
sheet = book.worksheets[0]
headers = {cell.value: cell.column for cell in sheet[1]}
for r, row in enumerate(rows, start=2):
    for header, value in row.items():
        if isinstance(value, dict):
            value = datetime.date.fromisoformat(value["date"])
        sheet.cell(row=r, column=headers[header], value=value)
book.save(out)
"#;
    let status = Command::new("python3")
        .args(["-c", SCRIPT])
        .arg(path)
        .arg(rows.to_string())
        .arg(out)
        .status()
        .expect("python3 runs");
    assert!(status.success(), "openpyxl filled the sheet");
}

fn import(dir: &Path, file: &str) -> Output {
    run(
        dir,
        &[
            "facts",
            "import",
            &project(&FIXTURES[1]),
            file,
            "-o",
            "facts.jsonl",
            "--secret",
            "secret.key",
        ],
    )
}

/// The partner's path: the template of `support` (persons and
/// institutions), filled in by openpyxl, imported, shown by `status`, and
/// imported again without adding anything.
#[test]
fn a_template_filled_in_by_another_program_imports_and_status_shows_the_facts() {
    if !openpyxl() {
        return;
    }
    let dir = temp();
    let d = dir.path();
    let template = run(
        d,
        &[
            "facts",
            "template",
            &project(&FIXTURES[1]),
            "--kind",
            "wsparcie",
            "-o",
            "wsparcie.xlsx",
        ],
    );
    assert_eq!(
        template.status.code(),
        Some(0),
        "{}",
        text(&template.stderr)
    );
    let rows = serde_json::json!([
        {"Data": {"date": "2025-03-03"}, "Organizacja": "rops-torun", "Terytorium": "04",
         "osoba": "k-0001", "instytucja": "ops-naklo", "rola": "social-worker"},
        {"Data": {"date": "2025-03-04"}, "Organizacja": "rops-torun", "Terytorium": "04",
         "osoba": "k-0002", "instytucja": "ops-naklo", "rola": "social-worker"},
        {"Data": {"date": "2025-03-05"}, "Organizacja": "rops-torun", "Terytorium": "04",
         "instytucja": "mops-torun", "Uwagi": "spotkanie w siedzibie"},
    ]);
    fill(&d.join("wsparcie.xlsx"), &rows, &d.join("wypelnione.xlsx"));
    let first = import(d, "wypelnione.xlsx");
    assert_eq!(
        first.status.code(),
        Some(0),
        "{}{}",
        text(&first.stdout),
        text(&first.stderr)
    );
    insta::assert_snapshot!("facts-import", text(&first.stdout));
    let written = std::fs::read_to_string(d.join("facts.jsonl")).expect("facts");
    assert_eq!(written.lines().count(), 3);
    for raw in ["k-0001", "k-0002"] {
        assert!(!written.contains(raw), "a raw person key in the fact file");
    }
    // `status` shows the facts: three facts, two persons supported.
    let status = run(
        d,
        &[
            "status",
            &project(&FIXTURES[1]),
            "--facts",
            "facts.jsonl",
            "--as-of",
            "2025-11-30",
        ],
    );
    assert_eq!(status.status.code(), Some(0), "{}", text(&status.stderr));
    let shown = text(&status.stdout);
    assert!(shown.contains("Fakty: 3"), "{shown}");
    assert!(shown.contains("2 / 1100"), "{shown}");
    // Importing the same sheet again appends nothing.
    let again = import(d, "wypelnione.xlsx");
    assert_eq!(again.status.code(), Some(0), "{}", text(&again.stderr));
    assert_eq!(
        std::fs::read_to_string(d.join("facts.jsonl")).expect("facts"),
        written
    );
    insta::assert_snapshot!("facts-import-again", text(&again.stdout));
}

/// The English template (English headers and sheet name) imports in a
/// Polish run: the headers are read in either language.
#[test]
fn an_english_template_imports_in_a_polish_run() {
    if !openpyxl() {
        return;
    }
    let dir = temp();
    let d = dir.path();
    let template = run(
        d,
        &[
            "--lang",
            "en",
            "facts",
            "template",
            &project(&FIXTURES[1]),
            "--kind",
            "deliverable",
            "-o",
            "d.xlsx",
        ],
    );
    assert_eq!(
        template.status.code(),
        Some(0),
        "{}",
        text(&template.stderr)
    );
    let rows = serde_json::json!([
        {"Date": {"date": "2025-06-30"}, "Organisation": "rops-torun",
         "kind of deliverable": "pilot report", "title": "Pilotaż w powiecie nakielskim"},
    ]);
    fill(&d.join("d.xlsx"), &rows, &d.join("d-filled.xlsx"));
    let out = import(d, "d-filled.xlsx");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    let written = lines(&d.join("facts.jsonl"));
    assert_eq!(written.len(), 1);
    assert!(
        written[0].contains(r#""deliverable":"pilot-report""#),
        "{}",
        written[0]
    );
}

/// A sheet holding a PESEL number and a name: refused, every problem named,
/// nothing written, and neither value in any output.
#[test]
fn a_sheet_with_a_pesel_or_a_name_is_refused_and_neither_reaches_any_output() {
    if !openpyxl() {
        return;
    }
    let dir = temp();
    let d = dir.path();
    let template = run(
        d,
        &[
            "facts",
            "template",
            &project(&FIXTURES[1]),
            "--kind",
            "coaching",
            "-o",
            "c.xlsx",
        ],
    );
    assert_eq!(
        template.status.code(),
        Some(0),
        "{}",
        text(&template.stderr)
    );
    let rows = serde_json::json!([
        {"Data": {"date": "2025-03-03"}, "Organizacja": "rops-torun",
         "osoba": "44051401359", "forma": "grupowy", "rola": "social-worker"},
        {"Data": {"date": "2025-03-04"}, "Organizacja": "rops-torun",
         "osoba": "Kowalski", "forma": "grupowy", "rola": "social-worker"},
    ]);
    fill(&d.join("c.xlsx"), &rows, &d.join("c-filled.xlsx"));
    let out = import(d, "c-filled.xlsx");
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(!d.join("facts.jsonl").exists(), "nothing written");
    for output in [text(&out.stdout), text(&out.stderr)] {
        assert!(
            !output.contains("44051401359") && !output.contains("Kowalski"),
            "{output}"
        );
    }
    insta::assert_snapshot!("facts-import-personal", text(&out.stdout));
}

/// The same import from a CSV file (what a script or a spreadsheet's "save
/// as CSV" writes), with the kind given.
#[test]
fn a_csv_file_imports_on_each_fixture() {
    for f in &FIXTURES {
        let dir = temp();
        let d = dir.path();
        let csv = format!(
            "date,by,deliverable,title\n{},{},model,Model kooperacji\n",
            f.date, f.by
        );
        std::fs::write(d.join("produkty.csv"), csv).expect("write");
        let out = run(
            d,
            &[
                "facts",
                "import",
                &project(f),
                "produkty.csv",
                "--kind",
                "deliverable",
                "-o",
                "facts.jsonl",
            ],
        );
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}: {}{}",
            f.name,
            text(&out.stdout),
            text(&out.stderr)
        );
        assert_eq!(lines(&d.join("facts.jsonl")).len(), 1, "{}", f.name);
        let again = run(
            d,
            &[
                "facts",
                "import",
                &project(f),
                "produkty.csv",
                "--kind",
                "deliverable",
                "-o",
                "facts.jsonl",
            ],
        );
        assert_eq!(again.status.code(), Some(0));
        assert_eq!(
            lines(&d.join("facts.jsonl")).len(),
            1,
            "{}: idempotent",
            f.name
        );
    }
}

/// What Polish Excel writes as "CSV (rozdzielany średnikami)": `;`, CRLF,
/// Windows-1250; its Polish letters reach the fact file as they were.
#[test]
fn a_polish_excel_csv_imports_with_its_polish_letters() {
    let dir = temp();
    let d = dir.path();
    // "tytuł", "Model współpracy" in Windows-1250 (ł = 0xB3, ó = 0xF3).
    let bytes: &[u8] = b"Data;Organizacja;rodzaj produktu;tytu\xb3\r\n30.06.2025;rops-torun;model;Model wsp\xf3\xb3pracy\r\n";
    std::fs::write(d.join("produkty.csv"), bytes).expect("write");
    let out = run(
        d,
        &[
            "facts",
            "import",
            &project(&FIXTURES[1]),
            "produkty.csv",
            "--kind",
            "produkt",
            "-o",
            "facts.jsonl",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    let written = lines(&d.join("facts.jsonl"));
    assert_eq!(written.len(), 1);
    assert!(
        written[0].contains(r#""title":"Model współpracy""#),
        "{}",
        written[0]
    );
}

/// A fact file named `.csv` is not appended to: facts are appended as JSON
/// Lines.
#[test]
fn facts_are_appended_to_json_lines_only() {
    let dir = temp();
    let out = run(
        dir.path(),
        &[
            "facts",
            "import",
            &project(&FIXTURES[1]),
            "x.csv",
            "-o",
            "facts.csv",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    insta::assert_snapshot!("facts-import-to-csv", text(&out.stderr));
}

/// The note column (`Uwagi`) of a sheet is kept: it is written as the fact
/// line's `note`, so nothing typed into the sheet is lost.
#[test]
fn the_note_column_of_a_sheet_is_written_with_its_fact() {
    let f = &FIXTURES[0];
    let dir = temp();
    let d = dir.path();
    let csv = format!(
        "Data;Organizacja;deliverable;title;Uwagi\n{};{};model;Model kooperacji;przekazany do ROPS w Łodzi\n",
        f.date, f.by
    );
    std::fs::write(d.join("produkty.csv"), csv).expect("write");
    let out = run(
        d,
        &[
            "facts",
            "import",
            &project(f),
            "produkty.csv",
            "--kind",
            "deliverable",
            "-o",
            "facts.jsonl",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let written = lines(&d.join("facts.jsonl"));
    assert_eq!(written.len(), 1);
    let line: serde_json::Value = serde_json::from_str(&written[0]).expect("a JSON line");
    assert_eq!(line["note"], "przekazany do ROPS w Łodzi", "{line}");
}
