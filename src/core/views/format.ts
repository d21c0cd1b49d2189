import type { QuestionBank } from '../../content/bank.js';
import type { Locale } from '../../content/schema.js';

export const categoryName = (bank: QuestionBank, id: string, locale: Locale): string =>
  bank.category(id)?.name[locale] ?? id;

export const percent = (part: number, whole: number): string =>
  whole === 0 ? '—' : `${Math.round((100 * part) / whole)}%`;

/** A text bar for option splits: readable in every client, no images needed. */
export const bar = (part: number, whole: number, width = 10): string => {
  const filled = whole === 0 ? 0 : Math.round((width * part) / whole);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
};

export const MEDALS = ['🥇', '🥈', '🥉'] as const;
