import type { EngineContext } from '../context.js';
import { deliverPost } from '../delivery.js';
import { isoWeek, previousIsoWeek } from '../local-time.js';
import { type PostOutcome, stepIds } from '../step.js';
import { teamText } from '../team-locale.js';
import { weeklyView } from '../views/weekly-view.js';
import { weeklyFocus } from './weekly-focus.js';
import { weeklyImage } from './weekly-image.js';

/** `last`: the scheduled announcement of the week before. `current`: this week so far (the playground's preview). */
export type WeeklyScope = 'last' | 'current';

/**
 * The weekly job: last week's announcement, once per team and week. A `current` preview is
 * posted each time it is asked for and never counts as the week's announcement.
 */
export async function postWeekly(
  ctx: EngineContext,
  teamId: string,
  at: number,
  scope: WeeklyScope = 'last',
): Promise<PostOutcome> {
  const team = await ctx.store.teams.get(teamId);
  if (!team || team.settings.paused) return 'skipped';
  const current = scope === 'current';
  const week = (current ? isoWeek : previousIsoWeek)(at, team.settings.timezone);
  const { t, category } = teamText(ctx, team);
  const [board, tallies, longestStreak, teams] = await Promise.all([
    ctx.store.boards.board(team.id, { week }, 10),
    ctx.store.boards.weekTallies(team.id, week),
    ctx.store.boards.longestStreak(team.id, week),
    // Only this team's place and the number of teams: no top.
    ctx.store.boards.teamsBoard(team.address, week, 0, team.id),
  ]);
  const standing = teams.me;
  const image = await weeklyImage(ctx, team, week, tallies, category, t);
  const focus = await weeklyFocus(ctx, team, week, at, current);
  const text = weeklyView({
    week,
    soFar: current,
    board,
    tallies,
    categoryName: category,
    t,
    ...(standing ? { teamRank: { standing, of: teams.count } } : {}),
    ...(longestStreak ? { longestStreak } : {}),
    ...(focus ? { focus } : {}),
  });
  const view = image ? { ...text, image } : text;
  const step = current ? stepIds.weeklySoFar(team.id, week, at) : stepIds.weekly(team.id, week);
  const resume = { name: 'weekly', teamId: team.id, at, ...(current ? { scope } : {}) } as const;
  return (await deliverPost(ctx, team, step, view, { resume })).outcome;
}
