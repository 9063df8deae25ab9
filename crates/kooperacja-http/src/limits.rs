//! Every limit the server enforces, in one place (documented in `docs/http.md`).

use std::time::Duration;

/// The largest request body of every endpoint but the batch endpoint: 1 MiB.
pub const MAX_BODY_BYTES: usize = 1 << 20;

/// The largest body of `POST /v1/projects/{id}/facts/batch`: 16 MiB.
pub const MAX_BATCH_BODY_BYTES: usize = 16 << 20;

/// The largest body of an upload (`POST /v1/projects/{id}/fact-imports`
/// and the dashboard's upload form), all its files together: 16 MiB.
pub const MAX_UPLOAD_BYTES: usize = 16 << 20;

/// The most files one upload may hold.
pub const MAX_UPLOAD_FILES: usize = 20;

/// The longest text part of an upload form (`kind`, `token`, `lang`), in
/// characters.
pub const MAX_FORM_TEXT_CHARS: usize = 256;

/// The most facts one batch (or one upload) may hold.
pub const MAX_BATCH_FACTS: usize = 10_000;

/// The longest a request may take, from its headers to its response.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// The page size of listings when `limit` is not given.
pub const DEFAULT_PAGE: u32 = 100;

/// The largest page size of listings.
pub const MAX_PAGE: u32 = 1000;

/// Write requests waiting for the writer; a full queue makes handlers wait.
pub const WRITER_QUEUE: usize = 1024;

/// The most write requests the writer groups into one transaction.
pub const GROUP_MAX_REQUESTS: usize = 512;

/// The most facts the writer groups into one transaction (a larger batch is
/// still one transaction of its own).
pub const GROUP_MAX_FACTS: usize = 20_000;

/// Reports kept per project (per date, version and part) until the next append.
pub const REPORT_CACHE_ENTRIES: usize = 512;

/// The longest note a fact may carry, in characters (as JSON Schema counts).
pub const MAX_NOTE_CHARS: usize = 2000;

/// The longest fact id, in characters (as JSON Schema counts): core's limit
/// of every identifier.
pub const MAX_ID_CHARS: usize = kooperacja_core::identifier::MAX_CHARS;

/// How long a database connection waits for a lock before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The most connections open at once (`--max-connections`); lowered at start
/// to the open-file limit less [`FILE_RESERVE`].
pub const MAX_CONNECTIONS: usize = 1024;

/// Open files kept out of the connection cap: the database and its journal
/// for the writer and each reader, the listening socket, the log.
pub const FILE_RESERVE: u64 = 256;

/// Blocking threads of the runtime (database reads and the rebuild); each
/// may hold a read connection, so this bounds their open files too.
pub const MAX_BLOCKING_THREADS: usize = 64;

/// How long a connection may stay open with no request in progress
/// (`--idle-timeout-ms`).
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(30);

/// How long a request's head may take from its first byte (`--header-timeout-ms`).
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// The largest request head (request line and headers), in bytes.
pub const MAX_HEADER_BYTES: usize = 64 << 10;

/// The most headers a request may have.
pub const MAX_HEADERS: usize = 100;

/// The listening socket's backlog: connections the kernel completes before
/// the server takes them (the system's `somaxconn` may lower it).
pub const LISTEN_BACKLOG: u32 = 4096;
