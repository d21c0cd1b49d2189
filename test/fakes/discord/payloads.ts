import {
  type APIChatInputApplicationCommandGuildInteraction,
  type APIGuildMember,
  type APIInteractionGuildMember,
  type APIMessage,
  type APIMessageComponentButtonInteraction,
  type APIModalSubmitInteraction,
  type APIUser,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ChannelType,
  ComponentType,
  InteractionType,
  PermissionFlagsBits,
} from 'discord.js';
import type { ModalBody } from './modal-rules.js';

/** Snowflakes as Discord makes them: milliseconds since 2015 shifted left, plus a counter. */
let counter = 0n;
export function snowflake(at = Date.now()): string {
  counter = (counter + 1n) % 4096n;
  return ((BigInt(at - 1_420_070_400_000) << 22n) | counter).toString();
}

export const MEMBER_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.UseApplicationCommands;
export const ADMIN_PERMISSIONS = MEMBER_PERMISSIONS | PermissionFlagsBits.ManageGuild;

export interface FakePlayer {
  id: string;
  name: string;
  /** Manage Server, as Discord computes it for the member in that channel. */
  admin?: boolean;
  locale?: string;
}

export const userOf = (p: FakePlayer): APIUser => ({
  id: p.id,
  username: p.name.toLowerCase().replace(/[^a-z0-9_.]/g, '_'),
  discriminator: '0',
  global_name: p.name,
  avatar: null,
});

const memberOf = (p: FakePlayer): APIInteractionGuildMember => ({
  user: userOf(p),
  roles: [],
  premium_since: null,
  permissions: String(p.admin ? ADMIN_PERMISSIONS : MEMBER_PERMISSIONS),
  pending: false,
  nick: null,
  mute: false,
  deaf: false,
  joined_at: '2024-01-01T00:00:00.000Z',
  flags: 0 as APIInteractionGuildMember['flags'],
});

/** Where an interaction happens, as Discord reports it. */
export interface Place {
  applicationId: string;
  guildId: string;
  channelId: string;
}

function base(place: Place, player: FakePlayer) {
  return {
    id: snowflake(),
    application_id: place.applicationId,
    guild_id: place.guildId,
    channel_id: place.channelId,
    channel: { id: place.channelId, type: ChannelType.GuildText, guild_id: place.guildId, name: 'quiz' },
    member: memberOf(player),
    token: `token-${snowflake()}`,
    version: 1 as const,
    app_permissions: String(MEMBER_PERMISSIONS | PermissionFlagsBits.EmbedLinks),
    locale: player.locale ?? 'zh-CN',
    guild_locale: 'zh-CN',
    entitlements: [],
    authorizing_integration_owners: { '0': place.guildId },
    context: 0,
    attachment_size_limit: 8_388_608,
  };
}

export type OptionValue = string | number | { user: FakePlayer };

/** `/k8s-quiz <sub> [options]` as Discord sends it: one subcommand option holding the typed ones. */
export function slashCommand(
  place: Place,
  player: FakePlayer,
  sub: string,
  options: Record<string, OptionValue> = {},
): APIChatInputApplicationCommandGuildInteraction {
  const users: Record<string, APIUser> = {};
  const members: Record<string, Omit<APIGuildMember, 'user'>> = {};
  const typed = Object.entries(options).map(([name, value]) => {
    if (typeof value === 'object') {
      users[value.user.id] = userOf(value.user);
      const { user: _user, permissions: _p, ...member } = memberOf(value.user);
      members[value.user.id] = member;
      return { name, type: ApplicationCommandOptionType.User as const, value: value.user.id };
    }
    return typeof value === 'number'
      ? { name, type: ApplicationCommandOptionType.Integer as const, value }
      : { name, type: ApplicationCommandOptionType.String as const, value };
  });
  return {
    ...base(place, player),
    type: InteractionType.ApplicationCommand,
    data: {
      id: 'k8s-quiz-command',
      name: 'k8s-quiz',
      type: ApplicationCommandType.ChatInput,
      guild_id: place.guildId,
      options: [{ name: sub, type: ApplicationCommandOptionType.Subcommand, options: typed }],
      ...(Object.keys(users).length > 0 ? { resolved: { users, members } } : {}),
    },
  } as APIChatInputApplicationCommandGuildInteraction;
}

/** A press on a button of `message` (any custom id — a forged one too). */
export function buttonPress(
  place: Place,
  player: FakePlayer,
  message: APIMessage,
  customId: string,
): APIMessageComponentButtonInteraction {
  return {
    ...base(place, player),
    type: InteractionType.MessageComponent,
    message,
    data: { custom_id: customId, component_type: ComponentType.Button },
  } as APIMessageComponentButtonInteraction;
}

/**
 * The player submits a modal the bot opened: one answer per component custom id (a text
 * input's value, or the picked option of a select), as Discord sends MODAL_SUBMIT.
 */
export function modalSubmit(
  place: Place,
  player: FakePlayer,
  modal: ModalBody,
  answers: Record<string, string>,
  message?: APIMessage,
): APIModalSubmitInteraction {
  const components = (modal.components ?? []).map((label, i) => {
    const input = label.component ?? {};
    const customId = input.custom_id ?? '';
    const answer = answers[customId];
    return {
      type: ComponentType.Label,
      id: i + 1,
      component:
        input.type === ComponentType.StringSelect
          ? {
              type: ComponentType.StringSelect,
              id: 100 + i,
              custom_id: customId,
              values: answer ? [answer] : [],
            }
          : { type: ComponentType.TextInput, id: 100 + i, custom_id: customId, value: answer ?? '' },
    };
  });
  return {
    ...base(place, player),
    type: InteractionType.ModalSubmit,
    ...(message ? { message } : {}),
    data: { custom_id: modal.custom_id ?? '', components },
  } as unknown as APIModalSubmitInteraction;
}
