#!/usr/bin/env bash
# Renders the payment claim of the Kooperacja fixture (Polish) to a PNG with
# headless Chromium: the picture in docs/export.md.
#
#   scripts/render-claim.sh [N [OUT.png]]      (default claim 9, docs/claim.png)
#
# Needs Chromium (`apt-get install chromium`). The picture is the first A4-sized
# screen of the page (1240 × 1754 pixels); the page itself is longer.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

number="${1:-9}"
out="${2:-docs/claim.png}"
chromium="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$chromium" ]; then
    echo "render-claim.sh: chromium not found (install with apt-get install chromium)" >&2
    exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cargo run --quiet -p kooperacja-export -- fixtures/projects/kooperacja-makroregion-ii.toml \
    --facts fixtures/facts/kooperacja-sample.jsonl --claim "$number" \
    --format html --lang pl -o "$work/claim.html"

timeout 60 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --force-color-profile=srgb \
    --user-data-dir="$work/profile" --window-size=1240,1754 \
    --screenshot="$work/claim.png" "file://$work/claim.html" >/dev/null 2>&1

mv "$work/claim.png" "$out"
echo "wrote $out ($(wc -c <"$out") bytes)"
