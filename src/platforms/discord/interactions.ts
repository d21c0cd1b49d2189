import type { Command, Request } from '../../core/command.js';
import type { Logger } from '../../core/ports.js';
import { privateNotice } from '../../core/views/notice.js';
import { translate } from '../../i18n/catalog.js';
import type { RequestHandler } from '../adapter.js';
import { answerInTime, type Responder } from './respond.js';
import { localeOf, REPLY_TEXT } from './strings.js';

/** Commands whose answer is mostly for the channel; when slow, they are deferred publicly. */
const PUBLIC_ANSWERS = new Set<Command['name']>(['start', 'setup', 'pause', 'resume']);

export interface InteractionDeps {
  engine: RequestHandler;
  logger: Logger;
  deferAfterMs: number;
}

/** One interaction the bot answers, whichever transport brought it (gateway.ts, http-interactions.ts). */
export interface Incoming {
  id: string;
  /** The user's client language, as Discord sends it. */
  locale: string | undefined;
  /** The command, or undefined when it is not ours; may throw (an option of an outdated registration). */
  command(): Command | undefined;
  /** Where and who, or undefined outside a guild. */
  request(command: Command): Request | undefined;
  responder: Responder;
}

/** Slash commands, button presses and submitted forms → engine → reply; nothing here throws. */
export function interactionHandler(deps: InteractionDeps): (incoming: Incoming) => Promise<void> {
  return async (incoming) => {
    let command: Command | undefined;
    try {
      command = incoming.command();
      if (!command) return;
      const locale = localeOf(incoming.locale);
      const request = incoming.request(command);
      if (!request) {
        await incoming.responder.replyText(REPLY_TEXT.guildOnly[locale]);
        return;
      }
      const name = command.name;
      const work = deps.engine.handle(request).catch((error: unknown) => {
        deps.logger.error({ err: error, command: name, team: request.team }, 'discord: engine failed');
        return [privateNotice(translate(locale, 'error.unexpected'), 'error')];
      });
      await answerInTime(incoming.responder, work, {
        deferAfterMs: deps.deferAfterMs,
        deferEphemeral: !PUBLIC_ANSWERS.has(name),
      });
    } catch (error) {
      // Usually an expired interaction (Discord's 3 s / 15 min windows) or a network fault.
      deps.logger.warn(
        { err: error, command: command?.name, interactionId: incoming.id },
        'discord: could not answer interaction',
      );
    }
  };
}
