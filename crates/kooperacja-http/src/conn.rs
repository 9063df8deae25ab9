//! Serving connections: the accept loop, a cap on open connections, the
//! header-read and idle timeouts, and problem documents for the errors that
//! hyper answers by itself.
//!
//! `axum::serve` has none of these knobs, so the server runs hyper's HTTP/1.1
//! connection builder itself (HTTP/1.1 only, as `axum::serve` with axum's
//! default features did):
//!
//! - **A connection cap.** At most [`Conns::cap`] connections are open at
//!   once. When a new one arrives at the cap, the connection that has been
//!   idle longest (no request in progress) is closed to make room, as nginx
//!   reuses idle keep-alive connections; if every connection is busy with a
//!   request, the new one is answered 503 at once and closed. So idle or slow
//!   clients can never lock out a new client (`/healthz` keeps answering).
//! - **An idle timeout.** A connection with no request in progress (from its
//!   accept, or from its last response) and no byte of a new request is
//!   closed after [`Timeouts::idle`].
//! - **A header-read timeout.** Once the first byte of a request has arrived,
//!   its whole head must arrive within [`Timeouts::header`], or the
//!   connection is closed. Body reading and handling are bounded by the
//!   request time limit (`--request-timeout-ms`).
//! - **Problem documents from hyper.** hyper answers a request it cannot
//!   parse (a bad request line or header: 400; headers too large: 431; a URI
//!   too long: 414) with an empty body and closes the connection. The
//!   connection's writer recognises that exact response and sends it as an
//!   `application/problem+json` document instead.

use std::collections::HashMap;
use std::io;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, ready};
use std::time::Duration;

use tokio::time::Instant;

use axum::Router;
use axum::http::StatusCode;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, Semaphore, watch};
use tower::ServiceExt;

use kooperacja_core::present::{Lang, message};

use crate::limits::{MAX_HEADER_BYTES, MAX_HEADERS};
use crate::problem::Problem;

/// The connection timeouts.
#[derive(Debug, Clone, Copy)]
pub struct Timeouts {
    /// How long a connection may stay open with no request in progress.
    pub idle: Duration,
    /// How long a request's head may take, from its first byte.
    pub header: Duration,
}

/// The open connections, for the cap and the timeouts.
#[derive(Debug)]
pub struct Conns {
    start: Instant,
    cap: usize,
    slots: Arc<Semaphore>,
    next_id: AtomicU64,
    open: Mutex<HashMap<u64, Arc<Conn>>>,
    /// Connections asked to close that have not closed yet.
    closing: AtomicUsize,
    timeouts: Timeouts,
}

/// One open connection's state.
#[derive(Debug)]
struct Conn {
    /// Requests handed to the router and not answered yet.
    busy: AtomicUsize,
    /// Milliseconds (since [`Conns::start`], plus one) since when the
    /// connection has had no request in progress.
    idle_since: AtomicU64,
    /// Milliseconds (plus one) of the first byte read while idle; 0 for none.
    head_since: AtomicU64,
    /// Set once the connection is to be closed.
    evicted: AtomicBool,
    evict: Notify,
    /// Wakes the watchdog when the first byte of a head arrives.
    woken: Notify,
}

impl Conns {
    /// Connections for a cap and timeouts.
    pub fn new(cap: usize, timeouts: Timeouts) -> Conns {
        let cap = cap.max(1);
        Conns {
            start: Instant::now(),
            cap,
            slots: Arc::new(Semaphore::new(cap)),
            next_id: AtomicU64::new(0),
            open: Mutex::new(HashMap::new()),
            closing: AtomicUsize::new(0),
            timeouts,
        }
    }

    /// The most connections open at once.
    pub fn cap(&self) -> usize {
        self.cap
    }

    /// How many connections are open.
    pub fn open(&self) -> usize {
        self.open.lock().map(|m| m.len()).unwrap_or(0)
    }

    fn now(&self) -> u64 {
        u64::try_from(self.start.elapsed().as_millis())
            .unwrap_or(u64::MAX - 1)
            .saturating_add(1)
    }

    fn at(&self, stamp: u64) -> Instant {
        self.start + Duration::from_millis(stamp.saturating_sub(1))
    }

    /// When the connection is to be closed if nothing changes; `None` while
    /// a request is in progress.
    fn deadline(&self, conn: &Conn) -> Option<Instant> {
        if conn.busy.load(Ordering::Acquire) > 0 {
            return None;
        }
        let head = conn.head_since.load(Ordering::Acquire);
        if head > 0 {
            return Some(self.at(head) + self.timeouts.header);
        }
        Some(self.at(conn.idle_since.load(Ordering::Acquire)) + self.timeouts.idle)
    }

