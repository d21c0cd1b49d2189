import { performance } from 'node:perf_hooks';
import { checkContent } from '../content/check-content.js';
import { DEFAULT_CONTENT_DIR } from '../content/load-bank.js';
import { formatFigures } from '../content/quality/summary.js';
import { formatContentError, formatContentWarning } from '../content/types.js';
import { discordBudget } from '../platforms/discord/limits.js';
import { slackBudget } from '../platforms/slack/limits.js';

export interface ContentCheckOptions {
  json?: boolean;
  /** Quality warnings fail the check too. */
  strict?: boolean;
}

/**
 * `content check [dir] [--json] [--strict]`: exit 0 when the folder has no errors (and, with
 * --strict, no warnings), 1 otherwise. Always prints the bank's quality figures.
 */
export async function runContentCheck(dir = DEFAULT_CONTENT_DIR, opts: ContentCheckOptions): Promise<number> {
  const started = performance.now();
  const result = await checkContent(dir, [discordBudget, slackBudget]);
  const strict = opts.strict === true;
  const failed = result.errors.length > 0 || (strict && result.warnings.length > 0);
  if (opts.json) {
    process.stdout.write(`${JSON.stringify({ ...result, strict, ok: !failed })}\n`);
    return failed ? 1 : 0;
  }
  const label = strict ? 'error (--strict)' : 'warning';
  const ms = Math.round(performance.now() - started);
  const summary = `${result.questions} questions, ${result.quizzes} quiz items, ${result.categories} categories`;
  const counts = `${result.errors.length} error(s), ${result.warnings.length} warning(s)${strict ? ' (--strict)' : ''}`;
  const lines = [
    ...result.errors.map(formatContentError),
    ...result.warnings.map((w) => `${formatContentWarning(w)} ${label}`),
    `${dir}: ${summary} — ${failed ? counts : `valid, ${counts}`} (${ms} ms)`,
    ...formatFigures(result.figures),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return failed ? 1 : 0;
}
