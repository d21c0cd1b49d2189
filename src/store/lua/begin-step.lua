-- Records a delivery step as intended unless it exists (a retried job finds the first record).
-- KEYS[1] step hash. ARGV[1] step id, ARGV[2] now (ms), ARGV[3] retention (s).
-- Returns {fresh (1|0), field, value, …}.
local fresh = 0
if redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('HSET', KEYS[1], 'id', ARGV[1], 'state', 'intended', 'intendedAt', ARGV[2])
  redis.call('EXPIRE', KEYS[1], tonumber(ARGV[3]))
  fresh = 1
end
local reply = redis.call('HGETALL', KEYS[1])
table.insert(reply, 1, fresh)
return reply
