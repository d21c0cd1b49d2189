import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playground } from '../support/playground.js';
import { type LocalRedis, startLocalRedis } from '../support/redis-server.js';

describe('`/k8s-quiz review` in the terminal playground', () => {
  let redis: LocalRedis;
  beforeAll(async () => {
    redis = await startLocalRedis();
  });
  afterAll(() => redis.stop());

  it('GIVEN misses in the daily question THEN review is empty the same day, shows the item after :wait 1d, takes a grade, leaves the board alone, and stats shows the deck', async () => {
    // Two players answer A and B: whichever the key is, at least one of them missed.
    const players = ['you', 'bob'];
    const script = [
      ':run daily',
      ':press A',
      ':as bob',
      ':press B',
      ':run close',
      '/k8s-quiz leaderboard all',
      ...players.flatMap((p) => [`:as ${p}`, '/k8s-quiz review']),
      ':wait 1d',
      ...players.flatMap((p) => [`:as ${p}`, '/k8s-quiz review', ':press 1', ':press 3', '/k8s-quiz stats']),
      '/k8s-quiz leaderboard all',
      '',
    ].join('\n');
    const run = await playground(script, { REDIS_URL: `${redis.url}/7` });
    expect(run.err).toBe('');
    expect(run.code).toBe(0);

    /** What each input line printed, in order, with who typed it. */
    const said = [...run.out.matchAll(/^(\w+)> (.*)\n([\s\S]*?)(?=^\w+> |(?![\s\S]))/gm)].map((m) => ({
      who: m[1],
      line: m[2],
      out: m[3] ?? '',
    }));
    const outputs = (who: string, line: string) =>
      said.filter((s) => s.who === who && s.line === line).map((s) => s.out);
    const key = run.out.match(/正确答案：([A-E])\./)?.[1];
    expect(key).toBeDefined();

    for (const [p, chose] of [
      ['you', 'A'],
      ['bob', 'B'],
    ] as const) {
      const [sameDay = '', nextDay = ''] = outputs(p, '/k8s-quiz review');
      const [answered = ''] = outputs(p, ':press 1');
      const [graded = ''] = outputs(p, ':press 3');
      const [stats = ''] = outputs(p, '/k8s-quiz stats');
      if (chose === key) {
        expect(sameDay).toContain('你的复习卡组是空的');
        expect(nextDay).toContain('你的复习卡组是空的');
        expect(stats).toContain('复习卡组：\n  空');
        continue;
      }
      expect(sameDay).toMatch(/暂无待复习的题目 — 下次复习：\d{4}年\d{1,2}月\d{1,2}日。/);
      expect(nextDay).toContain('复习 · ');
      expect(nextDay).toContain('今天待复习 1 题 · 复习不影响排行榜');
      expect(nextDay).toContain('[A] [B] [C]');
      // `:press 1` answers A: right only when A is the key.
      expect(answered).toContain(key === 'A' ? '答对了 · ' : '答错了 · ');
      expect(answered).toContain('[查看参考答案] [重来] [困难] [良好] [简单]');
      expect(answered).toContain(key === 'A' ? '已按“良好”记录' : '已按“重来”记录');
      expect(graded).toMatch(/已按“困难”记录，下次复习：\d{4}年\d{1,2}月\d{1,2}日。/);
      expect(graded).toContain('暂无待复习的题目');
      expect(stats).toMatch(/复习卡组：\n {2}今天待复习 0 · 已掌握 0\/1 · 预计记忆保持率 \d+%/);
    }
    // Review answers never change the leaderboard.
    const [before = '', after] = outputs('bob', '/k8s-quiz leaderboard all');
    expect(before).toContain('总排行榜');
    expect(after).toBe(before);
  });
});
