//! The upload of filled-in sheets: `POST /v1/projects/{id}/fact-imports`
//! (multipart XLSX or CSV files), and the same upload from the dashboard's
//! form, which answers a page ([`crate::dashboard::upload`]).
//!
//! Every rule about cells, headers, dialects, ids and privacy is core's
//! ([`kooperacja_core::import`]): this module reads the form, hands the
//! files' bytes to [`read_upload_in`] and the workbooks to [`import`], then
//! applies the server's own rules to every fact as a batch does (the
//! token's rights, the project's value; core's fact check again) and writes
//! them through the writer as ONE request: one transaction, idempotent by
//! id (the same sheet again stores nothing new). All or nothing: a problem
//! anywhere refuses the whole upload, and the answer lists every problem,
//! each by file, sheet, row and column (`import-problems`).

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::multipart::{MultipartError, MultipartRejection};
use axum::extract::rejection::PathRejection;
use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use kooperacja_core::facts::{bounded, shown};
use kooperacja_core::import::{
    Cell, CellRef, ImportOptions, Workbook, base_header, field_header, import, read_upload_in,
};
use kooperacja_core::present::{Lang, label};

use super::facts::{Parsed, admit, escape_pointer, refused};
use super::reads::json;
use super::{path, project, required_actor};
use crate::access::Actor;
use crate::app::AppState;
use crate::limits::{MAX_BATCH_FACTS, MAX_FORM_TEXT_CHARS, MAX_UPLOAD_BYTES, MAX_UPLOAD_FILES};
use crate::problem::{Problem, lang_of};
use crate::state::ProjectState;
use crate::upload::{FILE_PART, ImportCell, ImportItem, ImportResult};
use crate::writer::{AuditRow, Incoming, Outcome, status_of};

/// What an upload form sent.
#[derive(Debug, Default)]
pub struct Upload {
    /// The files: each part's file name (the base name, made unique in the
    /// upload) and its bytes.
    pub files: Vec<(String, Bytes)>,
    /// The kind of the rows, if the form names one (`kind`).
    pub kind: Option<String>,
    /// The token, for the dashboard's form (`token`).
    pub token: Option<String>,
}

/// Which form is read: the API's (`file`, `kind`) or the dashboard's, which
/// also carries the token (`token`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// `POST /v1/projects/{id}/fact-imports`.
    Api,
    /// The dashboard's upload form.
    Page,
}

/// Why an upload stored nothing.
#[derive(Debug)]
pub enum Refusal {
    /// The request as a whole (the form, the token, a limit).
    Problem(Box<Problem>),
    /// Its cells: every problem, in order.
    Cells(Vec<ImportCell>),
}

impl From<Problem> for Refusal {
    fn from(p: Problem) -> Refusal {
        Refusal::Problem(Box::new(p))
    }
}

fn too_large() -> Problem {
    Problem::said(
        StatusCode::PAYLOAD_TOO_LARGE,
        "too-large",
        kooperacja_core::present::message::BODY_TOO_LARGE,
        &[&MAX_UPLOAD_BYTES],
    )
}

fn multipart_problem(e: &MultipartError) -> Problem {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        too_large()
    } else {
        Problem::bad_request_said(label::UPLOAD_CANNOT_BE_READ, &[&e.body_text()])
    }
}

/// The base name of a part's file name (a browser may send a path), or
/// `file-N` when it has none; made unique within the upload (`a.csv`,
/// `a (2).csv`), so that every pointer names one file.
fn file_name(given: Option<&str>, n: usize, taken: &[(String, Bytes)]) -> String {
    let base = given
        .map(|g| g.rsplit(['/', '\\']).next().unwrap_or(g).trim())
        .filter(|g| !g.is_empty())
        .map_or_else(|| format!("{FILE_PART}-{n}"), |g| bounded(g).to_string());
    let mut name = base.clone();
    let mut k = 2;
    while taken.iter().any(|(t, _)| *t == name) {
        name = match base.rsplit_once('.') {
            Some((stem, ext)) if !stem.is_empty() => format!("{stem} ({k}).{ext}"),
            _ => format!("{base} ({k})"),
        };
        k += 1;
    }
    name
}

