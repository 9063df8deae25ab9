//! Denial of service: idle and slow clients, the connection cap, a declared
//! oversize body, and the errors hyper answers by itself.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers: a failure is a failing test, as in #[test] functions"
)]

mod common;

use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use tokio::time::Instant;

use common::{KOOPERACJA, Server};

/// One request on its own connection, giving up after `limit`: the status
/// and the body, or `None` if nothing came back in time.
fn timed(addr: &str, request: &[u8], limit: Duration) -> Option<(u16, Vec<u8>, String)> {
    let mut stream = TcpStream::connect_timeout(&addr.parse().unwrap(), limit).ok()?;
    stream.set_read_timeout(Some(limit)).unwrap();
    stream.set_write_timeout(Some(limit)).unwrap();
    stream.write_all(request).ok()?;
    let mut data = Vec::new();
    let mut buf = [0_u8; 8192];
    let start = Instant::now();
    loop {
        match stream.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => data.extend_from_slice(&buf[..n]),
            Err(_) => break,
        }
        if start.elapsed() > limit {
            break;
        }
        // A whole response with its declared length is enough.
        if let Some(split) = data.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&data[..split]).to_ascii_lowercase();
            let length = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse::<usize>().ok());
            if length.is_some_and(|n| data.len() >= split + 4 + n) {
                break;
            }
        }
    }
    let split = data.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(&data[..split]).into_owned();
    let status = head.split(' ').nth(1)?.parse().ok()?;
    Some((
        status,
        data[split + 4..].to_vec(),
        head.to_ascii_lowercase(),
    ))
}

