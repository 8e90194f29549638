#!/usr/bin/env bash
# The release sdo-server every script uses, always with the browser app
# built in (feature embed-app), so builds never flip between two feature
# sets and relink. Without a dist/ (scripts/frontend.sh build) the binary
# simply serves the API only.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p dist
exec cargo build --release --locked -p sdo-backend --features embed-app --bin sdo-server
