#!/usr/bin/env bash
# Renders the offline HTML report of the Kooperacja fixture as of 2020-09-30
# (Polish) to a PNG with headless Chromium: the picture in docs/export.md.
#
#   scripts/render-report.sh [OUT.png]      (default docs/export-report.png)
#
# Needs Chromium (`apt-get install chromium`). The picture is the first A4-sized
# screen of the page (1240 × 1754 pixels); the page itself is longer.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

out="${1:-docs/export-report.png}"
chromium="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$chromium" ]; then
    echo "render-report.sh: chromium not found (install with apt-get install chromium)" >&2
    exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cargo run --quiet -p kooperacja-export -- fixtures/projects/kooperacja-makroregion-ii.toml \
    --facts fixtures/facts/kooperacja-sample.jsonl --as-of 2020-09-30 \
    --format html --lang pl -o "$work/report.html"

timeout 60 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --force-color-profile=srgb \
    --user-data-dir="$work/profile" --window-size=1240,1754 \
    --screenshot="$work/report.png" "file://$work/report.html" >/dev/null 2>&1

mv "$work/report.png" "$out"
echo "wrote $out ($(wc -c <"$out") bytes)"
