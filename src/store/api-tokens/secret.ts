/**
 * Personal access tokens with no I/O: how a secret looks, how it is hashed, how it is read from
 * an `Authorization` header and what each scope allows. Unit-tested on its own.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { ApiTokenScope } from '../../db/schema';

/** Every secret starts with this, so a leaked one is recognisable (secret scanners, logs). */
export const TOKEN_PREFIX = 'hrt_';
/** 32 random bytes: far beyond guessing, which is why a plain SHA-256 is enough to store it. */
const SECRET_BYTES = 32;
const SECRET_PATTERN = /^hrt_[A-Za-z0-9_-]{43}$/;
/** Characters of the secret shown on the account page to tell tokens apart (prefix included). */
export const HINT_LENGTH = 10;

export const API_TOKEN_SCOPES = ['read', 'write'] as const satisfies readonly ApiTokenScope[];

export function newTokenSecret(): string {
  return TOKEN_PREFIX + randomBytes(SECRET_BYTES).toString('base64url');
}

export function hashTokenSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export const isTokenSecret = (value: string): boolean => SECRET_PATTERN.test(value);

export type BearerHeader = { kind: 'none' } | { kind: 'malformed' } | { kind: 'token'; secret: string };

/**
 * Reads `Authorization: Bearer hrt_…`. No header is "none" (the cookie may authenticate); any other
 * Authorization value is "malformed", refused rather than ignored, so a typo never falls back to
 * the browser's session.
 */
export function readBearer(header: string | undefined): BearerHeader {
  if (header === undefined || header === '') return { kind: 'none' };
  const match = /^Bearer +(\S+) *$/i.exec(header);
  if (!match || !isTokenSecret(match[1]!)) return { kind: 'malformed' };
  return { kind: 'token', secret: match[1]! };
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** `read` tokens may only read; `write` tokens may also change (POST, PUT, PATCH, DELETE). */
export function scopeAllows(scope: ApiTokenScope, method: string): boolean {
  return scope === 'write' || READ_METHODS.has(method.toUpperCase());
}
