//! The claim computed on a small purpose-made project
//! (`claim_common::PROJECT`): material progress, financial progress, the
//! sources of financing, the advances and the documents.

mod claim_common;

use claim_common::*;
use kooperacja_core::budget::FundingSource;
use kooperacja_core::claim::{ClaimBook, ClaimError, ClaimStatus};
use kooperacja_core::money::Amount;
use kooperacja_core::participant::Sex;
use rust_decimal::Decimal;

fn a(text: &str) -> Amount {
    Amount::parse(text).expect("an amount")
}

fn meeting(id: &str, date: &str, hours: &str) -> String {
    format!(r#"{{"id":"{id}","date":"{date}","by":"lider","kind":"meeting","hours":"{hours}"}}"#)
}

fn entry(id: &str, date: &str, person: &str, sex: &str) -> String {
    format!(
        r#"{{"id":"{id}","date":"{date}","by":"lider","kind":"entry","participant":"{person}","sex":"{sex}"}}"#
    )
}

fn transfer(id: &str, date: &str, amount: &str) -> String {
    format!(r#"{{"id":"{id}","date":"{date}","by":"lider","kind":"transfer","amount":"{amount}"}}"#)
}

fn lines(facts: &[String]) -> String {
    facts.join("\n")
}

#[test]
fn a_count_indicator_has_the_facts_of_the_period_and_since_the_start() {
    let b = book(&lines(&[
        meeting("m1", "2024-02-01", "2"),
        meeting("m2", "2024-04-10", "3"),
        meeting("m3", "2024-06-30", "1.5"),
    ]));
    let c = draft(&b, 2);
    let m = c
        .material
        .iter()
        .find(|i| i.id == "meetings")
        .expect("meetings");
    assert_eq!(m.in_period, Some(Decimal::from(2)));
    assert_eq!(m.cumulative, Some(Decimal::from(3)));
    assert_eq!(m.target, Some(Decimal::from(10)));
}

#[test]
fn a_sum_indicator_adds_the_quantities_of_the_period() {
    let b = book(&lines(&[
        meeting("m1", "2024-02-01", "2"),
        meeting("m2", "2024-04-10", "3"),
        meeting("m3", "2024-06-30", "1.5"),
    ]));
    let c = draft(&b, 2);
    let h = c.material.iter().find(|i| i.id == "hours").expect("hours");
    assert_eq!(
        h.in_period.map(|d| d.normalize()),
        Some(Decimal::new(45, 1))
    );
    assert_eq!(
        h.cumulative.map(|d| d.normalize()),
        Some(Decimal::new(65, 1))
    );
}

#[test]
fn a_person_counted_before_the_period_is_not_counted_in_it_again() {
    let b = book(&lines(&[
        entry("e1", "2024-02-01", "p1", "K"),
        entry("e2", "2024-04-02", "p1", "K"),
        entry("e3", "2024-05-02", "p2", "M"),
    ]));
    let c = draft(&b, 2);
    let p = c
        .material
        .iter()
        .find(|i| i.id == "people")
        .expect("people");
    assert_eq!(
        (p.in_period, p.cumulative),
        (Some(Decimal::ONE), Some(Decimal::from(2)))
    );
    let k = p.by_sex.iter().find(|s| s.sex == Sex::K).expect("K");
    let m = p.by_sex.iter().find(|s| s.sex == Sex::M).expect("M");
    assert_eq!((k.in_period, k.cumulative), (0, 1));
    assert_eq!((m.in_period, m.cumulative), (1, 1));
}

#[test]
fn expenditure_counts_per_line_and_task_in_the_period_and_cumulatively() {
    let b = book(&lines(&[
        spent("s1", "2024-02-01", "lider", "1000.00", "staff", 1, "1.1"),
        spent(
            "s2",
            "2024-05-01",
            "partner",
            "500.00",
            "services",
            1,
            "1.2",
        ),
        spent("s3", "2024-06-30", "lider", "200.00", "staff", 2, "2.1"),
        spent("s4", "2024-07-01", "lider", "999.00", "staff", 2, "2.1"),
    ]));
    let c = draft(&b, 2);
    let t1 = &c.financial.tasks[0];
    assert_eq!(
        (t1.progress.in_period, t1.progress.cumulative),
        (a("500"), a("1500"))
    );
    assert_eq!(t1.progress.plan, Some(a("60 000")));
    assert_eq!(
        (
            t1.lines[0].progress.in_period,
            t1.lines[0].progress.cumulative
        ),
        (a("0"), a("1000"))
    );
    let t2 = &c.financial.tasks[1];
    assert_eq!(
        (t2.progress.in_period, t2.progress.cumulative),
        (a("200"), a("200"))
    );
    assert_eq!(c.financial.direct.cumulative, a("1700"));
}

#[test]
fn indirect_costs_are_the_flat_rate_of_the_direct_costs_settled() {
    let b = book(&lines(&[
        spent("s1", "2024-02-01", "lider", "10.05", "staff", 1, "1.1"),
        spent("s2", "2024-05-01", "lider", "10.05", "staff", 1, "1.1"),
    ]));
    // 10 % of 10,05 is 1,005, down to 1,00; of 20,10 it is 2,01: the second
    // period has 1,01 so that the two sum to the cumulative.
    let one = draft(&b, 1);
    let two = draft(&b, 2);
    assert_eq!(one.financial.indirect.cumulative, a("1.00"));
    assert_eq!(two.financial.indirect.cumulative, a("2.01"));
    assert_eq!(two.financial.indirect.in_period, a("1.01"));
    assert_eq!(two.financial.total.cumulative, a("22.11"));
}

#[test]
fn expenditure_naming_no_task_is_unassigned() {
    let b = book(
        r#"{"id":"s1","date":"2024-02-01","by":"lider","kind":"expenditure","partner":"lider","amount":"70.00","category":"staff"}"#,
    );
    let c = draft(&b, 1);
    assert_eq!(c.financial.unassigned.cumulative, a("70"));
    assert_eq!(c.financial.direct.cumulative, a("70"));
}

#[test]
fn per_partner_and_per_category_figures_have_the_lines_as_plan() {
    let b = book(&spent(
        "s1",
        "2024-02-01",
        "partner",
        "300.00",
        "services",
        1,
        "1.2",
    ));
    let c = draft(&b, 1);
    let (id, partner) = &c.financial.by_partner[1];
    assert_eq!(
        (id.as_str(), partner.plan, partner.cumulative),
        ("partner", Some(a("20 000")), a("300"))
    );
    let (cat, services) = &c.financial.by_category[0];
    assert_eq!(
        (cat.as_str(), services.plan, services.in_period),
        ("services", Some(a("20 000")), a("300"))
    );
}

#[test]
fn the_sources_of_financing_sum_exactly_to_the_total_settled() {
    let b = book(&spent(
        "s1",
        "2024-02-01",
        "lider",
        "333.33",
        "staff",
        1,
        "1.1",
    ));
    let c = draft(&b, 1);
    let sum: Amount = c.financing.iter().map(|s| s.cumulative).sum();
    assert_eq!(sum, c.financial.total.cumulative);
    let eu = c
        .financing
        .iter()
        .find(|s| s.source == FundingSource::Eu)
        .expect("EU");
    // 366,66 × 93 500 / 110 000 = 311,661 → 311,66 down.
    assert_eq!(eu.cumulative, a("311.66"));
    let state = c
        .financing
        .iter()
        .find(|s| s.source == FundingSource::StateBudget)
        .expect("state budget");
    assert!(state.derived);
}

#[test]
fn an_advance_received_is_settled_by_the_co_financing_of_the_expenditure() {
    let b = book(&lines(&[
        transfer("t1", "2024-01-15", "1000.00"),
        spent("s1", "2024-02-01", "lider", "500.00", "staff", 1, "1.1"),
        spent("s2", "2024-05-01", "lider", "1000.00", "staff", 1, "1.1"),
    ]));
    let one = draft(&b, 1);
    // Total 550,00; own 5 % = 27,50; co-financing 522,50.
    assert_eq!(one.advances.received_in_period, a("1000"));
    assert_eq!(one.advances.settled_in_period, a("522.50"));
    assert_eq!(one.advances.to_settle, a("477.50"));
    let two = draft(&b, 2);
    assert_eq!(two.advances.received_before, a("1000"));
    assert_eq!(two.advances.settled_before, a("522.50"));
    assert_eq!(two.advances.settled_in_period, a("477.50"));
    assert_eq!(two.advances.to_settle, a("0"));
    assert_eq!(
        two.advances.refund_asked,
        a("0"),
        "claim 2 is no refund claim"
    );
}

#[test]
fn a_refund_claim_asks_for_the_co_financing_not_covered_by_advances() {
    let b = book(&lines(&[
        transfer("t1", "2024-01-15", "100.00"),
        spent("s1", "2024-08-01", "lider", "1000.00", "staff", 1, "1.1"),
    ]));
    let three = draft(&b, 3);
    // Total 1 100,00; own 55,00; co-financing 1 045,00; 100,00 settled.
    assert_eq!(three.advances.settled_in_period, a("100"));
    assert_eq!(three.advances.refund_asked, a("945"));
}

#[test]
fn the_documents_are_the_expenditure_of_the_period_by_date_then_id() {
    let doc = r#"{"id":"s2","date":"2024-05-01","by":"lider","kind":"expenditure","partner":"lider","amount":"100.00","category":"staff","task":1,"line":"1.1","document":"FV 1/2024","issuer":"9562307984","issued":"2024-04-20","gross":"123.00","vat":"23.00"}"#;
    let b = book(&lines(&[
        doc.to_owned(),
        spent("s1", "2024-05-01", "lider", "1.00", "staff", 1, "1.1"),
        spent("s0", "2024-06-01", "lider", "1.00", "staff", 1, "1.1"),
        spent("x", "2024-03-31", "lider", "1.00", "staff", 1, "1.1"),
    ]));
    let c = draft(&b, 2);
    let ids: Vec<&str> = c.documents.iter().map(|d| d.fact.as_str()).collect();
    assert_eq!(ids, ["s1", "s2", "s0"]);
    let d = &c.documents[1];
    assert_eq!(d.number, "FV 1/2024");
    assert_eq!(
        (d.gross, d.vat, d.eligible),
        (Some(a("123")), Some(a("23")), a("100"))
    );
    assert_eq!(d.issued, Some(day("2024-04-20")));
    assert_eq!(
        c.documents[0].number, "s1",
        "without a document, the fact's id"
    );
}

#[test]
fn a_retracted_expenditure_never_counts() {
    let b = book(&lines(&[
        spent("s1", "2024-02-01", "lider", "100.00", "staff", 1, "1.1"),
        r#"{"id":"r1","date":"2024-09-01","by":"lider","kind":"retraction","retracts":"s1","reason":"error"}"#.to_owned(),
    ]));
    assert_eq!(draft(&b, 1).financial.direct.cumulative, a("0"));
}

#[test]
fn an_unknown_period_is_an_error() {
    let b = book("");
    assert_eq!(
        b.claim(9, &[]),
        Err(ClaimError::UnknownPeriod { number: 9, last: 3 })
    );
}

#[test]
fn a_draft_is_a_draft_for_its_period_and_version() {
    let c = draft(&book(""), 3);
    assert_eq!(
        (c.status, c.version.as_str(), c.number),
        (ClaimStatus::Draft, "umowa", 3)
    );
    assert_eq!(c.period.end(), day("2024-12-31"));
}

#[test]
fn every_claim_of_the_schedule_in_order() {
    let claims = book("").claims(&[]).expect("a schedule");
    let numbers: Vec<u32> = claims.iter().map(|c| c.number).collect();
    assert_eq!(numbers, [1, 2, 3]);
}

#[test]
fn a_claim_of_good_facts_on_a_good_plan_has_no_findings() {
    let b = book(&lines(&[
        transfer("t1", "2024-01-15", "1000.00"),
        spent("s1", "2024-02-01", "lider", "500.00", "staff", 1, "1.1"),
        meeting("m1", "2024-02-01", "2"),
    ]));
    for claim in b.claims(&[]).expect("a schedule") {
        assert_eq!(codes(&claim), Vec::<&str>::new(), "claim {}", claim.number);
    }
}

#[test]
fn indirect_costs_stated_as_an_amount_are_settled_in_proportion_to_the_direct_costs() {
    let text = PROJECT.replace(
        r#"indirect_costs = { flat_rate = "10 %", rounding = "down" }"#,
        r#"indirect_costs = { amount = "10 000,00 zł" }"#,
    );
    let p = project_from(&text);
    let f = facts(
        &p,
        &spent("s1", "2024-02-01", "lider", "333.33", "staff", 1, "1.1"),
    );
    let c = ClaimBook::new(p, None, &f).claim(1, &[]).expect("claim 1");
    // 333,33 × 10 000 / 100 000 = 33,333 → 33,33 down.
    assert_eq!(c.financial.indirect.cumulative, a("33.33"));
    assert_eq!(c.financial.indirect.plan, Some(a("10 000")));
}

#[test]
fn a_budget_stating_no_sources_gives_no_split_by_source_and_says_so() {
    let text = PROJECT.replace(
        r#"financing = [ { source = "state-budget" }, { source = "own", amount = "5 500,00 zł" } ]"#,
        "",
    );
    let p = project_from(&text);
    let f = facts(
        &p,
        &spent("s1", "2024-02-01", "lider", "1.00", "staff", 1, "1.1"),
    );
    let c = ClaimBook::new(p, None, &f).claim(1, &[]).expect("claim 1");
    assert_eq!(c.financing, []);
    assert_eq!(codes(&c), ["claim.financing-unstated"]);
}

#[test]
fn the_plan_of_a_claim_is_the_version_in_force_at_its_end() {
    let amendment = r#"
[[versions]]
id = "aneks"
kind = "amendment"
label = "Aneks"
in_force_from = 2024-05-15
period = { start = 2024-01-01, end = 2024-12-31 }
goal = { text = "Cel" }

[versions.budget]
total = "121 000,00 zł"
eu_contribution = "102 850,00 zł"
indirect_costs = { flat_rate = "10 %", rounding = "down" }
financing = [ { source = "state-budget" } ]

[[versions.budget.tasks]]
task = 1
lines = [
  { id = "1.1", name = "Wynagrodzenia", partner = "lider", category = "staff", total = "50 000,00 zł" },
  { id = "1.2", name = "Usługi", partner = "partner", category = "services", total = "20 000,00 zł" },
]

[[versions.budget.tasks]]
task = 2
lines = [
  { id = "2.1", name = "Wynagrodzenia", partner = "lider", category = "staff", total = "40 000,00 zł" },
]
"#;
    let text = PROJECT.replacen(
        "[[payment_schedule]]",
        &format!("{amendment}\n[[payment_schedule]]"),
        1,
    );
    let p = project_from(&text);
    let b = ClaimBook::new(p, None, &[]);
    let one = b.claim(1, &[]).expect("claim 1");
    let two = b.claim(2, &[]).expect("claim 2");
    assert_eq!(
        (one.version.as_str(), two.version.as_str()),
        ("umowa", "aneks")
    );
    assert_eq!(
        one.financial.tasks[0].lines[0].progress.plan,
        Some(a("40 000"))
    );
    assert_eq!(
        two.financial.tasks[0].lines[0].progress.plan,
        Some(a("50 000"))
    );
    assert_eq!(two.financial.total.plan, Some(a("121 000")));
}
