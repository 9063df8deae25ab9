//! `kooperacja indicators`: every indicator as of a date.

use std::io::Write;
use std::process::ExitCode;

use kooperacja_core::present::{self, Lang, label};

use crate::input::InputError;
use crate::show::{done, heading};
use crate::ui::{self, Cell, Col, Csv, Ctx, Style, Table, iso, opt};
use kooperacja_core::indicator::Target;
use kooperacja_core::participant::{self, Sex};
use kooperacja_core::report::Status;

use crate::status::value_and_target;
use crate::{Format, ReportArgs};

pub fn indicators(
    args: &ReportArgs,
    ctx: &Ctx,
    out: &mut dyn Write,
) -> Result<ExitCode, InputError> {
    let (project, register) = crate::input::load(&args.input)?;
    let r = crate::input::report(args, &project, &register)?;
    done(match args.input.format {
        Format::Json => ui::write_json(out, &r.indicators),
        Format::Csv => {
            let mut csv = Csv::new(vec![
                "id",
                "name",
                "kind",
                "unit",
                "target_kind",
                "target",
                "value",
                "share_of_target",
                "due",
                "status",
                "forecast",
                // By sex (person indicators; empty for others and for a
                // category the project does not declare), in Sex::ALL order.
                "value_k",
                "value_m",
                "value_n",
                "value_unknown",
                "target_k",
                "target_m",
                "target_n",
            ]);
            for i in &r.indicators {
                let (target_kind, target) = match i.target {
                    Target::Count(n) => ("count", n.to_string()),
                    Target::Share(s) => ("share", s.percent().to_string()),
                };
                let mut row = vec![
                    i.id.clone(),
                    i.name.clone(),
                    i.kind.name().to_owned(),
                    i.unit.clone(),
                    target_kind.to_owned(),
                    target,
                    opt(i.value.map(|v| v.normalize())),
                    opt(i.share_of_target.map(|s| s.percent_rounded(2).normalize())),
                    iso(i.due),
                    i.status.machine().to_owned(),
                    opt(i.forecast.map(|v| v.normalize())),
                ];
                let split = i.by_sex.as_ref();
                for sex in Sex::ALL {
                    row.push(opt(split
                        .and_then(|s| s.by_sex.get(&sex))
                        .and_then(|c| c.value())));
                }
                row.push(opt(split.and_then(|s| s.unknown.value())));
                for sex in Sex::ALL {
                    row.push(opt(i.target_by_sex.as_ref().and_then(|t| t.get(&sex))));
                }
                csv.row(row);
            }
            csv.write(out)
        }
        Format::Table => (|| {
            heading(ctx, &r, ctx.text(label::INDICATORS), out)?;
            let mut t = Table::new(vec![
                Col::left(ctx.text(label::INDICATOR)),
                Col::right(ctx.text(label::VALUE)),
                Col::right(ctx.text(label::TARGET)),
                Col::right("%"),
                Col::left(ctx.text(label::DUE)),
                Col::wrapping(ctx.text(label::STATUS_FORECAST)),
            ]);
            let mut names = Vec::new();
            for i in &r.indicators {
                let name = match (ctx.lang, &i.name_en) {
                    (Lang::En, Some(en)) => en.clone(),
                    _ => i.name.clone(),
                };
                let (value, target) = value_and_target(ctx, i);
                let share = i
                    .share_of_target
                    .map_or_else(|| "—".to_owned(), |s| present::share(ctx.lang, s));
                let mut status = ctx.text(label::status(i.status)).to_owned();
                if let (Some(f), Status::OnTrack | Status::AtRisk) = (i.forecast, i.status) {
                    status.push_str(&format!(
                        " → {}",
                        present::indicator_value(ctx.lang, i.target, Some(f))
                    ));
                }
                names.push((i.id.as_str(), name));
                t.row(vec![
                    i.id.as_str().into(),
                    value.into(),
                    target.into(),
                    share.into(),
                    present::short_date(ctx.lang, i.due).into(),
                    Cell::styled(status, Style::of_status(i.status)),
                ]);
            }
            t.write(ctx, out)?;
            writeln!(out)?;
            for (id, name) in names {
                for (k, line) in ui::wrap(&format!("{id}: {name}"), 76).iter().enumerate() {
                    writeln!(out, "{}{line}", if k == 0 { "  " } else { "    " })?;
                }
            }
            for i in &r.indicators {
                if let Some(split) = &i.by_sex {
                    writeln!(
                        out,
                        "  {}: {}",
                        i.id,
                        participant::split_line(ctx.lang, split)
                    )?;
                }
                if let Some(target) = &i.target_by_sex {
                    writeln!(
                        out,
                        "    {}: {}",
                        ctx.text(label::TARGET),
                        participant::target_line(ctx.lang, target)
                    )?;
                }
            }
            for i in r.indicators.iter().filter(|i| i.note.is_some()) {
                writeln!(out, "  {}: {}", i.id, i.note.as_deref().unwrap_or_default())?;
            }
            Ok(())
        })(),
    })
}
