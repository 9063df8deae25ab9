//! The single writer: one thread owns the write connection, groups the write
//! requests that wait into one transaction (group commit), commits it, then
//! updates the engines and answers each request.
//!
//! A request (one fact, or a batch) is all or nothing: it runs under its own
//! savepoint, and a fact that conflicts or fails a check rolls back the whole
//! request and no other. Audit rows are written in the same transaction, after
//! the savepoint, so refusals are audited too. Nothing is acknowledged before
//! the commit returns, and `synchronous = FULL` makes a commit durable.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::Ordering;

use axum::http::StatusCode;
use kooperacja_core::engine::Engine;
use kooperacja_core::facts::{Fact, What};
use kooperacja_core::present::{Lang, label, message};
use kooperacja_core::vocabulary::Vocabulary;
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use tokio::sync::{mpsc, oneshot};

use crate::access::Actor;
use crate::limits::{GROUP_MAX_FACTS, GROUP_MAX_REQUESTS, WRITER_QUEUE};
use crate::problem::Problem;
use crate::pseudonym::Secret;
use crate::state::ProjectState;
use crate::store::{self, ClaimStore, Filing, StoredClaim, StoredFact};

/// A fact to store, with its note and the body the facts table keeps.
#[derive(Debug, Clone)]
pub struct Incoming {
    /// The fact, person keys already pseudonymised.
    pub fact: Fact,
    /// Its note, kept but not part of its content.
    pub note: Option<String>,
    /// The body to store ([`store::body_of`] the fact and its note). It is
    /// made by the request's own task, so that the single writer thread does
    /// not spend its time on JSON.
    pub body: String,
    /// The row's checksum ([`Secret::checksum`] of the project, id and body).
    pub checksum: String,
}

impl Incoming {
    /// A fact of a project (person keys already pseudonymised) to store,
    /// with its note.
    pub fn new(secret: &Secret, project: &str, fact: Fact, note: Option<String>) -> Incoming {
        let body = store::body_of(&fact, note.as_deref());
        let checksum = secret.checksum(project, &fact.id, &body);
        Incoming {
            fact,
            note,
            body,
            checksum,
        }
    }
}

/// What storing one fact did.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// Stored now, under this storage sequence (written at
    /// [`Appended::written_at`] by [`Appended::written_by`]).
    Created {
        /// The storage sequence.
        seq: i64,
    },
    /// Already stored with the same content: the stored row, unparsed.
    Duplicate {
        /// The storage sequence.
        seq: i64,
        /// The stored body.
        body: String,
        /// When it was stored.
        written_at: String,
        /// Who stored it.
        written_by: String,
    },
}

impl Outcome {
    /// The word an answer gives the outcome: `created` or `duplicate`.
    pub fn word(&self) -> &'static str {
        match self {
            Outcome::Created { .. } => "created",
            Outcome::Duplicate { .. } => "duplicate",
        }
    }

    /// How many of `outcomes` were created, and how many duplicates.
    pub fn tally(outcomes: &[Outcome]) -> (u64, u64) {
        let created = outcomes
            .iter()
            .filter(|o| matches!(o, Outcome::Created { .. }))
            .count();
        let created = u64::try_from(created).unwrap_or(u64::MAX);
        let all = u64::try_from(outcomes.len()).unwrap_or(u64::MAX);
        (created, all - created)
    }

    /// The storage sequence.
    pub fn seq(&self) -> i64 {
        match self {
            Outcome::Created { seq } | Outcome::Duplicate { seq, .. } => *seq,
        }
    }
}

/// What a committed append did: one outcome per fact, and the facts given
/// back (so that the request's task, not the writer, reads and frees them).
#[derive(Debug)]
pub struct Appended {
    /// One outcome per fact, in order.
    pub outcomes: Vec<Outcome>,
    /// The facts of the request, in order.
    pub facts: Vec<Incoming>,
    /// When the facts created now were stored (RFC 3339, UTC).
    pub written_at: String,
    /// The organisation that stored them.
    pub written_by: String,
}

