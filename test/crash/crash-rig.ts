import { type Job, Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { loadAppConfig } from '../../src/config/load-config.js';
import type { LiveRound } from '../../src/core/live-round.js';
import { localDate, previousIsoWeek } from '../../src/core/local-time.js';
import type { Team } from '../../src/core/model.js';
import { dailyRoundId, liveRoundId } from '../../src/core/round-ids.js';
import { stepIds } from '../../src/core/step.js';
import type { QuizStore } from '../../src/core/store-ports.js';
import { jobIds, QUIZ_QUEUE } from '../../src/jobs/queue-names.js';
import { createRedisStore, DEFAULT_PREFIX } from '../../src/store/redis-store.js';
import { shippedBank } from '../support/engine-harness.js';
import type { BotLives } from './bot-lives.js';

export const POST_KINDS = [
  'daily question',
  'close',
  'reveal',
  'live question',
  'standings',
  'weekly',
] as const;
export type PostKind = (typeof POST_KINDS)[number];

/** `arrived`: killed when the call reaches the platform; `applied`: the platform has the post, the bot never got the answer. */
export type CrashPoint = 'arrived' | 'applied';
export const CRASH_POINTS: readonly CrashPoint[] = ['arrived', 'applied'];

/** The call to crash at: the post of a step, or the update (closing) of the team's question. */
export type CrashTarget = { post: string } | { update: true };

/** What a crash-point test needs from a fake platform. */
export interface PlatformSide {
  /** How many messages the platform holds for a step (all its parts). */
  postsOf(team: Team, stepId: string): number;
  /** How many calls tried to post the step (answered or not). */
  callsOf(team: Team, stepId: string): number;
  /** How many times the bot looked in the team's channel for an interrupted post. */
  lookupsIn(team: Team): number;
  /** The message of a question step has lost its buttons. */
  isClosed(team: Team, questionStep: string): boolean;
  /** Runs `crash` at the first call to `target` of this team, at `point`. */
  crashAt(team: Team, target: CrashTarget, point: CrashPoint, crash: () => Promise<void>): void;
}

export interface CrashResult {
  /** Messages on the platform per step of the scenario. */
  posts: Record<string, number>;
  /** Calls that tried to post each step. */
  calls: Record<string, number>;
  /** History lookups in the team's channel (Slack). */
  lookups: number;
  /** From the restarted bot's readiness to the step that shows the round went on (posted, closed, next question). */
  recoveryMs: number;
  /** Everything that should be closed is (the question lost its buttons). */
  closed: boolean;
}

const STEP_TIMEOUT_MS = 20_000;

/**
 * Drives the real bot process through one crash point at a time: prepares a fresh team, arms
 * the fake to SIGKILL the bot at the chosen call, queues the job as the scheduler would (same
 * queue and prefix), restarts the bot and waits for the steps to be done.
 */
export class CrashRig {
  readonly redis: Redis;
  readonly store: QuizStore;
  readonly queue: Queue;
  private teams = 0;
  private jobs = 0;

  constructor(
    redisUrl: string,
    readonly bot: BotLives,
    readonly platform: PlatformSide,
    private readonly newTeam: (n: number) => Team,
  ) {
    this.redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
    this.store = createRedisStore(this.redis, DEFAULT_PREFIX);
    this.queue = new Queue(QUIZ_QUEUE, { connection: this.redis, prefix: `${DEFAULT_PREFIX}bull` });
  }

  async close(): Promise<void> {
    await this.bot.kill();
    await this.queue.close();
    await this.redis.flushdb();
    this.redis.disconnect();
  }

  async team(): Promise<Team> {
    const team = this.newTeam(++this.teams);
    await this.store.teams.save(team);
    return team;
  }

  /** Crashes at `kind`'s call, restarts, and reports what the platform holds once the steps are done. */
  async run(kind: PostKind, point: CrashPoint, team?: Team): Promise<CrashResult> {
    if (!this.bot.running) await this.bot.start();
    const t = team ?? (await this.team());
    const scenario = await this.prepare(kind, t);
    this.platform.crashAt(t, scenario.target, point, () => this.bot.kill());
    await scenario.trigger();
    await within(this.bot.whenExited(), STEP_TIMEOUT_MS, `the crash point of "${kind}"`);
    await this.bot.start();
    const doneAt = await scenario.settle();
    const posts = Object.fromEntries(scenario.steps.map((s) => [s, this.platform.postsOf(t, s)]));
    const calls = Object.fromEntries(scenario.steps.map((s) => [s, this.platform.callsOf(t, s)]));
    const closed = scenario.questions.every((q) => this.platform.isClosed(t, q));
    const lookups = this.platform.lookupsIn(t);
    return { posts, calls, lookups, recoveryMs: doneAt - this.bot.readyAt, closed };
  }

  /**
   * A live question left open past its close time while the bot is down: restart → reveal →
   * the next question, `pauseMs` (the configured pause between questions) after the reveal.
   */
  async overdueLive(): Promise<{
    closeMs: number;
    nextMs: number;
    pauseMs: number;
    posts: Record<string, number>;
  }> {
    if (!this.bot.running) await this.bot.start();
    const team = await this.team();
    const live = await this.startLive(team, 2, 4);
    const q0 = liveRoundId(live.id, 0);
    await this.stepDone(stepIds.question(q0));
    await this.bot.kill();
    const round = await this.store.rounds.get(q0);
    await sleep(Math.max(0, (round?.closesAt ?? 0) - Date.now()) + 500);
    await this.bot.start();
    const closeMs = (await this.stepDone(stepIds.reveal(q0))) - this.bot.readyAt;
    const q1 = liveRoundId(live.id, 1);
    const nextMs = (await this.stepDone(stepIds.question(q1))) - this.bot.readyAt;
    const steps = [stepIds.question(q0), stepIds.reveal(q0), stepIds.question(q1)];
    return {
      closeMs,
      nextMs,
      pauseMs: (await loadAppConfig()).live.pauseSeconds * 1000,
      posts: Object.fromEntries(steps.map((s) => [s, this.platform.postsOf(team, s)])),
    };
  }

  /** Polls the step's record until it is done; returns when (ms). */
  async stepDone(stepId: string, timeoutMs = STEP_TIMEOUT_MS): Promise<number> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      if ((await this.store.steps.get(stepId))?.state === 'done') return Date.now();
      if (Date.now() > until)
        throw new Error(`step ${stepId} not done after ${timeoutMs} ms\n${await this.diagnosis()}`);
      await sleep(25);
    }
  }

  /** What the queue and the bot were doing, for a failure message. */
  private async diagnosis(): Promise<string> {
    const counts = await this.queue.getJobCounts('active', 'waiting', 'delayed', 'failed', 'completed');
    const active = (await this.queue.getActive()).map(
      (j) => `${j.id} (${j.name}, stalled ${j.stalledCounter})`,
    );
    const failed = (await this.queue.getFailed()).map((j) => `${j.id}: ${j.failedReason}`);
    return [
      `queue: ${JSON.stringify(counts)}`,
      `active: ${active.join(', ')}`,
      `failed: ${failed.join(', ')}`,
      `bot log:\n${this.bot.log.slice(-4000)}`,
    ].join('\n');
  }

  private async prepare(kind: PostKind, team: Team): Promise<Scenario> {
    const tz = team.settings.timezone;
    switch (kind) {
      case 'daily question': {
        const roundId = dailyRoundId(team.id, localDate(Date.now(), tz));
        const question = stepIds.question(roundId);
        return {
          target: { post: question },
          trigger: () => this.add('daily', { teamId: team.id, at: Date.now() }),
          settle: async () => {
            const at = await this.stepDone(question);
            await this.closeScheduled(roundId);
            return at;
          },
          steps: [question],
          questions: [],
        };
      }
      case 'close':
      case 'reveal': {
        const roundId = await this.postDaily(team);
        const [question, reveal] = [stepIds.question(roundId), stepIds.reveal(roundId)];
        return {
          target: kind === 'close' ? { update: true } : { post: reveal },
          // As its close-due job queues it (the other rounds of that close time stay open).
          trigger: () => this.queue.add('close', { roundId }, { jobId: jobIds.close(roundId) }),
          settle: () => this.stepDone(reveal),
          steps: [question, reveal],
          questions: [question],
        };
      }
      case 'live question': {
        const live = await this.startLive(team, 2, 60);
        const [q0, q1] = [liveRoundId(live.id, 0), liveRoundId(live.id, 1)];
        await this.stepDone(stepIds.question(q0));
        return {
          target: { post: stepIds.question(q1) },
          // The reveal of the first question schedules the second after the pause.
          trigger: () => this.promote(jobIds.close(q0)),
          settle: async () => {
            const at = await this.stepDone(stepIds.question(q1));
            // The recovered question must close like any other: its reference was recovered.
            await this.promote(jobIds.close(q1));
            await this.stepDone(stepIds.standings(live.id));
            return at;
          },
          steps: [q0, q1]
            .flatMap((r) => [stepIds.question(r), stepIds.reveal(r)])
            .concat(stepIds.standings(live.id)),
          questions: [stepIds.question(q0), stepIds.question(q1)],
        };
      }
      case 'standings': {
        const live = await this.startLive(team, 1, 60);
        const q0 = liveRoundId(live.id, 0);
        await this.stepDone(stepIds.question(q0));
        return {
          target: { post: stepIds.standings(live.id) },
          trigger: () => this.promote(jobIds.close(q0)),
          settle: () => this.stepDone(stepIds.standings(live.id)),
          steps: [stepIds.question(q0), stepIds.reveal(q0), stepIds.standings(live.id)],
          questions: [stepIds.question(q0)],
        };
      }
      case 'weekly': {
        const weekly = stepIds.weekly(team.id, previousIsoWeek(Date.now(), tz));
        return {
          target: { post: weekly },
          trigger: () => this.add('weekly', { teamId: team.id, at: Date.now() }),
          settle: () => this.stepDone(weekly),
          steps: [weekly],
          questions: [],
        };
      }
    }
  }

  private async postDaily(team: Team): Promise<string> {
    const roundId = dailyRoundId(team.id, localDate(Date.now(), team.settings.timezone));
    await this.add('daily', { teamId: team.id, at: Date.now() });
    await this.stepDone(stepIds.question(roundId));
    // The step is finished and the close scheduled side by side: wait for both.
    await this.closeScheduled(roundId);
    return roundId;
  }

  /** The posted daily round waits for the close-due job of its close time, which is scheduled. */
  private async closeScheduled(roundId: string): Promise<void> {
    const closesAt = (await this.store.rounds.get(roundId))?.closesAt ?? 0;
    const until = Date.now() + STEP_TIMEOUT_MS;
    for (;;) {
      const waiting = await this.store.daily.waitingForClose(closesAt, 100_000);
      const job = await this.queue.getJob(jobIds.closeDue(closesAt));
      if (waiting.includes(roundId) && (await job?.isDelayed())) return;
      if (Date.now() > until)
        throw new Error(`the close of ${roundId} is not scheduled\n${await this.diagnosis()}`);
      await sleep(25);
    }
  }

  /** A live round as `/k8s-quiz start` leaves it: the round stored, its first question queued. */
  private async startLive(team: Team, count: number, seconds: number): Promise<LiveRound> {
    const live: LiveRound = {
      id: `crash${++this.jobs}x${Date.now().toString(36)}`,
      teamId: team.id,
      starterId: 'u1',
      starterName: 'Ann',
      quizIds: (await shippedBank()).quizzes.slice(0, count).map((q) => q.id),
      seconds,
      index: 0,
      status: 'running',
      startedAt: Date.now(),
    };
    const started = await this.store.lives.start(live);
    if (!started.started) throw new Error('a live round already runs in this channel');
    await this.queue.add('next', { liveId: live.id, index: 0 }, { jobId: jobIds.next(live.id, 0) });
    return live;
  }

  private add(name: 'daily' | 'weekly', data: { teamId: string; at: number }): Promise<Job> {
    return this.queue.add(name, data, { jobId: `crash-${name}-${++this.jobs}` });
  }

  /** Runs a delayed job now, as "everyone answered" does. */
  private async promote(jobId: string): Promise<void> {
    const job = await this.queue.getJob(jobId);
    if (!job) throw new Error(`no job ${jobId}`);
    await job.promote();
  }
}

interface Scenario {
  target: CrashTarget;
  trigger: () => Promise<unknown>;
  /** Waits until the scenario's steps are done after the restart; returns when the round went on. */
  settle: () => Promise<number>;
  steps: string[];
  questions: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
