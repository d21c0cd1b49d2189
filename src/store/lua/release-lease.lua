-- Frees a lease only for its holder (a lease that expired and was taken by another stays).
-- KEYS[1] lease. ARGV[1] holder.
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
return redis.call('DEL', KEYS[1])
