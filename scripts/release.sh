#!/usr/bin/env bash
# One self-contained sdo-server: builds the browser app, then the server
# with the app built in (cargo feature embed-app), and prints the binary's
# path, size and SHA-256. Copy that one file anywhere and run it: it serves
# the app and the API on its embedded default (SQLite + a local master key
# in ./data).
#
#   scripts/release.sh
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/frontend.sh build
printf '\n==> cargo build --release --features embed-app (sdo-server)\n' >&2
./scripts/build_server.sh
bin=target/release/sdo-server
printf '%s\n' "$bin" \
    "size: $(stat -c %s "$bin") bytes" \
    "sha256: $(sha256sum "$bin" | cut -d' ' -f1)"
