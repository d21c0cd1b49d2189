import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { JOB_ATTEMPTS } from '../../src/jobs/queue-names.js';
import type { FakePlayer } from '../fakes/discord/payloads.js';
import { CHANNEL, DiscordWorld, TEAM_ID } from './e2e-harness.js';

const admin: FakePlayer = { id: '820000000000000001', name: 'Ops', admin: true };
/** As the scheduler adds it: retried with the platform backoff. */
const asScheduled = { attempts: JOB_ATTEMPTS, backoff: { type: 'platform' } };

let world: DiscordWorld;
beforeAll(async () => {
  world = await DiscordWorld.start({ team: { locale: 'en' } });
});
afterAll(async () => world?.stop());

const postsToChannel = () => world.fake.requestsTo('POST', new RegExp(`^/channels/${CHANNEL}/messages$`));
const pausedWarnings = () =>
  world.logger.lines.filter((l) => l.msg === 'platform refused delivery; team paused');

describe('a channel that refuses the bot (403), end to end', () => {
  test('GIVEN the channel answers 403 Missing Permissions THEN the team is paused, logged once, no retry loop, and an admin is told', async () => {
    world.fake.fail({
      method: 'POST',
      path: new RegExp(`^/channels/${CHANNEL}/messages$`),
      reply: { status: 403, body: { message: 'Missing Permissions', code: 50013 } },
    });
    await world.app.queue.add('daily', { teamId: TEAM_ID, at: Date.now() }, asScheduled);
    await world.fake.waitFor(
      'the paused team',
      async () => (await world.app.engine.ctx.store.teams.get(TEAM_ID))?.settings.paused,
    );
    const team = await world.app.engine.ctx.store.teams.get(TEAM_ID);
    expect(team).toMatchObject({ fault: 'forbidden', settings: { paused: true } });

    // Another scheduled run (e.g. the next day's) meets a paused team and asks Discord nothing.
    await world.app.queue.add('daily', { teamId: TEAM_ID, at: Date.now() + 86_400_000 }, asScheduled);
    await new Promise((r) => setTimeout(r, 3000)); // longer than the first two backoff steps
    expect(postsToChannel()).toHaveLength(1);
    expect(pausedWarnings()).toHaveLength(1);
    const schedulers = await world.app.queue.getJobSchedulers();
    expect(schedulers.filter((s) => s.key.includes(TEAM_ID.replaceAll(':', '.')))).toEqual([]);

    // The next person using the command there (here an admin) learns why, privately.
    const [notice] = await world.replies(world.command(admin, 'leaderboard'));
    expect(notice?.ephemeral).toBe(true);
    expect(DiscordWorld.text(notice)).toContain('the bot lacks permission to post in this channel');
  }, 30_000);
});
