import type { Job, MinimalJob, WorkerOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { QuizEngine } from '../core/engine.js';
import { DeliveryError, type Logger } from '../core/ports.js';
import { isConnectionError } from '../ops/redis-health.js';
import { Worker } from './bullmq.js';
import { QUIZ_QUEUE, type QuizJob } from './queue-names.js';

/** When a scheduled job was due (the scheduler's slot), so a late or repeated run counts for its own day. */
export function dueAt(job: MinimalJob, fallback: number): number {
  const data = job.data as { at?: number };
  return job.opts.prevMillis ?? data.at ?? fallback;
}

/** Waits the platform's Retry-After when it gave one, else 1 s, 2 s, 4 s … (at most a minute). */
export function platformBackoff(attemptsMade: number, _type?: string, err?: Error): number {
  if (err instanceof DeliveryError && err.retryAfterMs !== undefined) return err.retryAfterMs;
  return Math.min(60_000, 1000 * 2 ** Math.max(0, attemptsMade - 1));
}

/** The team or round a job is about, for its log line. */
function subjectOf(job: MinimalJob): { team?: string; round?: string; live?: string } {
  const data = job.data as { teamId?: string; roundId?: string; liveId?: string };
  if (data.teamId) return { team: data.teamId };
  if (data.roundId) return { round: data.roundId };
  return data.liveId ? { live: data.liveId } : {};
}

/**
 * How fast a job whose worker died runs again. The worker renews each job's lock every
 * second for 4 s; every 2 s one worker's check marks active jobs, and moves back to the queue
 * those it marked last time whose lock has lapsed — so a dead worker's job is queued again
 * at most max(2 × 2 s, 4 s + 2 s) = 6 s after it died. Only an event loop blocked for 3 s
 * (4 s lock − 1 s renewal) makes a false stall; see README on what that costs. A job stalled
 * up to 5 times (crash loops, rolling restarts) goes back to the queue; a 6th fails it.
 */
export const STALL_SETTINGS = {
  lockDuration: 4000,
  lockRenewTime: 1000,
  stalledInterval: 2000,
  maxStalledCount: 5,
} as const;

/** Runs every engine job: daily post, round close, next live question, weekly announcement. */
export function createQuizWorker(
  engine: QuizEngine,
  connection: Redis,
  logger: Logger,
  options: Partial<WorkerOptions> = {},
): Worker {
  const worker = new Worker(
    QUIZ_QUEUE,
    async (job: Job) => {
      const { name, data } = job as unknown as QuizJob;
      const now = engine.ctx.clock.now();
      switch (name) {
        case 'daily': {
          // The reminders go at the same time, and retry with it: each is its own step, sent once.
          const { daily, reminders } = await engine.dailyJob(data.teamId, dueAt(job, now));
          return reminders.due > 0 ? { daily, reminders } : daily;
        }
        case 'weekly':
          return engine.postWeekly(data.teamId, dueAt(job, now), data.scope);
        case 'close':
          return engine.closeRound(data.roundId);
        case 'close-due':
          return { queued: await engine.closeDueRounds(data.at) };
        case 'next':
          return engine.askLiveQuestion(data.liveId, data.index);
        case 'question':
          return engine.resumeQuestion(data.roundId);
        default:
          throw new Error(`unknown job ${job.name}`);
      }
    },
    {
      connection,
      concurrency: 50,
      settings: { backoffStrategy: platformBackoff },
      ...STALL_SETTINGS,
      ...options,
    },
  );
  worker.on('completed', (job) => {
    const ms = job.finishedOn && job.processedOn ? job.finishedOn - job.processedOn : undefined;
    logger.info({ job: job.name, id: job.id, ...subjectOf(job), result: job.returnvalue, ms }, 'job done');
  });
  worker.on('failed', (job, err) => {
    const subject = job ? subjectOf(job) : {};
    logger.warn(
      { job: job?.name, id: job?.id, ...subject, attempts: job?.attemptsMade, err: err.message },
      'job failed',
    );
  });
  // Connection errors are the outage RedisHealth logs once; anything else is logged here.
  worker.on('error', (err) => {
    if (!isConnectionError(err)) logger.error({ err: err.message }, 'worker error');
  });
  return worker;
}
