//! The single writer: one thread owns the write connection, groups the write
//! requests that wait into one transaction (group commit), commits it, then
//! updates the engines and answers each request.
//!
//! A request (one fact, or a batch) is all or nothing: it runs under its own
//! savepoint, and a fact that conflicts or fails a check rolls back the whole
//! request and no other. Audit rows are written in the same transaction, after
//! the savepoint, so refusals are audited too. Nothing is acknowledged before
//! the commit returns, and `synchronous = FULL` makes a commit durable.

use std::sync::Arc;
use std::sync::atomic::Ordering;

use axum::http::StatusCode;
use kooperacja_core::engine::Engine;
use kooperacja_core::facts::{Fact, What};
use rusqlite::{Connection, Transaction, params};
use tokio::sync::{mpsc, oneshot};

use crate::access::Actor;
use crate::limits::{GROUP_MAX_FACTS, GROUP_MAX_REQUESTS, WRITER_QUEUE};
use crate::problem::Problem;
use crate::state::{ProjectState, SharedEngine, pinned_project};
use crate::store::{self, StoredFact};

/// A fact to store, with its note.
#[derive(Debug, Clone)]
pub struct Incoming {
    /// The fact, person keys already pseudonymised.
    pub fact: Fact,
    /// Its note, kept but not part of its content.
    pub note: Option<String>,
}

/// What storing one fact did.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// Stored now.
    Created(StoredFact),
    /// Already stored with the same content: the stored fact.
    Duplicate(StoredFact),
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
        reply: Reply<Vec<Outcome>>,
    },
    Audit {
        rows: Vec<AuditRow>,
        reply: Reply<()>,
    },
    Pin {
        project: Arc<ProjectState>,
        index: usize,
        reply: Reply<SharedEngine>,
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
            Job::Pin { .. } => "Pin",
            Job::Stop => "Stop",
        })
    }
}

fn gone() -> Problem {
    Problem::unavailable("the writer has stopped; the server is shutting down")
}

impl Writer {
    /// Starts the writer thread over `conn`. It ends when every handle is dropped.
    pub fn start(conn: Connection) -> Result<(Writer, std::thread::JoinHandle<()>), String> {
        let (sender, receiver) = mpsc::channel(WRITER_QUEUE);
        let handle = std::thread::Builder::new()
            .name("kooperacja-writer".to_owned())
            .spawn(move || run(conn, receiver))
            .map_err(|e| format!("cannot start the writer thread: {e}"))?;
        Ok((Writer { sender }, handle))
    }

    /// Stores facts for `actor`, all or nothing, and answers once committed.
    pub async fn append(
        &self,
        project: Arc<ProjectState>,
        actor: Actor,
        facts: Vec<Incoming>,
        batch: bool,
    ) -> Result<Vec<Outcome>, Problem> {
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

    /// Asks the writer to commit what it has been sent so far and to end; a
    /// write sent after this answers 503.
    pub async fn stop(&self) {
        let _ = self.sender.send(Job::Stop).await;
    }

    /// The engine pinned to a version, built from the database on first use.
    pub async fn pinned(
        &self,
        project: Arc<ProjectState>,
        index: usize,
    ) -> Result<SharedEngine, Problem> {
        if let Some(engine) = project.pinned_engine(index) {
            return Ok(engine);
        }
        let (reply, answer) = oneshot::channel();
        self.sender
            .send(Job::Pin {
                project,
                index,
                reply,
            })
            .await
            .map_err(|_| gone())?;
        answer.await.map_err(|_| gone())?
    }
}

/// Applies every stored fact of a project to an engine, in storage order.
/// Returns how many were refused by the engine (none, unless the database was
/// written by something else).
pub fn rebuild(conn: &Connection, project: &str, engine: &mut Engine<'_>) -> Result<u64, String> {
    let mut refused = 0;
    let mut bad: Option<String> = None;
    store::each_fact(conn, project, |seq, body| match store::fact_of(body) {
        Ok(fact) => {
            if engine.apply(&fact).is_err() {
                refused += 1;
            }
        }
        Err(e) => {
            bad.get_or_insert_with(|| format!("stored fact {seq} cannot be read: {e}"));
        }
    })
    .map_err(|e| format!("cannot read the facts of {project}: {e}"))?;
    match bad {
        Some(e) => Err(e),
        None => Ok(refused),
    }
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
        let mut pins = Vec::new();
        for job in jobs {
            match job {
                Job::Pin {
                    project,
                    index,
                    reply,
                } => pins.push((project, index, reply)),
                Job::Stop => stopping = true,
                other if stopping => fail_all(vec![other], &gone()),
                other => writes.push(other),
            }
        }
        if !writes.is_empty() {
            group(&mut conn, writes);
        }
        for (project, index, reply) in pins {
            let _ = reply.send(pin(&conn, &project, index));
        }
    }
    // Whatever is still queued is refused, so that no sender waits forever.
    receiver.close();
    while let Ok(job) = receiver.try_recv() {
        fail_all(vec![job], &gone());
    }
}

