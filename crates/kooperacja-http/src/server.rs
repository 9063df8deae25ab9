//! Starting the server: projects loaded, the database opened and migrated, the
//! writer started, the engines rebuilt from the stored facts, the start-up
//! import done; and the router with its layers (problem documents for every
//! error, a time limit, a 500 for a panic, 503 until ready).

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get, post};
use kooperacja_core::facts::{FactReader, Format};
use kooperacja_core::parse::{MAX_PROJECT_BYTES, MAX_REGISTER_BYTES, parse_project_bytes};
use kooperacja_core::present::{Lang, message};
use kooperacja_core::project::Project;
use kooperacja_core::territory::Register;
use kooperacja_core::validate::{Severity, validate};
use tokio::sync::watch;
use tower_http::catch_panic::CatchPanicLayer;

use crate::access::Actor;
use crate::api::{claims, facts, imports, reads};
use crate::app::AppState;
use crate::conn::{self, Conns, Timeouts};
use crate::limits::{
    FILE_RESERVE, HEADER_TIMEOUT, IDLE_TIMEOUT, LISTEN_BACKLOG, MAX_BATCH_BODY_BYTES,
    MAX_BODY_BYTES, MAX_CONNECTIONS, MAX_UPLOAD_BYTES, REQUEST_TIMEOUT,
};
use crate::problem::{PROBLEM_JSON, Problem};
use crate::pseudonym::Secret;
use crate::redact;
use crate::state::ProjectState;
use crate::store::{self, Readers};
use crate::writer::{Incoming, Writer, rebuild};

/// Every route: its path and its methods. The router is built from this
/// table, and a test checks it against the OpenAPI document both ways.
pub const ROUTES: &[(&str, &[&str])] = &[
    ("/", &["get"]),
    ("/healthz", &["get"]),
    ("/readyz", &["get"]),
    ("/v1/openapi.json", &["get"]),
    ("/v1/projects", &["get"]),
    ("/v1/projects/{id}", &["get"]),
    ("/v1/projects/{id}/fact-schema", &["get"]),
    ("/v1/projects/{id}/report", &["get"]),
    ("/v1/projects/{id}/indicators", &["get"]),
    ("/v1/projects/{id}/milestones", &["get"]),
    ("/v1/projects/{id}/budget", &["get"]),
    ("/v1/projects/{id}/territory", &["get"]),
    ("/v1/projects/{id}/groups", &["get"]),
    ("/v1/projects/{id}/diff", &["get"]),
    ("/v1/projects/{id}/facts", &["get", "post"]),
    ("/v1/projects/{id}/facts/{fact_id}", &["get"]),
    ("/v1/projects/{id}/fact-batches", &["post"]),
    ("/v1/projects/{id}/fact-imports", &["post"]),
    ("/projects/{id}/upload", &["get", "post"]),
    ("/v1/projects/{id}/audit", &["get"]),
    ("/v1/projects/{id}/claims", &["get"]),
    ("/v1/projects/{id}/claims/{n}", &["get"]),
    ("/v1/projects/{id}/claims/{n}/submission", &["post"]),
    ("/projects/{id}/claims", &["get"]),
];

fn method_router(path: &str) -> Option<MethodRouter<Arc<AppState>>> {
    Some(match path {
        "/" => get(reads::dashboard),
        "/healthz" => get(reads::healthz),
        "/readyz" => get(reads::readyz),
        "/v1/openapi.json" => get(crate::openapi::openapi_json),
        "/v1/projects" => get(reads::list_projects),
        "/v1/projects/{id}" => get(reads::get_project),
        "/v1/projects/{id}/fact-schema" => get(reads::fact_schema),
        "/v1/projects/{id}/report" => get(reads::report),
        "/v1/projects/{id}/indicators" => get(reads::indicators),
        "/v1/projects/{id}/milestones" => get(reads::milestones),
        "/v1/projects/{id}/budget" => get(reads::budget),
        "/v1/projects/{id}/territory" => get(reads::territory),
        "/v1/projects/{id}/groups" => get(reads::groups),
        "/v1/projects/{id}/diff" => get(reads::diff),
        "/v1/projects/{id}/facts" => get(facts::list_facts).post(facts::post_fact),
        "/v1/projects/{id}/facts/{fact_id}" => get(facts::get_fact),
        "/v1/projects/{id}/fact-batches" => {
            post(facts::post_batch).layer(DefaultBodyLimit::max(MAX_BATCH_BODY_BYTES))
        }
        "/v1/projects/{id}/fact-imports" => {
            post(imports::post_import).layer(DefaultBodyLimit::max(MAX_UPLOAD_BYTES))
        }
        "/projects/{id}/upload" => get(imports::upload_form)
            .post(imports::upload_page)
            .layer(DefaultBodyLimit::max(MAX_UPLOAD_BYTES)),
        "/v1/projects/{id}/audit" => get(facts::audit),
        "/v1/projects/{id}/claims" => get(claims::list_claims),
        "/v1/projects/{id}/claims/{n}" => get(claims::get_claim),
        "/v1/projects/{id}/claims/{n}/submission" => post(claims::post_submission),
        "/projects/{id}/claims" => get(reads::claims_page),
        _ => return None,
    })
}

