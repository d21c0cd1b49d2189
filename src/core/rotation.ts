import { hash } from 'node:crypto';
import type { QuestionBank } from '../content/bank.js';
import type { Quiz } from '../content/types.js';
import type { DailyHistory } from './store-ports.js';

export interface DailyPick {
  quiz: Quiz;
  /** True when every eligible item had been used: a new cycle starts with this one. */
  newCycle: boolean;
  /** Drawn for the focus category rather than the next category in turn. */
  focus?: boolean;
}

/** Categories a team draws from, in bank order (empty filter: all with items). */
export function eligibleCategories(bank: QuestionBank, filter: readonly string[]): string[] {
  return bank.categories
    .map((c) => c.id)
    .filter((id) => (filter.length === 0 || filter.includes(id)) && bank.quizzesIn(id).length > 0);
}

/**
 * Picks the day's item: no repeats until the team's eligible items are used up, and the
 * category after yesterday's (in bank order) that still has unused items. Within a
 * category the pick is seeded by team and date, so teams do not all get the same item.
 * On a focus day (`focus`: the team's weakest category, see mastery.ts) the item comes from
 * that category while it has unused items; the turn of the others is unchanged.
 */
export function pickDailyQuiz(
  bank: QuestionBank,
  filter: readonly string[],
  history: DailyHistory,
  seed: string,
  focus?: string,
): DailyPick | undefined {
  const categories = eligibleCategories(bank, filter);
  if (categories.length === 0) return undefined;
  const used = (quiz: Quiz) => history.used.has(quiz.id);
  // Stops at the first unused item: a fan-out asks this for every team.
  const newCycle = categories.every((c) => bank.quizzesIn(c).every(used));
  const remaining = (category: string) =>
    newCycle ? bank.quizzesIn(category) : bank.quizzesIn(category).filter((quiz) => !used(quiz));

  if (focus && categories.includes(focus)) {
    const pool = remaining(focus);
    if (pool.length > 0) return { quiz: pool[seededIndex(seed, pool.length)] as Quiz, newCycle, focus: true };
  }

  const start = history.lastCategory ? categories.indexOf(history.lastCategory) + 1 : 0;
  for (let step = 0; step < categories.length; step++) {
    const category = categories[(start + step) % categories.length] as string;
    const pool = remaining(category);
    if (pool.length > 0) return { quiz: pool[seededIndex(seed, pool.length)] as Quiz, newCycle };
  }
  return undefined;
}

/** Picks `count` distinct items for a live round, seeded by the round id. */
export function pickLiveQuizzes(
  bank: QuestionBank,
  categories: readonly string[],
  count: number,
  seed: string,
): Quiz[] {
  const pool = categories.flatMap((c) => [...bank.quizzesIn(c)]);
  const ranked = pool
    .map((quiz) => ({ quiz, key: hash('sha1', `${seed}:${quiz.id}`) }))
    .sort((a, b) => a.key.localeCompare(b.key));
  // One item per question first, so a short round does not ask the same question twice.
  const seen = new Set<string>();
  const distinct = ranked.filter(({ quiz }) => !seen.has(quiz.questionId) && seen.add(quiz.questionId));
  const rest = ranked.filter((r) => !distinct.includes(r));
  return [...distinct, ...rest].slice(0, count).map((r) => r.quiz);
}

/** SHA-1's first 32 bits (the one-shot hash: no Hash object per daily pick). */
function seededIndex(seed: string, length: number): number {
  return hash('sha1', seed, 'buffer').readUInt32BE(0) % length;
}
