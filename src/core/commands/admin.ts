import { translator } from '../../i18n/catalog.js';
import { categoryList, resolveCategory } from '../categories.js';
import type { Command, UsageProblem } from '../command.js';
import type { EngineContext } from '../context.js';
import { localDate, nextLocalTime } from '../local-time.js';
import { type Team, type TeamAddress, teamIdOf } from '../model.js';
import { dailyRoundId } from '../round-ids.js';
import { teamText } from '../team-locale.js';
import type { View } from '../view.js';
import { channelNotice, privateNotice } from '../views/notice.js';
import { problemsView, setupDoneView } from '../views/settings-view.js';

type SetupCommand = Extract<Command, { name: 'setup' }>;

/**
 * `/k8s-quiz setup`: registers the channel as a team (or changes its settings). Nothing is
 * changed unless every value is valid; the answer lists every problem, in the language the
 * team has (or asked for in this same command).
 */
export async function setup(
  ctx: EngineContext,
  address: TeamAddress,
  existing: Team | undefined,
  command: SetupCommand,
): Promise<View[]> {
  const base = existing ?? { id: teamIdOf(address), address, settings: ctx.config.team };
  const t = translator(command.changes.locale ?? base.settings.locale);
  const problems: UsageProblem[] = [...(command.problems ?? [])];
  const categories = command.categories && checkCategories(ctx, command.categories, problems);
  if (problems.length > 0) return [problemsView(problems, t)];
  const team: Team = {
    ...base,
    settings: { ...base.settings, ...command.changes, ...(categories ? { categories } : {}) },
  };
  await ctx.store.teams.save(team);
  await ctx.planner.syncTeam(team);
  return [setupDoneView(team.settings, ctx.bank, teamText(ctx, team).t)];
}

/** Typed categories → ids; unknown ones and ones without questions become problems. */
function checkCategories(ctx: EngineContext, typed: string[], problems: UsageProblem[]): string[] {
  const ids: string[] = [];
  for (const text of typed) {
    const id = resolveCategory(ctx.bank, text);
    if (!id) {
      problems.push({
        key: 'setup.bad.category',
        params: { category: text, categories: categoryList(ctx.bank) },
      });
    } else if (ctx.bank.quizzesIn(id).length === 0) {
      problems.push({ key: 'setup.bad.emptyCategory', params: { category: text } });
    } else if (!ids.includes(id)) {
      ids.push(id);
    }
  }
  return ids;
}

/**
 * `/k8s-quiz pause` and `resume`; resuming also clears a platform fault. A second pause (or a
 * resume of a running channel) changes nothing and says so, privately.
 */
export async function setPaused(ctx: EngineContext, team: Team, paused: boolean): Promise<View[]> {
  const { t } = teamText(ctx, team);
  if (paused && team.settings.paused && !team.fault) return [privateNotice(t('pause.already'), 'info')];
  if (!paused && !team.settings.paused && !team.fault) return [privateNotice(t('resume.already'), 'info')];
  const { fault: _cleared, ...rest } = team;
  const updated: Team = { ...(paused ? team : rest), settings: { ...team.settings, paused } };
  await ctx.store.teams.save(updated);
  await ctx.planner.syncTeam(updated);
  if (paused) return [channelNotice(t('pause.done'), 'info')];
  const { timezone, dailyTime } = team.settings;
  const now = ctx.clock.now();
  const date = localDate(now, timezone);
  // Today's question is still to come unless its time has passed or it was already posted.
  const today =
    localDate(nextLocalTime(now, dailyTime, timezone), timezone) === date &&
    !(await ctx.store.rounds.get(dailyRoundId(team.id, date)));
  return [channelNotice(t(today ? 'resume.today' : 'resume.tomorrow', { dailyTime }), 'info')];
}
