import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamIdOf } from '../../src/core/model.js';
import type { Place } from '../fakes/slack/payloads.js';
import type { ChannelTrouble } from '../fakes/slack/web-api-routes.js';
import { type AppRig, startAppRig } from './app-rig.js';

const place = (channelId: string): Place => ({
  teamId: 'T0001',
  channelId,
  userId: 'UADMIN',
  userName: 'ada',
});
const teamId = (p: Place) => teamIdOf({ platform: 'slack', workspaceId: p.teamId, channelId: p.channelId });
const PAUSED_LOG = 'platform refused delivery; team paused';

describe('Slack end to end: delivery faults', () => {
  let rig: AppRig;
  beforeAll(async () => {
    rig = await startAppRig([{ id: 'UADMIN', name: 'ada', is_admin: true }]);
  });
  afterAll(() => rig?.stop());

  const postsTo = (channel: string) =>
    rig.fake.callsOf('chat.postMessage').filter((c) => c.params.channel === channel);

  it('GIVEN chat.postMessage answers `ratelimited` with Retry-After: 1 THEN the outbox sends it again after a second and it is posted once', async () => {
    const team = place('CRATE');
    await rig.command(team, 'setup locale=en');
    rig.fake.fail('chat.postMessage', { status: 429, error: 'ratelimited', retryAfter: 1 });
    await rig.runDaily(team);
    await rig.fake.waitFor(() => postsTo('CRATE').some((c) => c.reply.ok === true), 10_000, 'daily post');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const [refused, posted, ...more] = postsTo('CRATE');
    expect([refused?.status, posted?.status, more.length]).toEqual([429, 200, 0]);
    expect((posted?.at ?? 0) - (refused?.at ?? 0)).toBeGreaterThanOrEqual(1000);
    expect(rig.fake.state.messages.filter((m) => m.channel === 'CRATE')).toHaveLength(1);
  }, 30_000);

  it('GIVEN a 5xx from Slack THEN the job retries with backoff and posts once', async () => {
    const team = place('C5XX');
    await rig.command(team, 'setup locale=en');
    rig.fake.fail('chat.postMessage', { status: 503, error: 'service_unavailable' });
    await rig.runDaily(team);
    await rig.fake.waitFor(() => postsTo('C5XX').some((c) => c.reply.ok === true), 10_000, 'daily post');
    expect(postsTo('C5XX').map((c) => c.status)).toEqual([503, 200]);
    expect(rig.fake.state.messages.filter((m) => m.channel === 'C5XX')).toHaveLength(1);
  }, 30_000);

  const troubles: [string, ChannelTrouble][] = [
    ['CGONE', 'channel_not_found'],
    ['COUT', 'not_in_channel'],
    ['CARCH', 'is_archived'],
  ];
  for (const [channel, trouble] of troubles) {
    it(`GIVEN chat.postMessage answers ${trouble} THEN the team is paused, logged once, and an admin is told on next use`, async () => {
      const team = place(channel);
      await rig.command(team, 'setup locale=en');
      rig.fake.state.channels.set(channel, trouble);
      const warnings = () =>
        rig.logger.lines.filter((l) => l.msg === PAUSED_LOG && JSON.stringify(l.obj).includes(channel));

      await rig.runDaily(team);
      await rig.fake.waitFor(() => warnings().length > 0, 10_000, 'team paused');
      const stored = await rig.app.engine.ctx.store.teams.get(teamId(team));
      expect(stored?.settings.paused).toBe(true);
      expect(stored?.fault).toBe('gone');

      // The next daily run posts nothing and logs nothing new.
      await rig.runDaily(team);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(postsTo(channel)).toHaveLength(1);
      expect(warnings()).toHaveLength(1);

      // The admin's next command (answered through the response_url, which still works) says why.
      const replies = await rig.command(team, 'leaderboard');
      const notice = replies.find((r) => String(r.text).includes('paused itself'));
      expect(notice?.response_type).toBe('ephemeral');
      expect(String(notice?.text)).toMatch(/no longer exists|not in it/);
    }, 30_000);
  }
});
