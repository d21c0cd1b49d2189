import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playground } from '../support/playground.js';
import { type LocalRedis, startLocalRedis } from '../support/redis-server.js';

describe('`/k8s-quiz ask` in the terminal playground', () => {
  let redis: LocalRedis;
  beforeAll(async () => {
    redis = await startLocalRedis();
  });
  afterAll(() => redis.stop());

  it('GIVEN ask, a press on a further match and words found nowhere THEN answers, the pressed one, and a short reply', async () => {
    const script = ['/k8s-quiz ask QoS', ':press 1', '/k8s-quiz ask 天气预报', ''].join('\n');
    const run = await playground(script, { REDIS_URL: `${redis.url}/4` });
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const [asked = '', pressed = '', none = ''] = run.out
      .split(/(?=── )/)
      .filter((part) => part.includes('(only'));
    expect(asked).toContain('参考答案 · K8S QoS等级');
    expect(asked).toMatch(/另有 \d 个相关问题/);
    const firstButton = asked.match(/\n\[([^\]]+)\]/)?.[1] ?? '';
    expect(firstButton).not.toBe('');
    expect(pressed).toContain(`参考答案 · ${firstButton.replace(/…$/, '')}`);
    expect(none).toContain('没有找到和“天气预报”相关的参考答案');
  });
});
