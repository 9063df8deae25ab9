//! Keyed pseudonyms of persons: every person value a fact names is replaced,
//! while the fact is read, by `ps-` and the first 40 hex digits (160 bits) of
//! HMAC-SHA256 under a key the adapter supplies.
//!
//! The same value always gives the same pseudonym under the same key, so
//! distinct-person counts stay right and a fact sent twice is the same fact. A
//! value that already has the pseudonym's shape is kept, so a stored fact read
//! back is itself. Without the key a pseudonym cannot be traced back, not even
//! by trying candidate values (every PESEL number, say).
//!
//! Core does no randomness and no I/O: the key comes from the adapter (the
//! server keeps it in a secret file; the command-line tools draw a random key
//! for each run, since they never output a person key).
//!
//! Before hashing, a raw value is checked as a backstop against the two ways a
//! real identity is most often typed in: a name and a PESEL number. The checks
//! name the rule that failed, never the value.
//!
//! ```
//! use kooperacja_core::pseudonym::{PseudonymKey, is_pseudonym};
//! let key = PseudonymKey::from_bytes([7; 32]);
//! let person = key.person("k-0157")?;
//! assert!(is_pseudonym(person.as_str()));
//! assert_eq!(key.person(person.as_str())?, person); // kept, not hashed again
//! assert!(key.person("85010112345").is_err()); // the shape of a PESEL number
//! assert!(key.person("Kowalski").is_err()); // the shape of a name
//! # Ok::<(), kooperacja_core::pseudonym::PersonError>(())
//! ```

use std::fmt;

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

use crate::facts::PersonKey;

/// The prefix of a pseudonym.
pub const PREFIX: &str = "ps-";

/// How many hex digits of the HMAC a pseudonym keeps.
pub const HEX_DIGITS: usize = 40;

/// The longest raw person value taken, in bytes.
pub const MAX_RAW_CHARS: usize = 64;

/// The secret key of pseudonyms: 32 bytes the adapter supplies (random, and
/// kept as long as pseudonyms made with it must stay comparable).
#[derive(Clone, PartialEq, Eq)]
pub struct PseudonymKey([u8; 32]);

impl fmt::Debug for PseudonymKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PseudonymKey(…)")
    }
}

/// Why a raw person value is refused. The messages name the rule, never the
/// value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PersonError {
    /// Empty, or longer than [`MAX_RAW_CHARS`].
    #[error(
        "a person key has 1 to 64 characters; persons are recorded by pseudonymous keys, never by name"
    )]
    Length,
    /// A character other than an ASCII letter, digit, `-` or `_`.
    #[error(
        "a person key may hold only ASCII letters, digits, '-' and '_' (one key per entry, no spaces); persons are recorded by pseudonymous keys, never by name"
    )]
    Characters,
    /// 11 digits: the shape of a PESEL number.
    #[error(
        "a person key of 11 digits looks like a PESEL number; record a pseudonymous key instead"
    )]
    Pesel,
    /// A capitalised word of letters only: the shape of a name.
    #[error(
        "a person key that is a capitalised word of letters only looks like a name; record a pseudonymous key instead"
    )]
    Name,
}

/// Why the text of a secret file is not a key. The messages name the rule,
/// never the text (a secret is not shown).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum KeyTextError {
    /// A character other than a hex digit.
    #[error("the secret is not hexadecimal (64 hex digits expected)")]
    NotHex,
    /// Not 64 hex digits.
    #[error("the secret must be 64 hex digits (32 bytes)")]
    Length,
}

impl KeyTextError {
    /// The message in `lang`, from the catalogue.
    ///
    /// ```
    /// use kooperacja_core::pseudonym::KeyTextError;
    /// use kooperacja_core::present::Lang;
    /// assert_eq!(KeyTextError::Length.message(Lang::Pl), "sekret musi mieć 64 cyfry szesnastkowe (32 bajty)");
    /// ```
    pub fn message(self, lang: crate::present::Lang) -> String {
        use crate::present::message;
        match self {
            KeyTextError::NotHex => message::SECRET_NOT_HEX.fill(
                lang,
                &[&crate::present::label::SECRET_HEX_DIGITS_EXPECTED.get(lang)],
            ),
            KeyTextError::Length => message::SECRET_WRONG_LENGTH.get(lang).to_owned(),
        }
    }
}

impl PseudonymKey {
    /// The key from its 32 bytes.
    pub const fn from_bytes(bytes: [u8; 32]) -> PseudonymKey {
        PseudonymKey(bytes)
    }

