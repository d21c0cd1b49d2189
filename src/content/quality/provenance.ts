import type { ContentWarning, Question } from '../types.js';

/**
 * Where a fact comes from and when it was last checked: every question records its `origin`
 * and the Kubernetes minor it was `verified` against, every item its `sources`. Optional in the
 * schema (a file without them loads), warnings here, errors under --strict.
 */
export function checkProvenance(questions: readonly Question[]): ContentWarning[] {
  const warnings: ContentWarning[] = [];
  for (const q of questions) {
    const at = (line: number, field: string, message: string) =>
      warnings.push({ file: q.file, line, field, message, rule: 'provenance' });
    if (!q.origin) at(q.lines.id, 'origin', 'missing: seed (imported from the seed document) or original');
    if (!q.verified) {
      at(
        q.lines.id,
        'verified',
        "missing: the Kubernetes minor whose docs the facts were checked against, e.g. '1.36'",
      );
    }
    q.quizzes.forEach((quiz, i) => {
      if (!quiz.sources) {
        at(
          q.lines.quizzes[i]?.id ?? q.lines.id,
          `quizzes[${i}].sources`,
          'missing: one or more official docs URLs or KEP numbers that state the fact',
        );
      }
    });
  }
  return warnings;
}
