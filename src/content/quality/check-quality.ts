import type { ContentRead } from '../load-bank.js';
import type { ContentError, ContentWarning, Question } from '../types.js';
import { checkCatchAllOptions } from './catch-all-options.js';
import { checkExamples, type ExampleFigures } from './examples/check-examples.js';
import { checkExplanations } from './explanations.js';
import { checkGiveawayTerms } from './giveaway-terms.js';
import { checkNearDuplicates } from './near-duplicates.js';
import { checkOptionWidths, type WidthFigures } from './option-widths.js';
import { checkProvenance } from './provenance.js';
import { readSeedAnswers } from './seed-answers.js';
import { checkSeedDivergence } from './seed-divergence.js';

/** The bank's figures that every `content check` prints. */
export interface QualityFigures {
  widths: WidthFigures;
  /** Items whose fact depends on a default scheduled to change, with the version to recheck at. */
  recheck: { quiz: string; version: string; file: string; line: number }[];
  examples: ExampleFigures;
  /** The seed document the seed questions were compared with, or null when the folder has none. */
  seed: string | null;
  /** Warnings per rule. */
  warningsByRule: Record<string, number>;
}

export interface QualityReport {
  errors: ContentError[];
  warnings: ContentWarning[];
  figures: QualityFigures;
}

/**
 * Quality checks over a read content folder: what we refuse to teach (catch-all options, broken
 * examples) is an error; giveaways, missing provenance and unrecorded changes are warnings.
 */
export async function checkQuality(content: ContentRead, dir: string): Promise<QualityReport> {
  const { questions } = content;
  const errors: ContentError[] = [...checkCatchAllOptions(questions)];
  const widths = checkOptionWidths(questions, dir);
  const examples = await checkExamples(questions);
  const seed = await readSeedAnswers(dir, content.categories, errors);
  errors.push(...examples.errors);
  const warnings = [
    ...widths.warnings,
    ...checkGiveawayTerms(questions),
    ...checkNearDuplicates(questions),
    ...checkExplanations(questions),
    ...checkProvenance(questions),
    ...(seed ? checkSeedDivergence(questions, seed) : []),
    ...examples.warnings,
  ];
  const warningsByRule: Record<string, number> = {};
  for (const w of warnings) warningsByRule[w.rule] = (warningsByRule[w.rule] ?? 0) + 1;
  return {
    errors,
    warnings,
    figures: {
      widths: widths.figures,
      recheck: recheckList(questions),
      examples: examples.figures,
      seed: seed?.file ?? null,
      warningsByRule,
    },
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
