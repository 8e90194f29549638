#!/usr/bin/env bash
# Every check, as CI runs it: formatting, lints, the test vectors against an
# independent Python implementation, and every test of every crate.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh

ensure_rust_components
ensure_python_cryptography

step "cargo fmt --check"
cargo fmt --all -- --check
step "cargo clippy (warnings are errors)"
cargo clippy --locked --all-targets -- -D warnings
step "test vectors: independent Python implementation"
python3 shared/tests/vectors/generate.py --check
step "cargo test"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
cargo test --locked --lib --bins --tests 2>&1 | tee "$log"
# One closing line for the whole run.
awk '/^test result:/ { p += $4; f += $6; i += $8 }
     END { printf "\ntests: %d passed, %d failed, %d skipped\n", p, f, i }' "$log"
