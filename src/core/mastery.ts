import type { CategoryTally } from './boards.js';
import { daysBetween } from './local-time.js';

/** Topic mastery looks at the last 4 weeks of answers (daily and live), by team-local date. */
export const MASTERY_DAYS = 28;

/** A weekly announcement's focus lasts this many days from the day it was posted. */
export const FOCUS_SPAN_DAYS = 7;

export interface Mastery {
  /** Categories with enough answers to judge, weakest first. */
  ranked: CategoryTally[];
  strongest?: CategoryTally;
  /** Only when at least two categories can be compared. */
  weakest?: CategoryTally;
}

const accuracy = (c: CategoryTally) => c.correct / c.answered;

/**
 * Strongest and weakest categories. A category needs `minAnswers` answers to count, so one
 * unlucky guess does not make a weakness; among equal accuracies the one with more answers
 * is the surer judgement and comes first.
 */
export function masteryOf(tallies: readonly CategoryTally[], minAnswers: number): Mastery {
  const ranked = tallies
    .filter((c) => c.answered > 0 && c.answered >= minAnswers)
    .sort(
      (a, b) => accuracy(a) - accuracy(b) || b.answered - a.answered || a.category.localeCompare(b.category),
    );
  const mastery: Mastery = { ranked };
  const strongest = [...ranked].sort(
    (a, b) => accuracy(b) - accuracy(a) || b.answered - a.answered || a.category.localeCompare(b.category),
  )[0];
  if (strongest) mastery.strongest = strongest;
  if (ranked.length > 1 && ranked[0]) mastery.weakest = ranked[0];
  return mastery;
}

/** The category a weekly announcement named, which the daily question leans towards for a week. */
export interface TeamFocus {
  /** The ISO week the announcement was about. */
  week: string;
  category: string;
  /** Team-local date the announcement was posted: the first day of the focus. */
  since: string;
  /** Local dates whose daily question was drawn from the focus category for it. */
  days: string[];
}

/**
 * Whether today's daily question should come from the focus category: `focusDays` of the 7
 * days after the announcement do, spread over them (with 2: the first day and the fourth).
 * A day missed — the announcement came after that day's question, or the category had no
 * unused item — is caught up on the next day.
 */
export function focusDue(focus: TeamFocus | undefined, today: string, focusDays: number): boolean {
  if (!focus || focusDays <= 0) return false;
  const day = daysBetween(focus.since, today);
  if (day < 0 || day >= FOCUS_SPAN_DAYS) return false;
  const done = focus.days.filter((d) => d < today).length;
  return done < Math.ceil(((day + 1) * Math.min(focusDays, FOCUS_SPAN_DAYS)) / FOCUS_SPAN_DAYS);
}
