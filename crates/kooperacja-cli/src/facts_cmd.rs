//! `kooperacja facts check`: read a fact file, count by kind, list bad records.

use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;

use kooperacja_core::fact_check::FactSummary;
use kooperacja_core::territory::TerytCode;

use crate::input::InputError;
use kooperacja_core::present::{self, label};

use crate::ui::{Col, Csv, Ctx, Table, iso, opt};
use crate::{FactsCheckArgs, FactsGenerateArgs, FactsSummaryArgs, Format};

pub fn check(
    args: &FactsCheckArgs,
    ctx: &Ctx,
    out: &mut dyn Write,
) -> Result<ExitCode, InputError> {
    let project = crate::input::project(&args.project)?;
    let mut by_kind: BTreeMap<String, u64> = BTreeMap::new();
    let mut bad = Vec::new();
    let mut bad_count = 0_u64;
    let mut good = 0_u64;
    for item in crate::input::facts_with_progress(&args.file, &project)? {
        match item {
            Ok(fact) => {
                good += 1;
                *by_kind.entry(fact.kind().to_owned()).or_default() += 1;
            }
            Err(e) => {
                bad_count += 1;
                if bad.len() < args.max_errors {
                    bad.push(e);
                }
            }
        }
    }
    // In the order of the project's vocabulary: declared kinds, then built-in.
    let by_kind = in_vocabulary_order(&project, &by_kind);
    let written = match args.format {
        Format::Json => {
            let doc = serde_json::json!({
                "file": args.file.display().to_string(),
                "facts": good,
                "by_kind": by_kind.iter().map(|(k, n)| ((*k).to_owned(), serde_json::Value::from(*n))).collect::<serde_json::Map<String, serde_json::Value>>(),
                "bad_records": bad_count,
                "errors": bad.iter().map(|e| serde_json::json!({"line": e.line, "field": e.field, "message": e.message})).collect::<Vec<_>>(),
            });
            crate::ui::write_json(out, &doc)
        }
        Format::Csv => {
            let mut csv = Csv::new(vec!["line", "field", "message"]);
            for e in &bad {
                csv.row(vec![
                    e.line.to_string(),
                    opt(e.field.as_ref()),
                    e.message.clone(),
                ]);
            }
            csv.write(out)
        }
        Format::Table => (|| {
            writeln!(
                out,
                "{}: {}, {}",
                args.file.display(),
                facts_count(ctx, good),
                ctx.count(bad_count, label::BAD_RECORDS),
            )?;
            for (kind, n) in &by_kind {
                writeln!(out, "  {:<14} {:>10}", kind, present::count(ctx.lang, *n))?;
            }
            for e in &bad {
                writeln!(out, "  {}: {e}", ctx.text(label::BAD_RECORD))?;
            }
            let listed = u64::try_from(bad.len()).unwrap_or(u64::MAX);
            if bad_count > listed {
                let more = bad_count - listed;
                writeln!(
                    out,
                    "  … {}",
                    ctx.fill(label::MORE_BAD_RECORDS, &[&present::count(ctx.lang, more)])
                )?;
            }
            Ok(())
        })(),
    };
    crate::finish(written)?;
    Ok(if bad_count > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

pub fn summary(
    args: &FactsSummaryArgs,
    ctx: &Ctx,
    out: &mut dyn Write,
) -> Result<ExitCode, InputError> {
    let project = crate::input::project(&args.project)?;
    let mut summary = FactSummary::default();
    let mut bad = 0_u64;
    for item in crate::input::facts_with_progress(&args.file, &project)? {
        match item {
            Ok(fact) => summary.add(&fact),
            Err(_) => bad += 1,
        }
    }
    // By kind in the order of the project's vocabulary (declared kinds, then
    // the built-in ones), as `facts check` and the report list them.
    let by_kind = in_vocabulary_order(&project, &summary.by_kind);
    let name_of = |code: &Option<TerytCode>| -> String {
        match code {
            None => "—".to_owned(),
            Some(c) => project
                .territory
                .voivodeships
                .iter()
                .find(|v| &v.code == c)
                .map_or_else(String::new, |v| v.name.clone()),
        }
    };
    let written = match args.format {
        Format::Json => crate::ui::write_json(
            out,
            &serde_json::json!({
                "file": args.file.display().to_string(),
                "facts": summary.total,
                "bad_records": bad,
                "first": summary.first.map(iso),
                "last": summary.last.map(iso),
                "by_kind": by_kind.iter().map(|(k, n)| ((*k).to_owned(), serde_json::Value::from(*n))).collect::<serde_json::Map<_, _>>(),
                "by_month": summary.by_month.iter().map(|(m, n)| (m.to_string(), serde_json::Value::from(*n))).collect::<serde_json::Map<_, _>>(),
                "by_voivodeship": summary.by_voivodeship.iter().map(|(v, n)| serde_json::json!({
                    "code": v.as_ref().map(TerytCode::as_str),
                    "name": v.as_ref().map(|_| name_of(v)).filter(|n| !n.is_empty()),
                    "facts": n,
                })).collect::<Vec<_>>(),
            }),
        ),
        Format::Csv => {
            let mut csv = Csv::new(vec!["dimension", "key", "facts"]);
            for (k, n) in &by_kind {
                csv.row(vec!["kind".into(), (*k).to_owned(), n.to_string()]);
            }
            for (m, n) in &summary.by_month {
                csv.row(vec!["month".into(), m.to_string(), n.to_string()]);
            }
            for (v, n) in &summary.by_voivodeship {
                csv.row(vec!["voivodeship".into(), opt(v.as_ref()), n.to_string()]);
            }
            csv.write(out)
        }
        Format::Table => (|| {
            writeln!(
                out,
                "{}: {}{}",
                args.file.display(),
                facts_count(ctx, summary.total),
                match (summary.first, summary.last) {
                    (Some(a), Some(b)) => format!(
                        ", {} – {}",
                        present::date(ctx.lang, a),
                        present::date(ctx.lang, b)
                    ),
                    _ => String::new(),
                }
            )?;
            if bad > 0 {
                writeln!(
                    out,
                    "  {} {}",
                    ctx.count(bad, label::BAD_RECORDS),
                    ctx.text(label::SKIPPED_SEE_FACTS_CHECK)
                )?;
            }
            writeln!(out)?;
            let mut t = Table::new(vec![
                Col::left(ctx.text(label::KIND)),
                Col::right(ctx.text(label::FACTS)),
            ]);
            for (k, n) in &by_kind {
                t.row(vec![(*k).into(), present::count(ctx.lang, *n).into()]);
            }
            t.write(ctx, out)?;
            writeln!(out)?;
            let mut t = Table::new(vec![
                Col::left(ctx.text(label::VOIVODESHIP_HEADING)),
                Col::wrapping(ctx.text(label::NAME)),
                Col::right(ctx.text(label::FACTS)),
            ]);
            for (v, n) in &summary.by_voivodeship {
                t.row(vec![
                    v.as_ref().map_or("—", TerytCode::as_str).into(),
                    name_of(v).into(),
                    present::count(ctx.lang, *n).into(),
                ]);
            }
            t.write(ctx, out)?;
            writeln!(out)?;
            let mut t = Table::new(vec![
                Col::left(ctx.text(label::MONTH)),
                Col::right(ctx.text(label::FACTS)),
            ]);
            for (m, n) in &summary.by_month {
                t.row(vec![
                    present::month(ctx.lang, *m).into(),
                    present::count(ctx.lang, *n).into(),
                ]);
            }
            t.write(ctx, out)
        })(),
    };
    crate::finish(written)?;
    Ok(ExitCode::SUCCESS)
}

pub fn generate(args: &FactsGenerateArgs, stdout: &mut dyn Write) -> Result<ExitCode, InputError> {
    use kooperacja_core::facts::{
        Format as FactFormat, Shape, csv_header, to_csv_row, to_json_line,
    };
    let project = crate::input::project(&args.project)?;
    let register = crate::input::register(&args.project, &project, args.teryt.as_deref())?
        .ok_or_else(|| InputError(crate::ui::msg(label::GENERATOR_NEEDS_REGISTER).to_owned()))?;
    // Checked before any output file is created.
    let generator =
        kooperacja_core::synthetic::Generator::new(&project, &register, args.seed, args.count)
            .map_err(|e| InputError(e.to_string()))?;
    let to_file = args.output.as_ref().filter(|p| p.as_os_str() != "-");
    let format = to_file.map_or(FactFormat::JsonLines, |p| crate::input::fact_format(p));
    let cannot_write = |path: &std::path::Path, e: &dyn std::fmt::Display| {
        InputError(crate::ui::msg_fill(
            label::CANNOT_WRITE_FILE,
            &[&path.display(), e],
        ))
    };
    // A file is written to a temporary file beside it and renamed over it
    // when complete: a reader never sees half a file, and a failed run leaves
    // the old file (or none).
    let mut file_out = None;
    let out: &mut dyn Write = match to_file {
        Some(path) => {
            let dir = match path.parent() {
                Some(dir) if !dir.as_os_str().is_empty() => dir,
                _ => std::path::Path::new("."),
            };
            // A missing directory is named as the user gave it (tempfile's
            // error would name its own temporary path).
            std::fs::metadata(dir).map_err(|e| cannot_write(path, &e))?;
            let file = tempfile::NamedTempFile::new_in(dir).map_err(|e| cannot_write(path, &e))?;
            file_out.insert(std::io::BufWriter::with_capacity(1 << 20, file))
        }
        None => stdout,
    };
    let columns = project.vocabulary().columns();
    let written = (|| {
        if format == FactFormat::Csv {
            writeln!(out, "{}", csv_header(&columns))?;
        }
        for fact in generator {
            let mut record = fact.to_record();
            record.set("note", "synthetic", Shape::Text);
            match format {
                FactFormat::Csv => writeln!(out, "{}", to_csv_row(&record, &columns))?,
                FactFormat::JsonLines => writeln!(out, "{}", to_json_line(&record))?,
            }
        }
        out.flush()
    })();
    match (file_out, to_file) {
        (Some(buffered), Some(path)) => {
            written.map_err(|e| cannot_write(path, &e))?;
            let file = buffered
                .into_inner()
                .map_err(|e| cannot_write(path, e.error()))?;
            file.persist(path)
                .map_err(|e| cannot_write(path, &e.error))?;
        }
        _ => crate::finish(written)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Counts by kind id in the order of the project's vocabulary; a kind it does
/// not know (none, for facts read against it) comes last, by id.
fn in_vocabulary_order<'a>(
    project: &kooperacja_core::project::Project,
    counts: &'a BTreeMap<String, u64>,
) -> Vec<(&'a str, u64)> {
    let kinds = project.vocabulary().kinds();
    let mut out: Vec<(&str, u64)> = counts.iter().map(|(k, n)| (k.as_str(), *n)).collect();
    out.sort_by_key(|(k, _)| kinds.iter().position(|d| d.id == *k).unwrap_or(usize::MAX));
    out
}

/// "1 fact", "2 facts"; "1 fakt", "2 fakty", "5 faktów".
pub fn facts_count(ctx: &Ctx, n: u64) -> String {
    ctx.count(n, label::FACTS_COUNTED)
}
