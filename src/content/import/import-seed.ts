import { readFile } from 'node:fs/promises';
import type { Category } from '../types.js';
import { assignIds, type ImportMap } from './assign-ids.js';
import { type DroppedRepeat, type ImportProblem, reviewEntries } from './review-entries.js';
import { readSeedDocument } from './seed-document.js';
import { type WrittenQuestion, writeQuestions } from './write-questions.js';

export interface ImportReport {
  file: string;
  imported: WrittenQuestion[];
  dropped: DroppedRepeat[];
  problems: ImportProblem[];
  notes: ImportProblem[];
}

export interface ImportOptions {
  outDir: string;
  categories: readonly Category[];
  map?: ImportMap;
}

/** Turns a seed-format Markdown document into content files, reporting everything it did not import. */
export async function importSeed(file: string, options: ImportOptions): Promise<ImportReport> {
  const review = reviewEntries(readSeedDocument(await readFile(file, 'utf8')));
  const planned = assignIds(review.accepted, options.categories, options.map ?? {});
  const problems = [...review.problems];
  for (const q of planned.filter((p) => !p.categoryKnown)) {
    problems.push({
      line: q.line,
      message: `section "${q.section}" matches no category in categories.yaml; written under "${q.category}"`,
    });
  }
  const imported = await writeQuestions(planned, options.outDir);
  return {
    file,
    imported,
    dropped: review.dropped,
    problems: problems.sort((a, b) => a.line - b.line),
    notes: review.notes,
  };
}
