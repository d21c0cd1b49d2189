import { referenceSearchOf } from '../../content/search/reference-search.js';
import type { Question } from '../../content/types.js';
import type { EngineContext } from '../context.js';
import type { Team } from '../model.js';
import { teamText } from '../team-locale.js';
import type { View } from '../view.js';
import { askView } from '../views/ask-view.js';
import { privateNotice } from '../views/notice.js';

/** Best match plus this many more, as buttons. */
const MORE = 4;

/** `/k8s-quiz ask <words>`: the best matching reference answer privately, and the next ones as buttons. */
export function ask(ctx: EngineContext, team: Team, words: string): View[] {
  const { t } = teamText(ctx, team);
  const found = referenceSearchOf(ctx.bank)
    .search(words, 1 + MORE)
    .map((hit) => ctx.bank.question(hit.questionId))
    .filter((q): q is Question => q !== undefined);
  const [best, ...more] = found;
  // The words as typed: plain text, never Markdown.
  if (!best) return [privateNotice(t('ask.none', { words }), 'info', 'plain')];
  return [askView(best, more, t)];
}
