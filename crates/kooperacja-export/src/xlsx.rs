//! The XLSX workbook: one sheet per table, for people who work in a spreadsheet.
//!
//! Sheets, in order: Projekt, Budżet, Harmonogram, Wskaźniki, Grupy, Terytorium,
//! Fakty (Project, Budget, Schedule, Indicators, Groups, Territory, Facts with
//! [`Lang::En`]). Every sheet starts with a bold header row that stays frozen
//! when scrolling (the Projekt and Budżet sheets hold several small tables,
//! each with its own header). Amounts are numbers with a złoty number format,
//! dates are spreadsheet dates, TERYT codes are text (so `04` keeps its zero),
//! and column widths are fitted to their contents.
//!
//! ## Numbers in a spreadsheet
//!
//! A spreadsheet stores every number as a binary floating-point value; there
//! is no decimal cell type. Amounts go from the exact [`Amount`] to a cell by
//! parsing its exact decimal text (`31604368.34`) into the nearest binary
//! value, which is correctly rounded, and a number of at most 15 significant
//! digits (every amount below 10¹³ zł) comes back as the same decimal text.
//! No arithmetic is done on that value; `tests/xlsx.rs` reads the workbook back
//! (and through LibreOffice where it is installed) and compares the text.
//! Rates (spent share, share of target) are not exact decimals; their cells
//! hold the fraction rounded half to even to six places.
//!
//! ```
//! use kooperacja_core::{engine::Engine, project::Project};
//! use kooperacja_export::{Lang, xlsx};
//! let project = Project::parse(include_str!("../../../fixtures/projects/kooperacja-makroregion-ii.toml"))?;
//! let report = Engine::new(project.clone(), None).report(chrono::NaiveDate::from_ymd_opt(2020, 9, 30).unwrap());
//! let bytes = xlsx::workbook(&project, &report, Lang::Pl, None)?;
//! assert_eq!(&bytes[..2], b"PK"); // an XLSX file is a zip archive
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::{Datelike, NaiveDate};
use kooperacja_core::groups::GroupLevel;
use kooperacja_core::indicator::{IndicatorKind, Target};
use kooperacja_core::money::{Amount, Rate};
use kooperacja_core::organisation::PartnerRole;
use kooperacja_core::participant::{self, Sex};
use kooperacja_core::period::{StatedDate, YearMonth};
use kooperacja_core::present::{self, Text, label, palette, palette::Swatch, spreadsheet};
use kooperacja_core::project::Project;
use kooperacja_core::report::{MilestoneState, Report, Status};
use rust_decimal::Decimal;
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatBorder, Workbook, Worksheet, XlsxError,
};

use crate::Lang;

mod claim;

pub use claim::{CLAIM_SHEETS, claim_workbook};

/// The sheet names, in workbook order.
pub const SHEETS: [Text; 7] = [
    label::PROJECT,
    label::BUDGET,
    label::SCHEDULE,
    label::INDICATORS,
    label::GROUPS,
    label::TERRITORY,
    label::FACTS,
];

/// The formats every sheet uses.
struct Styles {
    header: Format,
    money: Format,
    date: Format,
    month: Format,
    title: Format,
    warning: Format,
    wrap: Format,
}

impl Styles {
    fn new(lang: Lang) -> Styles {
        Styles {
            header: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0x00DD_E6F0))
                .set_border_bottom(FormatBorder::Thin),
            // The number formats are core's (`present::spreadsheet`).
            money: Format::new().set_num_format(spreadsheet::amount_format(lang)),
            date: Format::new().set_num_format(spreadsheet::date_format(lang)),
            month: Format::new().set_num_format(spreadsheet::month_format(lang)),
            title: Format::new().set_bold().set_font_size(14),
            warning: Format::new()
                .set_bold()
                .set_font_color(Color::RGB(0x00B0_0000))
                .set_background_color(Color::RGB(0x00FF_F2CC)),
            wrap: Format::new().set_text_wrap(),
        }
    }
}

