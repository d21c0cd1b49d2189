-- Extends a lease only for its holder. KEYS[1] lease. ARGV[1] holder, ARGV[2] ttl (ms).
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]))
return 1
