//! The embedded SQLite database: its schema and migrations, and every query
//! but the writer's inserts.
//!
//! One file holds the facts of every project (with a storage sequence that
//! orders them), the tokens' hashes, the audit trail and a little metadata.
//! It runs in WAL mode with `synchronous = FULL`: a commit is on disk before it
//! returns, so a fact acknowledged is a fact kept, even through a power cut.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use chrono::NaiveDate;
use kooperacja_core::claim::{Claim, ClaimStatus, FiledClaim};
use kooperacja_core::facts::{Fact, Record, Shape, parse_json_record, to_json_line};
use kooperacja_core::present::{Lang, label, message};
use kooperacja_core::pseudonym::{PseudonymKey, is_pseudonym};
use kooperacja_core::vocabulary::Vocabulary;
use rusqlite::{Connection, OpenFlags, OptionalExtension, params};
use serde::Serialize;
use sha2::{Digest, Sha256};
use utoipa::ToSchema;

use crate::limits::BUSY_TIMEOUT;

/// The schema version this build writes; older databases are migrated.
pub const SCHEMA_VERSION: i64 = 3;

const MIGRATIONS: &[&str] = &[
    // 1: facts, tokens, audit, projects, meta.
    "CREATE TABLE facts (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        project TEXT NOT NULL,
        id TEXT NOT NULL,
        kind TEXT NOT NULL,
        date TEXT NOT NULL,
        territory TEXT,
        body TEXT NOT NULL,
        written_at TEXT NOT NULL,
        written_by TEXT NOT NULL,
        UNIQUE (project, id)
    );
    CREATE INDEX facts_by_project ON facts (project, seq);
    CREATE TABLE tokens (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        project TEXT NOT NULL,
        org TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        revoked_at TEXT
    );
    CREATE TABLE audit (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        project TEXT NOT NULL,
        at TEXT NOT NULL,
        org TEXT NOT NULL,
        token INTEGER,
        action TEXT NOT NULL,
        fact_id TEXT,
        result TEXT NOT NULL,
        status INTEGER NOT NULL,
        detail TEXT
    );
    CREATE INDEX audit_by_project ON audit (project, seq);
    CREATE TABLE projects (
        id TEXT PRIMARY KEY,
        organisations TEXT NOT NULL
    );
    CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );",
    // 2: a keyed checksum of every fact row (project, id, body), checked at
    // start. Rows stored before get theirs when the server first starts with
    // this schema and its secret (`backfill_checksums`).
    "ALTER TABLE facts ADD COLUMN checksum TEXT;",
    // 3: the payment claims filed, each frozen as it was filed: the claim's
    // JSON exactly as the server answered it, and the facts it counted.
    "CREATE TABLE claims (
        project TEXT NOT NULL,
        number INTEGER NOT NULL,
        status TEXT NOT NULL,
        filed_on TEXT NOT NULL,
        claim TEXT NOT NULL,
        counted TEXT NOT NULL,
        filed_at TEXT NOT NULL,
        filed_by TEXT NOT NULL,
        PRIMARY KEY (project, number)
    );",
];

/// Opens a connection with the server's settings (WAL, `synchronous = FULL`,
/// foreign keys, a busy timeout).
pub fn connect(path: &Path) -> rusqlite::Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(conn)
}

/// Opens the database, creating it if needed, and migrates its schema.
pub fn open(path: &Path) -> Result<Connection, String> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| message::CANNOT_CREATE.fill(Lang::En, &[&dir.display(), &e]))?;
    }
    let mut conn =
        connect(path).map_err(|e| message::CANNOT_OPEN.fill(Lang::En, &[&path.display(), &e]))?;
    migrate(&mut conn)
        .map_err(|e| message::CANNOT_MIGRATE.fill(Lang::En, &[&path.display(), &e]))?;
    Ok(conn)
}

fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if version > SCHEMA_VERSION {
        return Err(rusqlite::Error::InvalidParameterName(
            message::SCHEMA_TOO_NEW.fill(Lang::En, &[&version, &SCHEMA_VERSION]),
        ));
    }
    let tx = conn.transaction()?;
    for (i, sql) in MIGRATIONS.iter().enumerate() {
        let to = i64::try_from(i + 1).unwrap_or(i64::MAX);
        if to > version {
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", to)?;
        }
    }
    tx.commit()
}

/// The default database file: `$XDG_DATA_HOME/kooperacja/kooperacja.sqlite3`,
/// else `$HOME/.local/share/kooperacja/…`, else `./.kooperacja-data/…`.
pub fn default_path() -> PathBuf {
    let dir = std::env::var_os("XDG_DATA_HOME")
        .filter(|v| !v.is_empty())
        .map(|d| PathBuf::from(d).join("kooperacja"))
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|v| !v.is_empty())
                .map(|h| PathBuf::from(h).join(".local/share/kooperacja"))
        })
        .unwrap_or_else(|| PathBuf::from(".kooperacja-data"));
    dir.join("kooperacja.sqlite3")
}

/// The secret file that belongs to a database file: `<db>.secret`.
pub fn secret_path(db: &Path) -> PathBuf {
    let mut name = db.file_name().unwrap_or_default().to_os_string();
    name.push(".secret");
    db.with_file_name(name)
}

/// A value of the `meta` table.
pub fn meta(conn: &Connection, key: &str) -> rusqlite::Result<Option<String>> {
    conn.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
        .optional()
}

/// Sets a value of the `meta` table.
pub fn set_meta(conn: &Connection, key: &str, value: &str) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

/// Records the organisations of a project the server serves, so that
/// `token create` can check an organisation id.
pub fn register_project(conn: &Connection, id: &str, orgs: &[String]) -> rusqlite::Result<()> {
    let list = serde_json::to_string(orgs).unwrap_or_else(|_| "[]".to_owned());
    conn.execute(
        "INSERT INTO projects (id, organisations) VALUES (?1, ?2) ON CONFLICT (id) DO UPDATE SET organisations = excluded.organisations",
        params![id, list],
    )?;
    Ok(())
}

/// The organisations of a project as the server last recorded them.
pub fn project_organisations(conn: &Connection, id: &str) -> rusqlite::Result<Option<Vec<String>>> {
    let text: Option<String> = conn
        .query_row(
            "SELECT organisations FROM projects WHERE id = ?1",
            [id],
            |r| r.get(0),
        )
        .optional()?;
    Ok(text.map(|t| serde_json::from_str(&t).unwrap_or_default()))
}

// ---------------------------------------------------------------------------
// facts

/// A fact as stored: its storage sequence, the fact as a record, and who wrote
/// it when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct StoredFact {
    /// The storage sequence: the order in which facts were stored.
    pub seq: i64,
    /// The fact, as JSON Lines write it (person keys pseudonymised).
    #[schema(schema_with = crate::apidoc::fact_record_ref)]
    pub fact: serde_json::Value,
    /// When it was stored (RFC 3339, UTC).
    pub written_at: String,
    /// The organisation whose token stored it (or the leader, for the start-up import).
    pub written_by: String,
}

/// The body the facts table keeps: the record as JSON Lines write it, with the note.
pub fn body_of(fact: &Fact, note: Option<&str>) -> String {
    let mut record = fact.to_record();
    if let Some(note) = note {
        record.set("note", note, Shape::Text);
    }
    json_line(&record)
}

