//! Tables for people fitted to 80 columns, and progress bars.

use std::io::{self, Write};

use kooperacja_core::money::Rate;

use super::text::{pad, right, width_of, wrap};
use super::{Ctx, Style, WIDTH};

/// A bar of `width` cells filled in proportion to `rate` (capped at full).
pub fn bar(rate: Rate, width: usize) -> String {
    let cells = i64::try_from(width).unwrap_or(i64::MAX);
    let filled = usize::try_from(kooperacja_core::present::bar_length_of(rate, cells))
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
    /// Whether the header may wrap to the width of the column's cells (a
    /// long header over short figures).
    header_wraps: bool,
}

impl Col {
    pub fn left(header: &str) -> Col {
        Col {
            header: header.to_owned(),
            align: Align::Left,
            wraps: false,
            header_wraps: false,
        }
    }

    pub fn right(header: &str) -> Col {
        Col {
            header: header.to_owned(),
            align: Align::Right,
            wraps: false,
            header_wraps: false,
        }
    }

    /// The column with a header that wraps on spaces to the width of its
    /// widest cell (never narrower than the header's longest word).
    pub fn narrow_header(self) -> Col {
        Col {
            header_wraps: true,
            ..self
        }
    }

    /// A left-aligned column that wraps.
    pub fn wrapping(header: &str) -> Col {
        Col {
            header: header.to_owned(),
            align: Align::Left,
            wraps: true,
            header_wraps: false,
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
        let mut widths: Vec<usize> = self
            .cols
            .iter()
            .map(|c| {
                if c.header_wraps {
                    c.header.split(' ').map(width_of).max().unwrap_or(0)
                } else {
                    width_of(&c.header)
                }
            })
            .collect();
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
                    let header = std::ptr::eq(row, &header);
                    if col.wraps || (header && col.header_wraps) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use kooperacja_core::present::Lang;
    use rust_decimal::Decimal;

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

    #[test]
    fn a_narrow_header_wraps_to_its_figures() {
        let mut t = Table::new(vec![
            Col::left("id"),
            Col::right("W okresie rozliczeniowym").narrow_header(),
        ]);
        t.row(vec!["I-01".into(), "1 200,00".into()]);
        let mut out = Vec::new();
        let ctx = Ctx {
            lang: Lang::Pl,
            color: false,
        };
        t.write(&ctx, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "  id         W okresie\n        rozliczeniowym\n  I-01        1 200,00\n"
        );
    }
}
