import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playground } from '../support/playground.js';
import { type LocalRedis, startLocalRedis } from '../support/redis-server.js';
import { runCli } from '../support/run-cli.js';

describe('reporting a question in the terminal playground', () => {
  let redis: LocalRedis;
  beforeAll(async () => {
    redis = await startLocalRedis();
  });
  afterAll(() => redis.stop());

  it('GIVEN a reveal THEN its report button opens a form filled in with :form; the report is kept and listed for maintainers', async () => {
    const script = [
      ':run daily',
      ':as alice',
      ':press A',
      ':run close',
      ':press 2', // the reveal's second button: report
      ':form 9',
      ':form outdated Fluent Bit 才是默认',
      ':as bob',
      ':form typo', // bob has opened no form
      ':press 2',
      ':form 4',
      '',
    ].join('\n');
    const db = `${redis.url}/5`;
    const run = await playground(script, { REDIS_URL: db });
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain('[查看参考答案] [报告题目问题]');
    expect(run.out).toMatch(/── 报告题目问题 \(only alice\)/);
    expect(run.out).toContain(
      '│ 原因: 1=wrong-key (答案错了)  2=outdated (内容过时)  3=unclear (题目不清楚)  4=typo (有错别字)',
    );
    expect(run.out).toContain('原因: "9" is not one of wrong-key, outdated, unclear, typo');
    expect(run.out).toContain('谢谢！已记录你的报告（内容过时）');
    expect(run.out).toContain('bob> :form typo\nno form to fill in');
    expect(run.out).toContain('谢谢！已记录你的报告（有错别字）');

    const listed = runCli(['content', 'reports', '--json'], { REDIS_URL: db });
    const [item, ...others] = JSON.parse(listed.stdout).items;
    expect(others).toEqual([]);
    expect(item).toMatchObject({ reporters: 2, heldBack: false });
    expect(item.reports).toMatchObject([
      {
        playerName: 'alice',
        reason: 'outdated',
        text: 'Fluent Bit 才是默认',
        teamId: 'console:local:playground',
      },
      { playerName: 'bob', reason: 'typo' },
    ]);
  }, 90_000);
});
