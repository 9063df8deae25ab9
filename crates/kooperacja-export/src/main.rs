//! `kooperacja-export`: writes a project's report as JSON, CSV, XLSX, IATI 2.03
//! XML or an offline HTML page.
//!
//! Exit codes: 0 written; 1 refused (the project has error findings; `--force`
//! writes anyway, with a warning in the output); 2 usage or unreadable input.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, ValueEnum};
use kooperacja_core::engine::Engine;
use kooperacja_core::facts::{FactReader, Format as FactFormat};
use kooperacja_core::parse::{MAX_PROJECT_BYTES, MAX_REGISTER_BYTES, parse_project_bytes};
use kooperacja_core::present::{self, message};
use kooperacja_core::territory::Register;
use kooperacja_core::validate::validate;
use kooperacja_export::{
    CsvDialect, Lang, Table, csv_bytes, html, iati, json, write_atomically, xlsx,
};

/// Export a project's report as JSON, CSV, XLSX, IATI 2.03 XML or HTML.
///
/// Example: kooperacja-export fixtures/projects/kooperacja-makroregion-ii.toml
/// --facts fixtures/facts/kooperacja-sample.jsonl --as-of 2020-09-30 --format json -o report.json
#[derive(Debug, Parser)]
#[command(name = "kooperacja-export", version, about, long_about)]
struct Args {
    /// The project file (TOML).
    #[arg(value_name = "PROJECT")]
    project: PathBuf,
    /// The facts: JSON Lines, or CSV for a `.csv` file name.
    #[arg(long, value_name = "FILE")]
    facts: Option<PathBuf>,
    /// The date to report on, like 2020-09-30. Default: today.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    as_of: Option<NaiveDate>,
    /// The TERC register. Default: the file the project pins in `territory.register`,
    /// else the register built in (TERC 2025-11-18).
    #[arg(long, value_name = "CSV")]
    teryt: Option<PathBuf>,
    /// The format.
    #[arg(long, value_enum)]
    format: Format,
    /// For CSV: one table, or every table (then OUT is a directory).
    #[arg(long, value_enum, default_value_t = TableArg::All)]
    table: TableArg,
    /// Where to write: a file, or for `--format csv --table all` a directory.
    #[arg(long, short, value_name = "OUT")]
    output: PathBuf,
    /// For CSV: rfc4180 (`,`, decimal dot, UTF-8) for programs, or excel-pl
    /// (`;`, decimal comma, UTF-8 with BOM, TERYT codes kept as text) for a
    /// spreadsheet in a Polish locale.
    #[arg(long, value_enum, default_value_t = CsvDialect::Rfc4180)]
    csv_dialect: CsvDialect,
    /// Export even when the project has error findings; the output then carries a warning.
    #[arg(long)]
    force: bool,
    /// The language of labels for people (XLSX, HTML).
    #[arg(long, default_value = "pl", value_parser = parse_lang)]
    lang: Lang,
    /// For IATI: the leader's registered IATI organisation identifier, used for
    /// reporting-org/@ref and as the prefix of iati-identifier. Default: the
    /// placeholder XX-PLACEHOLDER-{leader id}, named as such in the document.
    #[arg(long, value_name = "REF", value_parser = iati::OrgRef::parse)]
    iati_org_ref: Option<iati::OrgRef>,
    /// Export the payment claim (wniosek o płatność) of period N of the
    /// project's claim schedule instead of the report: as html (a printable
    /// page), xlsx (a sheet per section) or json (core's claim). `--as-of` is
    /// not used: the claim is as of its period's end.
    #[arg(long, value_name = "N")]
    claim: Option<u32>,
    /// With --claim: the claims filed so far (the JSON array of filed claims
    /// that `kooperacja claim --file` writes). A filed claim is exported as
    /// filed; a draft carries corrections of the filed ones before it.
    #[arg(long, value_name = "FILE", requires = "claim")]
    filed: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// The whole report as JSON.
    Json,
    /// CSV tables (RFC 4180).
    Csv,
    /// One XLSX workbook, a sheet per table.
    Xlsx,
    /// IATI 2.03 activity XML.
    Iati,
    /// One self-contained HTML page with SVG charts.
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum TableArg {
    All,
    Indicators,
    Milestones,
    Budget,
    Territory,
    Facts,
}

fn parse_lang(text: &str) -> Result<Lang, String> {
    text.parse()
        .map_err(|_| message::NOT_A_LANGUAGE.fill(Lang::En, &[&format_args!("{text:?}")]))
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    kooperacja_core::period::parse_date(text).map_err(|e| e.to_string())
}

/// Reads a whole file of at most `limit` bytes; `what` names the kind of file
/// in the refusal. Any kind of file is read (a pipe too), never more than
/// `limit` bytes plus one, so `/dev/zero` is refused like a file too large.
fn read_bounded(path: &Path, limit: u64, what: present::Text) -> Result<Vec<u8>, String> {
    use kooperacja_core::parse::{LimitedReadError, read_limited};
    let en = Lang::En;
    let cannot = |e: std::io::Error| message::CANNOT_READ.fill(en, &[&path.display(), &e]);
    let file = std::fs::File::open(path).map_err(cannot)?;
    let meta = file.metadata().map_err(cannot)?;
    if meta.is_dir() {
        return Err(message::READ_IS_DIRECTORY.fill(en, &[&path.display()]));
    }
    read_limited(file, meta.is_file().then_some(meta.len()), limit).map_err(|e| match e {
        LimitedReadError::TooLarge { .. } => {
            message::READ_TOO_LARGE.fill(en, &[&path.display(), &(limit >> 20), &what.get(en)])
        }
        LimitedReadError::Io(e) => cannot(e),
    })
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(code) => code,
        Err(reason) => {
            let line = message::ERROR_LINE.fill(Lang::En, &[&reason]);
            let _ = writeln!(std::io::stderr(), "{line}");
            ExitCode::from(2)
        }
    }
}