/// How to run the server.
#[derive(Debug, Clone)]
pub struct Config {
    /// The project files.
    pub projects: Vec<PathBuf>,
    /// The database file.
    pub db: PathBuf,
    /// The secret file for pseudonyms (default: `<db>.secret`).
    pub secret_file: Option<PathBuf>,
    /// The address to listen on (`127.0.0.1:8080`; port 0 picks a free one).
    pub listen: String,
    /// Fact files to import at start, each for a project id (or the only project).
    pub facts: Vec<(Option<String>, PathBuf)>,
    /// The time limit of a request.
    pub request_timeout: Duration,
    /// Whether to add the test-only routes (`/__test/panic`, `/__test/sleep`).
    pub test_routes: bool,
    /// The most connections open at once (lowered to the open-file limit).
    pub max_connections: usize,
    /// How long a connection may stay open with no request in progress.
    pub idle_timeout: Duration,
    /// How long a request's head may take from its first byte.
    pub header_timeout: Duration,
    /// Start even if the database is new or empty while the secret file
    /// exists (facts were stored under that secret before).
    pub allow_new_database: bool,
}

impl Config {
    /// A configuration with the defaults: the default database, port 8080.
    pub fn new(projects: Vec<PathBuf>) -> Config {
        Config {
            projects,
            db: store::default_path(),
            secret_file: None,
            listen: "127.0.0.1:8080".to_owned(),
            facts: Vec::new(),
            request_timeout: REQUEST_TIMEOUT,
            test_routes: false,
            max_connections: MAX_CONNECTIONS,
            idle_timeout: IDLE_TIMEOUT,
            header_timeout: HEADER_TIMEOUT,
            allow_new_database: false,
        }
    }
}

/// A running server.
#[derive(Debug)]
pub struct Running {
    /// The address it listens on.
    pub addr: SocketAddr,
    /// What the start-up import had to say (refused records), for the log.
    pub notes: Vec<String>,
    /// The most connections it keeps open at once.
    pub max_connections: usize,
    state: Arc<AppState>,
    shutdown: watch::Sender<bool>,
    /// The database's lock, held for the server's life.
    _lock: std::fs::File,
    server: tokio::task::JoinHandle<std::io::Result<()>>,
    writer: std::thread::JoinHandle<()>,
}

impl Running {
    /// Stops accepting, lets the requests under way finish (at most 10 s),
    /// then stops the writer after its last commit.
    pub async fn stop(self) -> Result<(), String> {
        let _ = self.shutdown.send(true);
        let mut server = self.server;
        let served = match tokio::time::timeout(Duration::from_secs(10), &mut server).await {
            Ok(result) => Some(result),
            Err(_) => {
                server.abort();
                None
            }
        };
        // Connections still open after the grace period keep handles to the
        // writer, so it is told to stop rather than left to notice.
        self.state.writer.stop().await;
        drop(self.state);
        let writer = self.writer;
        tokio::task::spawn_blocking(move || writer.join())
            .await
            .map_err(|e| message::CANNOT_STOP_WRITER.fill(Lang::En, &[&e]))?
            .map_err(|_| message::WRITER_PANICKED.get(Lang::En).to_owned())?;
        match served {
            Some(Ok(Ok(()))) | None => Ok(()),
            Some(Ok(Err(e))) => Err(message::SERVER_FAILED.fill(Lang::En, &[&e])),
            Some(Err(e)) => Err(message::SERVER_TASK_FAILED.fill(Lang::En, &[&e])),
        }
    }
}

