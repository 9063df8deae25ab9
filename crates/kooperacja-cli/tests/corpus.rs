//! The reliability corpus through the binaries: every project file in
//! `fixtures/invalid/` and every case of `fixtures/invalid-facts/expect.toml`
//! runs through `kooperacja` (validate, status, indicators, budget) and
//! `kooperacja-export` (JSON), each process under a 2 GiB address-space limit
//! and a 20 s time limit. None may panic, be killed or exit with a code the
//! case does not allow; the expected texts must appear; the outputs of each
//! file or case are one insta snapshot.
//!
//! A case marked `pending` in the manifest waits for a fix on another branch:
//! it is skipped with a note on stderr (shown with `--nocapture`);
//! `KOOPERACJA_CORPUS_PENDING=1` runs the pending cases too.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde::Deserialize;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

/// The address-space limit of every process, in KiB (2 GiB).
const MEMORY_KIB: u64 = 2 << 20;

/// The time limit of every process, in seconds.
const SECONDS: u32 = 20;

/// The default report date of a case.
const AS_OF: &str = "2020-09-30";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    case: Vec<Case>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    class: u8,
    project: String,
    facts: Option<String>,
    as_of: Option<String>,
    commands: Option<Vec<String>>,
    exit: Option<Vec<i32>>,
    #[serde(default)]
    expect: Vec<String>,
    /// Texts no output may hold (a person value, say).
    #[serde(default)]
    forbid: Vec<String>,
    pending: Option<String>,
}

/// What one process did.
struct Ran {
    /// The command line as shown in the snapshot.
    shown: String,
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// The directory for the generated inputs and outputs of one file or case in
/// this test process (one each: the tests run in parallel).
fn generated_dir(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("kooperacja-corpus-{}-{name}", std::process::id()))
}

/// `kooperacja-export`, built beside `kooperacja` by `cargo test --workspace`
/// (a test of one package cannot name another package's binary).
fn export_binary() -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_BIN_EXE_kooperacja")).with_file_name("kooperacja-export");
    path.is_file().then_some(path)
}

/// Runs `bin` with `args` in the workspace root under the memory and time limits.
fn run_limited(bin: &Path, args: &[String]) -> Output {
    let script =
        format!("ulimit -v {MEMORY_KIB} || exit 125; exec timeout -s KILL {SECONDS} \"$@\"");
    Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg("sh")
        .arg(bin)
        .args(args)
        .current_dir(ROOT)
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("NO_COLOR")
        .output()
        .expect("sh runs")
}

/// Runs one command and checks what no input may cause: a panic, a kill
/// (time or memory), an exit code outside `allowed`.
fn run_checked(bin: &Path, name: &str, args: Vec<String>, allowed: &[i32]) -> Ran {
    let out = run_limited(bin, &args);
    let shown = format!(
        "{} {}",
        bin.file_name().and_then(|n| n.to_str()).unwrap_or("?"),
        args.join(" ")
    )
    .replace(&generated_dir(name).display().to_string(), "GENERATED");
    let ran = Ran {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        shown,
    };
    assert!(
        !ran.stderr.contains("panicked") && ran.code != Some(101),
        "{name}: `{}` panicked:\n{}",
        ran.shown,
        ran.stderr
    );
    assert!(
        !matches!(ran.code, Some(124..) | None),
        "{name}: `{}` was killed or ran out of time or memory ({SECONDS} s, {} GiB): exit {:?}\n{}",
        ran.shown,
        MEMORY_KIB >> 20,
        ran.code,
        ran.stderr
    );
    assert!(
        ran.code.is_some_and(|c| allowed.contains(&c)),
        "{name}: `{}` exited {:?}, expected one of {allowed:?}\n{}",
        ran.shown,
        ran.code,
        ran.stderr
    );
    ran
}

