-- wrk script for SnapPass 1.6.2: each connection creates a password
-- (POST / with form data and Accept: application/json, answered with
-- {"link": ...}), then reveals it (POST to the link's path, answered with
-- an HTML page) and checks that the page holds the password.

dofile(os.getenv("SDO_BENCH_WRK") .. "/common.lua")

local alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
local prefix, count, password, pending_path
local create_before, create_after, reveal_before, reveal_after

function init(args)
  math.randomseed(os.time() * 1000 + thread_index)
  -- 36 letters and digits (no HTML escaping can hide one in the page):
  -- 28 random per thread, then a counter, so each is new.
  local chars = {}
  for i = 1, 28 do
    local n = math.random(#alphabet)
    chars[i] = alphabet:sub(n, n)
  end
  prefix, count = table.concat(chars), 0
  local placeholder = string.rep("\1", 36)
  create_before, create_after = split(wrk.format("POST", "/", {
    ["Accept"] = "application/json",
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }, "password=" .. placeholder .. "&ttl=hour"), placeholder)
  reveal_before, reveal_after = split(wrk.format("POST", ID, { ["Content-Length"] = "0" }))
end

function request()
  if pending_path then
    return reveal_before .. pending_path .. reveal_after
  end
  count = count + 1
  password = prefix .. string.format("%08d", count % 100000000)
  pair_started()
  return create_before .. password .. create_after
end

function response(status, headers, body)
  if pending_path then
    pending_path = nil
    reveal_answered(status, body, password)
    return
  end
  pending_path = status == 200 and body:match('"link":%s*"https?://[^/"]+(/[^"]+)"') or nil
  if not pending_path then
    create_failed = create_failed + 1
  end
end
