import type { Redis } from 'ioredis';
import type { Team } from '../core/model.js';
import type { Keys } from './keys.js';
import { defineScripts, runScript } from './scripts.js';

const BATCH = 1000;
/** `<team id>:<ISO week>` after the board prefix; `<team id>:all` is the all-time board. */
const WEEK_BOARD = /^(.+):(\d{4}-W\d{2})$/;

export interface Backfilled {
  teams: number;
  weekBoards: number;
}

/**
 * Once per database, at start-up: builds the teams boards (and the workspaces' id indexes) from
 * the data written before they existed — every team's record and every week board. After that the
 * close script keeps them, so a database that has the marker is never scanned again. Each team's
 * line is set by one atomic script from its week board, so closes running meanwhile (other
 * replicas) are not undone, and a crash half-way only means the next start does it all again.
 * Returns undefined when it had been done.
 */
export async function backfillTeamsBoards(redis: Redis, keys: Keys): Promise<Backfilled | undefined> {
  if (await redis.exists(keys.teamsBoardsBackfilled())) return undefined;
  defineScripts(redis);
  const workspaceOf = new Map<string, Team['address']>();
  const ids = await redis.smembers(keys.teams());
  for (let from = 0; from < ids.length; from += BATCH) {
    const batch = ids.slice(from, from + BATCH);
    const raws = await redis.mget(batch.map((id) => keys.team(id)));
    const pipeline = redis.pipeline();
    raws.forEach((raw, i) => {
      if (!raw) return;
      const { address } = JSON.parse(raw) as Team;
      workspaceOf.set(batch[i] as string, address);
      pipeline.zadd(keys.workspaceTeamIds(address.platform, address.workspaceId), 0, batch[i] as string);
    });
    await pipeline.exec();
  }

  let weekBoards = 0;
  const prefix = keys.weekBoardPrefix();
  const stream = redis.scanStream({ match: keys.everyBoard(), count: BATCH });
  for await (const batch of stream as AsyncIterable<string[]>) {
    const syncs: Promise<unknown>[] = [];
    for (const key of batch) {
      const match = WEEK_BOARD.exec(key.slice(prefix.length));
      const address = match && workspaceOf.get(match[1] as string);
      if (!match || !address) continue;
      const [, teamId, week] = match as unknown as [string, string, string];
      const board = keys.teamsBoard(address.platform, address.workspaceId, week);
      syncs.push(runScript(redis, 'syncTeamWeek', [key, board], [teamId]));
    }
    // Sent together: one round trip's wait per SCAN batch.
    await Promise.all(syncs);
    weekBoards += syncs.length;
  }
  await redis.set(keys.teamsBoardsBackfilled(), new Date().toISOString());
  return { teams: workspaceOf.size, weekBoards };
}
