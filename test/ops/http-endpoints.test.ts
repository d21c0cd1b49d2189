import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../fakes/discord/fake-discord.js';
import { slashCommand } from '../fakes/discord/payloads.js';
import { FakeSlack } from '../fakes/slack/fake-slack.js';
import { FakeSocket } from '../fakes/slack/fake-socket.js';
import { BotProcess } from '../support/bot-process.js';
import { type LocalRedis, startLocalRedis } from '../support/redis-server.js';

const GUILD = '750000000000000001';
const CHANNEL = '750000000000000002';

let fake: FakeDiscord;
let redis: LocalRedis;
let bot: BotProcess;
let readyMs = 0;

beforeAll(async () => {
  fake = await FakeDiscord.start({
    guilds: [{ id: GUILD, name: 'g', channels: [{ id: CHANNEL, name: 'quiz' }] }],
  });
  redis = await startLocalRedis();
  bot = await BotProcess.start({ ...fake.env, REDIS_URL: redis.url, REDIS_PREFIX: '{quiz}:' });
  readyMs = await bot.waitReady(40_000);
}, 60_000);
afterAll(async () => {
  await bot.kill();
  await fake.close();
  await redis.stop();
});

describe('the HTTP server in Discord-only mode', () => {
  it('GIVEN a Discord-only bot THEN /healthz and /readyz answer 200 on PORT, other paths 404, other methods 405', async () => {
    expect(readyMs).toBeGreaterThan(0);
    expect(await bot.get('/healthz')).toEqual({ status: 200, text: 'ok\n' });
    expect((await bot.get('/readyz')).status).toBe(200);
    expect((await bot.get('/nope')).status).toBe(404);
    expect((await fetch(bot.url('/healthz'), { method: 'POST' })).status).toBe(405);
    expect((await bot.get('/slack/events')).status).toBe(404); // no Slack configured
  });

  it('GIVEN a command over the gateway THEN /metrics counts it by name and times it, beside every metric of the README', async () => {
    const id = fake.interact(
      slashCommand(fake.place(GUILD, CHANNEL), { id: '750000000000000003', name: 'Ann' }, 'help'),
    );
    await fake.waitFor('the help reply', () => fake.responsesTo(id).length > 0);
    const { status, text } = await bot.get('/metrics');
    expect(status).toBe(200);
    for (const name of [
      'k8s_quiz_answers_recorded_total',
      'k8s_quiz_commands_total',
      'k8s_quiz_interaction_duration_seconds',
      'k8s_quiz_posts_total',
      'k8s_quiz_job_duration_seconds',
      'k8s_quiz_job_failures_total',
      'k8s_quiz_open_rounds',
      'k8s_quiz_redis_up',
      'k8s_quiz_process_resident_memory_bytes',
    ])
      expect(text).toContain(`# TYPE ${name} `);
    expect(text).toMatch(/^k8s_quiz_commands_total\{platform="discord",command="help"\} 1$/m);
    expect(text).toMatch(/^k8s_quiz_interaction_duration_seconds_count\{platform="discord"\} 1$/m);
    expect(text).toMatch(/^k8s_quiz_redis_up 1$/m);
  });

  it('GIVEN REDIS_PREFIX={quiz}: THEN every key the bot wrote, BullMQ’s included, carries the hash tag', async () => {
    const { Redis } = await import('ioredis');
    const client = new Redis(redis.url);
    try {
      const keys = await client.keys('*');
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.filter((k) => !k.startsWith('{quiz}:'))).toEqual([]);
      expect(keys.some((k) => k.startsWith('{quiz}:bull:'))).toBe(true);
    } finally {
      client.disconnect();
    }
  });

  it('GIVEN the bot’s stdout THEN every line is JSON and no token appears', () => {
    const lines = bot.stdout.split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(bot.stdout).not.toContain(fake.token);
    expect(bot.logs.some((l) => l.msg === 'k8s-quiz: started' && typeof l.ms === 'number')).toBe(true);
  });
});

describe('the HTTP server in Slack Socket Mode', () => {
  it('GIVEN Socket Mode THEN /readyz is 200 once the socket is open, 503 when it drops, and there is no /slack/events', async () => {
    const slack = await FakeSlack.start();
    const socket = await FakeSocket.attach(slack);
    const local = await startLocalRedis();
    const socketBot = await BotProcess.start({
      REDIS_URL: local.url,
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_APP_TOKEN: 'xapp-test-token',
      SLACK_API_URL: slack.apiUrl,
    });
    try {
      await socketBot.waitReady(40_000);
      await socket.connected();
      expect((await fetch(socketBot.url('/slack/events'), { method: 'POST' })).status).toBe(404);
      await socket.stop(); // Slack goes away: the socket is down until it reconnects
      await socketBot.waitFor(
        '/readyz 503',
        async () => (await socketBot.get('/readyz')).status === 503,
        10_000,
      );
      expect(socketBot.alive).toBe(true);
    } finally {
      await socketBot.kill();
      await slack.stop();
      await local.stop();
    }
  }, 60_000);
});