/// A value for one cell.
enum Cell {
    Text(String),
    Money(Amount),
    Date(NaiveDate),
    /// A fraction shown as a percentage (0.5 → 50.0%).
    Percent(Rate),
    Number(Decimal),
    /// The first day of a month, shown as the month.
    Month(YearMonth),
    /// A status or state word in its palette colours.
    Swatched(&'static str, Swatch),
    Empty,
}

impl Cell {
    /// An amount that may be unknown: the money, or the catalogue's word for an
    /// unknown amount in its place.
    fn stated(amount: Option<Amount>, lang: Lang) -> Cell {
        amount.map_or_else(
            || present::amount_or_unknown(lang, None).into(),
            Cell::Money,
        )
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        Cell::Text(text.to_owned())
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell::Text(text)
    }
}

impl<T: Into<Cell>> From<Option<T>> for Cell {
    fn from(value: Option<T>) -> Cell {
        value.map_or(Cell::Empty, Into::into)
    }
}

impl From<Amount> for Cell {
    fn from(amount: Amount) -> Cell {
        Cell::Money(amount)
    }
}

impl From<StatedDate> for Cell {
    /// A day as a date, a month (where the source gives only the month) as the month.
    fn from(date: StatedDate) -> Cell {
        match date {
            StatedDate::Day(day) => Cell::Date(day),
            StatedDate::Month(month) => Cell::Month(month),
        }
    }
}

impl From<NaiveDate> for Cell {
    fn from(date: NaiveDate) -> Cell {
        Cell::Date(date)
    }
}

impl From<Decimal> for Cell {
    fn from(value: Decimal) -> Cell {
        Cell::Number(value)
    }
}

impl From<u64> for Cell {
    fn from(value: u64) -> Cell {
        Cell::Number(Decimal::from(value))
    }
}

impl From<u32> for Cell {
    fn from(value: u32) -> Cell {
        Cell::Number(Decimal::from(value))
    }
}

impl From<Rate> for Cell {
    fn from(rate: Rate) -> Cell {
        Cell::Percent(rate)
    }
}

/// The spreadsheet's binary number for an exact decimal: the correctly rounded
/// parse of its decimal text (see the module documentation).
fn spreadsheet_number(exact: Decimal) -> f64 {
    exact.normalize().to_string().parse().unwrap_or_default()
}

/// A rate's cell: its fraction rounded half to even to six places (a ten
/// thousandth of a percent), so that the workbook holds a decimal every
/// reader shows alike.
fn percent_cell(rate: Rate) -> f64 {
    spreadsheet_number(spreadsheet::cell_fraction(rate))
}

/// The widest a column is made, in characters; longer text wraps or is cut
/// at the next filled cell (text never turns into `###`, numbers would).
const MAX_COLUMN_CHARS: usize = 70;

/// Writes rows into one worksheet, keeping track of the next free row and of
/// the widest value each column shows.
struct Sheet<'a> {
    sheet: &'a mut Worksheet,
    styles: &'a Styles,
    lang: Lang,
    row: u32,
    /// Per column, the most characters a value of it shows.
    widths: Vec<usize>,
}

