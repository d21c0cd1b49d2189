import type { BlockAction, SlashCommand } from '@slack/bolt';
import { commandOfAction, decodeAction } from '../../core/actions.js';
import type { Command, Request } from '../../core/command.js';
import type { Actor, TeamAddress } from '../../core/model.js';
import { parseCommandText, type RoundLimits } from '../../core/parse-command.js';

/** `/k8s-quiz …` → the engine's Command, in the channel it was typed in. */
export function commandRequest(payload: SlashCommand, actor: Actor, limits: RoundLimits): Request {
  return {
    team: { platform: 'slack', workspaceId: payload.team_id, channelId: payload.channel_id },
    actor,
    command: parseCommandText(unescapeSlackText(payload.text ?? ''), limits),
  };
}

/**
 * A button press → `answer` / `reference`. The ids are checked again by the engine; a
 * forged or unreadable one becomes an answer to an unknown round, which it refuses politely.
 */
export function actionRequest(body: BlockAction, actor: Actor): Request {
  return { team: actionTeam(body), actor, command: actionCommand(body) };
}

export function actionCommand(body: BlockAction): Command {
  const element = body.actions[0] as { action_id?: string; value?: string } | undefined;
  const id = element?.action_id ?? '';
  return commandOfAction(decodeAction(id) ? id : (element?.value ?? ''));
}

export function actionTeam(body: BlockAction): TeamAddress {
  const container = body.container as { channel_id?: unknown } | undefined;
  const channelId =
    body.channel?.id ?? (typeof container?.channel_id === 'string' ? container.channel_id : '');
  // Org-wide installs may send `team: null`; the user's workspace is the team's then.
  const workspaceId = body.team?.id ?? body.user.team_id ?? body.enterprise?.id ?? '';
  return { platform: 'slack', workspaceId: workspaceId || 'unknown', channelId: channelId || 'unknown' };
}

/** The name Slack put in the payload, used when users.info cannot be asked. */
export const payloadUserName = (body: BlockAction): string => body.user.name ?? body.user.username ?? '';

/**
 * Slack sends typed `&`, `<`, `>` as entities; mentions stay `<@U…|name>` (the command is
 * declared with should_escape). One pass, so `&amp;lt;` becomes `&lt;`, not `<`.
 */
export function unescapeSlackText(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_whole, name: string) =>
    name === 'amp' ? '&' : name === 'lt' ? '<' : '>',
  );
}

/** A key for a delivery Slack may send again (X-Slack-Retry-Num), the same on every retry. */
export const commandKey = (payload: SlashCommand): string => `command:${payload.trigger_id}`;

export function actionKey(body: BlockAction): string {
  const element = body.actions[0] as { action_id?: string; action_ts?: string } | undefined;
  return `action:${body.user.id}:${element?.action_ts ?? body.trigger_id}:${element?.action_id ?? ''}`;
}
