-- Records answers to one round in the order given, once each: a player's first press counts.
-- The client sends the presses of one event-loop turn together (answer-call.ts): one script
-- call, one read of the round and one append to the order for all of them.
-- KEYS[1] round hash; its answers hash and answer order list are KEYS[1] .. ':answers' and
-- KEYS[1] .. ':order' (keys.ts). KEYS[2], live rounds only: the answers hash of the previous question.
-- ARGV[1] the team the presses came from (a round answers only in its own channel), then four
-- per answer: player id, choice index, now (ms), player display name.
-- An answer is stored as `choice|at|name` (close-round.lua reads the name from it: one write, not two).
-- Replies three integers per answer, in order (nothing for the client to decode into strings):
-- 1, closesAt, everyoneAnswered 0|1 recorded | 2, first choice, 0 already | 3, 0, 0 closed | 0, 0, 0 unknown.
local out = {}
local n = (#ARGV - 1) / 4
local round = redis.call('HMGET', KEYS[1], 'status', 'closesAt', 'optionCount', 'teamId')
if not round[1] or round[4] ~= ARGV[1] then
  for i = 1, n * 3 do out[i] = 0 end
  return out
end
local open = round[1] == 'open'
local closesAt = tonumber(round[2])
local options = tonumber(round[3])
local answers = KEYS[1] .. ':answers'
local previous = KEYS[2]
local recorded = {}
for i = 0, n - 1 do
  local a = 2 + i * 4
  local player, choiceArg, nowArg = ARGV[a], ARGV[a + 1], ARGV[a + 2]
  local choice = tonumber(choiceArg)
  local code, x, y = 0, 0, 0
  if not open or tonumber(nowArg) >= closesAt then
    code = 3
  elseif choice and choice >= 0 and choice < options then
    -- HSETNX looks the player up and writes in one call; only a repeat reads the first answer back.
    if redis.call('HSETNX', answers, player, choiceArg .. '|' .. nowArg .. '|' .. ARGV[a + 3]) == 0 then
      code, x = 2, tonumber(string.match(redis.call('HGET', answers, player), '^(%d+)')) or 0
    else
      code, x = 1, closesAt
      recorded[#recorded + 1] = player
      -- Live rounds close early once everyone who answered the previous question answered this one.
      if previous and redis.call('HEXISTS', previous, player) == 1 then
        local returning = redis.call('HINCRBY', KEYS[1], 'returning', 1)
        if returning >= redis.call('HLEN', previous) then y = 1 end
      end
    end
  end
  out[i * 3 + 1], out[i * 3 + 2], out[i * 3 + 3] = code, x, y
end
-- Once the script has written, Redis lets it finish its writes: the order gets every answer recorded.
if #recorded > 0 then redis.call('RPUSH', KEYS[1] .. ':order', unpack(recorded)) end
return out
