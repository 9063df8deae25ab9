//! The payment claim as an XLSX workbook: a sheet per section of the
//! central system's claim, in its order (Wniosek, then Postęp rzeczowy,
//! Problemy, Przebieg realizacji, Postęp finansowy, Źródła finansowania,
//! Rozliczenie zaliczek, Zestawienie dokumentów, and Korekty when the claim
//! has any). Amounts are numbers with the złoty format, values and counts
//! numbers, shares percentages, dates spreadsheet dates, as in the report's
//! workbook (see the parent module on numbers in a spreadsheet).
//!
//! ```
//! use kooperacja_core::{claim::ClaimBook, project::Project};
//! use kooperacja_export::{Lang, xlsx};
//! let project = std::sync::Arc::new(Project::parse(include_str!("../../../../fixtures/projects/kooperacja-makroregion-ii.toml"))?);
//! let claim = ClaimBook::new(project.clone(), None, &[]).claim(1, &[])?;
//! let bytes = xlsx::claim_workbook(&project, &claim, Lang::Pl, None)?;
//! assert_eq!(&bytes[..2], b"PK");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use kooperacja_core::claim::{Claim, Corrected, Progress};
use kooperacja_core::money::Rounding;

use super::*;

/// Writes one sheet of the claim.
type FillClaimSheet = fn(&mut Sheet, &Project, &Claim, Lang) -> Result<(), XlsxError>;

/// The sheet names of a claim's workbook, in order; the corrections' sheet
/// (the last) only when the claim has corrections.
pub const CLAIM_SHEETS: [Text; 9] = [
    label::CLAIM,
    label::CLAIM_MATERIAL_PROGRESS,
    label::CLAIM_PROBLEMS,
    label::CLAIM_SHEET_PLANNED_COURSE,
    label::CLAIM_FINANCIAL_PROGRESS,
    label::SOURCES_OF_FUNDING,
    label::CLAIM_ADVANCES,
    label::CLAIM_DOCUMENTS,
    label::CLAIM_CORRECTIONS,
];

/// The claim as XLSX bytes. With a `warning` (an export forced despite error
/// findings of the project), the first sheet opens with it, in red.
///
/// The file's creation date is the claim's period end, so the same claim
/// gives the same bytes.
pub fn claim_workbook(
    project: &Project,
    claim: &Claim,
    lang: Lang,
    warning: Option<&str>,
) -> Result<Vec<u8>, XlsxError> {
    let styles = Styles::new(lang);
    let mut book = Workbook::new();
    let created = excel_date(claim.period.end())?;
    let title =
        label::CLAIM_FOR_PERIOD.fill(lang, &[&claim.number, &present::period(lang, claim.period)]);
    book.set_properties(
        &DocProperties::new()
            .set_title(title.as_str())
            .set_subject(project.title.as_str())
            .set_author("kooperacja-export")
            .set_comment(warning.unwrap_or(""))
            .set_creation_datetime(&created),
    );
    let fill: [FillClaimSheet; 9] = [
        claim_sheet,
        material_sheet,
        problems_sheet,
        planned_sheet,
        financial_sheet,
        sources_sheet,
        advances_sheet,
        documents_sheet,
        corrections_sheet,
    ];
    let sheets = if claim.corrections.is_empty() { 8 } else { 9 };
    for (index, (name, fill)) in CLAIM_SHEETS.iter().zip(fill).take(sheets).enumerate() {
        let first = warning.filter(|_| index == 0);
        let mut sheet = Sheet::add(&mut book, name.get(lang), &styles, lang, first)?;
        fill(&mut sheet, project, claim, lang)?;
        sheet.set_widths()?;
    }
    book.save_to_buffer()
}

fn kinds(lang: Lang, kinds: &[kooperacja_core::claim::ClaimKind]) -> String {
    kinds
        .iter()
        .map(|k| label::claim_kind(*k).get(lang))
        .collect::<Vec<_>>()
        .join(", ")
}

fn organisation(p: &Project, id: &str) -> String {
    p.organisation(id)
        .map_or_else(|| id.to_owned(), |o| o.name.clone())
}