    /// Asks the connections idle the longest (up to [`EVICT_AT_ONCE`]) to
    /// close; false if every connection is busy.
    fn evict_idlest(&self) -> bool {
        if self.closing.load(Ordering::Acquire) > 0 {
            // Room is being made already.
            return true;
        }
        let Ok(open) = self.open.lock() else {
            return false;
        };
        let mut idle: Vec<(u64, &Arc<Conn>)> = open
            .values()
            .filter(|c| c.busy.load(Ordering::Acquire) == 0 && !c.evicted.load(Ordering::Acquire))
            .map(|c| (c.idle_since.load(Ordering::Acquire), c))
            .collect();
        if idle.is_empty() {
            return false;
        }
        let n = EVICT_AT_ONCE.min(idle.len());
        idle.select_nth_unstable_by_key(n - 1, |(since, _)| *since);
        for (_, conn) in &idle[..n] {
            self.closing.fetch_add(1, Ordering::AcqRel);
            conn.evicted.store(true, Ordering::Release);
            conn.evict.notify_one();
        }
        true
    }
}

/// How many idle connections are closed at once when a new one finds the
/// cap reached, so that a burst of new connections does not wait for each
/// one (as nginx drains 32 at a time).
const EVICT_AT_ONCE: usize = 32;

/// The number of connections to allow: the one asked for, but at most the
/// process's open-file limit less `reserve` descriptors kept for the
/// database, the log and the rest; and a note when the limit lowered it.
pub fn connection_cap(wanted: usize, reserve: u64) -> (usize, Option<String>) {
    let soft = rlimit::getrlimit(rlimit::Resource::NOFILE)
        .map(|(soft, _)| soft)
        .unwrap_or(u64::MAX);
    let room = usize::try_from(soft.saturating_sub(reserve).max(16)).unwrap_or(usize::MAX);
    if room < wanted {
        (
            room,
            Some(message::CONNECTIONS_CAPPED.fill(Lang::En, &[&room, &soft, &reserve])),
        )
    } else {
        (wanted, None)
    }
}

/// Accepts and serves connections until `stop` changes, then lets every
/// connection finish its request in progress and returns.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    conns: Arc<Conns>,
    mut stop: watch::Receiver<bool>,
) -> io::Result<()> {
    let mut tasks = tokio::task::JoinSet::new();
    loop {
        while tasks.try_join_next().is_some() {}
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                // Out of files or a connection reset before it was taken: go
                // on, after a breath for the former.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(10)).await;
                    continue;
                }
            },
            _ = stop.changed() => break,
        };
        let slot = match conns.slots.clone().try_acquire_owned() {
            Ok(slot) => slot,
            Err(_) => {
                let freed = if conns.evict_idlest() {
                    tokio::time::timeout(
                        Duration::from_secs(1),
                        conns.slots.clone().acquire_owned(),
                    )
                    .await
                    .ok()
                    .and_then(Result::ok)
                } else {
                    None
                };
                match freed {
                    Some(slot) => slot,
                    None => {
                        refuse(&stream);
                        continue;
                    }
                }
            }
        };
        let _ = stream.set_nodelay(true);
        let id = conns.next_id.fetch_add(1, Ordering::Relaxed);
        let conn = Arc::new(Conn {
            busy: AtomicUsize::new(0),
            idle_since: AtomicU64::new(conns.now()),
            head_since: AtomicU64::new(0),
            evicted: AtomicBool::new(false),
            evict: Notify::new(),
            woken: Notify::new(),
        });
        if let Ok(mut open) = conns.open.lock() {
            open.insert(id, conn.clone());
        }
        let app = app.clone();
        let conns = conns.clone();
        let stop = stop.clone();
        tasks.spawn(async move {
            connection(stream, app, conns.clone(), conn.clone(), stop).await;
            if let Ok(mut open) = conns.open.lock() {
                open.remove(&id);
            }
            drop(slot);
            if conn.evicted.load(Ordering::Acquire) {
                conns.closing.fetch_sub(1, Ordering::AcqRel);
            }
        });
    }
    drop(listener);
    while tasks.join_next().await.is_some() {}
    Ok(())
}

/// Answers a connection over the cap with a 503 and closes it, without
/// waiting: a new socket's send buffer takes the few bytes at once.
fn refuse(stream: &TcpStream) {
    let problem = Problem::unavailable(message::CONNECTIONS_FULL.get(Lang::En));
    let _ = stream.try_write(&problem_bytes(
        StatusCode::SERVICE_UNAVAILABLE,
        &problem,
        None,
    ));
}

