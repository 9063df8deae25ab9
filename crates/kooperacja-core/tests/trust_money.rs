//! Money and counts stay exact or are refused, on any input that parses
//! (issue 11, classes 2, 5 and 9): rates that would overflow a product, an
//! empty list of versions, sums of stated counts, and spending above plan.

use kooperacja_core::budget::RateCheck;
use kooperacja_core::engine::Engine;
use kooperacja_core::facts::{FactReader, Format};
use kooperacja_core::money::{Amount, Rate, Rounding};
use kooperacja_core::project::Project;
use kooperacja_core::pseudonym::PseudonymKey;
use kooperacja_core::validate::{Severity, validate};
use rust_decimal::Decimal;

const KUJAWY: &str = include_str!("../../../fixtures/projects/koordynacja-kujawy-pomorze.toml");
const KOOPERACJA: &str = include_str!("../../../fixtures/projects/kooperacja-makroregion-ii.toml");

/// The vocabulary of the seed fixtures (format 1's kinds, declared).
fn fixture_vocabulary() -> std::sync::Arc<kooperacja_core::vocabulary::Vocabulary> {
    std::sync::Arc::clone(
        Project::parse(include_str!(
            "../../../fixtures/projects/kooperacja-makroregion-ii.toml"
        ))
        .expect("fixture parses")
        .vocabulary(),
    )
}

#[test]

fn a_rate_past_the_limit_is_refused_when_parsed() {
    let err = Rate::parse("79228162514264337593543950 %").unwrap_err();
    assert!(err.to_string().contains("between 0 % and 1000 %"), "{err}");
}

#[test]
fn a_negative_rate_is_refused_when_parsed() {
    assert!(Rate::parse("-5 %").is_err());
}

#[test]
fn rates_within_the_limit_still_parse() {
    for text in ["0 %", "84,28 %", "100 %", "1000 %", "12.34567891 %"] {
        assert!(Rate::parse(text).is_ok(), "{text}");
    }
}

#[test]
fn a_project_with_a_huge_programme_rate_is_a_located_parse_error() {
    let text = KUJAWY.replace(
        "programme_rate = \"82,52 %\"",
        "programme_rate = \"79228162514264337593543950 %\"",
    );
    let err = Project::parse(&text).unwrap_err();
    assert_eq!(err.line, 117, "{err:?}");
}

#[test]
fn a_rate_check_with_a_product_beyond_decimal_range_is_refused_not_a_panic() {
    let huge = Rate::from_fraction(Decimal::MAX);
    let total = Amount::parse("999 999 999 999 999,99").expect("amount");
    let check = RateCheck::new("p", "s", total, total, huge, Rounding::Down);
    assert!(check.is_err());
}

#[test]
fn the_percent_of_a_huge_fraction_does_not_panic() {
    let huge = Rate::from_fraction(Decimal::MAX);
    assert_eq!(
        huge.percent(),
        Decimal::from_i128_with_scale(10_i128.pow(26), 0)
    );
}

#[test]
fn a_project_without_versions_is_a_located_parse_error() {
    let start = KUJAWY.find("[[versions]]").expect("versions");
    let end = KUJAWY[start..]
        .find("\n[[indicators]]")
        .map_or(KUJAWY.len(), |e| start + e);
    let without = format!("{}{}", &KUJAWY[..start], &KUJAWY[end..]);
    let text = without.replacen("\nformat = 2\n", "\nformat = 2\nversions = []\n", 1);
    let err = Project::parse(&text).unwrap_err();
    assert!(
        err.message.contains("at least one version"),
        "{}",
        err.message
    );
    assert!(err.line > 1, "{err:?}");
}

#[test]
fn subregion_counts_summing_past_u32_do_not_panic_validation() {
    let text = KOOPERACJA
        .replace(
            "{ name = \"olsztyński\", gminas = 2 }",
            "{ name = \"olsztyński\", gminas = 4294967295 }",
        )
        .replace(
            "{ name = \"elbląski\", gminas = 2 }",
            "{ name = \"elbląski\", gminas = 4294967295 }",
        );
    let project = Project::parse(&text).expect("parses");
    let findings = validate(&project, None).findings;
    assert!(
        findings
            .iter()
            .any(|f| f.message.contains("sum to 8589934591")),
        "{findings:#?}"
    );
}

fn spend(lines: &[(&str, &str, &str)]) -> String {
    lines
        .iter()
        .enumerate()
        .map(|(i, (by, amount, date))| {
            format!(
                "{{\"id\":\"e-{i}\",\"date\":\"{date}\",\"by\":\"{by}\",\"kind\":\"expenditure\",\"amount\":\"{amount}\",\"category\":\"staff\"}}\n"
            )
        })
        .collect()
}

fn report_with(text: &str, facts: &str, as_of: &str) -> kooperacja_core::report::Report {
    let project = Project::parse(text).expect("fixture parses");
    let mut engine = Engine::new(project.clone(), None);
    for fact in FactReader::new(
        facts.as_bytes(),
        Format::JsonLines,
        fixture_vocabulary(),
        PseudonymKey::from_bytes([1; 32]),
    ) {
        let applied = engine.apply(&fact.expect("fact reads"));
        assert_eq!(applied, kooperacja_core::engine::Applied::Added);
    }
    engine.report(as_of.parse().expect("date"))
}

#[test]
fn spending_above_the_project_value_is_a_finding() {
    // The Kujawy project is worth 22 009 655,37 zł; the leader spends more.
    let facts = spend(&[("rops-torun", "23000000.00", "2024-05-01")]);
    let report = report_with(KUJAWY, &facts, "2024-06-30");
    let finding = report
        .budget
        .findings
        .iter()
        .find(|f| f.code == "execution.project-over-plan")
        .unwrap_or_else(|| panic!("{:#?}", report.budget.findings));
    assert_eq!(finding.severity, Severity::Warning);
    assert_eq!(finding.path, "budget");
}

#[test]
fn spending_above_a_partners_plan_is_a_finding_naming_the_partner() {
    let project = Project::parse(KOOPERACJA).expect("fixture parses");
    let version = project.versions.last().expect("a version");
    let partner = version.budget.partners.first().expect("a partner budget");
    let over = (partner.total.amount + Amount::parse("0,01").expect("amount")).to_plain();
    let facts = spend(&[(partner.organisation.as_str(), over.as_str(), "2020-05-01")]);
    let report = report_with(KOOPERACJA, &facts, "2020-09-30");
    let finding = report
        .budget
        .findings
        .iter()
        .find(|f| f.code == "execution.partner-over-plan")
        .expect("a finding for the partner");
    assert_eq!(
        finding.path,
        format!("budget.partners[{}]", partner.organisation)
    );
    assert!(finding.message.contains("0,01 zł"), "{}", finding.message);
}

#[test]
fn spending_within_plan_gives_no_execution_finding() {
    let facts = spend(&[("rops-torun", "1000.00", "2024-05-01")]);
    let report = report_with(KUJAWY, &facts, "2024-06-30");
    assert!(
        report.budget.findings.is_empty(),
        "{:#?}",
        report.budget.findings
    );
}
