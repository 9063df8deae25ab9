//! The claims of the Kooperacja fixture (`fixtures/projects/kooperacja-makroregion-ii.toml`
//! with `fixtures/facts/kooperacja-sample.jsonl`): every period of its
//! quarterly schedule gives a claim with material and financial progress;
//! at some period a refund is asked, an advance is settled and a line is
//! overspent; a claim filed and a retraction recorded later show as a
//! correction in the next claim.

use std::sync::Arc;

use chrono::NaiveDate;
use kooperacja_core::claim::{Claim, ClaimBook, Corrected, FiledClaim};
use kooperacja_core::facts::{Fact, FactReader, Format};
use kooperacja_core::money::Amount;
use kooperacja_core::project::Project;
use kooperacja_core::pseudonym::PseudonymKey;

const PROJECT: &str = include_str!("../../../fixtures/projects/kooperacja-makroregion-ii.toml");
const FACTS: &str = include_str!("../../../fixtures/facts/kooperacja-sample.jsonl");

fn project() -> Arc<Project> {
    Arc::new(Project::parse(PROJECT).expect("the fixture parses"))
}

fn facts(project: &Project, text: &str) -> Vec<Fact> {
    FactReader::new(
        text.as_bytes(),
        Format::JsonLines,
        project.vocabulary().clone(),
        PseudonymKey::from_bytes([0; 32]),
    )
    .map(|f| f.expect("the sample's facts are good"))
    .collect()
}

fn book_of(text: &str) -> ClaimBook {
    let p = project();
    let f = facts(&p, text);
    ClaimBook::new(p, None, &f)
}

fn claims() -> Vec<Claim> {
    book_of(FACTS)
        .claims(&[])
        .expect("the fixture has a schedule")
}

#[test]
fn every_period_of_the_schedule_gives_a_claim_with_material_and_financial_progress() {
    let claims = claims();
    assert!(claims.len() >= 16, "quarterly 2018-04 to 2022-12");
    for c in &claims {
        assert!(!c.material.is_empty(), "claim {}", c.number);
        assert!(!c.financial.tasks.is_empty(), "claim {}", c.number);
    }
    let spent: Amount = claims.iter().map(|c| c.financial.direct.in_period).sum();
    assert!(spent.grosze() > 0);
}

#[test]
fn the_periods_sum_to_the_cumulative_for_every_task() {
    let claims = claims();
    let last = claims.last().expect("a claim");
    for (i, task) in last.financial.tasks.iter().enumerate() {
        let sum: Amount = claims
            .iter()
            .filter(|c| c.version == last.version)
            .filter_map(|c| c.financial.tasks.get(i))
            .map(|t| t.progress.in_period)
            .sum();
        let before: Amount = claims
            .iter()
            .take_while(|c| c.version != last.version)
            .last()
            .and_then(|c| c.financial.tasks.get(i))
            .map(|t| t.progress.cumulative)
            .unwrap_or_default();
        assert_eq!(before + sum, task.progress.cumulative, "task {}", task.task);
    }
}

#[test]
fn some_claim_asks_for_a_refund() {
    assert!(
        claims()
            .iter()
            .any(|c| c.advances.refund_asked.grosze() > 0)
    );
}

#[test]
fn some_claim_settles_an_advance() {
    assert!(
        claims()
            .iter()
            .any(|c| c.advances.settled_in_period.grosze() > 0)
    );
}

#[test]
fn some_claim_has_an_overspent_line() {
    assert!(
        claims()
            .iter()
            .any(|c| c.findings.iter().any(|f| f.code == "claim.line-over-plan"))
    );
}

#[test]
fn a_retraction_after_filing_shows_as_a_correction_in_the_next_claim() {
    let book = book_of(FACTS);
    let schedule = &book.project().payment_schedule;
    // The first claim with expenditure, filed with those before it.
    let claims = book.claims(&[]).expect("a schedule");
    let target = claims
        .iter()
        .find(|c| !c.documents.is_empty())
        .expect("a claim with documents");
    let mut filed: Vec<FiledClaim> = Vec::new();
    for p in schedule.iter().filter(|p| p.number <= target.number) {
        let on: NaiveDate = p.period.end();
        filed.push(book.file(p.number, on, &filed).expect("the claim files"));
    }
    let document = &target.documents[0];
    let retraction = format!(
        r#"{{"id":"claim-test-retraction","date":"{}","by":"{}","kind":"retraction","retracts":"{}","reason":"test"}}"#,
        target.period.end() + chrono::Duration::days(10),
        document.partner,
        document.fact
    );
    let later = book_of(&format!("{FACTS}\n{retraction}\n"));
    let frozen = later.claim(target.number, &filed).expect("the filed claim");
    assert_eq!(
        serde_json::to_string(&frozen).ok(),
        serde_json::to_string(&filed.last().expect("filed").claim).ok(),
        "the filed claim does not change"
    );
    let next = later
        .claim(target.number + 1, &filed)
        .expect("the next claim");
    let correction = next
        .corrections
        .iter()
        .find(|c| matches!(c.subject, Corrected::Expenditure { .. }))
        .expect("a correction of expenditure");
    assert_eq!(correction.corrects, target.number);
    assert_eq!(correction.difference, -document.eligible.as_decimal());
    assert_eq!(correction.retracted, std::slice::from_ref(&document.fact));
}

#[test]
fn a_person_indicators_split_by_sex_with_the_unrecorded_sums_to_its_total() {
    // The fixture's coaching facts carry no sex: the claim must say so
    // (płeć nieznana), never show K 0, M 0 beside a total of 95.
    let mut seen_unknown = false;
    for c in claims() {
        for i in c.material.iter().filter(|i| !i.by_sex.is_empty()) {
            let unknown = i
                .sex_unknown
                .map_or((0, 0), |u| (u.in_period, u.cumulative));
            seen_unknown |= unknown.1 > 0;
            let parts: u64 = i.by_sex.iter().map(|s| s.cumulative).sum::<u64>() + unknown.1;
            let in_period: u64 = i.by_sex.iter().map(|s| s.in_period).sum::<u64>() + unknown.0;
            let total = |d: Option<rust_decimal::Decimal>| {
                d.and_then(|d| u64::try_from(d).ok()).unwrap_or(0)
            };
            assert_eq!(parts, total(i.cumulative), "claim {} {}", c.number, i.id);
            assert_eq!(in_period, total(i.in_period), "claim {} {}", c.number, i.id);
        }
    }
    assert!(seen_unknown, "the fixture has persons with no recorded sex");
}
