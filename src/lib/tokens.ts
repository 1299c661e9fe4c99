/**
 * Signed, expiring tokens for emailed links (email verification, password reset).
 * Format: base64url(JSON payload) "." base64url(HMAC-SHA256). The signature makes a link
 * tamper-proof and lets us reject expired ones without a query; single use is enforced by the
 * caller, which stores the nonce's hash and marks it used.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface TokenPayload {
  /** What the link is for: a verification link is never accepted as a reset link. */
  purpose: string;
  /** User id. */
  sub: number;
  /** Expiry, seconds since the epoch. */
  exp: number;
  /** Random, stored hashed for single use. */
  nonce: string;
}

export type TokenCheck = { ok: true; payload: TokenPayload } | { ok: false; reason: 'malformed' | 'signature' | 'purpose' | 'expired' };

function mac(secret: string, body: string): Buffer {
  // Domain-separated from the cookie signature, which uses the same secret.
  return createHmac('sha256', secret).update('hurtrock-link-token:').update(body).digest();
}

export function signToken(
  secret: string,
  input: { purpose: string; sub: number; ttlSeconds: number },
  now: Date = new Date(),
): { token: string; payload: TokenPayload } {
  const payload: TokenPayload = {
    purpose: input.purpose,
    sub: input.sub,
    exp: Math.floor(now.getTime() / 1000) + input.ttlSeconds,
    nonce: randomBytes(16).toString('base64url'),
  };
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return { token: `${body}.${mac(secret, body).toString('base64url')}`, payload };
}

export function verifyToken(secret: string, token: string, purpose: string, now: Date = new Date()): TokenCheck {
  if (typeof token !== 'string' || token.length > 1000) return { ok: false, reason: 'malformed' };
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return { ok: false, reason: 'malformed' };
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(secret, body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'signature' };
  let payload: TokenPayload;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenPayload;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof payload.sub !== 'number' || typeof payload.exp !== 'number' || typeof payload.nonce !== 'string') {
    return { ok: false, reason: 'malformed' };
  }
  if (payload.purpose !== purpose) return { ok: false, reason: 'purpose' };
  if (payload.exp * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, payload };
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function randomId(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
