import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Team } from '../../src/core/model.js';
import { DeliveryError, type PostStep } from '../../src/core/ports.js';
import type { View } from '../../src/core/view.js';
import { SlackOutbox } from '../../src/platforms/slack/outbox.js';
import { outboxClient } from '../../src/platforms/slack/web-client.js';
import { FakeSlack } from '../fakes/slack/fake-slack.js';
import { testTeam } from '../support/teams.js';
import { recordingLogger } from './support.js';

const team = (channelId: string): Team =>
  testTeam({ platform: 'slack', workspaceId: 'T0001', channelId }, { timezone: 'UTC' });

let steps = 0;
/** A fresh step each time, as the engine gives every post its own. */
const step = (id = `post:test-${++steps}`, retry = false, intendedAt = Date.now()): PostStep => ({
  id,
  intendedAt,
  retry,
});

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
    const { ref } = await outbox.post(team('C1'), view, step('post:d1'));
    const message = fake.state.messages.find((m) => m.ts === ref);
    expect(message?.metadata).toEqual({
      event_type: 'k8s_quiz_post',
      event_payload: { step: 'post:d1', part: 0 },
    });
    expect(message?.channel).toBe('C1');
    expect(JSON.stringify(message?.blocks)).toContain('k8sq:a:d1:0');
    await outbox.update(team('C1'), ref, {
      ...view,
      buttons: [{ action: 'k8sq:a:d1:0', label: 'A', disabled: true }],
    });
    expect(message?.updates).toHaveLength(1);
    expect(JSON.stringify(message?.blocks)).not.toContain('k8sq:a:d1:0');
  });

  it('GIVEN `ratelimited` with Retry-After: 1 THEN the outbox waits it out and posts once', async () => {
    fake.fail('chat.postMessage', { status: 429, error: 'ratelimited', retryAfter: 1 });
    const before = fake.callsOf('chat.postMessage').length;
    const { ref } = await outbox.post(team('C429'), view, step());
    const calls = fake.callsOf('chat.postMessage').slice(before);
    expect(calls.map((c) => c.status)).toEqual([429, 200]);
    expect((calls[1]?.at ?? 0) - (calls[0]?.at ?? 0)).toBeGreaterThanOrEqual(1000);
    expect(fake.state.messages.filter((m) => m.channel === 'C429').map((m) => m.ts)).toEqual([ref]);
  });

  it('GIVEN `ratelimited` with Retry-After: 2 past the retries allowed THEN a transient fault carrying 2,000 ms', async () => {
    const logger = recordingLogger();
    const impatient = new SlackOutbox(outboxClient('xoxb-test-token', fake.apiUrl, logger), logger, {
      rateLimitRetries: 0,
    });
    fake.fail('chat.postMessage', { status: 429, error: 'ratelimited', retryAfter: 2 });
    const before = fake.callsOf('chat.postMessage').length;
    const error = await failure(impatient.post(team('C1'), view, step()));
    expect(error.kind).toBe('transient');
    expect(error.retryAfterMs).toBe(2000);
    expect(fake.callsOf('chat.postMessage').length).toBe(before + 1);
  });

  it('GIVEN a 5xx or a Slack-side error THEN a transient fault', async () => {
    fake.fail('chat.postMessage', { status: 503, error: 'service_unavailable' });
    expect((await failure(outbox.post(team('C1'), view, step()))).kind).toBe('transient');
    fake.fail('chat.postMessage', { status: 200, error: 'internal_error' });
    expect((await failure(outbox.post(team('C1'), view, step()))).kind).toBe('transient');
  });

  it('GIVEN channel_not_found, not_in_channel or is_archived THEN a permanent fault: the channel is gone', async () => {
    const cases = [
      ['CGONE', 'channel_not_found'],
      ['COUT', 'not_in_channel'],
      ['CARCH', 'is_archived'],
    ] as const;
    for (const [channel, trouble] of cases) {
      fake.state.channels.set(channel, trouble);
      const error = await failure(outbox.post(team(channel), view, step()));
      expect([error.kind, error.reason, error.message]).toEqual([
        'permanent',
        'gone',
        `slack chat.postMessage: ${trouble}`,
      ]);
    }
  });

  it('GIVEN a scope the install lacks THEN a permanent fault: forbidden', async () => {
    fake.fail('chat.postMessage', { error: 'missing_scope' });
    const error = await failure(outbox.post(team('C1'), view, step()));
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
    expect((await failure(offline.post(team('C1'), view, step()))).kind).toBe('transient');
  });

  describe('a retried step', () => {
    it('GIVEN the post is in the channel THEN it is found by its metadata and not posted again', async () => {
      const intendedAt = Date.now();
      const first = await outbox.post(team('C2'), view, step('reveal:r-found', false, intendedAt));
      const posts = fake.callsOf('chat.postMessage').length;
      const again = await outbox.post(team('C2'), view, step('reveal:r-found', true, intendedAt));
      expect(again).toEqual({ ref: first.ref, found: true });
      expect(fake.callsOf('chat.postMessage').length).toBe(posts);
      const lookup = fake.callsOf('conversations.history').at(-1);
      expect(lookup?.params).toMatchObject({ channel: 'C2', include_all_metadata: 'true' });
      expect(Number(lookup?.params.oldest)).toBeLessThanOrEqual(intendedAt / 1000);
    });

    it('GIVEN the post never reached Slack THEN the lookup finds nothing and it is posted once', async () => {
      const before = fake.state.messages.filter((m) => m.channel === 'C2').length;
      const receipt = await outbox.post(team('C2'), view, step('reveal:r-lost', true));
      expect(receipt.found).toBe(false);
      expect(fake.state.messages.filter((m) => m.channel === 'C2').length - before).toBe(1);
    });

    it('GIVEN a private channel THEN the lookup needs groups:history, which the manifest grants', async () => {
      fake.state.privateChannels.add('G1');
      const first = await outbox.post(team('G1'), view, step('reveal:r-private'));
      const again = await outbox.post(team('G1'), view, step('reveal:r-private', true));
      expect(again).toEqual({ ref: first.ref, found: true });
    });

    it('GIVEN the history lookup is rate limited THEN a transient fault and nothing posted', async () => {
      fake.fail('conversations.history', { status: 429, error: 'ratelimited', retryAfter: 1 });
      const posts = fake.callsOf('chat.postMessage').length;
      const error = await failure(outbox.post(team('C2'), view, step('reveal:r-limited', true)));
      expect([error.kind, error.retryAfterMs]).toEqual(['transient', 1000]);
      expect(fake.callsOf('chat.postMessage').length).toBe(posts);
    });
  });
});

describe('Slack outbox without channels:history', () => {
  it('GIVEN a retried step and the lookup refused (missing_scope) THEN it posts again and logs that a duplicate is possible', async () => {
    const fake = await FakeSlack.start({ scopes: ['commands', 'chat:write', 'users:read'] });
    try {
      const logger = recordingLogger();
      const outbox = new SlackOutbox(outboxClient('xoxb-test-token', fake.apiUrl, logger), logger);
      await outbox.post(team('C1'), view, step('reveal:r-blind'));
      const again = await outbox.post(team('C1'), view, step('reveal:r-blind', true));
      expect(again.found).toBe(false);
      expect(fake.callsOf('conversations.history').at(-1)?.reply.error).toBe('missing_scope');
      expect(fake.state.messages).toHaveLength(2);
      const warnings = logger.lines.filter((l) => l.level === 'warn' && l.msg?.includes('duplicate'));
      expect(warnings).toHaveLength(1);
    } finally {
      await fake.stop();
    }
  });
});
