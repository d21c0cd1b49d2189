import type { Question } from '../../content/types.js';
import type { Translate } from '../../i18n/catalog.js';
import { encodeAction } from '../actions.js';
import type { View } from '../view.js';
import { referenceView } from './reveal-view.js';

/**
 * The best match's reference answer (adapters split it to their limits) with a button per
 * further match; a press opens that answer the same way the reveal's button does.
 */
export function askView(best: Question, more: readonly Question[], t: Translate): View {
  const view = referenceView(best, t);
  if (more.length === 0) return view;
  return {
    ...view,
    buttons: more.map((q) => ({
      action: encodeAction({ kind: 'reference', questionId: q.id }),
      label: q.title,
      style: 'secondary',
    })),
    footer: t('ask.more', { count: more.length }),
  };
}
