import { createHmac } from 'node:crypto';
import { type Agent, request } from 'node:http';

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

export interface SignedPostResult {
  status: number;
  body: string;
  /** How long the app took to answer (the ack). */
  ms: number;
}

/** Slack's request signature: `v0=` + hex HMAC-SHA256 of `v0:timestamp:body` with the signing secret. */
export function slackSignature(signingSecret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** POSTs a form body to the app the way Slack delivers slash commands and interactions. */
export async function postSigned(
  url: string,
  body: string,
  options: SignedPostOptions,
): Promise<SignedPostResult> {
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
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', headers, ...(options.agent ? { agent: options.agent } : {}) },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            ms: performance.now() - started,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
