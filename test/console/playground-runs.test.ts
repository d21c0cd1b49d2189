import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playground } from '../support/playground.js';
import { type LocalRedis, startLocalRedis } from '../support/redis-server.js';
import { ROOT } from '../support/run-cli.js';

/** The piped example in the README, exactly as a reader copies it. */
function readmeScript(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const quoted = readme.match(/^printf '([^']+)' \| npm start$/m)?.[1];
  if (!quoted) throw new Error('README has no `printf … | npm start` example');
  return quoted.replaceAll('\\n', '\n');
}

describe('the playground, piped: jobs run by hand and :reset', () => {
  let redis: LocalRedis;
  beforeAll(async () => {
    redis = await startLocalRedis();
  });
  afterAll(() => redis.stop());

  it("GIVEN the README's example run twice on the same data the same day THEN both transcripts are the same and complete", async () => {
    const env = { REDIS_URL: `${redis.url}/5` };
    const first = await playground(readmeScript(), env);
    const second = await playground(readmeScript(), env);
    expect(first.code).toBe(0);
    expect(second.code).toBe(0);
    expect(second.err).toBe('');
    expect(second.out).toBe(first.out);
    expect(second.out).toContain('答案揭晓');
    expect(second.out).toContain('本周排行榜');
    expect(second.out).not.toContain('nothing posted');
    expect(second.out).not.toContain('no button');
  });

  it('GIVEN jobs that have nothing to do THEN each says why instead of printing nothing', async () => {
    const script = [
      ':reset',
      ':run daily',
      ':run daily',
      ':run close',
      ':run daily',
      ':run close',
      ':run weekly',
      ':run weekly',
      ':run weekly now',
      ':run weekly now',
      '/k8s-quiz pause',
      ':run daily',
      ':run weekly',
      '',
    ].join('\n');
    const run = await playground(script, { REDIS_URL: `${redis.url}/6` });
    expect(run.code).toBe(0);
    /** What each input line printed, in order. */
    const said = run.out.split(/^you> /m).slice(1);
    const output = (line: string, n = 0) => said.filter((s) => s.startsWith(`${line}\n`))[n] ?? '';
    expect(output(':run daily', 0)).toContain('每日一题');
    expect(output(':run daily', 1)).toContain("nothing posted: today's daily question is already out");
    expect(output(':run daily', 2)).toContain('already posted and revealed');
    expect(output(':run close', 1)).toContain('nothing to close: no open question');
    expect(output(':run weekly', 0)).toMatch(/上周战报 · \d{4}-W\d\d/);
    expect(output(':run weekly', 1)).toMatch(
      /nothing posted: the announcement for \d{4}-W\d\d was already posted/,
    );
    // This week so far, every time it is asked for, and it is not last week's announcement.
    expect(output(':run weekly now', 0)).toMatch(/本周至今 · \d{4}-W\d\d/);
    expect(output(':run weekly now', 1)).toMatch(/本周至今 · \d{4}-W\d\d/);
    expect(output(':run daily', 3)).toContain('nothing posted: the channel is paused');
    expect(output(':run weekly', 2)).toContain('nothing posted: the channel is paused');
  });

  it('GIVEN :reset after scores THEN the board is empty again and the first player is the admin', async () => {
    const script = [
      ':run daily',
      ':as ann',
      ':press A',
      ':as bo',
      ':press B',
      ':as cy',
      ':press C',
      ':as di',
      ':press D',
      ':run close',
      ':reset',
      '/k8s-quiz leaderboard',
      '/k8s-quiz pause',
      '',
    ].join('\n');
    const run = await playground(script, { REDIS_URL: `${redis.url}/7` });
    expect(run.code).toBe(0);
    const afterReset = run.out.slice(run.out.indexOf('playground reset'));
    expect(afterReset).toContain('还没有人得分');
    expect(afterReset).toContain('已暂停');
  });
});
