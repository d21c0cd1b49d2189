import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import type { Command, PlayerMention } from '../../core/command.js';
import { buildCommand, type CommandArgs, type RoundLimits, SETUP_KEYS } from '../../core/parse-command.js';

/** One slash-command option as either transport carries it (discord.js's option objects have these too). */
export interface OptionLike {
  name: string;
  type: number;
  value?: unknown;
  options?: readonly OptionLike[] | undefined;
}

/**
 * `/k8s-quiz <sub> [options]` from the raw option list, on the gateway and over HTTP alike.
 * Options are read as sent, not with typed getters (which throw when an option arrives with
 * another type than registered, e.g. from an outdated registration): a mistyped value reaches
 * buildCommand as it is and gets the command's usage reply. `playerOf` resolves a user option
 * (its resolved user and member travel beside the option, differently per transport).
 */
export function commandOfOptions(
  top: readonly OptionLike[],
  limits: RoundLimits,
  playerOf: (option: OptionLike) => PlayerMention | undefined,
): Command {
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
  if (player) args.player = playerOf(player) ?? { id: String(player.value), name: String(player.value) };
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
