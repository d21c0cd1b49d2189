import { request as httpRequest, type IncomingMessage, STATUS_CODES } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as DiscordRest from '@discordjs/rest';

/**
 * @discordjs/rest (its routes, rate-limit buckets and errors) without its own copy of undici.
 * Its Node entry imports undici at load — about 4 MB of heap and 1.2 MB of source — although
 * a bot sends a few requests a minute. Its other entry (web.mjs, the same classes) takes the
 * transport as `makeRequest`; this module gives it Node's own http(s) (whose agents keep
 * sockets alive).
 * The package's export map offers that entry only outside Node, hence the path. Every module
 * of the bot takes REST and its errors from here, so `instanceof` sees one set of classes.
 */
const require = createRequire(import.meta.url);
const webEntry = join(dirname(require.resolve('@discordjs/rest')), 'web.mjs');
const rest = (await import(pathToFileURL(webEntry).href)) as typeof DiscordRest;

export const { DiscordAPIError, HTTPError, RateLimitError } = rest;
export type DiscordAPIError = DiscordRest.DiscordAPIError;
export type RawFile = DiscordRest.RawFile;
export type REST = DiscordRest.REST;
type RestOptions = ConstructorParameters<typeof DiscordRest.REST>[0];

/** A REST client whose requests go through node:http(s) instead of undici. */
export function createRest(options: RestOptions = {}): REST {
  return new rest.REST({ ...options, makeRequest: nodeRequest });
}

type RequestInit = Parameters<DiscordRest.RESTOptions['makeRequest']>[1];

/** `makeRequest` for @discordjs/rest: one request, the whole answer read, as its ResponseLike. */
export async function nodeRequest(url: string, init: RequestInit): Promise<DiscordRest.ResponseLike> {
  const { body, headers } = await bodyOf(init);
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const res = await new Promise<IncomingMessage>((resolve, reject) => {
    const req = send(target, {
      method: init.method ?? 'GET',
      headers,
      signal: init.signal ?? undefined,
    });
    req.once('response', resolve).once('error', reject);
    req.end(body);
  });
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const status = res.statusCode ?? 0;
  let used = false;
  const read = () => {
    used = true;
    return raw;
  };
  return {
    body: null,
    get bodyUsed() {
      return used;
    },
    headers: headersOf(res),
    status,
    statusText: res.statusMessage ?? STATUS_CODES[status] ?? '',
    ok: status >= 200 && status < 300,
    arrayBuffer: async () => {
      const bytes = read();
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    },
    text: async () => read().toString('utf8'),
    json: async () => JSON.parse(read().toString('utf8')),
  };
}

/** The request body as bytes; a multipart form (a file: the weekly chart) is encoded by Node's own Response. */
async function bodyOf(
  init: RequestInit,
): Promise<{ body?: Buffer | string; headers: Record<string, string> }> {
  const headers = { ...(init.headers as Record<string, string> | undefined) };
  const body = init.body;
  if (body == null) return { headers };
  if (typeof body === 'string' || body instanceof Uint8Array)
    return { body: typeof body === 'string' ? body : Buffer.from(body), headers };
  const encoded = new Response(body as ConstructorParameters<typeof Response>[0]);
  const type = encoded.headers.get('content-type');
  if (type) headers['Content-Type'] = type;
  return { body: Buffer.from(await encoded.arrayBuffer()), headers };
}

/** The answer's headers, read the way @discordjs/rest reads them (get/has, any case). */
function headersOf(res: IncomingMessage): DiscordRest.ResponseLike['headers'] {
  const value = (name: string) => {
    const v = res.headers[name.toLowerCase()];
    return v === undefined ? null : Array.isArray(v) ? v.join(', ') : String(v);
  };
  const h = {
    get: value,
    has: (name: string) => value(name) !== null,
  };
  return h as unknown as DiscordRest.ResponseLike['headers'];
}
