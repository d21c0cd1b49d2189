import { App, type AuthorizeResult, SocketModeReceiver, type webApi } from '@slack/bolt';
import type { Logger } from '../../core/ports.js';
import type { HttpRoutes } from '../../http/server.js';
import { boltLogger } from './bolt-logger.js';
import { SlackHttpReceiver } from './http-receiver.js';

export const EVENTS_PATH = '/slack/events';

export type SlackMode = { kind: 'http'; signingSecret: string } | { kind: 'socket'; appToken: string };

export interface BoltAppOptions {
  mode: SlackMode;
  /** The bot's identity from auth.test at start-up, so Bolt need not ask on every event. */
  authorization: AuthorizeResult;
  clientOptions: webApi.WebClientOptions;
  logger: Logger;
  /** HTTP mode: the bot's server, where `POST /slack/events` is added. */
  http?: HttpRoutes | undefined;
}

/**
 * The real Bolt app in the configured mode. HTTP: our receiver on the bot's own server
 * checks size, signature, timestamp and body shape before Bolt sees a request. Socket Mode:
 * one WebSocket opened with the app-level token, no public URL needed.
 */
export interface BoltApp {
  app: App;
  /** Whether Slack can reach the bot now (Socket Mode: the socket is open). */
  connected(): boolean;
}

export function createBoltApp(options: BoltAppOptions): BoltApp {
  const { mode, authorization } = options;
  const logger = boltLogger(options.logger, 'slack-bolt');
  const common = {
    authorize: async () => authorization,
    // No listener keeps conversation state; Bolt's default store would look every event up (and miss).
    convoStore: false as const,
    // A copy: Bolt and Socket Mode write their defaults into the object they are given.
    clientOptions: { ...options.clientOptions },
    logger,
  };
  if (mode.kind === 'socket') {
    const receiver = new SocketModeReceiver({
      appToken: mode.appToken,
      logger,
      installerOptions: { clientOptions: common.clientOptions },
    });
    let open = false;
    receiver.client.on('connected', () => {
      open = true;
    });
    for (const state of ['disconnected', 'reconnecting'])
      receiver.client.on(state, () => {
        open = false;
      });
    const app = new App({ ...common, socketMode: true, appToken: mode.appToken, receiver });
    return { app, connected: () => open };
  }
  if (!options.http) throw new Error('slack: HTTP mode needs the HTTP server');
  const receiver = new SlackHttpReceiver({
    signingSecret: mode.signingSecret,
    logger: options.logger,
    boltLogger: logger,
  });
  options.http.route('POST', EVENTS_PATH, receiver.handle, { interaction: true });
  return { app: new App({ ...common, receiver }), connected: () => true };
}
