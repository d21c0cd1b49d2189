import { GatewayIntentBits, MessageFlags } from 'discord.js';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Request } from '../../src/core/command.js';
import type { View } from '../../src/core/view.js';
import type { PlatformAdapter } from '../../src/platforms/adapter.js';
import { FakeDiscord } from '../fakes/discord/fake-discord.js';
import { buttonPress, type FakePlayer, slashCommand, userOf } from '../fakes/discord/payloads.js';
import { recordingLogger, scriptedEngine, startAdapter, startHttpAdapter } from './support.js';

const GUILD = '111111111111111111';
const CHANNEL = '222222222222222222';
const ann: FakePlayer = { id: '300000000000000001', name: 'Ann', admin: true };
const bob: FakePlayer = { id: '300000000000000002', name: 'Bob' };

const privateView: View = { visibility: 'private', tone: 'info', body: 'just for you <@300000000000000002>' };
const channelView: View = { visibility: 'channel', tone: 'info', body: 'for everyone @everyone' };

/** What the scripted engine answers next, and how long it takes. */
let script: { views: View[]; delayMs: number; fail?: boolean } = { views: [privateView], delayMs: 0 };
const { engine, requests } = scriptedEngine(async () => {
  await new Promise((r) => setTimeout(r, script.delayMs));
  if (script.fail) throw new Error('boom');
  return script.views;
});
const logger = recordingLogger();
let fake: FakeDiscord;
let adapter: PlatformAdapter;

const place = () => fake.place(GUILD, CHANNEL);
const lastRequest = (): Request | undefined => requests.at(-1);
const responses = (id: string, n: number) =>
  fake.waitFor(`${n} response(s) to ${id}`, () => {
    const found = fake.responsesTo(id).filter((m) => m.content !== '' || m.embeds.length > 0);
    return found.length >= n && found;
  });

