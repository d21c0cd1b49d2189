import type { TextBudget } from '../core/text-budget.js';
import { checkFit } from './fit.js';
import { readContent } from './load-bank.js';
import { checkQuality, type QualityFigures } from './quality/check-quality.js';
import type { ContentError, ContentWarning } from './types.js';

export interface ContentCheck {
  questions: number;
  quizzes: number;
  categories: number;
  errors: ContentError[];
  /** Quality findings: errors under `--strict`. */
  warnings: ContentWarning[];
  figures: QualityFigures;
}

const byPlace = (a: ContentError, b: ContentError) => a.file.localeCompare(b.file) || a.line - b.line;

/**
 * Validates a content folder: schema, cross-file rules, that everything fits every platform,
 * and the bank's quality (giveaways, provenance, valid examples).
 */
export async function checkContent(dir: string, budgets: readonly TextBudget[]): Promise<ContentCheck> {
  const content = await readContent(dir);
  const quality = await checkQuality(content, dir);
  const errors = [...content.errors, ...checkFit(content.questions, budgets), ...quality.errors];
  return {
    questions: content.questions.length,
    quizzes: content.questions.reduce((n, q) => n + q.quizzes.length, 0),
    categories: content.categories.length,
    errors: errors.sort(byPlace),
    warnings: quality.warnings.sort(byPlace),
    figures: quality.figures,
  };
}
