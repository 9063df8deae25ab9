//! # kooperacja-export
//!
//! Renders a project and its [`Report`] into files for programs and people:
//! JSON (the whole report; its schema is `kooperacja_core::report_schema()`),
//! CSV (one table at a time, [`csv()`], [`csv_bytes`]), an XLSX workbook ([`xlsx::workbook`]),
//! IATI 2.03 activity XML ([`iati::iati`]) and one self-contained HTML page
//! with SVG charts ([`html::html`]); and a payment claim (core's
//! `claim::Claim`) as a printable page ([`html::claim_html`]) or a workbook
//! ([`xlsx::claim_workbook`]). `docs/export.md` describes each format.
//!
//! Nothing here computes a domain value: every number comes from core.
//!
//! ```
//! use kooperacja_core::{engine::Engine, project::Project};
//! use kooperacja_export::{Table, csv};
//! let project = Project::parse(include_str!("../../../fixtures/projects/kooperacja-makroregion-ii.toml"))?;
//! let report = Engine::new(project.clone(), None).report(chrono::NaiveDate::from_ymd_opt(2020, 9, 30).unwrap());
//! let text = csv(Table::Milestones, &project, &report);
//! assert!(text.starts_with("id,number,title,start,end,state\r\n"));
//! assert!(text.contains("KM-II,2,"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod html;
pub mod iati;
pub mod xlsx;

#[cfg(test)]
mod sample_claim;

use std::io::Write;
use std::path::Path;

use kooperacja_core::indicator::Target;
use kooperacja_core::project::Project;
use kooperacja_core::report::Report;

pub use kooperacja_core::present::Lang;

/// A table of the CSV export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Table {
    /// One row per indicator.
    Indicators,
    /// One row per milestone of the version in force.
    Milestones,
    /// One row per partner's budget in the version in force, with spending.
    Budget,
    /// One row per territorial unit of the project.
    Territory,
    /// One row per fact kind: how many facts count.
    Facts,
}

impl Table {
    /// Every table, in the order `--table all` writes them.
    pub const ALL: [Table; 5] = [
        Table::Indicators,
        Table::Milestones,
        Table::Budget,
        Table::Territory,
        Table::Facts,
    ];

    /// The file-name stem (`indicators`).
    pub fn name(self) -> &'static str {
        match self {
            Table::Indicators => "indicators",
            Table::Milestones => "milestones",
            Table::Budget => "budget",
            Table::Territory => "territory",
            Table::Facts => "facts",
        }
    }
}

/// The form of the CSV files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum CsvDialect {
    /// RFC 4180: UTF-8 without a BOM, `,` between fields, CRLF line ends,
    /// decimals with a dot. For programs.
    #[default]
    Rfc4180,
    /// For a spreadsheet in a Polish locale (Excel, LibreOffice): UTF-8 with a
    /// BOM, `;` between fields, decimals with a comma, CRLF line ends, and
    /// TERYT codes written as the formula `="0201011"`, which both programs
    /// import as the text `0201011` with their default settings.
    ExcelPl,
}

/// One field of a CSV record, by what it holds.
enum Field {
    /// Text as it is.
    Text(String),
    /// An exact decimal in plain notation (`1234.56`).
    Decimal(String),
    /// A code of digits whose leading zeros matter (TERYT).
    Code(String),
}

impl Field {
    fn text(value: impl Into<String>) -> Field {
        Field::Text(value.into())
    }

    /// The field as written in `dialect`.
    fn written(&self, dialect: CsvDialect) -> String {
        match (self, dialect) {
            (Field::Text(t) | Field::Decimal(t) | Field::Code(t), CsvDialect::Rfc4180) => t.clone(),
            (Field::Text(t), CsvDialect::ExcelPl) => t.clone(),
            (Field::Decimal(t), CsvDialect::ExcelPl) => t.replace('.', ","),
            (Field::Code(t), CsvDialect::ExcelPl) if t.is_empty() => String::new(),
            (Field::Code(t), CsvDialect::ExcelPl) => format!("=\"{t}\""),
        }
    }
}

