-- Writes one card of a review deck only if it is still as the caller read it (compare and set),
-- so a close and a review answering at the same moment never overwrite one another.
-- KEYS[1] the player's deck hash
-- ARGV[1] quiz item id, ARGV[2] the card JSON as read ('' when there was none), ARGV[3] the new JSON
-- Returns 1 when written, 0 when the card changed in between (the caller reads it again).
local current = redis.call('HGET', KEYS[1], ARGV[1]) or ''
if current ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
return 1
