import { z } from 'zod';
import { LocaleSchema, StableId } from '../content/schema.js';
import { DateTime } from './luxon.js';

export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 09:30');
export const TimeZone = z
  .string()
  .refine((zone) => DateTime.local().setZone(zone).isValid, 'must be an IANA time zone like Asia/Shanghai');

export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;

/** Per-team settings; defaults come from config/default.yaml. */
export const TeamSettingsSchema = z.strictObject({
  locale: LocaleSchema,
  timezone: TimeZone,
  /** Local time of the daily question. */
  dailyTime: ClockTime,
  /** Local time the daily question closes and is revealed. */
  closeTime: ClockTime,
  weeklyDay: z.enum(WEEKDAYS),
  weeklyTime: ClockTime,
  /** Categories the daily question and live rounds draw from; empty means all. */
  categories: z.array(StableId),
  paused: z.boolean(),
});

export type TeamSettings = z.infer<typeof TeamSettingsSchema>;
export type Weekday = (typeof WEEKDAYS)[number];

/** The subset a `setup` command may change. */
export const SettingsChangeSchema = TeamSettingsSchema.omit({ paused: true }).partial();
export type SettingsChange = z.infer<typeof SettingsChangeSchema>;
