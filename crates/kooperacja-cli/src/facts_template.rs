//! `kooperacja facts template`: core's [`Template`] rendered as an XLSX
//! workbook (rust_xlsxwriter): the data sheet named after the kind, one column
//! per field with its header (bold when required), typed columns (text, date,
//! amount with two decimal places, whole number), drop-down lists (data
//! validation; from a hidden sheet of lists when a list is too long to write
//! inline), each column's help as the input message of its cells, and the
//! instructions sheet.

use std::io::Write;
use std::process::ExitCode;

use kooperacja_core::import::template::{CellType, Column, Template};
use kooperacja_core::present::{Lang, label, spreadsheet};
use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DataValidationRule, ExcelDateTime, Format, Formula,
    Workbook, Worksheet, XlsxError,
};

use crate::input::InputError;
use crate::ui::Ctx;
use crate::{FactsTemplateArgs, finish};

/// The last row (0-based) the columns' validations cover: the sheet's last.
const LAST_ROW: u32 = 1_048_575;

/// The longest inline list of a drop-down (Excel's limit, commas included).
const MAX_INLINE_LIST: usize = 255;

/// The longest input title and message of a validation (Excel's limits).
const MAX_INPUT_TITLE: usize = 32;
const MAX_INPUT_MESSAGE: usize = 255;

pub fn run(
    args: &FactsTemplateArgs,
    ctx: &Ctx,
    out: &mut dyn Write,
) -> Result<ExitCode, InputError> {
    let project = crate::input::project(&args.project)?;
    let template = Template::new(&project, &args.kind, ctx.lang)
        .ok_or_else(|| crate::facts_add::unknown_kind(ctx, project.vocabulary(), &args.kind))?;
    let bytes = workbook(&template, ctx.lang).map_err(|e| {
        InputError(ctx.fill(label::CANNOT_WRITE_FILE, &[&args.output.display(), &e]))
    })?;
    crate::append::write_atomically(&args.output, &bytes, None)?;
    let name = project.vocabulary().kind_label(&template.kind, ctx.lang);
    let columns = u64::try_from(template.columns.len()).unwrap_or(u64::MAX);
    finish(writeln!(
        out,
        "{}",
        ctx.fill(
            label::TEMPLATE_WRITTEN,
            &[
                &args.output.display(),
                &name,
                &ctx.count(columns, label::COLUMNS_COUNTED)
            ]
        )
    ))?;
    Ok(ExitCode::SUCCESS)
}

/// Whether a drop-down list can be written inline: short enough, and no
/// value holding the list separator.
fn inline(choices: &[String]) -> bool {
    let length: usize = choices.iter().map(|c| c.chars().count() + 1).sum();
    length <= MAX_INLINE_LIST && !choices.iter().any(|c| c.contains([',', '"']))
}

fn cut(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

/// The column letters of a 0-based column (`A`, `AB`).
fn letters(column: u16) -> String {
    let mut n = u32::from(column) + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

/// The workbook's bytes.
fn workbook(template: &Template, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let lists_sheet = label::SHEET_OF_LISTS.get(lang);
    let long: Vec<&Column> = template
        .columns
        .iter()
        .filter(|c| !c.choices.is_empty() && !inline(&c.choices))
        .collect();
    let data = book.add_worksheet();
    data.set_name(&template.sheet)?;
    data.set_active(true);
    data_sheet(data, template, lang, lists_sheet, &long)?;
    let notes = book.add_worksheet();
    notes.set_name(&template.instructions_sheet)?;
    let title = Format::new().set_bold().set_font_size(13);
    let wrap = Format::new().set_text_wrap();
    notes.set_column_width(0, 110)?;
    for (row, line) in template.instructions.iter().enumerate() {
        let row = u32::try_from(row).unwrap_or(u32::MAX);
        let format = if row == 0 { &title } else { &wrap };
        notes.write_string_with_format(row, 0, line, format)?;
    }
    if !long.is_empty() {
        let lists = book.add_worksheet();
        lists.set_name(lists_sheet)?;
        for (i, column) in long.iter().enumerate() {
            let col = u16::try_from(i).unwrap_or(u16::MAX);
            for (row, value) in column.choices.iter().enumerate() {
                lists.write_string(u32::try_from(row).unwrap_or(u32::MAX), col, value)?;
            }
        }
        lists.set_hidden(true);
    }
    book.save_to_buffer()
}

fn data_sheet(
    sheet: &mut Worksheet,
    template: &Template,
    lang: Lang,
    lists_sheet: &str,
    long: &[&Column],
) -> Result<(), XlsxError> {
    let header = Format::new().set_text_wrap().set_background_color("F2F2F2");
    let required = header.clone().set_bold();
    sheet.set_freeze_panes(1, 0)?;
    for (i, column) in template.columns.iter().enumerate() {
        let col = u16::try_from(i).unwrap_or(u16::MAX);
        let cells = match column.cell {
            CellType::Date => Format::new().set_num_format(spreadsheet::date_format(lang)),
            CellType::Amount => Format::new().set_num_format(spreadsheet::AMOUNT_ENTRY_FORMAT),
            CellType::Whole => Format::new().set_num_format(spreadsheet::WHOLE_NUMBER_FORMAT),
            CellType::Hours => Format::new(),
            // Text as written: a TERYT code keeps its leading zero.
            _ => Format::new().set_num_format(spreadsheet::TEXT_FORMAT),
        };
        sheet.set_column_format(col, &cells)?;
        let width = column.header.chars().count().clamp(12, 40);
        sheet.set_column_width(col, u32::try_from(width).unwrap_or(12))?;
        let format = if column.required { &required } else { &header };
        sheet.write_string_with_format(0, col, &column.header, format)?;
        let mut rule = if column.choices.is_empty() {
            match column.cell {
                CellType::Whole => DataValidation::new()
                    .allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(0)),
                CellType::Date => DataValidation::new().allow_date(
                    DataValidationRule::GreaterThanOrEqualTo(ExcelDateTime::from_ymd(1900, 1, 1)?),
                ),
                _ => DataValidation::new().allow_any_value(),
            }
        } else if let Some(at) = long.iter().position(|c| c.field == column.field) {
            let letter = letters(u16::try_from(at).unwrap_or(u16::MAX));
            let n = column.choices.len();
            DataValidation::new().allow_list_formula(Formula::new(format!(
                "='{lists_sheet}'!${letter}$1:${letter}${n}"
            )))
        } else {
            DataValidation::new().allow_list_strings(&column.choices)?
        };
        rule = rule
            .set_input_title(cut(&column.header, MAX_INPUT_TITLE))?
            .set_input_message(cut(&column.help, MAX_INPUT_MESSAGE))?
            .set_error_style(DataValidationErrorStyle::Stop);
        sheet.add_data_validation(1, col, LAST_ROW, col, &rule)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::letters;

    #[test]
    fn columns_are_lettered_as_spreadsheets_letter_them() {
        assert_eq!(letters(0), "A");
        assert_eq!(letters(25), "Z");
        assert_eq!(letters(26), "AA");
        assert_eq!(letters(701), "ZZ");
        assert_eq!(letters(702), "AAA");
    }
}
