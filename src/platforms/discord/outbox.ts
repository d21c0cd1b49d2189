import { type APIMessage, type REST, Routes } from 'discord.js';
import type { Team } from '../../core/model.js';
import type { Logger, Outbox } from '../../core/ports.js';
import type { View } from '../../core/view.js';
import { deliveryErrorOf, isUnknownMessage } from './delivery-errors.js';
import { type DiscordMessage, renderView } from './render.js';

/** Nobody is pinged by anything the bot sends, whatever the bank text or a player name contains. */
export const NO_MENTIONS = { parse: [] as [] };

const bodyOf = (message: DiscordMessage) => ({ ...message, allowed_mentions: NO_MENTIONS });

/**
 * Scheduled posts (daily question, reveal, weekly announcement) through the REST API, so they
 * need no gateway session. The message reference is the comma-joined ids of the messages one
 * View became (one, unless its text needed more than Discord allows in a message).
 */
export class DiscordOutbox implements Outbox {
  constructor(
    private readonly rest: REST,
    private readonly logger: Logger,
  ) {}

  async post(team: Team, view: View): Promise<string> {
    const ids: string[] = [];
    try {
      for (const message of renderView(view)) {
        const sent = (await this.rest.post(Routes.channelMessages(team.address.channelId), {
          body: bodyOf(message),
        })) as APIMessage;
        ids.push(sent.id);
      }
    } catch (error) {
      throw deliveryErrorOf(error);
    }
    return ids.join(',');
  }

  async update(team: Team, messageRef: string, view: View): Promise<void> {
    const messages = renderView(view);
    const ids = messageRef.split(',').filter(Boolean);
    for (const [i, id] of ids.entries()) {
      const message = messages[i];
      if (!message) break;
      try {
        await this.rest.patch(Routes.channelMessage(team.address.channelId, id), { body: bodyOf(message) });
      } catch (error) {
        if (isUnknownMessage(error)) {
          this.logger.warn({ teamId: team.id, messageId: id }, 'message to update was deleted; skipping');
          continue;
        }
        throw deliveryErrorOf(error);
      }
    }
  }
}
