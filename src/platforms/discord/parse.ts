import {
  ApplicationCommandOptionType,
  type BaseInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  GuildMember,
  PermissionFlagsBits,
  type User,
} from 'discord.js';
import { commandOfAction } from '../../core/actions.js';
import type { Command, PlayerMention, Request } from '../../core/command.js';
import type { Actor, TeamAddress } from '../../core/model.js';
import { buildCommand, type CommandArgs, type RoundLimits, SETUP_KEYS } from '../../core/parse-command.js';
import { COMMAND_NAME } from './strings.js';

/**
 * The edge: a Discord interaction becomes a Request, or `undefined` when it is not ours.
 * A team is one channel in one guild; outside a guild (DMs) there is no team.
 */
export function teamOf(interaction: BaseInteraction): TeamAddress | undefined {
  if (!interaction.guildId || !interaction.channelId) return undefined;
  return { platform: 'discord', workspaceId: interaction.guildId, channelId: interaction.channelId };
}

/** Admin rights come from Discord: Manage Server on the member, as sent with the interaction. */
export function actorOf(interaction: BaseInteraction): Actor {
  return {
    id: interaction.user.id,
    name: displayName(interaction.user, interaction.member),
    isAdmin: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
  };
}

/**
 * `/k8s-quiz <sub> [options]`. Options are read from the raw list, not with discord.js's typed
 * getters (which throw when an option arrives with another type than registered, e.g. from
 * an outdated registration): a mistyped value reaches buildCommand as it is and gets the
 * command's usage reply.
 */
export function commandOf(
  interaction: ChatInputCommandInteraction,
  limits: RoundLimits,
): Command | undefined {
  if (interaction.commandName !== COMMAND_NAME) return undefined;
  const top = interaction.options.data;
  const subOption = top.find((o) => o.type === ApplicationCommandOptionType.Subcommand);
  const sub = subOption?.name ?? 'help';
  const given = new Map((subOption?.options ?? top).map((o) => [o.name, o] as const));
  const text = (name: string) => {
    const value = given.get(name)?.value;
    return value === undefined || value === null ? undefined : String(value);
  };
  const args: CommandArgs = {};
  for (const key of ['count', 'seconds'] as const) {
    const value = given.get(key)?.value;
    if (value !== undefined && value !== null) args[key] = typeof value === 'number' ? value : String(value);
  }
  const category = text('category');
  const scope = text('scope');
  if (category !== undefined) args.category = category;
  if (scope !== undefined) args.scope = scope;
  const words = text('words');
  if (words !== undefined) args.words = words;
  const remind = text('remind');
  if (remind !== undefined) args.remind = remind;
  const player = given.get('player');
  if (player?.user) args.player = mentionOf(player.user, player.member);
  else if (player) args.player = { id: String(player.value), name: String(player.value) };
  if (sub === 'setup') {
    const setup: NonNullable<CommandArgs['setup']> = {};
    for (const key of SETUP_KEYS) {
      const value = text(key);
      if (value !== undefined) setup[key] = value;
    }
    args.setup = setup;
  }
  return buildCommand(sub, args, limits);
}

/**
 * A button press (only presses on this application's messages reach us). A forged or stale
 * id still reaches the engine as an answer to an unknown round, so the player gets the polite
 * "this question is closed" instead of a failed interaction.
 */
export function pressOf(interaction: ButtonInteraction): Command {
  return commandOfAction(interaction.customId);
}

export function requestOf(interaction: BaseInteraction, command: Command): Request | undefined {
  const team = teamOf(interaction);
  return team ? { team, actor: actorOf(interaction), command } : undefined;
}

/** Server nickname, else the global display name, else the username. */
function displayName(user: User, member: BaseInteraction['member'] | unknown): string {
  if (member instanceof GuildMember) return member.displayName;
  const nick = (member as { nick?: string | null } | null)?.nick;
  return nick || user.globalName || user.username;
}

function mentionOf(user: User, member: unknown): PlayerMention {
  return { id: user.id, name: displayName(user, member) };
}
