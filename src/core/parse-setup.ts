import { LocaleSchema } from '../content/schema.js';
import type { Command, UsageProblem } from './command.js';
import { ClockTime, type SettingsChange, TimeZone, WEEKDAYS } from './settings.js';

export const SETUP_KEYS = ['locale', 'timezone', 'daily', 'close', 'weekly', 'categories'] as const;
export type SetupKey = (typeof SETUP_KEYS)[number];
export type SetupArgs = Partial<Record<SetupKey, string>>;

/**
 * `setup key=value …` → a settings change. Every value is checked and every problem kept, so
 * an admin who typed three wrong values hears about all three at once, each as a message key
 * translated into the team's language (never a validator's English).
 */
export function parseSetup(args: SetupArgs, unreadable: readonly string[]): Command {
  const changes: SettingsChange = {};
  const problems: UsageProblem[] = unreadable.map((token) => ({
    key: 'usage.setupKey',
    params: { key: token, keys: SETUP_KEYS.join(', ') },
  }));
  const problem = (key: UsageProblem['key'], params: Record<string, string>) =>
    problems.push({ key, params });

  if (args.locale !== undefined) {
    const locale = LocaleSchema.safeParse(args.locale);
    if (locale.success) changes.locale = locale.data;
    else problem('setup.bad.locale', { value: args.locale });
  }
  if (args.timezone !== undefined) {
    if (TimeZone.safeParse(args.timezone).success) changes.timezone = args.timezone;
    else problem('setup.bad.timezone', { value: args.timezone });
  }
  if (args.daily !== undefined) {
    if (ClockTime.safeParse(args.daily).success) changes.dailyTime = args.daily;
    else problem('setup.bad.time', { key: 'daily', value: args.daily });
  }
  if (args.close !== undefined) {
    if (ClockTime.safeParse(args.close).success) changes.closeTime = args.close;
    else problem('setup.bad.time', { key: 'close', value: args.close });
  }
  if (args.weekly !== undefined) {
    // `monday@10:00`: the weekly announcement's local day and time.
    const [day = '', time, ...extra] = args.weekly.toLowerCase().split('@');
    const weekday = WEEKDAYS.find((d) => d === day || d.slice(0, 3) === day);
    if (time === undefined || extra.length > 0) problem('setup.bad.weeklyForm', { value: args.weekly });
    else {
      if (weekday) changes.weeklyDay = weekday;
      else problem('setup.bad.weekday', { day });
      if (ClockTime.safeParse(time).success) changes.weeklyTime = time;
      else problem('setup.bad.time', { key: 'weekly', value: time });
    }
  }
  const categories =
    args.categories === undefined
      ? undefined
      : args.categories.toLowerCase() === 'all'
        ? []
        : args.categories.split(',').filter(Boolean);
  return { name: 'setup', changes, problems, ...(categories ? { categories } : {}) };
}
