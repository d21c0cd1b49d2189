import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import type { Agent } from 'node:http';
import { timedPost } from '../../support/timed-post.js';

/** An application's Ed25519 key pair, as the Developer Portal holds it; the public half as its 64 hex characters. */
export interface SigningKeys {
  privateKey: KeyObject;
  publicKeyHex: string;
}

export function signingKeys(): SigningKeys {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const x = publicKey.export({ format: 'jwk' }).x ?? '';
  return { privateKey, publicKeyHex: Buffer.from(x, 'base64url').toString('hex') };
}

export interface SignedPost {
  /** What to send; an object is sent as its JSON. */
  body: unknown;
  /** Unix seconds in X-Signature-Timestamp (default: now). */
  timestamp?: number;
  /** Sign something else than what is sent (a forged or altered request). */
  signedBody?: string;
}

export interface PostOutcome {
  status: number;
  /** The response body parsed as JSON (undefined when empty or not JSON). */
  json: unknown;
  /** Milliseconds from sending to the full answer. */
  ms: number;
}

/** An interaction ready to send: its bytes and headers, signed. */
export interface SignedInteraction {
  raw: string;
  headers: Record<string, string | number>;
}

/**
 * Signs an interaction the way Discord does: Ed25519 over `timestamp + body`, the signature
 * in X-Signature-Ed25519 (hex), the timestamp in X-Signature-Timestamp.
 */
export function signInteraction(keys: SigningKeys, post: SignedPost): SignedInteraction {
  const raw = typeof post.body === 'string' ? post.body : JSON.stringify(post.body);
  const timestamp = String(post.timestamp ?? Math.floor(Date.now() / 1000));
  const signature = sign(null, Buffer.from(timestamp + (post.signedBody ?? raw)), keys.privateKey);
  return {
    raw,
    headers: {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(raw),
      'user-agent': 'Discord-Interactions/1.0 (+https://discord.com)',
      'x-signature-ed25519': signature.toString('hex'),
      'x-signature-timestamp': timestamp,
    },
  };
}

/** POSTs an interaction as Discord does (signInteraction). Status 0 when the connection failed. */
export function postSignedInteraction(
  url: string,
  keys: SigningKeys,
  post: SignedPost,
  agent?: Agent,
): Promise<PostOutcome> {
  return sendSignedInteraction(url, signInteraction(keys, post), agent);
}

/** POSTs an interaction signed beforehand; `ms` counts from the send to the full answer. */
export function sendSignedInteraction(
  url: string,
  signed: SignedInteraction,
  agent?: Agent,
): Promise<PostOutcome> {
  const started = performance.now();
  return timedPost(url, signed.headers, signed.raw, agent).then(
    ({ status, body, ms }) => ({ status, json: jsonOrUndefined(body), ms }),
    () => ({ status: 0, json: undefined, ms: performance.now() - started }),
  );
}

function jsonOrUndefined(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}
