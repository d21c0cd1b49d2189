import type { ServerResponse } from 'node:http';
import { finished } from 'node:stream/promises';
import {
  type APIInteractionResponse,
  type APIInteractionResponseCallbackData,
  type APIModalInteractionResponseCallbackData,
  InteractionResponseType,
  MessageFlags,
  Routes,
} from 'discord-api-types/v10';
import { NO_MENTIONS } from './outbox.js';
import type { Outgoing, Responder } from './respond.js';
import type { REST } from './rest.js';

const messageOf = (o: Outgoing): APIInteractionResponseCallbackData => ({
  embeds: o.message.embeds,
  components: o.message.components,
  allowed_mentions: NO_MENTIONS,
  ...(o.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
});

/**
 * Answers an interaction that came in over HTTP as Discord expects: the first answer (reply,
 * deferral, modal) is the request's own response body — it resolves once that is on its way —
 * and everything after it (editing the deferred reply, follow-ups) goes to the interaction's
 * webhook through REST, authorised by the interaction's token. Plain JSON, no discord.js objects.
 */
export class HttpResponder implements Responder {
  private acknowledged = false;

  constructor(
    readonly kind: Responder['kind'],
    private readonly res: ServerResponse,
    private readonly rest: REST,
    private readonly applicationId: string,
    private readonly token: string,
  ) {}

  /** Whether the first answer went out (else the route answers 400: nothing of ours to say). */
  get answered(): boolean {
    return this.acknowledged;
  }

  private async respond(body: APIInteractionResponse): Promise<void> {
    if (this.acknowledged) throw new Error('the interaction was already acknowledged');
    this.acknowledged = true;
    this.res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }

  /**
   * The webhook calls come after the response is flushed (Discord knows the interaction as
   * answered only then) and never before the first answer. A lone reply does not wait for
   * the flush: watching the stream to its end was a twentieth of a press's CPU.
   */
  private async responded(): Promise<void> {
    if (!this.acknowledged) throw new Error('the interaction has not been answered yet');
    await finished(this.res);
  }

  reply(o: Outgoing): Promise<void> {
    return this.respond({ type: InteractionResponseType.ChannelMessageWithSource, data: messageOf(o) });
  }

  replyText(content: string): Promise<void> {
    return this.respond({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { content, flags: MessageFlags.Ephemeral, allowed_mentions: NO_MENTIONS },
    });
  }

  showModal(modal: APIModalInteractionResponseCallbackData): Promise<void> {
    return this.respond({ type: InteractionResponseType.Modal, data: modal });
  }

  defer(ephemeral: boolean): Promise<void> {
    return this.respond({
      type: InteractionResponseType.DeferredChannelMessageWithSource,
      ...(ephemeral ? { data: { flags: MessageFlags.Ephemeral } } : {}),
    });
  }

  deferUpdate(): Promise<void> {
    return this.respond({ type: InteractionResponseType.DeferredMessageUpdate });
  }

  async editReply(o: Outgoing): Promise<void> {
    const { flags: _ignored, ...edit } = messageOf(o);
    await this.responded();
    await this.rest.patch(this.original(), { body: edit, auth: false });
  }

  async deleteReply(): Promise<void> {
    await this.responded();
    await this.rest.delete(this.original(), { auth: false });
  }

  async followUp(o: Outgoing): Promise<void> {
    await this.responded();
    await this.rest.post(Routes.webhook(this.applicationId, this.token), {
      body: messageOf(o),
      query: new URLSearchParams({ wait: 'true' }),
      auth: false,
    });
  }

  private original() {
    return Routes.webhookMessage(this.applicationId, this.token, '@original');
  }
}
