#!/usr/bin/env bash
# API fuzz of kooperacja-server: schemathesis (from PyPI) against the live
# server's OpenAPI document, with all its checks and a bounded number of
# examples per operation. Fails on any 5xx or response that breaks the schema.
#
#   scripts/api-fuzz.sh [--max-examples N] [--seed S]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if ! command -v schemathesis > /dev/null; then
    python3 -m pip install --quiet 'schemathesis>=4,<5' ||
        python3 -m pip install --quiet --break-system-packages 'schemathesis>=4,<5'
fi
cargo build --quiet --release -p kooperacja-http
exec python3 scripts/http/api_fuzz.py "$@"
