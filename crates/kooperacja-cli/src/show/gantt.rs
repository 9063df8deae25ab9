//! The milestones as a text Gantt chart, the as-of date marked.

use std::io::Write;

use chrono::NaiveDate;
use kooperacja_core::period::Period;
use kooperacja_core::present::{self, label};
use kooperacja_core::report::{MilestoneState, Report};

use crate::ui::{Ctx, Style, pad};

/// The width of the Gantt chart's time axis.
const GANTT: usize = 56;

/// The column of `date` on an axis of `GANTT` columns over `period`.
fn column(period: Period, date: NaiveDate) -> usize {
    let days = i64::from(period.days().max(1));
    let offset = (date - period.start()).num_days().clamp(0, days - 1);
    usize::try_from(offset * i64::try_from(GANTT).unwrap_or(1) / days).unwrap_or(0)
}

pub fn gantt(ctx: &Ctx, r: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    let span = r
        .milestones
        .iter()
        .map(|m| m.period)
        .fold(r.period, |acc, p| {
            Period::new(acc.start().min(p.start()), acc.end().max(p.end())).unwrap_or(acc)
        });
    let label = 9;
    // The year axis: each year's label where its 1 January falls.
    let mut axis = vec![' '; GANTT + 6];
    let first = chrono::Datelike::year(&span.start());
    let last = chrono::Datelike::year(&span.end());
    let mut free = 0;
    for year in first..=last {
        let Some(jan) = NaiveDate::from_ymd_opt(year, 1, 1) else {
            continue;
        };
        let at = if jan < span.start() {
            0
        } else {
            column(span, jan)
        };
        // A label never overwrites the one before it.
        if at < free {
            continue;
        }
        free = at + 5;
        for (k, c) in year.to_string().chars().enumerate() {
            if let Some(slot) = axis.get_mut(at + k) {
                *slot = c;
            }
        }
    }
    writeln!(
        out,
        "{}{}",
        " ".repeat(label),
        axis.iter().collect::<String>().trim_end()
    )?;
    let now = span.contains(r.as_of).then(|| column(span, r.as_of));
    for m in &r.milestones {
        let (from, to) = (column(span, m.period.start()), column(span, m.period.end()));
        let mut cells = String::new();
        for col in 0..GANTT {
            let c = if (from..=to).contains(&col) {
                if m.state == MilestoneState::Finished
                    || Some(col) <= now.filter(|_| m.state == MilestoneState::Running)
                {
                    '█'
                } else {
                    '░'
                }
            } else if Some(col) == now {
                '│'
            } else {
                ' '
            };
            cells.push(c);
        }
        let style = Style::of_state(m.state);
        writeln!(
            out,
            "{}{}",
            pad(&m.id, label),
            ctx.paint(style, cells.trim_end())
        )?;
    }
    match now {
        Some(at) => writeln!(
            out,
            "{}{}▲ {}",
            " ".repeat(label),
            " ".repeat(at),
            present::date(ctx.lang, r.as_of)
        ),
        None => writeln!(
            out,
            "{}{}: {}",
            " ".repeat(label),
            ctx.text(label::AS_OF_OUTSIDE_THE_PERIOD),
            present::date(ctx.lang, r.as_of)
        ),
    }
}