/// The snapshot of a file's or case's runs: each command, its exit code and
/// its output.
fn snapshot_text(name: &str, runs: &[Ran]) -> String {
    let generated = generated_dir(name).display().to_string();
    let mut text = String::new();
    for ran in runs {
        let code = ran.code.map_or("by a signal".to_owned(), |c| c.to_string());
        text.push_str(&format!("$ {}\nexit {code}\n", ran.shown));
        for (what, out) in [("stdout", &ran.stdout), ("stderr", &ran.stderr)] {
            if !out.is_empty() {
                text.push_str(&format!(
                    "--- {what}\n{}",
                    out.replace(&generated, "GENERATED")
                ));
                if !out.ends_with('\n') {
                    text.push('\n');
                }
            }
        }
        text.push('\n');
    }
    text
}

/// The file names of `fixtures/invalid/`, each with its own test.
const INVALID: &[&str] = &[
    "01-unclosed-string.toml",
    "02-duplicate-key.toml",
    "03-missing-equals.toml",
    "04-duplicate-table.toml",
    "05-format-unsupported.toml",
    "06-format-as-string.toml",
    "07-missing-title.toml",
    "08-missing-programme.toml",
    "09-missing-versions.toml",
    "10-version-missing-period.toml",
    "11-version-missing-budget.toml",
    "12-programme-missing-fund.toml",
    "13-unknown-key-titel.toml",
    "14-unknown-key-in-budget.toml",
    "15-unknown-key-in-stated-amount.toml",
    "16-title-is-integer.toml",
    "17-target-negative.toml",
    "18-target-fraction.toml",
    "19-organisations-not-an-array.toml",
    "20-amount-space-after-decimal-comma.toml",
    "21-amount-three-decimals.toml",
    "22-amount-dot-thousands.toml",
    "23-amount-irregular-grouping.toml",
    "24-amount-not-a-number.toml",
    "25-amount-float.toml",
    "26-date-february-31.toml",
    "27-date-month-13.toml",
    "28-date-with-time.toml",
    "29-period-ends-before-start.toml",
    "30-period-without-separator.toml",
    "31-period-table-missing-end.toml",
    "32-teryt-three-digits.toml",
    "33-teryt-letter.toml",
    "34-teryt-five-digits.toml",
    "35-teryt-as-integer.toml",
    "36-rate-without-percent.toml",
    "37-indicator-kind-produkt.toml",
    "38-role-lider.toml",
    "39-rounding-up.toml",
    "40-version-kind-umowa.toml",
    "41-selection-month-bad.toml",
    "42-partner-budget-unknown-organisation.toml",
    "43-duplicate-organisation-id.toml",
    "44-two-leaders.toml",
    "45-no-leader.toml",
    "46-eu-exceeds-total.toml",
    "47-partner-eu-exceeds-partner-total.toml",
    "48-schedule-months-mismatch.toml",
    "49-schedule-gap.toml",
    "50-schedule-overlap.toml",
    "51-schedule-outside-period.toml",
    "52-territory-gmina-wrong-parent.toml",
    "53-territory-count-mismatch.toml",
    "54-groups-count-mismatch.toml",
    "55-territory-gmina-type-mismatch.toml",
    "56-indicator-subset-exceeds.toml",
    "57-not-utf-8.toml",
    "58-key-nested-too-deep.toml",
    "59-error-at-the-end-of-a-long-line.toml",
    "60-versions-empty.toml",
    "61-rate-huge.toml",
    "70-vocabulary-unknown-field-type.toml",
    "71-vocabulary-duplicate-kind.toml",
    "72-vocabulary-built-in-kind.toml",
    "73-vocabulary-enum-without-values.toml",
    "74-vocabulary-unknown-enumeration.toml",
    "75-vocabulary-base-field.toml",
    "76-rule-undeclared-field.toml",
    "77-rule-unknown-kind.toml",
    "78-rule-sum-not-a-quantity.toml",
    "79-rule-old-count-word.toml",
    "80-budget-line-product.toml",
    "81-budget-lines-sum.toml",
    "82-budget-tasks-sum.toml",
    "83-budget-total-sum.toml",
    "84-budget-indirect-rate.toml",
    "85-budget-indirect-amount.toml",
    "86-budget-partner-sum.toml",
    "87-budget-financing-sum.toml",
    "88-budget-financing-two-derived.toml",
    "89-budget-cross-financing-limit.toml",
    "90-budget-fixed-assets-limit.toml",
    "91-budget-unknown-task.toml",
    "92-budget-unknown-partner.toml",
    "93-budget-duplicate-line.toml",
    "94-claim-period-overlap.toml",
    "95-claim-period-gap.toml",
    "96-claim-period-outside-project.toml",
    "97-claim-numbering.toml",
    "98-claim-unknown-kind.toml",
];

