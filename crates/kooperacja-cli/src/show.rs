//! The commands that show one part of a project: `indicators`, `milestones`,
//! `budget`, `territory`, `groups`, `diff`.

use std::io::Write;
use std::process::ExitCode;

use chrono::NaiveDate;
use kooperacja_core::budget::RateCheck;
use kooperacja_core::indicator::Target;
use kooperacja_core::period::Period;
use kooperacja_core::project::{Project, Value};
use kooperacja_core::report::{MilestoneState, Report, Status};
use kooperacja_core::territory::Level;
use kooperacja_core::validate::rate_checks;

use crate::input::InputError;
use crate::status::{kebab, value_and_target};
use crate::ui::{self, Cell, Col, Csv, Ctx, Lang, Style, Table, iso, opt, pad};
use crate::{BudgetArgs, DiffArgs, Format, ProjectArgs, ReportArgs};

fn done(written: std::io::Result<()>) -> Result<ExitCode, InputError> {
    crate::finish(written)?;
    Ok(ExitCode::SUCCESS)
}

/// The command's title line, then the version and the date.
fn heading(ctx: &Ctx, r: &Report, what: &str, out: &mut dyn Write) -> std::io::Result<()> {
    ui::heading(ctx, out, what, &format!(" — {}", r.title))?;
    writeln!(
        out,
        "{} {} · {} {}",
        ctx.pick("wersja", "version"),
        r.version,
        ctx.pick("stan na", "as of"),
        ctx.lang.date(r.as_of)
    )
}

// ---------------------------------------------------------------------------
// indicators

