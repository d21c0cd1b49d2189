import type { Quiz } from '../../content/types.js';
import type { Translate } from '../../i18n/catalog.js';
import { encodeAction } from '../actions.js';
import { REPORT_REASONS, REPORT_TEXT_MAX, type ReportReason } from '../reports.js';
import type { View } from '../view.js';

/** The private report form of a quiz item: a reason to pick and an optional note. */
export function reportFormView(quiz: Quiz, t: Translate): View {
  return {
    visibility: 'private',
    tone: 'info',
    title: t('report.title'),
    body: t('report.body', { prompt: quiz.prompt.replace(/\s+/g, ' ') }),
    buttons: [{ action: encodeAction({ kind: 'report', quizId: quiz.id }), label: t('report.open') }],
    form: {
      action: encodeAction({ kind: 'reportForm', quizId: quiz.id }),
      title: t('report.title'),
      submitLabel: t('report.submit'),
      fields: [
        {
          kind: 'choice',
          id: 'reason',
          label: t('report.reasonLabel'),
          options: REPORT_REASONS.map((value) => ({ value, label: reasonLabel(value, t) })),
          required: true,
        },
        {
          kind: 'text',
          id: 'text',
          label: t('report.textLabel'),
          placeholder: t('report.textPlaceholder'),
          maxLength: REPORT_TEXT_MAX,
          required: false,
          multiline: true,
        },
      ],
    },
  };
}

export const reasonLabel = (reason: ReportReason, t: Translate): string => t(`report.reason.${reason}`);
