-- Shared by sdo.lua and snappass.lua (loaded with dofile; bench/peers.sh
-- sets SDO_BENCH_WRK to this directory).
--
-- wrk runs one Lua state per thread, and every connection of a thread
-- shares it; peers.sh runs as many threads as connections, so each state
-- is one connection and can remember the secret it just created. A pair
-- is one create and the reveal of that secret, and counts only if the
-- reveal's body holds the secret.

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clk_id, bench_timespec *tp);
]]
local ts = ffi.new("bench_timespec")

-- Microseconds on the monotonic clock (wrk's Lua has none of its own).
function now_us()
  ffi.C.clock_gettime(1, ts)
  return tonumber(ts.tv_sec) * 1000000 + tonumber(ts.tv_nsec) / 1000
end

-- Requests are formatted once, around a placeholder for what changes per
-- request (an id, a password), and only joined per request: the same bytes
-- wrk.format would make, without building them every time. A placeholder
-- in a body must be as long as what replaces it (Content-Length).
ID = "\0ID\0"

function split(formatted, placeholder)
  placeholder = placeholder or ID
  local at = formatted:find(placeholder, 1, true)
  return formatted:sub(1, at - 1), formatted:sub(at + #placeholder)
end

-- Per thread: counters, and pair latencies in 10 µs buckets.
pairs_ok, create_failed, reveal_failed, mismatched = 0, 0, 0, 0
pair_hist = {}
local started_at

function pair_started()
  started_at = now_us()
end

-- The reveal's answer: the pair counts only if it holds what was created.
function reveal_answered(status, body, expected)
  if status ~= 200 then
    reveal_failed = reveal_failed + 1
  elseif not body:find(expected, 1, true) then
    mismatched = mismatched + 1
  else
    pairs_ok = pairs_ok + 1
    local b = math.floor((now_us() - started_at) / 10)
    pair_hist[b] = (pair_hist[b] or 0) + 1
  end
end

-- Main state only: remember each thread so done() can read its counters.
local threads = {}
function setup(thread)
  thread:set("thread_index", #threads)
  table.insert(threads, thread)
end

local function percentile(hist, total, p)
  local keys = {}
  for k in pairs(hist) do
    table.insert(keys, k)
  end
  table.sort(keys)
  local want, seen = math.ceil(total * p), 0
  for _, k in ipairs(keys) do
    seen = seen + hist[k]
    if seen >= want then
      return (k + 1) * 10 / 1000
    end
  end
  return 0
end

-- One machine-readable line; peers.sh parses it.
function done(summary, latency, requests)
  local ok, cf, rf, mm = 0, 0, 0, 0
  local hist = {}
  for _, t in ipairs(threads) do
    ok = ok + t:get("pairs_ok")
    cf = cf + t:get("create_failed")
    rf = rf + t:get("reveal_failed")
    mm = mm + t:get("mismatched")
    for k, v in pairs(t:get("pair_hist")) do
      hist[k] = (hist[k] or 0) + v
    end
  end
  local e = summary.errors
  local secs = summary.duration / 1e6
  io.write(string.format(
    "RESULT pairs=%d secs=%.3f pairs_per_s=%.1f req_p50_ms=%.3f req_p99_ms=%.3f "
      .. "pair_p50_ms=%.3f pair_p99_ms=%.3f requests=%d create_failed=%d "
      .. "reveal_failed=%d mismatched=%d socket_errors=%d\n",
    ok, secs, ok / secs,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    percentile(hist, ok, 0.50), percentile(hist, ok, 0.99),
    summary.requests, cf, rf, mm,
    e.connect + e.read + e.write + e.timeout))
end