/// The same text as core's `to_json_line`, written straight into one buffer
/// instead of through a `serde_json::Value` (a test holds the two equal).
fn json_line(record: &Record) -> String {
    fn string(out: &mut Vec<u8>, text: &str) {
        // Writing a string into a Vec cannot fail.
        let _ = serde_json::to_writer(&mut *out, text);
    }
    let mut out = Vec::with_capacity(256);
    out.push(b'{');
    for (name, value, shape) in record.entries() {
        if out.len() > 1 {
            out.push(b',');
        }
        string(&mut out, name);
        out.push(b':');
        match shape {
            Shape::Number => match value.parse::<u64>() {
                Ok(n) => out.extend_from_slice(n.to_string().as_bytes()),
                Err(_) => string(&mut out, value),
            },
            Shape::List => {
                out.push(b'[');
                for (j, key) in value.split(' ').filter(|k| !k.is_empty()).enumerate() {
                    if j > 0 {
                        out.push(b',');
                    }
                    string(&mut out, key);
                }
                out.push(b']');
            }
            _ => string(&mut out, value),
        }
    }
    out.push(b'}');
    String::from_utf8(out).unwrap_or_else(|_| to_json_line(record))
}

/// The fact a stored body holds, read against the project's vocabulary.
///
/// A stored fact holds only pseudonyms (persons were pseudonymised when it was
/// read); a value of any other shape in a field of type `person` or
/// `household` is refused, not hashed again.
pub fn fact_of(body: &str, vocabulary: &Vocabulary) -> Result<Fact, String> {
    /// Any key keeps a value that already is a pseudonym.
    const KEEPS_PSEUDONYMS: PseudonymKey = PseudonymKey::from_bytes([0; 32]);
    let record = parse_json_record(body).map_err(|e| e.to_string())?;
    let raw = record
        .get("kind")
        .and_then(|k| vocabulary.kind(k.trim()))
        .into_iter()
        .flat_map(|k| k.fields.iter())
        .filter(|f| f.field_type.is_pseudonymous())
        .filter_map(|f| record.get(&f.id))
        .flat_map(|v| v.split([' ', ',', ';']))
        .any(|p| !p.is_empty() && !is_pseudonym(p));
    if raw {
        return Err(message::NOT_A_PSEUDONYM.get(Lang::En).to_owned());
    }
    Fact::from_record(record, vocabulary, &KEEPS_PSEUDONYMS).map_err(|e| e.to_string())
}

fn stored_fact(row: &rusqlite::Row<'_>) -> rusqlite::Result<StoredFact> {
    let body: String = row.get(1)?;
    Ok(StoredFact {
        seq: row.get(0)?,
        fact: serde_json::from_str(&body).unwrap_or(serde_json::Value::Null),
        written_at: row.get(2)?,
        written_by: row.get(3)?,
    })
}

/// The stored fact with this id, with its parsed fact.
pub fn fact_by_id(
    conn: &Connection,
    project: &str,
    id: &str,
) -> rusqlite::Result<Option<(StoredFact, String)>> {
    conn.prepare_cached(
        "SELECT seq, body, written_at, written_by FROM facts WHERE project = ?1 AND id = ?2",
    )?
    .query_row(params![project, id], |row| {
        Ok((stored_fact(row)?, row.get::<_, String>(1)?))
    })
    .optional()
}

/// Filters of the fact listing.
#[derive(Debug, Clone, Default)]
pub struct FactFilter {
    /// Only facts of this kind.
    pub kind: Option<String>,
    /// Only facts whose territory code starts with these digits.
    pub territory: Option<String>,
    /// Only facts dated on or after this day (ISO).
    pub from: Option<String>,
    /// Only facts dated on or before this day (ISO).
    pub to: Option<String>,
}

