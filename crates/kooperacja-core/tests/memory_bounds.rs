//! Memory stays proportional to the facts, whatever their dates or names
//! (issue 11, class 5). One test per binary, so that the process's peak
//! virtual memory (`VmPeak` in `/proc/self/status`, Linux only) measures it.

use chrono::NaiveDate;
use kooperacja_core::engine::Engine;
use kooperacja_core::facts::{Fact, FactReader, Format};
use kooperacja_core::project::Project;

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

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn facts_of(jsonl: &str) -> Vec<Fact> {
    FactReader::new(
        jsonl.as_bytes(),
        Format::JsonLines,
        fixture_vocabulary(),
        kooperacja_core::pseudonym::PseudonymKey::from_bytes([0; 32]),
    )
    .map(|r| r.expect("every record is good"))
    .collect()
}

fn expenditure(id: usize, amount: &str, category: &str, day: &str) -> String {
    format!(
        r#"{{"id":"e{id}","date":"{day}","by":"umk","kind":"expenditure","partner":"umk","amount":"{amount}","category":"{category}"}}"#
    )
}

/// The peak virtual memory of this process in KiB, where the system says.
fn peak_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmPeak:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Facts dated over years 1 to 9999 (a dense daily series from the first to
/// the last date took 3.4 GB), and 300 spending categories with facts spread
/// over the period: the engine's memory stays small (409 MB peak before the
/// fix, on the old dense series).
#[test]
fn wide_dates_and_many_categories_stay_small() {
    let project = Project::parse(include_str!(
        "../../../fixtures/projects/kooperacja-makroregion-ii.toml"
    ))
    .expect("fixture parses");
    let mut lines = Vec::new();
    for i in 0..4000_usize {
        let year = 1 + (i * 37) % 9999;
        let d = format!("{year:04}-06-15");
        lines.push(format!(
            r#"{{"id":"m{i}","date":"{d}","by":"rops-torun","territory":"04","kind":"meeting","group":"PGR","days":1,"participants":3}}"#
        ));
        lines.push(format!(
            r#"{{"id":"c{i}","date":"{d}","by":"umk","territory":"04","kind":"coaching","person":"p{i}","form":"group","role":"social-worker"}}"#
        ));
        lines.push(expenditure(i, "1.00", &format!("c{}", i % 300), &d));
        let near = date(2018, 5, 1) + chrono::Days::new((i * 7 % 1000) as u64);
        lines.push(expenditure(
            100_000 + i,
            "10.00",
            &format!("cat-{}", i % 300),
            &near.to_string(),
        ));
    }
    let facts = facts_of(&lines.join("\n"));
    let mut engine = Engine::new(project.clone(), None);
    for f in &facts {
        let _ = engine.apply(f);
    }
    let report = engine.report(date(9999, 12, 31));
    assert!(report.budget.by_category.len() >= 300);
    let Some(peak) = peak_kib() else {
        eprintln!("SKIPPED: no /proc/self/status");
        return;
    };
    assert!(peak < 200 * 1024, "peak virtual memory {peak} KiB");
}
