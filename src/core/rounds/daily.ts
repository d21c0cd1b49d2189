import type { EngineContext } from '../context.js';
import { deliverPost } from '../delivery.js';
import { atLocalTime, isoWeek, localDate, nextLocalTime } from '../local-time.js';
import { focusDue } from '../mastery.js';
import type { Team } from '../model.js';
import { pickDailyQuiz } from '../rotation.js';
import type { Round } from '../round.js';
import { dailyRoundId } from '../round-ids.js';
import { type PostOutcome, stepIds } from '../step.js';
import { teamText } from '../team-locale.js';
import { questionView } from '../views/question-view.js';
import { tellNoItems } from './no-items.js';

export type DailyOutcome = PostOutcome;

/**
 * The daily job: one question per team and local date, whatever the number of runs.
 * `at` is when the job was due, so a late or repeated run still counts for its own day.
 */
export async function postDaily(ctx: EngineContext, teamId: string, at: number): Promise<DailyOutcome> {
  const team = await ctx.store.teams.get(teamId);
  if (!team || team.settings.paused) return 'skipped';
  const round = await dailyRoundFor(ctx, team, at);
  if (!round) {
    ctx.logger.warn({ teamId }, 'no quiz item available for the daily question');
    await tellNoItems(ctx, team, at);
    return 'skipped';
  }
  return postDailyQuestion(ctx, team, round);
}

/** Posts a daily round's question as its delivery step, then schedules the close. */
export async function postDailyQuestion(ctx: EngineContext, team: Team, round: Round): Promise<DailyOutcome> {
  const quiz = ctx.bank.quiz(round.quizId);
  if (!quiz) return 'skipped';
  const { t, category } = teamText(ctx, team);
  const view = questionView({ quiz, round, team, t, categoryName: category(quiz.category) });
  const delivery = await deliverPost(ctx, team, stepIds.question(round.id), view, {
    resume: { name: 'question', roundId: round.id },
    // Both are idempotent, so a run after a crash completes what the first one started.
    after: async () => {
      await ctx.store.rounds.markDailyPosted(round);
      await ctx.planner.closeRoundAt(round.id, round.closesAt);
    },
  });
  return delivery.outcome;
}

async function dailyRoundFor(ctx: EngineContext, team: Team, at: number): Promise<Round | undefined> {
  const { timezone, closeTime, categories } = team.settings;
  const date = localDate(at, timezone);
  const id = dailyRoundId(team.id, date);
  const existing = await ctx.store.rounds.get(id);
  if (existing) return existing;

  const history = await ctx.store.rounds.dailyHistory(team.id);
  // Items enough players reported as wrong wait for a maintainer (`content reports clear`).
  const held = await ctx.store.reports.heldBack(ctx.config.reports.holdAfter);
  const bank = held.size > 0 ? ctx.bank.without(held) : ctx.bank;
  const focus = await ctx.store.mastery.focus(team.id);
  const leaning = focusDue(focus, date, ctx.config.mastery.focusDays) ? focus?.category : undefined;
  const pick = pickDailyQuiz(bank, categories, history, `${team.id}:${date}`, leaning);
  if (!pick) return undefined;
  if (pick.newCycle) await ctx.store.rounds.resetDailyCycle(team.id);
  const now = ctx.clock.now();
  // Closes at today's close time; a question posted after it stays open until the next one.
  const closeToday = atLocalTime(date, closeTime, timezone);
  const closesAt = closeToday > now ? closeToday : nextLocalTime(now, closeTime, timezone);
  return ctx.store.rounds.create({
    id,
    teamId: team.id,
    kind: 'daily',
    quizId: pick.quiz.id,
    optionCount: pick.quiz.options.length,
    answer: pick.quiz.answer,
    category: pick.quiz.category,
    openedAt: now,
    closesAt,
    localDate: date,
    week: isoWeek(at, timezone),
    ...(history.lastDate && history.lastDate !== date ? { previousDailyDate: history.lastDate } : {}),
    ...(pick.focus ? { focus: true } : {}),
  });
}
