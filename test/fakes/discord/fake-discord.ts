import { type Agent, createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIInteraction, APIUser } from 'discord.js';
import { type FakeMessage, FakeState } from './fake-state.js';
import { FakeGateway, type FakeGuild } from './gateway.js';
import type { Place } from './payloads.js';
import { type DiscordRateLimitOptions, DiscordRateLimits } from './rate-limits.js';
import type { UploadedFile } from './rest-routes.js';
import { type RestContext, type RestReply, type RestRequest, routeRest } from './rest-routes.js';
import {
  type PostOutcome,
  postSignedInteraction,
  type SignedInteraction,
  type SignedPost,
  sendSignedInteraction,
  signInteraction,
  signingKeys,
} from './signed-interaction.js';

export interface FakeDiscordOptions {
  token?: string;
  applicationId?: string;
  guilds?: FakeGuild[];
  /** Enforce Discord's global and per-route limits (off unless set). */
  rateLimits?: DiscordRateLimitOptions;
  /** The shard count GET /gateway/bot recommends (default 1); the gateway routes guilds to shards as Discord does. */
  shards?: number;
}

/** One interaction POSTed to the bot's Interactions Endpoint URL, and what came back. */
export interface Delivery extends PostOutcome {
  id: string | undefined;
  /** Why the fake (as Discord) did not take the answer: a refused callback body, a late answer. */
  refused?: unknown;
}

export interface RecordedRequest extends RestRequest {
  status: number;
  at: number;
}

/** A canned failure for matching requests, e.g. a 403 from one channel or a 500 for a while. */
export interface Fault {
  method?: string;
  path: RegExp;
  reply: RestReply;
  /** How many requests it answers; then it is spent. */
  times?: number;
}

/**
 * Something to do at a chosen call — the crash-point tests kill the bot there. `arrived`: the
 * call reached the fake, which neither applies nor answers it; `applied`: the fake has applied
 * it (the message exists) and the hook runs before the answer is written.
 */
export interface CallHook {
  method: string;
  path: RegExp;
  when: 'arrived' | 'applied';
  /** A further test on the request, e.g. which message is posted. */
  match?: (request: RestRequest) => boolean;
  run: () => void | Promise<void>;
}

/**
 * A small Discord for tests on 127.0.0.1: `/api/v10/*` over HTTP (every request recorded) and
 * the gateway WebSocket on the same port. `GET /gateway/bot` names that WebSocket, so a
 * discord.js client pointed at `apiUrl` finds the whole fake by itself.
 */
