import { createServer, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { readLimitedBytes } from '../../src/http/read-body.js';

const LIMIT = 1024;

/** A server whose every request's body goes through readLimitedBytes; each outcome is kept. */
async function serve(): Promise<{ server: Server; port: number; outcomes: Promise<string>[] }> {
  const outcomes: Promise<string>[] = [];
  const server = createServer((req, res) => {
    const outcome = readLimitedBytes(req, LIMIT).then(
      (body) => {
        if (body === undefined) res.writeHead(413).end();
        else res.writeHead(200).end(String(body.length));
        return body === undefined ? 'too large' : `read ${body.toString('utf8')}`;
      },
      (error: Error) => `rejected: ${error.message}`,
    );
    outcomes.push(outcome);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, outcomes };
}

/** Writes raw HTTP/1.1 bytes; resolves with what the server answered (empty if it reset). */
function raw(port: number, chunks: string[], { endAfter = true } = {}): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (d) => {
      answer += d.toString('latin1');
    });
    socket.on('error', () => resolve(answer));
    socket.on('close', () => resolve(answer));
    socket.on('connect', () => {
      for (const chunk of chunks) socket.write(chunk);
      if (endAfter) socket.end();
      else setTimeout(() => socket.destroy(), 50); // goes away mid-body
    });
  });
}

const head = (length: number | 'chunked') =>
  `POST / HTTP/1.1\r\nhost: x\r\nconnection: close\r\n${
    length === 'chunked' ? 'transfer-encoding: chunked' : `content-length: ${length}`
  }\r\n\r\n`;

describe('readLimitedBytes: a request body, at most `limit` bytes', () => {
  let open: Server | undefined;
  afterEach(() => open?.close());

  it('GIVEN a body in one piece, in chunks, or empty THEN it is read whole', async () => {
    const { server, port, outcomes } = await serve();
    open = server;
    await raw(port, [head(5), 'hello']);
    await raw(port, [head('chunked'), '3\r\nabc\r\n', '2\r\nde\r\n', '0\r\n\r\n']);
    await raw(port, [head(0)]);
    expect(await Promise.all(outcomes)).toEqual(['read hello', 'read abcde', 'read ']);
  });

  it('GIVEN a body past the limit THEN undefined, and the client still gets the 413 (the rest was drained)', async () => {
    const { server, port, outcomes } = await serve();
    open = server;
    const answer = await raw(port, [head(LIMIT + 10), 'x'.repeat(LIMIT + 10)]);
    expect(await Promise.all(outcomes)).toEqual(['too large']);
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
  });

  it('GIVEN a declared length over ten times the limit THEN undefined at once, without reading it', async () => {
    const { server, port, outcomes } = await serve();
    open = server;
    const answer = await raw(port, [head(LIMIT * 11), 'x'.repeat(100)]);
    expect(await Promise.all(outcomes)).toEqual(['too large']);
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
  });

  it('GIVEN a client that goes away mid-body THEN the read rejects (it never hangs)', async () => {
    const { server, port, outcomes } = await serve();
    open = server;
    await raw(port, [head(100), 'only part of it'], { endAfter: false });
    await expect.poll(() => outcomes.length).toBe(1);
    expect(await outcomes[0]).toMatch(/^rejected: /);
  });
});
