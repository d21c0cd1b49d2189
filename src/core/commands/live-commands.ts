import { categoryList, resolveCategory } from '../categories.js';
import type { EngineContext } from '../context.js';
import type { LiveRound } from '../live-round.js';
import type { Actor, Team } from '../model.js';
import { eligibleCategories, pickLiveQuizzes } from '../rotation.js';
import { newLiveId } from '../round-ids.js';
import { closeIfStopping } from '../rounds/live.js';
import { teamText } from '../team-locale.js';
import type { View } from '../view.js';
import { channelNotice, privateNotice } from '../views/notice.js';

export interface StartArgs {
  count: number;
  seconds: number;
  category?: string;
}

/** `/k8s-quiz start`: one live round per channel; the first question follows through the job queue. */
export async function startLive(
  ctx: EngineContext,
  team: Team,
  actor: Actor,
  args: StartArgs,
): Promise<View[]> {
  const { t } = teamText(ctx, team);
  // A pause stops the scheduled posts only; a round someone asks for still runs. A channel the
  // platform refuses posts to cannot run one: the engine's fault notice already says why.
  if (team.fault) return [];
  let categories = eligibleCategories(ctx.bank, team.settings.categories);
  if (args.category) {
    const wanted = resolveCategory(ctx.bank, args.category);
    if (!wanted) {
      const categories = categoryList(ctx.bank);
      return [privateNotice(t('usage.category', { category: args.category, categories }), 'warning')];
    }
    categories = [wanted];
  }
  const id = newLiveId();
  const quizzes = pickLiveQuizzes(ctx.bank, categories, args.count, id);
  if (quizzes.length === 0) return [privateNotice(t('error.emptyCategory'), 'warning')];
  const live: LiveRound = {
    id,
    teamId: team.id,
    starterId: actor.id,
    starterName: actor.name,
    quizIds: quizzes.map((q) => q.id),
    seconds: args.seconds,
    index: 0,
    status: 'running',
    startedAt: ctx.clock.now(),
  };
  const started = await ctx.store.lives.start(live);
  if (!started.started) {
    return [
      privateNotice(t('error.roundBusy', { starter: started.running.starterName }), 'warning', 'plain'),
    ];
  }
  await ctx.store.boards.rememberName(team.id, actor);
  await ctx.planner.nextQuestionAt(id, 0, ctx.clock.now());
  const text = t('live.started', {
    starter: actor.name,
    count: quizzes.length,
    seconds: args.seconds,
  });
  return [channelNotice(text, 'info', 'plain')];
}

/** `/k8s-quiz stop`: the starter or an admin ends the round after revealing the current question. */
export async function stopLive(ctx: EngineContext, team: Team, actor: Actor): Promise<View[]> {
  const { t } = teamText(ctx, team);
  const live = await ctx.store.lives.runningIn(team.id);
  if (!live || live.status === 'finished') return [privateNotice(t('error.noLiveRound'), 'warning')];
  if (live.starterId !== actor.id && !actor.isAdmin) {
    return [privateNotice(t('error.notStarter', { starter: live.starterName }), 'warning', 'plain')];
  }
  await ctx.store.lives.update(live.id, { status: 'stopping', stoppedBy: actor.name });
  // A posted question closes now and its close finishes the round; between questions (or while
  // one is being posted) the `next` job sees the stop and finishes it.
  await closeIfStopping(ctx, live.id);
  return [privateNotice(t('stop.done'), 'info')];
}
