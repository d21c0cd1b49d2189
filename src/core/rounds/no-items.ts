import type { EngineContext } from '../context.js';
import { deliverPost } from '../delivery.js';
import { localDate } from '../local-time.js';
import type { Team } from '../model.js';
import { type PostOutcome, stepIds } from '../step.js';
import { teamText } from '../team-locale.js';
import { channelNotice } from '../views/notice.js';

/**
 * The channel's categories yield no quiz item (a category left the bank, or settings stored
 * before `setup` checked them): instead of a silent day, the channel — and so its admins — is
 * told once that day what to change.
 */
export async function tellNoItems(ctx: EngineContext, team: Team, at: number): Promise<PostOutcome> {
  const { t, category } = teamText(ctx, team);
  const categories = team.settings.categories.map(category).join(', ') || t('setup.allCategories');
  const date = localDate(at, team.settings.timezone);
  const view = channelNotice(t('daily.noItems', { categories }), 'warning');
  const resume = { name: 'daily', teamId: team.id, at } as const;
  return (await deliverPost(ctx, team, stepIds.noItems(team.id, date), view, { resume })).outcome;
}
