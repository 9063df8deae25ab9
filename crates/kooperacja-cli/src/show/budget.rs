//! `kooperacja budget`: sources, partners, implied EU rates, roundings, execution.

use std::io::Write;
use std::process::ExitCode;

use kooperacja_core::present::{self, label};

use crate::input::InputError;
use crate::show::done;
use crate::ui::{self, Cell, Col, Csv, Ctx, Style, Table, iso, opt, pad};
use kooperacja_core::budget::RateCheck;
use kooperacja_core::validate::rate_checks;

use crate::show::unknown_version;
use crate::{BudgetArgs, Format};

/// An amount for machines: a plain decimal, or `unknown` where the sources
/// publish none.
fn machine(amount: Option<kooperacja_core::money::Amount>) -> String {
    amount.map_or_else(
        || kooperacja_core::budget::UNKNOWN.to_owned(),
        |a| a.to_plain(),
    )
}

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
                 total: Option<kooperacja_core::money::Amount>,
                 eu: Option<Option<kooperacja_core::money::Amount>>,
                 check: Option<&RateCheck>,
                 spent: Option<kooperacja_core::money::Amount>| {
                    csv.row(vec![
                        version.id.clone(),
                        holder.to_owned(),
                        name,
                        machine(total),
                        opt(eu.map(machine)),
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
            let number_or_unknown = |a: Option<kooperacja_core::money::Amount>| {
                a.map_or_else(
                    || ctx.text(label::UNKNOWN_AMOUNT).to_owned(),
                    |a| present::amount_number(l, a),
                )
            };
            ui::heading(
                ctx,
                out,
                ctx.text(label::BUDGET),
                &format!(" — {}", project.title),
            )?;
            ui::heading(
                ctx,
                out,
                "",
                &format!(
                    "{} {} ({})",
                    ctx.text(label::PLAN_OF_VERSION),
                    version.id,
                    version.label
                ),
            )?;
            writeln!(out)?;
            writeln!(out, "{}", ctx.paint(Style::Bold, ctx.text(label::SOURCES)))?;
            for (label, amount) in [
                (ctx.text(label::PROJECT_VALUE), b.total.amount),
                (ctx.text(label::EU_CONTRIBUTION), b.eu_contribution.amount),
                (
                    ctx.text(label::NATIONAL_CONTRIBUTION),
                    b.national_contribution(),
                ),
            ] {
                writeln!(
                    out,
                    "  {} {}",
                    pad(label, 24),
                    ui::right(&present::amount_or_unknown(l, amount), 20)
                )?;
            }
            if let Some(rate) = b.programme_rate {
                writeln!(
                    out,
                    "  {} {}",
                    pad(ctx.text(label::PROGRAMME_EU_RATE), 24),
                    ui::right(&present::percent(l, rate, 4), 20)
                )?;
            }
            if !b.partners.is_empty() {
                writeln!(out)?;
                writeln!(out, "{}", ctx.paint(Style::Bold, ctx.text(label::PARTNERS)))?;
            }
            let mut t = Table::new(vec![
                Col::wrapping(ctx.text(label::PARTNER)),
                Col::right(ctx.text(label::TOTAL)),
                Col::right(ctx.text(label::OF_WHICH_EU)),
                Col::right(ctx.text(label::EU_RATE_PERCENT)),
            ]);
            for (j, p) in b.partners.iter().enumerate() {
                let check = check_of(&format!("budget.partners[{j}].eu_contribution"));
                // Core chooses how many places show the rate apart from the
                // programme's; the text is a plain decimal in the language.
                let rate = check.map_or(String::new(), |c| {
                    c.implied_percent_shown()
                        .parse::<rust_decimal::Decimal>()
                        .map_or_else(|_| c.implied_percent_shown(), |d| present::number(l, d, 28))
                });
                t.row(vec![
                    name_of(&p.organisation).into(),
                    number_or_unknown(p.total.amount).into(),
                    p.eu_contribution
                        .as_ref()
                        .map_or(String::new(), |s| number_or_unknown(s.amount))
                        .into(),
                    match check {
                        Some(c) if !c.matches => Cell::styled(rate, Style::YELLOW),
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
                ctx.paint(Style::Bold, ctx.text(label::HOW_EU_AMOUNTS_WERE_ROUNDED))
            )?;
            for c in &checks {
                let mark = if c.matches { "✓" } else { "✗" };
                for (k, line) in ui::wrap(&c.explanation(), 74).iter().enumerate() {
                    let lead = if k == 0 { mark } else { " " };
                    writeln!(out, "  {lead} {line}")?;
                }
            }
            let repaired: Vec<(String, &str)> =
                std::iter::once((ctx.text(label::PROJECT).to_owned(), &b.total))
                    .chain(std::iter::once((
                        format!(
                            "{}, {}",
                            ctx.text(label::PROJECT),
                            ctx.text(label::EU_CONTRIBUTION)
                        ),
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
                    ctx.text(label::THE_SOURCE_WRITES)
                )?;
            }
            writeln!(out)?;
            let e = &r.budget;
            writeln!(
                out,
                "{} ({} {}, {} {})",
                ctx.paint(Style::Bold, ctx.text(label::EXECUTION)),
                ctx.text(label::AS_OF),
                present::date(l, r.as_of),
                ctx.text(label::AGAINST_THE_VERSION_IN_FORCE),
                r.version
            )?;
            writeln!(
                out,
                "  {} {}  {}",
                pad(ctx.text(label::SPENT), 24),
                ui::right(&present::amount(l, e.spent), 20),
                e.spent_share
                    .map_or(String::new(), |s| present::share(l, s))
            )?;
            writeln!(
                out,
                "  {} {}",
                pad(ctx.text(label::REMAINING), 24),
                ui::right(&present::amount_or_unknown(l, e.remaining), 20)
            )?;
            for finding in &e.findings {
                crate::validate::write_finding(ctx, out, finding, &finding.path)?;
            }
            let mut t = Table::new(vec![
                Col::wrapping(ctx.text(label::PARTNER)),
                Col::right(ctx.text(label::PLAN)),
                Col::right(ctx.text(label::SPENT)),
                Col::right("%"),
            ]);
            for s in &e.by_partner {
                t.row(vec![
                    name_of(&s.partner).into(),
                    if s.in_plan {
                        number_or_unknown(s.planned)
                    } else {
                        String::new()
                    }
                    .into(),
                    present::amount_number(l, s.spent).into(),
                    s.share
                        .map_or(String::new(), |x| present::share(l, x))
                        .into(),
                ]);
            }
            if !t.is_empty() {
                t.write(ctx, out)?;
            }
            Ok(())
        })(),
    })
}
