import { z } from 'zod';
import { TeamSettingsSchema } from '../core/settings.js';
import { bankCategory } from './bank-category.js';

const Range = z.strictObject({ default: z.int(), min: z.int(), max: z.int() });

/**
 * Discord gives a bot 50 requests/s in all (its global limit; larger bots may be granted more);
 * the bot paces its own posts a little under it. Slack takes about one message per second per
 * channel with short bursts, and has a workspace-wide limit it publishes no figure for (0: unpaced).
 */
export const DEFAULT_PACING = {
  discord: { globalLimit: 50, perSecond: 48 },
  slack: { perChannelPerSecond: 1, channelBurst: 3, perWorkspacePerSecond: 0 },
};

/** The shape of config/default.yaml. */
export const AppConfigSchema = z.strictObject({
  team: TeamSettingsSchema,
  scoring: z.strictObject({
    daily: z.strictObject({
      correct: z.int().positive(),
      firstCorrectBonus: z.array(z.int().nonnegative()),
      streakBonusMax: z.int().nonnegative(),
    }),
    live: z.strictObject({ correct: z.int().positive(), speedMax: z.int().nonnegative() }),
  }),
  live: z.strictObject({ count: Range, seconds: Range, pauseSeconds: z.number().nonnegative() }),
  admins: z.strictObject({ discord: z.array(z.string()), slack: z.array(z.string()) }),
  /** Players' "this question is wrong" reports: how many different players hold an item back. */
  reports: z.strictObject({ holdAfter: z.int().min(1).max(1000) }).default({ holdAfter: 3 }),
  /**
   * Topic mastery (4 weeks of answers per category): a category needs `minAnswers` answers to
   * be called strong or weak; after the weekly announcement names the team's weakest category,
   * `focusDays` of the next 7 daily questions come from it (0: never).
   */
  mastery: z
    .strictObject({ focusDays: z.int().min(0).max(7), minAnswers: z.int().min(1).max(1000) })
    .default({ focusDays: 2, minAnswers: 3 }),
  /** How fast the bot posts by itself on each platform (0: not paced); see README "Pacing". */
  pacing: z
    .strictObject({
      discord: z
        .strictObject({
          globalLimit: z.number().positive().max(100_000),
          perSecond: z.number().nonnegative().max(100_000),
        })
        .refine((d) => d.perSecond <= d.globalLimit, {
          message: 'perSecond must not exceed globalLimit (Discord answers 429 past it)',
        }),
      slack: z.strictObject({
        perChannelPerSecond: z.number().nonnegative().max(1000),
        channelBurst: z.int().min(1).max(100),
        perWorkspacePerSecond: z.number().nonnegative().max(100_000),
      }),
    })
    .default(DEFAULT_PACING),
});

export type AppConfig = z.infer<typeof AppConfigSchema>;
export type ScoringConfig = AppConfig['scoring'];

/** default.yaml as start-up reads it: the team defaults may only name the bank's categories. */
export function appConfigSchema(categories?: readonly string[]) {
  return AppConfigSchema.extend({
    team: TeamSettingsSchema.extend({ categories: z.array(bankCategory(categories)) }),
  });
}
