import type { Question, Quiz } from '../../content/types.js';
import type { Translate } from '../../i18n/catalog.js';
import { encodeAction } from '../actions.js';
import { type DeckCard, GRADES, type ReviewGrade } from '../deck.js';
import type { View } from '../view.js';
import { optionLetter, quizBody } from './quiz-text.js';

/** A due item, privately, with one answer button per option. */
export function reviewQuestionView(quiz: Quiz, categoryName: string, dueCount: number, t: Translate): View {
  return {
    visibility: 'private',
    tone: 'question',
    title: t('review.title', { category: categoryName }),
    body: quizBody(quiz),
    buttons: quiz.options.map((_, choice) => ({
      action: encodeAction({ kind: 'reviewAnswer', quizId: quiz.id, choice }),
      label: optionLetter(choice),
      style: 'secondary' as const,
    })),
    footer: t('review.footer', { count: dueCount }),
  };
}

/**
 * After a review answer: right or not, why, the reference answer button and the four grades.
 * The default grade (wrong → Again, right → Good) is already applied and shown as primary.
 */
export function reviewResultView(
  question: Question,
  quiz: Quiz,
  choice: number,
  card: DeckCard,
  nextDate: string,
  t: Translate,
): View {
  const pending = card.pending;
  const correct = pending?.correct === true;
  const chosen = correct ? '' : `${t('review.chose', { choice: optionLetter(choice) })}\n`;
  const grade = pending?.grade ?? 'again';
  return {
    visibility: 'private',
    tone: correct ? 'success' : 'warning',
    title: t(correct ? 'review.right' : 'review.wrong', { title: question.title }),
    body: `${chosen}${t('reveal.correct', { choice: optionLetter(quiz.answer), option: quiz.options[quiz.answer] ?? '' })}\n\n${quiz.explanation}`,
    buttons: [
      {
        action: encodeAction({ kind: 'reference', questionId: question.id }),
        label: t('reveal.referenceButton'),
      },
      ...gradeButtons(card, grade, t),
    ],
    footer: t('review.gradedDefault', { grade: gradeLabel(grade, t), date: nextDate }),
  };
}

function gradeButtons(card: DeckCard, current: ReviewGrade, t: Translate): View['buttons'] & object {
  return GRADES.map((grade) => ({
    action: encodeAction({ kind: 'reviewGrade', quizId: card.quizId, grade, seq: card.seq }),
    label: gradeLabel(grade, t),
    style: grade === current ? ('primary' as const) : ('secondary' as const),
  }));
}

export const gradeLabel = (grade: ReviewGrade, t: Translate): string => t(`review.grade.${grade}`);
