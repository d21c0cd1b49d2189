import type { Queue, Worker } from 'bullmq';
import type { QuizJob } from './queue-names.js';

/**
 * Runs a job through the queue now and resolves when this process's worker has finished
 * it — the terminal playground's `:run`, which must go through the same processors.
 */
export class JobRunner {
  private readonly waiting = new Map<string, (error?: Error) => void>();

  constructor(
    private readonly queue: Queue,
    worker: Worker,
  ) {
    worker.on('completed', (job) => this.settle(job.id));
    worker.on('failed', (job, err) => {
      if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) this.settle(job.id, err);
    });
  }

  /** Adds a one-off job (unique id) and waits for it. */
  async run(job: QuizJob): Promise<void> {
    const jobId = `manual-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
    const done = this.waitFor(jobId); // before adding: a fast worker may finish first
    await this.queue.add(job.name, job.data, { jobId });
    await done;
  }

  /** Waits for an existing job (e.g. a promoted close) unless it already finished. */
  async waitForJob(jobId: string): Promise<void> {
    const job = await this.queue.getJob(jobId);
    if (!job) return;
    const wait = this.waitFor(jobId);
    const state = await job.getState();
    if (state === 'completed' || state === 'failed' || state === 'unknown') this.settle(jobId);
    await wait;
  }

  /** Removes every job of the queue, waiting, delayed, scheduled and finished (the playground's `:reset`). */
  async obliterate(): Promise<void> {
    await this.queue.obliterate({ force: true });
  }

  /** Waits until no job is due now (delayed ones are left), so a line's effects print before the next. */
  async idle(timeoutMs = 15_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const counts = await this.queue.getJobCounts('waiting', 'active', 'prioritized');
      if ((counts.waiting ?? 0) + (counts.active ?? 0) + (counts.prioritized ?? 0) === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  private waitFor(jobId: string | undefined): Promise<void> {
    if (!jobId) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiting.set(jobId, (error) => (error ? reject(error) : resolve()));
    });
  }

  private settle(jobId: string | undefined, error?: Error): void {
    if (!jobId) return;
    this.waiting.get(jobId)?.(error);
    this.waiting.delete(jobId);
  }
}