/// A page of facts after storage sequence `after`, in storage order, and
/// whether more follow.
pub fn list_facts(
    conn: &Connection,
    project: &str,
    filter: &FactFilter,
    after: i64,
    limit: u32,
) -> rusqlite::Result<(Vec<StoredFact>, bool)> {
    let mut sql = String::from(
        "SELECT seq, body, written_at, written_by FROM facts WHERE project = ?1 AND seq > ?2",
    );
    let mut args: Vec<Box<dyn rusqlite::ToSql>> =
        vec![Box::new(project.to_owned()), Box::new(after)];
    if let Some(kind) = &filter.kind {
        args.push(Box::new(kind.clone()));
        sql.push_str(&format!(" AND kind = ?{}", args.len()));
    }
    if let Some(prefix) = &filter.territory {
        // Digits only (checked by the handler), so no LIKE wildcard can sneak in.
        args.push(Box::new(format!("{prefix}%")));
        sql.push_str(&format!(" AND territory LIKE ?{}", args.len()));
    }
    if let Some(from) = &filter.from {
        args.push(Box::new(from.clone()));
        sql.push_str(&format!(" AND date >= ?{}", args.len()));
    }
    if let Some(to) = &filter.to {
        args.push(Box::new(to.clone()));
        sql.push_str(&format!(" AND date <= ?{}", args.len()));
    }
    args.push(Box::new(i64::from(limit) + 1));
    sql.push_str(&format!(" ORDER BY seq LIMIT ?{}", args.len()));
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows: Vec<StoredFact> = stmt
        .query_map(
            rusqlite::params_from_iter(args.iter().map(|a| a.as_ref())),
            stored_fact,
        )?
        .collect::<rusqlite::Result<_>>()?;
    let more = rows.len() > limit as usize;
    rows.truncate(limit as usize);
    Ok((rows, more))
}

/// The number of facts stored for a project.
pub fn count_facts(conn: &Connection, project: &str) -> rusqlite::Result<i64> {
    conn.prepare_cached("SELECT count(*) FROM facts WHERE project = ?1")?
        .query_row([project], |r| r.get(0))
}

/// One stored fact row as the rebuild reads it.
#[derive(Debug)]
pub struct FactRow<'r> {
    /// The storage sequence.
    pub seq: i64,
    /// The id column.
    pub id: &'r str,
    /// The stored body.
    pub body: &'r str,
    /// The row's checksum, if it has one.
    pub checksum: Option<&'r str>,
}

/// Calls `each` with every stored fact of a project, in storage order; stops
/// at the first `Err` it returns.
pub fn each_fact<E>(
    conn: &Connection,
    project: &str,
    mut each: impl FnMut(FactRow<'_>) -> Result<(), E>,
) -> rusqlite::Result<Result<(), E>> {
    let mut stmt =
        conn.prepare("SELECT seq, id, body, checksum FROM facts WHERE project = ?1 ORDER BY seq")?;
    let mut rows = stmt.query([project])?;
    while let Some(row) = rows.next()? {
        let seq: i64 = row.get(0)?;
        let id: String = row.get(1)?;
        let body: String = row.get(2)?;
        let checksum: Option<String> = row.get(3)?;
        if let Err(e) = each(FactRow {
            seq,
            id: &id,
            body: &body,
            checksum: checksum.as_deref(),
        }) {
            return Ok(Err(e));
        }
    }
    Ok(Ok(()))
}

/// The `meta` key set once every fact row has its checksum.
const CHECKSUMS_DONE: &str = "fact_checksums";

/// Gives every fact row stored before checksums existed its checksum, once
/// (the migration to schema 2 needs the secret, which only the server has).
/// After that, a row without one is a damaged row. Returns how many rows
/// were given one.
pub fn backfill_checksums(
    conn: &mut Connection,
    checksum: impl Fn(&str, &str, &str) -> String,
) -> rusqlite::Result<usize> {
    if meta(conn, CHECKSUMS_DONE)?.is_some() {
        return Ok(0);
    }
    let tx = conn.transaction()?;
    let rows: Vec<(i64, String, String, String)> = tx
        .prepare("SELECT seq, project, id, body FROM facts WHERE checksum IS NULL")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    {
        let mut update = tx.prepare("UPDATE facts SET checksum = ?2 WHERE seq = ?1")?;
        for (seq, project, id, body) in &rows {
            update.execute(params![seq, checksum(project, id, body)])?;
        }
    }
    set_meta(&tx, CHECKSUMS_DONE, "1")?;
    tx.commit()?;
    Ok(rows.len())
}

/// SQLite's `PRAGMA quick_check`: `Ok` if the file is sound, else what it found.
pub fn quick_check(conn: &Connection) -> Result<(), String> {
    let found: Vec<String> = conn
        .prepare("PRAGMA quick_check")
        .and_then(|mut s| {
            s.query_map([], |r| r.get::<_, String>(0))?
                .collect::<rusqlite::Result<Vec<String>>>()
        })
        .map_err(|e| e.to_string())?;
    if found.len() == 1 && found[0] == "ok" {
        Ok(())
    } else {
        let mut found = found;
        found.truncate(10);
        Err(found.join("; "))
    }
}

/// The lock file that belongs to a database file: `<db>.lock`.
pub fn lock_path(db: &Path) -> PathBuf {
    let mut name = db.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    db.with_file_name(name)
}

/// Takes the exclusive lock of a database (its `<db>.lock` file), held until
/// the returned file is dropped (the process's life, for the server); an
/// error if another process holds it.
pub fn lock(db: &Path) -> Result<std::fs::File, String> {
    use fs4::FileExt;
    if let Some(dir) = db.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| message::CANNOT_CREATE.fill(Lang::En, &[&dir.display(), &e]))?;
    }
    let path = lock_path(db);
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| message::CANNOT_OPEN_LOCK.fill(Lang::En, &[&path.display(), &e]))?;
    match FileExt::try_lock(&file) {
        Ok(()) => Ok(file),
        Err(fs4::TryLockError::WouldBlock) => {
            Err(message::DATABASE_IN_USE.fill(Lang::En, &[&db.display(), &path.display()]))
        }
        Err(fs4::TryLockError::Error(e)) => {
            Err(message::CANNOT_LOCK.fill(Lang::En, &[&path.display(), &e]))
        }
    }
}

