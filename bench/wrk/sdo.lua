-- wrk script for sdo-server: each connection creates a secret, then
-- reveals the one it created and checks that the answer holds its blob.
-- The bodies and tokens are made beforehand (sdo-bench-secrets, the file
-- in SDO_BENCH_SECRETS), so wrk does no crypto.

dofile(os.getenv("SDO_BENCH_WRK") .. "/common.lua")

local secrets, next_index, current, pending_id

function init(args)
  secrets = {}
  for line in io.lines(os.getenv("SDO_BENCH_SECRETS")) do
    local create, token, reveal, blob = line:match("^([^\t]+)\t([^\t]+)\t([^\t]+)\t([^\t]+)$")
    table.insert(secrets, { create = create, token = token, reveal = reveal, blob = blob })
  end
  -- Threads start far apart in the list, so no two send the same body at once.
  next_index = (thread_index * 997) % #secrets
end

-- wrk also calls this once after init to check that it makes one request,
-- and never sends that one: a create that is never answered changes nothing.
function request()
  if pending_id then
    return wrk.format("POST", "/api/v1/secrets/" .. pending_id .. "/reveal", {
      ["Authorization"] = "Bearer " .. current.token,
      ["Content-Type"] = "application/json",
    }, current.reveal)
  end
  next_index = next_index % #secrets + 1
  current = secrets[next_index]
  pair_started()
  return wrk.format("POST", "/api/v1/secrets", { ["Content-Type"] = "application/json" },
    current.create)
end

function response(status, headers, body)
  if pending_id then
    pending_id = nil
    if status ~= 200 then
      reveal_failed = reveal_failed + 1
    elseif not body:find('"blob":"' .. current.blob .. '"', 1, true) then
      mismatched = mismatched + 1
    else
      pair_done(true)
    end
    return
  end
  pending_id = status == 201 and body:match('"id":"([A-Za-z0-9_-]+)"') or nil
  if not pending_id then
    create_failed = create_failed + 1
  end
end