#[test]
fn every_invalid_project_file_has_its_test() {
    let mut files: Vec<String> = std::fs::read_dir(format!("{ROOT}/fixtures/invalid"))
        .expect("the corpus")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name.ends_with(".toml"))
        .collect();
    files.sort();
    assert_eq!(files, INVALID, "add a line to `invalid!` for each new file");
}

/// One file of `fixtures/invalid/` through `validate` and `status`: no panic,
/// no kill; a parse error is located with a caret and a window of the line;
/// the outputs frozen.
fn invalid_project(name: &str) {
    let kooperacja = Path::new(env!("CARGO_BIN_EXE_kooperacja"));
    let rel = format!("fixtures/invalid/{name}");
    let runs: Vec<Ran> = [
        vec!["validate".to_owned(), rel.clone()],
        vec![
            "status".to_owned(),
            rel.clone(),
            "--as-of".to_owned(),
            "2020-06-30".to_owned(),
        ],
    ]
    .into_iter()
    .map(|args| {
        let ran = run_checked(kooperacja, name, args, &[0, 1, 2]);
        if ran.code == Some(2) {
            // A parse error: located, with the line and a caret.
            assert!(
                ran.stderr.contains(&format!("{rel}:")),
                "{name}: {}",
                ran.stderr
            );
            assert!(ran.stderr.contains('^'), "{name}: {}", ran.stderr);
            // The source line is shown as a window of at most 120
            // characters (plus the gutter).
            for line in ran.stderr.lines().filter(|l| l.contains(" | ")) {
                let n = line.chars().count();
                assert!(n <= 140, "{name}: a source line of {n} characters");
            }
        }
        ran
    })
    .collect();
    insta::assert_snapshot!(format!("invalid-{name}"), snapshot_text(name, &runs));
}

/// One test per file of the corpus.
macro_rules! invalid {
    ($($test:ident => $file:literal),* $(,)?) => {
        $(
            #[test]
            fn $test() {
                invalid_project($file);
            }
        )*
    };
}

