/** Personal access tokens without I/O: the secret's form, its hash, the Authorization header and the scopes. */
import { describe, expect, it } from 'vitest';
import { hashTokenSecret, isTokenSecret, newTokenSecret, readBearer, scopeAllows, TOKEN_PREFIX } from '../../src/store/api-tokens/secret';
import { createApiTokenService, MAX_LIVE_TOKENS } from '../../src/store/api-tokens/service';
import type { ApiTokenRepository } from '../../src/store/api-tokens/repository';
import type { TokenSummary } from '../../src/store/api-tokens/types';

describe('token secrets', () => {
  it('are prefixed, 256 random bits, and never repeat', () => {
    const secrets = new Set(Array.from({ length: 200 }, newTokenSecret));
    expect(secrets.size).toBe(200);
    for (const secret of secrets) {
      expect(secret.startsWith(TOKEN_PREFIX)).toBe(true);
      expect(isTokenSecret(secret)).toBe(true);
      expect(Buffer.from(secret.slice(TOKEN_PREFIX.length), 'base64url')).toHaveLength(32);
    }
  });

  it('are stored as a SHA-256 that is stable and differs per secret', () => {
    const secret = newTokenSecret();
    expect(hashTokenSecret(secret)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashTokenSecret(secret)).toBe(hashTokenSecret(secret));
    expect(hashTokenSecret(secret)).not.toBe(hashTokenSecret(newTokenSecret()));
    expect(hashTokenSecret(secret)).not.toContain(secret.slice(TOKEN_PREFIX.length, 20));
  });
});

describe('the Authorization header', () => {
  const secret = newTokenSecret();
  it('reads a bearer token, any case of the scheme', () => {
    expect(readBearer(`Bearer ${secret}`)).toEqual({ kind: 'token', secret });
    expect(readBearer(`bearer ${secret}`)).toEqual({ kind: 'token', secret });
  });
  it('is "none" when absent, so the session may answer', () => {
    expect(readBearer(undefined)).toEqual({ kind: 'none' });
    expect(readBearer('')).toEqual({ kind: 'none' });
  });
  it.each([
    ['Basic dXNlcjpwYXNz'],
    [`Bearer ${secret.slice(0, -1)}`],
    [`Bearer ${secret}x`],
    ['Bearer hrt_'],
    [`Token ${secret}`],
    [`Bearer ${secret.replace('hrt_', 'ghp_')}`],
    [`Bearer ${secret} extra`],
  ])('refuses %s as malformed instead of ignoring it', (header) => {
    expect(readBearer(header)).toEqual({ kind: 'malformed' });
  });
});

describe('scopes', () => {
  it('read may only read', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS', 'get']) expect(scopeAllows('read', method)).toBe(true);
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) expect(scopeAllows('read', method)).toBe(false);
  });
  it('write may read and change', () => {
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) expect(scopeAllows('write', method)).toBe(true);
  });
});

describe('the token service', () => {
  const actor = { id: 1, email: 'a@example.com', role: 'customer', ip: null };

  /** A repository in memory; the transaction passes a dummy and audit entries are collected. */
  function fakeStore() {
    const rows: (TokenSummary & { userId: number; secretHash: string })[] = [];
    const audits: unknown[] = [];
    const tx = { insert: () => ({ values: async (v: unknown) => void audits.push(v) }) };
    const repo = {
      listForUser: async (userId: number) => rows.filter((r) => r.userId === userId),
      lockOwner: async () => {},
      countLive: async (_tx: unknown, userId: number) => rows.filter((r) => r.userId === userId && !r.revokedAt).length,
      insert: async (_tx: unknown, v: { userId: number; name: string; scope: 'read' | 'write'; secretHash: string; hint: string }) => {
        const row = { id: rows.length + 1, createdAt: new Date(), lastUsedAt: null, revokedAt: null, ...v };
        rows.push(row);
        return row;
      },
      revoke: async (_tx: unknown, userId: number, id: number, at: Date) => {
        const row = rows.find((r) => r.id === id && r.userId === userId && !r.revokedAt);
        if (row) row.revokedAt = at;
        return row;
      },
      findLiveByHash: async (hash: string) => {
        const row = rows.find((r) => r.secretHash === hash && !r.revokedAt);
        return row && { tokenId: row.id, userId: row.userId, scope: row.scope };
      },
      touch: async (id: number, at: Date) => {
        const row = rows.find((r) => r.id === id);
        if (row) row.lastUsedAt = at;
      },
    } as unknown as ApiTokenRepository;
    const service = createApiTokenService({ repo, transaction: (work) => work(tx as never) });
    return { rows, audits, service };
  }

  it('keeps only the hash, finds the token by its secret, and forgets it once revoked', async () => {
    const { rows, audits, service } = fakeStore();
    const created = await service.create(7, { name: 'Stock script', scope: 'read' }, actor);
    if (!created.ok) throw new Error('refused');
    expect(rows[0]!.secretHash).toBe(hashTokenSecret(created.secret));
    expect(JSON.stringify(rows)).not.toContain(created.secret);
    expect(created.token.hint).toBe(created.secret.slice(0, 10));
    expect(await service.authenticate(created.secret)).toEqual({ tokenId: 1, userId: 7, scope: 'read' });
    expect(rows[0]!.lastUsedAt).toBeInstanceOf(Date);
    expect(await service.revoke(8, 1, actor)).toBe(false);
    expect(await service.revoke(7, 1, actor)).toBe(true);
    expect(await service.revoke(7, 1, actor)).toBe(false);
    expect(await service.authenticate(created.secret)).toBeUndefined();
    expect(audits).toHaveLength(2);
  });

  it(`refuses an account's ${MAX_LIVE_TOKENS + 1}th live token, and allows one again after a revocation`, async () => {
    const { service } = fakeStore();
    for (let i = 0; i < MAX_LIVE_TOKENS; i++) expect((await service.create(7, { name: `t${i}`, scope: 'read' }, actor)).ok).toBe(true);
    expect(await service.create(7, { name: 'one more', scope: 'write' }, actor)).toEqual({ ok: false, reason: 'limit' });
    expect((await service.create(8, { name: 'other account', scope: 'write' }, actor)).ok).toBe(true);
    await service.revoke(7, 1, actor);
    expect((await service.create(7, { name: 'again', scope: 'write' }, actor)).ok).toBe(true);
  });
});
