import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { assignIds, ImportMapSchema } from '../import/assign-ids.js';
import { reviewEntries } from '../import/review-entries.js';
import { readSeedDocument } from '../import/seed-document.js';
import type { Category, ContentError } from '../types.js';
import { parseYaml } from '../yaml-source.js';

/** Where a content folder keeps the document the bank was imported from, and its id map. */
export const SEED_DOCUMENT = join('seed', 'k8s-interview-qa.zh-CN.md');
export const SEED_MAP = 'seed-map.yaml';

export interface SeedAnswer {
  title: string;
  answer: string;
  /** Line of the `### Q:` heading in the seed document. */
  line: number;
}

export interface SeedAnswers {
  /** The seed document's path, for messages. */
  file: string;
  byId: ReadonlyMap<string, SeedAnswer>;
}

/**
 * The seed's answer for every question id, read the way `content import` reads it (same entry
 * review, same ids from the map). Undefined when the folder has no seed document.
 */
export async function readSeedAnswers(
  dir: string,
  categories: readonly Category[],
  errors: ContentError[],
): Promise<SeedAnswers | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, SEED_DOCUMENT), 'utf8');
  } catch {
    return undefined;
  }
  const mapPath = join(dir, SEED_MAP);
  const mapFile = relative(process.cwd(), mapPath) || mapPath;
  let map = {};
  try {
    const parsed = parseYaml(await readFile(mapPath, 'utf8'), ImportMapSchema, {
      file: mapFile,
      firstLine: 1,
    });
    if (parsed.ok) map = parsed.value.value;
    else errors.push(...parsed.error);
  } catch {
    // No map: ids are derived from titles, as `content import` does without --map.
  }
  const accepted = reviewEntries(readSeedDocument(text)).accepted;
  const planned = assignIds(accepted, categories, map);
  const seedFile = relative(process.cwd(), join(dir, SEED_DOCUMENT));
  return {
    file: seedFile,
    byId: new Map(planned.map((p) => [p.id, { title: p.title, answer: p.answer, line: p.line }])),
  };
}
