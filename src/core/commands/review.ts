import type { EngineContext } from '../context.js';
import { answerReview, type DeckCard, dueCards, isDue, type ReviewGrade, regrade } from '../deck.js';
import { endOfLocalDay, readableDate } from '../local-time.js';
import type { Actor, Team } from '../model.js';
import { teamText } from '../team-locale.js';
import type { View } from '../view.js';
import { privateNotice } from '../views/notice.js';
import { gradeLabel, reviewQuestionView, reviewResultView } from '../views/review-view.js';

/*
 * `/k8s-quiz review`: the player's own spaced review of the items they missed. Everything here
 * is private and touches only the player's deck — never a round, a score or a board.
 */

/** The next due item, or when the next one will be. */
export async function review(ctx: EngineContext, team: Team, actor: Actor): Promise<View[]> {
  const cards = await ctx.store.decks.cards(team.id, actor.id);
  return [nextItemView(ctx, team, cards)];
}

/** An answer button of a review item: checked, graded by default, and explained. */
export async function answerReviewItem(
  ctx: EngineContext,
  team: Team,
  actor: Actor,
  quizId: string,
  choice: number,
): Promise<View[]> {
  const { t } = teamText(ctx, team);
  const quiz = ctx.bank.quiz(quizId);
  const question = quiz && ctx.bank.question(quiz.questionId);
  if (!quiz || !question || choice >= quiz.options.length)
    return [privateNotice(t('review.gone'), 'warning')];
  const now = ctx.clock.now();
  const endOfDay = endOfLocalDay(now, team.settings.timezone);
  let notDue: DeckCard | undefined;
  const card = await ctx.store.decks.update(team.id, actor.id, quizId, (current) => {
    notDue = current && !isDue(current, endOfDay) ? current : undefined;
    return current && !notDue ? answerReview(current, choice === quiz.answer, now) : undefined;
  });
  if (!card) {
    // Answered already (an old message's buttons), or not on this player's deck.
    return notDue
      ? [privateNotice(t('review.notDue', { date: dateOf(team, notDue.memory.due) }), 'warning')]
      : [privateNotice(t('review.gone'), 'warning')];
  }
  return [reviewResultView(question, quiz, choice, card, dateOf(team, card.memory.due), t)];
}

/** A grade button: replaces the default grade of that answer, then shows the next due item. */
export async function gradeReviewItem(
  ctx: EngineContext,
  team: Team,
  actor: Actor,
  command: { quizId: string; grade: ReviewGrade; seq: number },
): Promise<View[]> {
  const { t } = teamText(ctx, team);
  const card = await ctx.store.decks.update(team.id, actor.id, command.quizId, (current) =>
    current?.seq === command.seq ? regrade(current, command.grade) : undefined,
  );
  if (!card) return [privateNotice(t('review.staleGrade'), 'warning')];
  const graded = privateNotice(
    t('review.graded', { grade: gradeLabel(command.grade, t), date: dateOf(team, card.memory.due) }),
    'success',
  );
  const cards = await ctx.store.decks.cards(team.id, actor.id);
  return [graded, nextItemView(ctx, team, cards)];
}

/** `/k8s-quiz review remind on|off`. */
export async function setReviewReminder(
  ctx: EngineContext,
  team: Team,
  actor: Actor,
  on: boolean,
): Promise<View[]> {
  const { t } = teamText(ctx, team);
  await ctx.store.decks.setReminder(team.id, actor.id, on);
  const { dailyTime, timezone } = team.settings;
  return [
    privateNotice(on ? t('review.remindOn', { dailyTime, timezone }) : t('review.remindOff'), 'success'),
  ];
}

function nextItemView(ctx: EngineContext, team: Team, cards: readonly DeckCard[]): View {
  const { t, category } = teamText(ctx, team);
  const now = ctx.clock.now();
  // Items whose question left the bank cannot be asked; they wait on the deck.
  const askable = cards.filter((c) => ctx.bank.quiz(c.quizId));
  const due = dueCards(askable, endOfLocalDay(now, team.settings.timezone));
  const next = due[0] && ctx.bank.quiz(due[0].quizId);
  if (next) return reviewQuestionView(next, category(next.category), due.length, t);
  if (askable.length === 0) return privateNotice(t('review.empty'), 'info');
  const soonest = Math.min(...askable.map((c) => c.memory.due));
  return privateNotice(t('review.nothingDue', { date: dateOf(team, soonest) }), 'info');
}

const dateOf = (team: Team, at: number): string =>
  readableDate(at, team.settings.timezone, team.settings.locale);
