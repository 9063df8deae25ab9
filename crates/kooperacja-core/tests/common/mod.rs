//! What the import tests (`tests/import_*.rs`) share: the three fixture
//! projects, a fixed pseudonym key, sheets written as real XLSX files with
//! rust_xlsxwriter, the import of a file's bytes as an adapter does it
//! (`read_upload`, then `import`), the report of problems in both languages
//! for the snapshots, and the privacy check every test of a bad sheet makes.

// Each test binary uses a different part of this module.
#![allow(dead_code)]

use kooperacja_core::import::{
    CellProblem, CellRef, ImportNote, ImportOptions, Imported, import, read_upload,
};
use kooperacja_core::present::Lang;
use kooperacja_core::project::Project;
use kooperacja_core::pseudonym::PseudonymKey;

/// The fixtures directory.
pub const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures");

/// The three fixture projects, by a short name.
pub const PROJECTS: [(&str, &str); 3] = [
    ("kooperacja", "projects/kooperacja-makroregion-ii.toml"),
    ("koordynacja", "projects/koordynacja-kujawy-pomorze.toml"),
    (
        "kooperacje-3d",
        "projects/kooperacje-3d-makroregion-iii.toml",
    ),
];

/// A fixture project by its short name (see [`PROJECTS`]).
pub fn project(name: &str) -> Project {
    let (_, path) = PROJECTS
        .iter()
        .find(|(n, _)| *n == name)
        .expect("a fixture of that name");
    let text = std::fs::read_to_string(format!("{FIXTURES}/{path}")).expect("fixture readable");
    Project::parse(&text).expect("fixture parses")
}

/// The pseudonym key of every import test (fixed, so the pseudonyms a test
/// expects can be computed).
pub fn key() -> PseudonymKey {
    PseudonymKey::from_bytes([7; 32])
}

/// One cell to write into a test's XLSX file, as a coordinator would type it.
#[derive(Debug, Clone)]
pub enum W {
    /// Nothing (the cell is not written).
    Blank,
    /// A text cell.
    T(String),
    /// A number cell. The XLSX format stores numbers as binary floating
    /// point; this is what a spreadsheet writes, never arithmetic on money.
    N(f64),
    /// A date cell (a number with a date format, as spreadsheets store dates).
    D(u16, u8, u8),
    /// A formula.
    F(String),
    /// A true/false cell.
    B(bool),
}

/// A text cell.
pub fn t(text: &str) -> W {
    W::T(text.to_owned())
}

/// A sheet to write: its name, its rows from row 1 (each from column A) and
/// its merged ranges (0-based, inclusive: first row, first column, last row,
/// last column).
#[derive(Debug, Clone)]
pub struct SheetSpec {
    /// The sheet's name.
    pub name: String,
    /// The rows.
    pub rows: Vec<Vec<W>>,
    /// The merged ranges.
    pub merged: Vec<(u32, u16, u32, u16)>,
}

impl SheetSpec {
    /// A sheet of these rows, nothing merged.
    pub fn new(name: &str, rows: Vec<Vec<W>>) -> SheetSpec {
        SheetSpec {
            name: name.to_owned(),
            rows,
            merged: Vec::new(),
        }
    }
}

