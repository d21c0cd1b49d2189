import type { Measure } from '../content/split-markdown.js';

/** How much Markdown one block of a platform message may hold, as that platform counts it. */
export interface TextBudget {
  platform: string;
  /** Largest body of one View part (embed description, section text), after headroom for titles. */
  blockChars: number;
  measure: Measure;
}

/** Room kept in every block for what the bot adds around bank text (labels, deadlines). */
export const VIEW_HEADROOM = 200;
