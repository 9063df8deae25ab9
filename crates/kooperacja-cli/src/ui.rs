//! How the commands talk to people and programs: the language of labels,
//! colour, tables that fit 80 columns, bars, and RFC 4180 CSV. The words,
//! the formats and the colours come from core's `present`.
//!
//! Nothing here computes a domain value; it only renders what core gives.

use std::io::{self, IsTerminal, Write};

use chrono::NaiveDate;
use kooperacja_core::money::Rate;
pub use kooperacja_core::present::Lang;
use kooperacja_core::present::palette::{self, Terminal};
use kooperacja_core::present::{self, Plural, Text, label};
use kooperacja_core::report::{MilestoneState, Status};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// The width tables are fitted to.
pub const WIDTH: usize = 80;

/// The language of this run, for messages made far from the command's `Ctx`
/// (file errors, skipped-record warnings). Set once in `main`.
static MESSAGE_LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

/// The language the environment asks for: the first of `LC_ALL`,
/// `LC_MESSAGES` and `LANG` that is set and not empty; English when it
/// starts with `en`, Polish otherwise (and when none is set).
pub fn lang_from_env() -> Lang {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty());
    match locale {
        Some(value) if value.starts_with("en") => Lang::En,
        _ => Lang::Pl,
    }
}

/// The values of `--lang`: core's [`Lang`] through its `FromStr`, with the
/// codes listed in `--help`.
pub fn lang_parser() -> impl clap::builder::TypedValueParser<Value = Lang> {
    use clap::builder::{PossibleValuesParser, TypedValueParser};
    PossibleValuesParser::new(Lang::ALL.map(Lang::code)).try_map(|code| code.parse::<Lang>())
}

/// Sets the language of [`msg`]; the first call wins.
pub fn set_message_lang(lang: Lang) {
    let _ = MESSAGE_LANG.set(lang);
}

/// The language of this run (Polish until `main` sets it).
pub fn message_lang() -> Lang {
    MESSAGE_LANG.get().copied().unwrap_or_default()
}

/// A catalogue entry in the language of this run.
pub fn msg(text: Text) -> &'static str {
    text.get(message_lang())
}

/// A catalogue entry in the language of this run, its placeholders filled.
pub fn msg_fill(text: Text, args: &[&dyn std::fmt::Display]) -> String {
    text.fill(message_lang(), args)
}

/// When to colour the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// When standard output is a terminal and `NO_COLOR` is not set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

impl ColorChoice {
    /// Whether to colour standard output.
    pub fn resolve(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && io::stdout().is_terminal()
            }
        }
    }
}

/// A text style: bold, dim, or one of the terminal colours of core's palette.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Bold,
    Ink(Terminal),
}

impl Style {
    /// The `anstyle` style that renders it.
    fn anstyle(self) -> anstyle::Style {
        use anstyle::AnsiColor;
        let color = |c: AnsiColor| anstyle::Style::new().fg_color(Some(c.into()));
        match self {
            Style::Bold => anstyle::Style::new().bold(),
            Style::Ink(Terminal::Dim) => anstyle::Style::new().dimmed(),
            Style::Ink(Terminal::Green) => color(AnsiColor::Green),
            Style::Ink(Terminal::Cyan) => color(AnsiColor::Cyan),
            Style::Ink(Terminal::Yellow) => color(AnsiColor::Yellow),
            Style::Ink(Terminal::Red) => color(AnsiColor::Red),
            Style::Ink(Terminal::Magenta) => color(AnsiColor::Magenta),
        }
    }

    /// The style a milestone's state is shown in (core's palette).
    pub fn of_state(state: MilestoneState) -> Style {
        Style::Ink(palette::of_state(state).terminal)
    }

    /// The style a status is shown in (core's palette).
    pub fn of_status(status: Status) -> Style {
        Style::Ink(palette::of_status(status).terminal)
    }