/// The header and the rows of one table.
fn rows(table: Table, project: &Project, report: &Report) -> (Vec<&'static str>, Vec<Vec<Field>>) {
    // ISO 8601: chrono's own text of a date (`2020-09-30`).
    let iso = |d: chrono::NaiveDate| Field::Text(d.to_string());
    let decimal = |d: Option<String>| Field::Decimal(d.unwrap_or_default());
    let mut out: Vec<Vec<Field>> = Vec::new();
    let header = match table {
        Table::Indicators => {
            for i in &report.indicators {
                let (kind, target) = match i.target {
                    Target::Count(n) => ("count", n.to_string()),
                    Target::Share(r) => ("share", r.percent().normalize().to_string()),
                };
                out.push(vec![
                    Field::text(i.id.as_str()),
                    Field::text(i.name.as_str()),
                    Field::text(i.unit.as_str()),
                    Field::text(kind),
                    Field::Decimal(target),
                    decimal(i.value.map(|v| v.normalize().to_string())),
                    iso(i.due),
                    Field::text(i.status.machine()),
                    decimal(i.forecast.map(|v| v.normalize().to_string())),
                ]);
            }
            vec![
                "id",
                "name",
                "unit",
                "target_kind",
                "target",
                "value",
                "due",
                "status",
                "forecast",
            ]
        }
        Table::Milestones => {
            for m in &report.milestones {
                out.push(vec![
                    Field::text(m.id.as_str()),
                    Field::text(m.number.to_string()),
                    Field::text(m.title.as_str()),
                    iso(m.period.start()),
                    iso(m.period.end()),
                    Field::text(m.state.machine()),
                ]);
            }
            vec!["id", "number", "title", "start", "end", "state"]
        }
        Table::Budget => {
            for s in &report.budget.by_partner {
                let name = project
                    .organisation(&s.partner)
                    .map_or_else(String::new, |o| o.name.clone());
                out.push(vec![
                    Field::text(s.partner.as_str()),
                    Field::Text(name),
                    decimal(s.planned.map(|a| a.to_plain())),
                    Field::Decimal(s.spent.to_plain()),
                ]);
            }
            vec!["partner", "name", "planned", "spent"]
        }
        Table::Territory => {
            let unit = |level: &str, code: String, name: &str, parent: String| {
                vec![
                    Field::text(level),
                    Field::Code(code),
                    Field::text(name),
                    Field::Code(parent),
                ]
            };
            // The area of the version in force on the report's date.
            let area = project.area(report.as_of);
            for v in &area.voivodeships {
                out.push(unit(
                    "voivodeship",
                    v.code.to_string(),
                    &v.name,
                    String::new(),
                ));
                for p in &v.powiats {
                    out.push(unit(
                        "powiat",
                        p.code.to_string(),
                        &p.name,
                        v.code.to_string(),
                    ));
                    for g in &p.gminas {
                        out.push(unit(
                            "gmina",
                            g.code.to_string(),
                            &g.name,
                            p.code.to_string(),
                        ));
                    }
                }
            }
            vec!["level", "code", "name", "parent"]
        }
        Table::Facts => {
            for (kind, n) in &report.facts.by_kind {
                out.push(vec![Field::text(kind.as_str()), Field::text(n.to_string())]);
            }
            vec!["kind", "facts"]
        }
    };
    (header, out)
}

/// A table as CSV in the RFC 4180 dialect, as text: UTF-8, a header row, CRLF
/// line ends, plain decimals with a dot, ISO dates. The columns are listed in
/// `docs/export.md`.
pub fn csv(table: Table, project: &Project, report: &Report) -> String {
    String::from_utf8(csv_bytes(table, project, report, CsvDialect::Rfc4180)).unwrap_or_default()
}

/// A table as the bytes of a CSV file in `dialect` (see [`CsvDialect`]).
pub fn csv_bytes(table: Table, project: &Project, report: &Report, dialect: CsvDialect) -> Vec<u8> {
    let (header, rows) = rows(table, project, report);
    let mut out: Vec<u8> = Vec::new();
    let delimiter = match dialect {
        CsvDialect::Rfc4180 => b',',
        CsvDialect::ExcelPl => {
            // The BOM tells Excel the file is UTF-8.
            out.extend_from_slice("\u{feff}".as_bytes());
            b';'
        }
    };
    let mut writer = ::csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out);
    // Writing to a Vec cannot fail; a failed record would only be left out.
    let _ = writer.write_record(&header);
    for row in rows {
        let _ = writer.write_record(row.iter().map(|f| f.written(dialect)));
    }
    writer.into_inner().unwrap_or_default()
}

/// The report as pretty JSON, with a line end.
pub fn json(report: &Report) -> String {
    let mut text = serde_json::to_string_pretty(report).unwrap_or_else(|e| {
        // Serialising plain data to a String cannot fail; say so if it ever does.
        format!("{{\"error\": {:?}}}", e.to_string())
    });
    text.push('\n');
    text
}

/// Writes `bytes` to `path` whole or not at all: into a temporary file in the
/// same directory (`tempfile`), flushed to disk, then renamed over `path`. On
/// failure the temporary file is removed and `path` is untouched.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    // As `File::create` would: readable by others unless the umask says no
    // (a temporary file is private by default).
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut file = builder.tempfile_in(dir)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}
