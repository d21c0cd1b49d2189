-- Closes a round exactly once and awards its points; a second call returns the stored results.
-- KEYS[1] round hash, KEYS[2] answers hash, KEYS[3] answer order list, KEYS[4] results string,
-- KEYS[5] round's player names hash (answers recorded by older versions), KEYS[6] team names hash, KEYS[7] weekly board,
-- KEYS[8] all-time board, KEYS[9] team's category tally hash for the round's local date,
-- KEYS[10] team's weekly zset of the longest streak each player reached,
-- KEYS[11] live round scores zset (or KEYS[4] for a daily round), KEYS[12] open-rounds zset,
-- KEYS[13] the workspace's teams board for the round's week (or KEYS[4] for a team not registered).
-- ARGV[1] stats key prefix (player id is appended), ARGV[2] scoring JSON, ARGV[3] retention (s),
-- ARGV[4] the player's tally key prefix for the same date (player id is appended), ARGV[5] how
-- long the date's tallies are kept (s): the weekly chart and topic mastery read them, ARGV[6] the
-- team id on the teams board ('' for none).
-- Not cluster-safe: player stats and tally keys are derived here (one Redis, as deployed).
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return false end
if status == 'closed' then return {0, redis.call('GET', KEYS[4])} end
redis.call('ZREM', KEYS[12], redis.call('HGET', KEYS[1], 'id'))

local r = {}
local flat = redis.call('HGETALL', KEYS[1])
for i = 1, #flat, 2 do r[flat[i]] = flat[i + 1] end
local scoring = cjson.decode(ARGV[2])
local answer = tonumber(r.answer)
local openedAt, closesAt = tonumber(r.openedAt), tonumber(r.closesAt)
local isDaily = r.kind == 'daily'
local category = r.category

local split = {}
for i = 1, tonumber(r.optionCount) do split[i] = 0 end
local results = {}
local correctSoFar = 0
local scored = false
local order = redis.call('LRANGE', KEYS[3], 0, -1)

for _, player in ipairs(order) do
  local raw = redis.call('HGET', KEYS[2], player)
  -- `choice|at|name`; answers an older version recorded are `choice|at`, their names in KEYS[5].
  local choice, at, name = string.match(raw, '^(%d+)|(%d+)|(.*)$')
  if not choice then
    choice, at = string.match(raw, '^(%d+)|(%d+)$')
    name = redis.call('HGET', KEYS[5], player) or player
  end
  choice, at = tonumber(choice), tonumber(at)
  split[choice + 1] = split[choice + 1] + 1
  local correct = choice == answer
  local stats = ARGV[1] .. player
  local points = 0
  local streak = cjson.null

  local tally = ARGV[4] .. player
  redis.call('HINCRBY', stats, 'answered', 1)
  redis.call('HINCRBY', stats, 'answered:' .. category, 1)
  redis.call('HINCRBY', KEYS[9], 'answered:' .. category, 1)
  redis.call('HINCRBY', tally, 'answered:' .. category, 1)
  if correct then
    correctSoFar = correctSoFar + 1
    redis.call('HINCRBY', stats, 'correct', 1)
    redis.call('HINCRBY', stats, 'correct:' .. category, 1)
    redis.call('HINCRBY', KEYS[9], 'correct:' .. category, 1)
    redis.call('HINCRBY', tally, 'correct:' .. category, 1)
  end
  redis.call('EXPIRE', tally, ARGV[5])

  if isDaily then
    if correct then
      local last = redis.call('HGET', stats, 'lastCorrectDate')
      streak = 1
      if last and r.previousDailyDate and last == r.previousDailyDate then
        streak = tonumber(redis.call('HGET', stats, 'streak') or '0') + 1
      end
      redis.call('HSET', stats, 'streak', streak, 'lastCorrectDate', r.localDate)
      if streak > tonumber(redis.call('HGET', stats, 'bestStreak') or '0') then
        redis.call('HSET', stats, 'bestStreak', streak)
      end
      points = scoring.daily.correct + (scoring.daily.firstCorrectBonus[correctSoFar] or 0)
        + math.min(streak - 1, scoring.daily.streakBonusMax)
      redis.call('ZADD', KEYS[10], 'GT', streak, player)
    else
      streak = 0
      redis.call('HSET', stats, 'streak', 0)
    end
  else
    if correct then
      local left = math.max(0, closesAt - at)
      points = scoring.live.correct + math.floor(scoring.live.speedMax * left / (closesAt - openedAt) + 0.5)
    end
    redis.call('ZINCRBY', KEYS[11], points, player)
  end

  if points > 0 then
    scored = true
    redis.call('ZINCRBY', KEYS[7], points, player)
    redis.call('ZINCRBY', KEYS[8], points, player)
  end
  redis.call('HSET', KEYS[6], player, name)
  results[#results + 1] = {
    playerId = player, name = name,
    choice = choice, correct = correct, points = points, answeredAt = at, streak = streak,
  }
end

if #order > 0 then redis.call('EXPIRE', KEYS[9], ARGV[5]) end

-- The team's line on the teams board follows its week board in the same script, so a crash
-- cannot leave one without the other. Same sum as sync-team-week.lua (the backfill).
if scored and ARGV[6] ~= '' then
  local top = redis.call('ZREVRANGE', KEYS[7], 0, 2, 'WITHSCORES')
  local sum = 0
  for i = 2, #top, 2 do sum = sum + tonumber(top[i]) end
  redis.call('ZADD', KEYS[13], -sum, ARGV[6])
end

local encoded = cjson.encode({ roundId = r.id, answers = results, split = split })
redis.call('SET', KEYS[4], encoded)
redis.call('HSET', KEYS[1], 'status', 'closed')
local keep = tonumber(ARGV[3])
for _, key in ipairs({KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]}) do redis.call('EXPIRE', key, keep) end
return {1, encoded}
