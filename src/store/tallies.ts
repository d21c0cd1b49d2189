import type { Redis } from 'ioredis';
import type { CategoryTally } from '../core/boards.js';

/** `answered:<category>` / `correct:<category>` hash fields as tallies, by category id. */
export function talliesFrom(hash: Record<string, string>): CategoryTally[] {
  return Object.entries(hash)
    .filter(([field]) => field.startsWith('answered:'))
    .map(([field, answered]) => {
      const category = field.slice('answered:'.length);
      return { category, answered: Number(answered), correct: Number(hash[`correct:${category}`] ?? 0) };
    })
    .sort((a, b) => a.category.localeCompare(b.category));
}

/** The tallies of several hashes (e.g. one per date) added up, in one round trip. */
export async function sumTallies(redis: Redis, keys: readonly string[]): Promise<CategoryTally[]> {
  const pipeline = redis.pipeline();
  for (const key of keys) pipeline.hgetall(key);
  const replies = (await pipeline.exec()) ?? [];
  const sums = new Map<string, CategoryTally>();
  for (const [error, hash] of replies) {
    if (error) throw error;
    for (const t of talliesFrom(hash as Record<string, string>)) {
      const sum = sums.get(t.category) ?? { category: t.category, answered: 0, correct: 0 };
      sum.answered += t.answered;
      sum.correct += t.correct;
      sums.set(t.category, sum);
    }
  }
  return [...sums.values()].sort((a, b) => a.category.localeCompare(b.category));
}
