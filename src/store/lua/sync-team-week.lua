-- Puts a team's line on the teams board from its week board (the start-up backfill of week
-- boards scored before the teams boards existed): the sum of its top three players, as the
-- close script keeps it. Atomic, so a close running beside the backfill cannot be undone by it.
-- KEYS[1] the team's week board, KEYS[2] the workspace's teams board for that week. ARGV[1] team id.
local top = redis.call('ZREVRANGE', KEYS[1], 0, 2, 'WITHSCORES')
local sum = 0
for i = 2, #top, 2 do sum = sum + tonumber(top[i]) end
if sum > 0 then
  redis.call('ZADD', KEYS[2], -sum, ARGV[1])
else
  redis.call('ZREM', KEYS[2], ARGV[1])
end
return sum