invalid! {
    invalid_01_unclosed_string => "01-unclosed-string.toml",
    invalid_02_duplicate_key => "02-duplicate-key.toml",
    invalid_03_missing_equals => "03-missing-equals.toml",
    invalid_04_duplicate_table => "04-duplicate-table.toml",
    invalid_05_format_unsupported => "05-format-unsupported.toml",
    invalid_06_format_as_string => "06-format-as-string.toml",
    invalid_07_missing_title => "07-missing-title.toml",
    invalid_08_missing_programme => "08-missing-programme.toml",
    invalid_09_missing_versions => "09-missing-versions.toml",
    invalid_10_version_missing_period => "10-version-missing-period.toml",
    invalid_11_version_missing_budget => "11-version-missing-budget.toml",
    invalid_12_programme_missing_fund => "12-programme-missing-fund.toml",
    invalid_13_unknown_key_titel => "13-unknown-key-titel.toml",
    invalid_14_unknown_key_in_budget => "14-unknown-key-in-budget.toml",
    invalid_15_unknown_key_in_stated_amount => "15-unknown-key-in-stated-amount.toml",
    invalid_16_title_is_integer => "16-title-is-integer.toml",
    invalid_17_target_negative => "17-target-negative.toml",
    invalid_18_target_fraction => "18-target-fraction.toml",
    invalid_19_organisations_not_an_array => "19-organisations-not-an-array.toml",
    invalid_20_amount_space_after_decimal_comma => "20-amount-space-after-decimal-comma.toml",
    invalid_21_amount_three_decimals => "21-amount-three-decimals.toml",
    invalid_22_amount_dot_thousands => "22-amount-dot-thousands.toml",
    invalid_23_amount_irregular_grouping => "23-amount-irregular-grouping.toml",
    invalid_24_amount_not_a_number => "24-amount-not-a-number.toml",
    invalid_25_amount_float => "25-amount-float.toml",
    invalid_26_date_february_31 => "26-date-february-31.toml",
    invalid_27_date_month_13 => "27-date-month-13.toml",
    invalid_28_date_with_time => "28-date-with-time.toml",
    invalid_29_period_ends_before_start => "29-period-ends-before-start.toml",
    invalid_30_period_without_separator => "30-period-without-separator.toml",
    invalid_31_period_table_missing_end => "31-period-table-missing-end.toml",
    invalid_32_teryt_three_digits => "32-teryt-three-digits.toml",
    invalid_33_teryt_letter => "33-teryt-letter.toml",
    invalid_34_teryt_five_digits => "34-teryt-five-digits.toml",
    invalid_35_teryt_as_integer => "35-teryt-as-integer.toml",
    invalid_36_rate_without_percent => "36-rate-without-percent.toml",
    invalid_37_indicator_kind_produkt => "37-indicator-kind-produkt.toml",
    invalid_38_role_lider => "38-role-lider.toml",
    invalid_39_rounding_up => "39-rounding-up.toml",
    invalid_40_version_kind_umowa => "40-version-kind-umowa.toml",
    invalid_41_selection_month_bad => "41-selection-month-bad.toml",
    invalid_42_partner_budget_unknown_organisation => "42-partner-budget-unknown-organisation.toml",
    invalid_43_duplicate_organisation_id => "43-duplicate-organisation-id.toml",
    invalid_44_two_leaders => "44-two-leaders.toml",
    invalid_45_no_leader => "45-no-leader.toml",
    invalid_46_eu_exceeds_total => "46-eu-exceeds-total.toml",
    invalid_47_partner_eu_exceeds_partner_total => "47-partner-eu-exceeds-partner-total.toml",
    invalid_48_schedule_months_mismatch => "48-schedule-months-mismatch.toml",
    invalid_49_schedule_gap => "49-schedule-gap.toml",
    invalid_50_schedule_overlap => "50-schedule-overlap.toml",
    invalid_51_schedule_outside_period => "51-schedule-outside-period.toml",
    invalid_52_territory_gmina_wrong_parent => "52-territory-gmina-wrong-parent.toml",
    invalid_53_territory_count_mismatch => "53-territory-count-mismatch.toml",
    invalid_54_groups_count_mismatch => "54-groups-count-mismatch.toml",
    invalid_55_territory_gmina_type_mismatch => "55-territory-gmina-type-mismatch.toml",
    invalid_56_indicator_subset_exceeds => "56-indicator-subset-exceeds.toml",
    invalid_57_not_utf_8 => "57-not-utf-8.toml",
    invalid_58_key_nested_too_deep => "58-key-nested-too-deep.toml",
    invalid_59_error_at_the_end_of_a_long_line => "59-error-at-the-end-of-a-long-line.toml",
    invalid_60_versions_empty => "60-versions-empty.toml",
    invalid_61_rate_huge => "61-rate-huge.toml",
    invalid_70_vocabulary_unknown_field_type => "70-vocabulary-unknown-field-type.toml",
    invalid_71_vocabulary_duplicate_kind => "71-vocabulary-duplicate-kind.toml",
    invalid_72_vocabulary_built_in_kind => "72-vocabulary-built-in-kind.toml",
    invalid_73_vocabulary_enum_without_values => "73-vocabulary-enum-without-values.toml",
    invalid_74_vocabulary_unknown_enumeration => "74-vocabulary-unknown-enumeration.toml",
    invalid_75_vocabulary_base_field => "75-vocabulary-base-field.toml",
    invalid_76_rule_undeclared_field => "76-rule-undeclared-field.toml",
    invalid_77_rule_unknown_kind => "77-rule-unknown-kind.toml",
    invalid_78_rule_sum_not_a_quantity => "78-rule-sum-not-a-quantity.toml",
    invalid_79_rule_old_count_word => "79-rule-old-count-word.toml",
    invalid_80_budget_line_product => "80-budget-line-product.toml",
    invalid_81_budget_lines_sum => "81-budget-lines-sum.toml",
    invalid_82_budget_tasks_sum => "82-budget-tasks-sum.toml",
    invalid_83_budget_total_sum => "83-budget-total-sum.toml",
    invalid_84_budget_indirect_rate => "84-budget-indirect-rate.toml",
    invalid_85_budget_indirect_amount => "85-budget-indirect-amount.toml",
    invalid_86_budget_partner_sum => "86-budget-partner-sum.toml",
    invalid_87_budget_financing_sum => "87-budget-financing-sum.toml",
    invalid_88_budget_financing_two_derived => "88-budget-financing-two-derived.toml",
    invalid_89_budget_cross_financing_limit => "89-budget-cross-financing-limit.toml",
    invalid_90_budget_fixed_assets_limit => "90-budget-fixed-assets-limit.toml",
    invalid_91_budget_unknown_task => "91-budget-unknown-task.toml",
    invalid_92_budget_unknown_partner => "92-budget-unknown-partner.toml",
    invalid_93_budget_duplicate_line => "93-budget-duplicate-line.toml",
    invalid_94_claim_period_overlap => "94-claim-period-overlap.toml",
    invalid_95_claim_period_gap => "95-claim-period-gap.toml",
    invalid_96_claim_period_outside_project => "96-claim-period-outside-project.toml",
    invalid_97_claim_numbering => "97-claim-numbering.toml",
    invalid_98_claim_unknown_kind => "98-claim-unknown-kind.toml",
}