async fn text_part(field: axum::extract::multipart::Field<'_>) -> Result<Option<String>, Problem> {
    let name = field.name().unwrap_or_default().to_owned();
    let text = field.text().await.map_err(|e| multipart_problem(&e))?;
    if text.chars().count() > MAX_FORM_TEXT_CHARS {
        return Err(Problem::bad_request_said(
            label::UPLOAD_PART_TOO_LONG,
            &[&name, &MAX_FORM_TEXT_CHARS],
        ));
    }
    let text = text.trim();
    Ok((!text.is_empty()).then(|| text.to_owned()))
}

/// Reads an upload form: its `file` parts (a part with no file chosen, as a
/// browser sends it, is skipped), `kind`, and for the dashboard's form
/// `token`. 415 for a body that is not multipart, 413 over the limits, 400
/// for another part or a form that cannot be read.
pub async fn read_form(
    multipart: Result<Multipart, MultipartRejection>,
    form: Form,
) -> Result<Upload, Problem> {
    let mut multipart = multipart.map_err(|_| {
        Problem::said(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported-media-type",
            label::UPLOAD_NOT_MULTIPART,
            &[],
        )
    })?;
    let mut upload = Upload::default();
    let mut parts = 0_usize;
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|e| multipart_problem(&e))?
    {
        let name = field.name().unwrap_or_default().to_owned();
        match (name.as_str(), form) {
            (FILE_PART, _) => {
                parts += 1;
                let given = field.file_name().map(str::to_owned);
                let bytes = field.bytes().await.map_err(|e| multipart_problem(&e))?;
                if bytes.is_empty() && given.as_deref().is_none_or(|g| g.trim().is_empty()) {
                    continue;
                }
                if upload.files.len() >= MAX_UPLOAD_FILES {
                    return Err(Problem::said(
                        StatusCode::PAYLOAD_TOO_LARGE,
                        "too-large",
                        label::UPLOAD_TOO_MANY_FILES,
                        &[&(upload.files.len() + 1), &MAX_UPLOAD_FILES],
                    ));
                }
                let name = file_name(given.as_deref(), parts, &upload.files);
                upload.files.push((name, bytes));
            }
            ("kind", _) => upload.kind = text_part(field).await?,
            ("token", Form::Page) => upload.token = text_part(field).await?,
            _ => {
                let known = match form {
                    Form::Api => [FILE_PART, "kind"].join(", "),
                    Form::Page => [FILE_PART, "kind", "token"].join(", "),
                };
                return Err(Problem::bad_request_said(
                    label::UPLOAD_UNKNOWN_PART,
                    &[&shown(&name), &known],
                ));
            }
        }
    }
    if upload.files.is_empty() {
        return Err(Problem::bad_request_said(
            label::UPLOAD_NO_FILE,
            &[&FILE_PART],
        ));
    }
    Ok(upload)
}

/// The pointer of a place in an upload: `/{file}/{sheet}/{row}/{column}`,
/// each segment escaped; an absent row before a column is an empty segment,
/// absent parts at the end are left out.
pub fn cell_pointer(
    file: &str,
    sheet: Option<&str>,
    row: Option<u32>,
    column: Option<&str>,
) -> String {
    let mut segments = vec![file.to_owned()];
    if let Some(sheet) = sheet {
        segments.push(sheet.to_owned());
        match (row, column) {
            (Some(r), Some(c)) => segments.extend([r.to_string(), c.to_owned()]),
            (Some(r), None) => segments.push(r.to_string()),
            (None, Some(c)) => segments.extend([String::new(), c.to_owned()]),
            (None, None) => {}
        }
    }
    segments
        .iter()
        .map(|s| format!("/{}", escape_pointer(s)))
        .collect()
}

