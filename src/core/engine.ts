import { type Translate, translator } from '../i18n/catalog.js';
import type { Command, Request, RequestHandler } from './command.js';
import { setPaused, setup } from './commands/admin.js';
import { answer, reference } from './commands/answer.js';
import { ask } from './commands/ask.js';
import { leaderboard, stats } from './commands/boards.js';
import { showDaily } from './commands/daily-command.js';
import { startLive, stopLive } from './commands/live-commands.js';
import { teamStats } from './commands/mastery.js';
import { openReport, submitReport } from './commands/report.js';
import { answerReviewItem, gradeReviewItem, review, setReviewReminder } from './commands/review.js';
import type { EngineContext } from './context.js';
import { type Actor, type Team, teamIdOf } from './model.js';
import { normalisePlayerName } from './player-name.js';
import { closeRound } from './rounds/close.js';
import { type DailyOutcome, dailyJob, postDaily } from './rounds/daily.js';
import { closeDueRounds } from './rounds/daily-close.js';
import { askLiveQuestion } from './rounds/live.js';
import { recoverAtStart, resumeQuestion } from './rounds/recover.js';
import { remindReviews } from './rounds/remind.js';
import { postWeekly, type WeeklyScope } from './rounds/weekly.js';
import type { View } from './view.js';
import { privateNotice } from './views/notice.js';
import { helpView } from './views/settings-view.js';

const ADMIN_ONLY = new Set<Command['name']>(['setup', 'pause', 'resume']);

/**
 * The platform-neutral core: commands and button presses in, Views out; jobs in, posts
 * through the Outbox. A user never sees a stack trace — unexpected errors are logged
 * with context and answered with a short apology.
 */
export class QuizEngine implements RequestHandler {
  constructor(readonly ctx: EngineContext) {}

  async handle(request: Request): Promise<View[]> {
    try {
      return await this.dispatch(request);
    } catch (error) {
      this.ctx.logger.error(
        { err: error, command: request.command.name, team: request.team },
        'command failed',
      );
      return [privateNotice(translator(this.ctx.config.team.locale)('error.unexpected'), 'error')];
    }
  }

  // Jobs: each may run twice and change nothing the second time.
  postDaily = (teamId: string, at: number): Promise<DailyOutcome> => postDaily(this.ctx, teamId, at);
  /** The daily job: the question, then the review reminders due that day (the team read once). */
  dailyJob = (teamId: string, at: number) => dailyJob(this.ctx, teamId, at);
  closeRound = (roundId: string) => closeRound(this.ctx, roundId);
  /** The close-due job: queues the close of every daily round due by `at` (see daily-close.ts). */
  closeDueRounds = (at: number) => closeDueRounds(this.ctx, at);
  askLiveQuestion = (liveId: string, index: number) => askLiveQuestion(this.ctx, liveId, index);
  postWeekly = (teamId: string, at: number, scope?: WeeklyScope) => postWeekly(this.ctx, teamId, at, scope);
  resumeQuestion = (roundId: string) => resumeQuestion(this.ctx, roundId);
  /** With the daily job: the review reminders of the players who asked for them. */
  remindReviews = (teamId: string, at: number) => remindReviews(this.ctx, teamId, at);
  /** Start-up: queues what a crash interrupted (see recover.ts). */
  recover = () => recoverAtStart(this.ctx);

  private async dispatch(request: Request): Promise<View[]> {
    const { ctx } = this;
    // A few seconds old at most (see TeamRepo.recent): one Redis round trip less per press.
    const team = await ctx.store.teams.recent(teamIdOf(request.team));
    const t = translator(team?.settings.locale ?? ctx.config.team.locale);
    // Names are normalised once, here at the edge of the core, before anything stores or shows them.
    const actor: Actor = {
      ...request.actor,
      name: normalisePlayerName(request.actor.name, request.actor.id),
      isAdmin:
        request.actor.isAdmin ||
        ctx.config.admins[request.team.platform as 'discord' | 'slack']?.includes(request.actor.id) === true,
    };
    const command = normaliseMention(request.command);
    if (command.name === 'invalid')
      return [privateNotice(t(command.problem.key, command.problem.params), 'warning')];
    if (command.name === 'help') return [helpView(team?.settings ?? ctx.config.team, ctx.bank, t)];
    if (ADMIN_ONLY.has(command.name) && !actor.isAdmin) {
      return [privateNotice(t('error.adminOnly', { command: `/k8s-quiz ${command.name}` }), 'warning')];
    }
    if (command.name === 'setup') return setup(ctx, request.team, team, command);
    if (!team) {
      return [privateNotice(command.name === 'answer' ? t('answer.closed') : t('error.notSetUp'), 'warning')];
    }
    const views = await this.forTeam(team, actor, command);
    return team.fault && command.name !== 'resume' ? [faultNotice(team, t), ...views] : views;
  }

  private forTeam(team: Team, actor: Actor, command: Command): Promise<View[]> | View[] {
    const { ctx } = this;
    switch (command.name) {
      case 'answer':
        return answer(ctx, team, actor, command.roundId, command.choice);
      case 'reference':
        return reference(ctx, team, command.questionId);
      case 'ask':
        return ask(ctx, team, command.words);
      case 'report':
        return openReport(ctx, team, command.quizId);
      case 'submitReport': {
        const { name: _name, ...report } = command;
        return submitReport(ctx, team, actor, report);
      }
      case 'review':
        return review(ctx, team, actor);
      case 'reviewAnswer':
        return answerReviewItem(ctx, team, actor, command.quizId, command.choice);
      case 'reviewGrade': {
        const { name: _name, ...grade } = command;
        return gradeReviewItem(ctx, team, actor, grade);
      }
      case 'reviewRemind':
        return setReviewReminder(ctx, team, actor, command.on);
      case 'start':
        return startLive(ctx, team, actor, command);
      case 'stop':
        return stopLive(ctx, team, actor);
      case 'daily':
        return showDaily(ctx, team);
      case 'leaderboard':
        return leaderboard(ctx, team, actor, command.scope);
      case 'stats':
        return stats(ctx, team, actor, command.player);
      case 'teamStats':
        return teamStats(ctx, team);
      case 'pause':
        return setPaused(ctx, team, true);
      case 'resume':
        return setPaused(ctx, team, false);
      default:
        return [];
    }
  }
}

/** `stats NAME` looks the name up as it was stored: normalised the same way. */
function normaliseMention(command: Command): Command {
  if (command.name !== 'stats' || !command.player) return command;
  return { ...command, player: { ...command.player, name: normalisePlayerName(command.player.name) } };
}

/** Tells whoever uses the command (admins can act on it) why the bot paused itself here. */
function faultNotice(team: Team, t: Translate): View {
  const reason =
    team.fault === 'forbidden' || team.fault === 'gone' ? t(`fault.${team.fault}`) : (team.fault ?? '');
  return privateNotice(t('error.fault', { reason }), 'error');
}