    /// Dim text.
    pub const DIM: Style = Style::Ink(Terminal::Dim);
    /// Green: a good outcome (no error findings).
    pub const GREEN: Style = Style::Ink(Terminal::Green);
    /// Red: an error or a figure that contradicts another.
    pub const RED: Style = Style::Ink(Terminal::Red);
    /// Yellow: a warning.
    pub const YELLOW: Style = Style::Ink(Terminal::Yellow);
    /// Cyan: codes (TERYT) beside names.
    pub const CYAN: Style = Style::Ink(Terminal::Cyan);
}

/// What every command needs to render for people.
#[derive(Debug, Clone, Copy)]
pub struct Ctx {
    pub lang: Lang,
    pub color: bool,
}

impl Ctx {
    /// `text` in `style`, when colour is on.
    pub fn paint(&self, style: Style, text: &str) -> String {
        if self.color {
            let style = style.anstyle();
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_owned()
        }
    }

    /// A catalogue entry in the language of the run.
    pub fn text(&self, text: Text) -> &'static str {
        text.get(self.lang)
    }

    /// A catalogue entry with its placeholders filled.
    pub fn fill(&self, text: Text, args: &[&dyn std::fmt::Display]) -> String {
        text.fill(self.lang, args)
    }

    /// "2 errors" or "2 błędy": a count with its noun in the right form.
    pub fn count(&self, n: u64, noun: Plural) -> String {
        noun.count(self.lang, n)
    }

    /// "0 errors, 2 warnings, 1 note" in the language.
    pub fn findings(&self, errors: usize, warnings: usize, infos: usize) -> String {
        let n = |k: usize| u64::try_from(k).unwrap_or(u64::MAX);
        format!(
            "{}, {}, {}",
            self.count(n(errors), label::ERRORS),
            self.count(n(warnings), label::WARNINGS),
            self.count(n(infos), label::NOTES),
        )
    }
}

/// Wraps text to `width` columns on spaces, never inside an amount
/// ("4 863 047,40 zł") or a Polish date ("31.03.2021 r."). A word (without
/// spaces) longer than the width is cut into pieces of the width, each on a
/// line of its own.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    wrap_words(text, width)
        .into_iter()
        .flat_map(|line| {
            // An amount or a date longer than the width stays whole (they
            // are short); only a word without spaces is cut.
            if width_of(&line) <= width || line.contains(' ') {
                return vec![line];
            }
            let chars: Vec<char> = line.chars().collect();
            chars.chunks(width).map(|c| c.iter().collect()).collect()
        })
        .collect()
}

/// `text` wrapped to `width` columns, the lines after the first indented by
/// `indent` spaces (every line of a text that does not fit `indent` columns
/// narrower than `width`): for
/// headings and labels that must fit the width whatever their length.
pub fn wrap_hanging(text: &str, width: usize, indent: usize) -> Vec<String> {
    if width_of(text) <= width {
        return vec![text.to_owned()];
    }
    let pad = " ".repeat(indent);
    wrap(text, width.saturating_sub(indent))
        .into_iter()
        .enumerate()
        .map(|(k, line)| if k == 0 { line } else { format!("{pad}{line}") })
        .collect()
}

/// Writes a heading: `bold` (painted bold) then `rest`, wrapped to [`WIDTH`]
/// columns, the lines after the first indented by two spaces. With an empty
/// `rest`, every line is bold. A heading that fits is written as it is.
pub fn heading(ctx: &Ctx, out: &mut dyn Write, bold: &str, rest: &str) -> io::Result<()> {
    let text = format!("{bold}{rest}");
    for (k, line) in wrap_hanging(&text, WIDTH, 2).iter().enumerate() {
        match line.strip_prefix(bold) {
            _ if rest.is_empty() => writeln!(out, "{}", ctx.paint(Style::Bold, line))?,
            Some(after) if k == 0 => writeln!(out, "{}{after}", ctx.paint(Style::Bold, bold))?,
            _ => writeln!(out, "{line}")?,
        }
    }
    Ok(())
}

