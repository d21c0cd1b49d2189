import type { webApi } from '@slack/bolt';
import type { Logger } from '../../core/ports.js';
import type { View, ViewForm } from '../../core/view.js';
import { modalOf } from './form.js';
import { SLACK_LIMITS } from './limits.js';
import { renderView, type SlackMessage } from './render.js';
import { postToResponseUrl } from './response-url.js';

/** Where the answer to one slash command or button press goes. */
export interface ReplyTarget {
  /** The payload's response_url (see postToResponseUrl). */
  responseUrl?: string;
  channelId: string;
  userId: string;
  /** Lets a View's form open as a modal (views.open), once, within 3 seconds of the request. */
  triggerId?: string;
}

/**
 * Sends the engine's answer to an actor: `private` Views as ephemeral messages, `channel`
 * Views as public ones. The response_url comes first — it works in channels the bot was
 * never invited to and needs no scope — up to its five uses; after that, or when it fails,
 * the Web API (chat.postEphemeral / chat.postMessage) takes over. A View's form opens as a
 * modal when the request brought a trigger_id.
 */
export class Replies {
  constructor(
    private readonly client: webApi.WebClient,
    private readonly logger: Logger,
  ) {}

  async send(views: View[], target: ReplyTarget): Promise<void> {
    let responseUrlUses = 0;
    let triggerId = target.triggerId;
    for (const view of views) {
      if (view.form && triggerId) {
        const opened = await this.openForm(view.form, triggerId, target);
        triggerId = undefined;
        if (opened) continue;
      }
      for (const message of renderView(view)) {
        const url = responseUrlUses < SLACK_LIMITS.responseUrlUses ? target.responseUrl : undefined;
        if (url && (await this.viaResponseUrl(url, view, message))) {
          responseUrlUses += 1;
          continue;
        }
        await this.viaWebApi(view, message, target);
      }
    }
  }

  /** The form as a modal; false (the View then goes out as a message) when Slack refuses. */
  private async openForm(form: ViewForm, triggerId: string, target: ReplyTarget): Promise<boolean> {
    try {
      await this.client.views.open({
        trigger_id: triggerId,
        view: modalOf(form, { channelId: target.channelId }),
      });
      return true;
    } catch (error) {
      this.logger.warn({ err: errorText(error) }, 'slack: could not open the form, sending it as a message');
      return false;
    }
  }

  private async viaResponseUrl(url: string, view: View, message: SlackMessage): Promise<boolean> {
    try {
      await postToResponseUrl(url, {
        response_type: view.visibility === 'private' ? 'ephemeral' : 'in_channel',
        replace_original: false,
        text: message.text,
        blocks: message.blocks,
      });
      return true;
    } catch (error) {
      this.logger.warn({ err: errorText(error) }, 'slack: response_url refused, using the Web API');
      return false;
    }
  }

  private async viaWebApi(view: View, message: SlackMessage, target: ReplyTarget): Promise<void> {
    const base = { channel: target.channelId, text: message.text, blocks: message.blocks };
    try {
      if (view.visibility === 'private')
        await this.client.chat.postEphemeral({ ...base, user: target.userId });
      else await this.client.chat.postMessage({ ...base, unfurl_links: false, unfurl_media: false });
    } catch (error) {
      // The actor sees no answer; nothing else can be done for this press.
      this.logger.error({ channel: target.channelId, err: errorText(error) }, 'slack: reply failed');
    }
  }
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