// ---------------------------------------------------------------------------
// tokens

/// A token's row, without its hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TokenInfo {
    /// Its id (for `token revoke`).
    pub id: i64,
    /// The project it is for.
    pub project: String,
    /// The organisation it acts for.
    pub org: String,
    /// When it was created.
    pub created_at: String,
    /// When it was revoked, if it was.
    pub revoked_at: Option<String>,
}

/// The SHA-256 of a token, in hex: what the database keeps.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// A new random token: `kpt_` and 64 hex digits (256 bits).
pub fn new_token() -> Result<String, String> {
    let mut bytes = [0_u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| message::NO_RANDOMNESS.fill(Lang::En, &[&e]))?;
    Ok(format!("kpt_{}", hex::encode(bytes)))
}

/// Stores a token's hash; returns its id.
pub fn create_token(
    conn: &Connection,
    project: &str,
    org: &str,
    token: &str,
    now: &str,
) -> rusqlite::Result<i64> {
    conn.execute(
        "INSERT INTO tokens (project, org, hash, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![project, org, token_hash(token), now],
    )?;
    Ok(conn.last_insert_rowid())
}

/// The live (not revoked) token with this text.
pub fn find_token(conn: &Connection, token: &str) -> rusqlite::Result<Option<TokenInfo>> {
    conn.prepare_cached(
        "SELECT id, project, org, created_at, revoked_at FROM tokens WHERE hash = ?1 AND revoked_at IS NULL",
    )?
    .query_row([token_hash(token)], token_info)
    .optional()
}

fn token_info(r: &rusqlite::Row<'_>) -> rusqlite::Result<TokenInfo> {
    Ok(TokenInfo {
        id: r.get(0)?,
        project: r.get(1)?,
        org: r.get(2)?,
        created_at: r.get(3)?,
        revoked_at: r.get(4)?,
    })
}

/// Every token, oldest first.
pub fn list_tokens(conn: &Connection) -> rusqlite::Result<Vec<TokenInfo>> {
    conn.prepare("SELECT id, project, org, created_at, revoked_at FROM tokens ORDER BY id")?
        .query_map([], token_info)?
        .collect()
}