impl Appended {
    /// The stored fact of the `index`th fact, as the API shows it.
    pub fn stored(&self, index: usize) -> Option<StoredFact> {
        let parse = |body: &str| serde_json::from_str(body).unwrap_or(serde_json::Value::Null);
        Some(match self.outcomes.get(index)? {
            Outcome::Created { seq } => StoredFact {
                seq: *seq,
                fact: parse(&self.facts.get(index)?.body),
                written_at: self.written_at.clone(),
                written_by: self.written_by.clone(),
            },
            Outcome::Duplicate {
                seq,
                body,
                written_at,
                written_by,
            } => StoredFact {
                seq: *seq,
                fact: parse(body),
                written_at: written_at.clone(),
                written_by: written_by.clone(),
            },
        })
    }
}

/// An audit row to write.
#[derive(Debug, Clone)]
pub struct AuditRow {
    /// The project.
    pub project: String,
    /// Who.
    pub actor: Actor,
    /// `append` or `retract`.
    pub action: &'static str,
    /// The fact's id, if known.
    pub fact_id: Option<String>,
    /// The result word.
    pub result: &'static str,
    /// The status answered.
    pub status: u16,
    /// What was wrong.
    pub detail: Option<String>,
}

type Reply<T> = oneshot::Sender<Result<T, Problem>>;

enum Job {
    Append {
        project: Arc<ProjectState>,
        actor: Actor,
        facts: Vec<Incoming>,
        batch: bool,
        reply: Reply<Appended>,
    },
    Audit {
        rows: Vec<AuditRow>,
        reply: Reply<()>,
    },
    FileClaim {
        project: String,
        actor: Actor,
        claim: Box<StoredClaim>,
        earlier: Vec<u32>,
        reply: Reply<Filing>,
    },
    /// Commit what came before, then end the thread.
    Stop,
}

/// The handle handlers send write requests through.
#[derive(Debug, Clone)]
pub struct Writer {
    sender: mpsc::Sender<Job>,
}

impl std::fmt::Debug for Job {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Job::Append { .. } => "Append",
            Job::Audit { .. } => "Audit",
            Job::FileClaim { .. } => "FileClaim",
            Job::Stop => "Stop",
        })
    }
}

fn gone() -> Problem {
    Problem::said(
        StatusCode::SERVICE_UNAVAILABLE,
        "unavailable",
        message::WRITER_STOPPED,
        &[],
    )
}

impl Writer {
    /// Starts the writer thread over `conn`. It ends when every handle is dropped.
    pub fn start(conn: Connection) -> Result<(Writer, std::thread::JoinHandle<()>), String> {
        let (sender, receiver) = mpsc::channel(WRITER_QUEUE);
        let handle = std::thread::Builder::new()
            .name("kooperacja-writer".to_owned())
            .spawn(move || run(conn, receiver))
            .map_err(|e| message::CANNOT_START_WRITER.fill(Lang::En, &[&e]))?;
        Ok((Writer { sender }, handle))
    }

    /// Stores facts for `actor`, all or nothing, and answers once committed.
    pub async fn append(
        &self,
        project: Arc<ProjectState>,
        actor: Actor,
        facts: Vec<Incoming>,
        batch: bool,
    ) -> Result<Appended, Problem> {
        let (reply, answer) = oneshot::channel();
        self.sender
            .send(Job::Append {
                project,
                actor,
                facts,
                batch,
                reply,
            })
            .await
            .map_err(|_| gone())?;
        answer.await.map_err(|_| gone())?
    }

    /// Writes audit rows of refusals made before the writer, once committed.
    pub async fn audit(&self, rows: Vec<AuditRow>) -> Result<(), Problem> {
        let (reply, answer) = oneshot::channel();
        self.sender
            .send(Job::Audit { rows, reply })
            .await
            .map_err(|_| gone())?;
        answer.await.map_err(|_| gone())?
    }

