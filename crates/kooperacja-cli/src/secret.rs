//! `--secret FILE`: the key of persons' pseudonyms for the commands that write
//! facts. The file holds 64 hex digits (the server's secret file has the same
//! format; core parses it, [`PseudonymKey::from_hex`]); a missing file is
//! created, mode 0600, with a new random key.

use std::io::Write;
use std::path::Path;

use kooperacja_core::present::label;
use kooperacja_core::pseudonym::PseudonymKey;

use crate::input::InputError;
use crate::ui::{message_lang, msg_fill};

/// The key in `path`, created when the file does not exist.
pub fn load_or_create(path: &Path) -> Result<PseudonymKey, InputError> {
    match std::fs::read_to_string(path) {
        Ok(text) => PseudonymKey::from_hex(&text)
            .map_err(|e| InputError(format!("{}: {}", path.display(), e.message(message_lang())))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => create(path),
        Err(e) => Err(InputError(msg_fill(
            label::CANNOT_READ_FILE,
            &[&path.display(), &e],
        ))),
    }
}

fn create(path: &Path) -> Result<PseudonymKey, InputError> {
    let mut bytes = [0_u8; 32];
    getrandom::fill(&mut bytes)
        .map_err(|e| InputError(msg_fill(label::NO_RANDOMNESS_FOR_PSEUDONYMS, &[&e])))?;
    let key = PseudonymKey::from_bytes(bytes);
    let cannot_write = |e: &dyn std::fmt::Display| {
        InputError(msg_fill(label::CANNOT_WRITE_FILE, &[&path.display(), e]))
    };
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path).map_err(|e| cannot_write(&e))?;
    writeln!(file, "{}", key.to_hex())
        .and_then(|()| file.sync_all())
        .map_err(|e| cannot_write(&e))?;
    Ok(key)
}

/// The key of a writing command: the secret file's when given; otherwise
/// `None`, and a command that has a person to pseudonymise refuses to go on
/// ([`needed`]).
pub fn key(path: Option<&Path>) -> Result<Option<PseudonymKey>, InputError> {
    path.map(load_or_create).transpose()
}

/// The refusal of a writing command that has a person to pseudonymise and
/// no secret.
pub fn needed() -> InputError {
    InputError(crate::ui::msg(label::SECRET_NEEDED).to_owned())
}
