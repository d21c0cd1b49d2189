import type { EngineContext } from '../context.js';
import type { Actor, Team } from '../model.js';
import type { ReportReason } from '../reports.js';
import { teamText } from '../team-locale.js';
import type { View } from '../view.js';
import { privateNotice } from '../views/notice.js';
import { reasonLabel, reportFormView } from '../views/report-view.js';

/** The reveal's report button: the form, privately. Nothing is read or written yet. */
export function openReport(ctx: EngineContext, team: Team, quizId: string): View[] {
  const { t } = teamText(ctx, team);
  const quiz = ctx.bank.quiz(quizId);
  return quiz ? [reportFormView(quiz, t)] : [privateNotice(t('report.unknownItem'), 'warning')];
}

/** A filled-in report: kept once per player and item (a second one replaces the first). */
export async function submitReport(
  ctx: EngineContext,
  team: Team,
  actor: Actor,
  report: { quizId: string; reason: ReportReason; text?: string },
): Promise<View[]> {
  const { t } = teamText(ctx, team);
  if (!ctx.bank.quiz(report.quizId)) return [privateNotice(t('report.unknownItem'), 'warning')];
  const outcome = await ctx.store.reports.record({
    ...report,
    teamId: team.id,
    playerId: actor.id,
    playerName: actor.name,
    at: ctx.clock.now(),
  });
  ctx.logger.info(
    { quizId: report.quizId, reason: report.reason, teamId: team.id, outcome },
    'item reported',
  );
  const reason = reasonLabel(report.reason, t);
  return [privateNotice(t(outcome === 'new' ? 'report.thanks' : 'report.replaced', { reason }), 'success')];
}