    /// Stores a filed claim for `actor`, unless it is filed already or an
    /// earlier one (of `earlier`) is not, with its audit row; answers once
    /// committed.
    pub async fn file_claim(
        &self,
        project: &str,
        actor: Actor,
        claim: StoredClaim,
        earlier: Vec<u32>,
    ) -> Result<Filing, Problem> {
        let (reply, answer) = oneshot::channel();
        self.sender
            .send(Job::FileClaim {
                project: project.to_owned(),
                actor,
                claim: Box::new(claim),
                earlier,
                reply,
            })
            .await
            .map_err(|_| gone())?;
        answer.await.map_err(|_| gone())?
    }

    /// Asks the writer to commit what it has been sent so far and to end; a
    /// write sent after this answers 503.
    pub async fn stop(&self) {
        let _ = self.sender.send(Job::Stop).await;
    }
}

/// How many stored facts of a project core's admission excludes, by reason
/// code, as the project file now stands.
pub type Excluded = std::collections::BTreeMap<&'static str, u64>;

/// Applies every stored fact of a project to an engine, in storage order.
///
/// With the secret (at start), every row is checked first: its checksum
/// matches its project, id and body; the body reads as a fact with the
/// row's id, with every person key a pseudonym. The first row that fails,
/// or that core's admission excludes for a reason the writer never lets
/// through (an id stored with other content, a retraction of itself or of a
/// retraction), stops the rebuild with a message that names it and says what
/// to do. A fact that no longer fits the project (a project file changed: a
/// date outside a shortened period, an organisation removed) is kept and
/// counted in the returned exclusions, as the report counts it.
pub fn rebuild(
    conn: &Connection,
    project: &str,
    engine: &mut Engine,
    secret: Option<&Secret>,
) -> Result<Excluded, String> {
    use kooperacja_core::admission::Reason;
    use kooperacja_core::engine::Applied;
    let mut excluded = Excluded::new();
    let vocabulary = Arc::clone(engine.project().vocabulary());
    store::each_fact(conn, project, |row| {
        let bad = |what: String| {
            message::STORED_FACT_DAMAGED
                .fill(Lang::En, &[&encode_id(row.id), &row.seq, &project, &what])
        };
        let said = |what: kooperacja_core::present::Text| what.get(Lang::En).to_owned();
        if let Some(secret) = secret {
            match row.checksum {
                Some(sum) if sum == secret.checksum(project, row.id, row.body) => {}
                Some(_) => return Err(bad(said(message::STORED_FACT_CHECKSUM_MISMATCH))),
                None => return Err(bad(said(message::STORED_FACT_NO_CHECKSUM))),
            }
        }
        // `fact_of` also refuses a person value that is not a pseudonym.
        let fact = store::fact_of(row.body, &vocabulary)
            .map_err(|_| bad(said(message::STORED_FACT_UNREADABLE)))?;
        if fact.id != row.id {
            return Err(bad(said(message::STORED_FACT_OTHER_ID)));
        }
        if let Applied::Excluded(reason) = engine.apply(&fact) {
            match reason {
                Reason::IdConflict
                | Reason::RetractsItself
                | Reason::RetractsRetraction
                | Reason::TooManyFacts => {
                    return Err(bad(
                        message::STORED_FACT_REFUSED_BY_ENGINE.fill(Lang::En, &[&reason.code()])
                    ));
                }
                _ => *excluded.entry(reason.code()).or_default() += 1,
            }
        }
        Ok(())
    })
    .map_err(|e| message::CANNOT_READ_FACTS.fill(Lang::En, &[&project, &e]))??;
    Ok(excluded)
}

/// A fact id for a message: JSON-quoted, cut to 64 characters.
fn encode_id(id: &str) -> String {
    let short: String = id.chars().take(64).collect();
    serde_json::to_string(&short).unwrap_or_default()
}

