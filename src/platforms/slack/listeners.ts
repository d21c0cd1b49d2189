import type { App, BlockAction, ViewSubmitAction } from '@slack/bolt';
import { commandOfForm } from '../../core/actions.js';
import type { Request } from '../../core/command.js';
import type { RoundLimits } from '../../core/parse-command.js';
import type { Logger } from '../../core/ports.js';
import type { RequestHandler } from '../adapter.js';
import { originOf, submissionOf } from './form.js';
import type { Members } from './members.js';
import { actionKey, actionRequest, commandKey, commandRequest, payloadUserName } from './parse.js';
import type { RecentDeliveries } from './recent.js';
import type { Replies, ReplyTarget } from './replies.js';

export const SLASH_COMMAND = '/k8s-quiz';

export interface ListenerDeps {
  engine: RequestHandler;
  members: Members;
  replies: Replies;
  recent: RecentDeliveries;
  limits: RoundLimits;
  logger: Logger;
}

/**
 * The ways players reach the bot: `/k8s-quiz …`, button presses and submitted forms. Each is acked
 * first — Slack's deadline is 3 seconds and the engine may be slower under load — then
 * parsed, handed to the engine, and answered through the response_url.
 */
export function registerListeners(app: App, deps: ListenerDeps): void {
  app.command(SLASH_COMMAND, async ({ command, ack, context }) => {
    await ack();
    if (!deps.recent.firstTime(commandKey(command))) {
      deps.logger.info({ retry: context.retryNum, user: command.user_id }, 'slack: repeated command dropped');
      return;
    }
    const target = {
      responseUrl: command.response_url,
      channelId: command.channel_id,
      userId: command.user_id,
      triggerId: command.trigger_id,
    };
    await serve(deps, target, async () => {
      const actor = await deps.members.actor(command.user_id, command.user_name);
      return commandRequest(command, actor, deps.limits);
    });
  });

  app.action<BlockAction>({ type: 'block_actions' }, async ({ body, ack, context }) => {
    await ack();
    if (!deps.recent.firstTime(actionKey(body))) {
      deps.logger.info({ retry: context.retryNum, user: body.user.id }, 'slack: repeated press dropped');
      return;
    }
    const channelId = body.channel?.id ?? '';
    const target = {
      ...(body.response_url ? { responseUrl: body.response_url } : {}),
      channelId,
      userId: body.user.id,
      ...(body.trigger_id ? { triggerId: body.trigger_id } : {}),
    };
    await serve(deps, target, async () => {
      // A press needs no admin rights: no users.info wait past the lookup budget (see Members).
      const actor = await deps.members.presser(body.user.id, payloadUserName(body));
      return actionRequest(body, actor);
    });
  });

  // A submitted form (a modal the bot opened); the answer goes to the channel it came from.
  app.view<ViewSubmitAction>({ type: 'view_submission' }, async ({ body, ack, context }) => {
    await ack();
    if (!deps.recent.firstTime(`view:${body.view.id}`)) {
      deps.logger.info({ retry: context.retryNum, user: body.user.id }, 'slack: repeated form dropped');
      return;
    }
    const origin = originOf(body.view);
    if (!origin) return deps.logger.warn({ user: body.user.id }, 'slack: form without its channel dropped');
    await serve(deps, { channelId: origin.channelId, userId: body.user.id }, async () => {
      const actor = await deps.members.actor(body.user.id, body.user.name);
      const workspaceId = body.team?.id ?? body.user.team_id ?? body.view.team_id;
      return {
        team: { platform: 'slack', workspaceId: workspaceId || 'unknown', channelId: origin.channelId },
        actor,
        command: commandOfForm(submissionOf(body.view)),
      };
    });
  });
}

async function serve(deps: ListenerDeps, target: ReplyTarget, parse: () => Promise<Request>): Promise<void> {
  try {
    const request = await parse();
    const views = await deps.engine.handle(request);
    await deps.replies.send(views, target);
  } catch (error) {
    // The engine catches its own errors; this is the adapter failing. Never let Bolt see it.
    deps.logger.error(
      { err: error instanceof Error ? error.message : String(error) },
      'slack: request failed',
    );
  }
}
