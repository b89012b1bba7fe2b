-- The soak's request mix for wrk, one connection per thread (-t N -c N), so a thread's
-- counter is its connection's: requests 1..99 of a connection cycle over keep-alive
-- exchanges, request 100 ends it (Connection: close, a 400 or a 413, in turn), and wrk opens
-- a new one. Every response is checked against the status its request must get; a thread
-- stops after its share (the script's first argument) and says so with a file in the
-- folder of the second; soak.sh then ends wrk with SIGINT, which prints the summary. done() prints "soak: requests=N unexpected=N".
local threads = {}

local body = string.rep("e", 64)
local keepalive = {
  {"POST /echo HTTP/1.1\r\nHost: soak\r\nContent-Type: text/plain\r\nContent-Length: 64\r\n\r\n" .. body, 200},
  {"GET /page.html HTTP/1.1\r\nHost: soak\r\n\r\n", 200},
  {"GET /page.html HTTP/1.1\r\nHost: soak\r\nIf-None-Match: *\r\n\r\n", 304},
  {"GET /page.html HTTP/1.1\r\nHost: soak\r\nRange: bytes=0-99,200-299\r\n\r\n", 206},
  {"GET /4k.bin HTTP/1.1\r\nHost: soak\r\nRange: bytes=-100\r\n\r\n", 206},
  {"GET /missing HTTP/1.1\r\nHost: soak\r\n\r\n", 404},
  {"DELETE /page.html HTTP/1.1\r\nHost: soak\r\n\r\n", 405},
  {"GET /4k.bin HTTP/1.1\r\nHost: soak\r\n\r\n", 200},
}
local closing = {
  {"GET /page.html HTTP/1.1\r\nHost: soak\r\nConnection: close\r\n\r\n", 200},
  {"GET /page.html HTTP/1.1\r\nHost: so ak\r\n\r\n", 400},
  {"POST /echo HTTP/1.1\r\nHost: soak\r\nContent-Length: 99999999\r\n\r\n", 413},
}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  share = tonumber(args[1]) -- this thread's requests
  done_file = args[2] .. "/" .. id -- written when they are done: wrk itself runs until -d
end

-- per thread (each thread has its own Lua state); globals, so that done() can read them
done_count, unexpected = 0, 0
statuses = {}

-- The k-th exchange of a thread. Keyed on responses received, not on calls to request():
-- wrk calls request() once more on thread 1 to check the script, and never pipelines here.
local function exchange(k)
  if k % 100 == 0 then
    return closing[(k / 100 - 1) % #closing + 1]
  end
  return keepalive[(k - 1) % #keepalive + 1]
end

function request()
  return exchange(done_count + 1)[1]
end

function response(status, headers, body)
  done_count = done_count + 1
  statuses[status] = (statuses[status] or 0) + 1
  if status ~= exchange(done_count)[2] then
    unexpected = unexpected + 1
  end
  if done_count == share then
    io.open(done_file, "w"):close()
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local count, bad, by = 0, 0, {}
  for _, t in ipairs(threads) do
    count = count + t:get("done_count")
    bad = bad + t:get("unexpected")
    for s, c in pairs(t:get("statuses")) do
      by[s] = (by[s] or 0) + c
    end
  end
  local parts = {}
  for s, c in pairs(by) do
    table.insert(parts, s .. "=" .. c)
  end
  table.sort(parts)
  local e = summary.errors
  io.write(string.format("soak: requests=%d unexpected=%d socket_errors=%d statuses=%s\n",
    count, bad, e.connect + e.read + e.write + e.timeout, table.concat(parts, ",")))
end
