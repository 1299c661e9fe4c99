/**
 * Request ids from the store into the chat service's logs (X5): the store's proxy sends its request
 * id upstream as X-Request-Id — for /chat/api calls and for the socket's handshake — and the chat
 * service's pino lines carry it as `reqId`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type ChatApp, buildChatApp } from '../../src/chat/app';
import { openChatDatabase, type ChatDbHandle } from '../../src/db/chat-db';
import { connectSocket, tokenFor } from '../helpers/chat-harness';
import { createTestStore, testConfig, type TestStore } from '../helpers/store-app';

describe('request ids across the store and the chat service', () => {
  const lines: Array<Record<string, unknown>> = [];
  let store: TestStore;
  let chat: ChatApp;
  let chatDb: ChatDbHandle;
  let storeUrl: string;
  let dataDir: string;

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    // The test configuration's chat token secret is the one the store signs with.
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'hurtrock-reqid-'));
    const config = testConfig(dataDir);
    chatDb = await openChatDatabase(config, { inMemory: true });
    await chatDb.migrate();
    chat = buildChatApp({ config, db: chatDb, logger: pino({ level: 'info' }, sink) });
    await chat.listen({ host: '127.0.0.1', port: 0 });
    const chatUrl = `http://127.0.0.1:${(chat.server.address() as AddressInfo).port}`;
    store = await createTestStore('pglite', { sampleData: false, env: { CHAT_URL: chatUrl } });
    await store.app.listen({ host: '127.0.0.1', port: 0 });
    storeUrl = `http://127.0.0.1:${(store.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await store?.close();
    await chat?.close();
    await chatDb?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const chatLinesWith = (reqId: string) => lines.filter((l) => l.reqId === reqId);

  it('forwards the id a proxy gave the store, and the one the store made itself, to /chat/api calls', async () => {
    const given = await store.app.inject({ method: 'GET', url: '/chat/api/attachments/none', headers: { 'x-request-id': 'lb-trace.42' } });
    expect(given.headers['x-request-id']).toBe('lb-trace.42');
    expect(given.statusCode).toBeGreaterThanOrEqual(400);
    await vi.waitFor(() => expect(chatLinesWith('lb-trace.42').map((l) => l.msg)).toContain('incoming request'));

    const made = await store.app.inject({ method: 'GET', url: '/chat/api/attachments/none' });
    const id = String(made.headers['x-request-id']);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await vi.waitFor(() => expect(chatLinesWith(id).length).toBeGreaterThan(0));
  });

  it('names the socket’s log lines with the id of the store request that opened it', async () => {
    const token = await tokenFor(store.config, 'customer');
    const socket = await connectSocket(storeUrl, token, { extraHeaders: { 'x-request-id': 'ws-trace.7' } });
    try {
      await vi.waitFor(() => expect(chatLinesWith('ws-trace.7').map((l) => l.msg)).toContain('chat socket connected'));
      const connected = chatLinesWith('ws-trace.7').find((l) => l.msg === 'chat socket connected');
      expect(connected).toMatchObject({ role: 'customer' });
      expect(connected?.socketId).toBeTruthy();
    } finally {
      socket.close();
    }
    await vi.waitFor(() => expect(chatLinesWith('ws-trace.7').map((l) => l.msg)).toContain('chat socket disconnected'));
  });
});
