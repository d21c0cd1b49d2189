import type { EngineContext } from '../context.js';
import { deliverOnce } from '../delivery.js';
import type { Round, RoundResults } from '../round.js';
import { teamText } from '../team-locale.js';
import { questionView } from '../views/question-view.js';
import { revealView } from '../views/reveal-view.js';
import { afterLiveQuestion, liveProgress } from './live.js';

/**
 * The close job: awards points exactly once (one Lua script), then reveals once — the
 * question message loses its buttons and the results are posted. Running it again
 * changes nothing.
 */
export async function closeRound(
  ctx: EngineContext,
  roundId: string,
): Promise<'closed' | 'already' | 'unknown'> {
  const round = await ctx.store.rounds.get(roundId);
  if (!round) return 'unknown';
  const outcome = await ctx.store.rounds.close(round, ctx.config.scoring);
  if (!outcome) return 'unknown';
  await reveal(ctx, round, outcome.results);
  if (round.kind === 'live') await afterLiveQuestion(ctx, round);
  return outcome.closedNow ? 'closed' : 'already';
}

async function reveal(ctx: EngineContext, round: Round, results: RoundResults): Promise<void> {
  const team = await ctx.store.teams.get(round.teamId);
  const quiz = ctx.bank.quiz(round.quizId);
  const question = quiz && ctx.bank.question(quiz.questionId);
  if (!team || !quiz || !question) return;
  const { t, category } = teamText(ctx, team);
  const live = await liveProgress(ctx, round);
  await deliverOnce(ctx, team, `reveal:${round.id}`, async () => {
    const stored = await ctx.store.rounds.get(round.id);
    if (stored?.messageRef) {
      const closed = questionView({
        quiz,
        round,
        team,
        t,
        categoryName: category(quiz.category),
        closed: true,
        ...(live ? { live } : {}),
      });
      await ctx.outbox.update(team, stored.messageRef, closed);
    }
    const footer = live
      ? t('live.title', { index: live.index + 1, count: live.count, category: category(quiz.category) })
      : undefined;
    await ctx.outbox.post(team, revealView(question, quiz, results, t, footer));
  });
}
