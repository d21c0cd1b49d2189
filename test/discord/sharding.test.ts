import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { View } from '../../src/core/view.js';
import type { PlatformAdapter } from '../../src/platforms/adapter.js';
import { FakeDiscord } from '../fakes/discord/fake-discord.js';
import { shardOf } from '../fakes/discord/gateway.js';
import { type FakePlayer, slashCommand } from '../fakes/discord/payloads.js';
import { scriptedEngine, startAdapter } from './support.js';

/** Two servers whose events Discord routes to different shards of two: (id >> 22) % 2. */
const GUILDS = [
  { id: '711111111111111111', name: 'Shard zero', channels: [{ id: '722222222222222222', name: 'quiz' }] },
  { id: '711111111115305415', name: 'Shard one', channels: [{ id: '733333333333333333', name: 'quiz' }] },
];
const bob: FakePlayer = { id: '300000000000000002', name: 'Bob' };
const view: View = { visibility: 'private', tone: 'info', body: 'ok' };
const { engine, requests } = scriptedEngine(() => [view]);
let fake: FakeDiscord;
let adapter: PlatformAdapter;

beforeAll(async () => {
  fake = await FakeDiscord.start({ guilds: GUILDS, shards: 2 });
  adapter = await startAdapter(fake, engine);
});
afterAll(async () => {
  await adapter.stop();
  await fake.close();
});

describe('the Discord gateway, sharded', () => {
  test('GIVEN GET /gateway/bot recommends 2 shards THEN the bot identifies as shard 0 and shard 1 of 2, in one process, and is ready', () => {
    expect(GUILDS.map((g) => shardOf(g.id, 2))).toEqual([0, 1]);
    expect(fake.gateway.identifies.map((i) => i.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(fake.gateway.readySessions).toBe(2);
    expect(adapter.ready()).toBe(true);
  });

  test('GIVEN a command in each server THEN each arrives on its own shard only and is answered once', async () => {
    const ids = GUILDS.map((g) =>
      fake.interact(slashCommand(fake.place(g.id, g.channels[0]?.id ?? ''), bob, 'help')),
    );
    for (const id of ids) await fake.waitFor(`the answer to ${id}`, () => fake.responsesTo(id).length > 0);
    await new Promise((r) => setTimeout(r, 200));
    expect(fake.gateway.dispatched.filter((d) => d.t === 'INTERACTION_CREATE')).toEqual([
      { t: 'INTERACTION_CREATE', shard: 0, id: ids[0] },
      { t: 'INTERACTION_CREATE', shard: 1, id: ids[1] },
    ]);
    expect(requests.map((r) => r.team.workspaceId).sort()).toEqual(GUILDS.map((g) => g.id).sort());
    expect(ids.map((id) => fake.responsesTo(id).length)).toEqual([1, 1]);
    // A second delivery of the same interaction would have been refused as acknowledged twice.
    expect(fake.requests.filter((r) => r.status === 400)).toEqual([]);
  });
});
