//! # kooperacja-export
//!
//! Renders a project and its [`Report`] into files for programs and people:
//! JSON (the whole report; its schema is `kooperacja_core::report_schema()`),
//! CSV (one table at a time, [`csv`]), an XLSX workbook ([`xlsx::workbook`]),
//! IATI 2.03 activity XML ([`iati::iati`]) and one self-contained HTML page
//! with SVG charts ([`html::html`]). `docs/export.md` describes each format.
//!
//! Nothing here computes a domain value: every number comes from core.
//!
//! ```
//! use kooperacja_core::{engine::Engine, project::Project};
//! use kooperacja_export::{Table, csv};
//! let project = Project::parse(include_str!("../../../fixtures/projects/kooperacja-makroregion-ii.toml"))?;
//! let report = Engine::new(&project, None).report(chrono::NaiveDate::from_ymd_opt(2020, 9, 30).unwrap());
//! let text = csv(Table::Milestones, &project, &report);
//! assert!(text.starts_with("id,number,title,start,end,state\r\n"));
//! assert!(text.contains("KM-II,2,"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod html;
pub mod iati;
pub mod xlsx;

use std::io::Write;
use std::path::Path;

use kooperacja_core::indicator::Target;
use kooperacja_core::project::Project;
use kooperacja_core::report::Report;

pub use kooperacja_core::present::Lang;

/// Picks the Polish or the English of a pair written in this crate; to be
/// replaced by `present::label` entries one by one.
pub(crate) trait Pick {
    fn pick<'a>(self, pl: &'a str, en: &'a str) -> &'a str;
}

impl Pick for Lang {
    fn pick<'a>(self, pl: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Pl => pl,
            Lang::En => en,
        }
    }
}

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

/// One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line
/// break, with quotes doubled.
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

fn record(out: &mut String, fields: &[String]) {
    let line: Vec<String> = fields.iter().map(|f| field(f)).collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
}

fn opt<T: ToString>(value: Option<T>) -> String {
    value.map_or_else(String::new, |v| v.to_string())
}

/// A table as CSV: UTF-8, RFC 4180 (CRLF line ends), a header row, plain
/// decimals with a dot, ISO dates. The columns are listed in `docs/export.md`.
pub fn csv(table: Table, project: &Project, report: &Report) -> String {
    let mut out = String::new();
    let iso = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
    let header = |out: &mut String, names: &[&str]| {
        record(
            out,
            &names.iter().map(|n| (*n).to_owned()).collect::<Vec<_>>(),
        );
    };
    match table {
        Table::Indicators => {
            header(
                &mut out,
                &[
                    "id",
                    "name",
                    "unit",
                    "target_kind",
                    "target",
                    "value",
                    "due",
                    "status",
                    "forecast",
                ],
            );
            for i in &report.indicators {
                let (kind, target) = match i.target {
                    Target::Count(n) => ("count", n.to_string()),
                    Target::Share(r) => ("share", r.percent().normalize().to_string()),
                };
                record(
                    &mut out,
                    &[
                        i.id.clone(),
                        i.name.clone(),
                        i.unit.clone(),
                        kind.to_owned(),
                        target,
                        opt(i.value.map(|v| v.normalize())),
                        iso(i.due),
                        i.status.english().replace(' ', "-"),
                        opt(i.forecast.map(|v| v.normalize())),
                    ],
                );
            }
        }
        Table::Milestones => {
            header(
                &mut out,
                &["id", "number", "title", "start", "end", "state"],
            );
            for m in &report.milestones {
                record(
                    &mut out,
                    &[
                        m.id.clone(),
                        m.number.to_string(),
                        m.title.clone(),
                        iso(m.period.start()),
                        iso(m.period.end()),
                        m.state.english().replace(' ', "-"),
                    ],
                );
            }
        }
        Table::Budget => {
            header(&mut out, &["partner", "name", "planned", "spent"]);
            for s in &report.budget.by_partner {
                let name = project
                    .organisation(&s.partner)
                    .map_or_else(String::new, |o| o.name.clone());
                record(
                    &mut out,
                    &[
                        s.partner.clone(),
                        name,
                        opt(s.planned.map(|a| a.to_plain())),
                        s.spent.to_plain(),
                    ],
                );
            }
        }
        Table::Territory => {
            header(&mut out, &["level", "code", "name", "parent"]);
            for v in &project.territory.voivodeships {
                record(
                    &mut out,
                    &[
                        "voivodeship".into(),
                        v.code.to_string(),
                        v.name.clone(),
                        String::new(),
                    ],
                );
                for p in &v.powiats {
                    record(
                        &mut out,
                        &[
                            "powiat".into(),
                            p.code.to_string(),
                            p.name.clone(),
                            v.code.to_string(),
                        ],
                    );
                    for g in &p.gminas {
                        record(
                            &mut out,
                            &[
                                "gmina".into(),
                                g.code.to_string(),
                                g.name.clone(),
                                p.code.to_string(),
                            ],
                        );
                    }
                }
            }
        }
        Table::Facts => {
            header(&mut out, &["kind", "facts"]);
            for (kind, n) in &report.facts.by_kind {
                record(&mut out, &[kind.name().to_owned(), n.to_string()]);
            }
        }
    }
    out
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
/// same directory, flushed to disk, then renamed over `path`.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "export".into(), |n| n.to_string_lossy().into_owned());
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}
