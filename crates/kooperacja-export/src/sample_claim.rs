//! A small hand-made payment claim for the unit tests of the claim's page
//! and workbook: every section filled, a person indicator split by sex, a
//! finding, a document and a correction.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use kooperacja_core::budget::FundingSource;
use kooperacja_core::claim::{
    AdvanceSettlement, Claim, ClaimKind, ClaimStatus, Corrected, Correction, DocumentLine,
    FinancialProgress, IndicatorProgress, LineProgress, Progress, SexProgress, SourceAmount,
    TaskProgress,
};
use kooperacja_core::indicator::IndicatorKind;
use kooperacja_core::money::{Amount, Rate, Rounding};
use kooperacja_core::participant::Sex;
use kooperacja_core::period::Period;
use kooperacja_core::project::Project;
use kooperacja_core::validate::{Finding, Severity};
use rust_decimal::Decimal;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a date")
}

fn zl(text: &str) -> Amount {
    Amount::parse(text).expect("an amount")
}

fn progress(plan: &str, in_period: &str, cumulative: &str, share: &str) -> Progress {
    Progress {
        plan: Some(zl(plan)),
        in_period: zl(in_period),
        cumulative: zl(cumulative),
        share: Some(Rate::parse(share).expect("a rate")),
    }
}

/// The Kooperacja fixture's project.
pub fn project() -> Project {
    Project::parse(include_str!(
        "../../../fixtures/projects/kooperacja-makroregion-ii.toml"
    ))
    .expect("the fixture parses")
}

/// A claim for 2019-04-01 – 2019-06-30 with `corrections` or none.
pub fn claim(corrections: bool) -> Claim {
    let task = progress("2 083 272,00", "1 200,00", "3 400,00", "0,16 %");
    let line = LineProgress {
        id: "1.1".into(),
        name: "Badania instytucji i rodzin – ROPS Toruń".into(),
        partner: "rops-torun".into(),
        category: "badania".into(),
        progress: progress("326 449,56", "1 200,00", "3 400,00", "1,04 %"),
    };
    let sums = progress("28 731 243,95", "1 200,00", "3 400,00", "0,01 %");
    Claim {
        project: "kooperacja-makroregion-ii".into(),
        number: 5,
        period: Period::new(day(2019, 4, 1), day(2019, 6, 30)).expect("a period"),
        kinds: vec![ClaimKind::Settlement, ClaimKind::Refund],
        version: "aneks".into(),
        status: ClaimStatus::Draft,
        filed_on: None,
        material: vec![IndicatorProgress {
            id: "coached".into(),
            name: "Liczba osób objętych coachingiem".into(),
            name_en: Some("Persons coached".into()),
            kind: IndicatorKind::Product,
            unit: "osoba".into(),
            target: Some(Decimal::from(120)),
            in_period: Some(Decimal::from(7)),
            cumulative: Some(Decimal::from(30)),
            share_of_target: Some(Rate::parse("25 %").expect("a rate")),
            by_sex: vec![
                SexProgress {
                    sex: Sex::K,
                    in_period: 5,
                    cumulative: 21,
                },
                SexProgress {
                    sex: Sex::M,
                    in_period: 2,
                    cumulative: 9,
                },
            ],
            sex_unknown: None,
        }],
        financial: FinancialProgress {
            tasks: vec![TaskProgress {
                task: 1,
                title: "Opracowanie modelu kooperacji".into(),
                progress: task,
                lines: vec![line],
            }],
            unassigned: Progress {
                plan: None,
                in_period: Amount::ZERO,
                cumulative: Amount::ZERO,
                share: None,
            },
            direct: sums.clone(),
            indirect: progress("2 873 124,39", "120,00", "340,00", "0,01 %"),
            total: progress("31 604 368,34", "1 320,00", "3 740,00", "0,01 %"),
            by_partner: vec![("rops-torun".into(), sums.clone())],
            by_category: vec![("badania".into(), sums)],
        },
        financing: vec![
            SourceAmount {
                source: FundingSource::Eu,
                in_period: zl("1 112,49"),
                cumulative: zl("3 152,07"),
                rounding: Rounding::Down,
                derived: false,
            },
            SourceAmount {
                source: FundingSource::StateBudget,
                in_period: zl("207,51"),
                cumulative: zl("587,93"),
                rounding: Rounding::Down,
                derived: true,
            },
        ],
        advances: AdvanceSettlement {
            received_before: zl("500 000,00"),
            received_in_period: Amount::ZERO,
            settled_before: zl("2 420,00"),
            settled_in_period: zl("1 320,00"),
            to_settle: zl("496 260,00"),
            refund_asked: Amount::ZERO,
        },
        documents: vec![DocumentLine {
            fact: "exp-0042".into(),
            number: "FV 12/2019".into(),
            issuer: Some("9562307984".into()),
            issued: Some(day(2019, 4, 2)),
            paid: day(2019, 4, 15),
            gross: Some(zl("1 476,00")),
            eligible: zl("1 200,00"),
            vat: Some(zl("276,00")),
            task: Some(1),
            line: Some("1.1".into()),
            category: "badania".into(),
            partner: "rops-torun".into(),
        }],
        corrections: if corrections {
            vec![Correction {
                corrects: 4,
                subject: Corrected::Expenditure {
                    task: Some(1),
                    line: Some("1.1".into()),
                },
                filed: Decimal::new(240_000, 2),
                now: Decimal::new(220_000, 2),
                difference: Decimal::new(-20_000, 2),
                retracted: vec!["exp-0031".into()],
            }]
        } else {
            Vec::new()
        },
        findings: vec![Finding::new(
            "claim.line-over-plan",
            Severity::Warning,
            "financial.tasks[0].lines[0]",
            "example finding",
        )],
        excluded: BTreeMap::new(),
    }
}
