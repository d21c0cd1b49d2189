import type { Redis } from 'ioredis';
import type { Logger } from '../core/ports.js';

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** An error that only says "Redis is not there right now" (the outage is logged once, not each retry). */
export function isConnectionError(error: unknown): boolean {
  const err = error as { code?: string; message?: string } | undefined;
  if (err?.code && CONNECTION_CODES.has(err.code)) return true;
  return /connection is closed|connect ETIMEDOUT|Stream isn't writeable|getaddrinfo/i.test(
    err?.message ?? '',
  );
}

/**
 * Whether Redis is reachable, from the events of the bot's own clients. Every client and
 * every BullMQ queue and worker reports here, so nothing is left without an error listener
 * (ioredis prints "Unhandled error event" otherwise) and an outage costs two log lines:
 * one when Redis goes away, one when it is back.
 */
export class RedisHealth {
  private readonly clients: Redis[] = [];
  private down: { since: number; reason: string } | undefined;
  private closing = false;

  constructor(
    private readonly logger: Logger,
    /** The URL with its password masked, for the log lines. */
    private readonly where: string,
  ) {}

  get up(): boolean {
    return !this.down && this.clients.every((c) => c.status === 'ready');
  }

  /** A long-lived ioredis client: its connection state decides `up`. */
  watch(client: Redis): Redis {
    this.clients.push(client);
    client.on('error', (error: unknown) => this.report(error));
    client.on('close', () => this.lost('connection closed'));
    client.on('ready', () => this.maybeRestored());
    return client;
  }

  /** A BullMQ Queue or Worker: connection errors count as the outage, others are logged. */
  listen(emitter: { on(event: 'error', listener: (error: Error) => void): unknown }, name: string): void {
    emitter.on('error', (error) => this.report(error, name));
  }

  /** From now on closing connections is expected, not an outage. */
  close(): void {
    this.closing = true;
  }

  private report(error: unknown, source?: string): void {
    if (isConnectionError(error)) {
      this.lost(error instanceof Error ? error.message : String(error));
      return;
    }
    // BullMQ workers log their own other errors (jobs/worker.ts); queues have no other reporter.
    if (this.closing || source === 'worker') return;
    const message = error instanceof Error ? error.message : String(error);
    this.logger.error({ source, err: message }, 'redis: error');
  }

  private lost(reason: string): void {
    if (this.closing || this.down) return;
    this.down = { since: Date.now(), reason };
    this.logger.error({ redis: this.where, reason }, 'redis: connection lost; retrying');
  }

  private maybeRestored(): void {
    if (!this.down || this.closing) return;
    if (!this.clients.every((c) => c.status === 'ready')) return;
    const downMs = Date.now() - this.down.since;
    this.down = undefined;
    this.logger.info({ redis: this.where, downMs }, 'redis: connection restored');
  }
}
