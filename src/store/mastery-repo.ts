import type { Redis } from 'ioredis';
import type { CategoryTally } from '../core/boards.js';
import type { TeamFocus } from '../core/mastery.js';
import type { MasteryRepo } from '../core/store-ports.js';
import type { Keys } from './keys.js';
import { pairsToHash } from './round-codec.js';
import { runScript } from './scripts.js';
import { sumTallies } from './tallies.js';

/** A focus outlives its 7 days a little, so `stats team` can still say what it was. */
const FOCUS_RETENTION_SECONDS = 60 * 60 * 24 * 14;

/** Reads the per-date tallies the close script keeps (see close-round.lua). */
export class RedisMasteryRepo implements MasteryRepo {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  tallies(teamId: string, dates: readonly string[], playerId?: string): Promise<CategoryTally[]> {
    const key = (date: string) =>
      playerId === undefined
        ? this.keys.masteryDay(teamId, date)
        : `${this.keys.masteryDayPrefix(teamId, date)}${playerId}`;
    return sumTallies(this.redis, dates.map(key));
  }

  async focus(teamId: string): Promise<TeamFocus | undefined> {
    return focusFrom(await this.redis.hgetall(this.keys.focus(teamId)));
  }

  async chooseFocus(teamId: string, focus: Omit<TeamFocus, 'days'>): Promise<TeamFocus> {
    const flat = (await runScript(
      this.redis,
      'chooseFocus',
      [this.keys.focus(teamId)],
      [focus.week, focus.category, focus.since, FOCUS_RETENTION_SECONDS],
    )) as string[];
    const stored = focusFrom(pairsToHash(flat));
    if (!stored) throw new Error(`focus of ${teamId} was not stored`);
    return stored;
  }
}

/** `week`, `category`, `since`, and one `on:<date>` field per focus day. */
export function focusFrom(hash: Record<string, string>): TeamFocus | undefined {
  if (!hash.week || !hash.category || !hash.since) return undefined;
  const days = Object.keys(hash)
    .filter((f) => f.startsWith('on:'))
    .map((f) => f.slice(3))
    .sort();
  return { week: hash.week, category: hash.category, since: hash.since, days };
}