/// Writes the payment claim of period `number` (see `--claim`).
fn write_claim(
    args: &Args,
    project: &std::sync::Arc<kooperacja_core::project::Project>,
    register: &std::sync::Arc<Register>,
    facts: &[kooperacja_core::facts::Fact],
    number: u32,
    warning: Option<&str>,
) -> Result<ExitCode, String> {
    use kooperacja_core::claim::{ClaimBook, FiledClaim};
    let en = Lang::En;
    let format = match args.format {
        Format::Html => "html",
        Format::Xlsx => "xlsx",
        Format::Json => "json",
        Format::Csv => "csv",
        Format::Iati => "iati",
    };
    if !matches!(args.format, Format::Html | Format::Xlsx | Format::Json) {
        return Err(present::label::CLAIM_FORMAT_NOT_AVAILABLE.fill(en, &[&format]));
    }
    let filed: Vec<FiledClaim> = match &args.filed {
        Some(path) => {
            let bytes = read_bounded(
                path,
                MAX_REGISTER_BYTES,
                present::label::FILE_KIND_FILED_CLAIMS,
            )?;
            serde_json::from_slice(&bytes).map_err(|e| {
                present::label::CANNOT_READ_FILED_CLAIMS.fill(en, &[&path.display(), &e])
            })?
        }
        None => Vec::new(),
    };
    let book = ClaimBook::new(
        std::sync::Arc::clone(project),
        Some(std::sync::Arc::clone(register)),
        facts,
    );
    let claim = book.claim(number, &filed).map_err(|e| e.to_string())?;
    let bytes = match args.format {
        Format::Html => html::claim_html(project, &claim, args.lang, warning).into_bytes(),
        Format::Xlsx => xlsx::claim_workbook(project, &claim, args.lang, warning)
            .map_err(|e| message::CANNOT_BUILD_WORKBOOK.fill(en, &[&e]))?,
        _ => {
            let body = serde_json::to_string_pretty(&claim).map_err(|e| e.to_string())?;
            match warning {
                Some(w) => format!(
                    "{{\n  \"warning\": {},\n  \"claim\": {}}}\n",
                    serde_json::Value::from(w),
                    body
                ),
                None => format!("{body}\n"),
            }
            .into_bytes()
        }
    };
    write_atomically(&args.output, &bytes)
        .map_err(|e| message::CANNOT_WRITE.fill(en, &[&args.output.display(), &e]))?;
    Ok(ExitCode::SUCCESS)
}

