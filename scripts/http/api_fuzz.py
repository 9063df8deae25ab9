"""API fuzz: schemathesis against a live kooperacja-server's OpenAPI document.

Starts the server on a fresh database with both fixtures and the sample facts,
creates a leader's token, and runs `schemathesis run` with every check and a
bounded number of examples per operation, once with the token and once without
(so that the 401 paths are exercised too). Fails on any 5xx, any response that
breaks the document, or any other failed check.

    python3 scripts/http/api_fuzz.py [--max-examples N] [--seed S]
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from server import FACTS, PROJECT, PROJECT_ID, SECOND_PROJECT, Server, create_token, wait_ready  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-examples", type=int, default=25)
    parser.add_argument("--seed", type=int, default=20261123)
    args = parser.parse_args()
    st = shutil.which("schemathesis") or shutil.which("st")
    if not st:
        sys.exit("schemathesis is not installed: pip install schemathesis")
    work = tempfile.mkdtemp(prefix="kooperacja-fuzz-")
    db = os.path.join(work, "fuzz.sqlite3")
    Server(db, projects=(PROJECT, SECOND_PROJECT)).stop()
    token = create_token(db, "rops-torun")
    server = Server(
        db, projects=(PROJECT, SECOND_PROJECT), facts=(f"{PROJECT_ID}={FACTS}",)
    )
    wait_ready(server.url)
    failed = False
    try:
        for label, headers in (("with a leader's token", ["-H", f"Authorization: Bearer {token}"]), ("without a token", [])):
            print(f"== schemathesis {label}", flush=True)
            command = [
                st, "run", f"{server.url}/v1/openapi.json",
                "--checks", "all",
                "--max-examples", str(args.max_examples),
                "--seed", str(args.seed),
                "--generation-deterministic",
                "--request-timeout", "20",
                "--max-response-time", "10",
                *headers,
            ]
            result = subprocess.run(command)
            failed |= result.returncode != 0
    finally:
        server.stop()
    if failed:
        print(f"API fuzz FAILED (server log: {db}.server.log)")
        return 1
    print("API fuzz passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
