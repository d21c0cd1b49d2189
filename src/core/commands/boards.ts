import type { TeamsBoardEntry } from '../boards.js';
import type { LeaderboardScope, PlayerMention } from '../command.js';
import type { EngineContext } from '../context.js';
import { summarise } from '../deck.js';
import { endOfLocalDay, isoWeek } from '../local-time.js';
import type { Actor, Team } from '../model.js';
import { teamText } from '../team-locale.js';
import type { View } from '../view.js';
import { leaderboardView, teamsBoardView } from '../views/board-views.js';
import { masteryFields } from '../views/mastery-view.js';
import { privateNotice } from '../views/notice.js';
import { statsView } from '../views/stats-view.js';
import { masteryNow } from './mastery.js';

const TOP = 10;

/** `/k8s-quiz leaderboard [week|all|teams]`. */
export async function leaderboard(
  ctx: EngineContext,
  team: Team,
  actor: Actor,
  scope: LeaderboardScope,
): Promise<View[]> {
  const { t } = teamText(ctx, team);
  const week = isoWeek(ctx.clock.now(), team.settings.timezone);
  if (scope === 'teams') {
    const board = await ctx.store.boards.teamsBoard(team.address, week, TOP, team.id);
    const nameOf = (s: TeamsBoardEntry) => {
      const name = s.channelId ? `#${s.channelId}` : s.teamId;
      return s.teamId === team.id ? `**${name}** (${t('board.thisTeam')})` : name;
    };
    return [teamsBoardView(t('board.teams', { week }), board, nameOf, t)];
  }
  const board = await ctx.store.boards.board(team.id, scope === 'all' ? 'all' : { week }, TOP, actor.id);
  return [leaderboardView(scope === 'all' ? t('board.all') : t('board.week', { week }), board, t)];
}

/** `/k8s-quiz stats [player]`. */
export async function stats(
  ctx: EngineContext,
  team: Team,
  actor: Actor,
  mention?: PlayerMention,
): Promise<View[]> {
  const { t, category } = teamText(ctx, team);
  const player = mention
    ? await ctx.store.boards.findPlayer(team.id, mention.id ?? mention.name)
    : { id: actor.id, name: actor.name };
  if (!player)
    return [privateNotice(t('error.playerUnknown', { player: mention?.name ?? '' }), 'warning', 'plain')];
  const week = isoWeek(ctx.clock.now(), team.settings.timezone);
  const found = await ctx.store.boards.playerStats(team.id, player.id, week);
  if (!found) return [privateNotice(t('stats.none'), 'info')];
  const history = await ctx.store.rounds.dailyHistory(team.id);
  // The review deck is personal: shown in the player's own stats only.
  const now = ctx.clock.now();
  const deck =
    player.id === actor.id
      ? summarise(
          await ctx.store.decks.cards(team.id, actor.id),
          now,
          endOfLocalDay(now, team.settings.timezone),
        )
      : undefined;
  const view = statsView(
    player.name,
    found,
    currentStreak(
      found.lastCorrectDate,
      found.streak,
      history.lastDate,
      await previousOf(ctx, history.latestRoundId),
    ),
    category,
    t,
    deck,
  );
  // Topic mastery: strongest and weakest categories of the last 4 weeks.
  const { mastery } = await masteryNow(ctx, team, player.id);
  view.fields = [
    ...(view.fields ?? []),
    ...masteryFields(mastery, ctx.config.mastery.minAnswers, category, t),
  ];
  return [view];
}

/**
 * A streak is current while the player was right on the latest daily question, or on the
 * one before it when the latest is still open.
 */
function currentStreak(
  lastCorrect: string | undefined,
  streak: number,
  latestDate?: string,
  previousDate?: string,
): number {
  if (!lastCorrect) return 0;
  return lastCorrect === latestDate || lastCorrect === previousDate ? streak : 0;
}

async function previousOf(ctx: EngineContext, latestRoundId?: string): Promise<string | undefined> {
  if (!latestRoundId) return undefined;
  const latest = await ctx.store.rounds.get(latestRoundId);
  return latest?.status === 'open' ? latest.previousDailyDate : undefined;
}