/// The bytes of an XLSX workbook of these sheets, written by rust_xlsxwriter.
pub fn xlsx(sheets: &[SheetSpec]) -> Vec<u8> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for spec in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(&spec.name).expect("a sheet name");
        for &(r1, c1, r2, c2) in &spec.merged {
            let first = spec
                .rows
                .get(r1 as usize)
                .and_then(|row| row.get(c1 as usize));
            let text = match first {
                Some(W::T(text)) => text.clone(),
                _ => String::new(),
            };
            sheet
                .merge_range(r1, c1, r2, c2, &text, &Format::new())
                .expect("a merged range");
        }
        for (r, row) in spec.rows.iter().enumerate() {
            let r = u32::try_from(r).expect("few rows");
            for (c, cell) in row.iter().enumerate() {
                let c = u16::try_from(c).expect("few columns");
                let inside_merge = spec
                    .merged
                    .iter()
                    .any(|&(r1, c1, r2, c2)| (r1..=r2).contains(&r) && (c1..=c2).contains(&c));
                if inside_merge {
                    continue;
                }
                match cell {
                    W::Blank => {}
                    W::T(text) => {
                        sheet.write_string(r, c, text).expect("write");
                    }
                    W::N(n) => {
                        sheet.write_number(r, c, *n).expect("write");
                    }
                    W::D(y, m, d) => {
                        let day = ExcelDateTime::from_ymd(*y, *m, *d).expect("a date");
                        sheet
                            .write_datetime_with_format(r, c, &day, &date)
                            .expect("write");
                    }
                    W::F(formula) => {
                        sheet.write_formula(r, c, formula.as_str()).expect("write");
                    }
                    W::B(b) => {
                        sheet.write_boolean(r, c, *b).expect("write");
                    }
                }
            }
        }
    }
    book.save_to_buffer().expect("an XLSX file")
}

/// Options of an import of `kind` (or any kind, with `None`) in `lang`.
pub fn options(kind: Option<&str>, lang: Lang) -> ImportOptions {
    ImportOptions {
        kind: kind.map(str::to_owned),
        lang,
        ..ImportOptions::default()
    }
}

/// Reads `bytes` as the file `file` (`read_upload`, as the adapters do) and
/// imports it into `project`.
pub fn import_file(
    file: &str,
    bytes: &[u8],
    project: &Project,
    options: &ImportOptions,
) -> Result<Imported, Vec<CellProblem>> {
    let workbook = match read_upload(file, bytes) {
        Ok(workbook) => workbook,
        Err(e) => panic!("{file} cannot be read: {} {e}", e.code),
    };
    import(&[workbook], project, options, &key())
}

/// The problems of a file that must be refused, in `lang`.
pub fn problems_in(
    file: &str,
    bytes: &[u8],
    project: &Project,
    options: &ImportOptions,
) -> Vec<CellProblem> {
    match import_file(file, bytes, project, options) {
        Ok(imported) => panic!(
            "{file} was imported ({} facts), but it must be refused",
            imported.facts.len()
        ),
        Err(problems) => problems,
    }
}

fn place(at: &CellRef) -> String {
    let mut text = format!("{} › {}", at.file, at.sheet);
    if let Some(row) = at.row {
        text.push_str(&format!(" › row {row}"));
    }
    if let Some(column) = &at.column {
        text.push_str(&format!(" › column {column}"));
    }
    if let Some(header) = &at.header {
        text.push_str(&format!(" ({header:?})"));
    }
    text
}

/// The problems of a file refused in both languages, as the snapshots keep
/// them: for each, where, its code, and its message in Polish and English.
/// Asserts that both languages report the same problems at the same places,
/// in the same order, and that none of `secrets` (the person values the test
/// put into the sheet) appears anywhere in a problem.
pub fn refused(
    file: &str,
    bytes: &[u8],
    project: &Project,
    options: &ImportOptions,
    secrets: &[&str],
) -> (Vec<CellProblem>, String) {
    let mut pl = options.clone();
    pl.lang = Lang::Pl;
    let mut en = options.clone();
    en.lang = Lang::En;
    let in_pl = problems_in(file, bytes, project, &pl);
    let in_en = problems_in(file, bytes, project, &en);
    let places = |ps: &[CellProblem]| -> Vec<(CellRef, &'static str)> {
        ps.iter().map(|p| (p.at.clone(), p.code)).collect()
    };
    assert_eq!(
        places(&in_pl),
        places(&in_en),
        "the same problems in both languages"
    );
    assert_private(&in_pl, secrets);
    assert_private(&in_en, secrets);
    assert_in_order(&in_pl);
    let mut report = String::new();
    for (p, e) in in_pl.iter().zip(&in_en) {
        report.push_str(&format!(
            "{}\n  {}\n  pl: {}\n  en: {}\n",
            place(&p.at),
            p.code,
            p.message,
            e.message
        ));
    }
    (in_pl, report)
}

