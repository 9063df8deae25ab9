//! Streaming readers of fact files: JSON Lines read as bytes, line by line,
//! and CSV through the `csv` crate. Every record is read or named as bad; a
//! bad record never hides the next one (except where a CSV quote is left open
//! or a CSV record is too long: then where the next record starts cannot be
//! known, and reading ends with that error).

use std::collections::VecDeque;
use std::io::{self, BufRead, Read};

use super::json::parse_json_record;
use std::sync::Arc;

use super::{Fact, Record, RecordError, Shape};
use crate::pseudonym::PseudonymKey;
use crate::vocabulary::Vocabulary;

/// The longest record read, in bytes (1 MiB): a longer line is one bad record,
/// skipped to its end without being held.
pub const MAX_RECORD_BYTES: usize = 1 << 20;

/// How far a JSON line longer than [`MAX_RECORD_BYTES`] is skipped in search of
/// its end (64 MiB): past that, reading stops with an error, so that an endless
/// input such as `/dev/zero` ends.
pub const MAX_SKIP_BYTES: u64 = 64 << 20;

/// How much a CSV reader reads ahead of the record it parses.
const CSV_BUFFER: usize = 64 << 10;

/// The formats facts are read from and written to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One JSON object per line, with the fields of the project's vocabulary.
    JsonLines,
    /// RFC 4180 CSV with a header row naming fields of the project's
    /// vocabulary ([`Vocabulary::columns`]: any subset, any order).
    Csv,
}

/// Reads facts one by one from a [`BufRead`], without holding the whole input.
///
/// It yields `Ok(fact)` or `Err(error)` for every record and goes on after a bad
/// one; the caller chooses whether to stop at the first error or skip and count
/// ([`read_all`](super::read_all) does either). An I/O error ends the input
/// after being reported. Every person value is pseudonymised with the key
/// while the record is read, so a fact never holds a raw one.
#[derive(Debug)]
pub struct FactReader<R> {
    source: Source<R>,
    vocabulary: Arc<Vocabulary>,
    key: PseudonymKey,
    done: bool,
}

#[derive(Debug)]
enum Source<R> {
    Json {
        input: R,
        /// The lines read so far.
        line: u64,
        /// The input's bytes read so far.
        offset: u64,
        buffer: Vec<u8>,
    },
    Csv {
        reader: Box<csv::Reader<Counted<R>>>,
        columns: Option<Vec<String>>,
        record: csv::ByteRecord,
        /// The line the last record started on.
        last: u64,
    },
}

impl<R: BufRead> FactReader<R> {
    /// A reader of `format` over `input`, checking each fact against the
    /// vocabulary and pseudonymising persons with `key`.
    pub fn new(
        input: R,
        format: Format,
        vocabulary: Arc<Vocabulary>,
        key: PseudonymKey,
    ) -> FactReader<R> {
        let source = match format {
            Format::JsonLines => Source::Json {
                input,
                line: 0,
                offset: 0,
                buffer: Vec::new(),
            },
            Format::Csv => Source::Csv {
                reader: Box::new(
                    csv::ReaderBuilder::new()
                        .has_headers(false)
                        .flexible(true)
                        .buffer_capacity(CSV_BUFFER)
                        .from_reader(Counted {
                            input,
                            window: VecDeque::new(),
                            start: 0,
                            lines: 0,
                            read: 0,
                            allowed: (MAX_RECORD_BYTES + CSV_BUFFER) as u64,
                        }),
                ),
                columns: None,
                record: csv::ByteRecord::new(),
                last: 0,
            },
        };
        FactReader {
            source,
            vocabulary,
            key,
            done: false,
        }
    }

    /// The line the record read last starts on (0 before the first).
    pub fn lines_read(&self) -> u64 {
        match &self.source {
            Source::Json { line, .. } => *line,
            Source::Csv { last, .. } => *last,
        }
    }
}

/// One line of JSON Lines, as read.
enum Line {
    /// The line is in the buffer, without its line ending.
    Text,
    /// The line was longer than [`MAX_RECORD_BYTES`] and was skipped.
    TooLong,
    /// No end of the line in [`MAX_SKIP_BYTES`]: reading stops.
    Endless,
}

