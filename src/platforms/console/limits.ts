import type { TextBudget } from '../../core/text-budget.js';

/** A terminal has no message limits; long bodies print whole. */
export const consoleBudget: TextBudget = {
  platform: 'console',
  blockChars: Number.POSITIVE_INFINITY,
  measure: (text) => text.length,
};

/** Width of the rule drawn above each message. */
export const RULE_WIDTH = 60;
