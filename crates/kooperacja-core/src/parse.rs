//! Reading a project file, with errors that say where and what was expected.
//!
//! ```
//! use kooperacja_core::parse::parse_project;
//! let err = parse_project("format = 1\nid = \"x\"\ntitle = 7\n").unwrap_err();
//! assert_eq!((err.line, err.column), (3, 9));
//! assert_eq!(err.to_string(), "line 3, column 9: invalid type: integer `7`, expected a string");
//! ```

use std::fmt;

use crate::project::Project;

/// A project file that could not be read: where, and what was wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ParseError {
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1, counted in characters.
    pub column: usize,
    /// The byte range of the offending text, if known.
    pub span: Option<std::ops::Range<usize>>,
    /// What is wrong and what was expected.
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.message
        )
    }
}

/// The 1-based line and column (in characters) of a byte offset in `text`.
///
/// ```
/// use kooperacja_core::parse::line_column;
/// assert_eq!(line_column("ab\nżc", 5), (2, 2));
/// ```
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// Parses a project file (TOML). Never panics: any input gives a project or an
/// error with its line and column.
///
/// Only the document's shape and values are checked here (types, required keys,
/// unknown keys, amounts, dates, TERYT codes, periods); consistency is the job of
/// [`crate::validate::validate`], which reports every problem at once.
pub fn parse_project(text: &str) -> Result<Project, ParseError> {
    toml::from_str::<Project>(text).map_err(|err| {
        let span = err.span();
        let (line, column) = span.as_ref().map_or((1, 1), |s| line_column(text, s.start));
        let mut message = err.message().trim_end().to_owned();
        if message.is_empty() {
            message = "invalid project file".to_owned();
        }
        // Name the key that is duplicated: the span covers it.
        if message == "duplicate key" {
            if let Some(key) = span.as_ref().and_then(|s| text.get(s.clone())) {
                message = format!(
                    "duplicate key `{}`; each key may appear once in a table",
                    key.trim()
                );
            }
        }
        // A key missing from the top level has no place of its own.
        if span.as_ref().is_none_or(|s| s.is_empty() && s.start == 0)
            && message.starts_with("missing field")
        {
            message.push_str(" at the top level of the file");
        }
        ParseError {
            line,
            column,
            span,
            message,
        }
    })
}
