import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeAction } from '../../src/core/actions.js';
import { BODY_LIMIT_BYTES } from '../../src/platforms/slack/http-receiver.js';
import { FakeDiscord } from '../fakes/discord/fake-discord.js';
import { buttonsOf, type FakeMessage } from '../fakes/discord/fake-state.js';
import { buttonPress, slashCommand } from '../fakes/discord/payloads.js';
import { blockActionsBody, type Place, slashCommandBody } from '../fakes/slack/payloads.js';
import { slackSignature } from '../fakes/slack/signed-request.js';
import type { BotProcess } from '../support/bot-process.js';
import { actionIdsOf, SIGNING_SECRET, SlackWorld, WORKSPACE } from './slack-world.js';

const SLACK_CHANNEL = 'CHOSTILE';
const GUILD = '740000000000000001';
const CHANNEL = '740000000000000002';
const place: Place = { teamId: WORKSPACE, channelId: SLACK_CHANNEL, userId: 'UEVE', userName: 'eve' };
const eve = { id: '740000000000000009', name: 'Eve' };

let world: SlackWorld;
let discord: FakeDiscord;
let bot: BotProcess;
let slackRound = '';
let discordRound = '';
let slackQuestion: { ts: string; actionId: string };
let discordQuestion: FakeMessage;

/** POSTs a correctly signed body with any content type. */
async function signed(body: string, contentType = 'application/x-www-form-urlencoded') {
  const timestamp = Math.floor(Date.now() / 1000);
  const res = await fetch(bot.url('/slack/events'), {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': slackSignature(SIGNING_SECRET, timestamp, body),
    },
    body,
  });
  return { status: res.status, text: await res.text() };
}

