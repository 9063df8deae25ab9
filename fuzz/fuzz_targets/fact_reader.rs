//! Fuzzes the fact reader (JSON Lines and CSV) and the engine behind it: the
//! first byte chooses the format (even, such as `0`: JSON Lines; odd, such as
//! `1`: CSV), the rest is the input. Every good fact is turned back into a
//! record and written as a JSON line and a CSV row, and applied to an engine
//! over a fixture project (the first byte's second bit picks which), whose
//! report is then built at several dates. Nothing may panic.
#![no_main]

use std::sync::{Arc, LazyLock};

use chrono::NaiveDate;
use kooperacja_core::engine::Engine;
use kooperacja_core::facts::{FactReader, Format, to_csv_row, to_json_line};
use kooperacja_core::pseudonym::PseudonymKey;
use kooperacja_core::project::Project;
use kooperacja_core::territory::Register;
use libfuzzer_sys::fuzz_target;

/// The fixture projects, parsed once.
static PROJECTS: LazyLock<[Arc<Project>; 2]> = LazyLock::new(|| {
    let parse = |text: &str| Arc::new(Project::parse(text).expect("the fixture parses"));
    [
        parse(include_str!("../../fixtures/projects/kooperacja-makroregion-ii.toml")),
        parse(include_str!("../../fixtures/projects/koordynacja-kujawy-pomorze.toml")),
    ]
});

/// The TERC register the fixtures name, parsed once.
static REGISTER: LazyLock<Arc<Register>> = LazyLock::new(|| {
    Arc::new(
        Register::parse_terc(include_str!("../../fixtures/teryt/TERC_Urzedowy_2025-11-18.csv"))
            .expect("the register parses"),
    )
});

fuzz_target!(|data: &[u8]| {
    let Some((&first, input)) = data.split_first() else {
        return;
    };
    let format = if first & 1 == 0 {
        Format::JsonLines
    } else {
        Format::Csv
    };
    let project = &PROJECTS[usize::from(first >> 1 & 1)];
    let mut engine = Engine::new(Arc::clone(project), Some(Arc::clone(&REGISTER)));
    let vocabulary = Arc::clone(project.vocabulary());
    let columns = vocabulary.columns();
    for item in FactReader::new(input, format, vocabulary, PseudonymKey::from_bytes([0; 32])) {
        if let Ok(fact) = item {
            let record = fact.to_record();
            let _ = to_json_line(&record);
            let _ = to_csv_row(&record, &columns);
            let _ = engine.apply(&fact);
        }
    }
    for (y, m, d) in [(2019, 3, 31), (2020, 9, 30), (2025, 11, 30), (9999, 12, 31)] {
        if let Some(as_of) = NaiveDate::from_ymd_opt(y, m, d) {
            let _ = engine.report(as_of);
        }
    }
});
