import type { TextBudget } from '../core/text-budget.js';
import { checkFit } from './fit.js';
import { readContent } from './load-bank.js';
import type { ContentError } from './types.js';

export interface ContentCheck {
  questions: number;
  quizzes: number;
  categories: number;
  errors: ContentError[];
}

/** Validates a content folder: schema, cross-file rules, and that everything fits every platform. */
export async function checkContent(dir: string, budgets: readonly TextBudget[]): Promise<ContentCheck> {
  const content = await readContent(dir);
  const errors = [...content.errors, ...checkFit(content.questions, budgets)];
  errors.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return {
    questions: content.questions.length,
    quizzes: content.questions.reduce((n, q) => n + q.quizzes.length, 0),
    categories: content.categories.length,
    errors,
  };
}
