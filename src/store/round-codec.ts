import type { Round, RoundInit } from '../core/round.js';

const NUMBERS = ['optionCount', 'answer', 'openedAt', 'closesAt', 'index'] as const;

/** A round as flat hash fields (undefined fields left out). */
export function roundToFields(round: RoundInit): string[] {
  const fields: string[] = [];
  // for-in, not Object.entries: no pair array per field (every daily post writes a round).
  for (const k in round) {
    const v = round[k as keyof RoundInit];
    if (v !== undefined) fields.push(k, String(v));
  }
  return fields;
}

export function roundFromHash(hash: Record<string, string>): Round | undefined {
  if (!hash.id) return undefined;
  const round: Record<string, unknown> = { ...hash };
  for (const k of NUMBERS) if (hash[k] !== undefined) round[k] = Number(hash[k]);
  if (hash.focus !== undefined) round.focus = hash.focus === 'true';
  delete round.returning;
  return round as unknown as Round;
}

export function pairsToHash(flat: string[]): Record<string, string> {
  const hash: Record<string, string> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) hash[flat[i] as string] = flat[i + 1] as string;
  return hash;
}
