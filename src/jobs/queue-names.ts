/** One queue for every engine job; the job name says which. */
export const QUIZ_QUEUE = 'k8s-quiz';

export type QuizJob =
  | { name: 'daily'; data: { teamId: string; at?: number } }
  | { name: 'weekly'; data: { teamId: string; at?: number; scope?: 'last' | 'current' } }
  | { name: 'close'; data: { roundId: string } }
  /** Queues the close of every daily round waiting for close time `at`. */
  | { name: 'close-due'; data: { at: number } }
  | { name: 'next'; data: { liveId: string; index: number } }
  | { name: 'question'; data: { roundId: string } };

export type QuizJobName = QuizJob['name'];

/** BullMQ ids may not contain `:`, which team ids do. */
const safe = (id: string) => id.replaceAll(':', '.');

export const jobIds = {
  dailyScheduler: (teamId: string) => `daily-${safe(teamId)}`,
  weeklyScheduler: (teamId: string) => `weekly-${safe(teamId)}`,
  close: (roundId: string) => `close-${roundId}`,
  closeDue: (at: number) => `close-due-${at}`,
  next: (liveId: string, index: number) => `next-${liveId}-${index}`,
};

/** Retries for platform faults: a few, with backoff (or the platform's Retry-After). */
export const JOB_ATTEMPTS = 6;
