import { webApi } from '@slack/bolt';
import { DeliveryError } from '../../core/ports.js';

/** Web API errors that mean "this channel is gone for us until a human acts". */
const GONE = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'team_not_found']);
/** …or "we may not post here": a missing scope, a restricted channel, a revoked install. */
const FORBIDDEN = new Set([
  'missing_scope',
  'restricted_action',
  'restricted_action_read_only_channel',
  'restricted_action_thread_only_channel',
  'restricted_action_non_threadable_channel',
  'ekm_access_denied',
  'access_denied',
  'no_permission',
  'team_access_not_granted',
  'not_authed',
  'invalid_auth',
  'account_inactive',
  'token_revoked',
  'token_expired',
]);
/** chat.postEphemeral to one player who left the channel or the workspace: skip that player. */
const PLAYER_GONE = new Set(['user_not_in_channel', 'user_not_found', 'user_disabled']);
/** Errors chat.update answers when the question message no longer exists to be closed. */
const MESSAGE_GONE = new Set(['message_not_found', 'cant_update_message', 'edit_window_closed']);

/**
 * Maps a failed Web API call to the engine's two kinds of fault. Permanent ones pause the
 * team; everything else (rate limits, 5xx, network, a payload Slack refused) is transient
 * so the job retries with backoff — none of those is the team's doing.
 */
export function deliveryErrorOf(error: unknown, method: string): DeliveryError {
  if (error instanceof DeliveryError) return error;
  if (error instanceof webApi.WebAPIRateLimitedError) {
    return new DeliveryError('transient', `slack ${method}: ratelimited`, error.retryAfter * 1000);
  }
  if (error instanceof webApi.WebAPIPlatformError) {
    const code = error.data.error;
    const what = `slack ${method}: ${code}`;
    if (GONE.has(code)) return new DeliveryError('permanent', what, undefined, 'gone');
    if (FORBIDDEN.has(code)) return new DeliveryError('permanent', what, undefined, 'forbidden');
    if (PLAYER_GONE.has(code)) return new DeliveryError('permanent', what);
    return new DeliveryError('transient', what, retryAfterOf(error.data.response_metadata));
  }
  if (error instanceof webApi.WebAPIHTTPError) {
    const seconds = Number(error.headers['retry-after']);
    const retryAfterMs = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
    return new DeliveryError('transient', `slack ${method}: HTTP ${error.statusCode}`, retryAfterMs);
  }
  // Network failures (refused, reset, timed out) and anything unexpected.
  const message = error instanceof Error ? error.message : String(error);
  return new DeliveryError('transient', `slack ${method} failed: ${message}`);
}

/** chat.update of a message someone deleted: nothing left to close, no reason to pause the team. */
export function isMessageGone(error: unknown): boolean {
  return error instanceof webApi.WebAPIPlatformError && MESSAGE_GONE.has(error.data.error);
}

function retryAfterOf(metadata: unknown): number | undefined {
  const seconds = (metadata as { retryAfter?: unknown } | undefined)?.retryAfter;
  return typeof seconds === 'number' ? seconds * 1000 : undefined;
}
