#!/usr/bin/env bash
# Every check, as CI runs it: formatting, lints, the test vectors against an
# independent Python implementation, every test of every crate against
# SQLite and DynamoDB+KMS (moto_server), the Lambda path, schemathesis against
# the real server's OpenAPI document, the browser app (wasm tests and
# end-to-end in Chromium, also against the release binary alone), a soak
# smoke, a side-by-side smoke against SnapPass (bench/peers.sh), the Debian
# package, and a short run of every fuzz target.
# Installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh

ensure_rust_components
ensure_python_cryptography
ensure_moto
ensure_cfn_lint
ensure_cargo_lambda
ensure_schemathesis
ensure_man_tools

step "cargo fmt --check"
cargo fmt --all -- --check
step "cargo clippy (warnings are errors)"
cargo clippy --locked --all-targets -- -D warnings
step "test vectors: independent Python implementation"
python3 shared/tests/vectors/generate.py --check
step "cfn-lint template.yaml"
cfn-lint template.yaml
step "cargo test (SQLite, and DynamoDB + KMS on moto_server)"
log=$(mktemp)
MOTO_PID=
trap 'rm -f "$log"; [ -z "$MOTO_PID" ] || kill "$MOTO_PID" 2>/dev/null' EXIT
start_moto
cargo test --locked --lib --bins --tests 2>&1 | tee "$log"
step "Lambda: the real binary under cargo lambda watch"
python3 scripts/lambda_smoke.py 2>&1 | tee -a "$log"

# Schemathesis: the real binary, fuzzed from its own OpenAPI document, on
# SQLite and on DynamoDB + KMS (its own moto_server). About a minute per store.
step "schemathesis: sdo-server against /api/v1/openapi.json (SQLite, DynamoDB + KMS)"
./scripts/schemathesis.sh 2>&1 | tee -a "$log"

step "browser app: clippy (wasm32), wasm tests in Chromium, e2e (with the sdo CLI)"
./scripts/frontend.sh test 2>&1 | tee -a "$log"
step "soak smoke: 20 s of mixed load, RSS and open files sampled (scripts/soak.sh 600 is the long run)"
./scripts/soak.sh 20 2>&1 | tee -a "$log"
step "side by side smoke: sdo-server and SnapPass 1.6.2 under wrk, 2 s each (bench/peers.sh is the full run)"
./bench/peers.sh --smoke 2>&1 | tee -a "$log"
step "Debian package: build, dpkg -i, systemd-analyze verify, start by hand, dpkg -r and -P"
./scripts/deb.sh test 2>&1 | tee -a "$log"

# --- Fuzzing smoke: every cargo-fuzz target for a few seconds (nightly) ---
# Its own crate and workspace (fuzz/), so the checks above never see it.
step "fuzz: cargo fmt --check (fuzz/)"
cargo fmt --manifest-path fuzz/Cargo.toml -- --check
step "fuzz: every target, briefly (scripts/fuzz.sh --smoke)"
./scripts/fuzz.sh --smoke 2>&1 | tee -a "$log"
# One closing line for the whole run.
awk '/^test result:/ { p += $4; f += $6; i += $8 }
     /^lambda: [0-9]+ passed/ { p += $2; f += $4 }
     /^soak: [0-9]+ passed/ { p += $2; f += $4 }
     /^peers: [0-9]+ passed/ { p += $2; f += $4 }
     /^schemathesis: [0-9]+ passed/ { p += $2; f += $4 }
     /^fuzz: [0-9]+ passed/ { p += $2; f += $4 }
     /^deb: [0-9]+ passed/ { p += $2; f += $4 }
     /^ℹ pass / { p += $3 } /^ℹ fail / { f += $3 } /^ℹ skipped / { i += $3 }
     END { printf "\ntests: %d passed, %d failed, %d skipped\n", p, f, i }' "$log"
