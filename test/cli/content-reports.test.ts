import { describe, expect, it } from 'vitest';
import type { ItemReport } from '../../src/core/reports.js';
import { createRedisStore } from '../../src/store/redis-store.js';
import { useRedis } from '../support/redis.js';
import { runCli } from '../support/run-cli.js';

const { url, prefix, redis } = useRedis();
const store = createRedisStore(redis, prefix);
const env = { REDIS_URL: url, REDIS_PREFIX: prefix };

const report = (quizId: string, player: string, reason: ItemReport['reason'], at: number): ItemReport => ({
  quizId,
  teamId: 'slack:T1:C1',
  playerId: player,
  playerName: `name ${player}`,
  reason,
  at,
});

describe('`content reports` for maintainers', () => {
  it('GIVEN reports THEN --json groups them by item, most reporters first, and marks the held-back ones; clear releases one', async () => {
    const t0 = Date.parse('2026-11-26T02:00:00Z');
    for (const [i, p] of ['U1', 'U2', 'U3'].entries())
      await store.reports.record(report('pod-qos-eviction-order', p, 'outdated', t0 + i));
    await store.reports.record({ ...report('retired-item', 'U1', 'typo', t0), text: 'gRPC 拼写' });

    const listed = runCli(['content', 'reports', '--json'], env);
    expect(listed.stderr).toBe('');
    expect(listed.status).toBe(0);
    const { holdAfter, items } = JSON.parse(listed.stdout);
    expect(holdAfter).toBe(3);
    expect(items.map((i: { quizId: string }) => i.quizId)).toEqual([
      'pod-qos-eviction-order',
      'retired-item',
    ]);
    expect(items[0]).toMatchObject({ questionId: 'pod-qos-classes', reporters: 3, heldBack: true });
    expect(items[0].reports.map((r: ItemReport) => r.playerId)).toEqual(['U1', 'U2', 'U3']);
    expect(items[1]).toMatchObject({ reporters: 1, heldBack: false });
    expect(items[1].reports[0]).toMatchObject({ reason: 'typo', text: 'gRPC 拼写', at: t0 });

    const text = runCli(['content', 'reports'], env);
    expect(text.stdout).toContain(
      'pod-qos-eviction-order (pod-qos-classes): 3 reporter(s) — HELD BACK (≥ 3)',
    );
    expect(text.stdout).toContain('retired-item (not in the bank): 1 reporter(s)\n');
    expect(text.stdout).toContain('typo  name U1 (slack:T1:C1)  "gRPC 拼写"');

    const cleared = runCli(['content', 'reports', 'clear', 'pod-qos-eviction-order'], env);
    expect(cleared.status).toBe(0);
    expect(cleared.stdout).toContain('cleared 3 report(s) on pod-qos-eviction-order');
    expect(await store.reports.heldBack(3)).toEqual(new Set());
    const again = runCli(['content', 'reports', 'clear', 'pod-qos-eviction-order'], env);
    expect(again.status).toBe(1);
    expect(again.stderr.trim()).toBe(
      'content reports: no reports on "pod-qos-eviction-order" (nothing to clear)',
    );
  }, 60_000);

  it('GIVEN no REDIS_URL, or a Redis that does not answer THEN one readable line and exit 1', () => {
    const unset = runCli(['content', 'reports'], { REDIS_URL: '' });
    expect(unset.status).toBe(1);
    expect(unset.stderr.trim().split('\n')).toEqual([
      'content reports: REDIS_URL is not set: point it at the bot’s Redis, e.g. redis://127.0.0.1:6379/0',
    ]);
    const down = runCli(['content', 'reports', '--json'], { REDIS_URL: 'redis://127.0.0.1:1/0' });
    expect(down.status).toBe(1);
    expect(down.stderr.trim().split('\n')).toEqual([
      'content reports: cannot reach Redis at redis://127.0.0.1:1/0: connection refused',
    ]);
    expect(down.stdout).toBe('');
  }, 60_000);
});
