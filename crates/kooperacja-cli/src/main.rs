//! `kooperacja`: check and inspect social-policy partnership projects.
//!
//! The binary is glue: it parses arguments, reads the files, calls
//! `kooperacja-core` and renders what core returns. Exit codes:
//! 0 fine, 1 the checked thing has error findings, 2 usage or unreadable input.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use kooperacja_core::parse::ParseError;
use kooperacja_core::project::Project;
use kooperacja_core::territory::Register;
use kooperacja_core::validate::{Severity, Validation, validate};

/// Check and inspect EU-funded social-policy partnership projects.
#[derive(Debug, Parser)]
#[command(name = "kooperacja", version, about, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate project files and list every finding.
    ///
    /// Example: kooperacja validate fixtures/projects/*.toml
    ///
    /// Exit code 0 when no file has an error-severity finding, 1 when one has,
    /// 2 when a file cannot be read or parsed.
    Validate(ValidateArgs),
}

#[derive(Debug, clap::Args)]
struct ValidateArgs {
    /// Project files (TOML).
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// The TERC register to check territory against. Default: the file named by
    /// `territory.register` in each project, relative to the project file.
    #[arg(long, value_name = "CSV")]
    teryt: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// A table for people.
    Table,
    /// JSON for programs.
    Json,
}

/// An input problem: exit code 2.
#[derive(Debug)]
struct InputError(String);

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Validate(args) => run_validate(&args),
    };
    match result {
        Ok(code) => code,
        Err(InputError(message)) => {
            let _ = writeln!(std::io::stderr(), "error: {message}");
            ExitCode::from(2)
        }
    }
}

fn read(path: &Path) -> Result<String, InputError> {
    std::fs::read_to_string(path)
        .map_err(|e| InputError(format!("cannot read {}: {e}", path.display())))
}

/// Renders a parse error with the file, line, column, the line's text and a caret.
fn located(path: &Path, text: &str, err: &ParseError) -> String {
    let line_text = text.lines().nth(err.line.saturating_sub(1)).unwrap_or("");
    let gutter = err.line.to_string().len();
    let caret_pad: String = line_text
        .chars()
        .take(err.column.saturating_sub(1))
        .map(|c| if c == '\t' { '\t' } else { ' ' })
        .collect();
    format!(
        "{}:{}:{}: {}\n{:gutter$} |\n{} | {}\n{:gutter$} | {}^",
        path.display(),
        err.line,
        err.column,
        err.message,
        "",
        err.line,
        line_text,
        "",
        caret_pad,
    )
}

struct Checked {
    path: PathBuf,
    validation: Validation,
}

fn load_register(
    project_path: &Path,
    project: &Project,
    override_path: Option<&Path>,
) -> Result<Option<Register>, InputError> {
    let path = match (override_path, &project.territory.register) {
        (Some(p), _) => p.to_path_buf(),
        (None, Some(rel)) => project_path.parent().unwrap_or(Path::new(".")).join(rel),
        (None, None) => return Ok(None),
    };
    let text = read(&path)?;
    Register::parse_terc(&text)
        .map(Some)
        .map_err(|e| InputError(format!("{}: {e}", path.display())))
}

fn run_validate(args: &ValidateArgs) -> Result<ExitCode, InputError> {
    let mut checked = Vec::new();
    let mut unreadable = 0;
    // Every file is checked; one that cannot be read or parsed is reported on
    // stderr and the others still are.
    for path in &args.files {
        let loaded = read(path).and_then(|text| {
            let project =
                Project::parse(&text).map_err(|e| InputError(located(path, &text, &e)))?;
            let register = load_register(path, &project, args.teryt.as_deref())?;
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
    // A closed pipe (`| head`) is not an error.
    if let Err(e) = written {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            return Err(InputError(format!("cannot write output: {e}")));
        }
    }
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

/// Wraps text to `width` columns on spaces, never inside an amount
/// ("4 863 047,40 zł" stays on one line).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for word in text.split(' ') {
        let glue = words.last().is_some_and(|prev: &String| {
            prev.ends_with(|c: char| c.is_ascii_digit())
                && (word.starts_with(|c: char| c.is_ascii_digit())
                    || word.starts_with("zł")
                    || word.starts_with("r."))
        });
        match words.last_mut() {
            Some(prev) if glue => {
                prev.push(' ');
                prev.push_str(word);
            }
            _ => words.push(word.to_owned()),
        }
    }
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in &words {
        let len = line.chars().count();
        if len > 0 && len + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
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
