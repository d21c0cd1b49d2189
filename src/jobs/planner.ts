import { createHash, randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';
import { dailyCron, weeklyCron } from '../core/local-time.js';
import type { Team } from '../core/model.js';
import type { Clock, JobPlanner, RecoveryJob } from '../core/ports.js';
import { JOB_ATTEMPTS, jobIds } from './queue-names.js';

const retries = { attempts: JOB_ATTEMPTS, backoff: { type: 'platform' } };
/** Finished jobs are kept briefly: a deterministic id re-added soon after is still deduplicated. */
const keep = { removeOnComplete: { age: 24 * 3600, count: 10_000 }, removeOnFail: { age: 7 * 24 * 3600 } };

/** The engine's JobPlanner on BullMQ: job schedulers per team, delayed jobs with deterministic ids. */
export class BullJobPlanner implements JobPlanner {
  /** Recovery jobs of one start share this, so a later start can queue them again. */
  private readonly start = randomUUID().slice(0, 8);
  /** Close times whose close-due job this process queued (or is queuing). */
  private readonly closeDue = new Set<number>();

  constructor(
    private readonly queue: Queue,
    private readonly clock: Clock,
  ) {}

  async syncTeam(team: Team): Promise<void> {
    const daily = jobIds.dailyScheduler(team.id);
    const weekly = jobIds.weeklyScheduler(team.id);
    if (team.settings.paused) {
      await Promise.all([this.queue.removeJobScheduler(daily), this.queue.removeJobScheduler(weekly)]);
      return;
    }
    const tz = team.settings.timezone;
    await this.queue.upsertJobScheduler(
      daily,
      { pattern: dailyCron(team.settings), tz },
      { name: 'daily', data: { teamId: team.id }, opts: { ...retries, ...keep } },
    );
    await this.queue.upsertJobScheduler(
      weekly,
      { pattern: weeklyCron(team.settings), tz },
      { name: 'weekly', data: { teamId: team.id }, opts: { ...retries, ...keep } },
    );
  }

  async closeRoundAt(roundId: string, at: number): Promise<void> {
    await this.queue.add(
      'close',
      { roundId },
      { jobId: jobIds.close(roundId), delay: this.delayUntil(at), ...retries, ...keep },
    );
  }

  async closeDueAt(at: number, again = false): Promise<boolean> {
    if (!again && this.closeDue.has(at)) return false;
    if (this.closeDue.size > 100) {
      const now = this.clock.now();
      for (const time of this.closeDue) if (time < now) this.closeDue.delete(time);
    }
    this.closeDue.add(at);
    try {
      const opts = { jobId: jobIds.closeDue(at), delay: this.delayUntil(at), ...retries, ...keep };
      await this.queue.add('close-due', { at }, opts);
    } catch (error) {
      this.closeDue.delete(at); // the next post of this close time tries again
      throw error;
    }
    return true;
  }

  async closeRoundsNow(roundIds: readonly string[]): Promise<void> {
    const close = (roundId: string) => ({
      name: 'close',
      data: { roundId },
      opts: { jobId: jobIds.close(roundId), ...retries, ...keep },
    });
    if (roundIds.length) await this.queue.addBulk(roundIds.map(close));
  }

  async closeRoundNow(roundId: string): Promise<void> {
    const job = await this.queue.getJob(jobIds.close(roundId));
    if (job && (await job.isDelayed())) {
      await job.promote().catch(() => undefined); // already promoted by a concurrent press: fine
      return;
    }
    if (!job)
      await this.queue.add('close', { roundId }, { jobId: jobIds.close(roundId), ...retries, ...keep });
  }

  async nextQuestionAt(liveId: string, index: number, at: number): Promise<void> {
    await this.queue.add(
      'next',
      { liveId, index },
      { jobId: jobIds.next(liveId, index), delay: this.delayUntil(at), ...retries, ...keep },
    );
  }

  async recover(job: RecoveryJob): Promise<void> {
    const { name, ...data } = job;
    // One job per start and job: ids may not contain `:`, which team ids do.
    const key = createHash('sha256').update(JSON.stringify(job)).digest('hex').slice(0, 16);
    await this.queue.add(name, data, {
      jobId: `recover-${this.start}-${name}-${key}`,
      ...retries,
      removeOnComplete: { age: 3600 },
      removeOnFail: keep.removeOnFail,
    });
  }

  private delayUntil(at: number): number {
    return Math.max(0, at - this.clock.now());
  }
}
