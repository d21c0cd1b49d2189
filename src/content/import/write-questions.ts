import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { PlannedQuestion } from './assign-ids.js';

export interface WrittenQuestion {
  id: string;
  title: string;
  category: string;
  line: number;
  path: string;
  /** False when a file was already there: it is left unchanged (it may hold hand-written quizzes). */
  written: boolean;
}

/** Writes one content file per question; quizzes start empty for maintainers to fill in. */
export async function writeQuestions(
  planned: readonly PlannedQuestion[],
  outDir: string,
): Promise<WrittenQuestion[]> {
  const results: WrittenQuestion[] = [];
  for (const q of planned) {
    const dir = join(outDir, q.category);
    const path = join(dir, `${q.id}.md`);
    await mkdir(dir, { recursive: true });
    const frontmatter = stringify({
      id: q.id,
      title: q.title,
      category: q.category,
      difficulty: 2,
      tags: [],
      quizzes: [],
    });
    let written = true;
    try {
      await writeFile(path, `---\n${frontmatter}---\n\n${q.answer}\n`, { flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      written = false;
    }
    results.push({ id: q.id, title: q.title, category: q.category, line: q.line, path, written });
  }
  return results;
}