/// Writes one line: `painted` as it is when its text `plain` fits [`WIDTH`]
/// columns, else `plain` wrapped with the lines after the first starting with
/// `indent` (without colour: a wrapped line is rare, and plain text cannot
/// cut a colour in two).
pub fn fitted(out: &mut dyn Write, painted: &str, plain: &str, indent: &str) -> io::Result<()> {
    if width_of(plain) <= WIDTH {
        return writeln!(out, "{painted}");
    }
    let lines = wrap(plain, WIDTH.saturating_sub(width_of(indent)));
    for (k, line) in lines.iter().enumerate() {
        if k == 0 {
            writeln!(out, "{line}")?;
        } else {
            writeln!(out, "{indent}{line}")?;
        }
    }
    Ok(())
}

/// The words core writes after a number in Polish: the currency of an amount
/// (`zł`), the `r.` of a date and the per cent sign; a line never breaks before
/// one of them.
static UNITS: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
    let last_word = |text: String| text.rsplit(' ').next().unwrap_or_default().to_owned();
    vec![
        last_word(present::amount(
            Lang::Pl,
            kooperacja_core::money::Amount::ZERO,
        )),
        last_word(present::date(Lang::Pl, NaiveDate::default())),
        present::percent_sign(Lang::Pl).trim().to_owned(),
    ]
});

/// [`wrap`] on spaces only: a word longer than the width stays whole.
fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for word in text.split(' ') {
        let glue = words.last().is_some_and(|prev: &String| {
            prev.ends_with(|c: char| c.is_ascii_digit())
                && (word.starts_with(|c: char| c.is_ascii_digit())
                    || UNITS.iter().any(|unit| word.starts_with(unit.as_str())))
        });
        match words.last_mut() {
            Some(prev) if glue => {
                prev.push(' ');
                prev.push_str(word);
            }
            _ => words.push(word.to_owned()),
        }
    }
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in &words {
        let len = width_of(&line);
        if len > 0 && len + 1 + width_of(word) > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// The number of characters (every character the tables use is one column wide).
pub fn width_of(text: &str) -> usize {
    text.chars().count()
}

/// Pads `text` to `width` characters on the right.
pub fn pad(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(width_of(text))))
}

/// Right-aligns `text` in `width` characters.
pub fn right(text: &str, width: usize) -> String {
    format!("{}{text}", " ".repeat(width.saturating_sub(width_of(text))))
}

/// A bar of `width` cells filled in proportion to `rate` (capped at full).
pub fn bar(rate: Rate, width: usize) -> String {
    let filled = (rate.fraction() * Decimal::from(width))
        .round()
        .to_usize()
        .unwrap_or(0)
        .min(width);
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

/// How a column is aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// A table column.
#[derive(Debug, Clone)]
pub struct Col {
    header: String,
    align: Align,
    /// Whether the column may wrap to make the table fit.
    wraps: bool,
}

impl Col {
    pub fn left(header: &str) -> Col {
        Col {
            header: header.to_owned(),
            align: Align::Left,
            wraps: false,
        }
    }

    pub fn right(header: &str) -> Col {
        Col {
            header: header.to_owned(),
            align: Align::Right,
            wraps: false,
        }
    }

    /// A left-aligned column that wraps.
    pub fn wrapping(header: &str) -> Col {
        Col {
            header: header.to_owned(),
            align: Align::Left,
            wraps: true,
        }
    }
}

/// A cell: its text and, when colour is on, its style.
#[derive(Debug, Clone)]
pub struct Cell {
    text: String,
    style: Option<Style>,
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell { text, style: None }
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        Cell {
            text: text.to_owned(),
            style: None,
        }
    }
}

