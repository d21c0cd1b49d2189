import type { APIInteraction, APIMessage, APIUser } from 'discord.js';
import type { MessageBody } from './message-rules.js';
import type { ModalBody } from './modal-rules.js';
import { snowflake } from './payloads.js';
import type { UploadedFile } from './rest-routes.js';

/** A message as the fake keeps it: what Discord would show, plus what the bot asked for. */
export interface FakeMessage extends APIMessage {
  /** The mention rules the bot sent with it (Discord does not echo these back). */
  allowed_mentions?: MessageBody['allowed_mentions'];
  ephemeral: boolean;
  /** `channel` = REST post; `reply`/`followup` = answers to an interaction. */
  via: 'channel' | 'reply' | 'followup';
  interactionId?: string;
  edits: number;
  deleted: boolean;
}

export interface InteractionRecord {
  payload: APIInteraction;
  dispatchedAt: number;
  /** The callback type the bot answered with (4 reply, 5 deferred, 6 deferred update, 7 update, 9 modal). */
  callbackType?: number;
  callbackAt?: number;
  originalId?: string;
  /** The modal the bot opened (callback type 9). */
  modal?: ModalBody;
}

const EPHEMERAL = 1 << 6;
/** Discord checks an enforced nonce "in the past few minutes". */
export const NONCE_WINDOW_MS = 5 * 60_000;

/** Messages and interactions the fake has seen, with Discord's rules for replying to them. */
export class FakeState {
  readonly messages = new Map<string, FakeMessage>();
  readonly interactions = new Map<string, InteractionRecord>();
  /** Enforced nonces of the bot's messages: nonce → message id and when it was created. */
  private readonly nonces = new Map<string, { id: string; at: number }>();
  /** Files uploaded with channel messages, by message id (the bytes Discord keeps). */
  readonly uploads = new Map<string, UploadedFile[]>();
  /** Channels where the bot lacks Attach Files: a message with a file is refused (403 50013). */
  readonly noAttachFiles = new Set<string>();
  /** DM channels the bot opened, by user id (POST /users/@me/channels). */
  readonly dmChannels = new Map<string, string>();
  /** Users who do not take DMs from the bot: a message to their DM channel is refused (403 50007). */
  readonly closedDms = new Set<string>();

  /** Opens (or finds: Discord returns the same one) the bot's DM channel with a user. */
  dmChannel(userId: string): string {
    const id = this.dmChannels.get(userId) ?? snowflake();
    this.dmChannels.set(userId, id);
    return id;
  }

  /** The user a DM channel belongs to, if it is one. */
  dmUser(channelId: string): string | undefined {
    return [...this.dmChannels].find(([, id]) => id === channelId)?.[0];
  }

  constructor(
    readonly applicationId: string,
    readonly botUser: APIUser,
  ) {}

  createMessage(
    channelId: string,
    body: MessageBody,
    via: FakeMessage['via'],
    interactionId?: string,
  ): FakeMessage {
    const id = snowflake();
    const message: FakeMessage = {
      id,
      channel_id: channelId,
      author: this.botUser,
      content: body.content ?? '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: (body.embeds ?? []) as APIMessage['embeds'],
      pinned: false,
      type: via === 'channel' ? 0 : 20,
      flags: body.flags ?? 0,
      components: (body.components ?? []) as APIMessage['components'],
      ...(via === 'channel' ? {} : { webhook_id: this.applicationId, application_id: this.applicationId }),
      allowed_mentions: body.allowed_mentions,
      ...(body.nonce === undefined ? {} : { nonce: body.nonce }),
      ephemeral: ((body.flags ?? 0) & EPHEMERAL) !== 0,
      via,
      ...(interactionId ? { interactionId } : {}),
      edits: 0,
      deleted: false,
    };
    this.messages.set(id, message);
    return message;
  }

  /**
   * Create Message with `enforce_nonce`: a nonce seen within the window gives back the message
   * created with it (by this author — the fake has one) instead of a second one.
   */
  createOrFind(channelId: string, body: MessageBody): { message: FakeMessage; created: boolean } {
    const nonce = body.nonce === undefined ? undefined : String(body.nonce);
    const seen = nonce && body.enforce_nonce ? this.nonces.get(nonce) : undefined;
    const existing = seen && Date.now() - seen.at < NONCE_WINDOW_MS ? this.messages.get(seen.id) : undefined;
    if (existing) return { message: existing, created: false };
    const { enforce_nonce: _enforce, ...stored } = body;
    const message = this.createMessage(channelId, stored, 'channel');
    if (nonce && body.enforce_nonce) this.nonces.set(nonce, { id: message.id, at: Date.now() });
    return { message, created: true };
  }

  editMessage(message: FakeMessage, body: MessageBody): FakeMessage {
    if (body.content !== undefined) message.content = body.content;
    if (body.embeds !== undefined) message.embeds = body.embeds as APIMessage['embeds'];
    if (body.components !== undefined) message.components = body.components as APIMessage['components'];
    if (body.allowed_mentions !== undefined) message.allowed_mentions = body.allowed_mentions;
    message.edited_timestamp = new Date().toISOString();
    message.edits += 1;
    return message;
  }

  byToken(token: string): [string, InteractionRecord] | undefined {
    for (const entry of this.interactions) if (entry[1].payload.token === token) return entry;
    return undefined;
  }

  /** The API shape of a message (without the fake's bookkeeping), as Discord returns it. */
  static wire(message: FakeMessage): APIMessage {
    const {
      allowed_mentions: _a,
      ephemeral: _e,
      via: _v,
      interactionId: _i,
      edits: _n,
      deleted: _d,
      ...wire
    } = message;
    return wire;
  }
}

export interface FakeButton {
  custom_id: string;
  label?: string;
  /** Discord's button style: 1 primary, 2 secondary. */
  style?: number;
  disabled?: boolean;
}

/** The buttons of a message, row by row flattened. */
export function buttonsOf(message: APIMessage | undefined): FakeButton[] {
  const rows = (message?.components ?? []) as { components?: FakeButton[] }[];
  return rows.flatMap((row) => row.components ?? []);
}
