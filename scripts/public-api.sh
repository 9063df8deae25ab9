#!/usr/bin/env bash
# The public API of kooperacja-core, kept in docs/public-api.txt and checked in CI, so
# that a change of API is reviewed like a change of behaviour (docs/versioning.md).
#
#   scripts/public-api.sh            check: fails, showing the difference, when the
#                                    API differs from docs/public-api.txt
#   scripts/public-api.sh --update   write docs/public-api.txt anew (then review
#                                    `git diff docs/public-api.txt` and commit it)
#
# Needs cargo-public-api (cargo install cargo-public-api --locked --version 0.52.0;
# .ci/run installs it). It reads rustdoc's JSON output, which stable rustc gives with
# RUSTC_BOOTSTRAP=1. The listing leaves out blanket impls (`impl<T> From<T> for T`)
# and keeps derived and auto traits (Clone, Send, ...): dropping one breaks callers.
set -euo pipefail
cd "$(dirname "$0")/.."
snapshot=docs/public-api.txt

mode=check
case "${1:-}" in
    "") ;;
    --update) mode=update ;;
    *) echo "usage: $0 [--update]" >&2; exit 2 ;;
esac

if ! command -v cargo-public-api > /dev/null; then
    echo "cargo-public-api is not installed: cargo install cargo-public-api --locked --version 0.52.0" >&2
    exit 2
fi

current="$(mktemp)"
trap 'rm -f "$current"' EXIT
if ! RUSTC_BOOTSTRAP=1 cargo public-api --package kooperacja-core --simplified \
    --color never > "$current"; then
    echo "cargo public-api failed (a rustdoc JSON format this version of cargo-public-api does not read? see its compatibility table)" >&2
    exit 2
fi

if [ "$mode" = update ]; then
    cp "$current" "$snapshot"
    echo "wrote $snapshot ($(wc -l < "$snapshot") lines)"
    exit 0
fi

if ! diff -u "$snapshot" "$current" --label "$snapshot (kept)" --label "public API (now)"; then
    echo >&2
    echo "The public API of kooperacja-core differs from $snapshot." >&2
    echo "If the change is meant, run scripts/public-api.sh --update, say in CHANGELOG.md" >&2
    echo "what changed (breaking or not: docs/versioning.md) and commit both." >&2
    exit 1
fi
echo "public API of kooperacja-core: as in $snapshot"
