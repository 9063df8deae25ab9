//! The real `kooperacja-server` binary on a loopback port with a temporary
//! database, and a small HTTP/1.1 client (one connection per request).

#![allow(dead_code, reason = "each test file uses part of the harness")]
#![allow(
    clippy::unwrap_used,
    reason = "test helpers: a failure is a failing test, as in #[test] functions"
)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

pub const KOOPERACJA: &str = "kooperacja-makroregion-ii";
pub const KOORDYNACJA: &str = "koordynacja-kujawy-pomorze";

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn fixture(rel: &str) -> String {
    root().join(rel).display().to_string()
}

/// A server process over a temporary data directory.
pub struct Server {
    pub dir: tempfile::TempDir,
    pub addr: String,
    child: Option<Child>,
    extra: Vec<String>,
    /// The open-file limit to run the server under (`ulimit -n`), if any.
    nofile: Option<u64>,
    /// Where the server's standard error goes (the log), appended across restarts.
    pub log: PathBuf,
    /// Where the server's standard output goes after its first line.
    pub out: PathBuf,
}

impl Server {
    /// The server on both fixtures, with no facts.
    pub fn start() -> Server {
        Server::with(&[])
    }

    /// The server on both fixtures, each with its sample fact file imported.
    pub fn with_sample_facts() -> Server {
        let facts = |id: &str, file: &str| format!("{id}={}", fixture(file));
        Server::with(&[
            "--facts",
            &facts(KOOPERACJA, "fixtures/facts/kooperacja-sample.jsonl"),
            "--facts",
            &facts(KOORDYNACJA, "fixtures/facts/koordynacja-sample.jsonl"),
        ])
    }

    /// The server on both fixtures, with extra arguments.
    pub fn with(extra: &[&str]) -> Server {
        Server::with_nofile(None, extra)
    }

    /// The server on both fixtures, under an open-file limit (soft and hard)
    /// when one is given, with extra arguments.
    pub fn with_nofile(nofile: Option<u64>, extra: &[&str]) -> Server {
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("server.log");
        let out = dir.path().join("server.out");
        let mut server = Server {
            dir,
            addr: String::new(),
            child: None,
            extra: extra.iter().map(|s| (*s).to_owned()).collect(),
            nofile,
            log,
            out,
        };
        server.spawn();
        server
    }

    /// What the server wrote to its standard output and error so far.
    pub fn output(&self) -> Vec<u8> {
        let mut all = std::fs::read(&self.out).unwrap_or_default();
        all.extend(std::fs::read(&self.log).unwrap_or_default());
        all
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("k.sqlite3")
    }