/// Reads a whole file of at most `limit` bytes; `what` names the kind of file
/// in the refusal. Any kind of file is read (a pipe too), never more than
/// `limit` bytes plus one, so `/dev/zero` is refused like a file too large.
fn read_bounded(
    path: &Path,
    limit: u64,
    what: kooperacja_core::present::Text,
) -> Result<Vec<u8>, String> {
    use kooperacja_core::parse::{LimitedReadError, read_limited};
    let cannot = |e: std::io::Error| message::CANNOT_READ.fill(Lang::En, &[&path.display(), &e]);
    let file = std::fs::File::open(path).map_err(cannot)?;
    let meta = file.metadata().map_err(cannot)?;
    if meta.is_dir() {
        return Err(message::READ_IS_DIRECTORY.fill(Lang::En, &[&path.display()]));
    }
    read_limited(file, meta.is_file().then_some(meta.len()), limit).map_err(|e| match e {
        LimitedReadError::TooLarge { .. } => message::READ_TOO_LARGE.fill(
            Lang::En,
            &[&path.display(), &(limit >> 20), &what.get(Lang::En)],
        ),
        LimitedReadError::Io(e) => cannot(e),
    })
}

/// A project file read, parsed, checked and given its register.
fn load_project(
    path: &Path,
    registers: &mut HashMap<PathBuf, Arc<Register>>,
) -> Result<(Arc<Project>, Arc<Register>), String> {
    let bytes = read_bounded(path, MAX_PROJECT_BYTES, message::FILE_KIND_PROJECT)?;
    let project = parse_project_bytes(&bytes).map_err(|e| {
        kooperacja_core::present::located::parse_error_unnamed(
            kooperacja_core::present::located::Look::Plain,
            &path.display().to_string(),
            &String::from_utf8_lossy(&bytes),
            &e,
        )
    })?;
    // The register the project pins, else the one core embeds.
    let register = match &project.territory.register {
        None => Register::embedded(),
        Some(rel) => {
            let file = path.parent().unwrap_or(Path::new(".")).join(rel);
            let key = file.canonicalize().unwrap_or_else(|_| file.clone());
            match registers.get(&key) {
                Some(r) => Arc::clone(r),
                None => {
                    let bytes = read_bounded(&file, MAX_REGISTER_BYTES, message::FILE_KIND_TERC)?;
                    let text = String::from_utf8(bytes)
                        .map_err(|_| message::READ_NOT_UTF8.fill(Lang::En, &[&file.display()]))?;
                    let register = Register::parse_named(&file.to_string_lossy(), &text)
                        .map_err(|e| format!("{}: {e}", file.display()))?;
                    let register = Arc::new(register);
                    registers.insert(key, Arc::clone(&register));
                    register
                }
            }
        }
    };
    let validation = validate(&project, Some(&register));
    let errors = validation.error_lines();
    if !errors.is_empty() {
        return Err(message::PROJECT_NOT_SERVED.fill(
            Lang::En,
            &[&path.display(), &errors.len(), &errors.join("; ")],
        ));
    }
    Ok((Arc::new(project), register))
}

