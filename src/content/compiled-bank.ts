import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { QuestionBank } from './bank.js';
import type { Category, Question } from './types.js';

/**
 * The bank as `npm run build` leaves it beside the compiled modules (dist/content/bank.json):
 * the questions already read, checked and parsed, with a fingerprint of the files they came
 * from. Loading it is one JSON.parse instead of 83 YAML frontmatters validated one by one —
 * about 3 MB less memory at rest, the parse's garbage never made. Under tsx (`npm start`)
 * there is no such file, and a content folder that differs from the one built (a mounted
 * volume, CONTENT_DIR elsewhere, an edited file) does not match the fingerprint: both are
 * read from Markdown as before, and a content error still names its file, line and field.
 */
export const COMPILED_BANK = new URL('./bank.json', import.meta.url);

interface CompiledBank {
  version: 1;
  fingerprint: string;
  categories: Category[];
  /** `file` relative to the content folder (the process's working directory may differ). */
  questions: Question[];
}

/** A hash of the files a bank is read from: their paths within the folder and their bytes. */
export async function contentFingerprint(dir: string, files: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${relative(dir, file)}\0`);
    hash.update(await readFile(file).catch(() => Buffer.from('\0missing')));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** The compiled form of a bank read from `dir` (`files`: those it was read from). */
export async function compiledBank(
  dir: string,
  files: readonly string[],
  bank: { categories: readonly Category[]; questions: readonly Question[] },
): Promise<string> {
  const compiled: CompiledBank = {
    version: 1,
    fingerprint: await contentFingerprint(dir, files),
    categories: [...bank.categories],
    questions: bank.questions.map((q) => ({ ...q, file: relative(dir, q.file) })),
  };
  return JSON.stringify(compiled);
}

/** The compiled bank, if there is one and it was built from exactly these files; else undefined. */
export async function readCompiledBank(
  dir: string,
  files: readonly string[],
  from: URL | string = COMPILED_BANK,
): Promise<QuestionBank | undefined> {
  let compiled: CompiledBank;
  try {
    compiled = JSON.parse(await readFile(from, 'utf8')) as CompiledBank;
  } catch {
    return undefined; // not built (tsx), or unreadable: the Markdown is read instead
  }
  if (compiled.version !== 1 || compiled.fingerprint !== (await contentFingerprint(dir, files)))
    return undefined;
  const questions = compiled.questions.map((q) => ({
    ...q,
    file: relative(process.cwd(), join(dir, q.file)) || join(dir, q.file),
  }));
  return new QuestionBank(compiled.categories, questions);
}
