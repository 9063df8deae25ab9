-- wrk: POST one new fact per request (ids unique per thread and request).
-- Needs the environment: TOKEN (a leader's token), PROJECT (the project id),
-- BATCH (facts per request: 1 posts to /facts, more to /fact-batches).
local threads = {}
local counter = 0

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

local batch = tonumber(os.getenv("BATCH") or "1")
local path = "/v1/projects/" .. os.getenv("PROJECT") ..
  (batch == 1 and "/facts" or "/fact-batches")
local headers = {
  ["Content-Type"] = "application/json",
  ["Authorization"] = "Bearer " .. os.getenv("TOKEN"),
}
local run = os.getenv("RUN") or "0"

local function fact(n)
  local day = 1 + n % 28
  return string.format(
    '{"id":"load-%s-%d-%d","date":"2019-05-%02d","by":"rops-torun","territory":"0410",' ..
    '"kind":"meeting","group":"PZK","days":1,"participants":6}',
    run, tid, n, day)
end

request = function()
  local body
  if batch == 1 then
    counter = counter + 1
    body = fact(counter)
  else
    local parts = {}
    for _ = 1, batch do
      counter = counter + 1
      parts[#parts + 1] = fact(counter)
    end
    body = '{"facts":[' .. table.concat(parts, ",") .. ']}'
  end
  return wrk.format("POST", path, headers, body)
end

local statuses = {}
response = function(status)
  statuses[status] = (statuses[status] or 0) + 1
end

done = function(summary, latency, requests)
  io.write(string.format("non-2xx responses: %d\n", summary.errors.status))
end
