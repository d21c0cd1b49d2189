import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type App,
  type Logger as BoltLogger,
  HTTPModuleFunctions,
  HTTPResponseAck,
  type Receiver,
  verifySlackRequest,
} from '@slack/bolt';
import type { Logger } from '../../core/ports.js';
import { readLimited } from '../../http/read-body.js';
import { slackBody } from './request-body.js';

/** Slack's own payloads are a few kB; anything near this is not from Slack. */
export const BODY_LIMIT_BYTES = 100 * 1024;

export interface ReceiverOptions {
  signingSecret: string;
  logger: Logger;
  boltLogger: BoltLogger;
}

/**
 * Bolt's receiver on the bot's own HTTP server: the request is read (at most 100 kB),
 * its signature and timestamp checked, and its body validated before Bolt sees it — so a
 * signed but malformed request is answered 200 (ignored) or 400 here and never reaches a
 * listener, and nothing in it can throw inside Bolt.
 */
export class SlackHttpReceiver implements Receiver {
  private app: App | undefined;

  constructor(private readonly options: ReceiverOptions) {}

  init(app: App): void {
    this.app = app;
  }

  // The server belongs to the bot; Bolt's start/stop have nothing to do.
  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  /** The `POST /slack/events` route. Never throws. */
  readonly handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const { logger } = this.options;
    const raw = await readLimited(req, BODY_LIMIT_BYTES).catch(() => null);
    if (raw === null) return void res.destroy(); // the client went away mid-body
    if (raw === undefined) {
      logger.warn({ limit: BODY_LIMIT_BYTES }, 'slack: request body too large');
      return reply(res, 413);
    }
    const contentType = req.headers['content-type'];
    if (/^ssl_check=1(&|$)/.test(raw)) return reply(res, 200); // Slack's unsigned TLS probe
    if (!this.verified(req, raw)) return reply(res, 401);
    const parsed = slackBody(raw, contentType);
    if (parsed.kind === 'reply') {
      if (parsed.status === 400) logger.warn({ reason: parsed.reason }, 'slack: malformed request refused');
      return reply(res, parsed.status, parsed.json);
    }
    await this.dispatch(req, res, parsed.body);
  };

  private verified(req: IncomingMessage, raw: string): boolean {
    const signature = req.headers['x-slack-signature'];
    const timestamp = Number(req.headers['x-slack-request-timestamp']);
    if (typeof signature !== 'string' || !Number.isFinite(timestamp)) return false;
    try {
      verifySlackRequest({
        signingSecret: this.options.signingSecret,
        body: raw,
        headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
      });
      return true;
    } catch (error) {
      this.options.logger.warn({ reason: (error as Error).message }, 'slack: request signature refused');
      return false;
    }
  }

  /** Hands a checked body to Bolt; resolves when its listener has finished (stored and answered). */
  private async dispatch(req: IncomingMessage, res: ServerResponse, body: Record<string, unknown>) {
    const ack = new HTTPResponseAck({
      logger: this.options.boltLogger,
      processBeforeResponse: false,
      httpRequest: req,
      httpRequestBody: body,
      httpResponse: res,
    });
    try {
      await this.app?.processEvent({
        body,
        ack: ack.bind(),
        retryNum: HTTPModuleFunctions.extractRetryNumFromHTTPRequest(req),
        retryReason: HTTPModuleFunctions.extractRetryReasonFromHTTPRequest(req),
      });
    } catch (error) {
      // The listeners catch their own errors; this is Bolt refusing the event itself.
      this.options.logger.error({ err: (error as Error).message }, 'slack: event not processed');
      if (!res.headersSent) reply(res, 400);
    }
  }
}

function reply(res: ServerResponse, status: number, json?: unknown): void {
  if (res.headersSent) return;
  if (json === undefined) res.writeHead(status).end();
  else res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
}
