import type { CategoryTally } from '../boards.js';
import type { EngineContext } from '../context.js';
import { datesEndingOn, isoWeekDates, localDate } from '../local-time.js';
import { MASTERY_DAYS, masteryOf } from '../mastery.js';
import type { Team } from '../model.js';
import { eligibleCategories } from '../rotation.js';

/** The weakest category the announcement names, and how many daily questions lean to it. */
export interface WeeklyFocus {
  tally: CategoryTally;
  /** Daily questions of the next 7 days drawn from it (0: only named, e.g. in a preview). */
  days: number;
}

/**
 * The team's weakest category over the 4 weeks up to the end of the announced week. The
 * announcement of last week stores it as the team's focus (a retry keeps the first choice);
 * a preview of this week only names it.
 */
export async function weeklyFocus(
  ctx: EngineContext,
  team: Team,
  week: string,
  at: number,
  preview: boolean,
): Promise<WeeklyFocus | undefined> {
  const zone = team.settings.timezone;
  const end = preview ? localDate(at, zone) : (isoWeekDates(week)[6] as string);
  const tallies = await ctx.store.mastery.tallies(team.id, datesEndingOn(end, MASTERY_DAYS));
  const weakest = masteryOf(tallies, ctx.config.mastery.minAnswers).weakest;
  if (!weakest) return undefined;
  if (preview) return { tally: weakest, days: 0 };
  const stored = await ctx.store.mastery.chooseFocus(team.id, {
    week,
    category: weakest.category,
    since: localDate(at, zone),
  });
  const tally = tallies.find((c) => c.category === stored.category) ?? weakest;
  const leans = eligibleCategories(ctx.bank, team.settings.categories).includes(stored.category);
  return { tally, days: leans ? ctx.config.mastery.focusDays : 0 };
}
