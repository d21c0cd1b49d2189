-- Reserves the next call slot under one or more rates (GCRA: a token bucket kept as one
-- timestamp per rate) and says how long the caller waits for it. Redis's clock is shared by
-- every replica, so all of them together keep the rate.
-- KEYS[i] the rate's key. ARGV[2i-1] its interval (ms per call), ARGV[2i] its burst.
-- Returns the wait (ms) until the first moment every rate allows the call; the call is
-- booked at that moment under each of them.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local tats = {}
local at = now
for i, key in ipairs(KEYS) do
  -- The theoretical arrival time: when the rate is next free if calls came evenly.
  tats[i] = tonumber(redis.call('GET', key) or '0')
  local allowed = tats[i] - (tonumber(ARGV[2 * i]) - 1) * tonumber(ARGV[2 * i - 1])
  if allowed > at then at = allowed end
end
for i, key in ipairs(KEYS) do
  local nextTat = math.max(tats[i], at) + tonumber(ARGV[2 * i - 1])
  redis.call('SET', key, string.format('%.3f', nextTat), 'PX', math.ceil(nextTat - now) + 1000)
end
return math.ceil(at - now)
