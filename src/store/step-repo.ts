import type { Redis } from 'ioredis';
import type { RecoveryJob } from '../core/ports.js';
import type { StepRecord, StepState } from '../core/step.js';
import type { StepRepo } from '../core/store-ports.js';
import type { Keys } from './keys.js';
import { pairsToHash } from './round-codec.js';
import { runScript } from './scripts.js';

/** A step record outlives any retry, then expires so Redis does not keep them forever. */
export const STEP_RETENTION_SECONDS = 60 * 60 * 24 * 45;

export class RedisStepRepo implements StepRepo {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  async begin(
    stepId: string,
    now: number,
    resume: RecoveryJob,
  ): Promise<{ record: StepRecord; fresh: boolean }> {
    const [fresh, ...flat] = (await runScript(
      this.redis,
      'beginStep',
      [this.keys.step(stepId), this.keys.stepsInFlight()],
      [stepId, now, STEP_RETENTION_SECONDS, JSON.stringify(resume)],
    )) as [number, ...string[]];
    const record = stepFromHash(pairsToHash(flat));
    if (!record) throw new Error(`step ${stepId} was not stored`);
    return { record, fresh: fresh === 1 };
  }

  async get(stepId: string): Promise<StepRecord | undefined> {
    return stepFromHash(await this.redis.hgetall(this.keys.step(stepId)));
  }

  async advance(stepId: string, state: 'sent' | 'done', ref = ''): Promise<void> {
    await runScript(
      this.redis,
      'advanceStep',
      [this.keys.step(stepId), this.keys.stepsInFlight()],
      [state, ref],
    );
  }

  inFlight(): Promise<string[]> {
    return this.redis.zrange(this.keys.stepsInFlight(), 0, -1);
  }

  async abandon(stepId: string): Promise<void> {
    await this.redis.zrem(this.keys.stepsInFlight(), stepId);
  }

  async lease(stepId: string, holder: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.set(this.keys.stepLease(stepId), holder, 'PX', ttlMs, 'NX')) === 'OK';
  }

  async renewLease(stepId: string, holder: string, ttlMs: number): Promise<boolean> {
    return (await runScript(this.redis, 'renewLease', [this.keys.stepLease(stepId)], [holder, ttlMs])) === 1;
  }

  async releaseLease(stepId: string, holder: string): Promise<void> {
    await runScript(this.redis, 'releaseLease', [this.keys.stepLease(stepId)], [holder]);
  }
}

export function stepFromHash(hash: Record<string, string>): StepRecord | undefined {
  if (!hash.id || !hash.state) return undefined;
  return {
    id: hash.id,
    state: hash.state as StepState,
    intendedAt: Number(hash.intendedAt),
    ...(hash.ref ? { ref: hash.ref } : {}),
    ...(hash.resume ? { resume: JSON.parse(hash.resume) as RecoveryJob } : {}),
  };
}
