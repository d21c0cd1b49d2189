import type { Socket } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAppConfig } from '../../src/config/load-config.js';
import type { Team } from '../../src/core/model.js';
import { dailyRoundIds } from '../../src/core/round-ids.js';
import { Keys } from '../../src/store/keys.js';
import { createRedisStore } from '../../src/store/redis-store.js';
import { callScript } from '../../src/store/script-wire.js';
import { startLocalRedis } from '../support/redis-server.js';

describe('Scripts sent as one prebuilt EVALSHA (script-wire.ts)', () => {
  const server = startLocalRedis();
  const prefix = 'wire:';
  afterAll(async () => (await server).stop());

  it('GIVEN a team with non-ASCII text, and then a server whose scripts were flushed THEN the daily read returns it as stored, both times', async () => {
    const client = new Redis((await server).url, { maxRetriesPerRequest: null });
    try {
      const store = createRedisStore(client, prefix);
      const config = await loadAppConfig();
      const address = { platform: 'slack' as const, workspaceId: 'W1', channelId: 'C通道' };
      const team: Team = { id: 'slack:W1:C通道', address, settings: config.team, fault: '频道已归档 ✓' };
      await store.teams.save(team);
      await client.hset(new Keys(prefix).daily(team.id), 'lastCategory', '网络', 'lastDate', '2026-12-01');
      const ids = dailyRoundIds(team.id, ['2026-12-01', '2026-12-02', '2026-12-03']);
      const read = () => store.daily.context(team.id, ids, 3);
      const first = await read();
      expect(first.team).toEqual(team);
      expect(first.history).toMatchObject({ lastCategory: '网络', lastDate: '2026-12-01' });
      expect(first.rounds).toEqual([undefined, undefined, undefined]);
      // NOSCRIPT: nothing ran; the call goes again through ioredis, which sends the script.
      await client.script('FLUSH');
      expect(await read()).toEqual(first);
    } finally {
      client.disconnect();
    }
  });

  it("GIVEN yesterday's and tomorrow's rounds stored and today's not THEN the daily read returns their ids and items in date order, and nothing for today", async () => {
    const client = new Redis((await server).url, { maxRetriesPerRequest: null });
    try {
      const store = createRedisStore(client, prefix);
      const config = await loadAppConfig();
      const address = { platform: 'slack' as const, workspaceId: 'W3', channelId: 'C1' };
      const team: Team = { id: 'slack:W3:C1', address, settings: config.team };
      await store.teams.save(team);
      const ids = dailyRoundIds(team.id, ['2026-12-01', '2026-12-02', '2026-12-03']);
      await client.hset(new Keys(prefix).round(ids[0] as string), {
        id: ids[0],
        quizId: 'pod-lifecycle-2',
        status: 'closed',
        localDate: '2026-12-01',
      });
      await client.hset(new Keys(prefix).round(ids[2] as string), { id: ids[2], quizId: 'svc-dns-1' });
      const read = await store.daily.context(team.id, ids, 3);
      expect(read.rounds).toEqual([
        { id: ids[0], quizId: 'pod-lifecycle-2' },
        undefined,
        { id: ids[2], quizId: 'svc-dns-1' },
      ]);
    } finally {
      client.disconnect();
    }
  });

  it('GIVEN 50 daily reads started in the same tick THEN they leave in one write to the socket and each gets its own reply', async () => {
    const client = new Redis((await server).url, { maxRetriesPerRequest: null });
    try {
      const store = createRedisStore(client, prefix);
      const config = await loadAppConfig();
      const teams = Array.from({ length: 50 }, (_, i): Team => {
        const address = { platform: 'slack' as const, workspaceId: 'W2', channelId: `C${i}` };
        return { id: `slack:W2:C${i}`, address, settings: config.team };
      });
      await Promise.all(teams.map((t) => store.teams.save(t)));
      const ids = (teamId: string) => dailyRoundIds(teamId, ['2026-12-01', '2026-12-02', '2026-12-03']);
      await store.daily.context(teams[0]?.id ?? '', ids(teams[0]?.id ?? ''), 3); // loads the script
      const socket = (client as unknown as { stream: Socket }).stream;
      const writes = { single: 0, batched: 0 };
      const write = socket._write.bind(socket);
      const writev = socket._writev?.bind(socket);
      socket._write = (...args) => {
        writes.single += 1;
        write(...args);
      };
      socket._writev = (chunks, callback) => {
        writes.batched += 1;
        writev?.(chunks, callback);
      };
      const reads = await Promise.all(teams.map((t) => store.daily.context(t.id, ids(t.id), 3)));
      expect(reads.map((r) => r.team?.id)).toEqual(teams.map((t) => t.id));
      expect(writes).toEqual({ single: 0, batched: 1 });
    } finally {
      client.disconnect();
    }
  });

  it('GIVEN the wrong number of keys THEN the call is refused before anything is sent', async () => {
    const client = new Redis((await server).url, { maxRetriesPerRequest: null });
    try {
      await expect(callScript(client, 'readDaily', ['only-one'], ['3'])).rejects.toThrow('takes 9 keys');
    } finally {
      client.disconnect();
    }
  });

  it('GIVEN arguments of every kind — empty, ASCII, CJK, emoji, and one longer than the build buffer — sent in one turn THEN each arrives byte for byte', async () => {
    const client = new Redis((await server).url, { maxRetriesPerRequest: null });
    try {
      const texts = [
        '',
        'plain-ascii:ref',
        '频道已归档 ✓',
        'a😀b\r\n$3\r\n',
        `${'x'.repeat(9000)}界${'y'.repeat(9000)}`,
      ];
      const keys = (i: number) => [`wire:step:${i}`, 'wire:in-flight'];
      for (const [i] of texts.entries())
        await client.hset(`wire:step:${i}`, 'id', `s${i}`, 'state', 'intended');
      // advance-step.lua stores its second argument as the step's ref (unless empty).
      const moved = await Promise.all(
        texts.map((text, i) => callScript(client, 'advanceStep', keys(i), ['sent', text])),
      );
      expect(moved).toEqual(texts.map(() => 1));
      const refs = await Promise.all(texts.map((_, i) => client.hget(`wire:step:${i}`, 'ref')));
      expect(refs).toEqual([null, ...texts.slice(1)]);
    } finally {
      client.disconnect();
    }
  });
});
