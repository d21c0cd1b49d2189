import type { Question, Quiz } from '../../content/types.js';
import type { Translate } from '../../i18n/catalog.js';
import { encodeAction } from '../actions.js';
import type { RoundResults } from '../round.js';
import type { View } from '../view.js';
import { bar, percent } from './format.js';
import { optionLetter } from './quiz-text.js';

/** Names listed under "right"; the rest are counted, so a big team keeps one readable message. */
const MAX_NAMES = 20;

/** The reveal: correct option and why, how the team split, who was right (fastest first). */
export function revealView(
  question: Question,
  quiz: Quiz,
  results: RoundResults,
  t: Translate,
  footer?: string,
): View {
  const total = results.answers.length;
  const split = quiz.options
    .map((_, i) => {
      const n = results.split[i] ?? 0;
      const mark = i === quiz.answer ? ' ✅' : '';
      return `\`${optionLetter(i)}\` ${bar(n, total)} ${n} (${percent(n, total)})${mark}`;
    })
    .join('\n');
  const right = results.answers.filter((a) => a.correct);
  const lines = right.slice(0, MAX_NAMES).map((a, i) => {
    const streak = a.streak && a.streak > 1 ? ` · ${t('reveal.streak', { streak: a.streak })}` : '';
    return `${i + 1}. ${a.name} ${t('reveal.points', { points: a.points })}${streak}`;
  });
  if (right.length > MAX_NAMES) lines.push(`… +${right.length - MAX_NAMES}`);
  const winners =
    total === 0 ? t('reveal.noAnswers') : right.length === 0 ? t('reveal.nobodyRight') : lines.join('\n');
  const view: View = {
    visibility: 'channel',
    tone: 'reveal',
    title: t('reveal.title', { title: question.title }),
    body: `${t('reveal.correct', { choice: optionLetter(quiz.answer), option: quiz.options[quiz.answer] ?? '' })}\n\n${quiz.explanation}`,
    fields: [
      { name: t('reveal.split'), value: split },
      // Names: plain text on every platform.
      { name: t('reveal.winners'), value: winners, format: 'plain' },
    ],
    buttons: [
      {
        action: encodeAction({ kind: 'reference', questionId: question.id }),
        label: t('reveal.referenceButton'),
        style: 'primary',
      },
      { action: encodeAction({ kind: 'report', quizId: quiz.id }), label: t('reveal.reportButton') },
    ],
  };
  if (footer) view.footer = footer;
  return view;
}

/** The full reference answer, privately; adapters split it to their message limits. */
export function referenceView(question: Question, t: Translate): View {
  return {
    visibility: 'private',
    tone: 'info',
    title: t('reference.title', { title: question.title }),
    body: question.referenceAnswer,
  };
}
