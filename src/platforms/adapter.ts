import type { AppConfig } from '../config/app-config.js';
import type { Env } from '../config/env.js';
import type { RequestHandler } from '../core/command.js';
import type { Platform } from '../core/model.js';
import type { Logger, Outbox } from '../core/ports.js';

export type { RequestHandler };

export interface AdapterDeps {
  engine: RequestHandler;
  config: AppConfig;
  env: Env;
  logger: Logger;
}

/** A running platform connection: the same small surface on Discord, Slack and the terminal. */
export interface PlatformAdapter {
  readonly platform: Platform;
  /** How the engine posts scheduled messages (daily question, reveal, weekly) to this platform. */
  readonly outbox: Outbox;
  start(): Promise<void>;
  stop(): Promise<void>;
}
