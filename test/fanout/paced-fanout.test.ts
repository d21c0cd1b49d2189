import { describe, expect, it } from 'vitest';
import { notExactlyOnce, runDiscordFanout, runSlackFanout } from '../support/fanout-rig.js';
import { useRedis } from '../support/redis.js';

/**
 * 1,000 teams due in the same minute, against fakes that enforce the platforms' limits (raised
 * so this runs in about ten seconds each); bench/paced-fanout.ts runs 10,000 and times them.
 */
const TEAMS = 1000;

describe('Daily fan-out at the platforms’ pace', () => {
  const { url, prefix } = useRedis();

  it('GIVEN 1,000 Discord teams and a global limit of 100/s THEN every channel gets its question exactly once, under 1 % of requests answered 429', async () => {
    const result = await runDiscordFanout({
      redisUrl: url,
      prefix: `${prefix}d:`,
      teams: TEAMS,
      limits: { globalPerSecond: 100, route: { limit: 5, windowMs: 5000 } },
      pacing: { discord: { globalLimit: 100, perSecond: 96 } },
    });
    expect(notExactlyOnce(result, 'discord')).toEqual([]);
    expect(result.requests).toBeGreaterThanOrEqual(TEAMS);
    expect(result.limited / result.requests).toBeLessThan(0.01);
  }, 60_000);

  it('GIVEN 1,000 Slack channels and a workspace limit of 100/s THEN every channel gets its question exactly once, under 1 % answered ratelimited', async () => {
    const result = await runSlackFanout({
      redisUrl: url,
      prefix: `${prefix}s:`,
      teams: TEAMS,
      limits: { perChannelPerSecond: 1, channelBurst: 1, perWorkspacePerSecond: 100 },
      pacing: { slack: { perChannelPerSecond: 1, channelBurst: 1, perWorkspacePerSecond: 96 } },
    });
    expect(notExactlyOnce(result, 'slack')).toEqual([]);
    expect(result.requests).toBeGreaterThanOrEqual(TEAMS);
    expect(result.limited / result.requests).toBeLessThan(0.01);
  }, 60_000);
});
