//! Appending facts to a fact file (JSON Lines), idempotently and atomically:
//! a fact whose id the file already holds with the same content is already
//! there (nothing appended); the same id with other content is a conflict
//! (nothing written at all); the others are appended by writing the old file
//! and the new lines to a temporary file beside it and renaming it over the
//! old one, so a reader never sees half a file and a failed run leaves the old
//! file as it was.

use std::collections::HashMap;
use std::io::{BufReader, Read, Seek, SeekFrom, Write};
use std::path::Path;
use std::sync::Arc;

use kooperacja_core::facts::{Fact, FactReader, Format, content_id};
use kooperacja_core::present::label;
use kooperacja_core::project::Project;
use kooperacja_core::pseudonym::PseudonymKey;

use crate::input::InputError;
use crate::ui::msg_fill;

/// The facts a fact file holds, by id: the content each id has.
#[derive(Debug, Default)]
pub struct Existing {
    /// For each id, its content ([`content_id`] of the fact, which leaves out
    /// the id).
    contents: HashMap<String, String>,
}

/// Where a fact to append stands against the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Not in the file: to append.
    New,
    /// In the file with the same content.
    AlreadyThere,
    /// Its id is in the file with other content.
    Conflict,
}

impl Existing {
    /// Where `fact` stands; a new fact is counted in, so a second fact of the
    /// same id in one run is already there (same content) or a conflict.
    pub fn place(&mut self, fact: &Fact) -> Standing {
        let content = content_id(fact, 0);
        match self.contents.get(&fact.id) {
            Some(known) if *known == content => Standing::AlreadyThere,
            Some(_) => Standing::Conflict,
            None => {
                self.contents.insert(fact.id.clone(), content);
                Standing::New
            }
        }
    }
}

/// Refuses a CSV fact file: facts are appended as JSON Lines.
pub fn check_target(path: &Path) -> Result<(), InputError> {
    if crate::input::fact_format(path) == Format::Csv {
        return Err(InputError(msg_fill(
            label::APPEND_TO_JSON_LINES_ONLY,
            &[&path.display()],
        )));
    }
    Ok(())
}

/// Reads the fact file `path` (none yet when it does not exist), calling
/// `each` with every fact. A bad record in it is an error: facts are appended
/// only to a good file.
pub fn existing(
    path: &Path,
    project: &Project,
    key: &PseudonymKey,
    each: &mut dyn FnMut(&Fact),
) -> Result<Existing, InputError> {
    check_target(path)?;
    let mut out = Existing::default();
    if !path.exists() {
        return Ok(out);
    }
    let file = std::fs::File::open(path)
        .map_err(|e| InputError(msg_fill(label::CANNOT_READ_FILE, &[&path.display(), &e])))?;
    let reader = FactReader::new(
        BufReader::with_capacity(1 << 20, file),
        Format::JsonLines,
        Arc::clone(project.vocabulary()),
        key.clone(),
    );
    for item in reader {
        let fact = item.map_err(|e| {
            InputError(msg_fill(
                label::APPEND_TARGET_HAS_BAD_RECORD,
                &[&path.display(), &e],
            ))
        })?;
        each(&fact);
        out.contents
            .entry(fact.id.clone())
            .or_insert_with(|| content_id(&fact, 0));
    }
    Ok(out)
}

/// The error of a write to `path`.
fn cannot_write(path: &Path, e: &dyn std::fmt::Display) -> InputError {
    InputError(msg_fill(label::CANNOT_WRITE_FILE, &[&path.display(), e]))
}

/// A temporary file in `path`'s directory, to be renamed over `path`. A
/// missing directory is named as the user gave it (tempfile's error would
/// name its own temporary path).
fn temp_beside(path: &Path) -> Result<tempfile::NamedTempFile, InputError> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    std::fs::metadata(dir).map_err(|e| cannot_write(path, &e))?;
    tempfile::NamedTempFile::new_in(dir).map_err(|e| cannot_write(path, &e))
}

/// Appends `lines` (JSON lines, without their newlines) to `path`
/// atomically; the file keeps its permissions.
pub fn append(path: &Path, lines: &[String]) -> Result<(), InputError> {
    let mut temp = temp_beside(path)?;
    let written = (|| -> std::io::Result<()> {
        let out = temp.as_file_mut();
        if let Ok(mut old) = std::fs::File::open(path) {
            let copied = std::io::copy(&mut old, out)?;
            if copied > 0 {
                old.seek(SeekFrom::End(-1))?;
                let mut last = [0_u8; 1];
                old.read_exact(&mut last)?;
                if last != *b"\n" {
                    out.write_all(b"\n")?;
                }
            }
            out.set_permissions(old.metadata()?.permissions())?;
        }
        let mut buffered = std::io::BufWriter::new(out);
        for line in lines {
            buffered.write_all(line.as_bytes())?;
            buffered.write_all(b"\n")?;
        }
        buffered.flush()?;
        drop(buffered);
        temp.as_file().sync_all()
    })();
    written.map_err(|e| cannot_write(path, &e))?;
    temp.persist(path)
        .map_err(|e| cannot_write(path, &e.error))?;
    Ok(())
}

/// Writes `bytes` to `path` atomically (a temporary file beside it, renamed
/// over it): a reader never sees half a file, and a failed run leaves the
/// old one. With `like`, the new file takes that file's permissions.
pub fn write_atomically(path: &Path, bytes: &[u8], like: Option<&Path>) -> Result<(), InputError> {
    let mut temp = temp_beside(path)?;
    temp.write_all(bytes)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|e| cannot_write(path, &e))?;
    if let Some(meta) = like.and_then(|l| std::fs::metadata(l).ok()) {
        std::fs::set_permissions(temp.path(), meta.permissions())
            .map_err(|e| cannot_write(path, &e))?;
    }
    temp.persist(path)
        .map_err(|e| cannot_write(path, &e.error))?;
    Ok(())
}
