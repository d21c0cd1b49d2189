import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Place } from '../fakes/slack/payloads.js';
import { sendCommand } from '../slack/support.js';
import type { BotProcess } from '../support/bot-process.js';
import { SlackWorld, WORKSPACE } from './slack-world.js';

const TEAMS = 50;
const channels = Array.from({ length: TEAMS }, (_, i) => `CROLE${String(i).padStart(2, '0')}`);

let world: SlackWorld;
beforeAll(async () => {
  world = await SlackWorld.start({ users: [{ id: 'UADMIN', name: 'ada', is_admin: true }] });
});
afterAll(() => world.stop());

describe('roles: two gateways and two workers on one Redis', () => {
  it(`GIVEN ${TEAMS} teams set up through the gateways with daily, close and weekly times a minute apart THEN every daily question, close, reveal and weekly announcement reaches the fake Slack exactly once`, async () => {
    const gateways = [await world.startBot({ ROLE: 'gateway' }), await world.startBot({ ROLE: 'gateway' })];
    const workers = [await world.startBot({ ROLE: 'worker' }), await world.startBot({ ROLE: 'worker' })];
    await Promise.all([...gateways, ...workers].map((b) => b.waitReady(60_000)));
    expect(
      workers.every((w) => w.logs.some((l) => l.msg === 'slack: connected' && l.mode === 'none (worker)')),
    ).toBe(true);

    // The next minute at least 20 s away: daily then, close and weekly one minute later (UTC).
    const daily = DateTime.utc().plus({ seconds: 20 }).endOf('minute').plus({ milliseconds: 1 });
    const close = daily.plus({ minutes: 1 });
    const settings = `timezone=UTC daily=${daily.toFormat('HH:mm')} close=${close.toFormat('HH:mm')} weekly=${close.toFormat('cccc').toLowerCase()}@${close.toFormat('HH:mm')}`;
    await Promise.all(
      channels.map(async (channelId, i) => {
        const place: Place = { teamId: WORKSPACE, channelId, userId: 'UADMIN', userName: 'ada' };
        const gateway = gateways[i % 2] as BotProcess;
        const res = await sendCommand(
          { fake: world.fake, eventsUrl: gateway.url('/slack/events') },
          place,
          `setup ${settings}`,
          `setup-${channelId}`,
        );
        expect(res.status).toBe(200);
      }),
    );
    await world.fake.waitFor(
      () => world.fake.responses.filter((r) => r.key.startsWith('setup-')).length === TEAMS,
      30_000,
    );

    const kinds = (channelId: string) => {
      const messages = world.fake.state.messages.filter((m) => m.channel === channelId);
      return { posts: messages.length, updates: messages.reduce((n, m) => n + (m.updates?.length ?? 0), 0) };
    };
    const waitMs = close.toMillis() - Date.now() + 45_000;
    await world.fake.waitFor(
      () => channels.every((c) => kinds(c).posts >= 3 && kinds(c).updates >= 1),
      waitMs,
      'daily question, reveal and weekly post in every channel',
    );
    await new Promise((r) => setTimeout(r, 3000)); // a late duplicate would show now
    const counts = channels.map((c) => kinds(c));
    expect(counts.filter((c) => c.posts !== 3 || c.updates !== 1)).toEqual([]);
    const byWorker = workers.map((w) => w.logs.filter((l) => l.msg === 'job done').length);
    expect(byWorker.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(TEAMS * 3);
    expect(gateways.every((g) => !g.logs.some((l) => l.msg === 'job done'))).toBe(true);
    console.info(
      `roles: ${TEAMS} teams, ${counts.length * 3} posts and ${TEAMS} closes, each once; jobs done per worker ${byWorker.join('/')}`,
    );
    for (const bot of [...gateways, ...workers]) {
      expect(bot.alive).toBe(true);
      expect(bot.logs.filter((l) => l.level >= 50)).toEqual([]);
    }
    // Gateways took the commands, workers ran the jobs: the posts came over the Web API only.
    expect(world.fake.okCallsOf('chat.postMessage').length).toBe(TEAMS * 3);
  }, 240_000);
});