impl<'a> Sheet<'a> {
    /// A new A4 landscape sheet named `name`, fitted to the page's width;
    /// `warning`, when given, is written in its first row (the first sheet of
    /// a forced export) and the sheet's content starts two rows below.
    fn add(
        book: &'a mut Workbook,
        name: &str,
        styles: &'a Styles,
        lang: Lang,
        warning: Option<&str>,
    ) -> Result<Sheet<'a>, XlsxError> {
        let worksheet = book.add_worksheet();
        worksheet.set_name(name)?;
        worksheet.set_paper_size(9); // A4
        worksheet.set_landscape();
        worksheet.set_print_fit_to_pages(1, 0);
        let mut sheet = Sheet {
            sheet: worksheet,
            styles,
            lang,
            row: 0,
            widths: Vec::new(),
        };
        if let Some(w) = warning {
            sheet
                .sheet
                .write_string_with_format(0, 0, w, &styles.warning)?;
            sheet.row = 2;
        }
        Ok(sheet)
    }

    /// Makes `col` at least wide enough for `chars` characters.
    fn fit(&mut self, col: u16, chars: usize) {
        let col = usize::from(col);
        if self.widths.len() <= col {
            self.widths.resize(col + 1, 0);
        }
        if let Some(w) = self.widths.get_mut(col) {
            *w = (*w).max(chars.min(MAX_COLUMN_CHARS));
        }
    }

    /// The characters a cell shows: the text the presentation module gives
    /// for its value, which the cell's number format reproduces (a reader in
    /// another locale shows other marks, never more of them).
    fn shown_chars(&self, cell: &Cell) -> usize {
        let lang = self.lang;
        match cell {
            Cell::Text(t) => t.chars().count(),
            Cell::Money(a) => present::amount(lang, *a).chars().count(),
            Cell::Date(d) => present::short_date(lang, *d).chars().count(),
            Cell::Percent(r) => present::percent(lang, *r, 1).chars().count() + 1,
            Cell::Number(n) => present::number(lang, *n, 2).chars().count(),
            Cell::Month(m) => present::month(lang, *m).chars().count(),
            Cell::Swatched(t, _) => t.chars().count(),
            Cell::Empty => 0,
        }
    }

    /// Sets every column's width to its widest value (a character of the
    /// default font is about one width unit; bold and capitals need a margin).
    fn set_widths(&mut self) -> Result<(), XlsxError> {
        for (col, chars) in (0_u16..).zip(self.widths.clone()) {
            // At most MAX_COLUMN_CHARS, so the width always fits a u16.
            let width = u16::try_from(chars.saturating_mul(6) / 5 + 2).unwrap_or(u16::MAX);
            self.sheet.set_column_width(col, f64::from(width))?;
        }
        Ok(())
    }

    fn put(&mut self, col: u16, cell: Cell) -> Result<(), XlsxError> {
        let chars = self.shown_chars(&cell);
        self.fit(col, chars);
        let (row, s) = (self.row, self.styles);
        match cell {
            Cell::Month(m) => {
                let date = excel_date(m.period().start())?;
                self.sheet
                    .write_datetime_with_format(row, col, &date, &s.month)
                    .map(drop)
            }
            Cell::Swatched(text, swatch) => {
                let format = Format::new()
                    .set_font_color(Color::RGB(swatch.ink.to_u32()))
                    .set_background_color(Color::RGB(swatch.tint.to_u32()));
                self.sheet
                    .write_string_with_format(row, col, text, &format)
                    .map(drop)
            }
            Cell::Text(t) => self.sheet.write_string(row, col, t).map(drop),
            Cell::Money(a) => self
                .sheet
                .write_number_with_format(row, col, spreadsheet_number(a.as_decimal()), &s.money)
                .map(drop),
            Cell::Date(d) => {
                let date = excel_date(d)?;
                self.sheet
                    .write_datetime_with_format(row, col, &date, &s.date)
                    .map(drop)
            }
            Cell::Percent(r) => {
                let shown = present::shown(r.percent(), present::PERCENT_PLACES);
                let format =
                    Format::new().set_num_format(spreadsheet::percent_format(self.lang, shown));
                self.sheet
                    .write_number_with_format(row, col, percent_cell(r), &format)
                    .map(drop)
            }
            Cell::Number(n) => {
                let shown = present::shown(n, present::VALUE_PLACES);
                let format =
                    Format::new().set_num_format(spreadsheet::number_format(self.lang, shown));
                self.sheet
                    .write_number_with_format(row, col, spreadsheet_number(n), &format)
                    .map(drop)
            }
            Cell::Empty => Ok(()),
        }
    }

    fn row(&mut self, cells: Vec<Cell>) -> Result<(), XlsxError> {
        for (col, cell) in (0_u16..).zip(cells) {
            self.put(col, cell)?;
        }
        self.row += 1;
        Ok(())
    }

    fn header(&mut self, names: &[&str]) -> Result<(), XlsxError> {
        for (col, name) in (0_u16..).zip(names) {
            self.fit(col, name.chars().count() + 1);
            self.sheet
                .write_string_with_format(self.row, col, *name, &self.styles.header)?;
        }
        self.row += 1;
        Ok(())
    }

    /// A header row that stays in view when scrolling (the first of a sheet).
    fn frozen_header(&mut self, names: &[&str]) -> Result<(), XlsxError> {
        self.header(names)?;
        self.sheet.set_freeze_panes(self.row, 0)?;
        self.sheet.set_repeat_rows(self.row - 1, self.row - 1)?;
        Ok(())
    }

    fn title(&mut self, text: &str) -> Result<(), XlsxError> {
        self.sheet
            .write_string_with_format(self.row, 0, text, &self.styles.title)?;
        self.row += 1;
        Ok(())
    }

    fn blank(&mut self) {
        self.row += 1;
    }
}