/// Reads one line into `buffer`, keeping at most [`MAX_RECORD_BYTES`] of it.
/// `None` at the end of the input.
fn read_line<R: BufRead>(input: &mut R, buffer: &mut Vec<u8>) -> Option<io::Result<(Line, u64)>> {
    buffer.clear();
    let mut total = 0_u64;
    let mut too_long = false;
    loop {
        let available = match input.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Some(Err(e)),
        };
        if available.is_empty() {
            break;
        }
        let (take, end) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (available.len(), false),
        };
        if !too_long && buffer.len() + take <= MAX_RECORD_BYTES + 2 {
            buffer.extend_from_slice(&available[..take]);
        } else {
            too_long = true;
            buffer.clear();
        }
        total += take as u64;
        input.consume(take);
        if end {
            break;
        }
        if total > MAX_SKIP_BYTES {
            return Some(Ok((Line::Endless, total)));
        }
    }
    if total == 0 {
        return None;
    }
    if buffer.last() == Some(&b'\n') {
        buffer.pop();
        if buffer.last() == Some(&b'\r') {
            buffer.pop();
        }
    }
    if buffer.len() > MAX_RECORD_BYTES {
        too_long = true;
    }
    Some(Ok((
        if too_long { Line::TooLong } else { Line::Text },
        total,
    )))
}

fn too_long(line: u64) -> RecordError {
    RecordError {
        line,
        field: None,
        message: format!(
            "the record is longer than {MAX_RECORD_BYTES} bytes (1 MiB); it is skipped: a fact takes far less, so this is not a fact"
        ),
    }
}

fn stopped(line: u64, why: &str) -> RecordError {
    RecordError {
        line,
        field: None,
        message: format!("{why}; reading stopped here: this is not a fact file"),
    }
}

fn not_utf8(line: u64, column: usize, byte: u8, offset: u64) -> RecordError {
    RecordError {
        line,
        field: None,
        message: format!(
            "the line is not UTF-8: byte 0x{byte:02x} at byte column {column} (byte {offset} of the input) is not valid; save the file as UTF-8"
        ),
    }
}

impl<R: BufRead> FactReader<R> {
    fn next_jsonl(&mut self) -> Option<Result<Fact, RecordError>> {
        let Source::Json {
            input,
            line,
            offset,
            buffer,
        } = &mut self.source
        else {
            return None;
        };
        loop {
            let start = *offset;
            let read = read_line(input, buffer)?;
            *line += 1;
            let (kind, length) = match read {
                Ok(x) => x,
                Err(e) => {
                    self.done = true;
                    return Some(Err(RecordError {
                        line: *line,
                        field: None,
                        message: format!("cannot read input: {e}"),
                    }));
                }
            };
            *offset += length;
            match kind {
                Line::Text => {}
                Line::TooLong => return Some(Err(too_long(*line))),
                Line::Endless => {
                    self.done = true;
                    return Some(Err(stopped(
                        *line,
                        "the line has no end in its first 64 MiB",
                    )));
                }
            }
            let mut bytes = buffer.as_slice();
            let mut column_base = 0;
            if *line == 1 {
                if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
                    bytes = rest;
                    column_base = 3;
                }
            }
            let text = match std::str::from_utf8(bytes) {
                Ok(t) => t,
                Err(e) => {
                    let at = e.valid_up_to();
                    let byte = bytes.get(at).copied().unwrap_or(0);
                    let column = column_base + at + 1;
                    return Some(Err(not_utf8(
                        *line,
                        column,
                        byte,
                        start + column as u64 - 1,
                    )));
                }
            };
            let text = text.trim();
            if text.is_empty() || text.starts_with("//") {
                continue;
            }
            let at = *line;
            return Some(
                parse_json_record(text)
                    .and_then(|record| record.into_fact(&self.vocabulary, &self.key))
                    .map_err(|e| e.at_line(at)),
            );
        }
    }

    fn next_csv(&mut self) -> Option<Result<Fact, RecordError>> {
        let Source::Csv {
            reader,
            columns,
            record,
            last,
        } = &mut self.source
        else {
            return None;
        };
        loop {
            match reader.read_byte_record(record) {
                Ok(false) => return None,
                Ok(true) => {}
                Err(e) => {
                    self.done = true;
                    let line = reader.get_ref().next_line();
                    *last = line;
                    let long = matches!(e.kind(), csv::ErrorKind::Io(io) if io.kind() == io::ErrorKind::FileTooLarge);
                    return Some(Err(if long {
                        stopped(
                            line,
                            "the record is longer than 1 MiB (a fact takes far less)",
                        )
                    } else {
                        RecordError {
                            line,
                            field: None,
                            message: format!("cannot read input: {e}"),
                        }
                    }));
                }
            }
            let end = reader.position().byte();
            let (line, quotes) = reader.get_mut().record_ends(end);
            *last = line;
            if quotes % 2 == 1 {
                return Some(Err(RecordError {
                    line,
                    field: None,
                    message: "a quoted field is not closed before the end of the input, or a field holds a '\"' outside quotes".to_owned(),
                }));
            }
            if record.iter().all(|f| f.trim_ascii().is_empty()) {
                continue;
            }
            let Some(columns) = columns else {
                match header(record, line, &self.vocabulary) {
                    Ok(c) => {
                        *columns = Some(c);
                        continue;
                    }
                    Err(e) => {
                        self.done = true;
                        return Some(Err(e));
                    }
                }
            };
            if record.len() != columns.len() {
                return Some(Err(RecordError {
                    line,
                    field: None,
                    message: format!(
                        "{} fields, but the header names {}",
                        record.len(),
                        columns.len()
                    ),
                }));
            }
            let mut fact = Record::default();
            for (value, name) in record.iter().zip(columns.iter()) {
                let value = match std::str::from_utf8(value) {
                    Ok(v) => v,
                    Err(e) => {
                        let at = e.valid_up_to();
                        let byte = value.get(at).copied().unwrap_or(0);
                        return Some(Err(RecordError {
                            line,
                            field: Some(name.to_owned()),
                            message: format!(
                                "the row is not UTF-8: byte 0x{byte:02x} at byte {} of the field is not valid; save the file as UTF-8",
                                at + 1
                            ),
                        }));
                    }
                };
                if !value.is_empty() {
                    fact.set(name, value, Shape::Text);
                }
            }
            return Some(
                fact.into_fact(&self.vocabulary, &self.key)
                    .map_err(|e| e.at_line(line)),
            );
        }
    }
}

