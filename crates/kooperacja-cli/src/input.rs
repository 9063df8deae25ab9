//! Reading the files the commands take: projects, the TERC register, facts.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use std::sync::{Arc, OnceLock};

use kooperacja_core::facts::{FactReader, Format};
use kooperacja_core::parse::{
    MAX_PROJECT_BYTES, MAX_REGISTER_BYTES, ParseError, parse_project_bytes,
};
use kooperacja_core::present::{self, label};
use kooperacja_core::project::Project;
use kooperacja_core::pseudonym::PseudonymKey;
use kooperacja_core::territory::Register;
use kooperacja_core::validate::Severity;

use crate::ui::{msg, msg_fill};

/// An input problem: exit code 2.
#[derive(Debug)]
pub struct InputError(pub String);

/// "cannot read PATH: why", in the language of the run.
fn cannot_read(path: &Path, e: &std::io::Error) -> InputError {
    InputError(msg_fill(label::CANNOT_READ_FILE, &[&path.display(), e]))
}

/// Reads a whole file of at most `limit` bytes; `what` names the kind of
/// file in the refusal ("a project file"). Any kind of file is read (a pipe too) but never more
/// than `limit` bytes plus one: `/dev/zero` is refused like a file too large.
pub fn read_bounded(path: &Path, limit: u64, what: &str) -> Result<Vec<u8>, InputError> {
    use kooperacja_core::parse::{LimitedReadError, read_limited};
    let file = File::open(path).map_err(|e| cannot_read(path, &e))?;
    let meta = file.metadata().map_err(|e| cannot_read(path, &e))?;
    let too_large = || {
        InputError(msg_fill(
            label::CANNOT_READ_FILE,
            &[
                &path.display(),
                &msg_fill(
                    label::FILE_LARGER_THAN_LIMIT,
                    &[
                        &present::count(crate::ui::message_lang(), limit >> 20),
                        &what,
                    ],
                ),
            ],
        ))
    };
    if meta.is_dir() {
        return Err(InputError(msg_fill(
            label::CANNOT_READ_FILE,
            &[&path.display(), &msg(label::IS_A_DIRECTORY)],
        )));
    }
    read_limited(file, meta.is_file().then_some(meta.len()), limit).map_err(|e| match e {
        LimitedReadError::TooLarge { .. } => too_large(),
        LimitedReadError::Io(e) => cannot_read(path, &e),
    })
}

/// Renders a parse error with the file, line and column, a window of the
/// line's text and a caret (without the word `error`, which `main` writes
/// before every message): core's
/// [`kooperacja_core::present::located::parse_error_unnamed`].
pub fn located(path: &Path, text: &str, err: &ParseError) -> String {
    use kooperacja_core::present::located;
    located::parse_error_unnamed(located::Look::Plain, &path.display().to_string(), text, err)
}

/// Reads and parses a project file (at most [`MAX_PROJECT_BYTES`]).
pub fn project(path: &Path) -> Result<Project, InputError> {
    let bytes = read_bounded(path, MAX_PROJECT_BYTES, msg(label::OF_A_PROJECT_FILE))?;
    parse_project_bytes(&bytes)
        .map_err(|e| InputError(located(path, &String::from_utf8_lossy(&bytes), &e)))
}

/// The register to check `project` against: `override_path`, else the file
/// the project pins in `territory.register` (relative to the project file),
/// else the register core embeds ([`Register::embedded`]). A file read is dated
/// by its GUS name (`TERC_Urzedowy_2025-11-18.csv`) when it has one.
pub fn register(
    project_path: &Path,
    project: &Project,
    override_path: Option<&Path>,
) -> Result<Arc<Register>, InputError> {
    let path: PathBuf = match (override_path, &project.territory.register) {
        (Some(p), _) => p.to_path_buf(),
        (None, Some(rel)) => project_path.parent().unwrap_or(Path::new(".")).join(rel),
        (None, None) => return Ok(Register::embedded()),
    };
    let bytes = read_bounded(&path, MAX_REGISTER_BYTES, msg(label::OF_THE_TERC_REGISTER))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        InputError(format!(
            "{}: {}",
            path.display(),
            msg_fill(
                label::FILE_NOT_UTF8_AT_BYTE,
                &[&e.utf8_error().valid_up_to()]
            ),
        ))
    })?;
    let name = path.to_string_lossy();
    Register::parse_named(&name, &text)
        .map(Arc::new)
        .map_err(|e| InputError(format!("{}: {e}", path.display())))
}

/// The fact format a file's name suggests: `.csv` is CSV, anything else JSON Lines.
pub fn fact_format(path: &Path) -> Format {
    match path.extension().and_then(|e| e.to_str()) {
        Some(ext) if ext.eq_ignore_ascii_case("csv") => Format::Csv,
        _ => Format::JsonLines,
    }
}

/// Fact files larger than this show a progress bar (on a terminal).
const PROGRESS_FROM_BYTES: u64 = 4 << 20;