/// Revokes a token; false if there is no live token with this id.
pub fn revoke_token(conn: &Connection, id: i64, now: &str) -> rusqlite::Result<bool> {
    let n = conn.execute(
        "UPDATE tokens SET revoked_at = ?2 WHERE id = ?1 AND revoked_at IS NULL",
        params![id, now],
    )?;
    Ok(n == 1)
}

// ---------------------------------------------------------------------------
// audit

/// One audited write.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct AuditEntry {
    /// The audit sequence.
    pub seq: i64,
    /// When (RFC 3339, UTC).
    pub at: String,
    /// The organisation whose token made the request.
    pub org: String,
    /// The token's id; absent for the start-up import.
    pub token: Option<i64>,
    /// `append` (a fact), `retract` (a retraction fact), `import` (an
    /// upload) or `file-claim` (filing a payment claim).
    pub action: String,
    /// The fact's id, if the request got as far as naming one.
    pub fact_id: Option<String>,
    /// `created`, `duplicate`, `conflict`, `forbidden`, `invalid`, `refused`.
    pub result: String,
    /// The HTTP status answered.
    pub status: u16,
    /// What was wrong, for a refusal.
    pub detail: Option<String>,
}

/// A page of a project's audit trail after sequence `after`, and whether more follow.
pub fn list_audit(
    conn: &Connection,
    project: &str,
    after: i64,
    limit: u32,
) -> rusqlite::Result<(Vec<AuditEntry>, bool)> {
    let mut stmt = conn.prepare_cached(
        "SELECT seq, at, org, token, action, fact_id, result, status, detail FROM audit
         WHERE project = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3",
    )?;
    let mut rows: Vec<AuditEntry> = stmt
        .query_map(params![project, after, i64::from(limit) + 1], |r| {
            Ok(AuditEntry {
                seq: r.get(0)?,
                at: r.get(1)?,
                org: r.get(2)?,
                token: r.get(3)?,
                action: r.get(4)?,
                fact_id: r.get(5)?,
                result: r.get(6)?,
                status: r.get(7)?,
                detail: r.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let more = rows.len() > limit as usize;
    rows.truncate(limit as usize);
    Ok((rows, more))
}

// ---------------------------------------------------------------------------
// claims

/// A payment claim as the store keeps it once filed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredClaim {
    /// Its number in the claim schedule.
    pub number: u32,
    /// Where it stands (`filed`, …), as core's `ClaimStatus` names it.
    pub status: ClaimStatus,
    /// The day it was filed.
    pub filed_on: NaiveDate,
    /// The claim's JSON exactly as it was answered when it was filed: what
    /// every later read answers, byte for byte.
    pub claim: String,
    /// The ids of the facts it counted (core's `FiledClaim::counted`).
    pub counted: Vec<String>,
    /// When it was stored (RFC 3339, UTC).
    pub filed_at: String,
    /// The organisation whose token filed it.
    pub filed_by: String,
}

impl StoredClaim {
    /// The claim as core takes it back ([`FiledClaim`]), or why its stored
    /// JSON cannot be read.
    pub fn filed(&self) -> Result<FiledClaim, String> {
        let mut claim: Claim = serde_json::from_str(&self.claim)
            .map_err(|e| label::STORED_CLAIM_UNREADABLE.fill(Lang::En, &[&self.number, &e]))?;
        claim.status = self.status;
        Ok(FiledClaim {
            claim,
            counted: self.counted.clone(),
        })
    }
}

/// What storing a filed claim did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filing {
    /// Stored now.
    Filed,
    /// The project has this claim filed already; nothing was stored.
    AlreadyFiled,
    /// An earlier claim of the schedule (this number) is not filed; nothing
    /// was stored.
    Missing(u32),
}

/// The filed claims of a store. The SQLite store implements it on its
/// connection (and so on the writer's transaction); another store (a
/// PostgreSQL one) implements the same two operations.
pub trait ClaimStore {
    /// The error of the store.
    type Error;

    /// Every claim of `project` filed so far, by number.
    fn filed_claims(&self, project: &str) -> Result<Vec<StoredClaim>, Self::Error>;

    /// Stores `claim` as filed for `project`, unless it is filed already or
    /// one of `earlier` (the schedule's numbers before it) is not: checked
    /// and stored at once, so that two filings cannot both succeed.
    fn file_claim(
        &self,
        project: &str,
        claim: &StoredClaim,
        earlier: &[u32],
    ) -> Result<Filing, Self::Error>;
}

fn stored_claim(r: &rusqlite::Row<'_>) -> rusqlite::Result<StoredClaim> {
    let status: String = r.get(1)?;
    let filed_on: String = r.get(2)?;
    let counted: String = r.get(4)?;
    let bad = |what: String| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, what.into())
    };
    Ok(StoredClaim {
        number: r.get(0)?,
        status: serde_json::from_value(serde_json::Value::String(status.clone()))
            .map_err(|_| bad(status))?,
        filed_on: kooperacja_core::period::parse_date(&filed_on).map_err(|_| bad(filed_on))?,
        claim: r.get(3)?,
        counted: serde_json::from_str(&counted).map_err(|_| bad(counted))?,
        filed_at: r.get(5)?,
        filed_by: r.get(6)?,
    })
}

