import { FakeState } from './fake-state.js';
import { type MessageBody, messageProblems } from './message-rules.js';
import { type ModalBody, modalProblems } from './modal-rules.js';

export interface RestRequest {
  method: string;
  /** Path below `/api/v10`, e.g. `/channels/1/messages`. */
  path: string;
  query: Record<string, string>;
  body: unknown;
  /** Files of a multipart request. */
  files?: UploadedFile[];
  authorization: string | undefined;
}

export interface UploadedFile {
  /** `files[0]`, … */
  field: string;
  name: string;
  contentType: string;
  data: Buffer;
}

/** Discord's upload limit for a bot without boosts (the interactions' attachment_size_limit). */
export const ATTACHMENT_LIMIT_BYTES = 8 * 1024 * 1024;

export interface RestReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RestContext {
  state: FakeState;
  token: string;
  gatewayUrl: string;
  /** The shard count `GET /gateway/bot` recommends. */
  shards: number;
  /** Command definitions PUT by `discord register`, by scope (`global` or a guild id). */
  commands: Map<string, unknown[]>;
}

const error = (status: number, code: number, message: string, extra: object = {}): RestReply => ({
  status,
  body: { message, code, ...extra },
});
const NOT_FOUND = error(404, 0, '404: Not Found');
const UNKNOWN_MESSAGE = error(404, 10008, 'Unknown Message');
const UNKNOWN_INTERACTION = error(404, 10062, 'Unknown interaction');
const UNKNOWN_WEBHOOK = error(404, 10015, 'Unknown Webhook');
/** Discord drops an interaction that is not acknowledged within 3 seconds. */
export const INTERACTION_DEADLINE_MS = 3000;

const invalidBody = (body: MessageBody): RestReply | undefined => {
  const problems = messageProblems(body);
  return problems.length ? error(400, 50035, 'Invalid Form Body', { errors: problems }) : undefined;
};

type Handler = (ctx: RestContext, req: RestRequest, params: string[]) => RestReply;

/** The routes a bot on discord.js uses, answered the way Discord documents them. */
const ROUTES: [string, RegExp, Handler][] = [
  ['GET', /^\/gateway\/bot$/, gatewayBot],
  ['GET', /^\/users\/@me$/, (ctx) => ({ status: 200, body: ctx.state.botUser })],
  ['POST', /^\/interactions\/(\d+)\/([^/]+)\/callback$/, interactionCallback],
  ['POST', /^\/webhooks\/(\d+)\/([^/]+)$/, followUp],
  ['PATCH', /^\/webhooks\/(\d+)\/([^/]+)\/messages\/(@original|\d+)$/, editResponse],
  ['GET', /^\/webhooks\/(\d+)\/([^/]+)\/messages\/(@original|\d+)$/, getResponse],
  ['DELETE', /^\/webhooks\/(\d+)\/([^/]+)\/messages\/(@original|\d+)$/, deleteResponse],
  ['POST', /^\/users\/@me\/channels$/, openDm],
  ['POST', /^\/channels\/(\d+)\/messages$/, postMessage],
  ['PATCH', /^\/channels\/(\d+)\/messages\/(\d+)$/, editMessage],
  ['PUT', /^\/applications\/(\d+)\/commands$/, putCommands],
  ['PUT', /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/, putCommands],
];

export function routeRest(ctx: RestContext, req: RestRequest): RestReply {
  for (const [method, pattern, handler] of ROUTES) {
    const match = req.method === method ? pattern.exec(req.path) : null;
    if (!match) continue;
    // Interaction callbacks and webhook calls are authorised by their token, the rest by the bot token.
    const tokenAuth = req.path.startsWith('/interactions/') || req.path.startsWith('/webhooks/');
    if (!tokenAuth && req.authorization !== `Bot ${ctx.token}`) return error(401, 0, '401: Unauthorized');
    return handler(ctx, req, match.slice(1));
  }
  return NOT_FOUND;
}

function gatewayBot(ctx: RestContext): RestReply {
  // Large bots get a max_concurrency above 1, so their shards identify side by side.
  const limit = { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: ctx.shards };
  return { status: 200, body: { url: ctx.gatewayUrl, shards: ctx.shards, session_start_limit: limit } };
}

function interactionCallback(ctx: RestContext, req: RestRequest, [id, token]: string[]): RestReply {
  const record = ctx.state.interactions.get(id ?? '');
  if (!record || record.payload.token !== token) return UNKNOWN_INTERACTION;
  if (Date.now() - record.dispatchedAt > INTERACTION_DEADLINE_MS) return UNKNOWN_INTERACTION;
  if (record.callbackType !== undefined)
    return error(400, 40060, 'Interaction has already been acknowledged.');
  const { type, data = {} } = req.body as { type: number; data?: MessageBody };
  const channelId = record.payload.channel?.id ?? '';
  if (type === 4) {
    const refused = invalidBody(data);
    if (refused) return refused;
    record.originalId = ctx.state.createMessage(channelId, data, 'reply', id).id;
  } else if (type === 5) {
    // The "thinking…" placeholder: Discord shows it until the bot edits the original response.
    record.originalId = ctx.state.createMessage(channelId, { ...data, content: '' }, 'reply', id).id;
  } else if (type === 7) {
    const pressed = 'message' in record.payload ? record.payload.message : undefined;
    const target = pressed ? ctx.state.messages.get(pressed.id) : undefined;
    if (target) ctx.state.editMessage(target, data);
  } else if (type === 9) {
    // A modal can only answer a command or a component press, never another modal.
    if (record.payload.type === 5)
      return error(400, 50035, 'Invalid Form Body', { errors: ['modal on a modal'] });
    const problems = modalProblems(data as ModalBody);
    if (problems.length) return error(400, 50035, 'Invalid Form Body', { errors: problems });
    record.modal = data as ModalBody;
  } else if (type !== 6) {
    return error(400, 50035, 'Invalid Form Body', { errors: [`unsupported callback type ${type}`] });
  }
  record.callbackType = type;
  record.callbackAt = Date.now();
  return { status: 204 };
}

