import type { EngineContext } from '../context.js';
import { type Team, type TeamAddress, teamIdOf } from '../model.js';
import type { SettingsChange } from '../settings.js';
import { teamText } from '../team-locale.js';
import type { View } from '../view.js';
import { channelNotice } from '../views/notice.js';
import { setupDoneView } from '../views/settings-view.js';

/** `/k8s-quiz setup`: registers the channel as a team (or changes its settings). */
export async function setup(
  ctx: EngineContext,
  address: TeamAddress,
  existing: Team | undefined,
  changes: SettingsChange,
): Promise<View[]> {
  const base = existing ?? { id: teamIdOf(address), address, settings: ctx.config.team };
  const team: Team = { ...base, settings: { ...base.settings, ...changes } };
  await ctx.store.teams.save(team);
  await ctx.planner.syncTeam(team);
  return [setupDoneView(team.settings, ctx.bank, teamText(ctx, team).t)];
}

/** `/k8s-quiz pause` and `resume`; resuming also clears a platform fault. */
export async function setPaused(ctx: EngineContext, team: Team, paused: boolean): Promise<View[]> {
  const { fault: _cleared, ...rest } = team;
  const updated: Team = { ...(paused ? team : rest), settings: { ...team.settings, paused } };
  await ctx.store.teams.save(updated);
  await ctx.planner.syncTeam(updated);
  const { t } = teamText(ctx, updated);
  return [
    channelNotice(
      paused ? t('pause.done') : t('resume.done', { dailyTime: team.settings.dailyTime }),
      'info',
    ),
  ];
}