/// Starts the server and returns once it is ready (engines rebuilt, import
/// done). Requests that arrive before answer 503, except `/healthz`.
pub async fn start(config: Config) -> Result<Running, String> {
    if config.projects.is_empty() {
        return Err(message::NO_PROJECT.get(Lang::En).to_owned());
    }
    let mut registers = HashMap::new();
    let mut projects: Vec<Arc<ProjectState>> = Vec::new();
    for path in &config.projects {
        let (project, register) = load_project(path, &mut registers)?;
        if projects.iter().any(|p| p.id() == project.id) {
            return Err(message::PROJECT_GIVEN_TWICE.fill(
                Lang::En,
                &[&path.display(), &format_args!("{:?}", project.id)],
            ));
        }
        projects.push(Arc::new(ProjectState::new(project, register, path.clone())));
    }

    let lock = store::lock(&config.db)?;
    let secret_path = config
        .secret_file
        .clone()
        .unwrap_or_else(|| store::secret_path(&config.db));
    let secret_existed = secret_path.exists();
    let mut conn = store::open(&config.db)?;
    store::quick_check(&conn).map_err(|found| {
        message::DATABASE_DAMAGED.fill(Lang::En, &[&config.db.display(), &found])
    })?;
    let secret = Secret::load_or_create(&secret_path)?;
    let fingerprint = secret.fingerprint();
    match store::meta(&conn, "secret_fingerprint").map_err(|e| e.to_string())? {
        Some(stored) if stored != fingerprint => {
            return Err(message::SECRET_MISMATCH.fill(Lang::En, &[&secret_path.display()]));
        }
        Some(_) => {}
        None if secret_existed && !config.allow_new_database => {
            return Err(message::DATABASE_GONE
                .fill(Lang::En, &[&config.db.display(), &secret_path.display()]));
        }
        None => {
            store::set_meta(&conn, "secret_fingerprint", &fingerprint).map_err(|e| e.to_string())?
        }
    }
    store::backfill_checksums(&mut conn, |project, id, body| {
        secret.checksum(project, id, body)
    })
    .map_err(|e| message::CANNOT_BACKFILL_CHECKSUMS.fill(Lang::En, &[&e]))?;
    for p in &projects {
        let orgs: Vec<String> = p
            .project
            .organisations
            .iter()
            .map(|o| o.id.clone())
            .collect();
        store::register_project(&conn, p.id(), &orgs).map_err(|e| e.to_string())?;
    }

    let (writer, writer_thread) = Writer::start(conn)?;
    let state = Arc::new(AppState {
        projects,
        readers: Readers::new(&config.db),
        writer,
        secret,
        ready: Default::default(),
        test_routes: config.test_routes,
    });

    let listener = listen(&config.listen).await?;
    let addr = listener
        .local_addr()
        .map_err(|e| message::CANNOT_READ_LISTEN_ADDRESS.fill(Lang::En, &[&e]))?;
    let app = router(state.clone(), config.request_timeout);
    let (cap, cap_note) = conn::connection_cap(config.max_connections, FILE_RESERVE);
    let conns = Arc::new(Conns::new(
        cap,
        Timeouts {
            idle: config.idle_timeout,
            header: config.header_timeout,
        },
    ));
    let (shutdown, stopped) = watch::channel(false);
    let server = tokio::spawn(conn::serve(listener, app, conns, stopped));

    // Rebuild every engine from the database, in storage order. Nothing is
    // written meanwhile: writes wait for readiness.
    let s = state.clone();
    let rebuilt = tokio::task::spawn_blocking(move || -> Result<Vec<String>, String> {
        let conn = store::connect(s.readers.path())
            .map_err(|e| message::CANNOT_OPEN_DATABASE.fill(Lang::En, &[&e]))?;
        let mut notes = Vec::new();
        for p in &s.projects {
            let mut engine = p
                .engine
                .write()
                .map_err(|_| message::ENGINE_LOCK_POISONED.get(Lang::En))?;
            let excluded = rebuild(&conn, p.id(), &mut engine, Some(&s.secret))?;
            if !excluded.is_empty() {
                let total: u64 = excluded.values().sum();
                let by: Vec<String> = excluded.iter().map(|(c, n)| format!("{c} {n}")).collect();
                notes.push(
                    message::FACTS_NO_LONGER_FIT.fill(Lang::En, &[&p.id(), &total, &by.join(", ")]),
                );
            }
            drop(engine);
            p.generation.fetch_add(1, Ordering::AcqRel);
        }
        Ok(notes)
    })
    .await
    .map_err(|e| message::REBUILD_FAILED.fill(Lang::En, &[&e]))??;

    let mut notes: Vec<String> = cap_note.into_iter().chain(rebuilt).collect();
    for (project, file) in &config.facts {
        notes.extend(import(&state, project.as_deref(), file).await?);
    }
    state.ready.store(true, Ordering::Release);
    Ok(Running {
        addr,
        notes,
        max_connections: cap,
        state,
        shutdown,
        _lock: lock,
        server,
        writer: writer_thread,
    })
}

