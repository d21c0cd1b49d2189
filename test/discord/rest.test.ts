import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createRest, DiscordAPIError } from '../../src/platforms/discord/rest.js';

/** What the server saw of one request. */
interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

let server: Server;
let api: string;
const seen: Seen[] = [];
let answers: Array<{ status: number; headers?: Record<string, string>; body: string }> = [];

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    seen.push({
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      body: Buffer.concat(chunks),
    });
    const answer = answers.shift() ?? { status: 200, body: '{}' };
    res.writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers }).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('@discordjs/rest over node:http (rest.ts)', () => {
  test('GIVEN a JSON post THEN the body, the token and the content type arrive and the JSON answer is parsed', async () => {
    seen.length = 0;
    answers = [{ status: 200, body: '{"id":"42"}' }];
    const rest = createRest({ api }).setToken('tok');
    const answer = await rest.post('/channels/1/messages', { body: { content: 'hi' } });
    expect(answer).toEqual({ id: '42' });
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.url).toBe('/api/v10/channels/1/messages');
    expect(seen[0]?.headers.authorization).toBe('Bot tok');
    expect(seen[0]?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(seen[0]?.body.toString() ?? '')).toEqual({ content: 'hi' });
  });

  test('GIVEN a 429 with Retry-After THEN the rate limit is read from the headers and the request is sent again', async () => {
    seen.length = 0;
    answers = [
      {
        status: 429,
        headers: { 'Retry-After': '0.2', 'X-RateLimit-Scope': 'user' },
        body: '{"message":"You are being rate limited.","retry_after":0.2,"global":false}',
      },
      { status: 200, body: '{"id":"43"}' },
    ];
    const rest = createRest({ api }).setToken('tok');
    const at = Date.now();
    expect(await rest.get('/channels/2')).toEqual({ id: '43' });
    expect(seen).toHaveLength(2);
    expect(Date.now() - at).toBeGreaterThanOrEqual(150);
  });

  test('GIVEN a refusal THEN it is a DiscordAPIError with Discord’s code', async () => {
    answers = [{ status: 403, body: '{"message":"Missing Access","code":50001}' }];
    const rest = createRest({ api, retries: 0 }).setToken('tok');
    const error = await rest.get('/channels/3').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50001);
    expect((error as DiscordAPIError).status).toBe(403);
  });

  test('GIVEN a file THEN it is sent as multipart with the payload beside it', async () => {
    seen.length = 0;
    answers = [{ status: 200, body: '{"id":"44"}' }];
    const rest = createRest({ api }).setToken('tok');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    await rest.post('/channels/4/messages', {
      body: { content: 'chart' },
      files: [{ name: 'chart.png', data: png }],
    });
    const body = seen[0]?.body.toString('latin1') ?? '';
    expect(seen[0]?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(body).toContain('filename="chart.png"');
    expect(body).toContain('Content-Type: image/png');
    expect(body).toContain('{"content":"chart"}');
    expect(seen[0]?.body.includes(png)).toBe(true);
  });
});
