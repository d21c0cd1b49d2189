import type { QuestionBank } from '../content/bank.js';

/** A category as a player types it: its id, English or Chinese name, or an alias. */
export function resolveCategory(bank: QuestionBank, text: string): string | undefined {
  const wanted = text.trim().toLowerCase();
  return bank.categories.find(
    (c) =>
      c.id === wanted ||
      c.name.en.toLowerCase() === wanted ||
      c.name['zh-CN'] === text.trim() ||
      c.aliases.includes(text.trim()),
  )?.id;
}

/** The ids players can choose, for "choose one of" messages. */
export const categoryList = (bank: QuestionBank): string => bank.categories.map((c) => c.id).join(', ');