fn run(mut conn: Connection, mut receiver: mpsc::Receiver<Job>) {
    let mut stopping = false;
    while !stopping {
        let Some(first) = receiver.blocking_recv() else {
            break;
        };
        let mut jobs = vec![first];
        let mut facts = 0;
        while jobs.len() < GROUP_MAX_REQUESTS && facts < GROUP_MAX_FACTS {
            match receiver.try_recv() {
                Ok(job) => {
                    if let Job::Append { facts: f, .. } = &job {
                        facts += f.len();
                    }
                    jobs.push(job);
                }
                Err(_) => break,
            }
        }
        let mut writes = Vec::new();
        for job in jobs {
            match job {
                Job::Stop => stopping = true,
                other if stopping => fail_all(vec![other], &gone()),
                other => writes.push(other),
            }
        }
        if !writes.is_empty() {
            group(&mut conn, writes);
        }
    }
    // Whatever is still queued is refused, so that no sender waits forever.
    receiver.close();
    while let Ok(job) = receiver.try_recv() {
        fail_all(vec![job], &gone());
    }
}

/// The result of one job inside the group transaction, answered after commit.
enum Done {
    Append {
        project: Arc<ProjectState>,
        result: Result<Vec<Outcome>, Box<Problem>>,
        facts: Vec<Incoming>,
        written_by: String,
        reply: Reply<Appended>,
    },
    Audit {
        reply: Reply<()>,
    },
    FileClaim {
        filing: Filing,
        reply: Reply<Filing>,
    },
}

fn group(conn: &mut Connection, jobs: Vec<Job>) {
    let now = store::now();
    let tx = match conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate) {
        Ok(tx) => tx,
        Err(e) => return fail_all(jobs, &Problem::from(e)),
    };
    let mut done = Vec::with_capacity(jobs.len());
    let mut failed: Option<Problem> = None;
    // Per project, the spending the engine may still count, less what this
    // group has staged: core's spending limit, applied before storing.
    let mut rooms: HashMap<String, i128> = HashMap::new();
    for job in jobs {
        match job {
            Job::Append {
                project,
                actor,
                facts,
                batch,
                reply,
            } => {
                let room = rooms.entry(project.id().to_owned()).or_insert_with(|| {
                    project
                        .engine
                        .read()
                        .map_or(0, |e| e.admission().spending_room())
                });
                let result = match append(&tx, &project, &actor, &facts, batch, &now, room) {
                    Ok(result) => result.map_err(Box::new),
                    Err(e) => {
                        // The transaction is in an unknown state: abandon the group.
                        let problem = Problem::from(e);
                        failed.get_or_insert(problem.clone());
                        Err(Box::new(problem))
                    }
                };
                done.push(Done::Append {
                    project,
                    result,
                    facts,
                    written_by: actor.org,
                    reply,
                });
            }
            Job::Audit { rows, reply } => {
                for row in &rows {
                    if let Err(e) = write_audit(&tx, row, &now) {
                        failed.get_or_insert(Problem::from(e));
                    }
                }
                done.push(Done::Audit { reply });
            }
            Job::FileClaim {
                project,
                actor,
                claim,
                earlier,
                reply,
            } => {
                let filing = tx
                    .file_claim(&project, &claim, &earlier)
                    .and_then(|filing| {
                        let (result, status) = match filing {
                            Filing::Filed => ("created", 201),
                            Filing::AlreadyFiled | Filing::Missing(_) => ("conflict", 409),
                        };
                        let row = AuditRow {
                            project,
                            actor,
                            action: "file-claim",
                            fact_id: None,
                            result,
                            status,
                            detail: Some(label::CLAIM_NUMBERED.fill(Lang::En, &[&claim.number])),
                        };
                        write_audit(&tx, &row, &now).map(|()| filing)
                    });
                match filing {
                    Ok(filing) => done.push(Done::FileClaim { filing, reply }),
                    Err(e) => {
                        let problem = Problem::from(e);
                        failed.get_or_insert(problem.clone());
                        let _ = reply.send(Err(problem));
                    }
                }
            }
            Job::Stop => {}
        }
    }
    let committed = match failed {
        Some(p) => Err(p),
        None => tx.commit().map_err(Problem::from),
    };
    if let Err(problem) = committed {
        for d in done {
            match d {
                Done::Append { reply, .. } => {
                    let _ = reply.send(Err(problem.clone()));
                }
                Done::Audit { reply } => {
                    let _ = reply.send(Err(problem.clone()));
                }
                Done::FileClaim { reply, .. } => {
                    let _ = reply.send(Err(problem.clone()));
                }
            }
        }
        return;
    }
    // Committed: now the engines, then the answers.
    for d in done {
        match d {
            Done::Append {
                project,
                result,
                facts,
                written_by,
                reply,
            } => {
                let answer = result.map_err(|p| *p).map(|outcomes| {
                    let created = facts
                        .iter()
                        .zip(&outcomes)
                        .filter(|(_, o)| matches!(o, Outcome::Created { .. }))
                        .map(|(incoming, _)| &incoming.fact);
                    apply(&project, created);
                    Appended {
                        outcomes,
                        facts,
                        written_at: now.clone(),
                        written_by,
                    }
                });
                let _ = reply.send(answer);
            }
            Done::Audit { reply } => {
                let _ = reply.send(Ok(()));
            }
            Done::FileClaim { filing, reply } => {
                let _ = reply.send(Ok(filing));
            }
        }
    }
}