/// Marks a request in progress on a connection, until dropped.
struct Busy {
    conns: Arc<Conns>,
    conn: Arc<Conn>,
}

impl Busy {
    fn new(conns: Arc<Conns>, conn: Arc<Conn>) -> Busy {
        conn.busy.fetch_add(1, Ordering::AcqRel);
        conn.head_since.store(0, Ordering::Release);
        Busy { conns, conn }
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        self.conn
            .idle_since
            .store(self.conns.now(), Ordering::Release);
        self.conn.head_since.store(0, Ordering::Release);
        self.conn.busy.fetch_sub(1, Ordering::AcqRel);
    }
}

async fn connection(
    stream: TcpStream,
    app: Router,
    conns: Arc<Conns>,
    conn: Arc<Conn>,
    mut stop: watch::Receiver<bool>,
) {
    let io = TokioIo::new(Io {
        inner: stream,
        conns: conns.clone(),
        conn: conn.clone(),
        pending: Vec::new(),
        written: 0,
    });
    let service = {
        let conns = conns.clone();
        let conn = conn.clone();
        hyper::service::service_fn(move |request: hyper::Request<Incoming>| {
            let busy = Busy::new(conns.clone(), conn.clone());
            let app = app.clone();
            async move {
                let response = app.oneshot(request.map(axum::body::Body::new)).await;
                drop(busy);
                response
            }
        })
    };
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        // A backstop only: hyper starts this clock when it starts waiting for
        // a head, idle time included; the watchdog below is the real limit.
        .header_read_timeout(conns.timeouts.idle + conns.timeouts.header)
        .max_header_size(MAX_HEADER_BYTES)
        .max_headers(MAX_HEADERS);
    let served = builder.serve_connection(io, service);
    tokio::pin!(served);
    let mut stopping = false;
    loop {
        let deadline = conns
            .deadline(&conn)
            .unwrap_or_else(|| Instant::now() + conns.timeouts.idle);
        tokio::select! {
            _ = &mut served => return,
            _ = conn.evict.notified() => return,
            _ = conn.woken.notified() => {}
            changed = stop.changed(), if !stopping => {
                stopping = true;
                if changed.is_ok() {
                    served.as_mut().graceful_shutdown();
                }
            }
            _ = tokio::time::sleep_until(deadline) => {
                if conns.deadline(&conn).is_some_and(|d| d <= Instant::now()) {
                    return;
                }
            }
        }
    }
}

/// The socket, with what the timeouts need to know (the first byte of a
/// head), and hyper's own error responses rewritten as problem documents.
struct Io {
    inner: TcpStream,
    conns: Arc<Conns>,
    conn: Arc<Conn>,
    /// Bytes to send before anything else (a rewritten response).
    pending: Vec<u8>,
    written: usize,
}

impl Io {
    fn drain(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        while self.written < self.pending.len() {
            let n =
                ready!(Pin::new(&mut self.inner).poll_write(cx, &self.pending[self.written..]))?;
            if n == 0 {
                return Poll::Ready(Err(io::ErrorKind::WriteZero.into()));
            }
            self.written += n;
        }
        self.pending.clear();
        self.written = 0;
        Poll::Ready(Ok(()))
    }
}

impl AsyncRead for Io {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let before = buf.filled().len();
        ready!(Pin::new(&mut this.inner).poll_read(cx, buf))?;
        if buf.filled().len() > before
            && this.conn.busy.load(Ordering::Acquire) == 0
            && this.conn.head_since.load(Ordering::Acquire) == 0
        {
            this.conn
                .head_since
                .store(this.conns.now(), Ordering::Release);
            this.conn.woken.notify_one();
        }
        Poll::Ready(Ok(()))
    }
}

impl AsyncWrite for Io {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        ready!(this.drain(cx))?;
        if let Some(at) = hyper_error_head(buf) {
            let mut out = buf[..at].to_vec();
            out.extend(rewritten(&buf[at..]));
            this.pending = out;
            this.written = 0;
            if let Poll::Ready(Err(e)) = this.drain(cx) {
                return Poll::Ready(Err(e));
            }
            return Poll::Ready(Ok(buf.len()));
        }
        Pin::new(&mut this.inner).poll_write(cx, buf)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        ready!(this.drain(cx))?;
        Pin::new(&mut this.inner).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        ready!(this.drain(cx))?;
        Pin::new(&mut this.inner).poll_shutdown(cx)
    }
}