fn cell_of(at: &CellRef, code: &str, message: String) -> ImportCell {
    ImportCell {
        pointer: cell_pointer(&at.file, Some(&at.sheet), at.row, at.column.as_deref()),
        file: at.file.clone(),
        sheet: Some(at.sheet.clone()),
        row: at.row,
        column: at.column.clone(),
        header: at.header.clone(),
        code: code.to_owned(),
        message,
    }
}

/// A column's letters (`A`, `Z`, `AA`) from its index from 0.
fn letters(mut index: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + u8::try_from(index % 26).unwrap_or(0));
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// The column of a row's sheet whose header names `field` (its id, or its
/// Polish or English header, as core reads headers), with that header.
fn column_of(
    workbooks: &[Workbook],
    at: &CellRef,
    field: &str,
    project: &ProjectState,
    kind: &str,
) -> Option<(String, String)> {
    let sheet = workbooks
        .iter()
        .find(|w| w.file == at.file)?
        .sheets
        .iter()
        .find(|s| s.name == at.sheet)?;
    let headers = sheet
        .rows
        .iter()
        .find(|r| r.iter().any(|c| !matches!(c, Cell::Empty)))?;
    let mut names = vec![field.to_lowercase()];
    for lang in Lang::ALL {
        if let Some(h) = base_header(field, lang) {
            names.push(h.to_lowercase());
        }
        if let Some(decl) = project
            .project
            .vocabulary()
            .kind(kind)
            .and_then(|k| k.field(field))
        {
            names.push(field_header(decl, lang).to_lowercase());
        }
    }
    headers.iter().enumerate().find_map(|(i, c)| match c {
        Cell::Text(t) if names.contains(&t.trim().to_lowercase()) => Some((letters(i), t.clone())),
        _ => None,
    })
}

/// A problem of the server's own rules (rights, the project's value, the
/// writer's conflict) at the row of the fact it refuses, in the column of the
/// field it blames when the sheet has one.
fn row_problem(
    problem: &Problem,
    at: &CellRef,
    workbooks: &[Workbook],
    project: &ProjectState,
    kind: &str,
    lang: Lang,
) -> ImportCell {
    let field = problem
        .pointer
        .as_deref()
        .and_then(|p| p.rsplit('/').next())
        .filter(|f| !f.is_empty());
    let mut at = at.clone();
    if let Some((column, header)) = field.and_then(|f| column_of(workbooks, &at, f, project, kind))
    {
        at.column = Some(column);
        at.header = Some(header);
    }
    let message = match &problem.said {
        Some(said) => {
            let mut said = said.clone();
            said.in_batch = None;
            said.in_lang(lang)
        }
        None => problem.detail.clone(),
    };
    let code = problem.findings.first().map_or_else(
        || {
            problem
                .kind
                .strip_prefix("urn:kooperacja:problem:")
                .unwrap_or(&problem.kind)
                .to_owned()
        },
        |f| f.code.clone(),
    );
    cell_of(&at, &code, message)
}

/// Every value of the files' cells (headers too: a name may be typed into
/// the header row) that has the shape of personal data (a run of nine or
/// more digits, an `@`, or two or more capitalised words), and its words,
/// longest first: a backstop that removes them from every message and
/// header, whatever core wrote (core's messages are written not to quote
/// them).
fn personal_values(workbooks: &[Workbook]) -> Vec<String> {
    fn capitalised(word: &str) -> bool {
        let mut chars = word.chars();
        chars.next().is_some_and(char::is_uppercase)
            && word.chars().count() > 2
            && chars.all(char::is_alphabetic)
    }
    let mut out = Vec::new();
    for sheet in workbooks.iter().flat_map(|w| &w.sheets) {
        for cell in sheet.rows.iter().flatten() {
            let (Cell::Text(text) | Cell::Number(text)) = cell else {
                continue;
            };
            let mut run = 0;
            let digits = text.chars().any(|c| {
                run = if c.is_ascii_digit() { run + 1 } else { 0 };
                run >= 9
            });
            let words: Vec<&str> = text.split_whitespace().collect();
            let names = words.iter().filter(|w| capitalised(w)).count() >= 2;
            if digits || text.contains('@') || names {
                out.push(text.trim().to_owned());
                out.extend(
                    words
                        .iter()
                        .filter(|w| w.chars().count() >= 3)
                        .map(|w| (*w).to_owned()),
                );
            }
        }
    }
    out.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    out.dedup();
    out
}