fn fail_all(jobs: Vec<Job>, problem: &Problem) {
    for job in jobs {
        match job {
            Job::Append { reply, .. } => {
                let _ = reply.send(Err(problem.clone()));
            }
            Job::Audit { reply, .. } => {
                let _ = reply.send(Err(problem.clone()));
            }
            Job::FileClaim { reply, .. } => {
                let _ = reply.send(Err(problem.clone()));
            }
            Job::Stop => {}
        }
    }
}

/// Applies newly stored facts to the project's engine and invalidates its
/// cache; nothing to do if there are none.
fn apply<'f>(project: &ProjectState, facts: impl Iterator<Item = &'f Fact> + Clone) {
    if facts.clone().next().is_none() {
        return;
    }
    let mut engine = match project.engine.write() {
        Ok(e) => e,
        Err(poisoned) => poisoned.into_inner(),
    };
    for fact in facts.clone() {
        // The writer has ruled out conflicts and bad retractions, so the
        // engine accepts every fact; an error here would be a bug, and the
        // fact is stored either way.
        let _ = engine.apply(fact);
    }
    project.generation.fetch_add(1, Ordering::AcqRel);
    drop(engine);
}

fn action_of(fact: &Fact) -> &'static str {
    match fact.what {
        What::Retraction { .. } => "retract",
        _ => "append",
    }
}

/// Whether two facts with the same id are the same fact (a retraction: the
/// same retracted id, as the engine compares them).
fn same(a: &Fact, b: &Fact) -> bool {
    match (&a.what, &b.what) {
        (What::Retraction { retracts: x, .. }, What::Retraction { retracts: y, .. }) => x == y,
        _ => a == b,
    }
}

/// The audit's word for a refusal, by its status.
pub fn result_word(p: &Problem) -> &'static str {
    match p.status {
        409 => "conflict",
        403 => "forbidden",
        422 => "invalid",
        _ => "refused",
    }
}

const INSERT_FACT: &str =
    "INSERT INTO facts (project, id, kind, date, territory, body, written_at, written_by, checksum)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (project, id) DO NOTHING";
const FACT_BY_ID: &str =
    "SELECT seq, body, written_at, written_by FROM facts WHERE project = ?1 AND id = ?2";
const INSERT_AUDIT: &str =
    "INSERT INTO audit (project, at, org, token, action, fact_id, result, status, detail)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

/// A stored row, as [`Outcome::Duplicate`] carries it.
struct Row {
    seq: i64,
    body: String,
    written_at: String,
    written_by: String,
}

/// The statements one request uses, prepared once for all its facts.
struct Statements<'c> {
    insert: rusqlite::CachedStatement<'c>,
    lookup: rusqlite::CachedStatement<'c>,
}

