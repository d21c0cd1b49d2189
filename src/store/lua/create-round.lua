-- Creates a round unless it exists (a retried job must not pick a different item).
-- KEYS[1] round hash. ARGV: field, value, field, value, …
-- Returns the stored round's fields (HGETALL), new or existing.
if redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('HSET', KEYS[1], 'status', 'open', unpack(ARGV))
end
return redis.call('HGETALL', KEYS[1])
