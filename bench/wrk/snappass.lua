-- wrk script for SnapPass 1.6.2: each connection creates a password
-- (POST / with form data and Accept: application/json, answered with
-- {"link": ...}), then reveals it (POST to the link's path, answered with
-- an HTML page) and checks that the page holds the password.

dofile(os.getenv("SDO_BENCH_WRK") .. "/common.lua")

local alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
local password, pending_path

function init(args)
  math.randomseed(os.time() * 1000 + thread_index)
end

-- 36 letters and digits: no HTML escaping can hide one in the page.
local function new_password()
  local chars = {}
  for i = 1, 36 do
    local n = math.random(#alphabet)
    chars[i] = alphabet:sub(n, n)
  end
  return table.concat(chars)
end

function request()
  if pending_path then
    return wrk.format("POST", pending_path, { ["Content-Length"] = "0" })
  end
  password = new_password()
  pair_started()
  return wrk.format("POST", "/", {
    ["Accept"] = "application/json",
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }, "password=" .. password .. "&ttl=hour")
end

function response(status, headers, body)
  if pending_path then
    pending_path = nil
    if status ~= 200 then
      reveal_failed = reveal_failed + 1
    elseif not body:find(password, 1, true) then
      mismatched = mismatched + 1
    else
      pair_done(true)
    end
    return
  end
  pending_path = status == 200 and body:match('"link":%s*"https?://[^/"]+(/[^"]+)"') or nil
  if not pending_path then
    create_failed = create_failed + 1
  end
end
