import type { ApiReply, SlackState } from './web-api-routes.js';

const DEFAULT_LIMIT = 100;

/**
 * conversations.history as Slack answers it: newest first, messages after `oldest` (exclusive)
 * and before `latest`, `limit` per page with a cursor, and message metadata only when
 * `include_all_metadata` is set.
 */
export function history(state: SlackState, params: Record<string, unknown>): ApiReply {
  const channel = String(params.channel ?? '');
  const trouble = state.channels.get(channel);
  if (trouble) return { status: 200, body: { ok: false, error: trouble } };
  const oldest = Number(params.oldest ?? 0);
  const latest = params.latest === undefined ? Number.POSITIVE_INFINITY : Number(params.latest);
  const limit = Math.min(999, Number(params.limit ?? DEFAULT_LIMIT) || DEFAULT_LIMIT);
  const offset = params.cursor ? Number(Buffer.from(String(params.cursor), 'base64').toString()) : 0;
  const withMetadata = params.include_all_metadata === true || params.include_all_metadata === 'true';
  const all = state.messages
    .filter((m) => m.channel === channel && Number(m.ts) > oldest && Number(m.ts) < latest)
    .reverse();
  const page = all.slice(offset, offset + limit).map((m) => ({
    type: 'message',
    ts: m.ts,
    text: m.text,
    blocks: m.blocks,
    bot_id: 'BBOT',
    ...(withMetadata && m.metadata ? { metadata: m.metadata } : {}),
  }));
  const more = offset + limit < all.length;
  return {
    status: 200,
    body: {
      ok: true,
      messages: page,
      has_more: more,
      response_metadata: { next_cursor: more ? Buffer.from(String(offset + limit)).toString('base64') : '' },
    },
  };
}
