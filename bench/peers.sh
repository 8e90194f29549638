#!/usr/bin/env bash
# Side by side, in one run, with a load generator that is not ours: the
# release sdo-server (SQLite, `--sqlite-sync full`, the default, and
# `normal`) against SnapPass 1.6.2 (gunicorn, 2 x nproc + 1 sync workers,
# redis without persistence), both driven by wrk. Each connection creates a
# secret and reveals the one it created; only reveals whose body holds the
# secret count (bench/wrk/*.lua). Rounds alternate the systems, and only the
# ratio within a round is compared: these machines are noisy.
#
#   bench/peers.sh                 3 rounds of 10 s at 1 and 32 connections
#   bench/peers.sh --smoke         2 s each, once; fails unless pairs > 0
#                                  and there are no failures
#   bench/peers.sh --rss SECONDS   sdo-server alone (full) at 32 connections
#                                  for SECONDS, its RSS sampled every 10 s
#
# Environment: RUNS, SECONDS_PER_RUN, CONNECTIONS ("1 32") override the
# defaults; SDO_SERVER_BIN runs that sdo-server instead of building one. Everything listens on 127.0.0.1 only, stops by itself, and is
# stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh

mode=full
case "${1:-}" in
    "") ;;
    --smoke) mode=smoke ;;
    --rss) mode=rss; rss_secs=${2:?--rss needs SECONDS} ;;
    *) echo "usage: bench/peers.sh [--smoke | --rss SECONDS]" >&2; exit 2 ;;
esac
runs=${RUNS:-3}
secs=${SECONDS_PER_RUN:-10}
connections=${CONNECTIONS:-1 32}
warmup=3
if [ "$mode" = smoke ]; then runs=1; secs=2; warmup=1; fi

ensure_bench_peers
target=${CARGO_TARGET_DIR:-target}
# SDO_SERVER_BIN: another build to measure (an earlier commit's, say).
server_bin=${SDO_SERVER_BIN:-$target/release/sdo-server}
[ -n "${SDO_SERVER_BIN:-}" ] || ./scripts/build_server.sh
cargo build --locked --quiet -p sdo-bench

work=$(mktemp -d)
pids=()
cleanup() {
    local pid
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

wait_for_port() {
    for _ in $(seq 1 200); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
        sleep 0.1
    done
    echo "nothing listens on 127.0.0.1:$1" >&2
    return 1
}

# Peak and current resident memory of a process, in KiB.
hwm_kib() { awk '/^VmHWM:/ { print $2 }' "/proc/$1/status"; }
rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }

# sdo-server as shipped, on a fresh data directory; only the rate limit off.
start_sdo() { # NAME SYNC
    local port
    port=$(free_port)
    mkdir -p "$work/$1"
    "$server_bin" --listen "127.0.0.1:$port" --rate-limit 0 --sqlite-sync "$2" \
        --data-dir "$work/$1/data" 2>"$work/$1/log" &
    pids+=($!)
    declare -g "pid_$1=$!" "port_$1=$port"
    wait_for_port "$port"
}

start_snappass() {
    local redis_port port
    redis_port=$(free_port)
    redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no \
        --dir "$work" --logfile "$work/redis.log" &
    pids+=($!)
    redis_pid=$!
    wait_for_port "$redis_port"
    port=$(free_port)
    REDIS_URL="redis://127.0.0.1:$redis_port/0" NO_SSL=True \
        "$BENCH_VENV/bin/gunicorn" --bind "127.0.0.1:$port" \
        --workers $((2 * $(nproc) + 1)) --worker-class sync --log-level warning \
        snappass.main:app 2>"$work/gunicorn.log" &
    pids+=($!)
    pid_snappass=$!
    port_snappass=$port
    wait_for_port "$port"
}

# CPU time (user + system, clock ticks) a process has used; its own, or
# with "children", that of the children it has waited for. The fields are
# counted after the command name, which may hold spaces.
ticks() { sed 's/.*) //' "/proc/$1/stat" | awk -v c="${2:-}" '{ print c ? $14 + $15 : $12 + $13 }'; }

