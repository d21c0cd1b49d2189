import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { readEnv } from '../../src/config/env.js';
import { loadAppConfig } from '../../src/config/load-config.js';
import type { View } from '../../src/core/view.js';
import { HttpServer } from '../../src/http/server.js';
import { Intake } from '../../src/ops/intake.js';
import type { PlatformAdapter } from '../../src/platforms/adapter.js';
import { createDiscordAdapter, INTERACTIONS_PATH } from '../../src/platforms/discord/index.js';
import { FakeDiscord } from '../fakes/discord/fake-discord.js';
import { buttonPress, type FakePlayer, modalSubmit, slashCommand } from '../fakes/discord/payloads.js';
import { postSignedInteraction, signingKeys } from '../fakes/discord/signed-interaction.js';
import { recordingLogger, scriptedEngine } from './support.js';

const GUILD = '111111111111111111';
const CHANNEL = '222222222222222222';
const ann: FakePlayer = { id: '300000000000000001', name: 'Ann', admin: true };
const bob: FakePlayer = { id: '300000000000000002', name: 'Bob', locale: 'en-US' };

const privateView: View = { visibility: 'private', tone: 'info', body: 'just for you' };
let script: { views: View[]; delayMs: number } = { views: [privateView], delayMs: 0 };
const { engine, requests } = scriptedEngine(async () => {
  await new Promise((r) => setTimeout(r, script.delayMs));
  return script.views;
});
const logger = recordingLogger();
const intake = new Intake();
let fake: FakeDiscord;
let http: HttpServer;
let adapter: PlatformAdapter;

beforeAll(async () => {
  fake = await FakeDiscord.start({
    guilds: [{ id: GUILD, name: 'Platform team', channels: [{ id: CHANNEL, name: 'quiz' }] }],
  });
  http = new HttpServer(logger, intake);
  const port = await http.listen(0, '127.0.0.1');
  fake.interactionsUrl = `http://127.0.0.1:${port}${INTERACTIONS_PATH}`;
  const env = readEnv({ ...fake.env, DISCORD_PUBLIC_KEY: fake.publicKey });
  adapter = createDiscordAdapter({ engine, config: await loadAppConfig(), env, logger, intake, http });
  await adapter.start();
});
afterAll(async () => {
  await adapter.stop();
  await http.close();
  await fake.close();
});
beforeEach(() => {
  script = { views: [privateView], delayMs: 0 };
});

const place = () => fake.place(GUILD, CHANNEL);
/** An interaction Discord knows about (its answer window starts now), delivered as `post` says. */
const known = <T extends { id: string }>(payload: T): T => {
  fake.state.interactions.set(payload.id, { payload: payload as never, dispatchedAt: Date.now() });
  return payload;
};
const logged = (msg: RegExp, reason?: string) =>
  logger.lines.some(
    (l) =>
      msg.test(l.msg ?? '') && (reason === undefined || (l.obj as { reason?: string }).reason === reason),
  );
const nothingAnswered = (id: string) => {
  expect(fake.state.interactions.get(id)?.callbackType).toBeUndefined();
  expect(fake.responsesTo(id)).toEqual([]);
};

