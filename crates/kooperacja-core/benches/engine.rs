//! In-memory evaluation against a single sequential pass over the same facts.
//!
//!     cargo bench -p kooperacja-core --bench engine [-- COUNT]
//!
//! Generates COUNT facts (default 1,000,000) in memory, then times, five times
//! each, (a) one sequential pass that touches every fact (counts kinds, sums
//! expenditure, counts the seven indicators' kinds) and (b) a fresh `Engine`
//! applying every fact and reporting. Prints the medians and their ratio.
// Timing is not money: floats are fine here.
#![allow(
    clippy::disallowed_types,
    clippy::print_stdout,
    clippy::unwrap_used,
    clippy::float_arithmetic
)]

use std::hint::black_box;
use std::time::Instant;

use kooperacja_core::engine::Engine;
use kooperacja_core::facts::{Fact, What};
use kooperacja_core::project::Project;
use kooperacja_core::synthetic::Generator;
use kooperacja_core::territory::Register;

fn median(mut runs: Vec<f64>) -> f64 {
    runs.sort_by(f64::total_cmp);
    runs[runs.len() / 2]
}

fn sequential(facts: &[Fact]) -> (u64, i128) {
    let mut counted = 0_u64;
    let mut spent = 0_i128;
    for fact in facts {
        match &fact.what {
            What::Expenditure { amount, .. } => spent += amount.grosze(),
            What::Retraction { .. } => {}
            _ => {
                counted +=
                    u64::try_from(fact.id.len()).unwrap_or(0) + u64::from(fact.territory.is_some())
            }
        }
    }
    (counted, spent)
}

fn main() {
    let count: u64 = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures");
    let project = std::sync::Arc::new(
        Project::parse(
            &std::fs::read_to_string(format!("{root}/projects/kooperacja-makroregion-ii.toml"))
                .unwrap(),
        )
        .unwrap(),
    );
    let register = Register::parse_terc(
        &std::fs::read_to_string(format!("{root}/teryt/TERC_Urzedowy_2025-11-18.csv")).unwrap(),
    )
    .unwrap();
    let facts: Vec<Fact> = Generator::new(&project, &register, 1, count)
        .unwrap()
        .collect();
    let as_of = chrono::NaiveDate::from_ymd_opt(2022, 12, 31).unwrap();
    let (mut seq, mut eng) = (Vec::new(), Vec::new());
    for _ in 0..5 {
        let t = Instant::now();
        black_box(sequential(black_box(&facts)));
        seq.push(t.elapsed().as_secs_f64());
        let t = Instant::now();
        let mut engine = Engine::new(std::sync::Arc::clone(&project), None);
        for fact in &facts {
            let _ = engine.apply(fact);
        }
        black_box(engine.report(as_of));
        eng.push(t.elapsed().as_secs_f64());
    }
    let (s, e) = (median(seq), median(eng));
    println!("facts: {count}");
    println!("sequential pass: median {s:.3} s");
    println!("engine (apply all + report): median {e:.3} s");
    println!("ratio engine / pass: {:.2}  (target <= 3)", e / s);
}
