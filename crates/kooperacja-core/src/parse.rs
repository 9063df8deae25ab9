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
///
/// [`crate::present::located::parse_error`] shows it to a person with the
/// line's text and a caret under the column.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub struct ParseError {
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1, counted in characters.
    pub column: usize,
    /// The byte range of the offending text, if known.
    pub span: Option<std::ops::Range<usize>>,
    /// What is wrong and what was expected.
    pub message: String,
    /// A stable code for errors found after the file's syntax and shape were
    /// read (`vocabulary.duplicate-kind`); `None` for the TOML reader's own.
    pub code: Option<String>,
}

impl ParseError {
    /// An error at a line and column (both from 1, the column in characters),
    /// with the byte range of the offending text if known.
    ///
    /// ```
    /// use kooperacja_core::parse::ParseError;
    /// let err = ParseError::new(3, 9, None, "expected a string");
    /// assert_eq!(err.to_string(), "line 3, column 9: expected a string");
    /// ```
    pub fn new(
        line: usize,
        column: usize,
        span: Option<std::ops::Range<usize>>,
        message: impl Into<String>,
    ) -> ParseError {
        ParseError {
            line,
            column,
            span,
            message: message.into(),
            code: None,
        }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.code {
            Some(code) => write!(
                f,
                "line {}, column {}: {} [{code}]",
                self.line, self.column, self.message
            ),
            None => write!(
                f,
                "line {}, column {}: {}",
                self.line, self.column, self.message
            ),
        }
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

/// The largest project file the adapters read, in bytes (16 MiB). The largest
/// real project is about 30 kB; parsing takes roughly 30 times the file's size
/// in memory, so the limit also bounds the memory a project file can take.
pub const MAX_PROJECT_BYTES: u64 = 16 << 20;

/// The largest TERC register file the adapters read, in bytes (64 MiB). The
/// whole official register is about 1 MB.
pub const MAX_REGISTER_BYTES: u64 = 64 << 20;

/// Why [`read_limited`] gave no bytes.
#[derive(Debug, thiserror::Error)]
pub enum LimitedReadError {
    /// The input holds more than the limit.
    #[error("the input is larger than {limit} bytes")]
    TooLarge {
        /// The limit, in bytes.
        limit: u64,
    },
    /// Reading failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// Reads the whole of `input` if it holds at most `limit` bytes, and never
/// more than `limit` plus one byte of it, so an endless input (a pipe,
/// `/dev/zero`) is refused like one too large. `known_len`, the length the
/// caller knows in advance (a regular file's size), is refused at once when
/// over the limit. Core opens nothing: the caller supplies the reader.
///
/// ```
/// use kooperacja_core::parse::{LimitedReadError, read_limited};
/// assert_eq!(read_limited(&b"abc"[..], None, 3).unwrap(), b"abc");
/// let endless = std::io::repeat(0);
/// assert!(matches!(read_limited(endless, None, 1 << 20), Err(LimitedReadError::TooLarge { .. })));
/// assert!(matches!(read_limited(&b""[..], Some(5), 3), Err(LimitedReadError::TooLarge { limit: 3 })));
/// ```
pub fn read_limited(
    input: impl std::io::Read,
    known_len: Option<u64>,
    limit: u64,
) -> Result<Vec<u8>, LimitedReadError> {
    use std::io::Read;
    if known_len.is_some_and(|n| n > limit) {
        return Err(LimitedReadError::TooLarge { limit });
    }
    let mut bytes = Vec::new();
    input
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if u64::try_from(bytes.len()).map_or(true, |n| n > limit) {
        return Err(LimitedReadError::TooLarge { limit });
    }
    Ok(bytes)
}

/// The longest message a [`ParseError`] carries, in characters: `toml` quotes
/// the offending value, which may be megabytes long.
const MAX_MESSAGE_CHARS: usize = 500;

/// Parses a project file given as bytes: a file that is not UTF-8 gives an
/// error at the line and column of its first invalid byte (the column counts
/// the characters before it, so it points at the replacement character of a
/// lossy decoding); otherwise as [`parse_project`].
///
/// ```
/// use kooperacja_core::parse::parse_project_bytes;
/// let err = parse_project_bytes(b"format = 1\ntitle = \"\xff\"\n").unwrap_err();
/// assert_eq!((err.line, err.column), (2, 10));
/// ```
pub fn parse_project_bytes(bytes: &[u8]) -> Result<Project, ParseError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => parse_project(text),
        Err(e) => {
            let valid = e.valid_up_to();
            // The prefix up to the first invalid byte is UTF-8 by definition.
            let prefix = std::str::from_utf8(&bytes[..valid]).unwrap_or_default();
            let (line, column) = line_column(prefix, valid);
            let len = e.error_len().unwrap_or(bytes.len() - valid);
            Err(ParseError {
                line,
                column,
                span: Some(valid..valid + len),
                message: format!(
                    "the file is not UTF-8: byte 0x{:02X} cannot start or continue a character here; save the file as UTF-8",
                    bytes[valid]
                ),
                code: None,
            })
        }
    }
}

/// Where `toml` stopped on a key nested too deeply, which it reports without
/// a place: the first line whose key (or table header, or inline value) nests
/// deepest. A heuristic (quotes are honoured, nothing else of TOML), used only
/// to point at a line.
fn deepest_line(text: &str) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize, usize)> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let mut depth = 0_usize;
        let mut quote: Option<char> = None;
        let mut key = true;
        for c in line.chars() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') => quote = Some(c),
                (None, '#') => break,
                (None, '=') => key = false,
                (None, '.') if key => depth += 1,
                (None, '[' | '{') => depth += 1,
                _ => {}
            }
        }
        if best.is_none_or(|(d, _, _)| depth > d) {
            let indent = line.len() - line.trim_start().len();
            best = Some((depth, offset, indent));
        }
        offset += line.len();
    }
    best.filter(|&(d, _, _)| d > 0)
        .map(|(_, start, indent)| line_column(text, start + indent))
}

