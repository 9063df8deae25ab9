//! Output for programs: RFC 4180 CSV with the `csv` crate, JSON, and the
//! plain fields they carry (ISO dates, empty for absent).

use std::io::{self, Write};

use chrono::NaiveDate;
use kooperacja_core::present::{self, Lang};

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
}
