/**
 * TRUST_PROXY: the client address (per-IP limits, the audit log) comes from X-Forwarded-For only
 * as far as the configured proxies vouch for it. Before, `true` believed the leftmost entry, which
 * is whatever the client wrote.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '../helpers/store-app';

const probe = (app: FastifyInstance) => app.get('/__ip', async (request) => ({ ip: request.ip }));

async function ipSeen(store: TestStore, remoteAddress: string, forwardedFor?: string) {
  const res = await store.app.inject({
    method: 'GET',
    url: '/__ip',
    remoteAddress,
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  });
  return (res.json() as { ip: string }).ip;
}

describe('client address behind a reverse proxy', () => {
  let behindProxy: TestStore;
  let direct: TestStore;
  beforeAll(async () => {
    [behindProxy, direct] = await Promise.all([
      createTestStore('pglite', { sampleData: false, env: { TRUST_PROXY: 'true' }, beforeReady: probe }),
      createTestStore('pglite', { sampleData: false, beforeReady: probe }),
    ]);
  });
  afterAll(async () => {
    await behindProxy?.close();
    await direct?.close();
  });

  it('takes the address the local proxy saw, not one the client made up', async () => {
    // nginx on this machine appends the real peer to whatever the client sent.
    expect(await ipSeen(behindProxy, '127.0.0.1', '6.6.6.6, 203.0.113.5')).toBe('203.0.113.5');
    expect(await ipSeen(behindProxy, '127.0.0.1', '203.0.113.5')).toBe('203.0.113.5');
    // A client reaching the store directly cannot claim another address.
    expect(await ipSeen(behindProxy, '198.51.100.7', '6.6.6.6')).toBe('198.51.100.7');
  });

  it('ignores X-Forwarded-For entirely without TRUST_PROXY', async () => {
    expect(await ipSeen(direct, '127.0.0.1', '6.6.6.6, 203.0.113.5')).toBe('127.0.0.1');
  });
});