fn healthz(addr: &str) -> Option<(u16, Vec<u8>, String)> {
    let request = format!("GET /healthz HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    timed(addr, request.as_bytes(), Duration::from_secs(5))
}

/// Whether the server has closed this connection (end of stream or reset).
fn closed(mut stream: &TcpStream) -> bool {
    stream.set_nonblocking(true).unwrap();
    let mut byte = [0_u8; 1];
    match stream.read(&mut byte) {
        Ok(0) => true,
        Ok(_) => false,
        Err(e) => e.kind() != ErrorKind::WouldBlock,
    }
}

/// Asserts an `application/problem+json` body with this status.
fn assert_problem(answer: &(u16, Vec<u8>, String), status: u16, slug: &str) {
    let (got, body, head) = answer;
    let text = String::from_utf8_lossy(body);
    assert_eq!(*got, status, "{head}\n{text}");
    assert!(
        head.contains("content-type: application/problem+json"),
        "{head}\n{text}"
    );
    let p: serde_json::Value = serde_json::from_slice(body).unwrap();
    assert_eq!(p["status"], status, "{text}");
    assert_eq!(
        p["type"],
        format!("urn:kooperacja:problem:{slug}"),
        "{text}"
    );
    assert!(!p["detail"].as_str().unwrap().is_empty(), "{text}");
}

const IDLE: u64 = 3000;

#[test]
fn two_thousand_idle_connections_leave_healthz_answering_and_are_closed_after_the_idle_timeout() {
    // The test itself holds 2,000 sockets: take its own limit up to 8,192
    // (root may raise the hard limit; others get what the hard limit allows).
    let _ = rlimit::setrlimit(rlimit::Resource::NOFILE, 8192, 8192);
    let soft = rlimit::increase_nofile_limit(8192).unwrap();
    if soft < 2200 {
        eprintln!("SKIPPED: the open-file limit is {soft}, and 2,200 are needed");
        return;
    }
    // The server runs under the common limit of 1,024 open files.
    let server = Server::with_nofile(
        Some(1024),
        &[
            "--idle-timeout-ms",
            &IDLE.to_string(),
            "--header-timeout-ms",
            "1000",
        ],
    );
    let start = Instant::now();
    let mut idle: Vec<TcpStream> = (0..2000)
        .map(|_| TcpStream::connect(&server.addr).unwrap())
        .collect();
    // Some of them send half a request head and stop (slowloris).
    for stream in idle.iter_mut().step_by(10) {
        stream
            .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
            .unwrap();
    }
    let asked = Instant::now();
    let answer = healthz(&server.addr).expect("/healthz answers beside 2,000 idle connections");
    assert_eq!(answer.0, 200, "{}", String::from_utf8_lossy(&answer.1));
    assert!(
        asked.elapsed() < Duration::from_secs(2),
        "/healthz took {:?}",
        asked.elapsed()
    );
    // After the idle timeout (and some slack on a busy machine), every idle
    // connection has been closed by the server.
    let wait = Duration::from_millis(IDLE + 3000).saturating_sub(start.elapsed());
    std::thread::sleep(wait);
    let open = idle.iter().filter(|s| !closed(s)).count();
    assert_eq!(
        open, 0,
        "{open} idle connections still open after the idle timeout"
    );
    assert_eq!(healthz(&server.addr).unwrap().0, 200);
}

#[test]
fn a_connection_between_requests_is_closed_after_the_idle_timeout() {
    let server = Server::with(&["--idle-timeout-ms", "1000"]);
    let mut stream = TcpStream::connect(&server.addr).unwrap();
    let request = format!("GET /healthz HTTP/1.1\r\nHost: {}\r\n\r\n", server.addr);
    stream.write_all(request.as_bytes()).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let mut buf = [0_u8; 4096];
    let n = stream.read(&mut buf).unwrap();
    assert!(buf[..n].starts_with(b"HTTP/1.1 200"), "{:?}", &buf[..n]);
    // Kept alive, but only for the idle timeout.
    let waited = Instant::now();
    let n = stream.read(&mut buf).unwrap_or(0);
    assert_eq!(n, 0, "the server closes the idle connection");
    assert!(
        waited.elapsed() >= Duration::from_millis(900),
        "{:?}",
        waited.elapsed()
    );
}

#[test]
fn a_slow_request_head_is_cut_off_by_the_header_timeout() {
    let server = Server::with(&["--header-timeout-ms", "500", "--idle-timeout-ms", "20000"]);
    let mut stream = TcpStream::connect(&server.addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    stream.write_all(b"GET /healthz HTTP/1.1\r\n").unwrap();
    let sent = Instant::now();
    let mut buf = [0_u8; 256];
    let n = stream.read(&mut buf).unwrap_or(0);
    assert_eq!(n, 0, "{:?}", String::from_utf8_lossy(&buf[..n]));
    assert!(
        sent.elapsed() < Duration::from_secs(5),
        "{:?}",
        sent.elapsed()
    );
}

#[test]
fn at_the_cap_the_idlest_connection_makes_room_and_busy_ones_get_a_503() {
    let server = Server::with(&["--max-connections", "4", "--test-routes"]);
    // Four idle connections fill the cap; a new client is still served.
    let idle: Vec<TcpStream> = (0..4)
        .map(|_| TcpStream::connect(&server.addr).unwrap())
        .collect();
    std::thread::sleep(Duration::from_millis(200));
    assert_eq!(healthz(&server.addr).unwrap().0, 200);
    std::thread::sleep(Duration::from_millis(200));
    assert!(idle.iter().any(closed), "an idle connection made room");
    drop(idle);
    std::thread::sleep(Duration::from_millis(200));

    // Four busy connections fill it: a new one is refused at once.
    let sleep = format!(
        "GET /__test/sleep?ms=8000 HTTP/1.1\r\nHost: {}\r\n\r\n",
        server.addr
    );
    let busy: Vec<TcpStream> = (0..4)
        .map(|_| {
            let mut s = TcpStream::connect(&server.addr).unwrap();
            s.write_all(sleep.as_bytes()).unwrap();
            s
        })
        .collect();
    // (time for the server to read the four requests, on a busy machine)
    std::thread::sleep(Duration::from_millis(1500));
    let asked = Instant::now();
    let answer = healthz(&server.addr).unwrap();
    assert_problem(&answer, 503, "unavailable");
    assert!(
        asked.elapsed() < Duration::from_secs(2),
        "{:?}",
        asked.elapsed()
    );
    drop(busy);
}

#[test]
fn a_declared_oversize_body_is_refused_with_413_before_it_is_sent() {
    let server = Server::start();
    let token = server.token(KOOPERACJA, "rops-torun");
    for (path, length) in [
        (format!("/v1/projects/{KOOPERACJA}/facts"), 1_u64 << 30),
        (format!("/v1/projects/{KOOPERACJA}/facts"), (1 << 20) + 1),
        (
            format!("/v1/projects/{KOOPERACJA}/fact-batches"),
            (16 << 20) + 1,
        ),
    ] {
        // Only the head: the server must not wait for the body.
        let request = format!(
            "POST {path} HTTP/1.1\r\nHost: {}\r\nAuthorization: Bearer {token}\r\nContent-Type: application/json\r\nContent-Length: {length}\r\n\r\n",
            server.addr
        );
        let asked = Instant::now();
        let answer = timed(&server.addr, request.as_bytes(), Duration::from_secs(5))
            .unwrap_or_else(|| panic!("no answer for {path} with {length} bytes declared"));
        assert_problem(&answer, 413, "too-large");
        assert!(
            asked.elapsed() < Duration::from_secs(2),
            "{:?}",
            asked.elapsed()
        );
    }
}

#[test]
fn requests_hyper_cannot_parse_get_problem_documents() {
    let server = Server::start();
    let host = format!("Host: {}\r\n", server.addr);
    let cases: Vec<(String, Vec<u8>, u16, &str)> = vec![
        (
            "a header line with no colon".into(),
            format!("GET /healthz HTTP/1.1\r\n{host}Bad Header\r\n\r\n").into_bytes(),
            400,
            "malformed-request",
        ),
        (
            "a bad character in the method".into(),
            format!("G@T /healthz HTTP/1.1\r\n{host}\r\n").into_bytes(),
            400,
            "malformed-request",
        ),
        (
            "a space in the path".into(),
            format!("GET /v1/pro jects HTTP/1.1\r\n{host}\r\n").into_bytes(),
            400,
            "malformed-request",
        ),
        (
            "a bad version".into(),
            format!("GET /healthz HTTP/9.9\r\n{host}\r\n").into_bytes(),
            400,
            "malformed-request",
        ),
        (
            "a header over 64 KiB".into(),
            format!(
                "GET /healthz HTTP/1.1\r\n{host}X-Big: {}\r\n\r\n",
                "a".repeat(70_000)
            )
            .into_bytes(),
            431,
            "headers-too-large",
        ),
        (
            "101 headers".into(),
            format!(
                "GET /healthz HTTP/1.1\r\n{host}{}\r\n",
                "X-A: a\r\n".repeat(101)
            )
            .into_bytes(),
            431,
            "headers-too-large",
        ),
    ];
    for (what, request, status, slug) in cases {
        let answer = timed(&server.addr, &request, Duration::from_secs(5))
            .unwrap_or_else(|| panic!("{what}: no answer"));
        eprintln!("{what}");
        assert_problem(&answer, status, slug);
    }

    // A bad request after a good one on the same connection: the good one's
    // answer, then a problem document.
    let mut stream = TcpStream::connect(&server.addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let request =
        format!("GET /healthz HTTP/1.1\r\n{host}\r\nGET /healthz HTTP/1.1\r\nBad\r\n\r\n");
    stream.write_all(request.as_bytes()).unwrap();
    let mut data = Vec::new();
    let _ = stream.read_to_end(&mut data);
    let text = String::from_utf8_lossy(&data);
    assert!(text.starts_with("HTTP/1.1 200 OK\r\n"), "{text}");
    let second = text
        .find("HTTP/1.1 400")
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        text[second..].contains("content-type: application/problem+json"),
        "{text}"
    );
    assert!(text.ends_with('}'), "{text}");
}
