-- The daily post's last write, in one round trip: the step is done with the platform's
-- reference (never moved back), the item counts as used and the round as the team's latest
-- (the focus day counted in the focus that chose it), the lease is freed if still ours, and the
-- round waits for its close time's shared close job unless it has a close job of its own.
-- KEYS[1] step hash, KEYS[2] steps in flight, KEYS[3] step lease, KEYS[4] used-items set,
-- KEYS[5] daily history hash, KEYS[6] focus hash, KEYS[7] daily rounds waiting for their close.
-- ARGV[1] reference, ARGV[2] lease holder, ARGV[3] quiz item id, ARGV[4] category, ARGV[5] local
-- date, ARGV[6] round id, ARGV[7] '1' = drawn for the focus, ARGV[8] close time (ms; '' = the
-- round has its own close job).
-- Returns 1 when the round is the first waiting for its close time (its job may not exist yet).
-- (Each redis.call costs the server a microsecond or two: every daily post runs this, so writes
-- to one hash go in one call.)
local step = redis.call('HMGET', KEYS[1], 'state', 'id')
if step[1] and step[1] ~= 'done' then
  if ARGV[1] ~= '' then
    redis.call('HSET', KEYS[1], 'state', 'done', 'ref', ARGV[1])
  else
    redis.call('HSET', KEYS[1], 'state', 'done')
  end
  redis.call('ZREM', KEYS[2], step[2])
end
redis.call('SADD', KEYS[4], ARGV[3])
if ARGV[7] == '1' then
  redis.call('HSET', KEYS[5], 'lastDate', ARGV[5], 'latestRoundId', ARGV[6])
  -- A focus day leaves the turn of categories where it was (as mark-focus-day.lua counts it).
  if redis.call('HGET', KEYS[6], 'category') == ARGV[4] then
    redis.call('HSET', KEYS[6], 'on:' .. ARGV[5], ARGV[3])
  end
else
  redis.call('HSET', KEYS[5], 'lastDate', ARGV[5], 'latestRoundId', ARGV[6], 'lastCategory', ARGV[4])
end
if redis.call('GET', KEYS[3]) == ARGV[2] then redis.call('DEL', KEYS[3]) end
if ARGV[8] == '' then return 0 end
local first = redis.call('ZCOUNT', KEYS[7], ARGV[8], ARGV[8]) == 0
redis.call('ZADD', KEYS[7], ARGV[8], ARGV[6])
return first and 1 or 0
