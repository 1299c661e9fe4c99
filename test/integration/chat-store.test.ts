import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChatToken } from '../../src/lib/chat-tokens';
import { type ChatHarness, connectSocket, nextEvent, request, startChat } from '../helpers/chat-harness';
import { dbTargets } from '../helpers/databases';
import { freePorts } from '../helpers/free-ports';
import { createTestStore, type TestStore } from '../helpers/store-app';
import { createUser, TestBrowser } from './accounts-client';

const PASSWORD = 'Chat-Store-Password-2026';
const SECRET = 'test-chat-token-secret-'.padEnd(48, 'y'); // the one test/helpers/store-app.ts uses

describe.each(dbTargets)('store side of the chat (%s)', (target) => {
  let chat: ChatHarness;
  let store: TestStore;
  let storeUrl: string;

  beforeAll(async () => {
    chat = await startChat(target, { env: { CHAT_TOKEN_SECRET: SECRET } });
    store = await createTestStore(target, { sampleData: false, env: { CHAT_URL: chat.url } });
    await store.app.listen({ host: '127.0.0.1', port: 0 });
    storeUrl = `http://127.0.0.1:${(store.app.server.address() as AddressInfo).port}`;
    await createUser(store.database.db, { email: 'cust@chat.example', name: 'Budi Gitaris', password: PASSWORD });
    await createUser(store.database.db, { email: 'staff@chat.example', role: 'staff', password: PASSWORD });
  });
  afterAll(async () => {
    await store?.close();
    await chat?.close();
  });

  const json = { accept: 'application/json' };

  it('refuses a token to anonymous visitors (401 JSON)', async () => {
    const res = await new TestBrowser(store.app).get('/chat/token', json);
    expect(res.status).toBe(401);
  });

  it('gives a customer a 15-minute token for their own id, and staff a staff token', async () => {
    const b = new TestBrowser(store.app);
    await b.login('cust@chat.example', PASSWORD);
    const res = await b.get('/chat/token', json);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = JSON.parse(res.body);
    expect(body.expiresIn).toBe(900);
    const claims = await verifyChatToken(body.token, SECRET);
    const [user] = await store.database.db.query.users.findMany({ where: (u, { eq }) => eq(u.email, 'cust@chat.example') });
    expect(claims).toEqual({ sub: `user:${user!.id}`, role: 'customer', name: 'Budi Gitaris' });

    const s = new TestBrowser(store.app);
    await s.login('staff@chat.example', PASSWORD);
    expect((await verifyChatToken(JSON.parse((await s.get('/chat/token', json)).body).token, SECRET))?.role).toBe('staff');
  });

  it('gives a guest a token bound to their session after name and email (CSRF-checked)', async () => {
    const b = new TestBrowser(store.app);
    const { csrfToken } = JSON.parse((await b.get('/chat/guest', json)).body);
    const post = (payload: unknown, csrf = csrfToken) =>
      store.app.inject({
        method: 'POST',
        url: '/chat/guest',
        headers: { ...json, 'content-type': 'application/json', 'x-csrf-token': csrf, cookie: `sid=${b.cookies.get('sid')}` },
        payload: JSON.stringify(payload),
      });
    expect((await post({ name: 'Sari', email: 'sari@example.com' }, 'forged')).statusCode).toBe(403);
    expect((await post({ name: '', email: 'not-an-email' })).statusCode).toBe(400);
    const first = await verifyChatToken((await post({ name: 'Sari', email: 'sari@example.com' })).json().token, SECRET);
    expect(first?.role).toBe('guest');
    expect(first?.sub).toMatch(/^guest:[\w-]{24}$/);
    expect(first?.name).toBe('Sari <sari@example.com>');
    // A refresh in the same session resumes the same conversation; another browser is someone else.
    const again = await verifyChatToken((await post({ name: 'Sari', email: 'sari@example.com', sub: 'guest:x' })).json().token, SECRET);
    expect(again?.sub).toBe(first?.sub);
    const other = new TestBrowser(store.app);
    const otherCsrf = JSON.parse((await other.get('/chat/guest', json)).body).csrfToken;
    const res = await store.app.inject({
      method: 'POST',
      url: '/chat/guest',
      headers: { ...json, 'content-type': 'application/json', 'x-csrf-token': otherCsrf, cookie: `sid=${other.cookies.get('sid')}` },
      payload: JSON.stringify({ name: 'Sari', email: 'sari@example.com' }),
    });
    expect((await verifyChatToken(res.json().token, SECRET))?.sub).not.toBe(first?.sub);
  });

  it('proxies the socket through the store origin: a store-issued token reaches staff', async () => {
    const b = new TestBrowser(store.app);
    await b.login('cust@chat.example', PASSWORD);
    const token = JSON.parse((await b.get('/chat/token', json)).body).token;
    const staff = await connectSocket(
      chat.url,
      await (async () => {
        const s = new TestBrowser(store.app);
        await s.login('staff@chat.example', PASSWORD);
        return JSON.parse((await s.get('/chat/token', json)).body).token as string;
      })(),
    );
    // The browser's Origin is the store; the proxy passes it on and the chat service accepts it.
    await expect(connectSocket(storeUrl, token, { extraHeaders: { origin: 'https://evil.example' } })).rejects.toThrow();
    const customer = await connectSocket(storeUrl, token, { extraHeaders: { origin: storeUrl } });
    try {
      const seen = nextEvent(staff, 'message:new', (p) => p.message.body === 'via the store proxy');
      expect((await request(customer, 'message:send', { body: 'via the store proxy' })).ok).toBe(true);
      expect((await seen).conversation.customerName).toBe('Budi Gitaris');
    } finally {
      customer.disconnect();
      staff.disconnect();
    }
  });

  it('keeps working when the chat service is down; only the proxied path fails', async () => {
    const [deadPort] = await freePorts(1);
    const lonely = await createTestStore(target, { sampleData: false, env: { CHAT_URL: `http://127.0.0.1:${deadPort}` } });
    try {
      expect((await lonely.app.inject({ method: 'GET', url: '/' })).statusCode).toBe(200);
      const proxied = await lonely.app.inject({ method: 'GET', url: '/chat/socket.io/?EIO=4&transport=polling' });
      expect(proxied.statusCode).toBeGreaterThanOrEqual(500);
      // A WebSocket through the store is refused at once (503), not left to the 20 s client timeout.
      await lonely.app.listen({ host: '127.0.0.1', port: 0 });
      const started = Date.now();
      await expect(connectSocket(`http://127.0.0.1:${(lonely.app.server.address() as AddressInfo).port}`, 'x')).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      await lonely.close();
    }
  });
});
