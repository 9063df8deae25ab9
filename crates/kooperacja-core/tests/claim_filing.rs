//! Filing claims, the frozen figures of a filed claim, the corrections a
//! later retraction makes in the next claim, and the checks that would make
//! the central system reject a claim (`claim.*` findings), on the small
//! purpose-made project of `claim_common`.

mod claim_common;

use claim_common::*;
use kooperacja_core::claim::{ClaimBook, ClaimError, ClaimStatus, Corrected};
use kooperacja_core::money::Amount;
use kooperacja_core::validate::Severity;
use rust_decimal::Decimal;

fn a(text: &str) -> Amount {
    Amount::parse(text).expect("an amount")
}

fn meeting(id: &str, date: &str) -> String {
    format!(r#"{{"id":"{id}","date":"{date}","by":"lider","kind":"meeting","hours":"1"}}"#)
}

fn retraction(id: &str, date: &str, of: &str) -> String {
    format!(
        r#"{{"id":"{id}","date":"{date}","by":"lider","kind":"retraction","retracts":"{of}","reason":"recorded in error"}}"#
    )
}

fn join(facts: &[String]) -> String {
    facts.join("\n")
}

/// Facts of the first two quarters: two meetings and two expenditures in
/// Q1, one of each in Q2.
fn first_half() -> Vec<String> {
    vec![
        meeting("m1", "2024-02-01"),
        meeting("m2", "2024-03-01"),
        spent("s1", "2024-02-01", "lider", "100.00", "staff", 1, "1.1"),
        spent("s2", "2024-03-01", "lider", "40.00", "staff", 1, "1.1"),
        meeting("m3", "2024-05-01"),
        spent("s3", "2024-05-01", "lider", "10.00", "staff", 1, "1.1"),
    ]
}

#[test]
fn a_filed_claim_is_returned_as_filed() {
    let b = book(&join(&first_half()));
    let filed = file_upto(&b, 1);
    assert_eq!(filed[0].claim.status, ClaimStatus::Filed);
    assert_eq!(filed[0].claim.filed_on, Some(day("2024-03-31")));
    let mut later = first_half();
    later.push(retraction("r1", "2024-05-10", "s1"));
    let after = book(&join(&later));
    assert_eq!(after.claim(1, &filed), Ok(filed[0].claim.clone()));
}

#[test]
fn a_filed_claim_counts_the_live_facts_up_to_its_end() {
    let b = book(&join(&first_half()));
    let filed = file_upto(&b, 1);
    assert_eq!(filed[0].counted, ["m1", "m2", "s1", "s2"]);
}

#[test]
fn a_claim_is_not_filed_before_the_one_before_it() {
    let b = book(&join(&first_half()));
    assert_eq!(
        b.file(2, day("2024-07-01"), &[]),
        Err(ClaimError::NotInOrder {
            number: 2,
            missing: 1
        })
    );
}

#[test]
fn a_claim_is_not_filed_twice() {
    let b = book(&join(&first_half()));
    let filed = file_upto(&b, 1);
    assert_eq!(
        b.file(1, day("2024-04-01"), &filed),
        Err(ClaimError::AlreadyFiled { number: 1 })
    );
}

#[test]
fn a_retraction_after_filing_is_a_correction_in_the_next_claim() {
    let b = book(&join(&first_half()));
    let filed = file_upto(&b, 1);
    let mut later = first_half();
    later.push(retraction("r1", "2024-05-10", "s1"));
    let after = book(&join(&later));
    let two = after.claim(2, &filed).expect("claim 2");
    let c = two
        .corrections
        .iter()
        .find(|c| {
            c.subject
                == Corrected::Expenditure {
                    task: Some(1),
                    line: Some("1.1".into()),
                }
        })
        .expect("a correction of line 1.1");
    assert_eq!(c.corrects, 1);
    assert_eq!(
        (c.filed, c.now),
        (a("140").as_decimal(), a("40").as_decimal())
    );
    assert_eq!(c.difference, a("-100").as_decimal());
    assert_eq!(c.retracted, ["s1"]);
    // The draft's in-period figure stays the facts of its period; its
    // cumulative is the truth now.
    let line = &two.financial.tasks[0].lines[0];
    assert_eq!(
        (line.progress.in_period, line.progress.cumulative),
        (a("10"), a("50"))
    );
}

#[test]
fn a_retracted_indicator_fact_is_a_correction_of_the_indicator() {
    let b = book(&join(&first_half()));
    let filed = file_upto(&b, 1);
    let mut later = first_half();
    later.push(retraction("r1", "2024-05-10", "m2"));
    let two = book(&join(&later)).claim(2, &filed).expect("claim 2");
    let c = two
        .corrections
        .iter()
        .find(|c| {
            c.subject
                == Corrected::Indicator {
                    id: "meetings".into(),
                }
        })
        .expect("a correction of meetings");
    assert_eq!(
        (c.filed, c.now, c.difference),
        (Decimal::from(2), Decimal::ONE, Decimal::NEGATIVE_ONE)
    );
    assert_eq!(c.retracted, ["m2"]);
}

#[test]
fn the_cumulative_is_the_filed_cumulative_plus_corrections_plus_the_periods_since() {
    let b = book(&join(&first_half()));
    let filed = file_upto(&b, 1);
    let mut later = first_half();
    later.push(retraction("r1", "2024-05-10", "s1"));
    later.push(spent(
        "s4",
        "2024-08-01",
        "lider",
        "7.00",
        "staff",
        1,
        "1.1",
    ));
    let after = book(&join(&later));
    let two = after.claim(2, &filed).expect("claim 2");
    let three = after.claim(3, &filed).expect("claim 3");
    let line = |c: &kooperacja_core::claim::Claim| c.financial.tasks[0].lines[0].progress.clone();
    let corrections: Decimal = three
        .corrections
        .iter()
        .filter(
            |c| matches!(&c.subject, Corrected::Expenditure { line: Some(l), .. } if l == "1.1"),
        )
        .map(|c| c.difference)
        .sum();
    let filed_cumulative = line(&filed[0].claim).cumulative.as_decimal();
    assert_eq!(
        line(&three).cumulative.as_decimal(),
        filed_cumulative
            + corrections
            + line(&two).in_period.as_decimal()
            + line(&three).in_period.as_decimal()
    );
}

#[test]
fn a_correction_shown_in_a_filed_claim_is_not_shown_again() {
    let mut later = first_half();
    let b = book(&join(&later));
    let filed_one = file_upto(&b, 1);
    later.push(retraction("r1", "2024-05-10", "s1"));
    let after = book(&join(&later));
    let mut filed = filed_one;
    filed.push(
        after
            .file(2, day("2024-07-01"), &filed)
            .expect("claim 2 files"),
    );
    assert!(!filed[1].claim.corrections.is_empty());
    assert_eq!(after.claim(3, &filed).expect("claim 3").corrections, []);
}

#[test]
fn expenditure_dated_in_a_filed_period_it_lacks_blocks_the_next_claim() {
    let b = book(&join(&first_half()));
    let filed = file_upto(&b, 1);
    let mut later = first_half();
    later.push(spent(
        "late",
        "2024-03-15",
        "lider",
        "5.00",
        "staff",
        1,
        "1.1",
    ));
    let after = book(&join(&later));
    let two = after.claim(2, &filed).expect("claim 2");
    assert!(codes(&two).contains(&"claim.expenditure-outside-period"));
    assert!(matches!(
        after.file(2, day("2024-07-01"), &filed),
        Err(ClaimError::Rejected { number: 2, codes }) if codes.contains(&"claim.expenditure-outside-period".to_owned())
    ));
}

#[test]
fn a_cumulative_below_the_filed_one_without_a_correction_is_an_error() {
    // A refund (negative expenditure) in Q2 takes line 1.1 below what claim
    // 1 filed; no fact of claim 1 is retracted, so no correction explains it.
    let b = book(&join(&first_half()));
    let filed = file_upto(&b, 1);
    let mut later = first_half();
    later.push(spent(
        "back",
        "2024-06-01",
        "lider",
        "-200.00",
        "staff",
        1,
        "1.1",
    ));
    let two = book(&join(&later)).claim(2, &filed).expect("claim 2");
    let found = two
        .findings
        .iter()
        .find(|f| f.code == "claim.cumulative-below-filed")
        .expect("the finding");
    assert_eq!(found.severity, Severity::Error);
}

#[test]
fn expenditure_on_a_line_the_plan_lacks_is_an_error() {
    let b = book(&spent(
        "s1",
        "2024-02-01",
        "lider",
        "1.00",
        "staff",
        1,
        "1.9",
    ));
    assert!(codes(&draft(&b, 1)).contains(&"claim.unknown-line"));
}

#[test]
fn expenditure_on_a_task_the_plan_lacks_is_an_error() {
    let b = book(&spent(
        "s1",
        "2024-02-01",
        "lider",
        "1.00",
        "staff",
        7,
        "7.1",
    ));
    let c = draft(&b, 1);
    assert!(codes(&c).contains(&"claim.unknown-line"));
    assert_eq!(c.financial.unassigned.cumulative, a("1"));
}

#[test]
fn a_category_other_than_the_lines_is_an_error() {
    let b = book(&spent(
        "s1",
        "2024-02-01",
        "lider",
        "1.00",
        "services",
        1,
        "1.1",
    ));
    assert!(codes(&draft(&b, 1)).contains(&"claim.category-mismatch"));
}

#[test]
fn a_line_over_its_plan_is_a_warning_with_the_amount_over() {
    let b = book(&spent(
        "s1",
        "2024-02-01",
        "partner",
        "20 000,01",
        "services",
        1,
        "1.2",
    ));
    let c = draft(&b, 1);
    let f = c
        .findings
        .iter()
        .find(|f| f.code == "claim.line-over-plan")
        .expect("the warning");
    assert_eq!(f.severity, Severity::Warning);
    assert!(f.message.contains("0,01 zł over"), "{}", f.message);
    assert!(codes(&c).contains(&"claim.partner-over-plan"));
    assert!(!codes(&c).contains(&"claim.task-over-plan"));
}

#[test]
fn a_task_and_the_project_over_their_plans_are_warnings() {
    let b = book(&spent(
        "s1",
        "2024-02-01",
        "lider",
        "100 000,01",
        "staff",
        2,
        "2.1",
    ));
    let c = draft(&b, 1);
    for code in ["claim.task-over-plan", "claim.project-over-plan"] {
        assert!(codes(&c).contains(&code), "{code}");
    }
    assert!(
        b.file(1, day("2024-04-01"), &[]).is_ok(),
        "warnings do not block filing"
    );
}

#[test]
fn a_project_without_a_schedule_has_no_claims() {
    let text = PROJECT
        .split("[[payment_schedule]]")
        .next()
        .expect("the head")
        .to_owned()
        + &PROJECT[PROJECT.find("[participants]").expect("the tail")..];
    let p = project_from(&text);
    let b = ClaimBook::new(p, None, &[]);
    assert_eq!(b.claims(&[]), Err(ClaimError::NoSchedule));
}

#[test]
fn a_filed_claim_reads_back_from_its_json_as_filed() {
    let mut facts = first_half();
    facts.push(r#"{"id":"e1","date":"2024-02-01","by":"lider","kind":"entry","participant":"p1","sex":"K"}"#.to_owned());
    facts.push(
        r#"{"id":"t1","date":"2024-01-10","by":"lider","kind":"transfer","amount":"500.00"}"#
            .to_owned(),
    );
    let b = book(&join(&facts));
    let filed = file_upto(&b, 1);
    let text = serde_json::to_string(&filed).expect("serialises");
    let back: Vec<kooperacja_core::claim::FiledClaim> =
        serde_json::from_str(&text).expect("reads back");
    assert_eq!(
        back, filed,
        "a claim filed has no blocking findings, and the others are not kept"
    );
    assert_eq!(serde_json::to_string(&back).expect("serialises"), text);
}