/// A streaming reader over a fact file, checking each fact against the
/// project's vocabulary, that shows a progress bar on stderr when the file is
/// larger than a few MB and stderr is a terminal.
pub fn facts_with_progress(
    path: &Path,
    project: &Project,
) -> Result<FactReader<Box<dyn BufRead>>, InputError> {
    use std::io::IsTerminal;
    let file = File::open(path).map_err(|e| cannot_read(path, &e))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let reader: Box<dyn BufRead> = if size > PROGRESS_FROM_BYTES && std::io::stderr().is_terminal()
    {
        let bar = indicatif::ProgressBar::new(size);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{msg} [{bar:40}] {bytes}/{total_bytes} ({eta})",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
            .progress_chars("=> "),
        );
        bar.set_message(path.display().to_string());
        Box::new(BufReader::with_capacity(1 << 20, bar.wrap_read(file)))
    } else {
        Box::new(BufReader::with_capacity(1 << 20, file))
    };
    Ok(FactReader::new(
        reader,
        fact_format(path),
        Arc::clone(project.vocabulary()),
        pseudonym_key()?,
    ))
}

/// The key of person pseudonyms for this run: random, drawn once per run.
/// The command never outputs a person key (only counts of distinct persons),
/// so a key that lives only as long as the run is enough, and no pseudonym it
/// makes can be traced back.
pub fn pseudonym_key() -> Result<PseudonymKey, InputError> {
    static KEY: OnceLock<PseudonymKey> = OnceLock::new();
    if let Some(key) = KEY.get() {
        return Ok(key.clone());
    }
    let mut bytes = [0_u8; 32];
    getrandom::fill(&mut bytes)
        .map_err(|e| InputError(msg_fill(label::NO_RANDOMNESS_FOR_PSEUDONYMS, &[&e])))?;
    Ok(KEY.get_or_init(|| PseudonymKey::from_bytes(bytes)).clone())
}

/// The project and register of a command's arguments, shared so that an
/// engine can own them.
pub fn load(args: &crate::ProjectArgs) -> Result<(Arc<Project>, Arc<Register>), InputError> {
    let project = project(&args.project)?;
    let register = register(&args.project, &project, args.teryt.as_deref())?;
    Ok((Arc::new(project), register))
}

/// Reads every record of the fact file `path`, checked against the project's
/// vocabulary, and gives each fact read to `each` with the line it ends on.
/// A record that cannot be read stops the run (`--on-error stop`, exit 2) or
/// is skipped with a warning on stderr for the first 20.
pub fn each_fact(
    path: &Path,
    project: &Project,
    on_error: crate::OnErrorArg,
    mut each: impl FnMut(&kooperacja_core::facts::Fact, u64),
) -> Result<(), InputError> {
    use std::io::Write;
    let mut bad = 0_u64;
    let mut reader = facts_with_progress(path, project)?;
    while let Some(item) = reader.next() {
        // The record just read ends on this line.
        let line = reader.lines_read();
        match item {
            Ok(fact) => each(&fact, line),
            Err(e) => {
                if on_error == crate::OnErrorArg::Stop {
                    return Err(InputError(format!("{}: {e}", path.display())));
                }
                bad += 1;
                if bad <= 20 {
                    let _ = writeln!(
                        std::io::stderr(),
                        "{}: {}: {e} ({})",
                        msg(label::severity(Severity::Warning)),
                        path.display(),
                        msg(label::SKIPPED)
                    );
                }
            }
        }
    }
    if bad > 20 {
        let _ = writeln!(
            std::io::stderr(),
            "{}: {}",
            msg(label::severity(Severity::Warning)),
            msg_fill(
                label::BAD_RECORDS_SKIPPED_IN_ALL,
                &[&present::count(crate::ui::message_lang(), bad)]
            )
        );
    }
    Ok(())
}

/// The report of a project as of the arguments' date (today by default), with
/// every fact of the fact file applied.
pub fn report(
    args: &crate::ReportArgs,
    project: &Arc<Project>,
    register: &Arc<Register>,
) -> Result<kooperacja_core::report::Report, InputError> {
    use std::io::Write;
    let mut engine =
        kooperacja_core::engine::Engine::new(Arc::clone(project), Some(Arc::clone(register)));
    let mut excluded = 0_u64;
    if let Some(path) = &args.facts {
        // A fact that does not count is excluded by core's admission and
        // counted in the report, with a warning for the first 20; only a
        // record that cannot be read is an error here.
        each_fact(path, project, args.on_error, |fact, line| {
            if let kooperacja_core::engine::Applied::Excluded(reason) = engine.apply(fact) {
                excluded += 1;
                if excluded <= 20 {
                    let _ = writeln!(
                        std::io::stderr(),
                        "{}: {}: {}: {}",
                        msg(label::severity(Severity::Warning)),
                        path.display(),
                        msg_fill(label::LINE_NUMBER, &[&line]),
                        msg_fill(
                            label::FACT_EXCLUDED,
                            &[&format!("{:?}", fact.id), &reason.code()]
                        ),
                    );
                }
            }
        })?;
    }
    if excluded > 20 {
        let _ = writeln!(
            std::io::stderr(),
            "{}: {}",
            msg(label::severity(Severity::Warning)),
            msg_fill(
                label::FACTS_EXCLUDED_IN_ALL,
                &[&present::count(crate::ui::message_lang(), excluded)]
            )
        );
    }
    let as_of = args
        .as_of
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    Ok(engine.report(as_of))
}
