import type { TextBudget } from '../core/text-budget.js';
import { quizBody } from '../core/views/quiz-text.js';
import { parseMarkdown } from './markdown.js';
import { splitMarkdown } from './split-markdown.js';
import type { ContentError, Question } from './types.js';

/** Longest option text we show; longer options stop being readable next to their letter. */
export const MAX_OPTION_CHARS = 200;

/**
 * Proves every piece of bank text can be shown on every platform: the question with its
 * options, each explanation, and the reference answer once split into parts.
 */
export function checkFit(questions: readonly Question[], budgets: readonly TextBudget[]): ContentError[] {
  const errors: ContentError[] = [];
  for (const q of questions) {
    const at = (line: number, field: string, message: string) =>
      errors.push({ file: q.file, line, field, message });
    q.quizzes.forEach((quiz, i) => {
      const line = q.lines.quizIds[i] ?? q.lines.id;
      quiz.options.forEach((option, o) => {
        if (option.length > MAX_OPTION_CHARS) {
          at(
            line,
            `quizzes[${i}].options[${o}]`,
            `is ${option.length} characters; at most ${MAX_OPTION_CHARS}`,
          );
        }
      });
      for (const b of budgets) {
        const body = b.measure(quizBody(quiz));
        if (body > b.blockChars) {
          at(
            line,
            `quizzes[${i}].prompt`,
            `question and options measure ${body} on ${b.platform}; at most ${b.blockChars}`,
          );
        }
        const explanation = b.measure(quiz.explanation);
        if (explanation > b.blockChars) {
          at(
            line,
            `quizzes[${i}].explanation`,
            `measures ${explanation} on ${b.platform}; at most ${b.blockChars}`,
          );
        }
      }
    });
    for (const b of budgets) {
      const problem = splitProblem(q.referenceAnswer, b);
      if (problem)
        at(q.lines.quizIds.at(-1) ?? q.lines.id, 'body', `reference answer on ${b.platform}: ${problem}`);
    }
  }
  return errors;
}

/** Why the split of a reference answer does not work on a platform, or undefined when it does. */
export function splitProblem(markdown: string, budget: TextBudget): string | undefined {
  const parts = splitMarkdown(markdown, budget.blockChars, budget.measure);
  for (const [i, part] of parts.entries()) {
    const size = budget.measure(part);
    if (size > budget.blockChars) return `part ${i + 1} measures ${size}; at most ${budget.blockChars}`;
    if (hasOpenFence(part)) return `part ${i + 1} leaves a code fence open`;
  }
  return undefined;
}

/** A fence that is never closed runs to the end of its part (and would swallow what follows). */
function hasOpenFence(part: string): boolean {
  return parseMarkdown(part).children.some((node) => {
    if (node.type !== 'code' || !node.position) return false;
    const source = part.slice(node.position.start.offset, node.position.end.offset).trimEnd();
    const fence = source.match(/^(`{3,}|~{3,})/)?.[1];
    if (!fence) return false; // indented code has no fence
    const lines = source.split('\n');
    return lines.length < 2 || !(lines.at(-1) ?? '').trim().startsWith(fence);
  });
}
