-- The daily post's last write, in one round trip: the step is done with the platform's
-- reference (never moved back), the item counts as used and the round as the team's latest
-- (the focus day counted in the focus that chose it), and the lease is freed if still ours.
-- KEYS[1] step hash, KEYS[2] steps in flight, KEYS[3] step lease, KEYS[4] used-items set,
-- KEYS[5] daily history hash, KEYS[6] focus hash.
-- ARGV[1] reference, ARGV[2] lease holder, ARGV[3] quiz item id, ARGV[4] category, ARGV[5] local
-- date, ARGV[6] round id, ARGV[7] '1' = drawn for the focus.
local state = redis.call('HGET', KEYS[1], 'state')
if state and state ~= 'done' then
  redis.call('HSET', KEYS[1], 'state', 'done')
  if ARGV[1] ~= '' then redis.call('HSET', KEYS[1], 'ref', ARGV[1]) end
  redis.call('ZREM', KEYS[2], redis.call('HGET', KEYS[1], 'id'))
end
redis.call('SADD', KEYS[4], ARGV[3])
redis.call('HSET', KEYS[5], 'lastDate', ARGV[5], 'latestRoundId', ARGV[6])
if ARGV[7] == '1' then
  -- A focus day leaves the turn of categories where it was (as mark-focus-day.lua counts it).
  if redis.call('HGET', KEYS[6], 'category') == ARGV[4] then
    redis.call('HSET', KEYS[6], 'on:' .. ARGV[5], ARGV[3])
  end
else
  redis.call('HSET', KEYS[5], 'lastCategory', ARGV[4])
end
if redis.call('GET', KEYS[3]) == ARGV[2] then redis.call('DEL', KEYS[3]) end
return 1
