import { createRequire } from 'node:module';
import { type DestinationStream, type Logger as PinoLogger, pino } from 'pino';
import type PinoPrettyModule from 'pino-pretty';

export type AppLogger = PinoLogger;

export interface LoggerOptions {
  level: string;
  /** Values (tokens, signing secret, Redis password) blanked wherever they appear in a line. */
  secrets: readonly string[];
  /** 1 = stdout (the bot), 2 = stderr (the playground, whose chat is on stdout). */
  fd: 1 | 2;
  /** Human-readable lines instead of JSON; default: when that stream is a terminal. */
  pretty?: boolean;
  /** Tests: where lines go instead of the fd. */
  destination?: DestinationStream;
}

/** Keys whose values are secret wherever they sit in a logged object. */
const REDACT_PATHS = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'password',
  'authorization',
  '*.token',
  '*.botToken',
  '*.appToken',
  '*.signingSecret',
  '*.password',
  '*.authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
  '*.*.headers.authorization',
  '*.*.headers.Authorization',
];

export const REDACTED = '[redacted]';

/** pino-pretty only for a terminal: a server logging JSON never loads it. */
const loadPinoPretty = () => {
  const require = createRequire(import.meta.url);
  return require('pino-pretty') as typeof PinoPrettyModule;
};

/**
 * The bot's logger: pino, one JSON line per event (pretty on a terminal). Secret keys are
 * redacted by path, and — because libraries put tokens into error messages and URLs — every
 * known secret value is blanked in the finished line as well.
 */
export function createLogger(options: LoggerOptions): AppLogger {
  const isTty = options.fd === 1 ? process.stdout.isTTY : process.stderr.isTTY;
  const pretty = options.pretty ?? Boolean(isTty);
  const destination: DestinationStream = options.destination
    ? options.destination
    : pretty
      ? loadPinoPretty()({ colorize: true, sync: true, destination: options.fd, ignore: 'pid,hostname' })
      : pino.destination({ fd: options.fd, sync: true });
  return pino(
    {
      level: options.level,
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      hooks: { streamWrite: scrubber(options.secrets) },
    },
    destination,
  );
}

/** Replaces each secret, raw or JSON-escaped, with `[redacted]`. */
export function scrubber(secrets: readonly string[]): (line: string) => string {
  const forms = [...new Set(secrets.flatMap((s) => [s, JSON.stringify(s).slice(1, -1)]))]
    .filter((s) => s.length >= 4)
    .sort((a, b) => b.length - a.length);
  if (forms.length === 0) return (line) => line;
  return (line) => {
    let out = line;
    for (const form of forms) if (out.includes(form)) out = out.split(form).join(REDACTED);
    return out;
  };
}