describe('the Discord adapter over HTTP interactions', () => {
  test('GIVEN DISCORD_PUBLIC_KEY THEN the adapter is ready without a gateway session', () => {
    expect(adapter.ready()).toBe(true);
    expect(fake.gateway.identifies).toEqual([]);
    expect(fake.requestsTo('GET', /^\/gateway\/bot$/)).toEqual([]);
  });

  test('GIVEN a signed PING THEN PONG (type 1), the engine is not asked', async () => {
    const before = requests.length;
    const delivery = await fake.deliver({ body: { id: '1', application_id: fake.applicationId, type: 1 } });
    expect(delivery).toMatchObject({ status: 200, json: { type: 1 } });
    expect(requests.length).toBe(before);
  });

  test('GIVEN a signed slash command THEN the reply is the HTTP response (type 4), with the typed command as an admin', async () => {
    const id = fake.interact(slashCommand(place(), ann, 'start', { count: 3, seconds: 20 }));
    const delivery = await fake.waitFor('the delivery', () => fake.deliveries.find((d) => d.id === id));
    expect(delivery).toMatchObject({ status: 200, json: { type: 4, data: { flags: 64 } } });
    expect(delivery.refused).toBeUndefined();
    expect(requests.at(-1)).toEqual({
      team: { platform: 'discord', workspaceId: GUILD, channelId: CHANNEL },
      actor: { id: ann.id, name: 'Ann', isAdmin: true },
      command: { name: 'start', count: 3, seconds: 20 },
    });
    expect(fake.responsesTo(id)).toMatchObject([{ via: 'reply', ephemeral: true }]);
    expect(fake.requestsTo('POST', /^\/interactions\//)).toEqual([]);
  });

  test('GIVEN an engine slower than 3 s THEN the response defers (type 5) in time and the answer is edited in through the webhook', async () => {
    script = { views: [privateView], delayMs: 3500 };
    const id = fake.interact(slashCommand(place(), bob, 'daily'));
    const answer = await fake.waitFor('the edited answer', () =>
      fake.responsesTo(id).find((m) => m.embeds.length > 0),
    );
    const delivery = fake.deliveries.find((d) => d.id === id);
    expect(delivery).toMatchObject({ status: 200, json: { type: 5, data: { flags: 64 } } });
    expect(delivery?.ms).toBeLessThan(3000);
    expect(answer).toMatchObject({ ephemeral: true, edits: 1 });
    expect(answer.embeds[0]?.description).toBe('just for you');
    expect(fake.requestsTo('PATCH', /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/)).toHaveLength(1);
  });

  test('GIVEN a press whose answer is a form THEN the response opens the modal (type 9), and its signed submission reaches the engine as the form’s command', async () => {
    script.views = [
      {
        visibility: 'private',
        tone: 'info',
        body: 'tell us',
        form: {
          action: 'k8sq:f:quiz-1',
          title: 'Report',
          submitLabel: 'Send',
          fields: [
            {
              kind: 'choice',
              id: 'reason',
              label: 'Reason',
              options: [{ value: 'typo', label: 'Typo' }],
              required: true,
            },
          ],
        },
      },
    ];
    const message = fake.state.createMessage(CHANNEL, { embeds: [{ description: 'reveal' }] }, 'channel');
    const opened = fake.interact(buttonPress(place(), bob, message, 'k8sq:p:quiz-1'));
    const modal = await fake.waitFor('the modal', () => fake.state.interactions.get(opened)?.modal);
    expect(fake.deliveries.find((d) => d.id === opened)).toMatchObject({ status: 200, json: { type: 9 } });
    script.views = [privateView];
    const sent = fake.interact(modalSubmit(place(), bob, modal, { reason: 'typo' }, message));
    await fake.waitFor('the answer', () => fake.responsesTo(sent).length > 0);
    expect(requests.at(-1)?.command).toEqual({ name: 'submitReport', quizId: 'quiz-1', reason: 'typo' });
  });

  test('GIVEN a press signed with another key THEN 401, the engine is not asked, nothing answered', async () => {
    const before = requests.length;
    const message = fake.state.createMessage(CHANNEL, { embeds: [{ description: 'q' }] }, 'channel');
    const press = known(buttonPress(place(), bob, message, 'k8sq:a:r1:0'));
    const outcome = await postSignedInteraction(fake.interactionsUrl ?? '', signingKeys(), { body: press });
    expect(outcome.status).toBe(401);
    expect(requests.length).toBe(before);
    nothingAnswered(press.id);
    expect(logged(/signature refused/, 'bad signature')).toBe(true);
  });

  test('GIVEN a body altered after signing, or no signature headers THEN 401', async () => {
    const press = known(slashCommand(place(), bob, 'help'));
    const altered = await fake.deliver({
      body: { ...press, member: { ...press.member, permissions: '8' } },
      signedBody: JSON.stringify(press),
    });
    expect(altered.status).toBe(401);
    const unsigned = await fetch(fake.interactionsUrl ?? '', { method: 'POST', body: JSON.stringify(press) });
    expect(unsigned.status).toBe(401);
    nothingAnswered(press.id);
  });

  test('GIVEN a correctly signed request with a timestamp 10 minutes old (a replay) or ahead THEN 401', async () => {
    const before = requests.length;
    const press = known(slashCommand(place(), bob, 'help'));
    const now = Math.floor(Date.now() / 1000);
    expect((await fake.deliver({ body: press, timestamp: now - 600 })).status).toBe(401);
    expect((await fake.deliver({ body: press, timestamp: now + 600 })).status).toBe(401);
    expect(requests.length).toBe(before);
    nothingAnswered(press.id);
    expect(logged(/signature refused/, 'stale timestamp')).toBe(true);
  });

  test('GIVEN signed bodies that are not JSON, not an interaction, or a kind the bot does not take THEN 400, never 5xx, the engine not asked', async () => {
    const before = requests.length;
    const command = slashCommand(place(), bob, 'help');
    const { member: _m, ...memberless } = command;
    const bodies: unknown[] = [
      '{"type": 2, "id": ',
      'null',
      '[]',
      { type: 2 },
      memberless,
      { ...command, data: { ...command.data, options: [{ name: 'count', type: 4, value: 'x' }] } },
      { ...command, type: 4 }, // autocomplete
      { ...command, type: 3, data: { custom_id: 'k8sq:a:r:0', component_type: 3 } }, // a select menu
    ];
    const statuses = [];
    for (const body of bodies) statuses.push((await fake.deliver({ body })).status);
    expect(statuses).toEqual(bodies.map(() => 400));
    expect(requests.length).toBe(before);
    expect(
      logger.lines.filter((l) => /malformed interaction refused/.test(l.msg ?? '')).length,
    ).toBeGreaterThanOrEqual(bodies.length);
  });

  test('GIVEN a body over 256 kB THEN 413 before any check', async () => {
    const outcome = await fake.deliver({ body: { type: 2, pad: randomBytes(200_000).toString('hex') } });
    expect(outcome.status).toBe(413);
  });

  test('GIVEN a slash command of another application THEN 400 (unanswered) and the engine is not asked', async () => {
    const before = requests.length;
    const command = slashCommand(place(), bob, 'help');
    const id = fake.interact({ ...command, data: { ...command.data, name: 'other-bot' } });
    const delivery = await fake.waitFor('the delivery', () => fake.deliveries.find((d) => d.id === id));
    expect(delivery.status).toBe(400);
    expect(requests.length).toBe(before);
  });
});