/// Cuts `message` to [`MAX_MESSAGE_CHARS`] characters, marking the cut.
fn bounded(message: String) -> String {
    match message.char_indices().nth(MAX_MESSAGE_CHARS) {
        Some((at, _)) => format!("{}…", &message[..at]),
        None => message,
    }
}

/// Parses a project file (TOML). Never panics: any input gives a project or an
/// error with its line and column.
///
/// Only the document's shape and values are checked here (types, required keys,
/// unknown keys, amounts, dates, TERYT codes, periods); consistency is the job of
/// [`crate::validate::validate`], which reports every problem at once.
pub fn parse_project(text: &str) -> Result<Project, ParseError> {
    // A format-1 file is read through its upgrade to format 2, in memory.
    if crate::upgrade::format_of(text) == Some(1) {
        let upgraded = crate::upgrade::upgrade(text)
            .map_err(|e| e.to_parse_error(text, crate::present::Lang::En))?;
        let mut project = parse_project(&upgraded.text).map_err(|mut e| {
            // A problem of the file's own text is located in it: the same
            // text read as format 2 (the key's value is as long) fails alike.
            if let Some(at) = text.find("format = 1")
                && let Err(own) = parse_shape(&format!(
                    "{}format = 2{}",
                    &text[..at],
                    &text[at + "format = 1".len()..]
                ))
            {
                return own;
            }
            e.message = format!(
                "{} (in the file as upgraded to format 2: run `kooperacja project upgrade`)",
                e.message
            );
            e
        })?;
        project.upgraded_from = Some(1);
        return Ok(project);
    }
    let mut project = parse_shape(text)?;
    if let Err(errors) = project.resolve_vocabulary() {
        let first = errors.into_iter().next();
        let (code, path, message) = first.map_or(
            (
                "vocabulary.invalid",
                String::new(),
                "invalid vocabulary".to_owned(),
            ),
            |e| (e.code, e.path, e.message),
        );
        let span = span_of(text, &path);
        let (line, column) = span.as_ref().map_or((1, 1), |s| line_column(text, s.start));
        return Err(ParseError {
            line,
            column,
            span,
            message: bounded(message),
            code: Some(code.to_owned()),
        });
    }
    Ok(project)
}

/// The byte range of the value at a TOML path such as
/// `fact_kinds[1].fields[0].id`, as far as the path can be followed.
pub fn span_of(text: &str, path: &str) -> Option<std::ops::Range<usize>> {
    use toml::de::{DeTable, DeValue};
    let document = DeTable::parse(text).ok()?;
    let mut span = None;
    let mut table: Option<&DeTable<'_>> = Some(document.get_ref());
    let mut value: Option<&DeValue<'_>> = None;
    for segment in path.split('.') {
        let (key, indexes) = match segment.find('[') {
            Some(i) => (&segment[..i], &segment[i..]),
            None => (segment, ""),
        };
        let found = match (table, value) {
            (Some(t), _) => t.get(key),
            (None, Some(DeValue::Table(t))) => t.get(key),
            _ => None,
        };
        let Some(found) = found else {
            break;
        };
        span = Some(found.span());
        let mut current = found.get_ref();
        for index in indexes
            .split(['[', ']'])
            .filter(|s| !s.is_empty())
            .filter_map(|s| s.parse::<usize>().ok())
        {
            let DeValue::Array(items) = current else {
                break;
            };
            let Some(item) = items.get(index) else {
                break;
            };
            span = Some(item.span());
            current = item.get_ref();
        }
        table = None;
        value = Some(current);
    }
    span
}

fn parse_shape(text: &str) -> Result<Project, ParseError> {
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
        // Nesting deeper than toml's recursion limit comes without a place.
        let (line, column) = match (&span, message.as_str()) {
            (None, "recursion limit") => {
                message = "keys or values nested too deeply (toml's recursion limit); a project nests a few levels".to_owned();
                deepest_line(text).unwrap_or((line, column))
            }
            _ => (line, column),
        };
        // A value's own check may name its code: `[code] message`.
        let (code, message) = match message
            .strip_prefix('[')
            .and_then(|rest| rest.split_once("] "))
        {
            Some((code, rest)) if !code.contains(' ') => (Some(code.to_owned()), rest.to_owned()),
            _ => (None, message),
        };
        ParseError {
            line,
            column,
            span,
            message: bounded(message),
            code,
        }
    })
}
