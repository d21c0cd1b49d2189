import type { Redis } from 'ioredis';
import { type BoardEntry, rankScores } from '../core/boards.js';
import type { LiveRound } from '../core/live-round.js';
import type { LiveRepo } from '../core/store-ports.js';
import type { Keys } from './keys.js';
import { runScript } from './scripts.js';

/** A crashed round must not block its channel forever; a round never runs this long. */
const SLOT_TTL_SECONDS = 60 * 60;
const LIVE_RETENTION_SECONDS = 60 * 60 * 24 * 7;

export class RedisLiveRepo implements LiveRepo {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  async start(live: LiveRound): Promise<{ started: true } | { started: false; running: LiveRound }> {
    const slot = this.keys.liveSlot(live.teamId);
    for (let attempt = 0; attempt < 3; attempt++) {
      if ((await this.redis.set(slot, live.id, 'EX', SLOT_TTL_SECONDS, 'NX')) === 'OK') {
        await this.redis
          .multi()
          .set(this.keys.live(live.id), JSON.stringify(live), 'EX', LIVE_RETENTION_SECONDS)
          .sadd(this.keys.unfinishedLives(), live.id)
          .exec();
        return { started: true };
      }
      const running = await this.runningIn(live.teamId);
      if (running) return { started: false, running };
    }
    throw new Error(`live slot of ${live.teamId} is held by an unreadable round`);
  }

  async get(liveId: string): Promise<LiveRound | undefined> {
    const raw = await this.redis.get(this.keys.live(liveId));
    return raw ? (JSON.parse(raw) as LiveRound) : undefined;
  }

  async runningIn(teamId: string): Promise<LiveRound | undefined> {
    const liveId = await this.redis.get(this.keys.liveSlot(teamId));
    return liveId ? this.get(liveId) : undefined;
  }

  async unfinished(): Promise<string[]> {
    return this.redis.smembers(this.keys.unfinishedLives());
  }

  async update(
    liveId: string,
    patch: Partial<Pick<LiveRound, 'index' | 'status' | 'stoppedBy'>>,
  ): Promise<void> {
    await runScript(this.redis, 'patchLive', [this.keys.live(liveId)], [JSON.stringify(patch)]);
  }

  async finish(live: LiveRound): Promise<void> {
    await this.update(live.id, { status: 'finished' });
    await this.redis.srem(this.keys.unfinishedLives(), live.id);
    // Free the slot only if it still belongs to this round.
    const slot = this.keys.liveSlot(live.teamId);
    if ((await this.redis.get(slot)) === live.id) await this.redis.del(slot);
  }

  async standings(liveId: string, teamId: string): Promise<BoardEntry[]> {
    const flat = await this.redis.zrevrange(this.keys.liveScores(liveId), 0, -1, 'WITHSCORES');
    const ids = flat.filter((_, i) => i % 2 === 0);
    const names = ids.length ? await this.redis.hmget(this.keys.names(teamId), ...ids) : [];
    return rankScores(
      ids.map((playerId, i) => ({ playerId, name: names[i] ?? playerId, points: Number(flat[i * 2 + 1]) })),
    );
  }
}
