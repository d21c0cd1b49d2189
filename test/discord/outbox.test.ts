import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Team } from '../../src/core/model.js';
import { DeliveryError, type PostStep } from '../../src/core/ports.js';
import type { View } from '../../src/core/view.js';
import { DiscordOutbox, nonceOf } from '../../src/platforms/discord/outbox.js';
import { createRest, type REST } from '../../src/platforms/discord/rest.js';
import { FakeDiscord } from '../fakes/discord/fake-discord.js';
import { buttonsOf } from '../fakes/discord/fake-state.js';
import { testTeam } from '../support/teams.js';
import { recordingLogger } from './support.js';

const CHANNEL = '222222222222222222';
const team: Team = testTeam({ platform: 'discord', workspaceId: '111111111111111111', channelId: CHANNEL });
const view: View = {
  visibility: 'channel',
  title: 'Question',
  body: 'Ping @everyone and <@123> and <@&456>',
  buttons: [{ action: 'k8sq:a:r1:0', label: 'A' }],
};

let fake: FakeDiscord;
let rest: REST;
const logger = recordingLogger();
let outbox: DiscordOutbox;
beforeAll(async () => {
  fake = await FakeDiscord.start();
  rest = createRest({ api: fake.apiUrl, retries: 0 }).setToken(fake.token);
  outbox = new DiscordOutbox(rest, logger);
});
afterEach(() => fake.clearFaults());
afterAll(async () => {
  rest.clearHashSweeper();
  rest.clearHandlerSweeper();
  await fake.close();
});

let steps = 0;
/** A fresh step each time, as the engine gives every post its own. */
const step = (id = `post:test-${++steps}`, retry = false): PostStep => ({
  id,
  intendedAt: Date.now(),
  retry,
});

const postError = async (): Promise<DeliveryError> => {
  const error = await outbox.post(team, view, step()).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
};
const channelPosts = () => fake.requestsTo('POST', new RegExp(`/channels/${CHANNEL}/messages$`)).length;

describe('DiscordOutbox', () => {
  test('GIVEN a view THEN it is posted to the team channel with mentions disabled, and the ref updates it', async () => {
    const { ref } = await outbox.post(team, view, step());
    const [message] = fake.channelMessages(CHANNEL).filter((m) => m.id === ref);
    expect(message?.allowed_mentions).toEqual({ parse: [] });
    expect(message?.embeds[0]?.description).toContain('@everyone');
    await outbox.update(team, ref, {
      ...view,
      buttons: [{ action: 'k8sq:a:r1:0', label: 'A', disabled: true }],
    });
    expect(buttonsOf(message).map((b) => b.disabled)).toEqual([true]);
    expect(message?.edits).toBe(1);
  });

  test('GIVEN one step posted twice THEN both calls carry its nonce with enforce_nonce, and Discord keeps one message', async () => {
    const before = fake.channelMessages(CHANNEL).length;
    const first = await outbox.post(team, view, step('reveal:r-twice'));
    const again = await outbox.post(team, view, step('reveal:r-twice', true));
    expect(again.ref).toBe(first.ref);
    expect(fake.channelMessages(CHANNEL).length - before).toBe(1);
    const bodies = fake
      .requestsTo('POST', /\/messages$/)
      .slice(-2)
      .map((r) => r.body);
    expect(bodies).toEqual([
      expect.objectContaining({ nonce: nonceOf('reveal:r-twice', 0), enforce_nonce: true }),
      expect.objectContaining({ nonce: nonceOf('reveal:r-twice', 0), enforce_nonce: true }),
    ]);
  });

  test('GIVEN step ids THEN nonces fit Discord’s 25 characters and differ per step and part', () => {
    const nonces = ['post:day-20261126-abc', 'reveal:day-20261126-abc', 'weekly:slack:W:C:2026-W48'].flatMap(
      (id) => [0, 1, 12].map((part) => nonceOf(id, part)),
    );
    expect(new Set(nonces).size).toBe(nonces.length);
    for (const nonce of nonces) expect(nonce.length).toBeLessThanOrEqual(25);
  });

  test('GIVEN the channel answers 403 Missing Permissions THEN a permanent "forbidden" fault, asked once', async () => {
    const before = channelPosts();
    fake.fail({
      path: /\/channels\/\d+\/messages$/,
      reply: { status: 403, body: { message: 'Missing Permissions', code: 50013 } },
    });
    const error = await postError();
    expect(error).toMatchObject({ kind: 'permanent', reason: 'forbidden' });
    expect(channelPosts() - before).toBe(1);
  });

  test('GIVEN a deleted channel (404 Unknown Channel) THEN a permanent "gone" fault', async () => {
    fake.fail({
      path: /\/channels\/\d+\/messages$/,
      reply: { status: 404, body: { message: 'Unknown Channel', code: 10003 } },
    });
    expect(await postError()).toMatchObject({ kind: 'permanent', reason: 'gone' });
  });

  test('GIVEN a 500 THEN a transient fault after one request (the job retries with backoff, not discord.js)', async () => {
    const before = channelPosts();
    fake.fail({
      path: /\/channels\/\d+\/messages$/,
      reply: { status: 500, body: { message: 'oops', code: 0 } },
    });
    expect(await postError()).toMatchObject({ kind: 'transient' });
    expect(channelPosts() - before).toBe(1);
  });

  test('GIVEN one 429 with Retry-After THEN discord.js waits it out and the post succeeds', async () => {
    const before = channelPosts();
    fake.fail({
      path: /\/channels\/\d+\/messages$/,
      times: 1,
      reply: {
        status: 429,
        headers: { 'retry-after': '0.2', 'x-ratelimit-scope': 'user' },
        body: { message: 'You are being rate limited.', retry_after: 0.2, global: false },
      },
    });
    const started = Date.now();
    const { ref } = await outbox.post(team, view, step());
    expect(ref).toMatch(/^\d+$/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(channelPosts() - before).toBe(2);
  });

  test('GIVEN Discord unreachable THEN a transient fault', async () => {
    const down = createRest({ api: 'http://127.0.0.1:9/api', retries: 0, timeout: 2000 }).setToken('x');
    const error = await new DiscordOutbox(down, logger).post(team, view, step()).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'transient' });
  });

  test('GIVEN the question message was deleted THEN update logs a warning and does not fail', async () => {
    await outbox.update(team, '999999999999999999', view);
    expect(logger.lines.some((l) => l.level === 'warn' && l.msg?.includes('deleted'))).toBe(true);
  });
});
