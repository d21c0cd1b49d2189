import type { TeamsFile } from './config/teams-file.js';
import type { EngineContext } from './core/context.js';
import { type Team, teamIdOf } from './core/model.js';

/** Teams listed in config/teams.yaml: the file's values win over what is stored, the rest stays. */
export async function registerStaticTeams(ctx: EngineContext, entries: TeamsFile): Promise<void> {
  for (const entry of entries) {
    const address = { platform: entry.platform, workspaceId: entry.workspaceId, channelId: entry.channelId };
    const id = teamIdOf(address);
    const stored = await ctx.store.teams.get(id);
    const team: Team = {
      ...(stored ?? { id, address }),
      id,
      address,
      settings: { ...ctx.config.team, ...stored?.settings, ...entry.settings },
    };
    await ctx.store.teams.save(team);
    await ctx.planner.syncTeam(team);
  }
}
