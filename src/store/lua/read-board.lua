-- Reads a board in one round trip: the top ARGV[1] players with their names, and the
-- caller's (ARGV[2], '' for none) score, how many scored strictly more, and name.
-- KEYS[1] the board (sorted set), KEYS[2] the team's names hash.
-- Returns {{id, score, …}, {name or nil, …}, {score, higher, name} or {}}.
local top = redis.call('ZREVRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1, 'WITHSCORES')
local names = {}
if #top > 0 then
  local ids = {}
  for i = 1, #top, 2 do ids[#ids + 1] = top[i] end
  names = redis.call('HMGET', KEYS[2], unpack(ids))
end
local me = {}
if ARGV[2] ~= '' then
  local score = redis.call('ZSCORE', KEYS[1], ARGV[2])
  if score then
    local higher = redis.call('ZCOUNT', KEYS[1], '(' .. score, '+inf')
    me = {score, higher, redis.call('HGET', KEYS[2], ARGV[2]) or ARGV[2]}
  end
end
return {top, names, me}
