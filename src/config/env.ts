import { z } from 'zod';

const optional = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined));

/** The environment variables the bot reads; validated once at start-up. */
export const EnvSchema = z.object({
  REDIS_URL: optional,
  DISCORD_TOKEN: optional,
  DISCORD_APPLICATION_ID: optional,
  DISCORD_API_URL: optional,
  SLACK_BOT_TOKEN: optional,
  SLACK_SIGNING_SECRET: optional,
  SLACK_APP_TOKEN: optional,
  SLACK_API_URL: optional,
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
});

export type Env = z.infer<typeof EnvSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
  throw new Error(`invalid environment:\n${lines.join('\n')}`);
}

/** Which platforms start follows from which credentials are set; none → the terminal playground. */
export function platformsFrom(env: Env): { discord: boolean; slack: boolean; console: boolean } {
  const discord = Boolean(env.DISCORD_TOKEN && env.DISCORD_APPLICATION_ID);
  const slack = Boolean(env.SLACK_BOT_TOKEN && (env.SLACK_SIGNING_SECRET || env.SLACK_APP_TOKEN));
  return { discord, slack, console: !discord && !slack };
}