    fn spawn(&mut self) {
        let bin = env!("CARGO_BIN_EXE_kooperacja-server");
        let mut cmd = match self.nofile {
            Some(n) => {
                let mut sh = Command::new("sh");
                sh.arg("-c")
                    .arg(format!("ulimit -n {n} && exec \"$0\" \"$@\""))
                    .arg(bin);
                sh
            }
            None => Command::new(bin),
        };
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.log)
            .unwrap();
        cmd.arg("serve")
            .arg("--project")
            .arg(fixture("fixtures/projects/kooperacja-makroregion-ii.toml"))
            .arg("--project")
            .arg(fixture("fixtures/projects/koordynacja-kujawy-pomorze.toml"))
            .arg("--db")
            .arg(self.db())
            .arg("--listen")
            .arg("127.0.0.1:0")
            .args(&self.extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::from(log));
        let mut child = cmd.spawn().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        let out = self.out.clone();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            let mut first = String::new();
            if reader.read_line(&mut first).is_ok() {
                let _ = tx.send(first.trim_end().to_owned());
            }
            let mut copy = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(out)
                .unwrap();
            let _ = copy.write_all(first.as_bytes());
            // Keep reading so the pipe never fills.
            let _ = std::io::copy(&mut reader, &mut copy);
        });
        let line = rx
            .recv_timeout(Duration::from_secs(120))
            .expect("the server prints its address when ready");
        let addr = line
            .strip_prefix("listening on http://")
            .unwrap_or_else(|| panic!("unexpected first line {line:?}"));
        self.addr = addr.to_owned();
        self.child = Some(child);
    }

    /// Stops the server with SIGTERM and waits for it to exit.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let status = Command::new("kill")
                .arg("-TERM")
                .arg(child.id().to_string())
                .status()
                .unwrap();
            assert!(status.success());
            let exit = child.wait().unwrap();
            assert!(
                exit.success(),
                "the server exits cleanly on SIGTERM: {exit:?}"
            );
        }
    }

    /// Stops and starts the server over the same database.
    pub fn restart(&mut self) {
        self.stop();
        self.spawn();
    }

    /// Starts the server again (it must be stopped) with more arguments.
    pub fn start_again_with(&mut self, more: &[&str]) {
        assert!(self.child.is_none(), "the server is still running");
        self.extra.extend(more.iter().map(|s| (*s).to_owned()));
        self.spawn();
    }

    /// Runs another `serve` over the same database with the same arguments,
    /// which must refuse to start: returns its standard error.
    pub fn refused_start(&self) -> String {
        let mut child = Command::new(env!("CARGO_BIN_EXE_kooperacja-server"))
            .arg("serve")
            .arg("--project")
            .arg(fixture("fixtures/projects/kooperacja-makroregion-ii.toml"))
            .arg("--project")
            .arg(fixture("fixtures/projects/koordynacja-kujawy-pomorze.toml"))
            .arg("--db")
            .arg(self.db())
            .arg("--listen")
            .arg("127.0.0.1:0")
            .args(&self.extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let start = tokio::time::Instant::now();
        loop {
            if let Some(status) = child.try_wait().unwrap() {
                let mut err = String::new();
                child
                    .stderr
                    .take()
                    .unwrap()
                    .read_to_string(&mut err)
                    .unwrap();
                assert!(!status.success(), "the server exited 0: {err}");
                assert_eq!(status.code(), Some(1), "{err}");
                return err;
            }
            if start.elapsed() > Duration::from_secs(60) {
                let _ = child.kill();
                let _ = child.wait();
                panic!("the server started, though it should have refused");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// A token for an organisation of a project.
    pub fn token(&self, project: &str, org: &str) -> String {
        let out = Command::new(env!("CARGO_BIN_EXE_kooperacja-server"))
            .args([
                "token",
                "create",
                "--project",
                project,
                "--org",
                org,
                "--db",
            ])
            .arg(self.db())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap().trim().to_owned()
    }

    pub fn get(&self, path: &str) -> Response {
        self.request("GET", path, None, None)
    }

    pub fn get_as(&self, path: &str, token: &str) -> Response {
        self.request("GET", path, Some(token), None)
    }

    pub fn post(&self, path: &str, token: Option<&str>, body: &str) -> Response {
        self.request(
            "POST",
            path,
            token,
            Some(("application/json", body.as_bytes())),
        )
    }

    pub fn request(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        body: Option<(&str, &[u8])>,
    ) -> Response {
        let mut headers = Vec::new();
        if let Some(t) = token {
            headers.push(("Authorization".to_owned(), format!("Bearer {t}")));
        }
        raw(&self.addr, method, path, &headers, body)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// A response: status, headers (lower-case names), body.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "not JSON ({e}): {} {}",
                self.status,
                String::from_utf8_lossy(&self.body)
            )
        })
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// Asserts a problem document with this status; returns it.
    pub fn problem(&self, status: u16) -> serde_json::Value {
        assert_eq!(self.status, status, "{}", self.text());
        assert_eq!(
            self.header("content-type"),
            Some("application/problem+json"),
            "{}",
            self.text()
        );
        let p = self.json();
        assert_eq!(p["status"], status);
        assert!(
            p["type"]
                .as_str()
                .unwrap()
                .starts_with("urn:kooperacja:problem:")
        );
        assert!(!p["title"].as_str().unwrap().is_empty());
        assert!(!p["detail"].as_str().unwrap().is_empty());
        p
    }
}

/// One request on its own connection.
pub fn raw(
    addr: &str,
    method: &str,
    path: &str,
    headers: &[(String, String)],
    body: Option<(&str, &[u8])>,
) -> Response {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(120)))
        .unwrap();
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    if let Some((content_type, bytes)) = body {
        head.push_str(&format!(
            "Content-Type: {content_type}\r\nContent-Length: {}\r\n",
            bytes.len()
        ));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).unwrap();
    if let Some((_, bytes)) = body {
        // The server may answer (413) before reading everything.
        let _ = stream.write_all(bytes);
    }
    let mut data = Vec::new();
    let _ = stream.read_to_end(&mut data);
    parse(&data)
}

