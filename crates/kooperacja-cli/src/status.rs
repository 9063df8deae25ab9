//! `kooperacja status`: the whole project on one screen.

use std::io::Write;
use std::process::ExitCode;

use kooperacja_core::indicator::Target;
use kooperacja_core::present::{self, Lang, label};
use kooperacja_core::report::{IndicatorReport, Report, Status};
use kooperacja_core::validate::{Severity, Validation, validate};

use crate::input::InputError;
use crate::ui::{self, Csv, Ctx, Style, bar, iso, opt, pad, wrap};
use crate::{Format, StatusArgs};

pub fn run(args: &StatusArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<ExitCode, InputError> {
    let (project, register) = crate::input::load(&args.report.input)?;
    let validation = validate(&project, register.as_deref());
    let report = crate::input::report(&args.report, &project, register.as_ref())?;
    let written = match args.report.input.format {
        Format::Table => table(ctx, &report, &validation, out),
        Format::Json => ui::write_json(
            out,
            &serde_json::json!({
                "validation": {
                    "errors": validation.count(Severity::Error),
                    "warnings": validation.count(Severity::Warning),
                    "infos": validation.count(Severity::Info),
                },
                "report": report,
            }),
        ),
        Format::Csv => csv(&report, &validation).write(out),
    };
    crate::finish(written)?;
    let failed =
        validation.has_errors() || report.indicators.iter().any(|i| i.status == Status::Missed);
    Ok(if args.check && failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// "62 / 100" or "12,5 % / 20 %".
pub fn value_and_target(ctx: &Ctx, i: &IndicatorReport) -> (String, String) {
    (
        present::indicator_value(ctx.lang, i.target, i.value),
        present::indicator_target(ctx.lang, i.target),
    )
}

fn table(
    ctx: &Ctx,
    r: &Report,
    validation: &Validation,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let l = ctx.lang;
    ui::heading(ctx, out, &r.title, "")?;
    writeln!(
        out,
        "{} {} · {} {}",
        ctx.text(label::PROJECT),
        r.project,
        ctx.text(label::AS_OF),
        present::date(l, r.as_of)
    )?;
    ui::heading(
        ctx,
        out,
        "",
        &format!(
            "{}: {} ({})",
            ctx.text(label::VERSION_IN_FORCE),
            r.version,
            r.version_label,
        ),
    )?;
    writeln!(out)?;
    let elapsed = r.period_elapsed;
    writeln!(
        out,
        "{} {}",
        pad(ctx.text(label::PERIOD), 10),
        present::period(l, r.period)
    )?;
    writeln!(
        out,
        "{} {} {} ({})",
        pad("", 10),
        bar(elapsed, 30),
        present::share(l, elapsed),
        ctx.fill(
            label::PART_OF_WHOLE,
            &[
                &present::count(l, u64::from(r.days_passed)),
                &label::DAYS.count(l, u64::from(r.period.days()))
            ]
        ),
    )?;
    let (errors, warnings, infos) = (
        validation.count(Severity::Error),
        validation.count(Severity::Warning),
        validation.count(Severity::Info),
    );
    let plan = ctx.findings(errors, warnings, infos);
    writeln!(
        out,
        "{} {}",
        pad(ctx.text(label::PLAN), 10),
        ctx.paint(if errors > 0 { Style::RED } else { Style::GREEN }, &plan)
    )?;

    let b = &r.budget;
    writeln!(out)?;
    writeln!(out, "{}", ctx.paint(Style::Bold, ctx.text(label::BUDGET)))?;
    let rows = [
        (ctx.text(label::PROJECT_VALUE), b.total),
        (ctx.text(label::EU_CONTRIBUTION), b.eu_contribution),
        (
            ctx.text(label::NATIONAL_CONTRIBUTION),
            b.national_contribution,
        ),
    ];
    for (label, amount) in rows {
        writeln!(
            out,
            "  {} {}",
            pad(label, 22),
            ui::right(&present::amount_or_unknown(l, amount), 20)
        )?;
    }
    let spent_share = b.spent_share.map_or(String::new(), |s| {
        format!("  {} {}", bar(s, 20), present::share(l, s))
    });
    writeln!(
        out,
        "  {} {}{spent_share}",
        pad(ctx.text(label::SPENT), 22),
        ui::right(&present::amount(l, b.spent), 20)
    )?;
    writeln!(
        out,
        "  {} {}",
        pad(ctx.text(label::REMAINING), 22),
        ui::right(&present::amount_or_unknown(l, b.remaining), 20)
    )?;
    for finding in &b.findings {
        crate::validate::write_finding(ctx, out, finding, &finding.path)?;
    }

    writeln!(out)?;
    writeln!(
        out,
        "{}",
        ctx.paint(Style::Bold, ctx.text(label::MILESTONES))
    )?;
    if r.milestones.is_empty() {
        writeln!(out, "  {}", ctx.text(label::NO_MILESTONES))?;
    }
    for m in &r.milestones {
        let style = Style::of_state(m.state);
        writeln!(
            out,
            "  {} {}  {}",
            pad(&m.id, 7),
            present::short_period(l, m.period),
            ctx.paint(style, ctx.text(label::state(m.state)))
        )?;
        for line in wrap(&m.title, 74) {
            writeln!(out, "    {}", ctx.paint(Style::DIM, &line))?;
        }
    }

    writeln!(out)?;
    writeln!(
        out,
        "{}",
        ctx.paint(Style::Bold, ctx.text(label::INDICATORS))
    )?;
    for i in &r.indicators {
        let name = match (l, &i.name_en) {
            (Lang::En, Some(en)) => en.as_str(),
            _ => i.name.as_str(),
        };
        writeln!(out, "  {}", ctx.paint(Style::Bold, &i.id))?;
        for line in wrap(name, 74) {
            writeln!(out, "    {}", ctx.paint(Style::DIM, &line))?;
        }
        let (value, target) = value_and_target(ctx, i);
        let share = i
            .share_of_target
            .map_or_else(|| "—".to_owned(), |s| present::share(l, s));
        let progress = i
            .share_of_target
            .map_or_else(|| "·".repeat(12), |s| bar(s, 12));
        let forecast = match (i.forecast, i.status) {
            (Some(f), Status::OnTrack | Status::AtRisk) => {
                format!(" → {}", present::indicator_value(l, i.target, Some(f)))
            }
            _ => String::new(),
        };
        writeln!(
            out,
            "    {} {} {} / {} {}  {}{forecast}",
            ctx.paint(Style::of_status(i.status), &progress),
            ui::right(&share, 6),
            ui::right(&value, 6),
            target,
            ctx.fill(label::DUE_BY, &[&present::short_date(l, i.due)]),
            ctx.paint(
                Style::of_status(i.status),
                ctx.text(label::status(i.status))
            ),
        )?;
    }

    writeln!(out)?;
    let facts = r.facts.live;
    writeln!(
        out,
        "{}",
        ctx.fill(
            label::FACTS_RETRACTED_REPEATED,
            &[
                &present::count(l, facts),
                &present::count(l, r.facts.retracted),
                &present::count(l, r.facts.duplicates)
            ]
        )
    )?;
    if r.facts.excluded > 0 {
        // Facts core's admission excluded: they count nowhere; `validate
        // --facts` names each one.
        writeln!(
            out,
            "{}: {} ({})",
            ctx.text(label::EXCLUDED_FACTS),
            present::count(l, r.facts.excluded),
            ctx.text(label::EXCLUDED_FACTS_WHY),
        )?;
    }
    Ok(())
}

/// The status as a long table: one row per value, `section,item,field,value`.
fn csv(r: &Report, validation: &Validation) -> Csv {
    let mut csv = Csv::new(vec!["section", "item", "field", "value"]);
    let mut put = |section: &str, item: &str, field: &str, value: String| {
        csv.row(vec![
            section.to_owned(),
            item.to_owned(),
            field.to_owned(),
            value,
        ]);
    };
    put("project", &r.project, "title", r.title.clone());
    put("project", &r.project, "version", r.version.clone());
    put("project", &r.project, "as_of", iso(r.as_of));
    put("project", &r.project, "start", iso(r.period.start()));
    put("project", &r.project, "end", iso(r.period.end()));
    put("project", &r.project, "days", r.period.days().to_string());
    put(
        "project",
        &r.project,
        "days_passed",
        r.days_passed.to_string(),
    );
    for (field, severity) in [
        ("errors", Severity::Error),
        ("warnings", Severity::Warning),
        ("infos", Severity::Info),
    ] {
        put(
            "validation",
            &r.project,
            field,
            validation.count(severity).to_string(),
        );
    }
    let b = &r.budget;
    // An unknown amount is the machine word `unknown`.
    let machine = |a: Option<kooperacja_core::money::Amount>| {
        a.map_or_else(
            || kooperacja_core::budget::UNKNOWN.to_owned(),
            |a| a.to_plain(),
        )
    };
    put("budget", &r.project, "total", machine(b.total));
    put(
        "budget",
        &r.project,
        "eu_contribution",
        machine(b.eu_contribution),
    );
    put(
        "budget",
        &r.project,
        "national_contribution",
        machine(b.national_contribution),
    );
    put("budget", &r.project, "spent", b.spent.to_plain());
    put("budget", &r.project, "remaining", machine(b.remaining));
    for f in &b.findings {
        put("finding", &f.path, f.code, f.message.clone());
    }
    for m in &r.milestones {
        put("milestone", &m.id, "start", iso(m.period.start()));
        put("milestone", &m.id, "end", iso(m.period.end()));
        put("milestone", &m.id, "state", m.state.machine().to_owned());
    }
    for i in &r.indicators {
        let target = match i.target {
            Target::Count(n) => n.to_string(),
            Target::Share(r) => r.percent().normalize().to_string(),
        };
        put(
            "indicator",
            &i.id,
            "value",
            opt(i.value.map(|v| v.normalize())),
        );
        put("indicator", &i.id, "target", target);
        put("indicator", &i.id, "due", iso(i.due));
        put("indicator", &i.id, "status", i.status.machine().to_owned());
        put(
            "indicator",
            &i.id,
            "forecast",
            opt(i.forecast.map(|v| v.normalize())),
        );
    }
    csv
}
