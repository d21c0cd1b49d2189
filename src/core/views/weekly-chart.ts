import type { Translate } from '../../i18n/catalog.js';
import type { CategoryTally } from '../boards.js';
import type { BarChart } from '../chart.js';
import { percent } from './format.js';

/**
 * The weekly chart: last week's accuracy per category (daily and live answers), weakest
 * first — where the team should read up. Undefined when nobody answered.
 */
export function weeklyChart(
  week: string,
  tallies: readonly CategoryTally[],
  categoryName: (id: string) => string,
  t: Translate,
): BarChart | undefined {
  const bars = tallies
    .filter((c) => c.answered > 0)
    .map((c) => ({ c, value: c.correct / c.answered }))
    .sort(
      (a, b) => a.value - b.value || b.c.answered - a.c.answered || a.c.category.localeCompare(b.c.category),
    )
    .map(({ c, value }) => ({
      label: categoryName(c.category),
      value,
      note: `${percent(c.correct, c.answered)} (${c.correct}/${c.answered})`,
    }));
  if (bars.length === 0) return undefined;
  return { title: t('weekly.chartTitle', { week }), subtitle: t('weekly.chartSubtitle'), bars };
}
