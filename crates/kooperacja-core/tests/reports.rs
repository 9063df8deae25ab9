//! The validation reports of both fixtures, frozen as snapshots, and the JSON
//! Schema of the project file, kept current in `docs/`.

use kooperacja_core::project::Project;
use kooperacja_core::territory::Register;
use kooperacja_core::validate::{Validation, validate};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

fn read(rel: &str) -> String {
    std::fs::read_to_string(format!("{ROOT}/{rel}")).expect("readable")
}

fn report(project: &str) -> Validation {
    let project = Project::parse(&read(project)).expect("fixture parses");
    let register = Register::parse_terc(&read("fixtures/teryt/TERC_Urzedowy_2025-11-18.csv"))
        .expect("register");
    validate(&project, Some(&register))
}

fn render(v: &Validation) -> String {
    v.findings
        .iter()
        .map(|f| {
            format!(
                "{} {} at {}\n    {}\n",
                f.severity, f.code, f.path, f.message
            )
        })
        .collect()
}

#[test]
fn kooperacja_validation_report() {
    let v = report("fixtures/projects/kooperacja-makroregion-ii.toml");
    assert!(!v.has_errors());
    insta::assert_snapshot!(render(&v));
    insta::assert_json_snapshot!("kooperacja_validation_json", v);
}

#[test]
fn koordynacja_validation_report() {
    let v = report("fixtures/projects/koordynacja-kujawy-pomorze.toml");
    assert!(!v.has_errors());
    insta::assert_snapshot!(render(&v));
}

#[test]
fn without_a_register_territory_is_checked_structurally_only() {
    let project =
        Project::parse(&read("fixtures/projects/kooperacja-makroregion-ii.toml")).expect("parses");
    let v = validate(&project, None);
    assert_eq!(v.with_code("teryt.not-checked").count(), 1);
    assert_eq!(v.with_code("territory.macroregions-incomplete").count(), 0);
}

/// `docs/project-file.schema.json` must equal the schema generated from the
/// types. To regenerate: `UPDATE_SCHEMA=1 cargo test -p kooperacja-core --test reports`.
#[test]
fn json_schema_is_current() {
    let generated = serde_json::to_string_pretty(&kooperacja_core::project_file_schema())
        .expect("serialisable")
        + "\n";
    let path = format!("{ROOT}/docs/project-file.schema.json");
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).expect("writable");
    }
    let stored = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        stored == generated,
        "docs/project-file.schema.json is out of date; run: UPDATE_SCHEMA=1 cargo test -p kooperacja-core --test reports"
    );
}

/// `docs/report.schema.json` must equal the schema of the report as written.
/// To regenerate: `UPDATE_SCHEMA=1 cargo test -p kooperacja-core --test reports`.
#[test]
fn report_schema_is_current() {
    let generated = serde_json::to_string_pretty(&kooperacja_core::report_schema())
        .expect("serialisable")
        + "\n";
    let path = format!("{ROOT}/docs/report.schema.json");
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).expect("writable");
    }
    let stored = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        stored == generated,
        "docs/report.schema.json is out of date; run: UPDATE_SCHEMA=1 cargo test -p kooperacja-core --test reports"
    );
}

/// The fixtures are valid against their own schema's required keys (a cheap
/// check that the schema describes what the parser reads).
#[test]
fn schema_lists_required_top_level_keys() {
    let schema = serde_json::to_value(kooperacja_core::project_file_schema()).expect("json");
    let required: Vec<&str> = schema["required"]
        .as_array()
        .expect("required")
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    assert_eq!(
        required,
        [
            "format",
            "id",
            "title",
            "programme",
            "organisations",
            "versions"
        ]
    );
}