impl Statements<'_> {
    fn lookup(&mut self, project: &str, id: &str) -> rusqlite::Result<Option<Row>> {
        self.lookup
            .query_row(params![project, id], |r| {
                Ok(Row {
                    seq: r.get(0)?,
                    body: r.get(1)?,
                    written_at: r.get(2)?,
                    written_by: r.get(3)?,
                })
            })
            .optional()
    }
}

/// Stores the facts of one request under its own savepoint, all or nothing,
/// then audits it (one row per fact, or one for the fact that refused it).
/// An `Err` is a database failure; a refusal is the inner `Err`.
fn append(
    tx: &Transaction<'_>,
    project: &ProjectState,
    actor: &Actor,
    facts: &[Incoming],
    batch: bool,
    now: &str,
    room: &mut i128,
) -> rusqlite::Result<Result<Vec<Outcome>, Problem>> {
    let pid = project.id();
    tx.execute_batch("SAVEPOINT request")?;
    // Taken from `room` only once the whole request is stored.
    let mut left = *room;
    let mut statements = Statements {
        insert: tx.prepare_cached(INSERT_FACT)?,
        lookup: tx.prepare_cached(FACT_BY_ID)?,
    };
    let mut outcomes = Vec::with_capacity(facts.len());
    for (index, incoming) in facts.iter().enumerate() {
        let magnitude = spending_magnitude(&incoming.fact);
        let staged = if magnitude > 0 && magnitude >= left {
            Ok(Err(spending_limit_problem()))
        } else {
            stage(&mut statements, tx, project, actor, incoming, now)
        };
        match staged? {
            Ok(outcome) => {
                if matches!(outcome, Outcome::Created { .. }) {
                    left -= magnitude;
                }
                outcomes.push(outcome);
            }
            Err(problem) => {
                drop(statements);
                tx.execute_batch("ROLLBACK TO request; RELEASE request")?;
                let problem = if batch {
                    problem.in_batch(index)
                } else {
                    problem
                };
                write_audit(
                    tx,
                    &AuditRow {
                        project: pid.to_owned(),
                        actor: actor.clone(),
                        action: action_of(&incoming.fact),
                        fact_id: Some(incoming.fact.id.clone()),
                        result: result_word(&problem),
                        status: problem.status,
                        detail: Some(problem.audit_note(project.project.vocabulary())),
                    },
                    now,
                )?;
                return Ok(Err(problem));
            }
        }
    }
    drop(statements);
    tx.execute_batch("RELEASE request")?;
    *room = left;
    let mut audit = tx.prepare_cached(INSERT_AUDIT)?;
    for (incoming, outcome) in facts.iter().zip(&outcomes) {
        let (result, status) = match outcome {
            Outcome::Created { .. } => ("created", 201),
            Outcome::Duplicate { .. } => ("duplicate", 200),
        };
        audit.execute(params![
            pid,
            now,
            actor.org,
            actor.token,
            action_of(&incoming.fact),
            incoming.fact.id,
            result,
            status,
            Option::<&str>::None,
        ])?;
    }
    Ok(Ok(outcomes))
}

/// The magnitude in grosze an expenditure adds to core's spending limit.
fn spending_magnitude(fact: &Fact) -> i128 {
    match &fact.what {
        What::Expenditure { amount, .. } => {
            i128::try_from(amount.grosze().unsigned_abs()).unwrap_or(i128::MAX)
        }
        _ => 0,
    }
}

/// The refusal of an expenditure that core's engine would exclude under its
/// spending limit (`fact.spending-limit`).
fn spending_limit_problem() -> Problem {
    let mut problem = Problem::unprocessable_said(message::SPENDING_LIMIT, &[]).at("/amount");
    problem.findings = vec![crate::problem::ProblemFinding {
        code: "fact.spending-limit".to_owned(),
        severity: "error".to_owned(),
        message: message::SPENDING_LIMIT_REACHED.get(Lang::En).to_owned(),
    }];
    problem
}

