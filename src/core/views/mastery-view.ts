import type { Translate } from '../../i18n/catalog.js';
import type { CategoryTally } from '../boards.js';
import type { Mastery } from '../mastery.js';
import type { View, ViewField } from '../view.js';
import { percent } from './format.js';

const line = (c: CategoryTally, categoryName: (id: string) => string, t: Translate) =>
  t('mastery.line', {
    category: categoryName(c.category),
    accuracy: percent(c.correct, c.answered),
    correct: c.correct,
    answered: c.answered,
  });

/** Strongest and weakest categories of the last 4 weeks, as `stats` fields. */
export function masteryFields(
  mastery: Mastery,
  minAnswers: number,
  categoryName: (id: string) => string,
  t: Translate,
): ViewField[] {
  if (!mastery.strongest)
    return [{ name: t('mastery.window'), value: t('mastery.notEnough', { min: minAnswers }) }];
  const fields: ViewField[] = [
    { name: t('mastery.strongest'), value: line(mastery.strongest, categoryName, t), inline: true },
  ];
  if (mastery.weakest)
    fields.push({ name: t('mastery.weakest'), value: line(mastery.weakest, categoryName, t), inline: true });
  return fields;
}

/** The focus a weekly announcement set, while it lasts. */
export interface FocusNote {
  category: string;
  /** Focus days in its 7 days (mastery.focusDays), and how many have been. */
  count: number;
  done: number;
  /** Its last local date. */
  until: string;
}

export interface TeamMasteryInput {
  /** Every category answered in the 4 weeks, counted or not. */
  tallies: readonly CategoryTally[];
  mastery: Mastery;
  minAnswers: number;
  focus?: FocusNote;
  categoryName: (id: string) => string;
  t: Translate;
}

/** `/k8s-quiz stats team`: the team's accuracy per category over 4 weeks, weakest first. */
export function teamMasteryView(input: TeamMasteryInput): View {
  const { t, categoryName } = input;
  const view: View = { visibility: 'private', tone: 'info', title: t('mastery.teamTitle') };
  const answered = input.tallies
    .filter((c) => c.answered > 0)
    .sort(
      (a, b) =>
        a.correct / a.answered - b.correct / b.answered ||
        b.answered - a.answered ||
        a.category.localeCompare(b.category),
    );
  if (answered.length === 0) {
    view.body = t('mastery.teamNone');
    return view;
  }
  view.body = [
    t('mastery.teamBody', { min: input.minAnswers }),
    ...answered.map((c) => `- ${line(c, categoryName, t)}`),
  ].join('\n');
  view.fields = masteryFields(input.mastery, input.minAnswers, categoryName, t);
  if (input.focus) {
    view.fields.push({
      name: t('mastery.focus'),
      value: t('mastery.focusLine', { ...input.focus, category: categoryName(input.focus.category) }),
    });
  }
  return view;
}
