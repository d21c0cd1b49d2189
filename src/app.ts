import { Queue, type Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import type { AppConfig } from './config/app-config.js';
import { type Env, platformsFrom } from './config/env.js';
import { loadAppConfig, loadTeamsFile } from './config/load-config.js';
import type { QuestionBank } from './content/bank.js';
import { loadBank } from './content/load-bank.js';
import { formatContentError } from './content/types.js';
import { QuizEngine } from './core/engine.js';
import { type Clock, type Logger, systemClock } from './core/ports.js';
import { BullJobPlanner } from './jobs/planner.js';
import { QUIZ_QUEUE } from './jobs/queue-names.js';
import { JobRunner } from './jobs/run-now.js';
import { TeamJobs } from './jobs/team-jobs.js';
import { createQuizWorker } from './jobs/worker.js';
import type { PlatformAdapter } from './platforms/adapter.js';
import type { ConsoleIo } from './platforms/console/index.js';
import { OutboxRouter } from './platforms/outbox-router.js';
import { registerStaticTeams } from './static-teams.js';
import { type RedisServer, startRedisServer } from './store/redis-server.js';
import { createRedisStore, DEFAULT_PREFIX } from './store/redis-store.js';

export interface AppOptions {
  env: Env;
  /** Key prefix for every Redis key (store and BullMQ); tests use a fresh one. */
  redisPrefix?: string;
  clock?: Clock;
  logger?: Logger;
  config?: AppConfig;
  contentDir?: string;
  teamsFile?: string;
  /** Where the embedded redis-server keeps its data when REDIS_URL is unset. */
  dataDir?: string;
  /** Terminal playground streams (default: process stdin/stdout). */
  consoleIo?: ConsoleIo;
}

export interface App {
  engine: QuizEngine;
  queue: Queue;
  bank: QuestionBank;
  /** Resolves when the app has stopped (the playground ends at end of input). */
  finished: Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** The composition root: config, content, Redis, jobs, engine and the platform adapters the env asks for. */
export async function createApp(options: AppOptions): Promise<App> {
  const { env } = options;
  const platforms = platformsFrom(env);
  const logger = options.logger ?? pino({ level: platforms.console ? 'warn' : 'info' }, pino.destination(2));
  const loadedConfig = options.config ?? (await loadAppConfig());
  // A piped playground script runs live rounds without the pause between questions, so
  // every line's effects (the next question included) print before the next line.
  const scripted = platforms.console && !(options.consoleIo?.interactive ?? process.stdin.isTTY);
  const config = scripted
    ? { ...loadedConfig, live: { ...loadedConfig.live, pauseSeconds: 0 } }
    : loadedConfig;
  const loaded = await loadBank(options.contentDir ?? 'content');
  if (!loaded.ok)
    throw new Error(`the question bank is invalid:\n${loaded.error.map(formatContentError).join('\n')}`);
  const bank = loaded.value;
  const clock = options.clock ?? systemClock;

  const embedded: RedisServer | undefined = env.REDIS_URL
    ? undefined
    : await startRedisServer(options.dataDir ?? '.data', true);
  const url = env.REDIS_URL ?? embedded?.url ?? '';
  const prefix = options.redisPrefix ?? DEFAULT_PREFIX;
  const redis = new Redis(url, { maxRetriesPerRequest: 3 });
  const jobConnection = new Redis(url, { maxRetriesPerRequest: null });
  const queue = new Queue(QUIZ_QUEUE, { connection: jobConnection, prefix: `${prefix}bull` });

  const outbox = new OutboxRouter();
  const store = createRedisStore(redis, prefix);
  const planner = new BullJobPlanner(queue, clock);
  const engine = new QuizEngine({ bank, store, planner, outbox, clock, config, logger });
  let worker: Worker | undefined;
  const adapters: PlatformAdapter[] = [];
  let resolveFinished: () => void = () => {};
  const finished = new Promise<void>((resolve) => {
    resolveFinished = resolve;
  });
  let stopping: Promise<void> | undefined;

  const app: App = {
    engine,
    queue,
    bank,
    finished,
    async start() {
      worker = createQuizWorker(engine, jobConnection, logger, { prefix: `${prefix}bull`, autorun: false });
      const deps = { engine, config, env, logger };
      if (platforms.discord)
        adapters.push((await import('./platforms/discord/index.js')).createDiscordAdapter(deps));
      if (platforms.slack)
        adapters.push((await import('./platforms/slack/index.js')).createSlackAdapter(deps));
      if (platforms.console) {
        const { createConsoleAdapter } = await import('./platforms/console/index.js');
        const jobs = new TeamJobs(engine, planner, new JobRunner(queue, worker));
        adapters.push(
          createConsoleAdapter(deps, { jobs, io: options.consoleIo, onEnd: () => void app.stop() }),
        );
      }
      for (const adapter of adapters) outbox.register(adapter.platform, adapter.outbox);
      await registerStaticTeams(engine.ctx, await loadTeamsFile(options.teamsFile));
      void worker.run();
      await worker.waitUntilReady();
      for (const adapter of adapters) await adapter.start();
    },
    stop() {
      stopping ??= (async () => {
        for (const adapter of adapters)
          await adapter.stop().catch((err) => logger.error({ err }, 'adapter stop failed'));
        await worker?.close();
        await queue.close();
        await Promise.all([redis.quit(), jobConnection.quit()]).catch(() => undefined);
        await embedded?.stop();
        resolveFinished();
      })();
      return stopping;
    },
  };
  return app;
}
