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
use kooperacja_core::facts::FactKind;
use kooperacja_core::indicator::{IndicatorKind, Target};
use kooperacja_core::money::{Amount, Rate};
use kooperacja_core::organisation::PartnerRole;
use kooperacja_core::project::Project;
use kooperacja_core::report::{MilestoneState, Report, Status};
use rust_decimal::Decimal;
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatBorder, Workbook, Worksheet, XlsxError,
};

use crate::Lang;

/// The sheet names, Polish and English, in workbook order.
pub const SHEETS: [(&str, &str); 7] = [
    ("Projekt", "Project"),
    ("Budżet", "Budget"),
    ("Harmonogram", "Schedule"),
    ("Wskaźniki", "Indicators"),
    ("Grupy", "Groups"),
    ("Terytorium", "Territory"),
    ("Fakty", "Facts"),
];

/// The formats every sheet uses.
struct Styles {
    header: Format,
    money: Format,
    date: Format,
    percent: Format,
    number: Format,
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
            // The number format's separators are the reader's locale's: a Polish
            // LibreOffice shows "31 604 368,34 zł".
            money: Format::new().set_num_format("#,##0.00\\ \"zł\""),
            date: Format::new().set_num_format(lang.pick("dd.mm.yyyy", "yyyy-mm-dd")),
            percent: Format::new().set_num_format("0.0%"),
            number: Format::new().set_num_format("#,##0.##"),
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
    Empty,
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
/// reader shows alike; the cell's format shows one decimal of a percent.
fn percent_cell(rate: Rate) -> f64 {
    spreadsheet_number(
        rate.fraction()
            .round_dp_with_strategy(6, rust_decimal::RoundingStrategy::MidpointNearestEven),
    )
}

/// Writes rows into one worksheet, keeping track of the next free row.
struct Sheet<'a> {
    sheet: &'a mut Worksheet,
    styles: &'a Styles,
    row: u32,
}

impl Sheet<'_> {
    fn put(&mut self, col: u16, cell: Cell) -> Result<(), XlsxError> {
        let (row, s) = (self.row, self.styles);
        match cell {
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
            Cell::Percent(r) => self
                .sheet
                .write_number_with_format(row, col, percent_cell(r), &s.percent)
                .map(drop),
            Cell::Number(n) => self
                .sheet
                .write_number_with_format(row, col, spreadsheet_number(n), &s.number)
                .map(drop),
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
        XlsxError::ParameterError(format!("{date}: a spreadsheet cannot hold this year"))
    })?;
    // Month and day always fit a byte.
    ExcelDateTime::from_ymd(
        year,
        u8::try_from(date.month()).unwrap_or(1),
        u8::try_from(date.day()).unwrap_or(1),
    )
}

fn status_text(lang: Lang, status: Status) -> &'static str {
    lang.pick(status.polish(), status.english())
}

fn state_text(lang: Lang, state: MilestoneState) -> &'static str {
    lang.pick(state.polish(), state.english())
}

/// The label of a fact kind for people: core's `label::fact_kind`.
pub fn fact_kind_label(lang: Lang, kind: FactKind) -> &'static str {
    use kooperacja_core::present::{Lang as CoreLang, label};
    let word = label::fact_kind(kind);
    lang.pick(word.get(CoreLang::Pl), word.get(CoreLang::En))
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
            .set_subject(lang.pick("Stan projektu", "Project status"))
            .set_author("kooperacja-export")
            .set_comment(warning.unwrap_or(""))
            .set_creation_datetime(&created),
    );
    let names: Vec<&str> = SHEETS.iter().map(|(pl, en)| lang.pick(pl, en)).collect();
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
        let worksheet = book.add_worksheet();
        worksheet.set_name(*name)?;
        worksheet.set_paper_size(9); // A4
        worksheet.set_landscape();
        worksheet.set_print_fit_to_pages(1, 0);
        let mut sheet = Sheet {
            sheet: worksheet,
            styles: &styles,
            row: 0,
        };
        if let (Some(w), 0) = (warning, index) {
            sheet
                .sheet
                .write_string_with_format(0, 0, w, &styles.warning)?;
            sheet.row = 2;
        }
        fill(&mut sheet, project, report, lang)?;
        sheet.sheet.set_autofit_max_width(480).autofit();
    }
    book.save_to_buffer()
}