/// The machine name of a claim status (`filed`), as the JSON writes it.
fn status_name(status: ClaimStatus) -> String {
    match serde_json::to_value(status) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    }
}

impl ClaimStore for Connection {
    type Error = rusqlite::Error;

    fn filed_claims(&self, project: &str) -> rusqlite::Result<Vec<StoredClaim>> {
        self.prepare_cached(
            "SELECT number, status, filed_on, claim, counted, filed_at, filed_by FROM claims
             WHERE project = ?1 ORDER BY number",
        )?
        .query_map([project], stored_claim)?
        .collect()
    }

    fn file_claim(
        &self,
        project: &str,
        claim: &StoredClaim,
        earlier: &[u32],
    ) -> rusqlite::Result<Filing> {
        let filed: Vec<u32> = self
            .prepare_cached("SELECT number FROM claims WHERE project = ?1")?
            .query_map([project], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        if filed.contains(&claim.number) {
            return Ok(Filing::AlreadyFiled);
        }
        if let Some(missing) = earlier.iter().find(|n| !filed.contains(n)) {
            return Ok(Filing::Missing(*missing));
        }
        let counted = serde_json::to_string(&claim.counted).unwrap_or_else(|_| "[]".to_owned());
        self.prepare_cached(
            "INSERT INTO claims (project, number, status, filed_on, claim, counted, filed_at, filed_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?
        .execute(params![
            project,
            claim.number,
            status_name(claim.status),
            claim.filed_on.to_string(),
            claim.claim,
            counted,
            claim.filed_at,
            claim.filed_by,
        ])?;
        Ok(Filing::Filed)
    }
}

// ---------------------------------------------------------------------------
// readers

/// A small pool of read connections (WAL lets them read while the writer writes).
#[derive(Debug)]
pub struct Readers {
    path: PathBuf,
    idle: Mutex<Vec<Connection>>,
}

/// Read connections kept idle at most.
const IDLE_READERS: usize = 8;

impl Readers {
    /// A pool over the database at `path`.
    pub fn new(path: &Path) -> Readers {
        Readers {
            path: path.to_path_buf(),
            idle: Mutex::new(Vec::new()),
        }
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `f` with a read connection.
    pub fn with<T>(
        &self,
        f: impl FnOnce(&Connection) -> rusqlite::Result<T>,
    ) -> rusqlite::Result<T> {
        let conn = self.idle.lock().ok().and_then(|mut idle| idle.pop());
        let conn = match conn {
            Some(c) => c,
            None => {
                let c = connect(&self.path)?;
                c.pragma_update(None, "query_only", true)?;
                c
            }
        };
        let result = f(&conn);
        if let Ok(mut idle) = self.idle.lock()
            && idle.len() < IDLE_READERS
        {
            idle.push(conn);
        }
        result
    }
}

/// The current time as RFC 3339 in UTC, to the millisecond.
pub fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use kooperacja_core::facts::{Format, OnError, read_all};

    #[test]
    fn the_body_is_written_as_core_writes_a_json_line() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/");
        let mut records = Vec::new();
        for (project, file) in [
            ("kooperacja-makroregion-ii", "kooperacja-sample"),
            ("koordynacja-kujawy-pomorze", "koordynacja-sample"),
        ] {
            let toml = std::fs::read_to_string(format!("{root}projects/{project}.toml")).unwrap();
            let project = kooperacja_core::project::Project::parse(&toml).unwrap();
            let text = std::fs::read(format!("{root}facts/{file}.jsonl")).unwrap();
            let key = PseudonymKey::from_bytes([0; 32]);
            let outcome = read_all(
                text.as_slice(),
                Format::JsonLines,
                OnError::Skip,
                project.vocabulary(),
                &key,
            )
            .unwrap();
            records.extend(outcome.facts.iter().map(Fact::to_record));
        }
        assert!(records.len() > 100, "{}", records.len());
        let mut odd = records[0].clone();
        odd.set("note", "\"quoted\" \\ ünïcödé\n\t\u{1}", Shape::Text);
        odd.set("days", "1.5", Shape::Number);
        odd.set("participants", "007", Shape::Number);
        odd.set("persons", "a  b", Shape::List);
        records.push(odd);
        records.push(Record::default());
        for record in &records {
            assert_eq!(json_line(record), to_json_line(record));
        }
    }

    fn stored(number: u32) -> StoredClaim {
        StoredClaim {
            number,
            status: ClaimStatus::Filed,
            filed_on: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            claim: format!("{{\"number\":{number}}}"),
            counted: vec!["a".to_owned(), "b".to_owned()],
            filed_at: "2026-12-01T10:00:00.000Z".to_owned(),
            filed_by: "rops-torun".to_owned(),
        }
    }

    #[test]
    fn a_filed_claim_is_kept_as_it_was_given() {
        let dir = tempfile::tempdir().unwrap();
        let conn = open(&dir.path().join("k.sqlite3")).unwrap();
        assert_eq!(
            conn.file_claim("p", &stored(1), &[]).unwrap(),
            Filing::Filed
        );
        assert_eq!(conn.filed_claims("p").unwrap(), vec![stored(1)]);
        assert_eq!(conn.filed_claims("other").unwrap(), vec![]);
    }

    #[test]
    fn a_claim_is_stored_once() {
        let dir = tempfile::tempdir().unwrap();
        let conn = open(&dir.path().join("k.sqlite3")).unwrap();
        conn.file_claim("p", &stored(1), &[]).unwrap();
        let mut again = stored(1);
        again.claim = "{}".to_owned();
        assert_eq!(
            conn.file_claim("p", &again, &[]).unwrap(),
            Filing::AlreadyFiled
        );
        assert_eq!(conn.filed_claims("p").unwrap(), vec![stored(1)]);
    }

    #[test]
    fn a_claim_is_not_stored_before_an_earlier_one() {
        let dir = tempfile::tempdir().unwrap();
        let conn = open(&dir.path().join("k.sqlite3")).unwrap();
        conn.file_claim("p", &stored(1), &[]).unwrap();
        assert_eq!(
            conn.file_claim("p", &stored(3), &[1, 2]).unwrap(),
            Filing::Missing(2)
        );
        assert_eq!(
            conn.file_claim("p", &stored(2), &[1]).unwrap(),
            Filing::Filed
        );
        assert_eq!(conn.filed_claims("p").unwrap().len(), 2);
    }
}
