#!/usr/bin/env bash
# Runs every cargo-fuzz target (fuzz/fuzz_targets/) for SECONDS each, one
# after the other, from seeds made from the test vectors (scripts/fuzz_seeds.py)
# plus whatever earlier runs added to fuzz/corpus/.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]  default 300 s, every target
#   scripts/fuzz.sh --smoke                 20 s each, dev build: what CI runs
#
# Prints, per target, the executions, exec/s and whether it crashed (the
# crashing input is kept in fuzz/artifacts/<target>/), then a closing line
# `fuzz: N passed, N failed`. Exits non-zero if any target crashed.
# Needs the nightly toolchain (libFuzzer's instrumentation and ASan are
# nightly-only flags); installs cargo-fuzz from crates.io if it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh

usage() { echo "usage: $0 [SECONDS | --smoke] [TARGET...]" >&2; exit 2; }
seconds=300
# cargo-fuzz builds --release with one codegen unit, which for the backend's
# dependency tree (the AWS SDK) takes far longer than a smoke run fuzzes; the
# dev profile (fuzz/Cargo.toml) builds several times faster and runs slower.
build=()
case "${1:-}" in
    "") ;;
    --smoke) seconds=20 build=(--dev) ;;
    -h | --help) usage ;;
    *[!0-9]*) usage ;;
    *) seconds=$1 ;;
esac
[ $# -eq 0 ] || shift
[ "$seconds" -gt 0 ] || usage

if ! rustup run nightly rustc --version >/dev/null 2>&1; then
    echo "fuzz: the nightly Rust toolchain is missing; cargo-fuzz needs it" >&2
    echo "      (rustup toolchain install nightly)" >&2
    exit 1
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
    step "cargo install --locked cargo-fuzz"
    cargo install --locked cargo-fuzz
fi
ensure_python_cryptography

step "fuzz: seeds from shared/tests/vectors/v1.json"
python3 scripts/fuzz_seeds.py fuzz/corpus

step "fuzz: building the targets (nightly, ASan, libFuzzer)"
build_started=$(date +%s)
(cd fuzz && cargo +nightly fuzz build "${build[@]}")
echo "fuzz: built in $(($(date +%s) - build_started)) s"

if [ $# -gt 0 ]; then
    targets=("$@")
else
    mapfile -t targets < <(cd fuzz && cargo +nightly fuzz list)
fi
passed=0
failed=0
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p fuzz/logs
for target in "${targets[@]}"; do
    step "fuzz: $target for ${seconds} s"
    mkdir -p "fuzz/corpus/$target"
    # The api target keeps a SQLite store in a temporary directory that
    # outlives the process (libFuzzer exits without running destructors).
    rm -rf "${scratch:?}"/*
    log=fuzz/logs/$target.log
    status=0
    (cd fuzz && TMPDIR="$scratch" cargo +nightly fuzz run "${build[@]}" "$target" "corpus/$target" -- \
        -max_total_time="$seconds" -timeout=10 -print_final_stats=1) >"$log" 2>&1 || status=$?
    execs=$(awk '/^stat::number_of_executed_units:/ { n = $2 } END { print n }' "$log")
    rate=$(awk '/^stat::average_exec_per_sec:/ { n = $2 } END { print n }' "$log")
    if [ "$status" -eq 0 ]; then
        passed=$((passed + 1))
        printf 'fuzz: %-8s ok     %12s execs  %8s exec/s\n' "$target" "${execs:-?}" "${rate:-?}"
    else
        failed=$((failed + 1))
        # The crash report names the panic or sanitizer error and the input file.
        grep -E 'panicked at|^==[0-9]+==ERROR|SUMMARY|Test unit written|^Output of|Reproduce with' "$log" | head -n 20 >&2 || true
        printf 'fuzz: %-8s CRASH  %12s execs  %8s exec/s  (exit %s; fuzz/artifacts/%s/, %s)\n' \
            "$target" "${execs:-?}" "${rate:-?}" "$status" "$target" "$log"
    fi
done
echo "fuzz: ${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
