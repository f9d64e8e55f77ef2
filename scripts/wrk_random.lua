-- wrk script for scripts/bench_server.py: each request picks a random meter ("{meter}" in WRK_PATH
-- becomes m000 … m(WRK_METERS-1)) and a random CST day ("{day}" becomes one of the last WRK_DAYS
-- days before today), so the figures are not those of one cached row read again and again.
local meters = tonumber(os.getenv("WRK_METERS") or "500")
local days = tonumber(os.getenv("WRK_DAYS") or "365")
local template = os.getenv("WRK_PATH") or "/"

init = function(args)
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
end

request = function()
  local path = template:gsub("{meter}", string.format("m%03d", math.random(0, meters - 1)))
  path = path:gsub("{day}", os.date("!%Y-%m-%d", os.time() + 8 * 3600 - math.random(1, days) * 86400))
  return wrk.format("GET", path)
end
