//! A claim's figures read back from the JSON they are written as: the CLI
//! keeps filed claims in a JSON file and the server in its store, so every
//! figure written must read back to the same value (a share of a plan is
//! exact, with as many decimals as a division gives, and may pass 1000 %).

use kooperacja_core::claim::Progress;
use kooperacja_core::money::{Amount, Rate};

fn progress(plan: &str, cumulative: &str) -> Progress {
    let plan = Amount::parse(plan).expect("amount");
    let cumulative = Amount::parse(cumulative).expect("amount");
    Progress {
        plan: Some(plan),
        in_period: cumulative,
        cumulative,
        share: Rate::implied(cumulative, plan),
    }
}

fn read_back(p: &Progress) -> Progress {
    let json = serde_json::to_string(p).expect("written");
    serde_json::from_str(&json).unwrap_or_else(|e| panic!("{json}: {e}"))
}

#[test]
fn a_share_of_one_ninth_reads_back_exactly() {
    let p = progress("900,00", "100,00");
    assert_eq!(read_back(&p), p);
}

#[test]
fn a_share_above_1000_percent_reads_back() {
    let p = progress("1,00", "20,00");
    assert_eq!(read_back(&p), p);
}
