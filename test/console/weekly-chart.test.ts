import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playground } from '../support/playground.js';
import { type LocalRedis, startLocalRedis } from '../support/redis-server.js';

describe('the weekly chart in the terminal playground', () => {
  let redis: LocalRedis;
  beforeAll(async () => {
    redis = await startLocalRedis();
  });
  afterAll(() => redis.stop());

  it('GIVEN answers this week THEN `:run weekly now` prints the announcement and its chart, saved as a PNG to open', async () => {
    const script = [
      ':run daily',
      ':as alice',
      ':press A',
      ':as bob',
      ':press B',
      ':run close',
      ':run weekly now',
      '',
    ];
    const run = await playground(script.join('\n'), { REDIS_URL: `${redis.url}/6` });
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const line = run.out.match(
      /\[image 1600×(\d+), saved to (\S+\.png)\]\n {2}各分类正确率 · \d{4}-W\d\d; (.+): \d+% \(\d\/2\)/,
    );
    expect(line).not.toBeNull();
    const file = line?.[2] ?? '';
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
  }, 90_000);
});
