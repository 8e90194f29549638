#!/usr/bin/env bash
# The browser app (frontend/, e2e/): install its tools, build it, test it.
#
#   scripts/frontend.sh install   # once: wasm32 target, trunk, wasm-bindgen-cli,
#                                 # wasm-opt (npm binaryen), chromium + chromedriver,
#                                 # the e2e npm packages; skips what is there
#   scripts/frontend.sh build     # the build tools only, then
#                                 # trunk build --release -> dist/
#   scripts/frontend.sh test      # all tools; clippy, wasm tests in headless
#                                 # Chromium, release build, e2e
#
# Self-contained and idempotent: each step checks before it installs.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_OPT_VERSION=132
TOOLS=frontend/tools

step() { printf '\n==> %s\n' "$*" >&2; }
as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}
apt_install() {
    step "apt-get install $*"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@"
}

# The wasm-bindgen crate version in Cargo.lock; the CLI must match it exactly.
wasm_bindgen_version() {
    awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

# Tools installed by npm live in gitignored node_modules; put them first.
export PATH="$PWD/$TOOLS/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true

npm_ci_if_stale() { # dir
    local dir=$1
    if [ ! -f "$dir/node_modules/.package-lock.json" ] ||
        [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
        step "npm ci in $dir"
        PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error
    fi
}

install_build_tools() {
    if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
        step "rustup target add wasm32-unknown-unknown"
        rustup target add wasm32-unknown-unknown
    fi
    local missing=()
    command -v cc >/dev/null 2>&1 || missing+=(build-essential)
    command -v node >/dev/null 2>&1 || missing+=(nodejs)
    command -v npm >/dev/null 2>&1 || missing+=(npm)
    if [ ${#missing[@]} -gt 0 ]; then
        apt_install "${missing[@]}"
    fi
    if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
        step "cargo install trunk $TRUNK_VERSION (about 10 minutes on 2 cores)"
        cargo install --locked trunk --version "$TRUNK_VERSION"
    fi
    local wb
    wb=$(wasm_bindgen_version)
    if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wb" ] ||
        [ "$(wasm-bindgen-test-runner --version 2>/dev/null)" != "wasm-bindgen-test-runner $wb" ]; then
        step "cargo install wasm-bindgen-cli $wb"
        # Not --locked: that fails to resolve against this registry.
        # Trunk.toml [tools] pins the same version; keep the two in step.
        cargo install --force wasm-bindgen-cli --version "$wb"
    fi
    npm_ci_if_stale "$TOOLS"
    if [ "$(wasm-opt --version 2>/dev/null | awk '{print $3}')" != "$WASM_OPT_VERSION" ]; then
        echo "wasm-opt $WASM_OPT_VERSION not found after npm ci in $TOOLS" >&2
        exit 1
    fi
}

install_test_tools() {
    local missing=()
    command -v chromium >/dev/null 2>&1 || missing+=(chromium)
    command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
    if [ ${#missing[@]} -gt 0 ]; then
        apt_install "${missing[@]}"
    fi
    # playwright-core (e2e) needs Node.js 20 or newer.
    if [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
        echo "Node.js $(node --version) is too old for the e2e tests (playwright-core needs 20+)." >&2
        echo "Install Node.js 20+ (e.g. from NodeSource) and run this again." >&2
        exit 1
    fi
    npm_ci_if_stale e2e
}

build() {
    step "trunk build --release -> dist/"
    # Trunk runs cargo offline; fetch what the lock file names first.
    cargo fetch --locked >/dev/null
    trunk build --release --offline --locked
}

test_frontend() {
    step "cargo clippy -p sdo-frontend (wasm32, warnings are errors)"
    cargo clippy --locked --target wasm32-unknown-unknown -p sdo-frontend --all-targets -- -D warnings
    step "wasm tests in headless Chromium (wasm-bindgen-test)"
    local log
    log=$(mktemp)
    # shellcheck disable=SC2064
    trap "rm -f '$log'" RETURN
    (cd frontend && cargo test --locked --target wasm32-unknown-unknown -p sdo-frontend) 2>&1 | tee "$log"
    build
    step "cargo build sdo-server (release)"
    cargo build --release --locked -p sdo-backend --bin sdo-server
    step "end-to-end tests in Chromium (e2e/, node --test)"
    (cd e2e && node --test --test-concurrency=1 --test-reporter=spec) 2>&1 | tee -a "$log"
    awk '/^test result:/ { p += $4; f += $6; i += $8 }
         /^ℹ pass / { p += $3 } /^ℹ fail / { f += $3 } /^ℹ skipped / { i += $3 }
         END { printf "\nfrontend tests: %d passed, %d failed, %d skipped\n", p, f, i }' "$log"
}

case "${1:-}" in
install) install_build_tools && install_test_tools ;;
build) install_build_tools && build ;;
test) install_build_tools && install_test_tools && test_frontend ;;
*)
    echo "usage: $0 install|build|test" >&2
    exit 2
    ;;
esac
