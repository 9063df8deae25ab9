//! Fuzzes the project file parser, and on every project that parses the
//! validator, the engine and its report at several dates: none of them may
//! panic, whatever the input. The input is bytes, read as the adapters read
//! a file (`parse_project_bytes`, so a file that is not UTF-8 is fuzzed
//! too); a parse error is also rendered as the adapters show it.
#![no_main]

use chrono::NaiveDate;
use kooperacja_core::engine::Engine;
use kooperacja_core::parse::parse_project_bytes;
use kooperacja_core::validate::validate;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let project = match parse_project_bytes(data) {
        Ok(project) => project,
        Err(err) => {
            let text = String::from_utf8_lossy(data);
            for lang in kooperacja_core::present::Lang::ALL {
                let _ = kooperacja_core::present::located::parse_error(
                    lang,
                    kooperacja_core::present::located::Look::Plain,
                    "fuzz.toml",
                    &text,
                    &err,
                );
            }
            return;
        }
    };
    let _ = validate(&project, None);
    let engine = Engine::new(project.clone(), None);
    // Dates around each version's period (before, at both ends, after), and
    // a few fixed ones, among them the extremes of the calendar.
    let mut dates: Vec<NaiveDate> = [
        NaiveDate::from_ymd_opt(2021, 6, 30),
        NaiveDate::from_ymd_opt(1, 1, 1),
        NaiveDate::from_ymd_opt(9999, 12, 31),
    ]
    .into_iter()
    .flatten()
    .collect();
    for version in project.versions.iter().take(4) {
        let (start, end) = (version.period.start(), version.period.end());
        dates.extend([start.pred_opt(), Some(start), Some(end), end.succ_opt()].into_iter().flatten());
    }
    for as_of in dates {
        let _ = engine.report(as_of);
    }
});
