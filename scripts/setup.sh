# Sourced by run.sh and test.sh: installs, once, whatever a fresh Debian
# machine with only the Rust toolchain is missing. Idempotent and quiet when
# everything is there.

step() { printf '\n==> %s\n' "$*" >&2; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_rust_components() {
    local missing=()
    cargo fmt --version >/dev/null 2>&1 || missing+=(rustfmt)
    cargo clippy --version >/dev/null 2>&1 || missing+=(clippy)
    if [ ${#missing[@]} -gt 0 ]; then
        step "rustup component add ${missing[*]}"
        rustup component add "${missing[@]}"
    fi
    # SQLite is compiled from source (rusqlite's bundled feature): needs a C compiler.
    if ! command -v cc >/dev/null 2>&1; then
        step "installing a C compiler"
        as_root apt-get update -qq && as_root apt-get install -y -qq build-essential
    fi
}

ensure_python_cryptography() {
    if ! command -v python3 >/dev/null 2>&1; then
        step "installing python3"
        as_root apt-get update -qq && as_root apt-get install -y -qq python3 python3-pip
    fi
    # The vectors' reference implementation needs Argon2id (cryptography >= 44)
    # and RFC 9180 HPKE for secret requests (pyhpke): requirements.txt.
    if ! python3 -c 'from cryptography.hazmat.primitives.kdf.argon2 import Argon2id; import pyhpke' 2>/dev/null; then
        step "pip install -r shared/tests/vectors/requirements.txt"
        python3 -m pip install --quiet -r shared/tests/vectors/requirements.txt ||
            python3 -m pip install --quiet --break-system-packages -r shared/tests/vectors/requirements.txt
    fi
}

# moto_server emulates KMS and DynamoDB for the AWS tests; boto3 (which moto
# brings) sets up the Lambda smoke test's key and table.
ensure_moto() {
    if ! command -v moto_server >/dev/null 2>&1; then
        step "pip install moto[server]"
        python3 -m pip install --quiet 'moto[server]>=5' ||
            python3 -m pip install --quiet --break-system-packages 'moto[server]>=5'
    fi
}

ensure_cfn_lint() {
    if ! command -v cfn-lint >/dev/null 2>&1; then
        step "pip install cfn-lint"
        python3 -m pip install --quiet cfn-lint ||
            python3 -m pip install --quiet --break-system-packages cfn-lint
    fi
}

# cargo-lambda runs the real binary under a Lambda runtime emulator (and
# cross-compiles for arm64 with the zig it brings). From PyPI, not its site.
ensure_cargo_lambda() {
    if ! cargo lambda --version >/dev/null 2>&1; then
        step "pip install cargo-lambda"
        python3 -m pip install --quiet cargo-lambda ||
            python3 -m pip install --quiet --break-system-packages cargo-lambda
    fi
}

# Schemathesis fuzzes the running server from its OpenAPI document
# (scripts/schemathesis.sh). 4.x: the CLI flags and hooks it uses.
ensure_schemathesis() {
    if ! python3 -c 'import schemathesis, sys; sys.exit(not schemathesis.SCHEMATHESIS_VERSION.startswith("4."))' 2>/dev/null; then
        step "pip install schemathesis"
        python3 -m pip install --quiet 'schemathesis>=4,<5' ||
            python3 -m pip install --quiet --break-system-packages 'schemathesis>=4,<5'
    fi
}

# cargo-deb builds the Debian package (scripts/deb.sh); dpkg and
# systemd-analyze test it.
# groff checks the manual pages `sdo man` and `sdo-server man` write (the
# CLI tests); man-db reads them once the package is installed (deb.sh test).
ensure_man_tools() {
    local missing=()
    command -v groff >/dev/null 2>&1 || missing+=(groff-base)
    command -v man >/dev/null 2>&1 || missing+=(man-db)
    if [ ${#missing[@]} -gt 0 ]; then
        step "apt-get install ${missing[*]}"
        as_root apt-get update -qq && as_root apt-get install -y -qq "${missing[@]}"
    fi
}

CARGO_DEB_VERSION=3.8.0
ensure_cargo_deb() {
    if [ "$(cargo deb --version 2>/dev/null | awk '{print $2}')" != "$CARGO_DEB_VERSION" ]; then
        step "cargo install cargo-deb $CARGO_DEB_VERSION"
        cargo install --locked cargo-deb --version "$CARGO_DEB_VERSION"
    fi
    local missing=()
    command -v dpkg-deb >/dev/null 2>&1 || missing+=(dpkg)
    command -v systemd-analyze >/dev/null 2>&1 || missing+=(systemd)
    command -v deb-systemd-helper >/dev/null 2>&1 || missing+=(init-system-helpers)
    command -v curl >/dev/null 2>&1 || missing+=(curl)
    if [ ${#missing[@]} -gt 0 ]; then
        step "apt-get install ${missing[*]}"
        as_root apt-get update -qq && as_root apt-get install -y -qq "${missing[@]}"
    fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Starts one moto_server for the whole test run; the Rust harness uses it
# through SDO_TEST_MOTO_URL (and starts its own when that is unset).
start_moto() {
    local port
    port=$(free_port)
    python3 scripts/moto_server.py "$port" >/dev/null 2>&1 &
    MOTO_PID=$!
    for _ in $(seq 1 300); do
        if python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 1)" 2>/dev/null; then
            export SDO_TEST_MOTO_URL="http://127.0.0.1:$port"
            return 0
        fi
        sleep 0.2
    done
    echo "moto_server did not start" >&2
    return 1
}

# bench/peers.sh: wrk and redis-server from Debian; SnapPass 1.6.2 and
# gunicorn from PyPI in their own venv (setuptools for the distutils that
# SnapPass still imports), outside the repository.
SNAPPASS_VERSION=1.6.2
BENCH_VENV=${SDO_BENCH_VENV:-$HOME/.cache/sdo-bench/venv}
ensure_bench_peers() {
    local missing=()
    command -v wrk >/dev/null 2>&1 || missing+=(wrk)
    command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
    command -v pgrep >/dev/null 2>&1 || missing+=(procps)
    if [ ${#missing[@]} -gt 0 ]; then
        step "apt-get install ${missing[*]}"
        as_root apt-get update -qq && as_root apt-get install -y -qq "${missing[@]}"
    fi
    if ! "$BENCH_VENV/bin/python" -c "import importlib.metadata as m, sys, gunicorn, snappass.main
sys.exit(m.version('snappass') != '$SNAPPASS_VERSION')" 2>/dev/null; then
        step "pip install snappass==$SNAPPASS_VERSION gunicorn (venv: $BENCH_VENV)"
        rm -rf "$BENCH_VENV"
        # Debian's own python3 keeps venv in a package of its own.
        python3 -m venv "$BENCH_VENV" 2>/dev/null || {
            as_root apt-get update -qq && as_root apt-get install -y -qq python3-venv
            rm -rf "$BENCH_VENV" && python3 -m venv "$BENCH_VENV"
        }
        "$BENCH_VENV/bin/pip" install --quiet "snappass==$SNAPPASS_VERSION" gunicorn setuptools
    fi
}
