//! `kooperacja milestones`: the milestones, their chart and their meetings.

use std::io::Write;
use std::process::ExitCode;

use kooperacja_core::present::{self, label};

use crate::input::InputError;
use crate::show::{done, heading};
use crate::ui::{self, Col, Csv, Ctx, Style, Table, iso, opt, opt_count};
use kooperacja_core::report::MilestoneState;

use crate::{Format, ReportArgs};

pub fn milestones(
    args: &ReportArgs,
    ctx: &Ctx,
    out: &mut dyn Write,
) -> Result<ExitCode, InputError> {
    let (project, register) = crate::input::load(&args.input)?;
    let r = crate::input::report(args, &project, register.as_ref())?;
    done(match args.input.format {
        Format::Json => ui::write_json(
            out,
            &serde_json::json!({
                "as_of": iso(r.as_of),
                "version": r.version,
                "period": r.period,
                "milestones": r.milestones,
            }),
        ),
        Format::Csv => {
            let mut csv = Csv::new(vec![
                "milestone",
                "number",
                "start",
                "end",
                "state",
                "days_passed",
                "activity",
                "activity_kind",
                "group",
                "planned",
                "planned_per_group",
                "held",
                "planned_days",
                "held_days",
            ]);
            for m in &r.milestones {
                let base = vec![
                    m.id.clone(),
                    m.number.to_string(),
                    iso(m.period.start()),
                    iso(m.period.end()),
                    m.state.machine().to_owned(),
                    m.days_passed.to_string(),
                ];
                if m.activities.is_empty() {
                    let mut row = base.clone();
                    row.extend(std::iter::repeat_n(String::new(), 8));
                    csv.row(row);
                }
                for a in &m.activities {
                    let mut row = base.clone();
                    row.extend([
                        a.text.clone(),
                        a.kind.clone(),
                        opt(a.group.as_ref()),
                        opt(a.planned),
                        opt(a.planned_per_group),
                        a.held.to_string(),
                        opt(a.planned_days),
                        a.held_days.to_string(),
                    ]);
                    csv.row(row);
                }
            }
            csv.write(out)
        }
        Format::Table => (|| {
            heading(ctx, &r, ctx.text(label::MILESTONES), out)?;
            writeln!(out)?;
            if r.milestones.is_empty() {
                writeln!(out, "  {}", ctx.text(label::NO_MILESTONES))?;
                return Ok(());
            }
            super::gantt::gantt(ctx, &r, out)?;
            for m in &r.milestones {
                writeln!(out)?;
                let line = format!(
                    "{} {}  {}  {}",
                    ctx.paint(Style::Bold, &m.id),
                    present::period(ctx.lang, m.period),
                    ctx.text(label::state(m.state)),
                    if m.state == MilestoneState::Running {
                        format!(
                            "({})",
                            ctx.fill(
                                label::PART_OF_WHOLE,
                                &[
                                    &present::count(ctx.lang, u64::from(m.days_passed)),
                                    &present::count(ctx.lang, u64::from(m.period.days()))
                                ]
                            )
                        )
                    } else {
                        String::new()
                    }
                );
                writeln!(out, "{}", line.trim_end())?;
                for line in ui::wrap(&m.title, 76) {
                    writeln!(out, "  {line}")?;
                }
                let mut t = Table::new(vec![
                    Col::wrapping(ctx.text(label::ACTIVITY)),
                    Col::left(ctx.text(label::GROUP)),
                    Col::right(ctx.text(label::PLAN)),
                    Col::right(ctx.text(label::PER_GROUP)),
                    Col::right(ctx.text(label::HELD)),
                ]);
                for a in m
                    .activities
                    .iter()
                    .filter(|a| a.planned.is_some() || a.held > 0)
                {
                    t.row(vec![
                        a.text.as_str().into(),
                        a.group.as_deref().unwrap_or("—").into(),
                        opt_count(ctx.lang, a.planned).into(),
                        opt_count(ctx.lang, a.planned_per_group).into(),
                        present::count(ctx.lang, a.held).into(),
                    ]);
                }
                if !t.is_empty() {
                    t.write(ctx, out)?;
                }
            }
            Ok(())
        })(),
    })
}