/// A listening socket with a backlog of [`LISTEN_BACKLOG`] (the default of
/// 128 drops the connections of a burst, and their clients wait a second
/// to try again).
async fn listen(address: &str) -> Result<tokio::net::TcpListener, String> {
    let fail = |e: std::io::Error| message::CANNOT_LISTEN.fill(Lang::En, &[&address, &e]);
    let addr = tokio::net::lookup_host(address)
        .await
        .map_err(fail)?
        .next()
        .ok_or_else(|| message::LISTEN_NO_ADDRESS.fill(Lang::En, &[&address]))?;
    let socket = if addr.is_ipv4() {
        tokio::net::TcpSocket::new_v4()
    } else {
        tokio::net::TcpSocket::new_v6()
    }
    .map_err(fail)?;
    socket.set_reuseaddr(true).map_err(fail)?;
    socket.bind(addr).map_err(fail)?;
    socket.listen(LISTEN_BACKLOG).map_err(fail)
}

/// Imports a JSON Lines or CSV fact file as the project's leader, through the
/// same checks and writer as the API; a fact already stored is a duplicate, so
/// importing twice stores nothing new. Returns notes on the records refused.
async fn import(
    state: &Arc<AppState>,
    project: Option<&str>,
    file: &Path,
) -> Result<Vec<String>, String> {
    let target = match project {
        Some(id) => state.project(id).cloned().ok_or_else(|| {
            message::IMPORT_NO_SUCH_PROJECT.fill(Lang::En, &[&id, &format_args!("{id:?}")])
        })?,
        None if state.projects.len() == 1 => state.projects[0].clone(),
        None => {
            return Err(message::IMPORT_NAME_THE_PROJECT.fill(Lang::En, &[&file.display()]));
        }
    };
    let leader = target
        .project
        .leader()
        .and_then(|l| Actor::of(&target.project, &l.id, None))
        .ok_or_else(|| message::IMPORT_NO_LEADER.fill(Lang::En, &[&target.id()]))?;
    let handle = std::fs::File::open(file)
        .map_err(|e| message::CANNOT_READ.fill(Lang::En, &[&file.display(), &e]))?;
    let format = match file.extension().and_then(|e| e.to_str()) {
        Some(ext) if ext.eq_ignore_ascii_case("csv") => Format::Csv,
        _ => Format::JsonLines,
    };
    let vocabulary = Arc::clone(target.project.vocabulary());
    let reader = FactReader::new(
        std::io::BufReader::new(handle),
        format,
        Arc::clone(&vocabulary),
        state.secret.key().clone(),
    );
    let name = file.display().to_string();
    let mut notes = Vec::new();
    let mut admitted = Vec::new();
    let (mut read, mut excluded, mut created, mut duplicates) = (0_u64, 0_u64, 0_u64, 0_u64);
    // The notes name the record, the field and the rule, never a value: a
    // file may hold names where it should not (they go to the log).
    for (n, item) in reader.enumerate() {
        let n = n + 1;
        read += 1;
        let fact = match item {
            Ok(fact) => fact,
            Err(e) => {
                let field = e
                    .field
                    .as_deref()
                    .unwrap_or(message::IMPORT_WHOLE_RECORD.get(Lang::En));
                excluded += 1;
                notes.push(message::IMPORT_RECORD_INVALID.fill(
                    Lang::En,
                    &[
                        &name,
                        &e.line,
                        &n,
                        &crate::problem::safe_pointer(field, &vocabulary),
                    ],
                ));
                continue;
            }
        };
        if let Some(field) = facts::personal_data(&fact.to_record(), &vocabulary) {
            let p = facts::personal_data_problem(&field);
            excluded += 1;
            notes.push(
                message::IMPORT_RECORD_REFUSED
                    .fill(Lang::En, &[&name, &n, &p.audit_note(&vocabulary)]),
            );
            continue;
        }
        let codes: Vec<&str> =
            kooperacja_core::fact_check::FactCheck::new(&target.project, Some(&target.register))
                .check(&fact)
                .into_iter()
                .filter(|f| f.severity == Severity::Error)
                .map(|f| f.code)
                .collect();
        if codes.is_empty() {
            admitted.push((n, Incoming::new(&state.secret, target.id(), fact, None)));
        } else {
            excluded += 1;
            notes.push(
                message::IMPORT_RECORD_DOES_NOT_FIT.fill(Lang::En, &[&name, &n, &codes.join(", ")]),
            );
        }
    }
    // Batches of 1000, each all or nothing; a batch that is refused is
    // retried fact by fact, so that one bad fact refuses only itself.
    for chunk in admitted.chunks(1000) {
        let facts: Vec<Incoming> = chunk.iter().map(|(_, i)| i.clone()).collect();
        let whole = state
            .writer
            .append(target.clone(), leader.clone(), facts, true)
            .await;
        if let Ok(appended) = whole {
            let new = appended
                .outcomes
                .iter()
                .filter(|o| matches!(o, crate::writer::Outcome::Created { .. }))
                .count() as u64;
            created += new;
            duplicates += appended.outcomes.len() as u64 - new;
            continue;
        }
        for (n, incoming) in chunk {
            match state
                .writer
                .append(
                    target.clone(),
                    leader.clone(),
                    vec![incoming.clone()],
                    false,
                )
                .await
            {
                Ok(appended) => match appended.outcomes.first() {
                    Some(crate::writer::Outcome::Created { .. }) => created += 1,
                    _ => duplicates += 1,
                },
                Err(p) => {
                    excluded += 1;
                    notes.push(
                        message::IMPORT_RECORD_REFUSED
                            .fill(Lang::En, &[&name, n, &p.audit_note(&vocabulary)]),
                    );
                }
            }
        }
    }
    notes.push(
        message::IMPORT_SUMMARY.fill(Lang::En, &[&name, &read, &created, &duplicates, &excluded]),
    );
    Ok(notes)
}

