import type { IncomingMessage } from 'node:http';

/** The body as text, or undefined past `limit` bytes (see readLimitedBytes). */
export async function readLimited(req: IncomingMessage, limit: number): Promise<string | undefined> {
  return (await readLimitedBytes(req, limit))?.toString('utf8');
}

/**
 * The body as bytes, or undefined past `limit` bytes. The rest of an oversized body is read
 * and dropped (so the client sees the 413 rather than a reset), unless it announces itself
 * as ten times the limit. Rejects when the client goes away mid-body. Read with the stream's
 * events rather than `for await`: its async iterator costs several promises per request,
 * about a tenth of a button press's CPU.
 */
export function readLimitedBytes(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit * 10) {
    req.resume();
    return Promise.resolve(undefined);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.once('end', () => {
      if (size > limit) resolve(undefined);
      else resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size));
    });
    req.once('error', reject);
    req.once('close', () => {
      if (!req.complete) reject(new Error('the client went away mid-body'));
    });
  });
}