/** A real press payload (on the posted question) with some fields changed. */
function pressWith(change: (payload: Record<string, unknown>) => void, key: string): string {
  const form = new URLSearchParams(
    blockActionsBody(place, {
      actionId: slackQuestion.actionId,
      messageTs: slackQuestion.ts,
      responseUrl: world.fake.responseUrl(key),
    }),
  );
  const payload = JSON.parse(form.get('payload') ?? '{}') as Record<string, unknown>;
  change(payload);
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

function commandWithout(field: string, key: string): string {
  const form = new URLSearchParams(slashCommandBody(place, 'start 3', world.fake.responseUrl(key)));
  form.delete(field);
  return form.toString();
}

beforeAll(async () => {
  discord = await FakeDiscord.start({
    guilds: [{ id: GUILD, name: 'g', channels: [{ id: CHANNEL, name: 'quiz' }] }],
  });
  world = await SlackWorld.start({
    teams: [{ channelId: SLACK_CHANNEL }, { platform: 'discord', workspaceId: GUILD, channelId: CHANNEL }],
  });
  bot = await world.startBot(discord.env);
  await bot.waitReady(40_000);
  await world.runDaily(SLACK_CHANNEL);
  await world.runDaily(CHANNEL, `discord:${GUILD}:${CHANNEL}`);
  const message = await world.fake.waitFor(
    () => world.fake.state.messages.find((m) => m.channel === SLACK_CHANNEL && actionIdsOf(m).length > 0),
    20_000,
  );
  slackQuestion = { ts: message.ts, actionId: actionIdsOf(message)[0] ?? '' };
  slackRound = (decodeAction(slackQuestion.actionId) as { roundId: string }).roundId;
  discordQuestion = await discord.waitFor('the Discord daily', () =>
    discord.channelMessages(CHANNEL).find((m) => buttonsOf(m).length > 0),
  );
  discordRound = (decodeAction(buttonsOf(discordQuestion)[0]?.custom_id ?? '') as { roundId: string })
    .roundId;
}, 90_000);
afterAll(async () => {
  await world.stop();
  await discord.close();
});

describe('hostile input at the real endpoints (one bot process, Slack HTTP and the Discord gateway)', () => {
  it.each([
    ['JSON null', () => signed('null', 'application/json'), 400],
    ['a JSON number', () => signed('42', 'application/json'), 400],
    ['a JSON string', () => signed('"hello"', 'application/json'), 400],
    ['a JSON array', () => signed('[]', 'application/json'), 400],
    ['broken JSON', () => signed('{"type":', 'application/json'), 400],
    [
      'an event type the bot never subscribed to',
      () => signed('{"type":"event_callback","event":{}}', 'application/json'),
      200,
    ],
    ['payload=null', () => signed('payload=null'), 400],
    ['payload=42', () => signed('payload=42'), 400],
    ['payload that is not JSON', () => signed('payload=%7Bnope'), 400],
    [
      'block_actions with user: null',
      () =>
        signed(
          pressWith((p) => {
            p.user = null;
          }, 'h1'),
        ),
      400,
    ],
    [
      'block_actions without user',
      () =>
        signed(
          pressWith((p) => {
            delete p.user;
          }, 'h2'),
        ),
      400,
    ],
    [
      'block_actions without channel',
      () =>
        signed(
          pressWith((p) => {
            delete p.channel;
            delete p.container;
          }, 'h3'),
        ),
      400,
    ],
    [
      'block_actions without any workspace',
      () =>
        signed(
          pressWith((p) => {
            p.team = null;
            p.user = { id: 'UEVE' };
          }, 'h4'),
        ),
      400,
    ],
    [
      'block_actions with actions: null',
      () =>
        signed(
          pressWith((p) => {
            p.actions = null;
          }, 'h5'),
        ),
      400,
    ],
    [
      'block_actions with no actions',
      () =>
        signed(
          pressWith((p) => {
            p.actions = [];
          }, 'h6'),
        ),
      400,
    ],
    [
      'block_actions with a numeric action_id',
      () =>
        signed(
          pressWith((p) => {
            p.actions = [{ action_id: 7 }];
          }, 'h7'),
        ),
      400,
    ],
    [
      'an interaction type the bot does not use',
      () =>
        signed(
          pressWith((p) => {
            p.type = 'shortcut';
          }, 'h8'),
        ),
      200,
    ],
    [
      'a view_submission without its view',
      () =>
        signed(
          pressWith((p) => {
            p.type = 'view_submission';
          }, 'h8b'),
        ),
      400,
    ],
    ['a slash command without user_id', () => signed(commandWithout('user_id', 'h9')), 400],
    ['a slash command without channel_id', () => signed(commandWithout('channel_id', 'h10')), 400],
    ['a slash command without team_id', () => signed(commandWithout('team_id', 'h11')), 400],
    [
      'another app’s slash command',
      () => signed(slashCommandBody(place, 'x', world.fake.responseUrl('h12')).replace('k8s-quiz', 'other')),
      200,
    ],
    ['a form with neither payload nor command', () => signed('foo=bar'), 400],
    ['an unknown content type', () => signed('<xml/>', 'text/xml'), 400],
    [
      `a body over ${BODY_LIMIT_BYTES / 1024} kB`,
      () => signed(`payload=${'x'.repeat(BODY_LIMIT_BYTES + 10)}`),
      413,
    ],
  ])('GIVEN a correctly signed Slack request with %s THEN %i, no crash', async (_what, send, status) => {
    const res = await send();
    expect(res.status).toBe(status);
    expect(bot.alive).toBe(true);
  });

  it('GIVEN Slack’s ssl_check and url_verification THEN 200 (the challenge echoed), nothing processed', async () => {
    expect((await signed('ssl_check=1&token=x')).status).toBe(200);
    const challenge = await signed('{"type":"url_verification","challenge":"c-123"}', 'application/json');
    expect(challenge).toEqual({ status: 200, text: '{"challenge":"c-123"}' });
  });

  it.each([
    [
      'neither member nor user',
      (p: Record<string, unknown>) => {
        delete p.member;
        delete p.user;
      },
    ],
    [
      'a member without user',
      (p: Record<string, unknown>) => {
        p.member = { permissions: '0' };
      },
    ],
    [
      'no data',
      (p: Record<string, unknown>) => {
        delete p.data;
      },
    ],
    [
      'an unknown interaction type',
      (p: Record<string, unknown>) => {
        p.type = 99;
      },
    ],
    [
      'a custom_id of 5,000 characters',
      (p: Record<string, unknown>) => {
        p.data = { custom_id: 'k'.repeat(5000), component_type: 2 };
      },
    ],
  ])('GIVEN a Discord button press with %s THEN it is dropped, the bot runs on', async (_what, change) => {
    const payload = buttonPress(
      discord.place(GUILD, CHANNEL),
      eve,
      discordQuestion,
      buttonsOf(discordQuestion)[0]?.custom_id ?? '',
    ) as unknown as Record<string, unknown>;
    change(payload);
    discord.interact(payload as never);
    await new Promise((r) => setTimeout(r, 300));
    expect(bot.alive).toBe(true);
    expect(discord.responsesTo(String(payload.id))).toEqual([]);
  });

  it('GIVEN Discord presses with unknown or forged component ids THEN the polite "closed" answer and nothing recorded', async () => {
    for (const customId of [
      'garbage',
      'k8sq:a:no-such-round:1',
      `k8sq:a:${discordRound}:99`,
      'k8sq:r:../../etc',
    ]) {
      const id = discord.interact(buttonPress(discord.place(GUILD, CHANNEL), eve, discordQuestion, customId));
      const [reply] = await discord.waitFor(
        `reply to ${customId}`,
        () => discord.responsesTo(id).length > 0 && discord.responsesTo(id),
      );
      expect(reply?.ephemeral).toBe(true);
    }
  });

  it('GIVEN a Discord command whose options have the wrong types THEN a usage reply or a drop, never a started round', async () => {
    const sub = slashCommand(discord.place(GUILD, CHANNEL), eve, 'start', { count: 'lots', seconds: 'soon' });
    const id = discord.interact(sub);
    const [reply] = await discord.waitFor(
      'the usage reply',
      () => discord.responsesTo(id).length > 0 && discord.responsesTo(id),
    );
    expect(reply?.ephemeral).toBe(true);
    // An Integer option whose value is a string is malformed: dropped before discord.js.
    const mistyped = slashCommand(discord.place(GUILD, CHANNEL), eve, 'start', { count: 3 }) as unknown as {
      id: string;
      data: { options: { options: { value: unknown }[] }[] };
    };
    const first = mistyped.data.options[0]?.options[0];
    if (first) first.value = 'three';
    discord.interact(mistyped as never);
    await new Promise((r) => setTimeout(r, 300));
    expect(discord.responsesTo(mistyped.id)).toEqual([]);
  });

  it('GIVEN all of the above THEN nothing was recorded, no 5xx, no error line, and a real press still works on both platforms', async () => {
    expect(await world.answered(slackRound)).toEqual([]);
    expect(await world.answered(discordRound)).toEqual([]);
    expect(await world.redis.keys(`${world.prefix}live-slot:*`)).toEqual([]);
    expect(bot.stderr).toBe('');
    expect(bot.logs.filter((l) => l.level >= 50)).toEqual([]);

    const ok = await world.press(bot, place, slackQuestion.ts, slackQuestion.actionId, 'real-press');
    expect(ok.status).toBe(200);
    await world.fake.waitFor(() => world.fake.responses.find((r) => r.key === 'real-press'));
    const id = discord.interact(
      buttonPress(
        discord.place(GUILD, CHANNEL),
        eve,
        discordQuestion,
        buttonsOf(discordQuestion)[0]?.custom_id ?? '',
      ),
    );
    await discord.waitFor('the recorded answer', () => discord.responsesTo(id).length > 0);
    expect(await world.answered(slackRound)).toEqual(['UEVE']);
    expect(await world.answered(discordRound)).toEqual([eve.id]);
  });
});
