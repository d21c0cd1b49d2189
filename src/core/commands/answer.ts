import type { EngineContext } from '../context.js';
import { clockTime } from '../local-time.js';
import type { Actor, Team } from '../model.js';
import { teamText } from '../team-locale.js';
import type { View } from '../view.js';
import { privateNotice } from '../views/notice.js';
import { optionLetter } from '../views/quiz-text.js';
import { referenceView } from '../views/reveal-view.js';

/** A press on an option button: recorded once, answered privately at once. */
export async function answer(
  ctx: EngineContext,
  team: Team,
  actor: Actor,
  roundId: string,
  choice: number,
): Promise<View[]> {
  const { t } = teamText(ctx, team);
  const outcome = await ctx.store.rounds.recordAnswer(team.id, roundId, actor, choice, ctx.clock.now());
  switch (outcome.status) {
    case 'recorded': {
      if (outcome.everyoneAnswered) await ctx.planner.closeRoundNow(roundId);
      const letter = optionLetter(outcome.choice);
      if (roundId.startsWith('live-'))
        return [privateNotice(t('answer.recordedLive', { choice: letter }), 'success')];
      const closeTime = clockTime(outcome.closesAt, team.settings.timezone);
      return [privateNotice(t('answer.recordedDaily', { choice: letter, closeTime }), 'success')];
    }
    case 'already':
      return [privateNotice(t('answer.already', { choice: optionLetter(outcome.choice) }), 'warning')];
    default:
      // Closed, unknown, or forged: the same polite answer, and nothing changes.
      return [privateNotice(t('answer.closed'), 'warning')];
  }
}

/** The full reference answer of a revealed question, privately. */
export function reference(ctx: EngineContext, team: Team, questionId: string): View[] {
  const { t } = teamText(ctx, team);
  const question = ctx.bank.question(questionId);
  return question ? [referenceView(question, t)] : [privateNotice(t('answer.closed'), 'warning')];
}