export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  readonly state: FakeState;
  readonly gateway: FakeGateway;
  /** The application's Ed25519 key pair, made for this fake: HTTP interactions are signed with it. */
  readonly keys = signingKeys();
  /**
   * The bot's Interactions Endpoint URL. Set: `interact` POSTs each interaction there, signed,
   * and applies the response as Discord does; unset: interactions go over the gateway.
   */
  interactionsUrl: string | undefined;
  /** Every interaction sent over HTTP, in order. */
  readonly deliveries: Delivery[] = [];
  private readonly faults: Required<Fault>[] = [];
  private readonly hooks: CallHook[] = [];
  private readonly rest: RestContext;
  /** The limits this fake enforces; `limits.limited` counts the 429s it answered. */
  readonly limits: DiscordRateLimits;
  private port = 0;

  private constructor(
    readonly token: string,
    readonly applicationId: string,
    private readonly server: Server,
    guilds: FakeGuild[],
    rateLimits: DiscordRateLimitOptions,
    shards: number,
  ) {
    this.limits = new DiscordRateLimits(rateLimits);
    const botUser: APIUser = {
      id: applicationId,
      username: 'k8s-quiz',
      discriminator: '0',
      global_name: null,
      avatar: null,
    };
    this.state = new FakeState(applicationId, botUser);
    this.gateway = new FakeGateway({ token, applicationId, botUser, guilds }, () => this.gatewayUrl);
    this.rest = { state: this.state, token, gatewayUrl: '', shards, commands: new Map() };
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const server = createServer();
    const fake = new FakeDiscord(
      options.token ?? 'fake-bot-token',
      options.applicationId ?? '900000000000000001',
      server,
      options.guilds ?? [],
      options.rateLimits ?? {},
      options.shards ?? 1,
    );
    server.on('request', (req, res) => void fake.onRequest(req, res));
    fake.gateway.attach(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake.port = (server.address() as AddressInfo).port;
    fake.rest.gatewayUrl = fake.gatewayUrl;
    return fake;
  }

  /** The REST base, as DISCORD_API_URL. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** The environment that points the bot at this fake. */
  get env(): Record<string, string> {
    return {
      DISCORD_TOKEN: this.token,
      DISCORD_APPLICATION_ID: this.applicationId,
      DISCORD_API_URL: this.apiUrl,
    };
  }

  get commands(): Map<string, unknown[]> {
    return this.rest.commands;
  }

  place(guildId: string, channelId: string): Place {
    return { applicationId: this.applicationId, guildId, channelId };
  }

  fail(fault: Fault): void {
    this.faults.push({
      method: fault.method ?? '',
      times: fault.times ?? Number.POSITIVE_INFINITY,
      ...fault,
    });
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  /** Runs `hook` once, at the first call it matches. */
  onCall(hook: CallHook): void {
    this.hooks.push(hook);
  }

  /** The public key the bot checks signatures with, as DISCORD_PUBLIC_KEY. */
  get publicKey(): string {
    return this.keys.publicKeyHex;
  }

  /**
   * Sends an interaction the way the bot receives them: INTERACTION_CREATE over the gateway,
   * or a signed POST to `interactionsUrl` when set. Discord's 3-second answer window starts now.
   */
  interact(payload: APIInteraction): string {
    this.state.interactions.set(payload.id, { payload, dispatchedAt: Date.now() });
    if (this.interactionsUrl) void this.deliver({ body: payload });
    else if (this.gateway.dispatch('INTERACTION_CREATE', payload) === 0)
      throw new Error('no bot is connected');
    return payload.id;
  }

  /**
   * POSTs one signed interaction (or anything else, signed or mis-signed) to `interactionsUrl`
   * and, when the bot answers 200 to an interaction the fake knows, applies the answer as that
   * interaction's callback — with the same rules as `POST /interactions/:id/:token/callback`.
   */
  async deliver(post: SignedPost, agent?: Agent): Promise<Delivery> {
    if (!this.interactionsUrl) throw new Error('interactionsUrl is not set');
    return this.settle(post, await postSignedInteraction(this.interactionsUrl, this.keys, post, agent));
  }

  /** Signs an interaction now, to send later (sendSigned): a bench keeps the signing out of its timing. */
  sign(post: SignedPost): SignedInteraction {
    return signInteraction(this.keys, post);
  }

  /** Sends what `sign` prepared; `settle` then takes its answer as deliver() does. */
  sendSigned(signed: SignedInteraction, agent?: Agent): Promise<PostOutcome> {
    if (!this.interactionsUrl) throw new Error('interactionsUrl is not set');
    return sendSignedInteraction(this.interactionsUrl, signed, agent);
  }

  /** The fake's side of an answered interaction: the answer taken as Discord takes it, recorded. */
  settle(post: SignedPost, outcome: PostOutcome): Delivery {
    const payload = post.body as Partial<APIInteraction>;
    const record = typeof payload?.id === 'string' ? this.state.interactions.get(payload.id) : undefined;
    const delivery: Delivery = { ...outcome, id: record?.payload.id };
    if (record && outcome.status === 200) {
      const callback = routeRest(this.rest, {
        method: 'POST',
        path: `/interactions/${record.payload.id}/${record.payload.token}/callback`,
        query: {},
        body: outcome.json,
        authorization: undefined,
      });
      if (callback.status !== 204) delivery.refused = callback.body;
    }
    this.deliveries.push(delivery);
    return delivery;
  }

  /** Messages the bot posted to a channel through the REST API (not interaction replies). */
  channelMessages(channelId: string): FakeMessage[] {
    return [...this.state.messages.values()].filter(
      (m) => m.via === 'channel' && m.channel_id === channelId && !m.deleted,
    );
  }

  /** The visible answers to one interaction: its original response and follow-ups. */
  responsesTo(interactionId: string): FakeMessage[] {
    return [...this.state.messages.values()].filter((m) => m.interactionId === interactionId && !m.deleted);
  }

  requestsTo(method: string, path: RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && path.test(r.path));
  }

  /** Polls `probe` until it returns something truthy; fails with `what` after the timeout. */
  async waitFor<T>(
    what: string,
    probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
    timeoutMs = 10_000,
  ): Promise<T> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value) return value;
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async close(): Promise<void> {
    await this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const { body, files } = await readBody(req);
    const request: RestRequest = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname).replace(/^\/api\/v10/, ''),
      query: Object.fromEntries(url.searchParams),
      body,
      ...(files.length > 0 ? { files } : {}),
      authorization: req.headers.authorization,
    };
    const hook = this.takeHook(request);
    if (hook?.when === 'arrived') {
      // Recorded as a call that got no answer (status 0): it reached the fake, nothing more.
      this.requests.push({ ...request, status: 0, at: Date.now() });
      await hook.run();
      res.destroy();
      return;
    }
    const reply = url.pathname.startsWith('/api/v10/') ? this.answer(request) : { status: 404 };
    this.requests.push({ ...request, status: reply.status, at: Date.now() });
    if (hook) {
      await hook.run();
      if (res.destroyed) return;
    }
    const headers = {
      ...(reply.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...reply.headers,
    };
    res
      .writeHead(reply.status, headers)
      .end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
  }

  /** A fault, else a 429 past a rate limit, else the route's answer with the bucket's headers. */
  private answer(request: RestRequest): RestReply {
    const fault = this.takeFault(request);
    if (fault) return fault;
    if (!this.limits.enabled) return routeRest(this.rest, request);
    const limit = this.limits.check(request);
    if ('refused' in limit) return limit.refused;
    const reply = routeRest(this.rest, request);
    return { ...reply, headers: { ...limit.headers, ...reply.headers } };
  }

  private takeHook(request: RestRequest): CallHook | undefined {
    const at = this.hooks.findIndex(
      (h) => h.method === request.method && h.path.test(request.path) && (h.match?.(request) ?? true),
    );
    return at < 0 ? undefined : this.hooks.splice(at, 1)[0];
  }

  private takeFault(request: RestRequest): RestReply | undefined {
    const fault = this.faults.find(
      (f) => f.times > 0 && (!f.method || f.method === request.method) && f.path.test(request.path),
    );
    if (!fault) return undefined;
    fault.times -= 1;
    return fault.reply;
  }
}

/**
 * A JSON body, or a multipart one as Discord takes uploads: the message as `payload_json`
 * and each file as `files[n]` (https://discord.com/developers/docs/reference#uploading-files).
 */
async function readBody(req: IncomingMessage): Promise<{ body: unknown; files: UploadedFile[] }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('multipart/form-data')) {
    const text = raw.toString('utf8');
    return { body: text ? JSON.parse(text) : undefined, files: [] };
  }
  const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
  const files: UploadedFile[] = [];
  for (const [field, value] of form.entries()) {
    if (!/^files\[\d+\]$/.test(field) || typeof value === 'string') continue;
    files.push({
      field,
      name: value.name,
      contentType: value.type,
      data: Buffer.from(await value.arrayBuffer()),
    });
  }
  const payload = form.get('payload_json');
  return { body: typeof payload === 'string' ? JSON.parse(payload) : undefined, files };
}
