-- Stores the daily question's focus chosen by a weekly announcement, unless the stored one is
-- for the same week or a later one (a retried or late announcement changes nothing).
-- KEYS[1] focus hash. ARGV[1] week (2026-W48: compares as text), ARGV[2] category,
-- ARGV[3] first local date, ARGV[4] retention (s). Returns the stored hash as a flat list.
local stored = redis.call('HGET', KEYS[1], 'week')
if not stored or stored < ARGV[1] then
  redis.call('DEL', KEYS[1])
  redis.call('HSET', KEYS[1], 'week', ARGV[1], 'category', ARGV[2], 'since', ARGV[3])
  redis.call('EXPIRE', KEYS[1], ARGV[4])
end
return redis.call('HGETALL', KEYS[1])
