import type { ContentError, Question } from '../types.js';

/**
 * "All/none of the above" options test reading, not Kubernetes: they are refused outright.
 * 以上都是 / 以上都不是 / 以上皆是 / 以上均… / 以上全… and the English forms.
 */
const CATCH_ALL = /以上\s*(?:都|皆|均|全)|(?:all|none|both|neither) of the above/i;

export function checkCatchAllOptions(questions: readonly Question[]): ContentError[] {
  const errors: ContentError[] = [];
  for (const q of questions) {
    q.quizzes.forEach((quiz, i) => {
      quiz.options.forEach((option, o) => {
        const found = option.match(CATCH_ALL)?.[0];
        if (!found) return;
        errors.push({
          file: q.file,
          line: q.lines.quizzes[i]?.options[o] ?? q.lines.id,
          field: `quizzes[${i}].options[${o}]`,
          message: `"${found}…" is refused: every option must be a statement a candidate could pick on its own`,
        });
      });
    });
  }
  return errors;
}
