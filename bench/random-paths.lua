-- wrk script: each request asks for a path picked at random from the file named by PATHS (one path a line), so a
-- run over tens of thousands of postings measures what caches cannot hold. Prints one line at the end:
--   p50_ms p95_ms p99_ms requests_per_second non_2xx_responses
local paths = {}

init = function(args)
  for line in io.lines(os.getenv("PATHS")) do
    paths[#paths + 1] = line
  end
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1000000
  io.write(string.format("%.1f %.1f %.1f %.0f %d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests / seconds, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
