import stringWidth from 'string-width';
import type { ContentWarning, Question } from '../types.js';

/**
 * Giveaway by length: players learn that "the long, careful option is right". Across the bank
 * the key may be strictly the longest option in at most this share of items (by chance it is
 * about 1 in 4; 30 % leaves room for items whose key is naturally a little longer).
 */
export const MAX_LONGEST_SHARE = 0.3;
/** No key may be wider than this multiple of its distractors' mean width. */
export const MAX_KEY_RATIO = 1.5;

/** Terminal columns (CJK and full-width characters count 2), the width a reader sees. */
export const displayWidth = (text: string): number => stringWidth(text);

export interface ItemWidth {
  quiz: string;
  file: string;
  line: number;
  /** Key width / mean distractor width. */
  ratio: number;
  /** The key is wider than every distractor. */
  keyLongest: boolean;
}

export interface WidthFigures {
  items: number;
  keyLongest: number;
  /** keyLongest / items (0 for an empty bank). */
  longestShare: number;
  /** The item with the highest key/distractor ratio. */
  worst: ItemWidth | undefined;
}

export function measureItem(
  options: readonly string[],
  answer: number,
): { ratio: number; keyLongest: boolean } {
  const widths = options.map(displayWidth);
  const key = widths[answer] ?? 0;
  const others = widths.filter((_, i) => i !== answer);
  const mean = others.reduce((a, b) => a + b, 0) / Math.max(others.length, 1);
  return {
    ratio: mean === 0 ? Number.POSITIVE_INFINITY : key / mean,
    keyLongest: others.every((w) => key > w),
  };
}

/** Per item: key/distractor ratio over the limit (at the key's line); bank: the longest-key share. */
export function checkOptionWidths(
  questions: readonly Question[],
  bankName: string,
): { warnings: ContentWarning[]; figures: WidthFigures } {
  const warnings: ContentWarning[] = [];
  const items: ItemWidth[] = [];
  for (const q of questions) {
    q.quizzes.forEach((quiz, i) => {
      const line = q.lines.quizzes[i]?.options[quiz.answer] ?? q.lines.id;
      const item = { quiz: quiz.id, file: q.file, line, ...measureItem(quiz.options, quiz.answer) };
      items.push(item);
      if (item.ratio > MAX_KEY_RATIO) {
        warnings.push({
          file: q.file,
          line,
          field: `quizzes[${i}].options[${quiz.answer}]`,
          message: `the key is ${item.ratio.toFixed(2)}× the mean display width of the distractors (at most ${MAX_KEY_RATIO}×): make the distractors as specific as the key`,
          rule: 'key-width',
        });
      }
    });
  }
  const keyLongest = items.filter((i) => i.keyLongest).length;
  const longestShare = items.length === 0 ? 0 : keyLongest / items.length;
  if (longestShare > MAX_LONGEST_SHARE) {
    warnings.push({
      file: bankName,
      line: 0,
      field: '',
      message: `the key is strictly the longest option in ${keyLongest} of ${items.length} items (${percent(longestShare)}; at most ${percent(MAX_LONGEST_SHARE)})`,
      rule: 'longest-share',
    });
  }
  const worst = items.reduce<ItemWidth | undefined>((w, i) => (!w || i.ratio > w.ratio ? i : w), undefined);
  return { warnings, figures: { items: items.length, keyLongest, longestShare, worst } };
}

export const percent = (share: number): string => `${(share * 100).toFixed(1)} %`;