/// Makes a generated input; returns its path.
fn generate(case: &str, what: &str) -> String {
    let dir = generated_dir(case);
    std::fs::create_dir_all(dir.join("projects")).expect("temp dir");
    std::fs::create_dir_all(dir.join("teryt")).expect("temp dir");
    let register = dir.join("teryt/TERC_Urzedowy_2025-11-18.csv");
    if !register.exists() {
        std::fs::copy(
            format!("{ROOT}/fixtures/teryt/TERC_Urzedowy_2025-11-18.csv"),
            &register,
        )
        .expect("copy the register");
    }
    let mut text = std::fs::read_to_string(format!(
        "{ROOT}/fixtures/projects/koordynacja-kujawy-pomorze.toml"
    ))
    .expect("fixture");
    match what {
        "project-50mb" => {
            let comment = format!("# {}\n", "x".repeat(1000));
            while text.len() < 50 << 20 {
                text.push_str(&comment);
            }
        }
        "project-near-limit" => {
            let mut n = 0;
            while text.len() < (16 << 20) - 4096 {
                n += 1;
                text.push_str(&format!(
                    "\n[[sources]]\nid = \"generated {n:07}\"\ntitle = \"Źródło wygenerowane, by sprawdzić granicę rozmiaru pliku\"\n"
                ));
            }
        }
        "many-rules" => {
            for i in 0..70 {
                text.push_str(&format!(
                    "\n[[indicators]]\nid = \"many-{i:03}\"\nkind = \"product\"\nname = \"Wskaźnik {i}\"\nunit = \"szt.\"\ntarget = 1\nrule = {{ count = \"facts\", kind = [\"support\"], role = \"role-{i:03}\" }}\n"
                ));
            }
        }
        other => panic!("no generated input {other:?}"),
    }
    let path = dir.join(format!("projects/{what}.toml"));
    std::fs::write(&path, text).expect("write");
    path.display().to_string()
}

fn input_path(case: &str, spec: &str) -> String {
    match spec.strip_prefix("generated:") {
        Some(what) => generate(case, what),
        None => spec.to_owned(),
    }
}

fn manifest() -> Manifest {
    let text = std::fs::read_to_string(format!("{ROOT}/fixtures/invalid-facts/expect.toml"))
        .expect("the manifest");
    toml::from_str(&text).expect("the manifest parses")
}