/** The same handling whichever way Discord delivers: the gateway, or signed POSTs (HTTP interactions). */
describe.each(['gateway', 'http'] as const)('the Discord adapter (%s)', (transport) => {
  beforeAll(async () => {
    fake = await FakeDiscord.start({
      guilds: [{ id: GUILD, name: 'Platform team', channels: [{ id: CHANNEL, name: 'quiz' }] }],
    });
    adapter = await (transport === 'http' ? startHttpAdapter : startAdapter)(fake, engine, {}, logger);
  });
  afterAll(async () => {
    await adapter.stop();
    await fake.close();
  });
  beforeEach(() => {
    script = { views: [privateView], delayMs: 0 };
  });

  test('GIVEN the adapter started THEN on the gateway it identified with the Guilds intent only; over HTTP it opened no gateway session', () => {
    if (transport === 'gateway') {
      expect(fake.requestsTo('GET', /^\/gateway\/bot$/)).toHaveLength(1);
      expect(fake.gateway.identifies.map((i) => i.intents)).toEqual([GatewayIntentBits.Guilds]);
      expect(fake.gateway.connections[0]?.get('encoding')).toBe('json');
      expect(fake.gateway.connections[0]?.get('compress')).toBeNull();
    } else {
      expect(fake.requestsTo('GET', /^\/gateway\/bot$/)).toEqual([]);
      expect(fake.gateway.identifies).toEqual([]);
    }
    expect(adapter.ready()).toBe(true);
  });

  test('GIVEN /k8s-quiz start with typed options by a Manage Server member THEN the engine gets the typed command as an admin', async () => {
    const id = fake.interact(
      slashCommand(place(), ann, 'start', { count: 3, category: 'networking', seconds: 20 }),
    );
    await responses(id, 1);
    expect(lastRequest()).toEqual({
      team: { platform: 'discord', workspaceId: GUILD, channelId: CHANNEL },
      actor: { id: ann.id, name: 'Ann', isAdmin: true },
      command: { name: 'start', count: 3, seconds: 20, category: 'networking' },
    });
  });

  test('GIVEN a member without Manage Server THEN isAdmin is false, so the engine refuses admin commands', async () => {
    const id = fake.interact(slashCommand(place(), bob, 'pause'));
    await responses(id, 1);
    expect(lastRequest()?.actor).toEqual({ id: bob.id, name: 'Bob', isAdmin: false });
    expect(lastRequest()?.command).toEqual({ name: 'pause' });
  });

  test('GIVEN stats player:@Bob THEN the engine gets Bob by id', async () => {
    const id = fake.interact(slashCommand(place(), ann, 'stats', { player: { user: bob } }));
    await responses(id, 1);
    expect(lastRequest()?.command).toEqual({ name: 'stats', player: { id: bob.id, name: 'Bob' } });
  });

  test('GIVEN an Administrator without Manage Server itself THEN isAdmin is true (Administrator implies it)', async () => {
    const command = slashCommand(place(), bob, 'pause');
    const id = fake.interact({ ...command, member: { ...command.member, permissions: String(1n << 3n) } });
    await responses(id, 1);
    expect(lastRequest()?.actor).toEqual({ id: bob.id, name: 'Bob', isAdmin: true });
  });

  test('GIVEN a member with a server nickname, and stats player:@Bob who has one too THEN both are named by their nicknames', async () => {
    const command = slashCommand(place(), ann, 'stats', { player: { user: bob } });
    const resolved = command.data.resolved as { members: Record<string, { nick?: string | null }> };
    resolved.members[bob.id] = { ...resolved.members[bob.id], nick: 'Bobby' };
    const id = fake.interact({ ...command, member: { ...command.member, nick: 'Annie' } });
    await responses(id, 1);
    expect(lastRequest()?.actor.name).toBe('Annie');
    expect(lastRequest()?.command).toEqual({ name: 'stats', player: { id: bob.id, name: 'Bobby' } });
  });

  test('GIVEN the engine has nothing to say to a press THEN the press is acknowledged without a message (deferred update)', async () => {
    script.views = [];
    const message = fake.state.createMessage(CHANNEL, { embeds: [{ description: 'q' }] }, 'channel');
    const id = fake.interact(buttonPress(place(), bob, message, 'k8sq:a:r1:0'));
    await fake.waitFor('the acknowledgement', () => fake.state.interactions.get(id)?.callbackType);
    expect(fake.state.interactions.get(id)?.callbackType).toBe(6);
    expect(fake.responsesTo(id)).toEqual([]);
  });

  test('GIVEN setup with a bad time THEN the engine gets the problem to explain', async () => {
    const id = fake.interact(
      slashCommand(place(), ann, 'setup', { timezone: 'Europe/Berlin', daily: '25:00' }),
    );
    await responses(id, 1);
    expect(lastRequest()?.command).toMatchObject({
      name: 'setup',
      changes: { timezone: 'Europe/Berlin' },
      problems: [{ key: 'setup.bad.time', params: { key: 'daily', value: '25:00' } }],
    });
  });

  test('GIVEN a private and a channel view THEN an ephemeral reply, then a public follow-up, none pinging anyone', async () => {
    script.views = [privateView, channelView];
    const id = fake.interact(slashCommand(place(), bob, 'leaderboard', { scope: 'week' }));
    const [reply, followUp] = await responses(id, 2);
    expect(reply).toMatchObject({ via: 'reply', ephemeral: true });
    expect(reply?.embeds[0]?.description).toBe(privateView.body);
    expect(followUp).toMatchObject({ via: 'followup', ephemeral: false });
    expect(followUp?.embeds[0]?.description).toBe(channelView.body);
    expect([reply?.allowed_mentions, followUp?.allowed_mentions]).toEqual([{ parse: [] }, { parse: [] }]);
  });

  test('GIVEN an engine slower than 3 s THEN the bot defers inside the deadline and then edits in the answer', async () => {
    script = { views: [privateView], delayMs: 3500 };
    const id = fake.interact(slashCommand(place(), bob, 'daily'));
    const [answer] = await responses(id, 1);
    const record = fake.state.interactions.get(id);
    expect(record?.callbackType).toBe(5);
    expect((record?.callbackAt ?? 0) - (record?.dispatchedAt ?? 0)).toBeLessThan(3000);
    expect(answer).toMatchObject({ ephemeral: true, edits: 1 });
    expect(answer?.embeds[0]?.description).toBe(privateView.body);
  });

  test('GIVEN a slow answer that is only for the channel THEN the private placeholder is removed and the view posted publicly', async () => {
    script = { views: [channelView], delayMs: 1800 };
    const id = fake.interact(slashCommand(place(), bob, 'help'));
    const [posted] = await responses(id, 1);
    expect(posted).toMatchObject({ via: 'followup', ephemeral: false });
    expect(fake.responsesTo(id)).toHaveLength(1);
  });

  test('GIVEN a private answer of 20,000 characters THEN it arrives as several ephemeral messages Discord accepts', async () => {
    const body = Array.from(
      { length: 40 },
      (_, i) => `${i}. ${'参考答案的一段很长的文字。'.repeat(38)}`,
    ).join('\n\n');
    script.views = [{ visibility: 'private', tone: 'info', title: 'Reference', body }];
    const id = fake.interact(slashCommand(place(), bob, 'daily'));
    const parts = await fake.waitFor('all parts', () => {
      const found = fake.responsesTo(id);
      const text = found.flatMap((m) => m.embeds.map((e) => e.description ?? '')).join('');
      return text.replace(/\s/g, '') === body.replace(/\s/g, '') && found;
    });
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((m) => m.ephemeral)).toBe(true);
    expect(fake.requests.filter((r) => r.status === 400)).toEqual([]);
  });

  test('GIVEN a press with a forged custom id THEN the engine gets an answer to an unknown round, privately answered', async () => {
    const message = fake.state.createMessage(CHANNEL, { embeds: [{ description: 'q' }] }, 'channel');
    const id = fake.interact(buttonPress(place(), bob, message, 'k8sq:a:../../etc:99'));
    const [reply] = await responses(id, 1);
    expect(lastRequest()?.command).toEqual({ name: 'answer', roundId: 'unknown', choice: 0 });
    expect(reply?.ephemeral).toBe(true);
  });

  test('GIVEN the engine fails unexpectedly THEN the player gets a short private apology', async () => {
    script = { views: [], delayMs: 0, fail: true };
    const id = fake.interact(slashCommand(place(), { ...bob, locale: 'en-US' }, 'daily'));
    const [reply] = await responses(id, 1);
    expect(reply?.ephemeral).toBe(true);
    expect(reply?.embeds[0]?.description).toMatch(/something went wrong/);
    expect(logger.lines.some((l) => l.level === 'error')).toBe(true);
  });

  test('GIVEN a command in a direct message THEN a private "servers only" reply and the engine is not asked', async () => {
    const before = requests.length;
    const { guild_id: _g, member: _m, ...dm } = slashCommand(place(), { ...bob, locale: 'en-US' }, 'help');
    const id = fake.interact({
      ...dm,
      user: userOf(bob),
      channel: { id: '5', type: 1 },
      context: 1,
    } as never);
    const [reply] = await responses(id, 1);
    expect(reply?.flags ?? 0).toBe(MessageFlags.Ephemeral);
    expect(reply?.content).toMatch(/server/);
    expect(requests.length).toBe(before);
  });
});
