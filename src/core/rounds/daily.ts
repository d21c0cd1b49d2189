import type { EngineContext } from '../context.js';
import { deliverPost, refusedOr } from '../delivery.js';
import { atLocalTime, isoWeek, localDate, nextLocalTime } from '../local-time.js';
import { focusDue } from '../mastery.js';
import type { Team } from '../model.js';
import { pickDailyQuiz } from '../rotation.js';
import type { Round, RoundInit } from '../round.js';
import { dailyRoundId, dailyRoundIds } from '../round-ids.js';
import { type PostOutcome, stepIds } from '../step.js';
import { holdLease, LEASE_MS, leaseHolder } from '../step-lease.js';
import type { DailyContext } from '../store-ports.js';
import { teamText } from '../team-locale.js';
import { questionView } from '../views/question-view.js';
import { closeWhenDue } from './daily-close.js';
import { tellNoItems } from './no-items.js';
import { type RemindOutcome, sendReminders } from './remind.js';

export type DailyOutcome = PostOutcome;

/**
 * The daily job: the question, then the review reminders due that day — the team, its
 * history and who wants reminders read once, in the post's first round trip. A refused post
 * paused the team: no reminders then.
 */
export async function dailyJob(
  ctx: EngineContext,
  teamId: string,
  at: number,
): Promise<{ daily: DailyOutcome; reminders: RemindOutcome }> {
  const read = await readDaily(ctx, teamId, at);
  const daily = await postDailyFrom(ctx, read, teamId, at);
  const { team } = read.context;
  const reminders =
    team && !team.settings.paused && daily !== 'refused'
      ? await sendReminders(ctx, team, read.context.reminded, at)
      : { due: 0, sent: 0 };
  return { daily, reminders };
}

/**
 * The daily job: one question per team and local date, whatever the number of runs.
 * `at` is when the job was due, so a late or repeated run still counts for its own day.
 *
 * Three Redis round trips besides the platform's: read everything (team, the day's round,
 * history, held-back items, focus) in one pipeline; create the round, take the step's lease
 * and begin the step in one script; after the post, finish the step with the history in one
 * script, which also lets the round wait for its close time's shared close job (queued beside
 * it, once per close time: daily-close.ts). Start-up recovery schedules the close of any open
 * round whose question is out, so a crash between those last two loses nothing.
 */
export async function postDaily(ctx: EngineContext, teamId: string, at: number): Promise<DailyOutcome> {
  return postDailyFrom(ctx, await readDaily(ctx, teamId, at), teamId, at);
}

interface DailyRead {
  context: DailyContext;
  /** The UTC dates around `at` the context's rounds were read under, and those rounds' ids. */
  dates: readonly string[];
  ids: string[];
}

/** The first round trip: the team's local date is one of three around the UTC date; all three are read at once. */
async function readDaily(ctx: EngineContext, teamId: string, at: number): Promise<DailyRead> {
  const dates = utcDatesAround(at);
  const ids = dailyRoundIds(teamId, dates);
  return { context: await ctx.store.daily.context(teamId, ids, ctx.config.reports.holdAfter), dates, ids };
}

