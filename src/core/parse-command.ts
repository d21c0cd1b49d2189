import type { Command, PlayerMention, UsageProblem } from './command.js';
import { type SettingsChange, SettingsChangeSchema, WEEKDAYS } from './settings.js';

/** Ranges of `start` arguments, from config/default.yaml. */
export interface RoundLimits {
  count: { default: number; min: number; max: number };
  seconds: { default: number; min: number; max: number };
}

export const SUBCOMMANDS = [
  'help',
  'start',
  'stop',
  'daily',
  'leaderboard',
  'stats',
  'setup',
  'pause',
  'resume',
  'ask',
] as const;
export const SETUP_KEYS = ['locale', 'timezone', 'daily', 'close', 'weekly', 'categories'] as const;
const SCOPES = ['week', 'all', 'teams'] as const;

/** Typed arguments, as Discord delivers them or as parsed from text. */
export interface CommandArgs {
  count?: number | string;
  seconds?: number | string;
  category?: string;
  scope?: string;
  player?: PlayerMention;
  setup?: Partial<Record<(typeof SETUP_KEYS)[number], string>>;
  words?: string;
}

/** Longest `ask` text: Discord's option limit, plenty for a few search words. */
export const ASK_MAX_CHARS = 100;

const invalid = (key: UsageProblem['key'], params?: UsageProblem['params']): Command => ({
  name: 'invalid',
  problem: params ? { key, params } : { key },
});

/** Parses `/k8s-quiz <text>` as typed on Slack or in the terminal. */
export function parseCommandText(text: string, limits: RoundLimits): Command {
  const [sub = 'help', ...rest] = text.trim().split(/\s+/).filter(Boolean);
  const name = sub.toLowerCase();
  switch (name) {
    case 'start': {
      const numbers = rest.filter((t) => /^\d+$/.test(t));
      const words = rest.filter((t) => !/^\d+$/.test(t));
      if (numbers.length > 2 || words.length > 1) return invalid('usage.start', usageParams(limits));
      return buildCommand('start', { count: numbers[0], seconds: numbers[1], category: words[0] }, limits);
    }
    case 'leaderboard':
      if (rest.length > 1) return invalid('usage.leaderboard');
      return buildCommand('leaderboard', { scope: rest[0] }, limits);
    case 'stats':
      return buildCommand('stats', rest.length ? { player: parseMention(rest.join(' ')) } : {}, limits);
    case 'ask':
      return buildCommand('ask', { words: rest.join(' ') }, limits);
    case 'setup': {
      const setup: Record<string, string> = {};
      for (const token of rest) {
        const [key = '', ...value] = token.split('=');
        if (!(SETUP_KEYS as readonly string[]).includes(key) || value.length === 0) {
          return invalid('usage.setupKey', { key: token, keys: SETUP_KEYS.join(', ') });
        }
        setup[key] = value.join('=');
      }
      return buildCommand('setup', { setup }, limits);
    }
    default:
      if (rest.length > 0 && (SUBCOMMANDS as readonly string[]).includes(name)) {
        return invalid('usage.noArguments', { command: name });
      }
      return buildCommand(name, {}, limits);
  }
}

/** Validates a subcommand and its arguments into a Command (or an `invalid` one with the valid values). */
export function buildCommand(sub: string, args: CommandArgs, limits: RoundLimits): Command {
  switch (sub) {
    case 'help':
    case 'stop':
    case 'daily':
    case 'pause':
    case 'resume':
      return { name: sub };
    case 'start': {
      const count = inRange(args.count, limits.count);
      const seconds = inRange(args.seconds, limits.seconds);
      if (count === undefined || seconds === undefined) return invalid('usage.start', usageParams(limits));
      return args.category
        ? { name: 'start', count, seconds, category: args.category }
        : { name: 'start', count, seconds };
    }
    case 'leaderboard': {
      const scope = (args.scope ?? 'week').toLowerCase();
      if (!(SCOPES as readonly string[]).includes(scope)) return invalid('usage.leaderboard');
      return { name: 'leaderboard', scope: scope as (typeof SCOPES)[number] };
    }
    case 'stats':
      return args.player ? { name: 'stats', player: args.player } : { name: 'stats' };
    case 'setup':
      return buildSetup(args.setup ?? {});
    case 'ask': {
      const words = (args.words ?? '').trim();
      if (!words || Array.from(words).length > ASK_MAX_CHARS)
        return invalid('usage.ask', { max: ASK_MAX_CHARS });
      return { name: 'ask', words };
    }
    default:
      return invalid('usage.unknownCommand', { command: sub, commands: SUBCOMMANDS.join(', ') });
  }
}

function buildSetup(setup: NonNullable<CommandArgs['setup']>): Command {
  const change: Record<string, unknown> = {};
  if (setup.locale !== undefined) change.locale = setup.locale;
  if (setup.timezone !== undefined) change.timezone = setup.timezone;
  if (setup.daily !== undefined) change.dailyTime = setup.daily;
  if (setup.close !== undefined) change.closeTime = setup.close;
  if (setup.categories !== undefined) {
    const list = setup.categories.toLowerCase();
    change.categories = list === 'all' ? [] : list.split(',').filter(Boolean);
  }
  if (setup.weekly !== undefined) {
    // `monday@10:00`: the weekly announcement's local day and time.
    const [day = '', time] = setup.weekly.toLowerCase().split('@');
    const weekday = WEEKDAYS.find((d) => d === day || d.slice(0, 3) === day);
    if (!weekday || !time) return invalid('usage.setupValue', { key: 'weekly', message: 'monday@10:00' });
    change.weeklyDay = weekday;
    change.weeklyTime = time;
  }
  const parsed = SettingsChangeSchema.safeParse(change);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? '');
    return invalid('usage.setupValue', { key: SETUP_KEY_OF[field] ?? field, message: issue?.message ?? '' });
  }
  return { name: 'setup', changes: parsed.data as SettingsChange };
}

/** Settings fields back to the `setup` keys users typed, for error messages. */
const SETUP_KEY_OF: Record<string, string> = {
  dailyTime: 'daily',
  closeTime: 'close',
  weeklyDay: 'weekly',
  weeklyTime: 'weekly',
};

function inRange(value: number | string | undefined, range: RoundLimits['count']): number | undefined {
  if (value === undefined || value === '') return range.default;
  const n = typeof value === 'number' ? value : /^\d+$/.test(value) ? Number(value) : Number.NaN;
  return Number.isInteger(n) && n >= range.min && n <= range.max ? n : undefined;
}

const usageParams = (limits: RoundLimits) => ({
  countMin: limits.count.min,
  countMax: limits.count.max,
  secondsMin: limits.seconds.min,
  secondsMax: limits.seconds.max,
});

/** `<@U123|name>` or `<@U123>` (Slack), `<@123>` (Discord), `@name` or `name`. */
export function parseMention(text: string): PlayerMention {
  const m = text.trim().match(/^<@!?([A-Za-z0-9]+)(?:\|([^>]*))?>$/);
  if (m?.[1]) return { id: m[1], name: m[2] || m[1] };
  return { name: text.trim().replace(/^@/, '') };
}
