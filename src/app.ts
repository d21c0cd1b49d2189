import type { Queue, Worker } from 'bullmq';
import { ResvgCharts } from './chart/renderer.js';
import type { AppConfig } from './config/app-config.js';
import { type Env, platformsFrom, secretsOf } from './config/env.js';
import { loadAppConfig, loadTeamsFile } from './config/load-config.js';
import type { TeamsFile } from './config/teams-file.js';
import type { QuestionBank } from './content/bank.js';
import { loadBank } from './content/load-bank.js';
import { formatContentError } from './content/types.js';
import { QuizEngine } from './core/engine.js';
import { type Clock, type Logger, systemClock } from './core/ports.js';
import { HttpServer } from './http/server.js';
import { BullJobPlanner } from './jobs/planner.js';
import { JobRunner } from './jobs/run-now.js';
import { TeamJobs } from './jobs/team-jobs.js';
import { createQuizWorker } from './jobs/worker.js';
import { instrumentHandler, instrumentOutbox, instrumentStore, instrumentWorker } from './ops/instrument.js';
import { Intake } from './ops/intake.js';
import { createLogger } from './ops/logger.js';
import { Metrics } from './ops/metrics.js';
import { addProbes } from './ops/probes.js';
import { StartupError } from './ops/redis-connect.js';
import { type RedisSetup, redisAnswers, setUpRedis } from './ops/redis-setup.js';
import { Resources } from './ops/resources.js';
import type { PlatformAdapter } from './platforms/adapter.js';
import type { ConsoleIo } from './platforms/console/index.js';
import { PlaygroundClock } from './platforms/console/playground-clock.js';
import { stdinKind } from './platforms/console/stdin.js';
import { OutboxRouter } from './platforms/outbox-router.js';
import { registerStaticTeams } from './static-teams.js';
import { Keys } from './store/keys.js';
import { RedisPacer } from './store/pacer.js';
import { createRedisStore } from './store/redis-store.js';
import { backfillTeamsBoards } from './store/teams-board-backfill.js';
import { wipeEverything } from './store/wipe.js';

export interface AppOptions {
  env: Env;
  /** Key prefix for every Redis key (store and BullMQ); default REDIS_PREFIX. Tests use a fresh one. */
  redisPrefix?: string;
  clock?: Clock;
  logger?: Logger;
  config?: AppConfig;
  /** Static teams; default: CONFIG_DIR/teams.yaml (or `teamsFile`). */
  teams?: TeamsFile;
  teamsFile?: string;
  contentDir?: string;
  /** Where the embedded redis-server keeps its data when REDIS_URL is unset; default DATA_DIR. */
  dataDir?: string;
  /** Terminal playground streams (default: process stdin/stdout). */
  consoleIo?: ConsoleIo;
}

export interface App {
  engine: QuizEngine;
  bank: QuestionBank;
  metrics: Metrics;
  /** BullMQ's queue; set once started. */
  readonly queue: Queue;
  /** Resolves when the app has stopped (the playground ends at end of input). */
  finished: Promise<void>;
  /** Connects Redis, the worker and the platforms; the HTTP port it listens on (0: none). */
  start(): Promise<number>;
  /** Drains (see README) and closes everything; safe at any moment, also during start. */
  stop(): Promise<void>;
  /** What /readyz answers. */
  ready(): Promise<boolean>;
}

