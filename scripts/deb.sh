#!/usr/bin/env bash
# The Debian package of sdo-server (cargo-deb; the packaging metadata is in
# backend/Cargo.toml, the unit and environment file in backend/debian/).
#
#   scripts/deb.sh build   # -> target/debian/sdo-server_<version>_<arch>.deb
#   scripts/deb.sh test    # build, then as root: dpkg -i, check what was
#                          # installed, systemd-analyze verify the unit, start
#                          # the installed binary by hand with the unit's
#                          # environment and ask it for health, dpkg -r and
#                          # -P, and check that nothing is left behind
#
# PID 1 on CI machines is not systemd, so the unit is verified, never
# started; the binary is started the way the unit would start it.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
PACKAGE=sdo-server

build() {
    ensure_cargo_deb >&2
    [ -f dist/index.html ] || ./scripts/frontend.sh build
    ./scripts/build_server.sh
    cargo build --release --locked -p sdo-cli --bin sdo
    step "manual pages and shell completions (target/release/deb-extra)"
    local extra=target/release/deb-extra
    rm -rf "$extra"
    mkdir -p "$extra/completions"
    target/release/sdo man "$extra/man"
    target/release/sdo-server man "$extra/man"
    gzip -9n "$extra"/man/*.1
    target/release/sdo completions bash >"$extra/completions/sdo"
    target/release/sdo completions zsh >"$extra/completions/_sdo"
    target/release/sdo completions fish >"$extra/completions/sdo.fish"
    step "cargo deb -p sdo-backend"
    rm -f target/debian/${PACKAGE}_*.deb
    cargo deb --locked -p sdo-backend --no-build >&2
    ls target/debian/${PACKAGE}_*.deb
}

fail() {
    echo "deb: $*" >&2
    exit 1
}

test_package() {
    [ "$(id -u)" -eq 0 ] || fail "dpkg -i needs root; run as root (CI does)"
    ensure_man_tools >&2
    local deb
    deb=$(build)
    step "dpkg-deb --info/--contents $deb"
    dpkg-deb --info "$deb" >&2
    local contents
    contents=$(dpkg-deb --contents "$deb")
    for path in ./usr/bin/sdo-server ./usr/bin/sdo ./etc/default/sdo-server \
        ./usr/lib/systemd/system/sdo-server.service ./usr/share/doc/sdo-server/OPERATIONS.md \
        ./usr/share/man/man1/sdo.1.gz ./usr/share/man/man1/sdo-send.1.gz \
        ./usr/share/man/man1/sdo-server.1.gz ./usr/share/man/man1/sdo-server-rotate-master-key.1.gz \
        ./usr/share/bash-completion/completions/sdo ./usr/share/zsh/vendor-completions/_sdo \
        ./usr/share/fish/vendor_completions.d/sdo.fish; do
        grep -q " $path\$" <<<"$contents" || fail "$path is not in the package"
    done

    step "dpkg -i"
    dpkg -r "$PACKAGE" >/dev/null 2>&1 || true
    dpkg -i "$deb"
    dpkg -s "$PACKAGE" | grep -q '^Status: install ok installed' || fail "not installed"
    /usr/bin/sdo-server --version >&2
    /usr/bin/sdo --version >&2

    step "the manual pages and the bash completion, installed"
    local page
    for page in /usr/share/man/man1/sdo*.1.gz; do
        zcat "$page" | groff -k -man -ww -z 2>&1 | grep . && fail "groff warns of $page"
    done
    # Read whole first: grep -q leaving early would give man a SIGPIPE.
    local shown
    shown=$(MANWIDTH=80 man -P cat sdo-server 2>/dev/null || true)
    grep -q -- '--sqlite-sync' <<<"$shown" || fail "man sdo-server does not show its options"
    shown=$(MANWIDTH=80 man -P cat sdo-collect 2>/dev/null || true)
    grep -q -- '--wait' <<<"$shown" || fail "man sdo-collect does not show its options"
    bash -c '. /usr/share/bash-completion/completions/sdo && complete -p sdo' >/dev/null ||
        fail "the bash completion does not load"

    step "systemd-analyze verify sdo-server.service"
    systemd-analyze verify /usr/lib/systemd/system/sdo-server.service

    step "the installed binary, started with the unit's environment"
    local dir port pid status
    dir=$(mktemp -d)
    port=$(free_port)
    (
        set -a
        . /etc/default/sdo-server
        set +a
        # The unit's StateDirectory, and a free port instead of 8080.
        SDO_DATA_DIR=$dir SDO_LISTEN=127.0.0.1:$port exec /usr/bin/sdo-server
    ) &
    pid=$!
    status=000
    for _ in $(seq 100); do
        status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/v1/health" || true)
        [ "$status" = 200 ] && break
        sleep 0.1
    done
    local index
    index=$(curl -s "http://127.0.0.1:$port/" || true)
    kill "$pid"
    wait "$pid" || true
    rm -rf "$dir"
    [ "$status" = 200 ] || fail "health answered $status"
    grep -q 'sdo-boot' <<<"$index" || fail "the installed binary does not serve the app"

    step "dpkg -r, then -P"
    dpkg -r "$PACKAGE"
    [ ! -e /usr/bin/sdo-server ] || fail "/usr/bin/sdo-server is left after dpkg -r"
    [ ! -e /usr/lib/systemd/system/sdo-server.service ] || fail "the unit is left after dpkg -r"
    [ ! -e /usr/share/man/man1/sdo.1.gz ] || fail "the manual pages are left after dpkg -r"
    dpkg -P "$PACKAGE"
    [ ! -e /etc/default/sdo-server ] || fail "/etc/default/sdo-server is left after purge"
    [ ! -e /etc/systemd/system/multi-user.target.wants/sdo-server.service ] ||
        fail "the unit is still enabled after purge"
    if dpkg -s "$PACKAGE" >/dev/null 2>&1; then fail "still known to dpkg after purge"; fi
    echo "deb: built, installed, verified, started, removed and purged: $(basename "$deb")"
    echo "deb: 1 passed, 0 failed"
}

case "${1:-}" in
build) build ;;
test) test_package ;;
*)
    echo "usage: $0 build|test" >&2
    exit 2
    ;;
esac
