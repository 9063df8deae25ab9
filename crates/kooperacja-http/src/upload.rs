//! What an upload of filled-in sheets is and answers, shared by the API
//! (`api::imports`) and the dashboard's upload page (`dashboard::upload`):
//! the name of its file parts, each bad cell, the result, and the paths.

use serde::Serialize;
use utoipa::ToSchema;

/// The name of the form's parts that carry files.
pub const FILE_PART: &str = "file";

/// One bad cell (or row, or sheet, or file) of an upload, as a refused
/// upload lists it: where it is, as the spreadsheet shows it, and what is
/// wrong, in the request's language. It never quotes the value of a person
/// column or a value that may be personal data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct ImportCell {
    /// The file's name, as the upload gave it.
    pub file: String,
    /// The sheet's name (a CSV file's one sheet is named after the file);
    /// absent for a file that cannot be read at all.
    pub sheet: Option<String>,
    /// The row as the spreadsheet numbers it (from 1); absent for a problem
    /// of a whole sheet or column.
    pub row: Option<u32>,
    /// The column's letter (`A`, `AB`); absent for a problem of a whole row.
    pub column: Option<String>,
    /// The column's header, as written.
    pub header: Option<String>,
    /// A stable code (`import.not-a-date`, `import.personal-data`, or for
    /// the server's own rules `forbidden`, `conflict`).
    pub code: String,
    /// What is wrong and what was expected.
    pub message: String,
    /// A JSON pointer (RFC 6901) to the cell: `/{file}/{sheet}/{row}/{column}`,
    /// each segment escaped (`~0`, `~1`); an absent row before a column is
    /// an empty segment, and absent parts at the end are left out.
    pub pointer: String,
}

/// What storing an upload did: as a batch answers, and where each fact came from.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportResult {
    /// Facts stored now.
    pub created: u64,
    /// Facts already stored with the same content (the same sheet uploaded again).
    pub duplicates: u64,
    /// Each fact, in the files' order.
    pub results: Vec<ImportItem>,
    /// What core noted while reading that is not a problem (an empty row skipped).
    pub notes: Vec<ImportCell>,
}

/// One fact of an upload.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportItem {
    /// The fact's id (the sheet's `id` column, or the stable id of its content).
    pub id: String,
    /// Its storage sequence.
    pub seq: i64,
    /// `created` or `duplicate`.
    pub result: &'static str,
    /// The file it came from.
    pub file: String,
    /// The sheet.
    pub sheet: String,
    /// The row, from 1.
    pub row: Option<u32>,
}

/// Percent-encodes one path segment (everything but RFC 3986's unreserved characters).
pub fn encode_segment(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
