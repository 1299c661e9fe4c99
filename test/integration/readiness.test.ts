/**
 * Readiness (X5) distinct from liveness: the store's /readyz asks its database, Redis when
 * configured and the chat service (its health URL, within a short timeout); the chat service's own
 * /readyz asks its database and Redis. Each failing dependency is named in the JSON body.
 */
import { createServer, type Server } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRedis } from '../../src/lib/redis';
import { CHAT_CHECK_TIMEOUT_MS } from '../../src/store/health/routes';
import { type ChatHarness, startChat } from '../helpers/chat-harness';
import { dbTargets } from '../helpers/databases';
import { createTestStore, type TestStore } from '../helpers/store-app';

const opened: TestStore[] = [];
afterAll(async () => {
  for (const store of opened) await store.close();
});

async function store(...args: Parameters<typeof createTestStore>) {
  const s = await createTestStore(...args);
  opened.push(s);
  return s;
}

/** Nothing listens on port 1 of loopback. */
const DOWN = 'http://127.0.0.1:1/healthz';

/** An HTTP server whose every answer is decided by `handler` (a chat service that is slow or sick). */
async function stub(handler: Parameters<typeof createServer>[1]): Promise<{ url: string; server: Server }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe.each(dbTargets)('store readiness on %s', (target) => {
  let chat: ChatHarness;
  beforeAll(async () => {
    chat = await startChat(target);
  });
  afterAll(() => chat?.close());

  it('is ready when the database and the chat service answer, and says which checks ran', async () => {
    const s = await store(target, { sampleData: false, env: { CHAT_URL: chat.url } });
    const ready = await s.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.headers['cache-control']).toBe('no-store');
    expect(ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', chat: 'ok' } });
  });

  it('turns 503 when the database goes away, while liveness stays 200', async () => {
    const s = await store(target, { sampleData: false, env: { CHAT_URL: chat.url } });
    await s.database.close();
    const ready = await s.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ status: 'unavailable', checks: { database: 'unavailable', chat: 'ok' }, failed: ['database'] });
    expect((await s.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });

  it('is not ready when the chat service is down, and names it', async () => {
    const s = await store(target, { sampleData: false, env: { CHAT_HEALTH_URL: DOWN } });
    const ready = await s.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ status: 'unavailable', checks: { database: 'ok', chat: 'unavailable' }, failed: ['chat'] });
    expect((await s.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });

  it('gives a chat service that does not answer only a short timeout, and one that answers 503 counts as down', async () => {
    const hanging = await stub(() => {});
    const sick = await stub((_req, res) => res.writeHead(503).end('{"status":"unavailable"}'));
    try {
      const slow = await store(target, { sampleData: false, env: { CHAT_HEALTH_URL: `${hanging.url}/healthz` } });
      const started = Date.now();
      const ready = await slow.app.inject({ method: 'GET', url: '/readyz' });
      expect(Date.now() - started).toBeLessThan(CHAT_CHECK_TIMEOUT_MS + 1_000);
      expect(ready.statusCode).toBe(503);
      expect(ready.json().failed).toEqual(['chat']);

      const unwell = await store(target, { sampleData: false, env: { CHAT_HEALTH_URL: `${sick.url}/readyz` } });
      expect((await unwell.app.inject({ method: 'GET', url: '/readyz' })).json().failed).toEqual(['chat']);
    } finally {
      hanging.server.closeAllConnections();
      hanging.server.close();
      sick.server.close();
    }
  });

  it('does not ask the chat service with CHAT_HEALTH_URL=off', async () => {
    const s = await store(target, { sampleData: false, env: { CHAT_HEALTH_URL: 'off' } });
    expect((await s.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ready', checks: { database: 'ok' } });
  });

  it('checks Redis when it is configured and unreachable', async () => {
    const redis = createRedis('redis://127.0.0.1:1');
    const s = await store(target, { sampleData: false, redis, env: { CHAT_URL: chat.url } });
    const ready = await s.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({
      status: 'unavailable',
      checks: { database: 'ok', redis: 'unavailable', chat: 'ok' },
      failed: ['redis'],
    });
    redis.disconnect();
  });

  it.runIf(process.env.TEST_REDIS_URL)('is ready with a live Redis', async () => {
    const redis = createRedis(process.env.TEST_REDIS_URL!);
    await redis.connect();
    const s = await store(target, { sampleData: false, redis, env: { CHAT_URL: chat.url } });
    const ready = await s.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', redis: 'ok', chat: 'ok' } });
    redis.disconnect();
  });
});

describe.each(dbTargets)('chat readiness on %s', (target) => {
  let chat: ChatHarness;
  beforeAll(async () => {
    chat = await startChat(target);
  });
  afterAll(() => chat?.close());

  it('is ready when its database answers, and not once the database is gone', async () => {
    const ready = await fetch(`${chat.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { database: 'ok' } });
    expect((await fetch(`${chat.url}/healthz`)).status).toBe(200);
  });

  it.runIf(process.env.TEST_REDIS_URL)('names Redis when it goes away, while liveness stays 200', async () => {
    // A TCP relay in front of the test Redis: closing it is Redis going down for this instance only.
    const upstream = new URL(process.env.TEST_REDIS_URL!);
    const links = new Set<net.Socket>();
    const relay = net.createServer((client) => {
      const server = net.connect(Number(upstream.port || 6379), upstream.hostname);
      for (const s of [client, server]) {
        links.add(s);
        s.on('error', () => {});
      }
      client.pipe(server).pipe(client);
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
    const redisUrl = `redis://127.0.0.1:${(relay.address() as AddressInfo).port}`;
    const other = await chat.startInstance({ redisUrl, redisKey: `readyz-down-${Date.now()}` });
    expect(await (await fetch(`${other.url}/readyz`)).json()).toEqual({ status: 'ready', checks: { database: 'ok', redis: 'ok' } });

    relay.close();
    for (const s of links) s.destroy();
    const res = await fetch(`${other.url}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'unavailable', checks: { database: 'ok', redis: 'unavailable' }, failed: ['redis'] });
    expect((await fetch(`${other.url}/healthz`)).status).toBe(200);

    // Redis back on the same address: ready again once ioredis has reconnected.
    await new Promise<void>((resolve) => relay.listen(Number(new URL(redisUrl).port), '127.0.0.1', resolve));
    await vi.waitFor(async () => expect((await fetch(`${other.url}/readyz`)).status).toBe(200), { timeout: 10_000, interval: 200 });
    relay.close();
  });

  it.runIf(process.env.TEST_REDIS_URL)('is ready with a live Redis', async () => {
    const other = await chat.startInstance({ redisUrl: process.env.TEST_REDIS_URL, redisKey: `readyz-${Date.now()}` });
    const res = await fetch(`${other.url}/readyz`);
    expect(await res.json()).toEqual({ status: 'ready', checks: { database: 'ok', redis: 'ok' } });
  });
});