function webhookInteraction(ctx: RestContext, app: string | undefined, token: string | undefined) {
  if (app !== ctx.state.applicationId) return undefined;
  const found = ctx.state.byToken(token ?? '');
  return found && found[1].callbackType !== undefined ? found : undefined;
}

function responseMessage(ctx: RestContext, params: string[]) {
  const found = webhookInteraction(ctx, params[0], params[1]);
  if (!found) return undefined;
  const id = params[2] === '@original' ? found[1].originalId : params[2];
  const message = id ? ctx.state.messages.get(id) : undefined;
  return message && !message.deleted && message.interactionId === found[0] ? message : undefined;
}

function followUp(ctx: RestContext, req: RestRequest, [app, token]: string[]): RestReply {
  const found = webhookInteraction(ctx, app, token);
  if (!found) return UNKNOWN_WEBHOOK;
  const body = req.body as MessageBody;
  const refused = invalidBody(body);
  if (refused) return refused;
  const message = ctx.state.createMessage(found[1].payload.channel?.id ?? '', body, 'followup', found[0]);
  return { status: 200, body: FakeState.wire(message) };
}

function editResponse(ctx: RestContext, req: RestRequest, params: string[]): RestReply {
  const message = responseMessage(ctx, params);
  if (!message) return UNKNOWN_MESSAGE;
  const body = req.body as MessageBody;
  const refused = invalidBody({ ...FakeState.wire(message), ...body } as MessageBody);
  if (refused) return refused;
  return { status: 200, body: FakeState.wire(ctx.state.editMessage(message, body)) };
}

function getResponse(ctx: RestContext, _req: RestRequest, params: string[]): RestReply {
  const message = responseMessage(ctx, params);
  return message ? { status: 200, body: FakeState.wire(message) } : UNKNOWN_MESSAGE;
}

function deleteResponse(ctx: RestContext, _req: RestRequest, params: string[]): RestReply {
  const message = responseMessage(ctx, params);
  if (!message) return UNKNOWN_MESSAGE;
  message.deleted = true;
  return { status: 204 };
}

function openDm(ctx: RestContext, req: RestRequest): RestReply {
  const recipient = (req.body as { recipient_id?: unknown }).recipient_id;
  if (typeof recipient !== 'string' || !/^\d+$/.test(recipient))
    return error(400, 50035, 'Invalid Form Body', { errors: ['recipient_id'] });
  const id = ctx.state.dmChannel(recipient);
  return { status: 200, body: { id, type: 1, recipients: [{ id: recipient }] } };
}

function postMessage(ctx: RestContext, req: RestRequest, [channelId]: string[]): RestReply {
  const body = req.body as MessageBody;
  const dmUser = ctx.state.dmUser(channelId ?? '');
  if (dmUser && ctx.state.closedDms.has(dmUser))
    return error(403, 50007, 'Cannot send messages to this user');
  const refused = invalidBody(body);
  if (refused) return refused;
  const files = req.files ?? [];
  if (files.length > 0) {
    // Uploading needs Attach Files in the channel, on top of Send Messages.
    if (ctx.state.noAttachFiles.has(channelId ?? '')) return error(403, 50013, 'Missing Permissions');
    if (files.some((f) => f.data.length > ATTACHMENT_LIMIT_BYTES))
      return error(413, 40005, 'Request entity too large');
    const named = new Set(files.map((f) => f.name));
    const missing = (body.embeds ?? [])
      .map((e) => (e as { image?: { url?: string } }).image?.url)
      .filter((u): u is string => u?.startsWith('attachment://') === true && !named.has(u.slice(13)));
    if (missing.length)
      return error(400, 50035, 'Invalid Form Body', { errors: missing.map((u) => `no file for ${u}`) });
  }
  const { message, created } = ctx.state.createOrFind(channelId ?? '', body);
  // A repeated nonce gets back the message Discord already has, files and all.
  if (!created) return { status: 200, body: FakeState.wire(message) };
  message.attachments = files.map((f, i) => ({
    id: `${message.id}${i}`,
    filename: f.name,
    size: f.data.length,
    content_type: f.contentType,
    url: `https://cdn.fake/attachments/${channelId}/${message.id}/${f.name}`,
    proxy_url: `https://media.fake/attachments/${channelId}/${message.id}/${f.name}`,
  }));
  if (files.length > 0) ctx.state.uploads.set(message.id, files);
  return { status: 200, body: FakeState.wire(message) };
}

function editMessage(ctx: RestContext, req: RestRequest, [channelId, id]: string[]): RestReply {
  const message = ctx.state.messages.get(id ?? '');
  if (!message || message.deleted || message.channel_id !== channelId) return UNKNOWN_MESSAGE;
  const body = req.body as MessageBody;
  const refused = invalidBody({ ...FakeState.wire(message), ...body } as MessageBody);
  if (refused) return refused;
  return { status: 200, body: FakeState.wire(ctx.state.editMessage(message, body)) };
}

function putCommands(ctx: RestContext, req: RestRequest, [app, guildId]: string[]): RestReply {
  if (app !== ctx.state.applicationId) return error(403, 50001, 'Missing Access');
  const commands = (req.body as object[]).map((c, i) => ({
    ...c,
    id: `${1000 + i}`,
    application_id: app,
    version: '1',
    ...(guildId ? { guild_id: guildId } : {}),
  }));
  ctx.commands.set(guildId ?? 'global', commands);
  return { status: 200, body: commands };
}
