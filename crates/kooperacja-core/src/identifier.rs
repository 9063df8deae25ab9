//! Identifiers of facts and of what facts name (organisations, institutions,
//! groups, roles, sectors, categories): one rule, so that two ids that look the
//! same can never both exist.
//!
//! An identifier is refused, never silently changed, when it
//! - is not in Unicode normalisation form NFC (`ł` + `ó` composed, not `o` and a
//!   combining accent): NFC and NFD spellings of one text look alike but are
//!   different ids;
//! - holds an invisible character: a control character, a format character
//!   (Unicode category Cf: zero-width space and joiners, bidirectional marks and
//!   overrides, the byte-order mark, the soft hyphen…), another default-ignorable
//!   character (a variation selector, a Hangul filler), a line or paragraph
//!   separator, a space other than U+0020, a private-use or unassigned code point;
//! - starts or ends with a space;
//! - is longer than [`MAX_CHARS`] characters.
//!
//! Letters of other scripts are taken: a Cyrillic `а` that looks like a Latin `a`
//! is not caught here (the limit is written in the decisions).
//!
//! ```
//! use kooperacja_core::identifier::check;
//! assert!(check("mgops-nakło").is_ok());
//! assert!(check("mgops-nako\u{0301}").is_err()); // NFD
//! assert!(check("rops-\u{200b}torun").is_err()); // a zero-width space
//! ```

use unicode_general_category::{GeneralCategory, get_general_category};
use unicode_normalization::is_nfc;

/// The longest identifier, in characters.
pub const MAX_CHARS: usize = 256;

/// Why an identifier is refused. The messages name the rule and the code
/// point, never the whole value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum IdentifierError {
    /// Longer than [`MAX_CHARS`].
    #[error("is longer than {MAX_CHARS} characters, the most an identifier has")]
    TooLong,
    /// A space at the start or the end.
    #[error("starts or ends with a space")]
    Spaces,
    /// An invisible character.
    #[error(
        "holds the invisible character U+{code:04X} at character {position}; an identifier may hold no control, format (zero-width, bidirectional), separator or other invisible character, so that two ids that look alike cannot both exist"
    )]
    Invisible {
        /// The code point.
        code: u32,
        /// Its position, from 1, in characters.
        position: usize,
    },
    /// Not in Unicode NFC.
    #[error(
        "is not in Unicode normalisation form NFC: write each accented letter as one composed character (ó, not o and a combining accent), so that two ids that look alike cannot both exist"
    )]
    NotNfc,
}

/// Checks an identifier (see the module's documentation).
pub fn check(text: &str) -> Result<(), IdentifierError> {
    let mut count = 0_usize;
    for (i, c) in text.chars().enumerate() {
        count += 1;
        if count > MAX_CHARS {
            return Err(IdentifierError::TooLong);
        }
        if invisible(c) {
            return Err(IdentifierError::Invisible {
                code: u32::from(c),
                position: i + 1,
            });
        }
    }
    if text.starts_with(' ') || text.ends_with(' ') {
        return Err(IdentifierError::Spaces);
    }
    if !is_nfc(text) {
        return Err(IdentifierError::NotNfc);
    }
    Ok(())
}

/// Whether a character is invisible or may render as nothing or as another.
fn invisible(c: char) -> bool {
    if c == ' ' {
        return false;
    }
    let default_ignorable = matches!(
        c,
        '\u{034F}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FFA0}'
            | '\u{E0100}'..='\u{E01EF}'
    );
    default_ignorable
        || matches!(
            get_general_category(c),
            GeneralCategory::Control
                | GeneralCategory::Format
                | GeneralCategory::LineSeparator
                | GeneralCategory::ParagraphSeparator
                | GeneralCategory::SpaceSeparator
                | GeneralCategory::PrivateUse
                | GeneralCategory::Surrogate
                | GeneralCategory::Unassigned
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn look_alikes_are_refused() {
        for text in [
            "a\u{200b}b",
            "a\u{200c}b",
            "a\u{200d}b",
            "a\u{2060}b",
            "\u{feff}ab",
            "ab\u{202e}",
            "a\u{2066}b",
            "a\u{00ad}b",
            "a\u{00a0}b",
            "a\u{0007}b",
            "a\nb",
            "a\u{2028}b",
            "a\u{fe0f}",
            "a\u{115f}b",
            "o\u{0301}",
            " ab",
            "ab ",
        ] {
            assert!(check(text).is_err(), "{text:?}");
        }
        assert_eq!(
            check(&"a".repeat(MAX_CHARS + 1)),
            Err(IdentifierError::TooLong)
        );
    }

    #[test]
    fn ordinary_ids_pass() {
        for text in [
            "e01-naklo-2020-02-11",
            "mgops-nakło-nad-notecią",
            "KS",
            "social worker",
            "Żółć",
            &"a".repeat(MAX_CHARS),
        ] {
            assert_eq!(check(text), Ok(()), "{text:?}");
        }
    }
}
