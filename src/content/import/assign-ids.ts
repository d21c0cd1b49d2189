import { createHash } from 'node:crypto';
import { z } from 'zod';
import { StableId } from '../schema.js';
import type { Category } from '../types.js';
import type { SeedEntry } from './seed-document.js';

/** Optional curation for an import: per question title, the id and category to use. */
export const ImportMapSchema = z.record(
  z.string(),
  z.strictObject({ id: StableId, category: StableId.optional() }),
);
export type ImportMap = z.infer<typeof ImportMapSchema>;

export interface PlannedQuestion extends SeedEntry {
  id: string;
  category: string;
  /** False when the section matched no known category and the id below was derived from its name. */
  categoryKnown: boolean;
}

/** Gives each accepted entry a stable id and a category id. */
export function assignIds(
  entries: readonly SeedEntry[],
  categories: readonly Category[],
  map: ImportMap,
): PlannedQuestion[] {
  const byName = new Map<string, string>();
  for (const c of categories) {
    for (const name of [c.id, c.name['zh-CN'], c.name.en, ...c.aliases]) byName.set(name, c.id);
  }
  const known = new Set(categories.map((c) => c.id));
  const used = new Set<string>();
  return entries.map((entry) => {
    const curated = map[entry.title];
    const section = entry.section ?? '';
    const category = curated?.category ?? byName.get(section) ?? slug(section, 'category');
    let id = curated?.id ?? slug(entry.title, 'q');
    while (used.has(id)) id = `${id}-${shortHash(id)}`;
    used.add(id);
    return { ...entry, id, category, categoryKnown: known.has(category) };
  });
}

/** ASCII words of a (mostly Chinese) title plus a short hash: stable, readable enough to rename. */
function slug(text: string, fallback: string): string {
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const head = words.join('-').slice(0, 40).replace(/-+$/, '') || fallback;
  return `${head}-${shortHash(text)}`;
}

const shortHash = (text: string) => createHash('sha1').update(text).digest('hex').slice(0, 6);
