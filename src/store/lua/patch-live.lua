-- Patches a live round in one step, so a stop and the next question's index cannot overwrite
-- each other. Its status only moves forward (running -> stopping -> finished): a late stop
-- does not reopen a finished round; its index only rises, so a late retry of an earlier
-- question's job does not point a stop at a question already closed.
-- KEYS[1] live round (JSON). ARGV[1] the patch (JSON).
local raw = redis.call('GET', KEYS[1])
if not raw then return 0 end
local live = cjson.decode(raw)
local patch = cjson.decode(ARGV[1])
local order = { running = 1, stopping = 2, finished = 3 }
if patch.status and (order[patch.status] or 0) < (order[live.status] or 0) then
  patch.status = nil
  patch.stoppedBy = nil
end
if patch.index and live.index and patch.index < live.index then patch.index = nil end
for field, value in pairs(patch) do live[field] = value end
redis.call('SET', KEYS[1], cjson.encode(live), 'KEEPTTL')
return 1
