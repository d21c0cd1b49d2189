import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Team } from '../../src/core/model.js';
import { DeliveryError } from '../../src/core/ports.js';
import type { View } from '../../src/core/view.js';
import { SlackOutbox } from '../../src/platforms/slack/outbox.js';
import { outboxClient } from '../../src/platforms/slack/web-client.js';
import { FakeSlack } from '../fakes/slack/fake-slack.js';
import { testTeam } from '../support/teams.js';
import { recordingLogger } from './support.js';

const team = (channelId: string): Team =>
  testTeam({ platform: 'slack', workspaceId: 'T0001', channelId }, { timezone: 'UTC' });

const view: View = {
  visibility: 'channel',
  title: 'Question of the day',
  body: 'Which?',
  buttons: [{ action: 'k8sq:a:d1:0', label: 'A' }],
};

describe('Slack outbox (real WebClient, fake Slack)', () => {
  let fake: FakeSlack;
  let outbox: SlackOutbox;
  beforeAll(async () => {
    fake = await FakeSlack.start();
    const logger = recordingLogger();
    outbox = new SlackOutbox(outboxClient('xoxb-test-token', fake.apiUrl, logger), logger);
  });
  afterAll(() => fake.stop());

  const failure = async (promise: Promise<unknown>): Promise<DeliveryError> => {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DeliveryError);
    return error as DeliveryError;
  };

  it('GIVEN a post THEN chat.postMessage to the team channel, and its ts is the reference chat.update replaces', async () => {
    const ref = await outbox.post(team('C1'), view);
    const message = fake.state.messages.find((m) => m.ts === ref);
    expect(message?.channel).toBe('C1');
    expect(JSON.stringify(message?.blocks)).toContain('k8sq:a:d1:0');
    await outbox.update(team('C1'), ref, {
      ...view,
      buttons: [{ action: 'k8sq:a:d1:0', label: 'A', disabled: true }],
    });
    expect(message?.updates).toHaveLength(1);
    expect(JSON.stringify(message?.blocks)).not.toContain('k8sq:a:d1:0');
  });

  it('GIVEN `ratelimited` with Retry-After: 2 THEN a transient fault carrying 2,000 ms, and no retry of its own', async () => {
    fake.fail('chat.postMessage', { status: 429, error: 'ratelimited', retryAfter: 2 });
    const before = fake.callsOf('chat.postMessage').length;
    const error = await failure(outbox.post(team('C1'), view));
    expect(error.kind).toBe('transient');
    expect(error.retryAfterMs).toBe(2000);
    expect(fake.callsOf('chat.postMessage').length).toBe(before + 1);
  });

  it('GIVEN a 5xx or a Slack-side error THEN a transient fault', async () => {
    fake.fail('chat.postMessage', { status: 503, error: 'service_unavailable' });
    expect((await failure(outbox.post(team('C1'), view))).kind).toBe('transient');
    fake.fail('chat.postMessage', { status: 200, error: 'internal_error' });
    expect((await failure(outbox.post(team('C1'), view))).kind).toBe('transient');
  });

  it('GIVEN channel_not_found, not_in_channel or is_archived THEN a permanent fault: the channel is gone', async () => {
    const cases = [
      ['CGONE', 'channel_not_found'],
      ['COUT', 'not_in_channel'],
      ['CARCH', 'is_archived'],
    ] as const;
    for (const [channel, trouble] of cases) {
      fake.state.channels.set(channel, trouble);
      const error = await failure(outbox.post(team(channel), view));
      expect([error.kind, error.reason, error.message]).toEqual([
        'permanent',
        'gone',
        `slack chat.postMessage: ${trouble}`,
      ]);
    }
  });

  it('GIVEN a scope the install lacks THEN a permanent fault: forbidden', async () => {
    fake.fail('chat.postMessage', { error: 'missing_scope' });
    const error = await failure(outbox.post(team('C1'), view));
    expect([error.kind, error.reason]).toEqual(['permanent', 'forbidden']);
  });

  it('GIVEN the question message was deleted THEN the update is skipped without a fault', async () => {
    await expect(outbox.update(team('C1'), '1.999999', view)).resolves.toBeUndefined();
    expect(fake.callsOf('chat.update').at(-1)?.reply.error).toBe('message_not_found');
  });

  it('GIVEN Slack unreachable THEN a transient fault', async () => {
    const logger = recordingLogger();
    const offline = new SlackOutbox(
      outboxClient('xoxb-test-token', 'http://127.0.0.1:9/api/', logger),
      logger,
    );
    expect((await failure(offline.post(team('C1'), view))).kind).toBe('transient');
  });
});
