/**
 * Start-up time to ready: the real bot process (Slack HTTP mode against the fake Slack, a
 * throwaway redis-server) from spawn to the first 200 on /readyz — compiled (`npm run
 * start:prod`'s command, as the image runs it) and through tsx (`npm start`) — beside a bare
 * `node -e ''` and `node --import tsx -e ''` measured the same way in the same run.
 */
import { spawnSync } from 'node:child_process';
import { FakeSlack } from '../test/fakes/slack/fake-slack.js';
import { BotProcess, COMPILED, type Launch } from '../test/support/bot-process.js';
import { ROOT } from '../test/support/run-cli.js';
import { benchRedis, percentile } from './support.js';

const RUNS = 5;
const built = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
if (built.status !== 0) throw new Error('npm run build failed');
const TSX: Launch = { command: process.execPath, args: ['--import', 'tsx', 'src/main.ts'], cwd: ROOT };
const ways = [
  { name: 'compiled', launch: COMPILED, bare: [] as string[] },
  { name: 'tsx', launch: TSX, bare: ['--import', 'tsx'] },
].map((w) => ({ ...w, ready: [] as number[], node: [] as number[] }));

const redis = await benchRedis();
const fake = await FakeSlack.start();
try {
  for (let i = 0; i < RUNS; i++) {
    for (const way of ways) {
      const t0 = performance.now();
      spawnSync(process.execPath, [...way.bare, '-e', ''], { cwd: ROOT });
      way.node.push(performance.now() - t0);
      const started = performance.now();
      const bot = await BotProcess.start(
        {
          REDIS_URL: redis.url,
          REDIS_PREFIX: `bench${i}${way.name}:`,
          SLACK_BOT_TOKEN: 'xoxb-test-token',
          SLACK_SIGNING_SECRET: 'bench-secret',
          SLACK_API_URL: fake.apiUrl,
        },
        { launch: way.launch },
      );
      await bot.waitReady(60_000);
      way.ready.push(performance.now() - started);
      bot.signal('SIGTERM');
      await bot.exited;
    }
  }
} finally {
  await fake.stop();
  await redis.stop();
}
const p50 = (xs: number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );
console.log(`start-up to ready (Slack HTTP mode, ${RUNS} runs each, interleaved)`);
for (const way of ways)
  console.log(
    `${way.name.padEnd(8)}: p50 ${p50(way.ready).toFixed(0)} ms, max ${Math.max(...way.ready).toFixed(0)} ms; bare node${way.bare.length ? ' + tsx loader' : ''} p50 ${p50(way.node).toFixed(0)} ms — ratio ${(p50(way.ready) / p50(way.node)).toFixed(1)}×`,
  );
const [compiled, tsx] = ways as [(typeof ways)[0], (typeof ways)[0]];
console.log(`compiled / tsx: ${(p50(compiled.ready) / p50(tsx.ready)).toFixed(2)}×`);