fn excel_date(date: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    let year = u16::try_from(date.year()).map_err(|_| {
        XlsxError::ParameterError(
            present::message::SPREADSHEET_CANNOT_HOLD_YEAR.fill(Lang::En, &[&date]),
        )
    })?;
    // Month and day always fit a byte.
    ExcelDateTime::from_ymd(
        year,
        u8::try_from(date.month()).unwrap_or(1),
        u8::try_from(date.day()).unwrap_or(1),
    )
}

fn status_text(lang: Lang, status: Status) -> &'static str {
    label::status(status).get(lang)
}

fn state_text(lang: Lang, state: MilestoneState) -> &'static str {
    label::state(state).get(lang)
}

/// The label of a fact kind for people: the project's vocabulary's name of
/// the kind (core's catalogue for a built-in kind).
pub fn fact_kind_label<'a>(project: &'a Project, lang: Lang, kind: &'a str) -> &'a str {
    project.vocabulary().kind_label(kind, lang)
}

/// Writes one sheet's rows.
type FillSheet = fn(&mut Sheet, &Project, &Report, Lang) -> Result<(), XlsxError>;

/// The workbook as XLSX bytes. With a `warning` (an export forced despite
/// error findings), the Projekt sheet opens with it, in red, above everything.
///
/// The file's creation date is the report's date, so the same input gives
/// the same bytes.
pub fn workbook(
    project: &Project,
    report: &Report,
    lang: Lang,
    warning: Option<&str>,
) -> Result<Vec<u8>, XlsxError> {
    let styles = Styles::new(lang);
    let mut book = Workbook::new();
    let created = excel_date(report.as_of)?;
    book.set_properties(
        &DocProperties::new()
            .set_title(report.title.as_str())
            .set_subject(label::PROJECT_STATUS.get(lang))
            .set_author("kooperacja-export")
            .set_comment(warning.unwrap_or(""))
            .set_creation_datetime(&created),
    );
    let names: Vec<&str> = SHEETS.iter().map(|name| name.get(lang)).collect();
    let fill: [FillSheet; 7] = [
        project_sheet,
        budget_sheet,
        schedule_sheet,
        indicators_sheet,
        groups_sheet,
        territory_sheet,
        facts_sheet,
    ];
    for (index, (name, fill)) in names.iter().zip(fill).enumerate() {
        let first = warning.filter(|_| index == 0);
        let mut sheet = Sheet::add(&mut book, name, &styles, lang, first)?;
        fill(&mut sheet, project, report, lang)?;
        sheet.set_widths()?;
    }
    book.save_to_buffer()
}

fn project_sheet(s: &mut Sheet, p: &Project, r: &Report, lang: Lang) -> Result<(), XlsxError> {
    s.frozen_header(&[label::FIELD.get(lang), label::VALUE.get(lang)])?;
    let leader = p
        .organisations
        .iter()
        .find(|o| o.role == PartnerRole::Leader)
        .map(|o| o.name.clone());
    let rows: Vec<(Text, Cell)> = vec![
        (label::IDENTIFIER, r.project.as_str().into()),
        (label::TITLE, r.title.as_str().into()),
        (label::TITLE_EN, p.title_en.clone().into()),
        (label::PROGRAMME, p.programme.name.as_str().into()),
        (label::ACTION, p.programme.action.as_str().into()),
        (label::FUND, p.programme.fund.as_str().into()),
        (label::LEADER, leader.into()),
        (
            label::PARTNERS,
            Cell::Number(Decimal::from(
                p.organisations
                    .iter()
                    .filter(|o| o.role == PartnerRole::Partner)
                    .count(),
            )),
        ),
        (label::VERSION_IN_FORCE, r.version.as_str().into()),
        (label::VERSION_LABEL, r.version_label.as_str().into()),
        (label::START, r.period.start_stated().into()),
        (label::END, r.period.end_stated().into()),
        (label::AS_OF_DATE, r.as_of.into()),
        (label::DAYS_PASSED, r.days_passed.into()),
        (label::PERIOD_DAYS, r.period.days().into()),
        (label::PROJECT_VALUE, Cell::stated(r.budget.total, lang)),
        (
            label::EU_CONTRIBUTION,
            Cell::stated(r.budget.eu_contribution, lang),
        ),
        (
            label::NATIONAL_CONTRIBUTION,
            Cell::stated(r.budget.national_contribution, lang),
        ),
        (label::SPENT, r.budget.spent.into()),
        (label::REMAINING, Cell::stated(r.budget.remaining, lang)),
    ];
    for (name, value) in rows {
        s.row(vec![name.get(lang).into(), value])?;
    }
    s.sheet.set_column_format(1, &s.styles.wrap)?;
    Ok(())
}

