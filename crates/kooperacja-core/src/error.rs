//! The crate's one error, wrapping each module's own.

/// Any error of this crate: one of the small per-module kinds, each kept
/// whole, so that `?` works across modules and a caller can still match the
/// kind it cares about.
///
/// It is transparent: its message and its [`std::error::Error::source`] are
/// the wrapped error's (the wording of each kind stays as it is), and the
/// wrapped error itself is the variant's field, to match or to keep: the
/// [`std::io::Error`] under a failed bounded read, for example.
///
/// ```
/// use kooperacja_core::{Error, money::{Amount, MoneyError}, period::Period};
///
/// fn total(amount: &str, period: &str) -> Result<(Amount, Period), Error> {
///     Ok((Amount::parse(amount)?, Period::parse(period)?))
/// }
/// let err = total("1,234.5.6", "2018-04-01 – 2019-03-31").unwrap_err();
/// assert!(matches!(err, Error::Money(MoneyError::Invalid { .. })));
/// assert!(err.to_string().starts_with("invalid amount \"1,234.5.6\": "));
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A project file that could not be parsed, with its line and column.
    #[error(transparent)]
    Parse(#[from] crate::parse::ParseError),
    /// A bounded read that gave no bytes.
    #[error(transparent)]
    Read(#[from] crate::parse::LimitedReadError),
    /// An amount or a rate that could not be read or computed.
    #[error(transparent)]
    Money(#[from] crate::money::MoneyError),
    /// An amount that could not be split.
    #[error(transparent)]
    Split(#[from] crate::money::SplitError),
    /// A date, month or period that could not be read.
    #[error(transparent)]
    Date(#[from] crate::period::DateError),
    /// A TERYT code or a line of the TERC register that could not be read.
    #[error(transparent)]
    Teryt(#[from] crate::territory::TerytError),
    /// An identifier refused by the one rule for ids.
    #[error(transparent)]
    Identifier(#[from] crate::identifier::IdentifierError),
    /// A person value refused before it was pseudonymised.
    #[error(transparent)]
    Person(#[from] crate::pseudonym::PersonError),
    /// A fact record (a JSON object) with a bad field.
    #[error(transparent)]
    Field(#[from] crate::facts::FieldError),
    /// A bad record of a fact file, with its line.
    #[error(transparent)]
    Record(#[from] crate::facts::RecordError),
    /// A synthetic generator that could not be made.
    #[error(transparent)]
    Generator(#[from] crate::synthetic::GeneratorError),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_read_keeps_its_io_error() {
        struct Broken;
        impl std::io::Read for Broken {
            fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
                Err(std::io::Error::other(std::fmt::Error))
            }
        }
        let err: Error = crate::parse::read_limited(Broken, None, 10)
            .expect_err("the read fails")
            .into();
        assert!(
            matches!(&err, Error::Read(crate::parse::LimitedReadError::Io(io))
                if io.kind() == std::io::ErrorKind::Other && err.to_string() == io.to_string()),
            "{err:?}"
        );
    }

    #[test]
    fn the_message_is_the_wrapped_errors() {
        let inner = crate::territory::TerytCode::parse("041").expect_err("three digits");
        let outer = Error::from(inner.clone());
        assert_eq!(outer.to_string(), inner.to_string());
    }
}