impl Cell {
    pub fn styled(text: impl Into<String>, style: Style) -> Cell {
        Cell {
            text: text.into(),
            style: Some(style),
        }
    }
}

/// A table for people, fitted to [`WIDTH`] columns with an indent: the
/// wrapping columns give up width, widest first, until the table fits.
#[derive(Debug)]
pub struct Table {
    cols: Vec<Col>,
    rows: Vec<Vec<Cell>>,
    indent: usize,
}

impl Table {
    pub fn new(cols: Vec<Col>) -> Table {
        Table {
            cols,
            rows: Vec::new(),
            indent: 2,
        }
    }

    pub fn row(&mut self, cells: Vec<Cell>) {
        debug_assert_eq!(cells.len(), self.cols.len());
        self.rows.push(cells);
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    fn widths(&self) -> Vec<usize> {
        let mut widths: Vec<usize> = self.cols.iter().map(|c| width_of(&c.header)).collect();
        for row in &self.rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(width_of(&cell.text));
            }
        }
        let gaps = self.indent + 2 * self.cols.len().saturating_sub(1);
        loop {
            let total: usize = widths.iter().sum::<usize>() + gaps;
            if total <= WIDTH {
                break;
            }
            let widest = widths
                .iter()
                .enumerate()
                .filter(|(i, w)| self.cols[*i].wraps && **w > 12)
                .max_by_key(|(_, w)| **w)
                .map(|(i, _)| i);
            match widest {
                Some(i) => widths[i] -= (total - WIDTH).min(widths[i] - 12),
                None => break,
            }
        }
        widths
    }

    pub fn write(&self, ctx: &Ctx, out: &mut dyn Write) -> io::Result<()> {
        let widths = self.widths();
        let indent = " ".repeat(self.indent);
        let header: Vec<Cell> = self
            .cols
            .iter()
            .map(|c| Cell::styled(c.header.clone(), Style::Bold))
            .collect();
        for row in std::iter::once(&header).chain(&self.rows) {
            let wrapped: Vec<Vec<String>> = row
                .iter()
                .zip(&self.cols)
                .zip(&widths)
                .map(|((cell, col), &w)| {
                    if col.wraps {
                        wrap(&cell.text, w)
                    } else {
                        vec![cell.text.clone()]
                    }
                })
                .collect();
            let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
            for line in 0..height {
                let mut text = indent.clone();
                let last = self.cols.len() - 1;
                for (i, ((lines, col), &w)) in
                    wrapped.iter().zip(&self.cols).zip(&widths).enumerate()
                {
                    let part = lines.get(line).map_or("", String::as_str);
                    let laid = match col.align {
                        Align::Right => right(part, w),
                        // The last column is not padded: no trailing spaces.
                        Align::Left if i == last => part.to_owned(),
                        Align::Left => pad(part, w),
                    };
                    match row[i].style {
                        Some(style) if !part.is_empty() => text.push_str(&ctx.paint(style, &laid)),
                        _ => text.push_str(&laid),
                    }
                    if i < last {
                        text.push_str("  ");
                    }
                }
                writeln!(out, "{}", text.trim_end())?;
            }
        }
        Ok(())
    }
}

/// A CSV document (RFC 4180: comma-separated, fields quoted when they hold a
/// comma, a quote or a line break, quotes doubled, CRLF line ends), with a
/// header row of stable English column names.
#[derive(Debug)]
pub struct Csv {
    header: Vec<&'static str>,
    rows: Vec<Vec<String>>,
}

impl Csv {
    pub fn new(header: Vec<&'static str>) -> Csv {
        Csv {
            header,
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, fields: Vec<String>) {
        debug_assert_eq!(fields.len(), self.header.len());
        self.rows.push(fields);
    }

    /// Writes the header and the rows with the `csv` crate (RFC 4180:
    /// quoted only when needed, CRLF line ends).
    pub fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(out);
        writer.write_record(&self.header)?;
        for row in &self.rows {
            writer.write_record(row)?;
        }
        writer.flush()
    }
}

