import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { blockActionsBody, type Place } from '../fakes/slack/payloads.js';
import { postSigned } from '../fakes/slack/signed-request.js';
import { type AdapterRig, SIGNING_SECRET, sendCommand, startAdapterRig } from './support.js';

const admin: Place = { teamId: 'T0001', channelId: 'C1', userId: 'UADMIN', userName: 'ada' };
const member: Place = { ...admin, userId: 'UMEMBER', userName: 'bob' };
const listed: Place = { ...admin, userId: 'ULISTED', userName: 'cy' };

describe('Slack adapter over HTTP (real Bolt, fake Slack)', () => {
  let rig: AdapterRig;
  beforeAll(async () => {
    rig = await startAdapterRig({
      admins: ['ULISTED'],
      fake: {
        users: [
          { id: 'UADMIN', name: 'ada', display_name: 'Ada L.', is_admin: true },
          { id: 'UMEMBER', name: 'bob', display_name: 'Bob' },
          { id: 'ULISTED', name: 'cy' },
          { id: 'UOWNER', name: 'dee', is_owner: true },
        ],
      },
    });
  });
  afterAll(() => rig.stop());
  beforeEach(() => {
    rig.engine.requests.length = 0;
    rig.engine.delayMs = 0;
    rig.engine.answer = () => [{ visibility: 'private', body: 'ok' }];
  });

  it('GIVEN a signed `/k8s-quiz leaderboard week` THEN it is acked and the engine answer arrives ephemerally', async () => {
    rig.engine.answer = () => [{ visibility: 'private', title: 'Board', body: '1. **Ada** — 10 pts' }];
    const res = await sendCommand(rig, admin, 'leaderboard week', 'lb');
    expect(res.status).toBe(200);
    const reply = await rig.fake.waitFor(() => rig.fake.responses.find((r) => r.key === 'lb'));
    expect(reply.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(reply.body.blocks)).toContain('Ada');
    expect(rig.engine.requests[0]).toMatchObject({
      team: { platform: 'slack', workspaceId: 'T0001', channelId: 'C1' },
      actor: { id: 'UADMIN', name: 'Ada L.', isAdmin: true },
      command: { name: 'leaderboard', scope: 'week' },
    });
  });

  it('GIVEN a channel View THEN it is posted in the channel through the response_url', async () => {
    rig.engine.answer = () => [{ visibility: 'channel', body: 'Ada started a live round' }];
    await sendCommand(rig, admin, 'start', 'start');
    const reply = await rig.fake.waitFor(() => rig.fake.responses.find((r) => r.key === 'start'));
    expect(reply.body.response_type).toBe('in_channel');
  });

  it('GIVEN a bad signature THEN 401 and nothing reaches the engine or Slack', async () => {
    const before = rig.fake.calls.length + rig.fake.responses.length;
    const res = await sendCommand(rig, admin, 'help', 'forged', { signature: `v0=${'0'.repeat(64)}` });
    expect(res.status).toBe(401);
    const other = await sendCommand(rig, admin, 'help', 'forged2', { signingSecret: 'not-the-secret' });
    expect(other.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(rig.engine.requests).toHaveLength(0);
    expect(rig.fake.calls.length + rig.fake.responses.length).toBe(before);
  });

  it('GIVEN a correctly signed request older than 5 minutes THEN 401 and nothing recorded', async () => {
    const before = rig.fake.calls.length + rig.fake.responses.length;
    const res = await sendCommand(rig, admin, 'help', 'old', {
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    expect(res.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(rig.engine.requests).toHaveLength(0);
    expect(rig.fake.calls.length + rig.fake.responses.length).toBe(before);
  });

  it('GIVEN an engine slower than Slack’s 3 seconds THEN the ack still comes at once and the answer follows', async () => {
    rig.engine.delayMs = 3500;
    const res = await sendCommand(rig, admin, 'stats', 'slow');
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(1000);
    expect(rig.fake.responses.find((r) => r.key === 'slow')).toBeUndefined();
    await rig.fake.waitFor(() => rig.fake.responses.find((r) => r.key === 'slow'), 6000);
  });

  it('GIVEN a press and its retry (X-Slack-Retry-Num) THEN the engine gets it once and the player one reply', async () => {
    const body = blockActionsBody(member, {
      actionId: 'k8sq:a:live-x-0:1',
      messageTs: '1.000001',
      responseUrl: rig.fake.responseUrl('press'),
      actionTs: '1700000000.123',
    });
    const first = await postSigned(rig.eventsUrl, body, { signingSecret: SIGNING_SECRET });
    const retry = await postSigned(rig.eventsUrl, body, { signingSecret: SIGNING_SECRET, retryNum: 1 });
    expect([first.status, retry.status]).toEqual([200, 200]);
    await rig.fake.waitFor(() => rig.fake.responses.find((r) => r.key === 'press'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(rig.engine.requests).toHaveLength(1);
    expect(rig.engine.requests[0]?.command).toEqual({ name: 'answer', roundId: 'live-x-0', choice: 1 });
    expect(rig.fake.responses.filter((r) => r.key === 'press')).toHaveLength(1);
  });

  it('GIVEN who acts THEN isAdmin follows users.info (admin, owner) or the config list, else false', async () => {
    const owner: Place = { ...admin, userId: 'UOWNER', userName: 'dee' };
    const stranger: Place = { ...admin, userId: 'UNKNOWN', userName: 'eve' };
    for (const [place, key] of [
      [member, 'm'],
      [listed, 'l'],
      [owner, 'o'],
      [stranger, 's'],
    ] as const) {
      await sendCommand(rig, place, 'pause', `admin-${key}`);
    }
    await rig.fake.waitFor(() => rig.engine.requests.length === 4);
    const actors = Object.fromEntries(rig.engine.requests.map((r) => [r.actor.id, r.actor]));
    expect(actors.UMEMBER).toEqual({ id: 'UMEMBER', name: 'Bob', isAdmin: false });
    expect(actors.ULISTED?.isAdmin).toBe(true);
    expect(actors.UOWNER?.isAdmin).toBe(true);
    // users.info has no such user: the payload's name, no rights.
    expect(actors.UNKNOWN).toEqual({ id: 'UNKNOWN', name: 'eve', isAdmin: false });
  });

  it('GIVEN an expired response_url THEN private answers go by chat.postEphemeral, public ones by chat.postMessage', async () => {
    rig.fake.expireResponseUrl('gone');
    rig.engine.answer = () => [
      { visibility: 'private', body: 'just you' },
      { visibility: 'channel', body: 'everyone' },
    ];
    await sendCommand(rig, member, 'daily', 'gone');
    await rig.fake.waitFor(() => rig.fake.okCallsOf('chat.postMessage').length > 0);
    expect(rig.fake.state.ephemerals.at(-1)).toMatchObject({ channel: 'C1', user: 'UMEMBER' });
    expect(JSON.stringify(rig.fake.state.ephemerals.at(-1)?.blocks)).toContain('just you');
    expect(JSON.stringify(rig.fake.state.messages.at(-1)?.blocks)).toContain('everyone');
  });

  it('GIVEN an answer of seven messages THEN the response_url takes five and chat.postEphemeral the rest, in order', async () => {
    rig.engine.answer = () =>
      [1, 2, 3, 4, 5, 6, 7].map((n) => ({ visibility: 'private' as const, body: `part ${n}` }));
    const before = rig.fake.state.ephemerals.length;
    await sendCommand(rig, member, 'daily', 'long');
    await rig.fake.waitFor(() => rig.fake.state.ephemerals.length === before + 2);
    const viaUrl = rig.fake.responses.filter((r) => r.key === 'long').map((r) => r.body.text);
    expect(viaUrl).toEqual(['part 1', 'part 2', 'part 3', 'part 4', 'part 5']);
    expect(rig.fake.state.ephemerals.slice(before).map((e) => e.text)).toEqual(['part 6', 'part 7']);
  });
});

describe('Slack adapter start-up', () => {
  it('GIVEN a bot token Slack refuses THEN start fails naming the variable', async () => {
    await expect(startAdapterRig({ env: { SLACK_BOT_TOKEN: 'xoxb-wrong' } })).rejects.toThrow(
      /SLACK_BOT_TOKEN was refused.*invalid_auth/,
    );
  });
});
