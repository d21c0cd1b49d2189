import type { Translate } from '../../i18n/catalog.js';
import type { CategoryTally } from '../boards.js';
import type { EngineContext } from '../context.js';
import type { Team } from '../model.js';
import type { ViewImage } from '../view.js';
import { weeklyChart } from '../views/weekly-chart.js';

/**
 * The weekly announcement's chart, or undefined: nobody answered, no renderer configured, or
 * drawing failed (logged) — the announcement then goes out as text alone.
 */
export async function weeklyImage(
  ctx: EngineContext,
  team: Team,
  week: string,
  tallies: readonly CategoryTally[],
  categoryName: (id: string) => string,
  t: Translate,
): Promise<ViewImage | undefined> {
  const chart = weeklyChart(week, tallies, categoryName, t);
  if (!chart || !ctx.charts) return undefined;
  try {
    return await ctx.charts.barChart(chart, `k8s-quiz-${week}.png`);
  } catch (error) {
    ctx.logger.warn(
      { err: error, teamId: team.id, week },
      'weekly chart could not be drawn; posting the text alone',
    );
    return undefined;
  }
}
