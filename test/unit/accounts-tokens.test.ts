import { describe, expect, it } from 'vitest';
import { signToken, verifyToken } from '../../src/lib/tokens';
import { maskToken, tokenMatches } from '../../src/store/plugins/csrf';
import { lockRemaining, LOGIN_LOCK_POLICY, memoryFailureCounter } from '../../src/lib/rate-limit';

const SECRET = 'unit-test-secret-'.padEnd(40, 'z');

describe('signed link tokens', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  it('verifies within the lifetime and for the same purpose only', () => {
    const { token, payload } = signToken(SECRET, { purpose: 'reset', sub: 7, ttlSeconds: 3600 }, now);
    expect(verifyToken(SECRET, token, 'reset', new Date(now.getTime() + 3599_000))).toEqual({ ok: true, payload });
    expect(verifyToken(SECRET, token, 'verify', now)).toEqual({ ok: false, reason: 'purpose' });
  });
  it('expires', () => {
    const { token } = signToken(SECRET, { purpose: 'reset', sub: 7, ttlSeconds: 3600 }, now);
    expect(verifyToken(SECRET, token, 'reset', new Date(now.getTime() + 3600_000))).toEqual({ ok: false, reason: 'expired' });
  });
  it('refuses tampering, another secret and garbage', () => {
    const { token } = signToken(SECRET, { purpose: 'reset', sub: 7, ttlSeconds: 3600 }, now);
    const [body, sig] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body!, 'base64url').toString()), sub: 1 })).toString('base64url');
    expect(verifyToken(SECRET, `${forged}.${sig}`, 'reset', now).ok).toBe(false);
    expect(verifyToken('another-secret'.padEnd(40, 'q'), token, 'reset', now)).toEqual({ ok: false, reason: 'signature' });
    for (const garbage of ['', 'abc', 'a.b.c', '.', 'x'.repeat(2000)]) expect(verifyToken(SECRET, garbage, 'reset', now).ok).toBe(false);
  });
  it('makes a new nonce every time', () => {
    const a = signToken(SECRET, { purpose: 'verify', sub: 1, ttlSeconds: 60 }, now);
    const b = signToken(SECRET, { purpose: 'verify', sub: 1, ttlSeconds: 60 }, now);
    expect(a.payload.nonce).not.toBe(b.payload.nonce);
  });
});

describe('CSRF tokens', () => {
  const secret = Buffer.alloc(32, 7).toString('base64url');
  it('are masked differently on every page but all match the session secret', () => {
    const a = maskToken(secret);
    const b = maskToken(secret);
    expect(a).not.toBe(b);
    expect(tokenMatches(secret, a)).toBe(true);
    expect(tokenMatches(secret, b)).toBe(true);
  });
  it('do not match another session or garbage', () => {
    const other = Buffer.alloc(32, 8).toString('base64url');
    expect(tokenMatches(other, maskToken(secret))).toBe(false);
    for (const bad of [undefined, '', 'AAAA', 42, ['x']]) expect(tokenMatches(secret, bad)).toBe(false);
  });
});

describe('login lock-out', () => {
  it('starts after 5 failures and doubles', async () => {
    const counter = memoryFailureCounter();
    const t0 = 1_000_000;
    for (let i = 0; i < 4; i++) await counter.recordFailure('k', t0);
    expect(lockRemaining(LOGIN_LOCK_POLICY, await counter.failures('k'), t0)).toBe(0);
    await counter.recordFailure('k', t0);
    expect(lockRemaining(LOGIN_LOCK_POLICY, { count: 5, lastAt: t0 }, t0)).toBe(30);
    expect(lockRemaining(LOGIN_LOCK_POLICY, { count: 6, lastAt: t0 }, t0)).toBe(60);
    expect(lockRemaining(LOGIN_LOCK_POLICY, { count: 20, lastAt: t0 }, t0)).toBe(900);
    expect(lockRemaining(LOGIN_LOCK_POLICY, { count: 5, lastAt: t0 }, t0 + 31_000)).toBe(0);
    await counter.reset('k');
    expect((await counter.failures('k')).count).toBe(0);
  });
});
