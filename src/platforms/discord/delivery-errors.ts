import { RESTJSONErrorCodes } from 'discord-api-types/v10';
import { DeliveryError } from '../../core/ports.js';
import { DiscordAPIError, HTTPError, RateLimitError } from './rest.js';

/** Codes that mean "this channel will not take our posts until a human acts". */
const FORBIDDEN = new Set<number | string>([
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.MissingPermissions,
]);
const GONE = new Set<number | string>([
  RESTJSONErrorCodes.UnknownChannel,
  RESTJSONErrorCodes.UnknownGuild,
  RESTJSONErrorCodes.ThreadLocked,
  RESTJSONErrorCodes.CannotSendMessagesInNonTextChannel,
]);

/**
 * Maps a failed Discord REST call to the engine's two kinds of fault. Permanent ones (no
 * permission, channel gone) pause the team; everything else is transient so the job retries
 * with backoff — including a bad token or a refused payload, which are not the team's doing.
 */
export function deliveryErrorOf(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  if (error instanceof RateLimitError) {
    return new DeliveryError('transient', `discord rate limit on ${error.route}`, error.retryAfter);
  }
  if (error instanceof DiscordAPIError) {
    const what = `discord ${error.method.toUpperCase()} ${error.status} ${error.code}: ${error.message}`;
    if (error.status === 403 || FORBIDDEN.has(error.code))
      return new DeliveryError('permanent', what, undefined, 'forbidden');
    if (GONE.has(error.code)) return new DeliveryError('permanent', what, undefined, 'gone');
    if (error.status === 429) return new DeliveryError('transient', what, retryAfterMs(error.rawError));
    return new DeliveryError('transient', what);
  }
  if (error instanceof HTTPError) {
    return new DeliveryError(
      'transient',
      `discord ${error.method.toUpperCase()} ${error.status}: ${error.message}`,
    );
  }
  // Network failures (refused, reset, timed out) come as plain errors.
  return new DeliveryError(
    'transient',
    `discord unreachable: ${error instanceof Error ? error.message : String(error)}`,
  );
}

function retryAfterMs(raw: unknown): number | undefined {
  const seconds = (raw as { retry_after?: unknown } | undefined)?.retry_after;
  return typeof seconds === 'number' ? Math.ceil(seconds * 1000) : undefined;
}

/** Editing a message someone deleted: nothing left to update, and no reason to pause the team. */
export function isUnknownMessage(error: unknown): boolean {
  return error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownMessage;
}
