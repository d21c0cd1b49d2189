import { blockKitProblems } from './block-kit-rules.js';
import { completeUpload, type FakeFile, getUploadUrl } from './files.js';
import { history } from './history.js';
import { type OpenedView, openView } from './views.js';

export interface FakeUser {
  id: string;
  name: string;
  display_name?: string;
  real_name?: string;
  is_admin?: boolean;
  is_owner?: boolean;
}

export interface FakeMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: unknown[];
  /** Message metadata as posted (`event_type`, `event_payload`). */
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  /** Every chat.update applied, oldest first. */
  updates: { text: string; blocks: unknown[] }[];
}

export interface FakeEphemeral {
  channel: string;
  user: string;
  text: string;
  blocks: unknown[];
}

/** How a channel refuses posts: deleted, bot not a member, archived. */
export type ChannelTrouble = 'channel_not_found' | 'not_in_channel' | 'is_archived';

export interface SlackState {
  botToken: string;
  appToken: string;
  teamId: string;
  scopes: Set<string>;
  users: Map<string, FakeUser>;
  channels: Map<string, ChannelTrouble>;
  /** Private channels: reading their history needs groups:history instead of channels:history. */
  privateChannels: Set<string>;
  messages: FakeMessage[];
  ephemerals: FakeEphemeral[];
  /** Modals opened with views.open. */
  views: OpenedView[];
  /** Files uploaded (files.getUploadURLExternal → upload → files.completeUploadExternal). */
  files: Map<string, FakeFile>;
}

export interface ApiReply {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

/**
 * Bot-token scopes each method needs (docs.slack.dev/reference/methods); a pair is
 * [public channel, private channel].
 */
export const METHOD_SCOPES: Record<string, string | readonly [string, string] | null> = {
  'auth.test': null,
  'chat.postMessage': 'chat:write',
  'chat.update': 'chat:write',
  'chat.postEphemeral': 'chat:write',
  'users.info': 'users:read',
  'views.open': null,
  'conversations.history': ['channels:history', 'groups:history'],
  'files.getUploadURLExternal': 'files:write',
  'files.completeUploadExternal': 'files:write',
};

function scopeNeeded(state: SlackState, method: string, params: Record<string, unknown>): string | null {
  const needed = METHOD_SCOPES[method] ?? null;
  if (typeof needed === 'string' || needed === null) return needed;
  return state.privateChannels.has(String(params.channel ?? '')) ? needed[1] : needed[0];
}

const ok = (body: Record<string, unknown> = {}): ApiReply => ({ status: 200, body: { ok: true, ...body } });
const refuse = (error: string, extra: Record<string, unknown> = {}): ApiReply => ({
  status: 200,
  body: { ok: false, error, ...extra },
});

let tsCounter = 0;
const nextTs = () => `${Math.floor(Date.now() / 1000)}.${String(++tsCounter).padStart(6, '0')}`;

export function routeApi(
  state: SlackState,
  method: string,
  params: Record<string, unknown>,
  token: string,
  socket: { socketUrl: string; uploadUrl(fileId: string): string },
): ApiReply {
  if (method === 'apps.connections.open') {
    // Socket Mode: an app-level token, never the bot token.
    if (token !== state.appToken)
      return refuse(token.startsWith('xapp-') ? 'invalid_auth' : 'not_allowed_token_type');
    return socket.socketUrl ? ok({ url: socket.socketUrl }) : refuse('internal_error');
  }
  if (!(method in METHOD_SCOPES)) return refuse('unknown_method');
  if (!token) return refuse('not_authed');
  if (token !== state.botToken) return refuse('invalid_auth');
  const needed = scopeNeeded(state, method, params);
  if (needed && !state.scopes.has(needed)) return refuse('missing_scope', { needed });

  switch (method) {
    case 'auth.test':
      return ok({
        url: 'https://fake.slack.com/',
        team: 'Fake',
        user: 'k8s-quiz',
        team_id: state.teamId,
        user_id: 'UBOT',
        bot_id: 'BBOT',
      });
    case 'users.info': {
      const user = state.users.get(String(params.user));
      if (!user) return refuse('user_not_found');
      const { display_name, real_name, ...rest } = user;
      return ok({
        user: {
          ...rest,
          team_id: state.teamId,
          real_name,
          profile: { display_name: display_name ?? '', real_name },
        },
      });
    }
    case 'chat.postMessage':
    case 'chat.postEphemeral':
    case 'chat.update':
      return chat(state, method, params);
    case 'views.open':
      return openView(state, params);
    case 'conversations.history':
      return history(state, params);
    case 'files.getUploadURLExternal':
      return getUploadUrl(state, params, (id) => socket.uploadUrl(id));
    case 'files.completeUploadExternal':
      return completeUpload(state, params);
    default:
      return refuse('unknown_method');
  }
}

function chat(state: SlackState, method: string, params: Record<string, unknown>): ApiReply {
  const channel = String(params.channel ?? '');
  if (!channel) return refuse('channel_not_found');
  const trouble = state.channels.get(channel);
  if (trouble) return refuse(trouble);
  const blocks = (params.blocks as unknown[] | undefined) ?? [];
  const problems = blockKitProblems(params.blocks);
  if (problems.length > 0) return refuse('invalid_blocks', { errors: problems });
  const text = String(params.text ?? '');
  if (!text && blocks.length === 0) return refuse('no_text');
  if (text.length > 40_000) return refuse('msg_too_long');

  if (method === 'chat.postEphemeral') {
    const user = String(params.user ?? '');
    if (!state.users.has(user)) return refuse('user_not_in_channel');
    state.ephemerals.push({ channel, user, text, blocks });
    return ok({ message_ts: nextTs() });
  }
  if (method === 'chat.update') {
    const message = state.messages.find((m) => m.channel === channel && m.ts === params.ts);
    if (!message) return refuse('message_not_found');
    message.updates.push({ text, blocks });
    message.text = text;
    message.blocks = blocks;
    return ok({ channel, ts: message.ts, text });
  }
  const metadata = params.metadata as FakeMessage['metadata'] | undefined;
  const message: FakeMessage = {
    channel,
    ts: nextTs(),
    text,
    blocks,
    updates: [],
    ...(metadata ? { metadata } : {}),
  };
  state.messages.push(message);
  return ok({ channel, ts: message.ts, message: { text, blocks } });
}