fn pin(conn: &Connection, project: &ProjectState, index: usize) -> Result<SharedEngine, Problem> {
    if let Some(engine) = project.pinned_engine(index) {
        return Ok(engine);
    }
    let pinned = pinned_project(project.project, index)
        .ok_or_else(|| Problem::not_found("no such version").param("version"))?;
    let pinned: &'static _ = Box::leak(Box::new(pinned));
    let mut engine = Engine::new(pinned, project.register);
    rebuild(conn, project.id(), &mut engine).map_err(Problem::internal)?;
    let engine = Arc::new(std::sync::RwLock::new(engine));
    if let Ok(mut map) = project.pinned.lock() {
        map.insert(index, engine.clone());
    }
    Ok(engine)
}

/// The result of one job inside the group transaction, answered after commit.
enum Done {
    Append {
        project: Arc<ProjectState>,
        result: Result<Vec<Outcome>, Problem>,
        created: Vec<Fact>,
        reply: Reply<Vec<Outcome>>,
    },
    Audit {
        reply: Reply<()>,
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
    for job in jobs {
        match job {
            Job::Append {
                project,
                actor,
                facts,
                batch,
                reply,
            } => {
                let (result, created, audit) =
                    match append(&tx, &project, &actor, facts, batch, &now) {
                        Ok(appended) => appended,
                        Err(e) => {
                            // The transaction is in an unknown state: abandon the group.
                            let problem = Problem::from(e);
                            failed.get_or_insert(problem.clone());
                            (Err(problem), Vec::new(), Vec::new())
                        }
                    };
                for row in &audit {
                    if let Err(e) = write_audit(&tx, row, &now) {
                        failed.get_or_insert(Problem::from(e));
                    }
                }
                done.push(Done::Append {
                    project,
                    result,
                    created,
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
            Job::Pin { reply, .. } => {
                let _ = reply.send(Err(Problem::internal("a pin job reached the group")));
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
                created,
                reply,
            } => {
                if !created.is_empty() {
                    apply(&project, &created);
                }
                let _ = reply.send(result);
            }
            Done::Audit { reply } => {
                let _ = reply.send(Ok(()));
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
            Job::Pin { reply, .. } => {
                let _ = reply.send(Err(problem.clone()));
            }
            Job::Stop => {}
        }
    }
}

/// Applies newly stored facts to the project's engines and invalidates its cache.
fn apply(project: &ProjectState, facts: &[Fact]) {
    let pinned: Vec<SharedEngine> = project
        .pinned
        .lock()
        .map(|m| m.values().cloned().collect())
        .unwrap_or_default();
    let mut engine = match project.engine.write() {
        Ok(e) => e,
        Err(poisoned) => poisoned.into_inner(),
    };
    for fact in facts {
        // The writer has ruled out conflicts and bad retractions, so the
        // engine accepts every fact; an error here would be a bug, and the
        // fact is stored either way.
        let _ = engine.apply(fact);
    }
    for other in pinned {
        let mut e = match other.write() {
            Ok(e) => e,
            Err(poisoned) => poisoned.into_inner(),
        };
        for fact in facts {
            let _ = e.apply(fact);
        }
    }
    project.generation.fetch_add(1, Ordering::AcqRel);
    drop(engine);
}

type Appended = (Result<Vec<Outcome>, Problem>, Vec<Fact>, Vec<AuditRow>);

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

fn result_word(p: &Problem) -> &'static str {
    match p.status {
        409 => "conflict",
        403 => "forbidden",
        422 => "invalid",
        _ => "refused",
    }
}

fn append(
    tx: &Transaction<'_>,
    project: &ProjectState,
    actor: &Actor,
    facts: Vec<Incoming>,
    batch: bool,
    now: &str,
) -> rusqlite::Result<Appended> {
    let pid = project.id();
    tx.execute_batch("SAVEPOINT request")?;
    let mut outcomes = Vec::with_capacity(facts.len());
    let mut created = Vec::new();
    let mut audit = Vec::with_capacity(facts.len());
    for (index, incoming) in facts.iter().enumerate() {
        match stage(tx, pid, actor, incoming, now)? {
            Ok((outcome, new)) => {
                audit.push(AuditRow {
                    project: pid.to_owned(),
                    actor: actor.clone(),
                    action: action_of(&incoming.fact),
                    fact_id: Some(incoming.fact.id.clone()),
                    result: if new { "created" } else { "duplicate" },
                    status: if new { 201 } else { 200 },
                    detail: None,
                });
                if new {
                    created.push(incoming.fact.clone());
                }
                outcomes.push(outcome);
            }
            Err(problem) => {
                tx.execute_batch("ROLLBACK TO request; RELEASE request")?;
                let problem = if batch {
                    problem.in_batch(index)
                } else {
                    problem
                };
                let row = AuditRow {
                    project: pid.to_owned(),
                    actor: actor.clone(),
                    action: action_of(&incoming.fact),
                    fact_id: Some(incoming.fact.id.clone()),
                    result: result_word(&problem),
                    status: problem.status,
                    detail: Some(problem.detail.clone()),
                };
                return Ok((Err(problem), Vec::new(), vec![row]));
            }
        }
    }
    tx.execute_batch("RELEASE request")?;
    Ok((Ok(outcomes), created, audit))
}

/// Stores one fact, or finds it stored, or says why not.
fn stage(
    tx: &Transaction<'_>,
    project: &str,
    actor: &Actor,
    incoming: &Incoming,
    now: &str,
) -> rusqlite::Result<Result<(Outcome, bool), Problem>> {
    let fact = &incoming.fact;
    if let Some((stored, body)) = store::fact_by_id(tx, project, &fact.id)? {
        let same = store::fact_of(&body).is_ok_and(|old| same(&old, fact));
        return Ok(if same {
            Ok((Outcome::Duplicate(stored), false))
        } else {
            Err(Problem::conflict(format!(
                "fact {:?} is already stored with other content (storage sequence {}); facts are never edited: retract it and record a new one",
                fact.id, stored.seq
            ))
            .at("/id"))
        });
    }
    if let What::Retraction { retracts, .. } = &fact.what {
        if retracts == &fact.id {
            return Ok(Err(Problem::unprocessable(format!(
                "fact {:?} retracts itself",
                fact.id
            ))
            .at("/retracts")));
        }
        let Some((_, body)) = store::fact_by_id(tx, project, retracts)? else {
            return Ok(Err(Problem::unprocessable(format!(
                "retracts {retracts:?}, but no fact of project {project} has that id; expected the id of a stored fact"
            ))
            .at("/retracts")));
        };
        let target = match store::fact_of(&body) {
            Ok(t) => t,
            Err(e) => {
                return Ok(Err(Problem::internal(format!(
                    "stored fact unreadable: {e}"
                ))));
            }
        };
        if matches!(target.what, What::Retraction { .. }) {
            return Ok(Err(Problem::unprocessable(format!(
                "fact {:?} retracts {retracts:?}, which is itself a retraction; record the fact again under a new id instead",
                fact.id
            ))
            .at("/retracts")));
        }
        if let Err(p) = actor.may_write(&target) {
            return Ok(Err(Problem::forbidden(format!(
                "{} may not retract {retracts:?}: {}",
                actor.org, p.detail
            ))
            .at("/retracts")));
        }
    }
    let body = store::body_of(fact, incoming.note.as_deref());
    tx.prepare_cached(
        "INSERT INTO facts (project, id, kind, date, territory, body, written_at, written_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        project,
        fact.id,
        fact.what.kind().name(),
        fact.date.to_string(),
        fact.territory.as_ref().map(|t| t.as_str().to_owned()),
        body,
        now,
        actor.org,
    ])?;
    let seq = tx.last_insert_rowid();
    let stored = StoredFact {
        seq,
        fact: serde_json::from_str(&body).unwrap_or(serde_json::Value::Null),
        written_at: now.to_owned(),
        written_by: actor.org.clone(),
    };
    Ok(Ok((Outcome::Created(stored), true)))
}

fn write_audit(tx: &Transaction<'_>, row: &AuditRow, now: &str) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO audit (project, at, org, token, action, fact_id, result, status, detail)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
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
    if outcomes.iter().any(|o| matches!(o, Outcome::Created(_))) {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    }
}