/// The router with every route of [`ROUTES`] and its layers.
pub fn router(state: Arc<AppState>, timeout: Duration) -> Router {
    let mut router: Router<Arc<AppState>> = Router::new();
    for (path, _) in ROUTES {
        if let Some(methods) = method_router(path) {
            router = router.route(path, methods);
        }
    }
    if state.test_routes {
        router = router
            .route("/__test/panic", get(test_panic))
            .route("/__test/sleep", get(test_sleep));
    }
    router
        .fallback(no_route)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(middleware::from_fn_with_state(state.clone(), gate))
        .layer(middleware::from_fn_with_state(timeout, time_limit))
        .layer(CatchPanicLayer::custom(
            |_: Box<dyn std::any::Any + Send>| {
                Problem::internal(message::REQUEST_PANICKED.get(Lang::En)).into_response()
            },
        ))
        .layer(middleware::from_fn(declared_size))
        .layer(middleware::from_fn_with_state(state.clone(), problems))
        .with_state(state)
}

/// 413 at once for a body whose declared length (`Content-Length`) is over
/// the path's limit, before a byte of it is read.
async fn declared_size(request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let limit = if path.ends_with("/fact-batches") {
        MAX_BATCH_BODY_BYTES
    } else if path.ends_with("/fact-imports") || path.ends_with("/upload") {
        MAX_UPLOAD_BYTES
    } else {
        MAX_BODY_BYTES
    };
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    match declared {
        Some(n) if n > u64::try_from(limit).unwrap_or(u64::MAX) => {
            let mut response = Problem::said(
                StatusCode::PAYLOAD_TOO_LARGE,
                "too-large",
                message::BODY_DECLARED_TOO_LARGE,
                &[&n, &limit],
            )
            .into_response();
            // The body is not read, so the connection cannot carry another request.
            response
                .headers_mut()
                .insert(header::CONNECTION, HeaderValue::from_static("close"));
            response
        }
        _ => next.run(request).await,
    }
}

async fn no_route(request: Request) -> Problem {
    Problem::said(
        StatusCode::NOT_FOUND,
        "no-such-route",
        message::NO_ROUTE,
        &[&request.uri().path()],
    )
}

/// 503 until the server is ready, except for the health checks.
async fn gate(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    let path = request.uri().path();
    if state.is_ready() || path == "/healthz" || path == "/readyz" {
        next.run(request).await
    } else {
        Problem::said(
            StatusCode::SERVICE_UNAVAILABLE,
            "unavailable",
            message::SERVER_STARTING,
            &[],
        )
        .into_response()
    }
}