fn claim_sheet(s: &mut Sheet, p: &Project, c: &Claim, lang: Lang) -> Result<(), XlsxError> {
    s.frozen_header(&[label::FIELD.get(lang), label::VALUE.get(lang)])?;
    let rows: Vec<(Text, Cell)> = vec![
        (label::CLAIM, Cell::from(c.number)),
        (label::IDENTIFIER, c.project.as_str().into()),
        (label::TITLE, p.title.as_str().into()),
        (label::PROGRAMME, p.programme.name.as_str().into()),
        (label::ACTION, p.programme.action.as_str().into()),
        (label::LEADER, p.leader().map(|o| o.name.clone()).into()),
        (label::START, c.period.start().into()),
        (label::END, c.period.end().into()),
        (label::CLAIM_KINDS, kinds(lang, &c.kinds).into()),
        (
            label::CLAIM_STATUS,
            label::claim_status(c.status).get(lang).into(),
        ),
        (label::FILED_ON, c.filed_on.into()),
        (label::VERSION_IN_FORCE, c.version.as_str().into()),
    ];
    for (name, value) in rows {
        s.row(vec![name.get(lang).into(), value])?;
    }
    if !c.excluded.is_empty() {
        s.blank();
        s.title(label::EXCLUDED_FACTS.get(lang))?;
        s.header(&[label::CODE.get(lang), label::FACTS.get(lang)])?;
        for (code, n) in &c.excluded {
            s.row(vec![code.as_str().into(), (*n).into()])?;
        }
    }
    Ok(())
}

fn material_sheet(s: &mut Sheet, _p: &Project, c: &Claim, lang: Lang) -> Result<(), XlsxError> {
    s.frozen_header(&[
        label::ID.get(lang),
        label::NAME.get(lang),
        label::KIND.get(lang),
        label::UNIT.get(lang),
        label::TARGET.get(lang),
        label::IN_PERIOD.get(lang),
        label::CUMULATIVE.get(lang),
        label::SHARE_OF_TARGET.get(lang),
        label::SEX.get(lang),
    ])?;
    for i in &c.material {
        let name = match (lang, &i.name_en) {
            (Lang::En, Some(en)) => en.clone(),
            _ => i.name.clone(),
        };
        let kind = match i.kind {
            IndicatorKind::Product => label::OUTPUT_INDICATOR.get(lang),
            IndicatorKind::Result => label::RESULT_INDICATOR.get(lang),
        };
        let all = if i.by_sex.is_empty() {
            Cell::Empty
        } else {
            label::SEX_TOTAL.get(lang).into()
        };
        s.row(vec![
            i.id.as_str().into(),
            name.into(),
            kind.into(),
            i.unit.as_str().into(),
            i.target.into(),
            i.in_period.into(),
            i.cumulative.into(),
            i.share_of_target.into(),
            all,
        ])?;
        for x in &i.by_sex {
            s.row(vec![
                i.id.as_str().into(),
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                x.in_period.into(),
                x.cumulative.into(),
                Cell::Empty,
                x.sex.label().get(lang).into(),
            ])?;
        }
        if let Some(u) = &i.sex_unknown {
            s.row(vec![
                i.id.as_str().into(),
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                u.in_period.into(),
                u.cumulative.into(),
                Cell::Empty,
                label::SEX_UNKNOWN.get(lang).into(),
            ])?;
        }
    }
    Ok(())
}

fn problems_sheet(s: &mut Sheet, _p: &Project, c: &Claim, lang: Lang) -> Result<(), XlsxError> {
    s.frozen_header(&[
        label::SEVERITY.get(lang),
        label::CODE.get(lang),
        label::FINDING_PATH.get(lang),
        label::MESSAGE.get(lang),
    ])?;
    for f in &c.findings {
        s.row(vec![
            label::severity(f.severity).get(lang).into(),
            f.code.into(),
            f.path.as_str().into(),
            f.message.as_str().into(),
        ])?;
    }
    if c.findings.is_empty() {
        s.row(vec![label::CLAIM_NO_PROBLEMS.get(lang).into()])?;
    }
    Ok(())
}

fn planned_sheet(s: &mut Sheet, p: &Project, c: &Claim, lang: Lang) -> Result<(), XlsxError> {
    s.title(label::NEXT_REPORTING_PERIOD.get(lang))?;
    s.header(&[
        label::NUMBER_ABBREVIATED.get(lang),
        label::FROM.get(lang),
        label::TO.get(lang),
        label::CLAIM_KINDS.get(lang),
        label::PLANNED_EXPENDITURE.get(lang),
        label::PLANNED_ADVANCE.get(lang),
    ])?;
    match p.payment_schedule.iter().find(|n| n.number > c.number) {
        Some(n) => s.row(vec![
            n.number.into(),
            n.period.start().into(),
            n.period.end().into(),
            kinds(lang, &n.kinds).into(),
            n.planned_expenditure.into(),
            n.planned_advance.into(),
        ])?,
        None => s.row(vec![label::LAST_REPORTING_PERIOD.get(lang).into()])?,
    }
    s.blank();
    s.title(label::MILESTONES_AHEAD.get(lang))?;
    s.header(&[
        label::NUMBER_ABBREVIATED.get(lang),
        label::MILESTONE.get(lang),
        label::TITLE.get(lang),
        label::FROM.get(lang),
        label::TO.get(lang),
    ])?;
    let ahead: Vec<_> = p
        .milestones_of(&c.version)
        .into_iter()
        .filter(|m| m.period.end() > c.period.end())
        .collect();
    for m in &ahead {
        let title = match (lang, &m.title_en) {
            (Lang::En, Some(en)) => en.clone(),
            _ => m.title.clone(),
        };
        s.row(vec![
            m.number.into(),
            m.id.as_str().into(),
            title.into(),
            m.period.start_stated().into(),
            m.period.end_stated().into(),
        ])?;
    }
    if ahead.is_empty() {
        s.row(vec![label::NO_MILESTONES_AHEAD.get(lang).into()])?;
    }
    Ok(())
}