fn scrub(cells: &mut [ImportCell], values: &[String]) {
    for cell in cells {
        cell.message = crate::redact::redact(&cell.message, values);
        if let Some(header) = &mut cell.header {
            *header = crate::redact::redact(header, values);
        }
    }
}

/// An upload ready to store: the facts, the row each came from, core's
/// notes, and the workbooks (to name the column of a later refusal).
struct Prepared {
    facts: Vec<Incoming>,
    rows: Vec<CellRef>,
    notes: Vec<ImportCell>,
    workbooks: Vec<Workbook>,
}

/// Reads, imports and admits an upload (blocking work: run off the async
/// threads): the facts to store with the row each came from, and the notes;
/// or every problem.
fn prepare(
    state: &AppState,
    project: &ProjectState,
    actor: &Actor,
    upload: &Upload,
    lang: Lang,
) -> Result<Prepared, Refusal> {
    let mut cells = Vec::new();
    let mut workbooks = Vec::with_capacity(upload.files.len());
    for (name, bytes) in &upload.files {
        match read_upload_in(name, bytes, lang) {
            Ok(w) => workbooks.push(w),
            Err(e) => cells.push(ImportCell {
                pointer: cell_pointer(&e.file, None, None, None),
                file: e.file,
                sheet: None,
                row: None,
                column: None,
                header: None,
                code: e.code.to_owned(),
                message: e.message,
            }),
        }
    }
    let personal = personal_values(&workbooks);
    let options = ImportOptions {
        kind: upload.kind.clone(),
        by: Some(actor.org.clone()),
        lang,
    };
    let imported = match import(&workbooks, &project.project, &options, state.secret.key()) {
        Ok(imported) => Some(imported),
        Err(problems) => {
            cells.extend(
                problems
                    .into_iter()
                    .map(|p| cell_of(&p.at, p.code, p.message)),
            );
            None
        }
    };
    let Some(imported) = imported.filter(|_| cells.is_empty()) else {
        scrub(&mut cells, &personal);
        return Err(Refusal::Cells(cells));
    };
    if imported.facts.len() > MAX_BATCH_FACTS {
        return Err(Refusal::from(Problem::said(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too-large",
            label::UPLOAD_TOO_MANY_FACTS,
            &[&imported.facts.len(), &MAX_BATCH_FACTS],
        )));
    }
    let mut notes: Vec<ImportCell> = imported
        .notes
        .iter()
        .map(|n| cell_of(&n.at, n.code, n.message.clone()))
        .collect();
    scrub(&mut notes, &personal);
    let mut admitted = Vec::with_capacity(imported.facts.len());
    let vocabulary = project.project.vocabulary();
    for ((fact, at), note) in imported
        .facts
        .into_iter()
        .zip(&imported.rows)
        .zip(imported.fact_notes)
    {
        let kind = fact.kind().to_owned();
        // The note column's text is stored with the fact, within the limit
        // of a note sent as JSON.
        if note
            .as_ref()
            .is_some_and(|n| n.chars().count() > crate::limits::MAX_NOTE_CHARS)
        {
            let p = Problem::bad_request_said(
                kooperacja_core::present::message::NOTE_TOO_LONG,
                &[&crate::limits::MAX_NOTE_CHARS],
            )
            .at("/note");
            cells.push(row_problem(&p, at, &workbooks, project, &kind, lang));
            continue;
        }
        // The API's backstop, as for a fact sent as JSON: no field but a
        // person field holds an 11-digit run.
        if let Some(field) = super::facts::personal_data(&fact.to_record(), vocabulary) {
            let p = super::facts::personal_data_problem(&field);
            cells.push(row_problem(&p, at, &workbooks, project, &kind, lang));
            continue;
        }
        match admit(state, project, actor, Parsed { fact, note }) {
            Ok(incoming) => admitted.push(incoming),
            Err(p) => cells.push(row_problem(&p, at, &workbooks, project, &kind, lang)),
        }
    }
    if !cells.is_empty() {
        scrub(&mut cells, &personal);
        return Err(Refusal::Cells(cells));
    }
    Ok(Prepared {
        facts: admitted,
        rows: imported.rows,
        notes,
        workbooks,
    })
}

