import { webApi } from '@slack/bolt';
import type { Team } from '../../core/model.js';
import type { Logger, Outbox, PaceRate, Pacer, PostReceipt, PostStep } from '../../core/ports.js';
import type { View, ViewImage } from '../../core/view.js';
import { deliveryErrorOf, isMessageGone } from './delivery-errors.js';
import { renderView } from './render.js';
import { findPostedParts, stepMetadata } from './step-lookup.js';

/** The pace of chat.postMessage: per channel (with a burst) and across the workspace; 0 = unpaced. */
export interface SlackPace {
  pacer?: Pacer | undefined;
  perChannelPerSecond?: number;
  channelBurst?: number;
  perWorkspacePerSecond?: number;
  /** How many `ratelimited` answers a call waits out before the job retries instead. @defaultValue 5 */
  rateLimitRetries?: number;
}

/**
 * A call Slack answered `ratelimited` was not applied, so it is sent again after Retry-After,
 * here (the step and its lease stay with this run) rather than by a job retry that would first
 * have to look the post up in the channel's history. After this many, the job retries.
 */
const RATE_LIMIT_RETRIES = 5;

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
    private readonly pace: SlackPace = {},
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
      const result = await this.call(this.postRates(team), () =>
        this.client.chat.postMessage({
          channel: team.address.channelId,
          text: message.text,
          blocks: message.blocks,
          metadata: stepMetadata(step, part),
          unfurl_links: false,
          unfurl_media: false,
        }),
      ).catch((error: unknown) => {
        throw deliveryErrorOf(error, 'chat.postMessage');
      });
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

  /**
   * A review reminder: an ephemeral message to the player in the team's channel (chat:write,
   * no DM scope needed), paced like the channel's posts. Slack keeps no trace of an ephemeral
   * message to look up, so a step retried after a crash may show it twice; it is not stored.
   */
  async postPrivately(team: Team, playerId: string, view: View): Promise<PostReceipt> {
    for (const message of renderView(view)) {
      await this.call(this.postRates(team), () =>
        this.client.chat.postEphemeral({
          channel: team.address.channelId,
          user: playerId,
          text: message.text,
          blocks: message.blocks,
        }),
      ).catch((error: unknown) => {
        throw deliveryErrorOf(error, 'chat.postEphemeral');
      });
    }
    return { ref: '', found: false };
  }

  async update(team: Team, messageRef: string, view: View): Promise<void> {
    const message = renderView(view).at(-1);
    if (!message) return;
    try {
      await this.call([], () =>
        this.client.chat.update({
          channel: team.address.channelId,
          ts: messageRef,
          text: message.text,
          blocks: message.blocks,
        }),
      );
    } catch (error) {
      if (!isMessageGone(error)) throw deliveryErrorOf(error, 'chat.update');
      this.logger.info({ teamId: team.id, messageRef }, 'slack: message to update is gone');
    }
  }

  private postRates(team: Team): PaceRate[] {
    const { perChannelPerSecond = 0, channelBurst = 1, perWorkspacePerSecond = 0 } = this.pace;
    const { workspaceId, channelId } = team.address;
    return [
      { key: `slack:ch:${workspaceId}:${channelId}`, perSecond: perChannelPerSecond, burst: channelBurst },
      { key: `slack:ws:${workspaceId}`, perSecond: perWorkspacePerSecond },
    ];
  }

  /** Waits for the call's slot, sends it, and sends it again after Retry-After if Slack was busy. */
  private async call<T>(rates: PaceRate[], send: () => Promise<T>): Promise<T> {
    for (let limited = 0; ; limited++) {
      try {
        await this.pace.pacer?.wait(rates);
        return await send();
      } catch (error) {
        const retries = this.pace.rateLimitRetries ?? RATE_LIMIT_RETRIES;
        if (error instanceof webApi.WebAPIRateLimitedError && limited < retries) {
          await new Promise((resolve) => setTimeout(resolve, error.retryAfter * 1000));
          continue;
        }
        throw error;
      }
    }
  }
}
