-- One player's report on one quiz item: stored under the player (a second report replaces
-- the first), and the item's count of distinct reporters kept beside it, in one step.
-- KEYS[1] the item's reports hash, KEYS[2] the zset of reported items by reporter count
-- ARGV[1] reporter key, ARGV[2] report JSON, ARGV[3] quiz item id
-- Returns 1 for a new reporter, 0 for a replaced report.
local created = redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[2], redis.call('HLEN', KEYS[1]), ARGV[3])
return created
