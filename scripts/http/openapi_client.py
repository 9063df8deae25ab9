"""The OpenAPI document through a generated client: lint, generate, call.

Fetches /v1/openapi.json from a live kooperacja-server (both fixtures, the
sample facts), lints it with Redocly's recommended rules, generates a Python
client with openapi-python-client, and calls every report endpoint of that
client (every module of its `reports` package, so a new endpoint is called
too) for every project at three dates, plus the project listing and each
project. A call fails on any status but 200, on a body the client cannot
read into its model, and on a model that does not give back the JSON it was
read from. Exits non-zero on any failure.

    python3 scripts/http/openapi_client.py [--redocly CMD] [--generator CMD]
"""

import argparse
import datetime
import importlib
import json
import os
import pkgutil
import shlex
import shutil
import subprocess
import sys
import tempfile
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from server import FACTS, PROJECT, PROJECT_ID, SECOND_PROJECT, Server, wait_ready  # noqa: E402

DATES = (datetime.date(2020, 9, 30), datetime.date(2023, 12, 31), datetime.date(2025, 11, 30))


def run(command, **kwargs):
    print("$", " ".join(command), flush=True)
    result = subprocess.run(command, **kwargs)
    if result.returncode != 0:
        sys.exit(f"failed ({result.returncode}): {' '.join(command)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--redocly", default="npx --yes @redocly/cli@2")
    parser.add_argument("--generator", default="openapi-python-client")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="kooperacja-openapi-")
    db = os.path.join(work, "openapi.sqlite3")
    server = Server(db, projects=(PROJECT, SECOND_PROJECT), facts=(f"{PROJECT_ID}={FACTS}",))
    failures = []
    try:
        wait_ready(server.url)
        document = os.path.join(work, "openapi.json")
        with urllib.request.urlopen(f"{server.url}/v1/openapi.json", timeout=30) as resp:
            with open(document, "wb") as out:
                out.write(resp.read())
        print("== Redocly lint (recommended rules)", flush=True)
        run([*shlex.split(args.redocly), "lint", "--format", "stylish", document], cwd=work)
        print("== openapi-python-client generate", flush=True)
        client_dir = os.path.join(work, "client")
        run([*shlex.split(args.generator), "generate", "--path", document,
             "--output-path", client_dir, "--meta", "none"], cwd=work)
        sys.path.insert(0, work)
        package = importlib.import_module("client")
        failures = call_everything(package, server.url)
    finally:
        server.stop()
    if failures:
        for f in failures:
            print("FAILED:", f)
        print(f"generated client FAILED on {len(failures)} calls (server log: {db}.server.log)")
        return 1
    print("generated client passed")
    shutil.rmtree(work, ignore_errors=True)
    return 0


def call_everything(package, url):
    """Every report endpoint, for every project and date, through the client."""
    Client = importlib.import_module(f"{package.__name__}.client").Client
    Problem = importlib.import_module(f"{package.__name__}.models.problem").Problem
    projects_api = importlib.import_module(f"{package.__name__}.api.projects")
    reports_api = importlib.import_module(f"{package.__name__}.api.reports")
    client = Client(base_url=url, raise_on_unexpected_status=True, timeout=30)
    failures = []

    def check(what, call):
        try:
            response = call()
        except Exception as e:  # the client could not read the response
            failures.append(f"{what}: {type(e).__name__}: {e}")
            return None
        parsed = response.parsed
        if response.status_code != 200 or parsed is None or isinstance(parsed, Problem):
            failures.append(f"{what}: {response.status_code} {response.content[:300]!r}")
            return None
        given = [p.to_dict() for p in parsed] if isinstance(parsed, list) else parsed.to_dict()
        if given != json.loads(response.content):
            failures.append(f"{what}: the model does not give back the JSON it read")
        print(f"ok  {what}", flush=True)
        return parsed

    list_projects = importlib.import_module(f"{projects_api.__name__}.list_projects")
    get_project = importlib.import_module(f"{projects_api.__name__}.get_project")
    listing = check("list_projects", lambda: list_projects.sync_detailed(client=client))
    ids = [PROJECT_ID] if listing is None else [p.id for p in listing]
    endpoints = sorted(m.name for m in pkgutil.iter_modules(reports_api.__path__))
    if len(endpoints) < 7:
        failures.append(f"the client has only these report endpoints: {endpoints}")
    for project_id in ids:
        info = check(f"get_project {project_id}", lambda: get_project.sync_detailed(project_id, client=client))
        for name in endpoints:
            module = importlib.import_module(f"{reports_api.__name__}.{name}")
            if name == "diff":
                # A project of one version has nothing to compare (422, documented).
                if info is not None and len(info.versions) > 1:
                    check(f"diff {project_id}", lambda: module.sync_detailed(project_id, client=client))
                continue
            for as_of in DATES:
                check(f"{name} {project_id} {as_of}",
                      lambda: module.sync_detailed(project_id, client=client, as_of=as_of))
    return failures


if __name__ == "__main__":
    sys.exit(main())
