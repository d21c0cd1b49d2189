import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../src/store/embedded-redis.js';
import { FakeDiscord } from '../fakes/discord/fake-discord.js';
import { FakeSlack } from '../fakes/slack/fake-slack.js';
import { BotProcess, isRunning, redisServersUsing, runBot } from '../support/bot-process.js';

let fake: FakeDiscord;
const dirs: string[] = [];
const bots: BotProcess[] = [];

const dataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'k8sq-data-'));
  dirs.push(dir);
  return dir;
};
const start = async (env: Record<string, string>, viaNpm = false) => {
  const bot = await BotProcess.start({ ...fake.env, ...env }, { viaNpm });
  bots.push(bot);
  return bot;
};
const lockOf = (dir: string) =>
  JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as { pid: number; redisPid: number };
const gone = (pid: number) =>
  new Promise<boolean>((resolve) => {
    const until = Date.now() + 10_000;
    const poll = () => {
      if (!isRunning(pid)) resolve(true);
      else if (Date.now() > until) resolve(false);
      else setTimeout(poll, 50);
    };
    poll();
  });

beforeAll(async () => {
  fake = await FakeDiscord.start({ guilds: [{ id: '730000000000000001', name: 'g', channels: [] }] });
});
afterAll(async () => {
  for (const bot of bots) await bot.kill();
  for (const dir of dirs) for (const pid of redisServersUsing(dir)) process.kill(pid, 'SIGKILL');
  await fake.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('the bot process with its embedded redis-server', () => {
  it('GIVEN `npm start` THEN SIGTERM to npm leaves no process behind: not node, not redis-server', async () => {
    const dir = dataDir();
    const npm = await start({ DATA_DIR: dir }, true);
    await npm.waitReady(40_000);
    const { pid, redisPid } = lockOf(dir);
    expect(pid).not.toBe(npm.pid); // npm → node: the bot is npm's child
    expect(isRunning(redisPid)).toBe(true);
    npm.signal('SIGTERM');
    await npm.exited;
    expect(await gone(pid)).toBe(true);
    expect(await gone(redisPid)).toBe(true);
    expect(redisServersUsing(dir)).toEqual([]);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  }, 60_000);

  it('GIVEN a bot killed with -9 THEN its orphaned redis-server is stopped by the next start, and a second bot on the same data is refused in one line', async () => {
    const dir = dataDir();
    const first = await start({ DATA_DIR: dir });
    await first.waitReady(40_000);
    const orphan = lockOf(dir).redisPid;
    await first.kill(); // SIGKILL: the redis-server child lives on
    expect(isRunning(orphan)).toBe(true);

    const second = await start({ DATA_DIR: dir });
    await second.waitReady(40_000);
    expect(isRunning(orphan)).toBe(false);
    expect(second.logs.some((l) => /previous run left behind/.test(l.msg))).toBe(true);
    expect(redisServersUsing(dir)).toHaveLength(1);

    const third = await runBot({ ...fake.env, DATA_DIR: dir });
    expect(third.code).toBe(1);
    expect(third.stderr.trim()).toBe(
      `k8s-quiz: another k8s-quiz (pid ${second.pid}) is using ${dir}; stop it first, or give this one its own DATA_DIR`,
    );
    expect(second.alive).toBe(true);
    expect(redisServersUsing(dir)).toHaveLength(1);

    second.signal('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(redisServersUsing(dir)).toEqual([]);
  }, 90_000);

  it('GIVEN a start that fails after the embedded redis-server started (Slack refuses the token) THEN exit 1 in one line and the redis-server is stopped', async () => {
    const slack = await FakeSlack.start();
    try {
      const dir = dataDir();
      const run = await runBot({
        DATA_DIR: dir,
        SLACK_BOT_TOKEN: 'xoxb-refused',
        SLACK_SIGNING_SECRET: 'secret',
        SLACK_API_URL: slack.apiUrl,
      });
      expect(run.code).toBe(1);
      expect(run.stderr.trim()).toMatch(/^k8s-quiz: slack: SLACK_BOT_TOKEN was refused by .*invalid_auth/);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(existsSync(join(dir, 'appendonlydir'))).toBe(true); // it did start
      expect(redisServersUsing(dir)).toEqual([]);
      expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    } finally {
      await slack.stop();
    }
  }, 60_000);
});

describe('SIGTERM while the start is still connecting', () => {
  it('GIVEN a Discord API that accepts connections and never answers THEN SIGTERM still stops the bot, exit 0, its redis-server too', async () => {
    const silent = createServer(() => {}); // takes the request, never answers
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const dir = dataDir();
      const bot = await start({
        DATA_DIR: dir,
        DISCORD_API_URL: `http://127.0.0.1:${(silent.address() as AddressInfo).port}/api`,
      });
      await bot.waitFor(
        'the embedded redis-server',
        () => existsSync(join(dir, LOCK_FILE)) && lockOf(dir).redisPid,
      );
      await new Promise((r) => setTimeout(r, 1000)); // now stuck asking for the gateway
      expect((await bot.get('/readyz')).status).toBe(503);
      bot.signal('SIGTERM');
      expect(await bot.exited).toBe(0);
      expect(redisServersUsing(dir)).toEqual([]);
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  }, 60_000);
});
