import type { IncomingMessage } from 'node:http';

/** The body as text, or undefined past `limit` bytes (see readLimitedBytes). */
export async function readLimited(req: IncomingMessage, limit: number): Promise<string | undefined> {
  return (await readLimitedBytes(req, limit))?.toString('utf8');
}

/**
 * The body as bytes, or undefined past `limit` bytes. The rest of an oversized body is read
 * and dropped (so the client sees the 413 rather than a reset), unless it announces itself
 * as ten times the limit. Rejects when the client goes away mid-body.
 */
export async function readLimitedBytes(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit * 10) {
    req.resume();
    return undefined;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= limit) chunks.push(chunk as Buffer);
  }
  return size <= limit ? Buffer.concat(chunks) : undefined;
}
