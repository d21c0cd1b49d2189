import type { ContentWarning, Question } from '../types.js';
import { displayWidth } from './option-widths.js';
import { asciiParts, asciiTerms, cjkTerms, normalise } from './terms.js';

/**
 * The reveal shows the key, then the explanation: it must name the fact that makes the key
 * right. A heuristic, not a judge of content: the explanation says something beyond the key
 * (at least this many display columns once the key's text is taken out) and restates the key —
 * it contains one of the key's ASCII terms (or a part of a compound one: `warn` of
 * `pod-security.kubernetes.io/warn`), one of its numbers of 2+ digits, or one of its Chinese
 * terms of 2+ characters.
 */
export const MIN_EXPLANATION_EXTRA_WIDTH = 20;

export function checkExplanations(questions: readonly Question[]): ContentWarning[] {
  const warnings: ContentWarning[] = [];
  for (const q of questions) {
    q.quizzes.forEach((quiz, i) => {
      const key = quiz.options[quiz.answer] ?? '';
      const problem = explanationProblem(quiz.explanation, key);
      if (!problem) return;
      warnings.push({
        file: q.file,
        line: q.lines.quizzes[i]?.explanation ?? q.lines.id,
        field: `quizzes[${i}].explanation`,
        message: problem,
        rule: 'explanation',
      });
    });
  }
  return warnings;
}

export function explanationProblem(explanation: string, key: string): string | undefined {
  const rest = explanation.split(key).join('');
  if (normalise(explanation) === normalise(key) || displayWidth(rest.trim()) < MIN_EXPLANATION_EXTRA_WIDTH) {
    return 'only repeats the key: say why it is right and why the tempting distractor is wrong';
  }
  const whole = asciiTerms(key);
  // Numbers count too: "约 75%" is named by an explanation that computes 3/(3+1)=75%.
  const ascii = new Set([...whole, ...asciiParts(whole), ...(key.match(/\d{2,}/g) ?? [])]);
  const cjk = cjkTerms(key, 2);
  if (ascii.size + cjk.size === 0) return undefined; // a key of digits or symbols: nothing to look for
  const lower = explanation.toLowerCase();
  if ([...ascii].some((t) => lower.includes(t)) || [...cjk].some((t) => explanation.includes(t))) {
    return undefined;
  }
  return 'does not mention the key: name the fact that makes it right (one of its terms)';
}