    /// The key's 32 bytes, for the adapter that stores it.
    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// The key from the text of a secret file: 64 hex digits (either case),
    /// with surrounding white space (a final newline) ignored. The server's
    /// secret file and the command line's `--secret` file have this format.
    ///
    /// ```
    /// use kooperacja_core::pseudonym::{KeyTextError, PseudonymKey};
    /// let key = PseudonymKey::from_hex(&format!("{}\n", "1f".repeat(32)))?;
    /// assert_eq!(key.as_bytes(), &[0x1f; 32]);
    /// assert_eq!(PseudonymKey::from_hex(&key.to_hex()), Ok(key));
    /// assert_eq!(PseudonymKey::from_hex("abc"), Err(KeyTextError::Length));
    /// assert_eq!(PseudonymKey::from_hex(&"zz".repeat(32)), Err(KeyTextError::NotHex));
    /// # Ok::<(), KeyTextError>(())
    /// ```
    pub fn from_hex(text: &str) -> Result<PseudonymKey, KeyTextError> {
        let text = text.trim();
        if !text.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(KeyTextError::NotHex);
        }
        if text.len() != 64 {
            return Err(KeyTextError::Length);
        }
        let mut bytes = [0_u8; 32];
        for (byte, pair) in bytes.iter_mut().zip(text.as_bytes().chunks_exact(2)) {
            let digit = |b: u8| {
                char::from(b)
                    .to_digit(16)
                    .and_then(|d| u8::try_from(d).ok())
            };
            match (
                pair.first().copied().and_then(digit),
                pair.get(1).copied().and_then(digit),
            ) {
                (Some(high), Some(low)) => *byte = (high << 4) | low,
                _ => return Err(KeyTextError::NotHex),
            }
        }
        Ok(PseudonymKey(bytes))
    }

    /// The key as a secret file holds it: 64 lower-case hex digits.
    pub fn to_hex(&self) -> String {
        hex(&self.0)
    }

    /// HMAC-SHA256 of `data` under the key, as 64 lower-case hex digits.
    pub fn mac_hex(&self, data: &[u8]) -> String {
        let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(&self.0)
            .expect("HMAC takes a key of any length");
        mac.update(data);
        hex(&mac.finalize().into_bytes())
    }

    /// A fingerprint of the key (16 hex digits), which an adapter can store
    /// beside pseudonyms to refuse mixing them with those of another key.
    pub fn fingerprint(&self) -> String {
        let mut text = self.mac_hex(b"kooperacja fingerprint");
        text.truncate(16);
        text
    }

    /// The pseudonym of a raw person value: the value kept if it already is a
    /// pseudonym, else checked ([`check_raw`]) and keyed-hashed.
    pub fn person(&self, raw: &str) -> Result<PersonKey, PersonError> {
        if is_pseudonym(raw) {
            return Ok(PersonKey::from_checked(raw.to_owned()));
        }
        check_raw(raw)?;
        let mut digest = self.mac_hex(raw.as_bytes());
        digest.truncate(HEX_DIGITS);
        Ok(PersonKey::from_checked(format!("{PREFIX}{digest}")))
    }
}

/// The backstop rules for a raw person value: 1 to 64 ASCII letters, digits,
/// `-` and `_`; not 11 digits (a PESEL number); not a capitalised word of
/// letters only (a name such as `Kowalski`).
pub fn check_raw(raw: &str) -> Result<(), PersonError> {
    if raw.is_empty() || raw.len() > MAX_RAW_CHARS {
        return Err(PersonError::Length);
    }
    if !raw
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Err(PersonError::Characters);
    }
    if raw.len() == 11 && raw.bytes().all(|b| b.is_ascii_digit()) {
        return Err(PersonError::Pesel);
    }
    let mut bytes = raw.bytes();
    let capitalised = bytes.next().is_some_and(|b| b.is_ascii_uppercase())
        && raw.len() > 1
        && bytes.all(|b| b.is_ascii_lowercase());
    if capitalised {
        return Err(PersonError::Name);
    }
    Ok(())
}

/// Whether a text has the shape of a pseudonym: `ps-` and 40 lower-case hex digits.
pub fn is_pseudonym(text: &str) -> bool {
    text.strip_prefix(PREFIX).is_some_and(|rest| {
        rest.len() == HEX_DIGITS && rest.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
    })
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut text = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        text.push(char::from(DIGITS[usize::from(b >> 4)]));
        text.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_hashed_once_and_kept_after() {
        let key = PseudonymKey::from_bytes([0x11; 32]);
        let once = key.person("k-0157").expect("valid");
        assert!(is_pseudonym(once.as_str()), "{once:?}");
        assert_eq!(key.person(once.as_str()), Ok(once.clone()));
        assert_eq!(key.person("k-0157"), Ok(once.clone()));
        let other = PseudonymKey::from_bytes([0x22; 32]);
        assert_ne!(other.person("k-0157"), Ok(once));
    }

    /// The pseudonym of the server before it moved into core, so that stored
    /// databases stay valid: HMAC-SHA256 (RFC 4231 test case 2 key and data
    /// give this digest) cut to 40 hex digits.
    #[test]
    fn the_digest_is_hmac_sha256() {
        let mut key = [0_u8; 32];
        key[..4].copy_from_slice(b"Jefe");
        // HMAC pads a short key with zero bytes, so "Jefe" and "Jefe" + 28
        // zero bytes are the same key.
        let key = PseudonymKey::from_bytes(key);
        assert_eq!(
            key.mac_hex(b"what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    /// The server's pseudonym of `k-0157` under the secret of 32 bytes 0x11,
    /// as its databases store it (computed with Python's `hmac` module).
    #[test]
    fn the_pseudonym_is_the_one_stored_databases_hold() {
        let key = PseudonymKey::from_bytes([0x11; 32]);
        assert_eq!(
            key.person("k-0157").expect("valid").as_str(),
            "ps-b2cd1920c4b65ae78245ea7d18fef811a3a75222"
        );
        assert_eq!(key.fingerprint(), "e0cd799cd48635a0");
    }

    #[test]
    fn the_backstop_refuses_names_and_pesel_numbers() {
        for raw in ["Kowalski", "Jan", "85010112345", "Jan Kowalski", "", "ó"] {
            assert!(check_raw(raw).is_err(), "{raw}");
        }
        for raw in ["k-0157", "fa-001", "P1", "KS", "abc", "8501011234"] {
            assert_eq!(check_raw(raw), Ok(()), "{raw}");
        }
    }
}
