#!/usr/bin/env bash
# Installs what is missing, builds, and runs self-destruct-o, the browser app
# and its API, on the embedded default (SQLite + a local master key in
# ./data) at http://127.0.0.1:8080. The first run installs Trunk and
# wasm-bindgen-cli from crates.io (about 20-30 minutes on 2 cores).
# Extra arguments go to sdo-server (see `sdo-server --help`).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh

ensure_rust_components
# The app first: the server build puts it inside the binary.
./scripts/frontend.sh build
./scripts/build_server.sh
echo "self-destruct-o: http://127.0.0.1:8080 (Ctrl-C stops it)" >&2
exec ./target/release/sdo-server "$@"
