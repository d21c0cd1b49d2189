import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { err, ok, type Result } from '../core/result.js';
import { QuestionBank } from './bank.js';
import { compiledBank, readCompiledBank } from './compiled-bank.js';
import { checkBankConsistency } from './consistency.js';
import { parseQuestionFile } from './question-file.js';
import { CategoriesFileSchema } from './schema.js';
import type { Category, ContentError, Question } from './types.js';
import { parseYaml } from './yaml-source.js';

export const DEFAULT_CONTENT_DIR = 'content';

/** Everything read from a content folder, with every problem found — it does not stop at the first. */
export interface ContentRead {
  categories: Category[];
  questions: Question[];
  errors: ContentError[];
}

/** Reads `categories.yaml` and `questions/<category>/<id>.md`, checking each file and the set as a whole. */
export async function readContent(dir: string): Promise<ContentRead> {
  const errors: ContentError[] = [];
  const categories = await loadCategories(dir, errors);
  const questions: Question[] = [];
  for (const path of await questionFiles(join(dir, 'questions'))) {
    const file = relative(process.cwd(), path) || path;
    const parsed = parseQuestionFile(file, await readFile(path, 'utf8'));
    if (parsed.ok) questions.push(parsed.value);
    else errors.push(...parsed.error);
  }
  errors.push(...checkBankConsistency(categories, questions));
  return { categories, questions, errors };
}

/**
 * Loads a content folder into a QuestionBank, or every problem found: from the build's
 * compiled bank when it was made from exactly these files (compiled-bank.ts), else from the
 * Markdown.
 */
export async function loadBank(dir: string): Promise<Result<QuestionBank, ContentError[]>> {
  const compiled = await readCompiledBank(dir, await bankFiles(dir));
  if (compiled) return ok(compiled);
  const content = await readContent(dir);
  if (content.errors.length > 0) return err(content.errors);
  return ok(new QuestionBank(content.categories, content.questions));
}

/** `npm run build`: the content folder's compiled bank (JSON), or every problem found. */
export async function compileContent(dir: string): Promise<Result<string, ContentError[]>> {
  const content = await readContent(dir);
  if (content.errors.length > 0) return err(content.errors);
  return ok(await compiledBank(dir, await bankFiles(dir), content));
}

/** The files a bank is read from, in reading order. */
export async function bankFiles(dir: string): Promise<string[]> {
  return [join(dir, 'categories.yaml'), ...(await questionFiles(join(dir, 'questions')))];
}

/** The category ids of a content folder (for checking config files early); none if it cannot be read. */
export async function readCategoryIds(dir: string): Promise<string[] | undefined> {
  const errors: ContentError[] = [];
  const categories = await loadCategories(dir, errors);
  return errors.length > 0 ? undefined : categories.map((c) => c.id);
}

async function loadCategories(dir: string, errors: ContentError[]): Promise<Category[]> {
  const path = join(dir, 'categories.yaml');
  const file = relative(process.cwd(), path) || path;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    errors.push({ file, line: 1, field: '', message: 'file not found' });
    return [];
  }
  const parsed = parseYaml(text, CategoriesFileSchema, { file, firstLine: 1 });
  if (!parsed.ok) {
    errors.push(...parsed.error);
    return [];
  }
  return parsed.value.value;
}

async function questionFiles(dir: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(dir, { recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.endsWith('.md'))
    .sort()
    .map((e) => join(dir, e.split('/').join(sep)));
}
