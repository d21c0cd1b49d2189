-- Moves a delivery step forward (intended → sent → done), never back: a late writer that lost
-- its lease cannot undo what another run finished. A done step leaves the in-flight index.
-- KEYS[1] step hash, KEYS[2] in-flight zset. ARGV[1] new state ('sent' | 'done'), ARGV[2] reference or ''.
local order = { intended = 1, sent = 2, done = 3 }
local current = redis.call('HGET', KEYS[1], 'state')
if not current then return 0 end
if order[ARGV[1]] <= order[current] then return 0 end
redis.call('HSET', KEYS[1], 'state', ARGV[1])
if ARGV[2] ~= '' then redis.call('HSET', KEYS[1], 'ref', ARGV[2]) end
if ARGV[1] == 'done' then redis.call('ZREM', KEYS[2], redis.call('HGET', KEYS[1], 'id')) end
return 1