/// The notes of an import, one line each, as the snapshots keep them.
pub fn notes_report(notes: &[ImportNote]) -> String {
    notes
        .iter()
        .map(|n| format!("{}\n  {}\n  {}\n", place(&n.at), n.code, n.message))
        .collect()
}

/// Asserts that no problem quotes any of `secrets` (in its message, its
/// header or anywhere else it holds), nor a lower-case or upper-case form.
pub fn assert_private(problems: &[CellProblem], secrets: &[&str]) {
    for problem in problems {
        let all = format!("{problem:?}");
        for secret in secrets {
            for form in [
                (*secret).to_owned(),
                secret.to_lowercase(),
                secret.to_uppercase(),
            ] {
                assert!(
                    !all.contains(&form),
                    "a problem quotes the person value {secret:?}: {all}"
                );
            }
        }
    }
}

/// Asserts that the problems come in the order of file, sheet, row and
/// column (the file's and sheet's order as given; a sheet's own problems
/// before its rows'; a row's own before its cells').
pub fn assert_in_order(problems: &[CellProblem]) {
    fn column_number(letters: &str) -> u32 {
        letters
            .bytes()
            .fold(0, |n, b| n * 26 + u32::from(b - b'A') + 1)
    }
    let mut files: Vec<&str> = Vec::new();
    let mut sheets: Vec<(&str, &str)> = Vec::new();
    for p in problems {
        if !files.contains(&p.at.file.as_str()) {
            files.push(&p.at.file);
        }
        if !sheets.contains(&(p.at.file.as_str(), p.at.sheet.as_str())) {
            sheets.push((&p.at.file, &p.at.sheet));
        }
    }
    let rank = |p: &CellProblem| {
        (
            files.iter().position(|f| *f == p.at.file),
            sheets
                .iter()
                .position(|s| *s == (p.at.file.as_str(), p.at.sheet.as_str())),
            p.at.row.unwrap_or(0),
            p.at.column.as_deref().map_or(0, column_number),
        )
    };
    for pair in problems.windows(2) {
        assert!(
            rank(&pair[0]) <= rank(&pair[1]),
            "problems out of order: {:?} before {:?}",
            pair[0].at,
            pair[1].at
        );
    }
}

/// The one problem of this code; fails when there is none or more than one.
pub fn the_one<'a>(problems: &'a [CellProblem], code: &str) -> &'a CellProblem {
    let found: Vec<&CellProblem> = problems.iter().filter(|p| p.code == code).collect();
    assert_eq!(found.len(), 1, "one {code} problem in {problems:#?}");
    found[0]
}

/// The facts of an import as their JSON lines, in order.
pub fn json_lines(imported: &Imported) -> Vec<String> {
    imported
        .facts
        .iter()
        .map(|f| kooperacja_core::facts::to_json_line(&f.to_record()))
        .collect()
}

/// Whether a test that needs an external tool runs: `found` says whether the
/// tool is there. Without it the test is skipped with a visible line, unless
/// `KOOPERACJA_REQUIRE_EXTERNAL=1` (set by `.ci/run`), which fails it (the
/// rule of the export tests, `crates/kooperacja-export/tests/common`).
#[allow(clippy::print_stderr)] // a skipped check must show in the test output
pub fn external_tool(found: bool, tool: &str, install: &str) -> bool {
    if !found {
        assert!(
            std::env::var("KOOPERACJA_REQUIRE_EXTERNAL").as_deref() != Ok("1"),
            "{tool} not found, and KOOPERACJA_REQUIRE_EXTERNAL=1 requires it ({install})"
        );
        eprintln!("SKIPPED: {tool} not found ({install})");
    }
    found
}
