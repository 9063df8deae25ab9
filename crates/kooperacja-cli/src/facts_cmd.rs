//! `kooperacja facts check`: read a fact file, count by kind, list bad records.

use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;

use kooperacja_core::facts::FactKind;

use crate::input::InputError;
use crate::{FactsCheckArgs, FactsGenerateArgs, Format};

pub fn check(args: &FactsCheckArgs, out: &mut impl Write) -> Result<ExitCode, InputError> {
    let mut by_kind: BTreeMap<FactKind, u64> = BTreeMap::new();
    let mut bad = Vec::new();
    let mut bad_count = 0_u64;
    let mut good = 0_u64;
    for item in crate::input::facts(&args.file)? {
        match item {
            Ok(fact) => {
                good += 1;
                *by_kind.entry(fact.what.kind()).or_default() += 1;
            }
            Err(e) => {
                bad_count += 1;
                if bad.len() < args.max_errors {
                    bad.push(e);
                }
            }
        }
    }
    let written = match args.format {
        Format::Json => {
            let doc = serde_json::json!({
                "file": args.file.display().to_string(),
                "facts": good,
                "by_kind": by_kind.iter().map(|(k, n)| (k.name().to_owned(), serde_json::Value::from(*n))).collect::<serde_json::Map<String, serde_json::Value>>(),
                "bad_records": bad_count,
                "errors": bad.iter().map(|e| serde_json::json!({"line": e.line, "field": e.field, "message": e.message})).collect::<Vec<_>>(),
            });
            serde_json::to_writer_pretty(&mut *out, &doc)
                .map_err(std::io::Error::from)
                .and_then(|()| writeln!(out))
        }
        Format::Table => (|| {
            writeln!(
                out,
                "{}: {good} facts, {bad_count} bad records",
                args.file.display()
            )?;
            for (kind, n) in &by_kind {
                writeln!(out, "  {:<14} {n:>10}", kind.name())?;
            }
            for e in &bad {
                writeln!(out, "  bad: {e}")?;
            }
            if bad_count > bad.len() as u64 {
                writeln!(
                    out,
                    "  … and {} more bad records",
                    bad_count - bad.len() as u64
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

pub fn generate(args: &FactsGenerateArgs, stdout: &mut impl Write) -> Result<ExitCode, InputError> {
    use kooperacja_core::facts::{Format as FactFormat, csv_header, to_csv_row, to_json_line};
    let project = crate::input::project(&args.project)?;
    let register = crate::input::register(&args.project, &project, args.teryt.as_deref())?
        .ok_or_else(|| {
            InputError(
                "the generator needs the TERC register: give --teryt or territory.register"
                    .to_owned(),
            )
        })?;
    let to_file = args.output.as_ref().filter(|p| p.as_os_str() != "-");
    let format = to_file.map_or(FactFormat::JsonLines, |p| crate::input::fact_format(p));
    let mut file_out;
    let out: &mut dyn Write = match to_file {
        Some(path) => {
            let file = std::fs::File::create(path)
                .map_err(|e| InputError(format!("cannot write {}: {e}", path.display())))?;
            file_out = std::io::BufWriter::with_capacity(1 << 20, file);
            &mut file_out
        }
        None => stdout,
    };
    let written = (|| {
        if format == FactFormat::Csv {
            writeln!(out, "{}", csv_header())?;
        }
        for fact in
            kooperacja_core::synthetic::Generator::new(&project, &register, args.seed, args.count)
        {
            let mut record = fact.to_record();
            record.note = Some("synthetic".to_owned());
            match format {
                FactFormat::Csv => writeln!(out, "{}", to_csv_row(&record))?,
                FactFormat::JsonLines => writeln!(out, "{}", to_json_line(&record))?,
            }
        }
        out.flush()
    })();
    crate::finish(written)?;
    Ok(ExitCode::SUCCESS)
}
