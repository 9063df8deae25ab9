//! `kooperacja indicators`: every indicator as of a date.

use std::io::Write;

use kooperacja_core::engine::Engine;
use kooperacja_core::indicator::Target;
use kooperacja_core::period::polish_date;
use kooperacja_core::report::Report;

use crate::render::{cell, right};
use crate::{Format, IndicatorsArgs, OnErrorArg, input::InputError};

pub fn run(
    args: &IndicatorsArgs,
    out: &mut impl Write,
) -> Result<std::process::ExitCode, InputError> {
    let project = crate::input::project(&args.project)?;
    let register = crate::input::register(&args.project, &project, args.teryt.as_deref())?;
    let mut engine = Engine::new(&project, register.as_ref());
    let mut bad = 0_u64;
    if let Some(path) = &args.facts {
        let mut reader = crate::input::facts(path)?;
        while let Some(item) = reader.next() {
            // The record just read ends on this line.
            let line = reader.lines_read();
            let outcome = item.map_err(|e| e.to_string()).and_then(|fact| {
                engine
                    .apply(&fact)
                    .map(|_| ())
                    .map_err(|e| format!("line {line}: {e}"))
            });
            if let Err(message) = outcome {
                if args.on_error == OnErrorArg::Stop {
                    return Err(InputError(format!("{}: {message}", path.display())));
                }
                bad += 1;
                if bad <= 20 {
                    let _ = writeln!(
                        std::io::stderr(),
                        "warning: {}: {message} (skipped)",
                        path.display()
                    );
                }
            }
        }
    }
    if bad > 20 {
        let _ = writeln!(
            std::io::stderr(),
            "warning: {bad} bad records skipped in all"
        );
    }
    let as_of = args
        .as_of
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let report = engine.report(as_of);
    let written = match args.format {
        Format::Json => serde_json::to_writer_pretty(&mut *out, &report.indicators)
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out)),
        Format::Table => table(out, &report),
    };
    crate::finish(written)?;
    Ok(std::process::ExitCode::SUCCESS)
}

fn target(t: &Target) -> String {
    match t {
        Target::Count(n) => n.to_string(),
        Target::Share(r) => format!("{}%", r.percent()),
    }
}

fn table(out: &mut impl Write, report: &Report) -> std::io::Result<()> {
    writeln!(
        out,
        "{} — as of {} (version {:?})",
        report.title,
        polish_date(report.as_of),
        report.version
    )?;
    writeln!(
        out,
        "{} {} {} {} {} status / forecast",
        cell("indicator", 24),
        right("value", 8),
        right("target", 7),
        right("%", 6),
        cell("due", 13),
    )?;
    for i in &report.indicators {
        let value = i
            .value
            .map_or("—".to_owned(), |v| v.normalize().to_string());
        let share = i
            .share_of_target
            .map_or("—".to_owned(), |s| s.percent_rounded(0).to_string());
        let forecast = match (i.forecast, i.status) {
            (
                Some(f),
                kooperacja_core::report::Status::OnTrack | kooperacja_core::report::Status::AtRisk,
            ) => {
                format!(" → {}", f.normalize())
            }
            _ => String::new(),
        };
        writeln!(
            out,
            "{} {} {} {} {} {}{}",
            cell(&i.id, 24),
            right(&value, 8),
            right(&target(&i.target), 7),
            right(&share, 6),
            cell(&polish_date(i.due), 13),
            i.status.english(),
            forecast
        )?;
        if let Some(note) = &i.note {
            writeln!(out, "  {note}")?;
        }
    }
    Ok(())
}
