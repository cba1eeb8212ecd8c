-- wrk script for bench/run.py: an optional cache-bypass header on every
-- request, and at the end one line of JSON with what the table reports.
-- Percentiles come from wrk's own latency histogram (microseconds).

local bypass = os.getenv("BENCH_CACHE_BYPASS")
if bypass == "1" then
  wrk.headers["X-Bench-Cache"] = "bypass"
end

done = function(summary, latency, requests)
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "duration_us": %d, "bytes": %d, ' ..
    '"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d, ' ..
    '"p50_us": %d, "p99_us": %d, "max_us": %d}\n',
    summary.requests, summary.duration, summary.bytes,
    summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.status, summary.errors.timeout,
    latency:percentile(50), latency:percentile(99), latency.max))
end
