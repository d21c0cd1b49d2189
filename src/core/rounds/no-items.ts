import type { EngineContext } from '../context.js';
import { deliverOnce } from '../delivery.js';
import { localDate } from '../local-time.js';
import type { Team } from '../model.js';
import { teamText } from '../team-locale.js';
import { channelNotice } from '../views/notice.js';

/**
 * The channel's categories yield no quiz item (a category left the bank, or settings stored
 * before `setup` checked them): instead of a silent day, the channel — and so its admins — is
 * told once that day what to change.
 */
export async function tellNoItems(ctx: EngineContext, team: Team, at: number): Promise<void> {
  const { t, category } = teamText(ctx, team);
  const categories = team.settings.categories.map(category).join(', ') || t('setup.allCategories');
  const date = localDate(at, team.settings.timezone);
  await deliverOnce(ctx, team, `no-items:${team.id}:${date}`, () =>
    ctx.outbox.post(team, channelNotice(t('daily.noItems', { categories }), 'warning')),
  );
}
