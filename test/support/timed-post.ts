import { type Agent, type OutgoingHttpHeaders, request } from 'node:http';

export interface TimedAnswer {
  status: number;
  body: string;
  /** Milliseconds from the send to the end of the answer. */
  ms: number;
}

/**
 * POSTs `body` over node:http (through `agent` when given, as a platform's edge keeps its
 * connections): the answer's status and text, timed. Rejects when the connection fails.
 */
export function timedPost(
  url: string,
  headers: OutgoingHttpHeaders,
  body: string,
  agent?: Agent,
): Promise<TimedAnswer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers, ...(agent ? { agent } : {}) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          ms: performance.now() - started,
        }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}
