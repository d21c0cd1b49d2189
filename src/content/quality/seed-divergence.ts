import { diffArrays } from 'diff';
import type { ContentWarning, Question } from '../types.js';
import type { SeedAnswers } from './seed-answers.js';
import { normalise } from './terms.js';

/**
 * The seed is where the bank came from, not the truth: writers fix its answers, and every change
 * is recorded in `revisions` (what and why). A reference answer that differs from the seed's must
 * record at least one revision. Lines are compared after dropping Markdown markup, spaces and
 * punctuation, so re-formatting is not a change; a run of changed lines is one "place".
 * One revision may cover several places (the same fix made twice) and one place several
 * revisions, so the count of places bounds nothing: at least one revision is what is honest.
 */
export interface Divergence {
  /** Runs of changed lines. */
  places: number;
  /** Line in the body (1-based) of the first changed line, or of the line after a removal. */
  firstBodyLine: number;
}

export function compareWithSeed(seedAnswer: string, body: string): Divergence | undefined {
  const seed = comparableLines(seedAnswer);
  const mine = comparableLines(body);
  const parts = diffArrays(
    seed.map((l) => l.text),
    mine.map((l) => l.text),
  );
  let places = 0;
  let inChange = false;
  let bodyIndex = 0;
  let firstBodyLine: number | undefined;
  for (const part of parts) {
    if (!part.added && !part.removed) {
      inChange = false;
      bodyIndex += part.count ?? part.value.length;
      continue;
    }
    if (!inChange) places++;
    inChange = true;
    firstBodyLine ??= mine[bodyIndex]?.line ?? mine.at(-1)?.line ?? 1;
    if (part.added) bodyIndex += part.count ?? part.value.length;
  }
  return places === 0 ? undefined : { places, firstBodyLine: firstBodyLine ?? 1 };
}

/** Non-empty lines reduced to their words, with their 1-based line numbers. */
function comparableLines(markdown: string): { text: string; line: number }[] {
  return markdown.split('\n').flatMap((raw, i) => {
    const text = normalise(raw.replace(/^\s*(?:[-*+]|\d+[.)]|#+|>)\s+/, ''));
    return text === '' ? [] : [{ text, line: i + 1 }];
  });
}

/** Seed questions: origin `seed`, or no origin yet and an id the seed has. */
export function checkSeedDivergence(questions: readonly Question[], seed: SeedAnswers): ContentWarning[] {
  const warnings: ContentWarning[] = [];
  for (const q of questions) {
    const answer = seed.byId.get(q.id);
    const at = (line: number, field: string, message: string, rule: string) =>
      warnings.push({ file: q.file, line, field, message, rule });
    if (!answer) {
      if (q.origin === 'seed') {
        at(q.lines.id, 'origin', `is seed, but ${seed.file} has no question with id "${q.id}"`, 'provenance');
      }
      continue;
    }
    if (q.origin === 'original') {
      at(
        q.lines.id,
        'origin',
        `is original, but "${q.id}" is the seed's "${answer.title}" (${seed.file}:${answer.line})`,
        'provenance',
      );
      continue;
    }
    const divergence = compareWithSeed(answer.answer, q.referenceAnswer);
    if (!divergence || (q.revisions?.length ?? 0) > 0) continue;
    at(
      q.lines.body + divergence.firstBodyLine - 1,
      'revisions',
      `the reference answer differs from the seed's (${seed.file}:${answer.line}) in ${divergence.places} place(s), first here, but records no revisions: add one { change, reason } per change`,
      'unrecorded-change',
    );
  }
  return warnings;
}