#[test]
fn every_corpus_file_is_run_by_a_case() {
    let manifest = manifest();
    for entry in std::fs::read_dir(format!("{ROOT}/fixtures/invalid-facts")).expect("the corpus") {
        let name = entry.expect("an entry").file_name();
        let name = name.to_string_lossy();
        if name.ends_with(".md") || name == "expect.toml" {
            continue;
        }
        let path = format!("fixtures/invalid-facts/{name}");
        assert!(
            manifest
                .case
                .iter()
                .any(|c| c.facts.as_deref() == Some(path.as_str()) || c.project == path),
            "{path} is in the corpus folder but no case of expect.toml runs it"
        );
    }
}

/// The names of the manifest's cases, each with its own test.
const CASES: &[&str] = &[
    "facts-dates-year-1-and-9999",
    "facts-300-spending-categories",
    "facts-amounts-overflow-the-sum",
    "facts-dev-zero",
    "project-dev-zero",
    "project-50mb",
    "project-near-the-size-limit",
    "project-more-than-64-rules",
    "input-01-non-utf8-line-3",
    "input-02-bom",
    "input-04-duplicate-key",
    "input-05-amount-number",
    "input-06-pesel-number",
    "input-07-persons-names",
    "input-08-nfd-id",
    "input-09-zero-width-and-bidi",
    "input-10-csv-duplicate-column",
    "input-11-csv-non-utf8-row",
    "input-12-csv-unclosed-quote",
    "input-13-csv-unknown-column",
    "input-14-person-name",
    "input-15-days-fraction",
    "input-16-pesel-in-kind",
    "input-17-csv-bom-crlf-quoted",
    "input-18-unknown-field",
];

#[test]
fn every_manifest_case_has_its_test() {
    let names: Vec<String> = manifest().case.into_iter().map(|c| c.name).collect();
    assert_eq!(names, CASES, "add a line to `cases!` for each new case");
}

/// One case of the manifest through the binaries: no panic, no kill, an
/// allowed exit code; the expected texts shown, the forbidden ones never; the
/// outputs frozen.
// allowed: its notes (a skipped case, a binary not built) are for the reader
// of the test's output (`--nocapture`), as they were in the one test before.
#[allow(clippy::print_stderr)]
fn manifest_case(name: &str) {
    let manifest = manifest();
    let case = manifest
        .case
        .iter()
        .find(|c| c.name == name)
        .expect("the case is in the manifest");
    let kooperacja = Path::new(env!("CARGO_BIN_EXE_kooperacja"));
    let export = export_binary();
    if export.is_none() {
        eprintln!(
            "note: kooperacja-export is not built (run `cargo test --workspace`); its runs are skipped"
        );
    }
    // KOOPERACJA_CORPUS_PENDING=1 runs the pending cases too (to check a merge).
    let run_pending = std::env::var_os("KOOPERACJA_CORPUS_PENDING").is_some();
    std::fs::create_dir_all(generated_dir(&case.name)).expect("temp dir");
    assert!(
        (1..=9).contains(&case.class),
        "{}: class {}",
        case.name,
        case.class
    );
    if let Some(part) = case.pending.as_ref().filter(|_| !run_pending) {
        eprintln!(
            "note: {} skipped: pending = {part:?} (its fix is on the {part} branch)",
            case.name
        );
        return;
    }
    let project = input_path(&case.name, &case.project);
    let facts = case.facts.as_deref().map(|f| input_path(&case.name, f));
    let as_of = case.as_of.as_deref().unwrap_or(AS_OF).to_owned();
    let allowed = case.exit.clone().unwrap_or_else(|| vec![0, 1, 2]);
    let commands = case.commands.clone().unwrap_or_else(|| {
        ["validate", "status", "indicators", "budget", "export"]
            .map(str::to_owned)
            .to_vec()
    });
    let mut runs = Vec::new();
    for command in &commands {
        let mut args = Vec::new();
        let bin: PathBuf = match command.as_str() {
            "export" => {
                let Some(bin) = &export else { continue };
                let out = generated_dir(&case.name).join(format!("{}.json", case.name));
                args.extend([project.clone()]);
                args.extend(["--format", "json", "--force", "-o"].map(str::to_owned));
                args.push(out.display().to_string());
                bin.clone()
            }
            "validate" => {
                args.extend(["validate".to_owned(), project.clone()]);
                kooperacja.to_path_buf()
            }
            "facts" => {
                let Some(facts) = &facts else {
                    panic!("{}: `facts` needs a fact file", case.name)
                };
                args.extend(["facts", "check"].map(str::to_owned));
                args.push(facts.clone());
                args.extend(["--project".to_owned(), project.clone()]);
                runs.push(run_checked(kooperacja, &case.name, args, &allowed));
                continue;
            }
            "status" | "indicators" | "budget" => {
                args.extend([command.clone(), project.clone()]);
                kooperacja.to_path_buf()
            }
            other => panic!("{}: unknown command {other:?}", case.name),
        };
        if let Some(facts) = &facts {
            args.extend(["--facts".to_owned(), facts.clone()]);
        }
        if command != "validate" {
            args.extend(["--as-of".to_owned(), as_of.clone()]);
        }
        runs.push(run_checked(&bin, &case.name, args, &allowed));
    }
    for text in &case.expect {
        assert!(
            runs.iter()
                .any(|r| r.stdout.contains(text.as_str()) || r.stderr.contains(text.as_str())),
            "{}: no command's output holds {text:?}",
            case.name
        );
    }
    let exported =
        std::fs::read_to_string(generated_dir(&case.name).join(format!("{}.json", case.name)))
            .unwrap_or_default();
    for text in &case.forbid {
        assert!(
            !runs
                .iter()
                .any(|r| r.stdout.contains(text.as_str()) || r.stderr.contains(text.as_str()))
                && !exported.contains(text.as_str()),
            "{}: an output holds {text:?}, which it must never show",
            case.name
        );
    }
    insta::assert_snapshot!(
        format!("case-{}", case.name),
        snapshot_text(&case.name, &runs)
    );
    let _ = std::fs::remove_dir_all(generated_dir(&case.name));
}

