import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FakeDiscord } from '../fakes/discord/fake-discord.js';
import { slashCommand } from '../fakes/discord/payloads.js';
import { freePort, type LocalRedis, startLocalRedis } from '../support/redis-server.js';
import { ROOT } from '../support/run-cli.js';

const GUILD = '730000000000000001';
const CHANNEL = '730000000000000002';

let fake: FakeDiscord;
let redis: LocalRedis;
let bot: ChildProcess;
let stderr = '';

beforeAll(async () => {
  fake = await FakeDiscord.start({
    guilds: [{ id: GUILD, name: 'g', channels: [{ id: CHANNEL, name: 'quiz' }] }],
  });
  redis = await startLocalRedis();
  const port = await freePort();
  // `npm start` as an operator runs it: only environment variables point it at Discord.
  bot = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      REDIS_URL: redis.url,
      PORT: String(port),
      ...fake.env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  bot.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
});
afterAll(async () => {
  if (bot.exitCode === null) {
    const exited = new Promise((r) => bot.once('exit', r));
    bot.kill('SIGKILL');
    await exited;
  }
  await fake.close();
  await redis.stop();
});

describe('npm start with Discord credentials', () => {
  test('GIVEN DISCORD_TOKEN, DISCORD_APPLICATION_ID and DISCORD_API_URL THEN the bot process connects, answers /k8s-quiz help, and stops cleanly on SIGTERM', async () => {
    await fake.waitFor('the bot to identify', () => fake.gateway.readySessions === 1, 20_000);
    expect(fake.gateway.identifies[0]?.token).toBe(fake.token);

    const id = fake.interact(
      slashCommand(fake.place(GUILD, CHANNEL), { id: '730000000000000003', name: 'Ann' }, 'help'),
    );
    const [reply] = await fake.waitFor(
      'the help reply',
      () => fake.responsesTo(id).length > 0 && fake.responsesTo(id),
    );
    expect(reply?.embeds[0]?.title).toBe('k8s-quiz 使用说明');

    const exited = new Promise<number | null>((r) => bot.once('exit', r));
    bot.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).not.toMatch(/error/i);
    await fake.waitFor('the gateway to close', () => fake.gateway.readySessions === 0);
  }, 40_000);
});
