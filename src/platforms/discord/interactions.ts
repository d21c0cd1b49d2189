import type { Interaction } from 'discord.js';
import { MessageFlags } from 'discord.js';
import { commandOfForm } from '../../core/actions.js';
import type { Command } from '../../core/command.js';
import type { RoundLimits } from '../../core/parse-command.js';
import type { Logger } from '../../core/ports.js';
import { privateNotice } from '../../core/views/notice.js';
import { translate } from '../../i18n/catalog.js';
import type { RequestHandler } from '../adapter.js';
import { submissionOf } from './form.js';
import { commandOf, pressOf, requestOf } from './parse.js';
import { answerInTime } from './respond.js';
import { localeOf, REPLY_TEXT } from './strings.js';

/** Commands whose answer is mostly for the channel; when slow, they are deferred publicly. */
const PUBLIC_ANSWERS = new Set<Command['name']>(['start', 'setup', 'pause', 'resume']);

export interface InteractionDeps {
  engine: RequestHandler;
  limits: RoundLimits;
  logger: Logger;
  deferAfterMs: number;
}

/** Slash commands, button presses and submitted forms → engine → reply; nothing here throws into discord.js. */
export function interactionHandler(deps: InteractionDeps): (interaction: Interaction) => Promise<void> {
  return async (interaction) => {
    if (!interaction.isChatInputCommand() && !interaction.isButton() && !interaction.isModalSubmit()) return;
    let command: Command | undefined;
    try {
      // Parsing can throw too (an option of another type from an outdated registration).
      command = interaction.isButton()
        ? pressOf(interaction)
        : interaction.isModalSubmit()
          ? commandOfForm(submissionOf(interaction))
          : commandOf(interaction, deps.limits);
      if (!command) return;
      const locale = localeOf(interaction.locale);
      const request = requestOf(interaction, command);
      if (!request) {
        await interaction.reply({ content: REPLY_TEXT.guildOnly[locale], flags: MessageFlags.Ephemeral });
        return;
      }
      const name = command.name;
      const work = deps.engine.handle(request).catch((error: unknown) => {
        deps.logger.error({ err: error, command: name, team: request.team }, 'discord: engine failed');
        return [privateNotice(translate(locale, 'error.unexpected'), 'error')];
      });
      await answerInTime(interaction, work, {
        deferAfterMs: deps.deferAfterMs,
        deferEphemeral: !PUBLIC_ANSWERS.has(name),
      });
    } catch (error) {
      // Usually an expired interaction (Discord's 3 s / 15 min windows) or a network fault.
      deps.logger.warn(
        { err: error, command: command?.name, interactionId: interaction.id },
        'discord: could not answer interaction',
      );
    }
  };
}
