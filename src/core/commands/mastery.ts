import type { CategoryTally } from '../boards.js';
import type { EngineContext } from '../context.js';
import { addDays, datesEndingOn, daysBetween, localDate } from '../local-time.js';
import { FOCUS_SPAN_DAYS, MASTERY_DAYS, type Mastery, masteryOf, type TeamFocus } from '../mastery.js';
import type { Team } from '../model.js';
import { eligibleCategories } from '../rotation.js';
import { teamText } from '../team-locale.js';
import type { View } from '../view.js';
import { type FocusNote, teamMasteryView } from '../views/mastery-view.js';

/** The team's (or a player's) mastery over the 4 weeks ending today, team-local. */
export async function masteryNow(
  ctx: EngineContext,
  team: Team,
  playerId?: string,
): Promise<{ tallies: CategoryTally[]; mastery: Mastery }> {
  const today = localDate(ctx.clock.now(), team.settings.timezone);
  const tallies = await ctx.store.mastery.tallies(team.id, datesEndingOn(today, MASTERY_DAYS), playerId);
  return { tallies, mastery: masteryOf(tallies, ctx.config.mastery.minAnswers) };
}

/** `/k8s-quiz stats team`. */
export async function teamStats(ctx: EngineContext, team: Team): Promise<View[]> {
  const { t, category } = teamText(ctx, team);
  const [{ tallies, mastery }, focus] = await Promise.all([
    masteryNow(ctx, team),
    ctx.store.mastery.focus(team.id),
  ]);
  const note = focusNote(ctx, team, focus);
  return [
    teamMasteryView({
      tallies,
      mastery,
      minAnswers: ctx.config.mastery.minAnswers,
      categoryName: category,
      t,
      ...(note ? { focus: note } : {}),
    }),
  ];
}

/** The focus while its 7 days last and the daily question can lean to it. */
function focusNote(ctx: EngineContext, team: Team, focus: TeamFocus | undefined): FocusNote | undefined {
  const count = ctx.config.mastery.focusDays;
  if (!focus || count <= 0) return undefined;
  if (!eligibleCategories(ctx.bank, team.settings.categories).includes(focus.category)) return undefined;
  const today = localDate(ctx.clock.now(), team.settings.timezone);
  const day = daysBetween(focus.since, today);
  if (day < 0 || day >= FOCUS_SPAN_DAYS) return undefined;
  return {
    category: focus.category,
    count,
    done: focus.days.length,
    until: addDays(focus.since, FOCUS_SPAN_DAYS - 1),
  };
}