/// What the audit trail keeps of a refused upload: how many problems and
/// their codes, never a value.
fn audit_note(cells: &[ImportCell]) -> String {
    let mut codes: BTreeMap<&str, usize> = BTreeMap::new();
    for cell in cells {
        *codes.entry(cell.code.as_str()).or_default() += 1;
    }
    let codes: Vec<String> = codes.iter().map(|(c, n)| format!("{c} {n}")).collect();
    format!("import-problems: {} ({})", cells.len(), codes.join(", "))
}

/// Imports an upload for `actor` into `project`, all or nothing: the status
/// (201 if a fact is new, 200 if every one was stored before) and the
/// result; or why nothing was stored (audited).
pub async fn run(
    state: &Arc<AppState>,
    project: &Arc<ProjectState>,
    actor: &Actor,
    upload: Upload,
    lang: Lang,
) -> Result<(StatusCode, ImportResult), Refusal> {
    let (s, p, a) = (state.clone(), project.clone(), actor.clone());
    let prepared = tokio::task::spawn_blocking(move || prepare(&s, &p, &a, &upload, lang))
        .await
        .map_err(|e| {
            Problem::internal_said(
                kooperacja_core::present::message::DATABASE_TASK_FAILED,
                &[&e],
            )
        })?;
    let Prepared {
        facts,
        rows,
        notes,
        workbooks,
    } = match prepared {
        Ok(p) => p,
        Err(Refusal::Cells(cells)) => {
            let row = AuditRow {
                project: project.id().to_owned(),
                actor: actor.clone(),
                action: "import",
                fact_id: None,
                result: "invalid",
                status: 422,
                detail: Some(audit_note(&cells)),
            };
            return match state.writer.audit(vec![row]).await {
                Ok(()) => Err(Refusal::Cells(cells)),
                Err(e) => Err(Refusal::from(e)),
            };
        }
        Err(Refusal::Problem(p)) => {
            return Err(Refusal::from(
                refused(state, project, actor, None, "import", *p).await,
            ));
        }
    };
    let kinds: Vec<String> = facts.iter().map(|f| f.fact.kind().to_owned()).collect();
    let appended = match state
        .writer
        .append(project.clone(), actor.clone(), facts, true)
        .await
    {
        Ok(a) => a,
        Err(p) => {
            // A fact the writer refused (its id stored with other content,
            // the spending limit): the whole upload, at that fact's row.
            return Err(
                match p.index.and_then(|i| Some((rows.get(i)?, kinds.get(i)?))) {
                    Some((at, kind)) => {
                        Refusal::Cells(vec![row_problem(&p, at, &workbooks, project, kind, lang)])
                    }
                    None => Refusal::from(p),
                },
            );
        }
    };
    let status = status_of(&appended.outcomes);
    let (created, duplicates) = Outcome::tally(&appended.outcomes);
    let mut result = ImportResult {
        created,
        duplicates,
        results: Vec::with_capacity(appended.outcomes.len()),
        notes,
    };
    for ((outcome, incoming), at) in appended.outcomes.iter().zip(appended.facts).zip(rows) {
        result.results.push(ImportItem {
            id: incoming.fact.id,
            seq: outcome.seq(),
            result: outcome.word(),
            file: at.file,
            sheet: at.sheet,
            row: at.row,
        });
    }
    Ok((status, result))
}

/// The problem document of a refused upload: `import-problems`, every cell.
pub fn cells_problem(cells: Vec<ImportCell>) -> Problem {
    let mut problem = Problem::said(
        StatusCode::UNPROCESSABLE_ENTITY,
        "import-problems",
        label::UPLOAD_NOTHING_STORED,
        &[&cells.len()],
    );
    problem.cells = cells;
    problem
}

