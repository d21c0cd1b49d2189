import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postToResponseUrl } from '../../src/platforms/slack/response-url.js';

interface Received {
  path: string;
  type: string | undefined;
  body: unknown;
}

describe('postToResponseUrl: a reply to the payload response_url', () => {
  const received: Received[] = [];
  let base = '';
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '';
      received.push({
        path,
        type: req.headers['content-type'],
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
      });
      if (path === '/slow') return; // never answers
      const status = path === '/expired' ? 404 : 200;
      res.writeHead(status).end(status === 200 ? 'ok' : 'expired_url');
    });
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('GIVEN a live response_url THEN the message arrives as JSON, text unchanged', async () => {
    const message = { response_type: 'ephemeral', text: '答对了 — `kubectl` & <pods>' };
    await postToResponseUrl(`${base}/ok`, message);
    expect(received.at(-1)).toEqual({ path: '/ok', type: 'application/json', body: message });
  });

  it('GIVEN an expired response_url (404), a closed port or no answer in time THEN it rejects, so the Web API takes over', async () => {
    await expect(postToResponseUrl(`${base}/expired`, { text: 'x' })).rejects.toThrow(
      'response_url answered 404',
    );
    await expect(postToResponseUrl('http://127.0.0.1:1/respond', { text: 'x' })).rejects.toThrow(
      /ECONNREFUSED/,
    );
    await expect(postToResponseUrl(`${base}/slow`, { text: 'x' }, 200)).rejects.toThrow(
      'response_url timed out',
    );
  });
});
