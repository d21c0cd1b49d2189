import { z } from 'zod';
import { defaultPaths } from '../paths.js';
import { ConfigError } from './config-error.js';
import { redisUrlProblem } from './redis-url.js';

const optional = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined));

const httpUrl = optional.refine((v) => v === undefined || /^https?:\/\/[^/\s]+/.test(v), {
  message: 'must be an http:// or https:// URL',
});

const tokenWithPrefix = (prefix: string) =>
  optional.refine((v) => v === undefined || v.startsWith(prefix), {
    message: `must start with ${prefix}`,
  });

/** Every key and tag character Redis Cluster can route; `{…}` is a hash tag, kept whole. */
const PREFIX = /^[A-Za-z0-9_:.{}-]{1,100}$/;

export const ROLES = ['all', 'gateway', 'worker'] as const;
export type Role = (typeof ROLES)[number];
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The environment variables the bot reads; validated once at start-up. */
export const EnvSchema = z.object({
  REDIS_URL: optional.superRefine((v, ctx) => {
    const problem = v === undefined ? undefined : redisUrlProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  REDIS_PREFIX: optional
    .transform((v) => v ?? 'k8sq:')
    .refine((v) => PREFIX.test(v), {
      message: 'letters, digits and _ : . - { } only (1–100 characters), e.g. k8sq: or {k8sq}:',
    })
    .refine((v) => !v.includes('{') || /^[^{}]*\{[^{}]+\}[^{}]*$/.test(v), {
      message: 'a hash tag is one {…} pair with something inside, e.g. {k8sq}:',
    }),
  ROLE: optional
    .transform((v) => v ?? 'all')
    .pipe(z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` })),
  DRAIN_SECONDS: optional
    .transform((v) => Number(v ?? 20))
    .pipe(z.int({ error: 'must be a whole number of seconds, 1–3600' }).min(1).max(3600)),
  /** Unset: info, or warn in the playground (its chat is on the terminal). */
  LOG_LEVEL: optional.pipe(
    z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).optional(),
  ),
  PORT: optional
    .transform((v) => Number(v ?? 3000))
    .pipe(z.int({ error: 'must be a port number, 1–65535' }).min(1).max(65535)),
  DATA_DIR: optional.transform((v) => v ?? defaultPaths.data),
  CONFIG_DIR: optional.transform((v) => v ?? defaultPaths.config),
  CONTENT_DIR: optional.transform((v) => v ?? defaultPaths.content),
  DISCORD_TOKEN: optional,
  DISCORD_APPLICATION_ID: optional.refine((v) => v === undefined || /^\d{15,21}$/.test(v), {
    message: 'must be the application id, a number of 15–21 digits',
  }),
  DISCORD_API_URL: httpUrl,
  /** Set: interactions come over HTTP (POST /discord/interactions), signed with this key; no gateway. */
  DISCORD_PUBLIC_KEY: optional.refine((v) => v === undefined || /^[0-9a-fA-F]{64}$/.test(v), {
    message: 'must be the application public key, 64 hex characters (General Information > Public Key)',
  }),
  SLACK_BOT_TOKEN: tokenWithPrefix('xoxb-'),
  SLACK_SIGNING_SECRET: optional,
  SLACK_APP_TOKEN: tokenWithPrefix('xapp-'),
  SLACK_API_URL: httpUrl,
});

export type Env = z.infer<typeof EnvSchema>;

/** Parses the environment; every bad or missing variable is reported at once, one line each. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  const lines = parsed.success ? [] : parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
  lines.push(...crossChecks(source));
  if (parsed.success && lines.length === 0) return parsed.data;
  throw new ConfigError('invalid environment', lines);
}

const set = (source: NodeJS.ProcessEnv, key: string) => Boolean(source[key]?.trim());

/** Half-set credentials and roles that cannot work: each names the variable to set. */
function crossChecks(source: NodeJS.ProcessEnv): string[] {
  const lines: string[] = [];
  const has = (key: string) => set(source, key);
  if (has('DISCORD_TOKEN') && !has('DISCORD_APPLICATION_ID'))
    lines.push('DISCORD_APPLICATION_ID: missing (DISCORD_TOKEN is set; both are needed for Discord)');
  if (has('DISCORD_APPLICATION_ID') && !has('DISCORD_TOKEN'))
    lines.push('DISCORD_TOKEN: missing (DISCORD_APPLICATION_ID is set; both are needed for Discord)');
  if (has('DISCORD_PUBLIC_KEY') && !has('DISCORD_TOKEN'))
    lines.push(
      'DISCORD_TOKEN: missing (DISCORD_PUBLIC_KEY is set; HTTP interactions need the bot token too)',
    );
  if (has('SLACK_BOT_TOKEN') && !has('SLACK_SIGNING_SECRET') && !has('SLACK_APP_TOKEN'))
    lines.push(
      'SLACK_SIGNING_SECRET: missing (SLACK_BOT_TOKEN is set; set SLACK_SIGNING_SECRET for HTTP or SLACK_APP_TOKEN for Socket Mode)',
    );
  for (const other of ['SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN'])
    if (has(other) && !has('SLACK_BOT_TOKEN'))
      lines.push(`SLACK_BOT_TOKEN: missing (${other} is set; Slack needs the bot token too)`);
  const role = source.ROLE?.trim();
  const anyPlatform = ['DISCORD_TOKEN', 'SLACK_BOT_TOKEN'].some(has);
  if ((role === 'gateway' || role === 'worker') && !anyPlatform)
    lines.push(`ROLE: ${role} needs Discord or Slack credentials (the terminal playground runs as ROLE=all)`);
  return lines;
}

export interface Platforms {
  discord: boolean;
  slack: boolean;
  console: boolean;
}

/** Which platforms start follows from which credentials are set; none → the terminal playground. */
export function platformsFrom(env: Env): Platforms {
  const discord = Boolean(env.DISCORD_TOKEN && env.DISCORD_APPLICATION_ID);
  const slack = Boolean(env.SLACK_BOT_TOKEN && (env.SLACK_SIGNING_SECRET || env.SLACK_APP_TOKEN));
  return { discord, slack, console: !discord && !slack };
}

/** The values that must never appear in a log line. */
export function secretsOf(env: Partial<Env>): string[] {
  const values = [env.DISCORD_TOKEN, env.SLACK_BOT_TOKEN, env.SLACK_SIGNING_SECRET, env.SLACK_APP_TOKEN];
  const password = env.REDIS_URL ? redisPassword(env.REDIS_URL) : undefined;
  return [...values, password].filter((v): v is string => typeof v === 'string' && v.length >= 4);
}

function redisPassword(url: string): string | undefined {
  try {
    const password = new URL(url).password;
    return password ? decodeURIComponent(password) : undefined;
  } catch {
    return undefined;
  }
}