/** The composition root: config, content, Redis, jobs, engine, HTTP and the adapters the env and ROLE ask for. */
export async function createApp(options: AppOptions): Promise<App> {
  const { env } = options;
  const platforms = platformsFrom(env);
  const role = env.ROLE;
  const logger =
    options.logger ??
    createLogger({
      level: env.LOG_LEVEL ?? (platforms.console ? 'warn' : 'info'),
      fd: platforms.console ? 2 : 1,
      secrets: secretsOf(env),
    });
  if (platforms.console && !options.consoleIo && stdinKind() === 'none')
    throw new StartupError(
      'no platform credentials and no terminal: the playground needs a terminal or a piped script; set DISCORD_* or SLACK_* to run the bot (see README)',
    );
  const loadedConfig = options.config ?? (await loadAppConfig());
  // A piped playground script runs live rounds without the pause between questions, so
  // every line's effects (the next question included) print before the next line.
  const scripted = platforms.console && !(options.consoleIo?.interactive ?? process.stdin.isTTY);
  const config = scripted
    ? { ...loadedConfig, live: { ...loadedConfig.live, pauseSeconds: 0 } }
    : loadedConfig;
  const loaded = await loadBank(options.contentDir ?? env.CONTENT_DIR);
  if (!loaded.ok)
    throw new Error(`the question bank is invalid:\n${loaded.error.map(formatContentError).join('\n')}`);
  const bank = loaded.value;
  // The search index for `ask` (about 13 MB) is built at the first `ask`, not here: a process
  // that only answers presses, or only runs jobs, never holds it.
  // Checked against the bank's categories (those with questions), like `setup` does.
  const choices = bank.categories.filter((c) => bank.quizzesIn(c.id).length > 0).map((c) => c.id);
  const teams = options.teams ?? (await loadTeamsFile(options.teamsFile, choices));
  // The playground's clock can be moved ahead with `:wait` (unless a test brought its own).
  const playgroundClock = platforms.console && !options.clock ? new PlaygroundClock() : undefined;
  const clock = options.clock ?? playgroundClock ?? systemClock;
  const prefix = options.redisPrefix ?? env.REDIS_PREFIX;
  const bullPrefix = `${prefix}bull`;

  const resources = new Resources((name, err) =>
    logger.error({ err: String(err), resource: name }, 'close failed'),
  );
  const intake = new Intake();
  const outbox = new OutboxRouter();
  let redis: RedisSetup | undefined;
  let engine: QuizEngine | undefined;
  let worker: Worker | undefined;
  const adapters: PlatformAdapter[] = [];
  const http = platforms.console ? undefined : new HttpServer(logger, intake);
  let started = false;
  let stopping: Promise<void> | undefined;
  let resolveFinished: () => void = () => {};
  const finished = new Promise<void>((resolve) => {
    resolveFinished = resolve;
  });

  const metrics = new Metrics({
    redisUp: () => redis?.health.up ?? false,
    openRounds: () => (redis ? redis.client.zcard(new Keys(prefix).openRounds()) : Promise.resolve(0)),
  });

  const ready = async () =>
    started && !stopping && adapters.every((a) => a.ready()) && (await redisAnswers(redis));

  /** Redis, the queue and the engine. */
  const connect = async () => {
    const setup = await setUpRedis({
      url: env.REDIS_URL,
      dataDir: options.dataDir ?? env.DATA_DIR,
      bullPrefix,
      logger,
      resources,
    });
    redis = setup;
    // Before any close or read: the teams boards of data written before they existed.
    const backfilled = await backfillTeamsBoards(setup.client, new Keys(prefix));
    if (backfilled) logger.info(backfilled, 'teams boards built from the week boards (once)');
    const store = instrumentStore(createRedisStore(setup.client, prefix), metrics);
    const planner = new BullJobPlanner(setup.queue, clock);
    const routed = instrumentOutbox(outbox, metrics);
    const charts = new ResvgCharts();
    engine = new QuizEngine({ bank, store, planner, outbox: routed, clock, config, logger, charts });
    return { jobConnection: setup.jobConnection, planner };
  };

  const app: App = {
    get engine() {
      if (!engine) throw new Error('the app is not started');
      return engine;
    },
    bank,
    metrics,
    get queue() {
      if (!redis) throw new Error('the app is not started');
      return redis.queue;
    },
    finished,
    ready,
    async start() {
      let port = 0;
      if (http) {
        addProbes(http, ready, metrics);
        port = await http.listen(env.PORT);
        await resources.own('http server', () => http.close());
      }
      const { jobConnection, planner } = await connect();
      resources.check();
      const quiz = engine as QuizEngine;
      if (role !== 'gateway') {
        const w = createQuizWorker(quiz, jobConnection, logger, { prefix: bullPrefix, autorun: false });
        redis?.health.listen(w, 'worker');
        instrumentWorker(w, metrics);
        worker = w;
      }
      const deps = {
        engine: instrumentHandler(quiz, metrics),
        config,
        env,
        logger,
        intake,
        http,
        listen: role !== 'worker',
        pacer: new RedisPacer((redis as RedisSetup).client, prefix),
      };
      if (platforms.discord)
        adapters.push((await import('./platforms/discord/index.js')).createDiscordAdapter(deps));
      if (platforms.slack)
        adapters.push((await import('./platforms/slack/index.js')).createSlackAdapter(deps));
      if (platforms.console && worker) {
        const { createConsoleAdapter } = await import('./platforms/console/index.js');
        const client = (redis as RedisSetup).client;
        const wipe = () => wipeEverything(client, new Keys(prefix));
        const jobs = new TeamJobs(quiz, planner, new JobRunner(app.queue, worker), wipe);
        adapters.push(
          createConsoleAdapter(deps, {
            jobs,
            io: options.consoleIo,
            onEnd: () => void app.stop(),
            clock: playgroundClock,
          }),
        );
      }
      for (const adapter of adapters) outbox.register(adapter.platform, adapter.outbox);
      await registerStaticTeams(quiz.ctx, teams);
      resources.check();
      if (worker) {
        void worker.run();
        await worker.waitUntilReady();
        // What a crash interrupted runs again now, not after stall detection or the next schedule.
        quiz.recover().catch((err: unknown) => logger.error({ err }, 'start-up recovery failed'));
      }
      for (const adapter of adapters) {
        await resources.own(`${adapter.platform} adapter`, () => adapter.stop());
        await adapter.start();
        resources.check();
      }
      started = true;
      return port;
    },
    stop() {
      stopping ??= (async () => {
        const deadline = Date.now() + env.DRAIN_SECONDS * 1000;
        intake.close();
        if (!(await intake.drained(deadline)))
          logger.warn({ pending: intake.pending }, 'drain: interactions still running at the deadline');
        await closeWorker(worker, deadline, logger);
        await resources.closeAll();
        resolveFinished();
      })();
      return stopping;
    },
  };
  return app;
}

/** Lets running jobs finish until the deadline; then stops anyway (another worker retries them). */
async function closeWorker(worker: Worker | undefined, deadline: number, logger: Logger): Promise<void> {
  if (!worker) return;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), Math.max(0, deadline - Date.now()));
  });
  const outcome = await Promise.race([worker.close().then(() => 'closed' as const), late]);
  clearTimeout(timer);
  if (outcome === 'late') {
    logger.warn({}, 'drain: jobs still running at the deadline; leaving them to be retried');
    await worker.close(true).catch(() => undefined);
  }
}