fn budget_sheet(s: &mut Sheet, p: &Project, r: &Report, lang: Lang) -> Result<(), XlsxError> {
    let b = &r.budget;
    s.frozen_header(&[
        label::PARTNER.get(lang),
        label::NAME.get(lang),
        label::PLAN.get(lang),
        label::SPENT.get(lang),
        label::SPENT_SHARE.get(lang),
    ])?;
    for part in &b.by_partner {
        let name = p.organisation(&part.partner).map(|o| o.name.clone());
        s.row(vec![
            part.partner.as_str().into(),
            name.into(),
            if part.in_plan {
                Cell::stated(part.planned, lang)
            } else {
                Cell::Empty
            },
            part.spent.into(),
            part.share.into(),
        ])?;
    }
    // The partners' total: the sums of the two columns above, from the report.
    s.row(vec![
        label::TOTAL.get(lang).into(),
        Cell::Empty,
        Cell::stated(b.partners_planned, lang),
        b.partners_spent.into(),
    ])?;
    // The project's plan is its value, not the sum of the partners' plans
    // (a partner may have none), so its row is named for what it is.
    s.row(vec![
        label::WHOLE_PROJECT.get(lang).into(),
        Cell::Empty,
        Cell::stated(b.total, lang),
        b.spent.into(),
        b.spent_share.into(),
    ])?;
    s.blank();
    s.title(label::SOURCES_OF_FUNDING.get(lang))?;
    s.header(&[label::SOURCE.get(lang), label::AMOUNT.get(lang)])?;
    s.row(vec![
        label::EU_CONTRIBUTION.get(lang).into(),
        Cell::stated(b.eu_contribution, lang),
    ])?;
    s.row(vec![
        label::NATIONAL_CONTRIBUTION.get(lang).into(),
        Cell::stated(b.national_contribution, lang),
    ])?;
    s.blank();
    s.title(label::YEARLY_PLAN.get(lang))?;
    s.header(&[
        label::FROM.get(lang),
        label::TO.get(lang),
        label::PLAN.get(lang),
    ])?;
    for y in &b.by_year {
        s.row(vec![
            y.period.start().into(),
            y.period.end().into(),
            y.planned.into(),
        ])?;
    }
    s.blank();
    s.title(label::SPENDING_BY_CATEGORY.get(lang))?;
    s.header(&[label::CATEGORY.get(lang), label::SPENT.get(lang)])?;
    for (category, amount) in &b.by_category {
        s.row(vec![category.as_str().into(), (*amount).into()])?;
    }
    if !b.findings.is_empty() {
        s.blank();
        s.title(label::EXECUTION_FINDINGS.get(lang))?;
        s.header(&[
            label::CODE.get(lang),
            label::FINDING_PATH.get(lang),
            label::MESSAGE.get(lang),
        ])?;
        for f in &b.findings {
            s.row(vec![
                f.code.into(),
                f.path.as_str().into(),
                f.message.as_str().into(),
            ])?;
        }
    }
    Ok(())
}

