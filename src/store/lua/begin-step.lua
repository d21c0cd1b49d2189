-- Records a delivery step as intended unless it exists (a retried job finds the first record),
-- and keeps it in the in-flight index until it is done.
-- KEYS[1] step hash, KEYS[2] in-flight zset. ARGV[1] step id, ARGV[2] now (ms), ARGV[3] retention (s),
-- ARGV[4] the job that finishes the step (JSON).
-- Returns {fresh (1|0), field, value, …}.
local fresh = 0
if redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('HSET', KEYS[1], 'id', ARGV[1], 'state', 'intended', 'intendedAt', ARGV[2], 'resume', ARGV[4])
  redis.call('EXPIRE', KEYS[1], tonumber(ARGV[3]))
  redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
  fresh = 1
end
local reply = redis.call('HGETALL', KEYS[1])
table.insert(reply, 1, fresh)
return reply
