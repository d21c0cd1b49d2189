-- Records one player's answer to a round, once: the first press counts.
-- KEYS[1] round hash; its answers hash and answer order list are KEYS[1] .. ':answers' and
-- KEYS[1] .. ':order' (keys.ts), derived here so a press sends two keys, not four.
-- KEYS[2], live rounds only: the answers hash of the previous question.
-- ARGV[1] player id, ARGV[2] choice index, ARGV[3] now (ms), ARGV[4] player display name,
-- ARGV[5] the team the press came from (a round answers only in its own channel).
-- An answer is stored as `choice|at|name` (close-round.lua reads the name from it: one write, not two).
-- Replies are integers only (nothing for the client to decode into strings):
-- {1, closesAt, everyoneAnswered 0|1} recorded | {2, first choice} already | {3} closed | {0} unknown.
local round = redis.call('HMGET', KEYS[1], 'status', 'closesAt', 'optionCount', 'teamId')
if not round[1] or round[4] ~= ARGV[5] then return {0} end
local now = tonumber(ARGV[3])
if round[1] ~= 'open' or now >= tonumber(round[2]) then return {3} end
local choice = tonumber(ARGV[2])
if not choice or choice < 0 or choice >= tonumber(round[3]) then return {0} end

-- HSETNX looks the player up and writes in one call; only a repeat reads the first answer back.
local answers = KEYS[1] .. ':answers'
if redis.call('HSETNX', answers, ARGV[1], ARGV[2] .. '|' .. ARGV[3] .. '|' .. ARGV[4]) == 0 then
  return {2, tonumber(string.match(redis.call('HGET', answers, ARGV[1]), '^(%d+)'))}
end
redis.call('RPUSH', KEYS[1] .. ':order', ARGV[1])

-- Live rounds close early once everyone who answered the previous question answered this one.
local everyone = 0
if KEYS[2] and redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 then
  local returning = redis.call('HINCRBY', KEYS[1], 'returning', 1)
  if returning >= redis.call('HLEN', KEYS[2]) then everyone = 1 end
end
return {1, tonumber(round[2]), everyone}
