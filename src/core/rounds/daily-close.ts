import type { EngineContext } from '../context.js';

/**
 * The daily rounds of thousands of teams close at the same few times, so a posted round does
 * not queue a delayed job of its own (BullMQ's add is one of the heaviest calls in the post):
 * it waits in a sorted set by close time, and one `close-due` job per close time queues the
 * close of every round waiting for it. A round posted this close to its close time gets its
 * own job instead, so the shared one, already run or about to, cannot miss it (clocks of
 * replicas may differ by this much).
 */
export const OWN_CLOSE_WITHIN_MS = 60_000;

/**
 * Schedules the close of a posted daily round. `wait` records the round (`shared`: as waiting
 * for its close time's job) and says whether it is the first to wait for that close time; the
 * job is queued beside it, once per close time and process. A first round whose job this
 * process queued before means Redis lost it (the playground's reset): the job is queued again.
 * A crash before the job is queued is start-up recovery's (recover.ts).
 */
export async function closeWhenDue(
  ctx: EngineContext,
  roundId: string,
  closesAt: number,
  wait: (shared: boolean) => Promise<boolean>,
): Promise<void> {
  if (closesAt - ctx.clock.now() < OWN_CLOSE_WITHIN_MS) {
    await Promise.all([wait(false), ctx.planner.closeRoundAt(roundId, closesAt)]);
    return;
  }
  const [first, queued] = await Promise.all([wait(true), ctx.planner.closeDueAt(closesAt)]);
  if (first && !queued) await ctx.planner.closeDueAt(closesAt, true);
}

const BATCH = 500;

/**
 * The close-due job: queues the close job of every daily round waiting for a close due by
 * `at`, in batches; a round leaves the set once its job is queued, so a rerun (retry, stall)
 * goes on where the first run stopped. Returns how many it queued.
 */
export async function closeDueRounds(ctx: EngineContext, at: number): Promise<number> {
  let queued = 0;
  for (;;) {
    const roundIds = await ctx.store.daily.waitingForClose(at, BATCH);
    if (roundIds.length === 0) return queued;
    await ctx.planner.closeRoundsNow(roundIds);
    await ctx.store.daily.closeQueued(roundIds);
    queued += roundIds.length;
  }
}
