#!/usr/bin/env bash
# Benchmark: `kooperacja indicators` against DuckDB on the same synthetic facts.
#
#   scripts/bench-indicators.sh [COUNT]      (default 10000000)
#
# Generates COUNT facts as CSV with the deterministic generator (seed 1) for the
# Kooperacja fixture, runs `kooperacja indicators` (release build) over them for the
# seven Kooperacja indicators (I-01..I-07), runs the same computation in DuckDB
# (Python package `duckdb`, installed with pip if missing), checks that both give
# the same numbers, and prints both wall times, their ratio and peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT="${1:-10000000}"
AS_OF=2022-12-31
PROJECT=fixtures/projects/kooperacja-makroregion-ii.toml
WORK="${BENCH_DIR:-$(mktemp -d)}"
FACTS="$WORK/facts-$COUNT.csv"

python3 -c "import duckdb" 2>/dev/null || pip install --quiet duckdb
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time; }

cargo build --release --quiet -p kooperacja-cli
BIN=target/release/kooperacja

if [ ! -f "$FACTS" ]; then
  echo "generating $COUNT facts into $FACTS" >&2
  "$BIN" facts generate "$PROJECT" --count "$COUNT" --seed 1 --output "$FACTS"
fi
ls -l "$FACTS" >&2

echo "== kooperacja indicators" >&2
/usr/bin/time -f "%e %M" -o "$WORK/ours.time" \
  "$BIN" indicators "$PROJECT" --facts "$FACTS" --as-of "$AS_OF" --format json > "$WORK/ours.json"

echo "== duckdb" >&2
cat > "$WORK/duck.py" <<PY
import duckdb, json, sys
con = duckdb.connect()
con.execute("PRAGMA threads=2")
row = con.execute("""
WITH f AS (SELECT * FROM read_csv('$FACTS', header=true, all_varchar=true)),
r AS (SELECT DISTINCT retracts FROM f WHERE kind = 'retraction'),
live AS (SELECT * FROM f WHERE kind <> 'retraction' AND id NOT IN (SELECT retracts FROM r) AND date <= '$AS_OF')
SELECT
  count(DISTINCT jst) FILTER (WHERE kind = 'pilot'),
  count(DISTINCT institution) FILTER (WHERE kind = 'agreement'),
  count(*) FILTER (WHERE kind = 'deliverable' AND deliverable = 'model'),
  count(DISTINCT person) FILTER (WHERE kind = 'coaching' AND role = 'social-worker'),
  count(*) FILTER (WHERE kind = 'deliverable' AND deliverable = 'pilot-report'),
  count(*) FILTER (WHERE kind = 'deliverable' AND deliverable = 'summary-report'),
  count(*) FILTER (WHERE kind = 'meeting' AND activity = 'education')
FROM live
""").fetchone()
ids = ["jst-piloted", "entities-cooperating", "models-developed", "social-workers-coached",
       "pilot-reports", "summary-reports", "training-meetings"]
json.dump(dict(zip(ids, [int(v) for v in row])), sys.stdout)
PY
/usr/bin/time -f "%e %M" -o "$WORK/duck.time" python3 "$WORK/duck.py" > "$WORK/duck.json"

python3 - "$WORK" <<'PY'
import json, sys
work = sys.argv[1]
ours = {i["id"]: int(float(i["value"])) for i in json.load(open(f"{work}/ours.json"))}
duck = json.load(open(f"{work}/duck.json"))
same = all(ours[k] == v for k, v in duck.items())
for k, v in duck.items():
    print(f"  {k:24} ours {ours[k]:>10}  duckdb {v:>10}  {'ok' if ours[k] == v else 'DIFFERENT'}")
(ot, om), (dt, dm) = [tuple(map(float, open(f"{work}/{n}.time").read().split())) for n in ("ours", "duck")]
print(f"kooperacja: {ot:.2f} s, peak {om/1024:.0f} MiB")
print(f"duckdb:     {dt:.2f} s, peak {dm/1024:.0f} MiB")
print(f"ratio (ours / duckdb): {ot/dt:.2f}   target <= 0.5; memory target < 1024 MiB")
sys.exit(0 if same else 1)
PY
