/**
 * Start-up time to ready: the real bot process (Slack HTTP mode against the fake Slack, a
 * throwaway redis-server) from spawn to the first 200 on /readyz, beside a bare
 * `node --import tsx -e ''` (the loader's own start) measured the same way in the same run.
 */
import { spawnSync } from 'node:child_process';
import { FakeSlack } from '../test/fakes/slack/fake-slack.js';
import { BotProcess } from '../test/support/bot-process.js';
import { ROOT } from '../test/support/run-cli.js';
import { benchRedis, percentile } from './support.js';

const RUNS = 5;
const redis = await benchRedis();
const fake = await FakeSlack.start();
const ready: number[] = [];
const bare: number[] = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    spawnSync(process.execPath, ['--import', 'tsx', '-e', ''], { cwd: ROOT });
    bare.push(performance.now() - t0);
    const started = performance.now();
    const bot = await BotProcess.start({
      REDIS_URL: redis.url,
      REDIS_PREFIX: `bench${i}:`,
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: 'bench-secret',
      SLACK_API_URL: fake.apiUrl,
    });
    await bot.waitReady(60_000);
    ready.push(performance.now() - started);
    bot.signal('SIGTERM');
    await bot.exited;
  }
} finally {
  await fake.stop();
  await redis.stop();
}
ready.sort((a, b) => a - b);
bare.sort((a, b) => a - b);
const p50 = percentile(ready, 50);
const base = percentile(bare, 50);
console.log(
  `start-up to ready (Slack HTTP mode, ${RUNS} runs): p50 ${p50.toFixed(0)} ms, max ${ready.at(-1)?.toFixed(0)} ms`,
);
console.log(`bare node + tsx loader start: p50 ${base.toFixed(0)} ms — ratio ${(p50 / base).toFixed(1)}×`);
