/**
 * The daily fan-out against a rate-limiting fake: N teams' daily jobs queued at once and run by
 * the real worker, engine, Redis store and pacer, through the real adapter's outbox (discord.js
 * REST or Bolt's WebClient) to the fake Discord or Slack, which answers 429 past its limits.
 * Used by the CI test (1,000 teams) and by bench/paced-fanout.ts (10,000).
 */
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { AppConfig } from '../../src/config/app-config.js';
import type { Env } from '../../src/config/env.js';
import { loadAppConfig } from '../../src/config/load-config.js';
import { loadBank } from '../../src/content/load-bank.js';
import { QuizEngine } from '../../src/core/engine.js';
import { type Team, teamIdOf } from '../../src/core/model.js';
import { type Logger, systemClock } from '../../src/core/ports.js';
import { BullJobPlanner } from '../../src/jobs/planner.js';
import { QUIZ_QUEUE } from '../../src/jobs/queue-names.js';
import { createQuizWorker } from '../../src/jobs/worker.js';
import type { PlatformAdapter } from '../../src/platforms/adapter.js';
import { createDiscordAdapter } from '../../src/platforms/discord/index.js';
import { OutboxRouter } from '../../src/platforms/outbox-router.js';
import { createSlackAdapter } from '../../src/platforms/slack/index.js';
import { RedisPacer } from '../../src/store/pacer.js';
import { createRedisStore } from '../../src/store/redis-store.js';
import { FakeDiscord } from '../fakes/discord/fake-discord.js';
import type { DiscordRateLimitOptions } from '../fakes/discord/rate-limits.js';
import { FakeSlack } from '../fakes/slack/fake-slack.js';
import type { SlackRateLimitOptions } from '../fakes/slack/rate-limits.js';

export interface FanoutOptions {
  redisUrl: string;
  prefix: string;
  teams: number;
  /** The bot's pacing (config `pacing`); its defaults when left out. */
  pacing?: Partial<AppConfig['pacing']>;
  /** false: no pacer at all (to show what the fake's limits do to an unpaced bot). */
  paced?: boolean;
  concurrency?: number;
}

export interface FanoutResult {
  teams: number;
  wallMs: number;
  /** Messages per channel the fake holds. */
  posted: Map<string, number>;
  /** Post requests the fake saw, and how many it answered 429. */
  requests: number;
  limited: number;
  /** Job attempts that failed (each retried by BullMQ). */
  failedAttempts: number;
}

const silent: Logger = { info() {}, warn() {}, error() {} };
const DISCORD_GUILD = '100000000000000001';
const SLACK_WORKSPACE = 'T0001';

const channelOf = (platform: 'discord' | 'slack', i: number) =>
  platform === 'discord' ? String(200_000_000_000_000_000n + BigInt(i)) : `C${String(i).padStart(6, '0')}`;

export async function runDiscordFanout(
  options: FanoutOptions & { limits: DiscordRateLimitOptions },
): Promise<FanoutResult> {
  const fake = await FakeDiscord.start({ rateLimits: options.limits });
  try {
    const result = await fanout('discord', options, fake.env, () => ({
      requests: fake.requestsTo('POST', /^\/channels\/\d+\/messages$/).length,
      limited: fake.limits.limited.global + fake.limits.limited.route,
      posted: countBy(
        [...fake.state.messages.values()].filter((m) => m.via === 'channel'),
        (m) => m.channel_id,
      ),
    }));
    return result;
  } finally {
    await fake.close();
  }
}

export async function runSlackFanout(
  options: FanoutOptions & { limits: SlackRateLimitOptions },
): Promise<FanoutResult> {
  const fake = await FakeSlack.start({ teamId: SLACK_WORKSPACE, rateLimits: options.limits });
  const env = {
    SLACK_BOT_TOKEN: fake.state.botToken,
    SLACK_SIGNING_SECRET: 'fanout-secret',
    SLACK_API_URL: fake.apiUrl,
  };
  try {
    return await fanout('slack', options, env, () => ({
      requests: fake.callsOf('chat.postMessage').length,
      limited: fake.limits.limited,
      posted: countBy(fake.state.messages, (m) => m.channel),
    }));
  } finally {
    await fake.stop();
  }
}

