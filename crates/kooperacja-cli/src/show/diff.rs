//! `kooperacja diff`: what an amendment changed, field by field.

use std::io::Write;
use std::process::ExitCode;

use kooperacja_core::present::{self, label};

use crate::input::InputError;
use crate::show::done;
use crate::ui::{self, Csv, Ctx, Style, iso};
use kooperacja_core::project::Value;

use crate::show::unknown_version;
use crate::{DiffArgs, Format};

pub fn diff(args: &DiffArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<ExitCode, InputError> {
    let (project, _) = crate::input::load(&args.input)?;
    let to = match &args.to {
        Some(id) => id.clone(),
        None => project
            .versions
            .last()
            .map(|v| v.id.clone())
            .unwrap_or_default(),
    };
    let (to_index, _) = project
        .version(&to)
        .ok_or_else(|| unknown_version(ctx, &project, &to))?;
    let from = match &args.from {
        Some(id) => id.clone(),
        None => match to_index
            .checked_sub(1)
            .and_then(|i| project.versions.get(i))
        {
            Some(v) => v.id.clone(),
            None => {
                return Err(InputError(
                    ctx.fill(label::NO_VERSION_BEFORE, &[&format!("{to:?}")]),
                ));
            }
        },
    };
    let d = project
        .diff(&from, &to)
        .ok_or_else(|| unknown_version(ctx, &project, &from))?;
    let plain = |v: &Value| match v {
        Value::Absent => String::new(),
        Value::Amount(a) => a.to_plain(),
        Value::Unknown => kooperacja_core::budget::UNKNOWN.to_owned(),
        Value::Date(d) => iso(*d),
        Value::Month(m) => m.to_string(),
        Value::Period(p) => p.to_string(),
        Value::Text(t) => t.clone(),
    };
    let human = |v: &Value| match v {
        Value::Absent => "—".to_owned(),
        Value::Amount(a) => present::amount(ctx.lang, *a),
        Value::Unknown => present::amount_or_unknown(ctx.lang, None),
        Value::Date(d) => present::date(ctx.lang, *d),
        Value::Month(m) => present::month(ctx.lang, *m),
        Value::Period(p) => present::period(ctx.lang, *p),
        Value::Text(t) => t.clone(),
    };
    done(match args.input.format {
        Format::Json => ui::write_json(out, &d),
        Format::Csv => {
            let mut csv = Csv::new(vec!["field", "old", "new"]);
            for c in &d.changes {
                csv.row(vec![c.field.clone(), plain(&c.old), plain(&c.new)]);
            }
            csv.write(out)
        }
        Format::Table => (|| {
            ui::heading(
                ctx,
                out,
                ctx.text(label::CHANGES),
                &format!(" — {}: {} → {}", project.title, d.from, d.to),
            )?;
            if d.changes.is_empty() {
                writeln!(out, "  {}", ctx.text(label::NO_CHANGES))?;
            }
            for c in &d.changes {
                writeln!(out, "  {}", ctx.paint(Style::Bold, &c.field))?;
                let line = format!("{} → {}", human(&c.old), human(&c.new));
                for l in ui::wrap(&line, 74) {
                    writeln!(out, "    {l}")?;
                }
            }
            Ok(())
        })(),
    })
}
