import type { EngineContext } from '../context.js';
import { deliverOnce } from '../delivery.js';
import type { LiveRound } from '../live-round.js';
import { isoWeek, localDate } from '../local-time.js';
import type { Round } from '../round.js';
import { liveRoundId } from '../round-ids.js';
import { teamText } from '../team-locale.js';
import { standingsView } from '../views/board-views.js';
import { questionView } from '../views/question-view.js';

/** The `next` job: asks question `index` of a live round, or ends the round. */
export async function askLiveQuestion(ctx: EngineContext, liveId: string, index: number): Promise<void> {
  const live = await ctx.store.lives.get(liveId);
  if (!live || live.status === 'finished') return;
  const team = await ctx.store.teams.get(live.teamId);
  const quiz = ctx.bank.quiz(live.quizIds[index] ?? '');
  if (!team || !quiz || live.status === 'stopping' || index >= live.quizIds.length) {
    await finishLive(ctx, live);
    return;
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
  const delivery = await deliverOnce(ctx, team, `post:${round.id}`, () => ctx.outbox.post(team, view));
  if (delivery.status === 'refused') {
    await finishLive(ctx, live);
    return;
  }
  if (delivery.status === 'sent') await ctx.store.rounds.setMessageRef(round.id, delivery.value);
  await ctx.planner.closeRoundAt(round.id, round.closesAt);
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
export async function finishLive(ctx: EngineContext, live: LiveRound): Promise<void> {
  const team = await ctx.store.teams.get(live.teamId);
  if (team) {
    const { t } = teamText(ctx, team);
    const standings = await ctx.store.lives.standings(live.id, team.id);
    await deliverOnce(ctx, team, `standings:${live.id}`, () =>
      ctx.outbox.post(team, standingsView(standings, t, live.stoppedBy)),
    );
  }
  await ctx.store.lives.finish(live);
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