/// Where hyper's own answer to a request it could not parse starts in `buf`,
/// if `buf` ends with one: a status line of 400, 414 or 431 and only the
/// headers hyper writes (`content-length: 0`, `date`, `connection`). Every
/// response of the router has a `content-type`, so none of them matches.
fn hyper_error_head(buf: &[u8]) -> Option<usize> {
    if !buf.ends_with(b"\r\n\r\n") {
        return None;
    }
    let at = buf.windows(7).rposition(|w| w == b"HTTP/1.")?;
    let head = std::str::from_utf8(&buf[at..]).ok()?;
    if head.len() > 512 {
        return None;
    }
    let mut lines = head.split("\r\n");
    let code: u16 = lines.next()?.get(9..12)?.parse().ok()?;
    if !matches!(code, 400 | 414 | 431) {
        return None;
    }
    let mut empty = false;
    for line in lines.filter(|l| !l.is_empty()) {
        let (name, value) = line.split_once(':')?;
        match name.trim().to_ascii_lowercase().as_str() {
            "content-length" => empty = value.trim() == "0",
            "date" | "connection" => {}
            _ => return None,
        }
    }
    empty.then_some(at)
}

/// hyper's empty error response as a problem document, with its status and date.
fn rewritten(head: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(head);
    let code = text.get(9..12).and_then(|c| c.parse::<u16>().ok());
    let status = code
        .and_then(|c| StatusCode::from_u16(c).ok())
        .unwrap_or(StatusCode::BAD_REQUEST);
    let date = text
        .split("\r\n")
        .find(|l| l.to_ascii_lowercase().starts_with("date:"))
        .map(str::to_owned);
    let problem = match status {
        StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE => Problem::new(
            status,
            "headers-too-large",
            message::HEADERS_TOO_LARGE.fill(Lang::En, &[&MAX_HEADERS, &MAX_HEADER_BYTES]),
        ),
        StatusCode::URI_TOO_LONG => {
            Problem::new(status, "uri-too-long", message::URI_TOO_LONG.get(Lang::En))
        }
        _ => Problem::new(
            status,
            "malformed-request",
            message::MALFORMED_REQUEST.get(Lang::En),
        ),
    };
    problem_bytes(status, &problem, date.as_deref())
}

/// A whole HTTP/1.1 response carrying a problem, that closes the connection.
fn problem_bytes(status: StatusCode, problem: &Problem, date: Option<&str>) -> Vec<u8> {
    let body = serde_json::to_vec(problem).unwrap_or_else(|_| b"{}".to_vec());
    let mut out = format!(
        "HTTP/1.1 {} {}\r\ncontent-type: {}\r\ncontent-length: {}\r\nconnection: close\r\n",
        status.as_u16(),
        status.canonical_reason().unwrap_or("Error"),
        crate::problem::PROBLEM_JSON,
        body.len()
    );
    if status == StatusCode::SERVICE_UNAVAILABLE {
        out.push_str("retry-after: 1\r\n");
    }
    if let Some(date) = date {
        out.push_str(date);
        out.push_str("\r\n");
    }
    out.push_str("\r\n");
    let mut bytes = out.into_bytes();
    bytes.extend(body);
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_hypers_empty_error_heads_are_rewritten() {
        let hyper = b"HTTP/1.1 431 Request Header Fields Too Large\r\ncontent-length: 0\r\ndate: Tue, 01 Dec 2026 10:00:00 GMT\r\n\r\n";
        assert_eq!(hyper_error_head(hyper), Some(0));
        let mut after =
            b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n{}"
                .to_vec();
        after.extend_from_slice(hyper);
        assert_eq!(hyper_error_head(&after), Some(after.len() - hyper.len()));
        let ours = b"HTTP/1.1 400 Bad Request\r\ncontent-type: application/problem+json\r\ncontent-length: 0\r\n\r\n";
        assert_eq!(hyper_error_head(ours), None);
        let ok = b"HTTP/1.1 204 No Content\r\ncontent-length: 0\r\n\r\n";
        assert_eq!(hyper_error_head(ok), None);
        let text = String::from_utf8(rewritten(hyper)).unwrap_or_default();
        assert!(text.starts_with("HTTP/1.1 431 "), "{text}");
        assert!(
            text.contains("content-type: application/problem+json\r\n"),
            "{text}"
        );
        assert!(
            text.contains("date: Tue, 01 Dec 2026 10:00:00 GMT\r\n"),
            "{text}"
        );
        assert!(text.ends_with('}'), "{text}");
    }
}