fn run(args: &Args) -> Result<ExitCode, String> {
    // Messages to the terminal are English, as the `--help` text is.
    let en = Lang::En;
    let bytes = read_bounded(&args.project, MAX_PROJECT_BYTES, message::FILE_KIND_PROJECT)?;
    let project = std::sync::Arc::new(parse_project_bytes(&bytes).map_err(|e| {
        present::located::parse_error_unnamed(
            present::located::Look::Plain,
            &args.project.display().to_string(),
            &String::from_utf8_lossy(&bytes),
            &e,
        )
    })?);
    // The register the project pins (or --teryt), else the one core embeds.
    let register_path = match (&args.teryt, &project.territory.register) {
        (Some(p), _) => Some(p.clone()),
        (None, Some(rel)) => Some(args.project.parent().unwrap_or(Path::new(".")).join(rel)),
        (None, None) => None,
    };
    let register = match register_path {
        Some(path) => {
            let bytes = read_bounded(&path, MAX_REGISTER_BYTES, message::FILE_KIND_TERC)?;
            let text = String::from_utf8(bytes)
                .map_err(|_| message::READ_NOT_UTF8.fill(en, &[&path.display()]))?;
            std::sync::Arc::new(
                Register::parse_named(&path.to_string_lossy(), &text)
                    .map_err(|e| format!("{}: {e}", path.display()))?,
            )
        }
        None => Register::embedded(),
    };
    let validation = validate(&project, Some(&register));
    let errors = validation.error_lines();
    if !errors.is_empty() && !args.force {
        let mut err = std::io::stderr();
        let _ = writeln!(
            err,
            "{}",
            message::EXPORT_REFUSED.fill(en, &[&args.project.display(), &errors.len()])
        );
        for e in &errors {
            let _ = writeln!(err, "  {e}");
        }
        return Ok(ExitCode::from(1));
    }
    // The warning in a language: the one of --lang, except in the IATI
    // document, whose narratives here are English.
    let warning_in = |lang: Lang| {
        (!errors.is_empty())
            .then(|| message::FORCED_EXPORT.fill(lang, &[&errors.len(), &errors.join("; ")]))
    };
    let warning = warning_in(args.lang);

    let mut engine = Engine::new(std::sync::Arc::clone(&project), Some(register.clone()));
    // The facts as read, for a claim's book (which runs its own admission).
    let mut facts = Vec::new();
    if let Some(path) = &args.facts {
        let file = std::fs::File::open(path)
            .map_err(|e| message::CANNOT_READ.fill(en, &[&path.display(), &e]))?;
        let format = match path.extension().and_then(|e| e.to_str()) {
            Some(ext) if ext.eq_ignore_ascii_case("csv") => FactFormat::Csv,
            _ => FactFormat::JsonLines,
        };
        // A random key for this run: the export shows counts of distinct
        // persons, never a person key, so the key need not outlive the run.
        let mut bytes = [0_u8; 32];
        getrandom::fill(&mut bytes)
            .map_err(|e| message::NO_RANDOMNESS_FOR_PSEUDONYMS.fill(en, &[&e]))?;
        let key = kooperacja_core::pseudonym::PseudonymKey::from_bytes(bytes);
        let reader = FactReader::new(
            std::io::BufReader::new(file),
            format,
            std::sync::Arc::clone(project.vocabulary()),
            key,
        );
        for item in reader {
            let fact = item.map_err(|e| format!("{}: {e}", path.display()))?;
            // Facts that do not count are excluded and counted in the report.
            engine.apply(&fact);
            if args.claim.is_some() {
                facts.push(fact);
            }
        }
    }
    if let Some(number) = args.claim {
        return write_claim(
            args,
            &project,
            &register,
            &facts,
            number,
            warning.as_deref(),
        );
    }
    let as_of = args
        .as_of
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let report = engine.report(as_of);

    let write = |path: &Path, text: &str| {
        write_atomically(path, text.as_bytes())
            .map_err(|e| message::CANNOT_WRITE.fill(en, &[&path.display(), &e]))
    };
    match args.format {
        Format::Json => {
            let body = json(&report);
            let text = match &warning {
                // The warning is the first key, so nobody reads past it unseen.
                Some(w) => format!(
                    "{{\n  \"warning\": {},\n  \"report\": {}}}\n",
                    serde_json::Value::from(w.as_str()),
                    body.trim_end()
                ),
                None => body,
            };
            write(&args.output, &text)?;
        }
        Format::Xlsx => {
            let bytes = xlsx::workbook(&project, &report, args.lang, warning.as_deref())
                .map_err(|e| message::CANNOT_BUILD_WORKBOOK.fill(en, &[&e]))?;
            write_atomically(&args.output, &bytes)
                .map_err(|e| message::CANNOT_WRITE.fill(en, &[&args.output.display(), &e]))?;
        }
        Format::Iati => {
            let options = iati::IatiOptions {
                org_ref: args.iati_org_ref.clone(),
                warning: warning_in(Lang::En),
            };
            write(
                &args.output,
                &iati::iati(&project, &engine, as_of, &options),
            )?;
        }
        Format::Html => {
            write(
                &args.output,
                &html::html(&project, &report, args.lang, warning.as_deref()),
            )?;
        }
        Format::Csv => {
            let tables: Vec<Table> = match args.table {
                TableArg::All => Table::ALL.to_vec(),
                TableArg::Indicators => vec![Table::Indicators],
                TableArg::Milestones => vec![Table::Milestones],
                TableArg::Budget => vec![Table::Budget],
                TableArg::Territory => vec![Table::Territory],
                TableArg::Facts => vec![Table::Facts],
            };
            let many = args.table == TableArg::All;
            // Every table is one file in a directory: an OUT named like a
            // CSV file is a mistake, refused before anything is created.
            if many
                && args
                    .output
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
            {
                return Err(message::CSV_OUTPUT_IS_A_FILE.fill(en, &[&args.output.display()]));
            }
            if many {
                std::fs::create_dir_all(&args.output)
                    .map_err(|e| message::CANNOT_CREATE.fill(en, &[&args.output.display(), &e]))?;
            }
            for table in tables {
                let path = if many {
                    args.output.join(format!("{}.csv", table.name()))
                } else {
                    args.output.clone()
                };
                write_atomically(
                    &path,
                    &csv_bytes(table, &project, &report, args.csv_dialect),
                )
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            }
            if let Some(w) = &warning {
                // CSV has no place for a note; the warning goes beside it.
                let beside = if many {
                    args.output.join("WARNING.txt")
                } else {
                    args.output.with_extension("WARNING.txt")
                };
                write(&beside, &format!("{w}\n"))?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
