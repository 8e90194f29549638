-- wrk script for sdo-server: each connection creates a secret, then
-- reveals the one it created and checks that the answer holds its blob.
-- The bodies and tokens are made beforehand (sdo-bench-secrets, the file
-- in SDO_BENCH_SECRETS), so wrk does no crypto; the requests are formatted
-- once here too, so wrk spends its time sending, not building strings.

dofile(os.getenv("SDO_BENCH_WRK") .. "/common.lua")

local secrets, next_index, current, pending_id

function init(args)
  -- This thread's share of the file: every thread_count-th line.
  local threads = tonumber(os.getenv("SDO_BENCH_THREADS"))
  secrets = {}
  local n = 0
  for line in io.lines(os.getenv("SDO_BENCH_SECRETS")) do
    if n % threads == thread_index then
      local create, token, reveal, blob = line:match("^([^\t]+)\t([^\t]+)\t([^\t]+)\t([^\t]+)$")
      local before, after = split(wrk.format("POST", "/api/v1/secrets/" .. ID .. "/reveal", {
        ["Authorization"] = "Bearer " .. token,
        ["Content-Type"] = "application/json",
      }, reveal))
      table.insert(secrets, {
        create = wrk.format("POST", "/api/v1/secrets", { ["Content-Type"] = "application/json" },
          create),
        reveal_before = before,
        reveal_after = after,
        expect = '"blob":"' .. blob .. '"',
      })
    end
    n = n + 1
  end
  next_index = 0
end

-- wrk also calls this once after init to check that it makes one request,
-- and never sends that one: a create that is never answered changes nothing.
function request()
  if pending_id then
    return current.reveal_before .. pending_id .. current.reveal_after
  end
  next_index = next_index % #secrets + 1
  current = secrets[next_index]
  pair_started()
  return current.create
end

function response(status, headers, body)
  if pending_id then
    pending_id = nil
    reveal_answered(status, body, current.expect)
    return
  end
  pending_id = status == 201 and body:match('"id":"([A-Za-z0-9_-]+)"') or nil
  if not pending_id then
    create_failed = create_failed + 1
  end
end
