#!/usr/bin/env bash
# Soak: mixed load (creates, checks, reveals, wrong passphrases and locks,
# burns, expiries) on a release sdo-server for SECONDS (default 600),
# sampling its RSS and open file descriptors; fails if either keeps growing
# or any answer is unexpected. Loopback only; stops by itself.
#
#   scripts/soak.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked -p sdo-backend --bin sdo-server --example soak
exec ./target/release/examples/soak "${1:-600}"
