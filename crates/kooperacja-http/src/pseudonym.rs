//! Pseudonymisation of person keys with a keyed hash (HMAC-SHA256 under a
//! server secret), applied to every fact before it is stored.
//!
//! A key that arrives raw (`k-0157`, an internal case number) is replaced by
//! `ps-` and the first 40 hex digits (160 bits) of HMAC-SHA256(secret, key).
//! The same raw key always gives the same pseudonym under the same secret, so
//! distinct-person counts stay right and a retried fact is the same fact. A key
//! that already has the pseudonym's shape is kept: so a stored fact sent back
//! is recognised as itself. Without the secret a pseudonym cannot be traced
//! back, not even by trying candidate keys.

use std::fs;
use std::io::Write;
use std::path::Path;

use hmac::{Hmac, KeyInit, Mac};
use kooperacja_core::facts::{Fact, PersonKey, What};
use sha2::Sha256;

/// The prefix of a pseudonymised key.
pub const PREFIX: &str = "ps-";

/// How many hex digits of the HMAC a pseudonym keeps.
const HEX_DIGITS: usize = 40;

/// The server's secret key for pseudonyms: 32 random bytes.
#[derive(Clone)]
pub struct Secret([u8; 32]);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(…)")
    }
}

impl Secret {
    /// A secret from its 64 hex digits.
    pub fn from_hex(text: &str) -> Result<Secret, String> {
        let bytes =
            hex::decode(text.trim()).map_err(|e| format!("the secret is not hexadecimal: {e}"))?;
        let bytes: [u8; 32] = bytes
            .try_into()
            .map_err(|_| "the secret must be 64 hex digits (32 bytes)".to_owned())?;
        Ok(Secret(bytes))
    }

    /// A new random secret.
    pub fn random() -> Result<Secret, String> {
        let mut bytes = [0_u8; 32];
        getrandom::fill(&mut bytes).map_err(|e| format!("no randomness available: {e}"))?;
        Ok(Secret(bytes))
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
                    .map_err(|e| format!("cannot create {}: {e}", path.display()))?;
                file.write_all(hex::encode(secret.0).as_bytes())
                    .and_then(|()| file.sync_all())
                    .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
                Ok(secret)
            }
            Err(e) => Err(format!("cannot read {}: {e}", path.display())),
        }
    }

    fn mac(&self, data: &[u8]) -> String {
        let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(&self.0)
            .expect("HMAC takes a key of any length");
        mac.update(data);
        hex::encode(mac.finalize().into_bytes())
    }

    /// A fingerprint of the secret, stored in the database so that a server
    /// started with another secret refuses to mix pseudonyms.
    pub fn fingerprint(&self) -> String {
        self.mac(b"kooperacja fingerprint")[..16].to_owned()
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
        self.mac(&data)[..32].to_owned()
    }

    /// Whether every person key of a fact is a pseudonym.
    pub fn all_pseudonymous(fact: &Fact) -> bool {
        let ok = |k: &PersonKey| is_pseudonym(k.as_str());
        match &fact.what {
            What::Meeting { persons, .. } => persons.iter().all(ok),
            What::Coaching { person, .. } | What::Qualification { person } => ok(person),
            What::Support {
                person: Some(person),
                ..
            } => ok(person),
            _ => true,
        }
    }

    /// The pseudonym of a key: kept if it already is one, else keyed-hashed.
    pub fn pseudonym(&self, key: &PersonKey) -> PersonKey {
        if is_pseudonym(key.as_str()) {
            return key.clone();
        }
        let digest = self.mac(key.as_str().as_bytes());
        let text = format!("{PREFIX}{}", &digest[..HEX_DIGITS]);
        PersonKey::parse(&text).expect("a pseudonym is a valid person key")
    }

    /// The fact with every person key pseudonymised.
    pub fn pseudonymise(&self, mut fact: Fact) -> Fact {
        match &mut fact.what {
            What::Meeting { persons, .. } => {
                for person in persons.iter_mut() {
                    *person = self.pseudonym(person);
                }
            }
            What::Coaching { person, .. } | What::Qualification { person } => {
                *person = self.pseudonym(person);
            }
            What::Support {
                person: Some(person),
                ..
            } => *person = self.pseudonym(person),
            What::Support { person: None, .. }
            | What::Agreement { .. }
            | What::Pilot { .. }
            | What::Deliverable { .. }
            | What::DiPlan { .. }
            | What::Expenditure { .. }
            | What::Retraction { .. } => {}
        }
        fact
    }
}

/// Whether a key has the shape of a pseudonym: `ps-` and 40 lower-case hex digits.
pub fn is_pseudonym(key: &str) -> bool {
    key.strip_prefix(PREFIX).is_some_and(|rest| {
        rest.len() == HEX_DIGITS && rest.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_hashed_once_and_kept_after() {
        let secret = Secret::from_hex(&"11".repeat(32)).unwrap();
        let raw = PersonKey::parse("k-0157").unwrap();
        let once = secret.pseudonym(&raw);
        assert!(is_pseudonym(once.as_str()), "{once:?}");
        assert_eq!(secret.pseudonym(&once), once);
        assert_eq!(secret.pseudonym(&raw), once);
        let other = Secret::from_hex(&"22".repeat(32)).unwrap();
        assert_ne!(other.pseudonym(&raw), once);
    }
}
