//! Reading the files the commands take: projects, the TERC register, facts.

use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use kooperacja_core::facts::{FactReader, Format};
use kooperacja_core::parse::ParseError;
use kooperacja_core::project::Project;
use kooperacja_core::territory::Register;

/// An input problem: exit code 2.
#[derive(Debug)]
pub struct InputError(pub String);

/// Reads a whole text file.
pub fn read(path: &Path) -> Result<String, InputError> {
    std::fs::read_to_string(path)
        .map_err(|e| InputError(format!("cannot read {}: {e}", path.display())))
}

/// Renders a parse error with the file, line, column, the line's text and a caret.
pub fn located(path: &Path, text: &str, err: &ParseError) -> String {
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

/// Reads and parses a project file.
pub fn project(path: &Path) -> Result<Project, InputError> {
    let text = read(path)?;
    Project::parse(&text).map_err(|e| InputError(located(path, &text, &e)))
}

/// The register to check `project` against: `override_path`, else the file
/// the project names in `territory.register`, relative to the project file.
pub fn register(
    project_path: &Path,
    project: &Project,
    override_path: Option<&Path>,
) -> Result<Option<Register>, InputError> {
    let path: PathBuf = match (override_path, &project.territory.register) {
        (Some(p), _) => p.to_path_buf(),
        (None, Some(rel)) => project_path.parent().unwrap_or(Path::new(".")).join(rel),
        (None, None) => return Ok(None),
    };
    let text = read(&path)?;
    Register::parse_terc(&text)
        .map(Some)
        .map_err(|e| InputError(format!("{}: {e}", path.display())))
}

/// The fact format a file's name suggests: `.csv` is CSV, anything else JSON Lines.
pub fn fact_format(path: &Path) -> Format {
    match path.extension().and_then(|e| e.to_str()) {
        Some(ext) if ext.eq_ignore_ascii_case("csv") => Format::Csv,
        _ => Format::JsonLines,
    }
}

/// A streaming reader over a fact file.
pub fn facts(path: &Path) -> Result<FactReader<BufReader<File>>, InputError> {
    let file =
        File::open(path).map_err(|e| InputError(format!("cannot read {}: {e}", path.display())))?;
    Ok(FactReader::new(
        BufReader::with_capacity(1 << 20, file),
        fact_format(path),
    ))
}
