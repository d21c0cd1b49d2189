-- Counts a daily question drawn for the focus, in the focus that chose it: nothing when the
-- focus has expired or a later announcement chose another category. HSET: a second call for
-- the same date counts once.
-- KEYS[1] focus hash. ARGV[1] category, ARGV[2] local date, ARGV[3] quiz item id.
if redis.call('HGET', KEYS[1], 'category') ~= ARGV[1] then return 0 end
return redis.call('HSET', KEYS[1], 'on:' .. ARGV[2], ARGV[3])
