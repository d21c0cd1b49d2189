import type { Translate } from '../../i18n/catalog.js';
import type { Board, CategoryTally, TeamStanding } from '../boards.js';
import type { Player } from '../model.js';
import type { View, ViewField } from '../view.js';
import { boardLine } from './board-views.js';
import { percent } from './format.js';

export interface WeeklyInput {
  week: string;
  /** This week so far (a preview) rather than last week's announcement. */
  soFar?: boolean;
  board: Board;
  teamRank?: { standing: TeamStanding; of: number };
  tallies: CategoryTally[];
  longestStreak?: { player: Player; streak: number };
  /** The weakest category over 4 weeks, and the daily questions that lean to it. */
  focus?: { tally: CategoryTally; days: number };
  categoryName: (id: string) => string;
  t: Translate;
}

/** Last week's announcement: podium, top 10, the team's rank, its best and worst category, the longest streak. */
export function weeklyView(input: WeeklyInput): View {
  const { t, board } = input;
  const view: View = {
    visibility: 'channel',
    tone: 'success',
    title: t(input.soFar ? 'weekly.titleSoFar' : 'weekly.title', { week: input.week }),
  };
  if (board.top.length === 0) {
    view.body = t(input.soFar ? 'weekly.quietSoFar' : 'weekly.quiet');
    // A quiet week can still follow weeks that show a weakness, and the daily questions lean to it.
    if (input.focus) view.fields = [focusField(input.focus, input)];
    return view;
  }
  // The podium, then everyone else in the top 10; names are plain text on every platform.
  view.body = board.top
    .filter((e) => e.rank <= 3)
    .map((e) => boardLine(e, t))
    .join('\n');
  view.bodyFormat = 'plain';
  const rest = board.top.filter((e) => e.rank > 3);
  const fields: ViewField[] = rest.length
    ? [{ name: t('weekly.top'), value: rest.map((e) => boardLine(e, t)).join('\n'), format: 'plain' }]
    : [];
  if (input.teamRank && input.teamRank.of > 1) {
    fields.push({
      name: t('board.teams', { week: input.week }),
      value: t('weekly.teamRank', { rank: input.teamRank.standing.rank, count: input.teamRank.of }),
    });
  }
  const ranked = [...input.tallies].filter((c) => c.answered > 0).sort((a, b) => accuracy(b) - accuracy(a));
  const describe = (c: CategoryTally) =>
    t('weekly.accuracy', {
      category: input.categoryName(c.category),
      accuracy: percent(c.correct, c.answered),
    });
  const [best] = ranked;
  const worst = ranked.at(-1);
  if (best) fields.push({ name: t('weekly.strongest'), value: describe(best), inline: true });
  if (worst && ranked.length > 1)
    fields.push({ name: t('weekly.weakest'), value: describe(worst), inline: true });
  if (input.focus) fields.push(focusField(input.focus, input));
  if (input.longestStreak) {
    fields.push({
      name: t('weekly.longestStreak'),
      value: t('weekly.streakLine', {
        name: input.longestStreak.player.name,
        streak: input.longestStreak.streak,
      }),
      format: 'plain',
      inline: true,
    });
  }
  view.fields = fields;
  return view;
}

const accuracy = (c: CategoryTally) => c.correct / c.answered;

function focusField({ tally, days }: NonNullable<WeeklyInput['focus']>, input: WeeklyInput): ViewField {
  const { t } = input;
  const named = t('mastery.line', {
    category: input.categoryName(tally.category),
    accuracy: percent(tally.correct, tally.answered),
    correct: tally.correct,
    answered: tally.answered,
  });
  return {
    name: t('weekly.focus'),
    value: days > 0 ? `${named}\n${t('weekly.focusLean', { count: days })}` : named,
  };
}
