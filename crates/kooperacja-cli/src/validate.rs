//! `kooperacja validate`: every finding of every project file, and with
//! `--facts`, of a fact file checked against the project.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use kooperacja_core::fact_check::FactCheck;
use kooperacja_core::project::Project;
use kooperacja_core::territory::Register;
use kooperacja_core::validate::{Finding, Severity, Validation, validate};

use crate::input::InputError;
use kooperacja_core::present::label;

use crate::ui::{Csv, Ctx, Style, pad, wrap};
use crate::{Format, ValidateArgs};

struct Checked {
    path: PathBuf,
    validation: Validation,
}

/// A fact file checked against a project: findings with the line of the record.
struct FactsChecked {
    path: PathBuf,
    facts: u64,
    findings: Vec<(u64, Finding)>,
}

impl FactsChecked {
    fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|(_, f)| f.severity == severity)
            .count()
    }
}

pub fn run(args: &ValidateArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<ExitCode, InputError> {
    if args.facts.is_some() && args.files.len() != 1 {
        return Err(InputError(
            ctx.text(label::FACTS_NEED_ONE_PROJECT).to_owned(),
        ));
    }
    let mut checked = Vec::new();
    let mut facts_checked = None;
    let mut unreadable = 0;
    // Every file is checked; one that cannot be read or parsed is reported on
    // stderr and the others still are.
    for path in &args.files {
        let loaded = crate::input::project(path).and_then(|project| {
            let register = crate::input::register(path, &project, args.teryt.as_deref())?;
            let validation = validate(&project, register.as_ref());
            // A fact file that cannot be read is reported, but the project's
            // findings are still shown.
            if let Some(facts) = &args.facts {
                match check_facts(facts, &project, register.as_ref()) {
                    Ok(checked) => facts_checked = Some(checked),
                    Err(InputError(message)) => {
                        unreadable += 1;
                        let _ = writeln!(
                            std::io::stderr(),
                            "{}: {message}",
                            ctx.text(label::severity(Severity::Error))
                        );
                    }
                }
            }
            Ok(validation)
        });
        match loaded {
            Ok(validation) => checked.push(Checked {
                path: path.clone(),
                validation,
            }),
            Err(InputError(message)) => {
                unreadable += 1;
                let _ = writeln!(
                    std::io::stderr(),
                    "{}: {message}",
                    ctx.text(label::severity(Severity::Error))
                );
            }
        }
    }
    let written = match args.format {
        Format::Json => write_json(out, &checked, facts_checked.as_ref()),
        Format::Table => write_table(ctx, out, &checked, facts_checked.as_ref()),
        Format::Csv => write_csv(out, &checked, facts_checked.as_ref()),
    };
    crate::finish(written)?;
    if unreadable > 0 {
        return Ok(ExitCode::from(2));
    }
    let failed = checked.iter().any(|c| c.validation.has_errors())
        || facts_checked
            .as_ref()
            .is_some_and(|f| f.count(Severity::Error) > 0);
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn check_facts(
    path: &Path,
    project: &Project,
    register: Option<&Register>,
) -> Result<FactsChecked, InputError> {
    let mut check = FactCheck::new(project, register);
    let mut findings = Vec::new();
    let mut facts = 0;
    let mut reader = crate::input::facts_with_progress(path, project)?;
    let mut lines_of: std::collections::HashMap<String, u64> = std::collections::HashMap::new();
    while let Some(item) = reader.next() {
        let line = reader.lines_read();
        match item {
            Ok(fact) => {
                facts += 1;
                for f in check.check(&fact) {
                    findings.push((line, f));
                }
                if matches!(fact.what, kooperacja_core::facts::What::Retraction { .. }) {
                    lines_of.insert(fact.id.clone(), line);
                }
            }
            Err(e) => findings.push((
                e.line,
                Finding::new(
                    "fact.bad-record",
                    Severity::Error,
                    e.field.clone().unwrap_or_default(),
                    e.message.clone(),
                ),
            )),
        }
    }
    for f in check.finish() {
        let id = f.path.trim_start_matches("facts[").trim_end_matches(']');
        let line = lines_of.get(id).copied().unwrap_or(0);
        findings.push((line, f));
    }
    Ok(FactsChecked {
        path: path.to_path_buf(),
        facts,
        findings,
    })
}

fn write_json(
    out: &mut dyn Write,
    checked: &[Checked],
    facts: Option<&FactsChecked>,
) -> std::io::Result<()> {
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
    let mut doc = serde_json::json!({ "files": files });
    if let Some(f) = facts {
        doc["facts"] = serde_json::json!({
            "file": f.path.display().to_string(),
            "facts": f.facts,
            "errors": f.count(Severity::Error),
            "warnings": f.count(Severity::Warning),
            "infos": f.count(Severity::Info),
            "findings": f.findings.iter().map(|(line, finding)| {
                let mut v = serde_json::to_value(finding).unwrap_or_default();
                v["line"] = (*line).into();
                v
            }).collect::<Vec<_>>(),
        });
    }
    crate::ui::write_json(out, &doc)
}

fn write_csv(
    out: &mut dyn Write,
    checked: &[Checked],
    facts: Option<&FactsChecked>,
) -> std::io::Result<()> {
    let mut csv = Csv::new(vec!["file", "line", "severity", "code", "path", "message"]);
    for c in checked {
        for f in &c.validation.findings {
            csv.row(vec![
                c.path.display().to_string(),
                String::new(),
                f.severity.name().to_owned(),
                f.code.to_owned(),
                f.path.clone(),
                f.message.clone(),
            ]);
        }
    }
    if let Some(fc) = facts {
        for (line, f) in &fc.findings {
            csv.row(vec![
                fc.path.display().to_string(),
                line.to_string(),
                f.severity.name().to_owned(),
                f.code.to_owned(),
                f.path.clone(),
                f.message.clone(),
            ]);
        }
    }
    csv.write(out)
}

fn severity_style(s: Severity) -> Style {
    match s {
        Severity::Error => Style::RED,
        Severity::Warning => Style::YELLOW,
        Severity::Info => Style::DIM,
    }
}

/// One finding: severity, code and where, then the message wrapped under it.
pub(crate) fn write_finding(
    ctx: &Ctx,
    out: &mut dyn Write,
    f: &Finding,
    location: &str,
) -> std::io::Result<()> {
    // The severity word in the run's language, padded to the longest one.
    let width = [Severity::Error, Severity::Warning, Severity::Info]
        .iter()
        .map(|s| ctx.text(label::severity(*s)).chars().count())
        .max()
        .unwrap_or(0);
    writeln!(
        out,
        "  {} {}  {location}",
        ctx.paint(
            severity_style(f.severity),
            &pad(ctx.text(label::severity(f.severity)), width)
        ),
        f.code,
    )?;
    for line in wrap(&f.message, 68) {
        writeln!(out, "          {line}")?;
    }
    Ok(())
}

/// The closing line of a file's findings: "0 errors, 2 warnings, 8 notes".
fn write_summary(
    ctx: &Ctx,
    out: &mut dyn Write,
    count: impl Fn(Severity) -> usize,
) -> std::io::Result<()> {
    writeln!(
        out,
        "  {}\n",
        ctx.findings(
            count(Severity::Error),
            count(Severity::Warning),
            count(Severity::Info)
        )
    )
}

fn write_table(
    ctx: &Ctx,
    out: &mut dyn Write,
    checked: &[Checked],
    facts: Option<&FactsChecked>,
) -> std::io::Result<()> {
    for c in checked {
        let v = &c.validation;
        writeln!(
            out,
            "{}",
            ctx.paint(Style::Bold, &c.path.display().to_string())
        )?;
        for f in &v.findings {
            write_finding(ctx, out, f, &f.path)?;
        }
        write_summary(ctx, out, |severity| v.count(severity))?;
    }
    if let Some(fc) = facts {
        writeln!(
            out,
            "{} ({})",
            ctx.paint(Style::Bold, &fc.path.display().to_string()),
            crate::facts_cmd::facts_count(ctx, fc.facts)
        )?;
        for (line, f) in &fc.findings {
            let location = format!("{}:{line} {}", fc.path.display(), f.path);
            write_finding(ctx, out, f, &location)?;
        }
        write_summary(ctx, out, |severity| fc.count(severity))?;
    }
    Ok(())
}
