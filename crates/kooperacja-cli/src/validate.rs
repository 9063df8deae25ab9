//! `kooperacja validate`: every finding of every project file.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use kooperacja_core::validate::{Severity, Validation, validate};

use crate::input::InputError;
use crate::render::wrap;
use crate::{Format, ValidateArgs};

struct Checked {
    path: PathBuf,
    validation: Validation,
}

pub fn run(args: &ValidateArgs) -> Result<ExitCode, InputError> {
    let mut checked = Vec::new();
    let mut unreadable = 0;
    // Every file is checked; one that cannot be read or parsed is reported on
    // stderr and the others still are.
    for path in &args.files {
        let loaded = crate::input::read(path).and_then(|text| {
            let project = kooperacja_core::project::Project::parse(&text)
                .map_err(|e| InputError(crate::input::located(path, &text, &e)))?;
            let register = crate::input::register(path, &project, args.teryt.as_deref())?;
            Ok(validate(&project, register.as_ref()))
        });
        match loaded {
            Ok(validation) => checked.push(Checked {
                path: path.clone(),
                validation,
            }),
            Err(InputError(message)) => {
                unreadable += 1;
                let _ = writeln!(std::io::stderr(), "error: {message}");
            }
        }
    }
    let mut out = std::io::stdout().lock();
    let written = match args.format {
        Format::Json => write_json(&mut out, &checked),
        Format::Table => write_table(&mut out, &checked),
    };
    crate::finish(written)?;
    if unreadable > 0 {
        return Ok(ExitCode::from(2));
    }
    let failed = checked.iter().any(|c| c.validation.has_errors());
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn write_json(out: &mut impl Write, checked: &[Checked]) -> std::io::Result<()> {
    let files: Vec<serde_json::Value> = checked
        .iter()
        .map(|c| {
            serde_json::json!({
                "file": c.path.display().to_string(),
                "errors": c.validation.count(Severity::Error),
                "warnings": c.validation.count(Severity::Warning),
                "infos": c.validation.count(Severity::Info),
                "findings": c.validation.findings,
            })
        })
        .collect();
    let doc = serde_json::json!({ "files": files });
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

fn write_table(out: &mut impl Write, checked: &[Checked]) -> std::io::Result<()> {
    for c in checked {
        let v = &c.validation;
        writeln!(out, "{}", c.path.display())?;
        for f in &v.findings {
            writeln!(out, "  {:<7} {}  {}", f.severity.name(), f.code, f.path)?;
            for line in wrap(&f.message, 68) {
                writeln!(out, "          {line}")?;
            }
        }
        writeln!(
            out,
            "  {} errors, {} warnings, {} notes\n",
            v.count(Severity::Error),
            v.count(Severity::Warning),
            v.count(Severity::Info)
        )?;
    }
    Ok(())
}
