import type { AppConfig } from '../config/app-config.js';
import type { Env } from '../config/env.js';
import type { RequestHandler } from '../core/command.js';
import type { Platform } from '../core/model.js';
import type { Logger, Outbox, Pacer } from '../core/ports.js';
import type { HttpRoutes } from '../http/server.js';
import type { Intake } from '../ops/intake.js';

export type { RequestHandler };

export interface AdapterDeps {
  engine: RequestHandler;
  config: AppConfig;
  env: Env;
  logger: Logger;
  /** Where interactions come in: shut while the bot drains, in-flight work counted. */
  intake?: Intake | undefined;
  /** The bot's HTTP server, for platform endpoints (Slack HTTP mode's /slack/events). */
  http?: HttpRoutes | undefined;
  /**
   * false for ROLE=worker: only the outbox (the platform's REST API) — no gateway, no
   * socket, no endpoint. @defaultValue true
   */
  listen?: boolean | undefined;
  /** Spaces the outbox's posts at the platform's rates (config `pacing`), shared by all replicas. */
  pacer?: Pacer | undefined;
}

/** A running platform connection: the same small surface on Discord, Slack and the terminal. */
export interface PlatformAdapter {
  readonly platform: Platform;
  /** How the engine posts scheduled messages (daily question, reveal, weekly) to this platform. */
  readonly outbox: Outbox;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Connected and taking interactions (for /readyz); a worker-only adapter once started. */
  ready(): boolean;
}
