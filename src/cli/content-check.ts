import { performance } from 'node:perf_hooks';
import { checkContent } from '../content/check-content.js';
import { DEFAULT_CONTENT_DIR } from '../content/load-bank.js';
import { formatContentError } from '../content/types.js';
import { discordBudget } from '../platforms/discord/limits.js';
import { slackBudget } from '../platforms/slack/limits.js';

/** `content check [dir] [--json]`: exit 0 when the folder is valid, 1 otherwise. */
export async function runContentCheck(dir = DEFAULT_CONTENT_DIR, opts: { json?: boolean }): Promise<number> {
  const started = performance.now();
  const result = await checkContent(dir, [discordBudget, slackBudget]);
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } else {
    for (const e of result.errors) process.stdout.write(`${formatContentError(e)}\n`);
    const ms = Math.round(performance.now() - started);
    const summary = `${result.questions} questions, ${result.quizzes} quiz items, ${result.categories} categories`;
    process.stdout.write(
      result.errors.length === 0
        ? `${dir}: ${summary} — valid (${ms} ms)\n`
        : `${dir}: ${summary} — ${result.errors.length} error(s)\n`,
    );
  }
  return result.errors.length === 0 ? 0 : 1;
}
