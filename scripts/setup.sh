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
    # The vectors' reference implementation needs Argon2id (cryptography >= 44).
    if ! python3 -c 'from cryptography.hazmat.primitives.kdf.argon2 import Argon2id' 2>/dev/null; then
        step "pip install cryptography"
        python3 -m pip install --quiet 'cryptography>=44' ||
            python3 -m pip install --quiet --break-system-packages 'cryptography>=44'
    fi
}
