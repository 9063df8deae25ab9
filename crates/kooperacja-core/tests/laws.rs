//! Laws of money and periods, stated as properties.

use chrono::{Datelike, NaiveDate};
use kooperacja_core::money::{Amount, Rate, Rounding};
use kooperacja_core::period::Period;
use proptest::prelude::*;
use rust_decimal::Decimal;

/// Any amount a project file may hold: below 10^15 zł, either sign.
fn any_amount() -> impl Strategy<Value = Amount> {
    (-99_999_999_999_999_999_i64..=99_999_999_999_999_999_i64).prop_map(Amount::from_grosze)
}

fn any_rate() -> impl Strategy<Value = Rate> {
    // 0.0000 % to 100.0000 %, four decimals of a percent, like programme rates.
    (0_i64..=1_000_000).prop_map(|n| Rate::from_percent(Decimal::new(n, 4)))
}

fn any_date() -> impl Strategy<Value = NaiveDate> {
    // 1990-01-01 plus up to ~60 years.
    (0_i64..22_000).prop_map(|d| {
        NaiveDate::from_ymd_opt(1990, 1, 1).expect("valid") + chrono::Duration::days(d)
    })
}

fn days_in_month(date: NaiveDate) -> u32 {
    let first_next = if date.month() == 12 {
        NaiveDate::from_ymd_opt(date.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(date.year(), date.month() + 1, 1)
    };
    first_next.expect("valid").pred_opt().expect("valid").day()
}

/// Whole months by walking day by day: the period has N whole months when the day
/// after its end is the N-th "monthly anniversary" of its start, where the
/// anniversary in a month is the start's day of month, or that month's last day
/// if the month is shorter.
fn naive_whole_months(period: Period) -> Option<u32> {
    let start = period.start();
    let mut anniversaries = 0;
    let mut day = start;
    let after_end = period.end().succ_opt()?;
    while day < after_end {
        day = day.succ_opt()?;
        if day.day() == start.day().min(days_in_month(day)) {
            anniversaries += 1;
        }
    }
    let is_anniversary = after_end.day() == start.day().min(days_in_month(after_end));
    (is_anniversary && anniversaries > 0).then_some(anniversaries)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// parse(to_polish(x)) == x, and the same for plain notation.
    #[test]
    fn polish_notation_round_trips(a in any_amount()) {
        prop_assert_eq!(Amount::parse(&a.to_polish()), Ok(a));
        prop_assert_eq!(Amount::parse(&a.polish_number()), Ok(a));
        prop_assert_eq!(Amount::parse(&a.to_plain()), Ok(a));
    }

    /// The lenient parse agrees with the strict one wherever the strict one
    /// succeeds, and then reports no repair.
    #[test]
    fn lenient_parse_extends_strict(a in any_amount()) {
        prop_assert_eq!(Amount::parse_lenient(&a.to_polish()), Ok((a, vec![])));
    }

    /// Splitting an amount gives parts that sum to it exactly, each within less
    /// than a grosz of its exact share.
    #[test]
    fn split_sums_exactly(a in any_amount(), weights in prop::collection::vec(0_u64..1_000_000_000, 1..12)) {
        prop_assume!(weights.iter().any(|&w| w > 0));
        let parts = a.split(&weights).expect("valid split");
        prop_assert_eq!(parts.len(), weights.len());
        prop_assert_eq!(parts.iter().copied().sum::<Amount>(), a);
        let total_weight: u64 = weights.iter().sum();
        for (part, &w) in parts.iter().zip(&weights) {
            // |part − a·w/W| < 1 grosz  ⇔  |part·W − a·w| < W grosze (all in grosze, exact integers)
            let lhs = part.grosze() * i128::from(total_weight) - a.grosze() * i128::from(w);
            prop_assert!(lhs.abs() < i128::from(total_weight), "part {} weight {} of {}", part, w, a);
        }
    }

    /// Rounding down never gives more than the exact product, and is less by
    /// under a grosz; the half roundings are within half a grosz.
    #[test]
    fn rounding_laws(a in any_amount(), r in any_rate()) {
        let exact = r.exact_product(a).expect("a parsed rate times an amount is exact");
        let down = r.apply(a, Rounding::Down).expect("exact").as_decimal();
        prop_assert!(down <= exact);
        prop_assert!(exact - down < Decimal::new(1, 2));
        for rounding in [Rounding::HalfUp, Rounding::HalfEven] {
            let near = r.apply(a, rounding).expect("exact").as_decimal();
            prop_assert!((near - exact).abs() <= Decimal::new(5, 3));
        }
    }

    /// Whole-month counting agrees with a naive day walk.
    #[test]
    fn months_agree_with_day_walk(start in any_date(), length in 0_i64..800) {
        let period = Period::new(start, start + chrono::Duration::days(length)).expect("valid");
        prop_assert_eq!(period.whole_months(), naive_whole_months(period));
    }

    /// Periods of the documents' shape, first day of a month to the last day of a
    /// later month, always have whole months, and the days add up.
    #[test]
    fn month_aligned_periods(year in 2000_i32..2040, month in 1_u32..=12, months in 1_u32..120) {
        let start = NaiveDate::from_ymd_opt(year, month, 1).expect("valid");
        let end = start.checked_add_months(chrono::Months::new(months)).expect("valid").pred_opt().expect("valid");
        let period = Period::new(start, end).expect("valid");
        prop_assert_eq!(period.whole_months(), Some(months));
        prop_assert_eq!(i64::from(period.days()), (end - start).num_days() + 1);
        prop_assert_eq!(Period::parse(&period.to_polish()), Ok(period));
    }
}
