import type { Redis } from 'ioredis';
import type { Claims } from '../core/store-ports.js';
import type { Keys } from './keys.js';

/** Claims outlive any retry window, then expire so Redis does not keep them forever. */
const CLAIM_TTL_SECONDS = 60 * 60 * 24 * 45;

export class RedisClaims implements Claims {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  async claim(name: string): Promise<boolean> {
    return (await this.redis.set(this.keys.claim(name), '1', 'EX', CLAIM_TTL_SECONDS, 'NX')) === 'OK';
  }

  async release(name: string): Promise<void> {
    await this.redis.del(this.keys.claim(name));
  }
}