/// A progress row: the first cells, then plan, period, cumulative, share.
fn progress_row(first: Vec<Cell>, p: &Progress) -> Vec<Cell> {
    let mut row = first;
    row.extend([
        p.plan.into(),
        p.in_period.into(),
        p.cumulative.into(),
        p.share.into(),
    ]);
    row
}

fn financial_sheet(s: &mut Sheet, p: &Project, c: &Claim, lang: Lang) -> Result<(), XlsxError> {
    let f = &c.financial;
    let figures = [
        label::PLAN.get(lang),
        label::IN_PERIOD.get(lang),
        label::CUMULATIVE.get(lang),
        label::SHARE_OF_PLAN.get(lang),
    ];
    let mut header = vec![
        label::TASK.get(lang),
        label::COST_LINE.get(lang),
        label::NAME.get(lang),
        label::PARTNER.get(lang),
        label::COST_CATEGORY.get(lang),
    ];
    header.extend(figures);
    s.frozen_header(&header)?;
    for t in &f.tasks {
        let title = p
            .tasks
            .iter()
            .find(|x| x.number == t.task)
            .and_then(|x| match lang {
                Lang::En => x.title_en.clone(),
                Lang::Pl => None,
            })
            .unwrap_or_else(|| t.title.clone());
        s.row(progress_row(
            vec![
                t.task.into(),
                Cell::Empty,
                title.into(),
                Cell::Empty,
                Cell::Empty,
            ],
            &t.progress,
        ))?;
        for l in &t.lines {
            s.row(progress_row(
                vec![
                    t.task.into(),
                    l.id.as_str().into(),
                    l.name.as_str().into(),
                    organisation(p, &l.partner).into(),
                    l.category.as_str().into(),
                ],
                &l.progress,
            ))?;
        }
    }
    let sums = [
        (label::WITHOUT_COST_LINE, &f.unassigned),
        (label::DIRECT_COSTS, &f.direct),
        (label::INDIRECT_COSTS, &f.indirect),
        (label::TOTAL, &f.total),
    ];
    for (name, progress) in sums {
        s.row(progress_row(
            vec![
                Cell::Empty,
                Cell::Empty,
                name.get(lang).into(),
                Cell::Empty,
                Cell::Empty,
            ],
            progress,
        ))?;
    }
    s.blank();
    s.title(label::BY_PARTNER.get(lang))?;
    let mut header = vec![label::PARTNER.get(lang), label::NAME.get(lang)];
    header.extend(figures);
    s.header(&header)?;
    for (id, progress) in &f.by_partner {
        s.row(progress_row(
            vec![id.as_str().into(), organisation(p, id).into()],
            progress,
        ))?;
    }
    s.blank();
    s.title(label::BY_COST_CATEGORY.get(lang))?;
    let mut header = vec![label::COST_CATEGORY.get(lang)];
    header.extend(figures);
    s.header(&header)?;
    for (category, progress) in &f.by_category {
        s.row(progress_row(vec![category.as_str().into()], progress))?;
    }
    Ok(())
}

fn rounding(lang: Lang, rounding: Rounding) -> &'static str {
    match rounding {
        Rounding::Down => label::ROUNDING_DOWN,
        Rounding::HalfUp => label::ROUNDING_HALF_UP,
        Rounding::HalfEven => label::ROUNDING_HALF_EVEN,
    }
    .get(lang)
}

fn sources_sheet(s: &mut Sheet, _p: &Project, c: &Claim, lang: Lang) -> Result<(), XlsxError> {
    s.frozen_header(&[
        label::SOURCE.get(lang),
        label::IN_PERIOD.get(lang),
        label::CUMULATIVE.get(lang),
        label::ROUNDING.get(lang),
    ])?;
    for x in &c.financing {
        s.row(vec![
            label::funding_source(x.source).get(lang).into(),
            x.in_period.into(),
            x.cumulative.into(),
            if x.derived {
                label::REMAINDER_OF_TOTAL.get(lang)
            } else {
                rounding(lang, x.rounding)
            }
            .into(),
        ])?;
    }
    s.row(vec![
        label::TOTAL.get(lang).into(),
        c.financial.total.in_period.into(),
        c.financial.total.cumulative.into(),
    ])?;
    Ok(())
}

