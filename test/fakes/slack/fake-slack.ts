import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { receiveUpload } from './files.js';
import { readManifest } from './manifest.js';
import { type SlackRateLimitOptions, SlackRateLimits } from './rate-limits.js';
import { type ApiReply, type FakeUser, routeApi, type SlackState } from './web-api-routes.js';

export type { FakeUser } from './web-api-routes.js';

export interface FakeSlackOptions {
  botToken?: string;
  appToken?: string;
  teamId?: string;
  /** Scopes the bot token was granted (default: the manifest's); a method needing another answers missing_scope. */
  scopes?: string[];
  users?: FakeUser[];
  /** Enforce chat.postMessage's per-channel (and a workspace-wide) limit (off unless set). */
  rateLimits?: SlackRateLimitOptions;
}

export interface ApiCall {
  method: string;
  params: Record<string, unknown>;
  token: string;
  status: number;
  reply: Record<string, unknown>;
  at: number;
}

export interface ResponseUrlPost {
  key: string;
  body: Record<string, unknown>;
  status: number;
  at: number;
}

/** A canned failure for the next calls of one method. */
export interface Fault {
  status?: number;
  error?: string;
  retryAfter?: number;
  times?: number;
}

/**
 * Something to do at a chosen Web API call — the crash-point tests kill the bot there.
 * `arrived`: the call reached the fake, which neither applies nor answers it; `applied`: the
 * fake has applied it (the message exists) and the hook runs before the answer is written.
 */
export interface CallHook {
  method: string;
  when: 'arrived' | 'applied';
  /** A further test on the call's parameters, e.g. which step a post belongs to. */
  match?: (params: Record<string, unknown>) => boolean;
  run: () => void | Promise<void>;
}

/**
 * A small Slack on 127.0.0.1 for tests: the Web API methods the bot calls under `/api/`,
 * and response_urls under `/respond/<key>`. It checks tokens, scopes and Block Kit limits
 * like Slack does, keeps the channel messages, and records every call.
 */
export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponseUrlPost[] = [];
  readonly state: SlackState;
  /** Set by a FakeSocket: the URL apps.connections.open hands out. */
  socketUrl = '';
  private readonly faults = new Map<string, Required<Fault>[]>();
  private readonly hooks: CallHook[] = [];
  private readonly expiredResponseUrls = new Set<string>();
  /** The limits this fake enforces; `limits.limited` counts the posts it answered `ratelimited`. */
  readonly limits: SlackRateLimits;
  private port = 0;

  private constructor(
    private readonly server: Server,
    options: FakeSlackOptions,
  ) {
    this.limits = new SlackRateLimits(options.rateLimits);
    this.state = {
      botToken: options.botToken ?? 'xoxb-test-token',
      appToken: options.appToken ?? 'xapp-test-token',
      teamId: options.teamId ?? 'T0001',
      scopes: new Set(options.scopes ?? readManifest().oauth_config.scopes.bot),
      users: new Map((options.users ?? []).map((u) => [u.id, u])),
      channels: new Map(),
      privateChannels: new Set(),
      messages: [],
      ephemerals: [],
      views: [],
      files: new Map(),
    };
  }

  static async start(options: FakeSlackOptions = {}): Promise<FakeSlack> {
    let fake: FakeSlack | undefined;
    const server = createServer((req, res) => void fake?.handle(req, res));
    fake = new FakeSlack(server, options);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake.port = (server.address() as AddressInfo).port;
    return fake;
  }

  /** The Web API base for SLACK_API_URL. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  /** Where files.uploadV2 sends a file's bytes (handed out by files.getUploadURLExternal). */
  uploadUrl(fileId: string): string {
    return `http://127.0.0.1:${this.port}/upload/${fileId}`;
  }

  responseUrl(key: string): string {
    return `http://127.0.0.1:${this.port}/respond/${key}`;
  }

  fail(method: string, fault: Fault): void {
    const list = this.faults.get(method) ?? [];
    list.push({ status: 200, error: 'fatal_error', retryAfter: 0, times: 1, ...fault });
    this.faults.set(method, list);
  }

  /** Runs `hook` once, at the first call it matches. */
  onCall(hook: CallHook): void {
    this.hooks.push(hook);
  }

  expireResponseUrl(key: string): void {
    this.expiredResponseUrls.add(key);
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  okCallsOf(method: string): ApiCall[] {
    return this.callsOf(method).filter((c) => c.reply.ok === true);
  }

  /** Polls until the check passes (returns its value) or the time is up. */
  async waitFor<T>(check: () => T | undefined | false, timeoutMs = 10_000, what = 'condition'): Promise<T> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value) return value;
      if (Date.now() > until) throw new Error(`fake slack: timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const bytes = await readBody(req);
    const raw = bytes.toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/respond/')) return this.respond(url.pathname.slice(9), raw, res);
    if (url.pathname.startsWith('/upload/') && req.method === 'POST') {
      const type = req.headers['content-type'] ?? '';
      const { status, text } = await receiveUpload(this.state, url.pathname.slice(8), bytes, type);
      res.writeHead(status, { 'content-type': 'text/plain' }).end(text);
      return;
    }
    if (!url.pathname.startsWith('/api/') || req.method !== 'POST') return send(res, 404, { ok: false });
    const method = url.pathname.slice(5);
    const params = parseParams(raw, req.headers['content-type'] ?? '');
    const auth = req.headers.authorization ?? '';
    const token = auth.startsWith('Bearer ') ? auth.slice(7) : String(params.token ?? '');
    const at = this.hooks.findIndex((h) => h.method === method && (h.match?.(params) ?? true));
    const hook = at < 0 ? undefined : this.hooks.splice(at, 1)[0];
    if (hook?.when === 'arrived') {
      // Recorded as a call that got no answer (status 0): it reached the fake, nothing more.
      this.calls.push({ method, params, token, status: 0, reply: {}, at: Date.now() });
      await hook.run();
      res.destroy();
      return;
    }
    const reply =
      this.fault(method) ??
      (token === this.state.botToken ? this.limits.check(method, params) : undefined) ??
      routeApi(this.state, method, params, token, this);
    this.calls.push({ method, params, token, status: reply.status, reply: reply.body, at: Date.now() });
    if (hook) {
      await hook.run();
      if (res.destroyed) return;
    }
    send(res, reply.status, reply.body, reply.headers);
  }

  private fault(method: string): ApiReply | undefined {
    const fault = this.faults.get(method)?.[0];
    if (!fault) return undefined;
    fault.times -= 1;
    if (fault.times <= 0) this.faults.get(method)?.shift();
    const headers: Record<string, string> = fault.retryAfter
      ? { 'retry-after': String(fault.retryAfter) }
      : {};
    return { status: fault.status, body: { ok: false, error: fault.error }, headers };
  }

  private respond(key: string, raw: string, res: ServerResponse): void {
    const status = this.expiredResponseUrls.has(key) ? 404 : 200;
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      body = { invalid: raw };
    }
    this.responses.push({ key, body, status, at: Date.now() });
    send(res, status, status === 200 ? { ok: true } : { ok: false, error: 'expired_url' });
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The Web API takes form fields, with objects (blocks) as JSON strings; or a JSON body. */
function parseParams(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.includes('application/json'))
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    params[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return params;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function send(res: ServerResponse, status: number, body: object, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