fn parse(data: &[u8]) -> Response {
    let split = data
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no response head in {:?}", String::from_utf8_lossy(data)));
    let head = String::from_utf8_lossy(&data[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status: u16 = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let mut body = data[split + 4..].to_vec();
    if headers
        .iter()
        .any(|(k, v)| k == "transfer-encoding" && v.contains("chunked"))
    {
        body = unchunk(&body);
    }
    Response {
        status,
        headers,
        body,
    }
}

fn unchunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let Some(end) = data.windows(2).position(|w| w == b"\r\n") else {
            return out;
        };
        let size = usize::from_str_radix(
            String::from_utf8_lossy(&data[..end])
                .split(';')
                .next()
                .unwrap()
                .trim(),
            16,
        )
        .unwrap();
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&data[end + 2..end + 2 + size]);
        data = &data[end + 2 + size + 2..];
    }
}

/// A meeting fact in a territory, recorded by `by`.
pub fn meeting(id: &str, by: &str, territory: &str) -> String {
    serde_json::json!({
        "id": id, "date": "2020-02-11", "by": by, "territory": territory,
        "kind": "meeting", "activity": "seminar", "days": 1, "participants": 10
    })
    .to_string()
}

/// One part of a multipart form: its name, its file name (for a file part)
/// and its bytes.
pub type Part<'a> = (&'a str, Option<&'a str>, &'a [u8]);

/// The boundary of the forms [`multipart`] writes.
pub const BOUNDARY: &str = "kooperacja-test-7d3f9a";

/// A multipart/form-data body (RFC 7578), as a browser or curl sends it:
/// its media type and its bytes.
pub fn multipart(parts: &[Part<'_>]) -> (String, Vec<u8>) {
    let mut body = Vec::new();
    for (name, file, bytes) in parts {
        body.extend_from_slice(format!("--{BOUNDARY}\r\n").as_bytes());
        match file {
            Some(f) => body.extend_from_slice(
                format!(
                    "Content-Disposition: form-data; name=\"{name}\"; filename=\"{f}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                )
                .as_bytes(),
            ),
            None => body.extend_from_slice(
                format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes(),
            ),
        }
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={BOUNDARY}"), body)
}

impl Server {
    /// Posts a multipart form, with a token and an `Accept-Language` if given.
    pub fn post_form(
        &self,
        path: &str,
        token: Option<&str>,
        lang: Option<&str>,
        parts: &[Part<'_>],
    ) -> Response {
        let (content_type, body) = multipart(parts);
        let mut headers = Vec::new();
        if let Some(t) = token {
            headers.push(("Authorization".to_owned(), format!("Bearer {t}")));
        }
        if let Some(l) = lang {
            headers.push(("Accept-Language".to_owned(), l.to_owned()));
        }
        raw(
            &self.addr,
            "POST",
            path,
            &headers,
            Some((&content_type, &body)),
        )
    }
}
