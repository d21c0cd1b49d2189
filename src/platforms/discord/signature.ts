import { createPublicKey, type KeyObject, verify } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** How far a request's timestamp may be from our clock: a captured request cannot be replayed later. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

/**
 * Discord signs every HTTP interaction with the application's Ed25519 key: the signature
 * (`X-Signature-Ed25519`, hex) covers the timestamp header followed by the raw body. Checked
 * with Node's own crypto; the 32-byte public key from the Developer Portal becomes a key
 * object once.
 */
export class InteractionSignature {
  private readonly key: KeyObject;

  constructor(publicKeyHex: string) {
    this.key = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKeyHex, 'hex').toString('base64url') },
      format: 'jwk',
    });
  }

  check(headers: IncomingHttpHeaders, rawBody: Buffer, nowMs: number): SignatureCheck {
    const signature = headers['x-signature-ed25519'];
    const timestamp = headers['x-signature-timestamp'];
    if (typeof signature !== 'string' || !/^[0-9a-fA-F]{128}$/.test(signature))
      return { ok: false, reason: 'no or malformed X-Signature-Ed25519' };
    if (typeof timestamp !== 'string' || !/^\d{1,12}$/.test(timestamp))
      return { ok: false, reason: 'no or malformed X-Signature-Timestamp' };
    if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_CLOCK_SKEW_SECONDS)
      return { ok: false, reason: 'stale timestamp' };
    // The body's bytes as received: no text round trip of a press's few kB before the check.
    const signed = Buffer.concat([Buffer.from(timestamp, 'latin1'), rawBody]);
    return verify(null, signed, this.key, Buffer.from(signature, 'hex'))
      ? { ok: true }
      : { ok: false, reason: 'bad signature' };
  }
}