fn schedule_sheet(s: &mut Sheet, _p: &Project, r: &Report, lang: Lang) -> Result<(), XlsxError> {
    s.frozen_header(&[
        label::MILESTONE.get(lang),
        label::NUMBER_ABBREVIATED.get(lang),
        label::TITLE_OR_ACTIVITY.get(lang),
        label::FROM.get(lang),
        label::TO.get(lang),
        label::STATE.get(lang),
        label::GROUP.get(lang),
        label::MEETINGS_PLANNED.get(lang),
        label::MEETINGS_HELD.get(lang),
        label::DAYS_PLANNED.get(lang),
        label::DAYS_HELD.get(lang),
    ])?;
    for m in &r.milestones {
        s.row(vec![
            m.id.as_str().into(),
            m.number.into(),
            m.title.as_str().into(),
            m.period.start_stated().into(),
            m.period.end_stated().into(),
            Cell::Swatched(state_text(lang, m.state), palette::of_state(m.state)),
        ])?;
        for a in &m.activities {
            s.row(vec![
                m.id.as_str().into(),
                m.number.into(),
                a.text.as_str().into(),
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                a.group.clone().into(),
                a.planned.into(),
                a.held.into(),
                a.planned_days.into(),
                a.held_days.into(),
            ])?;
        }
    }
    if r.milestones.is_empty() {
        s.row(vec![label::NO_MILESTONES.get(lang).into()])?;
    }
    Ok(())
}

fn indicators_sheet(s: &mut Sheet, _p: &Project, r: &Report, lang: Lang) -> Result<(), XlsxError> {
    // Person indicators by sex: a column per declared category, then those
    // with no recorded sex.
    let sexes: Vec<Sex> = r.participants.by_sex.by_sex.keys().copied().collect();
    let mut header = vec![
        label::ID.get(lang),
        label::NAME.get(lang),
        label::KIND.get(lang),
        label::UNIT.get(lang),
        label::TARGET.get(lang),
        label::ACHIEVED.get(lang),
        label::SHARE_OF_TARGET.get(lang),
        label::DUE.get(lang),
        label::STATUS.get(lang),
        label::FORECAST.get(lang),
    ];
    header.extend(sexes.iter().map(|sex| sex.label().get(lang)));
    header.push(label::SEX_UNKNOWN.get(lang));
    s.frozen_header(&header)?;
    for i in &r.indicators {
        let name = match (lang, &i.name_en) {
            (Lang::En, Some(en)) => en.clone(),
            _ => i.name.clone(),
        };
        let kind = match i.kind {
            IndicatorKind::Product => label::OUTPUT_INDICATOR.get(lang),
            IndicatorKind::Result => label::RESULT_INDICATOR.get(lang),
        };
        // A share's target and value are both in percent.
        let (unit, target) = match i.target {
            Target::Count(n) => (i.unit.clone(), Cell::from(n)),
            Target::Share(rate) => ("%".to_owned(), Cell::Percent(rate)),
        };
        let mut row = vec![
            i.id.as_str().into(),
            name.into(),
            kind.into(),
            unit.into(),
            target,
            indicator_cell(i.target, i.value),
            i.share_of_target.into(),
            i.due.into(),
            Cell::Swatched(status_text(lang, i.status), palette::of_status(i.status)),
            indicator_cell(i.target, i.forecast),
        ];
        let count = |c: Option<participant::Cell>| {
            c.and_then(participant::Cell::value)
                .map_or(Cell::Empty, Cell::from)
        };
        let split = i.by_sex.as_ref();
        for sex in &sexes {
            row.push(count(split.and_then(|x| x.by_sex.get(sex).copied())));
        }
        row.push(count(split.map(|x| x.unknown)));
        s.row(row)?;
    }
    Ok(())
}

/// A value of an indicator: a number for a count target, a percentage for a
/// share target (whose values are numbers of per cent).
fn indicator_cell(target: Target, value: Option<Decimal>) -> Cell {
    match (target, value) {
        (_, None) => Cell::Empty,
        (Target::Count(_), Some(v)) => Cell::Number(v),
        (Target::Share(_), Some(v)) => Cell::Percent(Rate::from_percent(v)),
    }
}

