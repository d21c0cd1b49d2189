-- Reads a workspace's teams board in one round trip: the top ARGV[1] teams, the caller's team
-- (ARGV[2], '' for none) and how many teams the workspace has.
-- KEYS[1] the teams board for the week (scores: minus points, so ascending = points high to low,
-- equal points in team-id order), KEYS[2] the workspace's team ids (sorted set, all 0),
-- KEYS[3] the workspace's teams (set). ARGV[3] team key prefix, ARGV[4] week board key prefix,
-- ARGV[5] ':' .. week: a team's record and week board are prefix .. id (.. suffix).
-- Teams without points this week are not on KEYS[1]: they share the last place, in id order.
-- Returns {count, {id, points, players, channel id or false, …}, {rank, points, players} or {}}.
local limit = tonumber(ARGV[1])
local scored = redis.call('ZCARD', KEYS[1])

local function players(id)
  return redis.call('ZCARD', ARGV[4] .. id .. ARGV[5])
end

local function channel(id)
  local raw = redis.call('GET', ARGV[3] .. id)
  if not raw then return false end
  local ok, team = pcall(cjson.decode, raw)
  if ok and type(team) == 'table' and type(team.address) == 'table' then
    return team.address.channelId or false
  end
  return false
end

local top = {}
if limit > 0 then
  local ranked = redis.call('ZRANGE', KEYS[1], 0, limit - 1, 'WITHSCORES')
  local shown = {}
  for i = 1, #ranked, 2 do
    local id = ranked[i]
    shown[id] = true
    top[#top + 1] = id
    top[#top + 1] = -tonumber(ranked[i + 1])
  end
  -- Fewer than `limit` teams scored (so every one of them is shown): the rest, 0 points, by id.
  local need = limit - #ranked / 2
  if need > 0 then
    for _, id in ipairs(redis.call('ZRANGE', KEYS[2], 0, need + scored - 1)) do
      if not shown[id] and need > 0 then
        top[#top + 1] = id
        top[#top + 1] = 0
        need = need - 1
      end
    end
  end
end

local flat = {}
for i = 1, #top, 2 do
  local id = top[i]
  flat[#flat + 1] = id
  flat[#flat + 1] = top[i + 1]
  flat[#flat + 1] = players(id)
  flat[#flat + 1] = channel(id)
end

local me = {}
if ARGV[2] ~= '' then
  local score = redis.call('ZSCORE', KEYS[1], ARGV[2])
  if score then
    me = {redis.call('ZCOUNT', KEYS[1], '-inf', '(' .. score) + 1, -tonumber(score), players(ARGV[2])}
  else
    me = {scored + 1, 0, players(ARGV[2])}
  end
end
return {redis.call('SCARD', KEYS[3]), flat, me}
