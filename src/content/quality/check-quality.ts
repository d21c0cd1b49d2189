import type { ContentError, ContentWarning, Question } from '../types.js';
import { checkCatchAllOptions } from './catch-all-options.js';
import { checkOptionWidths, type WidthFigures } from './option-widths.js';

/** The bank's figures that every `content check` prints. */
export interface QualityFigures {
  widths: WidthFigures;
  /** Items whose fact depends on a default scheduled to change, with the version to recheck at. */
  recheck: { quiz: string; version: string; file: string; line: number }[];
  /** Warnings per rule. */
  warningsByRule: Record<string, number>;
}

export interface QualityReport {
  errors: ContentError[];
  warnings: ContentWarning[];
  figures: QualityFigures;
}

/** Quality checks over a loaded bank: facts we refuse are errors, giveaways and gaps are warnings. */
export function checkQuality(questions: readonly Question[], bankName: string): QualityReport {
  const widths = checkOptionWidths(questions, bankName);
  const errors = [...checkCatchAllOptions(questions)];
  const warnings = [...widths.warnings];
  const warningsByRule: Record<string, number> = {};
  for (const w of warnings) warningsByRule[w.rule] = (warningsByRule[w.rule] ?? 0) + 1;
  return {
    errors,
    warnings,
    figures: { widths: widths.figures, recheck: recheckList(questions), warningsByRule },
  };
}

function recheckList(questions: readonly Question[]): QualityFigures['recheck'] {
  return questions.flatMap((q) =>
    q.quizzes.flatMap((quiz, i) =>
      quiz.recheck
        ? [{ quiz: quiz.id, version: quiz.recheck, file: q.file, line: q.lines.quizzes[i]?.id ?? q.lines.id }]
        : [],
    ),
  );
}
