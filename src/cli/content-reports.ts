import { join } from 'node:path';
import { EnvSchema } from '../config/env.js';
import { loadAppConfig } from '../config/load-config.js';
import type { QuestionBank } from '../content/bank.js';
import { loadBank } from '../content/load-bank.js';
import type { ItemReport } from '../core/reports.js';
import type { ReportRepo } from '../core/store-ports.js';
import { probeRedis, redisClient } from '../ops/redis-connect.js';
import { createRedisStore } from '../store/redis-store.js';

const Settings = EnvSchema.pick({ REDIS_URL: true, REDIS_PREFIX: true, CONFIG_DIR: true, CONTENT_DIR: true });

/** One reported item, as maintainers see it. */
export interface ReportedItem {
  quizId: string;
  questionId?: string;
  prompt?: string;
  reporters: number;
  /** Reported by at least `holdAfter` players: not drawn for the daily question until cleared. */
  heldBack: boolean;
  reports: Omit<ItemReport, 'quizId'>[];
}

/**
 * `content reports [--json]` and `content reports clear <item-id>`: the players' reports in
 * the bot's Redis (REDIS_URL, REDIS_PREFIX). Anything missing or unreachable is one line on
 * stderr and exit 1.
 */
export async function runContentReports(opts: { json?: boolean; clear?: string }): Promise<number> {
  const parsed = Settings.safeParse(process.env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(`${String(issue?.path[0])}: ${issue?.message}`);
  }
  const env = parsed.data;
  if (!env.REDIS_URL)
    return fail('REDIS_URL is not set: point it at the bot’s Redis, e.g. redis://127.0.0.1:6379/0');
  try {
    await probeRedis(env.REDIS_URL);
  } catch (error) {
    return fail((error as Error).message);
  }
  const redis = redisClient(env.REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    const reports = createRedisStore(redis, env.REDIS_PREFIX).reports;
    if (opts.clear !== undefined) return await clear(reports, opts.clear);
    const [config, bank] = await Promise.all([
      loadAppConfig(join(env.CONFIG_DIR, 'default.yaml')),
      loadBank(env.CONTENT_DIR),
    ]);
    const items = groupReports(
      await reports.all(),
      config.reports.holdAfter,
      bank.ok ? bank.value : undefined,
    );
    const out = opts.json
      ? JSON.stringify({ holdAfter: config.reports.holdAfter, items })
      : formatReports(items, config.reports.holdAfter);
    process.stdout.write(`${out}\n`);
    return 0;
  } finally {
    redis.disconnect();
  }
}

async function clear(reports: ReportRepo, quizId: string): Promise<number> {
  const cleared = await reports.clear(quizId);
  if (cleared === 0) return fail(`no reports on "${quizId}" (nothing to clear)`);
  process.stdout.write(
    `cleared ${cleared} report(s) on ${quizId}; it is drawn for the daily question again\n`,
  );
  return 0;
}

/** Reports grouped by item, most reporters first; each item's reports oldest first. */
export function groupReports(all: ItemReport[], holdAfter: number, bank?: QuestionBank): ReportedItem[] {
  const byItem = new Map<string, ItemReport[]>();
  for (const r of all) byItem.set(r.quizId, [...(byItem.get(r.quizId) ?? []), r]);
  return [...byItem.entries()]
    .map(([quizId, reports]) => {
      const quiz = bank?.quiz(quizId);
      return {
        quizId,
        ...(quiz ? { questionId: quiz.questionId, prompt: quiz.prompt } : {}),
        reporters: reports.length,
        heldBack: reports.length >= holdAfter,
        reports: reports.sort((a, b) => a.at - b.at).map(({ quizId: _id, ...rest }) => rest),
      };
    })
    .sort((a, b) => b.reporters - a.reporters || a.quizId.localeCompare(b.quizId));
}

export function formatReports(items: ReportedItem[], holdAfter: number): string {
  if (items.length === 0) return 'no reports';
  const lines: string[] = [];
  for (const item of items) {
    const held = item.heldBack
      ? ` — HELD BACK (≥ ${holdAfter}); clear with: content reports clear ${item.quizId}`
      : '';
    const where = item.questionId ? ` (${item.questionId})` : ' (not in the bank)';
    lines.push(`${item.quizId}${where}: ${item.reporters} reporter(s)${held}`);
    if (item.prompt) lines.push(`  ${item.prompt.replace(/\s+/g, ' ')}`);
    for (const r of item.reports) {
      const note = r.text ? `  "${r.text.replace(/\s+/g, ' ')}"` : '';
      lines.push(`  - ${new Date(r.at).toISOString()}  ${r.reason}  ${r.playerName} (${r.teamId})${note}`);
    }
  }
  return lines.join('\n');
}

function fail(message: string): number {
  process.stderr.write(`content reports: ${message}\n`);
  return 1;
}
