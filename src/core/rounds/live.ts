import type { EngineContext } from '../context.js';
import { deliverPost } from '../delivery.js';
import type { LiveRound } from '../live-round.js';
import { isoWeek, localDate } from '../local-time.js';
import type { Round } from '../round.js';
import { liveRoundId } from '../round-ids.js';
import { type PostOutcome, stepIds } from '../step.js';
import { teamText } from '../team-locale.js';
import { standingsView } from '../views/board-views.js';
import { questionView } from '../views/question-view.js';

export type LiveOutcome = { question: PostOutcome } | { standings: PostOutcome } | 'finished';

/** The `next` job: asks question `index` of a live round, or ends the round. */
export async function askLiveQuestion(
  ctx: EngineContext,
  liveId: string,
  index: number,
): Promise<LiveOutcome> {
  const live = await ctx.store.lives.get(liveId);
  if (!live || live.status === 'finished') {
    // A run that died around this question's post after the round ended: not resumed again.
    await ctx.store.steps.abandon(stepIds.question(liveRoundId(liveId, index)));
    return 'finished';
  }
  const team = await ctx.store.teams.get(live.teamId);
  const quiz = ctx.bank.quiz(live.quizIds[index] ?? '');
  // A stop ends the round here unless this question's round exists: then a run before this one
  // died or failed around its post, which is finished (found or made) and then closed.
  const begun = live.status === 'stopping' && (await ctx.store.rounds.get(liveRoundId(liveId, index)));
  if (!team || !quiz || (live.status === 'stopping' && !begun) || index >= live.quizIds.length) {
    return { standings: await finishLive(ctx, live) };
  }
  const now = ctx.clock.now();
  const round = await ctx.store.rounds.create({
    id: liveRoundId(liveId, index),
    teamId: team.id,
    kind: 'live',
    quizId: quiz.id,
    optionCount: quiz.options.length,
    answer: quiz.answer,
    category: quiz.category,
    openedAt: now,
    closesAt: now + live.seconds * 1000,
    localDate: localDate(now, team.settings.timezone),
    week: isoWeek(now, team.settings.timezone),
    liveId,
    index,
    ...(index > 0 ? { previousRoundId: liveRoundId(liveId, index - 1) } : {}),
  });
  await ctx.store.lives.update(liveId, { index });
  const { t, category } = teamText(ctx, team);
  const view = questionView({
    quiz,
    round,
    team,
    t,
    categoryName: category(quiz.category),
    live: progressOf(live, index),
  });
  const delivery = await deliverPost(ctx, team, stepIds.question(round.id), view, {
    resume: { name: 'question', roundId: round.id },
    after: () => ctx.planner.closeRoundAt(round.id, round.closesAt),
  });
  if (delivery.outcome === 'refused') await finishLive(ctx, live);
  // A stop that came while this question was on its way found nothing posted to close.
  else await closeIfStopping(ctx, liveId);
  return { question: delivery.outcome };
}

/**
 * Closes a stopping round's current question now, once it is posted (its close then posts the
 * standings). A stop and the `next` job both call this after their own write, the stop after
 * setting the status and the job after recording the post, so one of them always sees the
 * other's and the question never runs its full time after a stop.
 */
export async function closeIfStopping(ctx: EngineContext, liveId: string): Promise<boolean> {
  const live = await ctx.store.lives.get(liveId);
  if (live?.status !== 'stopping') return false;
  const round = await ctx.store.rounds.get(liveRoundId(liveId, live.index));
  if (round?.status !== 'open') return false;
  // Not out yet: the `next` job posting it calls this again after the post.
  if (!(await ctx.store.steps.get(stepIds.question(round.id)))?.ref) return false;
  await ctx.planner.closeRoundNow(round.id);
  return true;
}

/** After a live question's reveal: the next question after a short pause, or the standings. */
export async function afterLiveQuestion(ctx: EngineContext, round: Round): Promise<void> {
  if (!round.liveId || round.index === undefined) return;
  const live = await ctx.store.lives.get(round.liveId);
  if (!live || live.status === 'finished') return;
  const next = round.index + 1;
  if (live.status === 'running' && next < live.quizIds.length) {
    await ctx.planner.nextQuestionAt(live.id, next, ctx.clock.now() + ctx.config.live.pauseSeconds * 1000);
  } else {
    await finishLive(ctx, live);
  }
}

/** Posts the standings once and frees the channel for the next round. */
export async function finishLive(ctx: EngineContext, live: LiveRound): Promise<PostOutcome> {
  const team = await ctx.store.teams.get(live.teamId);
  let outcome: PostOutcome = 'skipped';
  if (team) {
    const { t } = teamText(ctx, team);
    const standings = await ctx.store.lives.standings(live.id, team.id);
    const view = standingsView(standings, t, live.stoppedBy);
    // The `next` job past the last question is the one that ends the round.
    const resume = { name: 'next', liveId: live.id, index: live.quizIds.length } as const;
    outcome = (await deliverPost(ctx, team, stepIds.standings(live.id), view, { resume })).outcome;
  }
  await ctx.store.lives.finish(live);
  return outcome;
}

/** Position of a live question in its round, for titles and footers. */
export async function liveProgress(
  ctx: EngineContext,
  round: Round,
): Promise<{ index: number; count: number; seconds: number } | undefined> {
  if (!round.liveId || round.index === undefined) return undefined;
  const live = await ctx.store.lives.get(round.liveId);
  return live ? progressOf(live, round.index) : undefined;
}

const progressOf = (live: LiveRound, index: number) => ({
  index,
  count: live.quizIds.length,
  seconds: live.seconds,
});
