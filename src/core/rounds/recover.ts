import type { EngineContext } from '../context.js';
import type { RecoveryJob } from '../ports.js';
import { isDailyRoundId, liveRoundId } from '../round-ids.js';
import { stepIds } from '../step.js';
import { type DailyOutcome, postDailyQuestion } from './daily.js';
import { closeWhenDue } from './daily-close.js';
import { askLiveQuestion, type LiveOutcome } from './live.js';

/**
 * At start: whatever a crash left half done runs again at once, not after stall detection —
 * every step in flight is finished by the job it names (a post, a close, the standings, the
 * weekly), a round whose close time passed is closed (one still to close has its close job), and a live round whose question was
 * revealed goes on. Reads three small indexes (steps in flight, open rounds, unfinished live
 * rounds), never a scan. Returns the jobs it queued; each job is idempotent, so one still
 * queued or stalled beside it finds its steps done.
 */
export async function recoverAtStart(ctx: EngineContext): Promise<RecoveryJob[]> {
  const jobs = new Map<string, RecoveryJob>();
  const add = (job: RecoveryJob) => jobs.set(JSON.stringify(job), job);
  const { steps, rounds, lives } = ctx.store;
  for (const stepId of await steps.inFlight()) {
    const record = await steps.get(stepId);
    if (record?.resume) add(record.resume);
    else await steps.abandon(stepId); // expired: nothing left to finish
  }
  const now = ctx.clock.now();
  for (const { roundId, closesAt } of await rounds.open()) {
    const question = await steps.get(stepIds.question(roundId));
    // No step yet: the crash came between the round and its post.
    if (!question) add({ name: 'question', roundId });
    else if (question.state === 'done' && closesAt <= now) add({ name: 'close', roundId });
    // The daily post schedules its close beside its last write: make sure a crash between
    // the two left the close scheduled (same job ids, so an existing job is kept).
    else if (question.state === 'done' && isDailyRoundId(roundId))
      await closeWhenDue(ctx, roundId, closesAt, (shared) =>
        shared ? ctx.store.daily.awaitClose(roundId, closesAt) : Promise.resolve(false),
      );
    else if (question.state === 'done') await ctx.planner.closeRoundAt(roundId, closesAt);
  }
  for (const liveId of await lives.unfinished()) {
    const job = await nextOfLive(ctx, liveId);
    if (job) add(job);
  }
  for (const job of jobs.values()) await ctx.planner.recover(job);
  if (jobs.size) ctx.logger.info({ jobs: jobs.size }, 'recovering interrupted rounds');
  return [...jobs.values()];
}

async function nextOfLive(ctx: EngineContext, liveId: string): Promise<RecoveryJob | undefined> {
  const live = await ctx.store.lives.get(liveId);
  if (!live || live.status === 'finished') return undefined;
  // A live round holds its channel for at most an hour; one older than that is not resumed.
  if ((await ctx.store.lives.runningIn(live.teamId))?.id !== live.id) {
    await ctx.store.lives.finish(live);
    ctx.logger.info({ liveId }, 'live round outlived its channel slot; finished without resuming');
    return undefined;
  }
  const round = await ctx.store.rounds.get(liveRoundId(liveId, live.index));
  if (!round) return { name: 'next', liveId, index: live.index };
  if (round.status === 'open') return undefined; // the open-rounds pass covers it
  // Closed: once its reveal is out, the next question (or the standings); else the close first.
  const reveal = await ctx.store.steps.get(stepIds.reveal(round.id));
  return reveal?.state === 'done'
    ? { name: 'next', liveId, index: live.index + 1 }
    : { name: 'close', roundId: round.id };
}

/** The `question` recovery job: posts an existing round's question (see RecoveryJob). */
export async function resumeQuestion(
  ctx: EngineContext,
  roundId: string,
): Promise<DailyOutcome | LiveOutcome | 'unknown'> {
  const round = await ctx.store.rounds.get(roundId);
  if (!round) return 'unknown';
  if (round.liveId !== undefined && round.index !== undefined)
    return askLiveQuestion(ctx, round.liveId, round.index);
  const team = await ctx.store.teams.get(round.teamId);
  return team ? postDailyQuestion(ctx, team, round) : 'unknown';
}
