import type { ContentWarning, Question } from '../types.js';
import { bigramSimilarity, bigrams, normalise } from './terms.js';

/**
 * Two items that ask the same thing with the same key teach one fact twice and let a player
 * score it twice. Measured as character-bigram Jaccard similarity of the prompts (and of the
 * keys). In the reviewed 133-item bank no two distinct items' prompts score above 0.38, while an
 * item copied and lightly edited scores well above 0.6; paraphrases score as low as unrelated
 * items (0.25–0.4), so this catches near-copies — a paraphrase needs the human review pass.
 */
export const SAME_KEY_PROMPT_SIMILARITY = 0.45;
/** A prompt this close is the same question even if its options were rewritten. */
export const COPIED_PROMPT_SIMILARITY = 0.6;
/** Keys this close (or one containing the other) say the same thing. */
export const SAME_KEY_SIMILARITY = 0.5;

interface Item {
  question: Question;
  index: number;
  prompt: ReadonlySet<string>;
  key: string;
}

export function checkNearDuplicates(questions: readonly Question[]): ContentWarning[] {
  const items: Item[] = questions.flatMap((question) =>
    question.quizzes.map((quiz, index) => ({
      question,
      index,
      prompt: bigrams(quiz.prompt),
      key: quiz.options[quiz.answer] ?? '',
    })),
  );
  const warnings: ContentWarning[] = [];
  for (const [i, a] of items.entries()) {
    for (const b of items.slice(i + 1)) {
      const prompts = bigramSimilarity(a.prompt, b.prompt);
      if (prompts < SAME_KEY_PROMPT_SIMILARITY) continue;
      const sameKey = sameKeyText(a.key, b.key);
      if (!sameKey && prompts < COPIED_PROMPT_SIMILARITY) continue;
      const quizB = b.question.quizzes[b.index];
      warnings.push({
        file: b.question.file,
        line: b.question.lines.quizzes[b.index]?.prompt ?? b.question.lines.id,
        field: `quizzes[${b.index}].prompt`,
        message: `near-duplicate of ${a.question.quizzes[a.index]?.id} (${a.question.file}:${a.question.lines.quizzes[a.index]?.prompt}): prompts ${prompts.toFixed(2)} similar${sameKey ? ', same key' : ''}; test another fact or drop one (${quizB?.id})`,
        rule: 'near-duplicate',
      });
    }
  }
  return warnings;
}

function sameKeyText(a: string, b: string): boolean {
  const x = normalise(a);
  const y = normalise(b);
  if (x === '' || y === '') return false;
  return x.includes(y) || y.includes(x) || bigramSimilarity(a, b) >= SAME_KEY_SIMILARITY;
}
