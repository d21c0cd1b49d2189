import { describe, expect, it } from 'vitest';
import { datesEndingOn, daysBetween, isoWeekDates } from '../../src/core/local-time.js';
import { focusDue, masteryOf, type TeamFocus } from '../../src/core/mastery.js';

describe('topic mastery: strongest and weakest categories', () => {
  it('GIVEN tallies THEN the weakest is the lowest accuracy, the strongest the highest; too few answers do not count', () => {
    const mastery = masteryOf(
      [
        { category: 'pods', answered: 10, correct: 9 },
        { category: 'networking', answered: 8, correct: 2 },
        { category: 'security', answered: 2, correct: 0 }, // 0 %, but only 2 answers
        { category: 'storage-config', answered: 4, correct: 2 },
      ],
      3,
    );
    expect(mastery.weakest?.category).toBe('networking');
    expect(mastery.strongest?.category).toBe('pods');
    expect(mastery.ranked.map((c) => c.category)).toEqual(['networking', 'storage-config', 'pods']);
  });

  it('GIVEN equal accuracies THEN the category with more answers is the surer pick, on both ends', () => {
    const mastery = masteryOf(
      [
        { category: 'a', answered: 4, correct: 2 },
        { category: 'b', answered: 8, correct: 4 },
        { category: 'c', answered: 3, correct: 3 },
        { category: 'd', answered: 6, correct: 6 },
      ],
      1,
    );
    expect(mastery.weakest?.category).toBe('b');
    expect(mastery.strongest?.category).toBe('d');
  });

  it('GIVEN one category only THEN it is the strongest and nothing is called weakest; none: neither', () => {
    const one = masteryOf([{ category: 'pods', answered: 5, correct: 1 }], 3);
    expect(one.strongest?.category).toBe('pods');
    expect(one.weakest).toBeUndefined();
    expect(masteryOf([], 3)).toEqual({ ranked: [] });
  });
});

describe('team-local dates for the 4-week window', () => {
  it('GIVEN a date THEN the 28 dates ending on it, across a month and a year end', () => {
    const dates = datesEndingOn('2027-01-10', 28);
    expect(dates).toHaveLength(28);
    expect(dates[0]).toBe('2026-12-14');
    expect(dates.at(-1)).toBe('2027-01-10');
    expect(new Set(dates).size).toBe(28);
  });

  it('GIVEN an ISO week THEN its seven dates, Monday first (week 1 of 2027 starts in January)', () => {
    expect(isoWeekDates('2026-W48')).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ]);
    expect(isoWeekDates('2027-W01')[0]).toBe('2027-01-04');
    expect(() => isoWeekDates('nonsense')).toThrow(/not an ISO week/);
    expect(daysBetween('2026-11-30', '2026-12-03')).toBe(3);
  });
});

describe('focus days: how many of the 7 days after the announcement lean to the weakest category', () => {
  const focus = (days: string[] = []): TeamFocus => ({
    week: '2026-W48',
    category: 'networking',
    since: '2026-11-30', // Monday
    days,
  });

  /** Walks the 7 days, marking each due day as a focus day, as the daily job does. */
  const walk = (focusDays: number, start: string[] = []) => {
    const days = [...start];
    for (const date of datesEndingOn('2026-12-06', 7))
      if (focusDue(focus(days), date, focusDays)) days.push(date);
    return days;
  };

  it('GIVEN 2 focus days THEN the first day and the fourth', () => {
    expect(walk(2)).toEqual(['2026-11-30', '2026-12-03']);
  });

  it('GIVEN 0, 1, 3 and 7 focus days THEN that many days, spread over the week', () => {
    expect(walk(0)).toEqual([]);
    expect(walk(1)).toEqual(['2026-11-30']);
    expect(walk(3)).toEqual(['2026-11-30', '2026-12-02', '2026-12-04']);
    expect(walk(7)).toHaveLength(7);
  });

  it('GIVEN the first day was missed (announced after the daily question) THEN the next day catches up', () => {
    const days: string[] = [];
    for (const date of datesEndingOn('2026-12-06', 7).slice(1))
      if (focusDue(focus(days), date, 2)) days.push(date);
    expect(days).toEqual(['2026-12-01', '2026-12-03']);
  });

  it('GIVEN no focus, a day before it or a week after it THEN no focus day', () => {
    expect(focusDue(undefined, '2026-11-30', 2)).toBe(false);
    expect(focusDue(focus(), '2026-11-29', 2)).toBe(false);
    expect(focusDue(focus(), '2026-12-07', 2)).toBe(false);
    expect(focusDue(focus(), '2026-12-06', 2)).toBe(true);
  });
});
