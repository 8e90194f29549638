"""bench/peers.sh's arithmetic and tables.

  summary.py fsync DIR                      fsync latency on DIR's disk
  summary.py table RESULTS MEM... [--smoke] the side-by-side table
  summary.py rss PEAK_KIB < SAMPLES_KIB     the long run's memory verdict

Exits 1 when a run had a failure (or, with --smoke, no pair at all), or
when memory is not flat.
"""

import os
import statistics
import sys
import time

NAMES = {
    "snappass": "SnapPass 1.6.2 (gunicorn + redis)",
    "full": "sdo-server, --sqlite-sync full (default)",
    "normal": "sdo-server, --sqlite-sync normal",
}
# The bound: under 20 MB (not MiB).
RSS_LIMIT_BYTES = 20_000_000


def fsync(directory):
    """What one commit of `--sqlite-sync full` cannot go below: a small
    append and its fsync, on the disk that holds the database."""
    path = os.path.join(directory, "fsync-probe")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    times = []
    try:
        for _ in range(200):
            os.write(fd, b"x" * 4096)
            started = time.perf_counter()
            os.fsync(fd)
            times.append((time.perf_counter() - started) * 1000)
    finally:
        os.close(fd)
        os.unlink(path)
    times.sort()
    print(
        f"fsync of a 4 KiB append on the data dir's disk: "
        f"p50 {times[len(times) // 2]:.2f} ms, p99 {times[int(len(times) * 0.99)]:.2f} ms"
    )


def read_results(path):
    runs = []
    with open(path) as f:
        for line in f:
            system, conns, run, *fields = line.split()
            row = dict(field.split("=") for field in fields)
            row = {k: float(v) for k, v in row.items()}
            row.update(system=system, conns=int(conns), run=int(run))
            row["failures"] = int(
                row["create_failed"] + row["reveal_failed"] + row["mismatched"]
                + row["socket_errors"]
            )
            # CPU per pair, in µs: the system's (every process it runs) and
            # wrk's, over the same run.
            pairs = row["pairs"] or float("nan")
            for side in ("system", "wrk"):
                row[f"{side}_cpu_us"] = row[f"{side}_ticks"] / row["clk_tck"] * 1e6 / pairs
            runs.append(row)
    return runs


def mib(kib):
    return kib / 1024


def table(path, memory, smoke):
    runs = read_results(path)
    peak = {}
    for item in memory:
        system, kib = item.split("=")
        parts = [int(k) for k in kib.split("+")]
        peak[system] = (sum(parts), parts)
    print()
    print("| system | connections | pairs/s, median (runs) | × SnapPass, median of rounds "
          "| request p50 / p99 ms | pair p50 / p99 ms "
          "| CPU µs per pair: system / wrk | failures |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    bad = 0
    efficiency = []
    for conns in sorted({r["conns"] for r in runs}):
        snappass = [r for r in runs if r["conns"] == conns and r["system"] == "snappass"]
        base = {r["run"]: r["pairs_per_s"] for r in snappass}
        cpu_base = {r["run"]: r["system_cpu_us"] for r in snappass}
        for system in NAMES:
            mine = [r for r in runs if r["conns"] == conns and r["system"] == system]
            if not mine:
                continue
            med = lambda key: statistics.median(r[key] for r in mine)
            each = ", ".join(f"{r['pairs_per_s']:.0f}" for r in mine)
            ratios = [r["pairs_per_s"] / base[r["run"]] for r in mine if base.get(r["run"])]
            ratio = f"{statistics.median(ratios):.2f} ({', '.join(f'{x:.2f}' for x in ratios)})"
            failures = sum(r["failures"] for r in mine)
            cpu_ratios = [cpu_base[r["run"]] / r["system_cpu_us"] for r in mine
                          if r["run"] in cpu_base and r["system_cpu_us"] > 0]
            if system != "snappass" and cpu_ratios:
                efficiency.append(
                    f"{NAMES[system]}, {conns} connection{'s' * (conns > 1)}: "
                    f"{statistics.median(cpu_ratios):.1f} × less CPU per pair than SnapPass "
                    f"({', '.join(f'{x:.1f}' for x in cpu_ratios)})")
            print(f"| {NAMES[system]} | {conns} | {med('pairs_per_s'):.0f} ({each}) | "
                  f"{'—' if system == 'snappass' else ratio} | "
                  f"{med('req_p50_ms'):.2f} / {med('req_p99_ms'):.2f} | "
                  f"{med('pair_p50_ms'):.2f} / {med('pair_p99_ms'):.2f} | "
                  f"{med('system_cpu_us'):.0f} / {med('wrk_cpu_us'):.0f} | {failures} |")
            bad += sum(1 for r in mine if r["failures"] or (smoke and r["pairs"] == 0))
    print()
    for line in efficiency:
        print(line)
    print()
    for system, (kib, parts) in peak.items():
        detail = ""
        if len(parts) == 2:
            detail = f" (gunicorn, all processes: {mib(parts[0]):.1f}; redis: {mib(parts[1]):.1f})"
        print(f"peak RSS, {NAMES[system]}: {mib(kib):.1f} MiB{detail}")
    print(f"\npeers: {len(runs) - bad} passed, {bad} failed")
    return 1 if bad else 0


def rss(peak_kib):
    samples = [int(line) for line in sys.stdin if line.strip()]
    if len(samples) < 2:
        print("too short a run to sample (one sample every 10 s)")
        return 1
    print(" ".join(f"{mib(s):.1f}" for s in samples))
    half = len(samples) // 2
    flat = max(samples[half:]) <= max(samples[:half]) + 1024
    under = peak_kib * 1024 < RSS_LIMIT_BYTES
    print(f"min {mib(min(samples)):.1f} MiB, max {mib(max(samples)):.1f} MiB, "
          f"peak (VmHWM) {mib(peak_kib):.1f} MiB; second half no more than 1 MiB above "
          f"the first: {'yes' if flat else 'NO'}; under 20 MB: {'yes' if under else 'NO'}")
    return 0 if flat and under else 1


def main(args):
    if args[0] == "fsync":
        fsync(args[1])
        return 0
    if args[0] == "table":
        flags = [a for a in args[2:] if a.startswith("--")]
        return table(args[1], [a for a in args[2:] if a not in flags], "--smoke" in flags)
    if args[0] == "rss":
        return rss(int(args[1]))
    raise SystemExit(__doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
