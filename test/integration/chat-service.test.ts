import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SignJWT } from 'jose';
import { io as connectClient, type Socket as ClientSocket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChatApp, STAFF_ROOM, buildChatApp, userRoom } from '../../src/chat/app';
import { CHAT_SOCKET_PATH } from '../../src/chat/contract';
import { type ChatDbHandle, openChatDatabase } from '../../src/db/chat-db';
import { type Config, loadConfig } from '../../src/config';
import { CHAT_TOKEN_AUDIENCE, CHAT_TOKEN_ISSUER, signChatToken } from '../../src/lib/chat-tokens';
import { type TestDatabase, createTestDatabase, dbTargets } from '../helpers/databases';

describe.each(dbTargets)('chat service (%s)', (target) => {
  let dataDir: string;
  let config: Config;
  let testDb: TestDatabase;
  let db: ChatDbHandle;
  let app: ChatApp;
  let baseUrl: string;
  const clients: ClientSocket[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'hurtrock-chat-'));
    config = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      SESSION_SECRET: 'x'.repeat(40),
      CHAT_TOKEN_SECRET: 'y'.repeat(40),
    });
    testDb = await createTestDatabase(target);
    db = await openChatDatabase(config, { url: testDb.url, inMemory: true });
    await db.migrate();
    app = buildChatApp({ config, db, logger: false });
    await app.listen({ host: '127.0.0.1', port: 0 });
    baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    for (const c of clients) c.disconnect();
    await app?.close();
    await db?.close();
    await testDb?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Connects and resolves with the outcome: 'connected' or the connect_error message. */
  function connect(auth?: Record<string, unknown>): Promise<{ outcome: string; socket: ClientSocket }> {
    const socket = connectClient(baseUrl, {
      path: CHAT_SOCKET_PATH,
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      auth,
    });
    clients.push(socket);
    return new Promise((resolve) => {
      socket.once('connect', () => resolve({ outcome: 'connected', socket }));
      socket.once('connect_error', (err) => resolve({ outcome: err.message, socket }));
    });
  }

  const sign = (role: 'customer' | 'guest' | 'staff' | 'admin', sub = `${role}-1`) =>
    signChatToken({ sub, role, name: `Test ${role}` }, config.chatTokenSecret);

  it('answers /healthz', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('answers /readyz when the database is up', async () => {
    const res = await app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready', checks: { database: 'ok' } });
  });

  it('has the chat tables after migrating', async () => {
    await expect(db.db.execute('SELECT count(*) FROM chat_messages')).resolves.toBeDefined();
  });

  it('returns JSON for unknown routes', async () => {
    const res = await app.inject({ method: 'GET', url: '/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'not_found', message: 'Not found' } });
  });

  it('answers errors with JSON and never a stack trace', async () => {
    // A fresh app (not yet ready) so test-only routes can be added.
    const probe = buildChatApp({ config, db, logger: false });
    probe.get('/boom', async () => {
      throw new Error('secret detail at /srv/app.ts:1:1');
    });
    probe.post('/echo', async (request) => request.body);
    try {
      const boom = await probe.inject({ method: 'GET', url: '/boom' });
      expect(boom.statusCode).toBe(500);
      expect(boom.json()).toEqual({ error: { code: 'internal_error', message: 'Internal server error' } });

      const bad = await probe.inject({
        method: 'POST',
        url: '/echo',
        headers: { 'content-type': 'application/json' },
        payload: '{broken',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('bad_request');
      expect(bad.body).not.toMatch(/\bat .+:\d+:\d+|node_modules/);
    } finally {
      await probe.close();
    }
  });

  it('rejects a socket without a token', async () => {
    expect((await connect()).outcome).toBe('unauthorized');
  });

  it('rejects a socket with a forged token', async () => {
    const forged = await signChatToken({ sub: 'admin-1', role: 'admin', name: 'Mallory' }, 'z'.repeat(40));
    expect((await connect({ token: forged })).outcome).toBe('unauthorized');
  });

  it('rejects a socket with an expired token', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({ role: 'customer', name: 'Late' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('customer-9')
      .setIssuer(CHAT_TOKEN_ISSUER)
      .setAudience(CHAT_TOKEN_AUDIENCE)
      .setIssuedAt(now - 3600)
      .setExpirationTime(now - 60)
      .sign(new TextEncoder().encode(config.chatTokenSecret));
    expect((await connect({ token: expired })).outcome).toBe('unauthorized');
  });

  it('rejects a token with a role that is not allowed', async () => {
    const token = await new SignJWT({ role: 'superuser', name: 'Root' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('root')
      .setIssuer(CHAT_TOKEN_ISSUER)
      .setAudience(CHAT_TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(config.chatTokenSecret));
    expect((await connect({ token })).outcome).toBe('unauthorized');
  });

  it('ignores a role or id sent beside the token', async () => {
    const { outcome } = await connect({ token: await sign('customer', 'cust-7'), role: 'admin', sub: 'admin-1' });
    expect(outcome).toBe('connected');
    const [server] = await app.io.in(userRoom('cust-7')).fetchSockets();
    expect(server?.data.user).toEqual({ sub: 'cust-7', role: 'customer', name: 'Test customer' });
    expect(server?.rooms.has(STAFF_ROOM)).toBe(false);
    expect(await app.io.in(userRoom('admin-1')).fetchSockets()).toHaveLength(0);
  });

  it('accepts a valid staff token and joins the staff room', async () => {
    const { outcome } = await connect({ token: await sign('staff', 'staff-3') });
    expect(outcome).toBe('connected');
    const [server] = await app.io.in(userRoom('staff-3')).fetchSockets();
    expect(server?.rooms.has(STAFF_ROOM)).toBe(true);
    expect(server?.data.user.role).toBe('staff');
  });

  it('answers /readyz with 503 once the database is gone', async () => {
    // Its own database handle and app, so closing it cannot affect the other (shuffled) tests.
    const lost = await openChatDatabase(config, { url: testDb.url, inMemory: true });
    const probe = buildChatApp({ config, db: lost, logger: false });
    try {
      await lost.close();
      const res = await probe.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ status: 'unavailable', checks: { database: 'unavailable' }, failed: ['database'] });
    } finally {
      await probe.close();
    }
  });
});
