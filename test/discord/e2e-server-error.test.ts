import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { JOB_ATTEMPTS } from '../../src/jobs/queue-names.js';
import { CHANNEL, DiscordWorld, TEAM_ID } from './e2e-harness.js';

let world: DiscordWorld;
beforeAll(async () => {
  world = await DiscordWorld.start({ team: { locale: 'en' } });
});
afterAll(async () => world?.stop());

describe('Discord answering 5xx, end to end', () => {
  test('GIVEN two 500s on the channel THEN the daily job retries with growing backoff and posts once', async () => {
    const path = new RegExp(`^/channels/${CHANNEL}/messages$`);
    world.fake.fail({
      method: 'POST',
      path,
      times: 2,
      reply: { status: 500, body: { message: '500: Internal Server Error', code: 0 } },
    });
    await world.app.queue.add(
      'daily',
      { teamId: TEAM_ID, at: Date.now() },
      { attempts: JOB_ATTEMPTS, backoff: { type: 'platform' } },
    );
    await world.waitForPosts('the daily question after retries', /^Question of the day/, 1, 20_000);

    const attempts = world.fake.requestsTo('POST', path);
    expect(attempts.map((r) => r.status)).toEqual([500, 500, 200]);
    const [a, b, c] = attempts.map((r) => r.at) as [number, number, number];
    expect(b - a).toBeGreaterThanOrEqual(900);
    expect(c - b).toBeGreaterThanOrEqual(1800);
    expect(world.posts(/^Question of the day/)).toHaveLength(1);
    expect((await world.app.engine.ctx.store.teams.get(TEAM_ID))?.settings.paused).toBe(false);
  }, 30_000);
});
