-- Creates a round unless it exists (a retried job must not pick a different item), and indexes
-- it as open by its close time (start-up closes overdue rounds from this index).
-- KEYS[1] round hash, KEYS[2] open-rounds zset. ARGV[1] round id, ARGV[2] closesAt (ms),
-- ARGV[3…] field, value, field, value, …
-- Returns the stored round's fields (HGETALL), new or existing.
if redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('HSET', KEYS[1], 'status', 'open', unpack(ARGV, 3))
  redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
end
return redis.call('HGETALL', KEYS[1])
