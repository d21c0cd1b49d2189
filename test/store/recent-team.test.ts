import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { Keys } from '../../src/store/keys.js';
import { RECENT_TEAM_MS, RedisTeamRepo } from '../../src/store/team-repo.js';
import { startLocalRedis } from '../support/redis-server.js';
import { testTeam } from '../support/teams.js';

describe('RedisTeamRepo.recent: the team of a press, read at most a few seconds ago', () => {
  const server = startLocalRedis();
  afterAll(async () => (await server).stop());

  it('GIVEN two replicas THEN a change saved by one shows on the other once the cache is older than RECENT_TEAM_MS, and at once on the one that saved it', async () => {
    const client = new Redis((await server).url, { maxRetriesPerRequest: null });
    try {
      let now = 1_000_000;
      const keys = new Keys('recent:');
      const mine = new RedisTeamRepo(client, keys, () => now);
      const other = new RedisTeamRepo(client, keys, () => now);
      const team = testTeam({ platform: 'discord', workspaceId: 'G1', channelId: 'C1' });
      await mine.save(team);
      expect(await mine.recent(team.id)).toEqual(team);

      const paused = { ...team, settings: { ...team.settings, paused: true } };
      await other.save(paused);
      now += RECENT_TEAM_MS - 1;
      expect(await mine.recent(team.id)).toEqual(team); // still the cached read
      expect(await mine.get(team.id)).toEqual(paused); // get always reads Redis
      now += 1;
      expect(await mine.recent(team.id)).toEqual(paused);

      const resumed = { ...team, fault: 'gone' };
      await mine.save(resumed);
      expect(await mine.recent(team.id)).toEqual(resumed); // own save: no wait
      expect(await mine.recent('discord:G9:C9')).toBeUndefined();
    } finally {
      client.disconnect();
    }
  });

  it('GIVEN a hundred presses of one team arriving together with nothing cached THEN they share one read of the team', async () => {
    const client = new Redis((await server).url, { maxRetriesPerRequest: null });
    try {
      const repo = new RedisTeamRepo(client, new Keys('wave:'));
      const team = testTeam({ platform: 'discord', workspaceId: 'G2', channelId: 'C2' });
      await repo.save(team);
      const reads = async () =>
        Number(/cmdstat_get:calls=(\d+)/.exec(await client.info('commandstats'))?.[1] ?? 0);
      const before = await reads();
      const seen = await Promise.all(Array.from({ length: 100 }, () => repo.recent(team.id)));
      expect(seen.every((t) => t?.id === team.id)).toBe(true);
      expect((await reads()) - before).toBe(1);
    } finally {
      client.disconnect();
    }
  });

  it('GIVEN a read that failed, found no team, or was overtaken by a save of this process THEN it is not kept: the next press reads again', async () => {
    const client = new Redis((await server).url, { maxRetriesPerRequest: null });
    try {
      const keys = new Keys('kept:');
      const repo = new RedisTeamRepo(client, keys);
      const team = testTeam({ platform: 'discord', workspaceId: 'G3', channelId: 'C3' });

      expect(await repo.recent(team.id)).toBeUndefined(); // not set up yet
      await new RedisTeamRepo(client, keys).save(team); // another replica sets it up
      expect(await repo.recent(team.id)).toEqual(team);

      const broken = testTeam({ platform: 'discord', workspaceId: 'G3', channelId: 'C4' });
      await client.set(keys.team(broken.id), '{not json');
      await expect(repo.recent(broken.id)).rejects.toThrow();
      await client.set(keys.team(broken.id), JSON.stringify(broken));
      expect(await repo.recent(broken.id)).toEqual(broken);

      const other = testTeam({ platform: 'discord', workspaceId: 'G3', channelId: 'C5' });
      await repo.save(other);
      const paused = { ...other, settings: { ...other.settings, paused: true } };
      const inFlight = repo.recent(other.id); // its GET is sent before the save's MULTI
      await repo.save(paused);
      expect(await inFlight).toEqual(other);
      expect(await repo.recent(other.id)).toEqual(paused);
    } finally {
      client.disconnect();
    }
  });
});