fn advances_sheet(s: &mut Sheet, _p: &Project, c: &Claim, lang: Lang) -> Result<(), XlsxError> {
    let a = &c.advances;
    s.frozen_header(&[label::ITEM.get(lang), label::AMOUNT.get(lang)])?;
    for (name, amount) in [
        (label::ADVANCES_RECEIVED_BEFORE, a.received_before),
        (label::ADVANCES_RECEIVED_IN_PERIOD, a.received_in_period),
        (label::ADVANCE_SETTLED_BEFORE, a.settled_before),
        (label::ADVANCE_SETTLED_NOW, a.settled_in_period),
        (label::ADVANCE_TO_SETTLE, a.to_settle),
        (label::REFUND_ASKED, a.refund_asked),
    ] {
        s.row(vec![name.get(lang).into(), amount.into()])?;
    }
    Ok(())
}

fn documents_sheet(s: &mut Sheet, p: &Project, c: &Claim, lang: Lang) -> Result<(), XlsxError> {
    s.frozen_header(&[
        label::NUMBER_ABBREVIATED.get(lang),
        label::DOCUMENT_NUMBER.get(lang),
        label::DOCUMENT_ISSUER.get(lang),
        label::DATE_OF_ISSUE.get(lang),
        label::DATE_OF_PAYMENT.get(lang),
        label::GROSS_AMOUNT.get(lang),
        label::ELIGIBLE_AMOUNT.get(lang),
        label::VAT_AMOUNT.get(lang),
        label::TASK.get(lang),
        label::COST_LINE.get(lang),
        label::COST_CATEGORY.get(lang),
        label::PAID_BY.get(lang),
        label::ID.get(lang),
    ])?;
    for (n, d) in (1_u32..).zip(&c.documents) {
        s.row(vec![
            n.into(),
            d.number.as_str().into(),
            d.issuer.clone().into(),
            d.issued.into(),
            d.paid.into(),
            d.gross.into(),
            d.eligible.into(),
            d.vat.into(),
            d.task.into(),
            d.line.clone().into(),
            d.category.as_str().into(),
            organisation(p, &d.partner).into(),
            d.fact.as_str().into(),
        ])?;
    }
    if c.documents.is_empty() {
        s.row(vec![label::NO_DOCUMENTS_IN_PERIOD.get(lang).into()])?;
    } else {
        let mut total: Vec<Cell> = vec![label::TOTAL.get(lang).into()];
        total.extend((0..5).map(|_| Cell::Empty));
        total.push(c.financial.direct.in_period.into());
        s.row(total)?;
    }
    Ok(())
}

fn corrections_sheet(s: &mut Sheet, _p: &Project, c: &Claim, lang: Lang) -> Result<(), XlsxError> {
    s.frozen_header(&[
        label::CORRECTED_CLAIM.get(lang),
        label::INDICATOR.get(lang),
        label::TASK.get(lang),
        label::COST_LINE.get(lang),
        label::AS_FILED.get(lang),
        label::NOW_FROM_FACTS.get(lang),
        label::DIFFERENCE.get(lang),
        label::RETRACTED_FACTS.get(lang),
    ])?;
    for x in &c.corrections {
        let (indicator, task, line, money) = match &x.subject {
            Corrected::Indicator { id } => {
                (Cell::from(id.as_str()), Cell::Empty, Cell::Empty, false)
            }
            Corrected::Expenditure { task, line } => {
                (Cell::Empty, (*task).into(), line.clone().into(), true)
            }
        };
        let figure = |v: Decimal| match (money, Amount::from_decimal(v)) {
            (true, Some(a)) => Cell::Money(a),
            _ => Cell::Number(v),
        };
        s.row(vec![
            x.corrects.into(),
            indicator,
            task,
            line,
            figure(x.filed),
            figure(x.now),
            figure(x.difference),
            x.retracted.join(", ").into(),
        ])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample_claim;

    #[test]
    fn every_sheet_name_fits_a_spreadsheet() {
        for lang in Lang::ALL {
            for name in CLAIM_SHEETS {
                let name = name.get(lang);
                assert!(name.chars().count() <= 31, "{name:?} is longer than 31");
                assert!(
                    !name.contains(['/', '\\', '?', '*', ':', '[', ']']),
                    "{name:?}"
                );
            }
        }
    }

    #[test]
    fn the_workbook_is_written_in_both_languages() {
        for lang in Lang::ALL {
            for corrections in [false, true] {
                let claim = sample_claim::claim(corrections);
                let bytes = claim_workbook(&sample_claim::project(), &claim, lang, None);
                assert!(bytes.is_ok_and(|b| b.starts_with(b"PK")), "{lang:?}");
            }
        }
    }
}
