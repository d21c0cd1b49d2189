-- The daily post's first write, in one round trip: creates the day's round unless it exists
-- (starting a new rotation cycle if the pick said so), takes the post step's lease, and begins
-- the step (intended, in flight) — what create-round, the lease and begin-step do one by one.
-- KEYS[1] round hash, KEYS[2] open-rounds zset, KEYS[3] the team's used-items set, KEYS[4] step
-- hash, KEYS[5] steps in flight, KEYS[6] step lease.
-- ARGV[1] round id, ARGV[2] closesAt (ms), ARGV[3] '1' = new cycle, ARGV[4] step id, ARGV[5] now
-- (ms), ARGV[6] step retention (s), ARGV[7] resume job (JSON), ARGV[8] lease holder, ARGV[9]
-- lease ttl (ms), ARGV[10…] the round's fields (none: only an existing round is used).
-- Returns {leased (1|0), fresh (1|0), round fields, step fields}; the round's fields are left
-- out ({}) when this call created it from ARGV, the step's when this call began it (fresh): the
-- caller has both already.
local round = {}
if redis.call('EXISTS', KEYS[1]) == 0 then
  if #ARGV < 10 then return {0, 0, {}, {}} end
  if ARGV[3] == '1' then redis.call('DEL', KEYS[3]) end
  redis.call('HSET', KEYS[1], 'status', 'open', unpack(ARGV, 10))
  redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
else
  round = redis.call('HGETALL', KEYS[1])
end
if not redis.call('SET', KEYS[6], ARGV[8], 'PX', tonumber(ARGV[9]), 'NX') then
  return {0, 0, round, {}}
end
if redis.call('EXISTS', KEYS[4]) == 1 then return {1, 0, round, redis.call('HGETALL', KEYS[4])} end
redis.call('HSET', KEYS[4], 'id', ARGV[4], 'state', 'intended', 'intendedAt', ARGV[5], 'resume', ARGV[7])
redis.call('EXPIRE', KEYS[4], tonumber(ARGV[6]))
redis.call('ZADD', KEYS[5], ARGV[5], ARGV[4])
return {1, 1, round, {}}
