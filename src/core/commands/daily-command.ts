import type { EngineContext } from '../context.js';
import type { Team } from '../model.js';
import { teamText } from '../team-locale.js';
import type { View } from '../view.js';
import { privateNotice } from '../views/notice.js';
import { questionView } from '../views/question-view.js';

/** `/k8s-quiz daily`: today's open question again, privately, with working buttons. */
export async function showDaily(ctx: EngineContext, team: Team): Promise<View[]> {
  const { t, category } = teamText(ctx, team);
  const { latestRoundId } = await ctx.store.rounds.dailyHistory(team.id);
  const round = latestRoundId ? await ctx.store.rounds.get(latestRoundId) : undefined;
  const quiz = round && ctx.bank.quiz(round.quizId);
  if (!round || !quiz || round.status !== 'open' || round.closesAt <= ctx.clock.now()) {
    return [privateNotice(t('error.noDaily'), 'info')];
  }
  return [
    questionView({ quiz, round, team, t, categoryName: category(quiz.category), visibility: 'private' }),
  ];
}
