-- The daily job's read, in one round trip and one reply (a pipeline of nine commands cost the
-- client about as much CPU as the rest of the post): the team, the rounds of the three dates
-- the team's local date may be, its rotation history, the items held back by reports, its
-- focus and the players who want review reminders. Of the rounds only the item is read: every
-- team has yesterday's, and its fields (some 26 strings) were most of the reply (the caller
-- knows the ids).
-- KEYS[1] team (JSON string), KEYS[2..4] round hashes, KEYS[5] used-items set, KEYS[6] daily
-- history hash, KEYS[7] reported-items zset, KEYS[8] focus hash, KEYS[9] reminder players set.
-- ARGV[1] reporters at which an item is held back.
-- Returns {team JSON or nil, round quiz item id or nil ×3, used, history fields, held, focus fields, players}.
return {
  redis.call('GET', KEYS[1]),
  redis.call('HGET', KEYS[2], 'quizId'),
  redis.call('HGET', KEYS[3], 'quizId'),
  redis.call('HGET', KEYS[4], 'quizId'),
  redis.call('SMEMBERS', KEYS[5]),
  redis.call('HGETALL', KEYS[6]),
  redis.call('ZRANGEBYSCORE', KEYS[7], ARGV[1], '+inf'),
  redis.call('HGETALL', KEYS[8]),
  redis.call('SMEMBERS', KEYS[9]),
}
