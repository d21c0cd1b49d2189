import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playground } from '../support/playground.js';
import { type LocalRedis, startLocalRedis } from '../support/redis-server.js';

describe('`/k8s-quiz stats team` in the terminal playground', () => {
  let redis: LocalRedis;
  beforeAll(async () => {
    redis = await startLocalRedis();
  });
  afterAll(() => redis.stop());

  it('GIVEN three players on two days’ questions THEN stats team lists both categories weakest first, with the strongest and weakest', async () => {
    const players = ['you', 'bob', 'cat'];
    const answerAll = players.flatMap((p) => [`:as ${p}`, ':press A']);
    const script = [
      ':reset',
      ':run daily',
      ...answerAll,
      ':run close',
      ':wait 1d',
      ':run daily',
      ...answerAll,
      ':run close',
      '/k8s-quiz stats team',
      '',
    ].join('\n');
    const run = await playground(script, { REDIS_URL: `${redis.url}/8` });
    expect(run.err).toBe('');
    expect(run.code).toBe(0);

    // Everyone chose A: a day counts 3/3 when A was the key, else 0/3.
    const keys = [...run.out.matchAll(/正确答案：([A-E])\./g)].map((m) => m[1]);
    expect(keys).toHaveLength(2);
    const team = run.out.slice(run.out.lastIndexOf('cat> /k8s-quiz stats team'));
    expect(team).toContain('团队分类掌握度 · 近 4 周');
    expect(team).toContain('每日一题与实时问答的正确率，从弱到强（答满 3 题的分类才评最强和最弱）：');
    const lines = [...team.matchAll(/^\s*[-•] (.+)：(\d+)%（(\d)\/3）$/gm)].map((m) => ({
      category: m[1],
      percent: Number(m[2]),
    }));
    expect(lines).toHaveLength(2);
    expect(lines.map((l) => l.percent).sort()).toEqual(keys.map((k) => (k === 'A' ? 100 : 0)).sort());
    expect(lines[0]?.percent).toBeLessThanOrEqual(lines[1]?.percent ?? 0);
    expect(team).toContain('最强分类（近 4 周）');
    expect(team).toContain(`最弱分类（近 4 周）`);
    expect(team).toMatch(new RegExp(`最弱分类（近 4 周）\\s+${lines[0]?.category}：`));
  }, 120_000);
});