fn groups_sheet(s: &mut Sheet, p: &Project, r: &Report, lang: Lang) -> Result<(), XlsxError> {
    s.frozen_header(&[
        label::CODE.get(lang),
        label::NAME.get(lang),
        label::ONE_PER.get(lang),
        label::EXPECTED.get(lang),
        label::STATED.get(lang),
        label::MEMBERS.get(lang),
        label::BECOMES.get(lang),
        label::MILESTONE.get(lang),
        label::MEETINGS_PLANNED.get(lang),
        label::PER_GROUP.get(lang),
        label::MEETINGS_HELD.get(lang),
    ])?;
    for g in &p.groups {
        let name = match (lang, &g.name_en) {
            (Lang::En, Some(en)) => en.clone(),
            _ => g.name.clone(),
        };
        let level = match g.one_per {
            GroupLevel::Macroregion => label::MACROREGION,
            GroupLevel::Voivodeship => label::VOIVODESHIP,
            GroupLevel::Powiat => label::POWIAT,
            GroupLevel::Gmina => label::GMINA,
        }
        .get(lang);
        let base = || -> Vec<Cell> {
            vec![
                g.code.as_str().into(),
                name.as_str().into(),
                level.into(),
                Cell::Number(Decimal::from(p.expected_groups(g.one_per))),
                g.stated_count.into(),
                g.members.into(),
                g.transforms_into.clone().into(),
            ]
        };
        let mut any = false;
        let meetings = r
            .groups
            .iter()
            .find(|x| x.code == g.code)
            .map_or(&[][..], |x| &x.meetings[..]);
        for a in meetings {
            any = true;
            let mut row = base();
            row.extend([
                a.milestone.as_str().into(),
                a.planned.into(),
                a.planned_per_group.into(),
                a.held.into(),
            ]);
            s.row(row)?;
        }
        if !any {
            s.row(base())?;
        }
    }
    Ok(())
}

fn territory_sheet(s: &mut Sheet, p: &Project, r: &Report, lang: Lang) -> Result<(), XlsxError> {
    let area = p.area(r.as_of);
    s.frozen_header(&[
        label::LEVEL.get(lang),
        label::TERYT_CODE.get(lang),
        label::NAME.get(lang),
        label::PARENT_CODE.get(lang),
        label::PARTNER.get(lang),
    ])?;
    for v in &area.voivodeships {
        s.row(vec![
            label::VOIVODESHIP.get(lang).into(),
            v.code.to_string().into(),
            v.name.as_str().into(),
            Cell::Empty,
            v.partner.clone().into(),
        ])?;
        for pw in &v.powiats {
            s.row(vec![
                label::POWIAT.get(lang).into(),
                pw.code.to_string().into(),
                pw.name.as_str().into(),
                v.code.to_string().into(),
            ])?;
            for g in &pw.gminas {
                s.row(vec![
                    label::GMINA.get(lang).into(),
                    g.code.to_string().into(),
                    g.name.as_str().into(),
                    pw.code.to_string().into(),
                ])?;
            }
        }
    }
    Ok(())
}

fn facts_sheet(s: &mut Sheet, p: &Project, r: &Report, lang: Lang) -> Result<(), XlsxError> {
    let kinds: Vec<&str> = r.facts.by_kind.iter().map(|(k, _)| k.as_str()).collect();
    let mut header = vec![label::MONTH.get(lang)];
    header.extend(kinds.iter().map(|k| fact_kind_label(p, lang, k)));
    s.frozen_header(&header)?;
    let mut months: Vec<_> = r.facts.by_month.iter().map(|m| m.month).collect();
    months.dedup();
    for month in months {
        let mut row: Vec<Cell> = vec![Cell::Month(month)];
        for kind in &kinds {
            let n = r
                .facts
                .by_month
                .iter()
                .find(|m| m.month == month && m.kind == *kind)
                .map_or(0, |m| m.facts);
            row.push(n.into());
        }
        s.row(row)?;
    }
    let mut total: Vec<Cell> = vec![label::TOTAL.get(lang).into()];
    total.extend(r.facts.by_kind.iter().map(|(_, n)| Cell::from(*n)));
    s.row(total)?;
    s.blank();
    s.row(vec![
        label::RETRACTED_FACTS.get(lang).into(),
        r.facts.retracted.into(),
    ])?;
    s.row(vec![
        label::REPEATED_RECORDS.get(lang).into(),
        r.facts.duplicates.into(),
    ])?;
    s.row(vec![
        label::PENDING_RETRACTIONS.get(lang).into(),
        r.facts.pending_retractions.into(),
    ])?;
    Ok(())
}
