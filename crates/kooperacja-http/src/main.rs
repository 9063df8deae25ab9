//! `kooperacja-server`: serve projects over HTTP, and manage the tokens.
//!
//! Glue: the arguments become a [`Config`] or a token command; the library
//! does the rest. Exit codes: 0 fine, 1 a failure (with a message on standard
//! error), 2 a usage error.

#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "the binary reports on its own standard output and error"
)]

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand};
use kooperacja_core::present::{Lang, message};
use kooperacja_http::server::{Config, start};
use kooperacja_http::store;

#[derive(Debug, Parser)]
#[command(
    name = "kooperacja-server",
    version,
    about = "A partnership project's report and facts over HTTP"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve projects: the JSON API under /v1 and the dashboard at /.
    Serve(ServeArgs),
    /// Create, list and revoke the organisations' tokens.
    #[command(subcommand)]
    Token(TokenCommand),
}

#[derive(Debug, clap::Args)]
struct ServeArgs {
    /// A project file (TOML); repeat for several projects.
    #[arg(long = "project", value_name = "FILE", required = true)]
    projects: Vec<PathBuf>,
    /// The SQLite database file (created if missing). Default:
    /// $XDG_DATA_HOME/kooperacja/kooperacja.sqlite3, else
    /// ~/.local/share/kooperacja/kooperacja.sqlite3.
    #[arg(long, value_name = "PATH")]
    db: Option<PathBuf>,
    /// The address to listen on; port 0 picks a free port.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
    listen: String,
    /// A fact file (JSON Lines, or CSV by its name) to import at start, as
    /// PROJECT_ID=FILE (or FILE with one project); importing again stores
    /// nothing new. Repeatable.
    #[arg(long = "facts", value_name = "[PROJECT_ID=]FILE")]
    facts: Vec<String>,
    /// The pseudonymisation secret file (default: the database's path with
    /// `.secret` appended); created with mode 0600 if missing.
    #[arg(long, value_name = "PATH")]
    secret_file: Option<PathBuf>,
    /// The time limit of one request, in milliseconds.
    #[arg(long, value_name = "MS", default_value_t = 10_000)]
    request_timeout_ms: u64,
    /// The most connections open at once; lowered to what the open-file
    /// limit allows. At the cap, the connection idle longest is closed to
    /// make room.
    #[arg(long, value_name = "N", default_value_t = kooperacja_http::limits::MAX_CONNECTIONS)]
    max_connections: usize,
    /// How long a connection may stay open with no request in progress, in
    /// milliseconds.
    #[arg(long, value_name = "MS", default_value_t = 30_000)]
    idle_timeout_ms: u64,
    /// How long a request's head (request line and headers) may take from
    /// its first byte, in milliseconds.
    #[arg(long, value_name = "MS", default_value_t = 10_000)]
    header_timeout_ms: u64,
    /// Start even though the database is new or empty while its secret file
    /// exists (facts were stored under that secret before): only to start
    /// over on purpose; otherwise restore the database from a backup.
    #[arg(long)]
    allow_new_database: bool,
    /// Adds test-only routes (/__test/panic, /__test/sleep) for the server's tests.
    #[arg(long, hide = true)]
    test_routes: bool,
}

#[derive(Debug, Subcommand)]
enum TokenCommand {
    /// Create a token for an organisation of a project; printed once, stored as a hash.
    Create {
        /// The project's id.
        #[arg(long, value_name = "ID")]
        project: String,
        /// The organisation's id.
        #[arg(long, value_name = "ID")]
        org: String,
        /// The database file (as for `serve`).
        #[arg(long, value_name = "PATH")]
        db: Option<PathBuf>,
    },
    /// List the tokens (ids, organisations, dates; never the tokens).
    List {
        /// The database file (as for `serve`).
        #[arg(long, value_name = "PATH")]
        db: Option<PathBuf>,
    },
    /// Revoke a token by its id; it stops working at once.
    Revoke {
        /// The token's id, from `token list`.
        id: i64,
        /// The database file (as for `serve`).
        #[arg(long, value_name = "PATH")]
        db: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Serve(args) => serve(args),
        Command::Token(command) => token(command),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(reason) => {
            eprintln!("{}", message::ERROR_LINE.fill(Lang::En, &[&reason]));
            ExitCode::from(1)
        }
    }
}

