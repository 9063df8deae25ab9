//! `kooperacja claim`: the payment claims (wnioski o płatność) of a project,
//! computed by core's `ClaimBook`: the schedule with where each claim
//! stands, one period's claim in the order of the central system's claim,
//! and filing a claim into the file of filed claims.

use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;

use kooperacja_core::claim::{
    Claim, ClaimBook, ClaimError, Corrected, FiledClaim, Progress, SourceAmount,
};
use kooperacja_core::indicator::IndicatorKind;
use kooperacja_core::money::{Amount, Rate};
use kooperacja_core::participant::Sex;
use kooperacja_core::present::{self, label};
use kooperacja_core::project::Project;
use kooperacja_core::validate::{Finding, Severity};
use rust_decimal::Decimal;

use crate::input::InputError;
use crate::ui::{self, Cell, Col, Csv, Ctx, Style, Table, iso, opt, pad};
use crate::{ClaimArgs, Format};

pub fn run(args: &ClaimArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<ExitCode, InputError> {
    let project = crate::input::project(&args.project)?;
    let register = crate::input::register(&args.project, &project, args.teryt.as_deref())?;
    if project.payment_schedule.is_empty() {
        return Err(InputError(
            ctx.fill(label::NO_CLAIM_SCHEDULE, &[&args.project.display()]),
        ));
    }
    if let Some(n) = args.period {
        check_period(ctx, &project, n)?;
    }
    let filed = match &args.filed {
        Some(path) => crate::filed::read(path, &project)?,
        None => Vec::new(),
    };
    let mut facts = Vec::new();
    crate::input::each_fact(&args.facts, &project, args.on_error, |fact, _| {
        facts.push(fact.clone());
    })?;
    let project = Arc::new(project);
    let book = ClaimBook::new(Arc::clone(&project), Some(register), &facts);
    match (args.file, args.period, &args.filed) {
        (true, Some(n), Some(path)) => {
            let on = args.on.unwrap_or_else(|| chrono::Local::now().date_naive());
            file(ctx, &book, n, on, filed, path, args.format, out)
        }
        (_, Some(n), _) => {
            let claim = book.claim(n, &filed).map_err(|e| claim_error(ctx, &e))?;
            let written = render(ctx, &project, &claim, args.format, out);
            crate::finish(written)?;
            Ok(ExitCode::SUCCESS)
        }
        (_, None, _) => {
            let claims = book.claims(&filed).map_err(|e| claim_error(ctx, &e))?;
            let written = schedule(ctx, &project, &claims, args.format, out);
            crate::finish(written)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Refuses a period number the schedule lacks, naming the numbers it has.
fn check_period(ctx: &Ctx, project: &Project, number: u32) -> Result<(), InputError> {
    let schedule = &project.payment_schedule;
    if schedule.iter().any(|p| p.number == number) {
        return Ok(());
    }
    let last = schedule.iter().map(|p| p.number).max().unwrap_or(0);
    Err(InputError(
        ctx.fill(label::UNKNOWN_CLAIM_PERIOD, &[&number, &last]),
    ))
}

/// A claim error in the language of the run.
fn claim_message(ctx: &Ctx, e: &ClaimError) -> String {
    match e {
        ClaimError::NoSchedule => ctx.fill(label::NO_CLAIM_SCHEDULE, &[&"payment_schedule"]),
        ClaimError::UnknownPeriod { number, last } => {
            ctx.fill(label::UNKNOWN_CLAIM_PERIOD, &[number, last])
        }
        ClaimError::NotInOrder { number, missing } => {
            ctx.fill(label::CLAIM_NOT_IN_ORDER, &[number, missing])
        }
        ClaimError::AlreadyFiled { number } => ctx.fill(label::CLAIM_ALREADY_FILED, &[number]),
        ClaimError::Rejected { number, codes } => {
            ctx.fill(label::CLAIM_REJECTED, &[number, &codes.join(", ")])
        }
        ClaimError::Transition { number, from, to } => ctx.fill(
            label::CLAIM_TRANSITION,
            &[
                number,
                &ctx.text(label::claim_status(*from)),
                &ctx.text(label::claim_status(*to)),
            ],
        ),
        // A kind of error added to core later: its own (English) words.
        other => other.to_string(),
    }
}

fn claim_error(ctx: &Ctx, e: &ClaimError) -> InputError {
    InputError(claim_message(ctx, e))
}

/// Files claim `number` on `on` into the file at `path`: the file is
/// rewritten atomically with the claim added, and the filed claim shown.
/// Refused (exit 1, the file untouched) when core refuses: an earlier claim
/// not filed, the claim filed already, or findings that would make the
/// central system reject it (listed).
#[allow(clippy::too_many_arguments)]
fn file(
    ctx: &Ctx,
    book: &ClaimBook,
    number: u32,
    on: chrono::NaiveDate,
    mut filed: Vec<FiledClaim>,
    path: &std::path::Path,
    format: Format,
    out: &mut dyn Write,
) -> Result<ExitCode, InputError> {
    match book.file(number, on, &filed) {
        Ok(claim) => {
            filed.push(claim.clone());
            crate::filed::write(path, &filed)?;
            let _ = writeln!(
                std::io::stderr(),
                "{}",
                ctx.fill(
                    label::CLAIM_FILED_INTO,
                    &[&number, &present::date(ctx.lang, on), &path.display()]
                )
            );
            let written = render(ctx, book.project(), &claim.claim, format, out);
            crate::finish(written)?;
            Ok(ExitCode::SUCCESS)
        }
        Err(e @ (ClaimError::NoSchedule | ClaimError::UnknownPeriod { .. })) => {
            Err(claim_error(ctx, &e))
        }
        Err(e) => {
            let _ = writeln!(
                std::io::stderr(),
                "{}: {}",
                ctx.text(label::severity(Severity::Error)),
                claim_message(ctx, &e)
            );
            if let ClaimError::Rejected { .. } = e {
                // The blocking findings, as the draft has them.
                let draft = book
                    .claim(number, &filed)
                    .map_err(|e| claim_error(ctx, &e))?;
                let blocking: Vec<&Finding> = draft
                    .findings
                    .iter()
                    .filter(|f| f.severity == Severity::Error)
                    .collect();
                let written = findings(ctx, &blocking, format, out);
                crate::finish(written)?;
            }
            Ok(ExitCode::from(1))
        }
    }
}

/// Findings in the format asked for.
fn findings(
    ctx: &Ctx,
    list: &[&Finding],
    format: Format,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        Format::Table => {
            for f in list {
                crate::validate::write_finding(ctx, out, f, &f.path)?;
            }
            Ok(())
        }
        Format::Json => ui::write_json(out, &list),
        Format::Csv => {
            let mut csv = Csv::new(vec!["severity", "code", "path", "message"]);
            for f in list {
                csv.row(vec![
                    f.severity.name().to_owned(),
                    f.code.to_owned(),
                    f.path.clone(),
                    f.message.clone(),
                ]);
            }
            csv.write(out)
        }
    }
}

/// The machine name of a value core serializes as a string (a claim's kind
/// or status, a source of financing, a sex): its serde name.
fn machine<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

fn kinds_machine(claim_kinds: &[kooperacja_core::claim::ClaimKind]) -> String {
    claim_kinds
        .iter()
        .map(machine)
        .collect::<Vec<_>>()
        .join(" ")
}

fn kinds_words(ctx: &Ctx, claim_kinds: &[kooperacja_core::claim::ClaimKind]) -> String {
    claim_kinds
        .iter()
        .map(|k| ctx.text(label::claim_kind(*k)))
        .collect::<Vec<_>>()
        .join(", ")
}

// ---------------------------------------------------------------- schedule

fn schedule(
    ctx: &Ctx,
    project: &Project,
    claims: &[Claim],
    format: Format,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let planned = |n: u32| project.payment_schedule.iter().find(|p| p.number == n);
    let count = |c: &Claim, s: Severity| c.findings.iter().filter(|f| f.severity == s).count();
    match format {
        Format::Json => ui::write_json(
            out,
            &serde_json::json!({
                "project": project.id,
                "claims": claims.iter().map(|c| serde_json::json!({
                    "number": c.number,
                    "period": c.period,
                    "kinds": c.kinds,
                    "version": c.version,
                    "status": c.status,
                    "filed_on": c.filed_on.map(iso),
                    "planned_expenditure": planned(c.number).and_then(|p| p.planned_expenditure),
                    "planned_advance": planned(c.number).and_then(|p| p.planned_advance),
                    "expenditure": c.financial.total.in_period,
                    "cumulative": c.financial.total.cumulative,
                    "errors": count(c, Severity::Error),
                    "warnings": count(c, Severity::Warning),
                })).collect::<Vec<_>>(),
            }),
        ),
        Format::Csv => {
            let mut csv = Csv::new(vec![
                "number",
                "start",
                "end",
                "kinds",
                "version",
                "status",
                "filed_on",
                "planned_expenditure",
                "planned_advance",
                "expenditure",
                "cumulative",
                "errors",
                "warnings",
            ]);
            for c in claims {
                let p = planned(c.number);
                csv.row(vec![
                    c.number.to_string(),
                    iso(c.period.start()),
                    iso(c.period.end()),
                    kinds_machine(&c.kinds),
                    c.version.clone(),
                    machine(&c.status),
                    opt(c.filed_on.map(iso)),
                    opt(p.and_then(|p| p.planned_expenditure).map(Amount::to_plain)),
                    opt(p.and_then(|p| p.planned_advance).map(Amount::to_plain)),
                    c.financial.total.in_period.to_plain(),
                    c.financial.total.cumulative.to_plain(),
                    count(c, Severity::Error).to_string(),
                    count(c, Severity::Warning).to_string(),
                ]);
            }
            csv.write(out)
        }
        Format::Table => {
            let l = ctx.lang;
            ui::heading(
                ctx,
                out,
                ctx.text(label::CLAIM_SCHEDULE),
                &format!(" — {}", project.title),
            )?;
            writeln!(out, "{} {}", ctx.text(label::PROJECT), project.id)?;
            writeln!(out)?;
            let mut t = Table::new(vec![
                Col::right(ctx.text(label::NUMBER_ABBREVIATED)),
                Col::left(ctx.text(label::PERIOD)),
                Col::wrapping(ctx.text(label::CLAIM_KINDS)),
                Col::right(ctx.text(label::PLANNED_EXPENDITURE)).narrow_header(),
                Col::right(ctx.text(label::CLAIM_EXPENDITURE)).narrow_header(),
                Col::left(ctx.text(label::CLAIM_STATUS)).narrow_header(),
            ]);
            for c in claims {
                let errors = count(c, Severity::Error);
                let status = ctx.text(label::claim_status(c.status));
                t.row(vec![
                    c.number.to_string().into(),
                    present::short_period(l, c.period).into(),
                    kinds_words(ctx, &c.kinds).into(),
                    planned(c.number)
                        .and_then(|p| p.planned_expenditure)
                        .map_or_else(String::new, |a| present::amount_number(l, a))
                        .into(),
                    present::amount_number(l, c.financial.total.in_period).into(),
                    if errors > 0 {
                        Cell::styled(status, Style::RED)
                    } else {
                        status.into()
                    },
                ]);
            }
            t.write(ctx, out)?;
            // How many findings each claim has; the claim itself
            // (`--period N`) lists them.
            if claims.iter().any(|c| !c.findings.is_empty()) {
                writeln!(out)?;
                writeln!(
                    out,
                    "{}",
                    ctx.paint(Style::Bold, ctx.text(label::CLAIM_PROBLEMS))
                )?;
                for c in claims.iter().filter(|c| !c.findings.is_empty()) {
                    let errors = count(c, Severity::Error);
                    let text = ctx.findings(
                        errors,
                        count(c, Severity::Warning),
                        count(c, Severity::Info),
                    );
                    writeln!(
                        out,
                        "  {} {}: {}",
                        ctx.text(label::NUMBER_ABBREVIATED),
                        c.number,
                        ctx.paint(
                            if errors > 0 {
                                Style::RED
                            } else {
                                Style::YELLOW
                            },
                            &text
                        )
                    )?;
                }
            }
            Ok(())
        }
    }
}

// ------------------------------------------------------------------- claim

fn render(
    ctx: &Ctx,
    project: &Project,
    claim: &Claim,
    format: Format,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        Format::Json => ui::write_json(out, claim),
        Format::Csv => csv(claim).write(out),
        Format::Table => table(ctx, project, claim, out),
    }
}

/// An amount in a table: the number without the currency.
fn num(ctx: &Ctx, amount: Amount) -> String {
    present::amount_number(ctx.lang, amount)
}

/// A share in a table, `—` when there is none.
fn share(ctx: &Ctx, rate: Option<Rate>) -> String {
    rate.map_or_else(|| "—".to_owned(), |r| present::share(ctx.lang, r))
}

/// A value of an indicator in a table, `—` when there is none.
fn value(ctx: &Ctx, v: Option<Decimal>) -> String {
    v.map_or_else(|| "—".to_owned(), |v| present::value(ctx.lang, v))
}

fn sex_word(sex: Sex) -> present::Text {
    match sex {
        Sex::K => label::SEX_WOMEN,
        Sex::M => label::SEX_MEN,
        Sex::N => label::SEX_NON_BINARY,
    }
}

/// The money table's columns: what, plan, in the period, cumulative, share.
fn money_table(ctx: &Ctx, what: &str) -> Table {
    Table::new(vec![
        Col::wrapping(what),
        Col::right(ctx.text(label::PLAN)),
        Col::right(ctx.text(label::IN_PERIOD)).narrow_header(),
        Col::right(ctx.text(label::CUMULATIVE)).narrow_header(),
        Col::right(ctx.text(label::SHARE_OF_PLAN)).narrow_header(),
    ])
}

fn money_row(ctx: &Ctx, t: &mut Table, what: Cell, p: &Progress) {
    t.row(vec![
        what,
        p.plan
            .map_or_else(|| "—".to_owned(), |a| num(ctx, a))
            .into(),
        num(ctx, p.in_period).into(),
        num(ctx, p.cumulative).into(),
        share(ctx, p.share).into(),
    ]);
}

fn section(ctx: &Ctx, out: &mut dyn Write, title: present::Text) -> std::io::Result<()> {
    writeln!(out)?;
    writeln!(out, "{}", ctx.paint(Style::Bold, ctx.text(title)))
}

fn table(ctx: &Ctx, project: &Project, c: &Claim, out: &mut dyn Write) -> std::io::Result<()> {
    let l = ctx.lang;
    ui::heading(
        ctx,
        out,
        &ctx.fill(
            label::CLAIM_FOR_PERIOD,
            &[&c.number, &present::period(l, c.period)],
        ),
        &format!(" — {}", project.title),
    )?;
    writeln!(
        out,
        "{} {} · {} {}",
        ctx.text(label::PROJECT),
        c.project,
        ctx.text(label::VERSION),
        c.version
    )?;
    writeln!(
        out,
        "{}: {}",
        ctx.text(label::CLAIM_KINDS),
        kinds_words(ctx, &c.kinds)
    )?;
    let filed_on = c.filed_on.map_or_else(String::new, |d| {
        format!(" · {}: {}", ctx.text(label::FILED_ON), present::date(l, d))
    });
    writeln!(
        out,
        "{}: {}{filed_on}",
        ctx.text(label::CLAIM_STATUS),
        ctx.text(label::claim_status(c.status))
    )?;

    // Postęp rzeczowy: wskaźniki produktu i rezultatu.
    section(ctx, out, label::CLAIM_MATERIAL_PROGRESS)?;
    writeln!(out, "{}", ctx.text(label::CLAIM_INDICATORS))?;
    let mut t = Table::new(vec![
        Col::wrapping(ctx.text(label::INDICATOR)),
        Col::right(ctx.text(label::TARGET)),
        Col::right(ctx.text(label::IN_PERIOD)).narrow_header(),
        Col::right(ctx.text(label::CUMULATIVE)).narrow_header(),
        Col::right(ctx.text(label::SHARE_OF_TARGET)).narrow_header(),
    ]);
    for i in &c.material {
        let name = match (l, &i.name_en) {
            (ui::Lang::En, Some(en)) => en.as_str(),
            _ => i.name.as_str(),
        };
        let kind = ctx.text(match i.kind {
            IndicatorKind::Product => label::OUTPUT_INDICATOR,
            IndicatorKind::Result => label::RESULT_INDICATOR,
        });
        t.row(vec![
            format!("{} ({kind}) {name}", i.id).into(),
            value(ctx, i.target).into(),
            value(ctx, i.in_period).into(),
            value(ctx, i.cumulative).into(),
            share(ctx, i.share_of_target).into(),
        ]);
        for s in &i.by_sex {
            t.row(vec![
                format!("  · {}", ctx.text(sex_word(s.sex))).into(),
                String::new().into(),
                present::count(l, s.in_period).into(),
                present::count(l, s.cumulative).into(),
                String::new().into(),
            ]);
        }
        if let Some(u) = &i.sex_unknown {
            t.row(vec![
                format!("  · {}", ctx.text(label::SEX_UNKNOWN)).into(),
                String::new().into(),
                present::count(l, u.in_period).into(),
                present::count(l, u.cumulative).into(),
                String::new().into(),
            ]);
        }
        if !i.by_sex.is_empty() {
            t.row(vec![
                format!("  · {}", ctx.text(label::ALL_PERSONS)).into(),
                String::new().into(),
                value(ctx, i.in_period).into(),
                value(ctx, i.cumulative).into(),
                String::new().into(),
            ]);
        }
    }
    t.write(ctx, out)?;

    // Problemy.
    section(ctx, out, label::CLAIM_PROBLEMS)?;
    if c.findings.is_empty() {
        writeln!(out, "  {}", ctx.text(label::CLAIM_NO_PROBLEMS))?;
    }
    for f in &c.findings {
        crate::validate::write_finding(ctx, out, f, &f.path)?;
    }

    // Planowany przebieg realizacji.
    section(ctx, out, label::CLAIM_PLANNED_COURSE)?;
    match project
        .payment_schedule
        .iter()
        .find(|p| p.period.start() > c.period.end())
    {
        Some(next) => {
            let planned = next.planned_expenditure.map_or_else(String::new, |a| {
                format!(
                    " · {}: {}",
                    ctx.text(label::PLANNED_EXPENDITURE),
                    present::amount(l, a)
                )
            });
            let line = format!(
                "{}: {} {} · {} · {}{planned}",
                ctx.text(label::NEXT_CLAIM),
                ctx.text(label::NUMBER_ABBREVIATED),
                next.number,
                present::period(l, next.period),
                kinds_words(ctx, &next.kinds),
            );
            for (k, part) in ui::wrap(&line, ui::WIDTH - 4).iter().enumerate() {
                let indent = if k == 0 { "  " } else { "    " };
                writeln!(out, "{indent}{part}")?;
            }
        }
        None => writeln!(out, "  {}", ctx.text(label::LAST_CLAIM_OF_SCHEDULE))?,
    }
    let ahead: Vec<_> = project
        .milestones_of(&c.version)
        .into_iter()
        .filter(|m| m.period.end() > c.period.end())
        .collect();
    if !ahead.is_empty() {
        writeln!(out, "  {}:", ctx.text(label::MILESTONES_AHEAD))?;
    }
    for m in &ahead {
        let title = match (l, &m.title_en) {
            (ui::Lang::En, Some(en)) => en.as_str(),
            _ => m.title.as_str(),
        };
        writeln!(
            out,
            "    {} {}",
            pad(&m.id, 7),
            present::short_period(l, m.period)
        )?;
        for line in ui::wrap(title, 72) {
            writeln!(out, "      {}", ctx.paint(Style::DIM, &line))?;
        }
    }

    // Postęp finansowy.
    section(ctx, out, label::CLAIM_FINANCIAL_PROGRESS)?;
    let f = &c.financial;
    let mut t = money_table(
        ctx,
        &format!("{} / {}", ctx.text(label::TASK), ctx.text(label::COST_LINE)),
    );
    for task in &f.tasks {
        money_row(
            ctx,
            &mut t,
            Cell::styled(
                format!("{} {}: {}", ctx.text(label::TASK), task.task, task.title),
                Style::Bold,
            ),
            &task.progress,
        );
        for line in &task.lines {
            money_row(
                ctx,
                &mut t,
                format!("  {} {}", line.id, line.name).into(),
                &line.progress,
            );
        }
    }
    money_row(
        ctx,
        &mut t,
        ctx.text(label::WITHOUT_COST_LINE).into(),
        &f.unassigned,
    );
    money_row(
        ctx,
        &mut t,
        Cell::styled(ctx.text(label::DIRECT_COSTS), Style::Bold),
        &f.direct,
    );
    money_row(
        ctx,
        &mut t,
        Cell::styled(ctx.text(label::INDIRECT_COSTS), Style::Bold),
        &f.indirect,
    );
    money_row(
        ctx,
        &mut t,
        Cell::styled(ctx.text(label::TOTAL), Style::Bold),
        &f.total,
    );
    t.write(ctx, out)?;
    if !f.by_partner.is_empty() {
        writeln!(out)?;
        let mut t = money_table(ctx, ctx.text(label::PARTNER));
        for (partner, p) in &f.by_partner {
            let name = project
                .organisation(partner)
                .map_or(partner.as_str(), |o| o.name.as_str());
            money_row(ctx, &mut t, name.into(), p);
        }
        t.write(ctx, out)?;
    }
    if !f.by_category.is_empty() {
        writeln!(out)?;
        let mut t = money_table(ctx, ctx.text(label::COST_CATEGORY));
        for (category, p) in &f.by_category {
            money_row(ctx, &mut t, category.as_str().into(), p);
        }
        t.write(ctx, out)?;
    }

    // Źródła finansowania wydatków.
    section(ctx, out, label::CLAIM_SOURCES_OF_FINANCING)?;
    let mut t = Table::new(vec![
        Col::wrapping(ctx.text(label::SOURCE)),
        Col::right(ctx.text(label::IN_PERIOD)).narrow_header(),
        Col::right(ctx.text(label::CUMULATIVE)).narrow_header(),
    ]);
    if c.financing.is_empty() {
        writeln!(out, "  —")?;
    }
    for SourceAmount {
        source,
        in_period,
        cumulative,
        ..
    } in &c.financing
    {
        t.row(vec![
            ctx.text(label::funding_source(*source)).into(),
            num(ctx, *in_period).into(),
            num(ctx, *cumulative).into(),
        ]);
    }
    if !t.is_empty() {
        t.write(ctx, out)?;
    }

    // Rozliczenie zaliczek.
    section(ctx, out, label::CLAIM_ADVANCES)?;
    let a = &c.advances;
    for (what, amount) in [
        (label::ADVANCES_RECEIVED_BEFORE, a.received_before),
        (label::ADVANCES_RECEIVED_IN_PERIOD, a.received_in_period),
        (label::ADVANCE_SETTLED_BEFORE, a.settled_before),
        (label::ADVANCE_SETTLED_NOW, a.settled_in_period),
        (label::ADVANCE_TO_SETTLE, a.to_settle),
        (label::REFUND_ASKED, a.refund_asked),
    ] {
        writeln!(
            out,
            "  {} {}",
            pad(ctx.text(what), 40),
            ui::right(&present::amount(l, amount), 20)
        )?;
    }

    // Zestawienie dokumentów.
    section(ctx, out, label::CLAIM_DOCUMENTS)?;
    // The VAT column only when a document gives its VAT: the table must fit
    // 80 columns.
    let with_vat = c.documents.iter().any(|d| d.vat.is_some());
    let mut cols = vec![
        Col::wrapping(ctx.text(label::DOCUMENT_NUMBER)),
        Col::left(ctx.text(label::DATE_OF_PAYMENT)).narrow_header(),
        Col::right(ctx.text(label::ELIGIBLE_AMOUNT)).narrow_header(),
    ];
    if with_vat {
        cols.push(Col::right(ctx.text(label::VAT_AMOUNT)).narrow_header());
    }
    // The cost line and the partner that paid share a column.
    let line_and_partner = format!(
        "{} / {}",
        ctx.text(label::COST_LINE),
        ctx.text(label::PARTNER)
    );
    cols.push(Col::left(&line_and_partner).narrow_header());
    let mut t = Table::new(cols);
    for d in &c.documents {
        let line = match (&d.line, d.task) {
            (Some(line), _) => line.clone(),
            (None, Some(task)) => task.to_string(),
            (None, None) => "—".to_owned(),
        };
        let mut row: Vec<Cell> = vec![
            d.number.as_str().into(),
            present::short_date(l, d.paid).into(),
            num(ctx, d.eligible).into(),
        ];
        if with_vat {
            row.push(d.vat.map_or_else(String::new, |v| num(ctx, v)).into());
        }
        row.push(format!("{line} {}", d.partner).into());
        t.row(row);
    }
    if t.is_empty() {
        writeln!(out, "  —")?;
    } else {
        t.write(ctx, out)?;
    }

    // Korekty, when any.
    if !c.corrections.is_empty() {
        section(ctx, out, label::CLAIM_CORRECTIONS)?;
        let mut t = Table::new(vec![
            Col::right(ctx.text(label::CORRECTED_CLAIM)).narrow_header(),
            Col::wrapping(ctx.text(label::VALUE)),
            Col::right(ctx.text(label::AS_FILED)).narrow_header(),
            Col::right(ctx.text(label::NOW_FROM_FACTS)).narrow_header(),
            Col::right(ctx.text(label::DIFFERENCE)).narrow_header(),
        ]);
        for k in &c.corrections {
            let (what, figure): (String, Box<dyn Fn(Decimal) -> String>) = match &k.subject {
                Corrected::Indicator { id } => (
                    format!("{} {id}", ctx.text(label::INDICATOR)),
                    Box::new(|v| present::value(l, v)),
                ),
                Corrected::Expenditure { task, line } => (
                    match (task, line) {
                        (_, Some(line)) => format!("{} {line}", ctx.text(label::COST_LINE)),
                        (Some(task), None) => format!("{} {task}", ctx.text(label::TASK)),
                        (None, None) => ctx.text(label::WITHOUT_COST_LINE).to_owned(),
                    },
                    Box::new(|v| {
                        Amount::from_decimal(v)
                            .map_or_else(|| present::value(l, v), |a| present::amount_number(l, a))
                    }),
                ),
            };
            t.row(vec![
                k.corrects.to_string().into(),
                format!("{what} ({})", k.retracted.join(", ")).into(),
                figure(k.filed).into(),
                figure(k.now).into(),
                figure(k.difference).into(),
            ]);
        }
        t.write(ctx, out)?;
    }

    let excluded: u64 = c.excluded.values().sum();
    if excluded > 0 {
        writeln!(out)?;
        let by_code: Vec<String> = c
            .excluded
            .iter()
            .map(|(code, n)| format!("{code}: {}", present::count(l, *n)))
            .collect();
        writeln!(
            out,
            "{}: {} ({})",
            ctx.text(label::EXCLUDED_FACTS),
            present::count(l, excluded),
            by_code.join(", ")
        )?;
    }
    Ok(())
}

/// The claim as a long table, `section,item,field,value`, machine names and
/// plain numbers, sections in the order of the central system's claim.
fn csv(c: &Claim) -> Csv {
    let mut csv = Csv::new(vec!["section", "item", "field", "value"]);
    let mut put = |section: &str, item: &str, field: &str, value: String| {
        csv.row(vec![
            section.to_owned(),
            item.to_owned(),
            field.to_owned(),
            value,
        ]);
    };
    let dec = |v: Option<Decimal>| opt(v.map(|v| v.normalize()));
    let rate = |r: Option<Rate>| opt(r.map(|r| r.percent().normalize()));
    let n = c.number.to_string();
    put("claim", &n, "project", c.project.clone());
    put("claim", &n, "start", iso(c.period.start()));
    put("claim", &n, "end", iso(c.period.end()));
    put("claim", &n, "kinds", kinds_machine(&c.kinds));
    put("claim", &n, "version", c.version.clone());
    put("claim", &n, "status", machine(&c.status));
    put("claim", &n, "filed_on", opt(c.filed_on.map(iso)));
    for i in &c.material {
        put("material", &i.id, "kind", machine(&i.kind));
        put("material", &i.id, "target", dec(i.target));
        put("material", &i.id, "in_period", dec(i.in_period));
        put("material", &i.id, "cumulative", dec(i.cumulative));
        put(
            "material",
            &i.id,
            "share_of_target_percent",
            rate(i.share_of_target),
        );
        for s in &i.by_sex {
            let code = s.sex.code();
            put(
                "material",
                &i.id,
                &format!("in_period_{code}"),
                s.in_period.to_string(),
            );
            put(
                "material",
                &i.id,
                &format!("cumulative_{code}"),
                s.cumulative.to_string(),
            );
        }
        if let Some(u) = &i.sex_unknown {
            put(
                "material",
                &i.id,
                "in_period_unknown",
                u.in_period.to_string(),
            );
            put(
                "material",
                &i.id,
                "cumulative_unknown",
                u.cumulative.to_string(),
            );
        }
    }
    for f in &c.findings {
        put("problem", &f.path, f.code, f.message.clone());
    }
    let mut money = |section: &str, item: &str, p: &Progress| {
        put(section, item, "plan", opt(p.plan.map(Amount::to_plain)));
        put(section, item, "in_period", p.in_period.to_plain());
        put(section, item, "cumulative", p.cumulative.to_plain());
        put(section, item, "share_percent", rate(p.share));
    };
    let f = &c.financial;
    for t in &f.tasks {
        money("task", &t.task.to_string(), &t.progress);
        for line in &t.lines {
            money("line", &line.id, &line.progress);
        }
    }
    money("financial", "unassigned", &f.unassigned);
    money("financial", "direct", &f.direct);
    money("financial", "indirect", &f.indirect);
    money("financial", "total", &f.total);
    for (partner, p) in &f.by_partner {
        money("partner", partner, p);
    }
    for (category, p) in &f.by_category {
        money("category", category, p);
    }
    for s in &c.financing {
        let item = machine(&s.source);
        put("financing", &item, "in_period", s.in_period.to_plain());
        put("financing", &item, "cumulative", s.cumulative.to_plain());
        put("financing", &item, "rounding", s.rounding.name().to_owned());
    }
    let a = &c.advances;
    for (field, amount) in [
        ("received_before", a.received_before),
        ("received_in_period", a.received_in_period),
        ("settled_before", a.settled_before),
        ("settled_in_period", a.settled_in_period),
        ("to_settle", a.to_settle),
        ("refund_asked", a.refund_asked),
    ] {
        put("advances", &n, field, amount.to_plain());
    }
    for d in &c.documents {
        let item = d.fact.as_str();
        put("document", item, "number", d.number.clone());
        put("document", item, "issuer", opt(d.issuer.as_ref()));
        put("document", item, "issued", opt(d.issued.map(iso)));
        put("document", item, "paid", iso(d.paid));
        put(
            "document",
            item,
            "gross",
            opt(d.gross.map(Amount::to_plain)),
        );
        put("document", item, "eligible", d.eligible.to_plain());
        put("document", item, "vat", opt(d.vat.map(Amount::to_plain)));
        put("document", item, "task", opt(d.task));
        put("document", item, "line", opt(d.line.as_ref()));
        put("document", item, "category", d.category.clone());
        put("document", item, "partner", d.partner.clone());
    }
    for k in &c.corrections {
        let item = match &k.subject {
            Corrected::Indicator { id } => format!("indicator:{id}"),
            Corrected::Expenditure { task, line } => {
                format!("expenditure:{}:{}", opt(task.as_ref()), opt(line.as_ref()))
            }
        };
        put("correction", &item, "corrects", k.corrects.to_string());
        put(
            "correction",
            &item,
            "filed",
            k.filed.normalize().to_string(),
        );
        put("correction", &item, "now", k.now.normalize().to_string());
        put(
            "correction",
            &item,
            "difference",
            k.difference.normalize().to_string(),
        );
        put("correction", &item, "retracted", k.retracted.join(" "));
    }
    for (code, count) in &c.excluded {
        put("excluded", code, "facts", count.to_string());
    }
    csv
}
