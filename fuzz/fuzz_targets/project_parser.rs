//! Fuzzes the project file parser, and on a parsed project the validator and
//! the engine's report: none of them may panic, whatever the input.
#![no_main]

use chrono::NaiveDate;
use kooperacja_core::engine::Engine;
use kooperacja_core::project::Project;
use kooperacja_core::validate::validate;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(project) = Project::parse(text) else {
        return;
    };
    let _ = validate(&project, None);
    let as_of = NaiveDate::from_ymd_opt(2021, 6, 30).expect("a valid date");
    let _ = Engine::new(&project, None).report(as_of);
});
