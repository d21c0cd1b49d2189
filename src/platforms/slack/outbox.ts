import type { webApi } from '@slack/bolt';
import type { Team } from '../../core/model.js';
import type { Logger, Outbox, PostReceipt, PostStep } from '../../core/ports.js';
import type { View } from '../../core/view.js';
import { deliveryErrorOf, isMessageGone } from './delivery-errors.js';
import { renderView } from './render.js';
import { findPostedParts, stepMetadata } from './step-lookup.js';

/**
 * Scheduled posts (daily question, reveal, standings, weekly) through chat.postMessage
 * to the team's channel. The message reference is the `ts` of the message that carries
 * the buttons (the last one when a long View needs several), which chat.update replaces.
 * Each message carries its step and part as metadata, so a retried step finds what an
 * interrupted run already posted and posts only the rest.
 */
export class SlackOutbox implements Outbox {
  constructor(
    private readonly client: webApi.WebClient,
    private readonly logger: Logger,
  ) {}

  async post(team: Team, view: View, step: PostStep): Promise<PostReceipt> {
    const messages = renderView(view);
    const earlier = step.retry ? await findPostedParts(this.client, team, step, this.logger) : undefined;
    let ts = '';
    for (const [part, message] of messages.entries()) {
      const found = earlier?.get(part);
      if (found) {
        ts = found;
        continue;
      }
      const result = await this.call('chat.postMessage', () =>
        this.client.chat.postMessage({
          channel: team.address.channelId,
          text: message.text,
          blocks: message.blocks,
          metadata: stepMetadata(step, part),
          unfurl_links: false,
          unfurl_media: false,
        }),
      );
      ts = result.ts ?? ts;
    }
    return { ref: ts, found: messages.every((_, part) => earlier?.has(part)) };
  }

  async update(team: Team, messageRef: string, view: View): Promise<void> {
    const message = renderView(view).at(-1);
    if (!message) return;
    try {
      await this.client.chat.update({
        channel: team.address.channelId,
        ts: messageRef,
        text: message.text,
        blocks: message.blocks,
      });
    } catch (error) {
      if (!isMessageGone(error)) throw deliveryErrorOf(error, 'chat.update');
      this.logger.info({ teamId: team.id, messageRef }, 'slack: message to update is gone');
    }
  }

  private async call<T>(method: string, send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      throw deliveryErrorOf(error, method);
    }
  }
}