/// Imports the facts of filled-in sheets (XLSX or CSV files, such as the
/// template of `kooperacja facts template`), all or nothing, in one
/// transaction. Columns are matched to the declared fields by their headers
/// (Polish or English names, or ids); `by` is the token's organisation
/// unless a column gives it, and the token's rights apply to every fact, as
/// for a batch. A fact's id is its `id` column, or the stable id of its
/// content, so uploading the same sheet again stores nothing new (200).
/// Any problem refuses the whole upload: 422 `import-problems`, listing
/// every bad cell under `cells`, each with a pointer
/// `/{file}/{sheet}/{row}/{column}`, in the request's language
/// (`Accept-Language`).
#[utoipa::path(post, path = "/v1/projects/{id}/fact-imports", tag = "facts",
    params(("id" = String, Path, description = "The project's id", example = "kooperacja-makroregion-ii")),
    request_body(content = crate::apidoc::FactImportForm, content_type = "multipart/form-data",
        description = "One or more files (`file` parts: XLSX, or CSV in UTF-8 or Windows-1250 with `,` or `;`), up to 16 MiB and 20 files, and optionally the kind of the rows (`kind`)"),
    responses(
        (status = 201, description = "Stored now (some or all)", body = ImportResult),
        (status = 200, description = "Every fact was already stored", body = ImportResult)),
    security(("bearer" = [])))]
pub async fn post_import(
    State(state): State<Arc<AppState>>,
    id: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, Problem> {
    let project = project(&state, &path(id)?)?;
    let actor = required_actor(&state, &headers, &project)?;
    let upload = match read_form(multipart, Form::Api).await {
        Ok(u) => u,
        Err(p) => return Err(refused(&state, &project, &actor, None, "import", p).await),
    };
    match run(&state, &project, &actor, upload, lang_of(&headers)).await {
        Ok((status, result)) => json(status, &result),
        Err(Refusal::Problem(p)) => Err(*p),
        Err(Refusal::Cells(cells)) => Err(cells_problem(cells)),
    }
}

fn page_view(lang: Lang) -> crate::dashboard::View {
    crate::dashboard::View {
        lang,
        as_of: super::today(),
        asked: false,
    }
}

fn page(status: StatusCode, html: String) -> Response {
    use axum::response::IntoResponse;
    (status, axum::response::Html(html)).into_response()
}

/// A refusal as the page says it: the detail in `lang`.
fn reason(problem: &Problem, lang: Lang) -> String {
    problem
        .said
        .as_ref()
        .map_or_else(|| problem.detail.clone(), |s| s.in_lang(lang))
}

/// The dashboard's upload page of a project: a form (multipart POST, no
/// script) with the partner's token, the files and the kind of their rows.
/// Polish by default, English with `?lang=en`.
#[utoipa::path(get, path = "/projects/{id}/upload", tag = "dashboard",
    params(("id" = String, Path, description = "The project's id", example = "kooperacja-makroregion-ii"),
        ("lang" = Option<String>, Query, description = "`en` for English; Polish otherwise")),
    responses(
        (status = 200, description = "The upload page", content_type = "text/html", body = String),
        (status = 400, description = "The path cannot be read: a page that says so", content_type = "text/html", body = String),
        (status = 404, description = "No such project: a page that says so", content_type = "text/html", body = String),
    ))]
pub async fn upload_form(
    State(state): State<Arc<AppState>>,
    id: Result<Path<String>, PathRejection>,
    query: Result<
        axum::extract::Query<Vec<(String, String)>>,
        axum::extract::rejection::QueryRejection,
    >,
) -> Response {
    let params = super::Params::from(query).unwrap_or_default();
    let lang = super::reads::dashboard_lang(params.get("lang"));
    let view = page_view(lang);
    match path(id).and_then(|id| project(&state, &id)) {
        Ok(project) => page(
            StatusCode::OK,
            crate::dashboard::upload::form_page(&project.project, view),
        ),
        Err(p) => {
            let answer = crate::dashboard::upload::Answer::Refused(&reason(&p, lang));
            page(
                p.status_code(),
                crate::dashboard::upload::answer_page(None, view, &answer),
            )
        }
    }
}

