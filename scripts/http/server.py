"""Starting and stopping a kooperacja-server for the scripts in scripts/.

Standard library only. The server is started on a free loopback port
(`--listen 127.0.0.1:0`); its address is read from the line it prints on
standard output when it is ready ("listening on http://ADDR").
"""

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROJECT_ID = "kooperacja-makroregion-ii"
PROJECT = os.path.join(ROOT, "fixtures/projects/kooperacja-makroregion-ii.toml")
SECOND_PROJECT = os.path.join(ROOT, "fixtures/projects/koordynacja-kujawy-pomorze.toml")
FACTS = os.path.join(ROOT, "fixtures/facts/kooperacja-sample.jsonl")


def binary():
    """The release binary, built once by the calling shell script
    (`KOOPERACJA_SERVER_BINARY` names another, such as a debug build)."""
    path = os.environ.get("KOOPERACJA_SERVER_BINARY") or os.path.join(
        ROOT, "target/release/kooperacja-server"
    )
    if not os.path.exists(path):
        sys.exit(f"{path} is missing: run cargo build --release -p kooperacja-http first")
    return path


class Server:
    """One server process on a database file."""

    def __init__(self, db, projects=(PROJECT,), facts=(), extra=()):
        args = [binary(), "serve", "--db", db, "--listen", "127.0.0.1:0"]
        for p in projects:
            args += ["--project", p]
        for f in facts:
            args += ["--facts", f]
        args += list(extra)
        self.stderr = open(db + ".server.log", "ab")
        self.process = subprocess.Popen(
            args, stdout=subprocess.PIPE, stderr=self.stderr, cwd=ROOT
        )
        line = self.process.stdout.readline().decode()
        if not line.startswith("listening on "):
            self.process.kill()
            sys.exit(f"the server did not start (it said {line!r}); see {db}.server.log")
        self.url = line.split("listening on ", 1)[1].strip()

    def kill(self):
        """SIGKILL: no shutdown, no flush; what was committed must survive."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()
        self.stderr.close()

    def stop(self):
        """SIGTERM and wait: a clean stop."""
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.stderr.close()


def create_token(db, org, project=PROJECT_ID):
    """A new token for an organisation (printed once by the binary)."""
    out = subprocess.run(
        [binary(), "token", "create", "--project", project, "--org", org, "--db", db],
        capture_output=True,
        check=True,
        cwd=ROOT,
    )
    return out.stdout.decode().strip().splitlines()[-1].strip()


def request(url, method="GET", body=None, token=None, timeout=30):
    """(status, parsed JSON or None); connection failures raise OSError."""
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            raw = resp.read()
            return resp.status, (json.loads(raw) if raw else None)
    except urllib.error.HTTPError as e:
        raw = e.read()
        try:
            return e.code, json.loads(raw)
        except ValueError:
            return e.code, None


def all_facts(url, token, project=PROJECT_ID, limit=500):
    """Every stored fact, page by page, in storage order."""
    facts, cursor = [], None
    while True:
        query = f"?limit={limit}" + (f"&cursor={cursor}" if cursor else "")
        status, page = request(f"{url}/v1/projects/{project}/facts{query}", token=token)
        if status != 200:
            sys.exit(f"listing facts answered {status}: {page}")
        facts += page["facts"]
        if not page["facts"]:
            return facts
        cursor = page["next_cursor"]


def wait_ready(url, seconds=60):
    for _ in range(seconds * 10):
        try:
            status, _ = request(f"{url}/readyz", timeout=2)
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    sys.exit(f"{url} never became ready")
