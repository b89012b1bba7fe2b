-- wrk -s summary.lua: after the run, one machine-readable line for bench/compare.sh
-- (times in microseconds; errors: socket connect/read/write, non-2xx/3xx status, timeouts)
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
      "SUMMARY requests=%d duration_us=%d p99_us=%d max_us=%d connect=%d read=%d write=%d status=%d timeout=%d\n",
      summary.requests, summary.duration, latency:percentile(99), latency.max,
      e.connect, e.read, e.write, e.status, e.timeout))
end
