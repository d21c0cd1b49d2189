import type { Redis } from 'ioredis';
import type { Team } from '../core/model.js';
import type { TeamRepo } from '../core/store-ports.js';
import type { Keys } from './keys.js';

/** How long `recent` trusts a read: a settings change on another replica shows within this. */
export const RECENT_TEAM_MS = 3_000;
/** Teams kept for `recent`; past this the cache starts over (a bound, not an LRU). */
const RECENT_TEAM_LIMIT = 10_000;

export class RedisTeamRepo implements TeamRepo {
  /** The read itself, so the presses of one wave that all miss share one GET (and one parse). */
  private readonly cache = new Map<string, { team: Promise<Team | undefined>; at: number }>();
  /** Bumped by every save: a read that began before a save does not overwrite what it cached. */
  private saves = 0;

  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    private readonly now: () => number = Date.now,
  ) {}

  async save(team: Team): Promise<void> {
    const { platform, workspaceId } = team.address;
    this.saves++;
    this.cache.delete(team.id);
    await this.redis
      .multi()
      .set(this.keys.team(team.id), JSON.stringify(team))
      .sadd(this.keys.teams(), team.id)
      .sadd(this.keys.workspaceTeams(platform, workspaceId), team.id)
      .zadd(this.keys.workspaceTeamIds(platform, workspaceId), 0, team.id)
      .exec();
    this.saves++;
    this.cache.delete(team.id); // a read during the save may have cached the old record
  }

  async get(teamId: string): Promise<Team | undefined> {
    const raw = await this.redis.get(this.keys.team(teamId));
    return raw ? (JSON.parse(raw) as Team) : undefined;
  }

  recent(teamId: string): Promise<Team | undefined> {
    const hit = this.cache.get(teamId);
    if (hit && this.now() - hit.at < RECENT_TEAM_MS) return hit.team;
    const saves = this.saves;
    const entry = { team: this.get(teamId), at: this.now() };
    if (this.cache.size >= RECENT_TEAM_LIMIT) this.cache.clear();
    this.cache.set(teamId, entry);
    // Not kept: no team, a failed read, or a read that a save of ours overtook.
    const forget = () => {
      if (this.cache.get(teamId) === entry) this.cache.delete(teamId);
    };
    entry.team.then((team) => (!team || saves !== this.saves ? forget() : undefined), forget);
    return entry.team;
  }

  async all(): Promise<Team[]> {
    return this.load(await this.redis.smembers(this.keys.teams()));
  }

  async inWorkspace(platform: string, workspaceId: string): Promise<Team[]> {
    return this.load(await this.redis.smembers(this.keys.workspaceTeams(platform, workspaceId)));
  }

  private async load(ids: string[]): Promise<Team[]> {
    if (ids.length === 0) return [];
    const raws = await this.redis.mget(ids.sort().map((id) => this.keys.team(id)));
    return raws.flatMap((raw) => (raw ? [JSON.parse(raw) as Team] : []));
  }
}