/// An optional value as a CSV field: empty when absent.
pub fn opt<T: ToString>(value: Option<T>) -> String {
    value.map_or_else(String::new, |v| v.to_string())
}

/// An optional count as a table shows it: empty when absent.
pub fn opt_count<T: Into<u64>>(lang: Lang, value: Option<T>) -> String {
    value.map_or_else(String::new, |n| present::count(lang, n.into()))
}

/// A date as machines read it: ISO 8601.
pub fn iso(date: NaiveDate) -> String {
    // chrono writes a date as ISO 8601 (`2020-09-30`).
    date.to_string()
}

/// Writes `value` as pretty JSON and a line end.
pub fn write_json(out: &mut dyn Write, value: &impl serde::Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::from)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_keeps_a_polish_date_whole() {
        let lines = wrap("do 31.03.2021 r. kwota dla partnera", 12);
        assert!(lines.contains(&"31.03.2021 r.".to_owned()), "{lines:?}");
    }

    #[test]
    fn wrap_keeps_an_amount_whole() {
        let lines = wrap("kwota 4 863 047,40 zł dla partnera", 12);
        assert!(lines.contains(&"4 863 047,40 zł".to_owned()), "{lines:?}");
    }

    #[test]
    fn wrap_keeps_a_percentage_whole() {
        let lines = wrap("udział 52,6 % okresu", 6);
        assert!(lines.contains(&"52,6 %".to_owned()), "{lines:?}");
    }

    #[test]
    fn wrap_cuts_a_word_longer_than_the_width() {
        let word = "x".repeat(25);
        let lines = wrap(&format!("a {word} b"), 10);
        assert_eq!(lines, ["a", "xxxxxxxxxx", "xxxxxxxxxx", "xxxxx", "b"]);
    }

    fn csv_of(field: &str) -> String {
        let mut csv = Csv::new(vec!["a"]);
        csv.row(vec![field.to_owned()]);
        let mut out = Vec::new();
        csv.write(&mut out).expect("written to memory");
        String::from_utf8(out).expect("utf-8")
    }

    #[test]
    fn csv_leaves_a_plain_field_unquoted() {
        assert_eq!(csv_of("plain"), "a\r\nplain\r\n");
    }

    #[test]
    fn csv_quotes_a_field_with_a_comma() {
        assert_eq!(csv_of("a,b"), "a\r\n\"a,b\"\r\n");
    }

    #[test]
    fn csv_doubles_quotes_inside_a_quoted_field() {
        assert_eq!(csv_of("say \"hi\""), "a\r\n\"say \"\"hi\"\"\"\r\n");
    }

    #[test]
    fn csv_quotes_a_field_with_a_line_break() {
        assert_eq!(csv_of("two\nlines"), "a\r\n\"two\nlines\"\r\n");
    }

    #[test]
    fn a_bar_is_filled_in_proportion() {
        let half = Rate::from_fraction(Decimal::new(5, 1));
        assert_eq!(bar(half, 10), "█████░░░░░");
    }

    #[test]
    fn a_bar_is_capped_at_full() {
        let over = Rate::from_fraction(Decimal::new(15, 1));
        assert_eq!(bar(over, 4), "████");
    }

    #[test]
    fn a_table_fits_80_columns_by_wrapping() {
        let mut t = Table::new(vec![
            Col::left("id"),
            Col::wrapping("name"),
            Col::right("n"),
        ]);
        t.row(vec![
            "I-01".into(),
            "słowo ".repeat(40).as_str().into(),
            "7".into(),
        ]);
        let mut out = Vec::new();
        let ctx = Ctx {
            lang: Lang::Pl,
            color: false,
        };
        t.write(&ctx, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.lines().count() > 3);
        assert!(text.lines().all(|l| width_of(l) <= WIDTH), "{text}");
    }
}
