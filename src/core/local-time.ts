import { DateTime } from './luxon.js';
import type { TeamSettings, Weekday } from './settings.js';
import { WEEKDAYS } from './settings.js';

/**
 * Remembers a pure time-zone computation by its key. A daily fan-out asks the same few
 * questions (this slot's date in this zone, today's close instant) for thousands of teams,
 * and luxon's zone maths was ~14 % of its CPU. Bounded: emptied when full.
 */
function memo<A extends unknown[]>(fn: (...args: A) => string | number, limit = 4096) {
  const seen = new Map<string, string | number>();
  return (...args: A) => {
    const key = args.join('|');
    const hit = seen.get(key);
    if (hit !== undefined) return hit;
    const value = fn(...args);
    if (seen.size >= limit) seen.clear();
    seen.set(key, value);
    return value;
  };
}

const localDateOf = memo((at: number, zone: string) => DateTime.fromMillis(at, { zone }).toISODate() ?? '');
const isoWeekOf = memo((at: number, zone: string) =>
  DateTime.fromMillis(at, { zone }).toFormat("kkkk-'W'WW"),
);
const atLocalTimeOf = memo((date: string, time: string, zone: string) => {
  const [hour, minute] = time.split(':').map(Number);
  return DateTime.fromISO(date, { zone }).set({ hour, minute, second: 0, millisecond: 0 }).toMillis();
});

const addDaysOf = memo(
  (date: string, days: number) => DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate() ?? date,
);

/**
 * The minute an instant falls in. Zone offsets are whole minutes (since 1972 every one is), so a
 * local date cannot change inside a minute: remembering dates by the minute is exact, and the
 * jobs of a fan-out, each at its own millisecond, share one computation.
 */
const minuteOf = (at: number): number => at - (((at % 60_000) + 60_000) % 60_000);

/** The team-local calendar date (yyyy-MM-dd) of an instant. */
export const localDate = (at: number, zone: string): string => localDateOf(minuteOf(at), zone) as string;

/** The ISO week (2026-W48) of the team-local date of an instant. */
export const isoWeek = (at: number, zone: string): string => isoWeekOf(minuteOf(at), zone) as string;

/** The ISO week before the one an instant falls in, in the team's zone. */
export const previousIsoWeek = (at: number, zone: string): string =>
  DateTime.fromMillis(at, { zone }).minus({ weeks: 1 }).toFormat("kkkk-'W'WW");

/** The instant a local wall-clock time (HH:mm) happens on a local date; a time in a DST gap moves forward. */
export const atLocalTime = (date: string, time: string, zone: string): number =>
  atLocalTimeOf(date, time, zone) as number;

/** The next instant after `after` at which the local wall clock reads `time`. */
export function nextLocalTime(after: number, time: string, zone: string): number {
  const today = localDate(after, zone);
  const candidate = atLocalTime(today, time, zone);
  if (candidate > after) return candidate;
  return atLocalTime(addDays(today, 1), time, zone);
}

const recentClockTimes = new Map<string, string>();

/**
 * Local HH:mm of an instant. Every press on a daily question asks for the same close time,
 * so recent answers are kept (a few hundred bytes) instead of formatting with luxon each time.
 */
export function clockTime(at: number, zone: string): string {
  const key = `${at} ${zone}`;
  let text = recentClockTimes.get(key);
  if (text === undefined) {
    if (recentClockTimes.size >= 256) recentClockTimes.clear();
    text = DateTime.fromMillis(at, { zone }).toFormat('HH:mm');
    recentClockTimes.set(key, text);
  }
  return text;
}

/** Cron patterns (minute hour … day-of-week) for the team's schedulers, evaluated in its zone. */
export function dailyCron(settings: Pick<TeamSettings, 'dailyTime'>): string {
  const [hour, minute] = settings.dailyTime.split(':').map(Number);
  return `${minute} ${hour} * * *`;
}

export function weeklyCron(settings: Pick<TeamSettings, 'weeklyDay' | 'weeklyTime'>): string {
  const [hour, minute] = settings.weeklyTime.split(':').map(Number);
  return `${minute} ${hour} * * ${cronWeekday(settings.weeklyDay)}`;
}

/** Cron counts Sunday as 0. */
const cronWeekday = (day: Weekday): number => (WEEKDAYS.indexOf(day) + 1) % 7;

/** The `count` local dates (yyyy-MM-dd) ending on `date`, oldest first. */
export function datesEndingOn(date: string, count: number): string[] {
  const end = DateTime.fromISO(date, { zone: 'utc' });
  return Array.from({ length: count }, (_, i) => end.minus({ days: count - 1 - i }).toISODate() ?? '');
}

/** The seven dates (Monday first) of an ISO week such as 2026-W48. */
export function isoWeekDates(week: string): string[] {
  const sunday = DateTime.fromISO(`${week}-7`, { zone: 'utc' }).toISODate();
  if (!sunday) throw new Error(`not an ISO week: ${week}`);
  return datesEndingOn(sunday, 7);
}

/** Whole days from one local date to another (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number =>
  Math.round(
    DateTime.fromISO(to, { zone: 'utc' }).diff(DateTime.fromISO(from, { zone: 'utc' }), 'days').days,
  );

/** The last instant of the team-local day an instant falls in. */
export const endOfLocalDay = (at: number, zone: string): number =>
  DateTime.fromMillis(at, { zone }).endOf('day').toMillis();

/** A team-local date for people to read: `Nov 27, 2026` (en), `2026年11月27日` (zh-CN). */
export const readableDate = (at: number, zone: string, locale: string): string =>
  DateTime.fromMillis(at, { zone }).setLocale(locale).toLocaleString(DateTime.DATE_MED);

/** The local date `days` after another (before, when negative). */
export const addDays = (date: string, days: number): string => addDaysOf(date, days) as string;
