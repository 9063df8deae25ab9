//! `kooperacja groups`: the group kinds and their meetings.

use std::io::Write;
use std::process::ExitCode;

use kooperacja_core::present::{self, Lang, label};

use crate::input::InputError;
use crate::show::{done, heading};
use crate::ui::{self, Cell, Col, Csv, Ctx, Style, Table, iso, opt, opt_count};

use crate::{Format, ReportArgs};

pub fn groups(args: &ReportArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<ExitCode, InputError> {
    let (project, register) = crate::input::load(&args.input)?;
    let r = crate::input::report(args, &project, &register)?;
    done(match args.input.format {
        Format::Json => ui::write_json(
            out,
            &serde_json::json!({
                "as_of": iso(r.as_of),
                "groups": r.groups,
            }),
        ),
        Format::Csv => {
            let mut csv = Csv::new(vec![
                "code",
                "name",
                "one_per",
                "expected",
                "stated",
                "members",
                "transforms_into",
                "milestone",
                "planned",
                "planned_per_group",
                "held",
            ]);
            for g in &r.groups {
                let base = vec![
                    g.code.clone(),
                    g.name.clone(),
                    g.one_per.name().to_owned(),
                    g.expected.to_string(),
                    opt(g.stated),
                    opt(g.members),
                    opt(g.transforms_into.as_ref()),
                ];
                let rows = &g.meetings;
                if rows.is_empty() {
                    let mut row = base.clone();
                    row.extend(std::iter::repeat_n(String::new(), 4));
                    csv.row(row);
                }
                for a in rows {
                    let mut row = base.clone();
                    row.extend([
                        a.milestone.clone(),
                        opt(a.planned),
                        opt(a.planned_per_group),
                        a.held.to_string(),
                    ]);
                    csv.row(row);
                }
            }
            csv.write(out)
        }
        Format::Table => (|| {
            heading(ctx, &r, ctx.text(label::GROUPS), out)?;
            let mut t = Table::new(vec![
                Col::left(ctx.text(label::CODE)),
                Col::wrapping(ctx.text(label::NAME)),
                Col::left(ctx.text(label::ONE_PER)),
                Col::right(ctx.text(label::EXPECTED)),
                Col::right(ctx.text(label::STATED)),
                Col::right(ctx.text(label::MEMBERS)),
                Col::left(ctx.text(label::BECOMES)),
            ]);
            for g in &r.groups {
                let stated = opt_count(ctx.lang, g.stated);
                let stated_cell = match g.stated {
                    Some(s) if u64::from(s) != g.expected => Cell::styled(stated, Style::RED),
                    _ => stated.into(),
                };
                let name = match (ctx.lang, &g.name_en) {
                    (Lang::En, Some(en)) => en.clone(),
                    _ => g.name.clone(),
                };
                t.row(vec![
                    g.code.as_str().into(),
                    name.into(),
                    ctx.text(label::group_level(g.one_per)).into(),
                    present::count(ctx.lang, g.expected).into(),
                    stated_cell,
                    opt_count(ctx.lang, g.members).into(),
                    g.transforms_into.as_deref().unwrap_or("").into(),
                ]);
            }
            t.write(ctx, out)?;
            writeln!(out)?;
            writeln!(
                out,
                "{}",
                ctx.paint(Style::Bold, ctx.text(label::GROUP_MEETINGS))
            )?;
            let mut t = Table::new(vec![
                Col::left(ctx.text(label::GROUP)),
                Col::left(ctx.text(label::MILESTONE)),
                Col::right(ctx.text(label::PLAN)),
                Col::right(ctx.text(label::PER_GROUP)),
                Col::right(ctx.text(label::HELD)),
            ]);
            for g in &r.groups {
                for a in &g.meetings {
                    t.row(vec![
                        g.code.as_str().into(),
                        a.milestone.as_str().into(),
                        opt_count(ctx.lang, a.planned).into(),
                        opt_count(ctx.lang, a.planned_per_group).into(),
                        present::count(ctx.lang, a.held).into(),
                    ]);
                }
            }
            t.write(ctx, out)
        })(),
    })
}