# CPU time of everything a system runs: sdo-server; SnapPass's gunicorn
# processes and its redis.
system_ticks() { # SYSTEM
    local pid sum=0 pids
    if [ "$1" = snappass ]; then
        pids="$pid_snappass $(pgrep -P "$pid_snappass" || true) $redis_pid"
    else
        local var="pid_$1"
        pids=${!var}
    fi
    for pid in $pids; do sum=$((sum + $(ticks "$pid"))); done
    echo "$sum"
}

# wrk with one thread per connection, so each Lua state is one connection.
# The RESULT line gains the CPU the system used during the run and wrk's
# own: per pair, the machine's cost of each side whatever the two cores'
# sharing did to the rate.
drive() { # SYSTEM CONNECTIONS SECONDS
    # Every step's failure is passed on: the caller reads this function's
    # output through a command substitution, where `set -e` does not reach.
    local script=sdo port_var="port_$1" before after wrk_ticks result
    [ "$1" = snappass ] && script=snappass
    before=$(system_ticks "$1") || return
    wrk_ticks=$(
        SDO_BENCH_WRK=bench/wrk SDO_BENCH_SECRETS="$work/secrets.tsv" SDO_BENCH_THREADS="$2" \
            wrk -t "$2" -c "$2" -d "${3}s" --timeout 5s -s "bench/wrk/$script.lua" \
            "http://127.0.0.1:${!port_var}" >"$work/wrk.out" || exit
        ticks "$BASHPID" children
    ) || { echo "wrk failed against $1" >&2; return 1; }
    result=$(grep '^RESULT ' "$work/wrk.out") || { echo "wrk printed no RESULT for $1" >&2; return 1; }
    after=$(system_ticks "$1") || return
    echo "$result system_ticks=$((after - before)) wrk_ticks=$wrk_ticks clk_tck=$(getconf CLK_TCK)"
}

step "preparing secrets (sdo-bench-secrets)"
"$target/debug/sdo-bench-secrets" 4096 "$work/secrets.tsv"

if [ "$mode" = rss ]; then
    start_sdo full full
    echo "sdo-server (full) alone, 32 connections, ${rss_secs} s; RSS every 10 s (MiB):"
    drive full 32 "$rss_secs" >"$work/rss_result" &
    wrk_pid=$!
    pids+=("$wrk_pid")
    samples=()
    while kill -0 "$wrk_pid" 2>/dev/null; do
        sleep 10
        samples+=("$(rss_kib "$pid_full")")
    done
    wait "$wrk_pid"
    cat "$work/rss_result"
    printf '%s\n' "${samples[@]}" | python3 bench/summary.py rss "$(hwm_kib "$pid_full")"
    exit
fi

systems=(snappass full normal)
start_snappass
start_sdo full full
start_sdo normal normal
{
    echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)," \
        "$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo);" \
        "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    python3 bench/summary.py fsync "$work/full/data"
} | tee "$work/header"

step "warm-up: ${warmup} s each at 32 connections"
for s in "${systems[@]}"; do drive "$s" 32 "$warmup" >/dev/null; done

results=$work/results
for c in $connections; do
    for run in $(seq 1 "$runs"); do
        # Each round starts with a different system.
        order=("${systems[@]:$((run % 3))}" "${systems[@]:0:$((run % 3))}")
        for s in "${order[@]}"; do
            step "round $run, $c connections: $s"
            line=$(drive "$s" "$c" "$secs")
            echo "$line"
            echo "$s $c $run ${line#RESULT }" >>"$results"
        done
    done
done

# Peak memory of each system: the server, and SnapPass's gunicorn processes
# with its redis.
gunicorn_kib=0
for pid in "$pid_snappass" $(pgrep -P "$pid_snappass"); do
    gunicorn_kib=$((gunicorn_kib + $(hwm_kib "$pid")))
done
{
    cat "$work/header"
    echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
    python3 bench/summary.py table "$results" \
        "full=$(hwm_kib "$pid_full")" "normal=$(hwm_kib "$pid_normal")" \
        "snappass=$gunicorn_kib+$(hwm_kib "$redis_pid")" \
        $([ "$mode" = smoke ] && echo --smoke)
}
