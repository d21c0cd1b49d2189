import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../core/ports.js';
import type { Intake } from '../ops/intake.js';
import { StartupError } from '../ops/redis-connect.js';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export interface RouteOptions {
  /**
   * A route that takes interactions (Slack events, Discord interactions): refused with 503
   * once the bot drains, and counted in flight until its handler has finished.
   */
  interaction?: boolean;
}

/** What an adapter needs to add its endpoint, e.g. `POST /slack/events`. */
export interface HttpRoutes {
  route(method: 'GET' | 'POST', path: string, handler: RouteHandler, options?: RouteOptions): void;
}

interface Route {
  handler: RouteHandler;
  interaction: boolean;
}

/**
 * The bot's one HTTP server on PORT, in every mode: probes and metrics, plus whatever
 * platform endpoints the adapters add. Handlers own their errors; anything that escapes is
 * logged and answered 500 without taking the process down.
 */
export class HttpServer implements HttpRoutes {
  private readonly routes = new Map<string, Route>();
  private readonly server: Server;
  private closing = false;

  constructor(
    private readonly logger: Logger,
    private readonly intake: Intake,
  ) {
    this.server = createServer((req, res) => void this.serve(req, res));
    this.server.requestTimeout = 15_000;
    this.server.headersTimeout = 10_000;
    this.server.keepAliveTimeout = 5_000;
  }

  route(method: 'GET' | 'POST', path: string, handler: RouteHandler, options: RouteOptions = {}): void {
    this.routes.set(`${method} ${path}`, { handler, interaction: options.interaction ?? false });
  }

  async listen(port: number, host?: string): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      const failed = (error: NodeJS.ErrnoException) =>
        reject(
          error.code === 'EADDRINUSE'
            ? new StartupError(`PORT ${port} is already in use; set PORT to a free one`)
            : error,
        );
      this.server.once('error', failed);
      this.server.listen(port, host, () => {
        this.server.off('error', failed);
        resolve();
      });
    });
    return (this.server.address() as AddressInfo).port;
  }

  /**
   * Stops listening. Idle keep-alive connections close now; busy ones get `connection:
   * close` on their answer, and whatever is still open after `graceMs` is cut (a client
   * polling over keep-alive would otherwise hold the server open forever).
   */
  async close(graceMs = 2000): Promise<void> {
    if (!this.server.listening) return;
    this.closing = true;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeIdleConnections();
    const cut = setTimeout(() => this.server.closeAllConnections(), graceMs);
    await closed;
    clearTimeout(cut);
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (this.closing) res.setHeader('connection', 'close');
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const route = this.routes.get(`${req.method} ${path}`);
    if (!route) {
      const known = [...this.routes.keys()].some((key) => key.endsWith(` ${path}`));
      res.writeHead(known ? 405 : 404).end();
      req.resume();
      return;
    }
    if (route.interaction && !this.intake.accepting) {
      // Draining: the load balancer sends this to another replica (Slack retries a 503 too).
      res.writeHead(503, { connection: 'close', 'retry-after': '1' }).end();
      req.resume();
      return;
    }
    try {
      if (route.interaction) await this.intake.track(async () => route.handler(req, res));
      else await route.handler(req, res);
    } catch (error) {
      this.logger.error(
        { err: error instanceof Error ? error.message : String(error), path },
        'http: handler failed',
      );
      if (!res.headersSent) res.writeHead(500).end();
    }
  }
}
