import { createHash } from 'node:crypto';
import { type APIChannel, type APIMessage, Routes } from 'discord-api-types/v10';
import type { Team } from '../../core/model.js';
import type { Logger, Outbox, Pacer, PostReceipt, PostStep } from '../../core/ports.js';
import type { View, ViewImage } from '../../core/view.js';
import { fileOf, isRefusedUpload, withImage } from './attachment.js';
import { deliveryErrorOf, isUnknownMessage } from './delivery-errors.js';
import { type DiscordMessage, renderView } from './render.js';
import type { REST } from './rest.js';

/** Nobody is pinged by anything the bot sends, whatever the bank text or a player name contains. */
export const NO_MENTIONS = { parse: [] as [] };

const bodyOf = (message: DiscordMessage) => ({ ...message, allowed_mentions: NO_MENTIONS });

/**
 * The nonce of one message of a step (Discord allows 25 characters): 80 bits of the step id's
 * hash and the part's index. With `enforce_nonce`, Discord answers a repeated nonce with the
 * message it already created instead of a second one (for a few minutes — far longer than a retry).
 */
export function nonceOf(stepId: string, part: number): string {
  return `${createHash('sha256').update(stepId).digest('hex').slice(0, 20)}p${part}`;
}

/** The pace of the outbox's REST calls: `perSecond` under the bot's global limit (0: unpaced). */
export interface DiscordPace {
  pacer?: Pacer | undefined;
  perSecond?: number;
}

/**
 * Scheduled posts (daily question, reveal, weekly announcement) through the REST API, so they
 * need no gateway session. The message reference is the comma-joined ids of the messages one
 * View became (one, unless its text needed more than Discord allows in a message). Every message
 * carries its step's nonce, so a retried step gets back what Discord already has. A View's
 * picture is uploaded with the last message (same nonce); if Discord refuses the file (e.g.
 * no Attach Files permission), the text goes alone.
 */
export class DiscordOutbox implements Outbox {
  constructor(
    private readonly rest: REST,
    private readonly logger: Logger,
    private readonly pace: DiscordPace = {},
  ) {}

  /** Each REST call waits for its slot under the bot's global limit (discord.js waits out any 429). */
  private async paced<T>(call: () => Promise<T>): Promise<T> {
    const { pacer, perSecond = 0 } = this.pace;
    if (pacer && perSecond > 0) await pacer.wait([{ key: 'discord', perSecond }]);
    return call();
  }

  async post(team: Team, view: View, step: PostStep): Promise<PostReceipt> {
    const ids: string[] = [];
    try {
      const messages = renderView(view);
      for (const [part, message] of messages.entries()) {
        const image = part === messages.length - 1 ? view.image : undefined;
        ids.push(await this.send(team, message, nonceOf(step.id, part), image));
      }
    } catch (error) {
      throw deliveryErrorOf(error);
    }
    // Discord does not say whether it created the message or returned the one it had.
    return { ref: ids.join(','), found: false };
  }

  /**
   * A review reminder as a DM: the DM channel is opened (or found: Discord returns the same
   * one), then the message goes with the step's nonce like a channel post. A player who does
   * not take DMs from server members answers 403 (50007): a permanent refusal for that player.
   */
  async postPrivately(team: Team, playerId: string, view: View, step: PostStep): Promise<PostReceipt> {
    const ids: string[] = [];
    try {
      const dm = (await this.paced(() =>
        this.rest.post(Routes.userChannels(), { body: { recipient_id: playerId } }),
      )) as APIChannel;
      for (const [part, message] of renderView(view).entries()) {
        ids.push(await this.send(team, message, nonceOf(step.id, part), undefined, dm.id));
      }
    } catch (error) {
      throw deliveryErrorOf(error);
    }
    return { ref: ids.join(','), found: false };
  }

  private async send(
    team: Team,
    message: DiscordMessage,
    nonce: string,
    image?: ViewImage,
    channelId = team.address.channelId,
  ): Promise<string> {
    const route = Routes.channelMessages(channelId);
    const once = { nonce, enforce_nonce: true };
    if (image) {
      try {
        const body = { ...bodyOf(withImage(message, image)), ...once };
        const sent = await this.paced(() => this.rest.post(route, { body, files: [fileOf(image)] }));
        return (sent as APIMessage).id;
      } catch (error) {
        // Refused for its file: no message was made, so the same nonce serves the text alone.
        if (!isRefusedUpload(error)) throw error;
        this.logger.warn(
          { teamId: team.id, err: error instanceof Error ? error.message : String(error) },
          'discord: the picture was refused; posting the text alone',
        );
      }
    }
    const sent = await this.paced(() => this.rest.post(route, { body: { ...bodyOf(message), ...once } }));
    return (sent as APIMessage).id;
  }

  async update(team: Team, messageRef: string, view: View): Promise<void> {
    const messages = renderView(view);
    const ids = messageRef.split(',').filter(Boolean);
    for (const [i, id] of ids.entries()) {
      const message = messages[i];
      if (!message) break;
      try {
        const route = Routes.channelMessage(team.address.channelId, id);
        await this.paced(() => this.rest.patch(route, { body: bodyOf(message) }));
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
