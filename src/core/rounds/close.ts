import type { EngineContext } from '../context.js';
import { deliverPost, deliverUpdate } from '../delivery.js';
import type { Team } from '../model.js';
import type { Round, RoundResults } from '../round.js';
import { type PostOutcome, stepIds, type UpdateOutcome } from '../step.js';
import { teamText } from '../team-locale.js';
import { questionView } from '../views/question-view.js';
import { revealView } from '../views/reveal-view.js';
import { learnFromAnswers } from './learn.js';
import { afterLiveQuestion, liveProgress } from './live.js';

export interface CloseResult {
  /** `closed` for the one run that awarded the points. */
  round: 'closed' | 'already' | 'unknown';
  /** The question losing its buttons, and the reveal: two steps, so a crash between them loses neither. */
  update?: UpdateOutcome;
  reveal?: PostOutcome;
}

/**
 * The close job: awards points exactly once (one Lua script), puts the misses on the players'
 * review decks, then reveals — the question
 * message loses its buttons and the results are posted, each its own delivery step. Running
 * it again changes nothing.
 */
export async function closeRound(ctx: EngineContext, roundId: string): Promise<CloseResult> {
  const round = await ctx.store.rounds.get(roundId);
  if (!round) return { round: 'unknown' };
  // The team first: its workspace's teams board is updated by the same script as the points.
  const team = await ctx.store.teams.get(round.teamId);
  const outcome = await ctx.store.rounds.close(round, ctx.config.scoring, team);
  if (!outcome) return { round: 'unknown' };
  await learnFromAnswers(ctx, round, outcome.results);
  const revealed = await reveal(ctx, round, outcome.results, team);
  if (round.kind === 'live') await afterLiveQuestion(ctx, round);
  return { round: outcome.closedNow ? 'closed' : 'already', ...revealed };
}

async function reveal(
  ctx: EngineContext,
  round: Round,
  results: RoundResults,
  team: Team | undefined,
): Promise<Pick<CloseResult, 'update' | 'reveal'>> {
  const quiz = ctx.bank.quiz(round.quizId);
  const question = quiz && ctx.bank.question(quiz.questionId);
  if (!team || !quiz || !question) return {};
  const { t, category } = teamText(ctx, team);
  const live = await liveProgress(ctx, round);
  // The question's reference comes from its step, which a retried post fills in.
  const posted = await ctx.store.steps.get(stepIds.question(round.id));
  const closed = questionView({
    quiz,
    round,
    team,
    t,
    categoryName: category(quiz.category),
    closed: true,
    ...(live ? { live } : {}),
  });
  const resume = { name: 'close', roundId: round.id } as const;
  const update = await deliverUpdate(ctx, team, stepIds.closeQuestion(round.id), posted?.ref, closed, resume);
  const footer = live
    ? t('live.title', { index: live.index + 1, count: live.count, category: category(quiz.category) })
    : undefined;
  const view = revealView(question, quiz, results, t, footer);
  const { outcome } = await deliverPost(ctx, team, stepIds.reveal(round.id), view, { resume });
  return { update, reveal: outcome };
}
