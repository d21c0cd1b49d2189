import type { Redis } from 'ioredis';
import type { Team } from '../core/model.js';
import type { TeamRepo } from '../core/store-ports.js';
import type { Keys } from './keys.js';

export class RedisTeamRepo implements TeamRepo {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  async save(team: Team): Promise<void> {
    const { platform, workspaceId } = team.address;
    await this.redis
      .multi()
      .set(this.keys.team(team.id), JSON.stringify(team))
      .sadd(this.keys.teams(), team.id)
      .sadd(this.keys.workspaceTeams(platform, workspaceId), team.id)
      .zadd(this.keys.workspaceTeamIds(platform, workspaceId), 0, team.id)
      .exec();
  }

  async get(teamId: string): Promise<Team | undefined> {
    const raw = await this.redis.get(this.keys.team(teamId));
    return raw ? (JSON.parse(raw) as Team) : undefined;
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
