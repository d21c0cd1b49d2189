import type { webApi } from '@slack/bolt';
import type { Team } from '../../core/model.js';
import type { Logger, Outbox, PostReceipt, PostStep } from '../../core/ports.js';
import type { View, ViewImage } from '../../core/view.js';
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
    const found = messages.every((_, part) => earlier?.has(part));
    // Only the run that posted the last part uploads the picture: a retry that finds the
    // message already there does not upload it again (at most once, like the message).
    if (view.image && !earlier?.has(messages.length - 1)) await this.upload(team, view.image);
    return { ref: ts, found };
  }

  /**
   * A View's picture goes to the channel right after its message (files.uploadV2: needs
   * files:write). A refused upload is logged and dropped: the message is already there, and
   * retrying the post for a picture would risk posting the message twice.
   */
  private async upload(team: Team, image: ViewImage): Promise<void> {
    try {
      await this.client.filesUploadV2({
        channel_id: team.address.channelId,
        file: Buffer.from(image.png),
        filename: image.name,
        title: Array.from(image.alt).slice(0, 80).join(''),
        alt_text: Array.from(image.alt).slice(0, 1000).join(''),
      });
    } catch (error) {
      this.logger.warn(
        { teamId: team.id, err: error instanceof Error ? error.message : String(error) },
        'slack: the picture was refused; the message stands without it',
      );
    }
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
