import type { ContentWarning, Question } from '../types.js';
import { asciiTerms, cjkTerms, mentions } from './terms.js';

/**
 * A prompt term that only the key repeats: a player who matches words, not facts, finds the key
 * ("…配置了就绪探针…" → "就绪探针成功之后"). Only the key counts: a distractor that echoes the
 * prompt is a fair lure. Terms of the question's title are the topic every option is about
 * ("helm" in a Helm question), not a clue. The fix is a distractor that names the term too, or a
 * prompt without it.
 */
export function checkGiveawayTerms(questions: readonly Question[]): ContentWarning[] {
  const warnings: ContentWarning[] = [];
  for (const q of questions) {
    const topic = new Set([...asciiTerms(q.title), ...cjkTerms(q.title)]);
    q.quizzes.forEach((quiz, i) => {
      const echoed = keyOnlyTerms(quiz.prompt, quiz.options, quiz.answer, topic);
      if (echoed.length === 0) return;
      warnings.push({
        file: q.file,
        line: q.lines.quizzes[i]?.options[quiz.answer] ?? q.lines.id,
        field: `quizzes[${i}].options[${quiz.answer}]`,
        message: `only the key repeats the prompt's ${echoed.map((t) => `"${asWritten(quiz.prompt, t)}"`).join(', ')}: name it in a distractor too, or leave it out of the prompt`,
        rule: 'giveaway-term',
      });
    });
  }
  return warnings;
}

/** Distinctive prompt terms found in the key and in no other option, longest first, without overlaps. */
export function keyOnlyTerms(
  prompt: string,
  options: readonly string[],
  answer: number,
  topic: ReadonlySet<string> = new Set(),
): string[] {
  const candidates = [...asciiTerms(prompt), ...cjkTerms(prompt)]
    .filter((t) => !topic.has(t))
    .sort((a, b) => b.length - a.length);
  const found: string[] = [];
  for (const term of candidates) {
    if (found.some((f) => f.includes(term))) continue;
    const holders = options.flatMap((o, i) => (mentions(o, term) ? [i] : []));
    if (holders.length === 1 && holders[0] === answer) found.push(term);
  }
  return found;
}

/** The term as the prompt writes it (ASCII terms are compared in lower case). */
function asWritten(prompt: string, term: string): string {
  const at = prompt.toLowerCase().indexOf(term);
  return at < 0 ? term : prompt.slice(at, at + term.length);
}
