import { Queue, type Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { AppConfig } from '../../src/config/app-config.js';
import { loadAppConfig } from '../../src/config/load-config.js';
import type { QuestionBank } from '../../src/content/bank.js';
import { loadBank } from '../../src/content/load-bank.js';
import { QuizEngine } from '../../src/core/engine.js';
import type { Actor, Team } from '../../src/core/model.js';
import { teamIdOf } from '../../src/core/model.js';
import type { Clock, DeliveryError, Outbox, PostReceipt, PostStep } from '../../src/core/ports.js';
import type { View } from '../../src/core/view.js';
import { BullJobPlanner } from '../../src/jobs/planner.js';
import { QUIZ_QUEUE } from '../../src/jobs/queue-names.js';
import { createQuizWorker } from '../../src/jobs/worker.js';
import { createRedisStore } from '../../src/store/redis-store.js';
import { type RecordingLogger, recordingLogger } from './recording-logger.js';

/** A clock tests move by hand. */
export class TestClock implements Clock {
  constructor(public time: number) {}
  now = () => this.time;
  set(iso: string) {
    this.time = Date.parse(iso);
  }
}

export interface Posted {
  team: string;
  ref: string;
  view: View;
  step?: PostStep;
}

/** Records what the engine sends a channel; can be told to fail like a platform would. */
export class RecordingOutbox implements Outbox {
  posts: Posted[] = [];
  updates: Posted[] = [];
  failNext: DeliveryError[] = [];

  async post(team: Team, view: View, step: PostStep): Promise<PostReceipt> {
    const fault = this.failNext.shift();
    if (fault) throw fault;
    const ref = `msg-${this.posts.length + 1}`;
    this.posts.push({ team: team.id, ref, view, step });
    return { ref, found: false };
  }

  async update(team: Team, ref: string, view: View): Promise<void> {
    this.updates.push({ team: team.id, ref, view });
  }

  /** Messages to one player (review reminders), with whom they went to. */
  privates: (Posted & { playerId: string })[] = [];

  async postPrivately(team: Team, playerId: string, view: View, step: PostStep): Promise<PostReceipt> {
    const fault = this.failNext.shift();
    if (fault) throw fault;
    const ref = `dm-${this.privates.length + 1}`;
    this.privates.push({ team: team.id, ref, view, step, playerId });
    return { ref, found: false };
  }
}

let bankPromise: Promise<QuestionBank> | undefined;
export function shippedBank(): Promise<QuestionBank> {
  bankPromise ??= loadBank('content').then((r) => {
    if (!r.ok) throw new Error('shipped bank invalid');
    return r.value;
  });
  return bankPromise;
}

export interface Harness {
  engine: QuizEngine;
  outbox: RecordingOutbox;
  clock: TestClock;
  queue: Queue;
  config: AppConfig;
  logger: RecordingLogger;
  startWorker(): Worker;
  close(): Promise<void>;
}

/** The real engine on the real Redis (fresh prefix) and a real BullMQ queue; the platform is recorded. */
export async function createHarness(
  url: string,
  prefix: string,
  startIso = '2026-11-26T01:30:00Z',
): Promise<Harness> {
  const redis = new Redis(url, { maxRetriesPerRequest: null });
  const jobs = new Redis(url, { maxRetriesPerRequest: null });
  const config = await loadAppConfig();
  const clock = new TestClock(Date.parse(startIso));
  const queue = new Queue(QUIZ_QUEUE, { connection: jobs, prefix: `${prefix}bull` });
  const outbox = new RecordingOutbox();
  const logger = recordingLogger();
  const store = createRedisStore(redis, prefix);
  const planner = new BullJobPlanner(queue, clock);
  const engine = new QuizEngine({ bank: await shippedBank(), store, planner, outbox, clock, config, logger });
  const workers: Worker[] = [];
  return {
    engine,
    outbox,
    clock,
    queue,
    config,
    logger,
    startWorker() {
      const worker = createQuizWorker(engine, jobs, logger, { prefix: `${prefix}bull` });
      workers.push(worker);
      return worker;
    },
    async close() {
      for (const w of workers) await w.close();
      await queue.close();
      redis.disconnect();
      jobs.disconnect();
    },
  };
}

export const player = (n: number | string, isAdmin = false): Actor => ({
  id: `u${n}`,
  name: `player ${n}`,
  isAdmin,
});

/** Registers a team through `/k8s-quiz setup` as an admin. */
export async function setUpTeam(
  h: Harness,
  channelId: string,
  changes: Record<string, unknown> = {},
  workspaceId = 'W1',
): Promise<Team> {
  const address = { platform: 'slack' as const, workspaceId, channelId };
  await h.engine.handle({ team: address, actor: player('admin', true), command: { name: 'setup', changes } });
  const team = await h.engine.ctx.store.teams.get(teamIdOf(address));
  if (!team) throw new Error('setup did not register the team');
  return team;
}
