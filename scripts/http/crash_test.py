"""Crash test: facts posted under load survive SIGKILL, each exactly once.

Each round starts the server on the same database, posts facts from several
threads (single facts and batches, new ones and retries of earlier ones),
kills the server with SIGKILL at a random moment, and records which facts the
server acknowledged (answered 200 or 201). At the end a last server lists every
stored fact, and the script checks that every acknowledged fact is there
exactly once, that nothing unknown appeared, and that the stored content is
what was sent. Prints the counts; exits 1 on any loss or duplicate.

    python3 scripts/http/crash_test.py [--rounds N] [--seed S]
"""

import argparse
import datetime
import os
import random
import shutil
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from server import PROJECT_ID, Server, all_facts, create_token, request  # noqa: E402

TERRITORIES = ["0410", "0416", "0407"]  # powiats of the leader's voivodeship


def fact(n):
    """The n-th fact: a meeting of a PGR, dated inside the project's period."""
    day = datetime.date(2018, 5, 1) + datetime.timedelta(days=n % 900)
    return {
        "id": f"crash-{n}",
        "date": day.isoformat(),
        "by": "rops-torun",
        "territory": TERRITORIES[n % len(TERRITORIES)],
        "kind": "meeting",
        "group": "PGR",
        "days": 1 + n % 2,
        "participants": 5 + n % 3,
        "note": "crash test",
    }


class Ledger:
    """What the client knows: facts sent, and those acknowledged."""

    def __init__(self):
        self.lock = threading.Lock()
        self.next = 0
        self.acked = set()
        self.sent = 0
        self.retried = 0
        self.refused = []

    def take(self, count):
        with self.lock:
            start = self.next
            self.next += count
            return list(range(start, start + count))

    def ack(self, numbers):
        with self.lock:
            self.acked.update(numbers)

    def some_acked(self, rng, count):
        with self.lock:
            if not self.acked:
                return []
            pool = list(self.acked)
        return [rng.choice(pool) for _ in range(count)]


def client(url, token, ledger, stop, seed):
    rng = random.Random(seed)
    facts_url = f"{url}/v1/projects/{PROJECT_ID}/facts"
    batch_url = f"{url}/v1/projects/{PROJECT_ID}/fact-batches"
    while not stop.is_set():
        choice = rng.random()
        if choice < 0.15:
            numbers = ledger.some_acked(rng, rng.randint(1, 20))  # retries
            ledger.retried += len(numbers)
        else:
            numbers = ledger.take(1 if choice < 0.6 else rng.randint(2, 200))
        if not numbers:
            continue
        ledger.sent += len(numbers)
        try:
            if len(numbers) == 1:
                status, body = request(facts_url, "POST", fact(numbers[0]), token, timeout=10)
            else:
                status, body = request(
                    batch_url, "POST", {"facts": [fact(n) for n in numbers]}, token, timeout=30
                )
        except OSError:
            continue  # killed mid-request: not acknowledged, may or may not be stored
        if status in (200, 201):
            ledger.ack(numbers)
        else:
            ledger.refused.append((status, body))
            stop.set()


def main(work):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    db = os.path.join(work, "crash.sqlite3")
    print(f"crash test: {args.rounds} rounds, seed {args.seed}, database {db}")

    # The first start creates the database; the token needs the project known.
    Server(db).stop()
    token = create_token(db, "rops-torun")
    ledger = Ledger()
    for round_ in range(1, args.rounds + 1):
        server = Server(db)
        stop = threading.Event()
        threads = [
            threading.Thread(target=client, args=(server.url, token, ledger, stop, rng.random()))
            for _ in range(args.threads)
        ]
        for t in threads:
            t.start()
        time.sleep(rng.uniform(0.3, 2.0))
        server.kill()
        stop.set()
        for t in threads:
            t.join()
        print(f"  round {round_:2}: killed; acknowledged so far {len(ledger.acked)}")
        if ledger.refused:
            print(f"unexpected answers: {ledger.refused[:3]}")
            return 1

    server = Server(db)
    stored = all_facts(server.url, token)
    server.stop()
    ids = [f["fact"]["id"] for f in stored]
    crash_ids = [i for i in ids if i.startswith("crash-")]
    counts = {}
    for i in crash_ids:
        counts[i] = counts.get(i, 0) + 1
    duplicates = sorted(i for i, c in counts.items() if c > 1)
    acked_ids = {f"crash-{n}" for n in ledger.acked}
    lost = sorted(acked_ids - set(counts))
    unknown = sorted(i for i in counts if int(i.split("-")[1]) >= ledger.next)
    changed = [
        f["fact"]["id"]
        for f in stored
        if f["fact"]["id"].startswith("crash-")
        and f["fact"]["date"] != fact(int(f["fact"]["id"].split("-")[1]))["date"]
    ]
    print(
        f"rounds {args.rounds}, facts sent {ledger.sent} (retries {ledger.retried}), "
        f"acknowledged {len(acked_ids)}, stored {len(counts)} "
        f"(of which not acknowledged: {len(set(counts) - acked_ids)}), "
        f"lost {len(lost)}, stored twice {len(duplicates)}, unknown {len(unknown)}, "
        f"changed {len(changed)}"
    )
    if lost or duplicates or unknown or changed or len(ids) != len(set(ids)):
        print(f"FAILED: lost {lost[:5]} duplicates {duplicates[:5]} unknown {unknown[:5]}")
        return 1
    print("crash test passed: every acknowledged fact is stored exactly once")
    return 0


def run():
    """Runs the test; the database (hundreds of MB) is kept only when it fails."""
    work = tempfile.mkdtemp(prefix="kooperacja-crash-")
    code = 1
    try:
        code = main(work)
    finally:
        if code == 0:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"the database is kept for inspection in {work}")
    return code


if __name__ == "__main__":
    sys.exit(run())