/// The answer to a fact whose id is already stored: the same fact again, or
/// a conflict.
fn repeated(fact: &Fact, row: Row, vocabulary: &Vocabulary) -> Result<Outcome, Problem> {
    if store::fact_of(&row.body, vocabulary).is_ok_and(|old| same(&old, fact)) {
        Ok(Outcome::Duplicate {
            seq: row.seq,
            body: row.body,
            written_at: row.written_at,
            written_by: row.written_by,
        })
    } else {
        Err(Problem::conflict_said(
            message::FACT_STORED_OTHERWISE,
            &[&format_args!("{:?}", fact.id), &row.seq],
        )
        .at("/id"))
    }
}

/// Stores one fact, or finds it stored, or says why not.
fn stage(
    statements: &mut Statements<'_>,
    tx: &Transaction<'_>,
    state: &ProjectState,
    actor: &Actor,
    incoming: &Incoming,
    now: &str,
) -> rusqlite::Result<Result<Outcome, Problem>> {
    let project = state.id();
    let vocabulary = state.project.vocabulary();
    let fact = &incoming.fact;
    if let What::Retraction { retracts, .. } = &fact.what {
        if let Some(row) = statements.lookup(project, &fact.id)? {
            return Ok(repeated(fact, row, vocabulary));
        }
        if retracts == &fact.id {
            return Ok(Err(Problem::unprocessable_said(
                message::RETRACTS_ITSELF,
                &[&format_args!("{:?}", fact.id)],
            )
            .at("/retracts")));
        }
        let Some(row) = statements.lookup(project, retracts)? else {
            return Ok(Err(Problem::unprocessable_said(
                message::RETRACTS_UNKNOWN,
                &[&format_args!("{retracts:?}"), &project],
            )
            .at("/retracts")));
        };
        let target = match store::fact_of(&row.body, vocabulary) {
            Ok(t) => t,
            Err(e) => {
                return Ok(Err(Problem::internal(
                    message::STORED_FACT_CANNOT_BE_READ.fill(Lang::En, &[&e]),
                )));
            }
        };
        if matches!(target.what, What::Retraction { .. }) {
            return Ok(Err(Problem::unprocessable_said(
                message::RETRACTS_RETRACTION,
                &[
                    &format_args!("{:?}", fact.id),
                    &format_args!("{retracts:?}"),
                ],
            )
            .at("/retracts")));
        }
        if let Err(p) = actor.may_write(&state.project, &target) {
            return Ok(Err(Problem::forbidden_said(
                message::MAY_NOT_RETRACT,
                &[&actor.org, &format_args!("{retracts:?}"), &p.detail],
            )
            .at("/retracts")));
        }
    }
    // Insert first: a new id (the usual case) costs one index probe. Only an
    // id already stored is looked up, to tell a retry from a conflict.
    let inserted = statements.insert.execute(params![
        project,
        fact.id,
        fact.kind(),
        fact.date.to_string(),
        fact.territory.as_ref().map(|t| t.as_str()),
        incoming.body,
        now,
        actor.org,
        incoming.checksum,
    ])?;
    if inserted == 1 {
        return Ok(Ok(Outcome::Created {
            seq: tx.last_insert_rowid(),
        }));
    }
    match statements.lookup(project, &fact.id)? {
        Some(row) => Ok(repeated(fact, row, vocabulary)),
        None => Err(rusqlite::Error::QueryReturnedNoRows),
    }
}

fn write_audit(tx: &Transaction<'_>, row: &AuditRow, now: &str) -> rusqlite::Result<()> {
    tx.prepare_cached(INSERT_AUDIT)?.execute(params![
        row.project,
        now,
        row.actor.org,
        row.actor.token,
        row.action,
        row.fact_id,
        row.result,
        row.status,
        row.detail,
    ])?;
    Ok(())
}

/// The status a write answers: 201 if any fact is new, else 200.
pub fn status_of(outcomes: &[Outcome]) -> StatusCode {
    if outcomes
        .iter()
        .any(|o| matches!(o, Outcome::Created { .. }))
    {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    }
}
