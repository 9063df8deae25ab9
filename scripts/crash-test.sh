#!/usr/bin/env bash
# Crash test of kooperacja-server: posts facts under load, kills the server with
# SIGKILL at random moments (20 rounds by default), restarts it, and checks that
# every acknowledged fact is stored exactly once. Prints the counts.
#
#   scripts/crash-test.sh [--rounds N] [--seed S] [--threads T]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cargo build --quiet --release -p kooperacja-http
exec python3 scripts/http/crash_test.py "$@"
