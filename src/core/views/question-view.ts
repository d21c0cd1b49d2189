import type { Quiz } from '../../content/types.js';
import type { Translate } from '../../i18n/catalog.js';
import { encodeAction } from '../actions.js';
import { clockTime, localDate } from '../local-time.js';
import type { Team } from '../model.js';
import type { Round } from '../round.js';
import type { View } from '../view.js';
import { optionLetter, quizBody } from './quiz-text.js';

export interface QuestionViewInput {
  quiz: Quiz;
  round: Round;
  team: Team;
  categoryName: string;
  t: Translate;
  /** Live rounds: position and length of the round. */
  live?: { index: number; count: number; seconds: number };
  closed?: boolean;
  visibility?: View['visibility'];
}

/** The question with one button per option; closed, the same message with its buttons disabled. */
export function questionView(input: QuestionViewInput): View {
  const { quiz, round, team, t, live } = input;
  const title = live
    ? t('live.title', { index: live.index + 1, count: live.count, category: input.categoryName })
    : t('daily.title', { category: input.categoryName });
  const footer = input.closed
    ? t('question.closedFooter')
    : live
      ? t('live.footer', { seconds: live.seconds })
      : t('daily.footer', { closeTime: closeTime(round, team, t), timezone: team.settings.timezone });
  return {
    visibility: input.visibility ?? 'channel',
    tone: 'question',
    title,
    body: quizBody(quiz),
    buttons: quiz.options.map((_, choice) => ({
      action: encodeAction({ kind: 'answer', roundId: round.id, choice }),
      label: optionLetter(choice),
      style: 'secondary' as const,
      disabled: input.closed === true,
    })),
    footer,
  };
}

/** `18:00`, or `09:00 the next day` for a question that stays open overnight. */
function closeTime(round: Round, team: Team, t: Translate): string {
  const zone = team.settings.timezone;
  const time = clockTime(round.closesAt, zone);
  const sameDay = !round.localDate || localDate(round.closesAt, zone) === round.localDate;
  return sameDay ? time : t('time.nextDay', { time });
}