/// The columns a header names: fields of the vocabulary.
fn header(
    record: &csv::ByteRecord,
    line: u64,
    vocabulary: &Vocabulary,
) -> Result<Vec<String>, RecordError> {
    let known = vocabulary.columns();
    let mut columns = Vec::with_capacity(record.len());
    for (i, name) in record.iter().enumerate() {
        let name = if i == 0 {
            name.strip_prefix(b"\xef\xbb\xbf").unwrap_or(name)
        } else {
            name
        };
        let Ok(name) = std::str::from_utf8(name) else {
            return Err(RecordError {
                line,
                field: None,
                message: "the header is not UTF-8; save the file as UTF-8".to_owned(),
            });
        };
        let name = name.trim();
        let Some(column) = known.iter().find(|c| *c == name).cloned() else {
            return Err(RecordError {
                line,
                field: (!super::may_be_personal(name)).then(|| super::bounded(name)),
                message: format!(
                    "unknown column {} in the header; expected some of: {}",
                    super::shown(name),
                    known.join(", ")
                ),
            });
        };
        if columns.contains(&column) {
            return Err(RecordError {
                line,
                field: Some(name.to_owned()),
                message: format!("the header names the column {name} twice; name each column once"),
            });
        }
        columns.push(column);
    }
    Ok(columns)
}

impl<R: BufRead> Iterator for FactReader<R> {
    type Item = Result<Fact, RecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let item = match self.source {
            Source::Json { .. } => self.next_jsonl(),
            Source::Csv { .. } => self.next_csv(),
        };
        if item.is_none() {
            self.done = true;
        }
        item
    }
}

/// The input of a CSV reader. It keeps the bytes read but not yet parsed, so
/// that each record's line and quotes are counted from its own text (an odd
/// count of quotes means a quoted field left open), and refuses to read past
/// `allowed`, so that a record never grows without bound.
#[derive(Debug)]
struct Counted<R> {
    input: R,
    /// The bytes read from `start` on.
    window: VecDeque<u8>,
    /// The offset of the window's first byte.
    start: u64,
    /// The newlines before `start`.
    lines: u64,
    /// The bytes read.
    read: u64,
    /// How far reading may go.
    allowed: u64,
}

impl<R> Counted<R> {
    /// The line of a record that would start at the window's first byte.
    fn next_line(&self) -> u64 {
        let blank = self
            .window
            .iter()
            .take_while(|&&b| b == b'\r' || b == b'\n')
            .filter(|&&b| b == b'\n')
            .count() as u64;
        self.lines + blank + 1
    }

    /// A record was parsed up to `end`: its first line and its quotes.
    fn record_ends(&mut self, end: u64) -> (u64, u64) {
        let line = self.next_line();
        let n = usize::try_from(end.saturating_sub(self.start))
            .unwrap_or(usize::MAX)
            .min(self.window.len());
        let mut quotes = 0_u64;
        for b in self.window.drain(..n) {
            match b {
                b'\n' => self.lines += 1,
                b'"' => quotes += 1,
                _ => {}
            }
        }
        self.start += n as u64;
        self.allowed = self.start + (MAX_RECORD_BYTES + CSV_BUFFER) as u64;
        (line, quotes)
    }
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let room = self.allowed.saturating_sub(self.read);
        if room == 0 {
            return Err(io::Error::new(
                io::ErrorKind::FileTooLarge,
                "the record is too long",
            ));
        }
        let cap = usize::try_from(room).unwrap_or(usize::MAX).min(buf.len());
        let n = self.input.read(&mut buf[..cap])?;
        self.window.extend(&buf[..n]);
        self.read += n as u64;
        Ok(n)
    }
}
