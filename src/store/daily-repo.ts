import type { Redis } from 'ioredis';
import type { Team } from '../core/model.js';
import type { RecoveryJob } from '../core/ports.js';
import type { Round, RoundInit } from '../core/round.js';
import type { StepRecord } from '../core/step.js';
import type { DailyBegun, DailyContext, DailyHistory, DailyRepo } from '../core/store-ports.js';
import type { Keys } from './keys.js';
import { focusFrom } from './mastery-repo.js';
import { pairsToHash, roundFromHash, roundToFields } from './round-codec.js';
import { callScript } from './script-wire.js';
import { STEP_RETENTION_SECONDS, stepFromHash } from './step-repo.js';

/** The daily post's reads and writes as three scripts (see DailyRepo). */
export class RedisDailyRepo implements DailyRepo {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  async context(teamId: string, roundIds: readonly string[], minReporters: number): Promise<DailyContext> {
    const k = this.keys;
    if (roundIds.length !== 3) throw new Error('the daily read takes the rounds of three dates');
    const [rawTeam, quiz0, quiz1, quiz2, used, state, held, focus, reminded] = (await callScript(
      this.redis,
      'readDaily',
      [
        k.team(teamId),
        k.round(roundIds[0] as string),
        k.round(roundIds[1] as string),
        k.round(roundIds[2] as string),
        k.dailyUsed(teamId),
        k.daily(teamId),
        k.reportedItems(),
        k.focus(teamId),
        k.deckReminders(teamId),
      ],
      [String(minReporters)],
    )) as [
      string | null,
      string | null,
      string | null,
      string | null,
      string[],
      string[],
      string[],
      string[],
      string[],
    ];
    const history: DailyHistory = { used: new Set(used) };
    for (let i = 0; i + 1 < state.length; i += 2) {
      const field = state[i];
      if (field === 'lastCategory' || field === 'lastDate' || field === 'latestRoundId')
        history[field] = state[i + 1] as string;
    }
    const rounds = [quiz0, quiz1, quiz2].map((quizId, i) =>
      quizId === null ? undefined : { id: roundIds[i] as string, quizId },
    );
    // Optional fields set after the literal, not spread into it: spreads after the first
    // property take V8's slow copy, and every team's daily job builds this.
    const context: DailyContext = { rounds, history, held: new Set(held), reminded: reminded.sort() };
    if (rawTeam !== null) context.team = JSON.parse(rawTeam) as Team;
    if (focus.length > 0) context.focus = focusFrom(pairsToHash(focus));
    return context;
  }

  async begin(
    round: { id: string; create?: RoundInit; newCycle: boolean },
    step: { id: string; now: number; resume: RecoveryJob; holder: string; ttlMs: number },
  ): Promise<DailyBegun> {
    const k = this.keys;
    const teamId = round.create?.teamId ?? '';
    const [leased, fresh, roundFlat, stepFlat] = (await callScript(
      this.redis,
      'beginDaily',
      [
        k.round(round.id),
        k.openRounds(),
        k.dailyUsed(teamId),
        k.step(step.id),
        k.stepsInFlight(),
        k.stepLease(step.id),
      ],
      [
        round.id,
        String(round.create?.closesAt ?? 0),
        round.newCycle ? '1' : '0',
        step.id,
        String(step.now),
        String(STEP_RETENTION_SECONDS),
        JSON.stringify(step.resume),
        step.holder,
        String(step.ttlMs),
        ...(round.create ? roundToFields(round.create) : []),
      ],
    )) as [number, number, string[], string[]];
    // Left out of the reply when this call wrote them (see the script).
    const stored =
      roundFlat.length > 0
        ? roundFromHash(pairsToHash(roundFlat))
        : round.create && { ...round.create, status: 'open' as const };
    const record: StepRecord | undefined =
      fresh === 1
        ? { id: step.id, state: 'intended', intendedAt: step.now, resume: step.resume }
        : stepFromHash(pairsToHash(stepFlat));
    const begun: DailyBegun = { leased: leased === 1 };
    if (stored) begun.round = stored;
    if (record) begun.step = { record, fresh: fresh === 1 };
    return begun;
  }

  async finish(
    round: Round,
    stepId: string,
    ref: string,
    holder: string,
    sharedClose: boolean,
  ): Promise<boolean> {
    const k = this.keys;
    const first = await callScript(
      this.redis,
      'finishDaily',
      [
        k.step(stepId),
        k.stepsInFlight(),
        k.stepLease(stepId),
        k.dailyUsed(round.teamId),
        k.daily(round.teamId),
        k.focus(round.teamId),
        k.dailyCloses(),
      ],
      [
        ref,
        holder,
        round.quizId,
        round.category,
        round.localDate,
        round.id,
        round.focus ? '1' : '0',
        sharedClose ? String(round.closesAt) : '',
      ],
    );
    return first === 1;
  }

  async awaitClose(roundId: string, closesAt: number): Promise<boolean> {
    const key = this.keys.dailyCloses();
    const [[, before]] = (await this.redis
      .multi()
      .zcount(key, closesAt, closesAt)
      .zadd(key, closesAt, roundId)
      .exec()) as [[Error | null, number]];
    return before === 0;
  }

  waitingForClose(at: number, limit: number): Promise<string[]> {
    return this.redis.zrangebyscore(this.keys.dailyCloses(), '-inf', at, 'LIMIT', 0, limit);
  }

  async closeQueued(roundIds: readonly string[]): Promise<void> {
    if (roundIds.length) await this.redis.zrem(this.keys.dailyCloses(), ...roundIds);
  }
}
