import type { Quiz } from '../../content/types.js';

const OPTION_LETTERS = ['A', 'B', 'C', 'D', 'E'] as const;

export const optionLetter = (index: number): string => OPTION_LETTERS[index] ?? String(index + 1);

/** The question as players read it: the prompt, then one line per lettered option. */
export function quizBody(quiz: Pick<Quiz, 'prompt' | 'options'>): string {
  const options = quiz.options.map((option, i) => `**${optionLetter(i)}.** ${option}`);
  return `${quiz.prompt}\n\n${options.join('\n')}`;
}