pub fn indicators(
    args: &ReportArgs,
    ctx: &Ctx,
    out: &mut dyn Write,
) -> Result<ExitCode, InputError> {
    let (project, register) = crate::input::load(&args.input)?;
    let r = crate::input::report(args, &project, register.as_ref())?;
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
            ]);
            for i in &r.indicators {
                let (target_kind, target) = match i.target {
                    Target::Count(n) => ("count", n.to_string()),
                    Target::Share(s) => ("share", s.percent().normalize().to_string()),
                };
                csv.row(vec![
                    i.id.clone(),
                    i.name.clone(),
                    kebab(&format!("{:?}", i.kind).to_lowercase()),
                    i.unit.clone(),
                    target_kind.to_owned(),
                    target,
                    opt(i.value.map(|v| v.normalize())),
                    opt(i.share_of_target.map(|s| s.percent_rounded(2).normalize())),
                    iso(i.due),
                    kebab(i.status.english()),
                    opt(i.forecast.map(|v| v.normalize())),
                ]);
            }
            csv.write(out)
        }
        Format::Table => (|| {
            heading(ctx, &r, ctx.pick("Wskaźniki", "Indicators"), out)?;
            let mut t = Table::new(vec![
                Col::left(ctx.pick("wskaźnik", "indicator")),
                Col::right(ctx.pick("wartość", "value")),
                Col::right(ctx.pick("cel", "target")),
                Col::right("%"),
                Col::left(ctx.pick("termin", "due")),
                Col::wrapping(ctx.pick("status / prognoza", "status / forecast")),
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
                    .map_or_else(|| "—".to_owned(), |s| ctx.lang.percent(s, 0));
                let mut status = ctx.lang.status(i.status).to_owned();
                if let (Some(f), Status::OnTrack | Status::AtRisk) = (i.forecast, i.status) {
                    status.push_str(&format!(" → {}", ctx.lang.number(ui::shown(f))));
                }
                names.push((i.id.as_str(), name));
                t.row(vec![
                    i.id.as_str().into(),
                    value.into(),
                    target.into(),
                    share.into(),
                    ctx.lang.short_date(i.due).into(),
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
            for i in r.indicators.iter().filter(|i| i.note.is_some()) {
                writeln!(out, "  {}: {}", i.id, i.note.as_deref().unwrap_or_default())?;
            }
            Ok(())
        })(),
    })
}

// ---------------------------------------------------------------------------
// milestones

/// The width of the Gantt chart's time axis.
const GANTT: usize = 56;

/// The column of `date` on an axis of `GANTT` columns over `period`.
fn column(period: Period, date: NaiveDate) -> usize {
    let days = i64::from(period.days().max(1));
    let offset = (date - period.start()).num_days().clamp(0, days - 1);
    usize::try_from(offset * i64::try_from(GANTT).unwrap_or(1) / days).unwrap_or(0)
}

fn gantt(ctx: &Ctx, r: &Report, out: &mut dyn Write) -> std::io::Result<()> {
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
            ctx.lang.date(r.as_of)
        ),
        None => writeln!(
            out,
            "{}{} {}",
            " ".repeat(label),
            ctx.pick("stan na (poza okresem):", "as of (outside the period):"),
            ctx.lang.date(r.as_of)
        ),
    }
}

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
                    kebab(m.state.english()),
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
                        serde_json::to_value(a.kind)
                            .ok()
                            .and_then(|v| v.as_str().map(str::to_owned))
                            .unwrap_or_default(),
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
            heading(ctx, &r, ctx.pick("Kamienie milowe", "Milestones"), out)?;
            writeln!(out)?;
            if r.milestones.is_empty() {
                writeln!(out, "  {}", ui::no_milestones(ctx))?;
                return Ok(());
            }
            gantt(ctx, &r, out)?;
            for m in &r.milestones {
                writeln!(out)?;
                let line = format!(
                    "{} {}  {}  {}",
                    ctx.paint(Style::Bold, &m.id),
                    ctx.lang.period(m.period),
                    ctx.lang.state(m.state),
                    if m.state == MilestoneState::Running {
                        format!(
                            "({} {} {})",
                            m.days_passed,
                            ctx.pick("z", "of"),
                            m.period.days()
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
                    Col::wrapping(ctx.pick("działanie", "activity")),
                    Col::left(ctx.pick("grupa", "group")),
                    Col::right(ctx.pick("plan", "planned")),
                    Col::right(ctx.pick("na grupę", "per group")),
                    Col::right(ctx.pick("odbyte", "held")),
                ]);
                for a in m
                    .activities
                    .iter()
                    .filter(|a| a.planned.is_some() || a.held > 0)
                {
                    t.row(vec![
                        a.text.as_str().into(),
                        a.group.as_deref().unwrap_or("—").into(),
                        opt(a.planned).into(),
                        opt(a.planned_per_group).into(),
                        a.held.to_string().into(),
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

// ---------------------------------------------------------------------------
// budget

pub fn budget(args: &BudgetArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<ExitCode, InputError> {
    let (project, register) = crate::input::load(&args.report.input)?;
    let r = crate::input::report(&args.report, &project, register.as_ref())?;
    let id = args.plan.clone().unwrap_or_else(|| r.version.clone());
    let Some((index, version)) = project.version(&id) else {
        return Err(unknown_version(ctx, &project, &id));
    };
    let prefix = format!("versions[{index}].");
    let checks: Vec<RateCheck> = rate_checks(&project)
        .into_iter()
        .filter(|c| c.path.starts_with(&prefix))
        .collect();
    let check_of = |path: &str| checks.iter().find(|c| c.path == format!("{prefix}{path}"));
    let b = &version.budget;
    let name_of = |id: &str| {
        project
            .organisation(id)
            .map_or(id.to_owned(), |o| o.name.clone())
    };
    done(match args.report.input.format {
        Format::Json => ui::write_json(
            out,
            &serde_json::json!({
                "version": version.id,
                "plan": b,
                "national_contribution": b.national_contribution(),
                "rate_checks": checks.iter().map(|c| serde_json::json!({
                    "path": c.path,
                    "subject": c.subject,
                    "total": c.total,
                    "stated_eu": c.stated_eu,
                    "implied_rate_percent": c.implied_percent_shown(),
                    "programme_rate": c.programme_rate,
                    "rounding": c.rounding.name(),
                    "expected": c.expected,
                    "matches": c.matches,
                    "difference": c.difference,
                    "matching_roundings": c.matching_roundings.iter().map(|r| r.name()).collect::<Vec<_>>(),
                    "explanation": c.explanation(),
                })).collect::<Vec<_>>(),
                "execution": r.budget,
                "as_of": iso(r.as_of),
            }),
        ),
        Format::Csv => {
            let mut csv = Csv::new(vec![
                "version",
                "holder",
                "name",
                "total",
                "eu_contribution",
                "implied_eu_rate",
                "programme_rate",
                "expected_eu",
                "matches",
                "rounding",
                "spent",
            ]);
            let mut row =
                |holder: &str,
                 name: String,
                 total: kooperacja_core::money::Amount,
                 eu: Option<kooperacja_core::money::Amount>,
                 check: Option<&RateCheck>,
                 spent: Option<kooperacja_core::money::Amount>| {
                    csv.row(vec![
                        version.id.clone(),
                        holder.to_owned(),
                        name,
                        total.to_plain(),
                        opt(eu.map(|a| a.to_plain())),
                        opt(check.map(RateCheck::implied_percent_shown)),
                        opt(check.map(|c| c.programme_rate.percent().normalize())),
                        opt(check.map(|c| c.expected.to_plain())),
                        opt(check.map(|c| c.matches)),
                        opt(check.map(|c| c.rounding.name())),
                        opt(spent.map(|a| a.to_plain())),
                    ]);
                };
            row(
                "project",
                project.title.clone(),
                b.total.amount,
                Some(b.eu_contribution.amount),
                check_of("budget.eu_contribution"),
                Some(r.budget.spent),
            );
            for (j, p) in b.partners.iter().enumerate() {
                let spent = r
                    .budget
                    .by_partner
                    .iter()
                    .find(|s| s.partner == p.organisation)
                    .map(|s| s.spent);
                row(
                    &p.organisation,
                    name_of(&p.organisation),
                    p.total.amount,
                    p.eu_contribution.as_ref().map(|s| s.amount),
                    check_of(&format!("budget.partners[{j}].eu_contribution")),
                    spent,
                );
            }
            csv.write(out)
        }
        Format::Table => (|| {
            let l = ctx.lang;
            ui::heading(
                ctx,
                out,
                ctx.pick("Budżet", "Budget"),
                &format!(" — {}", project.title),
            )?;
            ui::heading(
                ctx,
                out,
                "",
                &format!(
                    "{} {} ({})",
                    ctx.pick("plan wersji", "plan of version"),
                    version.id,
                    version.label
                ),
            )?;
            writeln!(out)?;
            writeln!(
                out,
                "{}",
                ctx.paint(Style::Bold, ctx.pick("Źródła", "Sources"))
            )?;
            for (label, amount) in [
                (ctx.pick("Wartość projektu", "Total value"), b.total.amount),
                (
                    ctx.pick("Wkład UE", "EU contribution"),
                    b.eu_contribution.amount,
                ),
                (
                    ctx.pick("Wkład krajowy", "National contribution"),
                    b.national_contribution(),
                ),
            ] {
                writeln!(
                    out,
                    "  {} {}",
                    pad(label, 24),
                    ui::right(&l.amount(amount), 20)
                )?;
            }
            if let Some(rate) = b.programme_rate {
                writeln!(
                    out,
                    "  {} {}",
                    pad(ctx.pick("Stopa programu (UE)", "Programme EU rate"), 24),
                    ui::right(&l.percent(rate, 4), 20)
                )?;
            }
            if !b.partners.is_empty() {
                writeln!(out)?;
                writeln!(
                    out,
                    "{}",
                    ctx.paint(Style::Bold, ctx.pick("Partnerzy", "Partners"))
                )?;
            }
            let mut t = Table::new(vec![
                Col::wrapping(ctx.pick("partner", "partner")),
                Col::right(ctx.pick("razem", "total")),
                Col::right(ctx.pick("w tym UE", "of which EU")),
                Col::right(ctx.pick("stopa UE %", "EU rate %")),
            ]);
            for (j, p) in b.partners.iter().enumerate() {
                let check = check_of(&format!("budget.partners[{j}].eu_contribution"));
                let rate = check.map_or(String::new(), |c| {
                    let shown = c.implied_percent_shown();
                    if l == Lang::Pl {
                        shown.replace('.', ",")
                    } else {
                        shown
                    }
                });
                t.row(vec![
                    name_of(&p.organisation).into(),
                    l.amount_number(p.total.amount).into(),
                    p.eu_contribution
                        .as_ref()
                        .map_or(String::new(), |s| l.amount_number(s.amount))
                        .into(),
                    match check {
                        Some(c) if !c.matches => Cell::styled(rate, Style::Yellow),
                        _ => rate.into(),
                    },
                ]);
            }
            if !t.is_empty() {
                t.write(ctx, out)?;
            }
            writeln!(out)?;
            writeln!(
                out,
                "{}",
                ctx.paint(
                    Style::Bold,
                    ctx.pick("Jak zaokrąglono kwoty UE", "How each EU amount was rounded")
                )
            )?;
            for c in &checks {
                let mark = if c.matches { "✓" } else { "✗" };
                for (k, line) in ui::wrap(&c.explanation(), 74).iter().enumerate() {
                    let lead = if k == 0 { mark } else { " " };
                    writeln!(out, "  {lead} {line}")?;
                }
            }
            let repaired: Vec<(String, &str)> = std::iter::once(("project".to_owned(), &b.total))
                .chain(std::iter::once((
                    "project EU".to_owned(),
                    &b.eu_contribution,
                )))
                .chain(
                    b.partners
                        .iter()
                        .map(|p| (p.organisation.clone(), &p.total)),
                )
                .filter_map(|(who, s)| s.as_written.as_deref().map(|w| (who, w)))
                .collect();
            for (who, written) in repaired {
                writeln!(
                    out,
                    "  · {who}: {} {written:?}",
                    ctx.pick("w źródle zapisano", "the source writes")
                )?;
            }
            writeln!(out)?;
            let e = &r.budget;
            writeln!(
                out,
                "{} ({} {}, {} {})",
                ctx.paint(Style::Bold, ctx.pick("Wykonanie", "Execution")),
                ctx.pick("stan na", "as of"),
                l.date(r.as_of),
                ctx.pick("wobec wersji w mocy", "against the version in force"),
                r.version
            )?;
            writeln!(
                out,
                "  {} {}  {}",
                pad(ctx.pick("Wydano", "Spent"), 24),
                ui::right(&l.amount(e.spent), 20),
                e.spent_share.map_or(String::new(), |s| l.percent(s, 1))
            )?;
            writeln!(
                out,
                "  {} {}",
                pad(ctx.pick("Pozostało", "Remaining"), 24),
                ui::right(&l.amount(e.remaining), 20)
            )?;
            for finding in &e.findings {
                crate::validate::write_finding(ctx, out, finding, &finding.path)?;
            }
            let mut t = Table::new(vec![
                Col::wrapping(ctx.pick("partner", "partner")),
                Col::right(ctx.pick("plan", "planned")),
                Col::right(ctx.pick("wydano", "spent")),
                Col::right("%"),
            ]);
            for s in &e.by_partner {
                t.row(vec![
                    name_of(&s.partner).into(),
                    s.planned
                        .map_or(String::new(), |a| l.amount_number(a))
                        .into(),
                    l.amount_number(s.spent).into(),
                    s.share.map_or(String::new(), |x| l.percent(x, 1)).into(),
                ]);
            }
            if !t.is_empty() {
                t.write(ctx, out)?;
            }
            Ok(())
        })(),
    })
}

fn unknown_version(ctx: &Ctx, project: &Project, id: &str) -> InputError {
    let known: Vec<&str> = project.versions.iter().map(|v| v.id.as_str()).collect();
    InputError(format!(
        "{} {id:?}; {}: {}",
        ctx.pick("nieznana wersja", "unknown version"),
        ctx.pick("oczekiwano jednej z", "expected one of"),
        known.join(", ")
    ))
}

// ---------------------------------------------------------------------------
// territory

pub fn territory(
    args: &ProjectArgs,
    ctx: &Ctx,
    out: &mut dyn Write,
) -> Result<ExitCode, InputError> {
    let (project, register) = crate::input::load(args)?;
    let t = &project.territory;
    let in_register = |code: &kooperacja_core::territory::TerytCode| {
        register.as_ref().map(|r| r.get(code).is_some())
    };
    done(match args.format {
        Format::Json => ui::write_json(
            out,
            &serde_json::json!({
                "counts": {
                    "voivodeships": t.count(Level::Voivodeship),
                    "powiats": t.count(Level::Powiat),
                    "gminas": t.count(Level::Gmina),
                    "jst": t.jst_count(),
                },
                "stated": t.stated,
                "register": register.as_ref().and_then(|r| r.as_of()),
                "voivodeships": t.voivodeships,
            }),
        ),
        Format::Csv => {
            let mut csv = Csv::new(vec![
                "level",
                "code",
                "name",
                "parent",
                "gmina_type",
                "in_register",
            ]);
            for v in &t.voivodeships {
                csv.row(vec![
                    "voivodeship".into(),
                    v.code.to_string(),
                    v.name.clone(),
                    String::new(),
                    String::new(),
                    opt(in_register(&v.code)),
                ]);
                for p in &v.powiats {
                    csv.row(vec![
                        "powiat".into(),
                        p.code.to_string(),
                        p.name.clone(),
                        v.code.to_string(),
                        String::new(),
                        opt(in_register(&p.code)),
                    ]);
                    for g in &p.gminas {
                        csv.row(vec![
                            "gmina".into(),
                            g.code.to_string(),
                            g.name.clone(),
                            p.code.to_string(),
                            opt(g
                                .gmina_type
                                .or_else(|| g.code.gmina_type())
                                .map(|k| k.english())),
                            opt(in_register(&g.code)),
                        ]);
                    }
                }
            }
            csv.write(out)
        }
        Format::Table => (|| {
            ui::heading(
                ctx,
                out,
                ctx.pick("Terytorium", "Territory"),
                &format!(" — {}", project.title),
            )?;
            writeln!(
                out,
                "{}: {}, {}: {}, {}: {}, JST: {}",
                ctx.pick("województwa", "voivodeships"),
                t.count(Level::Voivodeship),
                ctx.pick("powiaty", "powiats"),
                t.count(Level::Powiat),
                ctx.pick("gminy", "gminas"),
                t.count(Level::Gmina),
                t.jst_count()
            )?;
            writeln!(out)?;
            let nv = t.voivodeships.len();
            for (vi, v) in t.voivodeships.iter().enumerate() {
                let partner = v
                    .partner
                    .as_deref()
                    .map_or(String::new(), |p| format!("  [{p}]"));
                let counts = format!(
                    "{}  ({} {}, {} {})",
                    partner,
                    v.powiats.len(),
                    ctx.pick("pow.", "powiats"),
                    v.powiats.iter().map(|p| p.gminas.len()).sum::<usize>(),
                    ctx.pick("gm.", "gminas"),
                );
                ui::fitted(
                    out,
                    &format!(
                        "{} {}{counts}",
                        ctx.paint(Style::Cyan, v.code.as_str()),
                        ctx.paint(Style::Bold, &v.name),
                    ),
                    &format!("{} {}{counts}", v.code.as_str(), v.name),
                    "   ",
                )?;
                let np = v.powiats.len();
                for (pi, p) in v.powiats.iter().enumerate() {
                    let (branch, stem) = if pi + 1 == np {
                        ("└─", "   ")
                    } else {
                        ("├─", "│  ")
                    };
                    ui::fitted(
                        out,
                        &format!(
                            "{branch} {} {}",
                            ctx.paint(Style::Cyan, p.code.as_str()),
                            p.name
                        ),
                        &format!("{branch} {} {}", p.code.as_str(), p.name),
                        &format!("{stem}   "),
                    )?;
                    let ng = p.gminas.len();
                    for (gi, g) in p.gminas.iter().enumerate() {
                        let twig = if gi + 1 == ng { "└─" } else { "├─" };
                        let kind = g.gmina_type.or_else(|| g.code.gmina_type()).map_or(
                            String::new(),
                            |k| {
                                format!(
                                    " ({})",
                                    if ctx.lang == Lang::Pl {
                                        k.polish()
                                    } else {
                                        k.english()
                                    }
                                )
                            },
                        );
                        let more = if gi + 1 == ng { "   " } else { "│  " };
                        ui::fitted(
                            out,
                            &format!(
                                "{stem}{twig} {} {}{kind}",
                                ctx.paint(Style::Cyan, g.code.as_str()),
                                g.name
                            ),
                            &format!("{stem}{twig} {} {}{kind}", g.code.as_str(), g.name),
                            &format!("{stem}{more}   "),
                        )?;
                    }
                }
                if vi + 1 < nv {
                    writeln!(out)?;
                }
            }
            Ok(())
        })(),
    })
}

// ---------------------------------------------------------------------------
// groups

pub fn groups(args: &ReportArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<ExitCode, InputError> {
    let (project, register) = crate::input::load(&args.input)?;
    let r = crate::input::report(args, &project, register.as_ref())?;
    // The meetings each kind has in each milestone, as the report gives them.
    let meetings = |code: &str| {
        r.groups
            .iter()
            .find(|g| g.code == code)
            .map_or(&[][..], |g| &g.meetings[..])
    };
    done(match args.input.format {
        Format::Json => ui::write_json(
            out,
            &serde_json::json!({
                "as_of": iso(r.as_of),
                "groups": project.groups.iter().map(|g| serde_json::json!({
                    "code": g.code,
                    "name": g.name,
                    "name_en": g.name_en,
                    "one_per": g.one_per,
                    "expected": project.expected_groups(g.one_per),
                    "stated": g.stated_count,
                    "members": g.members,
                    "transforms_into": g.transforms_into,
                    "joint": g.joint,
                    "meetings": meetings(&g.code).iter().map(|a| serde_json::json!({
                        "milestone": a.milestone,
                        "planned": a.planned,
                        "planned_per_group": a.planned_per_group,
                        "held": a.held,
                        "per_group": a.per_group,
                    })).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
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
            for g in &project.groups {
                let base = vec![
                    g.code.clone(),
                    g.name.clone(),
                    g.one_per.name().to_owned(),
                    project.expected_groups(g.one_per).to_string(),
                    opt(g.stated_count),
                    opt(g.members),
                    opt(g.transforms_into.as_ref()),
                ];
                let rows = meetings(&g.code);
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
            heading(ctx, &r, ctx.pick("Grupy", "Groups"), out)?;
            let mut t = Table::new(vec![
                Col::left(ctx.pick("kod", "code")),
                Col::wrapping(ctx.pick("nazwa", "name")),
                Col::left(ctx.pick("jedna na", "one per")),
                Col::right(ctx.pick("oczek.", "expected")),
                Col::right(ctx.pick("wg dok.", "stated")),
                Col::right(ctx.pick("osób", "members")),
                Col::left(ctx.pick("staje się", "becomes")),
            ]);
            for g in &project.groups {
                let expected = project.expected_groups(g.one_per);
                let stated = opt(g.stated_count);
                let stated_cell = match g.stated_count {
                    Some(s) if usize::try_from(s).ok() != Some(expected) => {
                        Cell::styled(stated, Style::Red)
                    }
                    _ => stated.into(),
                };
                let name = match (ctx.lang, &g.name_en) {
                    (Lang::En, Some(en)) => en.clone(),
                    _ => g.name.clone(),
                };
                t.row(vec![
                    g.code.as_str().into(),
                    name.into(),
                    level_name(ctx, g.one_per).into(),
                    expected.to_string().into(),
                    stated_cell,
                    opt(g.members).into(),
                    g.transforms_into.as_deref().unwrap_or("").into(),
                ]);
            }
            t.write(ctx, out)?;
            writeln!(out)?;
            writeln!(
                out,
                "{}",
                ctx.paint(Style::Bold, ctx.pick("Spotkania grup", "Group meetings"))
            )?;
            let mut t = Table::new(vec![
                Col::left(ctx.pick("grupa", "group")),
                Col::left(ctx.pick("kamień", "milestone")),
                Col::right(ctx.pick("plan", "planned")),
                Col::right(ctx.pick("na grupę", "per group")),
                Col::right(ctx.pick("odbyte", "held")),
            ]);
            for g in &project.groups {
                for a in meetings(&g.code) {
                    t.row(vec![
                        g.code.as_str().into(),
                        a.milestone.as_str().into(),
                        opt(a.planned).into(),
                        opt(a.planned_per_group).into(),
                        a.held.to_string().into(),
                    ]);
                }
            }
            t.write(ctx, out)
        })(),
    })
}

// ---------------------------------------------------------------------------
// diff

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
                return Err(InputError(format!(
                    "{} {to:?}; {}",
                    ctx.pick("brak wersji przed", "no version before"),
                    ctx.pick("podaj --from", "give --from")
                )));
            }
        },
    };
    let d = project
        .diff(&from, &to)
        .ok_or_else(|| unknown_version(ctx, &project, &from))?;
    let plain = |v: &Value| match v {
        Value::Absent => String::new(),
        Value::Amount(a) => a.to_plain(),
        Value::Date(d) => iso(*d),
        Value::Period(p) => format!("{}..{}", iso(p.start()), iso(p.end())),
        Value::Text(t) => t.clone(),
    };
    let human = |v: &Value| match v {
        Value::Absent => "—".to_owned(),
        Value::Amount(a) => ctx.lang.amount(*a),
        Value::Date(d) => ctx.lang.date(*d),
        Value::Period(p) => ctx.lang.period(*p),
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
                ctx.pick("Zmiany", "Changes"),
                &format!(" — {}: {} → {}", project.title, d.from, d.to),
            )?;
            if d.changes.is_empty() {
                writeln!(out, "  {}", ctx.pick("bez zmian", "no changes"))?;
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

fn level_name(ctx: &Ctx, level: kooperacja_core::groups::GroupLevel) -> &'static str {
    use kooperacja_core::groups::GroupLevel;
    match (ctx.lang, level) {
        (Lang::En, _) => level.name(),
        (Lang::Pl, GroupLevel::Macroregion) => "makroregion",
        (Lang::Pl, GroupLevel::Voivodeship) => "województwo",
        (Lang::Pl, GroupLevel::Powiat) => "powiat",
        (Lang::Pl, GroupLevel::Gmina) => "gmina",
    }
}
