import {
  type BaseInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  GuildMember,
  PermissionFlagsBits,
  type User,
} from 'discord.js';
import { commandOfAction } from '../../core/actions.js';
import type { Command, PlayerMention, Request } from '../../core/command.js';
import type { Actor, TeamAddress } from '../../core/model.js';
import type { RoundLimits } from '../../core/parse-command.js';
import { commandOfOptions } from './command-options.js';
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

/** `/k8s-quiz <sub> [options]` (see commandOfOptions); a user option's resolved user comes with it. */
export function commandOf(
  interaction: ChatInputCommandInteraction,
  limits: RoundLimits,
): Command | undefined {
  if (interaction.commandName !== COMMAND_NAME) return undefined;
  return commandOfOptions(interaction.options.data, limits, (option) => {
    const { user, member } = option as CommandInteractionOption;
    return user ? mentionOf(user, member) : undefined;
  });
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
