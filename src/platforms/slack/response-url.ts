import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/**
 * A response_url silent this long (no bytes either way) is taken as lost and the Web API
 * takes over. Should Slack have taken the post after all, the player sees the answer twice;
 * without a limit a hung connection would leave them with none.
 */
const RESPONSE_URL_TIMEOUT_MS = 10_000;

/**
 * Posts a message to a payload's response_url (what Bolt's `respond` does) over Node's own
 * http(s), whose global agents keep the connection to Slack alive. Bolt's goes through fetch,
 * whose web streams and request clone made it about a quarter of a button press's allocations.
 * Rejects on a status other than 2xx, a network error or the timeout.
 */
export function postToResponseUrl(
  url: string,
  message: object,
  timeoutMs = RESPONSE_URL_TIMEOUT_MS,
): Promise<void> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const body = JSON.stringify(message);
  return new Promise((resolve, reject) => {
    const req = send(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      timeout: timeoutMs,
    });
    req.once('timeout', () => req.destroy(new Error('response_url timed out')));
    req.once('error', reject);
    req.once('response', (res) => {
      const status = res.statusCode ?? 0;
      res.resume(); // the answer is "ok" or an error word; only the status matters
      res.once('end', () =>
        status >= 200 && status < 300 ? resolve() : reject(new Error(`response_url answered ${status}`)),
      );
      res.once('error', reject);
    });
    req.end(body);
  });
}
