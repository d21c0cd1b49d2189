import { basename, dirname } from 'node:path';
import type { Category, ContentError, Question } from './types.js';

/** Checks across files: unique ids, known categories, file placed where its id says. */
export function checkBankConsistency(
  categories: readonly Category[],
  questions: readonly Question[],
): ContentError[] {
  const errors: ContentError[] = [];
  const known = new Set(categories.map((c) => c.id));
  const questionIds = new Map<string, Question>();
  const quizIds = new Map<string, string>();

  for (const q of questions) {
    const at = (line: number, field: string, message: string) =>
      errors.push({ file: q.file, line, field, message });
    const first = questionIds.get(q.id);
    if (first) at(q.lines.id, 'id', `question id "${q.id}" is already used by ${first.file}`);
    else questionIds.set(q.id, q);

    if (!known.has(q.category)) {
      at(q.lines.category, 'category', `unknown category "${q.category}" (known: ${[...known].join(', ')})`);
    }
    if (basename(q.file, '.md') !== q.id) at(q.lines.id, 'id', `file name must be ${q.id}.md`);
    if (basename(dirname(q.file)) !== q.category) {
      at(q.lines.category, 'category', `file must be in the folder questions/${q.category}/`);
    }

    q.quizzes.forEach((quiz, i) => {
      const line = q.lines.quizIds[i] ?? q.lines.id;
      const owner = quizIds.get(quiz.id);
      if (owner) at(line, `quizzes[${i}].id`, `quiz id "${quiz.id}" is already used in ${owner}`);
      else quizIds.set(quiz.id, `${q.file}:${line}`);
    });
  }
  return errors;
}
