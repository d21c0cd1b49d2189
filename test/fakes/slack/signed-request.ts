import { createHmac } from 'node:crypto';
import type { Agent } from 'node:http';
import { type TimedAnswer, timedPost } from '../../support/timed-post.js';

export interface SignedPostOptions {
  signingSecret: string;
  /** Seconds since the epoch; default now. Older than 5 minutes is refused by Bolt. */
  timestamp?: number;
  /** Sent as X-Slack-Retry-Num, as Slack does when it thinks a delivery was not acked. */
  retryNum?: number;
  /** Overrides the computed signature (to send a bad one). */
  signature?: string;
  /** The connections to send on (a bench keeps a fixed set open, as Slack's edge does). */
  agent?: Agent;
}

/** The app's answer, and how long it took (the ack). */
export type SignedPostResult = TimedAnswer;

/** Slack's request signature: `v0=` + hex HMAC-SHA256 of `v0:timestamp:body` with the signing secret. */
export function slackSignature(signingSecret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** POSTs a form body to the app the way Slack delivers slash commands and interactions. */
export function postSigned(url: string, body: string, options: SignedPostOptions): Promise<SignedPostResult> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': options.signature ?? slackSignature(options.signingSecret, timestamp, body),
  };
  if (options.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  return timedPost(url, headers, body, options.agent);
}