fn serve(args: ServeArgs) -> Result<(), String> {
    let mut config = Config::new(args.projects);
    config.db = args.db.unwrap_or_else(store::default_path);
    config.listen = args.listen;
    config.secret_file = args.secret_file;
    config.request_timeout = Duration::from_millis(args.request_timeout_ms.max(1));
    config.test_routes = args.test_routes;
    config.allow_new_database = args.allow_new_database;
    config.max_connections = args.max_connections.max(1);
    config.idle_timeout = Duration::from_millis(args.idle_timeout_ms.max(1));
    config.header_timeout = Duration::from_millis(args.header_timeout_ms.max(1));
    // Take the open-file limit up to its hard limit, as much as allowed: the
    // connection cap is set from what it then is.
    let _ = rlimit::increase_nofile_limit(u64::MAX);
    config.facts = args
        .facts
        .iter()
        .map(|spec| match spec.split_once('=') {
            Some((id, file)) if !id.is_empty() && !id.contains('/') => {
                (Some(id.to_owned()), PathBuf::from(file))
            }
            _ => (None, PathBuf::from(spec)),
        })
        .collect();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(kooperacja_http::limits::MAX_BLOCKING_THREADS)
        .build()
        .map_err(|e| message::CANNOT_START_RUNTIME.fill(Lang::En, &[&e]))?;
    runtime.block_on(async move {
        let db = config.db.clone();
        let stop = signals();
        let running = start(config).await?;
        for note in &running.notes {
            eprintln!("{}", message::WARNING_LINE.fill(Lang::En, &[note]));
        }
        eprintln!(
            "{}",
            message::DATABASE_LINE.fill(Lang::En, &[&db.display()])
        );
        println!("{}", message::LISTENING.fill(Lang::En, &[&running.addr]));
        let _ = std::io::stdout().flush();
        stop.await;
        eprintln!("{}", message::STOPPING.get(Lang::En));
        running.stop().await
    })
}

/// Registers for SIGINT (Ctrl-C) and SIGTERM now, before the address is
/// printed (a signal sent as soon as it is would otherwise end the process
/// uncleanly), and returns the wait for either.
fn signals() -> impl Future<Output = ()> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let mut term = signal(SignalKind::terminate()).ok();
        let mut interrupt = signal(SignalKind::interrupt()).ok();
        async move {
            let term = async {
                match term.as_mut() {
                    Some(t) => {
                        t.recv().await;
                    }
                    None => std::future::pending::<()>().await,
                }
            };
            let interrupt = async {
                match interrupt.as_mut() {
                    Some(i) => {
                        i.recv().await;
                    }
                    None => {
                        let _ = tokio::signal::ctrl_c().await;
                    }
                }
            };
            tokio::select! {
                _ = term => {}
                _ = interrupt => {}
            }
        }
    }
    #[cfg(not(unix))]
    {
        async {
            let _ = tokio::signal::ctrl_c().await;
        }
    }
}

fn token(command: TokenCommand) -> Result<(), String> {
    match command {
        TokenCommand::Create { project, org, db } => {
            let db = db.unwrap_or_else(store::default_path);
            let conn = store::open(&db)?;
            match store::project_organisations(&conn, &project).map_err(|e| e.to_string())? {
                Some(orgs) if !orgs.contains(&org) => {
                    return Err(message::TOKEN_NO_SUCH_ORGANISATION.fill(
                        Lang::En,
                        &[&project, &format_args!("{org:?}"), &orgs.join(", ")],
                    ));
                }
                Some(_) => {}
                None => eprintln!(
                    "{}",
                    message::TOKEN_PROJECT_NOT_SERVED_YET
                        .fill(Lang::En, &[&format_args!("{project:?}"), &db.display()])
                ),
            }
            let token = store::new_token()?;
            let id = store::create_token(&conn, &project, &org, &token, &store::now())
                .map_err(|e| message::CANNOT_STORE_TOKEN.fill(Lang::En, &[&e]))?;
            eprintln!(
                "{}",
                message::TOKEN_CREATED.fill(Lang::En, &[&id, &org, &project])
            );
            println!("{token}");
            Ok(())
        }
        TokenCommand::List { db } => {
            let db = db.unwrap_or_else(store::default_path);
            let conn = store::open(&db)?;
            let tokens = store::list_tokens(&conn).map_err(|e| e.to_string())?;
            println!("id\tproject\torg\tcreated_at\trevoked_at");
            for t in tokens {
                println!(
                    "{}\t{}\t{}\t{}\t{}",
                    t.id,
                    t.project,
                    t.org,
                    t.created_at,
                    t.revoked_at.as_deref().unwrap_or("-")
                );
            }
            Ok(())
        }
        TokenCommand::Revoke { id, db } => {
            let db = db.unwrap_or_else(store::default_path);
            let conn = store::open(&db)?;
            if store::revoke_token(&conn, id, &store::now()).map_err(|e| e.to_string())? {
                eprintln!("{}", message::TOKEN_REVOKED.fill(Lang::En, &[&id]));
                Ok(())
            } else {
                Err(message::NO_LIVE_TOKEN.fill(Lang::En, &[&id]))
            }
        }
    }
}
