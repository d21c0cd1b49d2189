import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, type AuthorizeResult, type webApi } from '@slack/bolt';
import type { Logger } from '../../core/ports.js';
import { boltLogger } from './bolt-logger.js';

export const EVENTS_PATH = '/slack/events';
export const HEALTH_PATH = '/healthz';

export type SlackMode =
  | { kind: 'http'; signingSecret: string; port: number }
  | { kind: 'socket'; appToken: string };

export interface BoltAppOptions {
  mode: SlackMode;
  /** The bot's identity from auth.test at start-up, so Bolt need not ask on every event. */
  authorization: AuthorizeResult;
  clientOptions: webApi.WebClientOptions;
  logger: Logger;
}

/**
 * The real Bolt app in the configured mode. HTTP: Bolt's HTTPReceiver verifies the `v0`
 * signature and the 5-minute timestamp window on `/slack/events` (401 otherwise) and
 * answers a load balancer's health check. Socket Mode: one WebSocket opened with the
 * app-level token, no public URL needed.
 */
export function createBoltApp(options: BoltAppOptions): App {
  const { mode, authorization } = options;
  const common = {
    authorize: async () => authorization,
    // A copy: Bolt and Socket Mode write their defaults into the object they are given.
    clientOptions: { ...options.clientOptions },
    logger: boltLogger(options.logger, 'slack-bolt'),
  };
  if (mode.kind === 'socket') {
    return new App({ ...common, socketMode: true, appToken: mode.appToken });
  }
  return new App({
    ...common,
    signingSecret: mode.signingSecret,
    endpoints: EVENTS_PATH,
    customRoutes: [{ path: HEALTH_PATH, method: ['GET'], handler: health }],
  });
}

function health(_req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('ok');
}