fn project_sheet(s: &mut Sheet, p: &Project, r: &Report, lang: Lang) -> Result<(), XlsxError> {
    s.frozen_header(&[lang.pick("Pole", "Field"), lang.pick("Wartość", "Value")])?;
    let leader = p
        .organisations
        .iter()
        .find(|o| o.role == PartnerRole::Leader)
        .map(|o| o.name.clone());
    let rows: Vec<(&str, &str, Cell)> = vec![
        ("Identyfikator", "Id", r.project.as_str().into()),
        ("Tytuł", "Title", r.title.as_str().into()),
        ("Tytuł (ang.)", "Title (English)", p.title_en.clone().into()),
        ("Program", "Programme", p.programme.name.as_str().into()),
        ("Działanie", "Action", p.programme.action.as_str().into()),
        ("Fundusz", "Fund", p.programme.fund.as_str().into()),
        ("Lider", "Leader", leader.into()),
        (
            "Partnerzy",
            "Partners",
            Cell::Number(Decimal::from(
                p.organisations
                    .iter()
                    .filter(|o| o.role == PartnerRole::Partner)
                    .count(),
            )),
        ),
        (
            "Wersja w mocy",
            "Version in force",
            r.version.as_str().into(),
        ),
        (
            "Opis wersji",
            "Version label",
            r.version_label.as_str().into(),
        ),
        ("Początek", "Start", r.period.start().into()),
        ("Koniec", "End", r.period.end().into()),
        ("Stan na dzień", "As of", r.as_of.into()),
        (
            "Dni okresu, które minęły",
            "Days of the period passed",
            r.days_passed.into(),
        ),
        ("Dni okresu", "Days of the period", r.period.days().into()),
        ("Wartość projektu", "Total value", r.budget.total.into()),
        (
            "Wkład UE",
            "EU contribution",
            r.budget.eu_contribution.into(),
        ),
        (
            "Wkład krajowy",
            "National contribution",
            r.budget.national_contribution.into(),
        ),
        ("Wydano", "Spent", r.budget.spent.into()),
        ("Pozostało", "Remaining", r.budget.remaining.into()),
    ];
    for (pl, en, value) in rows {
        s.row(vec![lang.pick(pl, en).into(), value])?;
    }
    s.sheet.set_column_format(1, &s.styles.wrap)?;
    Ok(())
}