/// One test per case of the manifest.
macro_rules! cases {
    ($($test:ident => $name:literal),* $(,)?) => {
        $(
            #[test]
            fn $test() {
                manifest_case($name);
            }
        )*
    };
}

cases! {
    case_facts_dates_year_1_and_9999 => "facts-dates-year-1-and-9999",
    case_facts_300_spending_categories => "facts-300-spending-categories",
    case_facts_amounts_overflow_the_sum => "facts-amounts-overflow-the-sum",
    case_facts_dev_zero => "facts-dev-zero",
    case_project_dev_zero => "project-dev-zero",
    case_project_50mb => "project-50mb",
    case_project_near_the_size_limit => "project-near-the-size-limit",
    case_project_more_than_64_rules => "project-more-than-64-rules",
    case_input_01_non_utf8_line_3 => "input-01-non-utf8-line-3",
    case_input_02_bom => "input-02-bom",
    case_input_04_duplicate_key => "input-04-duplicate-key",
    case_input_05_amount_number => "input-05-amount-number",
    case_input_06_pesel_number => "input-06-pesel-number",
    case_input_07_persons_names => "input-07-persons-names",
    case_input_08_nfd_id => "input-08-nfd-id",
    case_input_09_zero_width_and_bidi => "input-09-zero-width-and-bidi",
    case_input_10_csv_duplicate_column => "input-10-csv-duplicate-column",
    case_input_11_csv_non_utf8_row => "input-11-csv-non-utf8-row",
    case_input_12_csv_unclosed_quote => "input-12-csv-unclosed-quote",
    case_input_13_csv_unknown_column => "input-13-csv-unknown-column",
    case_input_14_person_name => "input-14-person-name",
    case_input_15_days_fraction => "input-15-days-fraction",
    case_input_16_pesel_in_kind => "input-16-pesel-in-kind",
    case_input_17_csv_bom_crlf_quoted => "input-17-csv-bom-crlf-quoted",
    case_input_18_unknown_field => "input-18-unknown-field",
}
