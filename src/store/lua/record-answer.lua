-- Records one player's answer to a round, once: the first press counts.
-- KEYS[1] round hash, KEYS[2] answers hash, KEYS[3] answer order list,
-- KEYS[4] answers hash of the previous question (live) or KEYS[2] when there is none.
-- ARGV[1] player id, ARGV[2] choice index, ARGV[3] now (ms), ARGV[4] player display name,
-- ARGV[5] the team the press came from (a round answers only in its own channel).
-- An answer is stored as `choice|at|name` (close-round.lua reads the name from it: one write, not two).
-- Returns {'recorded', choice, everyoneAnswered, closesAt} | {'already', choice} | {'closed'} | {'unknown'}.
local round = redis.call('HMGET', KEYS[1], 'status', 'closesAt', 'optionCount', 'teamId')
if not round[1] or round[4] ~= ARGV[5] then return {'unknown'} end
local now = tonumber(ARGV[3])
if round[1] ~= 'open' or now >= tonumber(round[2]) then return {'closed'} end
local choice = tonumber(ARGV[2])
if not choice or choice < 0 or choice >= tonumber(round[3]) then return {'unknown'} end

-- HSETNX looks the player up and writes in one call; only a repeat reads the first answer back.
if redis.call('HSETNX', KEYS[2], ARGV[1], ARGV[2] .. '|' .. ARGV[3] .. '|' .. ARGV[4]) == 0 then
  return {'already', string.match(redis.call('HGET', KEYS[2], ARGV[1]), '^(%d+)')}
end
redis.call('RPUSH', KEYS[3], ARGV[1])

-- Live rounds close early once everyone who answered the previous question answered this one.
local everyone = 0
if KEYS[4] ~= KEYS[2] and redis.call('HEXISTS', KEYS[4], ARGV[1]) == 1 then
  local returning = redis.call('HINCRBY', KEYS[1], 'returning', 1)
  if returning >= redis.call('HLEN', KEYS[4]) then everyone = 1 end
end
return {'recorded', ARGV[2], everyone, round[2]}