fn budget_sheet(s: &mut Sheet, p: &Project, r: &Report, lang: Lang) -> Result<(), XlsxError> {
    let b = &r.budget;
    s.frozen_header(&[
        lang.pick("Partner", "Partner"),
        lang.pick("Nazwa", "Name"),
        lang.pick("Plan", "Planned"),
        lang.pick("Wydano", "Spent"),
        lang.pick("Wykonanie", "Spent share"),
    ])?;
    for part in &b.by_partner {
        let name = p.organisation(&part.partner).map(|o| o.name.clone());
        s.row(vec![
            part.partner.as_str().into(),
            name.into(),
            part.planned.into(),
            part.spent.into(),
            part.share.into(),
        ])?;
    }
    s.row(vec![
        lang.pick("Razem", "Total").into(),
        Cell::Empty,
        b.total.into(),
        b.spent.into(),
        b.spent_share.into(),
    ])?;
    s.blank();
    s.title(lang.pick("Źródła finansowania", "Sources of funding"))?;
    s.header(&[lang.pick("Źródło", "Source"), lang.pick("Kwota", "Amount")])?;
    s.row(vec![
        lang.pick("Wkład UE", "EU contribution").into(),
        b.eu_contribution.into(),
    ])?;
    s.row(vec![
        lang.pick("Wkład krajowy", "National contribution").into(),
        b.national_contribution.into(),
    ])?;
    s.blank();
    s.title(lang.pick(
        "Plan roczny (orientacyjny: wartość projektu w proporcji do dni)",
        "Yearly plan (indicative: the total pro rata by days)",
    ))?;
    s.header(&[
        lang.pick("Od", "From"),
        lang.pick("Do", "To"),
        lang.pick("Plan", "Planned"),
    ])?;
    for y in &b.by_year {
        s.row(vec![
            y.period.start().into(),
            y.period.end().into(),
            y.planned.into(),
        ])?;
    }
    s.blank();
    s.title(lang.pick("Wydatki według kategorii", "Spending by category"))?;
    s.header(&[
        lang.pick("Kategoria", "Category"),
        lang.pick("Wydano", "Spent"),
    ])?;
    for (category, amount) in &b.by_category {
        s.row(vec![category.as_str().into(), (*amount).into()])?;
    }
    if !b.findings.is_empty() {
        s.blank();
        s.title(lang.pick("Uwagi do wykonania", "Findings on execution"))?;
        s.header(&[
            lang.pick("Kod", "Code"),
            lang.pick("Miejsce", "Where"),
            lang.pick("Opis", "Message"),
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
        lang.pick("Kamień milowy", "Milestone"),
        lang.pick("Nr", "No."),
        lang.pick("Tytuł / działanie", "Title / activity"),
        lang.pick("Od", "From"),
        lang.pick("Do", "To"),
        lang.pick("Stan", "State"),
        lang.pick("Grupa", "Group"),
        lang.pick("Spotkania: plan", "Meetings planned"),
        lang.pick("Spotkania: odbyte", "Meetings held"),
        lang.pick("Dni: plan", "Days planned"),
        lang.pick("Dni: odbyte", "Days held"),
    ])?;
    for m in &r.milestones {
        s.row(vec![
            m.id.as_str().into(),
            m.number.into(),
            m.title.as_str().into(),
            m.period.start().into(),
            m.period.end().into(),
            state_text(lang, m.state).into(),
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
        s.row(vec![
            lang.pick(
                "Wersja w mocy nie ma kamieni milowych.",
                "The version in force has no milestones.",
            )
            .into(),
        ])?;
    }
    Ok(())
}

fn indicators_sheet(s: &mut Sheet, _p: &Project, r: &Report, lang: Lang) -> Result<(), XlsxError> {
    s.frozen_header(&[
        lang.pick("Id", "Id"),
        lang.pick("Nazwa", "Name"),
        lang.pick("Rodzaj", "Kind"),
        lang.pick("Jednostka", "Unit"),
        lang.pick("Cel", "Target"),
        lang.pick("Osiągnięto", "Achieved"),
        lang.pick("% celu", "% of target"),
        lang.pick("Termin", "Due"),
        lang.pick("Status", "Status"),
        lang.pick("Prognoza", "Forecast"),
    ])?;
    for i in &r.indicators {
        let name = match (lang, &i.name_en) {
            (Lang::En, Some(en)) => en.clone(),
            _ => i.name.clone(),
        };
        let kind = match i.kind {
            IndicatorKind::Product => lang.pick("produkt", "output"),
            IndicatorKind::Result => lang.pick("rezultat", "result"),
        };
        // A share's target and value are both in percent.
        let (unit, target) = match i.target {
            Target::Count(n) => (i.unit.clone(), Cell::from(n)),
            Target::Share(rate) => ("%".to_owned(), Cell::Number(rate.percent().normalize())),
        };
        s.row(vec![
            i.id.as_str().into(),
            name.into(),
            kind.into(),
            unit.into(),
            target,
            i.value.into(),
            i.share_of_target.into(),
            i.due.into(),
            status_text(lang, i.status).into(),
            i.forecast.into(),
        ])?;
    }
    Ok(())
}

fn groups_sheet(s: &mut Sheet, p: &Project, r: &Report, lang: Lang) -> Result<(), XlsxError> {
    s.frozen_header(&[
        lang.pick("Kod", "Code"),
        lang.pick("Nazwa", "Name"),
        lang.pick("Jedna na", "One per"),
        lang.pick("Oczekiwano", "Expected"),
        lang.pick("Wg dokumentów", "Stated"),
        lang.pick("Osób", "Members"),
        lang.pick("Staje się", "Becomes"),
        lang.pick("Kamień milowy", "Milestone"),
        lang.pick("Spotkania: plan", "Meetings planned"),
        lang.pick("Na grupę", "Per group"),
        lang.pick("Spotkania: odbyte", "Meetings held"),
    ])?;
    for g in &p.groups {
        let name = match (lang, &g.name_en) {
            (Lang::En, Some(en)) => en.clone(),
            _ => g.name.clone(),
        };
        let level = match g.one_per.name() {
            "macroregion" => lang.pick("makroregion", "macroregion"),
            "voivodeship" => lang.pick("województwo", "voivodeship"),
            "powiat" => "powiat",
            _ => "gmina",
        };
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

fn territory_sheet(s: &mut Sheet, p: &Project, _r: &Report, lang: Lang) -> Result<(), XlsxError> {
    s.frozen_header(&[
        lang.pick("Poziom", "Level"),
        lang.pick("Kod TERYT", "TERYT code"),
        lang.pick("Nazwa", "Name"),
        lang.pick("Kod nadrzędny", "Parent code"),
        lang.pick("Partner", "Partner"),
    ])?;
    for v in &p.territory.voivodeships {
        s.row(vec![
            lang.pick("województwo", "voivodeship").into(),
            v.code.to_string().into(),
            v.name.as_str().into(),
            Cell::Empty,
            v.partner.clone().into(),
        ])?;
        for pw in &v.powiats {
            s.row(vec![
                "powiat".into(),
                pw.code.to_string().into(),
                pw.name.as_str().into(),
                v.code.to_string().into(),
            ])?;
            for g in &pw.gminas {
                s.row(vec![
                    "gmina".into(),
                    g.code.to_string().into(),
                    g.name.as_str().into(),
                    pw.code.to_string().into(),
                ])?;
            }
        }
    }
    Ok(())
}

fn facts_sheet(s: &mut Sheet, _p: &Project, r: &Report, lang: Lang) -> Result<(), XlsxError> {
    let kinds: Vec<FactKind> = r.facts.by_kind.iter().map(|(k, _)| *k).collect();
    let mut header = vec![lang.pick("Miesiąc", "Month")];
    header.extend(kinds.iter().map(|k| fact_kind_label(lang, *k)));
    s.frozen_header(&header)?;
    let mut months: Vec<_> = r.facts.by_month.iter().map(|m| m.month).collect();
    months.dedup();
    for month in months {
        let mut row: Vec<Cell> = vec![month.to_string().into()];
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
    let mut total: Vec<Cell> = vec![lang.pick("Razem", "Total").into()];
    total.extend(r.facts.by_kind.iter().map(|(_, n)| Cell::from(*n)));
    s.row(total)?;
    s.blank();
    s.row(vec![
        lang.pick("Wycofane fakty", "Retracted facts").into(),
        r.facts.retracted.into(),
    ])?;
    s.row(vec![
        lang.pick("Powtórzone rekordy", "Repeated records").into(),
        r.facts.duplicates.into(),
    ])?;
    s.row(vec![
        lang.pick(
            "Wycofania nieznanych faktów",
            "Retractions of unknown facts",
        )
        .into(),
        r.facts.pending_retractions.into(),
    ])?;
    Ok(())
}
