import type { Redis } from 'ioredis';
import type { PaceRate, Pacer } from '../core/ports.js';
import { Keys } from './keys.js';
import { defineScripts, runScript } from './scripts.js';

/**
 * The platforms' rates kept in Redis, so every replica draws from the same slots: one script
 * call books the caller's slot under each rate and answers how long to wait for it. A booked
 * slot is never given to anyone else, so callers do not race or retry; each waits its turn.
 */
export class RedisPacer implements Pacer {
  private readonly keys: Keys;

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    defineScripts(redis);
    this.keys = new Keys(prefix);
  }

  async wait(rates: readonly PaceRate[]): Promise<void> {
    const waitMs = await this.book(rates);
    if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
  }

  /** Books the next slot free under every rate (0 perSecond: none) and says how far off it is (ms). */
  async book(rates: readonly PaceRate[]): Promise<number> {
    const active = rates.filter((r) => r.perSecond > 0);
    if (active.length === 0) return 0;
    const args = active.flatMap((r) => [(1000 / r.perSecond).toFixed(3), Math.max(1, r.burst ?? 1)]);
    const keys = active.map((r) => this.keys.pace(r.key));
    return Number(await runScript(this.redis, 'pace', keys, args));
  }
}