/// The answer to the dashboard's upload form: the same upload as
/// `POST /v1/projects/{id}/fact-imports`, with the token as a form part, and
/// a page for people: what was stored, or a table of every bad cell (file,
/// sheet, row, column, message) and the form again, or why the upload was
/// refused. Its status is the API's (201, 200, 422, 401…).
#[utoipa::path(post, path = "/projects/{id}/upload", tag = "dashboard",
    params(("id" = String, Path, description = "The project's id", example = "kooperacja-makroregion-ii"),
        ("lang" = Option<String>, Query, description = "`en` for English; Polish otherwise")),
    request_body(content = crate::apidoc::UploadPageForm, content_type = "multipart/form-data",
        description = "The token, one or more files (`file` parts) and optionally the kind of their rows"),
    responses(
        (status = 201, description = "Stored now: a page that says how many", content_type = "text/html", body = String),
        (status = 200, description = "Every fact was already stored: a page that says so", content_type = "text/html", body = String),
        (status = 400, description = "The form cannot be read, or has no file: a page that says so", content_type = "text/html", body = String),
        (status = 401, description = "No token, or a token that is unknown or revoked: a page that says so", content_type = "text/html", body = String),
        (status = 403, description = "The token is of another project, or its organisation may not write these facts: a page that says so", content_type = "text/html", body = String),
        (status = 404, description = "No such project: a page that says so", content_type = "text/html", body = String),
        (status = 409, description = "A fact's id is stored with other content: a page that says so", content_type = "text/html", body = String),
        (status = 413, description = "The upload is over 16 MiB, 20 files or 10,000 rows: a page that says so", content_type = "text/html", body = String),
        (status = 415, description = "The body is not multipart/form-data: a page that says so", content_type = "text/html", body = String),
        (status = 422, description = "Nothing was stored: a page with a table of every bad cell", content_type = "text/html", body = String),
    ))]
pub async fn upload_page(
    State(state): State<Arc<AppState>>,
    id: Result<Path<String>, PathRejection>,
    query: Result<
        axum::extract::Query<Vec<(String, String)>>,
        axum::extract::rejection::QueryRejection,
    >,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    use crate::dashboard::upload::{Answer, answer_page};
    let params = super::Params::from(query).unwrap_or_default();
    let lang = super::reads::dashboard_lang(params.get("lang"));
    let view = page_view(lang);
    let project = match path(id).and_then(|id| project(&state, &id)) {
        Ok(p) => p,
        Err(p) => {
            let answer = Answer::Refused(&reason(&p, lang));
            return page(p.status_code(), answer_page(None, view, &answer));
        }
    };
    let refuse = |p: &Problem| {
        let text = reason(p, lang);
        page(
            p.status_code(),
            answer_page(Some(&project.project), view, &Answer::Refused(&text)),
        )
    };
    let upload = match read_form(multipart, Form::Page).await {
        Ok(u) => u,
        Err(p) => return refuse(&p),
    };
    let mut headers = HeaderMap::new();
    if let Some(token) = &upload.token
        && let Ok(value) = axum::http::HeaderValue::from_str(&format!("Bearer {token}"))
    {
        headers.insert(axum::http::header::AUTHORIZATION, value);
    }
    let actor = match required_actor(&state, &headers, &project) {
        Ok(a) => a,
        Err(p) => return refuse(&p),
    };
    match run(&state, &project, &actor, upload, lang).await {
        Ok((status, result)) => page(
            status,
            answer_page(Some(&project.project), view, &Answer::Stored(&result)),
        ),
        Err(Refusal::Cells(cells)) => page(
            StatusCode::UNPROCESSABLE_ENTITY,
            answer_page(Some(&project.project), view, &Answer::Cells(&cells)),
        ),
        Err(Refusal::Problem(p)) => refuse(&p),
    }
}
