import { webApi } from '@slack/bolt';
import type { Logger } from '../../core/ports.js';
import { boltLogger } from './bolt-logger.js';

export const SLACK_API = 'https://slack.com/api/';

/** `SLACK_API_URL` is the Web API base (`…/api/`); WebClient needs the trailing slash. */
export function webApiBase(url: string | undefined): string {
  return (url ?? SLACK_API).replace(/\/*$/, '/');
}

/**
 * Options for every WebClient the adapter makes (Bolt's, Socket Mode's, the outbox's):
 * the configured API base, and few quick retries — the engine's jobs retry with backoff,
 * and an interactive reply that is seconds late is no use anyway.
 * @defaultValue retries 2 for interactive calls
 */
export function webClientOptions(apiUrl: string | undefined, logger: Logger): webApi.WebClientOptions {
  return {
    slackApiUrl: webApiBase(apiUrl),
    logger: boltLogger(logger),
    retryConfig: { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 1000 },
    timeout: 10_000,
  };
}

/**
 * The outbox's own client: no retries and rate limits rejected at once, so a 429 becomes
 * a DeliveryError carrying Retry-After and the job (not this process) waits it out.
 */
export function outboxClient(token: string, apiUrl: string | undefined, logger: Logger): webApi.WebClient {
  return new webApi.WebClient(token, {
    ...webClientOptions(apiUrl, logger),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });
}