async function postDailyFrom(
  ctx: EngineContext,
  { context: read, dates, ids }: DailyRead,
  teamId: string,
  at: number,
): Promise<DailyOutcome> {
  const { team } = read;
  if (!team || team.settings.paused) return 'skipped';
  const date = localDate(at, team.settings.timezone);
  const day = dates.indexOf(date);
  const existing = read.rounds[day];
  const plan: { id: string; create?: RoundInit; newCycle: boolean } | undefined = existing
    ? { id: existing.id, newCycle: false }
    : planRound(ctx, team, at, read, ids[day] ?? dailyRoundId(team.id, date));
  if (!plan) {
    ctx.logger.warn({ teamId }, 'no quiz item available for the daily question');
    await tellNoItems(ctx, team, at);
    return 'skipped';
  }
  if (!ctx.bank.quiz(existing?.quizId ?? plan.create?.quizId ?? '')) return 'skipped';
  const stepId = stepIds.question(plan.id);
  const holder = leaseHolder();
  const resume = { name: 'question', roundId: plan.id } as const;
  const begun = await ctx.store.daily.begin(plan, {
    id: stepId,
    now: ctx.clock.now(),
    resume,
    holder,
    ttlMs: LEASE_MS,
  });
  if (!begun.round) return 'skipped'; // the round expired between the two calls
  // Another run holds the step: the usual path waits for it and finds the step finished.
  if (!begun.leased || !begun.step) return postDailyQuestion(ctx, team, begun.round);
  const round = begun.round;
  const { record, fresh } = begun.step;
  // The lease was taken by the script just now, with nothing awaited since: no need to confirm it.
  return holdLease(ctx, stepId, holder, async (lease) => {
    if (record.state === 'done') return 'already-posted';
    let ref = record.ref ?? '';
    let outcome: DailyOutcome = 'found-existing';
    if (record.state === 'intended') {
      const view = dailyView(ctx, team, round);
      if (!view) return 'skipped';
      const step = { id: stepId, intendedAt: record.intendedAt, retry: !fresh };
      const receipt = await refusedOr(ctx, team, stepId, () => ctx.outbox.post(team, view, step));
      if (!receipt) return 'refused';
      ref = receipt.ref;
      outcome = fresh ? 'posted' : receipt.found ? 'found-existing' : 'recovered';
    }
    await closeWhenDue(ctx, round.id, round.closesAt, (shared) =>
      ctx.store.daily.finish(round, stepId, ref, holder, shared),
    );
    lease.released();
    return outcome;
  });
}

const DAY_MS = 24 * 3600 * 1000;

/** The last UTC day's three dates: a fan-out's thousands of jobs all ask for the same ones. */
let around: { day: number; dates: readonly string[] } | undefined;

/** The UTC dates of the day before `at`, its day and the day after. */
function utcDatesAround(at: number): readonly string[] {
  const day = Math.floor(at / DAY_MS);
  if (around?.day !== day) {
    const dates = [-1, 0, 1].map((days) => new Date((day + days) * DAY_MS).toISOString().slice(0, 10));
    around = { day, dates };
  }
  return around.dates;
}

function dailyView(ctx: EngineContext, team: Team, round: Round) {
  const quiz = ctx.bank.quiz(round.quizId);
  if (!quiz) return undefined;
  const { t, category } = teamText(ctx, team);
  return questionView({ quiz, round, team, t, categoryName: category(quiz.category) });
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
      await closeWhenDue(ctx, round.id, round.closesAt, (shared) =>
        shared ? ctx.store.daily.awaitClose(round.id, round.closesAt) : Promise.resolve(false),
      );
    },
  });
  return delivery.outcome;
}

/** The day's round `id` to create: the rotation's pick from what `context` read (no Redis call). */
function planRound(
  ctx: EngineContext,
  team: Team,
  at: number,
  read: DailyContext,
  id: string,
): { id: string; create: RoundInit; newCycle: boolean } | undefined {
  const { timezone, closeTime, categories } = team.settings;
  const date = localDate(at, timezone);
  const { history, held, focus } = read;
  // Items enough players reported as wrong wait for a maintainer (`content reports clear`).
  const bank = held.size > 0 ? ctx.bank.without(held) : ctx.bank;
  const leaning = focusDue(focus, date, ctx.config.mastery.focusDays) ? focus?.category : undefined;
  const pick = pickDailyQuiz(bank, categories, history, `${team.id}:${date}`, leaning);
  if (!pick) return undefined;
  const now = ctx.clock.now();
  // Closes at today's close time; a question posted after it stays open until the next one.
  const closeToday = atLocalTime(date, closeTime, timezone);
  const closesAt = closeToday > now ? closeToday : nextLocalTime(now, closeTime, timezone);
  const create: RoundInit = {
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
  };
  return { id, create, newCycle: pick.newCycle };
}
