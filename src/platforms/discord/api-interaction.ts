import type {
  APIChatInputApplicationCommandInteraction,
  APIInteraction,
  APIInteractionDataResolvedGuildMember,
  APIMessageComponentButtonInteraction,
  APIModalSubmitInteraction,
  APIUser,
} from 'discord-api-types/v10';
import { commandOfAction, commandOfForm } from '../../core/actions.js';
import type { Command, PlayerMention, Request } from '../../core/command.js';
import type { Actor, TeamAddress } from '../../core/model.js';
import type { RoundLimits } from '../../core/parse-command.js';
import { commandOfOptions, type OptionLike } from './command-options.js';
import { COMMAND_NAME } from './strings.js';

/** The kinds of interaction the bot answers, as Discord's JSON (over HTTP: no discord.js objects). */
export type AnsweredInteraction =
  | APIChatInputApplicationCommandInteraction
  | APIMessageComponentButtonInteraction
  | APIModalSubmitInteraction;

/** Discord's interaction, component and option type numbers (discord-api-types' const enums, as values). */
const COMMAND = 2;
const COMPONENT = 3;
const MODAL = 5;
const CHAT_INPUT = 1;
const BUTTON = 2;
/** Manage Server, or Administrator (which implies it), as Discord computes them for the member. */
const ADMIN_BITS = (1n << 5n) | (1n << 3n);

/** A checked payload (packet.ts) as one of the kinds the bot answers, or undefined (autocomplete, a select…). */
export function answeredKind(packet: APIInteraction): AnsweredInteraction | undefined {
  if (packet.type === COMMAND && packet.data.type === CHAT_INPUT) return packet as AnsweredInteraction;
  if (packet.type === COMPONENT && packet.data.component_type === BUTTON)
    return packet as AnsweredInteraction;
  if (packet.type === MODAL) return packet;
  return undefined;
}

export const isModalSubmit = (i: AnsweredInteraction) => i.type === MODAL;
export const isComponent = (i: AnsweredInteraction) => i.type === COMPONENT;

/**
 * The command an interaction carries, read from the JSON as the gateway reads discord.js's
 * objects (parse.ts): a slash command of ours, a button's action, a form's submission.
 * Undefined for another application's command.
 */
export function commandOfInteraction(i: AnsweredInteraction, limits: RoundLimits): Command | undefined {
  if (i.type === COMPONENT) return commandOfAction(i.data.custom_id);
  if (i.type === MODAL) return commandOfForm(submissionOfApi(i));
  if (i.data.name !== COMMAND_NAME) return undefined;
  const { resolved } = i.data;
  return commandOfOptions((i.data.options ?? []) as readonly OptionLike[], limits, (option) => {
    const id = typeof option.value === 'string' ? option.value : undefined;
    const user = id ? resolved?.users?.[id] : undefined;
    return user ? mentionOf(user, id ? resolved?.members?.[id] : undefined) : undefined;
  });
}

/** Where (a guild channel: the team) and who; outside a guild (DMs) there is no team. */
export function requestOfInteraction(i: AnsweredInteraction, command: Command): Request | undefined {
  const channelId = i.channel?.id ?? i.channel_id;
  if (!i.guild_id || !channelId) return undefined;
  const team: TeamAddress = { platform: 'discord', workspaceId: i.guild_id, channelId };
  return { team, actor: actorOf(i), command };
}

function actorOf(i: AnsweredInteraction): Actor {
  const user = (i.member?.user ?? i.user) as APIUser; // packet.ts checked one is there
  const permissions = i.member?.permissions;
  return {
    id: user.id,
    name: displayName(user, i.member),
    isAdmin: permissions ? (BigInt(permissions) & ADMIN_BITS) !== 0n : false,
  };
}

/** Server nickname, else the global display name, else the username (as discord.js's displayName). */
function displayName(user: APIUser, member: { nick?: string | null } | undefined): string {
  return member?.nick || user.global_name || user.username;
}

function mentionOf(user: APIUser, member: APIInteractionDataResolvedGuildMember | undefined): PlayerMention {
  return { id: user.id, name: displayName(user, member) };
}

/** A submitted modal: per input (inside a Label or a legacy action row), the text typed or the first option picked. */
function submissionOfApi(i: APIModalSubmitInteraction) {
  const values: Record<string, string> = {};
  const take = (c: { custom_id?: string; value?: unknown; values?: unknown }) => {
    const value = typeof c.value === 'string' ? c.value : Array.isArray(c.values) ? c.values[0] : undefined;
    if (c.custom_id !== undefined && typeof value === 'string') values[c.custom_id] = value;
  };
  for (const row of i.data.components) {
    if ('component' in row) take(row.component as never);
    if ('components' in row) for (const c of row.components) take(c as never);
  }
  return { action: i.data.custom_id, values };
}