async function fanout(
  platform: 'discord' | 'slack',
  options: FanoutOptions,
  platformEnv: Record<string, string>,
  observe: () => Omit<FanoutResult, 'teams' | 'wallMs' | 'failedAttempts'>,
): Promise<FanoutResult> {
  const base = await loadAppConfig();
  const config: AppConfig = { ...base, pacing: { ...base.pacing, ...options.pacing } };
  const bank = await loadBank('content');
  if (!bank.ok) throw new Error('the bank does not load');
  const storeClient = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
  const jobConnection = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
  const bullPrefix = `${options.prefix}bull`;
  const queue = new Queue(QUIZ_QUEUE, { connection: jobConnection, prefix: bullPrefix });
  const outbox = new OutboxRouter();
  const engine = new QuizEngine({
    bank: bank.value,
    store: createRedisStore(storeClient, options.prefix),
    planner: new BullJobPlanner(queue, systemClock),
    outbox,
    clock: systemClock,
    config,
    logger: silent,
  });
  const deps = {
    engine,
    config,
    env: { ...platformEnv, REDIS_PREFIX: options.prefix } as unknown as Env,
    logger: silent,
    listen: false,
    pacer: options.paced === false ? undefined : new RedisPacer(storeClient, options.prefix),
  };
  const adapter: PlatformAdapter =
    platform === 'discord' ? createDiscordAdapter(deps) : createSlackAdapter(deps);
  await adapter.start();
  outbox.register(platform, adapter.outbox);
  const workspaceId = platform === 'discord' ? DISCORD_GUILD : SLACK_WORKSPACE;
  const teams: Team[] = Array.from({ length: options.teams }, (_, i) => {
    const address = { platform, workspaceId, channelId: channelOf(platform, i) };
    return { id: teamIdOf(address), address, settings: config.team };
  });
  for (let i = 0; i < teams.length; i += 500)
    await Promise.all(teams.slice(i, i + 500).map((t) => engine.ctx.store.teams.save(t)));

  const worker = createQuizWorker(engine, jobConnection, silent, {
    prefix: bullPrefix,
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
  });
  let done = 0;
  let failedAttempts = 0;
  let resolveAll = () => {};
  const finished = new Promise<void>((resolve) => {
    resolveAll = resolve;
  });
  worker.on('completed', () => {
    if (++done === teams.length) resolveAll();
  });
  worker.on('failed', (job) => {
    failedAttempts += 1;
    // A job out of attempts is finished too (its channel shows up as missing).
    if (job && job.attemptsMade >= (job.opts.attempts ?? 1) && ++done === teams.length) resolveAll();
  });
  const at = Date.now();
  const started = performance.now();
  for (let i = 0; i < teams.length; i += 1000)
    await queue.addBulk(
      teams.slice(i, i + 1000).map((t) => ({
        name: 'daily',
        data: { teamId: t.id, at },
        opts: { attempts: 5, backoff: { type: 'platform' } },
      })),
    );
  await finished;
  const wallMs = performance.now() - started;
  await worker.close();
  await adapter.stop();
  await queue.close();
  storeClient.disconnect();
  jobConnection.disconnect();
  return { teams: teams.length, wallMs, failedAttempts, ...observe() };
}

function countBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** Channels posted other than exactly once (missing or doubled), for the assertion message. */
export function notExactlyOnce(result: FanoutResult, platform: 'discord' | 'slack'): string[] {
  const wrong: string[] = [];
  for (let i = 0; i < result.teams; i++) {
    const channel = channelOf(platform, i);
    const n = result.posted.get(channel) ?? 0;
    if (n !== 1) wrong.push(`${channel}: ${n}`);
  }
  return wrong;
}
