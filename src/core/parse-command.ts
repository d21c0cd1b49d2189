import type { Command, PlayerMention, UsageProblem } from './command.js';
import { parseSetup, SETUP_KEYS, type SetupArgs } from './parse-setup.js';

export { SETUP_KEYS } from './parse-setup.js';

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
  'review',
] as const;
const SCOPES = ['week', 'all', 'teams'] as const;

/** Typed arguments, as Discord delivers them or as parsed from text. */
export interface CommandArgs {
  count?: number | string;
  seconds?: number | string;
  category?: string;
  scope?: string;
  player?: PlayerMention;
  setup?: SetupArgs;
  /** Text tokens `setup` could not read as key=value. */
  setupTokens?: string[];
  words?: string;
  /** `review remind on|off`. */
  remind?: string;
}

/** Longest `ask` text: Discord's option limit, plenty for a few search words. */
export const ASK_MAX_CHARS = 100;

const invalid = (key: UsageProblem['key'], params?: UsageProblem['params']): Command => ({
  name: 'invalid',
  problem: params ? { key, params } : { key },
});

/** `-1`, `2.5`, `+3`: meant as a number, so a count or seconds error rather than an unknown category. */
const NUMBER_LIKE = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/;

/** Parses `/k8s-quiz <text>` as typed on Slack or in the terminal. */
export function parseCommandText(text: string, limits: RoundLimits): Command {
  const [sub = 'help', ...rest] = text.trim().split(/\s+/).filter(Boolean);
  const name = sub.toLowerCase();
  switch (name) {
    case 'start': {
      const numbers = rest.filter((t) => NUMBER_LIKE.test(t));
      const words = rest.filter((t) => !NUMBER_LIKE.test(t));
      if (numbers.length > 2 || words.length > 1) return invalid('usage.start', usageParams(limits));
      return buildCommand('start', { count: numbers[0], seconds: numbers[1], category: words[0] }, limits);
    }
    case 'leaderboard':
      if (rest.length > 1) return invalid('usage.leaderboard');
      return buildCommand('leaderboard', { scope: rest[0] }, limits);
    case 'stats':
      // A bare `team` is the team's mastery; a player called team is `@team`.
      if (rest.length === 1 && rest[0]?.toLowerCase() === 'team')
        return buildCommand('stats', { scope: 'team' }, limits);
      return buildCommand('stats', rest.length ? { player: parseMention(rest.join(' ')) } : {}, limits);
    case 'ask':
      return buildCommand('ask', { words: rest.join(' ') }, limits);
    case 'review':
      if (rest.length === 0) return { name: 'review' };
      if (rest.length !== 2 || rest[0]?.toLowerCase() !== 'remind') return invalid('usage.review');
      return buildCommand('review', { remind: rest[1] }, limits);
    case 'setup': {
      const setup: SetupArgs = {};
      const unreadable: string[] = [];
      for (const token of rest) {
        const [key = '', ...value] = token.split('=');
        const known = (SETUP_KEYS as readonly string[]).includes(key.toLowerCase());
        if (known && value.length > 0) setup[key.toLowerCase() as keyof SetupArgs] = value.join('=');
        else unreadable.push(token);
      }
      return buildCommand('setup', { setup, setupTokens: unreadable }, limits);
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
      if (count === undefined) return invalid('usage.count', rangeParams(limits.count, args.count));
      const seconds = inRange(args.seconds, limits.seconds);
      if (seconds === undefined) return invalid('usage.seconds', rangeParams(limits.seconds, args.seconds));
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
      if (args.scope !== undefined) {
        if (args.scope.toLowerCase() !== 'team' || args.player) return invalid('usage.stats');
        return { name: 'teamStats' };
      }
      return args.player ? { name: 'stats', player: args.player } : { name: 'stats' };
    case 'setup':
      return parseSetup(args.setup ?? {}, args.setupTokens ?? []);
    case 'ask': {
      const words = (args.words ?? '').trim();
      if (!words || Array.from(words).length > ASK_MAX_CHARS)
        return invalid('usage.ask', { max: ASK_MAX_CHARS });
      return { name: 'ask', words };
    }
    case 'review': {
      if (args.remind === undefined) return { name: 'review' };
      const remind = args.remind.toLowerCase();
      if (remind !== 'on' && remind !== 'off') return invalid('usage.review');
      return { name: 'reviewRemind', on: remind === 'on' };
    }
    default:
      return invalid('usage.unknownCommand', { command: sub, commands: SUBCOMMANDS.join(', ') });
  }
}

function inRange(value: number | string | undefined, range: RoundLimits['count']): number | undefined {
  if (value === undefined || value === '') return range.default;
  const n = typeof value === 'number' ? value : /^\d+$/.test(value) ? Number(value) : Number.NaN;
  return Number.isInteger(n) && n >= range.min && n <= range.max ? n : undefined;
}

const rangeParams = (range: RoundLimits['count'], value: number | string | undefined) => ({
  min: range.min,
  max: range.max,
  value: String(value),
});

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
