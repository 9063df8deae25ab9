#!/usr/bin/env bash
# Starts kooperacja-server on the fixtures (fresh database, the sample facts),
# screenshots its dashboard at / with headless Chromium, and writes the picture
# to docs/dashboard.png (or OUT). The not-blank check of the same screenshot is
# the test crates/kooperacja-http/tests/dashboard_chromium.rs.
#
#   scripts/dashboard-screenshot.sh [OUT.png]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out="${1:-docs/dashboard.png}"
chromium="$(command -v chromium || command -v chromium-browser || true)"
[ -n "$chromium" ] || { echo "chromium is not installed (apt-get install chromium)" >&2; exit 1; }
cargo build --quiet --release -p kooperacja-http

work="$(mktemp -d)"
trap 'kill "$pid" 2> /dev/null || true; wait "$pid" 2> /dev/null || true; rm -rf "$work"' EXIT
target/release/kooperacja-server serve --db "$work/db.sqlite3" --listen 127.0.0.1:0 \
    --project fixtures/projects/kooperacja-makroregion-ii.toml \
    --project fixtures/projects/koordynacja-kujawy-pomorze.toml \
    --facts kooperacja-makroregion-ii=fixtures/facts/kooperacja-sample.jsonl \
    --facts koordynacja-kujawy-pomorze=fixtures/facts/koordynacja-sample.jsonl \
    > "$work/out" 2> "$work/err" &
pid=$!
for _ in $(seq 300); do
    grep -q "listening on" "$work/out" 2> /dev/null && break
    sleep 0.1
done
url="$(sed -n 's/^listening on //p' "$work/out")"
[ -n "$url" ] || { cat "$work/err" >&2; exit 1; }

timeout 90 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --force-color-profile=srgb --user-data-dir="$work/profile" \
    --window-size=1280,1600 --screenshot="$work/dashboard.png" "$url/" > /dev/null 2>&1
[ -s "$work/dashboard.png" ] || { echo "chromium wrote no picture" >&2; exit 1; }
cp "$work/dashboard.png" "$out"
echo "wrote $out"
