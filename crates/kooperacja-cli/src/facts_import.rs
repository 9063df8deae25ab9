//! `kooperacja facts import`: spreadsheets and CSV files into a fact file,
//! through core's [`read_upload`](kooperacja_core::import::read_upload) and [`import`] (every rule about cells,
//! headers, dialects, ids and persons is core's), all or nothing: every
//! problem is listed and nothing written, or the facts not yet in the fact
//! file are appended to it, atomically.

use std::io::Write;
use std::process::ExitCode;

use kooperacja_core::facts::{Value, to_json_line};
use kooperacja_core::import::template::find_kind;
use kooperacja_core::import::{CellRef, ImportOptions, Workbook, import, read_upload_in};
use kooperacja_core::present::{Text, label};
use kooperacja_core::validate::Severity;

use crate::append::{self, Standing};
use crate::input::InputError;
use crate::ui::Ctx;
use crate::{FactsImportArgs, finish};

/// The largest file imported.
const MAX_IMPORT_BYTES: u64 = 64 << 20;

/// Files larger than this are announced on stderr while they are read.
const ANNOUNCE_FROM_BYTES: u64 = 4 << 20;

pub fn run(
    args: &FactsImportArgs,
    ctx: &Ctx,
    stdout: &mut dyn Write,
) -> Result<ExitCode, InputError> {
    let project = crate::input::project(&args.project)?;
    let kind = match &args.kind {
        Some(given) => Some(
            find_kind(project.vocabulary(), given)
                .ok_or_else(|| crate::facts_add::unknown_kind(ctx, project.vocabulary(), given))?
                .id
                .clone(),
        ),
        None => None,
    };
    if let Some(path) = &args.output {
        append::check_target(path)?;
    }
    let secret = crate::secret::key(args.secret.secret.as_deref())?;
    let key = match &secret {
        Some(key) => key.clone(),
        None => crate::input::pseudonym_key()?,
    };
    let mut workbooks: Vec<Workbook> = Vec::with_capacity(args.files.len());
    for path in &args.files {
        let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        if size > ANNOUNCE_FROM_BYTES {
            let _ = writeln!(std::io::stderr(), "{} …", path.display());
        }
        let bytes = crate::input::read_bounded(
            path,
            MAX_IMPORT_BYTES,
            crate::ui::msg(label::OF_A_FILE_TO_IMPORT),
        )?;
        let name = path.display().to_string();
        workbooks.push(
            read_upload_in(&name, &bytes, ctx.lang)
                .map_err(|e| InputError(format!("{}: {} [{}]", e.file, e.message, e.code)))?,
        );
    }
    let options = ImportOptions {
        kind,
        by: args.by.clone(),
        lang: ctx.lang,
    };
    // The report goes to stdout, unless stdout carries the facts.
    let to_stdout = args.output.is_some();
    let mut report: Vec<String> = Vec::new();
    let imported = match import(&workbooks, &project, &options, &key) {
        Ok(imported) => imported,
        Err(problems) => {
            for p in &problems {
                report.push(format!(
                    "{}: {}: {} [{}]",
                    ctx.text(label::severity(Severity::Error)),
                    at(ctx, &p.at),
                    p.message,
                    p.code
                ));
            }
            let count = u64::try_from(problems.len()).unwrap_or(u64::MAX);
            report.push(ctx.fill(
                label::NOTHING_WRITTEN_FOR_PROBLEMS,
                &[&ctx.count(count, label::PROBLEMS)],
            ));
            emit(to_stdout, stdout, &report)?;
            return Ok(ExitCode::from(1));
        }
    };
    let names_a_person = imported.facts.iter().any(|f| {
        f.what.fields().is_some_and(|fields| {
            fields
                .values
                .iter()
                .any(|(_, v)| v.items().iter().any(|i| matches!(i, Value::Person(_))))
        })
    });
    if names_a_person && secret.is_none() {
        return Err(crate::secret::needed());
    }
    for note in &imported.notes {
        report.push(format!(
            "{}: {}: {} [{}]",
            ctx.text(label::severity(Severity::Info)),
            at(ctx, &note.at),
            note.message,
            note.code
        ));
    }
    let mut existing = match &args.output {
        Some(path) => append::existing(path, &project, &key, &mut |_| {})?,
        None => append::Existing::default(),
    };
    let file = args.output.as_ref().map_or_else(
        || ctx.text(label::STANDARD_OUTPUT).to_owned(),
        |p| p.display().to_string(),
    );
    let mut lines = Vec::new();
    let mut already = 0_u64;
    let mut conflicts = Vec::new();
    for ((fact, row), note) in imported
        .facts
        .iter()
        .zip(&imported.rows)
        .zip(&imported.fact_notes)
    {
        match existing.place(fact) {
            Standing::New => {
                // The note column's text goes with the fact, as `note`.
                let mut record = fact.to_record();
                if let Some(note) = note {
                    record.set("note", note, kooperacja_core::facts::Shape::Text);
                }
                lines.push(to_json_line(&record));
            }
            Standing::AlreadyThere => already += 1,
            Standing::Conflict => conflicts.push((fact, row)),
        }
    }
    if !conflicts.is_empty() {
        for (fact, row) in &conflicts {
            report.push(format!(
                "{}: {}: {}",
                ctx.text(label::severity(Severity::Error)),
                at(ctx, row),
                ctx.fill(label::FACT_ID_CONFLICT, &[&file, &fact.id])
            ));
        }
        emit(to_stdout, stdout, &report)?;
        return Ok(ExitCode::from(1));
    }
    let appended = u64::try_from(lines.len()).unwrap_or(u64::MAX);
    match &args.output {
        Some(path) if !lines.is_empty() => append::append(path, &lines)?,
        Some(_) => {}
        None => {
            let written = (|| {
                for line in &lines {
                    writeln!(stdout, "{line}")?;
                }
                Ok(())
            })();
            finish(written)?;
        }
    }
    report.push(ctx.fill(
        label::FACTS_IMPORTED,
        &[
            &file,
            &ctx.count(appended, label::FACTS_COUNTED),
            &ctx.count(already, label::FACTS_COUNTED),
        ],
    ));
    emit(to_stdout, stdout, &report)?;
    Ok(ExitCode::SUCCESS)
}

/// Writes the report's lines to stdout, or to stderr when stdout carries
/// the facts.
pub fn emit(to_stdout: bool, stdout: &mut dyn Write, lines: &[String]) -> Result<(), InputError> {
    let mut stderr = std::io::stderr().lock();
    let out: &mut dyn Write = if to_stdout { stdout } else { &mut stderr };
    finish((|| {
        for line in lines {
            writeln!(out, "{line}")?;
        }
        out.flush()
    })())
}

/// Where a problem is: `file, arkusz S, wiersz 3, kolumna B (header)`; the
/// sheet is left out for a CSV file, whose one sheet is the file.
fn at(ctx: &Ctx, at: &CellRef) -> String {
    let mut parts = vec![at.file.clone()];
    if at.sheet != at.file {
        parts.push(ctx.fill(label::AT_SHEET, &[&at.sheet]));
    }
    if let Some(row) = at.row {
        parts.push(ctx.fill(label::AT_ROW, &[&row]));
    }
    let place = |text: Text, value: &str| ctx.fill(text, &[&value]);
    match (&at.column, &at.header) {
        (Some(column), Some(header)) => {
            parts.push(format!("{} ({header})", place(label::AT_COLUMN, column)));
        }
        (Some(column), None) => parts.push(place(label::AT_COLUMN, column)),
        (None, _) => {}
    }
    parts.join(", ")
}