async fn time_limit(State(limit): State<Duration>, request: Request, next: Next) -> Response {
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => Problem::said(
            StatusCode::REQUEST_TIMEOUT,
            "timeout",
            message::REQUEST_TIMEOUT,
            &[&limit.as_millis()],
        )
        .into_response(),
    }
}

/// Turns every error response that is not yet a problem document (axum's own
/// 405, a rejected body) into one, keeping its status and headers; and
/// removes every value of the request from every problem (see [`redact`]).
async fn problems(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    let (tee, seen) = redact::Tee::new(body);
    let head = parts.clone();
    let response = next
        .run(Request::from_parts(parts, axum::body::Body::new(tee)))
        .await;
    let status = response.status();
    // A page for people (the dashboard's refusal of a bad date) stays a page;
    // it quotes nothing of the request.
    let is_page = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    if status.as_u16() < 400 || is_page {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let text = axum::body::to_bytes(body, 1 << 20)
        .await
        .unwrap_or_default();
    let is_problem = parts
        .headers
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes() == PROBLEM_JSON.as_bytes());
    let mut problem: serde_json::Value = match serde_json::from_slice(&text) {
        Ok(p) if is_problem => p,
        _ => {
            let text = String::from_utf8_lossy(&text).trim().to_owned();
            if status == StatusCode::METHOD_NOT_ALLOWED {
                parts.extensions.insert(crate::problem::Said {
                    text: message::METHOD_NOT_ALLOWED,
                    args: Vec::new(),
                    in_batch: None,
                });
            }
            let detail = match status {
                StatusCode::METHOD_NOT_ALLOWED => {
                    message::METHOD_NOT_ALLOWED.get(Lang::En).to_owned()
                }
                _ if !text.is_empty() => text,
                _ => status.canonical_reason().unwrap_or("error").to_owned(),
            };
            let slug = match status {
                StatusCode::METHOD_NOT_ALLOWED => "method-not-allowed",
                StatusCode::PAYLOAD_TOO_LARGE => "too-large",
                StatusCode::UNSUPPORTED_MEDIA_TYPE => "unsupported-media-type",
                _ => "error",
            };
            serde_json::to_value(Problem::new(status, slug, detail)).unwrap_or_default()
        }
    };
    // The title, and a detail said from the catalogue, in the language the
    // request prefers.
    let lang = crate::problem::lang_of(&head.headers);
    crate::problem::localise(
        &mut problem,
        lang,
        parts.extensions.get::<crate::problem::Said>(),
    );
    parts.headers.insert(
        header::CONTENT_LANGUAGE,
        HeaderValue::from_static(lang.code()),
    );
    let chunks = seen.lock().map(|s| s.clone()).unwrap_or_default();
    // The field names of the project the path names are names, not values.
    let vocabulary = head
        .uri
        .path()
        .strip_prefix("/v1/projects/")
        .and_then(|rest| state.project(rest.split('/').next().unwrap_or_default()))
        .map_or_else(
            || Arc::new(kooperacja_core::vocabulary::Vocabulary::built_in()),
            |p| Arc::clone(p.project.vocabulary()),
        );
    let values = redact::values(&head, &chunks, &vocabulary);
    redact::redact_problem(&mut problem, &values);
    let body = serde_json::to_vec(&problem).unwrap_or_else(|_| b"{}".to_vec());
    parts.headers.remove(header::CONTENT_LENGTH);
    parts
        .headers
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
    Response::from_parts(parts, axum::body::Body::from(body))
}

async fn test_panic() -> Response {
    panic!("a test panic in a handler");
}

async fn test_sleep(
    query: Result<
        axum::extract::Query<Vec<(String, String)>>,
        axum::extract::rejection::QueryRejection,
    >,
) -> Result<Response, Problem> {
    let params = crate::api::Params::from(query)?;
    let ms: u64 = params.get("ms").and_then(|v| v.parse().ok()).unwrap_or(0);
    tokio::time::sleep(Duration::from_millis(ms.min(60_000))).await;
    reads::json(StatusCode::OK, &serde_json::json!({"slept_ms": ms}))
}
