//! The server's secret for pseudonyms of persons, kept in a file beside the
//! database. The keyed hash itself is core's
//! ([`kooperacja_core::pseudonym`]): every person value is replaced while the
//! fact is read, by `ps-` and the first 40 hex digits (160 bits) of
//! HMAC-SHA256(secret, value), so a raw value never reaches the store, the log,
//! the audit or a response. The same raw key always gives the same pseudonym
//! under the same secret, so distinct-person counts stay right and a retried
//! fact is the same fact. A key that already has the pseudonym's shape is
//! kept: so a stored fact sent back is recognised as itself. Without the
//! secret a pseudonym cannot be traced back, not even by trying candidate keys.

use std::fs;
use std::io::Write;
use std::path::Path;

use kooperacja_core::present::{Lang, message};
use kooperacja_core::pseudonym::PseudonymKey;
pub use kooperacja_core::pseudonym::{PREFIX, is_pseudonym};

/// The server's secret key for pseudonyms: 32 random bytes.
#[derive(Clone)]
pub struct Secret(PseudonymKey);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(…)")
    }
}

impl Secret {
    /// A secret from its 64 hex digits (core's [`PseudonymKey::from_hex`],
    /// which the command line's `--secret` file is read with too).
    pub fn from_hex(text: &str) -> Result<Secret, String> {
        PseudonymKey::from_hex(text)
            .map(Secret)
            .map_err(|e| e.message(Lang::En))
    }

    /// A new random secret.
    pub fn random() -> Result<Secret, String> {
        let mut bytes = [0_u8; 32];
        getrandom::fill(&mut bytes).map_err(|e| message::NO_RANDOMNESS.fill(Lang::En, &[&e]))?;
        Ok(Secret(PseudonymKey::from_bytes(bytes)))
    }

    /// Reads the secret from `path`, creating it (mode 0600) if it does not exist.
    pub fn load_or_create(path: &Path) -> Result<Secret, String> {
        match fs::read_to_string(path) {
            Ok(text) => Secret::from_hex(&text).map_err(|e| format!("{}: {e}", path.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let secret = Secret::random()?;
                let mut options = fs::OpenOptions::new();
                options.write(true).create_new(true);
                #[cfg(unix)]
                {
                    use std::os::unix::fs::OpenOptionsExt;
                    options.mode(0o600);
                }
                let mut file = options
                    .open(path)
                    .map_err(|e| message::CANNOT_CREATE.fill(Lang::En, &[&path.display(), &e]))?;
                file.write_all(secret.0.to_hex().as_bytes())
                    .and_then(|()| file.sync_all())
                    .map_err(|e| message::CANNOT_WRITE.fill(Lang::En, &[&path.display(), &e]))?;
                Ok(secret)
            }
            Err(e) => Err(message::CANNOT_READ.fill(Lang::En, &[&path.display(), &e])),
        }
    }

    /// The key core pseudonymises person values with.
    pub fn key(&self) -> &PseudonymKey {
        &self.0
    }

    /// The checksum a stored fact row carries: 32 hex digits of the keyed
    /// hash of its project, id and body. Keyed, so that a row edited outside
    /// the server (without the secret) cannot be given a matching one.
    pub fn checksum(&self, project: &str, id: &str, body: &str) -> String {
        let mut data = Vec::with_capacity(project.len() + id.len() + body.len() + 16);
        data.extend_from_slice(b"kooperacja fact\0");
        for part in [project, id] {
            data.extend_from_slice(part.as_bytes());
            data.push(0);
        }
        data.extend_from_slice(body.as_bytes());
        let mut sum = self.0.mac_hex(&data);
        sum.truncate(32);
        sum
    }

    /// A fingerprint of the secret, stored in the database so that a server
    /// started with another secret refuses to mix pseudonyms.
    pub fn fingerprint(&self) -> String {
        self.0.fingerprint()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pseudonym and fingerprint that databases written before the keyed
    /// hash moved into core hold (computed with Python's `hmac` module).
    #[test]
    fn pseudonyms_are_those_stored_databases_hold() {
        let secret = Secret::from_hex(&"11".repeat(32)).unwrap();
        let once = secret.key().person("k-0157").unwrap();
        assert_eq!(once.as_str(), "ps-b2cd1920c4b65ae78245ea7d18fef811a3a75222");
        assert!(is_pseudonym(once.as_str()));
        assert_eq!(secret.fingerprint(), "e0cd799cd48635a0");
    }
}
