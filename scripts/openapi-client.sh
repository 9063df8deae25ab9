#!/usr/bin/env bash
# The OpenAPI document as an embedding team meets it: lint it with Redocly's
# recommended rules (npx @redocly/cli), generate a Python client from it
# (openapi-python-client, from PyPI) and call every report endpoint with that
# client against a live server on the fixtures. Fails on any lint problem,
# any generator error, and any call that is not a 200 read into its model.
# Installs its tools if missing (idempotent).
#
#   scripts/openapi-client.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.local/bin:$PATH"
generator='openapi-python-client>=0.29,<0.30'
if ! command -v openapi-python-client > /dev/null; then
    python3 -m pip install --quiet --user "$generator" ||
        python3 -m pip install --quiet --user --break-system-packages "$generator"
fi
command -v npx > /dev/null || { echo "npx (Node.js) is needed for Redocly's lint" >&2; exit 1; }
cargo build --quiet --release -p kooperacja-http
exec python3 scripts/http/openapi_client.py --redocly "npx --yes @redocly/cli@2" "$@"
