import type { EngineContext } from '../context.js';
import { dueCards } from '../deck.js';
import { deliverPost } from '../delivery.js';
import { endOfLocalDay, localDate } from '../local-time.js';
import type { Team } from '../model.js';
import { stepIds } from '../step.js';
import { teamText } from '../team-locale.js';
import type { View } from '../view.js';

export interface RemindOutcome {
  /** Players who asked for the reminder and have items due that day. */
  due: number;
  /** Reminders sent by this run (a retried run sends none twice). */
  sent: number;
}

/**
 * Runs with the daily job, at the team's daily time: each player who turned the reminder on
 * and has review items due that day gets one private message. Each reminder is its own
 * delivery step (`remind:<team>:<player>:<date>`), so a retried job sends none twice, and a
 * player who does not take DMs is skipped without pausing the channel.
 */
export async function remindReviews(ctx: EngineContext, teamId: string, at: number): Promise<RemindOutcome> {
  const team = await ctx.store.teams.get(teamId);
  if (!team || team.settings.paused || !ctx.outbox.postPrivately) return { due: 0, sent: 0 };
  return sendReminders(ctx, team, await ctx.store.decks.reminded(team.id), at);
}

/** The reminders of `players` (those who turned them on, already read), for a team not paused. */
export async function sendReminders(
  ctx: EngineContext,
  team: Team,
  players: readonly string[],
  at: number,
): Promise<RemindOutcome> {
  const postPrivately = ctx.outbox.postPrivately?.bind(ctx.outbox);
  if (players.length === 0 || !postPrivately) return { due: 0, sent: 0 };
  const { timezone } = team.settings;
  const date = localDate(at, timezone);
  const endOfDay = endOfLocalDay(at, timezone);
  const { t } = teamText(ctx, team);
  let due = 0;
  let sent = 0;
  for (const playerId of players) {
    const cards = (await ctx.store.decks.cards(team.id, playerId)).filter((c) => ctx.bank.quiz(c.quizId));
    const count = dueCards(cards, endOfDay).length;
    if (count === 0) continue;
    due += 1;
    const view: View = { visibility: 'private', tone: 'info', body: t('review.reminder', { count }) };
    const { outcome } = await deliverPost(ctx, team, stepIds.reviewReminder(team.id, playerId, date), view, {
      resume: { name: 'daily', teamId: team.id, at },
      send: (step) => postPrivately(team, playerId, view, step),
      onRefused: 'skip',
    });
    if (outcome === 'posted' || outcome === 'recovered') sent += 1;
  }
  return { due, sent };
}
