import {
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

export function commandOf(
  interaction: ChatInputCommandInteraction,
  limits: RoundLimits,
): Command | undefined {
  if (interaction.commandName !== COMMAND_NAME) return undefined;
  const options = interaction.options;
  const sub = options.getSubcommand(false) ?? 'help';
  const args: CommandArgs = {};
  const count = options.getInteger('count');
  const seconds = options.getInteger('seconds');
  const category = options.getString('category');
  const scope = options.getString('scope');
  if (count !== null) args.count = count;
  if (seconds !== null) args.seconds = seconds;
  if (category !== null) args.category = category;
  if (scope !== null) args.scope = scope;
  const player = options.getUser('player');
  if (player) args.player = mentionOf(player, options.getMember('player'));
  if (sub === 'setup') {
    const setup: NonNullable<CommandArgs['setup']> = {};
    for (const key of SETUP_KEYS) {
      const value = options.getString(key);
      if (value !== null) setup[key] = value;
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
