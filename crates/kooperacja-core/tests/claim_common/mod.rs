//! What the claim tests share: a small purpose-made project (two partners,
//! two tasks with three cost lines, indirect costs at a flat rate, the
//! sources of financing, a schedule of three quarters, an indicator of each
//! kind) and a reader of facts.

// Each test binary uses a different part of this module.
#![allow(dead_code)]

use std::sync::Arc;

use chrono::NaiveDate;
use kooperacja_core::claim::{Claim, ClaimBook, FiledClaim};
use kooperacja_core::facts::{Fact, FactReader, Format};
use kooperacja_core::project::Project;
use kooperacja_core::pseudonym::PseudonymKey;

/// The project: 2024-01-01 to 2024-12-31; three quarterly claims (the
/// first an advance, the second a settlement, the third a refund); budget
/// 110 000,00 zł = direct 100 000,00 zł (task 1: lines 1.1 staff of lider
/// 40 000 and 1.2 services of partner 20 000; task 2: line 2.1 staff of
/// lider 40 000) + indirect 10 % rounded down; EU 85 %, state budget
/// derived, own 5 500,00 zł.
pub const PROJECT: &str = r#"
format = 2
id = "maly"
title = "Mały projekt"

[programme]
name = "Program"
short = "P"
action = "1.1"
action_name = "Działanie"
fund = "EFS+"

[programme.rules]
source = "test rules"
indirect_rates = [ { up_to = "200 000,00 zł", rate = "10 %" }, { rate = "5 %" } ]

[[organisations]]
id = "lider"
role = "leader"
kind = "rops"
name = "Lider"

[[organisations]]
id = "partner"
role = "partner"
kind = "ngo"
name = "Partner"

[[tasks]]
number = 1
title = "Diagnoza"

[[tasks]]
number = 2
title = "Pilotaż"

[territory]

[[territory.voivodeships]]
code = "04"
name = "kujawsko-pomorskie"

[[versions]]
id = "umowa"
kind = "agreement"
label = "Umowa"
period = { start = 2024-01-01, end = 2024-12-31 }
goal = { text = "Cel" }

[versions.budget]
total = "110 000,00 zł"
eu_contribution = "93 500,00 zł"
eu_rounding = "down"
indirect_costs = { flat_rate = "10 %", rounding = "down" }
financing = [ { source = "state-budget" }, { source = "own", amount = "5 500,00 zł" } ]

[[versions.budget.tasks]]
task = 1
lines = [
  { id = "1.1", name = "Wynagrodzenia", partner = "lider", category = "staff", total = "40 000,00 zł" },
  { id = "1.2", name = "Usługi", partner = "partner", category = "services", total = "20 000,00 zł" },
]

[[versions.budget.tasks]]
task = 2
lines = [
  { id = "2.1", name = "Wynagrodzenia", partner = "lider", category = "staff", total = "40 000,00 zł" },
]

[[payment_schedule]]
number = 1
period = { start = 2024-01-01, end = 2024-03-31 }
kinds = ["advance", "reporting"]

[[payment_schedule]]
number = 2
period = { start = 2024-04-01, end = 2024-06-30 }
kinds = ["settlement"]

[[payment_schedule]]
number = 3
period = { start = 2024-07-01, end = 2024-12-31 }
kinds = ["settlement", "refund", "final"]

[participants]
sexes = ["K", "M"]

[[indicators]]
id = "meetings"
kind = "product"
name = "Liczba spotkań"
unit = "spotkania"
target = 10
rule = { count = "facts", kind = ["meeting"] }

[[indicators]]
id = "hours"
kind = "product"
name = "Liczba godzin"
unit = "godziny"
target = 100
rule = { sum = "hours", kind = ["meeting"] }

[[indicators]]
id = "people"
kind = "result"
name = "Liczba uczestników"
unit = "osoby"
target = 4
rule = { distinct = "participant", kind = ["entry"] }

[[fact_kinds]]
id = "meeting"
name = { pl = "spotkanie", en = "meeting" }
fields = [
  { id = "hours", type = "hours", required = true, name = { pl = "godziny", en = "hours" } },
]
"#;

/// The project parsed.
pub fn project() -> Arc<Project> {
    project_from(PROJECT)
}

/// A project from its text.
pub fn project_from(text: &str) -> Arc<Project> {
    Arc::new(Project::parse(text).expect("the test project parses"))
}

/// Facts from JSON lines, each valid.
pub fn facts(project: &Project, jsonl: &str) -> Vec<Fact> {
    FactReader::new(
        jsonl.as_bytes(),
        Format::JsonLines,
        project.vocabulary().clone(),
        PseudonymKey::from_bytes([5; 32]),
    )
    .map(|f| f.expect("a valid fact"))
    .collect()
}

/// One expenditure fact's line.
pub fn spent(
    id: &str,
    date: &str,
    partner: &str,
    amount: &str,
    category: &str,
    task: u32,
    line: &str,
) -> String {
    format!(
        r#"{{"id":"{id}","date":"{date}","by":"{partner}","kind":"expenditure","partner":"{partner}","amount":"{amount}","category":"{category}","task":{task},"line":"{line}"}}"#
    )
}

/// A book over the project and `jsonl`.
pub fn book(jsonl: &str) -> ClaimBook {
    let p = project();
    let f = facts(&p, jsonl);
    ClaimBook::new(p, None, &f)
}

/// The draft of claim `n`, with no claim filed.
pub fn draft(book: &ClaimBook, n: u32) -> Claim {
    book.claim(n, &[]).expect("the schedule has the period")
}

/// Files claims 1..=n one after the other, each on its period's end.
pub fn file_upto(book: &ClaimBook, n: u32) -> Vec<FiledClaim> {
    let mut filed = Vec::new();
    for number in 1..=n {
        let on = book
            .project()
            .payment_schedule
            .iter()
            .find(|p| p.number == number)
            .map(|p| p.period.end())
            .expect("the period");
        let claim = book.file(number, on, &filed).expect("the claim files");
        filed.push(claim);
    }
    filed
}

/// A day.
pub fn day(text: &str) -> NaiveDate {
    text.parse().expect("a date")
}

/// Codes of a claim's findings.
pub fn codes(claim: &Claim) -> Vec<&'static str> {
    claim.findings.iter().map(|f| f.code).collect()
}
