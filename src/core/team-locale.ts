import { type Translate, translator } from '../i18n/catalog.js';
import type { EngineContext } from './context.js';
import type { Team } from './model.js';
import { categoryName } from './views/format.js';

/** Translator and category names in the team's language. */
export function teamText(ctx: EngineContext, team: Team): { t: Translate; category: (id: string) => string } {
  const locale = team.settings.locale;
  return { t: translator(locale), category: (id) => categoryName(ctx.bank, id, locale) };
}
