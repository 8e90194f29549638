#!/usr/bin/env bash
# Soak: mixed load (creates, checks, reveals, wrong passphrases and locks,
# burns, expiries) on a release sdo-server for SECONDS (default 600),
# sampling its RSS and open file descriptors; fails if either keeps growing
# or any answer is unexpected. Loopback only; stops by itself.
#
#   scripts/soak.sh [SECONDS]
#
# The server is the release build; the load generator (backend/examples/
# soak.rs) is built like the tests, so in CI it reuses their artifacts
# instead of rebuilding the AWS SDK in release with dev-dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build_server.sh
cargo build --locked -p sdo-backend --example soak
SDO_SERVER_BIN=target/release/sdo-server exec ./target/debug/examples/soak "${1:-600}"
